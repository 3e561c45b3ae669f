"""Article writes: create, edit (re-anchoring claims), and (re)queue extraction after commit."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from claims.anchoring import Selectors, reanchor
from claims.models import Article, Claim, text_digest

logger = logging.getLogger(__name__)

_CONTROL_OK = {"\n", "\r", "\t"}


def validate_article_text(body: object) -> str:
    """Reject what cannot be an article, with a message that says what is wrong. Returns the text to store."""
    if not isinstance(body, str):
        raise ValidationError({"body": f"The article text must be text, not {type(body).__name__}."})
    if "\x00" in body:
        raise ValidationError({"body": "The article text contains NUL bytes: it looks like a binary file, not text."})
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValidationError({"body": "The article text is empty."})
    if len(text) > settings.ARTICLE_MAX_CHARS:
        raise ValidationError(
            {"body": f"The article text has {len(text):,} characters; the limit is {settings.ARTICLE_MAX_CHARS:,}."}
        )
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _CONTROL_OK)
    replacement = sample.count("\ufffd")
    if (controls + replacement) > max(20, len(sample) // 50):
        raise ValidationError(
            {"body": "The article text is mostly control or undecodable characters: it looks like binary data."}
        )
    return text


#: How a queueing failure (broker unreachable) starts the article's error: the sweep queues those again.
QUEUE_FAILED = "Could not queue the extraction"


def _mark_queue_failed(pairs: list[tuple[int, str]], exc: Exception) -> None:
    for pk, digest in pairs:
        Article.objects.filter(pk=pk, body_digest=digest).update(
            extraction_status=Article.ExtractionStatus.FAILED,
            extraction_error=f"{QUEUE_FAILED}: {exc}. It is queued again automatically when the broker is back.",
            extraction_status_at=timezone.now(),
        )


def queue_extractions(pairs: list[tuple[int, str]], *, batch_size: int = 32, batched: bool = True) -> None:
    """Send (article id, digest) pairs to the workers now: batch tasks (shared NLP), or with ``batched=False`` one
    task per article. A broker outage does not raise: the articles are marked failed with :data:`QUEUE_FAILED`, and
    the sweep catches up."""
    from claims.tasks import extract_article, extract_articles

    if not batched:
        for pair in pairs:
            try:
                extract_article.delay(*pair)
            except Exception as exc:  # a broker outage must not fail the save; the status says what happened
                logger.exception("could not queue extraction of article %s", pair[0])
                _mark_queue_failed([pair], exc)
        return
    for i in range(0, len(pairs), batch_size):
        chunk = pairs[i : i + batch_size]
        try:
            extract_articles.delay([list(p) for p in chunk])
        except Exception as exc:  # a broker outage must not lose the articles; their status says why
            logger.exception("could not queue extraction of %d articles", len(chunk))
            _mark_queue_failed(chunk, exc)


def articles_request_extraction(*, articles: list[Article], batch_size: int = 32) -> None:
    """Bulk ingestion: queue the extraction of many articles as batch tasks (shared NLP), after commit."""
    pairs = [(a.pk, a.body_digest) for a in articles]
    Article.objects.filter(pk__in=[pk for pk, _ in pairs]).update(
        extraction_status=Article.ExtractionStatus.PENDING, extraction_error="", extraction_status_at=timezone.now()
    )
    transaction.on_commit(lambda: queue_extractions(pairs, batch_size=batch_size))


def article_request_extraction(*, article: Article) -> None:
    """Mark the article pending and queue its extraction once the surrounding transaction commits."""
    now = timezone.now()
    Article.objects.filter(pk=article.pk).update(
        extraction_status=Article.ExtractionStatus.PENDING, extraction_error="", extraction_status_at=now
    )
    article.extraction_status = Article.ExtractionStatus.PENDING
    article.extraction_error, article.extraction_status_at = "", now
    pairs = [(article.pk, article.body_digest)]
    transaction.on_commit(lambda: queue_extractions(pairs, batched=False))


def article_create(
    *,
    body: str,
    title: str = "",
    outlet: str = "",
    author: str = "",
    url: str | None = None,
    published_at: dt.datetime | None = None,
    language: str = "en",
    user=None,
    queue_extraction: bool = True,
) -> Article:
    """Create an article; its extraction is queued after commit (``queue_extraction=False``: the caller queues it,
    e.g. in bulk with :func:`articles_request_extraction`). Without a title, the text's first line is the title."""
    text = validate_article_text(body)
    article = Article(
        title=(title or "").strip() or text.strip().split("\n", 1)[0][:200],
        body=text,
        outlet=outlet or "",
        author=author or "",
        url=url or None,
        published_at=published_at,
        language=language or "en",
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    article.full_clean()
    with transaction.atomic():
        article.save()
        if queue_extraction:
            article_request_extraction(article=article)
    return article


def reanchor_claims(*, article: Article) -> dict[str, int]:
    """Re-anchor every claim of an article against its current text; orphans are flagged (keeping their old quote),
    never moved. An approximate match takes the edited text as its quote, keeps the old one in ``previous_exact``
    and is read again (the edit may have changed what it says)."""
    counts = {"anchored": 0, "moved": 0, "fuzzy": 0, "orphaned": 0}
    for claim in Claim.objects.filter(article=article):
        result = reanchor(
            article.body,
            Selectors(start=claim.start, end=claim.end, exact=claim.exact, prefix=claim.prefix, suffix=claim.suffix),
        )
        counts[result.status] += 1
        if result.status == "orphaned":
            if claim.anchor_status != Claim.AnchorStatus.ORPHANED or claim.anchor_score != result.score:
                claim.anchor_status = Claim.AnchorStatus.ORPHANED
                claim.anchor_score = result.score
                claim.save(update_fields=["anchor_status", "anchor_score"])
            continue
        _apply_anchoring(claim, article.body, result)
    return counts


def _apply_anchoring(claim: Claim, body: str, result) -> None:
    new_status = Claim.AnchorStatus(result.status)
    new_exact = body[result.start : result.end]
    if (claim.start, claim.end, claim.exact, claim.anchor_status) == (
        result.start,
        result.end,
        new_exact,
        new_status,
    ):
        return
    if new_exact != claim.exact:
        claim.previous_exact = claim.exact
        claim.exact = new_exact
        from claims.services.claims import _analyse_after_commit

        _analyse_after_commit(claim)
    claim.start, claim.end = result.start, result.end
    claim.prefix = body[max(0, result.start - 32) : result.start]
    claim.suffix = body[result.end : result.end + 32]
    claim.anchor_status = new_status
    claim.anchor_score = result.score
    fields = ["start", "end", "exact", "previous_exact", "prefix", "suffix", "anchor_status", "anchor_score"]
    claim.save(update_fields=fields)


def article_update(*, article: Article, user=None, **fields) -> Article:
    """Edit an article. A new text re-anchors its claims and queues a fresh extraction."""
    allowed = {"title", "body", "outlet", "author", "url", "published_at", "language"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(f"Unknown article fields: {', '.join(sorted(unknown))}")
    old_digest = article.body_digest or text_digest(Article.objects.get(pk=article.pk).body)
    if "body" in fields:
        fields["body"] = validate_article_text(fields["body"])
    for key, value in fields.items():
        setattr(article, key, value)
    if "url" in fields and not article.url:
        article.url = None
    article.full_clean()
    with transaction.atomic():
        article.save()
        if article.body_digest != old_digest:
            reanchor_claims(article=article)
            article_request_extraction(article=article)
    return article


def article_delete(*, article: Article, user=None) -> None:
    """Delete an article with its claims and extraction output (the history keeps what was deleted)."""
    article.delete()
