"""The pictures of a mission and of a scope: picks what to show (data), then draws it (static). Views, the admin, the
bot and the claim pages call these; none of them draws anything itself."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from evidence.describing import describe_scope
from evidence.models import Mission
from evidence.scope import Period, Scope
from evidence.selectors import breakdown, count_missions, latest_mission_start, missions_in_scope

from . import data, static

#: Most missions a static scope map draws (newest first), and positions per mission drawn on it.
STATIC_MAP_MISSIONS = 1500
STATIC_POINTS_PER_MISSION = 400
#: Tolerance in degrees per pixel of a static map: outlines are simplified to about one pixel.
MAP_PIXELS = 760


def _tolerance(extent: tuple[float, float, float, float], pixels: int = MAP_PIXELS) -> float:
    return max(extent[2] - extent[0], extent[3] - extent[1]) / pixels


#: Positions drawn on a static mission map at most (a 10-hour mission at 1 Hz has 36,000): more show nothing more.
MISSION_MAP_POINTS = 5000


def mission_map(mission: Mission, *, fmt: str = "png") -> static.Picture:
    track = data.mission_track(mission)
    per_piece = max(2, MISSION_MAP_POINTS // max(len(track.pieces), 1))
    drawn = [data.thin(p, per_piece) for p in track.pieces]
    box = track.bounds() or (mission.min_lon, mission.min_lat, mission.max_lon, mission.max_lat)
    extent = static.map_extent(data.padded(data.union_bounds(
        box, *[(n.region_lon, n.region_lat, n.region_lon, n.region_lat) for n in track.near]
    )))
    outlines = data.outlines(extent, tolerance=_tolerance(extent))
    over = {slug for slug, _ in track.over}
    alt = mission_alt(mission, track)
    track.pieces = drawn
    return static.render_map(
        [track], outlines, extent, title=f"Mission {track.label}", alt=alt, fmt=fmt,
        over=over,
    )


def mission_alt(mission: Mission, track: data.MissionTrack) -> str:
    """The mission map in words."""
    parts = [f"Track of {track.label} to {mission.end.astimezone(dt.UTC):%Y-%m-%d %H:%MZ}",
             f"{track.point_count} positions"]
    if track.gap_count:
        parts.append(f"{track.gap_count} reception gap{'s' if track.gap_count != 1 else ''} left blank")
    if track.over:
        parts.append("over " + ", ".join(name for _, name in track.over))
    parts += [f"{n.distance_nm:.1f} nm from {n.name}" for n in track.near]
    if track.orbits:
        parts.append(f"{len(track.orbits)} orbit{'s' if len(track.orbits) != 1 else ''}")
    if mission.max_altitude_ft is not None:
        parts.append(f"highest {mission.max_altitude_ft:,} ft")
    return "; ".join(parts) + "."


def scope_tracks(
    scope: Scope, *, limit: int, points: int, ids: list[int] | None = None, overview: bool = False,
    bbox: tuple[float, float, float, float] | None = None,
) -> list[data.MissionTrack]:
    """Tracks of the scope's newest ``limit`` missions (or of ``ids``), each thinned to ``points`` positions. With
    ``overview`` from the cached overviews (maps of many missions at low zoom); with ``bbox`` only the missions whose
    bounding box meets it."""
    qs = Mission.objects.filter(pk__in=ids).order_by("-start") if ids is not None else missions_in_scope(scope)
    if bbox is not None:
        qs = qs.filter(max_lon__gte=bbox[0], max_lat__gte=bbox[1], min_lon__lte=bbox[2], min_lat__lte=bbox[3])
    if overview:
        fields = ("id", "aircraft_id", "aircraft_type_id", "callsign", "start", "end", "point_count")
        return data.overview_tracks(list(qs.values(*fields)[:limit]))
    rows = qs.only("id", "aircraft", "aircraft_type", "callsign", "start", "track", "orbits")[:limit]
    out = []
    for mission in rows.iterator(chunk_size=500):
        track = data.mission_track(mission, with_regions=False)
        per_piece = max(2, points // max(len(track.pieces), 1))
        track.pieces = [data.thin(p, per_piece) for p in track.pieces]
        out.append(track)
    return out


def scope_extent(scope: Scope, tracks: list[data.MissionTrack]) -> tuple[float, float, float, float]:
    boxes = [t.bounds() for t in tracks]
    regions = data.regions_bounds([rf.slug for rf in scope.regions]) if scope.regions else None
    box = data.union_bounds(*boxes, regions)
    return static.map_extent(data.padded(box or (-125.0, 14.0, -66.0, 50.0)))


def scope_map(
    scope: Scope, *, fmt: str = "png", ids: list[int] | None = None, title: str = "",
    groups: dict[int, tuple[str, str]] | None = None, alt: str = "",
) -> static.Picture:
    """The scope's missions (or the missions ``ids``) over the outlines; ``groups`` colours them by group."""
    total = len(ids) if ids is not None else count_missions(scope)
    tracks = scope_tracks(scope, limit=STATIC_MAP_MISSIONS, points=STATIC_POINTS_PER_MISSION, ids=ids,
                          overview=(len(ids) if ids is not None else total) > 12)
    extent = scope_extent(scope, tracks)
    asked = frozenset(rf.slug for rf in (*scope.regions, *scope.and_regions))
    outlines = data.outlines(extent, tolerance=_tolerance(extent), keep=asked)
    words = describe_scope(scope) if not scope.is_empty() else "all missions"
    shown = f"{len(tracks)} of {total}" if len(tracks) < total else str(total)
    noun = "mission" if shown == "1" else "missions"
    alt = alt or f"Map of {shown} {noun} {words}."
    return static.render_map(tracks, outlines, extent, title=title or f"{shown} {noun}", alt=alt, fmt=fmt,
                             asked=set(asked), groups=groups)


def default_period(scope: Scope) -> Period:
    """The scope's period, or the 365 days up to the newest mission (or today) when it names none."""
    if scope.period is not None:
        return scope.period
    latest = latest_mission_start()
    end = latest.astimezone(dt.UTC).date() if latest else dt.datetime.now(dt.UTC).date()
    return Period(start=end - dt.timedelta(days=364), end=end, text="the year up to the newest record")


def scope_timeline(
    scope: Scope, *, fmt: str = "png", claimed: dict[str, Any] | None = None, baseline: Period | bool = True,
    title: str = "",
) -> static.Picture:
    line = data.timeline(scope, period=default_period(scope), baseline=baseline, claimed=claimed)
    words = describe_scope(scope.with_changes(period=line.period))
    picture = static.render_timeline(line, title=title or f"Missions per {line.unit}", fmt=fmt)
    picture.alt = f"Timeline of missions {words}: {picture.alt}"
    picture.meta["timeline"] = line
    return picture


BREAKDOWNS = ("type", "operator", "region", "day", "week", "month", "year")


def scope_comparison(scope: Scope, other: Scope, *, labels: tuple[str, str], fmt: str = "png") -> static.Picture:
    """Two bars, one per side of a comparison, each counted as the bot's answer counts it
    (``evidence.selectors.count_missions``), each labelled with what distinguishes its side."""
    a, b = count_missions(scope), count_missions(other)
    pairs = [(labels[0], a), (labels[1], b)]
    alt = (f"Missions compared: {labels[0]}: {a}; {labels[1]}: {b}. "
           f"Sides: {describe_scope(scope) or 'all missions'} / {describe_scope(other) or 'all missions'}.")
    return static.render_bars(pairs, title=_comparison_title(scope, other), alt=alt, fmt=fmt, wrap=True)


def _comparison_title(scope: Scope, other: Scope) -> str:
    """"Missions compared", and what both sides share ("by P8 (Boeing P-8 Poseidon) within 50 nm of Texas"), on two
    lines at most."""
    shared = Scope(**{name: getattr(scope, name) for name in vars(scope)
                      if getattr(scope, name) == getattr(other, name)})
    words = describe_scope(shared, with_period=shared.period is not None) if not shared.is_empty() else ""
    lines = textwrap.wrap(f"Missions compared {words}".strip(), 72)  # the title starts where the bars do
    return "\n".join(lines) if len(lines) <= 2 else lines[0] + "\n" + textwrap.shorten(" ".join(lines[1:]), 72,
                                                                                        placeholder="…")


def scope_breakdown(scope: Scope, *, by: str, fmt: str = "png", title: str = "") -> static.Picture:
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r} (one of {', '.join(BREAKDOWNS)})")
    rows = breakdown(scope, by)  # type: ignore[arg-type]
    if by in ("type", "operator", "region"):
        rows = sorted(rows, key=lambda r: (-r.count, r.label))
    pairs = [(r.label if by != "type" else f"{r.key} {r.label}", r.count) for r in rows]
    words = describe_scope(scope) if not scope.is_empty() else "in the records"
    alt = f"Missions {words} per {by}: " + ", ".join(f"{label} {n}" for label, n in pairs[:25]) + "."
    return static.render_bars(pairs, title=title or f"Missions per {by}", alt=alt, fmt=fmt)
