"""The same claim across outlets: match a claim or proposed claim against the claims on record.

Two signals, combined into one score (0–1) with the reasons a person reads:

- the structured reading every claim already has (its ``scope`` and ``stated_count``, plus the change/novelty words of
  claims.services.rates): same aircraft types, places, period, count or rate, same kind of claim. Agreement raises
  the score; a conflict (18 vs 11 missions, "once a day" vs "once a month", a U-2 vs an RC-135, "first time" vs "not
  the first time") caps it below the suggest threshold, however alike the words are;
- text similarity (rapidfuzz token-set ratio on normalised words), also the cheap prefilter over the candidates.

Thresholds as Meedan Check's: a match is suggested at ``SUGGEST_THRESHOLD`` (0.75); at ``CONFIRM_THRESHOLD`` (0.95)
it is flagged "strong" — Check would link it automatically, here a person still confirms or rejects. The figures on a
labelled set of real reporting are in docs/QUALITY.md ("Claim matching").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

SUGGEST_THRESHOLD = 0.75
CONFIRM_THRESHOLD = 0.95
#: Candidates whose text is less alike than this are not scored (unless they share a count or a type and place).
PREFILTER_TEXT = 0.35
MAX_CANDIDATES = 500
#: How far each agreeing fact moves the text similarity toward 1 (set on the labelled set, docs/QUALITY.md).
STRONG_LIFT = 0.45
WEAK_LIFT = 0.15
#: Below this text similarity no agreement of the readings makes a match: the words must be at least half alike.
MIN_TEXT = 0.5

_WORD = re.compile(r"[a-z0-9]+")
_NEGATED = re.compile(r"\b(not|never|no)\b[^.]{0,30}\b(first|prior|before|previously|precedent)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Signature:
    """What a claim says, for matching: its words and its structured reading."""

    text: str
    words: str
    types: frozenset[str] = frozenset()
    surveillance: bool = False
    regions: frozenset[str] = frozenset()
    period: tuple[dt.date, dt.date] | None = None
    count: tuple[float, str | None] | None = None
    kind: str | None = None
    region_names: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class MatchScore:
    score: float
    text: float
    reasons: tuple[str, ...]
    conflicts: tuple[str, ...]

    @property
    def suggested(self) -> bool:
        return self.score >= SUGGEST_THRESHOLD

    @property
    def strong(self) -> bool:
        return self.score >= CONFIRM_THRESHOLD


def normalise_words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("-", "")))


@functools.lru_cache(maxsize=8192)
def claim_kind(text: str) -> str | None:
    """"change", "novelty", "not-novel" ("this is not the first time") or None.

    Cached by text (~70 µs a text, and every extraction reads the same up-to-500 claims on record as candidates)."""
    from claims.services.rates import read_change_words

    if (
        _NEGATED.search(text)
        and re.search(r"\bnot the first\b|\b(in the past|before)\b", text, re.IGNORECASE)
        and not re.search(r"could not recall|not aware|unaware", text, re.IGNORECASE)
    ):
        return "not-novel"
    if re.search(r"not aware of (a |any )?(prior|previous)|not aware of\b.*\b(previously|before)", text, re.IGNORECASE):
        return "novelty"
    if re.search(r"\b(similar|such)\b[^.]{0,40}\b(occurred|happened|flown)\b[^.]{0,20}\b(in the past|before)\b",
                 text, re.IGNORECASE):
        return "not-novel"
    words = read_change_words(text)
    return words.kind if words else None


def signature(text: str, scope: dict[str, Any] | None, stated_count: dict[str, Any] | None) -> Signature:
    scope = scope or {}
    period = scope.get("period")
    count = None
    if stated_count and isinstance(stated_count.get("value"), int | float):
        count = (float(stated_count["value"]), stated_count.get("per"))
    return Signature(
        text=text,
        words=normalise_words(text),
        types=frozenset(scope.get("type_designators") or ()),
        surveillance=bool(scope.get("surveillance_only")) or "surveillance" in (scope.get("roles") or ()),
        regions=frozenset(r["slug"] for r in scope.get("regions") or ()),
        period=(dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])) if period else None,
        count=count,
        kind=claim_kind(text),
    )


def text_similarity(a: Signature, b: Signature) -> float:
    return fuzz.token_set_ratio(a.words, b.words) / 100.0


def _count_words(count: tuple[float, str | None]) -> str:
    value = f"{count[0]:g}"
    return f"{value} per {count[1]}" if count[1] else f"count {value}"


def compare(a: Signature, b: Signature, *, text: float | None = None) -> MatchScore:
    """Score how likely ``a`` and ``b`` state the same claim, with reasons and conflicts."""
    text = text_similarity(a, b) if text is None else text
    same: list[str] = []
    conflicts: list[str] = []
    weak = 0  # places and periods: many claims of one story share them
    if a.count and b.count:
        if a.count == b.count:
            same.append(_count_words(a.count))
        elif (a.count[1] and b.count[1]) or a.count[0] != b.count[0]:
            conflicts.append(f"{_count_words(a.count)} vs {_count_words(b.count)}")
        # else: the same number, once read as a rate and once not — neither agreement nor conflict
    if a.types and b.types:
        if a.types & b.types:
            same.append(", ".join(sorted(a.types & b.types)))
        else:
            conflicts.append(f"{', '.join(sorted(a.types))} vs {', '.join(sorted(b.types))}")
    if a.regions and b.regions and a.regions & b.regions:
        same.append("places: " + ", ".join(sorted(a.regions & b.regions)))
        weak += 1
    if a.period and b.period:
        if a.period[0] <= b.period[1] and b.period[0] <= a.period[1]:
            same.append(_period_words(a.period, b.period))
            weak += 1
        elif (a.period[1] - a.period[0]).days < 40 and (b.period[1] - b.period[0]).days < 40:
            conflicts.append(f"periods {a.period[0]:%-d %b}–{a.period[1]:%-d %b %Y} vs "
                             f"{b.period[0]:%-d %b}–{b.period[1]:%-d %b %Y}")
    if a.kind and b.kind:
        if a.kind == b.kind:
            same.append(f"both a {a.kind} claim")
        elif {a.kind, b.kind} & {"novelty", "not-novel"}:
            conflicts.append(f"{a.kind} vs {b.kind} claim")
    elif (a.kind in {"novelty", "not-novel"}) != (b.kind in {"novelty", "not-novel"}):
        conflicts.append(f"{a.kind or 'plain'} vs {b.kind or 'plain'} claim")
    score = _combine(text, strong=len(same) - weak, weak=weak)
    if text < MIN_TEXT:
        conflicts.append(f"words too different (text {text:.2f} < {MIN_TEXT})")
    if conflicts:
        score = min(score, SUGGEST_THRESHOLD - 0.25)
    reasons = (f"same scope: {'; '.join(same)}",) if same else ()
    return MatchScore(round(score, 3), round(text, 3), (*reasons, f"text {text:.2f}"), tuple(conflicts))


def _combine(text: float, *, strong: int, weak: int) -> float:
    """Text similarity, raised toward 1 by agreeing facts of the structured reading: a count or rate, an aircraft
    type, the kind of claim (strong); places and periods (weak: the claims of one story share them)."""
    lift = min(1.0, STRONG_LIFT * strong + WEAK_LIFT * weak)
    return text + (1.0 - text) * lift


def _period_words(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> str:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return f"period {start:%-d %b}–{end:%-d %b %Y}" if start != end else f"on {start:%-d %b %Y}"


def best_matches(target: Signature, candidates: Iterable[tuple[Any, Signature]]) -> list[tuple[Any, MatchScore]]:
    """Score every candidate that passes the prefilter; those at or above the suggest threshold, best first."""
    out = []
    for key, sig in candidates:
        text = text_similarity(target, sig)
        shares_fact = bool((target.count and target.count == sig.count) or (target.types & sig.types))
        if text < PREFILTER_TEXT and not shares_fact:
            continue
        if text < MIN_TEXT:  # compare() caps it below the suggest threshold ("words too different"): not scored
            continue
        result = compare(target, sig, text=text)
        if result.suggested:
            out.append((key, result))
    out.sort(key=lambda row: -row[1].score)
    return out


# --- on the records -------------------------------------------------------------------------------------------------


def _claim_sig(claim: Any) -> Signature:
    return signature(claim.exact, claim.scope, claim.stated_count)


def _candidates(exclude_article_id: int) -> list[tuple[Any, Signature]]:
    """Claims on record in other articles (newest first, bounded), orphans included: what they said still stands."""
    from claims.models import Claim

    qs = (
        Claim.objects.exclude(article_id=exclude_article_id)
        .only("pk", "exact", "scope", "stated_count", "article_id")
        .order_by("-created_at")[:MAX_CANDIDATES]
    )
    return [(c, _claim_sig(c)) for c in qs]


def _replace_suggestions(sides: list[tuple[str, Any, Signature]], candidates: list[tuple[Any, Signature]]) -> int:
    """Replace the undecided matches of several claims/proposals (``(field, row, signature)``, field "claim" or
    "proposal") in one read, one delete and one insert; decided ones (confirmed, rejected) stay as people left them.
    All sides are replaced in one transaction: none or all."""
    from django.db import transaction
    from django.db.models import Q

    from claims.models import ClaimMatch

    if not sides:
        return 0
    mine = Q()
    for name in ("claim", "proposal"):
        ids = [row.pk for side, row, _ in sides if side == name]
        if ids:
            mine |= Q(**{f"{name}_id__in": ids})
    decided = set(
        ClaimMatch.objects.filter(mine).exclude(status="suggested").values_list("claim_id", "proposal_id", "other_id")
    )
    rows = []
    for side, row, target in sides:
        key = (row.pk, None) if side == "claim" else (None, row.pk)
        rows += [
            ClaimMatch(**{side: row}, other=other, score=result.score, text_score=result.text,
                       reasons=list(result.reasons), strong=result.strong)
            for other, result in best_matches(target, candidates)
            if (*key, other.pk) not in decided
        ]
    with transaction.atomic():
        ClaimMatch.objects.filter(mine, status="suggested").delete()
        ClaimMatch.objects.bulk_create(rows)
    return len(rows)


def matches_refresh_for_article(*, article_id: int) -> int:
    """Match every claim and open proposed claim of an article against the claims on record (after extraction):
    the candidates are read once, the decided matches of every side in one query, the suggestions replaced in one
    delete and one insert."""
    from claims.models import Claim, ProposedClaim

    sides: list[tuple[str, Any, Signature]] = [
        ("claim", claim, _claim_sig(claim))
        for claim in Claim.objects.filter(article_id=article_id).only("pk", "exact", "scope", "stated_count")
    ]
    sides += [
        ("proposal", proposal, signature(proposal.text, proposal.scope, proposal.stated_count))
        for proposal in ProposedClaim.objects.filter(article_id=article_id, status="open").only(
            "pk", "text", "scope", "stated_count"
        )
    ]
    if not sides:
        return 0
    return _replace_suggestions(sides, _candidates(article_id))


def claim_matches_refresh(*, claim_id: int) -> int:
    """Match one claim (a new annotation, once its reading is stored) against the claims on record."""
    from claims.models import Claim

    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        return 0
    return _replace_suggestions([("claim", claim, _claim_sig(claim))], _candidates(claim.article_id))


def claim_match_decide(*, match: Any, confirm: bool, user: Any) -> Any:
    """A fact-checker says whether two claims are the same claim (either way it can be changed later)."""
    from django.core.exceptions import PermissionDenied
    from django.utils import timezone

    if not (user and user.has_perm("claims.change_claimmatch")):
        raise PermissionDenied("You may not decide claim matches.")
    match.status = "confirmed" if confirm else "rejected"
    match.decided_by = user
    match.decided_at = timezone.now()
    match.save(update_fields=["status", "decided_by", "decided_at"])
    return match


def claim_match_copy(
    *, match: Any, user: Any, verdict: bool = True, rationale: bool = True, evidence: bool = True
) -> dict[str, int | str]:
    """Copy the matched claim's verdict, rationale and evidence links onto this claim — only for a confirmed match,
    only what the person chose. The copied verdict goes through the usual second review."""
    from django.core.exceptions import ValidationError

    from claims.models import EvidenceLink
    from claims.services.claims import claim_set_verdict, claim_update, evidence_link_create

    if match.status != "confirmed":
        raise ValidationError("Confirm that the two claims are the same before copying anything.")
    if match.claim is None:
        raise ValidationError("Accept the proposed claim first: only a claim has a verdict and evidence.")
    target, source = match.claim, match.other
    where = f"claim #{source.pk} ({source.article.outlet or source.article.title})"
    done: dict[str, int | str] = {}
    if rationale and source.rationale:
        claim_update(claim=target, rationale=f"{source.rationale}\n\n(Copied from {where}.)", user=user)
        done["rationale"] = "copied"
    if verdict and source.verdict != "unreviewed":
        claim_set_verdict(claim=target, verdict=source.verdict, user=user)
        done["verdict"] = source.verdict
    if evidence:
        n = 0
        for link in source.evidence_links.all():
            if EvidenceLink.objects.filter(claim=target, mission=link.mission, source=link.source).exists():
                continue
            evidence_link_create(claim=target, mission=link.mission, source=link.source, relation=link.relation,
                                 note=f"Copied from {where}. {link.note}".strip(), user=user)
            n += 1
        done["evidence_links"] = n
    return done
