"""A day archive imported by a real Celery worker over Redis on PostgreSQL, the worker killed (SIGKILL, pool child
and parent) mid-run, the run reconciled as interrupted and resumed on a new worker: it finishes with exactly the
data an uninterrupted in-process import makes (run by .ci/run; locally with DATABASE_URL and CELERY_BROKER_URL)."""

from __future__ import annotations

import os
import signal
import subprocess
import tarfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from evidence import tally
from evidence.flightdata import synth
from evidence.models import ImportRun, ImportUnit, Mission
from evidence.services import import_jobs
from evidence.services.flight_import import import_flight_files
from tests.services.unit_holds import held_at_last_unit

pytestmark = [pytest.mark.services]

T0 = 1738540800.0  # 2025-02-03 00:00Z
FILES = 48


UNIT_FILES = 4  # 12 units


@pytest.fixture
def worker_env() -> dict[str, str]:
    return {"IMPORT_UNIT_FILES": str(UNIT_FILES)}


def day_tar(root: Path, files: int = FILES, *, spacing_s: int = 600, name: str = "day.tar") -> Path:
    """A day of ``files`` synthetic military sorties near the border (one trace file each, starts ``spacing_s``
    apart), packed as an uncompressed tar named ``name``."""
    tree = root / "tree"
    for k in range(files):
        hex_address = f"ae{k:04x}"
        tr = synth.SynthTrack()
        route = [(32.7 - 0.01 * k, -117.2), (25.5, -110.8), (31.0, -116.5), (24.0, -112.0)]
        synth.sortie(tr, T0 + spacing_s * k, route, callsign=f"T{k}")
        synth.write_trace(synth.trace_path(tree, hex_address, day="2025-02-03"), synth.trace_document(
            hex_address, tr, day_start=T0), gzip=True)  # fmt: skip
    tar_path = root / name
    with tarfile.open(tar_path, "w") as tar:
        tar.add(tree / "2025", arcname="2025")
    return tar_path


def route_imports_to(worker: subprocess.Popen) -> None:
    from project.celery import app

    queue = worker.args[worker.args.index("-Q") + 1]
    app.conf.task_routes = {**(app.conf.task_routes or {}), "evidence.tasks.*": {"queue": queue}}
    app.amqp.flush_routes()
    app.amqp.router = app.amqp.Router()


def kill_tree(pid: int) -> None:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(c) for c in children.read_text().split()] if children.exists() else []
    for child in kids:
        os.kill(child, signal.SIGKILL)
    os.kill(pid, signal.SIGKILL)


def snapshot() -> list[tuple]:
    return sorted(
        (m.aircraft_id, m.start, m.end, m.point_count, bytes(m.track))
        for m in Mission.objects.all()
    )


def wait(run_id: int, until, timeout: float = 120.0) -> ImportRun:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = ImportRun.objects.get(pk=run_id)
        if until(run):
            return run
        time.sleep(0.05)
    raise AssertionError(f"run {run_id}: {ImportRun.objects.get(pk=run_id).status} after {timeout} s")


def test_worker_killed_mid_import_then_resumed_gives_the_same_data(real_worker, tmp_path, worker_env):
    tar_path = day_tar(tmp_path)
    route_imports_to(real_worker)
    # The last unit held back (a row lock the worker's claim waits for): the kill lands mid-run on any machine.
    run, hold = held_at_last_unit([str(tar_path)], UNIT_FILES, timeout=120, keep_all=True)
    try:
        kill_tree(real_worker.pid)
        real_worker.wait(timeout=10)
    finally:
        hold.release()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.RUNNING and run.files_read < FILES, "the kill came too late"

    # Nothing records the kill: the run is reconciled as interrupted, then resumed on a fresh worker.
    closed = import_jobs.reconcile_stale_runs(now=timezone.now() + timedelta(hours=2))
    assert run.pk in closed
    ImportUnit.objects.filter(run=run, status=ImportUnit.Status.RUNNING).update(
        claimed_at=timezone.now() - timedelta(hours=1)
    )
    env = {**os.environ, **worker_env, "DATABASE_URL": real_worker_env_database()}
    fresh = subprocess.Popen(real_worker.args, cwd=Path(__file__).resolve().parents[2], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        import_jobs.resume_run(ImportRun.objects.get(pk=run.pk))
        done = wait(run.pk, lambda r: r.status not in ImportRun.ACTIVE, timeout=180)
    finally:
        fresh.terminate()
        fresh.wait(timeout=30)
    assert done.status == ImportRun.Status.SUCCEEDED, done.errors
    assert (done.files_read, done.files_failed) == (FILES, 0)
    resumed = snapshot()
    # the tallies the triggers kept through a killed worker's rolled-back unit and the resumed run
    assert tally.differences() == []

    Mission.objects.all().delete()
    again = import_flight_files([tar_path], keep_all=True)
    assert again.status == ImportRun.Status.SUCCEEDED
    assert snapshot() == resumed
    assert tally.differences() == []


def real_worker_env_database() -> str:
    from tests.services.conftest import _database_url

    return _database_url()
