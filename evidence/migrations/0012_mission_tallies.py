"""Pre-aggregated mission counts (evidence/tally.py): the two tally tables, their state row, the triggers that keep
them exact, and the tallies computed from the missions already stored."""

import django.db.models.deletion
from django.db import migrations, models


def build(apps, schema_editor) -> None:
    from evidence import tally

    tally.rebuild(schema_editor.connection)


def drop(apps, schema_editor) -> None:
    from evidence import tally

    tally.uninstall(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('evidence', '0011_rc12_is_a_king_air_200'),
    ]

    operations = [
        migrations.CreateModel(
            name='TallyState',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('near_nm', models.FloatField()),
                ('ready', models.BooleanField(default=False)),
                ('rebuilt_at', models.DateTimeField(blank=True, null=True)),
            ],
        ),
        migrations.CreateModel(
            name='DayTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField()),
                ('designator', models.CharField(blank=True, max_length=4)),
                ('missions', models.IntegerField()),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('day', 'designator'), name='daytally_key')],
            },
        ),
        migrations.CreateModel(
            name='MissionTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField()),
                ('designator', models.CharField(blank=True, max_length=4)),
                ('missions', models.IntegerField()),
                ('aircraft', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evidence.aircraft')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('month', 'aircraft', 'designator'), name='missiontally_key')],
            },
        ),
        migrations.CreateModel(
            name='PairTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField()),
                ('designator', models.CharField(blank=True, max_length=4)),
                ('near_near', models.IntegerField()),
                ('over_near', models.IntegerField()),
                ('near_over', models.IntegerField()),
                ('over_over', models.IntegerField()),
                ('aircraft', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evidence.aircraft')),
                ('region_a', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evidence.region')),
                ('region_b', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evidence.region')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('region_a', 'region_b', 'month', 'aircraft', 'designator'), name='pairtally_key')],
            },
        ),
        migrations.CreateModel(
            name='RegionTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField()),
                ('designator', models.CharField(blank=True, max_length=4)),
                ('near', models.IntegerField()),
                ('over', models.IntegerField()),
                ('aircraft', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evidence.aircraft')),
                ('region', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evidence.region')),
            ],
            options={
                'indexes': [models.Index(fields=['month', 'region'], name='regiontally_month'), models.Index(fields=['region', 'aircraft'], include=('month', 'designator', 'near', 'over'), name='regiontally_airframe')],
                'constraints': [models.UniqueConstraint(fields=('region', 'month', 'aircraft', 'designator'), name='regiontally_key')],
            },
        ),
        migrations.RunPython(build, drop),
    ]
