"""Cut one aircraft's positions into missions (sorties).

People count missions, not positions or files, so this decides what a mission is. The rule, in order:

1. **Ground points end a mission.** A position reported on the ground separates missions. A single ground report
   sandwiched between airborne reports less than a minute away on both sides is a transponder glitch and is
   treated as airborne (this happens at cruise altitude in real data).
2. **Long reception gaps end a mission** — a gap longer than ``gap_minutes`` (settings.MISSION_GAP_MINUTES,
   default 30) between consecutive positions — *unless* the gap is evidently the same flight continuing out of
   coverage: no leg flag after the gap, both sides airborne at or above 10,000 ft (cruise), the gap under
   6 hours, and the straight-line speed across the gap between 50 % and 150 % (+50 kt) of the ground speed flown on
   either side. Airliners crossing the Gulf of Mexico or the Rockies lose coverage for 40 minutes without landing;
   a surveillance aircraft loitering out of coverage at low level does not pass the test and is split, which
   matches the domain definition ("the airborne part of a trace between long reception gaps").
3. **Leg flags are hints.** readsb sets flag bit 2 at what it thinks is the start of a new leg. Inside an
   airborne stretch, a leg flag splits it only when both resulting parts would be missions by rule 4; otherwise it
   is ignored (readsb's heuristic also fires on go-arounds and reception gaps).
4. **Too short to be a flight:** a fragment is kept only with at least ``min_points`` (5) airborne positions
   spanning at least ``min_airborne_s`` (60 s). Fragments that never left the ground are dropped.

A mission's positions are its airborne run plus the ground position right before takeoff and right after landing
(when within the gap threshold), so a stored mission keeps the evidence of where it began and ended and a later
merge with overlapping data re-splits at the same place.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .positions import Positions

CRUISE_FT = 10_000.0
MAX_BRIDGE_S = 6 * 3600.0
GLITCH_NEIGHBOUR_S = 60.0
EARTH_RADIUS_NM = 3440.065


def default_gap_minutes() -> float:
    """settings.MISSION_GAP_MINUTES when Django is configured, else 30 (this module stays usable without Django)."""
    try:
        from django.conf import settings

        return float(getattr(settings, "MISSION_GAP_MINUTES", 30.0))
    except Exception:  # ImproperlyConfigured outside a Django process
        return 30.0


@dataclass(frozen=True)
class Sortie:
    """Positions ``start:stop`` (a slice of the time-sorted input) form one mission."""

    start: int
    stop: int

    def take(self, positions: Positions) -> Positions:
        return positions.take(slice(self.start, self.stop))


def haversine_nm(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distance in nautical miles (vectorised)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(lon2 - lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_NM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _ground_mask(pos: Positions) -> np.ndarray:
    g = pos.on_ground.copy()
    n = len(g)
    if n >= 3:
        t = pos.t
        inner = np.arange(1, n - 1)
        lone = (
            g[1:-1]
            & ~g[:-2]
            & ~g[2:]
            & (t[1:-1] - t[:-2] <= GLITCH_NEIGHBOUR_S)
            & (t[2:] - t[1:-1] <= GLITCH_NEIGHBOUR_S)
        )
        g[inner[lone]] = False
    return g


def _gap_cuts(pos: Positions, ground: np.ndarray, gap_s: float) -> np.ndarray:
    """Boolean per position: a mission boundary lies right before it because of a long gap (rule 2)."""
    n = len(pos)
    cut = np.zeros(n, dtype=bool)
    if n < 2:
        return cut
    dt = np.diff(pos.t)
    cand = np.flatnonzero(dt > gap_s) + 1  # index after the gap
    if cand.size == 0:
        return cut
    before, after = cand - 1, cand
    alt_b, alt_a = pos.alt_ft[before], pos.alt_ft[after]
    with np.errstate(invalid="ignore"):
        cruise = (~ground[before]) & (~ground[after]) & (alt_b >= CRUISE_FT) & (alt_a >= CRUISE_FT)
    gap = dt[before]
    dist = haversine_nm(pos.lat[before], pos.lon[before], pos.lat[after], pos.lon[after])
    implied_kt = dist / (gap / 3600.0)
    gs_b, gs_a = pos.gs_kt[before], pos.gs_kt[after]
    gs_ref = np.where(np.isnan(gs_b), gs_a, np.where(np.isnan(gs_a), gs_b, (gs_a + gs_b) / 2))
    with np.errstate(invalid="ignore"):
        speed_ok = (implied_kt >= 0.5 * gs_ref) & (implied_kt <= 1.5 * gs_ref + 50.0)
    bridged = cruise & speed_ok & (gap <= MAX_BRIDGE_S) & ~pos.new_leg[after]
    cut[cand[~bridged]] = True
    return cut


def _is_flight(pos: Positions, ground: np.ndarray, start: int, stop: int, min_points: int, min_air_s: float) -> bool:
    air = np.flatnonzero(~ground[start:stop])
    if air.size < min_points:
        return False
    return float(pos.t[start + air[-1]] - pos.t[start + air[0]]) >= min_air_s


def split_sorties(
    positions: Positions,
    *,
    gap_minutes: float | None = None,
    min_points: int = 5,
    min_airborne_s: float = 60.0,
) -> list[Sortie]:
    """Mission slices of time-sorted ``positions`` following the module's documented rule."""
    n = len(positions)
    if n == 0:
        return []
    gap_s = 60.0 * (default_gap_minutes() if gap_minutes is None else gap_minutes)
    ground = _ground_mask(positions)
    cut = _gap_cuts(positions, ground, gap_s)
    air = ~ground
    idx = np.arange(n)
    prev_air = np.concatenate(([False], air[:-1]))
    next_air = np.concatenate((air[1:], [False]))
    next_cut = np.concatenate((cut[1:], [True]))
    starts = idx[air & (~prev_air | cut)]
    ends = idx[air & (~next_air | next_cut)]  # inclusive
    sorties: list[Sortie] = []
    t = positions.t
    for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
        # Ground neighbours: the takeoff and touchdown reports, when not across a long gap.
        if s > 0 and ground[s - 1] and not cut[s] and t[s] - t[s - 1] <= gap_s:
            s -= 1
        if e + 1 < n and ground[e + 1] and not cut[e + 1] and t[e + 1] - t[e] <= gap_s:
            e += 1
        pieces = [(s, e + 1)]
        legs = np.flatnonzero(positions.new_leg[s + 1 : e + 1] & air[s + 1 : e + 1]) + s + 1
        for leg in legs.tolist():
            a, b = pieces[-1]
            if _is_flight(positions, ground, a, leg, min_points, min_airborne_s) and _is_flight(
                positions, ground, leg, b, min_points, min_airborne_s
            ):
                pieces[-1] = (a, leg)
                pieces.append((leg, b))
        sorties.extend(
            Sortie(a, b) for a, b in pieces if _is_flight(positions, ground, a, b, min_points, min_airborne_s)
        )
    return sorties
