"""Reference data is there after `migrate`, and `import_flights` refuses a database without regions."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from evidence.models import ImportRun, Mission

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "flightdata" / "fixtures"


@pytest.mark.django_db
def test_import_flights_refuses_a_database_without_regions():
    with pytest.raises(CommandError, match="no regions") as exc:
        call_command("import_flights", str(FIXTURES / "readsb_14field.json"), stdout=StringIO())
    assert "seed_reference" in str(exc.value) and "--allow-untagged" in str(exc.value)
    assert not ImportRun.objects.exists() and not Mission.objects.exists()  # nothing was read or written


@pytest.mark.django_db
def test_post_migrate_seeds_only_when_migrations_were_applied(settings):
    from evidence.apps import _seed_after_migrate
    from evidence.models import AircraftType, Region

    settings.SEED_REFERENCE_ON_MIGRATE = True
    _seed_after_migrate(sender=None, plan=None, verbosity=0)  # a flush: no plan
    _seed_after_migrate(sender=None, plan=[], verbosity=0)  # migrate with nothing to do
    assert not Region.objects.exists()
    settings.SEED_REFERENCE_ON_MIGRATE = False
    _seed_after_migrate(sender=None, plan=[(object(), False)], verbosity=0)
    assert not Region.objects.exists()
    settings.SEED_REFERENCE_ON_MIGRATE = True
    _seed_after_migrate(sender=None, plan=[(object(), False)], verbosity=0)
    assert Region.objects.filter(slug="kaliningrad-oblast").exists()
    assert AircraftType.objects.filter(designator="B52", role="bomber").exists()


@pytest.mark.slow
def test_migrate_then_import_flights_on_a_fresh_database_tags_regions(tmp_path):
    """End to end through the CLI on a new SQLite file: `migrate` seeds, `import_flights` tags."""
    db = tmp_path / "fresh.sqlite3"
    # The embedded default (tasks in-process): under .ci/run the environment names a broker, and an import queued
    # there would wait for a worker this test does not start.
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env |= {"DJANGO_ENV": "test", "DATABASE_URL": f"sqlite:///{db}", "SEED_REFERENCE_ON_MIGRATE": "1",
            "FLIGHTCHECK_REGION_CACHE": str(ROOT / "var" / "cache")}
    manage = [sys.executable, str(ROOT / "manage.py")]
    migrate = subprocess.run([*manage, "migrate", "--noinput"], env=env, capture_output=True, text=True,
                             timeout=900, check=False)
    assert migrate.returncode == 0, migrate.stderr[-2000:]
    assert "regions" in migrate.stdout
    imported = subprocess.run([*manage, "import_flights", str(FIXTURES / "readsb_14field.json")], env=env,
                              capture_output=True, text=True, timeout=600, check=False)
    assert imported.returncode == 0, imported.stdout[-2000:] + imported.stderr[-2000:]
    con = sqlite3.connect(db)
    try:
        (regions,) = con.execute("SELECT COUNT(*) FROM evidence_region").fetchone()
        (links,) = con.execute("SELECT COUNT(*) FROM evidence_missionregion").fetchone()
    finally:
        con.close()
    assert regions > 1000 and links > 0


@pytest.mark.django_db
def test_reseeding_renames_a_misnamed_region_and_withdraws_a_wrong_alias():
    """Eighth NLP pass (blind6): a database seeded when the Spratlys were "wake-island" and "doomsday plane" was the
    E-4B's alias gets the row renamed (its missions stay tagged) and the alias withdrawn on the next seed."""
    from evidence.models import AircraftType, Region
    from evidence.services.reference import seed_aircraft_types, sync_regions

    sync_regions()
    seed_aircraft_types()
    spratlys = Region.objects.get(slug="spratly-islands")
    Region.objects.filter(pk=spratlys.pk).update(slug="wake-island", name="Wake Island")
    AircraftType.objects.filter(designator="B742").update(aliases=["E-4B", "doomsday plane"])
    sync_regions()
    seed_aircraft_types()
    renamed = Region.objects.get(pk=spratlys.pk)
    assert renamed.slug == "spratly-islands" and renamed.name == "Spratly Islands"
    assert not Region.objects.filter(slug="wake-island").exists()
    assert "doomsday plane" not in AircraftType.objects.get(designator="B742").aliases


@pytest.mark.django_db
def test_reseeding_renames_subdivisions_written_with_a_wrong_country_and_withdraws_sevastopol_from_crimea():
    """Found asking the demo: "Queensland, Ashmore and Cartier Islands" (a territory's name for Australia's) and
    "Sevastopol" as an alias of all of Crimea; a database seeded before keeps its rows (found by their outline),
    renamed, without the alias."""
    from evidence.models import Region
    from evidence.services.reference import sync_regions

    sync_regions()
    queensland = Region.objects.get(slug="queensland")
    Region.objects.filter(pk=queensland.pk).update(slug="queensland-ashmore-and-cartier-islands",
                                                   name="Queensland, Ashmore and Cartier Islands")
    acre = Region.objects.get(slug="acre-brazil")
    Region.objects.filter(pk=acre.pk).update(slug="acre-brazilian-island", name="Acre, Brazilian Island")
    crimea = Region.objects.get(slug="crimea")
    Region.objects.filter(pk=crimea.pk).update(aliases=[*crimea.aliases, "Sevastopol"])
    count = Region.objects.count()
    sync_regions()
    renamed = Region.objects.get(pk=queensland.pk)
    assert (renamed.slug, renamed.name) == ("queensland", "Queensland")
    assert Region.objects.get(pk=acre.pk).slug == "acre-brazil"
    assert Region.objects.count() == count
    assert "Sevastopol" not in Region.objects.get(pk=crimea.pk).aliases
