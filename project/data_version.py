"""A data version that every write to the database bumps: what the bot's answer cache is keyed on (issue 12).

Signals miss writes (``bulk_create``, ``QuerySet.update()``, the extraction's raw INSERT), so the version is bumped
one level lower: an execute wrapper on every database connection Django opens looks at the first word of each
statement. Anything but a read (``SELECT``, ``SET``, ``SHOW``, transaction control) counts as a write unless it
writes only the bot's own bookkeeping (:data:`EXEMPT_TABLES`: the question log, conversation contexts, the threads a
claim was discussed in, sessions) — an unknown statement counts as a write. The version is bumped

* after the statement, when it ran outside a transaction (it has committed);
* once, after the transaction commits, when it ran inside one (``transaction.on_commit``): until then no other
  connection sees the change, and an answer computed meanwhile is right under the old version. A rolled-back
  transaction bumps nothing. (Tests' transactions never commit: with ``DATA_VERSION_BUMP_EACH_WRITE``, the test
  settings' default, every write statement bumps it as well.)

So an answer cached under version *v* was computed after *v* was read, i.e. it includes every change committed
before the bump to *v*: a reader that sees *v* cannot get an answer older than the data it could read.

The version lives in Django's default cache (Redis in production, shared by every process). Writes made without
Django (``psql``) are not seen: the answer cache's time-to-live bounds them. A write whose bump fails (the cache is
down) is logged; the answer cache is then down too.
"""
from __future__ import annotations

import logging
import re
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.backends.signals import connection_created

logger = logging.getLogger(__name__)
_KEY = "data:version"

#: Tables whose writes change no answer: the bot's bookkeeping and sessions.
EXEMPT_TABLES = frozenset({"bot_question", "bot_conversation", "bot_deliveredevent", "claims_claimthread",
                           "django_session"})
_READS = frozenset({"SELECT", "SET", "SHOW", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "PRAGMA"})
_TARGET = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


def data_version() -> int:
    """The current version; a missing one (evicted, ``cache.clear()``) starts at a value never used before."""
    version = cache.get(_KEY)
    if version is None:
        cache.add(_KEY, time.time_ns(), timeout=None)
        version = cache.get(_KEY)
    return version


def bump_data_version() -> None:
    """Move the version on (after a write Django did not run, e.g. a script's own SQL); never raises."""
    try:
        try:
            cache.incr(_KEY)
        except ValueError:  # none yet (or evicted): a fresh one is as good as a bump
            cache.set(_KEY, time.time_ns(), timeout=None)
    except Exception:
        logger.warning("data version: could not bump it (cached answers expire by their TTL)", exc_info=True)


def is_write(sql: str) -> bool:
    """Whether a statement may change data that answers read (see the module's docstring). Several statements in
    one string (raw SQL): whether any of them may."""
    if ";" in sql.rstrip().rstrip(";"):
        return any(is_write(part) for part in sql.split(";") if part.strip())
    head = sql.lstrip()[:12].split(None, 1)
    if not head or head[0].upper().rstrip(";") in _READS:
        return False
    target = _TARGET.match(sql)
    return target is None or target.group(1).lower() not in EXEMPT_TABLES


class _BumpOnWrite:
    """The execute wrapper (Django's ``execute_wrapper`` signature), one per connection."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        result = execute(sql, params, many, context)
        if is_write(sql):
            conn = self.connection
            if not conn.in_atomic_block:
                bump_data_version()  # autocommit: it has committed
                return result
            if settings.DATA_VERSION_BUMP_EACH_WRITE:  # tests: their transactions never commit
                bump_data_version()
            if not any(func is bump_data_version for _, func, _ in conn.run_on_commit):
                conn.on_commit(bump_data_version)
        return result


def _install(sender: Any, connection: Any, **_: Any) -> None:
    if not any(isinstance(w, _BumpOnWrite) for w in connection.execute_wrappers):
        # first in the list: ``connection.execute_wrapper()`` contexts append theirs and pop the last one on exit
        connection.execute_wrappers.insert(0, _BumpOnWrite(connection))


def connect() -> None:
    """Install the wrapper on every connection opened from now on, and on those already open (called from an app's
    ``ready``)."""
    connection_created.connect(_install, dispatch_uid="project.data_version.install")
    for conn in connections.all(initialized_only=True):
        _install(None, conn)
