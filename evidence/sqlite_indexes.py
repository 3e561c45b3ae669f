"""Indexes that only SQLite gets, created and dropped by migrations (0016, 0018): covering indexes on the tallies
that SQLite needs to read a sum from the index alone, which PostgreSQL plans without (and whose importer triggers
would pay for them). They are not in the models' state: a later migration that makes SQLite rebuild one of these
tables must run the same operation again.
"""
from __future__ import annotations

from typing import Any

from django.db import migrations

#: (index name, table, columns in order)
Index = tuple[str, str, str]


def sqlite_only_indexes(indexes: tuple[Index, ...]) -> migrations.RunPython:
    """A migration operation that creates ``indexes`` on SQLite (and drops them when reversed); nothing elsewhere."""

    def create(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        for name, table, columns in indexes:
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ({columns})')

    def drop(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        for name, _, _ in indexes:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(create, drop)
