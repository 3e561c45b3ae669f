"""When, how long and how often (round 18): the question-only frames around a scope that the shared reader
(``claims.nlp.reading``) does not read, each turned into a plain question it does read plus what the frame adds.

- Hours of the UTC day a mission starts in: "between 02:00 and 06:00 UTC", "after 2000Z", "before 09:00 GMT" →
  ``BotQuery.window``. Only hours said in UTC (UTC, GMT, Z, Zulu): "at night", "in the morning", "between 2 and 6
  am", "local time" stay unread, and the bot declines naming them (whose night?).
- How long a mission was heard: "missions longer than 8 hours", "flights over 4 hours", "under an hour" →
  ``BotQuery.lasting``.
- What is measured (``Intent.MEASURE``, ``which`` one of :data:`MEASURES`): "how long was the U-2 up on 3 February",
  "the duration of …", "the longest / shortest mission …", "total flight hours …", "the average flight time …",
  "how many different callsigns / types …", "did P-8s fly every day between …?", "was there any day with no P-8
  …?", and the follow-ups "how long was it / each?".
- "Since when has the RAF flown near Kaliningrad?" is its first record; "how long since the last U-2 flight?" and
  "how many days since the last P-8 …" its last (round 10's "how long ago").

Each frame's words are taken out and the rest is read by ``parse`` (bot.nlu.parse.parse_question) as any other
question, so every other word is read or named as not understood exactly as it would be without the frame.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from bot.nlu import claim_check
from bot.nlu.normalise import strip_mentions, unshout
from bot.nlu.query import BotQuery, Intent

_RX = re.IGNORECASE
Parse = Callable[..., BotQuery]

#: What ``Intent.MEASURE`` measures: each mission's duration (of the scope, or the first / last one of it), the
#: longest / shortest, their total and mean, the distinct callsigns / types, whether every day of the period has a
#: mission, whether one has none.
MEASURES = ("duration", "duration:first", "duration:last", "longest", "shortest", "total", "mean", "callsigns",
            "types", "every_day", "day_without")

# --- hours of the UTC day ------------------------------------------------------------------------------------------

_TIME = r"(?:(?:[01]\d|2[0-3])[0-5]\d|(?:[01]?\d|2[0-3]):[0-5]\d)"
_ZONE = r"\s*(?:Z|UTC|GMT|Zulu|\(UTC\)|\(Z\))(?![\w])"
_STARTED = r"(?:(?:that|which)\s+)?(?:(?:started|starting|began|beginning|begun|start|begin)\s+)?"
WINDOW_RX = re.compile(
    _STARTED + r"(?:between\s+(?P<a>" + _TIME + r")(?:" + _ZONE + r")?\s+and\s+(?P<b>" + _TIME + r")" + _ZONE
    + r"|from\s+(?P<a2>" + _TIME + r")(?:" + _ZONE + r")?\s+(?:to|until|till|through)\s+(?P<b2>" + _TIME + r")"
    + _ZONE + r"|(?P<after>after|later\s+than)\s+(?P<a3>" + _TIME + r")" + _ZONE
    + r"|(?P<before>before|earlier\s+than)\s+(?P<b3>" + _TIME + r")" + _ZONE + r")", _RX)
#: "since 20:00 UTC", "until 06:00 UTC" name a moment (today's?), not an hour of every day: left unread (declined).


def _minutes(token: str) -> int:
    digits = token.replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:])
    return int(hours) * 60 + int(minutes)


def _window(m: re.Match[str]) -> tuple[int, int]:
    if m.group("a") or m.group("a2"):
        return _minutes(m.group("a") or m.group("a2")), _minutes(m.group("b") or m.group("b2"))
    if m.group("a3"):
        return _minutes(m.group("a3")), 24 * 60
    return 0, _minutes(m.group("b3"))


def hhmm(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


# --- durations -----------------------------------------------------------------------------------------------------

_N_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_CMP = {"longer than": ">", "more than": ">", "over": ">", "above": ">", "upwards of": ">", "exceeding": ">",
        "in excess of": ">", "at least": ">=",
        "no less than": ">=", "shorter than": "<", "less than": "<", "under": "<", "below": "<", "at most": "<=",
        "no more than": "<="}
LASTING_RX = re.compile(
    r"(?:(?:that|which)\s+)?(?:(?:were|was|lasted|lasting|last|ran|running|of)\s+)?(?:(?:for|of)\s+)?"
    r"(?P<cmp>longer\s+than|shorter\s+than|more\s+than|less\s+than|over|under|above|below|upwards\s+of|exceeding"
    r"|in\s+excess\s+of|at\s+least"
    r"|at\s+most|no\s+more\s+than|no\s+less\s+than)\s+(?P<n>\d{1,3}(?:\.\d+)?|an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve)\s+(?P<u>hours?|hrs?|minutes?|mins?)\b(?:\s+long)?", _RX)


def _lasting(m: re.Match[str]) -> tuple[str, int]:
    n = m.group("n").lower()
    value = float(n) if n[0].isdigit() else _N_WORDS[n]
    unit = 3600 if m.group("u").lower().startswith("h") else 60
    return _CMP[" ".join(m.group("cmp").lower().split())], round(value * unit)


def lasting_words(lasting: tuple[str, int]) -> str:
    op, seconds = lasting
    words = {">": "longer than", ">=": "at least", "<": "shorter than", "<=": "at most"}[op]
    return f"heard for {words} {hm(seconds)}"


def hm(seconds: float) -> str:
    """"6 h 42 min", under an hour "39 min": to the nearest minute, halves up."""
    minutes = int(seconds / 60 + 0.5)
    h, m = divmod(minutes, 60)
    return f"{h} h {m:02d} min" if h else f"{m} min"


# --- the frames ----------------------------------------------------------------------------------------------------

_LEAD = r"^\W*(?:(?:and|so|ok(?:ay)?|also)[\s,]+)?(?:for\s+(?=how\s+long\b))?"
_NOUN = r"(?:flights?|missions?|sorties?|patrols?)"
_UP = (r"(?:up|airborne|aloft|in\s+the\s+air|fly|flying|flown"
       r"|last(?=\W*$|\s+(?:on|in|for|during)\b)|stay\s+(?:up|airborne|aloft|in\s+the\s+air)"
       r"|stayed\s+(?:up|airborne|aloft|in\s+the\s+air))")
_WHAT = r"(?:what\s+(?:was|were|is|are)\s+|what['’]s\s+)?"
HOW_LONG_RX = re.compile(_LEAD + r"(?:how\s+long\s+(?:was|were|is|are|did|has|have|had)"
                         r"|how\s+many\s+(?:minutes|hours)\s+(?:was|were|is|are))\s+(?P<rest>.*?)\s*\b" + _UP
                         + r"\b(?P<tail>.*)$", _RX)
HOW_LONG_NOUN_RX = re.compile(_LEAD + r"how\s+long\s+(?:was|were|is|are)\s+(?P<rest>.*?\b" + _NOUN + r")\b"
                              r"(?P<tail>.*)$", _RX)
HOW_LONG_IT_RX = re.compile(_LEAD + r"how\s+long\s+(?:was|were|did)\s+(?P<p>it|each(?:\s+one)?|each\s+of\s+them|they"
                            r"|them|those|these|that(?:\s+one)?|this(?:\s+one)?)(?:\s+" + _UP + r")?\W*$", _RX)
HOW_LONG_EXTREME_RX = re.compile(_LEAD + r"how\s+long\s+(?:was|were|is|are)\s+(?=(?:the\s+)?(?:longest|shortest)\b)",
                                 _RX)
DURATION_OF_RX = re.compile(_LEAD + r"(?:what\s+(?:was|were|is|are)\s+)?(?:the\s+)?(?:duration|flight\s+time"
                            r"|flying\s+time|length)s?\s+of\s+(?P<rest>.+)$", _RX)
ON_AVERAGE_RX = re.compile(r"\s*\b(?:on\s+average|on\s+the\s+average|in\s+average)\b", _RX)
EXTREME_RX = re.compile(_LEAD + r"(?:(?:what|which)\s+(?:was|were|is|are)\s+|what['’]s\s+|(?:show|tell|give)\s+me\s+)?"
                        r"(?:the\s+)?(?P<m>longest|shortest)\b(?!\s+(?:gap|stretch|run|streak|period|spell|break"
                        r"|distance|time|wait|pause|interval|absence)s?\b)\s*(?:ones?\b)?(?P<rest>.*)$", _RX)
TOTAL_RX = re.compile(_LEAD + _WHAT + r"(?:the\s+)?total\s+(?:(?:number\s+of\s+)?"
                      r"(?:flight|flying|airborne)\s+)?(?:hours|time)(?:\s+(?:flown|logged|in\s+the\s+air))?"
                      r"(?:\s+(?P<prep>of|for|by|in|on|near|over|off|during))?\b(?P<rest>.*)$", _RX)
HOURS_RX = re.compile(_LEAD + r"how\s+many\s+(?:flight\s+|flying\s+)?hours\s+(?:in\s+the\s+air\s+)?"
                      r"(?P<rest>(?:did|were|have|has|had)\b.*)$", _RX)
MEAN_RX = re.compile(_LEAD + _WHAT + r"(?:the\s+)?(?:average|mean)\s+(?:(?:flight|flying"
                     r"|mission|sortie)\s+)?(?:time|duration|length)(?!\s+on\s+station)(?:\s+(?P<prep>of|for))?\b"
                     r"(?P<rest>.*)$", _RX)
DISTINCT_RX = re.compile(_LEAD + r"how\s+many\s+(?:different\s+|distinct\s+|unique\s+|separate\s+|individual\s+)?"
                         r"(?P<what>call\s*-?signs?|(?:aircraft\s+)?types?(?:\s+of\s+(?:aircraft|planes?))?)\b"
                         r"(?P<rest>.*)$", _RX)
_USED_RX = re.compile(r"^\s*(?:did|have|has|had|were)\s+(?P<subj>.+?)\s+(?:use|used|fly\s+under|flown\s+under|fly"
                      r"|flown)\b(?P<tail>.*)$", _RX)
YES_NO_RX = re.compile(_LEAD + r"(?:did|do|does|were|was|are|is|has|have|had)\b", _RX)
EVERY_DAY_RX = re.compile(r"\s*\b(?:on\s+)?(?:every\s+(?:single\s+)?day|each\s+(?:and\s+every\s+)?day|daily"
                          r"|day\s+after\s+day)\b", _RX)
DAY_WITHOUT_RX = re.compile(_LEAD + r"(?:was|were|is|are)\s+there\s+(?:any\s+|a\s+)?(?:single\s+)?days?\s+"
                            r"(?:(?P<none>with\s+none|without\s+any|without\s+one)\b|(?:with\s+no|without(?:\s+any)?"
                            r"|when\s+no)\b)(?P<rest>.*)$", _RX)
#: "do RC-135s fly near Kaliningrad every week?": whether every week (month) had one — not answered (days only).
EVERY_UNIT_RX = re.compile(r"\b(?:every\s+(?:single\s+)?(?P<u>week|month|year)|each\s+(?P<u2>week|month|year)"
                           r"|(?P<u3>weekly|monthly|yearly|annually))\b", _RX)
#: "on average, how long were …": the average time, said before the question.
LEADING_AVERAGE_RX = re.compile(r"^\W*on\s+(?:the\s+)?average\s*,?\s*", _RX)
#: "first", "last": the one record of a "how long was the last RC-135 flight?".
ONE_RECORD_RX = re.compile(r"\b(?:first|earliest|oldest|last|latest|most\s+recent|newest)\b(?!\s+(?:[\w-]+\s+)?"
                           r"(?:weeks?|months?|years?|quarters?|days?|fortnights?|half|decade|jan|feb|mar|apr|may|jun"
                           r"|jul|aug|sep|oct|nov|dec)[a-z]*\b)", _RX)  # "the first week of February" is a period
#: A place right after the time asked about ("how long was the U-2 flying over New Mexico", "total hours over the
#: Black Sea", "for more than an hour over Texas"): the time spent there, which no record holds — not the time of the
#: missions that went there. "in" before a period or "in the air" is no place.
PLACE_AFTER_RX = re.compile(r"^\W*(?:over|near|off|around|above|along|within|inside|across|close\s+to|in(?!\s+(?:the"
                            r"\s+air|total|all|a\s+row|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
                            r"|q[1-4]\b|early|mid|late|the\s+(?:first|last|past|previous|second|third|fourth|final"
                            r"|week|month|year|quarter|spring|summer|autumn|fall|winter)\b)))\b", _RX)
_PLACE_BEFORE_RX = re.compile(r"\b(?:over|near|off|around|above|along|within|inside|across)\b(?:\s+\S+){1,4}\s*$", _RX)
_TIME_AT_PLACE = ("the time spent over or near a place (the records hold whether and how close a mission came, not for "
                  "how long: ask how long the missions that went there were, e.g. \"the longest flight over the Black "
                  "Sea\")")
SINCE_WHEN_RX = re.compile(_LEAD + r"since\s+when\s+(?:has|have|had|did|do|does|is|are)\s+(?P<rest>.*)$", _RX)
_BEEN_RX = re.compile(r"\bbeen\s+(?:flying|flown|operating|active)\b|\b(?:flown|flying|fly|flew)\b", _RX)
SINCE_LAST_RX = re.compile(_LEAD + r"how\s+(?:long|many\s+days)\s+(?:has\s+it\s+been\s+|is\s+it\s+)?since\s+"
                           r"(?P<rest>(?:the\s+|a\s+)?(?:last|latest|most\s+recent|previous)\b.*)$", _RX)


def _base(rest: str, *, previous: BotQuery | None, lead: str, empty: str) -> str:
    """The question the shared reader reads: ``lead`` + the rest, or ``empty`` when nothing is left to read."""
    body = rest.strip(" ?!.,")
    if not re.search(r"\w", body):
        return empty if previous is not None else lead.strip() + "?"
    return f"{lead}{body}?"


def _frame(text: str, previous: BotQuery | None) -> tuple[str, str] | None:
    """(measure, the question left to read) for a question with a measuring frame, else None."""
    m = SINCE_WHEN_RX.match(text)
    if m:
        return "", "when was the first flight of " + _BEEN_RX.sub(" ", m.group("rest")).strip(" ?") + "?"
    m = SINCE_LAST_RX.match(text)
    if m:
        return "", "when was " + m.group("rest").strip(" ?") + "?"
    m = HOW_LONG_EXTREME_RX.match(text)
    if m:  # "how long was the longest P-8 flight?": the longest one, and how long it was
        text = text[m.end():]
    m = HOW_LONG_IT_RX.match(text)
    if m:
        return "duration:it", ""
    averaged = LEADING_AVERAGE_RX.match(text)
    body = text[averaged.end():] if averaged else text
    for rx in (HOW_LONG_RX, HOW_LONG_NOUN_RX):
        m = rx.match(body)
        if m and rx is HOW_LONG_RX and PLACE_AFTER_RX.match(m.group("tail")):
            return "time_at_place", ""
        if m:
            tail, n = ON_AVERAGE_RX.subn("", m.group("tail"))
            one = ONE_RECORD_RX.search(m.group("rest") + tail) and not (n or averaged)
            return ("mean" if n or averaged else "duration"), _base(
                m.group("rest") + tail, previous=previous, lead="when was " if one else "list ", empty="list them")
    m = DURATION_OF_RX.match(text)
    if m:
        return "duration", _base(m.group("rest"), previous=previous, lead="list ", empty="list them")
    m = EXTREME_RX.match(text)
    if m:
        return m.group("m").lower(), _base(m.group("rest"), previous=previous, lead="list ", empty="list them")
    for rx, measure in ((TOTAL_RX, "total"), (MEAN_RX, "mean")):
        m = rx.match(text)
        if m:
            prep = (m.group("prep") or "").lower()
            if PLACE_AFTER_RX.match(f" {prep}{m.group('rest')}"):
                return "time_at_place", ""
            lead = "how many " if prep in {"of", "for"} else f"how many flights {prep} ".replace("  ", " ")
            return measure, _base(m.group("rest"), previous=previous, lead=lead, empty="how many of those")
    m = HOURS_RX.match(text)
    if m:
        rest = re.sub(r"\b(?:log|logged|clock|clocked|rack\s+up|racked\s+up)\b", "fly", m.group("rest"), flags=_RX)
        flown = re.search(r"\b(?:fly|flew|flown|spend|spent)\b", rest, _RX)
        if flown and PLACE_AFTER_RX.match(rest[flown.end():]):
            return "time_at_place", ""
        return "total", "how many flights " + rest.strip()
    m = DISTINCT_RX.match(text)
    if m:
        measure = "callsigns" if m.group("what").lower().startswith("call") else "types"
        used = _USED_RX.match(m.group("rest"))
        rest = f"did {used.group('subj')} fly {used.group('tail')}" if used else m.group("rest")
        return measure, _base(rest, previous=previous, lead="how many flights ", empty="how many of those")
    m = DAY_WITHOUT_RX.match(text)
    if m:
        rest = "" if m.group("none") else m.group("rest")
        return "day_without", _base(rest, previous=previous, lead="how many ", empty="how many of those")
    if YES_NO_RX.match(text) and EVERY_UNIT_RX.search(text):
        return "every_unit", text
    if YES_NO_RX.match(text) and EVERY_DAY_RX.search(text):
        return "every_day", EVERY_DAY_RX.sub("", text, count=1)
    return None


def read_timing(text: str, *, now: dt.datetime, previous: BotQuery | None, parse: Parse,
                **reader: object) -> BotQuery | None:
    """The question with its timing frame read, or None when it has none (read as usual)."""
    cleaned = unshout(strip_mentions(text or ""))
    if claim_check.read_frame(cleaned) is not None:  # a claim put to the bot: its words are the claim's
        return None
    window = lasting = None
    understood: list[str] = []
    w = WINDOW_RX.search(cleaned)
    if w:
        window = _window(w)
        understood.append(f"hours: {w.group(0).strip()}")
        cleaned = cleaned[:w.start()] + " " + cleaned[w.end():]
    la = LASTING_RX.search(cleaned)
    if la and re.match(r"\W*for\b", la.group(0), _RX) and (_PLACE_BEFORE_RX.search(cleaned[:la.start()])
                                                          or PLACE_AFTER_RX.match(cleaned[la.end():])):
        return BotQuery(intent=Intent.UNKNOWN, not_understood=(_TIME_AT_PLACE,))  # "over Texas for more than an hour"
    if la:
        lasting = _lasting(la)
        understood.append(f"duration: {la.group(0).strip()}")
        cleaned = cleaned[:la.start()] + " " + cleaned[la.end():]
    framed = _frame(cleaned, previous)
    if framed is None and not (window or lasting):
        return None
    measure, rest = framed if framed is not None else ("", cleaned)
    if measure == "time_at_place":
        return BotQuery(intent=Intent.UNKNOWN, understood=tuple(understood), not_understood=(_TIME_AT_PLACE,))
    if measure == "every_unit":
        return BotQuery(intent=Intent.UNKNOWN, understood=tuple(understood), not_understood=(
            "every week or month (I answer whether every day of a period had one: ask \"every day between … and …\", "
            "or ask for the flights per week)",))
    if measure == "duration:it":
        return _duration_of_previous(previous, window, lasting, understood)
    if rest.strip() == (text or "").strip():
        return None
    query = parse(rest, now=now, previous=previous, **reader)
    if measure:
        understood.append(f"asked: {measure.replace('_', ' ')}")
    query = replace(query, window=window or query.window, lasting=lasting or query.lasting,
                    understood=(*understood, *query.understood),
                    airframes=False)  # "flown by N aircraft" would be the whole scope's, not the timed missions'

    if query.not_understood or query.decline or query.intent in {Intent.HELP, Intent.UNKNOWN}:
        return query
    if measure and query.intent not in {Intent.COUNT, Intent.LIST, Intent.WHEN, Intent.MEASURE}:
        return replace(query, not_understood=(f"{measure.replace('_', ' ')} beside a breakdown, ranking or comparison "
                                              "(I give one figure for one scope: ask for each part on its own)",))
    if measure == "duration" and query.intent == Intent.WHEN and query.top > 1:
        return replace(query, not_understood=("how long several first or last flights were (ask about each)",))
    if measure == "duration" and query.intent == Intent.WHEN and query.top <= 1:  # "how long was the last U-2 up?"
        measure = f"duration:{query.which or 'last'}"
    if measure:
        query = replace(query, intent=Intent.MEASURE, which=measure, by="", rank=False, top=0, other=None)
    return check(query, now.astimezone(dt.UTC).date())


def _duration_of_previous(previous: BotQuery | None, window: object, lasting: object,
                          understood: list[str]) -> BotQuery:
    """"How long was it?" after a first / last answer: that record's duration; "how long was each?" after a count or
    a list: every one of its missions'."""
    if previous is None or previous.intent not in {Intent.WHEN, Intent.COUNT, Intent.LIST, Intent.MEASURE} \
            or (previous.intent == Intent.WHEN and previous.top > 1):
        return BotQuery(intent=Intent.UNKNOWN, not_understood=(
            "how long was what (ask about one flight: \"how long was the U-2 up on 3 February 2025?\")",))
    which = "duration"
    if previous.intent == Intent.WHEN:
        which = f"duration:{previous.which or 'last'}"
    elif previous.intent == Intent.MEASURE and previous.which in {"longest", "shortest", "duration:first",
                                                                  "duration:last"}:
        which = previous.which
    return replace(previous, intent=Intent.MEASURE, which=which, follow_up=True, not_understood=(), decline="",
                   claimed="", understood=(*understood, "asked: duration of the previous answer's missions"),
                   corrections=(), notes=(), last_declined="")


def check(query: BotQuery, today: dt.date) -> BotQuery:
    """What a timing frame cannot go with: hours or a duration bound beside a breakdown, comparison or share; "every
    day" / "a day without" with no period said, or one not over yet."""
    timed = query.window is not None or query.lasting is not None
    problems = []
    if timed and query.intent not in {Intent.COUNT, Intent.LIST, Intent.WHEN, Intent.MEASURE}:
        problems.append("hours of the day or a duration beside a breakdown, ranking or comparison (ask for the count "
                        "or the list)")
    if query.window is not None and query.window[0] == query.window[1]:
        problems.append("a window of the day that starts where it ends (give two different times)")
    if query.intent == Intent.MEASURE and query.which in {"every_day", "day_without"}:
        period = query.scope.period
        if period is None or period.open_start:
            problems.append("every day of which period (say the period: \"between 27 January and 5 February 2025\")")
        elif period.start > today:
            problems.append("a period that has not started yet")
    if query.intent == Intent.MEASURE and query.which == "duration" and query.scope.is_empty() \
            and not query.identities and not query.follow_up:
        problems.append("how long was which flight (name the aircraft and the day)")
    if not problems:
        return query
    return replace(query, not_understood=(*query.not_understood, *problems))


def carry(previous: BotQuery | None, query: BotQuery, today: dt.date) -> BotQuery:
    """A follow-up keeps the hours and the duration bound of the question before it ("and in February?" after "how
    many flights after 20:00 UTC in January?"), unless it says its own."""
    if previous is None or not query.follow_up or (previous.window is None and previous.lasting is None):
        return query
    if query.window is not None or query.lasting is not None or query.not_understood or query.decline:
        return query
    return check(replace(query, window=previous.window, lasting=previous.lasting, airframes=False), today)
