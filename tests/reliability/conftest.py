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
    from project.celery import app

    saved = app.conf.broker_url, app.conf.task_always_eager
    url = f"redis://127.0.0.1:{closed_port()}/2"
    app.conf.broker_url, app.conf.task_always_eager = url, False
    _reset_connections(app)
    try:
        yield url
    finally:
        app.conf.broker_url, app.conf.task_always_eager = saved
        _reset_connections(app)
