"""One extraction run over one article version: entities, proposed claims, evidence suggestions.

The job may be stale (Zulip's queue-worker rule): re-fetch the article, return if it was deleted, drop the result if
its text changed since the job was queued. The NLP runs outside any transaction; the result replaces the previous
extraction in one transaction, after checking again that the text is still the one that was read. Running it twice
on the same text leaves the same rows.

:func:`run_extraction_many` is the same for several article versions at once (bulk ingestion): one query loads
them, one marks them running, the NLP reads them in one ``nlp.pipe`` batch, and each article's result is still
written in its own transaction with the same stale/deleted checks — one bad or changed article does not hold back
the others.

Queries per article (first extraction, no claims): load, mark running, then in the transaction lock, delete
entities, delete open proposals, read decided proposals and existing claims' offsets (one query each), insert
entities, insert proposals, mark done; after it, the claims to refresh (read in one query, their suggestions replaced
in one transaction: checking.claims_refresh_analysis) and the claim matching (a fixed number of queries, whatever
the number of claims and proposals: matching.matches_refresh_for_article).
"""

from __future__ import annotations

import enum
import logging
import traceback
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.db import connections, router, transaction
from django.db.models import Model, Q
from django.utils import timezone

from claims.models import Article, Claim, Entity, ProposedClaim
from evidence.selectors import registration_hexes

if TYPE_CHECKING:
    from claims.nlp.extract import Extraction, ProposedClaimData

logger = logging.getLogger(__name__)


class ExtractionOutcome(enum.Enum):
    DONE = "done"
    DELETED = "deleted"
    STALE = "stale"
    FAILED = "failed"


def mark_failed(*, article_id: int, digest: str, error: str) -> None:
    Article.objects.filter(pk=article_id, body_digest=digest).update(
        extraction_status=Article.ExtractionStatus.FAILED,
        extraction_error=error[:5000],
        extraction_status_at=timezone.now(),
    )


def _failed(article_id: int, digest: str, exc: Exception) -> ExtractionOutcome:
    logger.error("extraction of article %s failed", article_id, exc_info=exc)
    mark_failed(
        article_id=article_id,
        digest=digest,
        error=f"{type(exc).__name__}: {exc}\n{''.join(traceback.format_exception(exc, limit=3))}",
    )
    return ExtractionOutcome.FAILED


def run_extraction(*, article_id: int, digest: str) -> ExtractionOutcome:
    from claims.nlp.extract import extract
    from claims.nlp.vocabulary import vocabulary_from_db

    article = Article.objects.filter(pk=article_id).only("pk", "body", "body_digest", "published_at", "created_at",
                                                          "language").first()
    if article is None:
        return ExtractionOutcome.DELETED
    if article.body_digest != digest:
        return ExtractionOutcome.STALE
    Article.objects.filter(pk=article_id, body_digest=digest).update(
        extraction_status=Article.ExtractionStatus.RUNNING, extraction_error="", extraction_status_at=timezone.now()
    )
    try:
        result = extract(
            article.body, published_at=article.published_at or article.created_at, vocabulary=vocabulary_from_db()
        )
    except Exception as exc:  # the status says what happened; the worker keeps serving
        return _failed(article_id, digest, exc)
    outcome = _write(article_id, digest, result)
    if outcome is ExtractionOutcome.DONE:
        _refresh_claims(article_id)
    return outcome


def run_extraction_many(items: Iterable[tuple[int, str]], *, batch_size: int = 32) -> list[ExtractionOutcome]:
    """:func:`run_extraction` for several (article id, digest) pairs, outcomes in input order.

    Same semantics per article (deleted, stale, failed with the error on the article, one transaction per
    article's writes); the reads and the NLP are shared. If the batched NLP raises (an article over the size
    limit), the articles of that batch are read one at a time so each gets its own outcome.
    """
    from claims.nlp.extract import extract, extract_many
    from claims.nlp.vocabulary import vocabulary_from_db

    pairs = list(items)
    outcomes: list[ExtractionOutcome | None] = [None] * len(pairs)
    articles = {
        a.pk: a
        for a in Article.objects.filter(pk__in={pk for pk, _ in pairs}).only(
            "pk", "body", "body_digest", "published_at", "created_at", "language"
        )
    }
    todo: list[int] = []  # indexes into pairs
    for n, (pk, digest) in enumerate(pairs):
        article = articles.get(pk)
        if article is None:
            outcomes[n] = ExtractionOutcome.DELETED
        elif article.body_digest != digest:
            outcomes[n] = ExtractionOutcome.STALE
        else:
            todo.append(n)
    if todo:
        running = Q()
        for n in todo:
            running |= Q(pk=pairs[n][0], body_digest=pairs[n][1])
        Article.objects.filter(running).update(
            extraction_status=Article.ExtractionStatus.RUNNING, extraction_error="", extraction_status_at=timezone.now()
        )
    vocabulary = vocabulary_from_db()
    for chunk_start in range(0, len(todo), batch_size):
        chunk = todo[chunk_start:chunk_start + batch_size]
        inputs = [articles[pairs[n][0]] for n in chunk]
        results: Sequence[Extraction | Exception]
        try:
            results = extract_many([(a.body, a.published_at or a.created_at) for a in inputs], vocabulary=vocabulary,
                                   batch_size=batch_size)
        except Exception:  # one article failed the batch: read them one by one, each gets its own outcome
            one_by_one: list[Extraction | Exception] = []
            for a in inputs:
                try:
                    one_by_one.append(extract(a.body, published_at=a.published_at or a.created_at,
                                              vocabulary=vocabulary))
                except Exception as exc:
                    one_by_one.append(exc)
            results = one_by_one
        for n, result in zip(chunk, results, strict=True):
            pk, digest = pairs[n]
            if isinstance(result, Exception):
                outcomes[n] = _failed(pk, digest, result)
                continue
            outcomes[n] = _write(pk, digest, result)
            if outcomes[n] is ExtractionOutcome.DONE:
                _refresh_claims(pk)
    return [o if o is not None else ExtractionOutcome.FAILED for o in outcomes]


def _write(article_id: int, digest: str, result: Extraction) -> ExtractionOutcome:
    """Replace the article's extraction with ``result`` in one transaction, if the text is still ``digest``."""
    with transaction.atomic():
        locked = (
            Article.objects.select_for_update().filter(pk=article_id).only("pk", "body_digest", "language").first()
        )
        if locked is None:
            return ExtractionOutcome.DELETED
        if locked.body_digest != digest:
            return ExtractionOutcome.STALE
        Entity.objects.filter(article_id=article_id).delete()
        # Decided proposals are people's work: keep them; replace only the open ones.
        ProposedClaim.objects.filter(article_id=article_id, status=ProposedClaim.Status.OPEN).delete()
        decided = set(
            ProposedClaim.objects.filter(article_id=article_id)
            .exclude(status=ProposedClaim.Status.OPEN)
            .values_list("start", "end")
        )
        claimed = set(Claim.objects.filter(article_id=article_id).values_list("start", "end"))
        _insert(
            Entity,
            ("article_id", "label", "start", "end", "text", "value"),
            [(article_id, e.label, e.start, e.end, e.text[:500], e.value) for e in result.entities],
        )
        hexes_of = registration_hexes(r for p in result.proposed_claims for r in p.registrations)
        _insert(
            ProposedClaim,
            ("article_id", "start", "end", "text", "score", "reasons", "claimant", "scope", "stated_count", "status"),
            [
                (
                    article_id,
                    p.start,
                    p.end,
                    p.text,
                    p.score,
                    list(p.reasons),
                    (p.claimant or "")[:300],
                    _scope_dict(p, hexes_of),
                    p.quantity_dict(),
                    ProposedClaim.Status.OPEN.value,
                )
                for p in result.proposed_claims
                if (p.start, p.end) not in decided and (p.start, p.end) not in claimed
            ],
        )
        Article.objects.filter(pk=article_id).update(
            extraction_status=Article.ExtractionStatus.DONE,
            extraction_error=result.warning or "",
            extracted_digest=digest,
            extracted_at=timezone.now(),
            extraction_status_at=timezone.now(),
            language=result.language or locked.language,
        )
    return ExtractionOutcome.DONE


def _scope_dict(proposal: ProposedClaimData, hexes_of: dict[str, str]) -> dict[str, Any]:
    """The proposal's scope, its registrations turned into the aircraft's hex addresses where the registry knows
    them (a registration it does not know leaves the scope as read: never a guessed aircraft)."""
    if proposal.scope is None:
        return {}
    known = tuple(hexes_of[r] for r in proposal.registrations if r in hexes_of)
    if not known:
        return proposal.scope.to_dict()
    return proposal.scope.with_changes(hexes=tuple(dict.fromkeys((*proposal.scope.hexes, *known)))).to_dict()


#: Field types whose Python values the database adapters take as they are; others go through the field's
#: ``get_db_prep_save`` (JSON is encoded there, per backend).
_PLAIN_TYPES = frozenset({"AutoField", "BigAutoField", "BigIntegerField", "CharField", "FloatField", "ForeignKey",
                          "IntegerField", "PositiveIntegerField", "TextField"})


def _insert(model: type[Model], attnames: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """``bulk_create`` for plain rows: multi-row ``INSERT``s of the given columns, without building a model instance
    per row or running the ORM's per-value compiler (which cost more than the NLP: ~200 entities per article).

    Columns not listed get the database's default, so only columns with no Python-side default may be left out
    (nullable ones). Values of types not in :data:`_PLAIN_TYPES` are prepared by their field, as Django would.
    """
    if not rows:
        return
    meta = model._meta
    fields = [meta.get_field(name.removesuffix("_id")) if name.endswith("_id") else meta.get_field(name)
              for name in attnames]
    conn = connections[router.db_for_write(model)]
    prepare = [None if f.get_internal_type() in _PLAIN_TYPES else f for f in fields]
    if any(prepare):
        rows = [
            tuple(v if f is None else f.get_db_prep_save(v, conn) for f, v in zip(prepare, row, strict=True))
            for row in rows
        ]
    qn = conn.ops.quote_name
    columns = ", ".join(qn(f.column) for f in fields)
    per_statement = max(1, min(500, (conn.features.max_query_params or 999) // len(fields)))
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with conn.cursor() as cursor:
        for i in range(0, len(rows), per_statement):
            chunk = rows[i:i + per_statement]
            cursor.execute(
                f"INSERT INTO {qn(meta.db_table)} ({columns}) VALUES {', '.join([one] * len(chunk))}",
                [v for row in chunk for v in row],
            )


def _refresh_claims(article_id: int) -> None:
    """Claims of this article get a fresh reading and fresh suggestions against the current text."""
    from claims.services.checking import claims_refresh_analysis

    claims_refresh_analysis(
        claims=Claim.objects.filter(article_id=article_id).exclude(anchor_status=Claim.AnchorStatus.ORPHANED)
    )
    _match_claims(article_id)


def _match_claims(article_id: int) -> None:
    """The same claim elsewhere: match this article's claims and proposals against the claims on record."""
    from claims.services.matching import matches_refresh_for_article

    try:
        matches_refresh_for_article(article_id=article_id)
    except Exception:  # matching is a help to people; the extraction itself succeeded
        logger.warning("claim matching failed for article %s", article_id, exc_info=True)
