"""Import flight files into missions: parse → split → orbits → tag regions → write, one transaction per file.

The CLI (``manage.py import_flights``), the admin upload, the API and the demo loader all call
``import_flight_files``; they differ only in ``origin`` and in how they show progress.

Guarantees:

* **A bad file is all-or-nothing.** Each file is parsed and validated completely before anything is written, and
  its writes happen in one transaction; a malformed file is recorded in ``ImportRun.errors`` as
  ``{path, location, reason}`` and the run goes on with the next file (status ``partial``; ``failed`` when no file
  could be read).
* **Re-importing is idempotent, overlapping files merge.** New positions are united with the stored positions of
  the same aircraft's missions that overlap them (or lie within the gap threshold), de-duplicated at the codec's
  time precision, and re-split; resulting missions update the stored rows they overlap most, so the same data
  imported twice changes nothing and a file overlapping a stored mission extends it instead of doubling it.
  Missions absorbed into another by a merge hand their links (evidence links, suggestions) to the survivor.
* **Provenance.** Aircraft values from a flight file are written under the rule in
  evidence/services/registry_import.py (manual values always win).
* **Streaming.** One file is in memory at a time; memory does not grow with the number of files.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from django.conf import settings
from django.db import IntegrityError, connection, transaction

from evidence import partitioning
from evidence.flightdata import (
    AircraftTrack,
    FlightFileError,
    Positions,
    decode_track,
    detect_orbits,
    encode_track,
    read_flight_file,
    split_sorties,
)
from evidence.flightdata.archives import is_tar_path
from evidence.flightdata.registries import valid_designator
from evidence.models import Aircraft, ImportRun, Mission, MissionRegion, Region
from evidence.pictures.data import positions_overview

from .registry_import import OrganisationIndex, TypeIndex, apply_aircraft_values

FLIGHT_SUFFIXES = (".json", ".csv", ".gz")
SKIP_DIRS = {"acas", "heatmap", "__pycache__"}
MAX_SOURCE_FILES = 20
# Files are parsed and split ahead in batches so region tagging runs once per batch (see _tag_prepared); each file
# is still written in its own transaction. Bounded, so memory does not grow with the number of files.
BATCH_FILES = 512
BATCH_POSITIONS = 300_000
WORKER_TIMEOUT_S = 600.0

logger = logging.getLogger(__name__)


class RegionHitLike(Protocol):
    key: Any
    over: bool
    min_distance_nm: float


class RegionTaggerLike(Protocol):
    def tag(self, lon: np.ndarray, lat: np.ndarray) -> Sequence[RegionHitLike]: ...


@dataclass
class ImportProgress:
    """Reported after each file (``done`` of ``total``)."""

    done: int
    total: int
    path: str
    positions: int
    failed: bool
    missions_created: int
    missions_updated: int


@dataclass
class _Context:
    run: ImportRun
    gap_s: float
    tagger: RegionTaggerLike | None
    orgs: OrganisationIndex
    types: TypeIndex
    cap_nm: float
    timings: dict[str, float] = field(default_factory=lambda: dict.fromkeys(_TIMING_KEYS, 0.0))
    keep: Callable[[AircraftTrack], bool] | None = None  # None: every aircraft becomes missions
    # Called inside each file's transaction with [(file, missions created, updated)] (the job's progress is committed
    # with the file's writes, or not at all); with several files that have nothing to write, in one transaction.
    on_written: Callable[[list[tuple[Any, int, int]]], None] | None = None
    coverage: Any = None  # a CoverageCounter, fed every aircraft read (kept or not)


PHASES = ("parse", "split", "tag", "coverage", "write")
_TIMING_KEYS = (*PHASES, *(f"{p}_cpu" for p in PHASES))


def _clock() -> tuple[float, float]:
    """(wall, CPU) seconds now: the benchmark reports both, since other work on the machine slows the wall clock."""
    return time.perf_counter(), time.process_time()


def _charge(ctx: _Context, phase: str, start: tuple[float, float]) -> None:
    """Add the wall and CPU time since ``start`` (a ``_clock()``) to ``phase``."""
    ctx.timings[phase] += time.perf_counter() - start[0]
    ctx.timings[f"{phase}_cpu"] += time.process_time() - start[1]


#: The last tagger built, keyed by the regions' content (see default_region_tagger).
_TAGGER_CACHE: dict[str, Any] = {}


def default_region_tagger() -> RegionTaggerLike | None:
    """A RegionTagger over every Region in the database (WKB, EPSG:4326), or None when there are no regions.

    Building one for the ~2,000 regions of the world gazetteer costs several seconds of CPU, so the last one is kept
    in this process, keyed by a hash of every region's slug, kind, source and bounds (what reseeding or an edit
    changes). It is built on slugs and handed out with the current primary keys, so the same regions re-created
    under new keys (a test database rolled back and seeded again) reuse it.
    """
    import copy
    import hashlib

    import shapely

    meta = list(Region.objects.order_by("slug").values_list("slug", "pk", "kind", "source", "min_lon", "min_lat",
                                                              "max_lon", "max_lat"))
    if not meta:
        return None
    from evidence.geo.tagging import RegionTagger, region_cap_nm

    key = hashlib.sha256(repr(([(m[0], *m[2:]) for m in meta], float(settings.REGION_DISTANCE_CAP_NM),
                               [region_cap_nm(m[2]) for m in meta])).encode()).hexdigest()
    tagger = _TAGGER_CACHE.get(key)
    if tagger is None:
        wkb = dict(Region.objects.values_list("slug", "geometry_wkb"))
        regions = [(m[0], shapely.from_wkb(bytes(wkb[m[0]]))) for m in meta]
        tagger = RegionTagger(regions, cap_nm=float(settings.REGION_DISTANCE_CAP_NM),
                              caps_nm=[region_cap_nm(m[2]) for m in meta])
        _TAGGER_CACHE.clear()
        _TAGGER_CACHE[key] = tagger
    with_pks = copy.copy(tagger)  # shares the prepared geometry; only the keys it reports differ
    with_pks.keys = [m[1] for m in meta]
    return with_pks


def iter_flight_paths(paths: Iterable[str | Path], *, include_tars: bool = False) -> Iterator[tuple[Path, bool]]:
    """Files to import, with whether each exists: given files as is; directories walked in sorted order (day
    archives ``YYYY/MM/DD/traces/xx/`` included), keeping ``.json``/``.csv``/``.gz`` files and skipping hidden
    files and readsb's ``acas``/``heatmap`` folders."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
                for name in sorted(files):
                    wanted = name.lower().endswith(FLIGHT_SUFFIXES) or (include_tars and is_tar_path(name))
                    if not name.startswith(".") and wanted:
                        yield Path(root) / name, True
        else:
            yield path, path.is_file()


def import_flight_files(
    paths: Iterable[str | Path],
    *,
    user: Any = None,
    origin: str = "cli",
    progress: Callable[[ImportProgress], None] | None = None,
    region_tagger: RegionTaggerLike | None = None,
    gap_minutes: float | None = None,
    timings: dict[str, float] | None = None,
    workers: int = 1,
    keep_all: bool = True,
) -> ImportRun:
    """Import flight files, directory trees and release tars in this process; returns the finished ``ImportRun``.

    The same job as on Celery workers (evidence/services/import_jobs.py: planned into units, each file one
    transaction), carried out here unit after unit. ``keep_all`` (default here: scripts, the demo, the benchmark)
    keeps every aircraft; the CLI, admin and API default to the military filter (evidence/services/keep.py).
    ``region_tagger`` defaults to ``default_region_tagger()``. ``timings``, when given, receives the seconds spent
    in parse / split / tag / write and the CPU seconds of each as ``<phase>_cpu``. ``workers`` > 1 parses and
    splits files in that many processes while this one tags and writes.
    """
    from .import_jobs import import_synchronously, progress_hook

    done = 0

    def hook(run: ImportRun, p: ImportProgress) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(ImportProgress(done, run.files_total, p.path, p.positions, p.failed, p.missions_created,
                                    p.missions_updated))  # fmt: skip

    token = progress_hook.set(hook)
    measured: dict[str, float] = {}
    try:
        run = import_synchronously(
            paths,
            user=user,
            origin=origin,
            options={"gap_minutes": gap_minutes, "keep_all": keep_all},
            region_tagger=region_tagger,
            workers=workers,
            timings=measured,
        )
    finally:
        progress_hook.reset(token)
    if timings is not None:
        timings.update({k: measured.get(k, 0.0) for k in _TIMING_KEYS})
    return run


@dataclass
class _Built:
    positions: Positions
    track: bytes
    fields: dict[str, Any]
    tags: list[tuple[Any, bool, float]] | None = None


@dataclass
class _Prepared:
    """A parsed, validated file with its missions computed as if nothing were stored yet (the common case)."""

    path: str
    tracks: list[tuple[AircraftTrack, list[_Built]]]
    positions: int
    heard: list[tuple[str, np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)
    parse_s: float = 0.0
    split_s: float = 0.0
    parse_cpu_s: float = 0.0
    split_cpu_s: float = 0.0


def read_entry(entry: dict[str, Any]) -> list[AircraftTrack]:
    """Tracks of one planned entry: a file (``{"path"}``) or a tar member (``{"path", "parts", "offset", "size"}``)."""
    if "parts" in entry:
        from evidence.flightdata.archives import TarMember, read_member

        name = entry["path"].split("::", 1)[-1]
        return read_member(entry["parts"], TarMember(name, int(entry["offset"]), int(entry["size"])))
    path = entry["path"]
    if not os.path.isfile(path):
        raise FlightFileError(path, "file", "no such file or directory")
    return list(read_flight_file(path))


def _prepare(job: tuple[dict[str, Any], float, Callable[[AircraftTrack], bool] | None]) -> _Prepared | FlightFileError:
    """Parse, validate and split one file (no database: runs in worker processes too). Errors are returned, not
    raised, so a pool hands them back in order with the results. Every aircraft read is sampled for coverage; only
    those ``keep`` accepts (all when None) are split into missions."""
    entry, gap_s, keep = job
    t0 = _clock()
    try:
        tracks = read_entry(entry)  # validates the whole file before anything is written
    except FlightFileError as exc:
        return exc
    prepared = _prepare_tracks(tracks, entry["path"], gap_s, keep)
    prepared.parse_s, prepared.parse_cpu_s = prepared.parse_s - t0[0], prepared.parse_cpu_s - t0[1]
    return prepared


def _prepare_tracks(
    tracks: list[AircraftTrack], path: str, gap_s: float, keep: Callable[[AircraftTrack], bool] | None
) -> _Prepared:
    t1 = _clock()
    heard = [coverage_sample(track) for track in tracks]
    out = []
    for track in tracks:
        if keep is not None and not keep(track):
            continue
        pos = track.positions
        out.append((track, [_build(s.take(pos)) for s in split_sorties(pos, gap_minutes=gap_s / 60.0)]))
    t2 = _clock()
    n = sum(len(t.positions) for t in tracks)
    # parse_s/parse_cpu_s hold the clock at the end of parsing; _prepare turns them into durations.
    prepared = _Prepared(path, out, n, [], t1[0], t2[0] - t1[0], t1[1], t2[1] - t1[1])
    prepared.heard = [h for h in heard if h is not None]
    return prepared


COVERAGE_POINTS_PER_HOUR = 12


def coverage_sample(track: AircraftTrack) -> tuple[str, np.ndarray, np.ndarray, np.ndarray] | None:
    """(hex, hour starts, lon, lat): up to COVERAGE_POINTS_PER_HOUR positions of each UTC hour the aircraft was
    heard, spread over the hour — enough to place it near a region, a small fraction of the positions to tag."""
    p = track.positions
    if not len(p):
        return None
    hours = np.floor(p.t / 3600.0).astype(np.int64)
    starts = np.flatnonzero(np.r_[True, hours[1:] != hours[:-1]])
    index = spread(starts, np.r_[starts[1:], len(p)], COVERAGE_POINTS_PER_HOUR)
    return track.aircraft.hex, hours[index] * 3600, p.lon[index], p.lat[index]


def spread(starts: np.ndarray, ends: np.ndarray, most: int) -> np.ndarray:
    """For every range ``[a, b)``, ``min(most, b - a)`` indices spread evenly from a to b - 1 — what
    ``np.unique(np.linspace(a, b - 1, n).astype(int))`` gives, range after range, with the same float operations
    (``k * step + a``, the last one ``b - 1`` when n > 1), all at once. (No duplicates to remove: the step is ≥ 1.)"""
    lengths = ends - starts
    n = np.minimum(most, lengths)
    first = np.cumsum(n) - n
    k = np.arange(int(n.sum())) - np.repeat(first, n)
    y = k * np.repeat((lengths - 1) / np.maximum(n - 1, 1), n) + np.repeat(starts, n).astype(np.float64)
    several = n > 1
    y[(first + n - 1)[several]] = (ends - 1)[several]
    return y.astype(np.int64)


def _prepared_in_order(jobs: list[Any], workers: int) -> Iterator[_Prepared | FlightFileError]:
    """``_prepare`` over the files, in order; with ``workers`` > 1 in a process pool with a bounded read-ahead
    window, so memory stays bounded however many files there are."""
    if workers <= 1 or len(jobs) < 2:
        yield from map(_prepare, jobs)
        return
    import multiprocessing
    from collections import deque

    window = 128
    mp = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing.get_context()

    def result(path: str, pending: Any) -> _Prepared | FlightFileError:
        try:
            return pending.get(timeout=WORKER_TIMEOUT_S)
        except multiprocessing.TimeoutError:  # a worker died or hung: report the file instead of waiting forever
            return FlightFileError(path, "file", f"not parsed within {WORKER_TIMEOUT_S:.0f} s by a worker process")

    with mp.Pool(workers) as pool:
        inflight: deque[tuple[str, Any]] = deque()
        for job in jobs:
            inflight.append((job[0]["path"], pool.apply_async(_prepare, (job,))))
            if len(inflight) >= window:
                yield result(*inflight.popleft())
        while inflight:
            yield result(*inflight.popleft())


def _tag_prepared(pending: list[_Prepared], ctx: _Context) -> None:
    """Tag every mission of a batch of files in one call: the tagger's per-call overhead dominates small calls."""
    built = [b for p in pending for _, bs in p.tracks for b in bs]
    t = _clock()
    for b, tags in zip(built, _tag(built, ctx), strict=True):
        b.tags = tags
    _charge(ctx, "tag", t)


def write_files(pending: list[_Prepared], ctx: _Context) -> None:
    """Write a batch's files in order: each file with aircraft to keep in its own transaction, which also records
    the progress of the files before it that had none (most of a day archive: they only count for coverage; their
    progress commits with the next file's writes, or in one transaction at the batch's end) — one commit per file
    written instead of one more for each run of files without aircraft to keep."""
    quiet: list[_Prepared] = []
    for prepared in pending:
        if not prepared.tracks:
            quiet.append(prepared)
            continue
        _write_file(prepared, ctx, preceding=quiet)
        quiet = []
    _record_progress(quiet, ctx)


def _record_progress(files: list[_Prepared], ctx: _Context) -> None:
    """The progress of files without aircraft to keep (nothing else to write), in one transaction."""
    if not files or ctx.on_written is None:
        return
    t = _clock()
    with transaction.atomic():
        ctx.on_written([(prepared, 0, 0) for prepared in files])
    _charge(ctx, "write", t)


def _write_file(prepared: _Prepared, ctx: _Context, preceding: Sequence[_Prepared] = ()) -> tuple[int, int]:
    """One file's writes in one transaction, with the progress of ``preceding`` (the files read before it that had
    nothing to write)."""
    created = updated = 0
    # PostgreSQL: this file's months get their partitions (own short transaction) before its rows arrive.
    partitioning.ensure_month_partitions(b.fields["start"] for _, bs in prepared.tracks for b in bs)
    with transaction.atomic():
        for track, built in prepared.tracks:
            c, u = _write_track(track, built, prepared.path, ctx)
            created += c
            updated += u
        if ctx.on_written is not None:
            ctx.on_written([*((quiet, 0, 0) for quiet in preceding), (prepared, created, updated)])
        committing = _clock()  # the commit happens on leaving the block: database time too
    _charge(ctx, "write", committing)
    return created, updated


def _write_track(track: AircraftTrack, built: list[_Built], path: str, ctx: _Context) -> tuple[int, int]:
    tw = _clock()
    aircraft = _upsert_aircraft(track, path, ctx)
    if not built:
        _charge(ctx, "write", tw)
        return 0, 0
    lo = built[0].fields["start"] - timedelta(seconds=ctx.gap_s)
    hi = built[-1].fields["end"] + timedelta(seconds=ctx.gap_s)
    candidates = list(Mission.objects.filter(aircraft=aircraft, start__lte=hi, end__gte=lo).order_by("start", "pk"))
    _charge(ctx, "write", tw)
    if candidates:
        # Merge: the union of stored and new positions, de-duplicated, re-split and re-tagged.
        ts = _clock()
        pos = Positions.concat([decode_track(bytes(m.track)) for m in candidates] + [track.positions]).dedupe()
        built = [_build(s.take(pos)) for s in split_sorties(pos, gap_minutes=ctx.gap_s / 60.0)]
        _charge(ctx, "split", ts)
    tw = _clock()
    for b in built:
        b.fields["aircraft_type_id"] = aircraft.aircraft_type_id

    # Match each resulting mission to the stored mission it overlaps most (each stored row used once).
    claimed: dict[int, Mission] = {}
    assignment: list[Mission | None] = []
    for b in built:
        best, best_overlap = None, -1.0
        for m in candidates:
            if m.pk in claimed:
                continue
            seconds = (min(b.fields["end"], m.end) - max(b.fields["start"], m.start)).total_seconds()
            if seconds >= 0 and seconds > best_overlap:
                best, best_overlap = m, seconds
        if best is not None:
            claimed[best.pk] = best
        assignment.append(best)

    to_tag: list[tuple[Mission, _Built]] = []
    new_rows: list[Mission] = []
    changed_rows: list[Mission] = []
    for b, existing in zip(built, assignment, strict=True):
        if existing is None:
            m = Mission(aircraft=aircraft, import_run=ctx.run, source_files=[path], **b.fields)
            new_rows.append(m)
            to_tag.append((m, b))
            continue
        sources = list(existing.source_files or [])
        same_track = bytes(existing.track) == b.track
        if same_track and existing.aircraft_type_id == b.fields["aircraft_type_id"] and path in sources:
            continue  # idempotent re-import: nothing to do
        if path not in sources:
            sources = [*sources, path][-MAX_SOURCE_FILES:]
        for name, value in b.fields.items():
            setattr(existing, name, value)
        existing.source_files = sources
        if not same_track:
            existing.import_run = ctx.run
            to_tag.append((existing, b))
        changed_rows.append(existing)
    _charge(ctx, "write", tw)

    untagged = [b for _, b in to_tag if b.tags is None]
    if untagged:
        tt = _clock()
        for b, tags in zip(untagged, _tag(untagged, ctx), strict=True):
            b.tags = tags
        _charge(ctx, "tag", tt)

    tw = _clock()
    if new_rows:
        Mission.objects.bulk_create(new_rows)
    if changed_rows:
        Mission.objects.bulk_update(changed_rows, [*_MISSION_FIELDS, "source_files", "import_run"])
    for m in (m for m in candidates if m.pk not in claimed):
        survivor = _most_overlapping(m, [a for a in assignment if a is not None] + new_rows)
        if survivor is not None:
            _repoint_relations(m.pk, survivor.pk)
        m.delete()
    if to_tag:
        replace_region_links([(m, b.tags or []) for m, b in to_tag], new={m.pk for m in new_rows})
    tagged = {id(m) for m, _ in to_tag}
    kept = [m for m in changed_rows if id(m) not in tagged]
    for has_orbit in {m.has_orbit for m in kept}:  # kept, not re-tagged: their region rows carry the (possibly new)
        # type and the orbit flag denormalised (one statement per value of the flag: at most two)
        MissionRegion.objects.filter(mission__in=[m.pk for m in kept if m.has_orbit == has_orbit]).update(
            aircraft_type_id=aircraft.aircraft_type_id, has_orbit=has_orbit)
    _charge(ctx, "write", tw)
    return len(new_rows), len(changed_rows)


_MISSION_FIELDS = (
    "aircraft_type_id",
    "callsign",
    "callsigns",
    "start",
    "end",
    "point_count",
    "track",
    "overview",
    "min_lat",
    "min_lon",
    "max_lat",
    "max_lon",
    "max_altitude_ft",
    "has_orbit",
    "orbits",
    "source_shares",
)


def _refresh_planner_statistics() -> None:
    """SQLite has no autovacuum/auto-analyze: without statistics its planner picks a poor index for region
    questions. ``PRAGMA optimize`` analyses only what changed enough, so it is cheap after small imports.
    (PostgreSQL's autovacuum keeps its statistics.)"""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA optimize")


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _build(p: Positions) -> _Built:
    """Mission column values for one sortie's positions."""
    codes = p.callsign_codes[p.callsign_codes >= 0]
    callsigns: list[str] = []
    callsign = ""
    if codes.size:
        _, first = np.unique(codes, return_index=True)
        callsigns = [p.callsign_table[c] for c in codes[np.sort(first)]]
        callsign = p.callsign_table[int(np.argmax(np.bincount(codes)))]
    orbits = detect_orbits(p)
    fields = {
        "callsign": callsign[:10],
        "callsigns": callsigns[:50],
        "start": _dt(float(p.t[0])),
        "end": _dt(float(p.t[-1])),
        "point_count": len(p),
        "min_lat": float(p.lat.min()),
        "min_lon": float(p.lon.min()),
        "max_lat": float(p.lat.max()),
        "max_lon": float(p.lon.max()),
        "max_altitude_ft": robust_max_altitude(p.alt_ft),
        "has_orbit": bool(orbits),
        "orbits": [o.as_dict() for o in orbits],
        "source_shares": p.source_shares(),
    }
    track = encode_track(p)
    fields["track"] = track
    fields["overview"] = positions_overview(p)  # maps of many missions then never decode this track
    return _Built(p, track, fields)


def robust_max_altitude(alt_ft: np.ndarray) -> int | None:
    """Highest altitude confirmed by a neighbour (median of 3): one corrupt 107,700 ft report must not count."""
    a = alt_ft[~np.isnan(alt_ft)]
    if a.size == 0:
        return None
    if a.size >= 3:
        a = np.median(np.stack([a[:-2], a[1:-1], a[2:]]), axis=0)
    return round(float(a.max()))


def _tag(built: list[_Built], ctx: _Context) -> list[list[tuple[Any, bool, float]]]:
    if not built or ctx.tagger is None:
        return [[] for _ in built]
    return tag_tracks(ctx.tagger, [(b.positions.lon, b.positions.lat) for b in built], cap_nm=ctx.cap_nm)


def tag_tracks(
    tagger: RegionTaggerLike, tracks: list[tuple[np.ndarray, np.ndarray]], *, cap_nm: float
) -> list[list[tuple[Any, bool, float]]]:
    """(region key, over, distance nm) for each track, regions within ``cap_nm`` only."""
    tag_many = getattr(tagger, "tag_many", None)
    results = tag_many(tracks) if tag_many else [tagger.tag(lon, lat) for lon, lat in tracks]
    return [
        [(h.key, bool(h.over), float(h.min_distance_nm)) for h in hits if h.min_distance_nm <= cap_nm]
        for hits in results
    ]


def replace_region_links(tagged: list[tuple[Mission, list[tuple[Any, bool, float]]]],
                         new: Collection[int] = ()) -> int:  # fmt: skip
    """Replace the region rows of saved missions with freshly computed tags; returns the rows written. ``new``:
    missions created in this transaction, which have no rows yet (PostgreSQL: a delete by mission alone is planned
    over every monthly partition, for nothing)."""
    old = [m.pk for m, _ in tagged if m.pk and m.pk not in new]
    if old:
        MissionRegion.objects.filter(mission__in=old).delete()
    rows = [
        (m.pk, key, over, nm, m.start, m.aircraft_type_id, m.aircraft_id, m.has_orbit)
        for m, tags in tagged
        for key, over, nm in tags
    ]
    if connection.vendor == "postgresql":
        insert_columns(MissionRegion, _REGION_ROW_FIELDS, rows)
    else:
        MissionRegion.objects.bulk_create(
            [MissionRegion(**dict(zip(_REGION_ROW_FIELDS, row, strict=True))) for row in rows], batch_size=2000
        )
    return len(rows)


_REGION_ROW_FIELDS = ("mission_id", "region_id", "over", "distance_nm", "mission_start", "aircraft_type_id",
                      "aircraft_id", "has_orbit")  # fmt: skip


def insert_columns(model: type[Any], fields: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """PostgreSQL: insert ``rows`` (values in ``fields`` order) in one statement, one array parameter per column
    (``INSERT … SELECT FROM unnest(…)``) — no model instances, no statement that grows with the rows. Through
    Django's cursor, so the data version still moves on commit."""
    if not rows:
        return
    meta = model._meta
    columns = [meta.get_field(name.removesuffix("_id") if name.endswith("_id") else name) for name in fields]
    quote = connection.ops.quote_name
    names = ", ".join(quote(field.column) for field in columns)
    arrays = ", ".join(f"%s::{field.db_type(connection)}[]" for field in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(meta.db_table)} ({names}) SELECT * FROM unnest({arrays})",
                       [list(values) for values in zip(*rows, strict=True)])  # fmt: skip


def _most_overlapping(mission: Mission, others: list[Mission]) -> Mission | None:
    best, best_s = None, None
    for o in others:
        s = (min(o.end, mission.end) - max(o.start, mission.start)).total_seconds()
        if best_s is None or s > best_s:
            best, best_s = o, s
    return best


def _repoint_relations(old_pk: int, new_pk: int) -> None:
    """Move rows that point at an absorbed mission (evidence links, suggestions…) to the surviving one; a row
    that would duplicate one the survivor already has (unique constraint) stays and goes with the old mission."""
    for rel in Mission._meta.related_objects:
        if rel.many_to_many or rel.related_model is MissionRegion or not rel.field.concrete:
            continue
        model = rel.related_model
        name = rel.field.name
        for pk in model._default_manager.filter(**{name: old_pk}).values_list("pk", flat=True):
            try:
                with transaction.atomic():
                    model._default_manager.filter(pk=pk).update(**{name: new_pk})
            except IntegrityError:
                pass


def _upsert_aircraft(track: AircraftTrack, path: str, ctx: _Context) -> Aircraft:
    info = track.aircraft
    aircraft = Aircraft.objects.filter(pk=info.hex).first()
    is_new = aircraft is None
    if aircraft is None:
        aircraft = Aircraft(hex=info.hex, provenance={})
    designator = ctx.types.ensure(valid_designator(info.icao_type), info.description)
    values = {
        "registration": info.registration[:20],
        "aircraft_type": designator,
        "type_description": info.description[:120],
        "operator": ctx.orgs.lookup(info.operator) if info.operator else None,
        "operator_name": info.operator[:200],
        "military": info.military,
        "year": info.year,
    }
    changed = apply_aircraft_values(
        aircraft, values, source=info.source or "flight-file", detail={"file": Path(path).name}
    )
    if is_new or changed:
        aircraft.save()
        if not is_new and "aircraft_type" in changed:
            Mission.objects.filter(aircraft=aircraft).update(aircraft_type_id=aircraft.aircraft_type_id)
            MissionRegion.objects.filter(mission__aircraft=aircraft).update(aircraft_type_id=aircraft.aircraft_type_id)
    return aircraft


__all__ = [
    "ImportProgress",
    "default_region_tagger",
    "import_flight_files",
    "iter_flight_paths",
    "robust_max_altitude",
]
