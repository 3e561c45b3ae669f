"""The real samples in /work/shared/data (only when present; never copied into the project)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from evidence.flightdata import detect_orbits, read_flight_file, split_sorties

from .conftest import SHARED_DATA

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="shared sample data not available"),
]


def missions(name: str):
    (track,) = read_flight_file(SHARED_DATA / name)
    p = track.positions
    out = []
    for s in split_sorties(p, gap_minutes=30):
        q = s.take(p)
        cs = sorted({c for c in q.callsigns() if c})
        out.append((datetime.fromtimestamp(q.t[0], UTC), datetime.fromtimestamp(q.t[-1], UTC), cs, detect_orbits(q)))
    return track, out


def test_readsb_delta_trace_is_four_flights():
    track, found = missions("traffic_readsb_trace_full_ac671b.json")
    assert track.aircraft.registration == "N899DN" and not track.aircraft.military
    assert [m[2] for m in found] == [["DAL1812"], ["DAL2418"], ["DAL1615"], ["DAL2927"]]
    assert found[0][0].strftime("%m-%d %H:%M") == "02-04 21:13" and found[3][1].strftime("%H:%M") == "19:54"


def test_navy_c2_is_military_off_san_diego():
    track, found = missions("traffic_military_aircraft_carrier.json.gz")
    assert track.aircraft.hex == "ae0455" and track.aircraft.military
    assert len(found) == 2 and all(m[2] == ["PSWRD35"] for m in found)


def test_border_patrol_orbits_and_tanker_racetrack():
    _, found = missions("traffic_surveillance_border_control.json.gz")
    assert len(found) == 1 and len([o for o in found[0][3] if o.kind == "orbit"]) >= 3
    _, found = missions("traffic_military_inflight_refuelling.json.gz")
    assert len(found) == 1 and [o.kind for o in found[0][3]] == ["racetrack"]
