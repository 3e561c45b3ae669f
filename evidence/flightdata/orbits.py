"""Detect orbits and holding patterns: a flag describes the flight path, never the mission.

Rule (documented choice): **an orbit is a stretch of airborne flight that turns at least two full times in the same
direction — a net heading change of ≥ 720° — within 20 minutes, while staying inside a circle of 15 km radius
(30 km across) around its centroid.** Overlapping qualifying stretches are merged into one orbit, reported with its
start/end time, centre (mean position), radius (median distance from the centre, km: the orbit's size,
not inflated by the entry and exit) and turns (net heading change
of the merged stretch / 360).

Why these numbers: a surveillance orbit at 250-300 kt around a 20-30 km circle takes 8-10 min per turn; a
standard holding pattern takes 4 min per circuit; so two turns in 20 minutes catch both, and the 15 km radius keeps
a slowly curving transit (or a long racetrack whose legs are 100 km apart) from counting. The public heuristic
(≥ 2 revolutions, ≥ 4 min, 8 km circle) is stricter and misses wide ISR orbits.

Heading is the course over ground computed from the positions (not the reported track, which is often missing),
after resampling the track every 10 s so that the 20-minute window is a fixed number of samples and everything is
vectorised with sliding windows. Samples that would be interpolated across a reception gap longer than 2 minutes
are invalid, and windows containing one do not count (turning while unheard is unknown, not zero).

Tankers and AEW aircraft fly racetracks whose legs are 50-100 km long, which the tight rule deliberately misses; a
second pass with the same 720° test inside 60 minutes and a 60 km radius reports them as ``kind="racetrack"``
(only where no tight orbit was found), so "circled/held over an area" questions see both.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from .positions import Positions

EARTH_RADIUS_KM = 6371.0088
STEP_S = 10.0
WINDOW_S = 20 * 60.0
MIN_TURN_DEG = 720.0
MAX_RADIUS_KM = 15.0
MAX_GAP_S = 120.0
RACETRACK_WINDOW_S = 60 * 60.0
RACETRACK_RADIUS_KM = 60.0


@dataclass
class Orbit:
    start: float
    end: float
    lat: float
    lon: float
    radius_km: float
    turns: float
    kind: str = "orbit"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (``Mission.orbits`` entry): ISO times, rounded numbers."""
        return {
            "start": datetime.fromtimestamp(self.start, UTC).isoformat().replace("+00:00", "Z"),
            "end": datetime.fromtimestamp(self.end, UTC).isoformat().replace("+00:00", "Z"),
            "duration_min": round((self.end - self.start) / 60.0, 1),
            "lat": round(float(self.lat), 5),
            "lon": round(float(self.lon), 5),
            "radius_km": round(float(self.radius_km), 2),
            "turns": round(float(self.turns), 2),
            "kind": self.kind,
        }


def detect_orbits(
    positions: Positions,
    *,
    min_turn_deg: float = MIN_TURN_DEG,
    window_s: float = WINDOW_S,
    max_radius_km: float = MAX_RADIUS_KM,
    racetracks: bool = True,
) -> list[Orbit]:
    """Orbits in one mission's positions (time-sorted), following the module's rule, sorted by start.

    With ``racetracks`` a second, wider pass (≥ 720° within 60 min inside 60 km) adds the tanker/AEW racetracks
    the tight rule cannot see, as ``kind="racetrack"``, where they do not overlap a tight orbit.
    """
    air = ~positions.on_ground
    t, lat, lon = positions.t[air], positions.lat[air], positions.lon[air]
    if len(t) < 3 or t[-1] - t[0] < 60:
        return []
    # Local equirectangular projection (km) around the mission's mean position: fine over tens of km.
    lat0, lon0 = float(np.mean(lat)), float(np.mean(lon))
    kx = np.radians(1.0) * EARTH_RADIUS_KM * np.cos(np.radians(lat0))
    ky = np.radians(1.0) * EARTH_RADIUS_KM
    grid = np.arange(t[0], t[-1], STEP_S)
    if len(grid) < 3:
        return []
    x = np.interp(grid, t, ((lon - lon0 + 180.0) % 360.0 - 180.0) * kx)
    y = np.interp(grid, t, (lat - lat0) * ky)
    # A sample is valid when the real positions around it are less than MAX_GAP_S apart.
    nxt = np.clip(np.searchsorted(t, grid, side="right"), 1, len(t) - 1)
    valid = (t[nxt] - t[nxt - 1]) <= MAX_GAP_S

    dx, dy = np.diff(x), np.diff(y)
    heading = np.degrees(np.arctan2(dx, dy))  # 0 = north, clockwise positive
    moving = np.hypot(dx, dy) > 0.02  # below ~4 kt the course is noise: carry the last heading instead
    if not moving.any():
        return []
    last = np.maximum.accumulate(np.where(moving, np.arange(len(heading)), -1))
    heading = np.where(last >= 0, heading[np.maximum(last, 0)], heading[np.argmax(moving)])
    turn = (np.diff(heading) + 180.0) % 360.0 - 180.0
    cum = np.concatenate(([0.0, 0.0], np.cumsum(turn)))  # cum[k]: net heading change up to sample k

    def make(kind: str, a: int, b: int) -> Orbit:
        sx, sy = x[a : b + 1], y[a : b + 1]
        mx, my = float(sx.mean()), float(sy.mean())
        return Orbit(
            start=float(grid[a]),
            end=float(grid[b]),
            lat=lat0 + my / ky,
            lon=((lon0 + mx / kx + 180.0) % 360.0) - 180.0,
            radius_km=float(np.median(np.hypot(sx - mx, sy - my))),
            turns=abs(float(cum[b] - cum[a])) / 360.0,
            kind=kind,
        )

    tight = _intervals(cum, x, y, valid, round(window_s / STEP_S), min_turn_deg, max_radius_km)
    orbits = [make("orbit", a, b) for a, b in tight]
    if racetracks:
        wide = _intervals(cum, x, y, valid, round(RACETRACK_WINDOW_S / STEP_S), min_turn_deg, RACETRACK_RADIUS_KM)
        orbits += [make("racetrack", a, b) for a, b in wide if not any(a <= tb and ta <= b for ta, tb in tight)]
    return sorted(orbits, key=lambda o: o.start)


def _intervals(
    cum: np.ndarray, x: np.ndarray, y: np.ndarray, valid: np.ndarray, w: int, min_turn: float, max_r: float
) -> list[tuple[int, int]]:
    """Merged [start, end] sample intervals where the net turn reaches ``min_turn`` within ``w`` samples inside
    a circle of ``max_r`` km around the stretch's centroid, with no invalid sample.

    Each window is only examined up to the sample where its turn first reaches ``min_turn`` (the stretch the rule
    tests), so an orbit's windows cost a few dozen samples, not ``w``. The centroid is summed over a prefix of the
    window that gives bit for bit the sum over the whole zero-padded window (``_sum_width``), so every decision is
    the same as summing the full windows."""
    w, rows = _turning_windows(cum, w, min_turn)
    if rows.size == 0:
        return []
    first = _first_reach(cum, rows, w, min_turn)
    hit = first >= 0
    if not hit.any():
        return []
    ks, first = rows[hit], first[hit]
    # An invalid sample up to the first reach spoils the window (prefix counts of invalid samples: exact).
    bad = np.concatenate(([0], np.cumsum(~valid)))
    ok = bad[ks + first + 1] == bad[ks]
    ok[ok] = ~_surely_wider(x, y, ks[ok], first[ok], max_r)
    widths = _sum_width(first + 1, w + 1)
    for width in np.unique(widths[ok]).tolist():
        sel = np.flatnonzero(ok & (widths == width))
        ok[sel] = _within_circle(x, y, ks[sel], first[sel], width, max_r)
    if not ok.any():
        return []
    return _merged(ks[ok], ks[ok] + first[ok])


def _merged(starts: np.ndarray, ends: np.ndarray) -> list[tuple[int, int]]:
    """Overlapping [start, end] intervals (sorted by start) merged."""
    run_end = np.maximum.accumulate(ends)
    new = np.concatenate(([True], starts[1:] > run_end[:-1]))
    last_of_group = np.concatenate((np.flatnonzero(new)[1:] - 1, [len(starts) - 1]))
    return list(zip(starts[new].tolist(), run_end[last_of_group].tolist(), strict=True))


def _turning_windows(cum: np.ndarray, w: int, min_turn: float) -> tuple[int, np.ndarray]:
    """The window length (≤ the samples there are) and the starts of the windows worth examining. Cheap necessary
    condition: the net turn in a window cannot exceed the total absolute turning in it, so only windows whose
    absolute turning reaches the threshold are examined (straight flight skips the O(m·w) part)."""
    m = len(cum)
    w = min(w, m - 1)
    if w < 2:
        return w, np.empty(0, dtype=np.intp)
    acum = np.concatenate(([0.0], np.cumsum(np.abs(np.diff(cum)))))
    return w, np.flatnonzero(acum[w:] - acum[: m - w] >= min_turn)


def _first_reach(cum: np.ndarray, rows: np.ndarray, w: int, min_turn: float) -> np.ndarray:
    """For each window start ``k`` in ``rows``: the first ``j`` in 0..w with ``|cum[k + j] - cum[k]| >= min_turn``,
    or -1. Columns are tested in growing blocks, each only for the windows not settled yet."""
    first = np.full(len(rows), -1, dtype=np.intp)
    todo = np.arange(len(rows))
    lo, block = 0, 32
    while lo <= w and len(todo):
        cols = np.arange(lo, min(lo + block, w + 1))
        k = rows[todo]
        reach = np.abs(cum[k[:, None] + cols[None, :]] - cum[k][:, None]) >= min_turn
        found = reach.any(axis=1)
        first[todo[found]] = lo + np.argmax(reach[found], axis=1)
        todo = todo[~found]
        lo, block = lo + len(cols), block * 2
    return first


def _surely_wider(x: np.ndarray, y: np.ndarray, ks: np.ndarray, first: np.ndarray, max_r: float) -> np.ndarray:
    """Windows that certainly do not fit in the circle, from a few pairs of their samples: two samples ``d`` apart
    cannot both lie within ``d / 2`` of any centre, so no centroid brings them within ``max_r`` when ``d / 2`` is
    above it (a margin of 1e-9 covers rounding). A transit costs four pairs instead of the whole stretch."""
    wider = np.zeros(len(ks), dtype=bool)
    for a, b in ((0, 4), (0, 2), (2, 4), (1, 3)):  # quarters of the stretch k .. k + first
        i, j = ks + first * a // 4, ks + first * b // 4
        wider |= np.hypot(x[i] - x[j], y[i] - y[j]) / 2 > max_r * (1 + 1e-9)
    return wider


def _sum_width(count: np.ndarray, full: int) -> np.ndarray:
    """Per window, how many leading samples to sum so that ``sum(axis=1)`` over them equals, bit for bit, numpy's
    sum over the ``full`` samples of the window with zeros after the first ``count``: the shortest of the widths
    whose pairwise summation is the start of the full one's — a multiple of 8 within its first leaf block (the
    zeros then only ever add ``+0.0`` to its partial sums) or one of the left halves it is split into (a few of
    them: a wider sum than needed is as exact, and fewer widths mean fewer, larger numpy calls).
    tests/flightdata/test_orbits.py checks these widths against numpy."""
    return _sum_widths(full)[np.searchsorted(_sum_widths(full), count)]


@functools.cache
def _sum_widths(full: int) -> np.ndarray:
    spine = [full]
    while spine[-1] > 128:  # numpy's pairwise sum splits n into n // 2 rounded down to a multiple of 8, and the rest
        half = spine[-1] // 2
        spine.append(half - half % 8)
    leaf = spine[-1] - spine[-1] % 8
    # Doubling widths only (8, 16, 32, 64): fewer groups of windows, each summed in one call.
    return np.array(sorted({w for w in (8, 16, 32, 64) if w <= leaf} | {leaf, *spine}), dtype=np.intp)


def _within_circle(x: np.ndarray, y: np.ndarray, ks: np.ndarray, first: np.ndarray, width: int,
                   max_r: float) -> np.ndarray:  # fmt: skip
    """Whether the samples ``k .. k + first`` of each window lie within ``max_r`` of their centroid, from the window's
    first ``width`` samples (``_sum_width``)."""
    cols = np.arange(width)
    inside = cols[None, :] <= first[:, None]
    take = np.minimum(ks[:, None] + cols[None, :], len(x) - 1)  # columns past the end are masked out anyway
    xw, yw = x[take], y[take]
    cnt = inside.sum(axis=1)
    cx = np.where(inside, xw, 0.0).sum(axis=1) / cnt
    cy = np.where(inside, yw, 0.0).sum(axis=1) / cnt
    r = np.where(inside, np.hypot(xw - cx[:, None], yw - cy[:, None]), 0.0).max(axis=1)
    return r <= max_r
