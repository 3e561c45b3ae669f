"""Pre-aggregated mission counts, kept exact by the database itself.

``evidence_missiontally`` counts missions per (UTC month, airframe, type); ``evidence_daytally`` per (UTC day,
type); ``evidence_regiontally`` region rows per (region, month, airframe, type) — those within
``TallyState.near_nm`` ("near", over included) and those over; ``evidence_pairtally`` missions per (pair of
regions, month, airframe, type) near both, over either, over both. Counts over many months ("how many missions near
Texas?", "before February 2025", "which aircraft flew near Arizona?", "top 3 states in 2024", "in international
airspace off Texas", "the busiest day for P-8s in 2025") read these few rows instead of millions of missions
(docs/PERFORMANCE.md); :mod:`evidence.tally_reads` decides when they can answer.

**Exactness.** A second copy of the truth is only as good as its writers, so there is one writer: triggers on the
two mission tables, installed by migration ``0012``. Every insert, update and delete — imports, merges, re-tagging,
the admin's corrections, cascades, raw SQL — changes the tallies in the same transaction as the rows, so a reader
sees both or neither; the daily beat task ``check_mission_tallies`` compares them with the tables and stops their use
on any difference (:func:`verify`). On PostgreSQL they are statement triggers with transition tables (one grouped
upsert per statement, keys in order so that concurrent import workers lock tally rows in the same order); on SQLite
row triggers. Partition maintenance moves rows between partitions with the triggers off (``flightcheck.tally_off``, a
transaction-local setting), since a move changes no count. ``manage.py tally --check`` compares every tally row
with the tables; ``--rebuild`` recomputes them (after a bulk load with the triggers off, or a new ``NEAR_NM``).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
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


def day_rows(source: str, vendor: str, near_nm: float = 0.0) -> str:
    """SELECT of the day tally's keys and counts from ``source`` (missions); ``near_nm`` unused."""
    day = "(start AT TIME ZONE 'UTC')::date" if vendor == "postgresql" else "substr(start, 1, 10)"
    return (f"SELECT {day} AS day, COALESCE(aircraft_type_id, '') AS designator, COUNT(*) AS missions "
            f"FROM {source} GROUP BY 1, 2")


def region_rows(source: str, vendor: str, near_nm: float) -> str:
    """SELECT of the region tally's keys and counts from ``source`` (region rows): within ``near_nm`` (over
    included) and over; rows that are neither (they exist up to the distance cap) count 0."""
    near = _flag(f"distance_nm <= {float(near_nm)!r}", vendor)
    return (f"SELECT region_id, {_month('mission_start', vendor)} AS month, aircraft_id, "
            f"COALESCE(aircraft_type_id, '') AS designator, SUM({near}) AS near, "
            f'SUM({_flag(chr(34) + "over" + chr(34), vendor)}) AS "over" FROM {source} GROUP BY 1, 2, 3, 4')


_PAIR_KEYS = ("region_a_id", "region_b_id", "month", "aircraft_id", "designator")
_PAIR_COUNTS = ("near_near", "over_near", "near_over", "over_over")
#: The region-row columns a pair is computed from.
_PAIR_COLUMNS = ("region_id", "mission_id", "mission_start", "aircraft_id", "aircraft_type_id", "distance_nm",
                 '"over"')


def pair_rows(x: str, y: str, vendor: str, near_nm: float, *, within: bool) -> str:
    """One row per pair of region rows of the same mission, one from ``x`` and one from ``y``, in different regions,
    both within ``near_nm``; ``within`` (x and y the same rows): each pair once. Keyed by the row of the smaller
    region id ("a"), so that a row-by-row update of a mission's rows moves each pair exactly once."""
    def a(column: str) -> str:
        return f"(CASE WHEN x.region_id < y.region_id THEN x.{column} ELSE y.{column} END)"

    def b(column: str) -> str:
        return f"(CASE WHEN x.region_id < y.region_id THEN y.{column} ELSE x.{column} END)"

    near = float(near_nm)
    return (f"SELECT {a('region_id')} AS region_a_id, {b('region_id')} AS region_b_id, "
            f"{_month(a('mission_start'), vendor)} AS month, {a('aircraft_id')} AS aircraft_id, "
            f"COALESCE({a('aircraft_type_id')}, '') AS designator, 1 AS near_near, "
            f'{_flag(a(chr(34) + "over" + chr(34)), vendor)} AS over_near, '
            f'{_flag(b(chr(34) + "over" + chr(34)), vendor)} AS near_over, '
            f'{_flag(a(chr(34) + "over" + chr(34)) + " AND " + b(chr(34) + "over" + chr(34)), vendor)} AS over_over '
            f"FROM {x} x JOIN {y} y ON y.mission_id = x.mission_id AND "
            f"x.region_id {'<' if within else '<>'} y.region_id "
            f"WHERE x.distance_nm <= {near!r} AND y.distance_nm <= {near!r}")


def pairs_total(parts: list[str]) -> str:
    """The pair rows of ``parts`` added up per pair tally key."""
    keys = ", ".join(_PAIR_KEYS)
    sums = ", ".join(f"SUM({c}) AS {c}" for c in _PAIR_COUNTS)
    return f"SELECT {keys}, {sums} FROM ({' UNION ALL '.join(parts)}) p GROUP BY {keys}"


#: tally → (key columns, count columns)
_SPECS = {
    "evidence_missiontally": (("month", "aircraft_id", "designator"), ("missions",)),
    "evidence_daytally": (("day", "designator"), ("missions",)),
    "evidence_regiontally": (("region_id", "month", "aircraft_id", "designator"), ("near", '"over"')),
    "evidence_pairtally": (_PAIR_KEYS, _PAIR_COUNTS),
}
#: table → the tallies counted from each of its rows alone, with the builder of their rows (the pair tally, which
#: needs a row's mission's other rows, is added to the region rows' triggers apart).
_PER_ROW = {
    "evidence_mission": (("evidence_missiontally", mission_rows), ("evidence_daytally", day_rows)),
    "evidence_missionregion": (("evidence_regiontally", region_rows),),
}
#: table → the columns whose change moves a count (an update of anything else fires no SQLite trigger)
_MOVING = {
    "evidence_mission": ("start", "aircraft_id", "aircraft_type_id"),
    "evidence_missionregion": ("region_id", "mission_id", "mission_start", "aircraft_id", "aircraft_type_id",
                               "distance_nm", '"over"'),
}


def _changes(table: str, old: Callable[[Callable], str], new: Callable[[Callable], str]) -> dict[str, list[str]]:
    """The per-row tallies' statements for each operation on ``table``: ``old``/``new`` turn a rows builder into the
    rows of the deleted/inserted rows (a transition table, or the trigger's one row)."""
    out: dict[str, list[str]] = {"DELETE": [], "INSERT": [], "UPDATE": []}
    for tally, rows in _PER_ROW[table]:
        out["DELETE"].append(_subtract(tally, old(rows)))
        out["INSERT"].append(_add(tally, new(rows)))
        out["UPDATE"] += [_subtract(tally, old(rows)), _add(tally, new(rows))]
    return out


def _add(tally: str, rows: str) -> str:
    """Add ``rows``' counts to ``tally`` (an upsert, keys in order: concurrent writers lock rows in one order)."""
    keys, counts = _SPECS[tally]
    cols = ", ".join(keys + counts)
    nonzero = " OR ".join(f"d.{c} <> 0" for c in counts)
    sets = ", ".join(f"{c} = {tally}.{c} + excluded.{c}" for c in counts)
    return (f"INSERT INTO {tally} ({cols}) SELECT {cols} FROM ({rows}) d WHERE {nonzero} "
            f"ORDER BY {', '.join(keys)} ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}")


def _subtract(tally: str, rows: str) -> str:
    """Take ``rows``' counts off the tally rows that hold them (never creates a row: a tally already emptied —
    SQLite's flush deletes table by table — is not driven below zero)."""
    keys, counts = _SPECS[tally]
    sets = ", ".join(f"{c} = {tally}.{c} - d.{c}" for c in counts)  # (no alias: SQLite allows none in a trigger)
    match = " AND ".join(f"{tally}.{k} = d.{k}" for k in keys)
    return f"UPDATE {tally} SET {sets} FROM ({rows}) d WHERE {match}"


def _pg_pairs(op: str, near_nm: float) -> list[str]:
    """The pair tally's part of the region rows' statement trigger: pairs among the old rows and between them and the
    mission's rows the statement left alone come off; among the new rows and between them and those, on."""
    def pairs(rows: str) -> str:
        return pairs_total([pair_rows(rows, rows, "postgresql", near_nm, within=True),
                            pair_rows(rows, "untouched", "postgresql", near_nm, within=False)])

    # each touched mission once (a mission with k rows in the statement joined k times counted its pairs with the
    # rows the statement left alone k times: found 2026-12-05, fixed by migration 0013)
    touched = " UNION ".join(f"SELECT DISTINCT mission_id, mission_start FROM {t}_rows"
                             for t in (("new",) if op == "INSERT" else ("old",) if op == "DELETE" else ("new", "old")))
    # an anti-join, not "NOT IN (SELECT id FROM new_rows)": PostgreSQL hashes a NOT IN subquery only while it fits
    # in work_mem, and past that (some 150,000 rows in one statement at the default 4 MB) probes the whole list once
    # per row — a 400,000-row insert ran for over 13 minutes instead of about one (docs/PERFORMANCE.md)
    keep = "" if op == "DELETE" else " WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = r.id)"
    untouched = (f"WITH untouched AS MATERIALIZED (SELECT r.* FROM evidence_missionregion r JOIN ({touched}) m "
                 f"ON r.mission_id = m.mission_id AND r.mission_start = m.mission_start{keep}) ")
    out = []
    if op != "INSERT":
        out.append(untouched + _subtract("evidence_pairtally", pairs("old_rows")))
    if op != "DELETE":
        out.append(untouched + _add("evidence_pairtally", pairs("new_rows")))
    return out


def _pg_function(table: str, near_nm: float) -> str:
    body = _changes(table, lambda rows: rows("old_rows", "postgresql", near_nm),
                    lambda rows: rows("new_rows", "postgresql", near_nm))
    if table == "evidence_missionregion":
        for op in body:
            body[op] += _pg_pairs(op, near_nm)
    branches = " ".join(f"{'IF' if i == 0 else 'ELSIF'} TG_OP = '{op}' THEN {' '.join(s + ';' for s in sql)}"
                        for i, (op, sql) in enumerate(body.items()))
    return f"""
        CREATE OR REPLACE FUNCTION {table}_tally() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF current_setting('{OFF_SETTING}', true) = 'on' THEN RETURN NULL; END IF;
            {branches} END IF;
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
    moving = _MOVING[table]

    def one(alias: str, columns: tuple[str, ...] = moving) -> str:  # the trigger's row as a one-row table
        return f"(SELECT {', '.join(f'{alias}.{c} AS {c}' for c in columns)})"

    def pairs(alias: str) -> str:  # the row with each other row of its mission (row triggers: one at a time)
        others = f"(SELECT * FROM evidence_missionregion WHERE mission_id = {alias}.mission_id AND id <> {alias}.id)"
        return pairs_total([pair_rows(one(alias, _PAIR_COLUMNS), others, "sqlite", near_nm, within=False)])

    body = _changes(table, lambda rows: rows(one("OLD"), "sqlite", near_nm),
                    lambda rows: rows(one("NEW"), "sqlite", near_nm))
    if table == "evidence_missionregion":
        body["INSERT"].append(_add("evidence_pairtally", pairs("NEW")))
        body["DELETE"].append(_subtract("evidence_pairtally", pairs("OLD")))
        body["UPDATE"] += [_subtract("evidence_pairtally", pairs("OLD")), _add("evidence_pairtally", pairs("NEW"))]
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in moving)
    sql = []
    for op, statements in body.items():
        when = f"WHEN {changed}" if op == "UPDATE" else ""
        sql.append(f"DROP TRIGGER IF EXISTS {table}_tally_{op.lower()}")
        sql.append(f"CREATE TRIGGER {table}_tally_{op.lower()} AFTER {op} ON {table} {when} "
                   f"BEGIN {' '.join(s + ';' for s in statements)} END")
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
        for table in _PER_ROW:
            for sql in build(table, near):
                cursor.execute(sql)


def uninstall(connection: Any = None) -> None:
    connection = connection or default_connection
    pg = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        for table in _PER_ROW:
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
    """Recompute the tallies from the tables in one transaction, with writers to the mission tables held off
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
            for tally, rows in _truth(vendor, near).items():
                cursor.execute(f"DELETE FROM {tally}")
                cursor.execute(_add(tally, rows))
                cursor.execute(f"SELECT COUNT(*) FROM {tally}")
                counts[tally] = cursor.fetchone()[0]
        _set_state(connection, near, ready=True)
    from evidence.selectors import clear_reference_cache

    clear_reference_cache()  # (the state this process read)
    return counts


def _truth(vendor: str, near_nm: float) -> dict[str, str]:
    """Each tally's rows computed from the mission tables."""
    truth = {tally: rows(table, vendor, near_nm) for table, tallies in _PER_ROW.items() for tally, rows in tallies}
    truth["evidence_pairtally"] = pairs_total([pair_rows("evidence_missionregion", "evidence_missionregion", vendor,
                                                         near_nm, within=True)])
    return truth


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
        for tally, rows in _truth(vendor, near).items():
            keys, counts = _SPECS[tally]
            truth = _keyed(cursor, rows, len(keys))
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
