"""Extraction through a real Celery worker consuming from Redis, on PostgreSQL (run by .ci/run)."""
from __future__ import annotations

import time

import pytest

from claims import services
from claims.models import Article

pytestmark = [pytest.mark.services]


def wait_for_status(article_id: int, statuses: set[str], timeout: float = 90.0) -> Article:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        article = Article.objects.get(pk=article_id)
        if article.extraction_status in statuses:
            return article
        time.sleep(0.2)
    raise AssertionError(f"article {article_id} still {article.extraction_status} after {timeout} s")


def test_new_article_is_extracted_by_a_worker(real_worker, reference_data):
    article = services.article_create(
        title="P-8 flights",
        body="At least 11 of the missions were flown by Navy P-8 aircraft near Texas on February 3, officials said.",
        published_at=None,
    )
    done = wait_for_status(article.pk, {"done", "failed"})
    assert done.extraction_status == "done", done.extraction_error
    labels = set(done.entities.values_list("label", flat=True))
    assert {"AIRCRAFT", "PLACE", "QUANTITY"} <= labels
    assert done.proposed_claims.exists()


def test_edit_during_queue_drops_the_stale_result_and_extracts_the_new_text(real_worker, reference_data):
    article = services.article_create(title="First", body="A U-2 flew near Texas on February 3, officials said.")
    services.article_update(article=article, body="An RC-135 Rivet Joint circled the Baja peninsula on February 4.")
    done = wait_for_status(article.pk, {"done", "failed"})
    assert done.extraction_status == "done", done.extraction_error
    texts = set(done.entities.values_list("text", flat=True))
    assert "U-2" not in texts and any("RC-135" in t for t in texts)


def test_worker_keeps_serving_after_garbage(real_worker, reference_data):
    bad = services.article_create(title="Noise", body="\u2603" * 5000 + " ??? " * 2000)
    good = services.article_create(title="Good", body="A P-8 flew over California on 2 February 2025.")
    assert wait_for_status(bad.pk, {"done", "failed"}).extraction_status in {"done", "failed"}
    assert wait_for_status(good.pk, {"done", "failed"}).extraction_status == "done"
