"""Missions as CSV and GeoJSON, streamed: rows are read with ``QuerySet.iterator(chunk_size=…)`` and written as they
come, so an export of a million missions never sits in memory. Tracks are decoded one mission at a time.

The callers (the API's ``/api/missions/export.csv`` and ``export.geojson``) pass the already filtered queryset; the
queryset should ``select_related("aircraft__operator", "aircraft_type")`` and prefetch ``region_links__region``.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import StreamingHttpResponse

from evidence.flightdata.trackcodec import TrackCodecError, decode_track
from evidence.models import Mission

CHUNK_SIZE = 2000
#: Tracks are bigger than rows: fetch fewer per round trip.
GEOJSON_CHUNK_SIZE = 200

CSV_COLUMNS = (
    "id", "hex", "registration", "type", "type_name", "operator", "military", "callsign", "callsigns", "start", "end",
    "duration_minutes", "point_count", "max_altitude_ft", "has_orbit", "orbit_count", "min_lat", "min_lon", "max_lat",
    "max_lon", "regions_over", "regions_near",
)
#: Spreadsheet formula injection: text cells starting with these are prefixed with a quote (numbers are left alone).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _finite(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return value


def _region_links(mission: Mission) -> list[Any]:
    return sorted(mission.region_links.all(), key=lambda link: (link.distance_nm, link.region.slug))


def mission_properties(mission: Mission) -> dict[str, Any]:
    """The flat description of a mission shared by the CSV and the GeoJSON properties."""
    aircraft = mission.aircraft
    aircraft_type = mission.aircraft_type
    operator = aircraft.operator
    return {
        "id": mission.pk,
        "hex": aircraft.hex,
        "registration": aircraft.registration,
        "type": mission.aircraft_type_id or "",
        "type_name": aircraft_type.name if aircraft_type else "",
        "operator": operator.name if operator else aircraft.operator_name,
        "military": aircraft.military,
        "callsign": mission.callsign,
        "callsigns": list(mission.callsigns or []),
        "start": _iso(mission.start),
        "end": _iso(mission.end),
        "duration_minutes": round((mission.end - mission.start).total_seconds() / 60, 1),
        "point_count": mission.point_count,
        "max_altitude_ft": mission.max_altitude_ft,
        "has_orbit": mission.has_orbit,
        "orbit_count": len(mission.orbits or []),
        "bbox": [_finite(v) for v in (mission.min_lon, mission.min_lat, mission.max_lon, mission.max_lat)],
        "regions": [
            {"slug": link.region.slug, "name": link.region.name, "over": link.over,
             "distance_nm": round(link.distance_nm, 1)}
            for link in _region_links(mission)
        ],
    }


# --- CSV -------------------------------------------------------------------------------------------------------------


class _Echo:
    """A file-like object whose ``write`` returns the value, so ``csv.writer`` can feed a generator."""

    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def mission_csv_row(mission: Mission) -> list[Any]:
    props = mission_properties(mission)
    min_lon, min_lat, max_lon, max_lat = props.pop("bbox")
    regions = props.pop("regions")
    props.update(
        min_lat=min_lat, min_lon=min_lon, max_lat=max_lat, max_lon=max_lon,
        callsigns=";".join(props["callsigns"]),
        regions_over=";".join(r["slug"] for r in regions if r["over"]),
        regions_near=";".join(f'{r["slug"]}:{r["distance_nm"]:g}' for r in regions if not r["over"]),
    )
    return [_cell(props[column]) for column in CSV_COLUMNS]


def iter_missions_csv(queryset: QuerySet[Mission], *, chunk_size: int = CHUNK_SIZE) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for mission in queryset.defer("track").iterator(chunk_size=chunk_size):
        yield writer.writerow(mission_csv_row(mission))


def missions_csv_response(queryset: QuerySet[Mission], *, filename: str = "missions.csv") -> StreamingHttpResponse:
    response = StreamingHttpResponse(iter_missions_csv(queryset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- GeoJSON ---------------------------------------------------------------------------------------------------------


def track_coordinates(mission: Mission) -> list[list[float]]:
    """``[[lon, lat], …]`` of the decoded track (GeoJSON order); empty when there is none or it cannot be decoded."""
    if not mission.track:
        return []
    try:
        positions = decode_track(bytes(mission.track))
    except TrackCodecError:
        return []
    return [
        [round(lon, 5), round(lat, 5)]
        for lon, lat in zip(positions.lon.tolist(), positions.lat.tolist(), strict=True)
        if math.isfinite(lon) and math.isfinite(lat)
    ]


def _bbox_polygon(bbox: list[float | None]) -> dict[str, Any] | None:
    if any(v is None for v in bbox):
        return None
    min_lon, min_lat, max_lon, max_lat = bbox
    if min_lon == max_lon and min_lat == max_lat:
        return {"type": "Point", "coordinates": [min_lon, min_lat]}
    ring = [[min_lon, min_lat], [max_lon, min_lat], [max_lon, max_lat], [min_lon, max_lat], [min_lon, min_lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def mission_feature(mission: Mission) -> dict[str, Any]:
    """One GeoJSON Feature: the track as a LineString when it can be decoded, otherwise the bounding box
    (``properties.geometry_kind`` says which)."""
    props = mission_properties(mission)
    bbox = props.pop("bbox")
    geometry: dict[str, Any] | None = None
    props["geometry_kind"] = "bbox"
    coordinates = track_coordinates(mission)
    if coordinates:
        if len(coordinates) >= 2:
            geometry = {"type": "LineString", "coordinates": coordinates}
            props["geometry_kind"] = "track"
        elif len(coordinates) == 1:
            geometry = {"type": "Point", "coordinates": coordinates[0]}
            props["geometry_kind"] = "track"
    if geometry is None:
        geometry = _bbox_polygon(bbox)
    feature: dict[str, Any] = {"type": "Feature", "id": mission.pk, "geometry": geometry, "properties": props}
    if None not in bbox:
        feature["bbox"] = bbox
    return feature


def iter_missions_geojson(queryset: QuerySet[Mission], *, chunk_size: int = GEOJSON_CHUNK_SIZE) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    separator = ""
    for mission in queryset.iterator(chunk_size=chunk_size):
        feature = mission_feature(mission)
        yield separator + json.dumps(feature, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        separator = ","
    yield "]}\n"


def missions_geojson_response(
    queryset: QuerySet[Mission], *, filename: str = "missions.geojson"
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(iter_missions_geojson(queryset), content_type="application/geo+json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

