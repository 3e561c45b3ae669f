"""Profile: where the PostgreSQL server's CPU goes while a day archive is imported, statement kind by statement kind.

    DATABASE_URL=postgres://…/fc_profile .venv/bin/python bench/profile_import_server.py --tar …/day.tar

Imports the tar in this process (the default keep filter, as the workers run it) and charges the CPU time of this
connection's server process (``/proc/<backend>/schedstat``: nanoseconds, read before and after each statement and
each commit; PostgreSQL on this machine only) to the statement's kind: its verb and table ("INSERT
evidence_missionregion", "UPDATE evidence_importunit", …) and ``COMMIT`` (deferred constraint checks run there).
A statement's triggers run inside it, so the tallies' statement triggers are charged to the inserts that fire them.
Prints, per kind, the statements, the server's CPU (s and µs per statement) and this process's wall time waiting.
Deletes what it wrote before and after (as bench/bench_day_archive.py does).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

_VERB = re.compile(r'^\s*(?:WITH .*?\)\s*)?(INSERT INTO|UPDATE|DELETE FROM|SELECT .*? FROM|SELECT)\s*"?(\w+)?', re.S)


def kind(sql: str) -> str:
    m = _VERB.match(sql)
    if not m:
        return sql.split(None, 1)[0].upper() if sql.strip() else "?"
    verb = m.group(1).split()[0]
    return f"{verb} {m.group(2) or ''}".strip()


class ServerClock:
    """CPU nanoseconds of this connection's backend, charged per statement kind."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)
        self._pid: int | None = None

    def _now(self) -> int:
        from django.db import connection

        if self._pid is None or connection.connection is None:
            return 0
        try:
            return int(Path(f"/proc/{self._pid}/schedstat").read_text().split()[0])
        except OSError:
            return 0

    def attach(self) -> None:
        from django.db import connection

        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self._pid = cursor.fetchone()[0]

    def charge(self, name: str, call) -> object:
        c, t = self._now(), time.perf_counter()
        try:
            return call()
        finally:
            self.cpu[name] += (self._now() - c) / 1e9
            self.wall[name] += time.perf_counter() - t
            self.count[name] += 1

    def wrapper(self, execute, sql, params, many, context):
        return self.charge(kind(sql), lambda: execute(sql, params, many, context))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tar", type=Path, required=True)
    parser.add_argument("--aircraft", type=int, default=10_000, help="the tar's aircraft (to delete them after)")
    parser.add_argument("--without", choices=["pairs", "tallies"], default=None,
                        help="an experiment: the import with the pair tally's part of the triggers (or all the "
                             "tallies' triggers) removed; the triggers are put back and the tallies rebuilt after")
    args = parser.parse_args()
    from bench_day_archive import clean, setup_django

    setup_django()
    from evidence import tally

    if args.without == "pairs":
        pairs, tally._pg_pairs = tally._pg_pairs, lambda op, near_nm: []
        tally.install()
        tally._pg_pairs = pairs
    elif args.without == "tallies":
        tally.uninstall()
    from day_archive_synth import addresses
    from django.db import connection
    from django.db.backends.base import base

    from evidence.services.flight_import import import_flight_files

    hexes, _ = addresses(args.aircraft, 0.03, 7)
    clean(hexes)
    clock = ServerClock()
    clock.attach()
    commit = base.BaseDatabaseWrapper._commit
    base.BaseDatabaseWrapper._commit = lambda self: clock.charge("COMMIT", lambda: commit(self))
    t0, c0 = time.perf_counter(), clock._now()
    with connection.execute_wrapper(clock.wrapper):
        run = import_flight_files([str(args.tar)], origin="bench", keep_all=False)
    seconds, server = time.perf_counter() - t0, (clock._now() - c0) / 1e9
    base.BaseDatabaseWrapper._commit = commit
    n = run.positions_read
    print(f"{run.status}: {n:,} positions, {run.aircraft_kept:,} kept, {run.missions_created:,} missions, "
          f"{seconds:.1f} s wall; server CPU {server:.2f} s = {1e6 * server / n:.2f} µs per position")
    print(f"{'statement kind':<40} {'count':>7} {'server CPU s':>13} {'µs each':>9} {'wall s':>8}")
    with connection.cursor() as cursor:  # (before the clean-up: the tallies' rows with counts, the pairs counted)
        cursor.execute("SELECT COUNT(*) FILTER (WHERE near_near > 0), SUM(near_near) FROM evidence_pairtally")
        rows, pairs = cursor.fetchone()
        cursor.execute("SELECT COUNT(*) FROM evidence_missionregion")
        region_rows = cursor.fetchone()[0]
    print(f"{region_rows:,} region rows; the pair tally: {rows:,} rows with counts, {pairs or 0:,} pairs counted "
          f"({(pairs or 0) / max(run.missions_created, 1):,.0f} a mission)")
    for name in sorted(clock.cpu, key=clock.cpu.get, reverse=True):
        k = clock.count[name]
        print(f"{name:<40} {k:>7,} {clock.cpu[name]:>13.3f} {1e6 * clock.cpu[name] / k:>9.0f} "
              f"{clock.wall[name]:>8.2f}")
    clean(hexes)
    if args.without:
        tally.rebuild()


if __name__ == "__main__":
    main()
