"""The mission selectors over the real demo data (tests/bot_core/conftest.py): the numbers every bot answer rests on."""
from __future__ import annotations

import datetime as dt

from evidence import selectors as s
from evidence.scope import Period, RegionFilter, Scope

FEB25 = Period(dt.date(2025, 2, 1), dt.date(2025, 2, 28))
STORY = Period(dt.date(2025, 1, 27), dt.date(2025, 2, 5))


def test_headline_scope(demo):
    scope = Scope(type_designators=("U2",), regions=(RegionFilter("texas", "near"),), period=FEB25)
    missions = list(s.missions_in_scope(scope))
    assert [m.pk for m in missions] == [demo.missions["u2"]]


def test_story_counts(demo):
    assert s.count_missions(Scope(surveillance_only=True, period=STORY)) == 18
    assert s.count_missions(Scope(type_designators=("P8",), period=STORY)) == 11
    assert s.count_missions(Scope(operators=("us-navy",), period=STORY)) == 12
    year = Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert s.count_missions(Scope(roles=("surveillance",), period=year)) == 12


def test_over_vs_near(demo):
    # over Texas in February 2025: 2 P-8s, the C-17, the KC-135 and the E-3 crossing the panhandle
    assert s.count_missions(Scope(regions=(RegionFilter("texas", "over"),), period=FEB25)) == 5
    assert s.count_missions(Scope(regions=(RegionFilter("texas", "near"),), period=FEB25)) == 6  # + the U-2, 5.3 nm
    u2 = Scope(type_designators=("U2",), period=FEB25)
    assert s.count_missions(u2.with_changes(regions=(RegionFilter("texas", "over"),))) == 0
    assert s.count_missions(u2.with_changes(regions=(RegionFilter("texas", "near", 5),))) == 0
    assert s.count_missions(u2.with_changes(regions=(RegionFilter("texas", "near", 6),))) == 1
    assert s.count_missions(Scope(regions=(RegionFilter("sinaloa", "near"),))) == 1  # the RC-135, 8.5 nm
    assert s.count_missions(Scope(regions=(RegionFilter("sinaloa", "near", 5),))) == 0


def test_breakdowns(demo):
    rows = s.breakdown(Scope(surveillance_only=True, period=STORY), "day")
    assert sum(r.count for r in rows) == 18 and rows[0].key == "2025-01-27"
    months = s.breakdown(Scope(surveillance_only=True, period=STORY), "month")
    assert [(r.key, r.count) for r in months] == [("2025-01", 8), ("2025-02", 10)]
    types = s.breakdown(Scope(surveillance_only=True, period=STORY), "type")
    assert types[0].key == "P8" and types[0].count == 11
    regions = s.breakdown(Scope(period=STORY, surveillance_only=True), "region")
    assert {r.key for r in regions} >= {"california", "texas"}
    weeks = s.breakdown(Scope(surveillance_only=True, period=STORY), "week")
    assert sum(r.count for r in weeks) == 18


def test_first_last_and_hints(demo):
    assert s.last_mission(Scope(type_designators=("U2",))).pk == demo.missions["u2"]
    assert s.first_mission(Scope(type_designators=("U2",))).start.year == 2024
    empty = Scope(type_designators=("U2",), regions=(RegionFilter("texas", "near"),),
                  period=Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28)))
    hints = s.nearby_hints(empty, today=dt.date(2026, 11, 24))
    assert hints[0].label == "in February 2025" and hints[0].count == 1


def test_mission_dict(demo):
    m = s.missions_for_display(Scope(hexes=("ae0907",), period=FEB25))[0]
    d = s.mission_to_dict(m)
    assert d["hex"] == "ae0907" and d["type"] == "U2" and d["start"].startswith("2025-02-03T17:")
    regions = {r["slug"]: r for r in d["regions"]}
    assert regions["new-mexico"]["over"] and regions["new-mexico"]["distance_nm"] == 0
    assert not regions["texas"]["over"] and 0 < regions["texas"]["distance_nm"] <= 50
    assert [r["distance_nm"] for r in d["regions"]] == sorted(r["distance_nm"] for r in d["regions"])
    assert d["url"].endswith(f"/{m.pk}/change/")


def test_count_from_region_rows_matches_the_missions(demo):
    """count_missions reads the region rows alone when places, types and period decide; same numbers as counting
    the missions, also with several places (a mission near two of them counts once)."""
    near = RegionFilter("texas", "near")
    scopes = [
        Scope(regions=(near,), period=FEB25),
        Scope(regions=(RegionFilter("texas", "over"),), period=FEB25),
        Scope(type_designators=("P8", "U2"), regions=(near,), period=STORY),
        Scope(roles=("surveillance",), regions=(near, RegionFilter("new-mexico", "over"))),
        Scope(surveillance_only=True, regions=(near, RegionFilter("new-mexico", "near", 200.0)), period=STORY),
        Scope(roles=("maritime_patrol",), surveillance_only=True, regions=(near,)),
        Scope(type_designators=("ZZZZ",), regions=(near,)),
    ]
    for scope in scopes:
        assert s.count_missions(scope) == len(list(s.missions_in_scope(scope))), scope
    assert s.count_missions(scopes[3]) > 0


def test_count_of_places_that_must_all_match_joins_their_region_rows(demo):
    """"Over Arizona and near Texas" (AND): count_missions joins the places' region rows on (mission, start); same
    numbers as the missions each probed for every place, also with "or" places on the first side, types and a
    period. The E-3 of 2 February crosses Texas and Arizona; the RC-135 of 4 February starts over Arizona."""
    both = (RegionFilter("texas", "near"),)
    scopes = [
        Scope(regions=(RegionFilter("arizona", "over"),), and_regions=both),
        Scope(regions=(RegionFilter("arizona", "over"),), and_regions=both, period=FEB25),
        Scope(regions=(RegionFilter("arizona", "over"), RegionFilter("new-mexico", "over")), and_regions=both),
        Scope(regions=(RegionFilter("arizona", "over"),), and_regions=(*both, RegionFilter("new-mexico", "over"))),
        Scope(type_designators=("E3CF", "E3TF"), regions=(RegionFilter("arizona", "over"),), and_regions=both),
        Scope(type_designators=("U2",), regions=(RegionFilter("arizona", "over"),), and_regions=both),
        Scope(regions=(RegionFilter("international-airspace", "over"),), and_regions=both, period=STORY),
    ]
    counts = [s.count_missions(scope) for scope in scopes]
    assert counts == [len(list(s.missions_in_scope(scope))) for scope in scopes]
    assert counts[0] >= 1 and counts[2] >= counts[0] and counts[5] == 0


def test_region_rows_follow_a_type_change(demo, tmp_path):
    """The type denormalised on the region rows follows the aircraft when a registry changes it."""
    from evidence.models import MissionRegion
    from evidence.services.registry_import import import_registry

    scope_u2 = Scope(type_designators=("U2",), regions=(RegionFilter("texas", "near"),), period=FEB25)
    assert s.count_missions(scope_u2) == 1
    registry = tmp_path / "plane-alert-db.csv"
    registry.write_text(
        "$ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,$#Tag 2,$#Tag 3,Category,$#Link\n"
        "AE0907,80-1070,USAF,Boeing RC-135V Rivet Joint,R135,Mil,,,,USAF,\n"
    )
    import_registry(registry)
    rows = MissionRegion.objects.filter(mission_id=demo.missions["u2"])
    assert set(rows.values_list("aircraft_type_id", flat=True)) == {"R135"}
    assert s.count_missions(scope_u2) == 0
    assert s.count_missions(scope_u2.with_changes(type_designators=("R135",))) >= 1


def test_display_walk_and_places_plans_show_the_same_records(demo):
    """Both plans of missions_for_display (chosen by the answer's count) list the same records, in the same order."""
    for scope in (
        Scope(regions=(RegionFilter("texas", "near"),)),
        Scope(surveillance_only=True, regions=(RegionFilter("texas", "near"),), period=STORY),
        Scope(regions=(RegionFilter("texas", "over"), RegionFilter("new-mexico", "near"))),
    ):
        for oldest_first, order in ((True, ("start", "id")), (False, ("-start", "-id"))):
            # a few matches: picked from the region rows; many: missions walked in start order; the missions' own
            # query as the reference
            by_places = s.missions_for_display(scope, limit=5, total=1, oldest_first=oldest_first)
            walked = s.missions_for_display(scope, limit=5, total=s.WALK_FROM, oldest_first=oldest_first)
            reference = list(s.missions_in_scope(scope).order_by(*order).values_list("id", flat=True)[:5])
            assert by_places and [m.pk for m in by_places] == [m.pk for m in walked] == reference
            assert [s.mission_to_dict(m) for m in by_places] == [s.mission_to_dict(m) for m in walked]


def test_records_picked_from_region_rows_list_a_mission_near_two_places_once(demo):
    texas, mexico = RegionFilter("texas", "near", 250.0), RegionFilter("new-mexico", "near", 250.0)
    both = set(s.missions_in_scope(Scope(regions=(texas,))).values_list("id", flat=True)) & set(
        s.missions_in_scope(Scope(regions=(mexico,))).values_list("id", flat=True))
    assert both  # the demo has missions near both: the case under test
    shown = [m.pk for m in s.missions_for_display(Scope(regions=(texas, mexico)), limit=50, total=1)]
    assert len(shown) == len(set(shown)) == min(50, s.count_missions(Scope(regions=(texas, mexico))))


def _airframes_out_of_sync() -> int:
    from django.db.models import F

    from evidence.models import MissionRegion

    return MissionRegion.objects.exclude(aircraft_id=F("mission__aircraft_id")).count()


def test_which_aircraft_from_region_rows_matches_the_missions(demo):
    """distinct_aircraft groups the region rows (airframe denormalised) when places, types and period decide: the
    same airframes and counts as grouping the scope's missions, also with several places and with a type."""
    from collections import Counter

    near = RegionFilter("texas", "near")
    scopes = [
        Scope(regions=(near,)),
        Scope(regions=(near,), period=FEB25),
        Scope(regions=(RegionFilter("texas", "over"),), period=STORY),
        Scope(type_designators=("P8", "U2"), regions=(near,), period=STORY),
        Scope(roles=("surveillance",), regions=(near, RegionFilter("new-mexico", "over"))),
        Scope(surveillance_only=True, regions=(near, RegionFilter("california", "near", 200.0)), period=STORY),
        Scope(type_designators=("ZZZZ",), regions=(near,)),
    ]
    for scope in scopes:
        expected = Counter(m.aircraft_id for m in s.missions_in_scope(scope))
        rows = s.distinct_aircraft(scope, limit=500)
        assert {r["hex"]: r["missions"] for r in rows} == dict(expected), scope
        top, total = s.aircraft_with_total(scope, limit=2)
        assert top == rows[:2] and total == s.count_missions(scope) == sum(expected.values()), scope
        assert [r["missions"] for r in rows] == sorted((r["missions"] for r in rows), reverse=True)
    assert len(s.distinct_aircraft(scopes[0], limit=500)) > 3
    assert s.distinct_aircraft(scopes[-1]) == []


def test_region_rows_carry_their_missions_airframe(demo, tmp_path):
    """The airframe denormalised on the region rows is the mission's, after the demo's import, after a registry
    re-import changes an aircraft, after a re-tag, and a deleted mission leaves no rows behind."""
    from django.core.management import call_command

    from evidence.models import Aircraft, Mission, MissionRegion
    from evidence.services.registry_import import import_registry

    assert MissionRegion.objects.count() > 100 and _airframes_out_of_sync() == 0
    registry = tmp_path / "plane-alert-db.csv"
    registry.write_text(
        "$ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,$#Tag 2,$#Tag 3,Category,$#Link\n"
        "AE0907,80-1099,US Navy,Boeing RC-135V Rivet Joint,R135,Mil,,,,USAF,\n"
    )
    import_registry(registry)
    assert Aircraft.objects.get(pk="ae0907").registration == "80-1099"
    assert _airframes_out_of_sync() == 0
    rows = s.distinct_aircraft(Scope(type_designators=("R135",), regions=(RegionFilter("texas", "near"),)))
    assert {r["hex"]: r["registration"] for r in rows}.get("ae0907") == "80-1099"
    MissionRegion.objects.filter(mission_id=demo.missions["u2"]).delete()
    call_command("retag_missions", stdout=None)
    assert MissionRegion.objects.filter(mission_id=demo.missions["u2"]).exists() and _airframes_out_of_sync() == 0
    Mission.objects.filter(pk=demo.missions["u2"]).delete()
    assert not MissionRegion.objects.filter(mission_id=demo.missions["u2"]).exists()
    assert not MissionRegion.objects.filter(aircraft_id="ae0907", mission_start__date="2025-02-03").exists()


def test_airframe_backfill_migration_copies_each_rows_mission(demo):
    """0006's data step (run on existing databases) sets every region row's airframe from its mission, whatever
    the row held before."""
    import importlib

    from django.apps import apps

    from evidence.models import MissionRegion

    migration = importlib.import_module("evidence.migrations.0006_missionregion_airframe")
    MissionRegion.objects.filter(mission_id=demo.missions["u2"]).update(aircraft_id="ae01c5")
    MissionRegion.objects.filter(mission_id=demo.missions["rc135"]).update(aircraft_id="ae0907")
    assert _airframes_out_of_sync() > 0
    migration.copy_mission_airframes(apps, None)
    assert _airframes_out_of_sync() == 0
    assert set(MissionRegion.objects.filter(mission_id=demo.missions["u2"]).values_list("aircraft_id", flat=True)) == {
        "ae0907"}


def test_breakdown_counted_per_bucket_matches_grouping(demo, monkeypatch):
    """A breakdown over a period of few days/weeks/months/years is counted bucket by bucket; the rows are the ones
    grouping every mission by its bucket gives (same keys, labels, counts, order; empty buckets left out)."""
    year = Period(dt.date(2024, 11, 15), dt.date(2025, 10, 31))
    scopes = [
        Scope(surveillance_only=True, period=STORY),
        Scope(period=year),
        Scope(regions=(RegionFilter("texas", "near"),), period=year),
        Scope(type_designators=("P8",), regions=(RegionFilter("california", "over"),), period=STORY),
        Scope(operators=("us-navy",), period=Period(dt.date(2024, 1, 1), dt.date(2026, 12, 31))),
    ]
    cases = [(scope, by) for scope in scopes for by in ("day", "week", "month", "year")
             if len(s._buckets(scope.period, by)) <= s.COUNTED_BUCKETS_MAX]
    assert len(cases) >= 10
    monkeypatch.setattr(s, "COUNTED_BY", ("day", "week", "month", "year"))
    counted = [s.breakdown(scope, by) for scope, by in cases]
    monkeypatch.setattr(s, "COUNTED_BUCKETS_MAX", 0)
    grouped = [s.breakdown(scope, by) for scope, by in cases]
    assert counted == grouped
    assert sum(len(rows) for rows in counted) > 20 and any(r.count > 1 for rows in counted for r in rows)


def test_breakdown_totals_are_the_scope_counts(demo):
    """breakdown_with_total: per day/month/type/operator the rows add up to the count; per region it is counted."""
    near = RegionFilter("texas", "near")
    for scope in (Scope(surveillance_only=True, period=STORY), Scope(regions=(near,), period=FEB25),
                  Scope(regions=(near, RegionFilter("california", "over")))):
        for by in ("day", "week", "month", "year", "type", "operator", "region"):
            rows, total = s.breakdown_with_total(scope, by)
            assert rows == s.breakdown(scope, by) and total == s.count_missions(scope), (scope, by)


def test_region_and_type_breakdowns_from_region_rows_match_the_missions(demo):
    """Per place and per type, the region-row plans (types and period only) count what the missions give."""
    from collections import Counter

    from evidence.models import MissionRegion

    for scope in (Scope(period=STORY), Scope(surveillance_only=True), Scope(type_designators=("P8",), period=FEB25)):
        ids = list(s.missions_in_scope(scope).values_list("id", flat=True))
        over = Counter(MissionRegion.objects.filter(mission_id__in=ids, over=True).values_list("region__slug",
                                                                                                  flat=True))
        assert {r.key: r.count for r in s.breakdown(scope, "region")} == dict(over), scope
    near, over_ca = RegionFilter("texas", "near"), RegionFilter("california", "over")
    for scope in (Scope(regions=(near,), period=STORY), Scope(regions=(near, over_ca)), Scope(regions=(near,))):
        types = Counter(m.aircraft_type_id or "?" for m in s.missions_in_scope(scope))
        assert {r.key: r.count for r in s.breakdown(scope, "type")} == dict(types), scope
        places = s.breakdown(scope, "region")
        ids = list(s.missions_in_scope(scope).values_list("id", flat=True))
        assert [r.key for r in places] == [rf.slug for rf in scope.regions]
        for rf, row in zip(scope.regions, places, strict=True):
            links = MissionRegion.objects.filter(mission_id__in=ids, region__slug=rf.slug)
            links = links.filter(over=True) if rf.relation == "over" else links.filter(
                distance_nm__lte=s.region_distance(rf))
            assert row.count == links.values("mission_id").distinct().count(), (scope, rf)
        assert sum(r.count for r in places) > 0


def test_deleting_an_aircraft_deletes_its_region_rows(demo):
    """The airframe copy does not cascade by itself (DO_NOTHING): the aircraft's missions do, and the database's
    reference check at commit finds nothing left pointing at the deleted aircraft."""
    from django.db import connection

    from evidence.models import Aircraft, MissionRegion

    assert MissionRegion.objects.filter(aircraft_id="ae0907").exists()
    Aircraft.objects.get(pk="ae0907").delete()
    assert not MissionRegion.objects.filter(aircraft_id="ae0907").exists()
    connection.check_constraints()  # what the commit would check (deferred foreign keys)
    assert _airframes_out_of_sync() == 0


def test_the_last_mission_looked_for_in_recent_windows_first_is_the_latest_of_all(demo, monkeypatch):
    from evidence.models import Mission

    starts = sorted(Mission.objects.values_list("start", flat=True))
    now = dt.datetime.now(dt.UTC)
    # a first window holding only the latest few missions, a second one most of them: scopes whose last mission
    # lies in the first, the second, or before both
    monkeypatch.setattr(s, "RECENT_WINDOWS_DAYS", ((now - starts[-3]).days + 1, (now - starts[5]).days + 1))
    scopes = [Scope(), Scope(type_designators=("U2",)), Scope(regions=(RegionFilter("texas", "near"),)),
              Scope(regions=(RegionFilter("international-airspace", "over"),),
                    and_regions=(RegionFilter("texas", "near"),)),
              Scope(type_designators=("R135",), regions=(RegionFilter("baja-peninsula", "near"),))]
    found = 0
    for scope in scopes:
        walked = list(s.missions_in_scope(scope, walk=True).values_list("id", flat=True)[:1])
        last = s.last_mission(scope)
        assert ([last.pk] if last else []) == walked, scope
        found += bool(walked)
    assert found >= 3
