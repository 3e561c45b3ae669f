"""Change, rate and novelty claims checked against a computed baseline.

"sharply increased", "surge", "doubled", "markedly intensified" are claims about a change of rate: the checker counts
the missions in the claimed period and in a baseline (the year before the period, or the period the text compares
with: "compared with January"), turns both into rates per month, and says what the records show with the counts
behind both ("18 missions in 18 days (30.4 a month) vs 12 over the year before (1.0 a month): about 30× the baseline
rate"). "unprecedented", "first time", "could not recall … previously" are novelty claims: the checker looks for the
first mission of that kind in the records and for any before the claimed period. Stated rates ("about once a month")
are checked by :func:`claims.services.checking.claim_count_check`.

The scope comes from the same reading as every other claim (:func:`claims.services.checking.read_claim`, built on
:func:`claims.nlp.reading.read_scope`). The change words are the shared lexicon's (:mod:`claims.nlp.lexicon`): the bot
reads the same words as a comparison when both periods are named.
Where the claim names no period (a lede: "has sharply increased surveillance flights"), the period is taken from the
text after it (the paragraph that gives the details) and the description says so. The verdict stays a person's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from claims.models import Claim
from claims.nlp.lexicon import DECREASE_WORDS, FACTOR_WORDS, INCREASE_WORDS
from evidence.scope import Period, Scope

#: Days in an average month: rates are given per month.
MONTH_DAYS = 30.44
BASELINE_DAYS = 365
#: A change claim that names no period and has none in the text around it: the weeks before the article.
DEFAULT_RECENT_DAYS = 30

NOVELTY_PATTERNS = (
    r"unprecedented", r"(for )?the first time", r"first[- ]ever", r"never before", r"never (been|seen)",
    r"no precedent", r"could not recall\b.*\b(previously|before)", r"(not|never) (been )?seen (this )?before",
    r"(not|never)\b.{0,40}\bbefore\b",
)

_WORD_RE = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(INCREASE_WORDS + DECREASE_WORDS + tuple(FACTOR_WORDS),
                                                    key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_NOVELTY_RE = re.compile(r"\b(" + "|".join(NOVELTY_PATTERNS) + r")", re.IGNORECASE)
#: Where a stated baseline begins: "compared with January", "than last year", "up from 2024".
_VERSUS_RE = re.compile(
    r"\b(compared (with|to)|relative to|than( in| during| over)?|versus|vs\.?|up from|down from|from)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ChangeWords:
    """What a claim's words say about a rate: ``kind`` "change" or "novelty"."""

    kind: str
    words: str
    direction: str | None = None  # "up" or "down" for a change
    factor: float | None = None  # "doubled" → 2.0


@dataclass(frozen=True)
class RateCheck:
    kind: str
    words: str
    #: The plain sentence: what the records show.
    finding: str
    scope_text: str
    period: Period
    period_count: int
    baseline: Period | None = None
    baseline_count: int | None = None
    ratio: float | None = None
    claimed_factor: float | None = None
    first_seen: dt.datetime | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    caveat: str = (
        "Counts include only aircraft that were heard broadcasting ADS-B: a count from flight data is a lower bound, "
        "and a record that starts late cannot show what happened before it."
    )


def read_change_words(text: str) -> ChangeWords | None:
    """The change or novelty words in a claim's text, or None. Novelty wins ("first time … increased")."""
    novelty = _NOVELTY_RE.search(text)
    if novelty:
        return ChangeWords("novelty", novelty.group(0))
    match = _WORD_RE.search(text)
    if not match:
        return None
    word = match.group(0)
    factor = FACTOR_WORDS.get(word.lower())
    if factor is not None:
        return ChangeWords("change", word, "up" if factor > 1 else "down", factor)
    direction = "down" if word.lower() in DECREASE_WORDS else "up"
    return ChangeWords("change", word, direction)


def per_month(count: int, period: Period) -> float:
    return count / (period.days / MONTH_DAYS)


def _text_after(claim: Claim) -> str:
    """The rest of the claim's paragraph and the next paragraph: where a lede's details are."""
    body = claim.article.body
    nxt = body.find("\n\n", claim.end)
    if nxt < 0:
        return body[claim.end :]
    after = body.find("\n\n", nxt + 2)
    return body[claim.end : after if after >= 0 else len(body)]


def _split_baseline(text: str) -> tuple[str, str]:
    """The claim's own part and the baseline it states ("… doubled compared with January")."""
    match = _VERSUS_RE.search(text)
    if not match:
        return text, ""
    return text[: match.start()], text[match.end() :]


def _reading(claim: Claim) -> tuple[Scope, Period | None, list[str]]:
    """The scope (without period) and the baseline period the claim states, with notes on where each came from."""
    from claims.nlp.reading import read_claim_text
    from claims.services.checking import _reference, read_claim

    scope, _ = read_claim(claim)
    notes: list[str] = []
    own, versus = _split_baseline(claim.exact)
    baseline = None
    reference = _reference(claim)
    if versus.strip():
        stated, _ = read_claim_text(versus, reference=reference)
        baseline = stated.period
        if baseline is not None:
            notes.append(f"baseline as the claim states it: {baseline.text}")
            own_scope, _ = read_claim_text(own, reference=reference)
            scope = scope.with_changes(period=own_scope.period)
    return scope, baseline, notes


def _claimed_period(claim: Claim, scope: Scope, notes: list[str]) -> Period:
    from claims.nlp.reading import read_claim_text
    from claims.services.checking import _reference

    if scope.period is not None:
        return scope.period
    reference = _reference(claim)
    after, _ = read_claim_text(_text_after(claim)[:4000], reference=reference)
    if after.period is not None:
        notes.append(f"period from the text after the claim: {after.period.text}")
        return after.period
    end = reference.date()
    notes.append(f"the claim names no period: the {DEFAULT_RECENT_DAYS} days before the article")
    return Period(end - dt.timedelta(days=DEFAULT_RECENT_DAYS - 1), end, f"the {DEFAULT_RECENT_DAYS} days before")


def _inherit_places(claim: Claim, scope: Scope, notes: list[str]) -> Scope:
    """A novelty claim ("a U-2 being deployed for this purpose") leans on the places the text before names."""
    from claims.nlp.reading import read_claim_text
    from claims.services.checking import _reference, _text_before

    if scope.regions:
        return scope
    before = _text_before(claim).strip()
    if not before:
        return scope
    context, _ = read_claim_text(before[-4000:], reference=_reference(claim))
    if not context.regions:
        return scope
    notes.append("place from the text before the claim")
    return scope.with_changes(regions=context.regions)


def claim_rate_check(claim: Claim) -> RateCheck | None:
    """What the records show about a change or novelty claim; None when the claim is neither or names no flights."""
    from claims.services.checking import _is_specific

    words = read_change_words(claim.exact)
    if words is None:
        return None
    scope, baseline, notes = _reading(claim)
    if words.kind == "novelty":
        scope = _inherit_places(claim, scope, notes)
    if not _is_specific(scope):
        return None
    period = _claimed_period(claim, scope, notes)
    if words.kind == "novelty":
        return _novelty_check(words, scope.with_changes(period=None), period, notes)
    return _change_check(words, scope.with_changes(period=None), period, baseline, notes)


def _baseline_before(period: Period) -> Period:
    end = period.start - dt.timedelta(days=1)
    return Period(end - dt.timedelta(days=BASELINE_DAYS - 1), end, "the year before")


def _count(scope: Scope, period: Period) -> int:
    from evidence.selectors import count_missions

    return count_missions(scope.with_changes(period=period))


def _span(period: Period) -> str:
    from evidence.selectors import describe_period

    return describe_period(period)


def _change_check(
    words: ChangeWords, scope: Scope, period: Period, baseline: Period | None, notes: list[str]
) -> RateCheck:
    from evidence.describing import describe_scope

    baseline = baseline or _baseline_before(period)
    n, n_base = _count(scope, period), _count(scope, baseline)
    rate, base_rate = per_month(n, period), per_month(n_base, baseline)
    ratio = rate / base_rate if base_rate else None
    head = (
        f"{n} mission{'s' if n != 1 else ''} in the {period.days} days of {_span(period)} ({rate:.1f} a month) vs "
        f"{n_base} over {baseline.text} ({_span(baseline)}: {base_rate:.1f} a month)"
    )
    if ratio is None:
        shows = "no missions in the baseline, so no ratio: any mission is more than the records show before"
        if n == 0:
            shows = "no missions in either period: the records show no change"
    else:
        shows = f"about {_ratio_words(ratio)} the baseline rate"
    finding = f"{head}: {shows}."
    if ratio is not None:
        finding += " " + _against_claim(words, ratio)
    return RateCheck(
        kind="change",
        words=words.words,
        finding=finding,
        scope_text="missions " + describe_scope(scope, with_period=False),
        period=period,
        period_count=n,
        baseline=baseline,
        baseline_count=n_base,
        ratio=round(ratio, 2) if ratio is not None else None,
        claimed_factor=words.factor,
        notes=tuple(notes),
    )


def _ratio_words(ratio: float) -> str:
    if ratio >= 10:
        return f"{ratio:.0f}×"
    return f"{ratio:.1f}×"


def _against_claim(words: ChangeWords, ratio: float) -> str:
    said = f'The claim says "{words.words}"'
    if words.factor is not None:
        return f"{said} (about {words.factor:g}×); the records show about {_ratio_words(ratio)}."
    if words.direction == "up":
        shown = "an increase" if ratio > 1.2 else ("no increase" if ratio >= 0.8 else "a decrease")
    else:
        shown = "a decrease" if ratio < 0.8 else ("no decrease" if ratio <= 1.2 else "an increase")
    return f"{said}; the records show {shown}."


def _novelty_check(words: ChangeWords, scope: Scope, period: Period, notes: list[str]) -> RateCheck:
    from evidence.describing import describe_scope
    from evidence.selectors import first_mission

    subject = describe_scope(scope, with_period=False)
    records_start = first_mission(Scope())
    first = first_mission(scope)
    n = _count(scope, period)
    since = f"{records_start.start:%-d %B %Y}" if records_start else "—"
    before = _count(scope, Period(records_start.start.date(), period.start - dt.timedelta(days=1))) if (
        records_start and records_start.start.date() < period.start
    ) else 0
    if n == 0:
        finding = f"No mission {subject} in {_span(period)} in the records: nothing to call a first."
    elif before == 0:
        finding = (
            f"First mission {subject} in the records since {since} (when the records start): "
            f"{n} in {_span(period)}, the first on {first.start:%-d %B %Y}; none before."
        )
    else:
        finding = (
            f"Not a first in the records: {before} earlier mission{'s' if before != 1 else ''} {subject} since "
            f"{since}, the first on {first.start:%-d %B %Y}."
        )
    return RateCheck(
        kind="novelty",
        words=words.words,
        finding=finding,
        scope_text="missions " + subject,
        period=period,
        period_count=n,
        baseline_count=before,
        first_seen=first.start if first else None,
        notes=tuple(notes),
    )


def rate_check_to_dict(check: RateCheck) -> dict:
    """JSON-ready: periods as ISO dates with how they were read."""

    def period(p: Period | None) -> dict | None:
        return {"start": p.start.isoformat(), "end": p.end.isoformat(), "text": p.text, "days": p.days} if p else None

    return {
        "kind": check.kind,
        "words": check.words,
        "finding": check.finding,
        "scope": check.scope_text,
        "period": period(check.period),
        "period_count": check.period_count,
        "period_per_month": round(per_month(check.period_count, check.period), 2),
        "baseline": period(check.baseline),
        "baseline_count": check.baseline_count,
        "baseline_per_month": round(per_month(check.baseline_count, check.baseline), 2) if check.baseline else None,
        "ratio": check.ratio,
        "claimed_factor": check.claimed_factor,
        "first_seen": check.first_seen.isoformat() if check.first_seen else None,
        "notes": list(check.notes),
        "caveat": check.caveat,
    }
