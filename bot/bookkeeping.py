"""The bot's bookkeeping rows, read and written with fixed SQL: the conversation's last query (``Conversation``) and
the question log (``Question``). Every question reads the one and writes both, so they skip the ORM's query
building, which cost ~4 ms of CPU per question (issue 12, load): each statement is built once per process from the
models' quoted table and column names, and every value is bound (never formatted into the text).

The writes are one transaction: on PostgreSQL one round trip holds ``SET LOCAL synchronous_commit TO OFF`` (the
bookkeeping's commit does not wait for the disk: a database crash may lose the last fraction of a second of it,
never desk data) and both INSERTs; SQLite runs the same INSERTs one by one.
"""
from __future__ import annotations

import functools
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from bot.models import Conversation, Question

_KEY_FIELDS = ("platform", "channel", "thread", "user_key")
_QUESTION_FIELDS = ("platform", "user_id", "text", "query", "count", "declined", "duration_ms", "asked_at")


def _table(model: Any) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _columns(model: Any, names: tuple[str, ...]) -> str:
    return ", ".join(connection.ops.quote_name(model._meta.get_field(n).column) for n in names)


@functools.cache
def _statements(vendor: str) -> tuple[str, str, str]:
    q = connection.ops.quote_name
    key_columns = _columns(Conversation, _KEY_FIELDS)
    where = " AND ".join(f"{q(n)} = %s" for n in _KEY_FIELDS)
    select = f"SELECT {q('last_query')} FROM {_table(Conversation)} WHERE {where} LIMIT 1"
    upsert = (
        f"INSERT INTO {_table(Conversation)} ({key_columns}, {q('last_query')}, {q('updated_at')}) "
        f"VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT ({key_columns}) DO UPDATE SET "
        f"{q('last_query')} = EXCLUDED.{q('last_query')}, {q('updated_at')} = EXCLUDED.{q('updated_at')}"
    )
    insert = (f"INSERT INTO {_table(Question)} ({_columns(Question, _QUESTION_FIELDS)}) "
              f"VALUES ({', '.join(['%s'] * len(_QUESTION_FIELDS))})")
    return select, upsert, insert


def stored_context(key: dict[str, str]) -> Any:
    """The conversation's stored last query (a dict), or None."""
    select, _, _ = _statements(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(select, [key[n] for n in _KEY_FIELDS])
        row = cursor.fetchone()
    if row is None:
        return None
    return Conversation._meta.get_field("last_query").from_db_value(row[0], None, connection)


def write_context(key: dict[str, str], last_query: dict[str, Any]) -> None:
    """Set the conversation's last query alone (a question that is not logged)."""
    _, upsert, _ = _statements(connection.vendor)
    when = Conversation._meta.get_field("updated_at").get_db_prep_save(timezone.now(), connection)
    last = Conversation._meta.get_field("last_query").get_db_prep_save(last_query, connection)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(upsert, [*(key[n] for n in _KEY_FIELDS), last, when])


def write(question: dict[str, Any], context: tuple[dict[str, str], dict[str, Any]] | None) -> None:
    """Log ``question`` (``Question``'s fields but ``asked_at``) and, when given, set the conversation ``context``
    (key, last query) — in one transaction."""
    _, upsert, insert = _statements(connection.vendor)
    now = timezone.now()
    json_field = Question._meta.get_field("query")
    when = Question._meta.get_field("asked_at").get_db_prep_save(now, connection)
    values = [*(question[n] for n in _QUESTION_FIELDS[:-1]), when]
    values[3] = json_field.get_db_prep_save(values[3], connection)
    context_values = None
    if context is not None:
        key, last_query = context
        context_values = [*(key[n] for n in _KEY_FIELDS), json_field.get_db_prep_save(last_query, connection), when]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            statements = ["SET LOCAL synchronous_commit TO OFF", *([upsert] if context_values else []), insert]
            cursor.execute("; ".join(statements), [*(context_values or []), *values])
            return
        if context_values:
            cursor.execute(upsert, context_values)
        cursor.execute(insert, values)
