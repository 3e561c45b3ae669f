"""The two sides of a comparison: two periods, two types, two places or two operators, or a period against the
conversation's previous one ("compared with 2024"). Each side is a whole scope, so the answer states both."""
from __future__ import annotations

import re
from dataclasses import dataclass

from claims.nlp.reading import QuestionReading, read_question
from claims.nlp.vocabulary import Vocabulary
from evidence.scope import Period, Scope

_RX = re.IGNORECASE


_DATE_WORDS = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
                         r"|\b\d{1,2}(?:st|nd|rd|th)?\b", _RX)
_TAIL_RX = re.compile(r"\b(?:compared?\s+(?:to|with)|vs\.?|versus|against|than)\s+(.+)$", _RX)


@dataclass(frozen=True)
class Sides:
    first: Scope
    second: Scope
    #: The words each side was read from, when read side by side (``(start, end, "kind: text")``).
    spans: tuple[tuple[int, int, str], ...] = ()


def comparison_sides(text: str, reading: QuestionReading, *, reference: object, previous: Scope | None,
                     vocabulary: Vocabulary | None = None) -> Sides | None:
    """The two scopes a comparison question names, or None when it does not name two."""
    scope = reading.scope
    asked_twice = question_sides(text, scope, reference=reference, vocabulary=vocabulary)
    if asked_twice is not None:
        return asked_twice
    periods = list(reading.periods)
    if len(periods) == 1 and len(_DATE_WORDS.findall(text)) >= 2:  # "January and February 2025" read as one
        periods = split_periods(text, reference=reference, vocabulary=vocabulary) or periods
    if not periods and previous is not None and previous.period is not None:
        tail = _TAIL_RX.search(text)  # "compared with 2024?" after a question about 2025
        if tail:
            periods = read_question(f"in {tail.group(1).strip(' ?.!')}", reference=reference,  # type: ignore[arg-type]
                                    vocabulary=vocabulary).periods[:1]
    if len(periods) >= 2:
        a, b = align_years(periods[0], periods[1])
        return Sides(scope.with_changes(period=a), scope.with_changes(period=b))
    by_subject = subject_sides(text, scope, reference=reference, vocabulary=vocabulary)
    if by_subject is not None:
        return by_subject
    if len(scope.type_designators) == 2:
        a, b = scope.type_designators
        return Sides(scope.with_changes(type_designators=(a,)), scope.with_changes(type_designators=(b,)))
    if len(scope.regions) == 2:
        a, b = scope.regions
        return Sides(scope.with_changes(regions=(a,)), scope.with_changes(regions=(b,)))
    joined = _places_compared(text, reading)
    if joined is not None:
        return joined
    if len(scope.operators) == 2:
        a, b = scope.operators
        return Sides(scope.with_changes(operators=(a,)), scope.with_changes(operators=(b,)))
    if len(periods) == 1 and previous is not None and previous.period is not None:
        # "compared with 2024" after a question about 2025: the previous scope, in both periods
        base = _merge_subject(previous, scope)
        return Sides(base.with_changes(period=previous.period), base.with_changes(period=periods[0]))
    return None


_HOW_MANY_RX = re.compile(r"\bhow\s+many\b", _RX)
#: The parts of a scope a question may say on its own: what flew, where, when. Each is the same for both sides of
#: "how many …, and how many …?" unless both questions say it.
_SCOPE_PARTS = (
    ("type_designators", "roles", "surveillance_only"),
    ("operators",),
    ("exclude_types", "exclude_operators", "civil_only", "military_only", "orbits_only"),
    ("hexes", "callsigns"),
    ("regions", "and_regions"),
    ("period",),
)


def question_sides(text: str, scope: Scope, *, reference: object,
                   vocabulary: Vocabulary | None = None) -> Sides | None:
    """The two sides of a comparison read each on its own: two count questions in one message ("how many RC-135s
    near Kaliningrad in October 2025, and how many RQ-4s over the Black Sea?") or two scopes joined by one "or",
    "vs", "than" ("P-8 missions over Mexico in 2025 or near Arizona in February 2025?"). A part of the scope both
    sides say (the aircraft, the operator, the places, the period) is each side's own; a part only one says is
    shared ("… and how many U-2s?" keeps the place and period). Read as one scope, the second side's place was joined
    to the first's: wrong counts on both sides. None unless the text has exactly two sides and they differ."""
    asked = list(_HOW_MANY_RX.finditer(text))
    splits = list(_SIDE_SPLIT_RX.finditer(text))
    if not splits and _COMPARE_AND_RX.search(text):  # "compare P-8 flights near Texas with U-2 flights near Arizona"
        splits = list(_COMPARE_WITH_RX.finditer(text))
    if len(asked) == 2:
        parts = ((0, text[:asked[1].start()]), (asked[1].start(), text[asked[1].start():]))
    elif len(asked) < 2 and len(splits) == 1:
        parts = ((0, text[:splits[0].start()]), (splits[0].end(), text[splits[0].end():]))
    else:
        return None
    readings = [read_question(part, reference=reference, vocabulary=vocabulary)  # type: ignore[arg-type]
                for _, part in parts]
    read = [r.scope for r in readings]
    first, second = scope, scope
    for names in _SCOPE_PARTS:
        own = [{name: getattr(side, name) for name in names} for side in read]
        if all(any(values.values()) for values in own):
            first, second = first.with_changes(**own[0]), second.with_changes(**own[1])
    if first.period is not None and second.period is not None:
        a, b = align_years(first.period, second.period)
        first, second = first.with_changes(period=a), second.with_changes(period=b)
    if first == second:
        return None
    spans = tuple((at + s, at + e, label) for (at, _), r in zip(parts, readings, strict=True)
                  for s, e, label in r.spans if label.split(":")[0] in {"aircraft", "role", "operator", "region"})
    return Sides(first, second, spans)


_SIDE_SPLIT_RX = re.compile(r"\s+(?:or|vs\.?|versus|than|compared\s+(?:to|with)|against"
                            r"|as(?!\s+(?:many|much|often|frequently)\b))\s+", _RX)
#: "compare U-2 and E-3 missions", "the difference between P-8 and U-2 flights": "and" joins the two sides.
_COMPARE_AND_RX = re.compile(r"\bcompare[ds]?\b|\bdifference\s+between\b", _RX)
_AND_SPLIT_RX = re.compile(r"\s+and\s+", _RX)
#: The word between a comparison's two sides after "compare": "compare A with B", "compare A and B".
_COMPARE_WITH_RX = re.compile(r"\s+(?:with|and|to)\s+", _RX)
#: What a side of "more drone flights or RC-135 flights?" can be: the aircraft, their role, their operator.
_SUBJECT = ("type_designators", "roles", "surveillance_only", "operators")


def subject_sides(text: str, scope: Scope, *, reference: object,
                  vocabulary: Vocabulary | None = None) -> Sides | None:
    """"More drone flights or RC-135 flights?", "fewer U-2 or E-3 flights?": each side's aircraft, role or operator
    read on its own (a role against a type, or a type with several designators, is one side), the rest of the scope
    shared. None unless the sides differ and name the same kinds of subject or one kind each: "Navy P-8s or U-2s"
    is left to the reading of the whole question (both sides Navy)."""
    split = _SIDE_SPLIT_RX.search(text) or (_AND_SPLIT_RX.search(text) if _COMPARE_AND_RX.search(text)
                                            and len(_AND_SPLIT_RX.findall(text)) == 1 else None)  # two sides, not three
    if split is None:
        return None
    parts = ((0, text[:split.start()]), (split.end(), text[split.end():]))
    read = [read_question(part, reference=reference, vocabulary=vocabulary)  # type: ignore[arg-type]
            for _, part in parts]
    subjects = [{name: getattr(r.scope, name) for name in _SUBJECT if getattr(r.scope, name)} for r in read]
    a, b = subjects
    if not a or not b or a == b or (set(a) != set(b) and not len(a) == len(b) == 1):
        return None
    empty = {name: getattr(Scope(), name) for name in _SUBJECT}
    spans = tuple((at + s, at + e, label) for (at, _), r in zip(parts, read, strict=True)
                  for s, e, label in r.spans if label.split(":")[0] in {"aircraft", "role", "operator"})
    return Sides(scope.with_changes(**{**empty, **subjects[0]}), scope.with_changes(**{**empty, **subjects[1]}),
                 spans)


#: The word between two places that makes them two sides: "over the Black Sea with / vs / or … near Kaliningrad".
_PLACES_SPLIT_RX = re.compile(r"\s(?:with|vs\.?|versus|or|than|against|compared\s+(?:to|with))\s", _RX)


def _places_compared(text: str, reading: QuestionReading) -> Sides | None:
    """"Compare flights over the Black Sea with flights near Kaliningrad": the reader joins the two places (both);
    with a comparing word between them they are the two sides, each with its own relation."""
    scope = reading.scope
    if len(scope.regions) != 1 or len(scope.and_regions) != 1:
        return None
    places = sorted((s, e) for s, e, label in reading.spans if label.startswith("region:"))
    if len(places) != 2 or not _PLACES_SPLIT_RX.search(text[places[0][1]:places[1][0]]):
        return None
    return Sides(scope.with_changes(and_regions=()), scope.with_changes(regions=scope.and_regions, and_regions=()))


def _merge_subject(previous: Scope, new: Scope) -> Scope:
    changes = {}
    for name in ("type_designators", "roles", "operators", "regions"):
        if getattr(new, name):
            changes[name] = getattr(new, name)
    return previous.with_changes(**changes)


def align_years(a: Period, b: Period) -> tuple[Period, Period]:
    """A year written only on one side applies to both: "January or February 2025" is January 2025."""
    from evidence.selectors import shift_period_years

    if a.year_inferred and not b.year_inferred and a.start.year != b.start.year:
        moved = shift_period_years(a, b.start.year - a.start.year)
        if moved is not None:
            a = Period(moved.start, moved.end, a.text, year_inferred=False)
    elif b.year_inferred and not a.year_inferred and a.start.year != b.start.year:
        moved = shift_period_years(b, a.start.year - b.start.year)
        if moved is not None:
            b = Period(moved.start, moved.end, b.text, year_inferred=False)
    return a, b


def split_periods(text: str, *, reference: object, vocabulary: Vocabulary | None = None) -> list[Period]:
    """Two periods the reader took as one range ("January and February 2025"): each side of the last
    "and/vs/or/compared to/with" read separately; "from September to October 2025" in a question that compares
    (a trend: "did flights go up from September to October?") is the two months, not the span."""
    parts = re.split(r"\s+(?:and|vs\.?|versus|compared\s+(?:to|with)|with|against|or|than)\s+", text, flags=_RX)
    if len(parts) < 2 and re.search(r"\bfrom\b", text, _RX):
        parts = re.split(r"\s+(?:to|through|until|till)\s+", text, flags=_RX)
    if len(parts) < 2:
        return []

    def side(part: str) -> list[Period]:
        found = read_question(part, reference=reference, vocabulary=vocabulary).periods  # type: ignore[arg-type]
        if found:
            return found
        return read_question(f"in {part.strip(' ?.!')}", reference=reference,  # type: ignore[arg-type]
                             vocabulary=vocabulary).periods

    left = side(" ".join(parts[:-1]))
    right = side(parts[-1])
    if not left or not right:
        return []
    return [left[-1], right[0]]


def side_label(scope: Scope, other: Scope) -> str:
    """What distinguishes one side from the other, in words ("February 2025", "P8", "near Arizona"); every part
    that differs when the sides differ in more than one ("R135 (Boeing RC-135), within 50 nm of Kaliningrad")."""
    from evidence import selectors as sel
    from evidence.describing import describe_scope

    labels = []
    if scope.type_designators != other.type_designators and scope.type_designators:  # a role side is described
        names = sel.type_names(scope.type_designators)
        labels.append(" or ".join(f"{d} ({names[d]})" if d in names else d for d in scope.type_designators))
    elif (scope.roles, scope.surveillance_only) != (other.roles, other.surveillance_only) \
            and (scope.roles or scope.surveillance_only):  # "drone flights or RC-135 flights": the role's words
        roles = Scope(roles=scope.roles, surveillance_only=scope.surveillance_only)
        labels.append(describe_scope(roles, with_period=False).removeprefix("by "))
    if scope.operators and scope.operators != other.operators:
        names = sel.organisation_names(scope.operators)
        labels.append(" or ".join(names.get(slug, slug) for slug in scope.operators))
    if scope.regions and (scope.regions, scope.and_regions) != (other.regions, other.and_regions):
        labels.append(describe_scope(Scope(regions=scope.regions, and_regions=scope.and_regions), with_period=False))
    if scope.period != other.period and scope.period is not None:
        labels.append(sel.describe_period(scope.period))
    known = scope.with_changes(type_designators=other.type_designators, roles=other.roles,
                               surveillance_only=other.surveillance_only, operators=other.operators,
                               regions=other.regions, and_regions=other.and_regions, period=other.period)
    if labels and known == other:  # nothing else differs: the labels say it all
        return ", ".join(labels)
    return describe_scope(scope.with_changes(period=None), with_period=False) or "all missions"


_YEAR = r"(?:19|20)\d{2}"
#: "the 2024 monthly average", "the monthly average for 2024", "the average month in 2024", "2024's weekly average".
BASELINE_RX = re.compile(
    rf"(?:(?:the|an)\s+)?(?:(?P<y1>{_YEAR})(?:'s|’s)?\s+)?(?P<unit>daily|weekly|monthly|yearly|annual)\s+"
    rf"(?:average|mean|norm)(?:\s+(?:for|in|of|during|over)\s+(?P<y2>{_YEAR}))?"
    rf"|(?:(?:the|an)\s+)?average\s+(?:per\s+)?(?P<unit2>day|week|month)\s+(?:in|of|for|during|over)\s+(?P<y3>{_YEAR})",
    _RX,
)
_UNIT = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annual": "year"}


@dataclass(frozen=True)
class Baseline:
    """A comparison's other side as an average: the period it averages over and the unit it is per."""

    unit: str
    period: Period | None
    start: int
    end: int


def find_baseline(text: str) -> Baseline | None:
    """The baseline a question compares with ("compared with the 2024 monthly average"), or None. ``period`` is
    None when the question names no year to average over."""
    m = BASELINE_RX.search(text)
    if m is None:
        return None
    unit = _UNIT.get((m.group("unit") or "").lower()) or (m.group("unit2") or "").lower()
    year = m.group("y1") or m.group("y2") or m.group("y3")
    period = None
    if year:
        import datetime as dt

        y = int(year)
        period = Period(dt.date(y, 1, 1), dt.date(y, 12, 31), text=year)
    return Baseline(unit=unit, period=period, start=m.start(), end=m.end())


def baseline_units(period: Period, unit: str) -> float:
    """How many days, weeks, months or years the baseline period holds (a year: 12 months, 365 or 366 days)."""
    if unit == "month":
        return float((period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1)
    if unit == "week":
        return period.days / 7
    if unit == "year":
        return period.days / (366 if period.days == 366 else 365)
    return float(period.days)
