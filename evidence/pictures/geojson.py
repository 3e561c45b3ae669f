"""GeoJSON for the Leaflet maps: region outlines by bbox and zoom (cached), and tracks simplified for the zoom with a
bounded number of points.

Zoom follows Leaflet/Web Mercator: at zoom ``z`` one screen pixel is about ``360 / (256 · 2^z)`` degrees of
longitude. Outlines and tracks are simplified (Shapely, Douglas–Peucker) to that tolerance: finer detail would not
show. Coordinates are rounded to the decimals the tolerance needs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import orjson
import shapely
from django.db.models.signals import post_delete, post_save
from matplotlib import colormaps
from matplotlib.colors import to_hex

from evidence.models import Region

from . import data
from .static import ALTITUDE_RANGE_FT, OKABE_ITO, TRACK_CMAP

MIN_ZOOM, MAX_ZOOM = 2, 14
#: Most track positions sent for one map (all missions together).
MAX_POINTS = 60_000
#: Altitude bands of a single mission's track (colours from the same colour map as the static pictures).
ALTITUDE_BANDS = 9
OUTLINES_TTL = 24 * 3600
_VERSION_KEY = "fc:pictures:outlines:version"


def degrees_per_pixel(zoom: float) -> float:
    return 360.0 / (256.0 * 2.0 ** max(MIN_ZOOM, min(MAX_ZOOM, zoom)))


def _decimals(tolerance: float) -> int:
    return max(2, min(5, math.ceil(-math.log10(tolerance)) + 1))


def zoom_for(bbox: tuple[float, float, float, float], pixels: int = 900) -> int:
    """The Leaflet zoom that shows ``bbox`` in about ``pixels`` pixels."""
    span = max(bbox[2] - bbox[0], (bbox[3] - bbox[1]) * 1.3, 1e-3)
    return int(max(MIN_ZOOM, min(MAX_ZOOM, math.floor(math.log2(360.0 * pixels / (256.0 * span))))))


# --- Outlines --------------------------------------------------------------------------------------------------------


def _bump_version(**_: Any) -> None:
    try:
        data.pictures_cache().incr(_VERSION_KEY)
    except ValueError:
        data.pictures_cache().set(_VERSION_KEY, 1, None)


for _signal in (post_save, post_delete):
    _signal.connect(_bump_version, sender=Region, dispatch_uid=f"evidence.pictures.geojson.{_signal}")


def snap_bbox(bbox: tuple[float, float, float, float], zoom: int) -> tuple[float, float, float, float]:
    """The bbox grown to a grid of the zoom's size, so nearby views share a cache entry."""
    step = 90.0 / 2 ** max(zoom - 2, 0)
    return (
        max(-180.0, math.floor(bbox[0] / step) * step),
        max(-90.0, math.floor(bbox[1] / step) * step),
        min(180.0, math.ceil(bbox[2] / step) * step),
        min(90.0, math.ceil(bbox[3] / step) * step),
    )


def outlines_geojson(bbox: tuple[float, float, float, float], zoom: int, *, highlight: Iterable[str] = ()) -> bytes:
    """A FeatureCollection (bytes) of the outlines to draw in ``bbox`` at ``zoom``; cached per snapped bbox and zoom
    until a region changes. ``highlight`` slugs get ``"highlight": true``."""
    zoom = int(max(MIN_ZOOM, min(MAX_ZOOM, zoom)))
    box = snap_bbox(bbox, zoom)
    version = data.pictures_cache().get_or_set(_VERSION_KEY, 1, None)
    key = f"fc:pictures:outlines:{version}:{zoom}:" + ",".join(f"{v:g}" for v in box)
    body = data.pictures_cache().get(key)
    if body is None:
        tolerance = degrees_per_pixel(zoom)
        features = [
            {
                "type": "Feature",
                "properties": {"slug": o.slug, "name": o.name, "kind": o.kind},
                "geometry": _rounded(shapely.geometry.mapping(o.geometry), _decimals(tolerance)),
            }
            for o in data.outlines(box, tolerance=tolerance)
        ]
        body = orjson.dumps({"type": "FeatureCollection", "features": features})
        data.pictures_cache().set(key, body, OUTLINES_TTL)
    wanted = set(highlight)
    if not wanted:
        return body
    collection = orjson.loads(body)
    for feature in collection["features"]:
        feature["properties"]["highlight"] = feature["properties"]["slug"] in wanted
    return orjson.dumps(collection)


def _rounded(geometry: Any, decimals: int) -> Any:
    if isinstance(geometry, dict):
        return {k: _rounded(v, decimals) for k, v in geometry.items()}
    if isinstance(geometry, list | tuple):
        if geometry and isinstance(geometry[0], float | int):
            return [round(float(v), decimals) for v in geometry]
        return [_rounded(v, decimals) for v in geometry]
    return geometry


# --- Tracks ----------------------------------------------------------------------------------------------------------


def _band_colours() -> list[str]:
    cmap = colormaps[TRACK_CMAP]
    return [to_hex(cmap((i + 0.5) / ALTITUDE_BANDS)) for i in range(ALTITUDE_BANDS)]


def altitude_legend() -> list[dict[str, Any]]:
    lo, hi = ALTITUDE_RANGE_FT
    step = (hi - lo) / ALTITUDE_BANDS
    return [
        {"colour": colour, "from_ft": int(lo + i * step), "to_ft": int(lo + (i + 1) * step)}
        for i, colour in enumerate(_band_colours())
    ]


def _bands(alt: np.ndarray) -> np.ndarray:
    lo, hi = ALTITUDE_RANGE_FT
    clean = np.where(np.isfinite(alt), alt, lo)
    return np.clip(((clean - lo) / (hi - lo) * ALTITUDE_BANDS).astype(int), 0, ALTITUDE_BANDS - 1)


def _band_runs(piece: data.TrackPiece) -> list[tuple[int, data.TrackPiece]]:
    """The piece cut where the altitude band changes (consecutive runs share their joining position), so that
    simplifying a run never hides a change of colour."""
    bands = _bands(piece.alt_ft)
    changes = (np.flatnonzero(np.diff(bands)) + 1).tolist()
    runs = []
    for a, b in zip([0, *changes], [*changes, len(piece) - 1], strict=True):
        if b > a:
            sl = slice(a, b + 1)
            runs.append((int(bands[a]), data.TrackPiece(lon=piece.lon[sl], lat=piece.lat[sl],
                                                        alt_ft=piece.alt_ft[sl], t=piece.t[sl])))
    return runs


def to_json(body: dict[str, Any]) -> bytes:
    """A tracks FeatureCollection as JSON bytes (its coordinates are numpy arrays)."""
    return orjson.dumps(body, option=orjson.OPT_SERIALIZE_NUMPY)


def tracks_geojson(
    tracks: Sequence[data.MissionTrack],
    *,
    zoom: int,
    max_points: int = MAX_POINTS,
    by_altitude: bool | None = None,
    groups: dict[int, str] | None = None,
    total: int | None = None,
) -> dict[str, Any]:
    """Tracks as a FeatureCollection: one feature per mission (MultiLineString of its pieces: gaps stay gaps), or
    with ``by_altitude`` (default: for up to 12 missions) one feature per altitude-band run, coloured. Simplified to
    the zoom's tolerance, then thinned so that at most ``max_points`` positions are sent in all."""
    tolerance = degrees_per_pixel(zoom)
    decimals = _decimals(tolerance)
    by_altitude = len(tracks) <= 12 if by_altitude is None else by_altitude
    # what is drawn per track: its pieces, or (by altitude) its pieces' band runs, each with its colour
    colours = _band_colours()
    type_colours = _type_colours(t.type_designator for t in tracks)
    parts: list[list[tuple[str, data.TrackPiece]]] = []
    for t in tracks:
        if by_altitude:
            parts.append([(colours[band], run) for p in t.pieces for band, run in _band_runs(p)])
        else:
            parts.append([(type_colours[t.type_designator], p) for p in t.pieces])
    flat = data.simplify_indices([p for ps in parts for _, p in ps], tolerance)
    points = sum(len(k) for k in flat)
    thinned = points > max_points
    if thinned:
        share = max_points / points
        flat = [k[np.unique(np.linspace(0, len(k) - 1, max(2, int(len(k) * share))).round().astype(int))]
                if len(k) > 2 else k for k in flat]
    features: list[dict[str, Any]] = []
    sent, at = 0, 0
    for track, ps in zip(tracks, parts, strict=True):
        props = {"id": track.mission_id, "label": track.label, "type": track.type_designator,
                 "group": (groups or {}).get(track.mission_id, "missions")}
        lines = []
        for (colour, piece), keep in zip(ps, flat[at : at + len(ps)], strict=True):
            if len(keep) >= 2:
                # numpy arrays: serialised by orjson directly (to_json), no Python float objects made
                lines.append((colour, np.round(np.column_stack([piece.lon[keep], piece.lat[keep]]), decimals)))
        at += len(ps)
        sent += sum(len(coords) for _, coords in lines)
        if by_altitude:
            features += [{"type": "Feature", "properties": {**props, "colour": colour},
                          "geometry": {"type": "LineString", "coordinates": coords}} for colour, coords in lines]
        elif lines:
            features.append({"type": "Feature", "properties": {**props, "colour": type_colours[track.type_designator]},
                             "geometry": {"type": "MultiLineString", "coordinates": [c for _, c in lines]}})
        if by_altitude or len(tracks) <= 12:
            features.extend(_marks(track, props, decimals))
    return {
        "type": "FeatureCollection",
        "features": features,
        "meta": {"missions": len(tracks), "total": total if total is not None else len(tracks), "points": sent,
                 "thinned": thinned, "zoom": zoom, "tolerance_deg": tolerance,
                 "types": {k: v for k, v in type_colours.items()}, "by_altitude": by_altitude,
                 "altitude_legend": altitude_legend() if by_altitude else []},
    }


def _type_colours(types: Iterable[str]) -> dict[str, str]:
    ordered = sorted(set(types))
    return {t: (OKABE_ITO[i] if i < len(OKABE_ITO) else "#777777") for i, t in enumerate(ordered)}


def _marks(track: data.MissionTrack, props: dict[str, Any], decimals: int) -> list[dict[str, Any]]:
    """Start/end points, orbit centres (with radius) and nearest points to "near" regions, as Point features."""
    out = []

    def point(lon: float, lat: float, **extra: Any) -> dict[str, Any]:
        return {"type": "Feature", "properties": {**props, **extra},
                "geometry": {"type": "Point", "coordinates": [round(lon, decimals), round(lat, decimals)]}}

    if track.start:
        out.append(point(*track.start, mark="start"))
    if track.end:
        out.append(point(*track.end, mark="end"))
    for orbit in track.orbits:
        if orbit.get("lat") is not None and orbit.get("lon") is not None:
            out.append(point(float(orbit["lon"]), float(orbit["lat"]), mark="orbit",
                             radius_km=orbit.get("radius_km"), turns=orbit.get("turns")))
    for near in track.near:
        out.append(point(near.track_lon, near.track_lat, mark="nearest", region=near.name, slug=near.slug,
                         distance_nm=near.distance_nm,
                         to=[round(near.region_lon, decimals), round(near.region_lat, decimals)]))
    return out
