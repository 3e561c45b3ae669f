"""Dates, periods and rates in text, resolved toward the past against a reference datetime.

The reference is the article's publication datetime (for the bot: now). Everything resolves to inclusive UTC calendar
days (:class:`evidence.scope.Period`), never into the future of the reference: a claim cannot be about flights after
the article was written, and a question is about evidence that exists (Duckling's "bare month = next one" is the trap
the shared notes warn about).

Rules (what the tests pin down):

- "February 3" / "3 February" / "Feb. 3rd" without a year → the most recent such day not after the reference
  (``year_inferred=True``). With a year: that day.
- A bare month ("February", "in Feb") → the most recent month whose first day is not after the reference
  (``year_inferred=True``). The bot moves an inferred year further back to the most recent one holding data: pass
  ``inferred_year=`` (a hook called with the default period and the reference, returning the period to use).
- Parts of months: early = days 1–10, mid = 11–20, late = 21–end; "the start/beginning of" = early, "the middle of"
  = mid, "the end of" = late; "the first half" = 1–15, "the second half" = 16–end.
- "late January and early February" → from the start of the first part to the end of the second (21 Jan – 10 Feb),
  the first month's year chosen so the range does not run backwards (Dec → Jan crosses a year).
- "a 10-day span in late January and early February" → the whole window (21 Jan – 10 Feb) with the stated length kept
  in the entity value (``span_days``): the text does not say which ten days, so the window is what can be checked.
- "the last two weeks" / "the past 10 days" → rolling, ending on the reference day (14 / 10 days inclusive).
  "last week" / "last month" / "last year" → the previous calendar week (Monday–Sunday), month, year;
  "this week/month/year" → from its start to the reference day; "the past week/month/year" → rolling.
- "last October" / "this past October" → the most recent October before the reference's month (on 24 November
  2026: October 2026; on 15 October 2026: October 2025). The year is stated by the words, not inferred.
- "between 25 Jan and 5 Feb", "from Jan 27 to Feb 5", "Jan 27–30" → inclusive ranges.
- "in the 10 days before 5 February" → 26 Jan – 4 Feb (the day itself excluded); "after" → the N days following;
  "leading up to"/"up to" → the N days ending on that day.
- "since January" → from its start to the reference day. "in 2024" → the year. "yesterday", "today", weekdays
  ("on Tuesday" = the most recent Tuesday, the reference day included), "three days ago" (via dateparser).
- Periods are clipped to end on the reference day when they straddle it ("February" read on 10 February ends on
  the 10th).

Rates: "once a month", "about one such mission a month", "twice a week", "approximately one … per month" →
:class:`evidence.scope.Quantity` with ``per``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from evidence.scope import Period, Quantity

InferredYearHook = Callable[[Period, dt.date], Period]

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "dozen": 12,
    "a dozen": 12, "couple": 2, "a couple of": 2, "several": 3, "a few": 3, "two dozen": 24, "three dozen": 36,
}

#: Qualifier phrases → Quantity.qualifier.
QUALIFIERS: dict[str, str] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "a minimum of": "at_least",
    "at most": "at_most", "up to": "at_most", "no more than": "at_most", "as many as": "at_most",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "in excess of": "more_than",
    "well over": "more_than", "just over": "more_than", "well above": "more_than",
    "fewer than": "fewer_than", "less than": "fewer_than", "under": "fewer_than", "just under": "fewer_than",
    "well under": "fewer_than", "just below": "fewer_than",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "nearly": "about",
    "almost": "about", "some": "about", "an estimated": "about", "close to": "about", "approx.": "about",
    "exactly": "exact", "a total of": "exact",
}

_NUMWORDS = ("a dozen", "dozen", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
             "twenty", "thirty", "forty", "fifty", "sixty", "hundred")
_NUMWORD = "(?:" + "|".join(w.replace(" ", r"\s+") for w in _NUMWORDS) + ")"
_NUM = rf"(?:\d+(?:\.\d+)?|{_NUMWORD})"
_QUAL = "(?:" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)) + ")"
_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.(?!\w))?")
_MONB = rf"(?<![\w]){_MON}(?![\w-])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_MD = rf"{_MONB}\s+(?:the\s+)?{_DAY}(?:,?\s+{_YEAR})?"
_DM = rf"(?<![\d.,]){_DAY}\s+(?:of\s+)?{_MONB}(?:,?\s+{_YEAR})?"
_ISO = rf"(?<!\d){_YEAR}-[01]\d-[0-3]\d(?!\d)"
_DAYDATE = rf"(?:{_ISO}|{_MD}|{_DM})"
_PART = (r"(?:early|mid|late|the\s+(?:start|beginning|end|middle)\s+of|the\s+(?:first|second)\s+half\s+of"
         r"|the\s+(?:first|last)\s+week\s+of)")
_PARTMON = rf"(?:{_PART}[\s-]+|mid-?)?{_MONB}(?:,?\s+{_YEAR})?"
_JOIN = r"(?:and|to|through|thru|into|until|till|-|–|—)"
_UNIT = r"(?:days?|weeks?|months?|years?)"
_NUMW = rf"(?:\d+|{_NUMWORD}|a\s+couple\s+of|a\s+few|several)"

_F = re.IGNORECASE


@dataclass(frozen=True)
class TemporalMatch:
    """A date, period or rate found in text: character offsets, entity label and the rule that found it."""

    start: int
    end: int
    label: str  # "DATE" or "RATE"
    kind: str


# Ordered: earlier patterns win ties between matches of the same length.
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("n_day_window", re.compile(
        rf"(?:an?\s+)?(?P<n>{_NUMW})[\s-]+day\s+(?:span|period|stretch|window|spell|run)\s+"
        rf"(?:in|from|during|between|over|across|spanning|covering)\s+"
        rf"(?P<rest>{_PARTMON}(?:\s+{_JOIN}\s+{_PARTMON})?|{_DAYDATE}\s+{_JOIN}\s+{_DAYDATE})", _F)),
    ("n_days_around", re.compile(
        rf"the\s+(?P<n>{_NUMW})\s+(?P<unit>days?|weeks?)\s+(?P<dir>before|prior\s+to|preceding|leading\s+up\s+to"
        rf"|up\s+to|after|following|since)\s+(?P<d>{_DAYDATE})", _F)),
    ("between", re.compile(
        rf"(?:between|from)\s+(?P<a>{_DAYDATE}|{_PARTMON}|{_DAY})\s+(?:and|to|through|thru|until|till|-|–)\s+"
        rf"(?P<b>{_DAYDATE}|{_PARTMON})", _F)),
    ("mon_day_range", re.compile(
        rf"{_MONB}\s+{_DAY}\s*(?:-|–|—|to|through)\s*{_DAY}(?:,?\s+{_YEAR})?", _F)),
    ("day_mon_range", re.compile(rf"(?<![\d.,]){_DAY}\s*(?:-|–|—|to)\s*{_DAY}\s+{_MONB}(?:,?\s+{_YEAR})?", _F)),
    ("date_range", re.compile(rf"(?P<a>{_DAYDATE})\s*(?:-|–|—|to|through|until)\s*(?P<b>{_DAYDATE})", _F)),
    ("part_range", re.compile(rf"(?P<a>{_PARTMON})\s+{_JOIN}\s+(?P<b>{_PARTMON})", _F)),
    ("since", re.compile(rf"since\s+(?:(?P<a>{_DAYDATE}|{_PARTMON})|(?P<y>{_YEAR}))", _F)),
    ("last_n", re.compile(rf"(?:the\s+)?(?:last|past|previous|preceding)\s+(?P<n>{_NUMW})\s+(?P<unit>{_UNIT})", _F)),
    ("this_last", re.compile(
        r"(?:so\s+far\s+)?(?P<the>the\s+)?(?P<which>last|past|previous|this|current)\s+(?P<unit>week|month|year)\b",
        _F)),
    ("ago", re.compile(rf"(?P<n>{_NUMW}|an?)\s+(?P<unit>days?|weeks?|months?)\s+ago\b", _F)),
    ("relday", re.compile(r"\b(?:yesterday|today|tonight|this\s+morning|this\s+afternoon|last\s+night)\b", _F)),
    ("weekday", re.compile(r"(?:(?P<last>last)\s+)?\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                           r"\b", _F)),
    ("daydate", re.compile(_DAYDATE, _F)),
    ("partmon", re.compile(rf"(?:{_PART}[\s-]+|mid-)(?:{_MONB})(?:,?\s+{_YEAR})?", _F)),
    ("monyear", re.compile(rf"{_MONB},?\s+(?:of\s+)?{_YEAR}", _F)),
    ("last_month", re.compile(rf"(?:last|this\s+past)\s+(?P<mon>{_MONB})(?!,?\s+(?:of\s+)?{_YEAR})", _F)),
    ("month", re.compile(_MONB, _F)),
    ("year", re.compile(rf"(?<![\w-]){_YEAR}(?![\w-])", _F)),
]

_RATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("rate_times", re.compile(
        rf"(?:(?P<q>{_QUAL})\s+)?(?P<n>once|twice|thrice|(?:{_NUM})\s+times)\s+(?:a|an|per|each|every)\s+"
        rf"(?P<per>day|week|fortnight|month|year)\b", _F)),
    ("rate_noun", re.compile(
        rf"(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM}|an?)\s+(?:such\s+|more\s+)?(?:[a-z][a-z-]*\s+){{0,2}}?"
        rf"(?:missions?|flights?|sorties?|patrols?|trips?|overflights?)\s+(?:a|an|per|each|every)\s+"
        rf"(?P<per>day|week|fortnight|month|year)\b", _F)),
    ("rate_gap", re.compile(
        rf"(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})\s*(?:…|\.\.\.)\s*(?:a|per|each|every)\s+(?P<per>day|week|month|year)\b",
        _F)),
]

#: A bare month or year counts as a date only after one of these words (or, for full month names other than
#: "May"/"March", anywhere): "may" the verb and "march" the noun are common.
_TEMPORAL_LEADS = {"in", "since", "during", "of", "until", "till", "by", "from", "through", "throughout", "last",
                   "this", "early", "mid", "late", "for", "before", "after", "between", "and", "to", "on", "end",
                   "start", "beginning", "middle", "half", "over", "across", "into", "each", "every", "next", "that"}
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "apr",
                     "feb"}


#: A capitalised word after a month's name, where no temporal word stands before it: a surname ("Jan Kowalski");
#: a month, a weekday or a year after it ("Jan Feb", "Jan Monday") keeps the date.
_NAME_AFTER_RX = re.compile(r"\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
                            r"[a-z]*\b)[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\b(?![-\d])")


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


def _plausible(kind: str, text: str, m: re.Match[str]) -> bool:
    word = m.group(0)
    if kind == "month":
        bare = word.rstrip(".").lower()
        lead = _word_before(text, m.start())
        if lead in _TEMPORAL_LEADS:
            return True
        if word[0].isupper() and _NAME_AFTER_RX.match(text, m.end()):
            return False  # "Jan Kowalski, a spokesman", "April Ryan said": a first name before a surname
        if bare in _AMBIGUOUS_MONTHS:
            # Capitalised abbreviations ("Feb") are fine; "may"/"march" need a temporal word before them.
            return word[0].isupper() and bare not in {"may", "march", "mar"} and len(bare) >= 3
        return True
    if kind == "year":
        return _word_before(text, m.start()) in _TEMPORAL_LEADS
    if kind == "weekday":
        return m.group("last") is not None or m.group("wd")[0].isupper() or _word_before(text, m.start()) == "on"
    if kind == "this_last":
        return True
    return True


#: Where expressions can be: a cheap scan finds anchors (a month name, an ISO date, "last"/"this", "ago", "a month"),
#: then the full patterns are tried *anchored* at the word starts shortly before each anchor. Scanning ~20 patterns
#: with optional leading groups over a whole article cost ~20 ms per article; this costs ~1 ms.
_WORD_START = re.compile(r"(?<![\w'’.-])\w")
_MONTH_KINDS = ("n_day_window", "n_days_around", "between", "mon_day_range", "day_mon_range", "date_range",
                "part_range", "since", "daydate", "partmon", "monyear", "last_month", "month")
_TRIGGERS: list[tuple[re.Pattern[str], int, tuple[str, ...]]] = [
    (re.compile(_MONB, _F), 64, _MONTH_KINDS),
    (re.compile(rf"{_ISO}", _F), 64, ("n_days_around", "between", "date_range", "since", "daydate")),
    (re.compile(r"\b(?:last|past|previous|preceding|this|current|yesterday|today|tonight|monday|tuesday|wednesday|"
                r"thursday|friday|saturday|sunday)\b", _F), 20, ("last_n", "this_last", "relday", "weekday")),
    (re.compile(r"\bago\b", _F), 40, ("ago",)),
]
_RATE_TRIGGER = re.compile(r"\b(?:a|an|per|each|every)\s+(?:day|week|fortnight|month|year)\b", _F)
_GLOBAL_KINDS = ("year", "since")
_PATTERNS = dict(_DATE_PATTERNS)
_ORDER = {k: i for i, (k, _) in enumerate(_RATE_PATTERNS + _DATE_PATTERNS)}

#: Pre-compiled trigger literals. Every match of a trigger (and of the two global patterns) starts with one of these
#: strings, case-insensitively, so on lower-cased text ``str.find`` (a C loop) lists the only places the regex can
#: start; the regex then runs anchored there. Same matches as ``finditer`` over the whole text, at a fraction of the
#: cost (Python's ``re`` tries every position with every alternative). :func:`lowered` says when this is exact.
_TRIGGER_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    ("19", "20"),
    ("last", "past", "previous", "preceding", "this", "current", "yesterday", "today", "tonight", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ("ago",),
)
_GLOBAL_PREFIXES = {"year": ("19", "20"), "since": ("since",)}
#: A rate trigger ends with one of these units, preceded by whitespace and one of _RATE_DETERMINERS.
_RATE_UNITS = ("day", "week", "fortnight", "month", "year")
_RATE_DETERMINERS = frozenset({"a", "an", "per", "each", "every"})
#: Non-ASCII characters that ``re.IGNORECASE`` matches to ASCII letters ("ſ" to "s", the Kelvin sign to "k").
_CASE_FOLD_SPECIAL = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowered(text: str) -> str | None:
    """``text.lower()`` when its positions match ``text``'s and case-insensitive matching of ASCII letters is plain
    lower-casing there; None otherwise (then the triggers are found by scanning with the regexes)."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in _CASE_FOLD_SPECIAL)):
        return None
    return low


@functools.lru_cache(maxsize=64)
def _shortest(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """The prefixes that start with no other one: where "adm." starts, "adm" does too, so the positions are the
    same with fewer scans."""
    return tuple(p for p in prefixes if not any(q != p and p.startswith(q) for q in prefixes))


@functools.lru_cache(maxsize=16)  # one text's positions for the rules that share a list ("people": three)
def _positions(low: str, prefixes: tuple[str, ...]) -> tuple[int, ...]:
    found: set[int] = set()
    find = low.find
    for prefix in _shortest(prefixes):
        i = find(prefix)
        while i >= 0:
            found.add(i)
            i = find(prefix, i + 1)
    return tuple(sorted(found))


def finditer_at(pattern: re.Pattern[str], text: str, low: str | None, prefixes: tuple[str, ...]
              ) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, found by trying ``pattern`` only where one of ``prefixes`` starts in ``low``
    (:func:`lowered`; None: scan with ``pattern``). Exact only if every match of ``pattern`` starts with one of
    ``prefixes``, case-insensitively."""
    if low is None:
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    end = 0
    match = pattern.match
    for i in _positions(low, prefixes):
        if i < end:  # finditer does not report matches overlapping an earlier one
            continue
        m = match(text, i)
        if m is not None:
            out.append(m)
            end = m.end() if m.end() > i else i + 1
    return out


def _rate_triggers(text: str, low: str | None) -> list[re.Match[str]]:
    """``_RATE_TRIGGER.finditer(text)``: found from the units ("a month" → where "month" is), looking back over the
    whitespace for a determiner, then checked with the regex."""
    if low is None:
        return list(_RATE_TRIGGER.finditer(text))
    starts: set[int] = set()
    for i in _positions(low, _RATE_UNITS):
        j = i
        while j > 0 and low[j - 1].isspace():
            j -= 1
        if j == i or j == 0:
            continue
        k = j
        while k > 0 and (low[k - 1].isalnum() or low[k - 1] == "_"):
            k -= 1
        if low[k:j] in _RATE_DETERMINERS:
            starts.add(k)
    out = []
    for k in sorted(starts):
        m = _RATE_TRIGGER.match(text, k)
        if m is not None:
            out.append(m)
    return out


def _starts_before(text: str, lo: int, anchor: int) -> list[int]:
    return [m.start() for m in _WORD_START.finditer(text, lo, anchor + 1)]


#: First words a rate expression can start with (a qualifier's, a number's, "once", "a"…); others are skipped.
_RATE_FIRST_WORDS = frozenset(
    {q.split()[0].rstrip(".") for q in QUALIFIERS} | {"once", "twice", "thrice", "a", "an"}
    | {w.split()[0] for w in _NUMWORDS}
)


def find_temporal(text: str) -> list[TemporalMatch]:
    """All date, period and rate expressions in ``text``, longest first where they overlap, in text order."""
    candidates: set[TemporalMatch] = set()
    low = lowered(text)
    for trig in _rate_triggers(text, low):
        for first in _FIRST_WORD.finditer(text, max(0, trig.start() - 110), trig.start() + 1):
            word = first.group(0)
            if word.isascii() and not word[0].isdigit() and word.lower() not in _RATE_FIRST_WORDS:
                continue  # no rate pattern starts with this word
            start = first.start()
            for kind, pattern in _RATE_PATTERNS:
                m = pattern.match(text, start)
                if m and m.end() == trig.end():
                    candidates.add(TemporalMatch(m.start(), m.end(), "RATE", kind))
                    break
    for t, (trigger, back, kinds) in enumerate(_TRIGGERS):
        for trig in finditer_at(trigger, text, low, _TRIGGER_PREFIXES[t]):
            anchor = trig.start()
            for first in _FIRST_WORD.finditer(text, max(0, anchor - back), anchor + 1):
                start = first.start()
                key = (t, first.group(0).lower() if start != anchor else "")
                todo = _kinds_cache.get(key)
                if todo is None:
                    allowed = _first_word_kinds(key[1], start == anchor)
                    todo = _kinds_cache[key] = tuple(k for k in kinds if allowed is None or k in allowed)
                for kind in todo:
                    m = _PATTERNS[kind].match(text, start)
                    if m and m.end() > anchor and _plausible(kind, text, m):
                        candidates.add(TemporalMatch(m.start(), m.end(), "DATE", kind))
    for kind in _GLOBAL_KINDS:
        for m in finditer_at(_PATTERNS[kind], text, low, _GLOBAL_PREFIXES[kind]):
            if _plausible(kind, text, m):
                candidates.add(TemporalMatch(m.start(), m.end(), "DATE", kind))
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), _ORDER[c.kind], c.start))
    chosen: list[TemporalMatch] = []
    used = bytearray(len(text) + 1)
    for c in ranked:
        if not any(used[c.start:c.end]):
            chosen.append(c)
            used[c.start:c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: c.start)


_FIRST_WORD = re.compile(r"(?<![\w'’.-])\w+")
_kinds_cache: dict[tuple[int, str], tuple[str, ...]] = {}
_BY_FIRST_WORD: dict[str, frozenset[str]] = {
    "between": frozenset({"between"}), "from": frozenset({"between"}), "since": frozenset({"since"}),
    "the": frozenset({"n_days_around", "partmon", "part_range", "last_n", "this_last"}),
    "a": frozenset({"n_day_window", "ago"}), "an": frozenset({"n_day_window", "ago"}),
    "early": frozenset({"partmon", "part_range"}), "late": frozenset({"partmon", "part_range"}),
    "mid": frozenset({"partmon", "part_range"}), "so": frozenset({"this_last"}),
    "last": frozenset({"last_n", "this_last", "last_month"}), "this": frozenset({"last_n", "this_last", "last_month"}),
}
_AT_ANCHOR = frozenset({"mon_day_range", "date_range", "daydate", "part_range", "monyear", "month", "last_n",
                        "this_last", "relday", "weekday"})
_NUMERIC_START = frozenset({"day_mon_range", "date_range", "daydate", "n_day_window", "ago"})


def _first_word_kinds(word: str, at_anchor: bool) -> frozenset[str] | None:
    """Which patterns can start with this word (None: any). Saves most anchored match attempts."""
    if at_anchor:
        return None
    word = word.lower()
    if word[:1].isdigit():
        return _NUMERIC_START
    if word in NUMBER_WORDS or word in ("several", "couple", "few"):
        return frozenset({"n_day_window", "ago"})
    if word.startswith("mid"):
        return _BY_FIRST_WORD["mid"]
    return _BY_FIRST_WORD.get(word, frozenset({"last_n", "this_last"}))


# ---------------------------------------------------------------------------------------------------- resolving


def parse_number(word: str) -> float | None:
    """"18" → 18, "eighteen" → 18, "a dozen" → 12, "1,200" → 1200; None if it is not a number."""
    w = " ".join(word.lower().split())
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    w = w.replace(",", "")
    try:
        return float(w)
    except ValueError:
        return None


def _ref_date(reference: dt.datetime | dt.date) -> dt.date:
    if isinstance(reference, dt.datetime):
        if reference.tzinfo is not None:
            reference = reference.astimezone(dt.UTC)
        return reference.date()
    return reference


def _month_num(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()[:4] if word.lower().startswith("sept") else word.rstrip(".").lower()[:3]]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, _last_day(year, month + 1)))


@dataclass(frozen=True)
class _Resolved:
    start: dt.date
    end: dt.date
    year_inferred: bool


_DAYDATE_RE = re.compile(
    rf"^(?:(?P<iso>{_ISO})|(?P<mon1>{_MON})\s+(?:the\s+)?(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MON})(?:,?\s+(?P<y2>{_YEAR}))?)$", _F)
_PARTMON_RE = re.compile(
    rf"^(?:(?P<part>{_PART})[\s-]+|(?P<mid>mid)-?)?(?P<mon>{_MON})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?$", _F)


def _day_number(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]


def _latest_year(month: int, day: int, ref: dt.date) -> int | None:
    for year in range(ref.year, ref.year - 9, -1):
        try:
            if dt.date(year, month, day) <= ref:
                return year
        except ValueError:
            continue
    return None


def _resolve_daydate(text: str, ref: dt.date, *, year: int | None = None) -> _Resolved | None:
    m = _DAYDATE_RE.match(text.strip())
    if not m:
        return None
    if m.group("iso"):
        try:
            day = dt.date.fromisoformat(m.group("iso"))
        except ValueError:
            return None
        return _Resolved(day, day, False)
    mon, d, y = (m.group("mon1"), m.group("d1"), m.group("y1")) if m.group("mon1") else (
        m.group("mon2"), m.group("d2"), m.group("y2"))
    month, dayn = _month_num(mon), _day_number(d)
    inferred = False
    if y:
        yr = int(y)
    elif year is not None:
        yr = year
    else:
        found = _latest_year(month, dayn, ref)
        if found is None:
            return None
        yr, inferred = found, True
    try:
        day = dt.date(yr, month, dayn)
    except ValueError:
        return None
    return _Resolved(day, day, inferred)


def _part_bounds(part: str | None, year: int, month: int) -> tuple[dt.date, dt.date]:
    last = _last_day(year, month)
    p = " ".join((part or "").lower().split())
    lo, hi = 1, last
    if p in ("early", "the start of", "the beginning of"):
        lo, hi = 1, 10
    elif p in ("mid", "the middle of"):
        lo, hi = 11, 20
    elif p in ("late", "the end of"):
        lo, hi = 21, last
    elif p == "the first half of":
        lo, hi = 1, 15
    elif p == "the second half of":
        lo, hi = 16, last
    elif p == "the first week of":
        lo, hi = 1, 7
    elif p == "the last week of":
        lo, hi = last - 6, last
    return dt.date(year, month, lo), dt.date(year, month, hi)


def _resolve_partmon(text: str, ref: dt.date, *, year: int | None = None) -> _Resolved | None:
    m = _PARTMON_RE.match(text.strip())
    if not m:
        return None
    month = _month_num(m.group("mon"))
    part = m.group("part") or ("mid" if m.group("mid") else None)
    inferred = False
    if m.group("y"):
        yr = int(m.group("y"))
    elif year is not None:
        yr = year
    else:
        yr = ref.year if dt.date(ref.year, month, 1) <= ref else ref.year - 1
        inferred = True
    start, end = _part_bounds(part, yr, month)
    return _Resolved(start, end, inferred)


def _resolve_point(text: str, ref: dt.date, *, year: int | None = None) -> _Resolved | None:
    return _resolve_daydate(text, ref, year=year) or _resolve_partmon(text, ref, year=year)


def _explicit_year(text: str) -> bool:
    return re.search(_YEAR, text) is not None


def _resolve_pair(a: str, b: str, ref: dt.date) -> _Resolved | None:
    """A range whose ends may lack years: the end is placed first (toward the past), then the start before it."""
    b_res = _resolve_point(b, ref)
    if b_res is None:
        return None
    a_stripped = a.strip()
    if re.fullmatch(_DAY, a_stripped, _F):  # "between 25 and 28 January": the month comes from the end
        try:
            start = b_res.start.replace(day=_day_number(a_stripped))
        except ValueError:
            return None
        return _Resolved(start, b_res.end, b_res.year_inferred) if start <= b_res.end else None
    year = None if _explicit_year(a) else b_res.start.year
    a_res = _resolve_point(a, ref, year=year)
    if a_res is None:
        return None
    if a_res.start > b_res.end and not _explicit_year(a):
        a_res = _resolve_point(a, ref, year=b_res.start.year - 1)
        if a_res is None:
            return None
    if a_res.start > b_res.end:
        return None
    return _Resolved(a_res.start, b_res.end, b_res.year_inferred or (a_res.year_inferred and not _explicit_year(a)))


def _count(word: str) -> int | None:
    value = parse_number(word)
    return int(value) if value is not None and value >= 1 else None


def _unit_days(unit: str) -> int:
    return {"day": 1, "week": 7}.get(unit.lower().rstrip("s"), 1)


def _dateparser_day(text: str, ref: dt.date) -> dt.date | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - it is a project requirement
        return None
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": dt.datetime.combine(ref, dt.time(12, 0)),
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed else None


def _resolve_kind(kind: str, m: re.Match[str], ref: dt.date) -> _Resolved | None:
    text = m.group(0)
    if kind == "n_day_window":
        rest = m.group("rest")
        pair = re.split(rf"\s+{_JOIN}\s+", rest, maxsplit=1, flags=_F)
        if len(pair) == 2 and _resolve_point(pair[1], ref):
            return _resolve_pair(pair[0], pair[1], ref)
        return _resolve_point(rest, ref)
    if kind == "n_days_around":
        n = _count(m.group("n"))
        point = _resolve_daydate(m.group("d"), ref)
        if n is None or point is None:
            return None
        span = n * _unit_days(m.group("unit"))
        direction = " ".join(m.group("dir").lower().split())
        day = point.start
        if direction in ("after", "following", "since"):
            return _Resolved(day + dt.timedelta(days=1), day + dt.timedelta(days=span), point.year_inferred)
        if direction in ("up to", "leading up to"):
            return _Resolved(day - dt.timedelta(days=span - 1), day, point.year_inferred)
        return _Resolved(day - dt.timedelta(days=span), day - dt.timedelta(days=1), point.year_inferred)
    if kind in ("between", "date_range", "part_range"):
        return _resolve_pair(m.group("a"), m.group("b"), ref)
    if kind == "mon_day_range":
        parts = re.match(
            rf"(?P<mon>{_MON})\s+(?P<d1>{_DAY})\s*(?:-|–|—|to|through)\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?",
            text, _F)
        if not parts:
            return None
        year = f" {parts.group('y')}" if parts.group("y") else ""
        return _resolve_pair(parts.group("d1"), f"{parts.group('mon')} {parts.group('d2')}{year}", ref)
    if kind == "day_mon_range":
        parts = re.match(rf"(?P<d1>{_DAY})\s*(?:-|–|—|to)\s*(?P<d2>{_DAY})\s+(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?",
                         text, _F)
        if not parts:
            return None
        year = f" {parts.group('y')}" if parts.group("y") else ""
        return _resolve_pair(parts.group("d1"), f"{parts.group('d2')} {parts.group('mon')}{year}", ref)
    if kind == "since":
        if m.group("y"):
            start = dt.date(int(m.group("y")), 1, 1)
            return _Resolved(start, max(start, ref), False)
        point = _resolve_point(m.group("a"), ref)
        return _Resolved(point.start, max(point.start, ref), point.year_inferred) if point else None
    if kind == "last_n":
        n = _count(m.group("n"))
        if n is None:
            return None
        unit = m.group("unit").lower().rstrip("s")
        if unit in ("day", "week"):
            return _Resolved(ref - dt.timedelta(days=n * _unit_days(unit) - 1), ref, False)
        months = n if unit == "month" else 12 * n
        return _Resolved(_add_months(ref, -months) + dt.timedelta(days=1), ref, False)
    if kind == "this_last":
        which, unit = m.group("which").lower(), m.group("unit").lower()
        if which in ("this", "current"):
            start = {"week": ref - dt.timedelta(days=ref.weekday()), "month": ref.replace(day=1),
                     "year": ref.replace(month=1, day=1)}[unit]
            return _Resolved(start, ref, False)
        if which == "past" or (m.group("the") and which in ("last", "previous")):
            start = {"week": ref - dt.timedelta(days=6), "month": _add_months(ref, -1) + dt.timedelta(days=1),
                     "year": _add_months(ref, -12) + dt.timedelta(days=1)}[unit]
            return _Resolved(start, ref, False)
        if unit == "week":
            monday = ref - dt.timedelta(days=ref.weekday() + 7)
            return _Resolved(monday, monday + dt.timedelta(days=6), False)
        if unit == "month":
            first = _add_months(ref.replace(day=1), -1)
            return _Resolved(first, first.replace(day=_last_day(first.year, first.month)), False)
        return _Resolved(dt.date(ref.year - 1, 1, 1), dt.date(ref.year - 1, 12, 31), False)
    if kind == "ago":
        day = _dateparser_day(text, ref)
        return _Resolved(day, day, False) if day and day <= ref else None
    if kind == "relday":
        word = " ".join(text.lower().split())
        day = ref - dt.timedelta(days=1) if word in ("yesterday", "last night") else ref
        return _Resolved(day, day, False)
    if kind == "weekday":
        target = WEEKDAYS[m.group("wd").lower()]
        back = (ref.weekday() - target) % 7
        if m.group("last") and back == 0:
            back = 7
        day = ref - dt.timedelta(days=back)
        return _Resolved(day, day, False)
    if kind == "daydate":
        if re.fullmatch(_ISO, text.strip()):  # "2025-13-01" is no date: never read day-first as 13 January
            return _resolve_daydate(text, ref)
        return _resolve_daydate(text, ref) or (
            (lambda d: _Resolved(d, d, False) if d else None)(_dateparser_day(text, ref))
        )
    if kind in ("partmon", "monyear", "month"):
        return _resolve_partmon(text, ref)
    if kind == "last_month":
        month = _month_num(m.group("mon"))
        year = ref.year if month < ref.month else ref.year - 1
        return _Resolved(dt.date(year, month, 1), dt.date(year, month, _last_day(year, month)), False)
    if kind == "year":
        year = int(text)
        return _Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), False)
    return None


def _clip(res: _Resolved, ref: dt.date) -> _Resolved:
    if res.start <= ref < res.end:
        return _Resolved(res.start, ref, res.year_inferred)
    return res


def resolve_period(
    text: str,
    reference: dt.datetime | dt.date,
    *,
    inferred_year: InferredYearHook | None = None,
) -> Period | None:
    """The period a date expression means, resolved toward the past of ``reference``; None if it is not one.

    ``text`` is one expression as found by :func:`find_temporal` (e.g. an entity's text). ``inferred_year`` lets
    the caller move a period whose year was guessed (the bot: to the most recent year holding data).
    """
    ref = _ref_date(reference)
    stripped = " ".join(text.split())
    for kind, pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(stripped)
        if m is None:
            continue
        try:
            res = _resolve_kind(kind, m, ref)
        except (ValueError, OverflowError, KeyError):
            res = None
        if res is None or res.end < res.start:
            continue
        res = _clip(res, ref)
        period = Period(start=res.start, end=res.end, text=stripped, year_inferred=res.year_inferred)
        if res.year_inferred and inferred_year is not None:
            period = inferred_year(period, ref)
        span = span_days(stripped)
        if span and span < period.days:  # "a 10-day span in …": which ten days is not said
            period = replace(period, span_days=span)
        return period
    return None


def span_days(text: str) -> int | None:
    """The stated length of "a 10-day span in …" (the window resolved by resolve_period is usually longer)."""
    m = _DATE_PATTERNS[0][1].fullmatch(" ".join(text.split()))
    return _count(m.group("n")) if m else None


def resolve_rate(text: str) -> Quantity | None:
    """"about one such mission a month" → Quantity(1, "about", per="month"); None if it is not a rate."""
    stripped = " ".join(text.split())
    for _kind, pattern in _RATE_PATTERNS:
        m = pattern.fullmatch(stripped)
        if m is None:
            continue
        n = m.group("n").lower()
        if n in ("once", "twice", "thrice"):
            value = {"once": 1.0, "twice": 2.0, "thrice": 3.0}[n]
        else:
            value = parse_number(re.sub(r"\s+times$", "", n))
        if value is None:
            continue
        qualifier = QUALIFIERS.get(" ".join((m.group("q") or "").lower().split()), "exact")
        per = m.group("per").lower()
        if per == "fortnight":
            per, value = "week", value / 2
        return Quantity(value=value, qualifier=qualifier, per=per)
    return None


# ------------------------------------------------------------------------------------------- a story's own date

_STORY_NOUN = r"(?:story|article|piece|report|post|dispatch|bulletin|headline|item|draft)s?"
_DAY_WITH_YEAR = (rf"(?:{_MONB}\s+(?:the\s+)?{_DAY},?\s+{_YEAR}|(?<![\d.,]){_DAY}\s+(?:of\s+)?{_MONB},?\s+{_YEAR}"
                  rf"|{_ISO})")
#: The day a story was written, given beside a claim lifted from it: "a story from 14 February 2025 says …", "an
#: article dated 5 February 2025", "a Reuters story of 22 October 2025", "a report published on 10 February 2025",
#: "our 12 February 2025 story", and "As of 10 February 2025, … this year". The year must be said.
STORY_DAY_RX = re.compile(
    rf"\b{_STORY_NOUN}(?P<after>\s+(?:from|of|dated|published(?:\s+on)?|written\s+on|filed\s+on|on)"
    rf"\s+(?P<d1>{_DAY_WITH_YEAR}))"
    rf"|\b(?:a|an|our|the|this|their|its)(?P<before>\s+(?P<d2>{_DAY_WITH_YEAR}))"
    rf"(?=\s+(?:[A-Z][\w.&'’-]*\s+)?{_STORY_NOUN}\b)"
    rf"|^(?P<asof>\W*as\s+of\s+(?P<d3>{_DAY_WITH_YEAR})\s*,)", _F)
#: Words whose day depends on when they were written: what a story's date anchors ("As of …," needs one of them).
RELATIVE_WORDS_RX = re.compile(r"\b(?:this|last|past|previous|yesterday|today|ago|so\s+far|monday|tuesday|wednesday"
                               r"|thursday|friday|saturday|sunday|weekend)\b", _F)


@dataclass(frozen=True)
class StoryDay:
    """A story's date given beside a claim from it: the day, and the characters that gave it (to be blanked)."""

    day: dt.date
    start: int
    end: int
    text: str


def story_day(text: str, reference: dt.date) -> StoryDay | None:
    """The day the claim's story was written, when the text gives it (round 19): relative words in the claim ("last
    week", "this month", "yesterday", "on Monday") count from it, as the claim checker counts them from the article's
    own date — never from today, and the story's day is not the flights' period. None when no such date is given,
    when it is after ``reference``, or ("As of D,") when nothing relative follows it."""
    for m in STORY_DAY_RX.finditer(text):
        group = next(g for g in ("after", "before", "asof") if m.group(g))
        if group == "asof" and not RELATIVE_WORDS_RX.search(text[m.end():]):
            continue
        said = m.group({"after": "d1", "before": "d2", "asof": "d3"}[group])
        resolved = _resolve_daydate(said, reference)
        if resolved is None or resolved.start > reference:
            continue
        return StoryDay(resolved.start, m.start(group), m.end(group), said)
    return None
