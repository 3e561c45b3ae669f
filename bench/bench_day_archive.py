"""Benchmark: a synthetic day archive packed as a release tar, imported as a job — in this process, and by 1 and 2
Celery workers over Redis — against the configured DATABASE_URL (PostgreSQL for the workers).

    DATABASE_URL=postgres://…/fc_bench CELERY_BROKER_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/bench_day_archive.py --aircraft 200 --positions 5000 --workers 0 1 2

Printed per mode: positions/s end to end (planning the tar included), files, missions, and the peak memory (RSS) of
each worker process. Aircraft use non-ICAO addresses (``~b…``) and are kept with ``keep_all`` (so every position goes
through parse + split + tag + coverage + write); they are deleted between modes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.core.management import call_command

    from evidence.models import Region

    call_command("migrate", verbosity=0)
    if not Region.objects.exists():
        call_command("seed_reference", verbosity=0)


def clean() -> None:
    from evidence.models import Aircraft, CoverageCell, ImportRun

    Aircraft.objects.filter(hex__startswith="~b").delete()
    CoverageCell.objects.all().delete()
    ImportRun.objects.filter(origin="bench").delete()


def run_in_process(tar: Path) -> dict:
    from evidence.services.flight_import import import_flight_files

    t = time.perf_counter()
    run = import_flight_files([str(tar)], origin="bench", keep_all=True)
    return {"seconds": time.perf_counter() - t, "run": run}


def _peak_rss_mb(pid: int) -> float:
    peak = 0.0
    pids = [pid] + [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) / 1024)
    return peak


def run_with_workers(tar: Path, workers: int) -> dict:
    from evidence.services import import_jobs
    from project.celery import app

    queue = f"fc-bench-{os.getpid()}"
    app.conf.task_always_eager = False
    app.conf.task_routes = {"evidence.tasks.*": {"queue": queue}}
    env = {**os.environ, "IMPORT_UNIT_FILES": os.environ.get("IMPORT_UNIT_FILES", "50")}
    command = [sys.executable, "-m", "celery", "-A", "project", "worker", "-Q", queue, "--concurrency", "1",
               "--loglevel", "WARNING", "--without-gossip", "--without-mingle"]  # fmt: skip
    procs = [subprocess.Popen([*command, "-n", f"{queue}-{i}@%h"], cwd=ROOT, env=env) for i in range(workers)]
    try:
        deadline = time.monotonic() + 60
        while len(app.control.ping(timeout=1.0) or []) < workers and time.monotonic() < deadline:
            time.sleep(0.5)
        t = time.perf_counter()
        run = import_jobs.start_import([str(tar)], origin="bench", options={"keep_all": True})
        while True:
            run.refresh_from_db()
            if run.status not in run.ACTIVE:
                break
            time.sleep(0.2)
        seconds = time.perf_counter() - t
        peaks = [_peak_rss_mb(p.pid) for p in procs]
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
    return {"seconds": seconds, "run": run, "peak_rss_mb": peaks}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--aircraft", type=int, default=200)
    parser.add_argument("--positions", type=int, default=5000)
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 1, 2], help="0 = in this process")
    args = parser.parse_args()
    setup_django()
    from bench_import import generate

    with tempfile.TemporaryDirectory(prefix="fc-day-") as tmp:
        tree = Path(tmp) / "tree"
        total = generate(str(tree), args.aircraft, args.positions, 7)
        tar = Path(tmp) / "v2025.02.03-planes-readsb-prod-0.tar"
        with tarfile.open(tar, "w") as out:
            out.add(tree / "2025", arcname="2025")
        print(f"day archive: {args.aircraft} aircraft, {total:,} positions, tar {tar.stat().st_size / 2**20:.1f} MiB")
        print(f"load average: {os.getloadavg()}")
        for n in args.workers:
            clean()
            result = run_in_process(tar) if n == 0 else run_with_workers(tar, n)
            run = result["run"]
            label = "in process" if n == 0 else f"{n} worker(s)"
            peaks = ", ".join(f"{p:.0f}" for p in result.get("peak_rss_mb", []))
            print(
                f"{label:>12}: {result['seconds']:.1f} s, {run.positions_read / result['seconds']:,.0f} positions/s, "
                f"{run.files_read} files, {run.missions_created} missions, status {run.status}"
                + (f", worker peak RSS MB: {peaks}" if peaks else "")
            )
        clean()


if __name__ == "__main__":
    main()
