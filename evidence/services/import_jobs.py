"""Flight imports as jobs: a run is planned into units (chunks of files or of a tar's members), each unit is carried
out by one Celery task (in this process without a broker), and the last unit to finish closes the run (a counter,
not a chord: it needs no result backend).

* ``start_import`` creates the ``ImportRun`` and queues its planning; it returns at once with a broker.
* ``plan_run`` lists the entries (files, tar members — tars streamed once, never unpacked) into ``ImportUnit`` rows.
* ``run_unit`` claims a unit (a redelivered task of the same id may re-claim it; another may not), reads, splits,
  filters (what to keep), counts coverage and writes its files one transaction each; the unit's progress commits in
  the same transaction as the file's writes, so a unit interrupted anywhere resumes after the last committed file
  and nothing is counted twice.
* ``cancel_run`` asks the units to stop after their current file; ``resume_run`` re-queues the unfinished units of
  an interrupted or cancelled run; ``reconcile_stale_runs`` closes runs with no progress for
  ``IMPORT_STALE_MINUTES`` as interrupted (at every new import, periodically on beat, and on demand).
"""

from __future__ import annotations

import contextvars
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F, Q, Sum
from django.dispatch import Signal
from django.utils import timezone

from evidence import partitioning
from evidence.flightdata import FlightFileError
from evidence.flightdata.archives import (
    TarTruncated,
    is_compressed_tar,
    is_tar_path,
    scan_tar,
    tar_label,
    tar_parts,
)
from evidence.flightdata.sorties import default_gap_minutes
from evidence.models import ImportRun, ImportUnit

from . import flight_import as fi
from .coverage import CoverageCounter
from .coverage import compact as compact_coverage
from .keep import KeepFilter

logger = logging.getLogger(__name__)

#: Sent when a run is closed (finished, failed, cancelled): ``run``, ``missions_added`` (created + updated).
import_run_finished = Signal()

# Progress callback of the calling process (the CLI's bar, the synchronous import): (run, ImportProgress).
progress_hook: contextvars.ContextVar[Callable[[ImportRun, fi.ImportProgress], None] | None] = contextvars.ContextVar(
    "flight_import_progress", default=None
)
UNIT_SILENT_S = 120
_SUMMED = (
    "files_read", "files_failed", "positions_read", "missions_created", "missions_updated", "aircraft_heard",
    "aircraft_kept",
)  # fmt: skip


# --- starting, planning -------------------------------------------------------------------------------------------


def tasks_in_process() -> bool:
    """True without a broker (Celery runs tasks eagerly, in this process)."""
    from project.celery import app

    return bool(app.conf.task_always_eager)


#: How long ``import_workers`` waits for the workers' replies (s).
WORKER_PING_SECONDS = 3.0


def import_queue() -> str:
    """The queue the import tasks are routed to (``task_routes`` or the default queue)."""
    from project.celery import app

    route = app.amqp.router.route({}, "evidence.tasks.plan_import", args=(), kwargs={})
    queue = route.get("queue")
    return getattr(queue, "name", None) or str(queue or app.conf.task_default_queue)


def import_workers(timeout: float | None = None) -> list[str]:
    """Names of the Celery workers that consume the import queue now (asked over the broker, waiting ``timeout``
    seconds for replies); empty when none answers or the broker cannot be reached."""
    from project.celery import app

    queue = import_queue()
    try:
        replies = app.control.inspect(timeout=WORKER_PING_SECONDS if timeout is None else timeout).active_queues()
    except Exception:  # broker unreachable: nobody can take the run
        logger.warning("flight import: could not ask the broker for workers", exc_info=True)
        return []
    return sorted(name for name, queues in (replies or {}).items() if any(q.get("name") == queue for q in queues))


def no_workers_message() -> str:
    """What to tell someone whose import no worker would take."""
    from django.conf import settings as s

    broker = str(s.CELERY_BROKER_URL).split("@")[-1]
    return (
        f"No Celery worker is consuming the import queue {import_queue()!r} on the broker ({broker}): no reply "
        f"within {WORKER_PING_SECONDS:g} s. Start one (`celery -A project worker -Q {import_queue()}`), or import "
        "in this process with `manage.py import_flights --in-process …` (or with CELERY_BROKER_URL unset)."
    )


def create_run(sources: Iterable[str | Path], *, user: Any = None, origin: str = "cli", options: dict | None = None,
               upload_dir: str = "") -> ImportRun:  # fmt: skip
    opts = {"gap_minutes": default_gap_minutes(), "keep_all": False, **(options or {})}
    if opts.get("gap_minutes") is None:
        opts["gap_minutes"] = default_gap_minutes()
    return ImportRun.objects.create(
        origin=origin,
        started_by=user if getattr(user, "pk", None) else None,
        status=ImportRun.Status.QUEUED,
        sources=[str(s) for s in sources],
        options=opts,
        upload_dir=upload_dir,
        heartbeat_at=timezone.now(),
    )


def start_import(sources: Iterable[str | Path], *, user: Any = None, origin: str = "cli",
                 options: dict | None = None, upload_dir: str = "") -> ImportRun:  # fmt: skip
    """Create a run and queue its planning (after commit). With a broker this returns at once; without one the
    tasks run in this process before it returns. Stale runs are reconciled first."""
    reconcile_stale_runs()
    run = create_run(sources, user=user, origin=origin, options=options, upload_dir=upload_dir)
    if tasks_in_process():  # no broker: the same steps, here and now (also inside a transaction)
        _carry_out(run)
        run.refresh_from_db()
        return run
    from evidence import tasks

    transaction.on_commit(lambda: tasks.plan_import.apply_async((run.pk,), task_id=f"flight-import-{run.pk}-plan"))
    return run


def plan_entries(sources: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Entries to import (``{"path"}`` files, ``{"path", "parts", "offset", "size"}`` tar members, ``{"path",
    "parts", "stream": True}`` a tar compressed whole) and errors (``{"error": {...}}``), in a stable order."""
    seen_tars: set[str] = set()
    for raw in sources:
        for path, exists in fi.iter_flight_paths([raw], include_tars=True):
            if exists and is_tar_path(path):
                parts = tar_parts(path)
                if parts[0] in seen_tars:
                    continue
                seen_tars.add(parts[0])
                yield from _tar_entries(parts)
            else:
                yield {"path": str(path)}


def _tar_entries(parts: list[str]) -> Iterator[dict[str, Any]]:
    label = tar_label(parts)
    if is_compressed_tar(parts):
        yield {"path": label, "parts": parts, "stream": True}
        return
    try:
        for m in scan_tar(parts):
            yield {"path": f"{label}::{m.name}", "parts": parts, "offset": m.offset, "size": m.size}
    except TarTruncated as exc:
        yield {"error": exc.as_dict()}
    except FlightFileError as exc:
        yield {"error": exc.as_dict()}


def plan_run(run_id: int, *, enqueue: bool = True, queue: str | None = None) -> None:
    """Cut the run into units (once: a redelivered planning task only re-queues the pending units)."""
    run = ImportRun.objects.get(pk=run_id)
    if run.status not in ImportRun.ACTIVE:
        return
    if run.units_total or run.options.get("planned"):
        if enqueue:
            _enqueue(run.units.filter(status=ImportUnit.Status.PENDING), queue)
        return
    size = int(settings.IMPORT_UNIT_FILES)
    entries: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    for item in plan_entries(run.sources):
        if "error" in item:
            errors.append(item["error"])
        else:
            entries.append(item)
    if not entries and not errors:
        errors.append({"path": "", "location": "", "reason": "no flight files found"})
    units = [ImportUnit(run=run, seq=i // size, entries=entries[i : i + size]) for i in range(0, len(entries), size)]
    partitioning.ensure_month_partitions(partitioning.window_months())  # PostgreSQL: this month's and ahead
    with transaction.atomic():
        ImportUnit.objects.bulk_create(units)
        run.units_total = len(units)
        run.files_total = len(entries) + len([e for e in errors if e["path"]])
        run.status = ImportRun.Status.RUNNING
        run.options = {**run.options, "planned": True, "plan_errors": errors}
        run.errors = errors
        run.files_failed = len([e for e in errors if e["path"]])
        run.heartbeat_at = timezone.now()
        run.save()
    if not units:
        _close_if_done(run.pk)
    elif enqueue:
        transaction.on_commit(lambda: _enqueue(run.units.all(), queue))


def _enqueue(units: Iterable[ImportUnit], queue: str | None = None) -> None:
    """Queue the units (on ``queue`` when given: the planner's own queue, so the workers serving imports get them)."""
    from evidence import tasks

    extra = {"queue": queue} if queue else {}
    for unit in units:
        tasks.import_unit.apply_async((unit.pk,), task_id=_task_id(unit), **extra)


def _task_id(unit: ImportUnit) -> str:
    return f"flight-import-{unit.run_id}-unit-{unit.seq}-try-{unit.attempts}"


# --- carrying out a unit -------------------------------------------------------------------------------------------


def claim_unit(unit_id: int, task_id: str) -> ImportUnit | None:
    """Mark the unit running for this task; None when it is done, cancelled, or running under another live task."""
    # A live task refreshes claimed_at after every batch (seconds); a unit silent for UNIT_SILENT_S lost its worker.
    stale = timezone.now() - timedelta(seconds=UNIT_SILENT_S)
    claimable = Q(status=ImportUnit.Status.PENDING) | Q(status=ImportUnit.Status.RUNNING, claimed_at__lt=stale)
    # the same task again (retried after a database error, redelivered after its worker died): its earlier attempt
    # is over, so the unit continues now instead of waiting UNIT_SILENT_S (issue 12: a retry after a killed
    # connection found the unit "running" under its own id and did nothing; the run never closed)
    claimable |= Q(status=ImportUnit.Status.RUNNING, claimed_by=task_id)
    n = ImportUnit.objects.filter(claimable, pk=unit_id).update(
        status=ImportUnit.Status.RUNNING, claimed_at=timezone.now(), claimed_by=task_id, attempts=F("attempts") + 1
    )
    return ImportUnit.objects.select_related("run").get(pk=unit_id) if n else None


def run_unit(unit_id: int, task_id: str = "", *, region_tagger: Any = None, workers: int = 1,
             timings: dict[str, float] | None = None) -> None:  # fmt: skip
    unit = claim_unit(unit_id, task_id or f"local-{os.getpid()}")
    if unit is None:
        return
    run = unit.run
    if run.status not in ImportRun.ACTIVE:  # closed meanwhile (cancelled, reconciled): leave the unit pending
        ImportUnit.objects.filter(pk=unit.pk).update(status=ImportUnit.Status.PENDING)
        return
    if run.cancel_requested:
        _finish_unit(unit, ImportUnit.Status.CANCELLED)
        return
    ctx = _unit_context(run, region_tagger)
    hook = progress_hook.get()
    entries = unit.entries[unit.done_entries :]
    positions_before = unit.positions_read

    streaming = {"on": False}  # members of a tar compressed whole: the entry is done only at its end

    def on_written(written: list[tuple[Any, int, int]]) -> None:
        """Files written (prepared, missions created, updated): the unit's progress, saved once for them all."""
        for prepared, created, updated in written:
            unit.done_entries += 0 if streaming["on"] else 1
            unit.files_read += 1
            unit.positions_read += prepared.positions
            unit.missions_created += created
            unit.missions_updated += updated
            unit.aircraft_heard += len(prepared.heard)
            unit.aircraft_kept += len(prepared.tracks)
        unit.save(update_fields=["done_entries", "files_read", "positions_read", "missions_created",
                                 "missions_updated", "aircraft_heard", "aircraft_kept"])  # fmt: skip
        for prepared, created, updated in written:
            _report(hook, run, prepared.path, prepared.positions, False, created, updated)

    def on_failed(error: dict[str, str]) -> None:
        unit.done_entries += 0 if streaming["on"] else 1
        unit.files_failed += 1
        unit.errors = [*unit.errors, error]
        unit.save(update_fields=["done_entries", "files_failed", "errors"])
        _report(hook, run, error["path"], 0, True, 0, 0)

    ctx.on_written = on_written
    stopped = _process_entries(entries, ctx, on_failed, workers, lambda: _cancel_requested(run.pk), unit.pk)
    for entry in [] if stopped else [e for e in entries if e.get("stream")]:
        streaming["on"] = True
        _process_stream(entry, ctx, on_failed)
        unit.done_entries += 1
        unit.save(update_fields=["done_entries"])
    if timings is not None:
        for k, v in ctx.timings.items():
            timings[k] = timings.get(k, 0.0) + v
    # What this attempt cost, phase by phase (wall and CPU s): bench/bench_day_archive.py reads it from the workers.
    figures = {k: round(v, 4) for k, v in ctx.timings.items()}
    done_now = unit.positions_read - positions_before
    logger.debug("import unit timings %s", json.dumps({"unit": unit.pk, "positions": done_now, **figures}))
    _finish_unit(unit, ImportUnit.Status.CANCELLED if stopped else ImportUnit.Status.DONE)


def _report(hook: Any, run: ImportRun, path: str, positions: int, failed: bool, created: int, updated: int) -> None:
    if hook is not None:
        hook(run, fi.ImportProgress(0, run.files_total, path, positions, failed, created, updated))


_TAGGER_CACHE: dict[str, Any] = {}


def cached_region_tagger() -> Any:
    """``default_region_tagger()`` built once per process (seconds for the world's regions) and rebuilt when the
    regions change (their ids and bounding boxes are the signature)."""
    from evidence.models import Region

    rows = tuple(Region.objects.order_by("pk").values_list("pk", "min_lon", "min_lat", "max_lon", "max_lat"))
    signature = (fi.default_region_tagger, rows)
    if _TAGGER_CACHE.get("signature") != signature:
        _TAGGER_CACHE["tagger"] = fi.default_region_tagger()
        _TAGGER_CACHE["signature"] = signature
    return _TAGGER_CACHE["tagger"]


def _cancel_requested(run_id: int) -> bool:
    return ImportRun.objects.filter(pk=run_id, cancel_requested=True).exists()


def _unit_context(run: ImportRun, region_tagger: Any) -> fi._Context:
    from .registry_import import OrganisationIndex, TypeIndex

    tagger = region_tagger if region_tagger is not None else cached_region_tagger()
    return fi._Context(
        run=run,
        gap_s=60.0 * float(run.options.get("gap_minutes") or default_gap_minutes()),
        tagger=tagger,
        orgs=OrganisationIndex(),
        types=TypeIndex(),
        cap_nm=float(settings.REGION_DISTANCE_CAP_NM),
        keep=None if run.options.get("keep_all") else KeepFilter.from_database(),
        coverage=CoverageCounter(tagger),
    )


def _process_entries(entries: list[dict[str, Any]], ctx: fi._Context, on_failed: Callable[[dict[str, str]], None],
                     workers: int, cancelled: Callable[[], bool], unit_id: int) -> bool:  # fmt: skip
    """Read, split, tag and write the entries in batches; True when stopped by a cancel."""
    pending: list[fi._Prepared] = []

    def flush() -> None:
        if not pending:
            return
        # Coverage first: it merges by set union (idempotent), so a batch redone after an interruption is harmless,
        # while the files' progress commits with their writes below.
        t = fi._clock()
        ctx.coverage.add([h for p in pending for h in p.heard])
        fi._charge(ctx, "coverage", t)  # region tagging of every aircraft heard
        t = fi._clock()
        ctx.coverage.flush()
        fi._charge(ctx, "write", t)  # the cells' merge is database work
        fi._tag_prepared(pending, ctx)
        fi.write_files(pending, ctx)
        pending.clear()
        ImportUnit.objects.filter(pk=unit_id).update(claimed_at=timezone.now())
        refresh_totals(ctx.run.pk)

    jobs = [(e, ctx.gap_s, ctx.keep) for e in entries if not e.get("stream")]
    positions = 0
    for prepared in fi._prepared_in_order(jobs, workers):
        if isinstance(prepared, FlightFileError):
            flush()
            with transaction.atomic():
                on_failed(prepared.as_dict())
            continue
        _charge_prepared(ctx, prepared)
        pending.append(prepared)
        positions += prepared.positions
        if len(pending) >= fi.BATCH_FILES or positions >= fi.BATCH_POSITIONS:
            flush()
            positions = 0
            if cancelled():
                return True
    flush()
    return False


def _charge_prepared(ctx: fi._Context, prepared: fi._Prepared) -> None:
    ctx.timings["parse"] += prepared.parse_s
    ctx.timings["split"] += prepared.split_s
    ctx.timings["parse_cpu"] += prepared.parse_cpu_s
    ctx.timings["split_cpu"] += prepared.split_cpu_s


def _process_stream(entry: dict[str, Any], ctx: fi._Context, on_failed: Callable[[dict[str, str]], None]) -> None:
    from evidence.flightdata.archives import stream_members

    for item in stream_members(entry["parts"]):
        if isinstance(item, (FlightFileError, TarTruncated)):
            with transaction.atomic():
                on_failed(item.as_dict())
            continue
        path = item[0].path if item else entry["path"]
        prepared = fi._prepare_tracks(item, path, ctx.gap_s, ctx.keep)
        ctx.coverage.add(prepared.heard)
        ctx.coverage.flush()
        fi._tag_prepared([prepared], ctx)
        fi._write_file(prepared, ctx)


def refresh_totals(run_id: int) -> None:
    """The run's counters = plan errors + the sum over its units; heartbeat now."""
    sums = ImportUnit.objects.filter(run_id=run_id).aggregate(**{k: Sum(k) for k in _SUMMED})
    run = ImportRun.objects.only("options").get(pk=run_id)
    plan_failed = len([e for e in run.options.get("plan_errors", []) if e.get("path")])
    values = {k: (sums[k] or 0) for k in _SUMMED}
    values["files_failed"] += plan_failed
    done = ImportUnit.objects.filter(
        run_id=run_id, status__in=[ImportUnit.Status.DONE, ImportUnit.Status.CANCELLED]
    ).count()
    ImportRun.objects.filter(pk=run_id).update(**values, units_done=done, heartbeat_at=timezone.now())


def _finish_unit(unit: ImportUnit, status: str) -> None:
    ImportUnit.objects.filter(pk=unit.pk).update(status=status)
    _close_if_done(unit.run_id)


def _close_if_done(run_id: int) -> None:
    """The counter that closes the run: the last unit to finish (or the planner of an empty run) finalises it."""
    refresh_totals(run_id)
    if _open_units(run_id):
        return
    # The units' coverage parts united into the cells before the run is closed (coverage.compact; readers read both,
    # so this changes no answer, only how much the next reads and imports touch).
    t = time.perf_counter()
    united = compact_coverage()
    logger.info("coverage: %s parts united into their cells in %.2f s", united, time.perf_counter() - t)
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run_id)
        if run.status not in ImportRun.ACTIVE or _open_units(run_id):
            return
        _finalise(run)
    fi._refresh_planner_statistics()
    partitioning.maintain_partitions()  # PostgreSQL: older months imported landed in DEFAULT; split them out
    if run.upload_dir and run.status != ImportRun.Status.INTERRUPTED:
        shutil.rmtree(run.upload_dir, ignore_errors=True)
    import_run_finished.send(ImportRun, run=run, missions_added=run.missions_created + run.missions_updated)


def _open_units(run_id: int) -> int:
    done = [ImportUnit.Status.DONE, ImportUnit.Status.CANCELLED]
    return ImportUnit.objects.filter(run_id=run_id).exclude(status__in=done).count()


def _finalise(run: ImportRun) -> None:
    errors = list(run.options.get("plan_errors", []))
    for unit_errors in run.units.order_by("seq").values_list("errors", flat=True):
        errors.extend(unit_errors or [])
    run.errors = errors
    if run.cancel_requested:
        run.status = ImportRun.Status.CANCELLED
    elif run.files_failed == 0 and run.files_total:
        run.status = ImportRun.Status.SUCCEEDED
    elif run.files_read:
        run.status = ImportRun.Status.PARTIAL
    else:
        run.status = ImportRun.Status.FAILED
    run.finished_at = timezone.now()
    run.save()
    transaction.on_commit(lambda: _tell_claims(run))


def _tell_claims(run: ImportRun) -> None:
    """The desk's rule: new missions inside an open claim's scope become suggestions and notify its assignee."""
    from claims.services.workflow import claims_notify_new_missions

    try:
        claims_notify_new_missions(list(run.missions.values_list("pk", flat=True)))
    except Exception:  # the import is committed; a failed notification must not look like a failed import
        logger.warning("flight import: could not tell the claims about run %s", run.pk, exc_info=True)


# --- cancel, resume, reconcile --------------------------------------------------------------------------------------


class ImportStateError(ValueError):
    """The run is not in a state that allows the operation (e.g. resuming a finished run)."""


def cancel_run(run: ImportRun) -> ImportRun:
    """Ask the run to stop: units finish their current batch, pending ones never start; the run ends cancelled."""
    if run.status not in ImportRun.ACTIVE:
        raise ImportStateError(f"{run} is not running")
    ImportRun.objects.filter(pk=run.pk).update(cancel_requested=True)
    ImportUnit.objects.filter(run=run, status=ImportUnit.Status.PENDING).update(status=ImportUnit.Status.CANCELLED)
    _close_if_done(run.pk)
    run.refresh_from_db()
    return run


def resume_run(run: ImportRun) -> ImportRun:
    """Re-queue an interrupted (or cancelled) run's unfinished units; each continues after its last committed file,
    so the run ends with the same data as an uninterrupted one."""
    if run.status not in (ImportRun.Status.INTERRUPTED, ImportRun.Status.CANCELLED):
        raise ImportStateError(f"{run} cannot be resumed: only interrupted or cancelled runs can")
    with transaction.atomic():
        open_units = run.units.exclude(status=ImportUnit.Status.DONE)
        open_units.update(status=ImportUnit.Status.PENDING, claimed_by="")
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.Status.QUEUED if not run.options.get("planned") else ImportRun.Status.RUNNING,
            cancel_requested=False,
            finished_at=None,
            heartbeat_at=timezone.now(),
        )
    from evidence import tasks

    run.refresh_from_db()
    if not run.options.get("planned"):
        transaction.on_commit(lambda: tasks.plan_import.apply_async((run.pk,)))
    else:
        pending = list(run.units.filter(status=ImportUnit.Status.PENDING))
        if not pending:
            transaction.on_commit(lambda: _close_if_done(run.pk))
        transaction.on_commit(lambda: _enqueue(pending))
    return run


def reconcile_stale_runs(now: Any = None) -> list[int]:
    """Close runs left active with no progress for IMPORT_STALE_MINUTES (a worker or the database went away
    mid-import and nothing could record it) as interrupted, saying so in their errors; returns their ids."""
    now = now or timezone.now()
    limit = now - timedelta(minutes=float(settings.IMPORT_STALE_MINUTES))
    stale = ImportRun.objects.filter(status__in=ImportRun.ACTIVE).filter(
        Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, started_at__lt=limit)
    )
    closed = []
    for run in stale:
        since = run.heartbeat_at or run.started_at
        reason = (
            f"no progress since {since:%Y-%m-%d %H:%M:%S} UTC: closed as interrupted; "
            f"resume with `manage.py import_flights --resume {run.pk}` or POST /api/import-runs/{run.pk}/resume/"
        )
        n = ImportRun.objects.filter(pk=run.pk, status__in=ImportRun.ACTIVE).update(
            status=ImportRun.Status.INTERRUPTED,
            finished_at=now,
            errors=[*(run.errors or []), {"path": "", "location": "", "reason": reason}],
        )
        if n:
            closed.append(run.pk)
            logger.warning("flight import: run %s had no progress since %s; closed as interrupted", run.pk, since)
    return closed


def run_progress(run: ImportRun) -> dict[str, Any]:
    """Live figures for the admin and the API: done/total files, rate (positions/s) and ETA (seconds)."""
    end = run.finished_at or timezone.now()
    elapsed = max((end - run.started_at).total_seconds(), 1e-3)
    done = run.files_read + run.files_failed
    rate = run.positions_read / elapsed
    eta = None
    if run.status in ImportRun.ACTIVE and done and run.files_total > done:
        eta = round(elapsed / done * (run.files_total - done))
    return {
        "files_done": done,
        "files_total": run.files_total,
        "percent": round(100.0 * done / run.files_total, 1) if run.files_total else None,
        "positions_per_second": round(rate),
        "eta_seconds": eta,
        "units_done": run.units_done,
        "units_total": run.units_total,
        "aircraft_heard": run.aircraft_heard,
        "aircraft_kept": run.aircraft_kept,
    }


def import_synchronously(paths: Iterable[str | Path], *, user: Any = None, origin: str = "cli",
                         options: dict | None = None, region_tagger: Any = None, workers: int = 1,
                         timings: dict[str, float] | None = None) -> ImportRun:  # fmt: skip
    """The whole job in this process, unit after unit (the demo loader, the benchmark, scripts): the same planning,
    units and closing as on workers. An unexpected error (the database going away) closes the run as interrupted
    when it still can; reconciliation closes it later when it cannot."""
    run = create_run(paths, user=user, origin=origin, options=options)
    _carry_out(run, region_tagger=region_tagger, workers=workers, timings=timings)
    run.refresh_from_db()
    return run


def _carry_out(run: ImportRun, **unit_options: Any) -> None:
    try:
        plan_run(run.pk, enqueue=False)
        for unit_id in ImportUnit.objects.filter(run=run).order_by("seq").values_list("pk", flat=True):
            run_unit(unit_id, **unit_options)
    except BaseException as exc:
        _record_interrupted(run.pk, exc)
        raise


def _record_interrupted(run_id: int, exc: BaseException) -> None:
    reason = f"import stopped: {type(exc).__name__}: {exc}"[:500]
    try:
        # A connection the server closed (killed, restarted) stays broken until closed: reconnect to record it.
        if not db_connection.in_atomic_block:  # (inside a caller's transaction the caller decides)
            db_connection.close_if_unusable_or_obsolete()
        refresh_totals(run_id)
        run = ImportRun.objects.get(pk=run_id)
        if run.status in ImportRun.ACTIVE:
            run.status = ImportRun.Status.INTERRUPTED
            run.finished_at = timezone.now()
            run.errors = [*(run.errors or []), {"path": "", "location": "", "reason": reason}]
            run.save(update_fields=["status", "finished_at", "errors"])
    except Exception:  # the database itself failed: reconcile_stale_runs closes the run later
        logger.warning("flight import: could not record that run %s stopped", run_id, exc_info=True)


def start_scheduled_import(day: Any = None) -> ImportRun | None:
    """Import one day (default: yesterday, UTC) from IMPORT_SCHEDULE_SOURCE: its ``YYYY/MM/DD`` folder or the
    release tars named ``*YYYY.MM.DD*.tar*`` there. None when nothing is configured or found, or when a run for the
    same sources already succeeded (re-running a day would change nothing anyway)."""
    base = Path(settings.IMPORT_SCHEDULE_SOURCE) if settings.IMPORT_SCHEDULE_SOURCE else None
    if base is None or not base.is_dir():
        return None
    day = day or (timezone.now() - timedelta(days=1)).date()
    folder = base / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}"
    sources = [str(folder)] if folder.is_dir() else sorted(str(p) for p in base.glob(f"*{day:%Y.%m.%d}*.tar*"))
    if not sources:
        return None
    if ImportRun.objects.filter(sources=sources, status=ImportRun.Status.SUCCEEDED).exists():
        return None
    return start_import(sources, origin="schedule")


def upload_dir_for_new_run() -> Path:
    """A fresh directory under FLIGHT_IMPORT_DIR for uploaded files (kept until the run finishes)."""
    import uuid

    base = Path(settings.FLIGHT_IMPORT_DIR)
    path = base / f"upload-{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}"
    path.mkdir(parents=True, exist_ok=False)
    return path

