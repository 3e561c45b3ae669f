"""Shares, averages and aircraft counts: questions read as two ordinary questions, never a new grammar for scopes.

- A share ("what percentage of the flights near Texas in February 2025 were P-8s?") is split at its grammar: the
  whole is the phrase after "of" (read as "how many <whole>?"), or the conversation's previous scope for "of those";
  the part is that whole narrowed by what follows the verb ("were / was / went / flew"), read as the follow-up "how
  many of those were <part>?" with the whole as the previous question, so it can only narrow. A question that does not
  split that way with certainty (two verbs, a part outside the whole, a part that narrows nothing) is declined naming
  why.
- An average ("on average how many P-8 flights a week near Texas in February 2025?") is the question without its
  average words read as a count, then divided by the number of calendar units (days, weeks = days / 7, calendar
  months) in its period. No period, a period still running, a month average over a period that is not whole months
  and a unit longer than the period are declined.
- "How many aircraft / planes / P-8s flew …" keeps the mission count as its number (the product's written
  semantics) and is marked so the answer says in its first sentence how many aircraft flew them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from bot.nlu.normalise import strip_mentions, unshout
from bot.nlu.query import BotQuery, Intent
from evidence.scope import Period, Scope

_RX = re.IGNORECASE
Parse = Callable[..., BotQuery]

_SHARE_WORD = r"(?:percentage|per\s*cent|%|share|fraction|proportion)"
_VERB = r"(?:were|was|went|flew|are|is)"
#: "what percentage of <whole> were <part>?", "what share of those were P-8s?", "what percentage were U-2s?".
SHARE_RX = re.compile(
    rf"^\W*(?:(?:and|so|ok(?:ay)?)\s*,?\s+)?(?:what|which)(?:['’]s|\s+is|\s+was)?\s+(?:the\s+)?{_SHARE_WORD}\s+"
    rf"(?:of\s+(?P<whole>.+?)\s+|(?=were\b|was\b))(?P<verb>{_VERB})\s+(?P<part>.+?)\W*$"
    # "how many of <whole> were <part>, as a percentage?"
    rf"|^\W*(?:(?:and|so)\s+)?how\s+many\s+of\s+(?P<whole2>.+?)\s+(?P<verb2>{_VERB})\s+(?P<part2>.+?)[\s,]*"
    rf"(?:as\s+an?|in)\s+{_SHARE_WORD}(?:\s+terms)?\W*$",
    _RX,
)
#: The whole is the conversation's previous scope: "of those", "of them", "of these flights".
THOSE_RX = re.compile(r"^(?:those|them|these|they)(?:\s+(?:missions|flights|sorties))?$", _RX)
#: "those", "them", "these", "ones": the conversation's records (after a share: its whole or its part?).
_PRONOUN_RX = re.compile(r"\b(?:those|them|these|ones|they)\b", _RX)
#: "… is that?", "… were they?": a part that only points back (at the previous answer, or at the whole?).
PART_PRONOUN_RX = re.compile(r"^(?:that|it|this|those|them|they|these)(?:\s+(?:ones|ones?\s+there|number|figure|total"
                             r"|count|missions|flights))?$", _RX)
#: "those near Texas", "these flights over Arizona": the previous scope narrowed.
THOSE_LEAD_RX = re.compile(r"^(?:those|these|them)\b", _RX)
_VERB_WORD_RX = re.compile(rf"\b{_VERB}\b", _RX)
#: "2025's RC-135 flights", "the 2025 flights over the Black Sea": a year before the whole's noun phrase is its
#: period ("RC-135 flights in 2025").
_YEARS_RX = re.compile(r"^(?:the\s+)?(?P<y>(?:19|20)\d{2})(?:['’]s)?\s+(?P<rest>(?!in\b|to\b|and\b|or\b)[a-z].*)$",
                       _RX)

_UNIT_WORD = {"day": "day", "daily": "day", "week": "week", "weekly": "week", "month": "month", "monthly": "month"}
#: An average needs an average word and a unit: "on average … a week", "the average number of … per month",
#: "average daily flights".
AVERAGE_WORD_RX = re.compile(r"[\s,]*\bon\s+(?:an\s+)?average\b[\s,]*|\b(?:the\s+|an\s+)?(?:average|mean)\b"
                             r"(?:\s+number\s+of\b)?", _RX)
UNIT_RX = re.compile(r"\b(?:per|a|an|each|every)\s+(?P<unit>day|week|month)\b|\b(?P<adj>daily|weekly|monthly)\b", _RX)
_OPENING_RX = re.compile(r"^\W*(?:what(?:['’]s|\s+is|\s+was|\s+were)?(?:\s+the)?|how\s+many|number\s+of)\b\W*", _RX)
_BASELINE_HINT_RX = re.compile(r"\bcompared?\b|\bvs\.?\b|\bversus\b|\bagainst\b|\bthan\b", _RX)


def read_ratio(text: str, *, now: dt.datetime, previous: BotQuery | None, parse: Parse,
               **reader: object) -> BotQuery | None:
    """The share or average a question asks for, or None when it asks for neither (read as usual)."""
    cleaned = unshout(strip_mentions(text or ""))
    m = SHARE_RX.match(cleaned)
    if m is not None:
        return _share(m, now=now, previous=previous, parse=parse, **reader)
    if AVERAGE_WORD_RX.search(cleaned) and UNIT_RX.search(cleaned) and not _BASELINE_HINT_RX.search(cleaned):
        return _average(cleaned, now=now, previous=previous, parse=parse, **reader)
    return None


def _declined(why: str, understood: tuple[str, ...] = (), corrections: tuple = ()) -> BotQuery:
    return BotQuery(intent=Intent.UNKNOWN, not_understood=(why,), understood=understood, corrections=corrections)


def _share(m: re.Match[str], *, now: dt.datetime, previous: BotQuery | None, parse: Parse,
           **reader: object) -> BotQuery:
    whole = (m.group("whole") or m.group("whole2") or "").strip(" ,")
    part = (m.group("part") or m.group("part2") or "").strip(" ,")
    if _VERB_WORD_RX.search(part) or _VERB_WORD_RX.search(whole):
        return _declined("share: which words are the whole and which the part (ask \"what share of <the flights> "
                         "were <P-8s>?\" with one \"were\")")
    if PART_PRONOUN_RX.match(part):  # "what share of all flights near Texas is that?": the previous answer as the part
        return _declined(f"share: the part \"{part}\" (name it: \"what share of <the flights> were <P-8s>?\")")
    from_previous = not whole or bool(_PRONOUN_RX.search(whole))
    if from_previous and (previous is None or previous.intent not in {
            Intent.COUNT, Intent.LIST, Intent.BREAKDOWN, Intent.WHICH_AIRCRAFT, Intent.WHEN, Intent.AVERAGE}):
        why = "a previous answer to take a share of" if previous is None or previous.intent != Intent.SHARE \
            else "whether \"those\" is the last share's whole or its part (name the whole)"
        return _declined(f"share of what: {why}")
    if from_previous and (not whole or THOSE_RX.match(whole)):
        assert previous is not None
        whole_q = replace(previous, intent=Intent.COUNT, follow_up=False, understood=("share of: those",),
                          corrections=(), notes=())
    elif from_previous:  # "of those near Texas": the previous scope narrowed, as "how many of those near Texas?"
        whole_q = parse(f"how many of {whole}?", now=now, previous=previous, **reader)
        if whole_q.intent != Intent.COUNT or whole_q.not_understood or whole_q.decline or not whole_q.follow_up \
                or not THOSE_LEAD_RX.match(whole):
            return _declined(f"share: the whole \"{whole}\" (" + ("; ".join(whole_q.not_understood)
                                                               or "not a narrowing of the previous answer") + ")",
                             whole_q.understood, whole_q.corrections)
    else:
        years = _YEARS_RX.match(whole)
        if years:
            whole = f"{years.group('rest')} in {years.group('y')}"
        whole_q = parse(f"how many {whole}?", now=now, previous=None, **reader)
        if whole_q.intent != Intent.COUNT or whole_q.not_understood or whole_q.decline or whole_q.identities:
            return _declined(f"share: the whole \"{whole}\" (" + ("; ".join(whole_q.not_understood)
                                                               or "not a count of missions") + ")",
                             whole_q.understood, whole_q.corrections)
    part_q = parse(f"how many of those were {part}?", now=now, previous=whole_q, **reader)
    understood = (*whole_q.understood, *part_q.understood, "asked: share")
    if part_q.intent != Intent.COUNT or part_q.not_understood or part_q.decline or not part_q.follow_up \
            or part_q.identities:  # an aircraft by hex or callsign is resolved only for a whole question
        return _declined(f"share: the part \"{part}\" (" + ("; ".join(part_q.not_understood)
                                                          or "not a narrowing of the whole"
                                                          + (" by an aircraft's hex or callsign" if part_q.identities
                                                             else "")) + ")",
                         understood, (*whole_q.corrections, *part_q.corrections))
    problem = _outside(whole_q.scope, part_q.scope)
    if problem:
        return _declined(f"share: {problem}", understood)
    return BotQuery(intent=Intent.SHARE, scope=part_q.scope, other=whole_q.scope, follow_up=from_previous,
                    understood=understood, corrections=(*whole_q.corrections, *part_q.corrections),
                    notes=(*whole_q.notes, *part_q.notes))


_KINDS = {"aircraft": ("type_designators", "roles", "surveillance_only", "exclude_types", "military_only",
                       "civil_only"),
          "operator": ("operators", "exclude_operators"), "place": ("regions", "and_regions"), "period": ("period",),
          "identity": ("hexes", "callsigns"), "orbits": ("orbits_only",)}


def _outside(whole: Scope, part: Scope) -> str:
    """Why the part is not a narrowing of the whole, or "" (a part equal to the whole is 100 %). A part that names a
    place or a period with something else ("were P-8s in 2025") is not split: the period may be the whole's too."""
    changed = [kind for kind, names in _KINDS.items()
               if any(getattr(whole, n) != getattr(part, n) for n in names)]
    if len(changed) > 1 and {"place", "period"} & set(changed):
        return (f"whether the {' and '.join(k for k in changed if k in {'place', 'period'})} after \"were\" belongs to "
                "the whole as well (put it with the whole: \"what share of the flights in 2025 were P-8s?\")")
    if whole.type_designators and not set(part.type_designators) <= set(whole.type_designators):
        return "the part's aircraft are not within the whole's"
    if (whole.roles and part.roles != whole.roles) or (whole.surveillance_only and not part.surveillance_only):
        return "the part's aircraft are not within the whole's"
    for name in ("operators", "hexes", "callsigns"):
        w, p = set(getattr(whole, name)), set(getattr(part, name))
        if w and not p <= w:
            return f"the part ({', '.join(sorted(p))}) is not within the whole ({', '.join(sorted(w))})"
    if whole.period is not None and part.period is not None and not (
            whole.period.start <= part.period.start and part.period.end <= whole.period.end):
        return "the part's period is outside the whole's"
    return ""


def _average(text: str, *, now: dt.datetime, previous: BotQuery | None, parse: Parse,
             **reader: object) -> BotQuery:
    units = {_UNIT_WORD[(u.group("unit") or u.group("adj")).lower()] for u in UNIT_RX.finditer(text)}
    if len(units) != 1:
        return _declined("average: which unit (per day, per week or per month)")
    unit = units.pop()
    rest = UNIT_RX.sub(" ", AVERAGE_WORD_RX.sub(" ", text))
    rest = "how many " + _OPENING_RX.sub("", " ".join(rest.split())).strip(" ,")
    count_q = parse(rest, now=now, previous=previous, **reader)
    understood = (*count_q.understood, f"asked: average per {unit}")
    if count_q.follow_up and previous is not None and previous.intent == Intent.SHARE:
        return _declined("average: after a share, of its whole or its part? (name the flights)", understood)
    if count_q.intent != Intent.COUNT or count_q.not_understood or count_q.decline or count_q.identities:
        return _declined("average: " + ("; ".join(count_q.not_understood) or "not a count of missions"),
                         understood, count_q.corrections)
    if any(label.startswith("quantity:") for label in count_q.understood):  # "on average more than 3 a week?"
        return _declined("average: a threshold (ask for the average itself)", understood, count_q.corrections)
    if counts_aircraft(rest):  # "how many P-8s flew a month on average": aircraft or missions per month?
        return _declined("average: of aircraft (an average counts missions: ask \"how many P-8 flights a month on "
                         "average…\")", understood, count_q.corrections)
    problem = average_problem(count_q.scope.period, unit, now.astimezone(dt.UTC).date())
    if problem:
        return _declined(problem, understood, count_q.corrections)
    return replace(count_q, intent=Intent.AVERAGE, baseline=unit, understood=understood)


def average_problem(period: Period | None, unit: str, today: dt.date) -> str:
    """Why an average per ``unit`` over ``period`` is not given, or ""."""
    if period is None:
        return f"the period to average over (say e.g. \"per {unit} in 2024\")"
    if period.end >= today:
        return (f"an average over {period.text or 'that period'}, which is not over yet (ask for a period that has "
                "ended)")
    if unit == "month" and not (period.start.day == 1 and (period.end + dt.timedelta(days=1)).day == 1):
        return f"an average per month over {period.text or 'that period'}, which is not whole months"
    if period.days < {"day": 1, "week": 7, "month": 28}[unit]:
        return f"an average per {unit} over {period.text or 'that period'}, which is shorter than a {unit}"
    return ""


def unit_count(period: Period, unit: str) -> float:
    """The calendar units in a period: days, days / 7 (weeks), calendar months."""
    if unit == "month":
        return float((period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1)
    return period.days / 7 if unit == "week" else float(period.days)


# --- aircraft counts --------------------------------------------------------------------------------------------------

_MISSION_NOUN = r"(?:missions?|flights?|sorties?|times|trips?|patrols?|operations?)"
#: "how many aircraft / planes / jets / airframes …": the generic noun counted.
GENERIC_NOUN_RX = re.compile(rf"\bhow\s+many\s+(?:[\w-]+\s+){{0,3}}?(?:aircraft|planes?|jets?|airframes?)\b"
                             rf"(?!\s+{_MISSION_NOUN}\b)", _RX)
#: "how many P-8s flew …", "how many drones flew …": an aircraft noun as the subject of "flew".
FLEW_RX = re.compile(r"\bhow\s+many\s+(?P<np>(?:[\w'’-]+\s+){1,4}?)(?:flew|fly|flown|were\s+flying|have\s+flown"
                     r"|had\s+flown)\b", _RX)
#: "how many aircraft flew them?", "how many aircraft was that?" after an answer: that answer's missions.
FLEW_THOSE_RX = re.compile(r"^\W*(?:and\s+)?how\s+many\s+(?:aircraft|planes|jets|airframes)\s+"
                           r"(?:flew|flown|was|were)\s+(?:them|those|these|that|it|they)(?:\s+(?:missions|flights))?\W*$",
                           _RX)


def counts_aircraft(text: str) -> bool:
    """Whether a count question counts aircraft ("how many aircraft flew…", "how many P-8s flew…") rather than
    missions ("how many P-8 missions…", "how many times did a P-8 fly…")."""
    if GENERIC_NOUN_RX.search(text):
        return True
    m = FLEW_RX.search(text)
    return m is not None and not re.search(rf"\b{_MISSION_NOUN}\b|\bdid\b|\bof\s+(?:those|them|these)\b",
                                           m.group("np"), _RX)


def finish(text: str, previous: BotQuery | None, today: dt.date, query: BotQuery) -> BotQuery:
    """The last step of every reading: a count that asks about aircraft is marked; a follow-up of a share or an
    average ("and in 2024?", "what about U-2s?") is that share or average again with the change; a pronoun after a
    share is declined (the share's whole or its part?)."""
    if query.intent == Intent.COUNT and not query.not_understood and counts_aircraft(text):
        query = replace(query, airframes=True)
    if previous is None or not query.follow_up or query.not_understood:
        return query
    if previous.intent == Intent.AVERAGE and query.intent == Intent.AVERAGE and not query.baseline:
        problem = average_problem(query.scope.period, previous.baseline, today)
        return replace(query, baseline=previous.baseline, not_understood=(problem,) if problem else ())
    if previous.intent != Intent.SHARE or previous.other is None:
        return query
    if query.intent == Intent.SHARE and query.other is None:
        return _share_again(previous, query)
    if query.intent != Intent.SHARE and _PRONOUN_RX.search(text):
        return replace(query, not_understood=(
            "word: " + _PRONOUN_RX.search(text).group(0) + " (after a share: its whole or its part? name it)",))
    return query


def _share_again(previous: BotQuery, query: BotQuery) -> BotQuery:
    """A share's follow-up: a change of what defines the part ("what about U-2s?") changes the part; any other change
    ("and in 2024?") applies to the whole and the part alike."""
    assert previous.other is not None
    part_was, whole = previous.scope, previous.other
    defining = {n for names in _KINDS.values() for n in names if getattr(part_was, n) != getattr(whole, n)}
    changes = {n: getattr(query.scope, n) for names in _KINDS.values() for n in names
               if getattr(query.scope, n) != getattr(part_was, n) and n not in defining}
    whole = whole.with_changes(**changes)
    problem = _outside(whole, query.scope)
    return replace(query, other=whole, not_understood=(f"share: {problem}",) if problem else ())


def aircraft_of_those(text: str, *, now: dt.datetime, previous: BotQuery | None, parse: Parse,
                      **reader: object) -> BotQuery | None:
    """"How many aircraft flew them?" after an answer: the previous scope's count, marked to name the aircraft."""
    if previous is None or not FLEW_THOSE_RX.match(unshout(strip_mentions(text or ""))):
        return None
    query = parse("how many of those?", now=now, previous=previous, **reader)
    return replace(query, airframes=True) if query.intent == Intent.COUNT and not query.not_understood else query
