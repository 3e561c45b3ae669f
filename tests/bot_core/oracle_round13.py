"""Round 13 of the oracle (2026-12-05): an editor digging into a story over a long conversation (4–8 turns over the
world scopes and the border story: follow-ups that narrow, widen, switch one part, go back, correct, ask for the
records, and a declined turn that must not change the scope), rankings and breakdowns said every way (the whole
ranking, "top 5", "least common", "quietest", ties, "how many days had no flights"), comparisons (two places, two
periods, two types, two operators, a baseline, "how many more", "what share", "up or down"), ~40 traps and ~20 unusual
wordings that must be answered.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``), or
is a decline where declining is the only honest answer. Today is 2026-11-24 and no mission starts in 2026.

The choices of this round:

- "rank the operators" asks for the WHOLE ranking: every group with missions is named in the answer's text (not only
  the top one), graded as a ranking plus the name of every group;
- "least common type", "which operator flew the least": among the groups that flew (a type that never flew is not
  "least common"); the least group(s) are named, ties all named;
- "the quietest month of 2025", "the day with the fewest flights in the first week of February 2025": a time unit in
  a bounded period counts its empty units too (a month with no flight is the quietest), so the empty units are named;
  without a bounded period a quietest time unit is declined;
- "how many days had no flights in February 2025": the days of the period with no mission starting (UTC), a count
  of days; "how many days had flights": the days with at least one;
- a follow-up keeps the question asked before it (round 9), so a turn that switches one part is graded with the
  previous turn's kind; a declined turn leaves the scope as it was.

``r13-`` is the first batch, ``r13b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from tests.bot_core import oracle as base
from tests.bot_core.oracle import Expect, Oracle, Pred, Row, between, both, everything, month, near, over
from tests.bot_core.oracle_ratios import share
from tests.bot_core.oracle_round6 import _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, Add
from tests.bot_core.oracle_round10 import _days

P8, U2, RC, Q4, E3, P3, B52 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF"), _t("P3"), _t("B52")
NAVY, USAF, RAF = _op("us-navy"), _op("us-air-force"), _op("raf")
DRONE, BOMBER = _role("drone_recon"), _role("bomber")
BORDER = "us-mexico-border"
FEB25, JAN25, OCT25, Y24, Y25 = month(2025, 2), month(2025, 1), month(2025, 10), _y(2024), _y(2025)
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


# --- helpers of this round (kept here, not in oracle.py) --------------------------------------------------------------


def _names() -> dict[str, str]:
    """Display names of operators (by slug) and aircraft types (by designator), read from the rows' tables."""
    from evidence.models import Aircraft, AircraftType

    org = Aircraft._meta.get_field("operator").related_model
    names = {o["slug"]: o["name"] for o in org.objects.values("slug", "name")}
    names.update({t["designator"]: t["name"] for t in AircraftType.objects.values("designator", "name")})
    return names


def _label(key: str) -> str:
    """How a group is named: a month "2025-03" → "March 2025"; an operator or a type by its display name."""
    if len(key) == 7 and key[4] == "-" and key[:4].isdigit():
        return f"{MONTH_NAMES[int(key[5:]) - 1]} {key[:4]}"
    return _names().get(key, key)


def ranking(o: Oracle, pred: Pred, key: Callable[[Row], str]) -> Expect:
    """The whole ranking ("rank the operators"): every group's count, and every group named in the text."""
    counts = Counter(key(r) for r in o.sel(pred))
    return Expect("rank", dict(counts), says=tuple(_label(k) for k in counts if k != "?"))


def period_units(period: tuple[dt.date, dt.date], unit: str) -> list[str]:
    """Every day ("2025-02-06") or month ("2025-02") of a period, as the breakdown keys name them."""
    a, b = period
    days = [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]
    return list(dict.fromkeys(d.isoformat() if unit == "day" else d.strftime("%Y-%m") for d in days))


def _months_of(period: tuple[dt.date, dt.date]) -> list[str]:
    return period_units(period, "month")


def least(o: Oracle, pred: Pred, key: Callable[[Row], str], units: list[str] | None = None) -> Expect:
    """The least group(s), named (ties all named): among the groups that flew, or among ``units`` (every month of a
    bounded period, empty ones included). Graded as the breakdown of the groups that flew plus the least names."""
    counts = Counter(key(r) for r in o.sel(pred))
    # a mission with no known operator has no operator to name: "the least" is among the named groups
    pool = {u: counts.get(u, 0) for u in units} if units else {k: n for k, n in counts.items() if k != "?"}
    low = min(pool.values())
    return Expect("breakdown", dict(counts), says=tuple(_label(k) for k, n in pool.items() if n == low))


def days_without(o: Oracle, pred: Pred, period: tuple[dt.date, dt.date], *, empty: bool = True) -> Expect:
    """The number of days of ``period`` on which no mission of ``pred`` started (``empty``), or at least one did."""
    a, b = period
    busy = {r.day for r in o.sel(both(pred, between(a, b)))}
    n_days = (b - a).days + 1
    return Expect("count", n_days - len(busy) if empty else len(busy))


def baseline(o: Oracle, a: Pred, base_pred: Pred, months: int = 12) -> Expect:
    return Expect("baseline", (len(o.sel(a)), len(o.sel(base_pred)), months))


def round13(o: Oracle, add: Add) -> None:
    _conversations(o, add)
    _rankings(o, add)
    _least(o, add)
    _breakdowns(o, add)
    _empty_days(o, add)
    _comparisons(o, add)
    _traps(add)
    _answerable(o, add)


# --- conversations ----------------------------------------------------------------------------------------------------


def _conversations(o: Oracle, add: Add) -> None:
    s = "r13-conv"
    bs = over("black-sea")
    add(s,  # the Black Sea: narrow, widen, switch the place, records
        ("how many Global Hawk flights over the Black Sea in October 2025?", o.count(both(Q4, bs, between(*OCT25)))),
        ("and all of 2025?", o.count(both(Q4, bs, between(*Y25)))),
        ("any type?", o.count(both(bs, between(*Y25)))),
        ("and near Crimea?", o.count(both(near("crimea"), between(*Y25)))),
        ("list them", o.listing(both(near("crimea"), between(*Y25)))),
        ("the first one?", o.when(both(near("crimea"), between(*Y25)), "first")),
        ("which days?", _days(o, both(near("crimea"), between(*Y25)))))
    rc_k = both(RC, near(KAL), between(*OCT25))
    add(s,  # Kaliningrad: switch the operator, go back, narrow the period
        ("how many RC-135 flights near Kaliningrad in October 2025?", o.count(rc_k)),
        ("what about the RAF?", o.count(both(rc_k, RAF))),
        ("which days?", _days(o, both(rc_k, RAF))),
        ("and the US Air Force?", _days(o, both(rc_k, USAF))),
        ("how many RC-135 flights near Kaliningrad in October 2025 were flown by the RAF?", o.count(both(rc_k, RAF))),
        # reviewed: "them" are the RAF's flights the turn before counted, so "who flew them?" is the RAF's 3 (the bot
        # was right); it expected every operator of the RC-135 flights at first. The ranking after it is asked over
        # every operator (a ranking of the one operator kept would say nothing)
        ("who flew them?", o.breakdown(both(rc_k, RAF), base.by_op)),
        ("which operator flew the most?", o.breakdown(rc_k, base.by_op, rank=True)))
    border = both(near(BORDER), between(*FEB25))
    add(s,  # the border story: switch the type, go back, break down, rank, same for January
        ("how many P-8 flights near the border in February 2025?", o.count(both(P8, border))),
        ("what about U-2s?", o.count(both(U2, border))),
        ("back to the P-8s", o.count(both(P8, border))),
        ("break that down by day", o.breakdown(both(P8, border), base.by_day)),
        ("which day was busiest?", o.breakdown(both(P8, border), base.by_day, rank=True)),
        ("same for January", o.breakdown(both(P8, near(BORDER), between(*JAN25)), base.by_day, rank=True)))
    add(s,  # a correction
        ("how many U-2 flights in 2025?", o.count(both(U2, between(*Y25)))),
        ("no, I meant 2024", o.count(both(U2, between(*Y24)))),
        ("list them", o.listing(both(U2, between(*Y24)))),
        ("and near Texas?", o.listing(both(U2, near("texas"), between(*Y24)))))
    surv_k = both(_surv, near(KAL), between(*OCT25))
    add(s,  # a declined turn leaves the scope alone
        ("how many surveillance flights near Kaliningrad in October 2025?", o.count(surv_k)),
        ("why were they there?", Expect("decline")),
        ("how many of those were RAF?", o.count(both(surv_k, RAF))),
        ("and the Air Force?", o.count(both(surv_k, USAF))),
        ("what share of the surveillance flights near Kaliningrad in October 2025 were RAF?", share(o, surv_k, RAF)))
    carib = near("caribbean-sea")
    add(s,  # the Caribbean and Venezuela: zero, widened
        ("how many B-52 flights near Venezuela in 2025?", o.count(both(B52, near("venezuela"), between(*Y25)))),
        ("anywhere?", o.count(both(B52, between(*Y25)))),
        ("and any bombers near the Caribbean Sea in 2025?", o.count(both(BOMBER, carib, between(*Y25)))),
        ("any type?", o.count(both(carib, between(*Y25)))))
    rq = both(Q4, between(*Y25))
    add(s,  # RQ-4: per month, busiest, another year, records
        ("how many RQ-4 flights in 2025?", o.count(rq)),
        ("per month", o.breakdown(rq, base.by_month)),
        ("which month was the busiest?", o.breakdown(rq, base.by_month, rank=True)),
        ("and in 2024?", o.breakdown(both(Q4, between(*Y24)), base.by_month, rank=True)),
        ("list them", o.listing(both(Q4, between(*Y24)))))
    gulf = both(P8, over("gulf-of-mexico"), between(*FEB25))
    add(s,  # records of a small scope
        ("how many P-8 flights over the Gulf of Mexico in February 2025?", o.count(gulf)),
        ("the first one?", o.when(gulf, "first")),
        ("which aircraft?", o.aircraft(gulf)),
        ("how many of those were near Texas?", o.count(both(gulf, near("texas")))))
    sb = both(_surv, near(BORDER))
    add(s,  # comparisons inside a conversation
        ("how many surveillance flights near the border in February 2025?", o.count(both(sb, between(*FEB25)))),
        ("compared with January 2025?", o.compare(both(sb, between(*FEB25)), both(sb, between(*JAN25)))),
        ("how does February 2025 compare with the 2024 monthly average for surveillance flights near the border?",
         baseline(o, both(sb, between(*FEB25)), both(sb, between(*Y24)))),
        ("what share of the surveillance flights near the border in February 2025 were P-8s?",
         share(o, both(sb, between(*FEB25)), P8)))
    add(s,  # anywhere / any type / all of 2025
        ("how many U-2 flights near the border in February 2025?", o.count(both(U2, near(BORDER), between(*FEB25)))),
        ("anywhere?", o.count(both(U2, between(*FEB25)))),
        ("and all of 2025?", o.count(both(U2, between(*Y25)))),
        ("any type", o.count(between(*Y25))))
    rc25 = both(RC, between(*Y25))
    add(s,  # "how many of those" chained
        ("list the RC-135 flights in 2025", o.listing(rc25)),
        ("how many of those were RAF?", o.count(both(rc25, RAF))),
        ("how many of those were over the Baltic Sea?", o.count(both(rc25, RAF, over("baltic-sea")))),
        ("which days?", _days(o, both(rc25, RAF, over("baltic-sea")))))
    add(s,  # rankings carried
        ("rank the operators in 2025", ranking(o, between(*Y25), base.by_op)),
        ("and in October 2025?", ranking(o, between(*OCT25), base.by_op)),
        ("top 2 types", o.breakdown(between(*OCT25), base.by_type, rank=True)),
        ("break that down by operator", o.breakdown(between(*OCT25), base.by_op)))
    add(s,  # RAF: records after a count, the callsigns
        ("how many RAF flights over the Baltic Sea in October 2025?", o.count(both(RAF, over("baltic-sea"),
                                                                                   between(*OCT25)))),
        ("what callsigns?", o.listing(both(RAF, over("baltic-sea"), between(*OCT25)))),
        ("why?", Expect("decline")),
        ("and the North Sea?", o.listing(both(RAF, over("north-sea"), between(*OCT25)))))
    add(s,  # the border story widened and narrowed again, with a list and a correction of the type
        ("how many surveillance flights near Texas in February 2025?", o.count(both(_surv, near("texas"),
                                                                                    between(*FEB25)))),
        ("and in all of 2025?", o.count(both(_surv, near("texas"), between(*Y25)))),
        ("no, I meant P-8s", o.count(both(P8, near("texas"), between(*Y25)))),
        ("list them", o.listing(both(P8, near("texas"), between(*Y25)))),
        ("what callsigns?", o.listing(both(P8, near("texas"), between(*Y25)))),
        ("how many of those were over the Gulf of Mexico?", o.count(both(P8, near("texas"), over("gulf-of-mexico"),
                                                                         between(*Y25)))))
    aeg = both(DRONE, over("aegean-sea"), between(*OCT25))
    add(s,  # the Aegean and Greece: switch the place twice, a breakdown
        ("how many drone flights over the Aegean Sea in October 2025?", o.count(aeg)),
        ("and over Greece?", o.count(both(DRONE, over("greece"), between(*OCT25)))),
        ("per week", o.breakdown(both(DRONE, over("greece"), between(*OCT25)), base.by_week)),
        ("which week was busiest?", o.breakdown(both(DRONE, over("greece"), between(*OCT25)), base.by_week,
                                                rank=True)),
        ("back to the Aegean", o.breakdown(aeg, base.by_week, rank=True)))
    e3 = both(E3, between(*Y25))
    add(s,  # B-52 declined place, then a type switch
        ("how many E-3 flights in 2025?", o.count(e3)),
        ("what about in Narnia?", Expect("decline")),
        ("and the P-3s?", o.count(both(P3, between(*Y25)))),
        ("back to the E-3s", o.count(e3)),
        ("which days?", _days(o, e3)))


# --- rankings and breakdowns ------------------------------------------------------------------------------------------


def _rankings(o: Oracle, add: Add) -> None:
    for text, pred, key in [
        ("rank the operators", everything, base.by_op),
        ("rank the operators in 2025", between(*Y25), base.by_op),
        ("rank the operators by number of flights in 2024", between(*Y24), base.by_op),
        ("rank the aircraft types in October 2025", between(*OCT25), base.by_type),
        ("rank all the types near Kaliningrad", near(KAL), base.by_type),
        ("rank the operators over the Black Sea", over("black-sea"), base.by_op),
        ("rank the months of 2025", between(*Y25), base.by_month),
        ("rank the operators near the border in February 2025", both(near(BORDER), between(*FEB25)), base.by_op),
        ("rank the surveillance types in 2025", both(_surv, between(*Y25)), base.by_type),
        ("ranked list of operators for October 2025", between(*OCT25), base.by_op),
    ]:
        add("r13-rank", (text, ranking(o, pred, key)))
    for text, pred, key in [
        ("top 5 types", everything, base.by_type),
        ("top 5 types in 2025", between(*Y25), base.by_type),
        ("top 3 aircraft types near the border in February 2025", both(near(BORDER), between(*FEB25)),
         base.by_type),
        ("top 2 operators in October 2025", between(*OCT25), base.by_op),
        ("which operator flew the most in 2025?", between(*Y25), base.by_op),
        ("which type flew the most near Kaliningrad?", near(KAL), base.by_type),
        ("which month had the most surveillance flights in 2024?", both(_surv, between(*Y24)), base.by_month),
        ("busiest day in October 2025", between(*OCT25), base.by_day),
        ("which day had the most flights in January 2025?", between(*JAN25), base.by_day),
        ("most common aircraft type over the Black Sea", over("black-sea"), base.by_type),
        ("which service flew the most surveillance flights near the border?", both(_surv, near(BORDER)),
         base.by_op),
        ("top 3 months for P-8 flights", P8, base.by_month),
        ("which week of February 2025 was busiest?", between(*FEB25), base.by_week),
        ("the busiest month of 2024", between(*Y24), base.by_month),
        ("which operator flew the most RC-135 missions?", RC, base.by_op),
        ("top 5 types in 2024", between(*Y24), base.by_type),
        ("which operator flew the most near Crimea?", near("crimea"), base.by_op),
        ("the two busiest days in February 2025", between(*FEB25), base.by_day),
        ("which type was flown most often by the Navy in 2025?", both(NAVY, between(*Y25)), base.by_type),
        ("top 4 operators", everything, base.by_op),
        ("the most common type among the surveillance flights near Texas", both(_surv, near("texas")),
         base.by_type),
        ("top three days for surveillance flights in October 2025", both(_surv, between(*OCT25)), base.by_day),
    ]:
        add("r13-rank", (text, o.breakdown(pred, key, rank=True)))


def _least(o: Oracle, add: Add) -> None:
    for text, pred, key, units in [
        ("least common type in 2025", between(*Y25), base.by_type, None),
        ("which operator flew the least in 2025?", between(*Y25), base.by_op, None),
        ("the least common aircraft type near Texas", near("texas"), base.by_type, None),
        ("which operator flew the fewest missions in October 2025?", between(*OCT25), base.by_op, None),
        ("which type was least common over the Black Sea?", over("black-sea"), base.by_type, None),
        ("which month was quietest in 2025?", between(*Y25), base.by_month, _months_of(Y25)),
        ("quietest month of 2024", between(*Y24), base.by_month, _months_of(Y24)),
        ("which month of 2025 had the fewest flights?", between(*Y25), base.by_month, _months_of(Y25)),
        ("which month in Q1 2025 had the fewest P-8 flights?", both(P8, between(dt.date(2025, 1, 1),
                                                                                dt.date(2025, 3, 31))),
         base.by_month, _months_of((dt.date(2025, 1, 1), dt.date(2025, 3, 31)))),
        ("least active operator near Kaliningrad", near(KAL), base.by_op, None),
    ]:
        add("r13-least", (text, least(o, pred, key, units)))
    for text in ["which month was the quietest?", "the quietest day", "which week had the fewest flights?"]:
        # reviewed: a time unit without a bounded period has no list of empty units to choose from
        add("r13-least", (text, Expect("decline")))


def _breakdowns(o: Oracle, add: Add) -> None:
    for text, pred, key in [
        ("surveillance flights in 2025 broken down by month", both(_surv, between(*Y25)), base.by_month),
        ("break the 2025 flights down by type", between(*Y25), base.by_type),
        ("break down the October 2025 flights by operator", between(*OCT25), base.by_op),
        ("flights near Kaliningrad by operator", near(KAL), base.by_op),
        ("P-8 flights per week in February 2025", both(P8, between(*FEB25)), base.by_week),
        ("flights per week in October 2025", between(*OCT25), base.by_week),
        ("how many flights per month in 2025?", between(*Y25), base.by_month),
        ("RC-135 flights by month", RC, base.by_month),
        ("Global Hawk flights per day over the Black Sea", both(Q4, over("black-sea")), base.by_day),
        ("the 2024 flights by operator", between(*Y24), base.by_op),
        ("flights near the border in February 2025 by type", both(near(BORDER), between(*FEB25)), base.by_type),
        ("split the RAF flights by month", RAF, base.by_month),
        ("monthly totals for 2024", between(*Y24), base.by_month),
        ("weekly P-8 flights in January 2025", both(P8, between(*JAN25)), base.by_week),
        ("a per-operator breakdown of the surveillance flights in 2025", both(_surv, between(*Y25)), base.by_op),
        ("per-type breakdown of flights near Crimea", near("crimea"), base.by_type),
        ("flights over the Baltic Sea per operator", over("baltic-sea"), base.by_op),
        ("how many flights each day between 1 and 5 February 2025?", between(dt.date(2025, 2, 1),
                                                                              dt.date(2025, 2, 5)), base.by_day),
    ]:
        add("r13-breakdown", (text, o.breakdown(pred, key)))
    # reviewed: each mission crosses several countries, and "country" may be the operator's: not one honest reading
    for text in ["break the October 2025 flights down by country", "flights near Kaliningrad by country"]:
        add("r13-breakdown", (text, Expect("decline")))


def _empty_days(o: Oracle, add: Add) -> None:
    first_week = (dt.date(2025, 2, 1), dt.date(2025, 2, 7))
    for text, pred, period, empty in [
        ("how many days had no flights in February 2025?", everything, FEB25, True),
        ("how many days in October 2025 had no flights?", everything, OCT25, True),
        ("how many days in January 2025 had no P-8 flights?", P8, JAN25, True),
        ("on how many days in February 2025 were there flights?", everything, FEB25, False),
        ("how many days had flights in October 2025?", everything, OCT25, False),
        ("how many days in the first week of February 2025 had no flights?", everything, first_week, True),
        ("how many days in 2024 had surveillance flights?", _surv, Y24, False),
        ("how many days had no flights near the border in February 2025?", near(BORDER), FEB25, True),
    ]:
        add("r13-days", (text, days_without(o, pred, period, empty=empty)))
    add("r13-days", ("which days in October 2025 had RAF flights?", _days(o, both(RAF, between(*OCT25)))))
    add("r13-days", ("on which days did Global Hawks fly over the Black Sea?", _days(o, both(Q4, over("black-sea")))))


# --- comparisons ------------------------------------------------------------------------------------------------------


def _comparisons(o: Oracle, add: Add) -> None:
    for text, a, b in [
        ("more flights over the Black Sea or near Kaliningrad in October 2025?",
         both(over("black-sea"), between(*OCT25)), both(near(KAL), between(*OCT25))),
        ("compare flights near Crimea and near Kaliningrad", near("crimea"), near(KAL)),
        ("Black Sea vs Baltic Sea flights in 2025", both(over("black-sea"), between(*Y25)),
         both(over("baltic-sea"), between(*Y25))),
        ("how many more flights near Texas than near Kaliningrad in 2025?", both(near("texas"), between(*Y25)),
         both(near(KAL), between(*Y25))),
        ("January 2025 vs February 2025 for P-8 flights", both(P8, between(*JAN25)), both(P8, between(*FEB25))),
        ("compare October 2025 with February 2025", between(*OCT25), between(*FEB25)),
        ("how many more flights in 2025 than in 2024?", between(*Y25), between(*Y24)),
        ("were there more surveillance flights in 2025 than in 2024?", both(_surv, between(*Y25)),
         both(_surv, between(*Y24))),
        ("were P-8 flights up or down in 2025 from 2024?", both(P8, between(*Y25)), both(P8, between(*Y24))),
        ("were RQ-4 flights in 2025 up or down on 2024?", both(Q4, between(*Y25)), both(Q4, between(*Y24))),
        ("RC-135 vs RQ-4 in October 2025", both(RC, between(*OCT25)), both(Q4, between(*OCT25))),
        ("more P-8s or E-3s near the border in February 2025?", both(P8, near(BORDER), between(*FEB25)),
         both(E3, near(BORDER), between(*FEB25))),
        ("how many more P-8 than RC-135 flights in 2025?", both(P8, between(*Y25)), both(RC, between(*Y25))),
        ("RAF vs USAF near Kaliningrad", both(RAF, near(KAL)), both(USAF, near(KAL))),
        ("compare Navy and Air Force flights near the border in February 2025",
         both(NAVY, near(BORDER), between(*FEB25)), both(USAF, near(BORDER), between(*FEB25))),
        ("did the RAF or the US Air Force fly more over the Baltic Sea in 2025?",
         both(RAF, over("baltic-sea"), between(*Y25)), both(USAF, over("baltic-sea"), between(*Y25))),
        ("how many fewer flights near Crimea than near the border in 2025?", both(near("crimea"), between(*Y25)),
         both(near(BORDER), between(*Y25))),
        ("Q4 2025 versus Q1 2025", between(dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
         between(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("drones vs RC-135s over the Black Sea", both(DRONE, over("black-sea")), both(RC, over("black-sea"))),
        ("compare surveillance flights near the border in January 2025 and February 2025",
         both(_surv, near(BORDER), between(*JAN25)), both(_surv, near(BORDER), between(*FEB25))),
    ]:
        add("r13-compare", (text, o.compare(a, b)))
    for text, a, b in [
        ("how did October 2025 compare with the 2024 monthly average?", between(*OCT25), between(*Y24)),
        ("P-8 flights in February 2025 versus the 2024 monthly average", both(P8, between(*FEB25)),
         both(P8, between(*Y24))),
        ("surveillance flights in January 2025 against the 2024 monthly average", both(_surv, between(*JAN25)),
         both(_surv, between(*Y24))),
        ("RQ-4 flights in October 2025 compared with the monthly average for 2024", both(Q4, between(*OCT25)),
         both(Q4, between(*Y24))),
    ]:
        add("r13-baseline", (text, baseline(o, a, b)))
    for text, whole, part in [
        ("what share of the October 2025 flights were RAF?", between(*OCT25), RAF),
        ("what share of flights near Kaliningrad were flown by the US Air Force?", near(KAL), USAF),
        ("what share of the 2025 flights were over the Black Sea?", between(*Y25), over("black-sea")),
        ("what percentage of the flights near the border in February 2025 were P-8s?",
         both(near(BORDER), between(*FEB25)), P8),
        ("what fraction of the RC-135 flights were near Kaliningrad?", RC, near(KAL)),
        ("what share of the surveillance flights in 2025 were drones?", both(_surv, between(*Y25)), DRONE),
    ]:
        add("r13-share", (text, share(o, whole, part)))


# --- traps and unusual wordings ---------------------------------------------------------------------------------------


def _traps(add: Add) -> None:
    for text in [
        "rank the pilots by number of flights",
        "which crew flew the most missions in 2025?",
        "rank the operators by flight hours",
        "top 5 types by distance flown",
        "which month had the most flight hours in 2025?",
        "which type flew the highest in October 2025?",
        "rank the missions by duration",
        "break the 2025 flights down by altitude",
        "break the October 2025 flights down by purpose",
        "break down the 2025 flights by hour of the day",
        "compare the altitudes of the P-8 and U-2 flights",
        "how much faster is the U-2 than the P-8?",
        "did flights near the border double compared with 2024?",
        "is the rise in flights near Kaliningrad statistically significant?",
        "what is the trend for next month?",
        "predict the number of flights in December 2026",
        "how many flights will there be in 2027?",
        "rank the operators in December 2026",
        "which operator is the most aggressive?",
        "why did the RAF fly more near Kaliningrad than the USAF?",
        "compare the cost of the RC-135 and RQ-4 flights",
        "which type is the best spy plane?",
        "what share of the flights near Kaliningrad were intercepted?",
        "what share of the flights over the Black Sea were armed?",
        "how many of the flights near Crimea were refuelled in the air?",
        "which callsign flew the longest?",
        "rank the days of October 2025 by flight hours",
        "the average altitude per type in 2025",
        "what share of the flight time was over the Black Sea?",
        "how many Russian jets intercepted the RC-135s near Kaliningrad?",
        "which month was the most dangerous?",
        "top 3 reasons for the flights near the border",
        "how many more hours did the RAF fly than the USAF in October 2025?",
        "what percent of the missions were secret?",
        "was October 2025 busier than usual?",
        "how many flights near the border compared with normal?",
        "which type flew the most in 2027?",
        "how many days had no flights in 2027?",
        "were the flights near Crimea more provocative than those near Kaliningrad?",
    ]:
        add("r13-trap", (text, Expect("decline")))


def _answerable(o: Oracle, add: Add) -> None:
    for text, e in [
        ("Give me the operators in order of number of flights in 2025", ranking(o, between(*Y25), base.by_op)),
        ("Sort the aircraft types by how often they flew in 2024", ranking(o, between(*Y24), base.by_type)),
        ("Who flew the most missions near Kaliningrad?", o.breakdown(near(KAL), base.by_op, rank=True)),
        ("What were the three most-flown types in 2025?", o.breakdown(between(*Y25), base.by_type, rank=True)),
        ("Which service was most active over the Black Sea?", o.breakdown(over("black-sea"), base.by_op, rank=True)),
        ("Month-by-month figures for surveillance flights in 2025",
         o.breakdown(both(_surv, between(*Y25)), base.by_month)),
        ("Tally by type for October 2025", o.breakdown(between(*OCT25), base.by_type)),
        ("How were the 2024 flights spread across the months?", o.breakdown(between(*Y24), base.by_month)),
        ("P-8s vs U-2s in 2025: which flew more?", o.compare(both(P8, between(*Y25)), both(U2, between(*Y25)))),
        ("Navy or Air Force: who flew more near Texas in 2025?",
         o.compare(both(NAVY, near("texas"), between(*Y25)), both(USAF, near("texas"), between(*Y25)))),
        ("How does October 2025 stack up against February 2025?", o.compare(between(*OCT25), between(*FEB25))),
        ("What fraction of the October 2025 flights were RAF?", share(o, between(*OCT25), RAF)),
        ("Give me a breakdown by operator of the flights near Kaliningrad", o.breakdown(near(KAL), base.by_op)),
        ("For the graphic: surveillance flights per month in 2024", o.breakdown(both(_surv, between(*Y24)),
                                                                                base.by_month)),
        ("Which aircraft type showed up most often near the border in February 2025?",
         o.breakdown(both(near(BORDER), between(*FEB25)), base.by_type, rank=True)),
        ("Before we run the chart: RC-135 flights by operator", o.breakdown(RC, base.by_op)),
        ("Just the top 2 types near Crimea, please", o.breakdown(near("crimea"), base.by_type, rank=True)),
        ("Was the Black Sea busier than the Baltic Sea in October 2025?",
         o.compare(both(over("black-sea"), between(*OCT25)), both(over("baltic-sea"), between(*OCT25)))),
        ("Flights near the border, Feb 2025 vs Jan 2025", o.compare(both(near(BORDER), between(*FEB25)),
                                                                    both(near(BORDER), between(*JAN25)))),
        ("Per-operator count for 2025, please", o.breakdown(between(*Y25), base.by_op)),
    ]:
        add("r13-answer", (text, e))


def held_out(o: Oracle, add: Add) -> None:
    """The held-out batch (category ``r13b-``), written after the first batch's fixes and run once before any fix of
    its own: other conversations, other ranking, least and breakdown words, days, comparisons, traps."""
    _held_out_conversations(o, add)
    _held_out_rankings(o, add)
    _held_out_comparisons(o, add)
    _held_out_traps(add)


def _held_out_conversations(o: Oracle, add: Add) -> None:
    s = "r13b-conv"
    kal = both(near(KAL), between(*OCT25))
    add(s,
        ("how many flights near Kaliningrad in October 2025?", o.count(kal)),
        ("how many of those were RAF?", o.count(both(kal, RAF))),
        ("list them", o.listing(both(kal, RAF))),
        ("the last one?", o.when(both(kal, RAF), "last")),
        ("and the US Air Force?", o.when(both(kal, USAF), "last")),
        ("rank the operators", ranking(o, kal, base.by_op)))
    tx = both(near("texas"), between(*FEB25))
    add(s,
        ("how many flights near Texas in February 2025?", o.count(tx)),
        ("what about January?", o.count(both(near("texas"), between(*JAN25)))),
        ("go back to February", o.count(tx)),
        ("broken down by type", o.breakdown(tx, base.by_type)),
        ("which was least common?", least(o, tx, base.by_type)),
        ("any place?", least(o, between(*FEB25), base.by_type)))
    q4 = both(Q4, between(*OCT25))
    add(s,
        ("how many Global Hawk flights in October 2025?", o.count(q4)),
        ("where did they fly?", Expect("decline")),
        ("and in 2024?", o.count(both(Q4, between(*Y24)))),
        ("how many days had Global Hawk flights in 2024?", days_without(o, Q4, Y24, empty=False)),
        ("sorry, I meant 2025", days_without(o, Q4, Y25, empty=False)))
    add(s,
        ("how many Navy flights in 2025?", o.count(both(NAVY, between(*Y25)))),
        ("what about the Air Force?", o.count(both(USAF, between(*Y25)))),
        ("per month", o.breakdown(both(USAF, between(*Y25)), base.by_month)),
        ("which month was the quietest?", least(o, both(USAF, between(*Y25)), base.by_month, _months_of(Y25))),
        ("ok, back to the Navy", least(o, both(NAVY, between(*Y25)), base.by_month, _months_of(Y25))))
    gulf = both(_surv, over("gulf-of-california"))
    add(s,
        ("how many surveillance flights over the Gulf of California?", o.count(gulf)),
        ("which types?", o.breakdown(gulf, base.by_type)),
        ("only the ones in 2025", o.breakdown(both(gulf, between(*Y25)), base.by_type)),
        ("no, I meant 2024", o.breakdown(both(gulf, between(*Y24)), base.by_type)),
        ("how many of those were P-8s?", o.count(both(gulf, P8, between(*Y24)))),
        ("the first one?", o.when(both(gulf, P8, between(*Y24)), "first")))
    rc = both(RC, between(*Y25))
    add(s,
        ("how many RC-135 flights in 2025?", o.count(rc)),
        ("which operator flew the most?", o.breakdown(rc, base.by_op, rank=True)),
        ("what share were RAF?", share(o, rc, RAF)),
        ("and in 2024?", share(o, both(RC, between(*Y24)), RAF)))


def _held_out_rankings(o: Oracle, add: Add) -> None:
    for text, e in [
        ("rank the types over the Baltic Sea", ranking(o, over("baltic-sea"), base.by_type)),
        ("rank every operator by flights in February 2025", ranking(o, between(*FEB25), base.by_op)),
        ("list the operators in order of flights near the border", ranking(o, near(BORDER), base.by_op)),
        ("order the months of 2024 by number of flights", ranking(o, between(*Y24), base.by_month)),
        ("top 3 operators in 2024", o.breakdown(between(*Y24), base.by_op, rank=True)),
        ("which two types flew the most near the border in February 2025?",
         o.breakdown(both(near(BORDER), between(*FEB25)), base.by_type, rank=True)),
        ("what was the busiest day over the Black Sea?", o.breakdown(over("black-sea"), base.by_day, rank=True)),
        ("which operator had the most flights near Crimea?", o.breakdown(near("crimea"), base.by_op, rank=True)),
        ("the most frequent type near Kaliningrad", o.breakdown(near(KAL), base.by_type, rank=True)),
        ("fewest flights: which type in October 2025?", least(o, between(*OCT25), base.by_type)),
        ("which type was flown least in 2024?", least(o, between(*Y24), base.by_type)),
        ("the quietest month of Q4 2025", least(o, between(dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
                                                base.by_month,
                                                _months_of((dt.date(2025, 10, 1), dt.date(2025, 12, 31))))),
        ("least active service near the border in February 2025",
         least(o, both(near(BORDER), between(*FEB25)), base.by_op)),
        ("RC-135 flights per operator in 2025", o.breakdown(both(RC, between(*Y25)), base.by_op)),
        ("weekly breakdown of the flights near Kaliningrad", o.breakdown(near(KAL), base.by_week)),
        ("what types flew over the Baltic Sea in October 2025?", o.breakdown(both(over("baltic-sea"),
                                                                                  between(*OCT25)), base.by_type)),
        ("flights by operator over the North Sea", o.breakdown(over("north-sea"), base.by_op)),
        ("day-by-day numbers for the P-8 flights in February 2025", o.breakdown(both(P8, between(*FEB25)),
                                                                                base.by_day)),
        ("how many days in October 2025 had no RAF flights?", days_without(o, RAF, OCT25)),
        ("how many days in the week of 27 January 2025 had no flights?",
         days_without(o, everything, (dt.date(2025, 1, 27), dt.date(2025, 2, 2)))),
        ("on how many days were there flights near Kaliningrad?", Expect("count",
                                                                         len({r.day for r in o.sel(near(KAL))}))),
    ]:
        add("r13b-rank", (text, e))
    for text, e in [
        ("Put the operators in order, most flights first, for 2025", ranking(o, between(*Y25), base.by_op)),
        ("Which service tops the list near Kaliningrad?", o.breakdown(near(KAL), base.by_op, rank=True)),
        ("Give me a league table of aircraft types for October 2025", ranking(o, between(*OCT25), base.by_type)),
        ("For the chart, how many flights each week in February 2025?", o.breakdown(between(*FEB25), base.by_week)),
        ("What's the split between Navy and Air Force for 2024?",
         o.compare(both(NAVY, between(*Y24)), both(USAF, between(*Y24)))),
        ("How many flights did each operator fly in 2025?", o.breakdown(between(*Y25), base.by_op)),
    ]:
        add("r13b-answer", (text, e))
    for text in ["which day had the fewest flights?", "the least busy month"]:
        add("r13b-rank", (text, Expect("decline")))


def _held_out_comparisons(o: Oracle, add: Add) -> None:
    for text, a, b in [
        ("more flights near Crimea or over the Baltic Sea in October 2025?", both(near("crimea"), between(*OCT25)),
         both(over("baltic-sea"), between(*OCT25))),
        ("RAF or USAF: who flew more RC-135 missions in 2025?", both(RAF, RC, between(*Y25)),
         both(USAF, RC, between(*Y25))),
        ("how many more Global Hawk flights in 2025 than in 2024?", both(Q4, between(*Y25)), both(Q4, between(*Y24))),
        ("were E-3 flights up or down in 2025 compared with 2024?", both(E3, between(*Y25)), both(E3, between(*Y24))),
        ("compare P-8 and P-3 flights near California in 2025", both(P8, near("california"), between(*Y25)),
         both(P3, near("california"), between(*Y25))),
        ("January 2025 against October 2025 for surveillance flights", both(_surv, between(*JAN25)),
         both(_surv, between(*OCT25))),
        ("Navy vs Air Force in February 2025", both(NAVY, between(*FEB25)), both(USAF, between(*FEB25))),
        ("how many fewer RAF flights than USAF flights in October 2025?", both(RAF, between(*OCT25)),
         both(USAF, between(*OCT25))),
        ("were there more flights in October 2025 than in January 2025?", between(*OCT25), between(*JAN25)),
        ("P-8 flights near the border: February 2025 vs January 2025", both(P8, near(BORDER), between(*FEB25)),
         both(P8, near(BORDER), between(*JAN25))),
        ("compare USAF flights over the Black Sea with USAF flights near Kaliningrad", both(USAF, over("black-sea")),
         both(USAF, near(KAL))),
    ]:
        add("r13b-compare", (text, o.compare(a, b)))
    add("r13b-compare", ("flights near the border in February 2025 versus the 2024 monthly average",
                         baseline(o, both(near(BORDER), between(*FEB25)), both(near(BORDER), between(*Y24)))))
    add("r13b-compare", ("what percentage of the 2025 RC-135 flights were flown by the RAF?",
                         share(o, both(RC, between(*Y25)), RAF)))
    add("r13b-compare", ("what share of the flights near Crimea were drones?", share(o, near("crimea"), DRONE)))
    add("r13b-compare", ("what share of the flights over the Baltic Sea were RAF?", share(o, over("baltic-sea"),
                                                                                          RAF)))


def _held_out_traps(add: Add) -> None:
    for text in [
        "rank the aircraft by fuel burned",
        "which operator flew the longest missions?",
        "which month had the most hours in the air?",
        "break the flights near Kaliningrad down by mission type",
        "rank the days by how many aircraft were intercepted",
        "which type flew the farthest in 2025?",
        "how many days in December 2026 had no flights?",
        "the quietest month of 2027",
        "compare the RAF and USAF crews",
        "what share of the Black Sea flights were provocations?",
        "why was February 2025 the busiest month?",
        "which operator will fly the most next year?",
    ]:
        add("r13b-trap", (text, Expect("decline")))
