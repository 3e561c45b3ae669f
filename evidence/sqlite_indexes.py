"""Indexes that only SQLite gets, created and dropped by migrations (0016, 0018): covering indexes on the tallies
that SQLite needs to read a sum from the index alone, which PostgreSQL plans without (and whose importer triggers
would pay for them). They are not in the models' state: a later migration that makes SQLite rebuild one of these
tables must run the same operation again. PostgreSQL's own covering index on the region tally (0020) is made the
same way.
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


def postgresql_only_indexes(indexes: tuple[tuple[str, str, str, str], ...]) -> migrations.RunPython:
    """The same for PostgreSQL: ``(name, table, key columns, INCLUDE columns)`` created there (dropped when
    reversed), nothing on SQLite — whose covering indexes are its own (above): it ignores INCLUDE, so a model index
    with one becomes a plain index there that its planner may prefer to the covering one."""

    def create(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, table, columns, include in indexes:
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ({columns}) INCLUDE ({include})')

    def drop(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, *_ in indexes:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(create, drop)
