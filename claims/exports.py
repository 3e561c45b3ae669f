"""Fact-checks in the formats other tools read. Pure functions: a claim (with its article loaded) in, a dict out.

- :func:`claim_review` — schema.org ClaimReview JSON-LD, the fields Google Fact Check Tools reads (claimReviewed,
  reviewRating with alternateName, itemReviewed = Claim with author and appearance, author, datePublished, url).
  Embeddable on a published fact-check page as ``<script type="application/ld+json">``.
- :func:`web_annotation` — a W3C Web Annotation (TextQuoteSelector + TextPositionSelector on the article's URL), so
  Hypothesis-style tools can show the claim on the original page.

Positions are Unicode code points, as the W3C model specifies (browsers count UTF-16 units: text with emoji before
the quote anchors by the quote, not by the position).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from claims.models import Claim

SCHEMA_ORG = "https://schema.org"
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Hypothesis keeps 32 characters of context on each side of a quote.
QUOTE_CONTEXT_CHARS = 32
#: Google asks for a short claimReviewed; longer quotes are shortened at a word boundary.
CLAIM_REVIEWED_MAX_CHARS = 300

#: Numeric scale for the verdicts that have one (1 = worst, 5 = best); "unverifiable" has no place on it.
RATING_SCALE: dict[str, int] = {
    Claim.Verdict.REFUTED: 1,
    Claim.Verdict.PARTLY_SUPPORTED: 3,
    Claim.Verdict.SUPPORTED: 5,
}
BEST_RATING, WORST_RATING = 5, 1


def is_reviewed(claim: Claim) -> bool:
    """A verdict is published (and has a ClaimReview) once a second reviewer signed it off (claims.services.workflow):
    a new verdict unpublishes it until it is signed off again."""
    return claim.verdict != Claim.Verdict.UNREVIEWED and claim.published_at is not None


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat().replace("+00:00", "Z")
    return value.isoformat()


def _shorten(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _claimant(claim: Claim, organisation_names: Iterable[str]) -> dict[str, Any] | None:
    """Who made the claim: the claimant as a Person or, when it names a known organisation or the outlet, an
    Organization; no claimant means the article's outlet said it."""
    names = {n.casefold() for n in organisation_names if n}
    claimant = (claim.claimant or "").strip()
    outlet = (claim.article.outlet or "").strip()
    if claimant:
        kind = "Organization" if claimant.casefold() in names or claimant.casefold() == outlet.casefold() else "Person"
        return {"@type": kind, "name": claimant}
    if outlet:
        return {"@type": "Organization", "name": outlet}
    return None


def _appearance(claim: Claim) -> dict[str, Any]:
    article = claim.article
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": _shorten(article.title, 110)}
    if article.url:
        work["url"] = article.url
    if article.published_at:
        work["datePublished"] = _iso(article.published_at)
    if article.author:
        work["author"] = {"@type": "Person", "name": article.author}
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def review_rating(claim: Claim) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": claim.get_verdict_display()}
    value = RATING_SCALE.get(claim.verdict)
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    return rating


def claim_review(
    claim: Claim,
    *,
    url: str,
    organisation: str,
    organisation_url: str = "",
    organisation_names: Iterable[str] = (),
    with_context: bool = True,
) -> dict[str, Any]:
    """The ClaimReview of a reviewed claim (raises ValueError for an unreviewed one: there is no review to publish).

    ``url`` is the page where the fact-check is published; ``organisation`` the fact-checking organisation;
    ``organisation_names`` the names and aliases of known organisations, to type the claimant.
    """
    if not is_reviewed(claim):
        raise ValueError(f"claim {claim.pk} has not been reviewed")
    author: dict[str, Any] = {"@type": "Organization", "name": organisation}
    if organisation_url:
        author["url"] = organisation_url
    item: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(claim)}
    claimant = _claimant(claim, organisation_names)
    if claimant:
        item["author"] = claimant
    if claim.article.published_at:
        item["datePublished"] = _iso(claim.article.published_at)
    review: dict[str, Any] = {"@context": SCHEMA_ORG} if with_context else {}
    review.update(
        {
            "@type": "ClaimReview",
            "url": url,
            "claimReviewed": _shorten(claim.exact, CLAIM_REVIEWED_MAX_CHARS),
            "reviewRating": review_rating(claim),
            "itemReviewed": item,
            "author": author,
            "datePublished": _iso(claim.reviewed_at or claim.created_at),
        }
    )
    if claim.rationale:
        review["reviewBody"] = claim.rationale
    if claim.article.language:
        review["inLanguage"] = claim.article.language
    return review


def verdict_text(claim: Claim) -> str:
    label = claim.get_verdict_display()
    return f"{label}: {claim.rationale}" if claim.rationale else label


def text_selectors(claim: Claim) -> list[dict[str, Any]]:
    return [
        {
            "type": "TextQuoteSelector",
            "exact": claim.exact,
            "prefix": (claim.prefix or "")[-QUOTE_CONTEXT_CHARS:],
            "suffix": (claim.suffix or "")[:QUOTE_CONTEXT_CHARS],
        },
        {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
    ]


def web_annotation(
    claim: Claim,
    *,
    id: str,
    source: str,
    creator: str = "",
    with_context: bool = True,
) -> dict[str, Any]:
    """The W3C Web Annotation of a claim: ``id`` is the annotation's own IRI, ``source`` the article's URL."""
    annotation: dict[str, Any] = {"@context": ANNOTATION_CONTEXT} if with_context else {}
    annotation.update(
        {
            "id": id,
            "type": "Annotation",
            "motivation": "assessing",
            "created": _iso(claim.created_at),
            "modified": _iso(claim.reviewed_at or claim.created_at),
            "body": [
                {
                    "type": "TextualBody",
                    "purpose": "assessing",
                    "value": verdict_text(claim),
                    "format": "text/plain",
                },
                {"type": "TextualBody", "purpose": "tagging", "value": claim.verdict},
            ],
            "target": {"source": source, "selector": text_selectors(claim)},
        }
    )
    if creator:
        annotation["creator"] = {"type": "Organization", "name": creator}
    if claim.article.language:
        annotation["body"][0]["language"] = claim.article.language
    return annotation
