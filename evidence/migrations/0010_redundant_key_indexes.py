"""Drop the foreign keys' own indexes where a composite index leads with the same column (issue 9 / 11).

``Mission.aircraft`` and ``Mission.aircraft_type`` are served by the (aircraft, start) and (aircraft_type, start)
indexes; ``MissionRegion.mission`` by the unique (mission, region[, mission_start]) key, ``MissionRegion.region`` by
the (region, …) indexes. The state change is Django's AlterField(db_index=False); the database change only drops
the indexes (and PostgreSQL's ``varchar_pattern_ops`` twins of the text keys), instead of Django's generic plan that
also drops and re-validates each foreign key constraint over every row. On PostgreSQL an index of the partitioned
table is dropped with the partitions' own; reversing creates them again the same way.
"""
import django.db.models.deletion
from django.db import migrations, models

#: (model, field): the indexes Django named for these keys when it created them.
KEYS = (("mission", "aircraft"), ("mission", "aircraft_type"), ("missionregion", "mission"),
        ("missionregion", "region"))


def _index_names(schema_editor, model, field_name):
    field = model._meta.get_field(field_name)
    name = schema_editor._create_index_name(model._meta.db_table, [field.column])
    text_key = field.target_field.get_internal_type() in ("CharField", "TextField")
    like = [schema_editor._create_index_name(model._meta.db_table, [field.column], suffix="_like")] if (
        text_key and schema_editor.connection.vendor == "postgresql") else []
    return [name, *like]


def drop_indexes(apps, schema_editor):
    for model_name, field_name in KEYS:
        model = apps.get_model("evidence", model_name)
        for name in _index_names(schema_editor, model, field_name):
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


def create_indexes(apps, schema_editor):
    for model_name, field_name in KEYS:
        model = apps.get_model("evidence", model_name)
        field = model._meta.get_field(field_name)
        names = _index_names(schema_editor, model, field_name)
        table, column = schema_editor.quote_name(model._meta.db_table), schema_editor.quote_name(field.column)
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {schema_editor.quote_name(names[0])} ON {table} ({column})")
        if len(names) > 1:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {schema_editor.quote_name(names[1])} ON {table} "
                                  f"({column} varchar_pattern_ops)")


class Migration(migrations.Migration):

    dependencies = [
        ('evidence', '0009_partition_missions_by_month'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='mission',
                    name='aircraft',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='missions', to='evidence.aircraft'),
                ),
                migrations.AlterField(
                    model_name='mission',
                    name='aircraft_type',
                    field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='missions', to='evidence.aircrafttype'),
                ),
                migrations.AlterField(
                    model_name='missionregion',
                    name='mission',
                    field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='region_links', to='evidence.mission'),
                ),
                migrations.AlterField(
                    model_name='missionregion',
                    name='region',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='mission_links', to='evidence.region'),
                ),

            ],
            database_operations=[migrations.RunPython(drop_indexes, create_indexes)],
        ),
    ]
