"""An article's extraction as plain data: for ``ingest_article --json``, scripts and checks."""

from __future__ import annotations

from typing import Any

from claims.models import Article


def article_extraction_report(article: Article) -> dict[str, Any]:
    """Entities (label, offsets, normalised value), proposed claims, and each claim's evidence suggestions."""
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.url,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "extraction": {
            "status": article.extraction_status,
            "error": article.extraction_error,
            "language": article.language,
        },
        "entities": [
            {"label": e.label, "start": e.start, "end": e.end, "text": e.text, "value": e.value}
            for e in article.entities.order_by("start", "end")
        ],
        "proposed_claims": [
            {
                "id": p.pk,
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "score": p.score,
                "reasons": p.reasons,
                "claimant": p.claimant,
                "scope": p.scope,
                "stated_count": p.stated_count,
                "status": p.status,
            }
            for p in article.proposed_claims.order_by("-score", "start")
        ],
        "claims": [
            {
                "id": c.pk,
                "exact": c.exact,
                "start": c.start,
                "end": c.end,
                "claimant": c.claimant,
                "verdict": c.verdict,
                "scope": c.scope,
                "suggestions": [
                    {"mission": s.mission_id, "score": s.score, "reason": s.reason}
                    for s in c.suggestions.order_by("-score")
                ],
            }
            for c in article.claims.prefetch_related("suggestions").order_by("start")
        ],
    }
