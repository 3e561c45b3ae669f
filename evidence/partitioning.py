"""Monthly range partitions of the mission tables on PostgreSQL; SQLite keeps plain tables (every function here is a
no-op there).

``evidence_mission`` is partitioned on ``start`` and ``evidence_missionregion`` on its denormalised
``mission_start``, one partition per UTC month (``<table>_pYYYYMM``) plus a DEFAULT partition (``<table>_default``),
so a row never fails for want of a partition. Partitions are created ahead: by the migration (every month holding
data, and the window around today), at each ``migrate``, by the daily beat task ``maintain_mission_partitions`` and
after each import run; :func:`ensure_month_partitions` moves the rows that reached the DEFAULT partition for a month
into that month's new partition (the "split").

PostgreSQL's rules and what keeps integrity (docs/ARCHITECTURE.md, docs/SCALING.md):

* a primary key or unique constraint must include the partition key: the database's keys are ``(id, start)`` and
  ``(mission_id, region_id, mission_start)`` while Django keeps ``id`` as the primary key. ``id`` values come from one
  sequence, so they stay unique across partitions;
* a foreign key *into* a partitioned table must reference a unique key including the partition key: mission–region
  rows reference ``(id, start)`` of missions through ``(mission_id, mission_start)`` with ``ON UPDATE CASCADE`` (a
  mission whose start moves carries its rows' ``mission_start`` along, and the database still refuses a row for a
  missing mission), deferred like Django's own keys. Claims' evidence links and suggestions have no start column:
  their keys to missions are ``db_constraint=False`` and Django's collector deletes them with the mission
  (``on_delete=CASCADE`` runs in the ORM).

:func:`partition_table` / :func:`unpartition_table` convert a table generically (``CREATE TABLE … (LIKE old
INCLUDING …)``, ``INSERT … SELECT *``, indexes and constraints recreated from the catalogue), so columns or indexes
added by migrations before the conversion carry over.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db import connection as default_connection

from evidence import tally

log = logging.getLogger(__name__)

#: table → partition key column
PARTITIONED = {"evidence_mission": "start", "evidence_missionregion": "mission_start"}
#: (referencing table, columns) → (referenced table, columns): the composite key that replaces mission_id's own.
COMPOSITE_FK = ("evidence_missionregion", "missionregion_mission_start_fk", ("mission_id", "mission_start"),
                "evidence_mission", ("id", "start"))
#: Months created ahead of today, and kept behind it, by the window functions.
MONTHS_AHEAD = 3
MONTHS_BEHIND = 1

_known: set[tuple[str, str]] = set()  # (database alias, partition name) known to exist in this process


def forget_known_partitions() -> None:
    """Look in the catalogue again next time: after the tables were rebuilt, or after a transaction whose after-commit
    work already ran was rolled back (a test's: the partitions it made are gone)."""
    _known.clear()


def is_postgresql(connection: Any = None) -> bool:
    return (connection or default_connection).vendor == "postgresql"


def month_floor(value: dt.date | dt.datetime) -> dt.date:
    return dt.date(value.year, value.month, 1)


def next_month(month: dt.date) -> dt.date:
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from ``first``'s to ``last``'s, both included."""
    months, m = [], month_floor(first)
    while m <= month_floor(last):
        months.append(m)
        m = next_month(m)
    return months


def partition_name(table: str, month: dt.date) -> str:
    return f"{table}_p{month:%Y%m}"


def year_partition_name(table: str, year: int) -> str:
    return f"{table}_y{year:04d}"


def _covered(names: set[str], table: str, month: dt.date) -> bool:
    """Whether ``month``'s rows of ``table`` have a partition: the month's own or its year's."""
    return partition_name(table, month) in names or year_partition_name(table, month.year) in names


def _bound(month: dt.date) -> str:
    return f"{month:%Y-%m-%d} 00:00:00+00"


# --- conversion (the migration) -----------------------------------------------------------------------------------


def is_partitioned(cursor: Any, table: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
                   "WHERE c.relname = %s AND c.relnamespace = 'public'::regnamespace", [table])
    return cursor.fetchone() is not None


def _catalogue(cursor: Any, table: str) -> dict[str, Any]:
    """What the conversion recreates: plain indexes, primary/unique/foreign keys (name, definition), keys into it."""
    cursor.execute("""SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x
                      JOIN pg_class i ON i.oid = x.indexrelid
                      WHERE x.indrelid = %s::regclass AND x.indislive
                        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
                      ORDER BY i.relname""", [table])
    indexes = cursor.fetchall()
    cursor.execute("""SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
                      WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f') AND conparentid = 0
                      ORDER BY conname""", [table])
    constraints = cursor.fetchall()
    cursor.execute("""SELECT conrelid::regclass::text, conname FROM pg_constraint
                      WHERE confrelid = %s::regclass AND contype = 'f' AND conparentid = 0""", [table])
    referencing = cursor.fetchall()
    return {"indexes": indexes, "constraints": constraints, "referencing": referencing}


def _key_definition(definition: str, key: str, *, partitioned: bool) -> str:
    """``PRIMARY KEY (id)`` → ``PRIMARY KEY (id, start)`` (or back): keys of a partitioned table hold its key."""
    head, _, cols = definition.partition("(")
    columns = [c.strip() for c in cols.rsplit(")", 1)[0].split(",")]
    quoted = [c.strip('"') for c in columns]
    if partitioned and key not in quoted:
        columns.append(key)
    elif not partitioned and quoted[-1] == key and len(columns) > 1:
        columns.pop()
    return f"{head}({', '.join(columns)}){cols.rsplit(')', 1)[1]}"


def _convert(cursor: Any, table: str, key: str, *, partitioned: bool, months: Iterable[dt.date] = ()) -> None:
    """Rebuild ``table`` as a partitioned (or plain) table with the same columns, defaults, checks, rows, indexes
    and keys. Keys into it from other tables must be gone already (the migration drops them first)."""
    cat = _catalogue(cursor, table)
    if cat["referencing"]:
        raise RuntimeError(f"{table} is still referenced by {cat['referencing']}: drop those keys first")
    old = f"{table}__old"
    cursor.execute(f'ALTER TABLE "{table}" RENAME TO "{old}"')
    cursor.execute("SELECT attidentity FROM pg_attribute WHERE attrelid = %s::regclass AND attname = 'id'", [old])
    identity = (cursor.fetchone() or [""])[0]
    clause = f' PARTITION BY RANGE ("{key}")' if partitioned else ""
    cursor.execute(f'CREATE TABLE "{table}" (LIKE "{old}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS '
                   f"INCLUDING STORAGE INCLUDING COMMENTS INCLUDING GENERATED){clause}")
    if partitioned:
        cursor.execute(f'CREATE TABLE "{table}_default" PARTITION OF "{table}" DEFAULT')
        for month in sorted(set(months)):
            _create_partition(cursor, table, month)
    cursor.execute(f'INSERT INTO "{table}" SELECT * FROM "{old}"')
    cursor.execute(f'DROP TABLE "{old}" CASCADE')
    if identity:
        cursor.execute(f'ALTER TABLE "{table}" ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY')
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                       f'COALESCE((SELECT max(id) FROM "{table}"), 0) + 1, false)')
    for name, kind, definition in cat["constraints"]:
        if kind in "pu":
            definition = _key_definition(definition, key, partitioned=partitioned)
        elif _references_partitioned(cursor, definition):
            continue  # replaced by the composite key (add_composite_fk)
        cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
    for _, definition in cat["indexes"]:
        cursor.execute(definition.replace(" CONCURRENTLY", "").replace(" ON ONLY ", " ON "))


def _references_partitioned(cursor: Any, definition: str) -> bool:
    return any(f"REFERENCES {t}(" in definition or f'REFERENCES "{t}"(' in definition for t in PARTITIONED)


def drop_keys_into(cursor: Any, table: str) -> list[tuple[str, str]]:
    """Drop the foreign keys into ``table`` (they reference ``id`` alone); returns (table, name) of each."""
    cursor.execute("""SELECT conrelid::regclass::text, conname FROM pg_constraint
                      WHERE confrelid = %s::regclass AND contype = 'f' AND conparentid = 0""", [table])
    dropped = cursor.fetchall()
    for referencing, name in dropped:
        cursor.execute(f'ALTER TABLE {referencing} DROP CONSTRAINT "{name}"')
    return dropped


def add_composite_fk(cursor: Any) -> None:
    table, name, cols, target, target_cols = COMPOSITE_FK
    cursor.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" FOREIGN KEY ({", ".join(cols)}) '
                   f'REFERENCES "{target}" ({", ".join(target_cols)}) ON UPDATE CASCADE '
                   "DEFERRABLE INITIALLY DEFERRED")


def _data_months(cursor: Any) -> list[dt.date]:
    """The months that hold missions (not every month between the first and the last: each partition and its
    indexes is a lock in the migration's transaction, see max_locks_per_transaction in docs/SCALING.md)."""
    cursor.execute("SELECT DISTINCT date_trunc('month', start AT TIME ZONE 'UTC')::date FROM \"evidence_mission\"")
    return sorted(row[0] for row in cursor.fetchall())


def partition_mission_tables(connection: Any = None) -> None:
    """The migration forwards: both tables partitioned by month, a partition for every month with data and the
    window around today, keys recreated. No-op on anything but PostgreSQL, or when already partitioned."""
    forget_known_partitions()  # the partitions this process knew are gone (tables rebuilt): look again
    connection = connection or default_connection
    if not is_postgresql(connection):
        return
    with connection.cursor() as cursor:
        if is_partitioned(cursor, "evidence_mission"):
            return
        months = set(_data_months(cursor)) | set(window_months())
        drop_keys_into(cursor, "evidence_mission")
        for table in ("evidence_missionregion", "evidence_mission"):
            _convert(cursor, table, PARTITIONED[table], partitioned=True, months=months)
        add_composite_fk(cursor)
    _keep_tally_triggers(connection)
    forget_known_partitions()


def unpartition_mission_tables(connection: Any = None) -> None:
    """The migration backwards: plain tables again, keys on ``id`` / ``(mission_id, region_id)`` (the migration's
    reversed ``AlterField`` puts Django's own key from mission_id back)."""
    forget_known_partitions()  # the partitions this process knew are gone (tables rebuilt): look again
    connection = connection or default_connection
    if not is_postgresql(connection):
        return
    with connection.cursor() as cursor:
        if not is_partitioned(cursor, "evidence_mission"):
            return
        cursor.execute(f'ALTER TABLE "{COMPOSITE_FK[0]}" DROP CONSTRAINT IF EXISTS "{COMPOSITE_FK[1]}"')
        drop_keys_into(cursor, "evidence_mission")
        for table in ("evidence_missionregion", "evidence_mission"):
            _convert(cursor, table, PARTITIONED[table], partitioned=False)
    _keep_tally_triggers(connection)
    forget_known_partitions()


def _keep_tally_triggers(connection: Any) -> None:
    """The tables were rebuilt without their triggers: put the tallies' back (once they exist: migration 0012)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('evidence_tallystate')")
        exists = cursor.fetchone()[0] is not None
    if exists:
        tally.install(connection)


# --- partitions ahead and the split of DEFAULT ---------------------------------------------------------------------


def window_months(today: dt.date | None = None) -> list[dt.date]:
    today = today or dt.datetime.now(dt.UTC).date()
    first = month_floor(today)
    for _ in range(MONTHS_BEHIND):
        first = month_floor(first - dt.timedelta(days=1))
    last = month_floor(today)
    for _ in range(MONTHS_AHEAD):
        last = next_month(last)
    return months_between(first, last)


def _create_partition(cursor: Any, table: str, month: dt.date, name: str | None = None,
                      until: dt.date | None = None) -> None:
    """``table``'s partition for [month, until) (default: that month), named ``name`` (default: the month's)."""
    name, until = name or partition_name(table, month), until or next_month(month)
    cursor.execute(f'CREATE TABLE IF NOT EXISTS "{name}" PARTITION OF "{table}" '
                   f"FOR VALUES FROM ('{_bound(month)}') TO ('{_bound(until)}')")


def existing_partitions(cursor: Any, table: str) -> set[str]:
    cursor.execute("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                   "WHERE i.inhparent = %s::regclass", [table])
    return {row[0] for row in cursor.fetchall()}


def ensure_month_partitions(months: Iterable[dt.date], connection: Any = None) -> list[str]:
    """Create the monthly partitions of both tables for ``months`` that do not exist yet, moving any rows the
    DEFAULT partition holds for such a month into it (in one transaction per month). Returns the partitions made.
    Cheap when they all exist (a per-process set, then one catalogue query)."""
    connection = connection or default_connection
    if not is_postgresql(connection):
        return []
    wanted = sorted({month_floor(m) for m in months})
    alias = connection.alias
    todo = [m for m in wanted if any((alias, partition_name(t, m)) not in _known for t in PARTITIONED)]
    if not todo:
        return []
    made: list[str] = []
    with connection.cursor() as cursor:
        if not is_partitioned(cursor, "evidence_mission"):
            return []
        have = set().union(*(existing_partitions(cursor, t) for t in PARTITIONED))
        for month in todo:
            missing = [t for t in PARTITIONED if not _covered(have, t, month)]
            if missing:
                lo, hi, new = _span(month, missing, have)
                try:
                    with _locking_atomic(connection, cursor):
                        _repartition(cursor, lo, hi, new)
                except DatabaseError as exc:  # another process made it meanwhile, or a lock wait: DEFAULT holds
                    log.warning("partitions for %s not created now (%s); rows go to DEFAULT", month, exc)
                    continue
                made += list(new.values())
                have |= set(new.values())
            _remember(connection, [partition_name(t, month) for t in PARTITIONED])
    return made


def _remember(connection: Any, names: list[str]) -> None:
    """Note partitions as known once the transaction that made or saw them commits: DDL is transactional on
    PostgreSQL, so a partition made inside a transaction that rolls back (an import unit's, a test's) is gone again,
    and a process that still thought it there would send that month's rows to DEFAULT."""
    alias = connection.alias
    transaction.on_commit(lambda: _known.update((alias, n) for n in names), using=alias)


def _span(month: dt.date, tables: list[str], have: set[str]) -> tuple[dt.date, dt.date, dict[str, str]]:
    """The partitions to make for ``month``'s rows: the month's own, or its year's when the year is closed and none
    of its months has a partition yet (else the month's, merged with the others later by the compaction)."""
    months_of_year = any(n.startswith(f"{t}_p{month.year:04d}") for t in PARTITIONED for n in have)
    if settings.MISSION_PARTITIONS_COMPACT and closed_years([month.year]) and not months_of_year:
        year = dt.date(month.year, 1, 1)
        return year, dt.date(month.year + 1, 1, 1), {t: year_partition_name(t, month.year) for t in tables}
    return month, next_month(month), {t: partition_name(t, month) for t in tables}


@contextmanager
def _locking_atomic(connection: Any, cursor: Any) -> Iterator[None]:
    """A transaction (or savepoint) for partition DDL that gives up after 5 s of waiting for a lock."""
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=connection.alias):
        if outermost:  # (SET LOCAL would outlive a savepoint)
            cursor.execute("SET LOCAL lock_timeout = '5s'")
        yield


def _repartition(cursor: Any, lo: dt.date, hi: dt.date, new: dict[str, str],
                 old: dict[str, list[str]] | None = None) -> None:
    """Create the partitions ``new`` (table → name) for [lo, hi), moving into them the rows DEFAULT holds there
    and every row of the partitions ``old`` (table → names; detached and dropped). The rows are held in temporary
    tables meanwhile: region rows out first (nothing may point at a mission being moved), missions back first."""
    # Checked row by row while rows move: a deferred check of a mission deleted from DEFAULT would look for it in
    # DEFAULT only (the key's clone on that partition), after it was re-inserted into the new partition.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    # A move changes no count: the tallies' triggers would count the rows put back (the rows taken out of a detached
    # partition are never seen leaving), so they are off meanwhile — in this transaction only.
    tally.triggers_off(cursor)
    try:
        held = [(t, _hold_rows(cursor, t, (old or {}).get(t, []), lo, hi)) for t in reversed(list(PARTITIONED))
                if t in new]
        for table, name in new.items():
            _create_partition(cursor, table, lo, name, hi)
        for table, temp in reversed(held):  # missions first
            if temp:
                cursor.execute(f'INSERT INTO "{table}" SELECT * FROM "{temp}"')
                cursor.execute(f'DROP TABLE "{temp}"')
    finally:
        tally.triggers_on(cursor)
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's keys are all INITIALLY DEFERRED


def _hold_rows(cursor: Any, table: str, partitions: list[str], lo: dt.date, hi: dt.date) -> str | None:
    """Move ``table``'s rows of [lo, hi) — DEFAULT's, and all of ``partitions``', which are detached and dropped —
    into a temporary table and return its name; None when there are none."""
    key, a, b = PARTITIONED[table], _bound(lo), _bound(hi)
    cursor.execute(f'SELECT 1 FROM "{table}_default" WHERE "{key}" >= %s AND "{key}" < %s LIMIT 1', [a, b])
    if cursor.fetchone() is None and not partitions:
        return None
    temp = f"{table}_moving"
    cursor.execute(f'CREATE TEMPORARY TABLE "{temp}" (LIKE "{table}") ON COMMIT DROP')
    cursor.execute(f'WITH moved AS (DELETE FROM "{table}_default" WHERE "{key}" >= %s AND "{key}" < %s '
                   f'RETURNING *) INSERT INTO "{temp}" SELECT * FROM moved', [a, b])
    for name in partitions:
        cursor.execute(f'INSERT INTO "{temp}" SELECT * FROM "{name}"')
        cursor.execute(f'ALTER TABLE "{table}" DETACH PARTITION "{name}"')
        cursor.execute(f'DROP TABLE "{name}"')
    return temp


def default_partition_months(connection: Any = None) -> list[dt.date]:
    """The months of the missions that reached the DEFAULT partition (none after a split)."""
    connection = connection or default_connection
    if not is_postgresql(connection):
        return []
    with connection.cursor() as cursor:
        if not is_partitioned(cursor, "evidence_mission"):
            return []
        cursor.execute('SELECT DISTINCT date_trunc(\'month\', start AT TIME ZONE \'UTC\')::date '
                       'FROM "evidence_mission_default"')
        return sorted(row[0] for row in cursor.fetchall())


def maintain_partitions(today: dt.date | None = None, connection: Any = None) -> list[str]:
    """The window around today plus a partition for every month found in DEFAULT (the split), then the closed
    years' months merged into yearly partitions. Idempotent."""
    months = set(window_months(today)) | set(default_partition_months(connection))
    made = ensure_month_partitions(months, connection)
    if settings.MISSION_PARTITIONS_COMPACT:
        made += compact_closed_years(today, connection)
    return made


# --- closed years: one partition a year -----------------------------------------------------------------------------
#
# Monthly partitions prune a period question to its months, but every statement without a period (all time, "before
# February 2025") is planned over every partition of both tables: ~40 ms of planning alone at 144 months
# (docs/PERFORMANCE.md). A year no import writes to any more gains nothing from being twelve partitions: its months
# are merged into one ``<table>_yYYYY`` partition (a period inside it reads that partition's index ranges instead).
# Rows imported later for such a year go to the yearly partition like any other.

#: A year's months are merged once the year ended this many months ago.
COMPACT_AFTER_MONTHS = 1


def closed_years(years: Iterable[int], today: dt.date | None = None) -> list[int]:
    """Those of ``years`` that ended at least :data:`COMPACT_AFTER_MONTHS` months before ``today``."""
    today = today or dt.datetime.now(dt.UTC).date()
    newest_closed = today.year - 1 - (1 if today.month <= COMPACT_AFTER_MONTHS else 0)
    return sorted(y for y in set(years) if y <= newest_closed)


def _monthly_partitions(cursor: Any, table: str) -> dict[int, list[str]]:
    """year → names of ``table``'s monthly partitions in it."""
    by_year: dict[int, list[str]] = {}
    for name in sorted(existing_partitions(cursor, table)):
        suffix = name[len(table) + 2:]
        if name.startswith(f"{table}_p") and len(suffix) == 6 and suffix.isdigit():
            by_year.setdefault(int(suffix[:4]), []).append(name)
    return by_year


def compact_closed_years(today: dt.date | None = None, connection: Any = None) -> list[str]:
    """Merge the monthly partitions of every closed year into one yearly partition per table (one transaction per
    year; a year whose tables are busy beyond the lock timeout is left for the next run). Returns the partitions
    made."""
    connection = connection or default_connection
    if not is_postgresql(connection):
        return []
    made: list[str] = []
    with connection.cursor() as cursor:
        if not is_partitioned(cursor, "evidence_mission"):
            return []
        months = {t: _monthly_partitions(cursor, t) for t in PARTITIONED}
        for year in closed_years(set().union(*(set(m) for m in months.values())), today):
            new = {t: year_partition_name(t, year) for t in PARTITIONED}
            try:
                with _locking_atomic(connection, cursor):
                    _repartition(cursor, dt.date(year, 1, 1), dt.date(year + 1, 1, 1), new,
                                 {t: months[t].get(year, []) for t in PARTITIONED})
            except DatabaseError as exc:
                log.warning("the months of %s not merged now (%s)", year, exc)
                continue
            made += list(new.values())
    if made:  # the months this process knew are gone
        forget_known_partitions()
    return made
