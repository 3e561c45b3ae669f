"""The database fails under a flight import (issue 12: "database connection killed and database unavailable
mid-import → run closed, re-run identical"), on PostgreSQL with real processes:

* the importing worker's connection is killed (``pg_terminate_backend``) mid-run: the unit's task is retried on a
  new connection and continues after its last committed file; the run closes by itself;
* the same from the command line without a broker (``manage.py import_flights``, in-process): the run is closed
  as interrupted by the process that was importing, and resumed;
* the database refuses connections (``ALLOW_CONNECTIONS false``) for longer than a unit's retries: nothing can
  record that the run stopped; once the database is back, the next import closes it (stale) and re-imports;

and each time the flight records end exactly as one uninterrupted in-process import of the same files makes them.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from evidence.models import ImportRun, ImportUnit, Mission, MissionRegion
from evidence.services import import_jobs
from evidence.services.flight_import import import_flight_files
from tests.faults.conftest import ROOT, wait_until
from tests.services.conftest import _database_url, _reset_router
from tests.services.test_import_worker import FILES, day_tar
from tests.services.unit_holds import held_at_last_unit

pytestmark = [pytest.mark.faults]

UNIT_FILES = {"IMPORT_UNIT_FILES": "4"}  # 12 units of 4 files: the fault lands inside the run


def records() -> list[tuple]:
    """The flight records an import leaves: every mission with its track and its region rows."""
    links: dict[int, list[tuple]] = {}
    for mission_id, region_id, over, distance in MissionRegion.objects.values_list(
            "mission_id", "region_id", "over", "distance_nm"):
        links.setdefault(mission_id, []).append((region_id, over, round(distance, 3)))
    return sorted(
        (m.aircraft_id, m.start, m.end, m.point_count, m.callsign, bytes(m.track), sorted(links.get(m.pk, [])))
        for m in Mission.objects.all()
    )


def assert_same_as_one_clean_import(after_fault: list[tuple], tar: Path) -> None:
    assert len(after_fault) == FILES
    Mission.objects.all().delete()
    clean = import_flight_files([tar], keep_all=True)
    assert clean.status == ImportRun.Status.SUCCEEDED
    assert records() == after_fault


def route_imports(workers) -> None:
    from project.celery import app

    app.conf.task_routes = {**(app.conf.task_routes or {}), "evidence.tasks.*": {"queue": workers.queue}}
    _reset_router(app)


def terminate_other_backends(sparing: int = 0) -> int:
    """Kill every other connection to the test database (the importer's) but ``sparing`` (a held unit's): what an
    operator's or a failover's ``pg_terminate_backend`` does. Returns how many were killed."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> %s", [sparing])
        return cursor.fetchone()[0]


def allow_connections(allowed: bool) -> None:
    """``ALTER DATABASE … ALLOW_CONNECTIONS``: no new connection to the test database (superusers included) while
    false; connections already open stay. Said from the server's maintenance database (not the one it changes)."""
    import psycopg

    s = connection.settings_dict
    with psycopg.connect(host=s.get("HOST") or "127.0.0.1", port=s.get("PORT") or 5432, user=s["USER"],
                         password=s.get("PASSWORD") or None, dbname="postgres", autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {connection.ops.quote_name(s['NAME'])} "
                      f"WITH ALLOW_CONNECTIONS {'true' if allowed else 'false'}")


def running(run_id: int, files: int) -> bool:
    run = ImportRun.objects.get(pk=run_id)
    return run.status == ImportRun.Status.RUNNING and run.files_read >= files


def test_connection_killed_mid_import_on_a_worker(workers, reference_data, tmp_path):
    tar = day_tar(tmp_path)
    workers.start(env=UNIT_FILES)
    route_imports(workers)
    run, hold = held_at_last_unit([str(tar)], int(UNIT_FILES["IMPORT_UNIT_FILES"]), keep_all=True)
    try:
        killed = terminate_other_backends(sparing=hold.pid)  # the worker's, waiting to claim the last unit
        at_kill = ImportRun.objects.get(pk=run.pk).files_read
    finally:
        hold.release()
    assert killed >= 1 and 0 < at_kill < FILES, "nothing to kill, or the import was over"
    took = wait_until(lambda: ImportRun.objects.get(pk=run.pk).status not in ImportRun.ACTIVE, 240,
                      "the run closed after its connection was killed")
    done = ImportRun.objects.get(pk=run.pk)
    assert done.status == ImportRun.Status.SUCCEEDED, done.errors
    assert (done.files_read, done.files_failed) == (FILES, 0)  # no file counted twice, none lost
    after = records()
    print(f"FIGURES import-connection-killed: {killed} backend(s) killed at {at_kill}/{FILES} files; run "
          f"succeeded {took:.1f} s later (the unit's task retried on a new connection)")

    again = import_jobs.start_import([str(tar)], options={"keep_all": True})  # a re-run changes nothing
    wait_until(lambda: ImportRun.objects.get(pk=again.pk).status not in ImportRun.ACTIVE, 240, "the re-run")
    assert ImportRun.objects.get(pk=again.pk).status == ImportRun.Status.SUCCEEDED
    assert records() == after
    assert_same_as_one_clean_import(after, tar)


def test_connection_killed_mid_import_from_the_command_line(reference_data, transactional_db, tmp_path):
    tar = day_tar(tmp_path)
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_ENV": "test", **UNIT_FILES}
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):  # no broker: the command imports in-process
        env.pop(name, None)
    log = open(tmp_path / "import.log", "w")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen([sys.executable, "manage.py", "import_flights", "--all", str(tar)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: ImportRun.objects.filter(status=ImportRun.Status.RUNNING, files_read__gte=6).exists()
                   or proc.poll() is not None, 600, "the command imported some files")
        assert proc.poll() is None, "the command ended before the kill"
        killed = terminate_other_backends()
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
        log.close()
    output = (tmp_path / "import.log").read_text(errors="replace")
    print(output[-3000:])
    run = ImportRun.objects.get()
    assert killed >= 1 and proc.returncode != 0, output[-3000:]
    # the importing process closed its own run: reconnected and recorded why it stopped
    assert run.status == ImportRun.Status.INTERRUPTED, (run.status, output[-3000:])
    assert "import stopped" in run.errors[-1]["reason"]
    at_kill = run.files_read
    import_jobs.resume_run(run)  # no broker in this process either: the remaining units run here
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCEEDED and (run.files_read, run.files_failed) == (FILES, 0)
    print(f"FIGURES import-connection-killed-cli: killed at {at_kill}/{FILES} files; the command closed the run "
          f"as interrupted; resumed to {FILES}/{FILES}")
    assert_same_as_one_clean_import(records(), tar)


def test_database_unavailable_mid_import(workers, reference_data, tmp_path, settings):
    tar = day_tar(tmp_path)
    worker = workers.start(env=UNIT_FILES)
    route_imports(workers)
    run, hold = held_at_last_unit([str(tar)], int(UNIT_FILES["IMPORT_UNIT_FILES"]), keep_all=True)
    allow_connections(False)
    try:
        terminate_other_backends(sparing=hold.pid)
        hold.release()
        down_at = time.monotonic()
        # a unit's task retries (backoff 2 s, 5 times) and gives up while the database still refuses connections
        wait_until(lambda: "raised unexpected: OperationalError" in workers.log_text(worker, whole=True), 150,
                   "the unit's task gave up")
    finally:
        hold.release()
        allow_connections(True)
    down = time.monotonic() - down_at
    stuck = ImportRun.objects.get(pk=run.pk)
    assert stuck.status == ImportRun.Status.RUNNING  # nothing could record it: the database was gone
    # the unit whose task gave up is left running or pending: no task of it is queued any more
    assert ImportUnit.objects.filter(run=stuck).exclude(status=ImportUnit.Status.DONE).exists()

    # The next import reconciles it: a run without progress for IMPORT_STALE_MINUTES is closed as interrupted.
    settings.IMPORT_STALE_MINUTES = 0.02  # 1.2 s for the test (production: 40 minutes, and beat every 10)
    wait_until(lambda: not running(run.pk, 0) or _silent_for(run.pk, 2.0), 240, "the stale run went quiet")
    again = import_jobs.start_import([str(tar)], options={"keep_all": True})
    closed = ImportRun.objects.get(pk=run.pk)
    assert closed.status in {ImportRun.Status.INTERRUPTED, ImportRun.Status.SUCCEEDED}, closed.status
    if closed.status == ImportRun.Status.INTERRUPTED:
        assert "no progress since" in closed.errors[-1]["reason"]
    wait_until(lambda: ImportRun.objects.get(pk=again.pk).status not in ImportRun.ACTIVE, 240, "the re-run")
    rerun = ImportRun.objects.get(pk=again.pk)
    assert rerun.status == ImportRun.Status.SUCCEEDED and rerun.files_failed == 0, rerun.errors
    print(f"FIGURES import-database-unavailable: connections refused for {down:.1f} s until the unit's task gave "
          f"up; the run stayed {stuck.status} ({stuck.files_read}/{FILES} files) until the next import closed it "
          f"as {closed.status}; the re-run succeeded")
    assert_same_as_one_clean_import(records(), tar)


def _silent_for(run_id: int, seconds: float) -> bool:
    from django.utils import timezone

    run = ImportRun.objects.get(pk=run_id)
    return run.heartbeat_at is not None and (timezone.now() - run.heartbeat_at).total_seconds() > seconds
