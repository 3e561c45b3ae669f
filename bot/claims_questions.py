"""Questions about the same claim across outlets, answered from claims.selectors (a small separate function the
answering service tries before the general parser; the parser and its lexicon are not touched).

- "has this claim appeared elsewhere?" (this = the claim the conversation is about: "what supports claim 12?"),
  "has claim 12 appeared elsewhere?"
- "who first reported the 18 missions?"

The whole question must match one of these forms; anything else is left to the general parser.
"""

from __future__ import annotations

import re
from typing import Any

from bot.answers import Answer

_ELSEWHERE = re.compile(
    r"^\s*(?:has|have|did|was)\s+(?:(?P<this>this|that|the)\s+claim|claim\s*#?\s*(?P<id>\d+))\s+"
    r"(?:appeared|appear|been\s+(?:reported|repeated|published|made))\s+"
    r"(?:elsewhere|anywhere\s+else|in\s+other\s+(?:outlets|articles|media))\s*\??\s*$",
    re.IGNORECASE,
)
_FIRST = re.compile(
    r"^\s*who\s+(?:first\s+)?(?:reported|said|claimed)\s+(?:first\s+)?(?:the\s+)?(?P<n>\d+)\s+missions?"
    r"(?:\s+first)?\s*\??\s*$",
    re.IGNORECASE,
)


def answer_claims_question(text: str, *, previous: Any = None) -> Answer | None:
    """An answer when ``text`` is one of this module's questions, else None."""
    match = _ELSEWHERE.match(text or "")
    if match:
        claim_id = int(match.group("id")) if match.group("id") else _claim_in_context(previous)
        if claim_id is None:
            return Answer(
                text='Which claim? Ask "has claim 12 appeared elsewhere?", or first ask about one claim '
                '("what supports claim 12?").',
                declined=True,
                reason="not_understood",
            )
        return _elsewhere(claim_id)
    match = _FIRST.match(text or "")
    if match:
        return _first(int(match.group("n")))
    return None


def _claim_in_context(previous: Any) -> int | None:
    claims = getattr(previous, "claims", None)
    return getattr(claims, "claim_id", None)


def _where(claim: dict[str, Any]) -> str:
    article = claim["article"]
    return article["outlet"] or article["title"]


def _elsewhere(claim_id: int) -> Answer:
    from claims.models import Claim
    from claims.selectors import claim_to_dict, same_claim_elsewhere

    claim = Claim.objects.select_related("article").filter(pk=claim_id).first()
    if claim is None:
        return Answer(text=f"There is no claim #{claim_id}.", declined=True, reason="not_found")
    rows = same_claim_elsewhere(claim_id)
    head = f'Claim #{claim_id} ("{claim.exact[:100]}", {claim.article.outlet or claim.article.title})'
    if not rows:
        return Answer(text=f"{head}: no matching claim in other articles on record.", count=0,
                      claims=[claim_to_dict(claim)])
    lines = [
        f'- #{r["claim"]["id"]} {_where(r["claim"])}: "{r["claim"]["text"][:100]}" — {r["status"]}, score '
        f'{r["score"]:.2f} ({"; ".join(r["reasons"])})'
        for r in rows
    ]
    return Answer(
        text=f"{head} appears in {len(rows)} other claim{'s' if len(rows) != 1 else ''}:\n" + "\n".join(lines),
        count=len(rows),
        claims=[claim_to_dict(claim), *(r["claim"] for r in rows)],
        notes=["Suggested matches are the system's; confirmed ones a fact-checker's."],
    )


def _first(value: int) -> Answer:
    from claims.selectors import claim_to_dict, first_reported

    first, cluster = first_reported(value)
    if first is None:
        return Answer(text=f"No claim on record states {value} missions.", count=0)
    when = first.article.published_at
    lines = [
        f'- {c.article.published_at:%-d %b %Y %H:%M}Z ' if c.article.published_at else "- (date unknown) "
        for c in cluster
    ]
    lines = [
        f'{prefix}{c.article.outlet or c.article.title}: "{c.exact[:100]}" (claim #{c.pk})'
        for prefix, c in zip(lines, cluster, strict=True)
    ]
    text = (
        f"First on record: {first.article.outlet or first.article.title}"
        + (f", {when:%-d %B %Y}" if when else "")
        + f' — "{first.exact[:120]}" (claim #{first.pk}). In order:\n' + "\n".join(lines)
    )
    return Answer(
        text=text,
        count=len(cluster),
        claims=[claim_to_dict(c) for c in cluster],
        notes=["Only articles in Flightcheck count; the earliest publication time on record comes first."],
    )
