"""Sortie splitting: ground segments, leg flags as hints, long gaps (with cruise continuity), too-short fragments."""

from __future__ import annotations

import numpy as np

from evidence.flightdata import Positions, read_flight_file, split_sorties

from .conftest import FIXTURES


def make(t, alt, *, ground=None, leg=None, gs=400.0, lat=None, lon=None):
    t = np.asarray(t, float)
    n = len(t)
    return Positions.build(
        t=t,
        lat=np.linspace(30, 31, n) if lat is None else np.asarray(lat, float),
        lon=np.linspace(-110, -109, n) if lon is None else np.asarray(lon, float),
        alt_ft=np.asarray(alt, float),
        gs_kt=np.full(n, gs),
        on_ground=np.zeros(n, bool) if ground is None else np.asarray(ground, bool),
        new_leg=np.zeros(n, bool) if leg is None else np.asarray(leg, bool),
    )


def test_readsb_fixture_two_missions_with_takeoff_and_landing_points():
    (track,) = read_flight_file(FIXTURES / "readsb_14field.json")
    p = track.positions
    sorties = split_sorties(p, gap_minutes=30)
    assert len(sorties) == 2
    first = sorties[0].take(p)
    assert first.on_ground[0] and first.on_ground[-1] and not first.on_ground[1:-1].any()
    assert set(first.callsigns()) == {"DRAGN41"}
    assert set(sorties[1].take(p).callsigns()) == {"DRAGN42"}


def test_long_low_gap_splits_9_field_fixture():
    (track,) = read_flight_file(FIXTURES / "readsb_9field.json")
    assert len(split_sorties(track.positions, gap_minutes=30)) == 2
    assert len(split_sorties(track.positions, gap_minutes=60)) == 1


def test_cruise_gap_with_consistent_speed_is_bridged():
    # 400 kt, 40-minute gap at FL350 covering ~267 nm: the same flight out of coverage.
    t = np.concatenate([np.arange(0, 600, 60), 600 + 2400 + np.arange(0, 600, 60)]) + 1.7e9
    lat = np.concatenate([30 + np.arange(10) * 0.1, 30 + 0.9 + 4.45 + np.arange(10) * 0.1])
    p = make(t, np.full(20, 35_000.0), lat=lat, lon=np.full(20, -100.0))
    assert len(split_sorties(p, gap_minutes=30)) == 1
    # Same gap but the aircraft reappears where it was: it did not fly on, so it is split.
    p2 = make(t, np.full(20, 35_000.0), lat=np.full(20, 30.0), lon=np.full(20, -100.0))
    assert len(split_sorties(p2, gap_minutes=30)) == 2


def test_leg_flag_is_a_hint():
    t = np.arange(40) * 30.0 + 1.7e9
    leg = np.zeros(40, bool)
    leg[20] = True  # both halves are flights -> split
    assert len(split_sorties(make(t, np.full(40, 5000.0), leg=leg))) == 2
    leg[:] = False
    leg[2] = True  # would leave a 2-point fragment -> ignored
    assert len(split_sorties(make(t, np.full(40, 5000.0), leg=leg))) == 1


def test_ground_only_and_short_fragments_dropped_and_lone_ground_glitch_ignored():
    t = np.arange(30) * 10.0 + 1.7e9
    ground = np.zeros(30, bool)
    ground[:10] = True
    ground[13:] = True  # 3 airborne points: too short
    assert split_sorties(make(t, np.full(30, 1000.0), ground=ground)) == []
    ground = np.zeros(30, bool)
    ground[15] = True  # a single "ground" report at altitude between airborne reports
    assert len(split_sorties(make(t, np.full(30, 30_000.0), ground=ground))) == 1
    assert split_sorties(Positions.empty()) == []


def test_coverage_spread_is_linspace_per_hour():
    """``spread`` (all hours at once) picks exactly what ``np.unique(np.linspace(…))`` picked hour by hour."""
    from evidence.services.flight_import import spread

    rng = np.random.default_rng(3)
    for _ in range(200):
        lengths = rng.integers(1, 400, int(rng.integers(1, 30)))
        lengths[rng.random(len(lengths)) < 0.2] = rng.integers(1, 13)
        ends = np.cumsum(lengths) + int(rng.integers(0, 10_000))
        starts = ends - lengths
        most = int(rng.integers(1, 20))
        expected = np.concatenate([np.unique(np.linspace(a, b - 1, min(most, b - a)).astype(np.int64))
                                   for a, b in zip(starts.tolist(), ends.tolist(), strict=True)])  # fmt: skip
        assert np.array_equal(spread(starts, ends, most), expected)
