"""The migration that partitions the mission tables (evidence/0009_partition_missions_by_month) keeps every row,
forwards and backwards, from a database populated at the previous migration state (PostgreSQL)."""
from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from evidence import partitioning
from evidence.models import Mission
from tests.migrating import migrate_to, migrated_back_to

pytestmark = [pytest.mark.services, pytest.mark.usefixtures("postgresql_only")]

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
UTC = dt.UTC


def _where(pk: int) -> str:
    with connection.cursor() as c:
        c.execute('SELECT tableoid::regclass::text FROM "evidence_mission" WHERE id = %s', [pk])
        return c.fetchone()[0]


BEFORE = [("evidence", "0008_merge_overview_and_airframe"), ("claims", "0006_merge_extraction_status_and_desk")]


#: Each table's columns at BEFORE: later migrations add columns (evidence/0019: the region rows' has_orbit), which
#: the rows are compared without.
COLUMNS: dict[str, str] = {}


def _rows(table: str) -> list[tuple]:
    with connection.cursor() as c:
        if table not in COLUMNS:
            COLUMNS[table] = ", ".join(f'"{col.name}"' for col in connection.introspection.get_table_description(
                c, table))
        c.execute(f'SELECT {COLUMNS[table]} FROM "{table}" ORDER BY id')
        return c.fetchall()


def _populate(apps) -> None:
    """Missions over three months (one with no partition ahead: 2003), region rows, a claim's evidence link."""
    Aircraft_ = apps.get_model("evidence", "Aircraft")
    Region_ = apps.get_model("evidence", "Region")
    Mission_ = apps.get_model("evidence", "Mission")
    Link_ = apps.get_model("evidence", "MissionRegion")
    region = Region_.objects.create(slug="mig-r", name="Mig R", kind="area", geometry_wkb=b"", min_lon=0,
                                    min_lat=0, max_lon=1, max_lat=1)
    other = Region_.objects.create(slug="mig-s", name="Mig S", kind="area", geometry_wkb=b"", min_lon=0,
                                   min_lat=0, max_lon=1, max_lat=1)
    aircraft = Aircraft_.objects.create(hex="ae0mig", provenance={})
    for i, start in enumerate([dt.datetime(2003, 7, 1, tzinfo=UTC), dt.datetime(2025, 2, 3, 9, tzinfo=UTC),
                               dt.datetime(2025, 2, 28, 23, 59, tzinfo=UTC), dt.datetime(2025, 3, 1, tzinfo=UTC)]):
        m = Mission_.objects.create(aircraft=aircraft, start=start, end=start + dt.timedelta(hours=2),
                                    track=bytes([i, 1, 2]), min_lat=0, min_lon=0, max_lat=1, max_lon=1,
                                    callsign=f"MIG{i}", orbits=[{"turns": i}], point_count=10 + i)
        for r in (region, other)[: 1 + i % 2]:
            Link_.objects.create(mission=m, region=r, over=bool(i % 2), distance_nm=1.5 * i, mission_start=start,
                                 aircraft=aircraft)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_row_both_ways():
    with migrated_back_to(BEFORE) as apps:
        _populate(apps)
        before = {t: _rows(t) for t in partitioning.PARTITIONED}
        assert len(before["evidence_mission"]) == 4 and len(before["evidence_missionregion"]) == 6
        migrate_to()
        with connection.cursor() as c:
            assert partitioning.is_partitioned(c, "evidence_mission")
            assert partitioning.is_partitioned(c, "evidence_missionregion")
        assert {t: _rows(t) for t in partitioning.PARTITIONED} == before
        by_start = {m.start: _where(m.pk) for m in Mission.objects.all()}
        assert by_start[dt.datetime(2003, 7, 1, tzinfo=UTC)] == "evidence_mission_p200307"
        assert by_start[dt.datetime(2025, 2, 28, 23, 59, tzinfo=UTC)] == "evidence_mission_p202502"
        assert by_start[dt.datetime(2025, 3, 1, tzinfo=UTC)] == "evidence_mission_p202503"
        new = Mission.objects.create(aircraft_id="ae0mig", start=NOW, end=NOW, track=b"", min_lat=0, min_lon=0,
                                     max_lat=1, max_lon=1)
        assert new.pk > max(row[0] for row in before["evidence_mission"])  # the id sequence continues
        new.delete()
        migrate_to(BEFORE)  # and back: plain tables, the same rows
        with connection.cursor() as c:
            assert not partitioning.is_partitioned(c, "evidence_mission")
        assert {t: _rows(t) for t in partitioning.PARTITIONED} == before
