"""Coverage cells: how many distinct aircraft were heard over or within ``COVERAGE_NEAR_NM`` of each region in each
UTC hour, counted from every aircraft an import reads (kept as missions or not). Written by union of address sets,
so parallel units and re-imports of the same day give the same cells (exact, idempotent)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction

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
            for hour in np.unique(hours):
                sel = np.flatnonzero(hours == hour)
                tracks.append((lon[sel], lat[sel]))
                keys.append((address, int(hour)))
        if not tracks:
            return
        tag_many = getattr(self.tagger, "tag_many", None)
        results = tag_many(tracks) if tag_many else [self.tagger.tag(lon, lat) for lon, lat in tracks]
        for (address, hour), hits in zip(keys, results, strict=True):
            for hit in hits:
                if hit.over or hit.min_distance_nm <= self.near_nm:
                    self.cells[(hit.key, hour)].add(address)

    def flush(self) -> int:
        """Merge the accumulated cells: missing cells created (a concurrent creator wins, harmlessly), then every
        touched cell locked in key order (concurrent writers lock rows in the same order) and updated in bulk."""
        if not self.cells:
            return 0
        items = dict(sorted(self.cells.items()))
        self.cells = defaultdict(set)
        keys = {(region, datetime.fromtimestamp(hour, UTC)): heard for (region, hour), heard in items.items()}
        regions = {r for r, _ in keys}
        hours = {h for _, h in keys}
        with transaction.atomic():
            CoverageCell.objects.bulk_create(
                [CoverageCell(region_id=r, hour=h, aircraft=b"", aircraft_count=0) for r, h in keys],
                ignore_conflicts=True,
            )
            rows = CoverageCell.objects.select_for_update().filter(region_id__in=regions, hour__in=hours)
            changed = []
            for cell in rows.order_by("region_id", "hour"):
                addresses = keys.get((cell.region_id, cell.hour))
                if addresses is None:
                    continue
                merged = np.union1d(unpack(cell.aircraft), np.fromiter(addresses, dtype=np.uint32))
                if len(merged) != cell.aircraft_count:
                    cell.aircraft, cell.aircraft_count = pack(merged), len(merged)
                    changed.append(cell)
            CoverageCell.objects.bulk_update(changed, ["aircraft", "aircraft_count"], batch_size=500)
        return len(items)


def coverage_in_scope(scope: Any) -> dict[str, Any] | None:
    """Distinct aircraft heard (all traffic) in a scope's regions and period, from the coverage cells: the figure
    an answer that found zero or few missions can give ("312 other aircraft were heard near X that day").

    Returns ``{"aircraft": n, "regions": [slugs], "hours": cells with data, "near_nm": radius}`` or None when the
    scope has no region or no period (coverage is counted per region and hour only)."""
    from datetime import time as dtime

    from evidence.models import Region

    if not getattr(scope, "regions", None) or getattr(scope, "period", None) is None:
        return None
    slugs = [r.slug for r in scope.regions]
    start = datetime.combine(scope.period.start, dtime.min, tzinfo=UTC)
    end = datetime.combine(scope.period.end, dtime.max, tzinfo=UTC)
    region_ids = list(Region.objects.filter(slug__in=slugs).values_list("pk", flat=True))
    cells = CoverageCell.objects.filter(region_id__in=region_ids, hour__gte=start, hour__lte=end)
    heard: set[int] = set()
    hours = 0
    for blob in cells.values_list("aircraft", flat=True).iterator():
        heard.update(unpack(blob).tolist())
        hours += 1
    return {"aircraft": len(heard), "regions": slugs, "hours": hours, "near_nm": float(settings.COVERAGE_NEAR_NM)}


def coverage_line(scope: Any, missions_found: int) -> str | None:
    """One sentence for answers and claim checks that found zero or few missions: whether other traffic was heard
    there then (coverage present) or nothing at all (no evidence either way). None when it cannot be said."""
    figures = coverage_in_scope(scope)
    if figures is None:
        return None
    where = ", ".join(figures["regions"])
    if figures["aircraft"] == 0:
        return (
            f"No aircraft at all were heard over or within {figures['near_nm']:g} nm of {where} in that period in "
            "the imported data: no evidence either way."
        )
    return (
        f"{figures['aircraft']:,} aircraft in all (military or not) were heard over or within "
        f"{figures['near_nm']:g} nm of {where} in that period, so receivers covered the area; {missions_found} "
        "matching mission(s) were recorded."
    )
