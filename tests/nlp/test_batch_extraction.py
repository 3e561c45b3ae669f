"""Bulk ingestion: ``run_extraction_many`` / the ``extract_articles`` task write what ``run_extraction`` writes, with
the same per-article outcomes (deleted, stale, failed) and one transaction per article."""

from __future__ import annotations

import pytest

from claims.models import Article, Claim, Entity, ProposedClaim, text_digest
from claims.services.extraction import ExtractionOutcome, run_extraction, run_extraction_many
from claims.tasks import extract_articles

TEXT = (
    "At least 11 of the missions were flown by Navy P-8 aircraft near Texas, three US officials said. "
    "A U-2 spy plane flew a mission on February 3, according to open-source flight data."
)
OTHER = "An RC-135 Rivet Joint circled the Baja peninsula on February 4, the Pentagon said."


def _article(body: str, title: str = "t") -> Article:
    # created without the after-commit extraction: the test runs it
    return Article.objects.create(title=title, body=body, body_digest=text_digest(body))


def _rows(article: Article) -> tuple[list, list]:
    return (
        sorted(article.entities.values_list("label", "start", "end", "text", "value")),
        sorted(article.proposed_claims.values_list("start", "end", "text", "score", "reasons", "scope",
                                                   "stated_count", "claimant", "status")),
    )


@pytest.mark.django_db
def test_batch_writes_what_one_at_a_time_writes(seeded):
    one, two = _article(TEXT, "one"), _article(TEXT, "two")
    other = _article(OTHER, "other")
    assert run_extraction(article_id=one.pk, digest=one.body_digest) is ExtractionOutcome.DONE
    outcomes = run_extraction_many([(two.pk, two.body_digest), (other.pk, other.body_digest)])
    assert outcomes == [ExtractionOutcome.DONE, ExtractionOutcome.DONE]
    assert _rows(one) == _rows(two) and _rows(two)[0] and _rows(two)[1]
    for article in (one, two, other):
        article.refresh_from_db()
        assert article.extraction_status == "done" and article.extracted_digest == article.body_digest
    assert Entity.objects.filter(article=other, label="AIRCRAFT").exists()


@pytest.mark.django_db
def test_batch_outcomes_per_article(seeded, settings):
    ok = _article(TEXT, "ok")
    stale = _article(TEXT, "stale")
    gone = _article(TEXT, "gone")
    gone_id = gone.pk
    gone.delete()
    settings.ARTICLE_MAX_CHARS = 300
    too_long = _article(TEXT * 3, "too long")  # the batch raises for it: the others still get their results
    outcomes = run_extraction_many([
        (ok.pk, ok.body_digest), (stale.pk, "0" * 64), (gone_id, "0" * 64), (too_long.pk, too_long.body_digest),
    ])
    assert outcomes == [ExtractionOutcome.DONE, ExtractionOutcome.STALE, ExtractionOutcome.DELETED,
                        ExtractionOutcome.FAILED]
    too_long.refresh_from_db()
    assert too_long.extraction_status == "failed" and "ARTICLE_MAX_CHARS" in too_long.extraction_error
    assert not Entity.objects.filter(article__in=[stale, too_long]).exists()
    assert Entity.objects.filter(article=ok).exists()


@pytest.mark.django_db
def test_rerun_keeps_decided_proposals_and_skips_claimed_sentences(seeded, factchecker):
    article = _article(TEXT)
    run_extraction_many([(article.pk, article.body_digest)])
    first, second = article.proposed_claims.order_by("start")[:2]
    ProposedClaim.objects.filter(pk=first.pk).update(status=ProposedClaim.Status.DISMISSED)
    Claim.objects.create(article=article, exact=second.text, start=second.start, end=second.end)
    ProposedClaim.objects.filter(pk=second.pk).delete()
    assert extract_articles.apply(args=([[article.pk, article.body_digest]],)).get() == ["done"]
    texts = list(article.proposed_claims.values_list("start", "status"))
    assert (first.start, "dismissed") in texts  # kept, not duplicated
    assert sum(1 for start, _ in texts if start == first.start) == 1
    assert all(start != second.start for start, _ in texts)  # a claim exists there: not proposed again
