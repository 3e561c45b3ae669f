"""Round 9 of the oracle (2026-12-05): an editor who talks to the bot as to a colleague — conversations of three to
six turns that narrow, widen, correct and restart ("which ones?", "of those, how many were P-8s?", "what about
Arizona?", "and over, not near?", "drop the place", "same for 2024", a declined turn in the middle, a new question
that must reset the scope), comparisons and rankings said many ways ("versus", "than", "up or down", "how many more",
"difference between", "rank", "broken down by", "split by", "each month", "top 3"), open periods and calendar phrasing
("from X on", "through", "by the end of", "the first half of February", "mid-March", weeks, weekdays, numeric dates),
records by identity (hex, registration, callsign), places, bases and services outside the US story, and traps:
~60 questions with a word no filter holds (must be declined) and ~20 with unusual wording that must be answered.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``), or
is a decline where declining is the only honest answer. Today is 2026-11-24 (a Tuesday) and no mission starts in
2026. Percentages, averages and "how many aircraft" are left to another round (issue 9, wt-bot10).

``r9-`` is the first batch, ``r9b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt

from tests.bot_core import oracle as base
from tests.bot_core.oracle import Expect, Oracle, Pred, between, both, either, month, near, over
from tests.bot_core.oracle_round6 import _day, _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, Add, _not

#: Everything up to the day before a date (an open period "before …").
START = dt.date(1990, 1, 1)

P8, U2, RC, Q4, E3, P3 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF"), _t("P3")
NAVY, USAF, RAF = _op("us-navy"), _op("us-air-force"), _op("raf")


def _hex(h: str) -> Pred:
    return lambda r: r.hex == h


def _reg(reg: str) -> Pred:
    return lambda r: r.reg == reg


def _cs(cs: str) -> Pred:
    return lambda r: r.callsign == cs


def _span(a: dt.date, b: dt.date) -> Pred:
    return between(a, b)


def round9(o: Oracle, add: Add) -> None:
    _conversations(o, add)
    _more_conversations(o, add)
    _comparisons(o, add)
    _rankings(o, add)
    _periods(o, add)
    _identity(o, add)
    _world(o, add)
    _traps(add)
    _answerable(o, add)


def _conversations(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    feb, mar = o.bare_month(2), o.bare_month(3)
    s = "r9-conv"
    add(s,
        ("how many surveillance flights near Arizona in February 2025?",
         o.count(both(_surv, near("arizona"), between(*feb25)))),
        ("which ones?", o.listing(both(_surv, near("arizona"), between(*feb25)))),
        ("of those, how many were P-8s?", o.count(both(_surv, P8, near("arizona"), between(*feb25)))),
        ("list them", o.listing(both(_surv, P8, near("arizona"), between(*feb25)))),
        ("the last one?", o.when(both(_surv, P8, near("arizona"), between(*feb25)), "last")))
    add(s,
        ("How many P-8 missions near Texas in 2025?", o.count(both(P8, near("texas"), between(*y25)))),
        ("what about Arizona?", o.count(both(P8, near("arizona"), between(*y25)))),
        ("and California?", o.count(both(P8, near("california"), between(*y25)))),
        ("same for 2024", o.count(both(P8, near("california"), between(*y24)))))
    add(s,
        ("how many flights over New Mexico in 2025?", o.count(both(over("new-mexico"), between(*y25)))),
        ("and near it?", o.count(both(near("new-mexico"), between(*y25)))),
        ("which aircraft?", o.aircraft(both(near("new-mexico"), between(*y25)))))
    add(s,
        ("how many flights near Texas in February 2025?", o.count(both(near("texas"), between(*feb25)))),
        ("and over, not near?", o.count(both(over("texas"), between(*feb25)))),
        ("now only the Navy ones", o.count(both(NAVY, over("texas"), between(*feb25)))),
        ("list them", o.listing(both(NAVY, over("texas"), between(*feb25)))))
    add(s,
        ("how many Navy flights in January 2025?", o.count(both(NAVY, between(*jan25)))),
        ("what about Narnia?", Expect("decline")),
        ("and in February?", o.count(both(NAVY, between(*feb)))),
        ("how many of those were P-3s?", o.count(both(NAVY, P3, between(*feb)))))
    add(s,
        ("how many U-2 flights in 2024?", o.count(both(U2, between(*y24)))),
        ("and in 2025?", o.count(both(U2, between(*y25)))),
        ("when was the last one?", o.when(both(U2, between(*y25)), "last")),
        ("how many RAF flights in October 2025?", o.count(both(RAF, between(*oct25)))))
    add(s,
        ("how many P-8 flights over California in January 2025?",
         o.count(both(P8, over("california"), between(*jan25)))),
        ("and in March?", Expect("count", len(o.sel(both(P8, over("california"), between(*mar)))),
                                 says=(str(mar[0].year),))),
        ("what about the U-2?", o.count(both(U2, over("california"), between(*mar)))))
    add(s,
        ("how many RC-135 flights near Kaliningrad in October 2025?", o.count(both(RC, near(KAL), between(*oct25)))),
        ("who flew them?", o.breakdown(both(RC, near(KAL), between(*oct25)), base.by_op)),
        ("how many were RAF?", o.count(both(RC, RAF, near(KAL), between(*oct25)))),
        ("the first one?", o.when(both(RC, RAF, near(KAL), between(*oct25)), "first")))
    add(s,
        ("how many surveillance flights in 2025?", o.count(both(_surv, between(*y25)))),
        ("per month", o.breakdown(both(_surv, between(*y25)), base.by_month)),
        ("which month was the busiest?", o.breakdown(both(_surv, between(*y25)), base.by_month, rank=True)),
        ("and by type?", o.breakdown(both(_surv, between(*y25)), base.by_type)))
    add(s,
        ("how many flights over the Black Sea in October 2025?", o.count(both(over("black-sea"), between(*oct25)))),
        ("why so many?", Expect("decline")),
        ("which aircraft flew them?", o.aircraft(both(over("black-sea"), between(*oct25)))),
        # reviewed: a follow-up keeps the question asked before it ("how about 2024?" after "which aircraft?" is the
        # aircraft of 2024 in the older oracle), so this asks which aircraft too; it expected a count at first
        ("and over the Aegean?", o.aircraft(both(over("aegean-sea"), between(*oct25)))))
    add(s,
        ("how many P-8 flights near California in 2024?", o.count(both(P8, near("california"), between(*y24)))),
        ("sorry, I meant 2025", o.count(both(P8, near("california"), between(*y25)))),
        ("list them", o.listing(both(P8, near("california"), between(*y25)))))
    add(s,
        ("how many E-3 flights over Texas?", o.count(both(E3, over("texas")))),
        ("in 2025?", o.count(both(E3, over("texas"), between(*y25)))),
        ("and near Oklahoma?", o.count(both(E3, near("oklahoma"), between(*y25)))))
    add(s,
        ("how many Global Hawk flights in 2025?", o.count(both(Q4, between(*y25)))),
        ("how many of them were over the Black Sea?", o.count(both(Q4, over("black-sea"), between(*y25)))),
        ("and how many near Crimea?", o.count(both(Q4, over("black-sea"), near("crimea"), between(*y25)))))
    add(s,
        ("how many U-2 flights near Texas in February 2025?", o.count(both(U2, near("texas"), between(*feb25)))),
        ("over Texas?", o.count(both(U2, over("texas"), between(*feb25)))),
        ("what about New Mexico?", o.count(both(U2, over("new-mexico"), between(*feb25)))))
    add(s,
        ("list the P-8 flights near Texas", o.listing(both(P8, near("texas")))),
        ("how many were in 2025?", o.count(both(P8, near("texas"), between(*y25)))),
        ("and in 2024?", o.count(both(P8, near("texas"), between(*y24)))))
    add(s,
        ("how many flights near Kaliningrad?", o.count(near(KAL))),
        ("how many of those were by the USAF?", o.count(both(USAF, near(KAL)))),
        ("and by the RAF?", o.count(both(RAF, near(KAL)))))


def _more_conversations(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    s = "r9-conv"
    add(s,
        ("how many missions over Arizona in 2024?", o.count(both(over("arizona"), between(*y24)))),
        ("which types?", o.breakdown(both(over("arizona"), between(*y24)), base.by_type)),
        ("and in 2025?", o.breakdown(both(over("arizona"), between(*y25)), base.by_type)))
    add(s,
        ("how many P-8 flights in February 2025?", o.count(both(P8, between(*feb25)))),
        ("per day", o.breakdown(both(P8, between(*feb25)), base.by_day)),
        ("what was the busiest day?", o.breakdown(both(P8, between(*feb25)), base.by_day, rank=True)))
    add(s,
        ("how many flights over the Baltic Sea?", o.count(over("baltic-sea"))),
        ("list them", o.listing(over("baltic-sea"))),
        ("how many were RAF?", o.count(both(RAF, over("baltic-sea")))))
    add(s,
        ("how many surveillance flights near the Baja peninsula in January 2025?",
         o.count(both(_surv, near("baja-peninsula"), between(*jan25)))),
        ("within 5 nm?", o.count(both(_surv, near("baja-peninsula", 5), between(*jan25)))),
        ("which ones?", o.listing(both(_surv, near("baja-peninsula", 5), between(*jan25)))))
    add(s,
        ("how many P-8 flights near Texas in 2024?", o.count(both(P8, near("texas"), between(*y24)))),
        ("how many U-2 flights near Arizona in 2025?", o.count(both(U2, near("arizona"), between(*y25)))),
        ("list them", o.listing(both(U2, near("arizona"), between(*y25)))))
    add(s,
        ("how many RC-135 flights in 2025?", o.count(both(RC, between(*y25)))),
        ("what about the first half of 2025?", None),
        ("and in October?", o.count(both(RC, between(*o.bare_month(10))))))
    add(s,
        ("how many flights over the North Sea in October 2025?", o.count(both(over("north-sea"),
                                                                             between(*oct25)))),
        ("how many of them were USAF?", o.count(both(USAF, over("north-sea"), between(*oct25)))),
        ("when was it?", o.when(both(USAF, over("north-sea"), between(*oct25)), "last")))
    add(s,
        ("how many flights near California in January 2025?", o.count(both(near("california"), between(*jan25)))),
        ("excluding the P-8s?", o.count(both(_not(P8), near("california"), between(*jan25)))),
        ("list them", o.listing(both(_not(P8), near("california"), between(*jan25)))))
    add(s,
        ("how many tanker flights in February 2025?", o.count(both(_role("tanker"), between(*feb25)))),
        ("where?", None),
        ("and transport flights?", o.count(both(_role("transport"), between(*feb25)))))
    add(s,
        ("how many surveillance flights over California in 2024?",
         o.count(both(_surv, over("california"), between(*y24)))),
        ("compared with 2025?", o.compare(both(_surv, over("california"), between(*y24)),
                                          both(_surv, over("california"), between(*y25)))))
    add(s,
        ("how many flights over Greece in October 2025?", o.count(both(over("greece"), between(*oct25)))),
        ("what about Turkey?", o.count(both(over("turkey"), between(*oct25)))),
        ("and Ukraine?", o.count(both(over("ukraine"), between(*oct25)))))
    add(s,
        ("how many Air Force flights near Texas in 2025?", o.count(both(USAF, near("texas"), between(*y25)))),
        ("which types?", o.breakdown(both(USAF, near("texas"), between(*y25)), base.by_type)),
        ("no, I meant the Navy", o.count(both(NAVY, near("texas"), between(*y25)))))


def _comparisons(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    q1_25, q4_25 = (dt.date(2025, 1, 1), dt.date(2025, 3, 31)), (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    for text, a, b in [
        ("P-8 flights near Texas: 2024 versus 2025", both(P8, near("texas"), between(*y24)),
         both(P8, near("texas"), between(*y25))),
        ("U-2 vs RC-135 flights in 2024", both(U2, between(*y24)), both(RC, between(*y24))),
        ("were there more Navy flights than Air Force flights in January 2025?", both(NAVY, between(*jan25)),
         both(USAF, between(*jan25))),
        ("did flights near California go up or down from 2024 to 2025?", both(near("california"), between(*y24)),
         both(near("california"), between(*y25))),
        ("how many more P-8 flights than Global Hawk flights in 2025?", both(P8, between(*y25)),
         both(Q4, between(*y25))),
        ("difference between January 2025 and October 2025 in surveillance flights",
         both(_surv, between(*jan25)), both(_surv, between(*oct25))),
        ("compare flights over the Black Sea and over the Baltic Sea", over("black-sea"), over("baltic-sea")),
        ("Arizona versus Texas: how many flights near each in 2024?", both(near("arizona"), between(*y24)),
         both(near("texas"), between(*y24))),
        ("which had more flights, the Baltic Sea or the North Sea?", over("baltic-sea"), over("north-sea")),
        ("were RAF flights up or down between 2024 and 2025?", both(RAF, between(*y24)), both(RAF, between(*y25))),
        ("P-8s in Q1 2025 vs Q4 2025", both(P8, between(*q1_25)), both(P8, between(*q4_25))),
        ("is the number of RC-135 flights higher in 2025 than in 2024?", both(RC, between(*y25)),
         both(RC, between(*y24))),
        ("compare U-2 and E-3 missions", U2, E3),
        ("how do Global Hawk flights in 2024 compare with 2025?", both(Q4, between(*y24)), both(Q4, between(*y25))),
        ("more flights over California or over Arizona in January 2025?",
         both(over("california"), between(*jan25)), both(over("arizona"), between(*jan25))),
        ("how many fewer U-2 flights than P-8 flights in 2025?", both(U2, between(*y25)), both(P8, between(*y25))),
        ("did the Navy or the Air Force fly more near Texas in 2025?", both(NAVY, near("texas"), between(*y25)),
         both(USAF, near("texas"), between(*y25))),
        ("surveillance flights in February 2025 as against January 2025", both(_surv, between(*feb25)),
         both(_surv, between(*jan25))),
        ("2025 vs 2024 for flights near Kaliningrad", both(near(KAL), between(*y25)),
         both(near(KAL), between(*y24))),
        ("how many RQ-4 compared to RC-135 flights in October 2025?", both(Q4, between(*oct25)),
         both(RC, between(*oct25))),
        ("was October 2025 busier than February 2025?", between(*oct25), between(*feb25)),
        ("P-8 flights, January 2025 against February 2025", both(P8, between(*jan25)), both(P8, between(*feb25))),
        ("increase or decrease in U-2 flights from 2024 to 2025?", both(U2, between(*y24)),
         both(U2, between(*y25))),
        ("how did flights near Texas change between 2024 and 2025?", both(near("texas"), between(*y24)),
         both(near("texas"), between(*y25))),
        ("more P-3 or P-8 flights over California?", both(P3, over("california")), both(P8, over("california"))),
        ("who flew more over the Baltic, the RAF or the USAF?", both(RAF, over("baltic-sea")),
         both(USAF, over("baltic-sea"))),
    ]:
        add("r9-compare", (text, o.compare(a, b)))


def _rankings(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    story = (dt.date(2025, 1, 27), dt.date(2025, 2, 5))
    for text, pred, key in [
        ("rank the aircraft types by number of flights in 2025", between(*y25), base.by_type),
        ("top 3 types near California", near("california"), base.by_type),
        ("which operator flew the most near Texas?", near("texas"), base.by_op),
        ("busiest week of 2025", between(*y25), base.by_week),
        ("which day in January 2025 saw the most P-8 flights?", both(P8, between(*jan25)), base.by_day),
        ("what month had the most flights near Arizona?", near("arizona"), base.by_month),
        ("the most frequent aircraft type over the Black Sea", over("black-sea"), base.by_type),
        ("which service flew most often in October 2025?", between(*oct25), base.by_op),
        ("top two months for U-2 flights", U2, base.by_month),
        ("the busiest day between 27 January and 5 February 2025", between(*story), base.by_day),
        ("what type was flown most in 2024?", between(*y24), base.by_type),
        ("which month of 2025 was busiest for Navy flights?", both(NAVY, between(*y25)), base.by_month),
        ("which operator had the most surveillance flights near Kaliningrad?", both(_surv, near(KAL)),
         base.by_op),
        ("the top 3 days for flights in October 2025", between(*oct25), base.by_day),
    ]:
        add("r9-rank", (text, o.breakdown(pred, key, rank=True)))
    for text, pred, key in [
        ("flights near Texas broken down by type", near("texas"), base.by_type),
        ("split the 2025 surveillance flights by operator", both(_surv, between(*y25)), base.by_op),
        ("how many flights each month in 2024?", between(*y24), base.by_month),
        ("P-8 flights per month in 2024", both(P8, between(*y24)), base.by_month),
        ("flights over California per type in 2024", both(over("california"), between(*y24)), base.by_type),
        ("daily breakdown of flights in the first week of February 2025",
         between(dt.date(2025, 2, 1), dt.date(2025, 2, 7)), base.by_day),
        ("surveillance flights by week in October 2025", both(_surv, between(*oct25)), base.by_week),
        ("how many flights per operator in 2024?", between(*y24), base.by_op),
        ("Global Hawk flights by month", Q4, base.by_month),
        ("flights per year near California", near("california"), lambda r: str(r.day.year)),
        ("break the January 2025 flights down by day", between(*jan25), base.by_day),
        ("what kinds of aircraft flew near the Baja peninsula in February 2025?",
         both(near("baja-peninsula"), between(*feb25)), base.by_type),
        ("who flew near Crimea?", near("crimea"), base.by_op),
        ("give me a per-type count of the flights over Arizona", over("arizona"), base.by_type),
        ("monthly count of RC-135 flights", RC, base.by_month),
    ]:
        add("r9-breakdown", (text, o.breakdown(pred, key)))
    # reviewed (round 13): "the least / fewest / quietest" is answered now — among the groups that flew, or every
    # unit of the period, empty ones named (oracle_round13's semantics); these were declines when only "the most"
    # was ranked
    from tests.bot_core.oracle_round13 import least, period_units

    for text, pred, key, units in [
        ("which operator flew the least in 2025?", between(*y25), base.by_op, None),
        ("the least common aircraft type near Texas", near("texas"), base.by_type, None),
        ("which day had the fewest flights in February 2025?", between(*feb25), base.by_day,
         period_units(feb25, "day")),
        ("quietest month of 2025", between(*y25), base.by_month, period_units(y25, "month")),
    ]:
        add("r9-rank", (text, least(o, pred, key, units)))


def _periods(o: Oracle, add: Add) -> None:
    t = o.today
    for text, pred in [
        ("how many P-8 flights before March 2025?", both(P8, _span(START, dt.date(2025, 2, 28)))),
        ("how many flights after 1 February 2025?", _span(dt.date(2025, 2, 2), t)),
        ("how many U-2 flights since 2025?", both(U2, _span(dt.date(2025, 1, 1), t))),
        ("how many flights from October 2025 on?", _span(dt.date(2025, 10, 1), t)),
        ("how many flights from 1 February 2025 onwards?", _span(dt.date(2025, 2, 1), t)),
        ("how many flights between January and October 2025?", _span(dt.date(2025, 1, 1), dt.date(2025, 10, 31))),
        ("how many flights from January 2025 through February 2025?", _span(dt.date(2025, 1, 1),
                                                                            dt.date(2025, 2, 28))),
        ("how many flights by the end of 2024?", _span(START, dt.date(2024, 12, 31))),
        ("how many flights up to and including January 2025?", _span(START, dt.date(2025, 1, 31))),
        ("how many flights in the first half of February 2025?", _span(dt.date(2025, 2, 1), dt.date(2025, 2, 15))),
        ("how many flights in the second half of January 2025?", _span(dt.date(2025, 1, 16),
                                                                       dt.date(2025, 1, 31))),
        ("how many flights in mid-March 2024?", _span(dt.date(2024, 3, 11), dt.date(2024, 3, 20))),
        ("how many flights in mid October 2025?", _span(dt.date(2025, 10, 11), dt.date(2025, 10, 20))),
        ("how many RC-135 flights in early October 2025?", both(RC, _span(dt.date(2025, 10, 1),
                                                                          dt.date(2025, 10, 10)))),
        ("how many flights in Q3 2024?", _span(dt.date(2024, 7, 1), dt.date(2024, 9, 30))),
        ("how many flights in Q2 2025?", _span(dt.date(2025, 4, 1), dt.date(2025, 6, 30))),
        ("how many flights in the 1st quarter of 2025?", _span(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("how many flights during Q4 of 2025?", _span(dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
        ("how many flights in the last quarter of 2024?", _span(dt.date(2024, 10, 1), dt.date(2024, 12, 31))),
        ("how many flights in the week of 13 October 2025?", _span(dt.date(2025, 10, 13), dt.date(2025, 10, 19))),
        ("how many flights in the week starting 27 January 2025?", _span(dt.date(2025, 1, 27),
                                                                         dt.date(2025, 2, 2))),
        ("how many flights in the third week of October 2025?", _span(dt.date(2025, 10, 15),
                                                                      dt.date(2025, 10, 21))),
        ("how many flights on Monday 3 February 2025?", _day(2025, 2, 3)),
        ("how many flights on Tuesday, 4 February 2025?", _day(2025, 2, 4)),
        ("how many flights yesterday?", _day(2026, 11, 23)),
        ("how many flights in the last 10 days?", _span(t - dt.timedelta(days=9), t)),
        ("how many flights over the past 14 days?", _span(t - dt.timedelta(days=13), t)),
        ("how many flights on 2025-02-03?", _day(2025, 2, 3)),
        ("how many flights on 03.02.2025?", _day(2025, 2, 3)),
        ("how many flights from 27/01/2025 to 31/01/2025?", _span(dt.date(2025, 1, 27), dt.date(2025, 1, 31))),
        ("how many flights on 2/13/2025?", _day(2025, 2, 13)),
        ("how many P-8 flights between 1 and 15 February 2025?", both(P8, _span(dt.date(2025, 2, 1),
                                                                                dt.date(2025, 2, 15)))),
        ("how many flights from Jan 30 to Feb 2 2025?", _span(dt.date(2025, 1, 30), dt.date(2025, 2, 2))),
        ("how many flights since 15 October 2025?", _span(dt.date(2025, 10, 15), t)),
        ("how many flights before 28 January 2025?", _span(START, dt.date(2025, 1, 27))),
        ("how many flights until 2 February 2025?", _span(START, dt.date(2025, 2, 2))),
        ("how many flights through the end of January 2025?", _span(START, dt.date(2025, 1, 31))),
        ("how many surveillance flights in the first 10 days of February 2025?",
         both(_surv, _span(dt.date(2025, 2, 1), dt.date(2025, 2, 10)))),
        ("how many flights in November 2024?", _span(*month(2024, 11))),
        ("how many flights this month?", _span(dt.date(2026, 11, 1), t)),
        ("how many flights in 2025-02?", _span(*month(2025, 2))),
        ("how many flights on the 5th of February 2025?", _day(2025, 2, 5)),
        ("how many flights on Feb 1?", _span(*_latest_day(o, 2, 1))),
    ]:
        add("r9-period", (text, o.count(pred)))
    # no March holds a mission in its first or last ten days: 0 whichever year is chosen
    add("r9-period", ("how many flights in early March?", Expect("count", 0)))
    add("r9-period", ("how many flights in late March?", Expect("count", 0)))
    add("r9-period", ("how many flights in mid-March?", Expect("count", len(o.sel(_span(
        dt.date(2024, 3, 11), dt.date(2024, 3, 20)))), says=("2024",))))
    for text in ["how many flights on 3/2/2025?", "how many flights on 02/03/25?", "how many flights around mid-2025?",
                 "how many flights in the spring of 2025?", "how many flights next Tuesday?",
                 "how many flights in the week before Christmas 2024?"]:
        add("r9-period", (text, Expect("decline")))


def _latest_day(o: Oracle, m: int, d: int) -> tuple[dt.date, dt.date]:
    for year in range(o.today.year, o.today.year - 11, -1):
        day = dt.date(year, m, d)
        if day <= o.today and any(r.day == day for r in o.rows):
            return day, day
    raise AssertionError("no year")


def _identity(o: Oracle, add: Add) -> None:
    feb = o.bare_month(2)
    y24, y25, oct25 = _y(2024), _y(2025), month(2025, 10)
    for text, pred in [
        ("what did ae6805 fly in February?", both(_hex("ae6805"), between(*feb))),
        ("flights by 168758", _reg("168758")),
        ("callsign DRAGN61", _cs("DRAGN61")),
        ("show me the flights of ae6803", _hex("ae6803")),
        ("list everything 04-2015 flew in 2025", both(_reg("04-2015"), between(*y25))),
        ("missions flown by hex ae1140", _hex("ae1140")),
        ("flights under callsign FORTE12", _cs("FORTE12")),
        ("all flights of ZZ665", _reg("ZZ665")),
        ("what has 80-1071 flown?", _reg("80-1071")),
        ("list PELCN14's flights", _cs("PELCN14")),
        ("flights with callsign JAKE11", _cs("JAKE11")),
        ("flights by 43c6f2 in October 2025", both(_hex("43c6f2"), between(*oct25))),
    ]:
        add("r9-identity", (text, o.listing(pred)))
    for text, pred, which in [
        ("when was 11-2046 last seen?", _reg("11-2046"), "last"),
        ("when did ae6802 first fly?", _hex("ae6802"), "first"),
        ("last flight of callsign TOXIN51?", _cs("TOXIN51"), "last"),
        ("when did 168754 last fly near Texas?", both(_reg("168754"), near("texas")), "last"),
        ("first flight of ae01c5 in 2025", both(_hex("ae01c5"), between(*y25)), "first"),
    ]:
        add("r9-identity", (text, o.when(pred, which)))
    for text, pred in [
        ("how many flights did 62-4134 make in 2024?", both(_reg("62-4134"), between(*y24))),
        ("how many times did FORTE12 fly?", _cs("FORTE12")),
        ("how many missions for ae6801 near California?", both(_hex("ae6801"), near("california"))),
        ("how many RRR7225 flights over the Baltic?", both(_cs("RRR7225"), over("baltic-sea"))),
        ("how many times was 77-0351 over Oklahoma?", both(_reg("77-0351"), over("oklahoma"))),
        ("how many flights by 43c6f1 near Kaliningrad?", both(_hex("43c6f1"), near(KAL))),
    ]:
        add("r9-identity", (text, o.count(pred)))
    for text in ["what did ae9999 fly in 2025?", "flights by callsign ZZZZ99", "when was 99-9999 last seen?"]:
        add("r9-identity", (text, Expect("decline")))


def _world(o: Oracle, add: Add) -> None:
    y25, oct25 = _y(2025), month(2025, 10)
    for rel, words, slug, when in [
        ("over", "the Ionian Sea", "ionian-sea", ""), ("near", "the Adriatic", "adriatic-sea", "October 2025"),
        ("near", "the Tyrrhenian Sea", "tyrrhenian-sea", ""), ("near", "the Dardanelles", "dardanelles", ""),
        ("near", "Calabria", "calabria", "2025"), ("over", "Epirus", "epirus", ""),
        ("over", "Thessaly", "thessaly", "October 2025"), ("near", "Bulgaria", "bulgaria", ""),
        ("over", "Bulgaria", "bulgaria", ""), ("near", "Schleswig-Holstein", "schleswig-holstein", ""),
        ("over", "Skåne", "skane", ""), ("near", "Poland", "poland", "2025"),
        ("over", "the Øresund", "resund", ""), ("near", "Mecklenburg-Vorpommern", "mecklenburg-vorpommern", ""),
        ("near", "Tamaulipas", "tamaulipas", "2025"), ("over", "Tamaulipas", "tamaulipas", ""),
        ("near", "Baja California Sur", "baja-california-sur", ""), ("over", "Chihuahua", "chihuahua", ""),
        ("near", "the San Francisco Bay", "san-francisco-bay", ""), ("over", "the North Pacific", "north-pacific-ocean",
                                                                     "2024"),
        ("near", "Travis Air Force Base", "base-ksuu", ""), ("near", "Luke AFB", "base-kluf", ""),
        ("near", "Nellis Air Force Base", "base-klsv", ""), ("near", "Laughlin AFB", "base-kdlf", ""),
        ("near", "Dyess Air Force Base", "base-kdys", ""), ("near", "RAF Waddington", "base-egxw", ""),
        ("near", "RAF Marham", "base-egym", ""), ("near", "RAF Coningsby", "base-egxc", "October 2025"),
        ("near", "Ukraine", "ukraine", "2025"), ("over", "Ukraine", "ukraine", ""),
        ("over", "Sweden", "sweden", "October 2025"), ("near", "Russia", "russia", "October 2025"),
    ]:
        period = {"": (START, o.today), "2025": y25, "2024": _y(2024), "October 2025": oct25}[when]
        pred = both((near if rel == "near" else over)(slug), between(*period))
        add("r9-world", (" ".join(f"how many flights {rel} {words} in {when}".split()).removesuffix(" in") + "?",
                         o.count(pred)))
    for text, pred in [
        ("how many RAF flights over Denmark?", both(RAF, over("denmark"))),
        ("how many USAF flights over the United Kingdom in 2025?", both(USAF, over("united-kingdom"),
                                                                       between(*y25))),
        ("how many Luftwaffe flights near Kaliningrad?", both(_op("luftwaffe"), near(KAL))),
        ("how many French Air Force flights over the Black Sea?", both(_op("french-air-space-force"),
                                                                       over("black-sea"))),
        ("how many Global Hawk flights near the Bosporus?", both(Q4, near("bosporus"))),
        ("how many drone flights over Italy in October 2025?", both(_role("drone_recon"), over("italy"),
                                                                   between(*oct25))),
        ("how many airliner flights over Arizona?", both(_role("airliner"), over("arizona"))),
        ("how many Boeing 737 flights near Texas?", both(_t("B738"), near("texas"))),
        ("how many flights over international airspace near Greece?", both(over("international-airspace"),
                                                                           near("greece"))),
        ("how many RC-135 flights within 25 nm of Kaliningrad?", both(RC, near(KAL, 25))),
        ("how many flights within 20 nm of Kaliningrad?", near(KAL, 20)),
        ("how many flights within 40 km of Crimea?", near("crimea", 40 / 1.852)),
    ]:
        add("r9-world", (text, o.count(pred)))


def _traps(add: Add) -> None:
    for text in [
        "how many flights near Texas that turned back?", "how many P-8 flights that took off from Jacksonville?",
        "how many flights near Texas that landed in Mexico?", "how many formation flights near Kaliningrad?",
        "how many flights near Texas squawking 7700?", "how many flights near Arizona in bad weather?",
        "how many flights near Texas at sunset?", "how many flights near Texas before sunrise?",
        "how many supersonic flights near Texas?", "how many flights near Texas during the storm?",
        "how many flights per hour near Texas in February 2025?", "what was the busiest hour near Texas?",
        "how many training flights near Arizona?", "how many flights near Texas with their lights off?",
        "how many flights near Kaliningrad that were shadowed by Russian fighters?",
        "how many flights near the northern border in 2025?", "how many flights east of Texas?",
        "how many flights north of Kaliningrad?", "how many flights between Texas and Arizona?",
        "how many flights from Texas to Arizona?", "how many flights departing California in 2025?",
        "how many flights arriving in Texas?", "how many flights near Texas in the last hour?",
        "how many flights near Texas excluding weekends?", "how many flights near Texas on public holidays?",
        "how many flights near Texas that stayed for more than an hour?", "how many flights near Texas at high speed?",
        "how many flights near Texas below 10,000 feet?", "how many flights near Texas that were classified?",
        "how many flights near Texas by female pilots?", "how many flights near Texas with Marines on board?",
        "how many flights near Texas carrying cargo?", "how many flights near Texas that dropped sonobuoys?",
        "how many flights near Texas that used the ocean route?", "how many P-8 flights near Texas that went dark?",
        "how many flights near Texas that spoofed their position?", "how many flights near the Texas panhandle?",
        "how many flights near coastal California in 2025?", "how many flights over the Arizona desert?",
        "how many flights near Kaliningrad during the exercise?", "how many flights near Texas during the crisis?",
        "how many flights near Texas since the election?", "how many flights near Texas during Trump's visit?",
        "how many flights near Texas, twice a day?", "how many flights near Texas every other day?",
        "how many flights near Texas on odd days?", "how many flights near Texas in the morning?",
        "how many flights near Texas on Sundays in 2025?", "how many flights near Texas on weekdays in February 2025?",
        "how many flights near Texas, more or less?", "how many flights near Texas, approximately?",
"how many flights near Texas were unusual?",
        "how many suspicious flights near Texas?", "how many flights near Texas were a threat?",
        "how many illegal flights near Texas?", "how many flights near Texas should there have been?",
        "how many flights near Texas were reported by CNN?", "how many flights near Texas that nobody noticed?",
        "how many flights near Texas in the same hour?", "how many flights near Texas with the same callsign?",
        "how many flights near Texas by the second P-8?", "how many flights near Texas were repeats?",
        "how many flights near Texas without ADS-B?", "how many flights near Texas that we missed?",
    ]:
        add("r9-trap", (text, Expect("decline")))


def _answerable(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    for text, pred in [
        ("pls how many p8 flights in 2025 ty", both(P8, between(*y25))),
        ("how many flights, in total, near Texas in 2025?", both(near("texas"), between(*y25))),
        ("ok so how many P-8s over California in 2024", both(P8, over("california"), between(*y24))),
        ("quick one: U-2 flights in 2025?", both(U2, between(*y25))),
        ("According to the records, how many flights were there near Texas in 2025?",
         both(near("texas"), between(*y25))),
        ("based on the flight data, how many RC-135 flights near Kaliningrad?", both(RC, near(KAL))),
        ("can you count the Global Hawk missions over the Black Sea?", both(Q4, over("black-sea"))),
        ("I'm curious how many Navy flights there were in February 2025", both(NAVY, between(*feb25))),
        ("how many P-8 flights in total were there in 2024?", both(P8, between(*y24))),
        ("how many surveillance flights altogether near Arizona?", both(_surv, near("arizona"))),
        ("number of flights near Texas in 2025, please", both(near("texas"), between(*y25))),
        ("how many flights near Texas during 2025 overall?", both(near("texas"), between(*y25))),
        ("what is the count of RAF flights in October 2025?", both(RAF, between(*oct25))),
        ("give me a count of U-2 flights near New Mexico", both(U2, near("new-mexico"))),
        ("how many flights near Texas in 2025, if any?", both(near("texas"), between(*y25))),
        ("hi! how many E-3 missions in 2025?", both(E3, between(*y25))),
        ("sorry to bother you, how many P-8 flights near Texas in 2024?", both(P8, near("texas"), between(*y24))),
        ("how many flights were recorded over the Black Sea in October 2025 in all?",
         both(over("black-sea"), between(*oct25))),
        ("Do we have any U-2 flights over California on record?", both(U2, over("california"))),
        ("what's the total for P-8 flights near California in 2025?", both(P8, near("california"), between(*y25))),
        ("how many flights near Texas that were not over Texas?", both(near("texas"), _not(over("texas")))),
        ("how many flights near Arizona but not over it?", both(near("arizona"), _not(over("arizona")))),
    ]:
        add("r9-answer", (text, o.count(pred)))
    add("r9-answer", ("how many P-8 or P-3 flights over California in 2024?",
                      o.count(both(either(P8, P3), over("california"), between(*y24)))))


def held_out(o: Oracle, add: Add) -> None:
    """The held-out batch (category ``r9b-``), written after the first batch's fixes and run once before any fix of
    its own: other follow-up words, comparisons and rankings said otherwise, periods, identities, places, traps."""
    _held_out_conversations(o, add)
    _held_out_questions(o, add)
    _held_out_traps(add)


def _held_out_conversations(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    s = "r9b-conv"
    add(s,
        ("how many P-8 flights over California in 2025?", o.count(both(P8, over("california"), between(*y25)))),
        ("what were they?", o.listing(both(P8, over("california"), between(*y25)))),
        ("just the ones in February?", o.count(both(P8, over("california"), between(*feb25)))),
        ("earliest?", o.when(both(P8, over("california"), between(*feb25)), "first")))
    add(s,
        ("how many flights near New Mexico in 2025?", o.count(both(near("new-mexico"), between(*y25)))),
        ("narrow that to the Air Force", o.count(both(USAF, near("new-mexico"), between(*y25)))),
        ("how about 2024?", o.count(both(USAF, near("new-mexico"), between(*y24)))))
    add(s,
        ("how many RC-135 missions over the North Sea?", o.count(both(RC, over("north-sea")))),
        ("any of them in 2024?", o.count(both(RC, over("north-sea"), between(*y24)))),
        ("and in October 2025?", o.count(both(RC, over("north-sea"), between(*oct25)))),
        ("show those", o.listing(both(RC, over("north-sea"), between(*oct25)))))
    add(s,
        ("how many surveillance flights near Texas in January 2025?",
         o.count(both(_surv, near("texas"), between(*jan25)))),
        ("drop the date", o.count(both(_surv, near("texas")))),
        ("and over it?", o.count(both(_surv, over("texas")))))
    add(s,
        ("how many U-2 flights over California?", o.count(both(U2, over("california")))),
        ("what about over New Mexico instead?", o.count(both(U2, over("new-mexico")))),
        ("when was that?", o.when(both(U2, over("new-mexico")), "last")))
    add(s,
        ("how many Global Hawk flights over Italy in October 2025?",
         o.count(both(Q4, over("italy"), between(*oct25)))),
        ("is that normal?", Expect("decline")),
        ("and over Greece?", o.count(both(Q4, over("greece"), between(*oct25)))))
    add(s,
        ("how many Navy flights near the Baja peninsula in 2024?",
         o.count(both(NAVY, near("baja-peninsula"), between(*y24)))),
        ("per type", o.breakdown(both(NAVY, near("baja-peninsula"), between(*y24)), base.by_type)),
        ("how many RAF flights over Sweden?", o.count(both(RAF, over("sweden")))))
    add(s,
        ("how many flights over Oklahoma in 2025?", o.count(both(over("oklahoma"), between(*y25)))),
        ("and E-3s only?", o.count(both(E3, over("oklahoma"), between(*y25)))),
        ("same for 2024", o.count(both(E3, over("oklahoma"), between(*y24)))))


def _held_out_questions(o: Oracle, add: Add) -> None:
    t = o.today
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    for text, a, b in [
        ("P-8 vs. U-2 flights near Arizona in 2025", both(P8, near("arizona"), between(*y25)),
         both(U2, near("arizona"), between(*y25))),
        ("which was more common in 2025, P-8 or U-2 flights?", both(P8, between(*y25)), both(U2, between(*y25))),
        ("RC-135 flights in October 2025 compared against January 2025", both(RC, between(*oct25)),
         both(RC, between(*jan25))),
        ("were there as many U-2 flights as E-3 flights in 2025?", both(U2, between(*y25)),
         both(E3, between(*y25))),
        ("did Navy flights outnumber Air Force flights in 2025?", both(NAVY, between(*y25)),
         both(USAF, between(*y25))),
        ("how did surveillance flights over Arizona change from 2024 to 2025?",
         both(_surv, over("arizona"), between(*y24)), both(_surv, over("arizona"), between(*y25))),
        ("compare P-3 and P-8 missions in 2024", both(P3, between(*y24)), both(P8, between(*y24))),
        ("2024 versus 2025: flights over California", both(over("california"), between(*y24)),
         both(over("california"), between(*y25))),
        ("is the Navy flying less near California in 2025 than in 2024?",
         both(NAVY, near("california"), between(*y25)), both(NAVY, near("california"), between(*y24))),
        ("difference between RAF and USAF flights over the North Sea", both(RAF, over("north-sea")),
         both(USAF, over("north-sea"))),
    ]:
        add("r9b-compare", (text, o.compare(a, b)))
    for text, pred, key, rank in [
        ("rank the months of 2025 by number of flights", between(*y25), base.by_month, True),
        ("top 2 operators near Kaliningrad", near(KAL), base.by_op, True),
        ("which type flew the most over California in 2024?", both(over("california"), between(*y24)),
         base.by_type, True),
        ("which week of October 2025 was busiest?", between(*oct25), base.by_week, True),
        ("the month with the most P-8 flights near Texas", both(P8, near("texas")), base.by_month, True),
        ("per-month count of surveillance flights in 2024", both(_surv, between(*y24)), base.by_month, False),
        ("split the October 2025 flights by type", between(*oct25), base.by_type, False),
        ("P-8 flights near California, broken down by month", both(P8, near("california")), base.by_month, False),
        ("each day's flights between 1 and 5 February 2025", between(dt.date(2025, 2, 1), dt.date(2025, 2, 5)),
         base.by_day, False),
        ("who flew over the Baltic Sea?", over("baltic-sea"), base.by_op, False),
    ]:
        add("r9b-rank" if rank else "r9b-breakdown", (text, o.breakdown(pred, key, rank=rank)))
    for text, pred in [
        ("how many flights from 1 October 2025 onward?", _span(dt.date(2025, 10, 1), t)),
        ("how many flights from the 1st of February 2025 on?", _span(dt.date(2025, 2, 1), t)),
        ("how many P-8 flights up to and including 31 January 2025?", both(P8, _span(START, dt.date(2025, 1, 31)))),
        ("how many flights in the week beginning 6 October 2025?", _span(dt.date(2025, 10, 6), dt.date(2025, 10, 12))),
        ("how many flights in the second half of October 2025?", _span(dt.date(2025, 10, 16), dt.date(2025, 10, 31))),
        ("how many flights in the first half of January 2025?", _span(dt.date(2025, 1, 1), dt.date(2025, 1, 15))),
        ("how many flights on 21.10.2025?", _day(2025, 10, 21)),
        ("how many flights on 10/28/2025?", _day(2025, 10, 28)),
        # 02/02 is 2 February read either way
        ("how many flights between 29/01/2025 and 02/02/2025?", _span(dt.date(2025, 1, 29), dt.date(2025, 2, 2))),
        ("how many flights in 2025-10?", _span(*month(2025, 10))),
        ("how many flights after October 2025?", _span(dt.date(2025, 11, 1), t)),
        # reviewed: mid-October is 11–20 October (claims/nlp/dates.py) and "before" a period ends the day before it
        # starts (README), so this is up to 10 October; it expected a decline at first
        ("how many flights before mid-October 2025?", _span(START, dt.date(2025, 10, 10))),
        ("how many flights in late 2025?", None),
        ("how many RC-135 flights in Q3 2025?", both(RC, _span(dt.date(2025, 7, 1), dt.date(2025, 9, 30)))),
        ("how many flights on Friday 17 October 2025?", _day(2025, 10, 17)),
        ("how many flights in the past 48 hours?", None),
    ]:
        if pred is not None:
            add("r9b-period", (text, o.count(pred)))
    for text in ["how many flights in late 2025?", "how many flights in the past 48 hours?"]:
        add("r9b-period", (text, Expect("decline")))
    for text, pred in [
        ("what did ae6804 fly in 2025?", both(_hex("ae6804"), between(*y25))),
        ("list the missions of tail 62-4134", _reg("62-4134")),
        ("flights flown as DARKSTR2", _cs("DARKSTR2")),
        ("show 80-1071's flights", _reg("80-1071")),
    ]:
        add("r9b-identity", (text, o.listing(pred)))
    add("r9b-identity", ("when did the aircraft with hex ae5416 last fly?", o.when(_hex("ae5416"), "last")))
    add("r9b-identity", ("how many flights did ZZ664 make in October 2025?",
                         o.count(both(_reg("ZZ664"), between(*oct25)))))
    for text, pred in [
        ("how many flights near the Sea of Marmara?", near("sea-of-marmara")),
        ("how many flights over Vlore?", over("vlore")),
        ("how many flights near RAF Lakenheath in 2025?", both(near("base-egul"), between(*y25))),
        ("how many flights near Holloman in February 2025?", both(near("base-khmn"), between(*feb25))),
        ("how many flights over the Gulf of California?", over("gulf-of-california")),
        ("how many RAF flights near Germany?", both(RAF, near("germany"))),
        ("how many drone flights near Bulgaria?", both(_role("drone_recon"), near("bulgaria"))),
        ("how many flights within 30 nm of Crimea?", near("crimea", 30)),
    ]:
        add("r9b-world", (text, o.count(pred)))
    for text, pred in [
        ("real quick, how many P-8 flights near Texas in 2025?", both(P8, near("texas"), between(*y25))),
        ("going by the records, how many U-2 flights in 2024?", both(U2, between(*y24))),
        ("how many flights near Texas in 2025, all told?", both(near("texas"), between(*y25))),
        ("how many flights near Arizona that were not over Arizona?", None),
    ]:
        if pred is not None:
            add("r9b-answer", (text, o.count(pred)))


def _held_out_traps(add: Add) -> None:
    for text in [
        "how many flights near Texas that circled back?", "how many flights near Texas that returned to base early?",
        "how many flights near Texas with a wingman?", "how many flights near Texas at dusk?",
        "how many flights near Texas could there have been?", "how many flights near Texas were expected?",
        "how many flights near Texas on rainy days?", "how many flights south of Texas?",
        "how many flights near Texas launched from a carrier?", "how many flights near Texas by the same crew?",
        "how many flights near the western border?", "how many flights near Texas on US holidays?",
        "how many flights near Texas that broke the sound barrier?", "how many flights near Texas were cancelled?",
        "how many flights near Texas were diverted?",
    ]:
        add("r9b-trap", (text, Expect("decline")))
