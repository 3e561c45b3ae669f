"""Broker down when articles are saved (issue 12, defect 6): the saves succeed, the articles say their extraction
could not be queued, and when the broker is back the periodic sweep (Celery beat, here embedded in the worker with a
2-second period) queues them — nobody has to do anything."""
from __future__ import annotations

import time

import pytest

from claims import services
from claims.models import Article
from claims.services.articles import QUEUE_FAILED
from tests.faults.conftest import wait_until
from tests.reliability.conftest import broker_down

pytestmark = [pytest.mark.faults]

SWEEP_SECONDS = 2
BODY = "At least {n} of the missions were flown by Navy P-8 aircraft near Texas on February 3, officials said."


def test_articles_saved_during_an_outage_are_extracted_when_the_broker_is_back(workers, reference_data):
    saved = time.monotonic()
    with broker_down():
        ids = [services.article_create(title=f"During the outage {n}", body=BODY.format(n=n)).pk for n in range(5)]
    save_seconds = (time.monotonic() - saved) / len(ids)
    for article in Article.objects.filter(pk__in=ids):
        assert article.extraction_status == "failed" and article.extraction_error.startswith(QUEUE_FAILED)

    back = time.monotonic()  # the broker is back for this process; the workers and beat come up on it
    workers.start(env={"EXTRACTION_SWEEP_SECONDS": str(SWEEP_SECONDS)}, beat=True)
    wait_until(
        lambda: set(Article.objects.filter(pk__in=ids).values_list("extraction_status", flat=True)) == {"done"},
        60, "the articles saved during the outage extracted by the sweep",
    )
    recovered = time.monotonic() - back
    print(f"FIGURES broker-outage: {len(ids)} articles saved during the outage ({save_seconds:.2f} s per save), "
          f"all extracted {recovered:.1f} s after the broker was back (worker start included, sweep every "
          f"{SWEEP_SECONDS} s)")
    assert all(a.entities.exists() for a in Article.objects.filter(pk__in=ids))
