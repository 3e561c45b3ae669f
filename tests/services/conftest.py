"""A real Celery worker process consuming from Redis, against the real (PostgreSQL) test database."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.conftest import service_unavailable

ROOT = Path(__file__).resolve().parents[2]
_RUN_ID = uuid.uuid4().hex[:6]


def _database_url() -> str:
    s = connection.settings_dict
    if s["ENGINE"] != "django.db.backends.postgresql":
        service_unavailable("a worker process needs a shared database server (PostgreSQL), not in-memory SQLite")
    host, port = s.get("HOST") or "127.0.0.1", s.get("PORT") or "5432"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{host}:{port}/{s['NAME']}"


def _reset_router(app) -> None:
    """Celery builds its router once and caches it; rebuild it from the current task_routes."""
    app.amqp.flush_routes()
    app.amqp.router = app.amqp.Router()


@pytest.fixture
def postgresql_only() -> None:
    """Skip where the database is not PostgreSQL (partitioning: SQLite keeps plain tables)."""
    if connection.vendor != "postgresql":
        pytest.skip("partitioning exists on PostgreSQL only (SQLite keeps plain tables)")


@pytest.fixture
def worker_env() -> dict[str, str]:
    """Extra environment for the worker process (a test module may override this fixture)."""
    return {}


@pytest.fixture
def real_worker(transactional_db, monkeypatch, worker_env):
    """Start ``celery -A project worker`` on a private queue; route the project's tasks to it for this test.

    The test's rows must be committed for the worker to see them (a transactional test). The flush that empties the
    tables afterwards sends ``post_migrate``, which puts back the permissions and the desk's groups
    (claims/apps.py), as after any transactional test (``live_server`` ones included) — no serialized rollback:
    it would re-insert groups that post_migrate has already re-created."""
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        service_unavailable("CELERY_BROKER_URL is not set (run through .ci/run)")
    import redis

    try:
        redis.Redis.from_url(broker).ping()
    except redis.RedisError as exc:
        service_unavailable(f"Redis at {broker} does not answer: {exc}")
    from project.celery import app

    # One private queue per test process (xdist workers share Redis but not the database).
    queue = f"fc-test-{os.getpid()}-{_RUN_ID}"
    # app.conf is a mapping; setitem restores the previous values after the test.
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    previous_routes = app.conf.task_routes
    app.conf.task_routes = {"claims.tasks.*": {"queue": queue}, "bot.*": {"queue": queue}}
    _reset_router(app)
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_ENV": "test", **worker_env}
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "project", "worker", "-Q", queue, "--concurrency", "1",
         "--pool", "prefork", "--loglevel", "INFO", "--without-gossip", "--without-mingle", "-n", f"{queue}@%h"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 150  # a loaded CI machine can take over a minute to start Django + Celery
        while time.monotonic() < deadline:
            replies = app.control.ping(destination=[f"{queue}@{os.uname().nodename}"], timeout=1.0)
            if replies:
                break
            if proc.poll() is not None:
                pytest.fail(f"the Celery worker exited: {proc.stdout.read() if proc.stdout else ''}")
        else:
            pytest.fail("the Celery worker did not come up within 150 s")
        yield proc
    finally:
        proc.terminate()
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
        app.conf.task_routes = previous_routes
        _reset_router(app)
        # The worker's log, shown by pytest for a failing test (captured output).
        print(f"--- celery worker log ({queue}) ---\n{(out or '')[-6000:]}")


@pytest.fixture
def reference_data(transactional_db):
    """Aircraft types, organisations and region boundaries, committed (the worker reads them)."""
    from evidence.services.reference import seed_reference_data

    seed_reference_data(log=lambda _msg: None)
