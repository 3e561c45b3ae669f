"""Issue 11: missions and mission–region rows partitioned by month on PostgreSQL (SQLite keeps plain tables).

Generic (evidence/partitioning.py): each table is rebuilt with ``CREATE TABLE … (LIKE old INCLUDING DEFAULTS
INCLUDING CONSTRAINTS …) PARTITION BY RANGE``, its rows copied with ``INSERT … SELECT *`` and its indexes and keys
recreated from the catalogue, so a column or index another migration added before this one carries over. Keys that
must hold the partition key get it appended: ``(id, start)``, ``(mission_id, region_id, mission_start)``; the
mission–region rows reference missions through ``(mission_id, mission_start)`` (ON UPDATE CASCADE). Reversible.
"""

import django.db.models.deletion
from django.db import migrations, models


def partition(apps, schema_editor) -> None:
    from evidence.partitioning import partition_mission_tables

    partition_mission_tables(schema_editor.connection)


def unpartition(apps, schema_editor) -> None:
    from evidence.partitioning import unpartition_mission_tables

    unpartition_mission_tables(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('evidence', '0008_merge_overview_and_airframe'),
        ('claims', '0007_mission_keys_without_db_constraint'),
    ]

    operations = [
        migrations.AlterField(
            model_name='missionregion',
            name='mission',
            field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.CASCADE,
                                    related_name='region_links', to='evidence.mission'),
        ),
        migrations.RunPython(partition, unpartition, elidable=False),
    ]
