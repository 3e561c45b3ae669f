"""Shared fixtures: the desk's users by group, and the demo (loaded through the real load_demo)."""

from __future__ import annotations

import os
import subprocess

import pytest
from django.contrib.auth.models import Group, User

from evidence import partitioning


def stop_process(process: subprocess.Popen, timeout: float = 20) -> None:
    """Terminate a server the test started; kill it if it has not exited within ``timeout`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def service_unavailable(reason: str) -> None:
    """A needed service is missing: under .ci/run (FLIGHTCHECK_REQUIRE_SERVICES=1) that fails the test, else skips."""
    if os.environ.get("FLIGHTCHECK_REQUIRE_SERVICES") == "1":
        pytest.fail(f"required service unavailable: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def _cache_per_worker():
    """xdist workers share one Redis server, and ``cache.clear()`` flushes a whole Redis database: each worker gets a
    database of its own (13, 12, … counting down from the configured one), so one worker's clear cannot wipe the
    rate-limit counters another worker's test is in the middle of. Other cache backends are per process already."""
    from django.conf import settings
    from django.test import override_settings

    worker_id = os.environ.get("PYTEST_XDIST_WORKER", "")
    default = settings.CACHES["default"]
    if not worker_id or "redis" not in default["BACKEND"].lower():
        yield
        return
    from urllib.parse import urlsplit, urlunsplit

    index = int(worker_id.removeprefix("gw") or 0)
    locations = default["LOCATION"] if isinstance(default["LOCATION"], list) else [default["LOCATION"]]
    moved = []
    for location in locations:
        parts = urlsplit(location)
        base = int(parts.path.strip("/") or 0)
        moved.append(urlunsplit(parts._replace(path=f"/{(base - index) % 16}")))
    with override_settings(CACHES={"default": {**default, "LOCATION": moved if len(moved) > 1 else moved[0]}}):
        yield


@pytest.fixture(scope="session", autouse=True)
def _tasks_in_process():
    """Tasks run in-process for the whole session — module-scoped fixtures such as ``demo_module`` included, which
    set up before any function-scoped fixture — so the suite behaves the same with or without CELERY_BROKER_URL in the
    environment. A test that wants the real broker asks for the ``real_worker`` fixture (tests/services), which
    switches this off for that test only."""
    from project.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


def _user(username: str, group: str | None = None, *, staff: bool = True, superuser: bool = False) -> User:
    user = User.objects.create_user(username=username, password="pw-" + username, is_staff=staff)
    user.is_superuser = superuser
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def factchecker(db) -> User:
    return _user("fc", "Fact-checkers")


@pytest.fixture
def editor(db) -> User:
    return _user("ed", "Editors")


@pytest.fixture
def staff_admin(db) -> User:
    return _user("boss", superuser=True)


@pytest.fixture
def outsider(db) -> User:
    """Signed in, but in no group: may see nothing."""
    return _user("nobody", staff=False)


@pytest.fixture
def seeded(db):
    """Aircraft types and organisations (no regions: fast)."""
    from evidence.services.reference import seed_reference_data

    seed_reference_data(regions=False, log=lambda _msg: None)


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The real demo, loaded through ``load_demo`` once per test module inside a transaction that is rolled back at
    the module's end, so no other module sees it. The after-commit work (extraction, claim analysis) is run as it
    would be after a commit. Region geometries are built once per process (cached), so later modules load faster."""
    from django.db import transaction
    from django.test import TestCase

    from claims.services.demo import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            result = load_demo(flights_dir=tmp_path_factory.mktemp("demo-flights"), log=lambda _msg: None)
        yield result
        transaction.set_rollback(True)
    partitioning.forget_known_partitions()  # the callbacks ran as if committed; the rollback took the partitions


@pytest.fixture(autouse=True)
def _partitions_looked_up_again():
    """A test's transaction is rolled back, and with it any monthly partition it made (PostgreSQL DDL is
    transactional), while after-commit callbacks run inside tests may have noted them as existing: forget them."""
    yield
    partitioning.forget_known_partitions()


@pytest.fixture
def demo(demo_module, db):
    """The demo data; each test runs in its own savepoint on top of it."""
    return demo_module
