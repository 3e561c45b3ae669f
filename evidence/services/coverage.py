"""Coverage cells: how many distinct aircraft were heard over or within ``COVERAGE_NEAR_NM`` of each region in each
UTC hour, counted from every aircraft an import reads (kept as missions or not). Written by union of address sets,
so parallel units and re-imports of the same day give the same cells (exact, idempotent)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connection, transaction

from evidence.models import CoverageCell


def pack(addresses: np.ndarray) -> bytes:
    """Sorted unique 24-bit addresses, 3 bytes each (big-endian)."""
    a = np.unique(addresses.astype(np.uint32))
    return np.stack([(a >> 16) & 0xFF, (a >> 8) & 0xFF, a & 0xFF], axis=1).astype(np.uint8).tobytes()


def unpack(data: bytes) -> np.ndarray:
    b = np.frombuffer(bytes(data), dtype=np.uint8).reshape(-1, 3).astype(np.uint32)
    return (b[:, 0] << 16) | (b[:, 1] << 8) | b[:, 2]


def _address(hex_address: str) -> int | None:
    try:
        return int(hex_address.lstrip("~"), 16) & 0xFFFFFF if hex_address else None
    except ValueError:
        return None


class CoverageCounter:
    """Accumulates (region, hour) → addresses for a batch of files; ``flush`` merges them into the table."""

    def __init__(self, tagger: Any) -> None:
        self.tagger = tagger
        self.near_nm = float(settings.COVERAGE_NEAR_NM)
        self.cells: dict[tuple[int, int], set[int]] = defaultdict(set)

    def add(self, samples: list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]) -> None:
        """``samples``: (hex, hour start per point, lon, lat) from flight_import.coverage_sample."""
        if self.tagger is None or not samples:
            return
        tracks, keys = [], []
        for hex_address, hours, lon, lat in samples:
            address = _address(hex_address)
            if address is None:
                continue
            # hours are in time order: one short track per hour heard
            cuts = np.flatnonzero(hours[1:] != hours[:-1]) + 1
            starts = [0, *cuts.tolist()]
            for a, b in zip(starts, [*starts[1:], len(hours)], strict=True):
                tracks.append((lon[a:b], lat[a:b]))
                keys.append((address, int(hours[a])))
        if not tracks:
            return
        cells = self.cells
        within_many = getattr(self.tagger, "within_many", None)
        if within_many is not None:  # a yes/no per region within near_nm, no distances measured
            for (address, hour), region_keys in zip(keys, within_many(tracks, self.near_nm), strict=True):
                for key in region_keys:
                    cells[(key, hour)].add(address)
            return
        near = self.near_nm
        for (address, hour), (lon, lat) in zip(keys, tracks, strict=True):
            for hit in self.tagger.tag(lon, lat):
                if hit.over or hit.min_distance_nm <= near:
                    cells[(hit.key, hour)].add(address)

    def flush(self) -> int:
        """Merge the accumulated cells: every existing touched cell locked in key order (concurrent writers lock
        rows in the same order), the missing ones created (a concurrent creator wins, harmlessly: its row is then
        locked and merged like the others), and the changed ones written with one statement per row (no ORM
        instances or CASE expressions: thousands of cells per batch)."""
        if not self.cells:
            return 0
        items = dict(sorted(self.cells.items()))
        self.cells = defaultdict(set)
        keys = {(region, datetime.fromtimestamp(hour, UTC)): heard for (region, hour), heard in items.items()}
        with transaction.atomic():
            rows = _locked_cells(keys)
            missing = [k for k in keys if k not in rows]
            if missing:
                CoverageCell.objects.bulk_create(
                    [CoverageCell(region_id=r, hour=h, aircraft=b"", aircraft_count=0) for r, h in missing],
                    ignore_conflicts=True, batch_size=2000,
                )  # fmt: skip
                rows.update(_locked_cells({k: keys[k] for k in missing}))
            changed = []
            for key, (pk, blob, count) in sorted(rows.items()):
                merged = np.union1d(unpack(blob), np.fromiter(keys[key], dtype=np.uint32, count=len(keys[key])))
                if len(merged) != count:
                    changed.append((pack(merged), len(merged), pk))
            if changed:
                table = CoverageCell._meta.db_table
                with connection.cursor() as cursor:
                    cursor.executemany(f"UPDATE {table} SET aircraft = %s, aircraft_count = %s WHERE id = %s", changed)
        return len(items)


def _locked_cells(keys: dict[tuple[int, datetime], Any]) -> dict[tuple[int, datetime], tuple[int, bytes, int]]:
    """The stored cells among ``keys``, locked (in key order), as (region, hour) → (id, addresses, count)."""
    regions = sorted({r for r, _ in keys})
    hours = sorted({h for _, h in keys})
    found = (
        CoverageCell.objects.select_for_update()
        .filter(region_id__in=regions, hour__in=hours)
        .order_by("region_id", "hour")
        .values_list("region_id", "hour", "pk", "aircraft", "aircraft_count")
    )
    return {(r, h): (pk, bytes(blob), n) for r, h, pk, blob, n in found if (r, h) in keys}


#: "Few" missions: answers and claim checks that found at most this many say whether other traffic was heard there.
FEW_MISSIONS = 3


def coverage_in_scope(scope: Any, *, exclude: Iterable[str] = ()) -> dict[str, Any] | None:
    """Distinct aircraft heard (all traffic) over or within ``COVERAGE_NEAR_NM`` of a scope's places in its period
    (all time when it has none), from the coverage cells, leaving out the ``exclude`` hex addresses (the aircraft of
    the missions found, so the figure is "other aircraft").

    Returns ``{"aircraft": n, "regions": [names], "hours": hours with any coverage data at all (any region) in the
    period, "near_nm": radius}``, or None when the scope names no place (coverage is counted per region)."""
    from evidence import selectors as sel

    regions = [*getattr(scope, "regions", ()), *getattr(scope, "and_regions", ())]
    if not regions:
        return None
    slugs = list(dict.fromkeys(r.slug for r in regions))
    names = sel.region_names(slugs)
    period = getattr(scope, "period", None)
    in_period = CoverageCell.objects.all()
    if period is not None:
        start, end = sel.period_bounds(period)
        in_period = in_period.filter(hour__gte=start, hour__lt=end)
    region_ids = [r.pk for slug in slugs if (r := sel.region_by_slug(slug)) is not None]
    heard: set[int] = set()
    for blob in in_period.filter(region_id__in=region_ids).values_list("aircraft", flat=True).iterator():
        heard.update(unpack(blob).tolist())
    heard.difference_update(a for a in map(_address, exclude) if a is not None)
    return {
        "aircraft": len(heard),
        "regions": [names.get(slug, slug) for slug in slugs],
        "hours": in_period.values("hour").distinct().count(),
        "near_nm": float(settings.COVERAGE_NEAR_NM),
    }


def coverage_line(scope: Any, missions_found: int, *, mission_aircraft: Iterable[str] = ()) -> str | None:
    """The one sentence (bot answers and claim checks alike) for a count that found zero or few missions: whether
    other aircraft were heard there then (coverage present), none at all (no evidence either way), or nothing is
    known (the coverage table holds no data for that period). None when the scope names no place or more than
    ``FEW_MISSIONS`` missions were found. ``mission_aircraft``: hex addresses of the missions found."""
    if missions_found > FEW_MISSIONS:
        return None
    figures = coverage_in_scope(scope, exclude=mission_aircraft)
    if figures is None:
        return None
    found = f"{missions_found} mission{'' if missions_found == 1 else 's'}"
    where = f"within {figures['near_nm']:g} nm of {' or '.join(figures['regions'])} (over included)"
    when = "in that period" if getattr(scope, "period", None) is not None else "in the imported records"
    if figures["hours"] == 0:
        return (
            f"{found}; coverage unknown: the coverage table holds no data for that period (no day archive covering "
            "it was imported with coverage counting), so it cannot say whether receivers heard anything "
            f"{where} then."
        )
    if figures["aircraft"] == 0 and missions_found:
        return (
            f"{found}; no other aircraft at all were heard {where} {when}: beyond these missions there is no "
            f"evidence of what the receivers could hear there, so more may have flown unheard"
            f"{_hours_note(scope, figures)}."
        )
    if figures["aircraft"] == 0:
        return (
            f"{found}; no aircraft at all were heard {where} {when}: no evidence either way"
            f"{_hours_note(scope, figures)}."
        )
    other = "other aircraft were" if figures["aircraft"] != 1 else "other aircraft was"
    return (
        f"{found}; {figures['aircraft']:,} {other} heard {where} {when}, so coverage was present"
        f"{_hours_note(scope, figures)}."
    )


def _hours_note(scope: Any, figures: dict[str, Any]) -> str:
    """" (coverage data for 24 of the period's 672 hours)" when only part of the period was imported with coverage."""
    period = getattr(scope, "period", None)
    if period is None:
        return ""
    total = period.days * 24
    if figures["hours"] >= total:
        return ""
    return f" (the coverage table has data for {figures['hours']:,} of the period's {total:,} hours)"
