"""Holding import units back, so a test acts on a run that is certainly mid-way however fast the machine imports.

A unit is held by a row lock (``SELECT … FOR UPDATE``) taken from a connection of the test's own: the worker's claim
of that unit (an ``UPDATE`` of the row) waits for it while the units before it are imported. The test plans the run
itself, holds the units, then queues them through the path a redelivered planning task takes
(:func:`evidence.services.import_jobs.plan_run` of a planned run). PostgreSQL only: SQLite has no row locks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import psycopg
from django.db import connection

from evidence.models import ImportRun, ImportUnit
from evidence.services import import_jobs


class UnitHold:
    """A row lock on one import unit, held by a separate connection until :meth:`release`."""

    def __init__(self, unit: ImportUnit) -> None:
        s = connection.settings_dict
        self.unit = unit
        self.conn = psycopg.connect(host=s.get("HOST") or "127.0.0.1", port=s.get("PORT") or 5432, user=s["USER"],
                                    password=s.get("PASSWORD") or None, dbname=s["NAME"])
        self.conn.execute("SELECT id FROM evidence_importunit WHERE id = %s FOR UPDATE", [unit.pk])
        self.pid = self.conn.info.backend_pid

    def waited_on(self) -> bool:
        """True once another backend waits for this lock (the worker reached the held unit)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE %s = ANY(pg_blocking_pids(pid))", [self.pid])
            return cursor.fetchone()[0] > 0

    def release(self) -> None:
        if not self.conn.closed:
            self.conn.rollback()
            self.conn.close()


def planned_run(sources: Iterable[str], unit_files: int, **options: Any) -> ImportRun:
    """A run cut into units of ``unit_files`` files but not queued yet (the planning step, in the test's process)."""
    from django.test import override_settings

    run = import_jobs.create_run(sources, options=options)
    with override_settings(IMPORT_UNIT_FILES=unit_files):
        import_jobs.plan_run(run.pk, enqueue=False)
    run.refresh_from_db()
    return run


def hold_units(run: ImportRun, seqs: list[int]) -> list[UnitHold]:
    units = {u.seq: u for u in run.units.all()}
    assert len(set(seqs)) == len(seqs) and set(seqs) <= set(units), f"units {seqs} of {sorted(units)}"
    return [UnitHold(units[s]) for s in seqs]


def queue_units(run: ImportRun, queue: str | None = None) -> None:
    """Queue a planned run's pending units (what a redelivered planning task does)."""
    import_jobs.plan_run(run.pk, queue=queue)


def held_at_last_unit(sources: Iterable[str], unit_files: int, *, timeout: float = 600,
                      **options: Any) -> tuple[ImportRun, UnitHold]:
    """A run queued on the workers with its last unit held, returned once a worker waits to claim it: every other
    unit is imported and the run is certainly mid-way, however fast the machine. The caller releases the hold."""
    from tests.faults.conftest import wait_until

    run = planned_run(sources, unit_files, **options)
    [hold] = hold_units(run, [run.units_total - 1])
    try:
        queue_units(run)
        wait_until(hold.waited_on, timeout, "a worker reached the held last unit")
    except BaseException:
        hold.release()
        raise
    return run, hold
