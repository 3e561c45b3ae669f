"""Migration tests' scaffolding: the database taken back to an earlier migration state to be filled as it was then,
and forward again to every leaf afterwards, whatever the test did."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

Targets = list[tuple[str, str]]


def migrate_to(targets: Targets | None = None) -> None:
    """Migrate to ``targets``; None: to every leaf (the latest state)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets if targets is not None else executor.loader.graph.leaf_nodes())


@contextmanager
def migrated_back_to(targets: Targets) -> Iterator[Any]:
    """Yields the historical apps at ``targets`` (models as they were there) after migrating back to them."""
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(targets)
        executor.loader.build_graph()
        yield executor.loader.project_state(targets).apps
    finally:
        migrate_to()
