"""The date rules table: expressions resolve toward the past of the reference (claims.nlp.dates docstring)."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.nlp.dates import find_temporal, resolve_period, resolve_rate
from evidence.scope import Period, Quantity

REF = dt.datetime(2025, 2, 10, 15, 0, tzinfo=dt.UTC)
D = dt.date

#: Expressions stating a length shorter than their window: the window, with the stated length kept.
SPANS = {"a 10-day span in late January and early February": 10}

DATE_TABLE = [
    # (text containing one expression, expected matched text, start, end, year inferred)
    ("February 3", "February 3", D(2025, 2, 3), D(2025, 2, 3), True),
    ("on Feb. 3rd", "Feb. 3rd", D(2025, 2, 3), D(2025, 2, 3), True),
    ("the 3rd of February", "3rd of February", D(2025, 2, 3), D(2025, 2, 3), True),
    ("February 11", "February 11", D(2024, 2, 11), D(2024, 2, 11), True),  # after the reference → a year back
    ("3 February 2025", "3 February 2025", D(2025, 2, 3), D(2025, 2, 3), False),
    ("February 3, 2024", "February 3, 2024", D(2024, 2, 3), D(2024, 2, 3), False),
    ("2025-02-03", "2025-02-03", D(2025, 2, 3), D(2025, 2, 3), False),
    ("over a 10-day span in late January and early February", "a 10-day span in late January and early February",
     D(2025, 1, 21), D(2025, 2, 10), True),
    ("late January and early February", "late January and early February", D(2025, 1, 21), D(2025, 2, 10), True),
    ("in late December and early January", "late December and early January", D(2024, 12, 21), D(2025, 1, 10), True),
    ("in mid-January", "mid-January", D(2025, 1, 11), D(2025, 1, 20), True),
    ("in early January", "early January", D(2025, 1, 1), D(2025, 1, 10), True),
    ("at the end of January", "the end of January", D(2025, 1, 21), D(2025, 1, 31), True),
    ("the last week of January", "the last week of January", D(2025, 1, 25), D(2025, 1, 31), True),
    ("in the last two weeks", "the last two weeks", D(2025, 1, 28), D(2025, 2, 10), False),
    ("over the past 10 days", "the past 10 days", D(2025, 2, 1), D(2025, 2, 10), False),
    ("last week", "last week", D(2025, 2, 3), D(2025, 2, 9), False),
    ("this week", "this week", D(2025, 2, 10), D(2025, 2, 10), False),
    ("last month", "last month", D(2025, 1, 1), D(2025, 1, 31), False),
    # "last <month>": the most recent such month before the reference's month, the year stated by the words
    ("flights last October", "last October", D(2024, 10, 1), D(2024, 10, 31), False),
    ("flights this past January", "this past January", D(2025, 1, 1), D(2025, 1, 31), False),
    ("last February", "last February", D(2024, 2, 1), D(2024, 2, 29), False),
    ("the past month", "the past month", D(2025, 1, 11), D(2025, 2, 10), False),
    ("between 25 Jan and 5 Feb", "between 25 Jan and 5 Feb", D(2025, 1, 25), D(2025, 2, 5), True),
    ("from Jan. 27 to Feb. 5, 2025", "from Jan. 27 to Feb. 5, 2025", D(2025, 1, 27), D(2025, 2, 5), False),
    ("between 20 and 25 January", "between 20 and 25 January", D(2025, 1, 20), D(2025, 1, 25), True),
    ("Jan 27-30", "Jan 27-30", D(2025, 1, 27), D(2025, 1, 30), True),
    ("December 30 to January 4", "December 30 to January 4", D(2024, 12, 30), D(2025, 1, 4), True),
    ("in the 10 days before 5 February", "the 10 days before 5 February", D(2025, 1, 26), D(2025, 2, 4), True),
    ("in the 10 days leading up to February 5", "the 10 days leading up to February 5", D(2025, 1, 27),
     D(2025, 2, 5), True),
    ("in 2024", "2024", D(2024, 1, 1), D(2024, 12, 31), False),
    ("since January", "since January", D(2025, 1, 1), D(2025, 2, 10), True),
    ("since 2024", "since 2024", D(2024, 1, 1), D(2025, 2, 10), False),
    ("this year", "this year", D(2025, 1, 1), D(2025, 2, 10), False),
    ("so far this year", "so far this year", D(2025, 1, 1), D(2025, 2, 10), False),
    ("last year", "last year", D(2024, 1, 1), D(2024, 12, 31), False),
    # bare months: the most recent one not after the reference, clipped to the reference day
    ("in February", "February", D(2025, 2, 1), D(2025, 2, 10), True),
    ("in Feb", "Feb", D(2025, 2, 1), D(2025, 2, 10), True),
    ("in December", "December", D(2024, 12, 1), D(2024, 12, 31), True),
    ("in May", "May", D(2024, 5, 1), D(2024, 5, 31), True),
    ("March 2024", "March 2024", D(2024, 3, 1), D(2024, 3, 31), False),
    ("yesterday", "yesterday", D(2025, 2, 9), D(2025, 2, 9), False),
    ("on Tuesday", "Tuesday", D(2025, 2, 4), D(2025, 2, 4), False),  # 10 Feb 2025 is a Monday
    ("three days ago", "three days ago", D(2025, 2, 7), D(2025, 2, 7), False),  # via dateparser
]


@pytest.mark.parametrize(("text", "matched", "start", "end", "inferred"), DATE_TABLE, ids=[r[0] for r in DATE_TABLE])
def test_date_rules(text, matched, start, end, inferred):
    found = [m for m in find_temporal(text) if m.label == "DATE"]
    assert [text[m.start:m.end] for m in found] == [matched]
    period = resolve_period(matched, REF)
    assert period == Period(start=start, end=end, text=matched, year_inferred=inferred, span_days=SPANS.get(matched))


@pytest.mark.parametrize("text", ["you may go", "March on Washington", "the 18 missions", "RC-135", "at 10:30",
                                  "Section 2024b", ""])
def test_not_dates(text):
    assert [m for m in find_temporal(text) if m.label == "DATE"] == []


def test_inferred_year_hook_moves_a_bare_month():
    """The bot moves a guessed year to the most recent one holding data."""

    def to_2024(period: Period, reference: dt.date) -> Period:
        assert reference == D(2025, 2, 10)
        return Period(start=period.start.replace(year=2024), end=D(2024, 2, 29), text=period.text,
                      year_inferred=True)

    moved = resolve_period("February", REF, inferred_year=to_2024)
    assert (moved.start, moved.end) == (D(2024, 2, 1), D(2024, 2, 29))
    # an explicit year is never handed to the hook
    assert resolve_period("February 2025", REF, inferred_year=to_2024).start == D(2025, 2, 1)


def test_reference_may_be_a_date_or_naive_or_other_timezone():
    assert resolve_period("February 3", D(2025, 2, 3)).start == D(2025, 2, 3)
    late_utc_minus = dt.datetime(2025, 2, 2, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # 3 Feb 04:00 UTC
    assert resolve_period("February 3", late_utc_minus).start == D(2025, 2, 3)


RATES = [
    ("historically about one such mission a month", "about one such mission a month", Quantity(1, "about", "month")),
    ("once a month", "once a month", Quantity(1, "exact", "month")),
    ("roughly twice a week", "roughly twice a week", Quantity(2, "about", "week")),
    ("approximately one … per month", "approximately one … per month", Quantity(1, "about", "month")),
    ("three flights per week", "three flights per week", Quantity(3, "exact", "week")),
    ("at least 4 times a year", "at least 4 times a year", Quantity(4, "at_least", "year")),
]


@pytest.mark.parametrize(("text", "matched", "quantity"), RATES, ids=[r[0] for r in RATES])
def test_rates(text, matched, quantity):
    found = [m for m in find_temporal(text) if m.label == "RATE"]
    assert [text[m.start:m.end] for m in found] == [matched]
    assert resolve_rate(matched) == quantity


def test_a_duration_is_not_a_rate():
    assert [m for m in find_temporal("at least 18 missions over a month") if m.label == "RATE"] == []


@pytest.mark.parametrize(("text", "day", "blanked"), [
    # round 19: the day a story was written, given beside a claim from it; the words that gave it are blanked
    ("A story from 14 February 2025 says P-8s flew last week", dt.date(2025, 2, 14), "from 14 February 2025"),
    ("In an article dated 5 February 2025: flights this week", dt.date(2025, 2, 5), "dated 5 February 2025"),
    ("Our 12 February 2025 story says a U-2 flew", dt.date(2025, 2, 12), "12 February 2025"),
    ("A Reuters story of 22 October 2025 says …", dt.date(2025, 10, 22), "of 22 October 2025"),
    ("A report published on February 10, 2025 says …", dt.date(2025, 2, 10), "published on February 10, 2025"),
    ("As of 10 February 2025, how many this year?", dt.date(2025, 2, 10), "As of 10 February 2025,"),
    ("As of 10 February 2025, how many P-8 flights?", None, ""),  # nothing relative: "as of" is an open period
    ("A story from 14 February says P-8s flew last week", None, ""),  # the year must be said
    ("how many P-8 flights on 14 February 2025?", None, ""),
    ("A story from 14 February 2027 says …", None, ""),  # after today
])
def test_a_storys_own_date(text, day, blanked):
    from claims.nlp.dates import story_day

    found = story_day(text, dt.date(2026, 11, 24))
    assert (found.day if found else None) == day
    assert (text[found.start:found.end].strip() if found else "") == blanked
