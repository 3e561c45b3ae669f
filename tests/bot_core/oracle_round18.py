"""Round 18 of the oracle (2026-12-06): when, how long and how often — time of day and week, durations, distinct
things, frequency and regularity, first / last / since, gaps and absence, mixed with types, operators, places,
periods and follow-ups ("and how long was it?").

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``) —
the one addition is each mission's ``end``, read here from ``Mission.values("id", "end")`` — or is a decline where
declining is the only honest answer. Today is 2026-11-24 and no mission starts in 2026; a bare "February" is February
2025, "October" October 2025, "3 February" 3 February 2025.

The choices of this round (earlier rounds' where they chose one):

- **How long a mission was** is the time between the first and the last position the receivers heard (the record's
  start and end): a track starts and ends where the aircraft was first and last heard, not at a take-off or a
  landing (round 15), so the answer must say it is that, a lower bound on the time airborne. Said as "H h MM min"
  ("6 h 42 min"; under an hour "39 min"), rounded to the nearest minute, halves up (README's rule for shares).
  "How long was the U-2 up / airborne / in the air on 3 February", "the duration of …", "how long did … fly" are that
  (graded ``duration``: exactly the scope's missions cited, each one's duration said; several missions: each).
  "The longest / shortest mission" is the one (or the tied ones) with the largest / smallest such duration in the
  scope, its duration said. Take-off and landing times, time spent near or over a place ("how long was the RAF
  over the Baltic"), time orbiting, "time on station" (in the area, not airborne) stay declined (rounds 10, 15).
  After the held-out batch the bot also declines a place right after the time words ("average flight duration near
  Kaliningrad", "average mission duration over the Black Sea": the time spent there, or the time of the missions
  that went there?); the two rows that say so keep their missions' expectation and are counted as declines.
- "Total flight hours" / "how many hours did … fly" is the sum of the scope's durations, "the average flight time /
  duration" the sum over the missions (graded ``hours``: the number of missions and the time said). "Missions longer
  than / over / lasting more than N hours" count those whose duration is over N hours ("at least": N or more);
  "shorter than / under N minutes" likewise.
- **Time of day**: a mission belongs to the time it starts (README: to the day it starts). Only hours stated in UTC
  ("UTC", "Z", "Zulu", "GMT") have a sure reading: "between 02:00 and 06:00 UTC" = starting at or after 02:00 and
  before 06:00 UTC, a window over midnight ("between 22:00 and 04:00 UTC") wraps, "after 20:00 UTC" = from 20:00 to
  midnight, "before 09:00 UTC" = from midnight. "At night", "overnight", "after dark", "in the morning / evening",
  "at dawn", "during the day", "daylight", "the small hours", hours with no zone ("between 2 and 6 am", "after 6
  pm"), "local time" and a place's time ("Texas time") are declined: whose night, whose morning (rounds 6–8, 10).
- **Days of the week**: "on weekends", "on weekdays", "on Sundays", "on a Monday" stay declined, as rounds 6, 7, 8,
  9, 10 and 16 decided (a UTC Sunday is not Sunday near Kaliningrad or Texas); a weekday beside its date ("Monday 3
  February 2025") is that date (round 12).
- **Distinct things**: "on how many days" = the number of distinct UTC days the scope's missions start on; "how many
  different callsigns / types" = the number of distinct callsigns / type designators among the scope's missions
  (graded ``distinct``: the count and "N day(s) / callsign(s) / type(s)" said); "how many different aircraft /
  airframes / tails", "how many individual P-8s" = the airframes (round 12, graded ``aircraft``).
- **Frequency**: "how often did … fly …" is the count (the base oracle's "how often were there …"); "how many a
  week / a day on average in <period>" is the average (README, round 10 h-bot10: count over the period's days / 7
  or days); "every day?", "daily?" over a stated period = yes when every UTC day of it has a mission of the scope
  (graded ``yesno``: the answer opens with "Yes" or "No"); with no period, and "most days" (more than half? how
  many?), "regularly", "usually" are declined.
- **First / last / since**: "when did … first fly", "the most recent …", "the latest …", "since when has …" (its
  first record) and "how long since the last …" / "how many days since the last …" (round 10's "how long ago":
  the record cited) are graded ``when``; "was <that flight> the first … since …" (a novelty claim about a flight) is
  declined; "first time since 2024 that an RC-135 flew near Sinaloa?" was graded a decline in the first batch and
  reviewed after its first run: read as it stands, "the first … since 2024", its first record from 1 January 2024.
- **Gaps and absence**: "how many days without flights in <period>" = the period's days minus the days with a
  mission of the scope (graded ``distinct``, "N days"); "was there any day with no P-8 in <period>" = yes when one
  of its days has none; "the longest gap between missions" (between starts? ends to starts? in days or hours?) and
  any gap with no period are declined.
- Earlier rounds' rows that were declines only because the bot had no such answer (rounds 6, 7, 8, 10, 12, 13 and 15,
  the ratios and the base oracle: "what was the longest mission?", "how many flights lasted more than 8 hours?", "how
  long was the P-8 up on 5 February 2025?", "How many different callsigns did the RAF use?": 26 rows, 25 questions,
  one in round 6 and the ratios both) are moved to
  ``r18-reviewed`` and graded by these choices; what they declined for other reasons (time over a place, in orbit or
  on station, take-off and landing, rankings by hours, "how many more hours") stays declined where it was.
- Follow-ups: "and how long was it?" after an answer citing one record is that record's duration; "what was the
  longest?" after a count is the longest of its scope; "on how many days?", "total hours?" keep the scope.

``r18-`` is the first batch, ``r18b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tests.bot_core.oracle import Expect, Oracle, Pred, Row, between, both, month, near, over
from tests.bot_core.oracle_round6 import _op, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, Add

P8, U2, RC, Q4, E3, P3 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF"), _t("P3")
C17, KC = _t("C17"), _t("K35R")
NAVY, USAF, RAF = _op("us-navy"), _op("us-air-force"), _op("raf")
BORDER = "us-mexico-border"
JAN25, FEB25, OCT25, Y24, Y25 = month(2025, 1), month(2025, 2), month(2025, 10), _y(2024), _y(2025)
STORY = (dt.date(2025, 1, 27), dt.date(2025, 2, 5))


def _d(m: int, d: int, y: int = 2025) -> dt.date:
    return dt.date(y, m, d)


def _on(day: dt.date) -> Pred:
    return between(day, day)


def _cs(callsign: str) -> Pred:
    return lambda r: r.callsign == callsign


def decline() -> Expect:
    return Expect("decline")


class Times:
    """Each mission's duration in seconds (its end − its start, both from the rows)."""

    def __init__(self, o: Oracle) -> None:
        from evidence.models import Mission

        ends = dict(Mission.objects.values_list("id", "end"))
        self.o = o
        self.secs = {r.id: (ends[r.id] - r.start).total_seconds() for r in o.rows}

    def each(self, pred: Pred) -> Expect:
        return Expect("duration", tuple((r.id, self.secs[r.id]) for r in self.o.sel(pred)))

    def extreme(self, pred: Pred, which: str) -> Expect:
        found = self.o.sel(pred)
        if not found:
            return Expect("duration", ())
        pick = max if which == "longest" else min
        best = pick(self.secs[r.id] for r in found)
        return Expect("duration", tuple((r.id, self.secs[r.id]) for r in found if self.secs[r.id] == best))

    def total(self, pred: Pred) -> Expect:
        found = self.o.sel(pred)
        return Expect("hours", (len(found), sum(self.secs[r.id] for r in found)))

    def mean(self, pred: Pred) -> Expect:
        found = self.o.sel(pred)
        return Expect("hours", (len(found), sum(self.secs[r.id] for r in found) / len(found)))

    def longer(self, pred: Pred, hours: float, *, at_least: bool = False) -> Pred:
        limit = hours * 3600
        return both(pred, lambda r: self.secs[r.id] >= limit if at_least else self.secs[r.id] > limit)

    def shorter(self, pred: Pred, minutes: float) -> Pred:
        return both(pred, lambda r: self.secs[r.id] < minutes * 60)


def utc(a: int, b: int | None = None, *, before: int | None = None) -> Pred:
    """Starting at or after a:00 and before b:00 UTC (wrapping over midnight when b <= a); ``before`` alone: from 0."""
    if before is not None:
        return lambda r: r.start.astimezone(dt.UTC).hour < before
    end = 24 if b is None else b

    def pred(r: Row) -> bool:
        h = r.start.astimezone(dt.UTC).hour
        return a <= h < end if a < end else (h >= a or h < end)

    return pred


def ndays(o: Oracle, pred: Pred) -> Expect:
    return Expect("distinct", (len({r.day for r in o.sel(pred)}), "day"))


def ndistinct(o: Oracle, pred: Pred, key: Callable[[Row], str], noun: str) -> Expect:
    return Expect("distinct", (len({key(r) for r in o.sel(pred) if key(r)}), noun))


def _days_of(span: tuple[dt.date, dt.date]) -> list[dt.date]:
    a, b = span
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


def days_without(o: Oracle, pred: Pred, span: tuple[dt.date, dt.date]) -> Expect:
    flown = {r.day for r in o.sel(both(pred, between(*span)))}
    return Expect("distinct", (sum(1 for d in _days_of(span) if d not in flown), "day"))


def every_day(o: Oracle, pred: Pred, span: tuple[dt.date, dt.date]) -> Expect:
    flown = {r.day for r in o.sel(both(pred, between(*span)))}
    return Expect("yesno", all(d in flown for d in _days_of(span)))


def any_day_without(o: Oracle, pred: Pred, span: tuple[dt.date, dt.date]) -> Expect:
    return Expect("yesno", not every_day(o, pred, span).value)


def average(o: Oracle, pred: Pred, span: tuple[dt.date, dt.date], unit_days: int) -> Expect:
    days = (span[1] - span[0]).days + 1
    return Expect("average", (len(o.sel(both(pred, between(*span)))), days / unit_days))


def round18(o: Oracle, add: Add) -> None:
    t = Times(o)
    _durations(o, t, add)
    _time_of_day(o, add)
    _distinct(o, add)
    _frequency(o, add)
    _first_last(o, add)
    _gaps(o, add)
    _conversations(o, t, add)
    _reviewed(o, t, add)


# --- durations -------------------------------------------------------------------------------------------------------


def _durations(o: Oracle, t: Times, add: Add) -> None:
    for text, expect in [
        ("how long was the U-2 up on 3 February?", t.each(both(U2, _on(_d(2, 3))))),
        ("how long was the U-2 airborne on 3 February 2025?", t.each(both(U2, _on(_d(2, 3))))),
        ("how long did the E-3 fly on 2 February 2025?", t.each(both(E3, _on(_d(2, 2))))),
        ("duration of the tanker flight on 3 February 2025", t.each(both(KC, _on(_d(2, 3))))),
        ("how long was the C-17 flight on 2 February 2025?", t.each(both(C17, _on(_d(2, 2))))),
        ("how long was the RC-135 in the air on 4 February 2025?", t.each(both(RC, _on(_d(2, 4))))),
        ("how long was the RAF RC-135 up on 7 October 2025?", t.each(both(RAF, RC, _on(_d(10, 7))))),
        ("how long did the Global Hawk fly on 29 January 2025?", t.each(both(Q4, _on(_d(1, 29))))),
        ("how long were the P-8 flights on 1 February 2025?", t.each(both(P8, _on(_d(2, 1))))),
        ("how long was FORTE11 airborne?", t.each(_cs("FORTE11"))),
        ("how long was the P-3 up on 31 January 2025?", t.each(both(P3, _on(_d(1, 31))))),
        ("flight time of the U-2 on 15 February 2024?", t.each(both(U2, _on(_d(2, 15, 2024))))),
        ("what was the longest mission?", t.extreme(lambda r: True, "longest")),
        ("longest mission in February 2025", t.extreme(between(*FEB25), "longest")),
        ("what was the longest flight in January 2025?", t.extreme(between(*JAN25), "longest")),
        ("which was the longest P-8 flight in 2025?", t.extreme(both(P8, between(*Y25)), "longest")),
        ("longest U-2 flight near Texas?", t.extreme(both(U2, near("texas")), "longest")),
        ("what was the longest RC-135 mission near Kaliningrad?", t.extreme(both(RC, near(KAL)), "longest")),
        ("the longest surveillance flight over California in 2024?", t.extreme(both(_surv, over("california"),
                                                                                    between(*Y24)), "longest")),
        ("what was the shortest mission?", t.extreme(lambda r: True, "shortest")),
        ("shortest P-8 flight of 2025?", t.extreme(both(P8, between(*Y25)), "shortest")),
        ("which was the shortest flight in October 2025?", t.extreme(between(*OCT25), "shortest")),
        ("shortest Navy mission in 2024", t.extreme(both(NAVY, between(*Y24)), "shortest")),
        ("what was the longest Air Force flight near the border?", t.extreme(both(USAF, near(BORDER)), "longest")),
        ("longest flight over the Black Sea in October 2025?", t.extreme(both(over("black-sea"), between(*OCT25)),
                                                                         "longest")),
    ]:
        add("r18-duration", (text, expect))
    for text, expect in [
        ("total flight hours in October 2025", t.total(between(*OCT25))),
        ("how many hours did P-8s fly in February 2025?", t.total(both(P8, between(*FEB25)))),
        ("total flight time of the RC-135s near Kaliningrad in October 2025?", t.total(both(RC, near(KAL),
                                                                                            between(*OCT25)))),
        ("how many flight hours did the Global Hawks log in October 2025?", t.total(both(Q4, between(*OCT25)))),
        ("total hours flown by the Navy in 2024", t.total(both(NAVY, between(*Y24)))),
        ("how many hours in the air did the RAF fly in 2025?", t.total(both(RAF, between(*Y25)))),
        ("total flight hours of surveillance flights near Texas in 2025", t.total(both(_surv, near("texas"),
                                                                                       between(*Y25)))),
        ("average flight time of P-8 missions in 2025?", t.mean(both(P8, between(*Y25)))),
        ("average duration of RC-135 flights?", t.mean(RC)),
        ("what was the average mission length in October 2025?", t.mean(between(*OCT25))),
        ("average flight duration near Kaliningrad", t.mean(near(KAL))),
        ("how long did U-2 missions last on average?", t.mean(U2)),
    ]:
        add("r18-hours", (text, expect))
    for text, pred in [
        ("how many missions longer than 8 hours?", t.longer(lambda r: True, 8)),
        ("how many flights longer than 4 hours in October 2025?", t.longer(between(*OCT25), 4)),
        ("how many flights over 4 hours in October 2025?", t.longer(between(*OCT25), 4)),
        ("how many flights lasted more than 2 hours in February 2025?", t.longer(between(*FEB25), 2)),
        ("how many missions lasting over 6 hours over the Black Sea?", t.longer(over("black-sea"), 6)),
        ("number of flights of at least 1 hour in 2024", t.longer(between(*Y24), 1, at_least=True)),
        ("how many P-8 flights shorter than 30 minutes in 2024?", t.shorter(both(P8, between(*Y24)), 30)),
        ("how many flights under an hour in February 2025?", t.shorter(between(*FEB25), 60)),
        ("how many surveillance flights longer than 3 hours in 2025?", t.longer(both(_surv, between(*Y25)), 3)),
        ("how many RC-135 missions over 4 hours?", t.longer(RC, 4)),
    ]:
        add("r18-longer", (text, o.count(pred)))
    for text in [
        "what was the average time on station of the P-8s in February 2025?",
        "how long was the RAF over the Baltic on 7 October 2025?",
        "how long did the RC-135 orbit near Sinaloa on 4 February 2025?",
        "how long was the U-2 near Texas on 3 February 2025?",
        "what time did the U-2 take off on 3 February 2025?",
        "when did the E-3 land on 2 February 2025?",
        "how many hours did the Global Hawks spend over the Black Sea in October 2025?",
        "how long was the flight?",
        "how long do P-8 missions usually last?",
        "what is the typical mission length of the RQ-4?",
    ]:
        add("r18-duration-decline", (text, decline()))


# --- time of day and week --------------------------------------------------------------------------------------------


def _time_of_day(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how many flights started between 02:00 and 06:00 UTC?", utc(2, 6)),
        ("how many missions began between 05:00 and 08:00 UTC in October 2025?", both(utc(5, 8), between(*OCT25))),
        ("flights starting after 20:00 UTC in 2025 - how many?", both(utc(20), between(*Y25))),
        ("how many P-8 flights started before 15:00 UTC in January 2025?", both(P8, utc(0, before=15),
                                                                                between(*JAN25))),
        ("how many flights between 22:00 and 04:00 UTC?", utc(22, 4)),
        ("how many flights between 0500Z and 0800Z in October 2025?", both(utc(5, 8), between(*OCT25))),
        ("how many flights between 14:00 and 15:00 UTC in 2024?", both(utc(14, 15), between(*Y24))),
        ("how many missions started after 18:00 UTC in February 2025?", both(utc(18), between(*FEB25))),
        ("how many surveillance flights began between 12:00 and 18:00 UTC in the week of 27 January 2025?",
         both(_surv, utc(12, 18), between(_d(1, 27), _d(2, 2)))),
        ("how many flights near Texas started after 18:00 UTC?", both(near("texas"), utc(18))),
    ]:
        add("r18-utc", (text, o.count(pred)))
    for text, pred in [
        ("how many sorties on Monday 3 February 2025?", _on(_d(2, 3))),
        ("how many flights on Sunday, February 2, 2025?", _on(_d(2, 2))),
        ("P-8 flights on Saturday 1 February 2025?", both(P8, _on(_d(2, 1)))),
        ("how many flights on Tuesday 28 October 2025?", _on(_d(10, 28))),
    ]:
        add("r18-weekday-date", (text, o.count(pred)))
    for text in [
        "how many flights at night in October 2025?",
        "how many overnight flights near Texas?",
        "how many flights after dark over the Black Sea?",
        "how many P-8 flights in the morning in February 2025?",
        "how many flights in the evening in January 2025?",
        "how many missions at dawn near Kaliningrad?",
        "how many flights during the day in 2025?",
        "how many flights between 2 and 6 am in February 2025?",
        "how many flights after 6 pm on 2 February 2025?",
        "how many flights between 02:00 and 06:00 local time?",
        "how many flights near Texas after 20:00 Texas time?",
        "how many flights at night UTC in 2025?",
        "how many flights in the small hours in October 2025?",
        "how many flights during daylight hours near Texas?",
        "how many flights on weekends in 2025?",
        "how many flights on weekdays in February 2025?",
        "how many P-8 flights on Sundays?",
        "how many flights on a Monday in 2025?",
        "how many RC-135 flights on Tuesdays in October 2025?",
        "how many weekend flights near Kaliningrad?",
        "what time of day do the Global Hawks usually fly?",
    ]:
        add("r18-time-decline", (text, decline()))


# --- distinct things -------------------------------------------------------------------------------------------------


def _distinct(o: Oracle, add: Add) -> None:
    for text, expect in [
        ("on how many days did P-8s fly in 2025?", ndays(o, both(P8, between(*Y25)))),
        ("on how many different days were there flights near Kaliningrad in October 2025?",
         ndays(o, both(near(KAL), between(*OCT25)))),
        ("how many days had flights in February 2025?", ndays(o, between(*FEB25))),
        ("on how many days did the Global Hawks fly over the Black Sea?", ndays(o, both(Q4, over("black-sea")))),
        ("how many distinct days with surveillance flights between 27 January and 5 February 2025?",
         ndays(o, both(_surv, between(*STORY)))),
        ("on how many days in 2024 were there flights?", ndays(o, between(*Y24))),
        ("how many different callsigns did the P-8s use in 2025?", ndistinct(o, both(P8, between(*Y25)),
                                                                             lambda r: r.callsign, "callsign")),
        ("how many callsigns did the RAF use?", ndistinct(o, RAF, lambda r: r.callsign, "callsign")),
        ("how many distinct callsigns flew near Kaliningrad in October 2025?",
         ndistinct(o, both(near(KAL), between(*OCT25)), lambda r: r.callsign, "callsign")),
        ("how many different aircraft types flew in February 2025?", ndistinct(o, between(*FEB25),
                                                                               lambda r: r.type, "type")),
        ("how many different types flew near Texas?", ndistinct(o, near("texas"), lambda r: r.type, "type")),
    ]:
        add("r18-distinct", (text, expect))
    for text, pred in [
        ("how many different aircraft flew in October 2025?", between(*OCT25)),
        ("how many different tails flew near Texas in February 2025?", both(near("texas"), between(*FEB25))),
        ("how many airframes did the Navy fly in 2025?", both(NAVY, between(*Y25))),
        ("how many individual P-8s flew in 2025?", both(P8, between(*Y25))),
        ("how many unique aircraft flew over California in 2024?", both(over("california"), between(*Y24))),
        ("how many different RC-135s flew near Kaliningrad?", both(RC, near(KAL))),
    ]:
        add("r18-distinct", (text, o.aircraft(pred)))


# --- frequency and regularity ----------------------------------------------------------------------------------------


def _frequency(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how often did the RC-135 fly near Kaliningrad in October 2025?", both(RC, near(KAL), between(*OCT25))),
        ("how often did P-8s fly near Texas in 2025?", both(P8, near("texas"), between(*Y25))),
        ("how often were Global Hawks over the Black Sea?", both(Q4, over("black-sea"))),
        ("how often did the U-2 fly in 2024?", both(U2, between(*Y24))),
        ("how often has the E-3 flown over Oklahoma?", both(E3, over("oklahoma"))),
    ]:
        add("r18-often", (text, o.count(pred)))
    for text, expect in [
        ("how many P-8 flights a week on average in February 2025?", average(o, P8, FEB25, 7)),
        ("on average how many flights per week in October 2025?", average(o, lambda r: True, OCT25, 7)),
        ("average number of surveillance flights per day in January 2025", average(o, _surv, JAN25, 1)),
        ("how many RAF flights per week on average in October 2025?", average(o, RAF, OCT25, 7)),
        ("average daily flights in February 2025?", average(o, lambda r: True, FEB25, 1)),
    ]:
        add("r18-often", (text, expect))
    for text, expect in [
        ("did P-8s fly every day between 27 January and 5 February 2025?", every_day(o, P8, STORY)),
        ("were there flights every day in October 2025?", every_day(o, lambda r: True, OCT25)),
        ("did the RAF fly daily in October 2025?", every_day(o, RAF, OCT25)),
        ("were there surveillance flights every day from 27 January to 5 February 2025?",
         every_day(o, _surv, STORY)),
        ("was there a flight every day in the first week of February 2025?",
         every_day(o, lambda r: True, (_d(2, 1), _d(2, 7)))),
        ("did the Navy fly every single day between 27 and 31 January 2025?",
         every_day(o, NAVY, (_d(1, 27), _d(1, 31)))),
    ]:
        add("r18-every", (text, expect))
    for text in [
        "do P-8s fly every day?",
        "did the RAF fly most days in October 2025?",
        "do the Global Hawks fly regularly over the Black Sea?",
        "how often do P-8s usually fly near Texas?",
        "are there flights near Kaliningrad daily?",
        "is it normal for the U-2 to fly that often?",
    ]:
        add("r18-often-decline", (text, decline()))


# --- first / last / since --------------------------------------------------------------------------------------------


def _first_last(o: Oracle, add: Add) -> None:
    for text, pred, which in [
        ("when did the RQ-4 first fly?", Q4, "first"),
        ("most recent P-8 flight?", P8, "last"),
        ("when was the U-2 last up?", U2, "last"),
        ("how long since the last U-2 flight?", U2, "last"),
        ("how many days since the last P-8 flight near Texas?", both(P8, near("texas")), "last"),
        ("since when has the RAF been flying near Kaliningrad?", both(RAF, near(KAL)), "first"),
        ("first RC-135 flight of 2025?", both(RC, between(*Y25)), "first"),
        ("the latest Global Hawk flight over the Black Sea?", both(Q4, over("black-sea")), "last"),
        ("when did the E-3 first fly over Oklahoma in 2025?", both(E3, over("oklahoma"), between(*Y25)), "first"),
        ("when was the last flight near Texas before March 2025?", both(near("texas"),
                                                                        between(dt.date(1990, 1, 1),
                                                                                _d(2, 28))), "last"),
        ("when did a P-3 last fly?", P3, "last"),
        ("when was the earliest tanker flight on record?", KC, "first"),
        ("how long ago did the RAF last fly over the Baltic?", both(RAF, over("baltic-sea")), "last"),
        ("since when have P-8s been flying near California?", both(P8, near("california")), "first"),
    ]:
        add("r18-first-last", (text, o.when(pred, which)))
    # reviewed after the first run: the bot answered the first RC-135 flight near Sinaloa from 1 January 2024 on,
    # saying that period — the question's words read as they stand ("the first … since 2024"), not a novelty claim
    add("r18-first-last", ("first time since 2024 that an RC-135 flew near Sinaloa?",
                           o.when(both(RC, near("sinaloa"), between(dt.date(2024, 1, 1), o.today)), "first")))
    for text in [
        "was the U-2 flight on 3 February 2025 the first near Texas since 2024?",
        "when will the next P-8 fly near Texas?",
    ]:
        add("r18-first-last-decline", (text, decline()))


# --- gaps and absence ------------------------------------------------------------------------------------------------


def _gaps(o: Oracle, add: Add) -> None:
    for text, expect in [
        ("how many days without flights in February 2025?", days_without(o, lambda r: True, FEB25)),
        ("how many days in October 2025 had no flights?", days_without(o, lambda r: True, OCT25)),
        ("how many days with no P-8 flights between 27 January and 5 February 2025?", days_without(o, P8, STORY)),
        ("how many days without RAF flights in October 2025?", days_without(o, RAF, OCT25)),
        ("was there any day with no P-8 between 27 January and 5 February 2025?", any_day_without(o, P8, STORY)),
        ("was there any day without flights in the first week of February 2025?",
         any_day_without(o, lambda r: True, (_d(2, 1), _d(2, 7)))),
        ("were there days with no surveillance flights between 27 January and 5 February 2025?",
         any_day_without(o, _surv, STORY)),
    ]:
        add("r18-gaps", (text, expect))
    for text in [
        "what was the longest gap between U-2 missions?",
        "how long was the gap between the last two P-8 flights?",
        "how many days without flights?",
        "what's the longest stretch without RC-135 flights?",
    ]:
        add("r18-gaps-decline", (text, decline()))


# --- conversations ---------------------------------------------------------------------------------------------------


def _conversations(o: Oracle, t: Times, add: Add) -> None:
    q4_first = o.sel(Q4)[0]
    add("r18-conv",
        ("when did the RQ-4 first fly?", o.when(Q4, "first")),
        ("and how long was it?", t.each(lambda r: r.id == q4_first.id)))
    p8f = both(P8, between(*FEB25))
    add("r18-conv",
        ("how many P-8 flights in February 2025?", o.count(p8f)),
        ("what was the longest?", t.extreme(p8f, "longest")),
        ("and the shortest?", t.extreme(p8f, "shortest")))
    rck = both(RC, near(KAL), between(*OCT25))
    add("r18-conv",
        ("how many RC-135 flights near Kaliningrad in October 2025?", o.count(rck)),
        ("total hours?", t.total(rck)),
        ("on how many days?", ndays(o, rck)))
    add("r18-conv",
        ("list the U-2 flights", o.listing(U2)),
        ("how long was each?", t.each(U2)))
    sv = both(_surv, between(*STORY))
    add("r18-conv",
        ("how many surveillance flights between 27 January and 5 February 2025?", o.count(sv)),
        ("on how many days?", ndays(o, sv)),
        ("were there days with none?", any_day_without(o, _surv, STORY)),
        ("and did a P-8 fly every day?", every_day(o, both(_surv, P8), STORY)))
    last_p8 = o.sel(P8)[-1]
    add("r18-conv",
        ("when was the most recent P-8 flight?", o.when(P8, "last")),
        ("how long was it?", t.each(lambda r: r.id == last_p8.id)))
    q4b = both(Q4, over("black-sea"), between(*OCT25))
    add("r18-conv",
        ("how many Global Hawk flights over the Black Sea in October 2025?", o.count(q4b)),
        ("how many of them were longer than 6 hours?", o.count(t.longer(q4b, 6))),
        ("average duration?", t.mean(q4b)))
    add("r18-conv",
        ("how many flights near Texas in February 2025?", o.count(both(near("texas"), between(*FEB25)))),
        ("and at night?", decline()),
        ("what was the longest one?", t.extreme(both(near("texas"), between(*FEB25)), "longest")))
    add("r18-conv",
        ("how many RAF flights in October 2025?", o.count(both(RAF, between(*OCT25)))),
        ("how many different callsigns?", ndistinct(o, both(RAF, between(*OCT25)), lambda r: r.callsign,
                                                    "callsign")),
        ("and how many different aircraft?", o.aircraft(both(RAF, between(*OCT25)))))
    add("r18-conv",
        ("how many missions in January 2025?", o.count(between(*JAN25))),
        ("how many started after 20:00 UTC?", o.count(both(between(*JAN25), utc(20)))),
        ("and the longest of the month?", t.extreme(between(*JAN25), "longest")))


def _reviewed(o: Oracle, t: Times, add: Add) -> None:
    """Rows earlier rounds graded as declines because the bot had no duration or callsign-count answer (rounds 6, 7,
    8, 10, 12, 13, 15, the ratios and the base oracle), moved here and graded by this round's choices now that it
    has one; each was taken out of its own round's list of declines."""
    last_u2_tx = o.sel(both(U2, near("texas")))[-1]
    for text, expect in [
        ("How many different callsigns did the RAF use?", ndistinct(o, RAF, lambda r: r.callsign, "callsign")),
        ("How long did the RAF sorties near Kaliningrad last?", t.each(both(RAF, near(KAL)))),
        ("how long did the last U-2 flight near Texas last?", t.each(lambda r: r.id == last_u2_tx.id)),
        ("how many flights near Texas lasted longer than 6 hours?", o.count(t.longer(near("texas"), 6))),
        ("what was the longest P-8 flight near Texas?", t.extreme(both(P8, near("texas")), "longest")),
        ("total flight hours of P-8s near Texas in 2025", t.total(both(P8, near("texas"), between(*Y25)))),
        ("how many missions over 10 hours long?", o.count(t.longer(lambda r: True, 10))),
        ("what was the longest mission?", t.extreme(lambda r: True, "longest")),
        ("How many hours did the P-8s fly in 2025?", t.total(both(P8, between(*Y25)))),
        ("How long was the RC-135 flight on 4 February?", t.each(both(RC, _on(_d(2, 4))))),
        ("what was the longest flight in October 2025?", t.extreme(between(*OCT25), "longest")),
        ("how many flights lasted more than 8 hours?", o.count(t.longer(lambda r: True, 8))),
        ("what was the longest mission in 2025?", t.extreme(between(*Y25), "longest")),
        ("what was the shortest U-2 flight?", t.extreme(U2, "shortest")),
        ("which was the longest RC-135 flight?", t.extreme(RC, "longest")),
        ("how many flights near Texas were over 5 hours long?", o.count(t.longer(near("texas"), 5))),
        ("how long was the P-8 up on 5 February 2025?", t.each(both(P8, _on(_d(2, 5))))),
        ("how long was the RC-135 airborne on 4 February 2025?", t.each(both(RC, _on(_d(2, 4))))),
        ("what was the longest mission in February 2025?", t.extreme(between(*FEB25), "longest")),
        ("which was the shortest P-8 flight of 2025?", t.extreme(both(P8, between(*Y25)), "shortest")),
        ("how long did the U-2 stay airborne on 3 February 2025?", t.each(both(U2, _on(_d(2, 3))))),
        ("what was the shortest RC-135 sortie in October 2025?", t.extreme(both(RC, between(*OCT25)), "shortest")),
        ("what was the average duration of P-8 missions?", t.mean(P8)),
        ("how many flights lasted more than 5 hours?", o.count(t.longer(lambda r: True, 5))),
        ("how many flights over the Black Sea lasting over 10 hours?", o.count(t.longer(over("black-sea"), 10))),
    ]:
        add("r18-reviewed", (text, expect))


def held_out(o: Oracle, add: Add) -> None:
    """Written after the first batch's fixes (see the module docstring), phrased differently; run once as written."""
    t = Times(o)
    last_rc, first_p825 = o.sel(RC)[-1], o.sel(both(P8, between(*Y25)))[0]
    for text, expect in [
        ("for how long was the RC-135 up on 4 Feb 2025?", t.each(both(RC, _on(_d(2, 4))))),
        ("how many minutes was the U-2 airborne on 3 February 2025?", t.each(both(U2, _on(_d(2, 3))))),
        ("what was the flight time of the C-17 on 2 February 2025?", t.each(both(C17, _on(_d(2, 2))))),
        ("how long did the tanker stay up on 3 February 2025?", t.each(both(KC, _on(_d(2, 3))))),
        ("How long was PACK41 in the air?", t.each(_cs("PACK41"))),
        ("how long were the Global Hawk missions over the Black Sea in October 2025?",
         t.each(both(Q4, over("black-sea"), between(*OCT25)))),
        ("duration of the U-2 sortie on 15 Feb 2024", t.each(both(U2, _on(_d(2, 15, 2024))))),
        ("how long was the last RC-135 flight?", t.each(lambda r: r.id == last_rc.id)),
        ("how long was the first P-8 mission of 2025?", t.each(lambda r: r.id == first_p825.id)),
        ("what's the longest flight on record?", t.extreme(lambda r: True, "longest")),
        ("longest sortie near Kaliningrad in October 2025", t.extreme(both(near(KAL), between(*OCT25)), "longest")),
        ("the shortest flight near Arizona?", t.extreme(near("arizona"), "shortest")),
        ("what was the shortest Global Hawk mission?", t.extreme(Q4, "shortest")),
        ("which was the longest flight over Texas in 2025?", t.extreme(both(over("texas"), between(*Y25)),
                                                                       "longest")),
        ("longest E-3 mission of 2025?", t.extreme(both(E3, between(*Y25)), "longest")),
        ("how many hours did the E-3s fly in 2025?", t.total(both(E3, between(*Y25)))),
        ("total airborne time of the RAF in October 2025", t.total(both(RAF, between(*OCT25)))),
        ("how many flight hours did the Navy log in January 2025?", t.total(both(NAVY, between(*JAN25)))),
        ("average mission duration over the Black Sea in October 2025", t.mean(both(over("black-sea"),
                                                                                   between(*OCT25)))),
        ("what is the mean flight time of the U-2?", t.mean(U2)),
        ("on average, how long were the P-8 flights in February 2025?", t.mean(both(P8, between(*FEB25)))),
        ("average length of Navy sorties in 2024", t.mean(both(NAVY, between(*Y24)))),
    ]:
        add("r18b-duration", (text, expect))
    for text, pred in [
        ("how many flights above 6 hours in 2025?", t.longer(between(*Y25), 6)),
        ("how many sorties ran longer than 3 hours near Kaliningrad?", t.longer(near(KAL), 3)),
        ("how many U-2 missions were shorter than an hour?", t.shorter(U2, 60)),
        ("how many flights exceeding 4 hours in October 2025?", t.longer(between(*OCT25), 4)),
        ("how many Global Hawk flights lasted over 6 hours?", t.longer(Q4, 6)),
        ("number of missions under 30 minutes in 2024", t.shorter(between(*Y24), 30)),
        ("how many flights of at least 2 hours in February 2025?", t.longer(between(*FEB25), 2, at_least=True)),
        ("how many P-8 sorties longer than 45 minutes in January 2025?", t.longer(both(P8, between(*JAN25)), 0.75)),
        ("how many flights longer than 90 min?", t.longer(lambda r: True, 1.5)),
        ("how many missions started before 10:00Z in February 2025?", both(utc(0, before=10), between(*FEB25))),
        ("how many flights between 16:00 and 20:00 UTC in February 2025?", both(utc(16, 20), between(*FEB25))),
        ("flights from 0400Z to 0600Z in October 2025?", both(utc(4, 6), between(*OCT25))),
        ("how many RAF sorties started after 06:00 UTC in October 2025?", both(RAF, utc(6), between(*OCT25))),
        ("how many flights started between 21:00 and 01:00 UTC?", utc(21, 1)),
        ("how many flights between 14:00 and 15:00 Zulu in 2024?", both(utc(14, 15), between(*Y24))),
        ("how many flights after 17:00 GMT in January 2025?", both(utc(17), between(*JAN25))),
        ("how many flights on Friday 3 October 2025?", _on(_d(10, 3))),
        ("how often did E-3s fly in 2025?", both(E3, between(*Y25))),
        ("how frequently were P-8s near California in 2024?", both(P8, near("california"), between(*Y24))),
    ]:
        add("r18b-count", (text, o.count(pred)))
    for text, expect in [
        ("on how many separate days did the RAF fly in October 2025?", ndays(o, both(RAF, between(*OCT25)))),
        ("how many days saw P-8 flights in January 2025?", ndays(o, both(P8, between(*JAN25)))),
        ("how many unique types flew in 2024?", ndistinct(o, between(*Y24), lambda r: r.type, "type")),
        ("how many types of aircraft flew over California in 2025?",
         ndistinct(o, both(over("california"), between(*Y25)), lambda r: r.type, "type")),
        ("how many callsigns did the Global Hawks use?", ndistinct(o, Q4, lambda r: r.callsign, "callsign")),
        ("how many different airframes flew over the Baltic in October 2025?",
         o.aircraft(both(over("baltic-sea"), between(*OCT25)))),
        ("how many different Global Hawks flew in 2025?", o.aircraft(both(Q4, between(*Y25)))),
        ("how many RC-135 flights per week on average in October 2025?", average(o, RC, OCT25, 7)),
        ("average number of flights per day in the first week of February 2025",
         average(o, lambda r: True, (_d(2, 1), _d(2, 7)), 1)),
        ("was there a P-8 flight every day of the first week of February 2025?",
         every_day(o, P8, (_d(2, 1), _d(2, 7)))),
        ("did surveillance aircraft fly every day in October 2025?", every_day(o, _surv, OCT25)),
        ("did the Global Hawks fly daily in October 2025?", every_day(o, Q4, OCT25)),
        ("were there flights each day between 1 and 5 February 2025?", every_day(o, lambda r: True,
                                                                                 (_d(2, 1), _d(2, 5)))),
        ("when did the RAF first fly near Kaliningrad?", o.when(both(RAF, near(KAL)), "first")),
        ("latest U-2 sortie?", o.when(U2, "last")),
        ("when was the most recent flight over the Black Sea?", o.when(over("black-sea"), "last")),
        ("since when have Global Hawks flown over the Black Sea?", o.when(both(Q4, over("black-sea")), "first")),
        ("how long ago was the first P-8 flight?", o.when(P8, "first")),
        ("how many days since the last RAF flight?", o.when(RAF, "last")),
        ("how long has it been since the last E-3 flight?", o.when(E3, "last")),
        ("what was the first flight of October 2025?", o.when(between(*OCT25), "first")),
        ("first Navy flight in February 2025?", o.when(both(NAVY, between(*FEB25)), "first")),
        ("how many days without any flights in January 2025?", days_without(o, lambda r: True, JAN25)),
        ("how many days in the first week of February 2025 had no P-8 flights?",
         days_without(o, P8, (_d(2, 1), _d(2, 7)))),
        ("were there any days with no flights in October 2025?", any_day_without(o, lambda r: True, OCT25)),
        ("was there a day without RAF flights between 7 and 14 October 2025?",
         any_day_without(o, RAF, (_d(10, 7), _d(10, 14)))),
    ]:
        add("r18b-other", (text, expect))
    for text in [
        "how many flights kicked off after 15:00 UTC on 2 February 2025?",
        "how many flights between 9 and 11 in the morning?",
        "how many flights in the early hours of 30 January 2025?",
        "how many flights late at night near Texas?",
        "flights at 14:04 UTC?",
        "how many flights on Fridays in October 2025?",
        "weekend sorties over the Baltic?",
        "how many flights on a Sunday near Texas?",
        "how regularly did the RAF fly near Kaliningrad?",
        "do RC-135s fly near Kaliningrad every week?",
        "how long was the longest gap between RC-135 flights?",
        "how many days went by without a U-2 flight?",
        "how long did the RAF orbit over the Baltic?",
        "what was the P-8's endurance?",
        "how long was the U-2 on station?",
        "when did the tanker touch down on 3 February 2025?",
        "how long do Global Hawk missions normally last?",
        "what's the average time between P-8 flights?",
        "how many flights took place overnight?",
        "what hour do P-8s usually launch?",
    ]:
        add("r18b-decline", (text, decline()))
    last_q4 = o.sel(Q4)[-1]
    add("r18b-conv",
        ("when was the last Global Hawk flight?", o.when(Q4, "last")),
        ("how long was that one?", t.each(lambda r: r.id == last_q4.id)))
    e25 = both(E3, between(*Y25))
    add("r18b-conv",
        ("how many E-3 flights in 2025?", o.count(e25)),
        ("and the longest?", t.extreme(e25, "longest")),
        ("total time?", t.total(e25)))
    rk = both(RAF, near(KAL), between(*OCT25))
    add("r18b-conv",
        ("how many RAF flights near Kaliningrad in October 2025?", o.count(rk)),
        ("how many different callsigns did they use?", ndistinct(o, rk, lambda r: r.callsign, "callsign")))
    add("r18b-conv",
        ("list the RC-135 flights in October 2025", o.listing(both(RC, between(*OCT25)))),
        ("how long was each one?", t.each(both(RC, between(*OCT25)))))
    feb_late = both(between(*FEB25), utc(18))
    add("r18b-conv",
        ("how many flights in February 2025?", o.count(between(*FEB25))),
        ("how many of those began after 18:00 UTC?", o.count(feb_late)),
        ("and the average duration of those?", t.mean(feb_late)))
    p8s = both(P8, between(*STORY))
    add("r18b-conv",
        ("how many P-8 flights between 27 January and 5 February 2025?", o.count(p8s)),
        ("did they fly every day?", every_day(o, P8, STORY)),
        ("on how many days?", ndays(o, p8s)))
