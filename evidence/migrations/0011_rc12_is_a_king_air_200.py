"""The RC-12 Guardrail is a King Air 200 (ICAO Doc 8643: BE20), not a King Air 350 (B350), which the curated
aliases said until now: a question about RC-12s counted King Air 350s (MC-12Ws…). Seeding merges aliases and never
drops one (people add their own), so the wrong ones are taken off B350 here; the reference seed that ``migrate``
runs afterwards gives them to BE20 and renames both."""

from django.db import migrations

WRONG_ON_B350 = {"RC-12", "RC-12X", "RC-12 Guardrail", "Guardrail"}


def take_rc12_off_the_350(apps, schema_editor) -> None:
    AircraftType = apps.get_model("evidence", "AircraftType")
    for row in AircraftType.objects.filter(designator="B350"):
        kept = [a for a in row.aliases if a not in WRONG_ON_B350]
        if kept != row.aliases:
            row.aliases = kept
            row.save(update_fields=["aliases"])


class Migration(migrations.Migration):
    dependencies = [("evidence", "0010_redundant_key_indexes")]
    operations = [migrations.RunPython(take_rc12_off_the_350, migrations.RunPython.noop)]
