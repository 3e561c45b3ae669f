"""Orbit detection on synthetic circles, a racetrack and a straight line."""

from __future__ import annotations

import numpy as np

from evidence.flightdata import Positions, detect_orbits
from evidence.flightdata.synth import SynthTrack, circle, leg


def positions(track: SynthTrack) -> Positions:
    a = track.arrays()
    return Positions.build(t=a["t"], lat=a["lat"], lon=a["lon"], alt_ft=a["alt"], gs_kt=a["gs"])


def test_circle_is_an_orbit_with_centre_radius_turns():
    tr = SynthTrack()
    leg(tr, 1.7e9, (31.0, -118.5), (31.0, -117.9), speed_kt=300, alt_ft=20_000)
    circle(tr, tr.end_time + 5, (31.0, -117.8), radius_km=8, turns=3, speed_kt=250, alt_ft=20_000)
    leg(tr, tr.end_time + 5, (31.0, -117.7), (31.0, -116.5), speed_kt=300, alt_ft=20_000)
    (orbit,) = detect_orbits(positions(tr))
    assert orbit.kind == "orbit"
    assert abs(orbit.lat - 31.0) < 0.05 and abs(orbit.lon + 117.8) < 0.05
    assert 6 < orbit.radius_km < 12
    assert orbit.turns >= 2
    assert orbit.end > orbit.start
    d = orbit.as_dict()
    assert d["start"].endswith("Z") and d["kind"] == "orbit"


def test_straight_line_and_gentle_turn_are_not_orbits():
    tr = SynthTrack()
    leg(tr, 1.7e9, (30.0, -120.0), (33.0, -115.0), speed_kt=400, alt_ft=30_000)
    assert detect_orbits(positions(tr)) == []
    tr = SynthTrack()  # one full turn only
    circle(tr, 1.7e9, (30.0, -120.0), radius_km=10, turns=1.2, speed_kt=250, alt_ft=20_000)
    assert detect_orbits(positions(tr)) == []


def test_wide_racetrack_is_reported_as_racetrack():
    tr = SynthTrack()
    t = 1.7e9
    for _ in range(3):  # 3 laps of a 80 km x 20 km racetrack
        leg(tr, t, (45.0, 1.0), (45.0, 2.0), speed_kt=400, alt_ft=25_000)
        circle(
            tr,
            tr.end_time + 5,
            (44.91, 2.0),
            radius_km=10,
            turns=0.5,
            speed_kt=400,
            alt_ft=25_000,
            start_angle_deg=0,
            clockwise=True,
        )
        leg(tr, tr.end_time + 5, (44.82, 2.0), (44.82, 1.0), speed_kt=400, alt_ft=25_000)
        circle(
            tr,
            tr.end_time + 5,
            (44.91, 1.0),
            radius_km=10,
            turns=0.5,
            speed_kt=400,
            alt_ft=25_000,
            start_angle_deg=180,
            clockwise=True,
        )
        t = tr.end_time + 5
    orbits = detect_orbits(positions(tr))
    assert [o.kind for o in orbits] == ["racetrack"]
    assert detect_orbits(positions(tr), racetracks=False) == []


def test_reception_gap_inside_does_not_fake_turns():
    tr = SynthTrack()
    circle(tr, 1.7e9, (30.0, -120.0), radius_km=8, turns=3, speed_kt=250, alt_ft=20_000, step_s=5)
    p = positions(tr)
    keep = np.ones(len(p), bool)
    keep[50 : len(p) - 50] = False  # only the first and last bits heard
    assert detect_orbits(p.take(keep)) == []
