"""Benchmark: a synthetic day archive at real scale, packed as a release tar, imported as a job by 1 and by 2 Celery
workers over Redis on PostgreSQL (and, with ``--workers 0``, in this process).

    DATABASE_URL=postgres://…/fc_bench CELERY_BROKER_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/bench_day_archive.py --aircraft 50000 \\
        --tar /tmp/day/v2025.02.03-planes-readsb-prod-0.tar --workers 1 2

The tar is generated once (bench/day_archive_synth.py: ~740 positions per aircraft, world-wide, 3 % military
addresses) when ``--tar`` does not exist yet, and kept for the next run (delete it yourself: ~1 GiB at 50,000
aircraft). The import uses the default keep filter (what a desk runs: the military aircraft become missions, every
aircraft counts for coverage); ``--all`` keeps every aircraft.

Printed per mode: wall time and positions/s end to end (planning the tar included), the workers' CPU seconds and CPU
time per position, per-worker parse+split+tag+coverage rates from the units' own timings (the workers log them at
DEBUG), the peak RSS of each worker's pool process, the PostgreSQL server's CPU (all its processes, and this
database's own backends sampled apart: other sessions may use the same server), and the load average before and after
(the machine is shared).
Missions and coverage written by the benchmark are deleted between modes, and the tally rows they leave at zero
(each mode then writes the same tally rows anew). Before the modes, ``--compare N`` (default
1,000 members) runs the paths this benchmark's figures replaced and the current ones on the same N members, in the
same process, and prints the CPU time per position of each and whether their results are the same
(bench/compare_day_archive.py); in process, the PostgreSQL backend's CPU time is printed too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
WORK_PHASES = ("parse", "split", "tag", "coverage")


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


def clean(hexes: list[str]) -> None:
    """Delete what the benchmark wrote: its runs' missions, the archive's aircraft, the coverage cells and parts."""
    from evidence.models import Aircraft, CoverageCell, CoveragePart, ImportRun, Mission

    Mission.objects.filter(import_run__origin="bench").delete()
    for i in range(0, len(hexes), 5000):
        Aircraft.objects.filter(hex__in=hexes[i : i + 5000]).delete()
    CoverageCell.objects.all().delete()
    CoveragePart.objects.all().delete()
    ImportRun.objects.filter(origin="bench").delete()
    drop_empty_tally_rows()


def drop_empty_tally_rows() -> None:
    """Delete the tally rows the deleted missions left at zero (they stay, and readers skip them): otherwise the next
    mode's import updates the rows the previous mode inserted — cheaper — and the modes are not measured alike. On
    PostgreSQL the tables are vacuumed here too, so that autovacuum does not clean the deleted rows during the next
    mode's import."""
    from django.db import connection

    from evidence import tally

    with connection.cursor() as cursor:
        for table, (_, counts) in tally._SPECS.items():
            cursor.execute(f"DELETE FROM {table} WHERE {' AND '.join(f'{c} = 0' for c in counts)}")
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                cursor.execute(f"VACUUM (ANALYZE) {table}")


def run_in_process(tar: Path, keep_all: bool) -> dict:
    from compare_day_archive import backend_cpu

    from evidence.services.flight_import import import_flight_files

    timings: dict[str, float] = {}
    t, c, d = time.perf_counter(), time.process_time(), backend_cpu()
    run = import_flight_files([str(tar)], origin="bench", keep_all=keep_all, timings=timings)
    return {"seconds": time.perf_counter() - t, "cpu": time.process_time() - c, "run": run,
            "units": [{"pid": os.getpid(), "positions": run.positions_read, **timings}],
            "database_cpu": backend_cpu() - d}  # fmt: skip


def _proc_status(pid: int) -> tuple[float, float]:
    """(peak RSS MB, CPU seconds) of one process."""
    peak = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return peak, cpu


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def _postgres_cpu() -> float:
    """CPU seconds used so far by every process named ``postgres`` (the server's backends and helpers; another
    client's queries on the same server count too — the machine may be shared), with the CPU of the backends that
    have exited, which the postmaster holds as its reaped children's (a task's connection closes with it)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended
            continue
        if text[text.find("(") + 1:text.rfind(")")] == "postgres":
            fields = text.rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return total


class DatabaseBackends:
    """The CPU of this database's own server processes (its backends and autovacuum workers: their process titles
    name the database), sampled every ``every`` s while an import runs: on a shared machine the whole server's
    figure counts other sessions' databases too. A backend's CPU is its last sample (one that lived less than
    ``every`` s is missed; a task's connection lives a unit's seconds), so this is a lower bound."""

    def __init__(self, name: str, every: float = 0.2) -> None:
        self.name, self.every = name, every
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> DatabaseBackends:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def total(self) -> float:
        return sum(self.cpu.values())

    def _sample(self) -> None:
        name = re.escape(self.name)  # titles: "postgres: 15/main: user db host(port) state", "… autovacuum worker db"
        title = re.compile(rf"^postgres: (?:\S+: )?(?:\S+ {name} |autovacuum worker {name}\b)")
        tick = os.sysconf("SC_CLK_TCK")
        while True:
            for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
                try:
                    if not title.match(cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")):
                        continue
                    fields = (cmdline.parent / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:  # the process ended
                    continue
                self.cpu[int(cmdline.parent.name)] = (int(fields[11]) + int(fields[12])) / tick
            if self._stop.wait(self.every):
                return


#: What a worker's pool process logs once it is ready to import (evidence.tasks.prepare_region_tagger).
POOL_READY = re.compile(r"region tagger (?:built at worker start|not built)|no regions yet")


def _wait_for_pools(logs: Path, workers: int, deadline: float) -> None:
    """Wait until every worker's pool process has built its region tagger. A worker answers a ping as soon as its main
    process is up, while the pool process still builds the tagger (~8 s of CPU): a clock started at the ping measured
    that start-up inside the import, once per worker, as a long-lived production worker never pays it."""
    pending = set(range(workers))
    while pending and time.monotonic() < deadline:
        pending = {i for i in pending
                   if not POOL_READY.search((logs / f"worker-{workers}-{i}.log").read_text(errors="replace"))}
        time.sleep(0.2)
    if pending:
        raise SystemExit(f"workers {sorted(pending)} did not finish starting (no tagger line in their logs)")


def run_with_workers(tar: Path, workers: int, keep_all: bool, unit_files: int | None, logs: Path) -> dict:
    from django.db import connection

    from evidence.services import import_jobs
    from project.celery import app

    queue = f"fc-bench-{os.getpid()}"
    app.conf.task_always_eager = False
    app.conf.task_routes = {"evidence.tasks.*": {"queue": queue}}
    env = {**os.environ, "LOG_LEVEL": "DEBUG", **({"IMPORT_UNIT_FILES": str(unit_files)} if unit_files else {})}
    command = [sys.executable, "-m", "celery", "-A", "project", "worker", "-Q", queue, "--concurrency", "1",
               "--loglevel", "DEBUG", "--without-gossip", "--without-mingle"]  # fmt: skip
    files = [open(logs / f"worker-{workers}-{i}.log", "w") for i in range(workers)]  # noqa: SIM115
    procs = [subprocess.Popen([*command, "-n", f"{queue}-{i}@%h"], cwd=ROOT, env=env, stdout=f,
                              stderr=subprocess.STDOUT) for i, f in enumerate(files)]  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while len(app.control.ping(timeout=1.0) or []) < workers and time.monotonic() < deadline:
            time.sleep(0.5)
        _wait_for_pools(logs, workers, deadline + 120)
        before = {p.pid: sum(_proc_status(c)[1] for c in [p.pid, *_children(p.pid)]) for p in procs}
        ready_rss = {p.pid: max([_rss_mb(c) for c in _children(p.pid)] or [0.0]) for p in procs}
        database_before = _postgres_cpu()
        with DatabaseBackends(connection.settings_dict["NAME"]) as own:
            t = time.perf_counter()
            run = import_jobs.start_import([str(tar)], origin="bench", options={"keep_all": keep_all})
            while True:
                run.refresh_from_db()
                if run.status not in run.ACTIVE:
                    break
                time.sleep(1.0)
            seconds = time.perf_counter() - t
        database_cpu = _postgres_cpu() - database_before
        stats = []
        for p in procs:
            kids = _children(p.pid)
            peaks = [_proc_status(c)[0] for c in kids]
            cpu = sum(_proc_status(c)[1] for c in [p.pid, *kids]) - before[p.pid]
            stats.append({"peak_rss_mb": max(peaks or [0.0]), "ready_rss_mb": ready_rss[p.pid], "cpu": cpu})
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
        for f in files:
            f.close()
    units, compaction = [], []
    for i in range(workers):
        for line in (logs / f"worker-{workers}-{i}.log").read_text(errors="replace").splitlines():
            if m := re.search(r"import unit timings (\{.*\})", line):
                units.append({**json.loads(m.group(1)), "worker": i})
            if m := re.search(r"coverage: \d+ parts united into their cells in [0-9.]+ s", line):
                compaction.append(f"worker {i}: {m.group(0)}")
    return {"seconds": seconds, "run": run, "workers": stats, "units": units, "server_cpu": database_cpu,
            "own_database_cpu": own.total(), "compaction": compaction}


def report(label: str, result: dict, load: tuple[float, float]) -> None:
    run, seconds = result["run"], result["seconds"]
    n = run.positions_read
    print(f"\n{label}: status {run.status}, {run.files_read:,} files ({run.files_failed} failed), {n:,} positions, "
          f"{run.aircraft_heard:,} aircraft heard, {run.aircraft_kept:,} kept, {run.missions_created:,} missions; "
          f"load average {load[0]:.1f} → {load[1]:.1f}")  # fmt: skip
    print(f"  end to end: {seconds:,.1f} s wall = {n / seconds:,.0f} positions/s")
    for i, w in enumerate(result.get("workers", [])):
        print(f"  worker {i}: CPU {w['cpu']:,.1f} s, peak RSS {w['peak_rss_mb']:,.0f} MB (RSS once started, the "
              f"tagger built: {w.get('ready_rss_mb', 0.0):,.0f} MB)")
    cpu = sum(w["cpu"] for w in result.get("workers", [])) or result.get("cpu", 0.0)
    if cpu:
        print(f"  CPU: {cpu:,.1f} s in all = {1e6 * cpu / n:.2f} µs per position = {n / cpu:,.0f} positions per "
              f"CPU-second")  # fmt: skip
    by_worker: dict[int, dict[str, float]] = {}
    for u in result["units"]:
        acc = by_worker.setdefault(u.get("worker", 0), {})
        for k, v in u.items():
            if isinstance(v, (int, float)) and k not in ("unit", "pid", "worker"):
                acc[k] = acc.get(k, 0.0) + v
    for w, acc in sorted(by_worker.items()):
        work_cpu = sum(acc.get(f"{p}_cpu", 0.0) for p in WORK_PHASES)
        work_wall = sum(acc.get(p, 0.0) for p in WORK_PHASES)
        phases = ", ".join(f"{p} {acc.get(f'{p}_cpu', 0.0):,.1f}" for p in (*WORK_PHASES, "write"))
        per_position = ", ".join(f"{p} {1e6 * acc.get(f'{p}_cpu', 0.0) / acc['positions']:.2f}"
                                 for p in (*WORK_PHASES, "write"))  # fmt: skip
        print(f"  worker {w}: {acc['positions']:,.0f} positions; CPU s by phase: {phases}; parse+split+tag+coverage "
              f"{acc['positions'] / work_cpu:,.0f} positions/CPU-s ({acc['positions'] / work_wall:,.0f}/s wall)")
        print(f"  worker {w}: CPU µs per position: {per_position}")
        walls = ", ".join(f"{k} {v:,.1f}" for k, v in sorted(acc.items())
                          if not k.endswith("_cpu") and k not in ("positions", "unit", "pid", "worker"))
        print(f"  worker {w}: wall s by phase: {walls}")
    if "server_cpu" in result:
        print(f"  PostgreSQL server, all processes: {result['server_cpu']:,.1f} s CPU = "
              f"{1e6 * result['server_cpu'] / n:.2f} µs per position")  # fmt: skip
    for line in result.get("compaction", []):
        print(f"  {line} (at the run's end)")
    if "own_database_cpu" in result:
        print(f"  PostgreSQL, this database's backends (sampled): {result['own_database_cpu']:,.1f} s CPU = "
              f"{1e6 * result['own_database_cpu'] / n:.2f} µs per position")  # fmt: skip
    if "database_cpu" in result:
        n = result["run"].positions_read
        print(f"  PostgreSQL backend of this process: {result['database_cpu']:,.1f} s CPU = "
              f"{1e6 * result['database_cpu'] / n:.2f} µs per position")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--aircraft", type=int, default=50_000)
    parser.add_argument("--tar", type=Path, default=None, help="the release tar (generated there when missing)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="0 = in this process")
    parser.add_argument("--all", action="store_true", help="keep every aircraft (default: the keep filter)")
    parser.add_argument("--unit-files", type=int, default=None, help="IMPORT_UNIT_FILES for the workers (default: "
                        "the setting's)")
    parser.add_argument("--compare", type=int, default=1000, metavar="N",
                        help="first compare the old and new paths on N members (0: do not)")  # fmt: skip
    args = parser.parse_args()
    setup_django()
    from day_archive_synth import addresses, write_day_tar

    # one folder per size: a tar generated for another number of aircraft is never measured under this one's name
    tar = args.tar or Path(tempfile.gettempdir()) / f"fc-day-{args.aircraft}" / "v2025.02.03-planes-readsb-prod-0.tar"
    if not tar.exists():
        tar.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {tar} ({args.aircraft:,} aircraft)…", flush=True)
        print(write_day_tar(tar, args.aircraft), flush=True)
    hexes, _ = addresses(args.aircraft, 0.03, 7)
    print(f"day archive {tar}: {tar.stat().st_size / 2**20:,.0f} MiB, {args.aircraft:,} aircraft; "
          f"{os.cpu_count()} CPUs; keep {'all' if args.all else 'the default filter'}", flush=True)  # fmt: skip
    if args.compare:
        from compare_day_archive import compare_paths

        clean(hexes)
        compare_paths(tar, args.compare)
    with tempfile.TemporaryDirectory(prefix="fc-bench-logs-") as logs:
        for n in args.workers:
            clean(hexes)
            load0 = os.getloadavg()[0]
            if n == 0:
                result = run_in_process(tar, args.all)
            else:
                result = run_with_workers(tar, n, args.all, args.unit_files, Path(logs))
            report("in process" if n == 0 else f"{n} Celery worker(s)", result, (load0, os.getloadavg()[0]))
            sys.stdout.flush()
    clean(hexes)


if __name__ == "__main__":
    main()
