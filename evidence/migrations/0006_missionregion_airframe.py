"""The mission's airframe denormalised onto its region rows (issue 9, speed), step 1: the column, filled from each
row's mission. Step 2 (0007) makes it required and adds its index; a separate migration because PostgreSQL refuses
to ALTER a table with foreign-key checks still pending from this UPDATE in the same transaction."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_mission_airframes(apps, schema_editor):
    """Fill the airframe from each row's mission (one UPDATE with a correlated subquery on the mission's key)."""
    Mission = apps.get_model("evidence", "Mission")
    MissionRegion = apps.get_model("evidence", "MissionRegion")
    airframe = Mission.objects.filter(pk=OuterRef("mission_id")).values("aircraft_id")[:1]
    MissionRegion.objects.update(aircraft_id=Subquery(airframe))


class Migration(migrations.Migration):

    dependencies = [
        ("evidence", "0005_merge_import_jobs_and_world_regions"),
    ]

    operations = [
        migrations.AddField(
            model_name="missionregion",
            name="aircraft",
            field=models.ForeignKey(
                db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+",
                to="evidence.aircraft",
            ),
        ),
        migrations.RunPython(copy_mission_airframes, migrations.RunPython.noop, elidable=True),
    ]
