"""The mission's ``has_orbit`` on its region rows, copied onto the rows that exist, and a partial index of the
orbiting missions' rows: "which aircraft orbited near Sinaloa?" is then a range of the region rows alone, as the
type and the airframe already are (denormalised in 0003 and 0006). From the missions, SQLite looked up each of the
place's ~150,000 missions of all time one by one (1 M synthetic missions: ~500 ms; docs/PERFORMANCE.md).

The column is added by ``ALTER TABLE … ADD COLUMN … NOT NULL DEFAULT false`` on both databases: Django's own
operation rebuilds the whole SQLite table for a NOT NULL column, which would drop the tallies' triggers on it
(evidence/tally.py), and PostgreSQL adds a column with a constant default without rewriting a row (the partitions
inherit it). The copy turns the tallies' triggers off for its transaction on PostgreSQL: ``has_orbit`` is in no
tally, and its statement trigger would take every touched row out of the tallies and put it back (SQLite's row
triggers fire only when a counted column changes). Reversed, the index goes, then the column.
"""

from typing import Any

from django.db import migrations, models

TABLE = "evidence_missionregion"
COLUMN_TYPE = {"sqlite": "bool NOT NULL DEFAULT 0", "postgresql": "boolean NOT NULL DEFAULT false"}


def add_column(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute(f'ALTER TABLE "{TABLE}" ADD COLUMN "has_orbit" {COLUMN_TYPE[schema_editor.connection.vendor]}')


def drop_column(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute(f'ALTER TABLE "{TABLE}" DROP COLUMN "has_orbit"')


def copy_orbits(apps: Any, schema_editor: Any) -> None:
    """Every region row of a mission with an orbit says so (the others keep the default, false)."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from evidence import tally

            tally.triggers_off(cursor)  # transaction-local: the migration's own transaction
            # the start too: one partition of the region rows per mission
            cursor.execute(f'UPDATE "{TABLE}" r SET has_orbit = true FROM evidence_mission m '
                           "WHERE m.has_orbit AND r.mission_id = m.id AND r.mission_start = m.start")
            tally.triggers_on(cursor)
        else:
            cursor.execute(f'UPDATE "{TABLE}" SET has_orbit = 1 WHERE mission_id IN '
                           "(SELECT id FROM evidence_mission WHERE has_orbit)")


class Migration(migrations.Migration):
    dependencies = [("evidence", "0018_missiontally_airframe_cover_on_sqlite")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_column, drop_column)],
            state_operations=[
                migrations.AddField(
                    model_name="missionregion",
                    name="has_orbit",
                    field=models.BooleanField(db_default=False, default=False),
                ),
            ],
        ),
        migrations.RunPython(copy_orbits, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="missionregion",
            index=models.Index(
                condition=models.Q(("has_orbit", True)),
                fields=["region", "aircraft", "mission_start", "distance_nm", "over", "aircraft_type", "mission",
                        "has_orbit"],
                name="missionregion_orbits",
            ),
        ),
    ]
