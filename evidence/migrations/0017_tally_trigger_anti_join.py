"""The region rows' tally triggers again (evidence/tally.py), PostgreSQL only in effect: the rows a statement left
alone are found with an anti-join (``NOT EXISTS``) instead of ``NOT IN (SELECT id FROM new_rows)``, which
PostgreSQL hashes only while the statement's rows fit in ``work_mem`` and otherwise probes row by row against the
whole list (quadratic: a 400,000-row insert ran for over 13 minutes). Same rows, same tallies."""

from django.db import migrations


def reinstall(apps, schema_editor) -> None:
    from evidence import tally

    tally.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0016_tally_covering_indexes_on_sqlite"),
    ]

    operations = [
        migrations.RunPython(reinstall, migrations.RunPython.noop),
    ]
