"""Pre-aggregated mission counts, kept exact by the database itself.

``evidence_missiontally`` counts missions per (UTC month, airframe, type) and ``evidence_regiontally`` region rows
per (region, month, airframe, type) — those within ``TallyState.near_nm`` ("near", over included) and those over.
Counts over many months ("how many missions near Texas?", "before February 2025", "which aircraft flew near
Arizona?", "top 3 states in 2024") read these few rows per airframe and month instead of millions of missions
(docs/PERFORMANCE.md); :mod:`evidence.tally_reads` decides when they can answer.

**Exactness.** A second copy of the truth is only as good as its writers, so there is one writer: triggers on the
two mission tables, installed by migration ``0012``. Every insert, update and delete — imports, merges, re-tagging,
the admin's corrections, cascades, raw SQL — changes the tallies in the same transaction as the rows, so a reader
sees both or neither. On PostgreSQL they are statement triggers with transition tables (one grouped upsert per
statement, keys in order so that concurrent import workers lock tally rows in the same order); on SQLite row
triggers. Partition maintenance moves rows between partitions with the triggers off (``flightcheck.tally_off``, a
transaction-local setting), since a move changes no count. ``manage.py tally --check`` compares every tally row
with the tables; ``--rebuild`` recomputes them (after a bulk load with the triggers off, or a new ``NEAR_NM``).
"""
from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import connection as default_connection
from django.db import transaction
from django.utils import timezone

log = logging.getLogger(__name__)

#: The transaction-local PostgreSQL setting that turns the triggers off (partition moves, bulk loads).
OFF_SETTING = "flightcheck.tally_off"
STATE_ID = 1


def _month(column: str, vendor: str) -> str:
    if vendor == "postgresql":
        return f"date_trunc('month', {column} AT TIME ZONE 'UTC')::date"
    return f"substr({column}, 1, 7) || '-01'"  # Django keeps UTC datetimes as ISO text on SQLite


def _flag(expr: str, vendor: str) -> str:
    return f"COALESCE(({expr})::int, 0)" if vendor == "postgresql" else f"COALESCE(({expr}), 0)"


def mission_rows(source: str, vendor: str, near_nm: float = 0.0) -> str:
    """SELECT of the mission tally's keys and counts from ``source`` (missions: a table, a transition table or one
    trigger row). ``near_nm`` is unused (the signature matches :func:`region_rows`)."""
    return (f"SELECT {_month('start', vendor)} AS month, aircraft_id, COALESCE(aircraft_type_id, '') AS designator, "
            f"COUNT(*) AS missions FROM {source} GROUP BY 1, 2, 3")


def region_rows(source: str, vendor: str, near_nm: float) -> str:
    """SELECT of the region tally's keys and counts from ``source`` (region rows): within ``near_nm`` (over
    included) and over; rows that are neither (they exist up to the distance cap) count 0."""
    near = _flag(f"distance_nm <= {float(near_nm)!r}", vendor)
    return (f"SELECT region_id, {_month('mission_start', vendor)} AS month, aircraft_id, "
            f"COALESCE(aircraft_type_id, '') AS designator, SUM({near}) AS near, "
            f'SUM({_flag(chr(34) + "over" + chr(34), vendor)}) AS "over" FROM {source} GROUP BY 1, 2, 3, 4')


_TALLIES = {  # table → (tally, key columns, count columns, rows builder, columns whose change moves a count)
    "evidence_mission": ("evidence_missiontally", ("month", "aircraft_id", "designator"), ("missions",),
                         mission_rows, ("start", "aircraft_id", "aircraft_type_id")),
    "evidence_missionregion": ("evidence_regiontally", ("region_id", "month", "aircraft_id", "designator"),
                               ("near", '"over"'), region_rows,
                               ("region_id", "mission_start", "aircraft_id", "aircraft_type_id", "distance_nm",
                                '"over"')),
}


def _add(table: str, rows: str) -> str:
    """Add ``rows``' counts to the tally (an upsert, keys in order: concurrent writers lock rows in one order)."""
    tally, keys, counts, _, _ = _TALLIES[table]
    cols = ", ".join(keys + counts)
    nonzero = " OR ".join(f"d.{c} <> 0" for c in counts)
    sets = ", ".join(f"{c} = {tally}.{c} + excluded.{c}" for c in counts)
    return (f"INSERT INTO {tally} ({cols}) SELECT {cols} FROM ({rows}) d WHERE {nonzero} "
            f"ORDER BY {', '.join(keys)} ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}")


def _subtract(table: str, rows: str) -> str:
    """Take ``rows``' counts off the tally rows that hold them (never creates a row: a tally already emptied —
    SQLite's flush deletes table by table — is not driven below zero)."""
    tally, keys, counts, _, _ = _TALLIES[table]
    sets = ", ".join(f"{c} = {tally}.{c} - d.{c}" for c in counts)  # (no alias: SQLite allows none in a trigger)
    match = " AND ".join(f"{tally}.{k} = d.{k}" for k in keys)
    return f"UPDATE {tally} SET {sets} FROM ({rows}) d WHERE {match}"


def _pg_function(table: str, near_nm: float) -> str:
    rows = _TALLIES[table][3]
    new, old = rows("new_rows", "postgresql", near_nm), rows("old_rows", "postgresql", near_nm)
    return f"""
        CREATE OR REPLACE FUNCTION {table}_tally() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF current_setting('{OFF_SETTING}', true) = 'on' THEN RETURN NULL; END IF;
            IF TG_OP IN ('DELETE', 'UPDATE') THEN {_subtract(table, old)}; END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN {_add(table, new)}; END IF;
            RETURN NULL;
        END $fn$"""


def _pg_triggers(table: str, near_nm: float) -> list[str]:
    sql = [_pg_function(table, near_nm)]
    for op, refs in (("insert", "NEW TABLE AS new_rows"), ("delete", "OLD TABLE AS old_rows"),
                     ("update", "OLD TABLE AS old_rows NEW TABLE AS new_rows")):
        sql.append(f'DROP TRIGGER IF EXISTS {table}_tally_{op} ON "{table}"')
        sql.append(f'CREATE TRIGGER {table}_tally_{op} AFTER {op.upper()} ON "{table}" REFERENCING {refs} '
                   f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_tally()")
    return sql


def _sqlite_triggers(table: str, near_nm: float) -> list[str]:
    rows, moving = _TALLIES[table][3], _TALLIES[table][4]

    def one(alias: str) -> str:  # the trigger's row as a one-row table
        return rows(f"(SELECT {', '.join(f'{alias}.{c} AS {c}' for c in moving)})", "sqlite", near_nm)

    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in moving)
    sql = []
    for op, when, body in (("insert", "", [_add(table, one("NEW"))]),
                           ("delete", "", [_subtract(table, one("OLD"))]),
                           ("update", f"WHEN {changed}", [_subtract(table, one("OLD")), _add(table, one("NEW"))])):
        sql.append(f"DROP TRIGGER IF EXISTS {table}_tally_{op}")
        sql.append(f"CREATE TRIGGER {table}_tally_{op} AFTER {op.upper()} ON {table} {when} "
                   f"BEGIN {' '.join(s + ';' for s in body)} END")
    return sql


def install(connection: Any = None, *, near_nm: float | None = None) -> None:
    """Create (or replace) the triggers on both mission tables, counting "near" as ``near_nm`` (default: the one
    the tallies were built with, else ``settings.NEAR_NM``). Idempotent; run by the migration, by :func:`rebuild`
    and after a table is rebuilt (evidence.partitioning converts tables with ``CREATE TABLE … (LIKE …)``, which
    leaves the triggers behind)."""
    connection = connection or default_connection
    near = float(near_nm if near_nm is not None else (stored_near_nm(connection) or settings.NEAR_NM))
    build = _pg_triggers if connection.vendor == "postgresql" else _sqlite_triggers
    with connection.cursor() as cursor:
        for table in _TALLIES:
            for sql in build(table, near):
                cursor.execute(sql)


def uninstall(connection: Any = None) -> None:
    connection = connection or default_connection
    pg = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        for table in _TALLIES:
            for op in ("insert", "delete", "update"):
                cursor.execute(f'DROP TRIGGER IF EXISTS {table}_tally_{op}' + (f' ON "{table}"' if pg else ""))
            if pg:
                cursor.execute(f"DROP FUNCTION IF EXISTS {table}_tally()")


def stored_near_nm(connection: Any = None) -> float | None:
    connection = connection or default_connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT near_nm FROM evidence_tallystate WHERE id = %s", [STATE_ID])
        row = cursor.fetchone()
    return None if row is None else float(row[0])


def triggers_off(cursor: Any) -> None:
    """Turn the triggers off until :func:`triggers_on` or the end of the transaction (PostgreSQL only)."""
    cursor.execute(f"SELECT set_config('{OFF_SETTING}', 'on', true)")


def triggers_on(cursor: Any) -> None:
    cursor.execute(f"SELECT set_config('{OFF_SETTING}', 'off', true)")


def rebuild(connection: Any = None, *, near_nm: float | None = None) -> dict[str, int]:
    """Recompute both tallies from the tables in one transaction, with writers to the mission tables held off
    (PostgreSQL: a SHARE lock), counting "near" as ``near_nm`` (default ``settings.NEAR_NM``), and install the
    triggers with that distance; the tallies are readable afterwards. Returns how many rows each tally holds."""
    connection = connection or default_connection
    near = float(settings.NEAR_NM if near_nm is None else near_nm)
    vendor = connection.vendor
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute("LOCK TABLE evidence_mission, evidence_missionregion IN SHARE MODE")
            _set_state(connection, near, ready=False)
        install(connection, near_nm=near)
        with connection.cursor() as cursor:
            counts = {}
            for table, (tally, _, _, rows, _) in _TALLIES.items():
                cursor.execute(f"DELETE FROM {tally}")
                cursor.execute(_add(table, rows(table, vendor, near)))
                cursor.execute(f"SELECT COUNT(*) FROM {tally}")
                counts[tally] = cursor.fetchone()[0]
        _set_state(connection, near, ready=True)
    from evidence.selectors import clear_reference_cache

    clear_reference_cache()  # (the state this process read)
    return counts


def _set_state(connection: Any, near_nm: float, *, ready: bool) -> None:
    from evidence.models import TallyState

    TallyState.objects.using(connection.alias).update_or_create(
        pk=STATE_ID, defaults={"near_nm": near_nm, "ready": ready, "rebuilt_at": timezone.now() if ready else None})


def mark_unready(connection: Any = None) -> None:
    """Say the tallies may not be read (before a bulk load with the triggers off); :func:`rebuild` undoes it."""
    connection = connection or default_connection
    with connection.cursor() as cursor:
        cursor.execute("UPDATE evidence_tallystate SET ready = %s WHERE id = %s", [False, STATE_ID])


def verify(connection: Any = None) -> list[str]:
    """The daily self-check: :func:`differences`, and when there are any, the tallies are marked not ready (every
    count is read from the missions again, the same numbers) and the first differences logged as an error, until
    someone runs ``manage.py tally --rebuild``. Returns the differences."""
    found = differences(connection)
    if found:
        mark_unready(connection)
        from evidence.selectors import clear_reference_cache

        clear_reference_cache()
        log.error("the mission tallies disagree with the tables; counts read the missions until "
                  "`manage.py tally --rebuild`: %s", "; ".join(found[:5]))
    return found


def differences(connection: Any = None, *, limit: int = 20) -> list[str]:
    """Where the tallies disagree with the tables, in words (empty when exact): each key whose stored counts are not
    the counts of the rows, up to ``limit``. On PostgreSQL both are read in one snapshot when not already inside a
    transaction."""
    connection = connection or default_connection
    vendor = connection.vendor
    near = stored_near_nm(connection) or float(settings.NEAR_NM)
    found: list[str] = []
    snapshot = vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if snapshot:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for table, (tally, keys, counts, rows, _) in _TALLIES.items():
            truth = _keyed(cursor, rows(table, vendor, near), len(keys))
            stored = _keyed(cursor, f"SELECT {', '.join(keys + counts)} FROM {tally}", len(keys))
            for key in sorted(set(truth) | set(stored), key=str):
                want, have = truth.get(key, (0,) * len(counts)), stored.get(key, (0,) * len(counts))
                if want != have and len(found) < limit:
                    found.append(f"{tally} {key}: tally {have}, tables {want}")
    return found


def _keyed(cursor: Any, sql: str, n_keys: int) -> dict[tuple, tuple]:
    cursor.execute(sql)
    out = {}
    for row in cursor.fetchall():
        counts = tuple(int(v) for v in row[n_keys:])
        if any(counts):
            out[tuple(str(v) for v in row[:n_keys])] = counts
    return out
