"""The fault suite (marker ``faults``; run by .ci/run on PostgreSQL + Redis + real Celery workers): real worker
processes started, killed with SIGKILL and replaced, a broker outage simulated by a closed port.

Worker logs go to files (a pipe nobody reads would fill up and stall a busy worker); a failing test prints them."""
from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import service_unavailable
from tests.services.conftest import _database_url, _reset_router, reference_data  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]


class Workers:
    """Start, kill and stop ``celery -A project worker`` processes on one private queue."""

    def __init__(self, queue: str, logs: Path) -> None:
        self.queue, self.logs = queue, logs
        self.procs: list[subprocess.Popen] = []

    def start(self, *, env: dict[str, str] | None = None, beat: bool = False, concurrency: int = 1) -> subprocess.Popen:
        from project.celery import app

        n = len(self.procs)
        name = f"{self.queue}-{n}@{os.uname().nodename}"
        args = [sys.executable, "-m", "celery", "-A", "project", "worker", "-Q", self.queue, "--concurrency",
                str(concurrency), "--pool", "prefork", "--loglevel", "INFO", "--without-gossip", "--without-mingle",
                "-n", name]
        if beat:
            args += ["--beat", "--schedule", str(self.logs / f"beat-{n}")]
        full_env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_ENV": "test",
                    # what the worker (or its beat) queues goes to this queue, not the shared default one
                    "CELERY_TASK_DEFAULT_QUEUE": self.queue, **(env or {})}
        log = open(self.logs / f"worker-{n}.log", "w")  # noqa: SIM115 (closed with the process)
        proc = subprocess.Popen(args, cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)  # its own process group: SIGKILL reaches the pool children
        proc.log = log  # type: ignore[attr-defined]
        self.procs.append(proc)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if app.control.ping(destination=[name], timeout=1.0):
                return proc
            if proc.poll() is not None:
                pytest.fail(f"the Celery worker exited:\n{self.log_text(proc)}")
        pytest.fail(f"the Celery worker did not come up within 90 s:\n{self.log_text(proc)}")

    def kill(self, proc: subprocess.Popen) -> None:
        """``kill -9`` the whole worker: main process and pool children, no chance to ack or requeue anything."""
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

    def log_text(self, proc: subprocess.Popen, *, whole: bool = False) -> str:
        """The worker's log: its last 6,000 characters (for failure messages), or ``whole`` (to search it: one
        traceback from a clone in a long path is longer than the tail)."""
        proc.log.flush()  # type: ignore[attr-defined]
        text = Path(proc.log.name).read_text(errors="replace")  # type: ignore[attr-defined]
        return text if whole else text[-6000:]

    def stop_all(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()


@pytest.fixture
def workers(transactional_db, monkeypatch, tmp_path) -> Iterator[Workers]:
    """Route the project's tasks to a private queue for this test and hand out worker processes on it."""
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        service_unavailable("CELERY_BROKER_URL is not set (run through .ci/run)")
    import redis

    try:
        redis.Redis.from_url(broker).ping()
    except redis.RedisError as exc:
        service_unavailable(f"Redis at {broker} does not answer: {exc}")
    from project.celery import app

    queue = f"fc-faults-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    previous_routes = app.conf.task_routes
    app.conf.task_routes = {"claims.tasks.*": {"queue": queue}, "bot.*": {"queue": queue}}
    _reset_router(app)
    pool = Workers(queue, tmp_path)
    try:
        yield pool
    finally:
        pool.stop_all()
        app.conf.task_routes = previous_routes
        _reset_router(app)
        redis.Redis.from_url(broker).delete(queue)
        for proc in pool.procs:
            print(f"--- {proc.args[-1]} ---\n{pool.log_text(proc)}")
            proc.log.close()  # type: ignore[attr-defined]


# A fixed pure-Python workload takes about this long on an ordinary idle core (Intel Xeon, 2026-12-05: 0.21 s).
CALIBRATION_SECONDS = 0.21


@functools.cache
def machine_slowness() -> float:
    """How many times slower than an ordinary core this machine runs Python now (never below 1): the fault tests'
    bounds are for an ordinary machine, and a CI machine once ran four times slower (the workers' extractions with
    it), failing bounds that measured the machine rather than the product."""
    best = min(_calibration_run() for _ in range(3))
    return max(1.0, best / CALIBRATION_SECONDS)


def _calibration_run() -> float:
    started = time.perf_counter()  # wall time: a loaded or throttled machine slows the workers as much
    total = 0
    for n in range(3_000_000):
        total += n
    return time.perf_counter() - started


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> float:
    """Poll ``condition`` until it holds, for ``timeout`` seconds of an ordinary machine (scaled by
    ``machine_slowness``); returns the seconds it took."""
    slowness = machine_slowness()
    allowed = timeout * slowness
    started = time.monotonic()
    while time.monotonic() - started < allowed:
        if condition():
            return time.monotonic() - started
        time.sleep(0.2)
    scaled = f" ({timeout:.0f} s × this machine's slowness {slowness:.1f})" if slowness > 1 else ""
    raise AssertionError(f"{what}: not within {allowed:.0f} s{scaled}")
