"""Covering indexes on the three tallies, on SQLite only.

The tallies hold one row per airframe, month and type (per region, or pair of regions), so a sum over all time for
one place reads tens of thousands of rows: through the key's index SQLite fetched each row from the table (a
one-place count of all time at 1 M synthetic missions: 68 ms for the sum alone; the per-airframe sums of "which
aircraft flew near Arizona?" 134 ms). With every column the sums read in the index, SQLite reads the index alone
(3.6 and 6 ms). PostgreSQL plans
these sums differently (a bitmap or an index scan over the partition's few rows, measured within the goal) and
its importer's triggers would pay for every extra index, so it gets none: the operation does nothing there.

The indexes are not in the models' state (they are SQLite's only): a later migration that makes SQLite rebuild one
of these tables must create them again (``evidence.sqlite_indexes.sqlite_only_indexes`` with these INDEXES).
"""
from django.db import migrations

from evidence.sqlite_indexes import sqlite_only_indexes

INDEXES = (
    ("regiontally_cover", "evidence_regiontally", "region_id, month, designator, near, over, aircraft_id"),
    # "which aircraft flew near Arizona?": the sums grouped by airframe, read in the index's order (no sort)
    ("regiontally_airframe_cover", "evidence_regiontally", "region_id, aircraft_id, designator, month, near, over"),
    ("missiontally_cover", "evidence_missiontally", "month, designator, missions, aircraft_id"),
    ("pairtally_cover", "evidence_pairtally",
     "region_a_id, region_b_id, month, designator, near_near, over_near, near_over, over_over, aircraft_id"),
)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0015_pairtally_key_is_the_primary_key")]
    operations = [sqlite_only_indexes(INDEXES)]
