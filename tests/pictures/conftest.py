"""A small world for pictures: two regions side by side, a border line, one mission with a reception gap and
rising altitude, and a claim that reads it. Built directly with the models (geometry and track known exactly)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pytest
from shapely.geometry import LineString, box

from evidence.flightdata import Positions, encode_track
from evidence.models import Aircraft, AircraftType, Mission, MissionRegion, Organisation, Region

T0 = dt.datetime(2026, 2, 10, 12, 0, tzinfo=dt.UTC)
GAP_AFTER = 30  # positions before the reception gap
POINTS = 60


@dataclass
class World:
    land: Region
    sea: Region
    border: Region
    mission: Mission
    lon: np.ndarray
    lat: np.ndarray
    alt: np.ndarray


def region(slug: str, kind: str, geom) -> Region:
    lon0, lat0, lon1, lat1 = geom.bounds
    return Region.objects.create(slug=slug, name=slug.replace("-", " ").title(), kind=kind, geometry_wkb=geom.wkb,
                                 min_lon=lon0, min_lat=lat0, max_lon=lon1, max_lat=lat1, source="tests")


def track_arrays() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """60 positions a minute apart from (-99, 27) to (-95, 31), climbing 2,000 → 38,000 ft, with 20 minutes of
    silence after the 30th: the gap runs from about (-97.0, 29.0) to (-96.9, 29.1)."""
    t = T0.timestamp() + 60.0 * np.arange(POINTS)
    t[GAP_AFTER:] += 20 * 60
    lon = np.linspace(-99.0, -95.0, POINTS)
    lat = np.linspace(27.0, 31.0, POINTS)
    alt = np.linspace(2000.0, 38000.0, POINTS)
    return t, lon, lat, alt


@pytest.fixture
def world(db) -> World:
    land = region("testland", Region.Kind.US_STATE, box(-100, 26, -94, 32))
    sea = region("test-sea", Region.Kind.GULF, box(-94, 26, -90, 32))
    border = region("test-border", Region.Kind.BORDER, LineString([(-100, 26.5), (-90, 26.5)]))
    kind, _ = AircraftType.objects.get_or_create(designator="P8", defaults={"name": "Boeing P-8 Poseidon",
                                                                             "is_surveillance": True})
    org, _ = Organisation.objects.get_or_create(slug="test-navy", defaults={"name": "Test Navy"})
    aircraft = Aircraft.objects.create(hex="ae0001", registration="169001", aircraft_type=kind, operator=org,
                                       military=True)
    t, lon, lat, alt = track_arrays()
    track = encode_track(Positions.build(t=t, lat=lat, lon=lon, alt_ft=alt))
    mission = Mission.objects.create(
        aircraft=aircraft, aircraft_type=kind, callsign="PELICAN1", callsigns=["PELICAN1"], start=T0,
        end=dt.datetime.fromtimestamp(t[-1], dt.UTC), point_count=POINTS, track=track, min_lat=27, min_lon=-99,
        max_lat=31, max_lon=-95, max_altitude_ft=38000, has_orbit=True,
        orbits=[{"start": "2026-02-10T12:10:00Z", "end": "2026-02-10T12:40:00Z", "lat": 28.0, "lon": -98.0,
                 "radius_km": 20, "turns": 3}],
    )
    MissionRegion.objects.create(mission=mission, region=land, over=True, distance_nm=0.0, mission_start=T0,
                                 aircraft_type=kind, aircraft=aircraft)
    MissionRegion.objects.create(mission=mission, region=sea, over=False, distance_nm=54.04, mission_start=T0,
                                 aircraft_type=kind, aircraft=aircraft)
    MissionRegion.objects.create(mission=mission, region=border, over=False, distance_nm=29.96, mission_start=T0,
                                 aircraft_type=kind, aircraft=aircraft)
    return World(land=land, sea=sea, border=border, mission=mission, lon=lon, lat=lat, alt=alt)


def more_missions(world: World, days: list[int]) -> list[Mission]:
    """Copies of the world's mission starting ``days`` after it (negative: before)."""
    out = []
    for n, day in enumerate(days):
        m = world.mission
        start = m.start + dt.timedelta(days=day)
        copy = Mission.objects.create(
            aircraft=m.aircraft, aircraft_type=m.aircraft_type, callsign=f"COPY{n}", start=start,
            end=start + (m.end - m.start), point_count=m.point_count, track=m.track, min_lat=m.min_lat,
            min_lon=m.min_lon, max_lat=m.max_lat, max_lon=m.max_lon,
        )
        MissionRegion.objects.create(mission=copy, region=world.land, over=True, distance_nm=0.0,
                                     mission_start=start, aircraft_type=m.aircraft_type,
                                     aircraft=m.aircraft)
        out.append(copy)
    return out
