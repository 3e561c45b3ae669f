"""A Celery worker process builds the region tagger when it starts (evidence.tasks.prepare_region_tagger), through
Celery's own signal, not inside the first import unit it takes."""
from __future__ import annotations

import pytest


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_builds_the_region_tagger_when_it_starts(settings):
    """Celery's worker_process_init: the pool process builds the tagger before it takes a unit (the world's regions
    cost ~8 s of CPU, which every worker's first unit paid); off by setting; no regions yet is not an error."""
    import shapely
    from celery.signals import worker_process_init

    from evidence.models import Region
    from evidence.services import import_jobs
    from evidence.tasks import prepare_region_tagger

    import_jobs._TAGGER_CACHE.clear()
    assert prepare_region_tagger() is False and import_jobs._TAGGER_CACHE.get("tagger") is None  # no regions yet
    Region.objects.create(slug="tagger-box", name="Tagger Box", kind="area", min_lon=-101, min_lat=29, max_lon=-98,
                          max_lat=32, geometry_wkb=shapely.to_wkb(shapely.box(-101, 29, -98, 32)))
    import_jobs._TAGGER_CACHE.clear()
    replies = dict(worker_process_init.send(sender=None))
    assert replies[prepare_region_tagger] is True
    assert import_jobs._TAGGER_CACHE["tagger"] is not None  # the first unit reuses it
    settings.IMPORT_WORKER_PREPARE_TAGGER = False
    import_jobs._TAGGER_CACHE.clear()
    assert prepare_region_tagger() is False and "tagger" not in import_jobs._TAGGER_CACHE
