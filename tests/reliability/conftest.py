"""Helpers for the reliability tests: a broker that does not answer (a closed port on 127.0.0.1)."""
from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _reset_connections(app) -> None:
    """Celery caches its connection and producer pools per app: drop them so the next publish uses broker_url (kombu
    keeps one pool per URL, so the pools are left open for the URL they belong to)."""
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def broker_down() -> Iterator[str]:
    """Publish to a Redis URL on a closed port, as a web process sees a broker outage (tasks not run in-process)."""
    import os

    from project.celery import app

    saved = app.conf.broker_url, app.conf.task_always_eager, os.environ.get("CELERY_BROKER_URL")
    url = f"redis://127.0.0.1:{closed_port()}/2"
    # Celery reads CELERY_BROKER_URL from the environment before its configuration
    os.environ["CELERY_BROKER_URL"] = url
    app.conf.broker_url, app.conf.task_always_eager = url, False
    _reset_connections(app)
    try:
        yield url
    finally:
        app.conf.broker_url, app.conf.task_always_eager = saved[:2]
        if saved[2] is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = saved[2]
        _reset_connections(app)
