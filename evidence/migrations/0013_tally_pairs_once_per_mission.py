"""The region rows' tally triggers again (evidence/tally.py): on PostgreSQL a statement that inserted or deleted k
rows of a mission that kept other rows counted each pair of them with a kept row k times (the pair tally's join
listed the mission once per row); every touched mission is now listed once. Only the triggers change: tallies that
such a statement made wrong are found by ``manage.py tally --check`` (and the daily check, which stops reading them)
and mended by ``manage.py tally --rebuild``."""

from django.db import migrations


def reinstall(apps, schema_editor) -> None:
    from evidence import tally

    tally.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0012_mission_tallies"),
    ]

    operations = [
        migrations.RunPython(reinstall, migrations.RunPython.noop),
    ]
