"""The region tally's covering index on PostgreSQL: (region, month) INCLUDE (airframe, type, near, over), in place
of (region, airframe) INCLUDE (month, type, near, over) — the same number of indexes for the importer's triggers to
write.

A place in a period is then one range of the index that holds every column the sums read: "all US operators near
Texas in 2025" at 1 M synthetic missions read the 4,892 rows of 2025 (32 pages) instead of walking all 58,000 of
Texas's rows through the airframe index once per airframe of the operators, and the place-and-period sums of the
other shapes no longer fetch their rows from the table. A place's all-time sums ("near Texas or Arizona") read the
place's whole range from the index alone, as before; the per-airframe sums ("which aircraft flew near Arizona?")
are hashed instead of read in airframe order (~600 airframes a place). SQLite never used the old index (its plain
version: SQLite ignores INCLUDE) and keeps its own covering indexes (0016), so the new one is PostgreSQL's only, out
of the models' state as those are (``evidence.sqlite_indexes``); the old one is dropped on both.
"""

from django.db import migrations

from evidence.sqlite_indexes import postgresql_only_indexes

INDEXES = (("regiontally_month_cover", "evidence_regiontally", "region_id, month", "aircraft_id, designator, near, over"),)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0019_missionregion_has_orbit")]

    operations = [
        migrations.RemoveIndex(model_name="regiontally", name="regiontally_airframe"),
        postgresql_only_indexes(INDEXES),
    ]
