"""Benchmark: what the tallies' triggers (evidence/tally.py) cost the importer's writes, in the same run.

    DATABASE_URL=postgres://…/fc_tallybench .venv/bin/python bench/bench_tally_writes.py
    DATABASE_URL=sqlite:////tmp/tallybench.sqlite3 .venv/bin/python bench/bench_tally_writes.py

Writes ``--units`` import units the way the importer does (the unit's missions in one ``bulk_create``, then their
region rows through ``flight_import.replace_region_links``: one ``INSERT … unnest`` statement on PostgreSQL), each
in its own transaction, ``--missions`` missions a unit with ``--regions`` region rows each (25 is the world
gazetteer's mean within 250 nm). Units alternate between the triggers installed and removed, so load on the machine
falls on both alike; then the tallies are rebuilt and checked against the tables. Prints wall and CPU (this process
and, on a local PostgreSQL, the server process) per unit and per row for both, and the triggers' share.

Never point it at a database whose data you care about: it adds synthetic rows (aircraft ``e?????``) and rebuilds
the tallies.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from bench.bench_bot import server_cpu_ms  # noqa: E402
from evidence import tally  # noqa: E402
from evidence.models import Aircraft, Mission, Region  # noqa: E402
from evidence.services.flight_import import replace_region_links  # noqa: E402


def reference(n_regions: int) -> tuple[list[int], list[str]]:
    regions = [Region.objects.get_or_create(slug=f"tallybench-{i}", defaults={
        "name": f"Tally bench {i}", "kind": "area", "geometry_wkb": b"", "min_lon": 0, "min_lat": 0, "max_lon": 1,
        "max_lat": 1})[0].pk for i in range(n_regions)]
    fleet = [f"e{i:05x}" for i in range(300)]
    Aircraft.objects.bulk_create([Aircraft(hex=h, provenance={}) for h in fleet], ignore_conflicts=True)
    return regions, fleet


def unit(rng: random.Random, regions: list[int], fleet: list[str], missions: int, per: int) -> int:
    """One unit's writes in one transaction; returns the region rows written."""
    day = dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=rng.randrange(700))
    with transaction.atomic():
        made = Mission.objects.bulk_create([
            Mission(aircraft_id=rng.choice(fleet), start=(start := day + dt.timedelta(seconds=rng.randrange(86_000))),
                    end=start + dt.timedelta(hours=2), track=b"", min_lat=0, min_lon=0, max_lat=1, max_lon=1)
            for _ in range(missions)])
        tagged = [(m, [(key, rng.random() < 0.3, rng.choice([0.0, rng.uniform(1, 250)]))
                       for key in rng.sample(regions, per)]) for m in made]
        return replace_region_links(tagged, new={m.pk for m in made})  # as the importer does: new, no rows to delete


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=40, help="units per mode (default 40)")
    parser.add_argument("--missions", type=int, default=200, help="missions a unit (default 200)")
    parser.add_argument("--regions", type=int, default=25, help="region rows a mission (default 25)")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    regions, fleet = reference(max(args.regions, 30))
    rng = random.Random(3)
    wall: dict[bool, list[float]] = {True: [], False: []}
    cpu: dict[bool, list[float]] = {True: [], False: []}
    rows = 0
    load_before = os.getloadavg()[0]
    try:
        for k in range(2 * args.units):
            on = k % 2 == 0
            (tally.install if on else tally.uninstall)(connection)
            s0, c0, t0 = server_cpu_ms() or 0.0, time.process_time(), time.perf_counter()
            rows += unit(rng, regions, fleet, args.missions, args.regions)
            wall[on].append((time.perf_counter() - t0) * 1000)
            cpu[on].append((time.process_time() - c0) * 1000 + (server_cpu_ms() or 0.0) - s0)
    finally:
        tally.mark_unready(connection)
        tally.rebuild(connection)
    found = tally.differences(connection)
    per_rows = args.missions * (1 + args.regions)
    print(f"{connection.vendor}: {args.units} units a mode, {args.missions} missions + "
          f"{args.missions * args.regions} region rows a unit; load average before {load_before:.2f}, after "
          f"{os.getloadavg()[0]:.2f}; {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n")
    print(f"{'':22s} {'wall p50 ms':>12s} {'CPU p50 ms':>11s} {'CPU µs a row':>13s}")
    for on in (False, True):
        label = "triggers on" if on else "triggers off"
        print(f"{label:22s} {statistics.median(wall[on]):12.1f} {statistics.median(cpu[on]):11.1f} "
              f"{statistics.median(cpu[on]) * 1000 / per_rows:13.2f}")
    extra = statistics.median(cpu[True]) / statistics.median(cpu[False]) - 1
    print(f"\nthe triggers' share of a unit's write CPU (bench + server): {extra:+.0%}; after the rebuild the "
          f"tallies {'match the tables' if not found else 'DIFFER: ' + found[0]}")


if __name__ == "__main__":
    main()
