"""Benchmark the bot's answering core against a synthetic database of N missions.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/bench_bot.py --missions 1000000
    DATABASE_URL=postgres://… .venv/bin/python bench/bench_bot.py --missions 1000000

It migrates the configured database, fills it (bulk_create in batches) up to N synthetic missions with their region
links — only if it holds fewer, so re-runs reuse the data — then times :func:`bot.services.ask` (parse + query +
format, what an editor waits for) over a fixed mix of questions, and re-executes the exact SQL each answer ran
(captured with ``connection.execute_wrapper``) to report the bare database time and the ratio. ``--explain`` prints
SQLite's/PostgreSQL's plan for the main query shapes. ``--sql-fill`` generates the missions inside the database
(SQLite or PostgreSQL; ~1,000 missions/s on a loaded machine instead of ~300). Then every shape of :data:`SHAPES`
is timed (wall, this process's CPU, and on a local PostgreSQL the server process's CPU) and the slowest printed.
Before timing, the process is prepared as the web server's master prepares its workers (``--no-prepare``: not).

Never point it at a database whose data you care about: it adds rows (all synthetic aircraft have hex ``f?????``).
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

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from evidence.models import Aircraft, AircraftType, Mission, MissionRegion, Organisation, Region  # noqa: E402

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)

QUESTIONS = [
    "how many U-2 missions near Texas in February?",
    "how many P-8 missions over California in January 2025?",
    "how many surveillance flights between 25 Jan and 5 Feb?",
    "how many spy planes around Baja last month?",
    "list RC-135 missions close to Sinaloa in 2024",
    "how many Navy flights in the 10 days before 5 February?",
    "when was the last U-2 flight near Texas?",
    "surveillance flights per day between 27 Jan and 5 Feb 2025",
    "which aircraft flew along the border last week?",
    "how many surveillance flights in international airspace in March 2025?",
    "compare January and February 2025",
    "claims without evidence",
]

#: Every question shape of the dialog table, beyond the fixed mix: name → turns asked in one thread (only the last
#: is timed, so a follow-up is timed with its conversation context). The report prints p50/p99 per shape and the
#: slowest shape.
SHAPES: dict[str, list[str]] = {
    "count, type+place+month": ["how many U-2 missions near Texas in February?"],
    "count, place only": ["how many missions near Texas?"],
    "count, open period": ["how many missions before February 2025?"],
    "count, two places (AND)": ["how many missions in international airspace off Texas?"],
    "count, other than a type": ["how many flights other than P-8s in February 2025?"],
    "count, by identity": ["how many flights by f00001 in 2025?"],
    "list": ["list RC-135 missions close to Sinaloa in 2024"],
    "when (last)": ["when was the last U-2 flight near Texas?"],
    "which aircraft, place": ["which aircraft flew near Arizona?"],
    "which aircraft, place+month": ["which aircraft flew near Arizona in February 2025?"],
    "breakdown per month, year": ["how many missions per month in 2024?"],
    "breakdown per day, window": ["surveillance flights per day between 27 Jan and 5 Feb 2025"],
    "breakdown per type, place": ["what types of aircraft flew near Texas in 2025?"],
    "breakdown per operator": ["missions per operator in February 2025"],
    "ranking, busiest day": ["busiest day for P-8 flights in 2025?"],
    "ranking, most common type": ["most common type near Arizona in January 2025?"],
    "ranking, top 3 places": ["top 3 states for surveillance flights in 2024"],
    "compare two periods": ["compare January and February 2025"],
    "compare two types": ["more P-8 or U-2 missions in February 2025?"],
    "compare two places": ["were there more missions near Arizona or near California in 2025?"],
    "follow-up: which ones": ["how many missions near Texas in February 2025?", "which ones?"],
    "follow-up: of those": ["how many missions near Texas in February 2025?", "how many of those were P-8s?"],
    "follow-up: what about X": ["how many spy flights over California in 2025?", "what about Arizona?"],
    "follow-up: compared with": ["how many U-2 missions in 2025?", "compared with 2024?"],
    "share, place+month": ["what percentage of the flights near Texas in February 2025 were P-8s?"],
    "average per month, year": ["what was the average number of flights per month in 2024?"],
    "count, aircraft that flew": ["how many P-8s flew near Texas in 2025?"],
    "closest approach": ["how close did the U-2 get to Texas?"],
    "coverage, place+month": ["was there coverage near Texas in February 2025?"],
    "count, threshold said back": ["did the Navy fly more than 5 P-8 missions near Texas in February 2025?"],
    # the dialog table's other shapes (tests/bot_core/test_dialog.py), phrased over the synthetic places and fleet
    "breakdown per week, window": ["how many surveillance flights per week between 25 Jan and 5 Feb?"],
    "breakdown per year, all time": ["surveillance flights per year"],
    "breakdown per region, window": ["spy flights by region between 25 Jan and 5 Feb"],
    "breakdown per month, type+place": ["in which months did U-2s fly near Texas?"],
    "breakdown per day, type+place": ["on what dates did RC-135s fly near Sinaloa in October 2025?"],
    "ranking, operators, all time": ["rank the operators"],
    "ranking, quietest month": ["which month was quietest in 2025?"],
    "ranking, fewest day of a year": ["which day had the fewest missions in 2025?"],
    "which aircraft, type+month": ["which P-8s flew in February 2025?"],
    "peak day, place+month": ["what was the peak daily number of flights near Texas in February 2025?"],
    "peak month, type+year": ["which was the peak month for P-8 flights in 2025?"],
    "follow-up: gone up since": ["how many P-8 missions near Texas in February 2025?",
                                 "has that gone up since January 2025?"],
    "compare with a monthly average": ["P-8 missions in January 2025 against the monthly average for 2024"],
    "compare two operators, place": ["Navy or Air Force: who flew more near Arizona?"],
    "compare two years": ["surveillance flights in 2024 vs 2025"],
    "compare, how many more": ["how many more P-8 flights in February than in January 2025?"],
    "compare, two months said as or": ["how many missions in January or February 2025?"],
    "follow-up: drop the date": ["how many P-8 flights near Texas in February 2025?", "drop the date"],
    "follow-up: aircraft that flew them": ["how many missions near Texas in 2024?", "how many aircraft flew them?"],
    "follow-up: what callsigns": ["how many P-8 flights near Texas in February 2025?", "what callsigns?"],
    "follow-up: rank them by day": ["how many RC-135 flights near Sinaloa in October 2025?", "and over all time?",
                                    "rank them by day"],
    "follow-up: per type, least common": ["how many flights near Texas in February 2025?", "broken down by type",
                                          "which was least common?"],
    "count, by registration": ["how many flights did SYN0001 make?"],
    "count, by callsign+month": ["how many flights did callsign SYN123 make in October 2025?"],
    "list, by callsign": ["list flights by callsign SYN123"],
    "hex of a type on a day": ["hex code for the KC-135 on 3 February 2025?"],
    "callsign of a type on a day": ["what was the callsign of the U-2 on 3 February 2025?"],
    "closest approach, type+place+month": ["how close did the P-8s get to Sinaloa in February 2025?"],
    "follow-up: how close": ["how many U-2 missions near Texas in February 2025?", "how close did it get?"],
    "coverage, world place+year": ["could the receivers hear anything near Venezuela in 2025?"],
    "which aircraft, distinct count": ["how many distinct aircraft flew near Texas in 2025?"],
    "which aircraft, registrations": ["registrations of U-2s near Texas"],
    "which aircraft, orbited": ["which aircraft orbited near Sinaloa?"],
    "count, two places (OR)": ["how many missions near Texas or Arizona?"],
    "count, within a distance": ["how many flights within 100 nm of Texas?"],
    "count, sea": ["how many flights over the Gulf of Mexico?"],
    "count, subdivision": ["how many RC-135 flights near Murmansk Oblast in October 2025?"],
    "count, near a base (distance)": ["how many RC-135 flights within 80 nm of Mildenhall in October 2025?"],
    "count, other country's operator": ["how many British flights near Texas?"],
    "count, non-US operators": ["how many non-US flights near Texas?"],
    "count, country's operators": ["how many American flights near Texas in 2025?"],
    "count, with orbits": ["how many missions with orbits?"],
        "count, days without flights": ["how many days had no flights in February 2025?"],
    "average per week, type+place+month": ["on average how many P-8 flights a week near Texas in February 2025?"],
    "share, operator of a type": ["what share of 2025's RC-135 flights were Navy?"],
    "when (first in a year)": ["first surveillance flight in 2025"],
    "when (earliest of all)": ["when was the earliest mission in the records?"],
    "when (last 3)": ["list the last 3 P-8 missions"],
    "when (how long ago), type+place": ["how long ago did the last RC-135 fly near Sinaloa?"],
}

REGIONS = ["texas", "california", "arizona", "baja-peninsula", "sinaloa", "us-mexico-border", "international-airspace"]
TYPES = [  # designator, name, role, surveillance, aliases, weight
    ("P8", "Boeing P-8 Poseidon", "maritime_patrol", True, ["P-8", "P-8A", "Poseidon"], 30),
    ("U2", "Lockheed U-2", "high_altitude_recon", True, ["U-2", "U-2S", "Dragon Lady"], 3),
    ("R135", "Boeing RC-135", "sigint", True, ["RC-135", "Rivet Joint"], 5),
    ("E3TF", "Boeing E-3 Sentry", "aew", True, ["E-3", "AWACS"], 5),
    ("Q4", "RQ-4 Global Hawk", "drone_recon", True, ["RQ-4", "Global Hawk"], 5),
    ("P3", "Lockheed P-3 Orion", "maritime_patrol", True, ["P-3", "Orion"], 4),
    ("C17", "Boeing C-17", "transport", False, ["C-17"], 20),
    ("K35R", "Boeing KC-135", "tanker", False, ["KC-135"], 15),
    ("B738", "Boeing 737-800", "airliner", False, ["737-800"], 13),
]


def partition_by_month() -> None:
    """PostgreSQL: the production layout — a partition per month of the open years and one per closed year of the
    synthetic range, the rows moved out of DEFAULT (the importer does this for every month it writes; a fill
    inside the database does not), a database filled with monthly partitions before compacted like the daily beat
    task does. Without it a year's question scans the DEFAULT partition's millions of rows."""
    from evidence import partitioning

    if connection.vendor != "postgresql":
        return
    started = time.perf_counter()
    made = partitioning.ensure_month_partitions(partitioning.months_between(dt.date(2015, 1, 1), NOW.date()))
    made += partitioning.compact_closed_years(NOW.date())
    if made:
        print(f"partitions: {len(made)} made, rows moved in {time.perf_counter() - started:.0f} s")


def ensure_reference() -> None:
    for i, slug in enumerate(REGIONS):
        Region.objects.get_or_create(
            slug=slug,
            defaults={"name": slug.replace("-", " ").title(), "kind": "area", "geometry_wkb": b"",
                      "min_lon": -120.0 + i, "min_lat": 20.0, "max_lon": -110.0 + i, "max_lat": 35.0,
                      "aliases": {"baja-peninsula": ["Baja"], "us-mexico-border": ["the border"],
                                  "texas": ["TX"]}.get(slug, [])},
        )
    for designator, name, role, surv, aliases, _ in TYPES:
        AircraftType.objects.get_or_create(
            designator=designator,
            defaults={"name": name, "role": role, "is_surveillance": surv, "aliases": aliases},
        )
    Organisation.objects.get_or_create(slug="us-navy", defaults={"name": "United States Navy", "kind": "military",
                                                                 "aliases": ["Navy", "USN"]})
    Organisation.objects.get_or_create(slug="us-air-force", defaults={"name": "United States Air Force",
                                                                      "kind": "military", "aliases": ["USAF"]})


def fill(target: int, *, batch: int = 20_000, seed: int = 5) -> None:
    """Add synthetic missions (2015-01-01 … 2026-11-24, ~1-3 region links each) until there are ``target``."""
    have = Mission.objects.count()
    if have >= target:
        print(f"database already holds {have:,} missions")
        return
    rng = random.Random(seed + have)
    ensure_reference()
    regions = {r.slug: r for r in Region.objects.filter(slug__in=REGIONS)}
    navy = Organisation.objects.get(slug="us-navy")
    usaf = Organisation.objects.get(slug="us-air-force")
    if not Aircraft.objects.filter(hex__startswith="f").exists():
        fleet = []
        for i in range(600):
            designator = TYPES[i % len(TYPES)][0]
            fleet.append(Aircraft(hex=f"f{i:05x}", registration=f"SYN{i:04d}", aircraft_type_id=designator,
                                  operator=navy if designator in {"P8", "P3"} else usaf,
                                  military=designator != "B738"))
        Aircraft.objects.bulk_create(fleet)
    fleet_by_type: dict[str, list[str]] = {}
    for hex_, designator in Aircraft.objects.filter(hex__startswith="f").values_list("hex", "aircraft_type_id"):
        fleet_by_type.setdefault(designator, []).append(hex_)
    designators = [t[0] for t in TYPES]
    weights = [t[5] for t in TYPES]
    start0 = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    span_s = int((NOW - start0).total_seconds())
    t0 = time.perf_counter()
    made = have
    while made < target:
        n = min(batch, target - made)
        missions = []
        for _ in range(n):
            designator = rng.choices(designators, weights)[0]
            start = start0 + dt.timedelta(seconds=rng.randrange(span_s))
            missions.append(Mission(
                aircraft_id=rng.choice(fleet_by_type[designator]), aircraft_type_id=designator,
                callsign=f"SYN{rng.randrange(1000):03d}", start=start,
                end=start + dt.timedelta(minutes=rng.randrange(60, 720)), track=b"",
                min_lat=25.0, min_lon=-118.0, max_lat=33.0, max_lon=-110.0, point_count=500,
            ))
        with transaction.atomic():
            Mission.objects.bulk_create(missions, batch_size=5_000)
            if missions[0].pk is None:  # backends that do not return ids
                missions = list(Mission.objects.order_by("-id")[:n])
            links = []
            for m in missions:
                for slug in rng.sample(REGIONS, rng.randint(1, 3)):
                    over = rng.random() < 0.4
                    links.append(MissionRegion(mission_id=m.pk, region=regions[slug], over=over,
                                               distance_nm=0.0 if over else round(rng.uniform(1, 250), 1),
                                               mission_start=m.start, aircraft_type_id=m.aircraft_type_id,
                                               aircraft_id=m.aircraft_id))
            MissionRegion.objects.bulk_create(links, batch_size=10_000)
        made += n
        rate = (made - have) / (time.perf_counter() - t0)
        print(f"  {made:,} missions ({rate:,.0f}/s)", flush=True)


def fill_sql(target: int, *, chunk: int = 200_000) -> None:
    """The same synthetic distribution as :func:`fill` (types by weight, starts uniform over 2015-01-01 … 2026-11-24,
    1-3 region links, 40 % over, else 1-250 nm), generated inside the database by one ``INSERT … SELECT`` per table
    over a sequence (SQLite: a recursive CTE; PostgreSQL: ``generate_series``): a million missions in a minute or
    two instead of an hour of ``bulk_create`` on a loaded machine."""
    have = Mission.objects.count()
    if have >= target:
        print(f"database already holds {have:,} missions")
        return
    fill(min(target, have + 1))  # the reference rows and the synthetic fleet
    t0, first = time.perf_counter(), Mission.objects.count()
    while (n := min(chunk, target - Mission.objects.count())) > 0:
        _fill_sql_chunk(n)
        made = Mission.objects.count()
        where = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
        print(f"  {made:,} missions ({(made - first) / (time.perf_counter() - t0):,.0f}/s, inside {where})",
              flush=True)
    if connection.vendor == "postgresql":
        from evidence import tally

        started = time.perf_counter()
        tally.rebuild()
        print(f"tallies rebuilt from the tables in {time.perf_counter() - started:.0f} s")


def _fill_sql_chunk(n: int) -> None:
    """``n`` more synthetic missions and their region rows, in one transaction."""
    pg = connection.vendor == "postgresql"
    types = [t[0] for t in TYPES]
    bounds, acc = [], 0
    for t in TYPES:
        acc += t[5]
        bounds.append(acc)
    kind = ("CASE " + " ".join(f"WHEN w < {b} THEN {k}" for k, b in enumerate(bounds[:-1]))
            + f" ELSE {len(TYPES) - 1} END")
    designator = "CASE k " + " ".join(f"WHEN {k} THEN '{d}'" for k, d in enumerate(types)) + " END"
    start0 = int(dt.datetime(2015, 1, 1, tzinfo=dt.UTC).timestamp())
    span_s = int(NOW.timestamp()) - start0
    region_ids = [Region.objects.get(slug=slug).pk for slug in REGIONS]
    region_case = "CASE r " + " ".join(f"WHEN {i} THEN {pk}" for i, pk in enumerate(region_ids)) + " END"
    before = Mission.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def rnd(m: int) -> str:  # a uniform integer in [0, m)
        return f"floor(random() * {m})::bigint" if pg else f"abs(random()) % {m}"

    if pg:
        seq = f"seq AS (SELECT i FROM generate_series(1, {n}) AS i)"
        when = f"to_timestamp({start0} + s)", f"to_timestamp({start0} + s + 3600 + d)"
        text = ("'SYN' || lpad(cs::text, 3, '0')", f"'f' || lpad(to_hex(k + {len(TYPES)} * j), 5, '0')")
        empty, json_list, json_obj, over = "'\\x'::bytea", "'[]'::jsonb", "'{}'::jsonb", f"{rnd(10)} < 4"
    else:
        seq = f"RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < {n})"
        when = f"datetime({start0} + s, 'unixepoch')", f"datetime({start0} + s + 3600 + d, 'unixepoch')"
        text = "printf('SYN%03d', cs)", f"printf('f%05x', k + {len(TYPES)} * j)"
        empty, json_list, json_obj, over = "X''", "'[]'", "'{}'", f"{rnd(10)} < 4"
    with transaction.atomic(), connection.cursor() as c:
        if pg:
            # The tallies' statement triggers off, the tallies rebuilt once at the end (fill_sql): on a 2-core machine
            # shared with other sessions the triggers made a 1 M fill take 40 min to hours (the importer's cost of
            # them is measured by bench/bench_tally_writes.py, not here). SQLite's per-row triggers stay on.
            from evidence import tally

            tally.triggers_off(c)
        c.execute(f"""
            WITH {seq},
            base AS MATERIALIZED (SELECT {rnd(span_s)} AS s, {rnd(100)} AS w, {rnd(66)} AS j, {rnd(39600)} AS d,
                                         {rnd(1000)} AS cs FROM seq),
            typed AS MATERIALIZED (SELECT *, {kind} AS k FROM base)
            INSERT INTO evidence_mission (callsign, callsigns, start, "end", point_count, track, min_lat, min_lon,
                                          max_lat, max_lon, has_orbit, orbits, source_files, source_shares,
                                          aircraft_id, aircraft_type_id)
            SELECT {text[0]}, {json_list}, {when[0]}, {when[1]}, 500, {empty}, 25.0, -118.0, 33.0, -110.0, false,
                   {json_list}, {json_list}, {json_obj}, {text[1]}, {designator}
            FROM typed""")
        c.execute(f"""
            WITH m AS MATERIALIZED (SELECT id, start, aircraft_type_id, aircraft_id,
                                           {rnd(len(REGIONS))} AS r1, {rnd(3)} AS extra
                                    FROM evidence_mission WHERE id > {before}),
            picks AS (SELECT id, start, aircraft_type_id, aircraft_id, r1 AS r FROM m
                      UNION ALL SELECT id, start, aircraft_type_id, aircraft_id, (r1 + 1) % {len(REGIONS)} FROM m
                                WHERE extra >= 1
                      UNION ALL SELECT id, start, aircraft_type_id, aircraft_id, (r1 + 3) % {len(REGIONS)} FROM m
                                WHERE extra >= 2),
            rolled AS MATERIALIZED (SELECT *, {over} AS o, {rnd(24900)} AS dd FROM picks)
            INSERT INTO evidence_missionregion (over, distance_nm, mission_start, mission_id, region_id,
                                                aircraft_type_id, aircraft_id)
            SELECT o, CASE WHEN o THEN 0.0 ELSE round(1 + dd / 100.0, 1) END, start, id, {region_case},
                   aircraft_type_id, aircraft_id FROM rolled""")


def mark_orbits() -> None:
    """Give every third synthetic surveillance mission (by id) an orbit — the mission's flag and its region rows' —
    unless a synthetic mission has one already: the fills write none, and "which aircraft orbited near Sinaloa?" then
    timed an empty range. ~17 % of the missions, ~25,000 of Sinaloa's rows at 1 M. The tallies count no orbits, so
    their triggers are off for it on PostgreSQL (SQLite's fire only when a counted column changes)."""
    from evidence import tally

    if Mission.objects.filter(has_orbit__in=[True], aircraft__hex__startswith="f").exists():
        return
    started = time.perf_counter()
    surveillance = ", ".join(f"'{t[0]}'" for t in TYPES if t[3])
    picked = f"aircraft_type_id IN ({surveillance}) AND id %% 3 = 0 AND aircraft_id LIKE %s"
    with transaction.atomic(), connection.cursor() as c:
        if connection.vendor == "postgresql":
            tally.triggers_off(c)
        c.execute(f"UPDATE evidence_mission SET has_orbit = true WHERE {picked}", ["f%"])
        missions = c.rowcount
        c.execute(f"UPDATE evidence_missionregion SET has_orbit = true WHERE mission_id IN "
                  f"(SELECT id FROM evidence_mission WHERE {picked})", ["f%"])
        print(f"orbits: {missions:,} missions and {c.rowcount:,} region rows marked in "
              f"{time.perf_counter() - started:.0f} s")


def analyze() -> None:
    """Planner statistics for every index, also one a migration just added to a filled database (SQLite has none
    until ANALYZE runs, and then may start the display query from the wrong index)."""
    t0 = time.perf_counter()
    if connection.vendor == "sqlite":
        with connection.cursor() as c:
            c.execute("ANALYZE")
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # a large WAL left by the fill makes every read slower
    elif connection.vendor == "postgresql":
        # VACUUM as well (autovacuum would, later): without a visibility map PostgreSQL cannot answer from the
        # covering region index alone and reads the table pages instead (a migration's backfill clears it).
        with connection.cursor() as c:
            c.execute("VACUUM ANALYZE evidence_mission")
            c.execute("VACUUM ANALYZE evidence_missionregion")
            for table in ("evidence_missiontally", "evidence_daytally", "evidence_regiontally", "evidence_pairtally"):
                c.execute(f"VACUUM ANALYZE {table}")  # the sums read from covering indexes need it as much
            c.execute("ANALYZE")  # the small tables too (aircraft, types, organisations), as autovacuum would
    print(f"ANALYZE: {time.perf_counter() - t0:.1f} s")


def editor() -> User:
    user, _ = User.objects.get_or_create(username="bench-editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return User.objects.get(pk=user.pk)  # fresh permission cache


class Capture:
    """Records (sql, params) of every SELECT a block runs, to replay them bare."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple]] = []

    def __call__(self, execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("SELECT") and "django_session" not in sql:
            self.calls.append((sql, tuple(params or ())))
        return execute(sql, params, many, context)


def server_cpu() -> float:
    """PostgreSQL: CPU seconds used so far by this connection's server process (same machine, /proc), else 0."""
    return (server_cpu_ms() or 0.0) / 1000


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(q / 100 * (len(values) - 1))))
    return values[k]


def run(repeat: int, explain: bool, *, shapes_only: bool = False, prepare: bool = True) -> None:
    from bot.services import ask, prepare_process

    if prepare:  # as the web server's master does before it forks its workers (gunicorn.conf.py)
        prepare_process()
    user = editor()
    if shapes_only:
        shapes(user, repeat)
        return
    with override_settings(BOT_RATE_LIMIT="1000000/min"):
        for q in QUESTIONS:  # warm-up: vocabulary, regexes, connection
            ask(text=q, user=user, platform="cli", now=NOW)
        load_before = os.getloadavg()
        cpu0, wall0, db0 = time.process_time(), time.perf_counter(), server_cpu()
        per_q: dict[str, list[float]] = {q: [] for q in QUESTIONS}
        cpu_q: list[float] = []
        sql_per_q: dict[str, list[float]] = {q: [] for q in QUESTIONS}
        captured: dict[str, list[tuple[str, tuple]]] = {}
        answers = {}
        for r in range(repeat):
            for q in QUESTIONS:
                cache.clear()
                cap = Capture()
                with connection.execute_wrapper(cap):
                    t0, c0 = time.perf_counter(), time.process_time()
                    answers[q] = ask(text=q, user=user, platform="cli", thread=f"bench{r}-{os.getpid()}", now=NOW)
                    per_q[q].append((time.perf_counter() - t0) * 1000)
                    cpu_q.append((time.process_time() - c0) * 1000)
                captured[q] = cap.calls
        ask_cpu, ask_wall = time.process_time() - cpu0, time.perf_counter() - wall0
        ask_db = server_cpu() - db0
        for _ in range(repeat):
            for q in QUESTIONS:
                t0 = time.perf_counter()
                with connection.cursor() as c:
                    for sql, params in captured[q]:
                        c.execute(sql, params)
                        c.fetchall()
                sql_per_q[q].append((time.perf_counter() - t0) * 1000)
    all_ask = [v for vs in per_q.values() for v in vs]
    all_sql = [v for vs in sql_per_q.values() for v in vs]
    print(f"\n{connection.vendor}, {Mission.objects.count():,} missions, "
          f"{MissionRegion.objects.count():,} region links, {repeat} runs per question\n")
    print(f"{'question':62s} {'count':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'SQL p50':>8s} {'queries':>7s} {'ratio':>6s}")
    for q in QUESTIONS:
        a50, a95 = pct(per_q[q], 50), pct(per_q[q], 95)
        s50 = pct(sql_per_q[q], 50)
        a = answers[q]
        shown = "decl" if a.declined else ("-" if a.count is None else str(a.count))
        print(f"{q[:62]:62s} {shown:>7s} {a50:8.2f} {a95:8.2f} {s50:8.2f} {len(captured[q]):7d} "
              f"{a50 / s50 if s50 else float('nan'):6.1f}")
    s50, a50 = statistics.median(all_sql), statistics.median(all_ask)
    a95, s95 = pct(all_ask, 95), pct(all_sql, 95)
    print(f"\nall questions: answer p50 {a50:.2f} ms, p95 {a95:.2f} ms; "
          f"bare SQL p50 {s50:.2f} ms, p95 {s95:.2f} ms; ratio p50 {a50 / s50:.1f}x, p95 {a95 / s95:.1f}x")
    n = repeat * len(QUESTIONS)
    print(f"fixed mix, this process's CPU time per answer: p50 {pct(cpu_q, 50):.2f} ms, p95 {pct(cpu_q, 95):.2f} ms")
    print(f"bench process CPU during the answers: {ask_cpu / n * 1000:.2f} ms per answer "
          f"({ask_cpu / ask_wall:.0%} of wall; the database server's own CPU is not included for PostgreSQL)")
    if connection.vendor == "postgresql":
        print(f"PostgreSQL server process CPU during the answers: {ask_db / n * 1000:.2f} ms per answer "
              f"(bench + server: {(ask_cpu + ask_db) / n * 1000:.2f} ms)")
    print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load average before "
          f"{load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}")
    shapes(user, repeat)
    if explain:
        explain_plans()


def server_cpu_ms() -> float | None:
    """PostgreSQL on this machine: the CPU time (user + system) of this connection's server process so far, from
    /proc (10 ms ticks: meaningful summed over runs). None for SQLite (its work is in this process) or elsewhere."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as c:
        c.execute("SELECT pg_backend_pid()")
        pid = c.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def shapes(user: User, repeat: int) -> None:
    """Every shape of :data:`SHAPES`: p50 and p99 of the answer time, and the slowest shape."""
    from bot.services import ask

    times: dict[str, list[float]] = {name: [] for name in SHAPES}
    cpu: dict[str, list[float]] = {name: [] for name in SHAPES}
    server: dict[str, float] = {name: 0.0 for name in SHAPES}
    shown: dict[str, str] = {}
    load_before = os.getloadavg()
    with override_settings(BOT_RATE_LIMIT="1000000/min"):
        for r in range(repeat + 1):  # the first round warms up
            for name, turns in SHAPES.items():
                cache.clear()
                thread = f"shape{r}-{name}-{os.getpid()}"  # not a follow-up of an earlier run
                for turn in turns[:-1]:
                    ask(text=turn, user=user, platform="cli", thread=thread, now=NOW)
                s0 = server_cpu_ms()
                t0, c0 = time.perf_counter(), time.process_time()
                answer = ask(text=turns[-1], user=user, platform="cli", thread=thread, now=NOW)
                if r:
                    times[name].append((time.perf_counter() - t0) * 1000)
                    cpu[name].append((time.process_time() - c0) * 1000)
                    if s0 is not None:
                        server[name] += (server_cpu_ms() or s0) - s0
                shown[name] = "decl" if answer.declined else ("-" if answer.count is None else str(answer.count))
    print(f"\nquestion shapes, {repeat} runs each (the last turn timed; follow-ups after their first turn)\n")
    print("(CPU: this process's CPU time, which includes SQLite's own work: the measure that a loaded machine does "
          "not inflate)\n")
    pg = connection.vendor == "postgresql"
    if pg:
        print("(server CPU: the PostgreSQL connection's process, user + system, mean per answer from /proc; parallel "
              "workers, if any, not included)\n")
    print(f"{'shape':34s} {'answer':>7s} {'p50 ms':>8s} {'p99 ms':>8s} {'CPU p50':>8s} {'CPU p99':>8s}"
          + (f" {'server CPU':>10s}" if pg else ""))
    for name in SHAPES:
        print(f"{name:34s} {shown[name]:>7s} {pct(times[name], 50):8.2f} {pct(times[name], 99):8.2f} "
              f"{pct(cpu[name], 50):8.2f} {pct(cpu[name], 99):8.2f}"
              + (f" {server[name] / max(1, len(times[name])):10.2f}" if pg else ""))
    slowest = max(SHAPES, key=lambda n: pct(times[n], 99))
    slowest_cpu = max(SHAPES, key=lambda n: pct(cpu[n], 99))
    print(f"\nslowest shape: {slowest!r}, p99 {pct(times[slowest], 99):.2f} ms ({SHAPES[slowest][-1]!r}); by CPU: "
          f"{slowest_cpu!r}, p99 {pct(cpu[slowest_cpu], 99):.2f} ms; load average before {load_before[0]:.2f}, "
          f"after {os.getloadavg()[0]:.2f}")


def explain_plans() -> None:
    from evidence.scope import Period, RegionFilter, Scope
    from evidence.selectors import missions_in_scope

    shapes = {
        "U-2 near Texas in Feb 2025": Scope(type_designators=("U2",), regions=(RegionFilter("texas"),),
                                            period=Period(dt.date(2025, 2, 1), dt.date(2025, 2, 28))),
        "surveillance, 10 days": Scope(surveillance_only=True,
                                       period=Period(dt.date(2025, 1, 25), dt.date(2025, 2, 5))),
        "near Sinaloa, no period": Scope(regions=(RegionFilter("sinaloa"),)),
    }
    for label, scope in shapes.items():
        qs = missions_in_scope(scope)
        print(f"\nEXPLAIN {label}:")
        print(qs.explain())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--missions", type=int, default=100_000, help="Synthetic missions to have (default 100k).")
    parser.add_argument("--repeat", type=int, default=20, help="Runs per question (default 20).")
    parser.add_argument("--explain", action="store_true", help="Print the query plans of the main shapes.")
    parser.add_argument("--no-fill", action="store_true", help="Use the database as it is.")
    parser.add_argument("--sql-fill", action="store_true",
                        help="Generate the missions inside the database (SQLite, PostgreSQL).")
    parser.add_argument("--shapes-only", action="store_true", help="Time only the question shapes.")
    parser.add_argument("--no-analyze", action="store_true", help="Skip (VACUUM) ANALYZE before timing.")
    parser.add_argument("--without-tally", action="store_true",
                        help="Time the shapes again with MISSION_TALLY_READS off (every count read from the missions).")
    parser.add_argument("--no-prepare", action="store_true",
                        help="Skip what the web server prepares before forking (bot.services.prepare_process: the "
                             "reader, the URLconf, gc.freeze): time answers as a process that did not.")
    parser.add_argument("--check-tally", action="store_true",
                        help="Compare every tally row with the tables first (evidence.tally.differences) and say so.")
    args = parser.parse_args()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    call_command("migrate", verbosity=0)
    if args.sql_fill and not args.no_fill:
        fill_sql(args.missions)
    elif not args.no_fill:
        fill(args.missions)
    mark_orbits()
    partition_by_month()
    if not args.no_analyze:
        analyze()
    if args.check_tally:
        check_tally()
    run(args.repeat, args.explain, shapes_only=args.shapes_only, prepare=not args.no_prepare)
    if args.without_tally:
        print("\n--- the same shapes with MISSION_TALLY_READS off (the missions read one by one) ---")
        with override_settings(MISSION_TALLY_READS=False):
            shapes(editor(), args.repeat)


def check_tally() -> None:
    """Whether the tallies the triggers kept during the fill equal the tables' counts, and their size."""
    from evidence import tally
    from evidence.models import MissionTally, RegionTally

    t0 = time.perf_counter()
    found = tally.differences()
    print(f"tallies: {MissionTally.objects.count():,} mission rows, {RegionTally.objects.count():,} region rows; "
          f"check against the tables in {time.perf_counter() - t0:.0f} s: "
          + ("exact" if not found else f"{len(found)} differences, e.g. {found[0]}"))


if __name__ == "__main__":
    main()
