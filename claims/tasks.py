"""Celery tasks for claims. Thin: they call services and treat their job as possibly stale."""

from __future__ import annotations

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from claims.models import Article
from claims.services.extraction import ExtractionOutcome, run_extraction, run_extraction_many

#: Articles per ``extract_articles`` task: enough to share the reads and the NLP batch, few enough that the task
#: stays well inside its time limits (~10–30 ms of work per article).
BATCH_SIZE = 32

#: Every extraction task: acknowledged after it ran (a lost worker's job is redelivered), retried with backoff on
#: transient database errors.
RELIABLE = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(**RELIABLE, soft_time_limit=120, time_limit=180)
def extract_article(self, article_id: int, digest: str) -> str:
    """Extract entities, proposed claims and evidence suggestions for one article version.

    ``digest`` is the SHA-256 of the text the job was queued for: if the article changed since, a newer job is on its
    way and this one drops its result.
    """
    try:
        outcome: ExtractionOutcome = run_extraction(article_id=article_id, digest=digest)
    except SoftTimeLimitExceeded:
        from claims.services.extraction import mark_failed

        mark_failed(article_id=article_id, digest=digest, error="Extraction took too long and was stopped.")
        return "timeout"
    return outcome.value


@shared_task(**RELIABLE, soft_time_limit=300, time_limit=400)
def extract_articles(self, ids_and_digests: list[tuple[int, str]] | list[list[int | str]]) -> list[str]:
    """:func:`extract_article` for many article versions at once (bulk ingestion): ``[[id, digest], …]``.

    Same per-article semantics (deleted, stale, failed, one transaction per article's writes); the reads and the NLP
    are batched (``run_extraction_many``). A retry re-runs the whole list, which is idempotent. Queue lists of at
    most a few hundred articles: the time limits cover the whole list.
    """
    pairs = [(int(pk), str(digest)) for pk, digest in ids_and_digests]
    try:
        outcomes = run_extraction_many(pairs, batch_size=BATCH_SIZE)
    except SoftTimeLimitExceeded:
        from claims.services.extraction import mark_failed

        for pk, digest in pairs:  # those not done yet; the ones written keep "done"
            if not Article.objects.filter(
                pk=pk, extraction_status=Article.ExtractionStatus.DONE, extracted_digest=digest
            ).exists():
                mark_failed(article_id=pk, digest=digest, error="Extraction took too long and was stopped.")
        return ["timeout"] * len(pairs)
    return [o.value for o in outcomes]


@shared_task(soft_time_limit=60, time_limit=90, ignore_result=True)
def sweep_extractions() -> dict[str, int]:
    """Celery beat's periodic catch-up (``CELERY_BEAT_SCHEDULE``): queue again what the broker lost or never got."""
    from claims.services.reextraction import extractions_sweep

    return extractions_sweep()
@shared_task(acks_late=True, soft_time_limit=30, time_limit=60)
def post_claim_message(claim_id: int, text: str) -> dict[str, int]:
    """Post a claim's news to the chat threads where it was discussed (Slack has an outbound client; other
    platforms are counted as skipped, their people see the notification in the admin)."""
    from claims.services.chat_posting import post_to_threads

    return post_to_threads(claim_id=claim_id, text=text)
