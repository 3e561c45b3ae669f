"""Catching up on extractions the workers never finished, and re-running them on request (issue 12, defects 5–6).

An extraction can be left undone three ways: the broker was down when the article was saved (failed with
:data:`~claims.services.articles.QUEUE_FAILED`), a worker died with the job and the broker lost it (pending or running
longer than ``EXTRACTION_STUCK_AFTER_SECONDS``), or the text changed without a new extraction (done, but of an older
digest). :func:`extractions_sweep` queues each such article again; Celery beat runs it every
``EXTRACTION_SWEEP_SECONDS`` (``claims.tasks.sweep_extractions``) and ``manage.py sweep_extractions`` does the same
from cron. It is idempotent: each article is claimed with a compare-and-set on its status and status time, so two
sweeps at once queue it once, and an article queued again is not stale until the bound passes once more.

Extractions that failed in the NLP (an error, a timeout) are not retried automatically — they would fail again every
minute; :func:`articles_reextract` re-runs them on request (API, CLI, admin action).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from claims.models import Article
from claims.services.articles import QUEUE_FAILED, queue_extractions

#: At most this many articles per sweep (the next sweep takes the rest).
SWEEP_LIMIT = 2000
Status = Article.ExtractionStatus


def stuck_after() -> dt.timedelta:
    """How long an extraction may stay pending or running before it counts as stuck."""
    return dt.timedelta(seconds=settings.EXTRACTION_STUCK_AFTER_SECONDS)


def stuck_q(now: dt.datetime | None = None) -> Q:
    """Articles whose extraction has been pending or running longer than :func:`stuck_after` (or since before the
    status time was recorded)."""
    cutoff = (now or timezone.now()) - stuck_after()
    return Q(extraction_status__in=[Status.PENDING, Status.RUNNING]) & (
        Q(extraction_status_at__lt=cutoff) | Q(extraction_status_at__isnull=True)
    )


def is_stuck(article: Article, now: dt.datetime | None = None) -> bool:
    """:func:`stuck_q` for one article already read."""
    if article.extraction_status not in (Status.PENDING, Status.RUNNING):
        return False
    at = article.extraction_status_at
    return at is None or at < (now or timezone.now()) - stuck_after()


def sweep_candidates(now: dt.datetime | None = None) -> dict[str, QuerySet[Article]]:
    """The articles the sweep queues again, by reason."""
    articles = Article.objects.order_by("extraction_status_at", "pk")
    return {
        "stuck": articles.filter(stuck_q(now)),
        "not queued": articles.filter(extraction_status=Status.FAILED, extraction_error__startswith=QUEUE_FAILED),
        "out of date": articles.filter(extraction_status=Status.DONE).exclude(extracted_digest=F("body_digest")),
    }


def extractions_sweep(*, now: dt.datetime | None = None, limit: int = SWEEP_LIMIT) -> dict[str, int]:
    """Queue again every extraction left undone; returns how many were queued, by reason."""
    now = now or timezone.now()
    counts: Counter[str] = Counter()
    claimed: list[tuple[int, str]] = []
    for reason, candidates in sweep_candidates(now).items():
        rows = candidates.values_list("pk", "body_digest", "extraction_status", "extraction_status_at")
        for pk, digest, status, status_at in rows[: max(0, limit - len(claimed))]:
            if _claim(pk, digest, status, status_at, now):
                claimed.append((pk, digest))
                counts[reason] += 1
    if claimed:
        queue_extractions(claimed)
    return dict(counts)


def _claim(pk: int, digest: str, status: str, status_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Compare-and-set: mark the article pending if nobody changed it since it was read."""
    return bool(
        Article.objects.filter(pk=pk, body_digest=digest, extraction_status=status, extraction_status_at=status_at)
        .update(extraction_status=Status.PENDING, extraction_error="", extraction_status_at=now)
    )


def articles_reextract(*, articles: Iterable[Article]) -> int:
    """Re-run the extraction of these articles now, whatever their state (API, CLI, admin). Returns how many."""
    now = timezone.now()
    pairs = [(a.pk, a.body_digest) for a in articles]
    Article.objects.filter(pk__in=[pk for pk, _ in pairs]).update(
        extraction_status=Status.PENDING, extraction_error="", extraction_status_at=now
    )
    transaction.on_commit(lambda: queue_extractions(pairs, batched=len(pairs) > 1))
    return len(pairs)


def failed_articles() -> QuerySet[Article]:
    return Article.objects.filter(extraction_status=Status.FAILED).order_by("pk")
