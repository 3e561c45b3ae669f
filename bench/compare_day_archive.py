"""The day-archive paths replaced on 2026-12-05 (issue 11) against the current ones, on the same tar members in one
process (bench/bench_day_archive.py ``--compare N``): CPU time per position of each, and whether the results are
the same.

- parse: each member read through a 1 MiB buffered reader and the stream reader (``read_flight_stream``: the
  counting and gzip stream layers) — the old ``read_member`` — vs ``archives.read_member`` now (one buffer,
  ``read_flight_bytes``);
- coverage: ``RegionTagger.distances(…, within_only=True)`` (a tracks × regions matrix; coarse and detailed copies
  projected) with a dict of address sets — the old ``CoverageCounter.add`` — vs ``CoverageCounter.add`` now
  (``within_pairs``, numpy columns);
- the cells' merge (part of "write"): the old flush (touched cells read and locked by region × hour, missing ones
  created empty, one UPDATE per changed cell) vs ``CoverageCounter.flush`` now, client and PostgreSQL backend CPU,
  each in a transaction rolled back afterwards; both merge the same cells in two halves (the second half merges into
  cells the first created);
- mission–region rows (part of "write"): ``bulk_create`` of model instances vs ``flight_import.insert_columns``
  (one ``INSERT … SELECT FROM unnest`` of column arrays), for 600 synthetic missions × 25 regions, client and
  PostgreSQL backend CPU, each in a transaction rolled back afterwards.
"""

from __future__ import annotations

import io
import itertools
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

SampleT = tuple[str, np.ndarray, np.ndarray, np.ndarray]


def backend_cpu() -> float:
    """CPU seconds of this connection's PostgreSQL backend so far (0 on SQLite or a server on another machine)."""
    from bench_bot import server_cpu_ms  # (bench/ is on the path of the benchmarks that import this module)

    return (server_cpu_ms() or 0.0) / 1000


def old_read_member(parts: list[str], member: Any) -> list[Any]:
    """``read_member`` as it was: a 1 MiB buffered read, then the stream reader."""
    from evidence.flightdata.archives import ConcatenatedParts, tar_label
    from evidence.flightdata.readers import read_flight_stream

    with ConcatenatedParts(parts) as raw:
        raw.seek(member.offset)
        data = io.BufferedReader(raw, buffer_size=1 << 20).read(member.size)
    return read_flight_stream(io.BytesIO(data), f"{tar_label(parts)}::{member.name}")


def old_coverage_add(tagger: Any, samples: list[SampleT], near_nm: float) -> dict[tuple[int, int], set[int]]:
    """``CoverageCounter.add`` as it was: one short track per hour heard, a tracks × regions matrix, sets."""
    from evidence.services.coverage import _address

    tracks, keys = [], []
    for hex_address, hours, lon, lat in samples:
        address = _address(hex_address)
        if address is None:
            continue
        cuts = [0, *(np.flatnonzero(hours[1:] != hours[:-1]) + 1).tolist(), len(hours)]
        for a, b in itertools.pairwise(cuts):
            tracks.append((lon[a:b], lat[a:b]))
            keys.append((address, int(hours[a])))
    cells: dict[tuple[int, int], set[int]] = defaultdict(set)
    hit_t, hit_r = np.nonzero(tagger.distances(tracks, cap_nm=near_nm, within_only=True) == 0.0)
    for t, r in zip(hit_t.tolist(), hit_r.tolist(), strict=True):
        cells[(tagger.keys[r], keys[t][1])].add(keys[t][0])
    return cells


def old_flush(cells: dict[tuple[int, int], set[int]]) -> None:
    """``CoverageCounter.flush`` as it was (before 2026-12-05)."""
    from django.db import connection, transaction

    from evidence.models import CoverageCell
    from evidence.services.coverage import _locked_cells, pack, unpack

    keys = {(region, datetime.fromtimestamp(hour, UTC)): heard for (region, hour), heard in sorted(cells.items())}
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
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {CoverageCell._meta.db_table} SET aircraft = %s, aircraft_count = %s "
                                   "WHERE id = %s", changed)  # fmt: skip


def _cpu(fn: Any, *args: Any) -> tuple[Any, float]:
    c = time.process_time()
    out = fn(*args)
    return out, time.process_time() - c


def compare_paths(tar: Path, members: int) -> None:
    """Print the old and new paths' CPU per position on the first ``members`` members of ``tar``."""
    from django.conf import settings

    from evidence.flightdata.archives import read_member, scan_tar, tar_parts
    from evidence.services.flight_import import BATCH_FILES, coverage_sample
    from evidence.services.import_jobs import cached_region_tagger

    parts = tar_parts(tar)
    chosen = list(itertools.islice(scan_tar(parts), members))
    tagger = cached_region_tagger()
    old_tracks, old_parse = _cpu(lambda: [old_read_member(parts, m) for m in chosen])
    new_tracks, new_parse = _cpu(lambda: [read_member(parts, m) for m in chosen])
    n = sum(len(t.positions) for tracks in new_tracks for t in tracks)
    same = all(_same_tracks(a, b) for a, b in zip(old_tracks, new_tracks, strict=True))
    print(f"\nold and new paths on the first {len(chosen):,} members ({n:,} positions), CPU µs per position:")
    print(f"  parse: old {1e6 * old_parse / n:.2f}, new {1e6 * new_parse / n:.2f} (same tracks: {same})")
    samples = [s for tracks in new_tracks for t in tracks if (s := coverage_sample(t)) is not None]
    batches = [samples[i : i + BATCH_FILES] for i in range(0, len(samples), BATCH_FILES)]
    near = float(settings.COVERAGE_NEAR_NM)
    old_cells, old_cov = _cpu(lambda: [old_coverage_add(tagger, b, near) for b in batches])
    counters, new_cov = _cpu(lambda: [_counter_with(tagger, b) for b in batches])
    same = _triples(old_cells) == set().union(*(_counter_triples(c) for c in counters))
    print(f"  coverage: old {1e6 * old_cov / n:.2f}, new {1e6 * new_cov / n:.2f} (same cells: {same})")
    _compare_merge(old_cells, counters, n)
    _compare_region_rows()


def _compare_region_rows(missions: int = 600, per_mission: int = 25) -> None:
    """Old and new insert of the same region rows for synthetic missions, in transactions rolled back after."""
    from django.db import connection, transaction

    from evidence.models import Aircraft, Mission, MissionRegion, Region
    from evidence.services.flight_import import _REGION_ROW_FIELDS, insert_columns

    if connection.vendor != "postgresql":
        return
    regions = list(Region.objects.order_by("pk").values_list("pk", flat=True)[:per_mission])
    start = datetime(2025, 2, 3, tzinfo=UTC)
    results = {}
    for label in ("old", "new"):
        with transaction.atomic():
            aircraft = Aircraft.objects.create(hex="ffffff", provenance={})
            rows = [(m.pk, r, k % 3 == 0, 12.5 + k, m.start, None, aircraft.pk)
                    for m in Mission.objects.bulk_create([
                        Mission(aircraft=aircraft, start=start, end=start, track=b"", min_lat=0, min_lon=0, max_lat=0,
                                max_lon=0) for _ in range(missions)])
                    for k, r in enumerate(regions)]  # fmt: skip
            before = MissionRegion.objects.count()
            d, c = backend_cpu(), time.process_time()
            if label == "old":
                MissionRegion.objects.bulk_create([MissionRegion(**dict(zip(_REGION_ROW_FIELDS, row, strict=True)))
                                                   for row in rows], batch_size=2000)  # fmt: skip
            else:
                insert_columns(MissionRegion, _REGION_ROW_FIELDS, rows)
            results[label] = (time.process_time() - c, backend_cpu() - d, MissionRegion.objects.count() - before)
            transaction.set_rollback(True)
    (oc, od, on), (nc, nd, nn) = results["old"], results["new"]
    print(f"  mission–region rows ({len(rows):,}), µs per row, client: old {1e6 * oc / len(rows):.1f}, new "
          f"{1e6 * nc / len(rows):.1f}; PostgreSQL backend: old {1e6 * od / len(rows):.1f}, new "
          f"{1e6 * nd / len(rows):.1f} (rows written: {on:,} / {nn:,})")  # fmt: skip


def _counter_with(tagger: Any, batch: list[SampleT]) -> Any:
    from evidence.services.coverage import CoverageCounter

    counter = CoverageCounter(tagger)
    counter.add(batch)
    return counter


def _same_tracks(a: list[Any], b: list[Any]) -> bool:
    return len(a) == len(b) and all(
        x.aircraft == y.aircraft and x.positions.callsign_table == y.positions.callsign_table
        and all(np.array_equal(getattr(x.positions, k), getattr(y.positions, k), equal_nan=True)
                for k in ("t", "lat", "lon", "alt_ft", "gs_kt", "track_deg"))
        and all(np.array_equal(getattr(x.positions, k), getattr(y.positions, k))
                for k in ("on_ground", "new_leg", "source", "callsign_codes"))
        for x, y in zip(a, b, strict=True)
    )  # fmt: skip


def _triples(cells_list: list[dict[tuple[int, int], set[int]]]) -> set[tuple[int, int, int]]:
    return {(r, h, a) for cells in cells_list for (r, h), heard in cells.items() for a in heard}


def _counter_triples(counter: Any) -> set[tuple[int, int, int]]:
    from evidence.services.coverage import _columns

    return set(zip(*(c.tolist() for c in _columns(counter._heard)), strict=True))


def _compare_merge(old_cells: list[dict[tuple[int, int], set[int]]], counters: list[Any], n: int) -> None:
    """Both merges of the same cells, in two halves, each in a transaction rolled back afterwards."""
    from django.db import transaction

    from evidence.models import CoverageCell

    half = max(1, len(counters) // 2)
    results = {}
    for label, steps in (("old", [lambda b=b: old_flush(_merged(b)) for b in (old_cells[:half], old_cells[half:])]),
                         ("new", [lambda b=b: _flush_all(b) for b in (counters[:half], counters[half:])])):
        with transaction.atomic():
            d, c = backend_cpu(), time.process_time()
            for step in steps:
                step()
            results[label] = (time.process_time() - c, backend_cpu() - d,
                              sorted(CoverageCell.objects.values_list("region_id", "hour", "aircraft_count",
                                                                      "aircraft")))  # fmt: skip
            transaction.set_rollback(True)
    (oc, od, orows), (nc, nd, nrows) = results["old"], results["new"]
    same = [(r, h, k, bytes(a)) for r, h, k, a in orows] == [(r, h, k, bytes(a)) for r, h, k, a in nrows]
    print(f"  coverage cells' merge ({len(orows):,} cells), client: old {1e6 * oc / n:.2f}, new {1e6 * nc / n:.2f}; "
          f"PostgreSQL backend: old {1e6 * od / n:.2f}, new {1e6 * nd / n:.2f} (same rows: {same})")  # fmt: skip


def _merged(cells_list: list[dict[tuple[int, int], set[int]]]) -> dict[tuple[int, int], set[int]]:
    out: dict[tuple[int, int], set[int]] = defaultdict(set)
    for cells in cells_list:
        for key, heard in cells.items():
            out[key] |= heard
    return out


def _flush_all(counters: list[Any]) -> None:
    """The counters' triples merged in one flush (as one batch's counter would hold them)."""
    if not counters:
        return
    first = counters[0]
    from evidence.services.coverage import compact

    first._heard = [h for c in counters for h in c._heard]
    first.flush()
    compact()  # the parts united into the cells, as at the end of a run
