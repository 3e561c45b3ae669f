"""Fill a PostgreSQL database with N synthetic missions for bench/bench_bot.py, fast, and measure its size.

    .venv/bin/python bench/bench_partitions.py --database fc_h11part_10m --missions 10000000
    .venv/bin/python bench/bench_partitions.py --database fc_h11part_10m --sizes-only
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fc_h11part_10m .venv/bin/python bench/bench_bot.py --no-fill

Creates the database if needed and migrates it (the mission tables partitioned by month unless ``--plain``, which
converts them back to plain tables for the comparison), makes the month partitions of the synthetic range
(2015-01 … 2026-11), then generates the missions and their 1–3 region rows with the same distribution as
``bench_bot.fill`` (types by weight, starts uniform, 40 % over else 1–250 nm): numpy draws the values, ``COPY``
streams them into unlogged staging tables, one ``INSERT … SELECT`` per table writes them with the secondary indexes
and the composite key dropped, which are then rebuilt (and the key validated) in one pass each. Prints rows/s, the
CPU time of this process, and per table: rows, partitions, total/heap/index bytes and bytes per row
(``pg_total_relation_size`` over the partitions), the figures docs/SCALING.md extrapolates from.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def _setup(database: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone():
            conn.execute(f'CREATE DATABASE "{database}"')
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))


def _copy(cursor, table: str, lines: list[str]) -> None:
    with cursor.copy(f"COPY {table} FROM STDIN") as copy:
        copy.write("".join(lines))


def generate(target: int, *, chunk: int = 500_000, seed: int = 11) -> None:
    import bench_bot as bb
    from django.db import connection

    from evidence import partitioning
    from evidence.models import Aircraft, Mission, Region

    have = Mission.objects.count()
    if have >= target:
        print(f"database already holds {have:,} missions")
        return
    bb.ensure_reference()
    bb.fill(have + 1)  # the synthetic fleet and one mission made the ORM way
    partitioning.ensure_month_partitions(partitioning.months_between(dt.date(2015, 1, 1), bb.NOW.date()))
    fleet = {d: np.array(sorted(h for h, t in Aircraft.objects.filter(hex__startswith="f")
                                .values_list("hex", "aircraft_type_id") if t == d)) for d, *_ in bb.TYPES}
    regions = np.array([Region.objects.get(slug=s).pk for s in bb.REGIONS])
    weights = np.array([t[5] for t in bb.TYPES], dtype=float)
    designators = np.array([t[0] for t in bb.TYPES])
    start0 = int(dt.datetime(2015, 1, 1, tzinfo=dt.UTC).timestamp())
    span = int(bb.NOW.timestamp()) - start0
    rng = np.random.default_rng(seed + have)
    t0, c0 = time.perf_counter(), time.process_time()
    with connection.cursor() as c:
        c.execute("SELECT to_regclass('bench_m') IS NOT NULL AND to_regclass('bench_l') IS NOT NULL")
        if c.fetchone()[0]:
            c.execute("SELECT count(*) FROM bench_m")
            if c.fetchone()[0] + have >= target:  # an earlier run staged every row, then was interrupted
                print("writing the rows staged by an earlier run")
                _write_staged(c)
                return
        c.execute("DROP TABLE IF EXISTS bench_m, bench_l")
        c.execute("CREATE UNLOGGED TABLE bench_m (id bigint, hex text, t text, cs text, s timestamptz, "
                  "e timestamptz)")
        c.execute("CREATE UNLOGGED TABLE bench_l (mission_id bigint, region_id bigint, over boolean, d float8, "
                  "s timestamptz, t text)")
        next_id = (Mission.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        left = target - Mission.objects.count()
        while left > 0:
            n = min(chunk, left)
            ids = np.arange(next_id, next_id + n)
            kind = rng.choice(len(designators), size=n, p=weights / weights.sum())
            hexes = np.empty(n, dtype=object)
            for k, d in enumerate(designators):
                pick = kind == k
                hexes[pick] = rng.choice(fleet[d], size=int(pick.sum()))
            starts = start0 + rng.integers(0, span, size=n)
            ends = starts + rng.integers(3600, 43200, size=n)
            s_txt = np.datetime_as_string(starts.astype("datetime64[s]"), unit="s")
            e_txt = np.datetime_as_string(ends.astype("datetime64[s]"), unit="s")
            cs = rng.integers(0, 1000, size=n)
            types = designators[kind]
            _copy(c, "bench_m", [f"{i}\t{h}\t{t}\tSYN{x:03d}\t{s}+00\t{e}+00\n" for i, h, t, x, s, e in
                                 zip(ids.tolist(), hexes.tolist(), types.tolist(), cs.tolist(), s_txt.tolist(),
                                     e_txt.tolist(), strict=True)])
            extra = rng.integers(0, 3, size=n)
            r1 = rng.integers(0, len(regions), size=n)
            pick = [np.ones(n, bool), extra >= 1, extra >= 2]
            rows = []
            for mask, shift in zip(pick, (0, 1, 3), strict=True):
                m = np.nonzero(mask)[0]
                over = rng.random(m.size) < 0.4
                dist = np.where(over, 0.0, np.round(rng.uniform(1, 250, m.size), 1))
                reg = regions[(r1[m] + shift) % len(regions)]
                rows += [f"{i}\t{r}\t{'t' if o else 'f'}\t{d}\t{s}+00\t{t}\n" for i, r, o, d, s, t in
                         zip(ids[m].tolist(), reg.tolist(), over.tolist(), dist.tolist(), s_txt[m].tolist(),
                             types[m].tolist(), strict=True)]
            _copy(c, "bench_l", rows)
            next_id += n
            left -= n
            print(f"  staged {next_id - 1:,} missions ({time.perf_counter() - t0:.0f} s)", flush=True)
        staged = time.perf_counter()
        _write_staged(c)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"generated {target - have:,} missions in {wall:.0f} s ({(target - have) / wall:,.0f}/s; staging "
          f"{staged - t0:.0f} s), this process's CPU {cpu:.0f} s")


def _write_staged(c) -> None:
    """In one transaction: a failure leaves the tables, their indexes and keys as they were."""
    from django.db import transaction

    with transaction.atomic():
        _write_staged_rows(c)


def _write_staged_rows(c) -> None:
    from evidence import partitioning, tally

    t = time.perf_counter()
    # a bulk load: the tallies' triggers off (this transaction only), the tallies rebuilt once afterwards (main)
    tally.mark_unready()
    tally.triggers_off(c)
    saved = {}
    for table in partitioning.PARTITIONED:
        cat = partitioning._catalogue(c, table)
        saved[table] = cat["indexes"]
        for name, _ in cat["indexes"]:
            c.execute(f'DROP INDEX "{name}"')
    keys = []  # every foreign key of both tables: checked row by row (deferred) they cost more than the insert
    for table in partitioning.PARTITIONED:
        for name, kind, definition in partitioning._catalogue(c, table)["constraints"]:
            if kind == "f":
                keys.append((table, name, definition))
                c.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    c.execute("""INSERT INTO evidence_mission (id, aircraft_id, aircraft_type_id, callsign, callsigns, start, "end",
                     point_count, track, min_lat, min_lon, max_lat, max_lon, has_orbit, orbits, source_files,
                     source_shares)
                 SELECT id, hex, t, cs, '[]', s, e, 500, '\\x', 25.0, -118.0, 33.0, -110.0, false, '[]', '[]', '{}'
                 FROM bench_m""")
    c.execute("""INSERT INTO evidence_missionregion (mission_id, region_id, over, distance_nm, mission_start,
                     aircraft_type_id, aircraft_id)
                 SELECT l.mission_id, l.region_id, l.over, l.d, l.s, l.t, m.hex
                 FROM bench_l l JOIN bench_m m ON m.id = l.mission_id""")  # the airframe, denormalised
    print(f"  rows written: {time.perf_counter() - t:.0f} s", flush=True)
    for indexes in saved.values():
        for name, definition in indexes:
            t = time.perf_counter()
            c.execute(definition.replace(" ON ONLY ", " ON "))
            print(f"  index {name}: {time.perf_counter() - t:.0f} s", flush=True)
    for table, name, definition in keys:
        t = time.perf_counter()
        c.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        print(f"  key {name} validated: {time.perf_counter() - t:.0f} s", flush=True)
    if partitioning.is_partitioned(c, "evidence_mission") and all(k[1] != partitioning.COMPOSITE_FK[1] for k in keys):
        partitioning.add_composite_fk(c)  # (dropped by an interrupted run)
    c.execute("SELECT setval(pg_get_serial_sequence('evidence_mission', 'id'), (SELECT max(id) FROM "
              "evidence_mission))")
    c.execute("SELECT setval(pg_get_serial_sequence('evidence_missionregion', 'id'), (SELECT max(id) FROM "
              "evidence_missionregion))")
    c.execute("DROP TABLE bench_m, bench_l")


def sizes() -> None:
    """Rows, partitions and bytes per table (the partitions summed), from PostgreSQL's own size functions."""
    from django.db import connection

    from evidence import partitioning

    print(f"\n{'table':24s} {'rows':>12s} {'parts':>5s} {'total MB':>9s} {'heap MB':>8s} {'index MB':>9s} "
          f"{'B/row':>6s} {'heap B/row':>10s} {'index B/row':>11s}")
    with connection.cursor() as c:
        for table in partitioning.PARTITIONED:
            c.execute("""SELECT count(*), coalesce(sum(pg_total_relation_size(r)), 0),
                                coalesce(sum(pg_table_size(r)), 0), coalesce(sum(pg_indexes_size(r)), 0)
                         FROM (SELECT inhrelid AS r FROM pg_inherits WHERE inhparent = %s::regclass
                               UNION ALL SELECT %s::regclass WHERE NOT EXISTS
                               (SELECT 1 FROM pg_inherits WHERE inhparent = %s::regclass)) p""",
                      [table, table, table])
            parts, total, heap, index = c.fetchone()
            c.execute(f'SELECT count(*) FROM "{table}"')
            rows = c.fetchone()[0]
            n = max(rows, 1)
            print(f"{table:24s} {rows:12,d} {parts:5d} {total / 2**20:9.0f} {heap / 2**20:8.0f} "
                  f"{index / 2**20:9.0f} {total / n:6.0f} {heap / n:10.0f} {index / n:11.0f}")
        c.execute("""SELECT i.relname, sum(pg_relation_size(p.indexrelid)) FROM pg_index x
                     JOIN pg_class i ON i.oid = x.indexrelid
                     JOIN pg_inherits h ON h.inhparent = x.indexrelid
                     JOIN pg_index p ON p.indexrelid = h.inhrelid
                     WHERE x.indrelid IN ('evidence_mission'::regclass, 'evidence_missionregion'::regclass)
                     GROUP BY i.relname ORDER BY 2 DESC""")
        for name, size in c.fetchall():
            print(f"  index {name:52s} {size / 2**20:8.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="fc_h11part_10m", help="PostgreSQL database (created if missing)")
    parser.add_argument("--missions", type=int, default=10_000_000)
    parser.add_argument("--plain", action="store_true", help="Plain (unpartitioned) tables, for the comparison")
    parser.add_argument("--sizes-only", action="store_true")
    args = parser.parse_args()
    _setup(args.database)
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from evidence import partitioning, tally

    print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, load average {os.getloadavg()[0]:.2f}, "
          f"database {args.database}")
    if not args.sizes_only:
        call_command("migrate", verbosity=0)
        if args.plain:
            partitioning.unpartition_mission_tables(connection)
        generate(args.missions)
        t = time.perf_counter()
        counts = tally.rebuild()
        print(f"tallies rebuilt: {counts['evidence_missiontally']:,} mission rows, "
              f"{counts['evidence_regiontally']:,} region rows in {time.perf_counter() - t:.0f} s", flush=True)
        with connection.cursor() as c:
            t = time.perf_counter()
            c.execute("VACUUM ANALYZE evidence_mission")
            c.execute("VACUUM ANALYZE evidence_missionregion")
            print(f"VACUUM ANALYZE: {time.perf_counter() - t:.0f} s")
    sizes()
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
