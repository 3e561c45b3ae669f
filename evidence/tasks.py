"""Celery tasks for flight imports. Thin: they call evidence.services.import_jobs, whose steps are idempotent (a
planned run is not re-planned; a unit resumes after its last committed file; a done unit is skipped)."""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from celery.signals import worker_process_init
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError

log = logging.getLogger(__name__)

#: Acknowledged after they ran (a killed worker's task is redelivered), retried on transient database errors.
RELIABLE = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "max_retries": 5,
}
LIMITS = {"soft_time_limit": settings.IMPORT_UNIT_TIME_LIMIT, "time_limit": settings.IMPORT_UNIT_TIME_LIMIT + 60}


@shared_task(**RELIABLE, **LIMITS)
def plan_import(self, run_id: int) -> None:
    """List a run's files and tar members into units and queue them (streams each tar once)."""
    from evidence.services.import_jobs import plan_run

    plan_run(run_id, queue=(self.request.delivery_info or {}).get("routing_key"))


@shared_task(**RELIABLE, **LIMITS)
def import_unit(self, unit_id: int) -> None:
    """Carry out one unit (a chunk of files or tar members); the last unit closes the run."""
    from evidence.services.import_jobs import run_unit

    run_unit(unit_id, task_id=self.request.id or "")


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def reconcile_imports() -> list[int]:
    """Periodic (beat): close runs with no progress for IMPORT_STALE_MINUTES as interrupted."""
    from evidence.services.import_jobs import reconcile_stale_runs

    return reconcile_stale_runs()


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def scheduled_daily_import() -> int | None:
    """Periodic (beat, daily): import yesterday's folder or tar from IMPORT_SCHEDULE_SOURCE, if configured."""
    from evidence.services.import_jobs import start_scheduled_import

    run = start_scheduled_import()
    return run.pk if run else None


@shared_task(acks_late=True, soft_time_limit=600, time_limit=660)
def maintain_mission_partitions() -> list[str]:
    """Periodic (beat, daily): PostgreSQL's monthly mission partitions for the months ahead, and a partition for any
    month whose rows reached the DEFAULT partition (moved there). A no-op on SQLite."""
    from evidence.partitioning import maintain_partitions

    return maintain_partitions()


@shared_task(acks_late=True, soft_time_limit=1800, time_limit=1860)
def check_mission_tallies() -> int:
    """Periodic (beat, daily): compare the pre-aggregated tallies with the mission tables; on any difference they
    stop being read (evidence.tally.verify). Returns how many differences it saw."""
    from evidence.tally import verify

    return len(verify())


@worker_process_init.connect(dispatch_uid="evidence.prepare_region_tagger")
def prepare_region_tagger(**_: Any) -> bool:
    """Build the region tagger when a worker process starts, not inside its first import unit: over the world's
    ~4,000 regions it costs ~8 s of CPU, which the first unit of every worker paid (two workers on a one-minute day
    archive each lost it; docs/PERFORMANCE.md), with the indexes :meth:`RegionTagger.warm` builds. Off with
    ``IMPORT_WORKER_PREPARE_TAGGER=false`` for workers that never import (it holds ~370 MB). A database that cannot
    be reached only logs: the first unit builds it then."""
    if not settings.IMPORT_WORKER_PREPARE_TAGGER:
        return False
    from evidence.services.import_jobs import cached_region_tagger

    try:
        tagger = cached_region_tagger()
        if tagger is not None and hasattr(tagger, "warm"):
            tagger.warm()  # its lazily built indexes now, not over the first days (~170 MB, ~0.4 s of CPU)
        ready = tagger is not None
    except DatabaseError as exc:
        log.warning("region tagger not built at worker start (%s); the first import unit builds it", exc)
        return False
    log.info("region tagger built at worker start" if ready else "no regions yet: region tagger not built")
    return ready
