"""The pre-aggregated tallies (evidence/tally.py, evidence/tally_reads.py): kept exact by every writer, and every
count, breakdown and airframe list read from them equal to the same answer read from the missions.

Runs on SQLite (``make test``) and again on PostgreSQL (``.ci/run``), where the triggers are statement triggers
with transition tables on the partitioned tables: both kinds are exercised through the same writers.
"""
from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from evidence import selectors as s
from evidence import tally, tally_reads
from evidence.models import Aircraft, Mission, MissionRegion, MissionTally, Region, RegionTally
from evidence.scope import OPEN_START, Period, RegionFilter, Scope

SLUGS = ("texas", "california", "arizona", "sinaloa", "baja-peninsula")


def test_tallies_follow_every_writer(demo, tmp_path):
    """The demo's import, a type correction through the admin's service, a registry re-import, a re-tag, a mission
    moved in time, deleted region rows, a deleted mission and a deleted airframe: after each, every tally row equals
    the count of the rows it stands for."""
    from evidence.services.aircraft import aircraft_sync_type
    from evidence.services.registry_import import import_registry

    assert MissionTally.objects.filter(missions__gt=0).exists() and RegionTally.objects.filter(near__gt=0).exists()
    assert tally.differences() == []
    aircraft = Aircraft.objects.get(pk="ae0907")  # the U-2
    aircraft.aircraft_type_id = "P8"
    aircraft.save()
    assert aircraft_sync_type(aircraft=aircraft) > 0
    assert tally.differences() == []
    registry = tmp_path / "plane-alert-db.csv"
    registry.write_text(
        "$ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,$#Tag 2,$#Tag 3,Category,$#Link\n"
        "AE0907,80-1099,US Air Force,Lockheed U-2S,U2,Mil,,,,USAF,\n"
    )
    import_registry(registry)
    assert tally.differences() == []
    MissionRegion.objects.filter(mission_id=demo.missions["u2"]).delete()
    assert tally.differences() == []
    call_command("retag_missions", stdout=None)
    assert MissionRegion.objects.filter(mission_id=demo.missions["u2"]).exists()
    assert tally.differences() == []
    mission = Mission.objects.get(pk=demo.missions["rc135"])
    shift = dt.timedelta(days=400)  # into another month, year and (PostgreSQL) partition
    Mission.objects.filter(pk=mission.pk).update(start=mission.start - shift, end=mission.end - shift)
    MissionRegion.objects.filter(mission_id=mission.pk).update(mission_start=mission.start - shift)
    assert tally.differences() == []
    Mission.objects.filter(pk=demo.missions["u2"]).delete()
    assert tally.differences() == []
    Aircraft.objects.filter(pk="ae6801").delete()  # a P-8: its missions and their rows go with it
    assert tally.differences() == []


def test_region_rows_added_to_and_taken_from_a_mission_that_keeps_others(demo):
    """Statements that insert, and delete, several region rows of a mission that keeps rows of its own: each pair of
    a new (or deleted) row with a kept row counts once, however many rows of that mission the statement holds."""
    mission = Mission.objects.get(pk=demo.missions["u2"])
    MissionRegion.objects.filter(mission=mission).delete()
    regions = list(Region.objects.order_by("pk").values_list("pk", flat=True)[:5])

    def row(region: int) -> MissionRegion:
        return MissionRegion(mission=mission, region_id=region, over=False, distance_nm=0.0,
                             mission_start=mission.start, aircraft_type_id=mission.aircraft_type_id,
                             aircraft_id=mission.aircraft_id)  # fmt: skip

    MissionRegion.objects.bulk_create([row(regions[0])])
    MissionRegion.objects.bulk_create([row(r) for r in regions[1:4]])  # three new rows beside a kept one
    assert tally.differences() == []
    MissionRegion.objects.filter(mission=mission, region_id__in=regions[1:3]).delete()  # two of four, two kept
    assert tally.differences() == []
    MissionRegion.objects.bulk_create([row(regions[4])])
    assert tally.differences() == []


def test_differences_name_what_disagrees(demo):
    """The check is not blind: a tally row changed behind the triggers' back is reported, with its key."""
    row = RegionTally.objects.filter(near__gt=0).order_by("pk").first()
    RegionTally.objects.filter(pk=row.pk).update(near=row.near + 2)
    found = tally.differences()
    assert len(found) == 1 and f"'{row.region_id}'" in found[0] and f"tally ({row.near + 2}," in found[0]
    tally.rebuild()
    assert tally.differences() == []


def test_rebuild_with_another_near_distance_is_read_only_at_that_distance(demo):
    """The tallies count "near" at one distance: with another NEAR_NM they are not read for "near" (the answer comes
    from the missions, the same number), until rebuilt at the new distance."""
    texas = Scope(regions=(RegionFilter("texas", "near"),))
    with override_settings(NEAR_NM=30.0):
        assert tally_reads.counter(texas) is None
        expected = _without_tallies(s.count_missions, texas)
        assert s.count_missions(texas) == expected
        tally.rebuild()
        assert tally_reads.counter(texas) == "near" and s.count_missions(texas) == expected
        assert tally.differences() == []
    tally.rebuild()
    assert tally_reads.counter(texas) == "near"


def test_unready_tallies_are_not_read(demo):
    tally.mark_unready()
    s.clear_reference_cache()
    assert tally_reads.counter(Scope()) is None
    tally.rebuild()
    assert tally_reads.counter(Scope()) == "missions"


@pytest.mark.parametrize(("period", "months", "rest"), [
    (Period(dt.date(2025, 2, 1), dt.date(2025, 2, 28)), (dt.date(2025, 2, 1), dt.date(2025, 3, 1)), []),
    (Period(dt.date(2025, 1, 27), dt.date(2025, 2, 5)), None, [(dt.date(2025, 1, 27), dt.date(2025, 2, 5))]),
    (Period(dt.date(2024, 11, 15), dt.date(2025, 3, 20)), (dt.date(2024, 12, 1), dt.date(2025, 3, 1)),
     [(dt.date(2024, 11, 15), dt.date(2024, 11, 30)), (dt.date(2025, 3, 1), dt.date(2025, 3, 20))]),
    (Period(OPEN_START, dt.date(2025, 1, 31)), (OPEN_START, dt.date(2025, 2, 1)), []),
    (Period(dt.date(2024, 2, 1), dt.date(2024, 2, 28)), None, [(dt.date(2024, 2, 1), dt.date(2024, 2, 28))]),
])
def test_whole_months(period, months, rest):
    got_months, got_rest = tally_reads.whole_months(period)
    assert got_months == months
    assert [(p.start, p.end) for p in got_rest] == rest


@pytest.fixture
def synthetic(demo):
    """~700 more missions on the demo's airframes and places, November 2023 – March 2025, with the edge cases a
    tally could get wrong: distances exactly at, just under and just over NEAR_NM, missions of unknown type, a civil
    airframe, starts in the first and last second of a month."""
    rng = random.Random(11)
    regions = list(Region.objects.filter(slug__in=SLUGS))
    fleet = list(Aircraft.objects.filter(missions__isnull=False).distinct())
    first = dt.datetime(2023, 11, 1, tzinfo=dt.UTC)
    edges = [dt.datetime(2024, 3, 1, tzinfo=dt.UTC), dt.datetime(2024, 3, 31, 23, 59, 59, tzinfo=dt.UTC)]
    for i in range(700):
        plane = rng.choice(fleet)
        start = edges[i] if i < len(edges) else first + dt.timedelta(seconds=rng.randrange(43_000_000))
        mission = Mission.objects.create(
            aircraft=plane, aircraft_type_id=None if i % 17 == 0 else plane.aircraft_type_id, callsign="SYN",
            start=start, end=start + dt.timedelta(hours=3), track=b"", min_lat=0, min_lon=0, max_lat=1, max_lon=1)
        for region in rng.sample(regions, rng.randint(0, 3)):
            distance = rng.choice([0.0, 50.0, 49.99, 50.01, round(rng.uniform(1, 250), 1)])
            MissionRegion.objects.create(mission=mission, region=region, over=distance == 0.0,
                                         distance_nm=distance, mission_start=start,
                                         aircraft_type_id=mission.aircraft_type_id, aircraft=plane)
    assert tally.differences() == []


PERIODS = [
    None,
    Period(dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
    Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    Period(dt.date(2023, 11, 15), dt.date(2025, 3, 20)),
    Period(OPEN_START, dt.date(2025, 1, 31)),
    Period(OPEN_START, dt.date(2024, 6, 14)),
    Period(dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
    Period(dt.date(2024, 12, 10), dt.date(2025, 1, 9)),
]


def _scopes() -> list[Scope]:
    rng = random.Random(5)
    texas, arizona = RegionFilter("texas", "near"), RegionFilter("arizona", "over")
    places = [((), ()), ((texas,), ()), ((RegionFilter("california", "over"),), ()),
              ((RegionFilter("sinaloa", "near", 50.0),), ()), ((RegionFilter("arizona", "near", 20),), ()),
              ((texas, arizona), ()),
              # one place AND another (the pair tally), either way round, near and over; the same place twice;
              # another distance and a third place (read from the missions)
              ((texas,), (arizona,)), ((arizona,), (texas,)), ((RegionFilter("california", "near"),), (texas,)),
              ((RegionFilter("sinaloa", "over"),), (RegionFilter("baja-peninsula", "over"),)),
              ((texas,), (RegionFilter("texas", "over"),)), ((texas,), (RegionFilter("arizona", "near", 20),)),
              ((texas,), (arizona, RegionFilter("california", "near")))]
    filters = [{}, {"type_designators": ("P8",)}, {"roles": ("surveillance",)}, {"exclude_types": ("P8", "C17")},
               {"operators": ("us-navy",)}, {"exclude_operators": ("us-navy",)}, {"military_only": True},
               {"civil_only": True}, {"hexes": ("ae0907", "ae5415")}, {"surveillance_only": True, "operators":
                                                                         ("us-air-force",)}]
    combos = list(itertools.product(places, filters, PERIODS))
    return [Scope(regions=p, and_regions=a, period=t, **f) for (p, a), f, t in rng.sample(combos, 220)]


def _without_tallies(read, *args):
    with override_settings(MISSION_TALLY_READS=False):
        return read(*args)


@pytest.mark.parametrize("by", ["count", "type", "operator", "month", "year", "region", "aircraft", "day", "week"])
def test_tallies_answer_as_the_missions_do(synthetic, by):
    """220 scopes (places near/over/at other distances, one place AND another, types, roles, exclusions, operators,
    military/civil, airframes; whole months, partial months at either end, open periods, no whole month): the same
    answer with and without the tallies, and the tallies did answer most of them."""
    read = {"count": s.count_missions, "aircraft": lambda scope: s.aircraft_with_total(scope, limit=1000)}.get(
        by, lambda scope: s.breakdown(scope, by))
    used = 0
    for scope in _scopes():
        if by in ("day", "week"):
            used += tally_reads.days(scope) is not None
        else:
            used += tally_reads.tallied(scope, over_regions=by == "region" and not scope.regions) is not None
        assert read(scope) == _without_tallies(read, scope), scope
    assert used >= (5 if by in ("day", "week") else 90)


def test_the_check_command_says_what_disagrees_and_the_rebuild_mends_it(demo):
    from io import StringIO

    from django.core.management.base import CommandError

    out = StringIO()
    call_command("tally", "--check", stdout=out)
    assert "match" in out.getvalue()
    row = MissionTally.objects.filter(missions__gt=0).order_by("pk").first()
    MissionTally.objects.filter(pk=row.pk).update(missions=row.missions + 5)
    with pytest.raises(CommandError, match=rf"'{row.aircraft_id}'.*tally \({row.missions + 5},\), tables "
                                           rf"\({row.missions},\)"):
        call_command("tally", "--check", stdout=StringIO())
    call_command("tally", "--rebuild", stdout=out)
    assert "rebuilt" in out.getvalue() and tally.differences() == []
    with pytest.raises(CommandError, match="--check or --rebuild"):
        call_command("tally", stdout=StringIO())


def test_the_daily_check_stops_reading_tallies_that_disagree(demo, caplog):
    """A tally changed behind the triggers' back (a restore of one table, a hand edit): the beat task finds it, logs
    it, and counts are read from the missions — the true number — until the rebuild."""
    from evidence.tasks import check_mission_tallies

    scope = Scope(regions=(RegionFilter("texas", "near"),))
    truth = s.count_missions(scope)
    assert check_mission_tallies() == 0 and tally_reads.counter(scope) == "near"
    region = Region.objects.get(slug="texas")
    RegionTally.objects.filter(region_id=region.pk, near__gt=0).update(near=999)
    s.clear_reference_cache()
    assert s.count_missions(scope) != truth  # what reading them now would say
    with caplog.at_level("ERROR", logger="evidence.tally"):
        assert check_mission_tallies() > 0
    assert "disagree" in caplog.text and "tally --rebuild" in caplog.text
    assert tally_reads.counter(scope) is None and s.count_missions(scope) == truth
    tally.rebuild()
    assert tally_reads.counter(scope) == "near" and s.count_missions(scope) == truth


@pytest.mark.parametrize("types", [(), ("P8",), ("surveillance",)])
def test_one_place_and_another_counts_the_missions_in_both(synthetic, types):
    """Regression: read from the missions (tallies off), "near Texas AND over Arizona" with a type list counted
    missions near Texas at 152 nm as in both on SQLite (a flattened join; 12 for 9). Checked here against the rows
    themselves, set by set, for each period of the equivalence test."""
    kind = {"roles": types} if types == ("surveillance",) else {"type_designators": types}
    for period in PERIODS:
        scope = Scope(regions=(RegionFilter("texas", "near"),), and_regions=(RegionFilter("arizona", "over"),),
                      period=period, **kind)
        rows = MissionRegion.objects.all()
        if period is not None:
            lo, hi = s.period_bounds(period)
            rows = rows.filter(mission_start__gte=lo, mission_start__lt=hi)
        allowed = s.scope_types(scope)
        if allowed is not None:
            rows = rows.filter(aircraft_type_id__in=allowed)
        near = set(rows.filter(region__slug="texas", distance_nm__lte=50).values_list("mission_id", flat=True))
        over = set(rows.filter(region__slug="arizona", over=True).values_list("mission_id", flat=True))
        assert _without_tallies(s.count_missions, scope) == len(near & over) == s.count_missions(scope), period


@pytest.mark.parametrize("by", ["day", "week"])
def test_per_day_and_week_of_types_read_the_day_tally_and_agree(synthetic, by):
    """The busiest day and per-day breakdowns of a scope naming only types and a period: the day tally answers, to
    the day (no whole months needed), with the rows the missions give."""
    for kind in ({}, {"type_designators": ("P8",)}, {"roles": ("surveillance",)}, {"exclude_types": ("P8",)}):
        for period in PERIODS[1:]:
            scope = Scope(period=period, **kind)
            assert tally_reads.days(scope) is not None
            assert s.breakdown(scope, by) == _without_tallies(s.breakdown, scope, by), (kind, period)
    assert tally_reads.days(Scope(period=PERIODS[1], operators=("us-navy",))) is None


def test_pair_tally_rows_are_keyed_by_their_key_alone(demo):
    """The pair tally has no surrogate id: its key is its primary key (on PostgreSQL the table's only index), so each
    pair row an import adds writes one index entry, not two; rows are still found, counted and checked by key."""
    from django.db import connection

    from evidence.models import PairTally

    key = ["region_a", "region_b", "month", "aircraft", "designator"]
    assert [f.name for f in PairTally._meta.pk_fields] == key
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'evidence_pairtally'")
            assert [row[0].split(" USING btree ")[1] for row in cursor.fetchall()] == [
                "(region_a_id, region_b_id, month, aircraft_id, designator)"]
    row = PairTally.objects.filter(near_near__gt=0).order_by("pk").first()
    assert PairTally.objects.get(pk=row.pk).near_near == row.near_near
    PairTally.objects.filter(pk=row.pk).update(near_near=row.near_near + 1)
    assert len(tally.differences()) == 1
    tally.rebuild()
    assert tally.differences() == []


@pytest.mark.django_db
def test_sqlite_reads_the_tallies_sums_from_covering_indexes():
    """A place's all-time sum reads tens of thousands of tally rows at 1 M missions: on SQLite the sums and the
    per-airframe grouping must read the index alone (migration 0016; 68 → 3.6 ms and 134 → 6 ms measured)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the covering indexes are SQLite's (PostgreSQL's plans were within the goal)")
    queries = (
        "SELECT SUM(near) FROM evidence_regiontally WHERE region_id = 1 AND near > 0",
        "SELECT aircraft_id, SUM(near) FROM evidence_regiontally WHERE region_id = 1 AND near > 0 GROUP BY 1",
        "SELECT SUM(missions) FROM evidence_missiontally WHERE missions > 0 AND month >= '1990-01-01'"
        " AND month < '2025-02-01'",
        "SELECT SUM(near_over) FROM evidence_pairtally WHERE region_a_id = 1 AND region_b_id = 2 AND near_over > 0",
        # per airframe of all time ("rank the operators", migration 0018; 76 → ~15 ms of CPU measured)
        "SELECT aircraft_id, SUM(missions) FROM evidence_missiontally WHERE missions > 0 GROUP BY 1",
    )
    with connection.cursor() as cursor:
        for sql in queries:
            plan = " ".join(str(row) for row in cursor.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
            assert "COVERING INDEX" in plan and "TEMP B-TREE" not in plan, (sql, plan)


@pytest.mark.parametrize("kind", [{}, {"type_designators": ("C17",)}, {"exclude_operators": ("us-air-force",)}])
def test_one_place_or_another_counts_each_mission_once(synthetic, kind):
    """"Near California or over Sinaloa": with the tallies, the missions of each place alone less those in both (the
    pair tally); checked against the set of missions the region rows name, for every period of the equivalence
    test, near/over either way round, and read from the missions (tallies off) as well."""
    pairs = [(RegionFilter("california", "near"), RegionFilter("sinaloa", "over")),
             (RegionFilter("baja-peninsula", "over"), RegionFilter("california", "near")),
             (RegionFilter("sinaloa", "near"), RegionFilter("baja-peninsula", "near"))]
    used = 0
    for (one, other), period in itertools.product(pairs, PERIODS):
        scope = Scope(regions=(one, other), period=period, **kind)
        missions = s.missions_in_scope(scope.with_changes(regions=()))
        picked = set()
        for place in (one, other):
            rows = MissionRegion.objects.filter(region__slug=place.slug, mission_id__in=missions.values("id"))
            rows = rows.filter(over=True) if place.relation == "over" else rows.filter(distance_nm__lte=50)
            picked |= set(rows.values_list("mission_id", flat=True))
        used += s._either_of_two_places(scope) is not None
        assert s.count_missions(scope) == len(picked) == _without_tallies(s.count_missions, scope), (scope, period)
    assert used >= 12  # every period with a whole month (or none), each pair
    assert s._either_of_two_places(Scope(regions=(RegionFilter("texas", "near"), RegionFilter("texas", "over")))) \
        is None  # the same place twice: no pair in the tally


@pytest.mark.parametrize("by", ["day", "week"])
def test_per_day_and_week_of_one_place_are_its_missions_starts(synthetic, by):
    """Per day or week over one place is counted from its region rows' starts (one row per mission): the same rows
    as the missions' own starts give, for places near, over and at another distance, with and without a type, over
    all time and the periods of the equivalence test."""
    places = (RegionFilter("california", "near"), RegionFilter("sinaloa", "over"), RegionFilter("arizona", "near", 20))
    for place, kind, period in itertools.product(places, ({}, {"type_designators": ("P8",)}), (None, *PERIODS[1:4])):
        scope = Scope(regions=(place,), period=period, **kind)
        picked = s._region_links(scope, s.scope_types(scope)).values("mission_id")
        counts: dict[dt.date, int] = {}
        for start in Mission.objects.filter(id__in=picked).values_list("start", flat=True):
            day = start.astimezone(dt.UTC).date()
            key = day if by == "day" else day - dt.timedelta(days=day.weekday())
            counts[key] = counts.get(key, 0) + 1
        assert s.breakdown(scope, by) == [s._time_row(by, key, n) for key, n in sorted(counts.items())], scope
        assert sum(counts.values()) == s.count_missions(scope)


def _reference(scope: Scope) -> list[Mission]:
    """The scope's missions through the joins the selectors no longer make — the operator through the airframe, the
    orbit flag on the mission, each place through the mission's region rows — in (start, id) order."""
    from django.db.models import Exists, OuterRef, Q

    qs = Mission.objects.all()
    if scope.period is not None:
        qs = qs.filter(start__gte=s.period_bounds(scope.period)[0], start__lt=s.period_bounds(scope.period)[1])
    if scope.operators:
        qs = qs.filter(aircraft__operator__slug__in=scope.operators)
    if scope.exclude_operators:
        qs = qs.exclude(aircraft__operator__slug__in=scope.exclude_operators)
    if scope.hexes:
        qs = qs.filter(aircraft_id__in=scope.hexes)
    if scope.orbits_only:
        qs = qs.filter(has_orbit=True)
    if (types := s.scope_types(scope)) is not None:
        qs = qs.filter(aircraft_type_id__in=types)
    places = Q()
    for place in scope.regions:
        rows = MissionRegion.objects.filter(mission_id=OuterRef("pk"), region__slug=place.slug)
        rows = rows.filter(over=True) if place.relation == "over" else rows.filter(
            distance_nm__lte=place.distance_nm or 50)
        places |= Exists(rows)
    return list(qs.filter(places).order_by("start", "id"))


def test_operators_airframes_and_orbits_read_from_region_rows_are_the_joined_missions(synthetic):
    """Operators (as their airframes), excluded operators, airframes and orbits are filters on the region rows and
    the tally rows too, so a place with any of them is answered from the rows alone: every count, airframe list,
    per-type and per-day breakdown and the first records equal what the joined missions give — places near, over and
    at another distance, one or two of them, with and without a type and a period, tallies on and off. A third of
    the synthetic missions orbit (the flag on the mission and its rows, as the importer writes them)."""
    from collections import Counter

    orbiting = Mission.objects.filter(callsign="SYN", id__in=[m for m in Mission.objects.filter(
        callsign="SYN").values_list("id", flat=True) if m % 3 == 0])
    MissionRegion.objects.filter(mission__in=orbiting).update(has_orbit=True)
    orbiting.update(has_orbit=True)
    places = [(RegionFilter("texas", "near"),), (RegionFilter("california", "over"),),
              (RegionFilter("arizona", "near", 20),), (RegionFilter("texas", "near"), RegionFilter("sinaloa", "over"))]
    kinds = [{"operators": ("us-navy",)}, {"operators": ("us-navy", "us-air-force"), "orbits_only": True},
             {"exclude_operators": ("us-navy",)}, {"orbits_only": True}, {"hexes": ("ae01c5", "ae6801")},
             {"orbits_only": True, "type_designators": ("P8",)}, {"operators": ("royal-air-force",)}]
    found = 0
    for place, kind, period in itertools.product(places, kinds, (None, *PERIODS[1:4])):
        scope = Scope(regions=place, period=period, **kind)
        missions = _reference(scope)
        found += bool(missions)
        for read in (lambda f, *a: f(*a), _without_tallies):
            assert read(s.count_missions, scope) == len(missions), scope
            assert dict(read(s._per_airframe, scope)) == Counter(m.aircraft_id for m in missions), scope
            assert {r.key: r.count for r in read(s.breakdown, scope, "type")} == Counter(
                m.aircraft_type_id or "?" for m in missions), scope
        days = Counter(m.start.astimezone(dt.UTC).date().isoformat() for m in missions)
        assert {r.key: r.count for r in s.breakdown(scope, "day")} == days, scope
        shown = s.missions_for_display(scope, limit=20, total=len(missions))
        assert [m.id for m in shown] == [m.id for m in missions[:20]], scope
    assert found >= 60  # most scopes hold missions (the Royal Air Force's none: the empty answer is checked too)
