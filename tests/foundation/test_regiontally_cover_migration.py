"""Migration 0020: the region tally's covering index on PostgreSQL, (region, month) INCLUDE (airframe, type, counts),
in place of (region, airframe) INCLUDE (…); SQLite keeps its own covering indexes (0016); and back."""
from __future__ import annotations

import pytest
from django.db import connection

from tests.migrating import migrate_to, migrated_back_to

BEFORE = [("evidence", "0019_missionregion_has_orbit")]


def _indexes() -> dict[str, list[str]]:
    with connection.cursor() as c:
        found = connection.introspection.get_constraints(c, "evidence_regiontally")
    return {name: info["columns"] for name, info in found.items() if info["index"] and not info["unique"]}


@pytest.mark.django_db(transaction=True)
def test_the_cover_replaces_the_airframe_index_on_postgresql_only_and_goes_back():
    with migrated_back_to(BEFORE):
        assert _indexes()["regiontally_airframe"][:2] == ["region_id", "aircraft_id"]
        assert "regiontally_month_cover" not in _indexes()
        migrate_to()
        after = _indexes()
        assert "regiontally_airframe" not in after
        if connection.vendor == "postgresql":  # the key columns; INCLUDE's are named by the index's definition
            assert after["regiontally_month_cover"][:2] == ["region_id", "month"]
            with connection.cursor() as c:
                c.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'regiontally_month_cover'")
                assert "INCLUDE (aircraft_id, designator, near, over)" in c.fetchone()[0]
        else:  # SQLite ignores INCLUDE: its own covering indexes (0016) serve the sums, before and after
            assert "regiontally_month_cover" not in after
            assert {"regiontally_cover", "regiontally_airframe_cover"} <= set(after)
        migrate_to(BEFORE)
        assert "regiontally_month_cover" not in _indexes() and "regiontally_airframe" in _indexes()
