"""The decoded track of a mission as API data (``?include=track``): compact rows, one per position.

``{"columns": ["time", "lat", "lon", "altitude_ft", "ground_speed_kt", "track_deg"], "points": [[…], …]}`` with time
in Unix seconds (UTC) and null for unknown values. Rows rather than objects: a 10-hour mission at 1 Hz is 36,000
positions.
"""
from __future__ import annotations

import math
from typing import Any

from evidence.flightdata.trackcodec import TrackCodecError, decode_track
from evidence.models import Mission

COLUMNS = ("time", "lat", "lon", "altitude_ft", "ground_speed_kt", "track_deg")


def _clean(value: float, digits: int) -> float | None:
    return round(value, digits) if math.isfinite(value) else None


def track_rows(mission: Mission) -> list[list[float | None]] | None:
    """The positions as rows, or None when the mission has no decodable track."""
    if not mission.track:
        return None
    try:
        positions = decode_track(bytes(mission.track))
    except TrackCodecError:
        return None
    columns = zip(
        positions.t.tolist(), positions.lat.tolist(), positions.lon.tolist(), positions.alt_ft.tolist(),
        positions.gs_kt.tolist(), positions.track_deg.tolist(), strict=True,
    )
    return [
        [_clean(t, 2), _clean(lat, 5), _clean(lon, 5), _clean(alt, 0), _clean(gs, 1), _clean(trk, 1)]
        for t, lat, lon, alt, gs, trk in columns
    ]


def track_data(mission: Mission) -> dict[str, Any] | None:
    rows = track_rows(mission)
    if rows is None:
        return None
    return {"columns": list(COLUMNS), "points": rows}
