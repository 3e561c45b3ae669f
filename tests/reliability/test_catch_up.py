"""Issue 12, defects 5 and 6: bounded redelivery, stuck extractions shown in the admin, the periodic sweep that
catches up after a broker outage, and the re-run from the CLI (the API's is in tests/api/test_reextract.py)."""
from __future__ import annotations

import datetime as dt
import time
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from claims import services
from claims.models import Article
from claims.services.articles import QUEUE_FAILED
from claims.services.reextraction import stuck_after
from tests.reliability.conftest import broker_down

BODY = "At least 11 of the missions were flown by Navy P-8 aircraft near Texas on February 3, officials said."

pytestmark = pytest.mark.django_db(transaction=True)  # the extraction is queued after a real commit


@pytest.fixture(autouse=True)
def _reference(seeded):
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    yield
    invalidate_vocabulary_cache()


def sweep() -> str:
    out = StringIO()
    call_command("sweep_extractions", stdout=out)
    return out.getvalue()


def test_redelivery_is_bounded_by_the_longest_task_time_limit():
    """Redis's default visibility timeout (an hour) left a killed worker's tasks stuck for an hour."""
    from project.celery import app

    app.loader.import_default_modules()
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    limits = {name: t.time_limit or app.conf.task_time_limit for name, t in app.tasks.items()
              if not name.startswith("celery.")}
    assert limits and max(limits.values()) <= settings.TASK_LONGEST_TIME_LIMIT, limits
    assert settings.TASK_LONGEST_TIME_LIMIT < options["visibility_timeout"] <= settings.TASK_LONGEST_TIME_LIMIT + 120
    assert app.conf.broker_transport_options["visibility_timeout"] == options["visibility_timeout"]
    # An extraction is stuck once it can no longer be running: past the extraction tasks' own hard limit (the import
    # units make the visibility timeout longer than that; the sweep, not Redis, catches a killed worker's extraction).
    extraction_limit = max(limits["claims.tasks.extract_article"], limits["claims.tasks.extract_articles"])
    assert stuck_after().total_seconds() >= extraction_limit + options["unacked_restore_interval"]
    assert stuck_after() < dt.timedelta(minutes=15)
    assert app.conf.beat_schedule["sweep-extractions"]["task"] == "claims.tasks.sweep_extractions"


def test_broker_down_at_save_is_caught_up_by_the_sweep():
    started = time.monotonic()
    with broker_down():
        article = services.article_create(title="Outage", body=BODY)
    assert time.monotonic() - started < 15  # the save does not hang on the broker
    article.refresh_from_db()
    assert article.extraction_status == "failed" and article.extraction_error.startswith(QUEUE_FAILED)
    assert "queued again automatically" in article.extraction_error
    assert sweep() == "Queued 1 extraction(s): not queued.\n"
    article.refresh_from_db()
    assert article.extraction_status == "done", article.extraction_error
    assert article.entities.filter(label="AIRCRAFT").exists()
    assert sweep().startswith("Nothing to queue")  # idempotent


def test_stuck_extractions_are_shown_and_swept_but_recent_ones_are_left(client, staff_admin):
    stuck = services.article_create(title="Stuck", body=BODY)
    recent = services.article_create(title="Recent", body=BODY.replace("11", "12"))
    long_ago = timezone.now() - stuck_after() - dt.timedelta(seconds=5)
    Article.objects.filter(pk=stuck.pk).update(extraction_status="running", extraction_status_at=long_ago)
    Article.objects.filter(pk=recent.pk).update(extraction_status="pending", extraction_status_at=timezone.now())

    client.force_login(staff_admin)
    page = client.get("/admin/claims/article/?stuck=yes").content.decode()
    assert "Stuck" in page and ">Stuck</a>" in page and ">Recent</a>" not in page
    assert "Running, stuck</strong>" in page
    assert "Running, stuck" in client.get(f"/admin/claims/article/{stuck.pk}/change/").content.decode()

    assert sweep() == "Queued 1 extraction(s): stuck.\n"
    assert Article.objects.get(pk=stuck.pk).extraction_status == "done"
    assert Article.objects.get(pk=recent.pk).extraction_status == "pending"
    assert ">Stuck</a>" not in client.get("/admin/claims/article/?stuck=yes").content.decode()


def test_out_of_date_extraction_is_swept():
    article = services.article_create(title="Edited behind our back", body=BODY)
    Article.objects.filter(pk=article.pk).update(extracted_digest="0" * 64)
    assert sweep() == "Queued 1 extraction(s): out of date.\n"
    article.refresh_from_db()
    assert article.extracted_digest == article.body_digest and article.extraction_status == "done"


def test_the_sweep_task_does_what_the_command_does():
    from claims.tasks import sweep_extractions

    with broker_down():
        article = services.article_create(title="Outage", body=BODY)
    assert sweep_extractions.delay().get() == {"not queued": 1}
    assert Article.objects.get(pk=article.pk).extraction_status == "done"


def test_reextract_command():
    ok = services.article_create(title="Fine", body=BODY)
    Article.objects.filter(pk=ok.pk).update(extraction_status="failed", extraction_error="ValueError: boom")
    other = services.article_create(title="Other", body=BODY.replace("Texas", "California"))
    out = StringIO()
    call_command("reextract", "--all-failed", stdout=out)
    assert out.getvalue() == f"Extraction queued for 1 article(s): #{ok.pk}.\n"
    assert Article.objects.get(pk=ok.pk).extraction_status == "done"
    out = StringIO()
    call_command("reextract", str(ok.pk), str(other.pk), stdout=out)
    assert out.getvalue() == f"Extraction queued for 2 article(s): #{ok.pk}, #{other.pk}.\n"
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {"done"}
    with pytest.raises(CommandError, match=r"No article with id 999999; nothing was queued"):
        call_command("reextract", "999999")
    with pytest.raises(CommandError, match="one of the two"):
        call_command("reextract")
