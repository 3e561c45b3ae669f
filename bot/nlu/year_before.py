"""The other side of a year-on-year comparison, said by reference to the first: "P-8 flights in January 2025
compared with the same month a year earlier", "… vs the same period last year", "… than the same days in 2024",
"… year on year". The words are spelled as the period they name ("January 2024") before the question is read,
and said as a correction, so the answer shows how they were read and the comparison reader sees two periods.

Only a period the question states with its year is shifted: a bare "January" (its year inferred from the records)
or an open one ("before March") is left as written, and the words are then declined as before.
"""
from __future__ import annotations

import datetime as dt
import re

from claims.nlp.reading import read_question
from claims.nlp.vocabulary import Vocabulary
from evidence.scope import Period

_RX = re.IGNORECASE
_UNIT = r"(?:month|week|fortnight|period|time|day|days|dates|quarter|stretch|span|window|weekend|year)"
_EARLIER = (r"(?:(?:a|one)\s+year\s+(?:earlier|before|ago|prior)|(?:the\s+)?(?:previous|prior|preceding)\s+year"
            r"|last\s+year)")
_JOIN = r"(?P<join>compared\s+(?:with|to)|as\s+against|against|vs\.?|versus|than|from|with|to)\s+"
#: "(compared with) the same month a year earlier / last year / in 2024", "compared with a year earlier" (only after
#: a word that compares: "flights a year earlier" alone is one period), "year on year".
YEAR_BEFORE_RX = re.compile(
    rf"(?:{_JOIN})?(?:\bthe\s+same\s+{_UNIT}\s+(?:(?:of|in)\s+)?(?:{_EARLIER}|(?P<year>(?:19|20)\d\d)\b)"
    r"|(?P<bare>\b(?:a|one)\s+year\s+(?:earlier|before|ago|prior))\b"
    r"|\b(?P<yoy>year[\s-]+(?:on|over)[\s-]+year|yoy|y/y)\b)", _RX)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def spell_year_before(text: str, reference: dt.date, vocabulary: Vocabulary) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with a year-on-year side spelled as its period, and the corrections that say so."""
    m = next((m for m in YEAR_BEFORE_RX.finditer(text) if m.group("join") or not m.group("bare")), None)
    if m is None:
        return text, []
    periods = read_question(text[: m.start()], reference=reference, vocabulary=vocabulary).periods
    if len(periods) != 1 or periods[0].year_inferred or periods[0].open_start:
        return text, []
    other = _shifted(periods[0], int(m.group("year")) if m.group("year") else None)
    if other is None:
        return text, []
    words = f"{m.group('join') or 'compared with'} {_spelled(other)}"
    return text[: m.start()] + words + text[m.end():], [(m.group(0).strip(), words)]


def _shifted(period: Period, year: int | None) -> Period | None:
    """The same calendar span a year earlier, or in ``year`` (one calendar year only: "the same days in 2024")."""
    from evidence.selectors import shift_period_years

    if year is not None and period.start.year != period.end.year:
        return None
    years = -1 if year is None else year - period.start.year
    return shift_period_years(period, years) if years else None


def _spelled(period: Period) -> str:
    """A period as the reader reads it back: "2024", "January 2024", "between 1 February 2024 and 10 February 2024"."""
    s, e = period.start, period.end
    whole_months = s.day == 1 and (e + dt.timedelta(days=1)).day == 1
    if whole_months and (s.month, e.month, s.year) == (1, 12, e.year):
        return str(s.year)
    if whole_months and (s.year, s.month) == (e.year, e.month):
        return f"{_MONTHS[s.month - 1]} {s.year}"
    return f"between {s.day} {_MONTHS[s.month - 1]} {s.year} and {e.day} {_MONTHS[e.month - 1]} {e.year}"
