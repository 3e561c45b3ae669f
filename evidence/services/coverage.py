"""Coverage cells: how many distinct aircraft were heard over or within ``COVERAGE_NEAR_NM`` of each region in each
UTC hour, counted from every aircraft an import reads (kept as missions or not). Written by union of address sets,
so parallel units and re-imports of the same day give the same cells (exact, idempotent)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Sum
from django.db.models.functions import Length

from evidence.models import CoverageCell, CoveragePart


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
    """Accumulates (region, hour, address) triples for a batch of files; ``flush`` merges them into the table."""

    def __init__(self, tagger: Any) -> None:
        self.tagger = tagger
        self.near_nm = float(settings.COVERAGE_NEAR_NM)
        self._heard: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (region key, hour, address) columns

    def add(self, samples: list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]) -> None:
        """``samples``: (hex, hour start per point, lon, lat) from flight_import.coverage_sample. Each aircraft's
        points of one hour are one short track; the regions it came over or within ``near_nm`` of are asked of the
        tagger for the whole batch at once."""
        if self.tagger is None or not samples:
            return
        kept = [(a, s) for s in samples if (a := _address(s[0])) is not None]
        if not kept:
            return
        hours = np.concatenate([s[1] for _, s in kept]).astype(np.int64)
        lon = np.concatenate([np.asarray(s[2], dtype=float) for _, s in kept])
        lat = np.concatenate([np.asarray(s[3], dtype=float) for _, s in kept])
        owner = np.repeat(np.arange(len(kept)), [len(s[1]) for _, s in kept])
        starts = np.flatnonzero(np.r_[True, (hours[1:] != hours[:-1]) | (owner[1:] != owner[:-1])])
        addresses = np.array([a for a, _ in kept], dtype=np.int64)[owner[starts]]
        track, region = self._within(lon, lat, np.r_[starts, len(hours)])
        self._heard.append((region, hours[starts][track], addresses[track]))

    def _within(self, lon: np.ndarray, lat: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(track, region key) pairs of the tracks over or within ``near_nm`` of a region."""
        within_pairs = getattr(self.tagger, "within_pairs", None)
        if within_pairs is not None:  # a yes/no per region within near_nm, no distances measured
            track, index = within_pairs(lon, lat, starts, self.near_nm)
            return track, np.asarray(self.tagger.keys, dtype=np.int64)[index]
        pairs = [(t, hit.key) for t, (a, b) in enumerate(itertools.pairwise(starts.tolist()))
                 for hit in self.tagger.tag(lon[a:b], lat[a:b]) if hit.over or hit.min_distance_nm <= self.near_nm]
        track_list, keys = zip(*pairs, strict=True) if pairs else ((), ())
        return np.array(track_list, dtype=np.intp), np.array(keys, dtype=np.int64)

    def flush(self) -> int:
        """Append the accumulated (region, hour, address) triples as parts, one row per hour
        (:class:`CoveragePart`: no stored cell read or rewritten, so a batch's database work does not grow with the
        day's size); :func:`compact` unites them into the cells. Returns the number of distinct triples."""
        if not self._heard:
            return 0
        region, hour, address = _columns(self._heard)
        self._heard = []
        key = (region << 24) | address
        order = np.lexsort((key, hour))
        hour, key = hour[order], key[order]
        new = np.r_[True, (hour[1:] != hour[:-1]) | (key[1:] != key[:-1])] if len(key) else np.empty(0, bool)
        hour, key = hour[new], key[new]
        cuts = np.flatnonzero(np.r_[True, hour[1:] != hour[:-1]]).tolist() if len(key) else []
        CoveragePart.objects.bulk_create([
            CoveragePart(hour=datetime.fromtimestamp(int(hour[a]), UTC), heard=key[a:b].astype("<u8").tobytes())
            for a, b in itertools.pairwise([*cuts, len(key)])])  # fmt: skip
        return len(key)


def part_triples(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    """A part's (region ids, addresses), in (region, address) order."""
    keys = np.frombuffer(bytes(blob), dtype="<u8").astype(np.int64)
    return keys >> 24, keys & 0xFFFFFF


class _Cells:
    """Cells to merge, in (region, hour) order: ``region``, ``hour`` (unix s), and for cell i the sorted unique
    addresses ``addresses[offsets[i]:offsets[i + 1]]``."""

    def __init__(self, region: np.ndarray, hour: np.ndarray, addresses: np.ndarray, offsets: np.ndarray) -> None:
        self.region, self.hour, self.addresses, self.offsets = region, hour, addresses, offsets

    def blobs(self) -> list[bytes]:
        """Each cell's addresses packed as ``pack`` does (3 bytes each, big-endian), from one buffer."""
        a = self.addresses.astype(np.uint32)
        data = np.stack([(a >> 16) & 0xFF, (a >> 8) & 0xFF, a & 0xFF], axis=1).astype(np.uint8).tobytes()
        bounds = (3 * self.offsets).tolist()
        return [data[x:y] for x, y in itertools.pairwise(bounds)]

    def counts(self) -> np.ndarray:
        return np.diff(self.offsets)


def _columns(heard: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not heard:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    return tuple(np.concatenate(parts).astype(np.int64) for parts in zip(*heard, strict=True))  # type: ignore


def _cells(region: np.ndarray, hour: np.ndarray, address: np.ndarray) -> _Cells:
    """Distinct (region, hour, address) triples grouped into cells, in (region, hour, address) order."""
    order = np.lexsort((address, hour, region))
    region, hour, address = region[order], hour[order], address[order]
    new = np.r_[True, (region[1:] != region[:-1]) | (hour[1:] != hour[:-1]) | (address[1:] != address[:-1])]
    region, hour, address = region[new], hour[new], address[new]
    first = np.flatnonzero(np.r_[True, (region[1:] != region[:-1]) | (hour[1:] != hour[:-1])])
    return _Cells(region[first], hour[first], address, np.r_[first, len(address)])


def _united(cells: _Cells, index: np.ndarray, stored: list[bytes]) -> _Cells:
    """The cells ``index`` of ``cells`` united with their ``stored`` addresses (packed blobs, same order)."""
    counts = cells.counts()[index]
    mine = np.concatenate([cells.addresses[cells.offsets[i]:cells.offsets[i + 1]] for i in index.tolist()])
    theirs = unpack(b"".join(stored)).astype(np.int64)
    sizes = np.array([len(b) // 3 for b in stored], dtype=np.int64)
    n = np.arange(len(index))
    return _cells(np.r_[np.repeat(n, counts), np.repeat(n, sizes)], np.zeros(len(mine) + len(theirs), np.int64),
                  np.r_[mine, theirs])  # fmt: skip


_LOCK_SQL = """
SELECT c.region_id, extract(epoch FROM c.hour)::bigint, c.id, c.aircraft, c.aircraft_count
FROM {table} c JOIN unnest(%s::bigint[], %s::bigint[]) AS k(region_id, hour)
  ON c.region_id = k.region_id AND c.hour = to_timestamp(k.hour)
ORDER BY c.region_id, c.hour FOR UPDATE OF c"""
_INSERT_SQL = """
INSERT INTO {table} (region_id, hour, aircraft, aircraft_count)
SELECT k.region_id, to_timestamp(k.hour), k.aircraft, k.n
FROM unnest(%s::bigint[], %s::bigint[], %s::bytea[], %s::int[]) AS k(region_id, hour, aircraft, n)
ORDER BY k.region_id, k.hour
ON CONFLICT (region_id, hour) DO NOTHING
RETURNING region_id, extract(epoch FROM hour)::bigint"""
_UPDATE_SQL = """
UPDATE {table} c SET aircraft = k.aircraft, aircraft_count = k.n
FROM unnest(%s::bigint[], %s::bytea[], %s::int[]) AS k(id, aircraft, n) WHERE c.id = k.id"""


def _merge_postgresql(cells: _Cells) -> None:
    """One batch's cells in a few statements whatever their number: the stored ones among them read and locked in
    key order (concurrent writers lock in the same order), the others inserted whole in key order (a concurrent
    creator wins, harmlessly: that cell is then locked and united like the stored ones), the changed ones written
    by one UPDATE from arrays. Set union, so a batch merged twice changes nothing."""
    table = connection.ops.quote_name(CoverageCell._meta.db_table)
    keys = list(zip(cells.region.tolist(), cells.hour.tolist(), strict=True))
    position = {k: i for i, k in enumerate(keys)}
    with transaction.atomic(), connection.cursor() as cursor:
        stored = _lock(cursor, table, cells.region, cells.hour)
        missing = np.array([i for i, k in enumerate(keys) if k not in stored], dtype=np.intp)
        if len(missing):
            blobs = cells.blobs()
            cursor.execute(_INSERT_SQL.format(table=table), [cells.region[missing].tolist(),
                           cells.hour[missing].tolist(), [blobs[i] for i in missing.tolist()],
                           cells.counts()[missing].tolist()])  # fmt: skip
            inserted = {(r, h) for r, h in cursor.fetchall()}
            lost = [i for i in missing.tolist() if keys[i] not in inserted]
            if lost:  # created meanwhile by another import: united like the stored ones
                stored.update(_lock(cursor, table, cells.region[lost], cells.hour[lost]))
        if not stored:
            return
        index = np.array(sorted(position[k] for k in stored), dtype=np.intp)
        rows = [stored[keys[i]] for i in index.tolist()]
        merged = _united(cells, index, [blob for _, blob, _ in rows])
        changed = np.flatnonzero(merged.counts() != np.array([n for _, _, n in rows], dtype=np.int64))
        if len(changed):
            blobs = merged.blobs()
            cursor.execute(_UPDATE_SQL.format(table=table), [[rows[i][0] for i in changed.tolist()],
                           [blobs[i] for i in changed.tolist()], merged.counts()[changed].tolist()])  # fmt: skip


def _lock(cursor: Any, table: str, region: np.ndarray,
          hour: np.ndarray) -> dict[tuple[int, int], tuple[int, bytes, int]]:  # fmt: skip
    """The stored cells among the (region, hour) keys, locked in key order: key → (id, addresses, count)."""
    cursor.execute(_LOCK_SQL.format(table=table), [np.asarray(region).tolist(), np.asarray(hour).tolist()])
    return {(r, h): (pk, bytes(blob), n) for r, h, pk, blob, n in cursor.fetchall()}


def _merge_rows(cells: _Cells) -> None:
    """The portable merge (SQLite): every existing touched cell locked in key order, the missing ones created (a
    concurrent creator wins, harmlessly: its row is then locked and merged like the others), and the changed ones
    written with one statement per row."""
    blobs = cells.blobs()
    keys = {(int(r), datetime.fromtimestamp(int(h), UTC)): i
            for i, (r, h) in enumerate(zip(cells.region.tolist(), cells.hour.tolist(), strict=True))}  # fmt: skip
    with transaction.atomic():
        rows = _locked_cells(keys)
        missing = [k for k in keys if k not in rows]
        if missing:
            CoverageCell.objects.bulk_create(
                [CoverageCell(region_id=r, hour=h, aircraft=blobs[keys[(r, h)]],
                              aircraft_count=int(cells.offsets[keys[(r, h)] + 1] - cells.offsets[keys[(r, h)]]))
                 for r, h in missing],
                ignore_conflicts=True, batch_size=2000,
            )  # fmt: skip
            created = _locked_cells({k: keys[k] for k in missing})
            rows.update({k: v for k, v in created.items() if bytes(v[1]) != blobs[keys[k]]})
        changed = []
        for key, (pk, blob, count) in sorted(rows.items()):
            i = keys[key]
            merged = np.union1d(unpack(blob), cells.addresses[cells.offsets[i]:cells.offsets[i + 1]])
            if len(merged) != count:
                changed.append((pack(merged), len(merged), pk))
        if changed:
            table = CoverageCell._meta.db_table
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {table} SET aircraft = %s, aircraft_count = %s WHERE id = %s", changed)


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


#: What :func:`compact` unites per transaction: the parts of as many hours as hold about this many bytes together
#: (~500,000 (region, aircraft) pairs; one hour alone may hold more), so the compacting worker's memory stays small.
COMPACT_BYTES = 4 << 20
#: The transaction advisory lock that lets one compaction at a time run (PostgreSQL).
_COMPACT_LOCK = 0x46430001


def compact(chunk_bytes: int = COMPACT_BYTES) -> int:
    """Unite every coverage part into its cells by set union (as the merge always did) and delete the parts, a few
    hours per transaction, so that a reader — which reads cells and parts together — gets the same answer at every
    moment. Run at the end of each import run (evidence.services.import_jobs: the parts of a run closed as
    interrupted wait for the next run's end, read meanwhile like any part); safe any time, concurrently with imports
    (one compaction at a time on PostgreSQL: a transaction advisory lock). Returns the parts united."""
    done = 0
    for hours in _hour_chunks(chunk_bytes):
        done += _compact_hours(hours)
    return done


def _hour_chunks(chunk_bytes: int) -> Iterator[list[datetime]]:
    """The hours holding parts, in order, grouped so that each group's parts hold about ``chunk_bytes``."""
    group: list[datetime] = []
    held = 0
    sizes = CoveragePart.objects.values("hour").annotate(n=Sum(Length("heard"))).order_by("hour")
    for hour, size in sizes.values_list("hour", "n"):
        if group and held + int(size or 0) > chunk_bytes:
            yield group
            group, held = [], 0
        group.append(hour)
        held += int(size or 0)
    if group:
        yield group


def _compact_hours(hours: list[datetime]) -> int:
    from evidence.models import Region

    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_COMPACT_LOCK])
        parts = list(CoveragePart.objects.filter(hour__in=hours).values_list("id", "hour", "heard"))
        if not parts:
            return 0
        triples = [(*part_triples(blob), int(hour.timestamp())) for _, hour, blob in parts]
        region = np.concatenate([r for r, _, _ in triples])
        address = np.concatenate([a for _, a, _ in triples])
        hour = np.repeat(np.array([h for _, _, h in triples], dtype=np.int64), [len(r) for r, _, _ in triples])
        alive = np.isin(region, list(Region.objects.filter(pk__in=np.unique(region).tolist())
                                     .values_list("pk", flat=True)))  # a region deleted since: its cells went too
        cells = _cells(region[alive], hour[alive], address[alive])
        if len(cells.region):
            (_merge_postgresql if connection.vendor == "postgresql" else _merge_rows)(cells)
        ids = [pk for pk, _, _ in parts]
        for i in range(0, len(ids), 5000):
            CoveragePart.objects.filter(id__in=ids[i : i + 5000]).delete()
    return len(ids)


#: "Few" missions: answers and claim checks that found at most this many say whether other traffic was heard there.
FEW_MISSIONS = 3


def coverage_in_scope(scope: Any, *, exclude: Iterable[str] = ()) -> dict[str, Any] | None:
    """Distinct aircraft heard (all traffic) over or within ``COVERAGE_NEAR_NM`` of a scope's places in its period
    (all time when it has none), from the coverage cells, leaving out the ``exclude`` hex addresses (the aircraft of
    the missions found, so the figure is "other aircraft").

    Returns ``{"aircraft": n, "regions": [names], "hours": hours with any coverage data at all (any region) in the
    period, "near_nm": radius}``, or None when the scope names no place (coverage is counted per region). Cells and
    the parts not yet united into them are read together: the same answer before and after :func:`compact` (but for
    an hour heard only in a region deleted since, which its parts count until the compaction drops it)."""
    from evidence import selectors as sel

    regions = [*getattr(scope, "regions", ()), *getattr(scope, "and_regions", ())]
    if not regions:
        return None
    slugs = list(dict.fromkeys(r.slug for r in regions))
    names = sel.region_names(slugs)
    period = getattr(scope, "period", None)
    bounds = sel.period_bounds(period) if period is not None else None
    region_ids = [r.pk for slug in slugs if (r := sel.region_by_slug(slug)) is not None]
    cells, parts = CoverageCell.objects.all(), CoveragePart.objects.all()  # parts: not yet united (:func:`compact`)
    if bounds is not None:
        cells, parts = (q.filter(hour__gte=bounds[0], hour__lt=bounds[1]) for q in (cells, parts))
    hours = {h for q in (cells, parts) for h in q.order_by().values_list("hour", flat=True).distinct()}
    heard: set[int] = set()
    for blob in cells.filter(region_id__in=region_ids).values_list("aircraft", flat=True).iterator():
        heard.update(unpack(blob).tolist())
    for blob in parts.values_list("heard", flat=True).iterator():
        region, address = part_triples(blob)
        heard.update(address[np.isin(region, region_ids)].tolist())
    heard.difference_update(a for a in map(_address, exclude) if a is not None)
    return {
        "aircraft": len(heard),
        "regions": [names.get(slug, slug) for slug in slugs],
        "hours": len(hours),
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
