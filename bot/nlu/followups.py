"""Follow-ups: a question that edits the conversation's previous one ("and in January?", "what about Arizona?",
"how many of those were P-8s?", "which ones?", "list them", "the last one?").

The tracker's state is the previous answered query (the conversation context): its whole scope — types, operators,
places, distance, period — and, through the scope, the records it answered with. A follow-up replaces the fields it
names and keeps the rest; "of those" narrows (it never widens the previous answer's records).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bot.nlu.intents import GROUP_SUBJECT_RX, SUBJECT_RX
from claims.nlp.reading import QuestionReading
from evidence.scope import Period, RegionFilter, Scope

_RX = re.IGNORECASE

#: "did they", "have those": the pronoun a follow-up uses for the previous answer's missions.
_THEY = r"\b(?:did|do|have|had|were|are)\s+(?P<p>they|those|these)\b"  # "what types were they?"
FOLLOW_UP_RX = re.compile(
    r"^\s*(?:and|what\s+about|how\s+about|same\s+(?:for|in|but)|also|now|ok(?:ay)?|then|but|what\s+of"
    r"|and\s+what\s+about)\b"
    r"|^\s*(?:list|show)\s+(?:them|those|these|it|me\s+them)\b|^\s*(?:per|by)\s+\w+\s*\??\s*$"
    r"|^\s*(?:but\s+)?(?:only|just|other\s+than|except|excluding|not\s+counting|apart\s+from|without)\b"
    r"|(?<=\w)\s+only\W*$|^\W*(?:(?:and|now|ok(?:ay)?)\s+)?(?:narrow|limit|restrict)\s+(?:it|that|this|them|those)\b"
    r"|^\s*(?:and\s+)?how\s+many\s+(?:were|was)\s+(?!there\b)"
    r"|\b(?:of|among|from)\s+(?:those|them|these)\b|\b(?:which|what)\s+ones\b|^\s*(?:the\s+)?(?:last|first|latest"
    r"|earliest)\s+one\b|\b(?:those|these)\s+(?:missions?|flights?|sorties?)\b"
    r"|" + _THEY,  # "how close did they get?": the previous answer's
    _RX,
)
#: "Of those", "among them": the follow-up narrows the previous records instead of replacing a field.
#: "Only the P-8s?", "just the Navy ones": narrows too.
#: "and E-3s only?", "narrow that to the Air Force", "limit it to 2025" too.
_ONLY = (r"^\s*(?:(?:but|and|now|so|ok(?:ay)?)[\s,]+)?(?:only|just)\b|(?<=\w)\s+only(?=\W*$)"
         r"|^\W*(?:(?:and|now|ok(?:ay)?)\s+)?(?:narrow|limit|restrict)\s+(?:it|that|this|them|those)\s+(?:down\s+)?to\b")
ONLY_RX = re.compile(_ONLY, _RX)
NARROW_RX = re.compile(_ONLY +
                       r"|^\s*(?:and\s+)?how\s+many\s+(?:were|was)\s+(?!there\b)"
                       r"|\b(?:of|among|from)\s+(?:those|them|these)\b|\b(?:those|these)\s+(?:missions?|flights?)"
                       r"\b|\b(?:were|was|did|have|had)\s+(?:they|those|these)\b", _RX)
#: "how many of those were P-8s?", "list them", "were they Navy?": words that point at an earlier answer, declined
#: when the conversation has none to point at (its first question was declined, or there was none).
POINTS_BACK_RX = re.compile(r"\b(?:of|among|from)\s+(?:those|them|these)\b|\b(?:list|show)\s+(?:me\s+)?(?:them|those"
                            r"|these)\b|\b(?:were|was)\s+(?:they|those|these)\b|\bthose\s+(?:missions?|flights?)\b"
                            r"|^\W*(?:and\s+)?how\s+many\s+(?:were|was)\s+(?!there\b)|" + _THEY, _RX)
#: The pronoun itself, marked read in a follow-up.
THEY_RX = re.compile(_THEY, _RX)
WHAT_ABOUT_RX = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\b|^\s*and\b"
                           r"|^\s*(?:the\s+)?same\s+(?:but\s+)?(?:for|with|in)\b", _RX)
#: "drop the date", "without the place", "any date": a follow-up that removes a field of the previous question.
DROP_RX = re.compile(r"^\W*(?:(?:and|ok(?:ay)?|now|same\s+but)\s+)?(?:drop|remove|without|ignore|forget(?:\s+about)?"
                     r"|lose|no)\s+(?:the\s+)?(?P<what>dates?|period|time\s*frame|timeframe|years?|months?|places?"
                     r"|regions?|location|area)\b(?:\s+(?:filter|limit|restriction))?", _RX)


#: "ever?", "of all time?", "at any time?" as the whole follow-up: the previous question without its period.
ALL_TIME_RX = re.compile(r"^\W*(?:(?:and|but|ok(?:ay)?)\s+)?(?:ever|(?:of|over|for|in|across)\s+all\s+time|all[\s-]time"
                         r"|at\s+any\s+time"
                         r"|in\s+all\s+the\s+records)\W*$", _RX)


#: "anywhere?", "any type?", "all operators": a follow-up that widens the previous question to every place, aircraft
#: or operator (the field it names is cleared).
_ANY = r"(?:any|all|every|regardless\s+of(?:\s+the)?|whatever\s+the)\s+"
ANY_RX = re.compile(r"\b(?P<place>anywhere|everywhere|" + _ANY + r"(?:place|region|location|area)s?)\b"
                    r"|\b(?P<type>" + _ANY + r"(?:aircraft\s+)?(?:types?|kinds?|models?)(?:\s+of\s+aircraft)?"
                    r"|any\s+(?:aircraft|planes?))\b"
                    r"|\b(?P<op>" + _ANY + r"(?:operators?|services?|branch(?:es)?))\b"
                    r"|\b(?P<period>" + _ANY + r"(?:years?|dates?|times?|periods?))\b", _RX)
_ANY_FIELDS = {"place": {"regions": (), "and_regions": ()},
               "type": {"type_designators": (), "roles": (), "surveillance_only": False},
               "op": {"operators": ()}, "period": {"period": None}}


def dropped_fields(text: str) -> tuple[dict[str, Any], list[tuple[int, int, str]]]:
    """The fields a "drop the date" follow-up clears ("ever?": the period; "anywhere?": the place; "any type?": the
    aircraft), and their spans."""
    every = ALL_TIME_RX.match(text)
    if every:
        return {"period": None}, [(every.start(), every.end(), "dropped: the period")]
    fields: dict[str, Any] = {}
    spans: list[tuple[int, int, str]] = []
    for a in ANY_RX.finditer(text):
        what = next(k for k in ("place", "type", "op", "period") if a.group(k))
        fields.update(_ANY_FIELDS[what])
        spans.append((a.start(), a.end(), "widened: " + a.group(0)))
    m = DROP_RX.search(text)
    if m is None:
        return fields, spans
    what = m.group("what").lower()
    fields.update({"period": None} if what.startswith(("date", "period", "time", "year", "month"))
                  else {"regions": (), "and_regions": ()})
    return fields, [*spans, (m.start(), m.end(), "dropped: " + m.group(0).strip())]


def is_follow_up(text: str, reading: QuestionReading, *, names_aircraft: bool = False) -> bool:
    """An edit of the previous question: an explicit marker, a pronoun, or a fragment without its own subject.
    ``names_aircraft``: the text names an aircraft by its identity (hex, registration, callsign) — its subject."""
    if FOLLOW_UP_RX.search(text) or DROP_RX.search(text) or ALL_TIME_RX.match(text) \
            or (ANY_RX.search(text) and len(text.split()) <= 5):
        return True
    if reading.scope.is_empty() and len(text.split()) <= 4 and not names_aircraft:
        return True  # "which aircraft?", "per day", "list them" ("what type is 43c6f1?" asks afresh)
    s = reading.scope
    # "What did ae6805 fly in February?" asks afresh about that aircraft: it does not edit the question before.
    has_subject = names_aircraft or bool(SUBJECT_RX.search(text)) or bool(
        s.type_designators or s.roles or s.surveillance_only or s.hexes or s.callsigns) or bool(
        GROUP_SUBJECT_RX.search(text) and (s.regions or s.period))
    return not has_subject and len(text.split()) <= 8


def another_aircraft(previous: Scope) -> Scope:
    """The previous scope without what said which aircraft: a follow-up naming an aircraft by its identity ("and
    43c6f1?", "what about ae01c5 in October?") asks about that one, whatever its type or operator."""
    return previous.with_changes(hexes=(), callsigns=(), type_designators=(), roles=(), surveillance_only=False,
                                 operators=(), exclude_types=(), exclude_operators=())


def merge(previous: Scope, new: Scope, *, narrow: bool = False) -> tuple[Scope, list[str]]:
    """Fields the follow-up names replace the previous ones; the rest is kept ("and in January?" keeps the U-2).

    With ``narrow`` ("how many of those were P-8s?") the new types must lie within the previous ones; when they do
    not (the previous scope was a role, or other types), the returned problems say so and the caller declines.
    """
    changes: dict[str, Any] = {}
    problems: list[str] = []
    if new.type_designators or new.roles or new.surveillance_only:
        # a role after types ("P-8 flights … of those, how many were drones?") would replace the types: not a narrowing
        if narrow and (previous.roles or (previous.type_designators and (
                not new.type_designators or not set(new.type_designators) <= set(previous.type_designators)))):
            problems.append("narrowing the previous aircraft to other ones (ask without \"of those\")")
        changes.update(type_designators=new.type_designators, roles=new.roles,
                       surveillance_only=new.surveillance_only or (narrow and previous.surveillance_only))
    for name in ("operators", "regions", "hexes", "callsigns", "exclude_types", "exclude_operators"):
        if getattr(new, name):
            changes[name] = getattr(new, name)
    if new.exclude_types and not new.type_designators:  # "what about flights that weren't P-8s?" after P-8 flights
        changes["type_designators"] = tuple(d for d in previous.type_designators if d not in new.exclude_types)
    if new.exclude_operators:  # "excluding the RAF ones?" after "RAF or USAF flights…"
        changes["operators"] = tuple(o for o in previous.operators if o not in new.exclude_operators)
    elif new.operators:
        changes["exclude_operators"] = tuple(o for o in previous.exclude_operators if o not in new.operators)
    if narrow and new.regions and previous.regions:
        # "of those, how many were over the Gulf of Mexico?": the previous places still hold, the new ones as well
        changes["regions"] = previous.regions
        changes["and_regions"] = (*previous.and_regions, *new.and_regions, *new.regions)
    if narrow and new.period is not None and previous.period is not None and new.period.year_inferred:
        new = new.with_changes(period=_within(new.period, previous.period))  # "just the ones in February?"
    if narrow and new.period is not None and previous.period is not None and not (
            previous.period.start <= new.period.start and new.period.end <= previous.period.end):
        problems.append("narrowing the previous period to one outside it (ask without \"of those\")")
    if new.and_regions and "and_regions" not in changes:
        changes["and_regions"] = new.and_regions
        changes.setdefault("regions", new.regions)
    if new.period is not None:
        changes["period"] = new.period
    for flag in ("military_only", "orbits_only", "civil_only"):
        if getattr(new, flag):
            changes[flag] = True
    return previous.with_changes(**changes), problems


def _within(period: Period, outer: Period) -> Period:
    """A yearless period moved into the previous one when a year of it fits there ("just the ones in February?"
    after a question about 2025 is February 2025); else as it was (and the narrowing is declined)."""
    from evidence.selectors import shift_period_years

    for year in range(outer.end.year, outer.start.year - 1, -1):
        moved = shift_period_years(period, year - period.start.year)
        if moved is not None and outer.start <= moved.start and moved.end <= outer.end:
            return Period(moved.start, moved.end, period.text, year_inferred=False)
    return period


def place_without_relation(name: str, slug: str, previous: Scope) -> RegionFilter:
    """"What about Arizona?": the place replaces the previous one with the previous relation (near, within N nm,
    over); "over" when the previous question named no place."""
    if previous.regions:
        rf = previous.regions[0]
        return RegionFilter(slug=slug, relation=rf.relation, distance_nm=rf.distance_nm)
    return RegionFilter(slug=slug, relation="over")


#: "that month", "those days", "that same week": a period named by pointing back at the conversation's previous one.
#: ("this month" is today's, read by the shared reader; "that time" is declined by the guards as "which days?").
THAT_PERIOD_RX = re.compile(r"\b(?:that|those)\s+(?:same\s+|very\s+|particular\s+)?(?P<unit>days?|weeks?|weekends?"
                            r"|fortnights?|months?|years?|quarters?|seasons?|periods?|dates?|nights?|mornings?"
                            r"|afternoons?|evenings?)\b", _RX)


def _fits(unit: str, period: Period) -> bool:
    """Whether the previous period is one ``unit``: "that month" points at a calendar month, "those days" at any
    span of days; "those weeks" or "that morning" say no span of their own."""
    s, e = period.start, period.end
    after = e + dt.timedelta(days=1)
    months = (e.year - s.year) * 12 + e.month - s.month + 1  # calendar months from the first to the last
    fits = {
        "day": period.days == 1, "date": period.days == 1, "days": True, "dates": True, "period": True,
        "week": period.days == 7, "fortnight": period.days == 14,
        "weekend": period.days == 2 and s.weekday() == 5,
        "month": s.day == 1 and after.day == 1 and months == 1,
        "quarter": s.day == 1 and after.day == 1 and months == 3 and s.month in (1, 4, 7, 10),
        "year": (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year,
    }
    return fits.get(unit.lower(), False) and not period.span_days and not period.open_start


def pointed_period(text: str, scope: Scope, previous: Scope | None) -> tuple[Scope, list[tuple[int, int, str]]]:
    """"how many U-2 missions near Texas that month?" after a question about February 2025: that period, marked as
    read. Nothing is taken when the question names a period of its own, when there is no previous period, or when
    the previous period is not one such unit ("that month" after a single day): the guards then decline the words."""
    m = THAT_PERIOD_RX.search(text)
    if m is None or scope.period is not None or previous is None or previous.period is None:
        return scope, []
    period = previous.period
    if not _fits(m.group("unit"), period):
        return scope, []
    label = f"period: {m.group(0)} (the previous question's: {period.describe()})"
    return scope.with_changes(period=period), [(m.start(), m.end(), label)]


#: "in total", "altogether", "overall", "all told": the total of what?
TOTAL_WORD_RX = re.compile(r"\b(?:in\s+total|total|altogether|all\s+together|overall|in\s+all|all\s+told|combined)\b",
                           _RX)


def _names_aircraft(scope: Scope) -> bool:
    return bool(scope.type_designators or scope.roles or scope.surveillance_only or scope.operators)


def restated_total(text: str, new: Scope, previous: Scope) -> list[str]:
    """"And how many missions in total that month?" after P-8 flights: the subject said again without the aircraft,
    with a total word — every aircraft's total, or the P-8s' again? Declined naming the word ("and in total for
    2025?", with no subject said again, keeps the P-8s)."""
    m = TOTAL_WORD_RX.search(text)
    if m is None or not SUBJECT_RX.search(text) or _names_aircraft(new) or not _names_aircraft(previous):
        return []
    return [f"word: {m.group(0)} (of every aircraft, or of the previous question's only? ask the whole question)"]


#: "swap Texas for Arizona", "replace the P-8s with U-2s", "change 2024 to 2025" (round 17): one part of the previous
#: question replaced by another ("substitute A for B" says it the other way round: left unread).
SWAP_RX = re.compile(r"^\W*(?:(?:and|ok(?:ay)?|now|so|then|right)[\s,]+)*(?:swap|switch|change|replace)\s+"
                     r"(?:out\s+)?(?P<old>[^,;?!]+?)\s+(?:for|with|to|by)\s+(?P<new>[^,;?!]+?)\W*$", _RX)


def swap_to_what_about(text: str, previous: Scope, old: Scope) -> str | None:
    """"swap Texas for Arizona" → "what about Arizona" when the part swapped out (``old``: the shared reader's scope
    of those words alone) is one the previous question named, and only that; None otherwise (then the words stay
    unread and the turn is declined, naming "swap")."""
    m = SWAP_RX.match(text)
    if m is None:
        return None
    named = [bool(old.regions), bool(old.type_designators), bool(old.roles or old.surveillance_only),
             bool(old.operators), old.period is not None]
    if sum(named) != 1 or old.and_regions or old.exclude_types or old.exclude_operators or old.hexes:
        return None
    held = (
        {r.slug for r in old.regions} <= {r.slug for r in previous.regions} if old.regions else
        set(old.type_designators) <= set(previous.type_designators) if old.type_designators else
        (set(old.roles) <= set(previous.roles) and old.surveillance_only <= previous.surveillance_only)
        if old.roles or old.surveillance_only else
        set(old.operators) <= set(previous.operators) if old.operators else
        _same_period(old.period, previous.period))
    return "what about " + m.group("new") if held else None


def _same_period(old: Period | None, previous: Period | None) -> bool:
    """The period swapped out is the previous one ("February" with its year guessed is February of any year)."""
    if old is None or previous is None:
        return False
    if old.year_inferred:
        return (old.start.month, old.start.day, old.end.month, old.end.day) == (
            previous.start.month, previous.start.day, previous.end.month, previous.end.day)
    return (old.start, old.end) == (previous.start, previous.end)
