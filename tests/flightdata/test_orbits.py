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


def test_window_sums_over_a_prefix_equal_numpy_sums_over_the_whole_window():
    """The centroid of a window is summed over a prefix (``_sum_width``); the decision is only the same as before
    if that sum is bit for bit numpy's sum over the whole zero-padded window, for every window length."""
    from evidence.flightdata.orbits import _sum_width

    rng = np.random.default_rng(7)
    for full in (*range(3, 200), 240, 361, 500, 721):
        count = rng.integers(1, full + 1, 400)
        count[:3] = (1, full, full - 1)
        width = _sum_width(count, full)
        assert (width >= count).all() and (width <= full).all()
        a = rng.normal(0.0, 30.0, (400, full))
        a[np.arange(full)[None, :] >= count[:, None]] = 0.0
        whole = a.sum(axis=1)
        for w in np.unique(width).tolist():
            rows = width == w
            part = np.ascontiguousarray(a[rows, :w]).sum(axis=1)
            assert np.array_equal(part, whole[rows]), (full, w)


def _reference_intervals(cum, x, y, valid, w, min_turn, max_r):
    """The window test as first written (every window examined over all its samples): the faster one must agree."""
    from numpy.lib.stride_tricks import sliding_window_view

    from evidence.flightdata.orbits import _merged, _turning_windows

    w, rows = _turning_windows(cum, w, min_turn)
    if rows.size == 0:
        return []
    cw = sliding_window_view(cum, w + 1)[rows]
    reach = np.abs(cw - cw[:, :1]) >= min_turn
    hit = reach.any(axis=1)
    if not hit.any():
        return []
    ks = rows[hit]
    first = np.argmax(reach[hit], axis=1)
    inside = np.arange(w + 1)[None, :] <= first[:, None]
    ok = ~np.any(sliding_window_view(~valid, w + 1)[ks] & inside, axis=1)
    xw = sliding_window_view(x, w + 1)[ks]
    yw = sliding_window_view(y, w + 1)[ks]
    cnt = inside.sum(axis=1)
    cx = np.where(inside, xw, 0.0).sum(axis=1) / cnt
    cy = np.where(inside, yw, 0.0).sum(axis=1) / cnt
    r = np.where(inside, np.hypot(xw - cx[:, None], yw - cy[:, None]), 0.0).max(axis=1)
    ok &= r <= max_r
    if not ok.any():
        return []
    return _merged(ks[ok], ks[ok] + first[ok])


def test_window_test_agrees_with_the_full_window_version():
    """Random turning paths (orbits, wandering, straight legs, reception gaps), radii chosen near the sizes the
    paths draw, so that windows fall on both sides of every threshold."""
    from evidence.flightdata.orbits import _intervals

    rng = np.random.default_rng(11)
    for case in range(60):
        m = int(rng.integers(50, 1500))
        turn = np.where(rng.random(m) < 0.5, rng.choice([-30.0, -12.0, 12.0, 30.0]), rng.normal(0, 4, m))
        cum = np.concatenate(([0.0, 0.0], np.cumsum(turn[: m - 2])))
        heading = np.radians(cum)
        x = np.cumsum(2.0 * np.sin(heading)) + rng.normal(0, 0.05, m)
        y = np.cumsum(2.0 * np.cos(heading)) + rng.normal(0, 0.05, m)
        valid = rng.random(m) > (0.002 if case % 2 else 0.0)
        for w, radius in ((120, 15.0), (360, 60.0), (120, 4.0), (40, 8.0)):
            got = _intervals(cum, x, y, valid, w, 720.0, radius)
            assert got == _reference_intervals(cum, x, y, valid, w, 720.0, radius), (case, w, radius)
