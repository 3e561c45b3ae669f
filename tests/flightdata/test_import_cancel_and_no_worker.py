"""Import jobs (issue 11): a cancel in the middle of a unit, and ``import_flights`` with a broker but no worker."""

from __future__ import annotations

import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from evidence.flightdata import synth
from evidence.models import ImportRun, ImportUnit, Mission
from evidence.services import import_jobs
from evidence.services.flight_import import import_flight_files

pytestmark = pytest.mark.django_db

T0 = 1738540800.0  # 2025-02-03 00:00Z
FILES = 12


@pytest.fixture(autouse=True)
def _no_default_tagger(monkeypatch):
    monkeypatch.setattr("evidence.services.flight_import.default_region_tagger", lambda: None)


def day_tree(root: Path) -> Path:
    for k in range(FILES):
        hex_address = f"ae{k:04x}"
        tr = synth.SynthTrack()
        route = [(32.7 - 0.01 * k, -117.2), (31.5, -117.8), (30.5, -116.5)]
        synth.sortie(tr, T0 + 600 * k, route, callsign=f"T{k}")
        synth.sortie(tr, T0 + 600 * k + 6 * 3600, list(reversed(route)), callsign=f"U{k}")
        doc = synth.trace_document(hex_address, tr, day_start=T0)
        synth.write_trace(synth.trace_path(root, hex_address, day="2025-02-03"), doc, gzip=True)
    return root


def snapshot() -> list[tuple]:
    return sorted((m.aircraft_id, m.start, m.end, m.point_count, bytes(m.track)) for m in Mission.objects.all())


def test_cancel_in_the_middle_of_a_unit_stops_at_the_next_checkpoint_and_resume_gives_the_same_data(
    tmp_path, settings, monkeypatch, django_capture_on_commit_callbacks
):
    tree = day_tree(tmp_path / "tree")
    everything = import_flight_files([tree], keep_all=True)
    assert everything.status == ImportRun.Status.SUCCEEDED and everything.files_read == FILES
    full = snapshot()
    Mission.objects.all().delete()

    settings.IMPORT_UNIT_FILES = 6  # two units
    monkeypatch.setattr("evidence.services.flight_import.BATCH_FILES", 2)  # a checkpoint every two files
    seen: list[str] = []

    def cancel_after_the_third_file(run: ImportRun, progress) -> None:
        seen.append(progress.path)
        if len(seen) == 3:  # what the admin's Cancel button does, while the first unit is in its second batch
            import_jobs.cancel_run(ImportRun.objects.get(pk=run.pk))

    token = import_jobs.progress_hook.set(cancel_after_the_third_file)
    try:
        run = import_jobs.import_synchronously([tree], options={"keep_all": True})
    finally:
        import_jobs.progress_hook.reset(token)

    assert run.status == ImportRun.Status.CANCELLED
    # The first unit finished the batch it was in (files 3 and 4) and stopped there; the second never started.
    assert run.files_read == 4 and run.files_failed == 0
    units = list(run.units.order_by("seq").values_list("status", "done_entries"))
    assert units == [(ImportUnit.Status.CANCELLED, 4), (ImportUnit.Status.CANCELLED, 0)]
    # No half-written file: exactly the missions of the four files read, each as the uninterrupted import wrote it.
    written = snapshot()
    assert {m[0] for m in written} == {f"ae{k:04x}" for k in range(4)}
    assert written == [m for m in full if m[0] in {f"ae{k:04x}" for k in range(4)}]
    assert len(written) == 8  # two sorties per aircraft

    with django_capture_on_commit_callbacks(execute=True):
        import_jobs.resume_run(run)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCEEDED, run.errors
    assert (run.files_read, run.files_failed) == (FILES, 0)
    assert snapshot() == full


def _broker_without_workers(monkeypatch) -> None:
    """A broker configured (Celery's in-memory transport: no worker can be listening on it)."""
    from project.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setattr(import_jobs, "WORKER_PING_SECONDS", 0.5)


def test_import_with_a_broker_but_no_worker_says_so_at_once_and_queues_nothing(tmp_path, monkeypatch):
    tree = day_tree(tmp_path / "tree")
    _broker_without_workers(monkeypatch)
    started = time.monotonic()
    with pytest.raises(CommandError) as info:
        call_command("import_flights", str(tree), "--allow-untagged", stdout=StringIO(), stderr=StringIO())
    assert time.monotonic() - started < 15
    message = str(info.value)
    assert "No Celery worker is consuming the import queue 'flightcheck'" in message
    assert "--in-process" in message and "celery -A project worker" in message and "Nothing was queued" in message
    assert not ImportRun.objects.exists()

    # The way out the message gives: the same job in this process, broker or not.
    call_command("import_flights", str(tree), "--allow-untagged", "--all", "--in-process", stdout=StringIO())
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.SUCCEEDED and run.files_read == FILES
    assert Mission.objects.count() == 2 * FILES


def test_no_wait_without_a_worker_queues_the_run_and_warns(tmp_path, monkeypatch):
    tree = day_tree(tmp_path / "tree")
    _broker_without_workers(monkeypatch)
    err, out = StringIO(), StringIO()
    call_command("import_flights", str(tree), "--allow-untagged", "--no-wait", stdout=out, stderr=err)
    assert "No Celery worker is consuming the import queue" in err.getvalue()
    assert "waits in the queue until a worker starts" in err.getvalue()
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.QUEUED and f"/api/import-runs/{run.pk}/" in out.getvalue()


def test_waiting_stops_when_the_workers_go_away(tmp_path, monkeypatch):
    """A worker answered when the run was queued, then went away (killed, stopped): the command notices when
    nothing moves and stops waiting instead of hanging, saying how the run can go on or be cancelled."""
    from evidence.management.commands import import_flights

    tree = day_tree(tmp_path / "tree")
    _broker_without_workers(monkeypatch)
    answers = iter([["imports@host"]])
    monkeypatch.setattr(import_jobs, "import_workers", lambda timeout=None: next(answers, []))
    monkeypatch.setattr(import_flights.Command, "silent_seconds", 0.5)
    started = time.monotonic()
    with pytest.raises(CommandError) as info:
        call_command("import_flights", str(tree), "--allow-untagged", stdout=StringIO(), stderr=StringIO())
    assert time.monotonic() - started < 15
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.QUEUED
    assert "No Celery worker is consuming" in str(info.value)
    assert "stays queued" in str(info.value) and f"--cancel {run.pk}" in str(info.value)
