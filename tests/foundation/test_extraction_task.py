"""The extraction task as the desk sees it: queued after commit, idempotent, stale-safe, clear status on bad input."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import services
from claims.models import Article, Entity, ProposedClaim
from claims.services.extraction import ExtractionOutcome, run_extraction
from claims.tasks import extract_article

TEXT = (
    "At least 11 of the missions were flown by Navy P-8 aircraft near Texas, three US officials said. "
    "A U-2 spy plane flew a mission on February 3, according to open-source flight data."
)


@pytest.fixture
def article(seeded, django_capture_on_commit_callbacks) -> Article:
    with django_capture_on_commit_callbacks(execute=True):
        created = services.article_create(title="t", body=TEXT)
    created.refresh_from_db()
    return created


def snapshot(article: Article):
    return (
        sorted(article.entities.values_list("label", "start", "end", "text")),
        sorted(article.proposed_claims.values_list("start", "end", "text", "score")),
    )


def test_article_is_extracted_after_commit(article):
    assert article.extraction_status == "done", article.extraction_error
    assert article.extracted_digest == article.body_digest and article.extracted_at
    # (places need the region boundaries, which this fast fixture does not seed: see test_demo.py)
    assert {"AIRCRAFT", "QUANTITY", "ORG", "ATTRIBUTION", "DATE"} <= set(
        article.entities.values_list("label", flat=True)
    )
    p8 = article.entities.get(label="AIRCRAFT", text="P-8")
    assert TEXT[p8.start : p8.end] == "P-8" and p8.value["designator"] == "P8"


def test_running_twice_on_the_same_text_leaves_the_same_rows(article):
    before = snapshot(article)
    assert extract_article.apply(args=(article.pk, article.body_digest)).get() == "done"
    assert snapshot(article) == before


def test_a_new_text_replaces_the_previous_extraction(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.article_update(article=article, body="An RC-135 Rivet Joint circled the Baja peninsula on February 4.")
    article.refresh_from_db()
    texts = set(article.entities.values_list("text", flat=True))
    assert "P-8" not in texts
    assert any("RC-135" in t for t in texts)


def test_stale_job_drops_its_result(article):
    old_digest = article.body_digest
    Article.objects.filter(pk=article.pk).update(body=article.body + " Edited.", body_digest="x" * 64)
    before_entities = Entity.objects.filter(article=article).count()
    assert run_extraction(article_id=article.pk, digest=old_digest) is ExtractionOutcome.STALE
    assert Entity.objects.filter(article=article).count() == before_entities


def test_deleted_article_job_returns_quietly(article):
    pk, digest = article.pk, article.body_digest
    article.delete()
    assert run_extraction(article_id=pk, digest=digest) is ExtractionOutcome.DELETED


def test_decided_proposals_survive_a_rerun(article, factchecker):
    proposal = article.proposed_claims.order_by("-score").first()
    services.proposed_claim_dismiss(proposal=proposal, user=factchecker)
    run_extraction(article_id=article.pk, digest=article.body_digest)
    assert ProposedClaim.objects.filter(pk=proposal.pk, status="dismissed").exists()
    assert not article.proposed_claims.filter(start=proposal.start, end=proposal.end, status="open").exists()


@pytest.mark.parametrize(
    "body,message",
    [("", "empty"), ("   \n\t ", "empty"), ("abc\x00def", "NUL"), ("\x01\x02\x03\x04" * 100, "binary")],
)
def test_unusable_text_is_refused_and_nothing_written(seeded, body, message):
    before = Article.objects.count()
    with pytest.raises(ValidationError, match=message):
        services.article_create(title="bad", body=body)
    assert Article.objects.count() == before


def test_text_over_the_limit_is_refused(seeded, settings):
    settings.ARTICLE_MAX_CHARS = 1000
    with pytest.raises(ValidationError, match="limit is 1,000"):
        services.article_create(title="huge", body="word " * 1000)


def test_a_five_megabyte_article_gets_a_clear_failed_status_not_a_crash(
    seeded, django_capture_on_commit_callbacks, settings
):
    # Stored (the limit for storing is raised here) but longer than the extractor reads: a clear failed status.
    big = ("A P-8 flew near Texas on February 3, officials said. " * 100_000)[:5_000_000]
    settings.ARTICLE_MAX_CHARS = 6_000_000
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = services.article_create(title="huge", body=big)
    settings.ARTICLE_MAX_CHARS = 2_000_000
    for callback in callbacks:
        callback()
    article.refresh_from_db()
    assert article.extraction_status == "failed"
    assert "limit" in article.extraction_error and not article.entities.exists()


def test_other_language_is_marked_and_proposes_nothing(seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_create(
            title="es",
            body="Según tres funcionarios, un avión P-8 de la Marina sobrevoló Texas el 3 de febrero y los vuelos "
            "de vigilancia se multiplicaron en la frontera con México durante las últimas semanas.",
        )
    article.refresh_from_db()
    assert article.extraction_status == "done" and article.language == "es"
    assert "not English" in article.extraction_error or "English" in article.extraction_error
    assert not article.proposed_claims.exists()


def test_html_full_of_scripts_is_reduced_before_extraction(seeded, tmp_path, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><script>var s='A U-2 flew over Ohio on May 1';</script></head><body>"
        + "<script>alert(1)</script>" * 200
        + "<p>A P-8 flew near Texas on 3 February 2025.</p></body></html>",
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest_article", str(page))
    article = Article.objects.latest("pk")
    assert article.extraction_status == "done"
    assert "Ohio" not in article.body and set(
        article.entities.filter(label="AIRCRAFT").values_list("text", flat=True)
    ) == {"P-8"}


def test_failed_article_shows_the_error_and_can_be_rerun_from_the_admin(
    article, client, factchecker, django_capture_on_commit_callbacks
):
    Article.objects.filter(pk=article.pk).update(extraction_status="failed", extraction_error="Worker lost")
    client.force_login(factchecker)
    page = client.get(reverse("admin:claims_article_change", args=[article.pk]))
    assert b"Worker lost" in page.content
    with django_capture_on_commit_callbacks(execute=True):
        resp = client.post(reverse("admin:claims_article_extract", args=[article.pk]))
    assert resp.status_code == 302
    article.refresh_from_db()
    assert article.extraction_status == "done" and article.extraction_error == ""
