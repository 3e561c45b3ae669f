"""The denormalised airframe on the region rows (0006), step 2: required; the (region, start, …) index covering the
type and airframe too; and the index "which aircraft flew near/over X" (all time) reads:
``(region, aircraft, mission_start, distance_nm, over, aircraft_type, mission)``."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("evidence", "0006_missionregion_airframe"),
    ]

    operations = [
        migrations.AlterField(
            model_name="missionregion",
            name="aircraft",
            field=models.ForeignKey(
                db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="evidence.aircraft"
            ),
        ),
        # the (region, start, …) index gains the type and airframe at its end: covering for "per type" and "which
        # aircraft" in a period as well
        migrations.RemoveIndex(model_name="missionregion", name="missionregion_region_start"),
        migrations.AddIndex(
            model_name="missionregion",
            index=models.Index(
                fields=["region", "mission_start", "distance_nm", "over", "mission", "aircraft_type", "aircraft"],
                name="missionregion_region_start",
            ),
        ),
        migrations.AddIndex(
            model_name="missionregion",
            index=models.Index(
                fields=["region", "aircraft", "mission_start", "distance_nm", "over", "aircraft_type", "mission"],
                name="missionregion_region_airframe",
            ),
        ),
    ]
