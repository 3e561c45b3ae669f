"""Checking a claim against the flight records: its structured reading, a count check, evidence suggestions.

The reading uses the same parser as the chat bot (claims.nlp.reading.read_scope) and the same mission query
(evidence.selectors.missions_in_scope): one implementation. Suggestions are ranked and explained; a person decides.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import QuerySet

from claims.models import Claim, EvidenceSuggestion
from evidence.scope import Period, Scope

logger = logging.getLogger(__name__)

#: A claim with no period of its own is read as being about the weeks before the article (stated in every reason).
DEFAULT_LOOKBACK_DAYS = 60
RATE_LOOKBACK_DAYS = 365
MAX_SUGGESTIONS = 25

#: Words that make a rate a baseline: "historically, about once a month" is said against the period the text just
#: reported (the surge), so it is checked over the year before that period, not over a year that includes it.
_BASELINE = re.compile(
    r"\b(historically|usually|typically|normally|previously|traditionally|in (the )?(past|previous) (years?|months?)"
    r"|in the past|until (then|now|recently)|before (that|then|this|the surge))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CountCheck:
    claimed: str
    found: str
    scope_text: str
    caveat: str
    #: Zero or few missions found: whether other aircraft were heard there then (evidence.services.coverage).
    coverage: str = ""


def _reference(claim: Claim) -> dt.datetime:
    return claim.article.published_at or claim.article.created_at or claim.created_at


def _text_before(claim: Claim) -> str:
    """The claim's paragraph up to the quote, and the paragraph before it: where "such flights", "the missions" and
    "over the same period" point back to."""
    body = claim.article.body
    paragraph = body.rfind("\n\n", 0, claim.start)
    if paragraph < 0:
        return body[: claim.start]
    previous = body.rfind("\n\n", 0, paragraph)
    return body[previous + 2 if previous >= 0 else 0 : claim.start]


def read_claim(claim: Claim) -> tuple[Scope, dict | None]:
    """The structured reading of a claim's quote: (scope, stated quantity as a dict or None).

    A quote often leans on the text just before it ("At least 11 of the missions…" after "18 surveillance missions
    over a 10-day span"). When the quote itself names no aircraft or role, it inherits "surveillance" from that text;
    when it names no period and states no rate, it inherits the period, marked "(from the text before the claim)".
    A baseline rate ("Historically, such flights happened about once a month") is read over the year before that
    period, marked "(the baseline before …)". Places and aircraft types are never inherited: the quote must name them.
    """
    from claims.nlp.reading import read_claim_text

    reference = _reference(claim)
    scope, quantity = read_claim_text(claim.exact, reference=reference)
    before = _text_before(claim).strip()
    if not before:
        return scope, quantity
    context, _ = read_claim_text(before[-4000:], reference=reference)
    names_aircraft = scope.type_designators or scope.roles or scope.surveillance_only
    if not names_aircraft and (context.surveillance_only or "surveillance" in context.roles):
        scope = scope.with_changes(surveillance_only=True)
    is_rate = bool(quantity and quantity.get("per"))
    if scope.period is None and context.period is not None and not is_rate:
        scope = scope.with_changes(
            period=replace(context.period, text=f"{context.period.text} (from the text before the claim)")
        )
    elif scope.period is None and context.period is not None and is_rate and _BASELINE.search(claim.exact):
        end = context.period.start - dt.timedelta(days=1)
        scope = scope.with_changes(
            period=Period(
                start=end - dt.timedelta(days=RATE_LOOKBACK_DAYS - 1),
                end=end,
                text=f"the year before {context.period.text} (the baseline before the period in the text before "
                "the claim)",
                year_inferred=context.period.year_inferred,
            )
        )
    return scope, quantity


def effective_scope(claim: Claim, scope: Scope) -> Scope:
    """The scope used for evidence: the claim's own, with a default period when it names none."""
    if scope.period is not None:
        return scope
    ref = _reference(claim).date()
    # A rate ("about once a month", "historically") is about a long stretch: a year; anything else, recent weeks.
    days = RATE_LOOKBACK_DAYS if (claim.stated_count or {}).get("per") else DEFAULT_LOOKBACK_DAYS
    period = Period(
        start=ref - dt.timedelta(days=days),
        end=ref,
        text=f"the {days} days before the article (the claim names no period)",
    )
    return scope.with_changes(period=period)


def _is_specific(scope: Scope) -> bool:
    """Suggest evidence only for claims about particular flights: an aircraft/role or a place must be named."""
    return bool(scope.type_designators or scope.roles or scope.surveillance_only or scope.regions or scope.operators)


def claim_refresh_analysis(*, claim_id: int) -> None:
    """Re-read the claim and replace its evidence suggestions (idempotent)."""
    claims_refresh_analysis(claims=Claim.objects.filter(pk=claim_id))


def claims_refresh_analysis(*, claims: QuerySet[Claim]) -> int:
    """:func:`claim_refresh_analysis` for several claims (an article's, after its extraction): one query reads them,
    each is read and its missions queried, then in one transaction each reading is stored and all their suggestions
    are replaced with one delete and one insert (all or none). Returns how many claims were refreshed."""
    from evidence.describing import mission_match_reason
    from evidence.selectors import missions_in_scope

    readings: list[tuple[Claim, Scope, dict | None]] = []
    rows: list[EvidenceSuggestion] = []
    for claim in claims.select_related("article"):
        scope, quantity = read_claim(claim)
        claim.stated_count = quantity  # effective_scope reads it (a rate looks back further)
        readings.append((claim, scope, quantity))
        if not _is_specific(scope):
            continue
        used = effective_scope(claim, scope)
        missions = list(missions_in_scope(used).select_related("aircraft", "aircraft_type")[:MAX_SUGGESTIONS])
        rows += [
            EvidenceSuggestion(claim=claim, mission=mission, score=round(1.0 - rank / (MAX_SUGGESTIONS * 2), 3),
                               reason=mission_match_reason(mission, used)[:500])
            for rank, mission in enumerate(missions)
        ]
    if not readings:
        return 0
    with transaction.atomic():
        for claim, scope, quantity in readings:
            Claim.objects.filter(pk=claim.pk).update(scope=scope.to_dict(), stated_count=quantity)
        EvidenceSuggestion.objects.filter(claim__in=[claim.pk for claim, _, _ in readings]).delete()
        EvidenceSuggestion.objects.bulk_create(rows)
    return len(readings)


def describe_claim_scope(claim: Claim) -> str:
    from evidence.describing import describe_scope

    if not claim.scope:
        return "Not read yet (the reading runs after the claim is saved)."
    scope = Scope.from_dict(claim.scope)
    if not _is_specific(scope):
        return "No aircraft, operator or place named: the claim is not about particular flights."
    return "missions " + describe_scope(effective_scope(claim, scope))


LOWER_BOUND = ("Counts include only aircraft that were heard broadcasting ADS-B: a count from flight data is a lower "
               "bound.")


def _span_count_check(scope: Scope, claimed: str) -> CountCheck:
    """"At least 18 over a 10-day span in late January and early February": the text does not say which ten days,
    so the count is the busiest ten consecutive days of the window (and the window's whole count beside it)."""
    from evidence.describing import describe_scope, designator_notes
    from evidence.selectors import busiest_stretch, count_missions

    assert scope.period is not None and scope.period.span_days
    stretch = busiest_stretch(scope)
    n = scope.period.span_days
    whole = count_missions(scope)
    return CountCheck(
        claimed=f"{claimed} in {n} days",
        found=f"{stretch.count} in the busiest {n} days ({stretch.start.isoformat()} to {stretch.end.isoformat()}); "
              f"{whole} in the whole window",
        scope_text="missions " + describe_scope(scope),
        caveat=" ".join([f"{LOWER_BOUND} The text does not say which days: the busiest stretch of that length is the "
                         "most the records can support.", *designator_notes([scope])]),
        coverage="",
    )


def claim_count_check(claim: Claim) -> CountCheck | None:
    """Claimed vs found for a claim that states a number of missions. The verdict stays a person's decision."""
    from evidence.describing import describe_scope, designator_notes
    from evidence.selectors import distances_beyond_measurement, missions_in_scope
    from evidence.services.coverage import FEW_MISSIONS, coverage_line

    if not claim.stated_count or not claim.scope:
        return None
    scope = effective_scope(claim, Scope.from_dict(claim.scope))
    qty = claim.stated_count
    qualifier = str(qty.get("qualifier", "exact")).replace("_", " ")
    value = qty.get("value")
    claimed = f"{qualifier} {value:g}" if isinstance(value, int | float) else str(value)
    if qualifier == "between" and isinstance(qty.get("low"), int | float):  # "between 10 and 15" (round 19)
        claimed = f"between {qty['low']:g} and {value:g}"
    beyond = distances_beyond_measurement(scope)
    if beyond:  # a count would silently miss the missions between the measured and the claimed distance
        return CountCheck(
            claimed=claimed, found="not counted: the records measure distances only to " + "; ".join(beyond),
            scope_text="missions " + describe_scope(scope),
            caveat="No count is given rather than a number that would miss the flights farther out.", coverage="")
    if scope.period is not None and scope.period.span_days and not qty.get("per"):
        return _span_count_check(scope, claimed)
    count = missions_in_scope(scope).count()
    coverage = ""
    if count <= FEW_MISSIONS:
        hexes = missions_in_scope(scope).values_list("aircraft_id", flat=True)
        coverage = coverage_line(scope, count, mission_aircraft=list(hexes)) or ""
    found = str(count)
    if qty.get("per"):
        days = scope.period.days if scope.period else 365
        per_days = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}.get(qty["per"], 30.44)
        rate = count / max(days / per_days, 1e-9)
        claimed += f" per {qty['per']}"
        found = f"{rate:.2f} per {qty['per']} ({count} in {days} days)"
    return CountCheck(
        claimed=claimed,
        found=found,
        scope_text="missions " + describe_scope(scope),
        caveat=" ".join([LOWER_BOUND, *designator_notes([scope])]),
        coverage=coverage,
    )
