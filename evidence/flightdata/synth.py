"""Synthetic flights written as readsb ``trace_full_<hex>.json`` files.

Used by the tests (fixtures with known missions and orbits), the benchmark (a day of 1,000 aircraft) and the demo
dataset: going through real trace files means demo data and benchmarks exercise the same reader and importer as
real ADS-B archives, instead of a side door into the database.
"""

from __future__ import annotations

import gzip as gzip_module
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson

EARTH_RADIUS_KM = 6371.0088
KM_PER_NM = 1.852


@dataclass
class SynthTrack:
    """Positions under construction (absolute unix times). ``alt_ft`` NaN + ``on_ground`` True = "ground"."""

    t: list[np.ndarray] = field(default_factory=list)
    lat: list[np.ndarray] = field(default_factory=list)
    lon: list[np.ndarray] = field(default_factory=list)
    alt: list[np.ndarray] = field(default_factory=list)
    gs: list[np.ndarray] = field(default_factory=list)
    ground: list[np.ndarray] = field(default_factory=list)
    leg: list[np.ndarray] = field(default_factory=list)
    callsign: list[list[str]] = field(default_factory=list)

    @property
    def end_time(self) -> float:
        return float(self.t[-1][-1]) if self.t else 0.0

    @property
    def end_position(self) -> tuple[float, float]:
        return float(self.lat[-1][-1]), float(self.lon[-1][-1])

    def add(
        self,
        t: np.ndarray,
        lat: np.ndarray,
        lon: np.ndarray,
        alt: np.ndarray | float,
        gs: np.ndarray | float,
        *,
        ground: bool = False,
        callsign: str = "",
        new_leg: bool = False,
    ) -> SynthTrack:
        n = len(t)
        self.t.append(np.asarray(t, float))
        self.lat.append(np.asarray(lat, float))
        self.lon.append(np.asarray(lon, float))
        self.alt.append(np.full(n, np.nan) if ground else np.broadcast_to(np.asarray(alt, float), (n,)).copy())
        self.gs.append(np.broadcast_to(np.asarray(gs, float), (n,)).copy())
        self.ground.append(np.full(n, ground))
        legs = np.zeros(n, bool)
        if new_leg and n:
            legs[0] = True
        self.leg.append(legs)
        self.callsign.append([callsign] * n)
        return self

    def arrays(self) -> dict[str, np.ndarray]:
        out = {
            "t": np.concatenate(self.t),
            "lat": np.concatenate(self.lat),
            "lon": np.concatenate(self.lon),
            "alt": np.concatenate(self.alt),
            "gs": np.concatenate(self.gs),
            "ground": np.concatenate(self.ground),
            "leg": np.concatenate(self.leg),
        }
        out["callsign"] = np.array([c for part in self.callsign for c in part], dtype=object)
        return out


def destination(lat: float, lon: float, bearing_deg: float, dist_km: np.ndarray | float) -> tuple[Any, Any]:
    """Point reached from (lat, lon) along a great circle (vectorised over ``dist_km``)."""
    d = np.asarray(dist_km, float) / EARTH_RADIUS_KM
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    p2 = np.arcsin(np.sin(p1) * np.cos(d) + np.cos(p1) * np.sin(d) * np.cos(b))
    l2 = l1 + np.arctan2(np.sin(b) * np.sin(d) * np.cos(p1), np.cos(d) - np.sin(p1) * np.sin(p2))
    return np.degrees(p2), (np.degrees(l2) + 540.0) % 360.0 - 180.0


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """Initial bearing (deg) and distance (km) from point 1 to point 2."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0, 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def leg(
    track: SynthTrack,
    t0: float,
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    speed_kt: float,
    alt_ft: float | tuple[float, float],
    step_s: float = 5.0,
    callsign: str = "",
    new_leg: bool = False,
) -> SynthTrack:
    """Fly from ``start`` to ``end`` (approximately great-circle, via interpolated bearings) at constant speed."""
    brg, dist = bearing(*start, *end)
    duration = dist / (speed_kt * KM_PER_NM) * 3600.0
    t = t0 + np.arange(0.0, max(duration, step_s), step_s)
    frac = (t - t0) / max(duration, step_s)
    lat, lon = destination(start[0], start[1], brg, frac * dist)
    alt = np.interp(frac, [0, 1], list(alt_ft)) if isinstance(alt_ft, tuple) else alt_ft
    return track.add(t, lat, lon, alt, speed_kt, callsign=callsign, new_leg=new_leg)


def circle(
    track: SynthTrack,
    t0: float,
    centre: tuple[float, float],
    *,
    radius_km: float,
    turns: float,
    speed_kt: float,
    alt_ft: float,
    step_s: float = 5.0,
    clockwise: bool = True,
    start_angle_deg: float = 180.0,
    callsign: str = "",
) -> SynthTrack:
    """Orbit ``centre`` for ``turns`` revolutions (a holding/surveillance orbit)."""
    circumference = 2 * math.pi * radius_km
    duration = turns * circumference / (speed_kt * KM_PER_NM) * 3600.0
    t = t0 + np.arange(0.0, duration, step_s)
    ang = np.radians(start_angle_deg + (1 if clockwise else -1) * 360.0 * turns * (t - t0) / duration)
    # Local flat-earth offsets: exact enough for circles of tens of km, and vectorised.
    lat = centre[0] + np.degrees(radius_km * np.cos(ang) / EARTH_RADIUS_KM)
    lon = centre[1] + np.degrees(radius_km * np.sin(ang) / (EARTH_RADIUS_KM * math.cos(math.radians(centre[0]))))
    return track.add(t, lat, lon, alt_ft, speed_kt, callsign=callsign)


def ground(
    track: SynthTrack,
    t0: float,
    at: tuple[float, float],
    *,
    duration_s: float,
    step_s: float = 10.0,
    callsign: str = "",
    new_leg: bool = False,
) -> SynthTrack:
    t = t0 + np.arange(0.0, duration_s, step_s)
    return track.add(
        t, np.full(len(t), at[0]), np.full(len(t), at[1]), np.nan, 5.0, ground=True, callsign=callsign, new_leg=new_leg
    )


def sortie(
    track: SynthTrack,
    t0: float,
    route: Sequence[tuple[float, float]],
    *,
    callsign: str,
    speed_kt: float = 400.0,
    cruise_ft: float = 28_000.0,
    step_s: float = 5.0,
    taxi_s: float = 300.0,
    orbit: dict[str, Any] | None = None,
) -> float:
    """Taxi, take off, fly ``route`` (optionally orbiting at ``orbit['after']``-th waypoint), land, taxi.

    Returns the time after the final taxi. The first taxi point carries a leg flag, like readsb.
    """
    ground(track, t0, route[0], duration_s=taxi_s, callsign=callsign, new_leg=True)
    t = track.end_time + step_s
    for i, (a, b) in enumerate(itertools.pairwise(route)):
        climb = (1_500.0, cruise_ft) if i == 0 else ((cruise_ft, 2_000.0) if i == len(route) - 2 else cruise_ft)
        leg(track, t, a, b, speed_kt=speed_kt, alt_ft=climb, step_s=step_s, callsign=callsign)
        t = track.end_time + step_s
        if orbit and orbit.get("after") == i + 1:
            circle(
                track,
                t,
                b,
                radius_km=orbit.get("radius_km", 10.0),
                turns=orbit.get("turns", 3.0),
                speed_kt=orbit.get("speed_kt", 250.0),
                alt_ft=cruise_ft,
                step_s=step_s,
                callsign=callsign,
                start_angle_deg=180.0,
            )
            t = track.end_time + step_s
            leg(track, t, track.end_position, b, speed_kt=speed_kt, alt_ft=cruise_ft, step_s=step_s, callsign=callsign)
            t = track.end_time + step_s
    ground(track, t, route[-1], duration_s=taxi_s, callsign=callsign)
    return track.end_time + step_s


def trace_document(
    hex_address: str,
    track: SynthTrack,
    *,
    registration: str = "",
    icao_type: str = "",
    description: str = "",
    operator: str = "",
    db_flags: int = 0,
    year: int | None = None,
    fields: int = 14,
    day_start: float | None = None,
) -> dict[str, Any]:
    """A readsb ``trace_full`` document (``fields`` 14, or 9 as before 2022); callsigns only on change."""
    a = track.arrays()
    order = np.argsort(a["t"], kind="stable")
    a = {k: v[order] for k, v in a.items()}
    base = float(day_start if day_start is not None else math.floor(a["t"][0] / 86400.0) * 86400.0)
    off = np.round(a["t"] - base, 2)
    lat = np.round(a["lat"], 6)
    lon = np.round(a["lon"], 6)
    rows = []
    last_cs = None
    for i in range(len(off)):
        cs = a["callsign"][i]
        details = None
        if cs and (cs != last_cs or a["leg"][i]):
            details = {"type": "adsb_icao", "flight": f"{cs:<8}"}
            last_cs = cs
        alt: Any = None if np.isnan(a["alt"][i]) else int(round(a["alt"][i] / 25) * 25)
        if a["ground"][i]:
            alt = "ground"
        flags = 2 if a["leg"][i] else 0
        row: list[Any] = [
            float(off[i]),
            float(lat[i]),
            float(lon[i]),
            alt,
            round(float(a["gs"][i]), 1),
            None,
            flags,
            0,
            details,
        ]
        if fields == 14:
            row += ["adsb_icao", None if alt == "ground" else alt, 0, None, 0.0]
        rows.append(row)
    doc: dict[str, Any] = {"icao": hex_address}
    if registration:
        doc["r"] = registration
    if icao_type:
        doc["t"] = icao_type
    doc["dbFlags"] = db_flags
    if description:
        doc["desc"] = description
    if operator:
        doc["ownOp"] = operator
    if year:
        doc["year"] = str(year)
    doc["timestamp"] = base
    doc["trace"] = rows
    return doc


def write_trace(path: str | Path, doc: dict[str, Any], *, gzip: bool = False) -> Path:
    """Write a trace document; ``gzip=True`` compresses it while keeping the given name, like day archives."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = orjson.dumps(doc)
    if gzip:
        data = gzip_module.compress(data, compresslevel=1)
    path.write_bytes(data)
    return path


def trace_path(root: str | Path, hex_address: str, *, day: str | None = None) -> Path:
    """``root/[YYYY/MM/DD/]traces/<last two hex digits>/trace_full_<hex>.json``."""
    root = Path(root)
    if day:
        root = root.joinpath(*day.split("-"))
    return root / "traces" / hex_address[-2:] / f"trace_full_{hex_address}.json"
