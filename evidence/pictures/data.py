"""What the pictures show, read from the database: no drawing here (see ``static`` and ``geojson``).

- Tracks are cut into pieces at reception gaps (no position for longer than ``settings.PICTURE_GAP_SECONDS``, or a
  new-leg flag in the source): a gap is drawn as a gap, never as a straight line across it.
- Region outlines are Flightcheck's own ``Region`` geometries, chosen by bounding box and by size for the zoom (a
  region smaller than a few pixels is left out), simplified to the zoom's tolerance, at most ``limit`` of them.
- A timeline is the scope's missions per day/week/month, the baseline rate (by default the 365 days before the
  period) as an expected value with a Poisson 5–95 % band per bucket, and, for a claim, the claimed rate per bucket.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import struct
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from shapely.geometry.base import BaseGeometry

from evidence.flightdata import Positions
from evidence.flightdata.trackcodec import TrackCodecError, decode_track
from evidence.models import Mission, MissionRegion, Region
from evidence.scope import Period, Scope
from evidence.selectors import breakdown, count_missions, describe_period, near_nm

#: Region kinds drawn as the base layer, and the order they are drawn in (big areas first, lines last).
OUTLINE_ORDER = ("country", "gulf", "us_state", "mx_state", "peninsula", "area", "airspace", "border")
#: Most outlines sent or drawn for one picture, largest first.
OUTLINE_LIMIT = 400
#: A region is drawn only when its bounding box spans at least this many times the simplification tolerance.
MIN_REGION_SPAN = 3.0


def pictures_cache():
    """The pictures' cache (settings.CACHES["pictures"]; the default cache when there is none)."""
    return caches["pictures"] if "pictures" in settings.CACHES else caches["default"]


def gap_seconds() -> float:
    return float(getattr(settings, "PICTURE_GAP_SECONDS", 120.0))


# --- Tracks ----------------------------------------------------------------------------------------------------------


@dataclass
class TrackPiece:
    """A stretch of track with no reception gap: parallel arrays (degrees, feet; NaN altitude = unknown)."""

    lon: np.ndarray
    lat: np.ndarray
    alt_ft: np.ndarray
    t: np.ndarray

    def __len__(self) -> int:
        return int(self.lon.shape[0])


@dataclass
class NearPoint:
    """The track's point nearest a region it came near (not over), with the stored distance in nm."""

    slug: str
    name: str
    distance_nm: float
    track_lon: float
    track_lat: float
    region_lon: float
    region_lat: float


@dataclass
class MissionTrack:
    mission_id: int
    label: str
    pieces: list[TrackPiece]
    orbits: list[dict[str, Any]] = field(default_factory=list)
    over: list[tuple[str, str]] = field(default_factory=list)
    near: list[NearPoint] = field(default_factory=list)
    type_designator: str = ""

    @property
    def point_count(self) -> int:
        return sum(len(p) for p in self.pieces)

    @property
    def start(self) -> tuple[float, float] | None:
        return (float(self.pieces[0].lon[0]), float(self.pieces[0].lat[0])) if self.pieces else None

    @property
    def end(self) -> tuple[float, float] | None:
        return (float(self.pieces[-1].lon[-1]), float(self.pieces[-1].lat[-1])) if self.pieces else None

    @property
    def gap_count(self) -> int:
        return max(len(self.pieces) - 1, 0)

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(min_lon, min_lat, max_lon, max_lat) of the track, or None without positions."""
        if not self.pieces:
            return None
        lon = np.concatenate([p.lon for p in self.pieces])
        lat = np.concatenate([p.lat for p in self.pieces])
        return float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())


def track_pieces(data: bytes | memoryview | None, *, gap_s: float | None = None) -> list[TrackPiece]:
    """The decoded track cut at reception gaps; [] when there is none or it cannot be decoded."""
    if not data:
        return []
    try:
        pos = decode_track(bytes(data))
    except TrackCodecError:
        return []
    return pieces_from_positions(pos, gap_s=gap_s)


def pieces_from_positions(pos: Positions, *, gap_s: float | None = None) -> list[TrackPiece]:
    """Positions cut at reception gaps (no position for longer than the gap, or a new-leg flag)."""
    ok = np.isfinite(pos.lat) & np.isfinite(pos.lon)
    t, lat, lon, alt, leg = pos.t[ok], pos.lat[ok], pos.lon[ok], pos.alt_ft[ok], pos.new_leg[ok]
    if t.size == 0:
        return []
    limit = gap_seconds() if gap_s is None else gap_s
    cuts = np.flatnonzero((np.diff(t) > limit) | leg[1:]) + 1
    bounds = [0, *cuts.tolist(), int(t.size)]
    return [
        TrackPiece(lon=lon[a:b], lat=lat[a:b], alt_ft=alt[a:b], t=t[a:b])
        for a, b in itertools.pairwise(bounds)
        if b > a
    ]


def thin(piece: TrackPiece, max_points: int) -> TrackPiece:
    """Every n-th position (first and last kept) so that at most ``max_points`` remain."""
    n = len(piece)
    if n <= max_points or max_points < 2:
        return piece
    index = np.unique(np.concatenate([np.linspace(0, n - 1, max_points).round().astype(int), [n - 1]]))
    return TrackPiece(lon=piece.lon[index], lat=piece.lat[index], alt_ft=piece.alt_ft[index], t=piece.t[index])


def mission_label(mission: Mission) -> str:
    return _label(mission.aircraft_type_id, mission.callsign, mission.aircraft_id, mission.start)


def _label(type_id: str | None, callsign: str, hex_: str, start: dt.datetime) -> str:
    who = " ".join(x for x in (type_id or "?", callsign or hex_) if x)
    return f"{who} {start.astimezone(dt.UTC):%Y-%m-%d %H:%MZ}"


# --- Overviews: small simplified tracks for maps of many missions, cached --------------------------------------------

#: Douglas–Peucker tolerance of an overview, in degrees (about 1 km): finer than a pixel up to zoom 8.
OVERVIEW_TOLERANCE = 0.01
OVERVIEW_MAX_ZOOM = 8
OVERVIEW_TTL = 30 * 24 * 3600


def simplify_indices(pieces: list[TrackPiece], tolerance: float) -> list[np.ndarray]:
    """For every piece, the indices of the positions Douglas–Peucker keeps at ``tolerance`` degrees: one vectorised
    Shapely call builds all the lines and one simplifies them (the position index rides along as the Z coordinate)."""
    out: list[np.ndarray] = [np.arange(len(p)) for p in pieces]
    long = [i for i, p in enumerate(pieces) if len(p) > 2]
    if not long:
        return out
    lengths = np.array([len(pieces[i]) for i in long])
    xyz = np.column_stack([
        np.concatenate([pieces[i].lon for i in long]),
        np.concatenate([pieces[i].lat for i in long]),
        np.concatenate([np.arange(n, dtype=float) for n in lengths]),
    ])
    lines = shapely.linestrings(xyz, indices=np.repeat(np.arange(len(long)), lengths))
    simple = shapely.simplify(lines, tolerance, preserve_topology=False)
    coords, owner = shapely.get_coordinates(simple, include_z=True, return_index=True)
    splits = np.flatnonzero(np.diff(owner)) + 1
    for i, chunk in zip(long, np.split(coords[:, 2].astype(int), splits), strict=True):
        out[i] = chunk
    return out


def _pack(pieces: list[TrackPiece]) -> bytes:
    lengths = np.array([len(p) for p in pieces], dtype="<i4")
    body = [np.concatenate([p.lon for p in pieces]), np.concatenate([p.lat for p in pieces]),
            np.concatenate([p.alt_ft for p in pieces])] if pieces else []
    return lengths.size.to_bytes(4, "little") + lengths.tobytes() + b"".join(a.astype("<f4").tobytes() for a in body)


def _unpack(blob: bytes) -> list[TrackPiece]:
    n = int.from_bytes(blob[:4], "little")
    lengths = np.frombuffer(blob, dtype="<i4", count=n, offset=4)
    total = int(lengths.sum())
    arrays = np.frombuffer(blob, dtype="<f4", count=3 * total, offset=4 + 4 * n).astype(np.float64).reshape(3, total)
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    # overviews keep no times (t is NaN): they are for drawing only
    return [TrackPiece(lon=arrays[0, a:b], lat=arrays[1, a:b], alt_ft=arrays[2, a:b], t=np.full(b - a, np.nan))
            for a, b in itertools.pairwise(bounds)]


def overview(pieces: list[TrackPiece]) -> list[TrackPiece]:
    keep = simplify_indices(pieces, OVERVIEW_TOLERANCE)
    return [TrackPiece(lon=p.lon[k], lat=p.lat[k], alt_ft=p.alt_ft[k], t=p.t[k]) for p, k in zip(pieces, keep,
                                                                                                    strict=True)]


_STAMP = struct.Struct("<Iq")  # an overview's header: the point count and end (epoch s) of the track it was made of


def overview_blob(pieces: list[TrackPiece], *, point_count: int, end: dt.datetime) -> bytes:
    """A stored overview (``Mission.overview``): the stamp of its track, then the packed simplified pieces."""
    return _STAMP.pack(point_count, int(end.timestamp())) + _pack(overview(pieces))


def positions_overview(pos: Positions) -> bytes:
    """The overview the import stores with a mission's track (the positions are at hand: nothing is decoded)."""
    return overview_blob(pieces_from_positions(pos), point_count=len(pos),
                         end=dt.datetime.fromtimestamp(float(pos.t[-1]), dt.UTC))


def _stored_overview(blob: bytes | memoryview | None, point_count: int, end: dt.datetime) -> bytes | None:
    """The packed pieces of a stored overview, or None when there is none or it was made of another track."""
    if not blob:
        return None
    raw = bytes(blob)
    if len(raw) < _STAMP.size or _STAMP.unpack_from(raw) != (point_count, int(end.timestamp())):
        return None
    return raw[_STAMP.size :]


def _load_overviews(missions: list[dict[str, Any]], keys: dict[int, str]) -> dict[str, bytes]:
    """Overviews the cache lacks: from ``Mission.overview`` (stored by the import), else drawn from the track once
    and stored back (missions imported before overviews were stored, or rows written by other paths)."""
    by_id = {m["id"]: m for m in missions}
    out: dict[str, bytes] = {}
    ids = list(keys)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        stale = []
        for pk, blob in Mission.objects.filter(pk__in=chunk).values_list("id", "overview"):
            packed = _stored_overview(blob, by_id[pk]["point_count"], by_id[pk]["end"])
            if packed is None:
                stale.append(pk)
            else:
                out[keys[pk]] = packed
        rows = []
        for pk, track in Mission.objects.filter(pk__in=stale).values_list("id", "track"):
            m = by_id[pk]
            blob = overview_blob(track_pieces(track), point_count=m["point_count"], end=m["end"])
            out[keys[pk]] = blob[_STAMP.size :]
            rows.append(Mission(pk=pk, overview=blob))
        if rows:
            Mission.objects.bulk_update(rows, ["overview"])
    return out


def overview_tracks(missions: list[dict[str, Any]]) -> list[MissionTrack]:
    """Tracks of many missions from their overviews (``missions``: dicts with id, aircraft_id, aircraft_type_id,
    callsign, start, end, point_count): from the pictures cache, else from ``Mission.overview``. The cache key (and
    the stored overview's stamp) holds the point count and end, so a mission whose track an import extended gets a
    new overview; a track is decoded only when no valid overview is stored."""
    keys = {m["id"]: f"fc:pictures:ov:{m['id']}:{m['point_count']}:{int(m['end'].timestamp())}" for m in missions}
    found = pictures_cache().get_many(list(keys.values()))
    missing = {pk: key for pk, key in keys.items() if key not in found}
    if missing:
        fresh = _load_overviews(missions, missing)
        pictures_cache().set_many(fresh, OVERVIEW_TTL)
        found.update(fresh)
    return [
        MissionTrack(mission_id=m["id"], label=_label(m["aircraft_type_id"], m["callsign"], m["aircraft_id"],
                                                      m["start"]),
                     pieces=_unpack(found[keys[m["id"]]]), type_designator=m["aircraft_type_id"] or "")
        for m in missions
    ]


def mission_track(mission: Mission, *, with_regions: bool = True) -> MissionTrack:
    """A mission's pieces, orbits, regions flown over and the nearest point to each region it came near."""
    pieces = track_pieces(mission.track)
    track = MissionTrack(
        mission_id=mission.pk, label=mission_label(mission), pieces=pieces, orbits=list(mission.orbits or []),
        type_designator=mission.aircraft_type_id or "",
    )
    if with_regions:
        links = (
            MissionRegion.objects.filter(mission=mission, mission_start=mission.start, distance_nm__lte=near_nm())
            .select_related("region")
            .order_by("distance_nm", "region__name")
        )
        for link in links:
            if link.over:
                track.over.append((link.region.slug, link.region.name))
            elif pieces:
                track.near.append(_near_point(pieces, link.region, link.distance_nm))
    return track


def _near_point(pieces: list[TrackPiece], region: Region, distance_nm: float) -> NearPoint:
    """Nearest points between the track and the region, found in a local equirectangular frame (longitudes scaled
    by cos φ, so the pair is the right one to within a fraction of a mile); the distance shown is the stored one,
    measured in metric projections at import (evidence.geo)."""
    lat0 = float(np.mean(np.concatenate([p.lat for p in pieces])))
    k = max(math.cos(math.radians(lat0)), 0.05)
    lines = [
        shapely.linestrings(np.column_stack([p.lon * k, p.lat]))
        if len(p) > 1
        else shapely.points(p.lon[0] * k, p.lat[0])
        for p in pieces
    ]
    track = shapely.GeometryCollection(lines)
    geom = shapely.transform(region_geometry(region), lambda xy: xy * np.array([k, 1.0]))
    a, b = shapely.shortest_line(track, geom).coords
    return NearPoint(
        slug=region.slug, name=region.name, distance_nm=round(float(distance_nm), 1),
        track_lon=a[0] / k, track_lat=a[1], region_lon=b[0] / k, region_lat=b[1],
    )


# --- Region outlines -------------------------------------------------------------------------------------------------

_geometry_cache: dict[tuple[int, float], BaseGeometry] = {}


def _clear_geometry_cache(**_: Any) -> None:
    _geometry_cache.clear()


for _signal in (post_save, post_delete):
    _signal.connect(_clear_geometry_cache, sender=Region, dispatch_uid=f"evidence.pictures.{_signal}")


def region_geometry(region: Region, tolerance: float = 0.0) -> BaseGeometry:
    """The region's geometry, simplified to ``tolerance`` degrees (topology preserved), cached per process."""
    key = (region.pk, round(tolerance, 6))
    geom = _geometry_cache.get(key)
    if geom is None:
        geom = shapely.from_wkb(bytes(region.geometry_wkb))
        if tolerance > 0:
            geom = shapely.simplify(geom, tolerance, preserve_topology=True)
        if len(_geometry_cache) > 5000:
            _geometry_cache.clear()
        _geometry_cache[key] = geom
    return geom


@dataclass
class Outline:
    slug: str
    name: str
    kind: str
    geometry: BaseGeometry


def outlines(
    bbox: tuple[float, float, float, float], *, tolerance: float, limit: int = OUTLINE_LIMIT,
    keep: frozenset[str] = frozenset(),
) -> list[Outline]:
    """The regions whose bounding box meets ``bbox`` and is big enough to see at this tolerance, largest first, at
    most ``limit``, simplified and clipped to the bbox (grown by a tenth), in drawing order. The regions ``keep``
    names (the places a question asked about) are drawn whatever their size."""
    min_lon, min_lat, max_lon, max_lat = bbox
    span = MIN_REGION_SPAN * tolerance
    candidates = list(
        Region.objects.filter(min_lon__lte=max_lon, max_lon__gte=min_lon, min_lat__lte=max_lat, max_lat__gte=min_lat)
        .values_list("pk", "slug", "name", "kind", "min_lon", "min_lat", "max_lon", "max_lat")
    )
    visible = [
        c for c in candidates if max(c[6] - c[4], c[7] - c[5]) >= span or c[3] == Region.Kind.BORDER or c[1] in keep
    ]
    visible.sort(key=lambda c: (c[1] not in keep, -(c[6] - c[4]) * (c[7] - c[5])))
    chosen = visible[:limit]
    geoms = dict(Region.objects.filter(pk__in=[c[0] for c in chosen]).values_list("pk", "geometry_wkb"))
    pad_lon, pad_lat = (max_lon - min_lon) / 10, (max_lat - min_lat) / 10
    out = []
    for pk, slug, name, kind, *_ in chosen:
        region = Region(pk=pk, slug=slug, name=name, kind=kind, geometry_wkb=geoms[pk])
        geom = shapely.clip_by_rect(
            region_geometry(region, tolerance), min_lon - pad_lon, min_lat - pad_lat, max_lon + pad_lon,
            max_lat + pad_lat,
        )
        if not geom.is_empty:
            out.append(Outline(slug=slug, name=name, kind=kind, geometry=geom))
    rank = {kind: i for i, kind in enumerate(OUTLINE_ORDER)}
    out.sort(key=lambda o: rank.get(o.kind, len(rank)))
    return out


def regions_bounds(slugs: list[str]) -> tuple[float, float, float, float] | None:
    rows = list(Region.objects.filter(slug__in=slugs).values_list("min_lon", "min_lat", "max_lon", "max_lat"))
    if not rows:
        return None
    arr = np.array(rows)
    return float(arr[:, 0].min()), float(arr[:, 1].min()), float(arr[:, 2].max()), float(arr[:, 3].max())


def union_bounds(*boxes: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    return min(b[0] for b in real), min(b[1] for b in real), max(b[2] for b in real), max(b[3] for b in real)


def padded(bbox: tuple[float, float, float, float], *, fraction: float = 0.08, minimum: float = 0.5):
    """The bbox grown by ``fraction`` of its size on every side (at least ``minimum`` degrees)."""
    min_lon, min_lat, max_lon, max_lat = bbox
    dx = max((max_lon - min_lon) * fraction, minimum)
    dy = max((max_lat - min_lat) * fraction, minimum)
    return max(min_lon - dx, -180.0), max(min_lat - dy, -85.0), min(max_lon + dx, 180.0), min(max_lat + dy, 85.0)


# --- Timelines -------------------------------------------------------------------------------------------------------

#: How long a period may be and still be drawn per day, per week; longer is per month.
DAY_UNTIL_DAYS = 92
WEEK_UNTIL_DAYS = 731
BASELINE_DAYS = 365
PER_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


@dataclass
class Bucket:
    key: str
    start: dt.date
    end: dt.date  # inclusive, clipped to the period
    count: int = 0
    expected: float | None = None
    low: int | None = None
    high: int | None = None
    claimed: float | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass
class Timeline:
    unit: str
    period: Period
    buckets: list[Bucket]
    total: int
    baseline_period: Period | None = None
    baseline_total: int | None = None
    claimed_text: str = ""

    @property
    def baseline_rate_per_day(self) -> float | None:
        if self.baseline_period is None or self.baseline_total is None:
            return None
        return self.baseline_total / self.baseline_period.days

    def describe(self) -> str:
        """The picture in words (its text alternative)."""
        unit = {"day": "days", "week": "weeks", "month": "months"}[self.unit]
        peak = max(self.buckets, key=lambda b: b.count) if self.buckets else None
        parts = [f"{self.total} missions in {describe_period(self.period)}, drawn per {self.unit} "
                 f"({len(self.buckets)} {unit})"]
        if peak is not None and peak.count:
            parts.append(f"most in the {self.unit} of {peak.start.isoformat()}: {peak.count}")
        rate = self.baseline_rate_per_day
        if rate is not None and self.baseline_period is not None:
            parts.append(
                f"baseline {self.baseline_total} in {describe_period(self.baseline_period)} "
                f"({rate * 30.44:.2f} a month)"
            )
        if self.claimed_text:
            parts.append(f"claimed: {self.claimed_text}")
        return "; ".join(parts) + "."


def timeline_unit(period: Period) -> str:
    if period.days <= DAY_UNTIL_DAYS:
        return "day"
    return "week" if period.days <= WEEK_UNTIL_DAYS else "month"


def _bucket_key(unit: str, day: dt.date) -> str:
    if unit == "month":
        return day.strftime("%Y-%m")
    if unit == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return day.isoformat()


def _bucket_start(unit: str, day: dt.date) -> dt.date:
    if unit == "month":
        return day.replace(day=1)
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    return day


def _next_bucket(unit: str, day: dt.date) -> dt.date:
    if unit == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=7 if unit == "week" else 1)


def empty_buckets(period: Period, unit: str) -> list[Bucket]:
    out = []
    start = _bucket_start(unit, period.start)
    while start <= period.end:
        nxt = _next_bucket(unit, start)
        out.append(Bucket(_bucket_key(unit, start), max(start, period.start), min(nxt - dt.timedelta(days=1),
                                                                                    period.end)))
        start = nxt
    return out


def poisson_interval(mean: float, *, low_q: float = 0.05, high_q: float = 0.95) -> tuple[int, int]:
    """The 5 % and 95 % quantiles of a Poisson count with this mean (the range a steady baseline rate gives)."""
    if mean <= 0:
        return 0, 0
    low = high = None
    k, term = 0, math.exp(-mean)
    total = term
    while high is None:
        if low is None and total >= low_q:
            low = k
        if total >= high_q:
            high = k
            break
        k += 1
        term *= mean / k
        total += term
        if k > mean + 50 * math.sqrt(mean) + 50:
            high = k
    return (low if low is not None else 0), high


def timeline(
    scope: Scope,
    *,
    period: Period | None = None,
    baseline: Period | bool | None = True,
    claimed: dict[str, Any] | None = None,
) -> Timeline:
    """The scope's missions per bucket over ``period`` (default: the scope's own), with the baseline (True: the
    365 days before; a Period: that one; False/None: none) and the claimed quantity (``{"value", "qualifier", "per"}``,
    as claims store it) per bucket."""
    period = period or scope.period
    if period is None:
        raise ValueError("a timeline needs a period")
    unit = timeline_unit(period)
    buckets = empty_buckets(period, unit)
    counts = {row.key: row.count for row in breakdown(scope.with_changes(period=period), unit)}
    for b in buckets:
        b.count = counts.get(b.key, 0)
    line = Timeline(unit=unit, period=period, buckets=buckets, total=sum(b.count for b in buckets))
    if baseline is True:
        end = period.start - dt.timedelta(days=1)
        baseline = Period(start=end - dt.timedelta(days=BASELINE_DAYS - 1), end=end, text="the year before")
    if isinstance(baseline, Period):
        line.baseline_period = baseline
        line.baseline_total = count_missions(scope.with_changes(period=baseline))
        rate = line.baseline_total / baseline.days
        for b in buckets:
            b.expected = rate * b.days
            b.low, b.high = poisson_interval(b.expected)
    if claimed and isinstance(claimed.get("value"), int | float):
        _mark_claimed(line, claimed)
    return line


def _mark_claimed(line: Timeline, claimed: dict[str, Any]) -> None:
    value = float(claimed["value"])
    qualifier = str(claimed.get("qualifier") or "exact").replace("_", " ")
    per = claimed.get("per")
    if per:
        per_day = value / PER_DAYS.get(str(per), 30.44)
        line.claimed_text = f"{qualifier} {value:g} per {per}"
    else:  # a count over the period, or over a stated span of it ("18 over a 10-day span in …")
        days = line.period.span_days or line.period.days
        per_day = value / days
        line.claimed_text = f"{qualifier} {value:g} in {days} days"
    for b in line.buckets:
        b.claimed = per_day * b.days
