"""A mission's ``has_orbit`` on its region rows (``MissionRegion.has_orbit``): copied by migration 0019 onto the rows
that existed, written with every row the importer writes, and true exactly where the mission's own flag is."""
from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from evidence import tally
from evidence.models import Mission, MissionRegion
from tests.migrating import migrate_to, migrated_back_to

UTC = dt.UTC
BEFORE = [("evidence", "0018_missiontally_airframe_cover_on_sqlite")]
AFTER = [("evidence", "0019_missionregion_has_orbit")]


def _flags() -> dict[tuple[int, int], bool]:
    """(mission id, region id) → the row's flag, and the mission's flag for every row (they must agree)."""
    with connection.cursor() as c:
        c.execute("SELECT r.mission_id, r.region_id, r.has_orbit, m.has_orbit FROM evidence_missionregion r "
                  "JOIN evidence_mission m ON m.id = r.mission_id")
        rows = c.fetchall()
    assert all(bool(row) == bool(mission) for _, _, row, mission in rows), rows
    return {(m, r): bool(row) for m, r, row, _ in rows}


def _populate(apps) -> list[int]:
    """Three missions (an orbit on the second), one to three region rows each; returns the mission ids."""
    Aircraft_ = apps.get_model("evidence", "Aircraft")
    Region_ = apps.get_model("evidence", "Region")
    Mission_ = apps.get_model("evidence", "Mission")
    Link_ = apps.get_model("evidence", "MissionRegion")
    regions = [Region_.objects.create(slug=f"orb-{i}", name=f"Orb {i}", kind="area", geometry_wkb=b"", min_lon=0,
                                      min_lat=0, max_lon=1, max_lat=1) for i in range(3)]
    aircraft = Aircraft_.objects.create(hex="ae0orb", provenance={})
    ids = []
    for i, start in enumerate([dt.datetime(2024, 7, 1, tzinfo=UTC), dt.datetime(2025, 2, 3, 9, tzinfo=UTC),
                               dt.datetime(2025, 3, 1, tzinfo=UTC)]):
        m = Mission_.objects.create(aircraft=aircraft, start=start, end=start + dt.timedelta(hours=2),
                                    track=bytes([i]), min_lat=0, min_lon=0, max_lat=1, max_lon=1,
                                    has_orbit=i == 1, orbits=[{"turns": 3}] if i == 1 else [])
        for region in regions[: i + 1]:
            Link_.objects.create(mission=m, region=region, over=False, distance_nm=10.0 * i, mission_start=start,
                                 aircraft=aircraft)
        ids.append(m.pk)
    return ids


@pytest.mark.django_db(transaction=True)
def test_the_migration_copies_each_missions_orbit_onto_its_rows_and_goes_back():
    with migrated_back_to(BEFORE) as apps:
        ids = _populate(apps)
        migrate_to(AFTER)
        flags = _flags()
        assert len(flags) == 6
        assert {key for key, flag in flags.items() if flag} == {(ids[1], r) for m, r in flags if m == ids[1]}
        assert tally.differences() == []  # the copy left the tallies alone and exact
        migrate_to(BEFORE)  # and back: no column, no index
        with connection.cursor() as c:
            columns = [col.name for col in connection.introspection.get_table_description(c, "evidence_missionregion")]
            indexes = connection.introspection.get_constraints(c, "evidence_missionregion")
        assert "has_orbit" not in columns and "missionregion_orbits" not in indexes
    # the triggers are still there after both ways (SQLite: the column was added without rebuilding the table)
    assert tally.differences() == []
    Mission.objects.filter(pk=ids[0]).delete()
    assert tally.differences() == []


def test_imported_rows_carry_their_missions_orbit(demo):
    """The demo's missions, imported from trace files: the orbiting ones (the dialog table's 12) and the others."""
    flags = _flags()
    orbiting = set(Mission.objects.filter(has_orbit=True).values_list("pk", flat=True))
    assert orbiting and any(not flag for flag in flags.values())
    assert {m for (m, _), flag in flags.items() if flag} == orbiting & {m for m, _ in flags}


def test_a_reimport_that_keeps_the_rows_sets_the_flag_the_mission_now_has(demo, tmp_path):
    """A mission re-imported with the same track keeps its region rows (not tagged again); their type and orbit flag
    are written with the mission's. Here both flags are made stale by hand (as if the mission had been imported
    before its orbit was detected) and the demo's trace files imported again."""
    from claims.services.demo import load_demo_flights

    rc135 = Mission.objects.get(aircraft_id="ae01c5", start__date="2025-02-04")
    assert rc135.has_orbit
    rows = set(MissionRegion.objects.filter(mission=rc135).values_list("pk", flat=True))
    MissionRegion.objects.filter(mission=rc135).update(has_orbit=False)
    Mission.objects.filter(pk=rc135.pk).update(has_orbit=False, source_files=[])  # its file: not yet among them
    load_demo_flights(directory=tmp_path)
    assert Mission.objects.get(pk=rc135.pk).has_orbit
    assert set(MissionRegion.objects.filter(mission=rc135).values_list("pk", flat=True)) == rows  # kept, not re-tagged
    _flags()
