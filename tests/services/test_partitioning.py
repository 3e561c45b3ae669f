"""Monthly partitions of the mission tables on PostgreSQL (evidence/partitioning.py, migration
evidence/0009_partition_missions_by_month): the bot's period questions read one month's partition, the rows of a
month without a partition wait in DEFAULT and are moved out, deleting a mission removes what points at it, and the
migration keeps every row both ways (test_partitioning_migration.py: a transactional test, apart from this
module's demo transaction)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, connection, transaction

from evidence import partitioning, tally
from evidence.models import Aircraft, Mission, MissionRegion, Region

pytestmark = [pytest.mark.services, pytest.mark.usefixtures("postgresql_only")]

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
UTC = dt.UTC


def _where(table: str, pk: int) -> str:
    """The partition a row is stored in."""
    column = "id"
    with connection.cursor() as c:
        c.execute(f'SELECT tableoid::regclass::text FROM "{table}" WHERE {column} = %s', [pk])
        return c.fetchone()[0]


def _mission(start: dt.datetime, region: Region, hex_: str = "aeffe1") -> tuple[Mission, MissionRegion]:
    aircraft, _ = Aircraft.objects.get_or_create(hex=hex_, defaults={"provenance": {}})
    m = Mission.objects.create(aircraft=aircraft, start=start, end=start + dt.timedelta(hours=3), track=b"",
                               min_lat=30, min_lon=-100, max_lat=31, max_lon=-99)
    link = MissionRegion.objects.create(mission=m, region=region, over=False, distance_nm=12.5, mission_start=start,
                                        aircraft=aircraft)
    return m, link


@pytest.fixture
def region(db) -> Region:
    return Region.objects.create(slug="partition-test", name="Partition Test", kind="area", geometry_wkb=b"",
                                 min_lon=-101, min_lat=29, max_lon=-98, max_lat=32)


def _explain(sql: str, params: tuple) -> str:
    with connection.cursor() as c:
        c.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in c.fetchall())


def test_the_bots_period_question_reads_only_that_months_partitions(demo):
    """"near Texas in February 2025" through the bot: every query it runs on the mission tables reads the
    February 2025 partitions only (the demo's import created them before its rows arrived)."""
    from bot.services import ask

    editor = User.objects.create_user("partition-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    assert dt.date(2025, 2, 1) not in partitioning.default_partition_months()  # the import made its partition first
    captured: list[tuple[str, tuple]] = []

    def capture(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("SELECT") and "evidence_mission" in sql:
            captured.append((sql, tuple(params or ())))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        answer = ask(text="how many missions near Texas in February 2025?", user=editor, platform="cli", now=NOW)
    expected = MissionRegion.objects.filter(
        region__slug="texas", distance_nm__lte=50, mission_start__gte=dt.datetime(2025, 2, 1, tzinfo=UTC),
        mission_start__lt=dt.datetime(2025, 3, 1, tzinfo=UTC)).values("mission").distinct().count()
    assert expected > 0 and answer.count == expected
    plans = [_explain(sql, params) for sql, params in captured if "evidence_missionregion" in sql]
    assert plans, captured
    # February 2025's partitions: the month's own, or its year's once 2025 is closed (merged at the import's end)
    february = {f"{t}_{suffix}" for t in partitioning.PARTITIONED for suffix in ("p202502", "y2025")}
    for plan in plans:
        read = set(re.findall(r"evidence_mission(?:region)?_(?:p\d{6}|y\d{4}|default)", plan))
        assert read and read <= february, plan


def test_rows_for_a_month_without_partition_wait_in_default_then_move(region):
    from evidence.tasks import maintain_mission_partitions

    m, link = _mission(dt.datetime(2032, 5, 17, 8, tzinfo=UTC), region)  # beyond the window made ahead
    assert _where("evidence_mission", m.pk) == "evidence_mission_default"
    assert _where("evidence_missionregion", link.pk) == "evidence_missionregion_default"
    made = maintain_mission_partitions()  # the beat task: the window ahead, and the split of DEFAULT
    assert {"evidence_mission_p203205", "evidence_missionregion_p203205"} <= set(made)
    assert _where("evidence_mission", m.pk) == "evidence_mission_p203205"
    assert _where("evidence_missionregion", link.pk) == "evidence_missionregion_p203205"
    assert MissionRegion.objects.get(pk=link.pk).mission_id == m.pk
    assert dt.date(2032, 5, 1) not in partitioning.default_partition_months()
    with connection.cursor() as c:
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the composite key holds after the move
    assert tally.differences() == []  # a move counts nothing twice (the triggers are off while rows move)


def test_a_mission_whose_start_moves_month_carries_its_region_rows(region):
    partitioning.ensure_month_partitions([dt.date(2033, 1, 1), dt.date(2033, 2, 1)])  # (a year not closed)
    m, link = _mission(dt.datetime(2033, 1, 31, 22, tzinfo=UTC), region)
    m.start, m.end = dt.datetime(2033, 2, 1, 1, tzinfo=UTC), dt.datetime(2033, 2, 1, 5, tzinfo=UTC)
    m.save()
    link.refresh_from_db()
    assert link.mission_start == m.start  # ON UPDATE CASCADE of (mission_id, mission_start)
    assert tally.differences() == []  # the cascaded update moved the region row's month in its tally too
    assert _where("evidence_mission", m.pk) == "evidence_mission_p203302"
    assert _where("evidence_missionregion", link.pk) == "evidence_missionregion_p203302"


def test_a_partition_made_in_a_transaction_that_rolled_back_is_made_again(region):
    """DDL is transactional: a partition made inside an import unit's (or a test's) transaction that rolled back is
    gone, and the process must not go on believing it exists (its month's rows would land in DEFAULT)."""
    month = dt.date(2031, 5, 1)  # far from every other test's months and from the beat task's window
    names = [partitioning.partition_name(t, month) for t in partitioning.PARTITIONED]
    with pytest.raises(RuntimeError), transaction.atomic():
        assert partitioning.ensure_month_partitions([month]) == names
        raise RuntimeError("the unit failed")
    assert partitioning.ensure_month_partitions([month]) == names  # made again, not taken as known
    m, link = _mission(dt.datetime(2031, 5, 3, tzinfo=UTC), region)
    assert _where("evidence_mission", m.pk) == "evidence_mission_p203105"
    assert _where("evidence_missionregion", link.pk) == "evidence_missionregion_p203105"


def test_the_database_refuses_a_region_row_without_its_mission(region):
    m, _ = _mission(dt.datetime(2025, 3, 3, tzinfo=UTC), region)
    with pytest.raises(IntegrityError), transaction.atomic():
        MissionRegion.objects.create(mission_id=m.pk, region=region, over=True, distance_nm=0,
                                     aircraft_id=m.aircraft_id,
                                     mission_start=m.start + dt.timedelta(days=1))  # not this mission's start
        with connection.cursor() as c:
            c.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_deleting_a_mission_removes_its_region_rows_links_and_suggestions(demo):
    """Claims' keys to missions are not database keys (no key can reference ``id`` alone): Django's collector
    deletes the evidence links and suggestions, and the region rows, with the mission."""
    from claims.models import EvidenceLink, EvidenceSuggestion

    mission = Mission.objects.filter(evidence_links__isnull=False, suggestions__isnull=False,
                                     region_links__isnull=False).distinct().first()
    assert mission is not None
    pk = mission.pk
    mission.delete()
    assert not EvidenceLink.objects.filter(mission_id=pk).exists()
    assert not EvidenceSuggestion.objects.filter(mission_id=pk).exists()
    assert not MissionRegion.objects.filter(mission_id=pk).exists()
    with connection.cursor() as c:
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _partitions() -> set[str]:
    with connection.cursor() as c:
        return set().union(*(partitioning.existing_partitions(c, t) for t in partitioning.PARTITIONED))


def test_a_closed_years_months_become_one_partition_keeping_every_row(region, caplog):
    """All-time questions are planned over every partition (~40 ms at 144 months): a closed year's months are
    merged into one partition per table by the beat task, every row and key kept, and later rows of that year go
    to it without a new month being made."""
    from evidence.tasks import maintain_mission_partitions

    with connection.cursor() as c:  # months made while 2004 was the current year
        for table in partitioning.PARTITIONED:
            for month in (dt.date(2004, 3, 1), dt.date(2004, 7, 1)):
                partitioning._create_partition(c, table, month)
    rows = [_mission(dt.datetime(2004, month, 9, tzinfo=UTC), region) for month in (3, 7, 11)]  # November: DEFAULT
    assert {"evidence_mission_p200403", "evidence_missionregion_p200407"} <= _partitions()
    made = maintain_mission_partitions()
    assert {"evidence_mission_y2004", "evidence_missionregion_y2004"} <= set(made)
    assert not {n for n in _partitions() if "_p2004" in n}
    for m, link in rows:
        assert _where("evidence_mission", m.pk) == "evidence_mission_y2004"
        assert _where("evidence_missionregion", link.pk) == "evidence_missionregion_y2004"
        assert MissionRegion.objects.get(pk=link.pk).mission_id == m.pk
    with connection.cursor() as c:
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the composite key holds after the merge
    assert not [n for n in maintain_mission_partitions() if "2004" in n]  # done once
    assert tally.differences() == []  # rows out of detached partitions and back: counted once
    with caplog.at_level("WARNING", logger="evidence.partitioning"):
        assert partitioning.ensure_month_partitions([dt.date(2004, 5, 1)]) == []  # its year's partition holds it
    assert not caplog.records
    later, _ = _mission(dt.datetime(2004, 5, 2, tzinfo=UTC), region, hex_="aeffe2")
    assert _where("evidence_mission", later.pk) == "evidence_mission_y2004"
    sql = ('SELECT COUNT(*) FROM "evidence_missionregion" WHERE region_id = %s AND mission_start >= %s '
           "AND mission_start < %s")
    plan = _explain(sql, (region.pk, dt.datetime(2004, 5, 1, tzinfo=UTC), dt.datetime(2004, 6, 1, tzinfo=UTC)))
    assert set(re.findall(r" on (evidence_missionregion_\w+)", plan)) == {"evidence_missionregion_y2004"}, plan


def test_a_month_of_a_closed_year_without_partitions_gets_its_years(region):
    m, link = _mission(dt.datetime(1998, 5, 17, 8, tzinfo=UTC), region)
    assert _where("evidence_mission", m.pk) == "evidence_mission_default"
    made = partitioning.ensure_month_partitions([dt.date(1998, 5, 1)])
    assert made == ["evidence_mission_y1998", "evidence_missionregion_y1998"]
    assert _where("evidence_mission", m.pk) == "evidence_mission_y1998"
    assert _where("evidence_missionregion", link.pk) == "evidence_missionregion_y1998"
    assert tally.differences() == []


@pytest.mark.parametrize(("today", "closed"), [
    (dt.date(2027, 1, 31), [2024, 2025]),  # 2026 ended less than a month ago: imports may still reach it
    (dt.date(2027, 2, 1), [2024, 2025, 2026]),
    (dt.date(2026, 12, 5), [2024, 2025]),
])
def test_which_years_are_closed(today, closed):
    assert partitioning.closed_years([2024, 2025, 2026, 2027], today) == closed


def test_compaction_can_be_left_to_a_maintenance_window(region, settings):
    """A year too big to lock while it moves: with MISSION_PARTITIONS_COMPACT off the maintenance leaves its months
    alone and a month of a closed year gets a month's partition."""
    settings.MISSION_PARTITIONS_COMPACT = False
    with connection.cursor() as c:
        partitioning._create_partition(c, "evidence_mission", dt.date(2006, 3, 1))
        partitioning._create_partition(c, "evidence_missionregion", dt.date(2006, 3, 1))
    assert not [n for n in partitioning.maintain_partitions() if "2006" in n]
    assert partitioning.ensure_month_partitions([dt.date(2006, 8, 1)]) == [
        "evidence_mission_p200608", "evidence_missionregion_p200608"]
    assert partitioning.compact_closed_years() == ["evidence_mission_y2006", "evidence_missionregion_y2006"]
