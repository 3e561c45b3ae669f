"""Round 6 of the oracle (2026-12-05): questions phrased as other editors type them — other verbs ("how often",
"how many times", "any … ?", "were there … sorties / patrols"), requests ("count of", "give me", "show me all",
"tell me about"), day and month spellings ("Feb 3", "3 Feb", "February 3rd", "Feb. 2025"), relative periods,
place words ("around", "close to", "along", "off the coast of"), possessives and operator names, role words
("spy planes", "drones", "tankers", "bombers"), polite wrappers, follow-ups, yes/no questions and things that must be
declined. Written before looking at how the parser reads them; each expected answer is computed here in plain
Python from the rows, with the same helpers as :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or
``evidence.selectors``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tests.bot_core.oracle import (
    Expect,
    Oracle,
    Pred,
    Row,
    between,
    both,
    by_day,
    by_month,
    by_op,
    by_type,
    by_week,
    month,
    near,
    over,
)

Add = Callable[..., None]


def _t(*d: str) -> Pred:
    return lambda r: r.type in d


def _op(*slugs: str) -> Pred:
    return lambda r: r.op in slugs


def _role(*roles: str) -> Pred:
    return lambda r: r.role in roles


def _y(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _day(y: int, m: int, d: int) -> Pred:
    return between(dt.date(y, m, d), dt.date(y, m, d))


def _surv(r: Row) -> bool:
    return r.surv


def round6(o: Oracle, add: Add) -> None:
    _counts(o, add)
    _periods(o, add)
    _requests(o, add)
    _declines(add)
    _follow_ups(o, add)
    _held_out(o, add)
    _traps(o, add)


def _counts(o: Oracle, add: Add) -> None:
    y24, y25 = _y(2024), _y(2025)
    jan25, feb25, oct25 = month(2025, 1), month(2025, 2), month(2025, 10)
    p8, u2, rc, e3, q4 = _t("P8"), _t("U2"), _t("R135"), _t("E3TF"), _t("Q4")
    navy, usaf, raf = _op("us-navy"), _op("us-air-force"), _op("raf")
    for text, pred in [
        # verbs and question shapes
        ("how often did the U-2 fly in 2024?", both(u2, between(*y24))),
        ("How often did P-8s fly near Texas in 2025?", both(p8, near("texas"), between(*y25))),
        ("How many times did a P-8 fly over California in January 2025?",
         both(p8, over("california"), between(*jan25))),
        ("how many times did the RC-135 fly near Kaliningrad?", both(rc, near("kaliningrad-oblast"))),
        ("any U-2 flights near Texas in Feb 2025?", both(u2, near("texas"), between(*feb25))),
        ("Any U-2 flights near Texas in February?", both(u2, near("texas"), between(*o.bare_month(2)))),
        ("were there RC-135 sorties near Kaliningrad in October 2025?",
         both(rc, near("kaliningrad-oblast"), between(*oct25))),
        ("were there any RC-135 patrols over the Baltic Sea?", both(rc, over("baltic-sea"))),
        ("were there RC-135 missions over Arizona in 2025?", both(rc, over("arizona"), between(*y25))),
        ("were there any E-3 flights in 2025?", both(e3, between(*y25))),
        ("count of P-8 missions in Feb. 2025", both(p8, between(*feb25))),
        ("number of U-2 flights in 2025", both(u2, between(*y25))),
        ("Number of Global Hawk flights over the Black Sea in October 2025",
         both(q4, over("black-sea"), between(*oct25))),
        ("total number of surveillance flights near Arizona in 2025", both(_surv, near("arizona"), between(*y25))),
        ("did any B-52 fly near Venezuela in 2025?", both(_t("B52"), near("venezuela"), between(*y25))),
        ("did any U-2 fly near Texas in 2025?", both(u2, near("texas"), between(*y25))),
        ("did the Navy fly any P-8 missions over the Gulf of Mexico in 2025?",
         both(navy, p8, over("gulf-of-mexico"), between(*y25))),
        ("has a Global Hawk flown over Arizona?", both(q4, over("arizona"))),
        ("How many P-8 sorties were flown in 2024?", both(p8, between(*y24))),
        ("how many surveillance missions were flown near California in 2024?",
         both(_surv, near("california"), between(*y24))),
        # types: lowercase, hyphenless, spaced, plurals, nicknames
        ("how many rc 135 flights in 2025?", both(rc, between(*y25))),
        ("how many RC135s near kaliningrad?", both(rc, near("kaliningrad-oblast"))),
        ("kc-135 flights in February 2025", both(_t("K35R"), between(*feb25))),
        ("how many e-3s over texas in 2025?", both(e3, over("texas"), between(*y25))),
        ("how many global hawks over the black sea?", both(q4, over("black-sea"))),
        ("how many rivet joints near kaliningrad?", both(rc, near("kaliningrad-oblast"))),
        ("how many poseidons over california in 2025?", both(p8, over("california"), between(*y25))),
        ("how many U2 flights in 2024?", both(u2, between(*y24))),
        ("how many P-8A missions near Texas in 2025?", both(p8, near("texas"), between(*y25))),
        ("how many P-3s in 2024?", both(_t("P3"), between(*y24))),
        # operators and possessives
        ("how many flights did the Navy's P-8s make near Texas?", both(navy, p8, near("texas"))),
        ("the Navy's P-8s near Texas", both(navy, p8, near("texas"))),
        ("how many flights by the Air Force's U-2s in 2025?", both(usaf, u2, between(*y25))),
        ("how many RAF RC-135 flights?", both(raf, rc)),
        ("the RAF's RC-135s near Kaliningrad in October 2025",
         both(raf, rc, near("kaliningrad-oblast"), between(*oct25))),
        ("USAF flights in February 2025", both(usaf, between(*feb25))),
        ("how many flights did the US Navy make in 2024?", both(navy, between(*y24))),
        ("how many US Air Force U-2 missions?", both(usaf, u2)),
        ("how many CBP flights near Arizona?", both(_op("cbp"), near("arizona"))),
        ("how many flights did the Air Force fly over Texas in 2025?", both(usaf, over("texas"), between(*y25))),
        ("how many Navy patrols near California in January 2025?",
         both(navy, near("california"), between(*jan25))),
        ("how many Royal Air Force missions in 2025?", both(raf, between(*y25))),
        # role words
        ("how many spy planes flew near Texas in 2025?", both(_surv, near("texas"), between(*y25))),
        ("spy plane flights over California in 2024", both(_surv, over("california"), between(*y24))),
        ("how many drone flights over Arizona?", both(_role("drone_recon"), over("arizona"))),
        ("how many drones flew over the Black Sea in October 2025?",
         both(_role("drone_recon"), over("black-sea"), between(*oct25))),
        ("how many tanker flights in 2025?", both(_role("tanker"), between(*y25))),
        ("how many bombers flew near Texas in 2025?", both(_role("bomber"), near("texas"), between(*y25))),
        ("how many transport flights in February 2025?", both(_role("transport"), between(*feb25))),
        ("how many maritime patrol flights in January 2025?", both(_role("maritime_patrol"), between(*jan25))),
        ("how many reconnaissance flights over the Black Sea?", both(_surv, over("black-sea"))),
        ("how many military planes flew over Texas in 2024?", both(lambda r: r.military, over("texas"),
                                                                    between(*y24))),
        ("how many civilian flights over Texas?", both(lambda r: not r.military, over("texas"))),
        ("how many airliner flights in 2025?", both(_role("airliner"), between(*y25))),
        # places
        ("how many flights around Arizona in 2025?", both(near("arizona"), between(*y25))),
        ("how many surveillance flights close to New Mexico in February 2025?",
         both(_surv, near("new-mexico"), between(*feb25))),
        ("how many flights along the US-Mexico border in January 2025?",
         both(near("us-mexico-border"), between(*jan25))),
        ("how many P-8 flights off the coast of Texas?", both(p8, near("texas"))),
        # "the border" is the US–Mexico border (shared/notes/domain.md); the answer names it
        ("how many flights along the border in 2025?", both(near("us-mexico-border"), between(*y25))),
        ("how many flights near the border?", near("us-mexico-border")),
        ("how many flights off Texas in 2025?", both(near("texas"), between(*y25))),
        ("how many flights over the Gulf of Mexico in 2025?", both(over("gulf-of-mexico"), between(*y25))),
        ("how many flights in Texas airspace in 2024?", both(over("texas"), between(*y24))),
        ("how many flights near Crimea in October 2025?", both(near("crimea"), between(*oct25))),
        ("how many flights over Crimea?", over("crimea")),
        ("how many flights near Russia in October 2025?", both(near("russia"), between(*oct25))),
        ("how many flights over Mexico in February 2025?", both(over("mexico"), between(*feb25))),
        ("how many flights near Nevada in 2025?", both(near("nevada"), between(*y25))),
        ("how many flights near Sinaloa in February 2025?", both(near("sinaloa"), between(*feb25))),
        ("how many flights within 5 nm of Texas in February 2025?", both(near("texas", 5), between(*feb25))),
        ("how many flights within 10 nautical miles of Sinaloa?", near("sinaloa", 10)),
        ("how many flights over the North Pacific Ocean in 2024?", both(over("north-pacific-ocean"),
                                                                         between(*y24))),
        # polite wrappers
        ("can you tell me how many P-8 flights there were in 2024?", both(p8, between(*y24))),
        ("I'd like to know the number of U-2 flights near Texas", both(u2, near("texas"))),
        ("quick q: how many RC-135s flew near Kaliningrad?", both(rc, near("kaliningrad-oblast"))),
        ("hi! how many drone flights over the Black Sea in Oct 2025?",
         both(_role("drone_recon"), over("black-sea"), between(*oct25))),
        ("please count the E-3 missions over Oklahoma", both(e3, over("oklahoma"))),
        ("Could you check how many surveillance flights there were near Texas in February 2025?",
         both(_surv, near("texas"), between(*feb25))),
        ("do you know how many flights the RAF flew in October 2025?", both(raf, between(*oct25))),
        ("How many P-8 flights near California in 2025, please?", both(p8, near("california"), between(*y25))),
    ]:
        add("r6-count", (text, o.count(pred)))


def _periods(o: Oracle, add: Add) -> None:
    t = o.today
    p8, u2 = _t("P8"), _t("U2")
    feb = o.bare_month(2)
    fy = feb[0].year
    for text, pred in [
        ("how many flights on Feb 3 2025?", _day(2025, 2, 3)),
        ("how many flights on 3 Feb 2025?", _day(2025, 2, 3)),
        ("how many flights on February 3rd, 2025?", _day(2025, 2, 3)),
        ("how many flights on Feb 3?", _day(fy, 2, 3)),
        ("how many flights on 3 Feb?", _day(fy, 2, 3)),
        ("how many flights on February 4th?", _day(fy, 2, 4)),
        ("how many P-8 flights on the 1st of February 2025?", both(p8, _day(2025, 2, 1))),
        ("how many flights on 2025-02-02?", _day(2025, 2, 2)),
        ("how many missions in Feb. 2025?", between(*month(2025, 2))),
        ("how many missions in Oct 2025?", between(*month(2025, 10))),
        ("how many missions in October of 2025?", between(*month(2025, 10))),
        ("how many flights last week?", between(dt.date(2026, 11, 16), dt.date(2026, 11, 22))),
        ("how many flights yesterday?", between(t - dt.timedelta(days=1), t - dt.timedelta(days=1))),
        ("how many flights this month?", between(t.replace(day=1), t)),
        ("how many flights in the past two weeks?", between(t - dt.timedelta(days=13), t)),
        ("how many flights in the last 2 years?", between(t.replace(year=t.year - 2) + dt.timedelta(days=1), t)),
        ("how many flights in the past year?", between(t.replace(year=t.year - 1) + dt.timedelta(days=1), t)),
        ("how many P-8 flights last year?", both(p8, between(*_y(t.year - 1)))),
        ("how many flights between Feb 1 and Feb 10, 2025?", between(dt.date(2025, 2, 1), dt.date(2025, 2, 10))),
        ("how many flights between Feb 1 and Feb 3?", between(dt.date(fy, 2, 1), dt.date(fy, 2, 3))),
        ("how many flights from January through March 2025?", between(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("how many flights from Jan 27 to Feb 5, 2025?", between(dt.date(2025, 1, 27), dt.date(2025, 2, 5))),
        ("how many flights Feb 3-5 2025?", between(dt.date(2025, 2, 3), dt.date(2025, 2, 5))),
        ("how many flights from 2025-01-27 to 2025-01-31?", between(dt.date(2025, 1, 27), dt.date(2025, 1, 31))),
        ("how many flights in mid-October 2025?", between(dt.date(2025, 10, 11), dt.date(2025, 10, 20))),
        ("how many flights in late Jan 2025?", between(dt.date(2025, 1, 21), dt.date(2025, 1, 31))),
        ("how many flights during the first week of Feb 2025?", between(dt.date(2025, 2, 1), dt.date(2025, 2, 7))),
        ("how many flights the weekend of 1 February 2025?", between(dt.date(2025, 2, 1), dt.date(2025, 2, 2))),
        ("how many U-2 flights since Oct 1, 2025?", both(u2, between(dt.date(2025, 10, 1), t))),
        ("how many flights since 1 October 2025?", between(dt.date(2025, 10, 1), t)),
        ("how many flights in Q1 of 2025?", between(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("how many flights in 2025 Q4?", between(dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
        ("how many flights through the end of January 2025?", between(dt.date(1990, 1, 1),
                                                                      dt.date(2025, 1, 31))),
        ("how many flights during October 2025?", between(*month(2025, 10))),
        ("how many flights throughout 2024?", between(*_y(2024))),
    ]:
        add("r6-period", (text, o.count(pred)))
    # bare "early February": the product's written reading is days 1–10 of the most recent February with records
    add("r6-period", ("how many flights in early February?", o.count(between(feb[0], feb[0] + dt.timedelta(days=9)))))


def _requests(o: Oracle, add: Add) -> None:
    y24, y25 = _y(2024), _y(2025)
    jan25, feb25, oct25 = month(2025, 1), month(2025, 2), month(2025, 10)
    p8, u2, rc, e3, q4 = _t("P8"), _t("U2"), _t("R135"), _t("E3TF"), _t("Q4")
    for text, pred in [
        ("give me the RC-135 flights in October 2025", both(rc, between(*oct25))),
        ("show me all P-3 missions", _t("P3")),
        ("show me all the U-2 flights", u2),
        ("list every RC-135 sortie near Kaliningrad", both(rc, near("kaliningrad-oblast"))),
        ("give me the P-8 missions near Texas", both(p8, near("texas"))),
        ("show me the flights on Feb 3 2025", _day(2025, 2, 3)),
        ("list the flights on 3 Feb 2025", _day(2025, 2, 3)),
        ("can you list the E-3 flights in 2025?", both(e3, between(*y25))),
        ("please list the drone flights over the Black Sea", both(_role("drone_recon"), over("black-sea"))),
        ("list all surveillance flights over Texas in 2024", both(_surv, over("texas"), between(*y24))),
    ]:
        add("r6-list", (text, o.listing(pred)))
    for text, pred, which in [
        ("when did the RAF last fly near Kaliningrad?", both(_op("raf"), near("kaliningrad-oblast")), "last"),
        ("when was the P-3's most recent flight?", _t("P3"), "last"),
        ("when was the first drone flight over the Black Sea?", both(_role("drone_recon"), over("black-sea")),
         "first"),
        ("when did an E-3 last fly over Texas?", both(e3, over("texas")), "last"),
        ("when did the U-2 first fly near Texas?", both(u2, near("texas")), "first"),
        ("what was the last P-8 flight near Texas?", both(p8, near("texas")), "last"),
    ]:
        add("r6-when", (text, o.when(pred, which)))
    for text, pred in [
        ("which planes flew over the Black Sea in October 2025?", both(over("black-sea"), between(*oct25))),
        ("what aircraft were near Kaliningrad?", near("kaliningrad-oblast")),
        ("which P-8s flew near Texas?", both(p8, near("texas"))),
        ("which aircraft flew over Oklahoma?", over("oklahoma")),
    ]:
        add("r6-aircraft", (text, o.aircraft(pred)))
    for text, pred, key in [
        ("P-8 flights by month in 2024", both(p8, between(*y24)), by_month),
        ("how many flights per type in October 2025?", between(*oct25), by_type),
        ("break down the February 2025 flights by operator", between(*feb25), by_op),
        ("surveillance flights per week in Jan 2025", both(_surv, between(*jan25)), by_week),
        ("flights per day near Texas in February 2025", both(near("texas"), between(*feb25)), by_day),
    ]:
        add("r6-breakdown", (text, o.breakdown(pred, key)))
    for text, pred, key in [
        ("what was the busiest day in Jan 2025?", between(*jan25), by_day),
        ("which type flew the most in 2024?", between(*y24), by_type),
        ("which month had the most U-2 flights?", u2, by_month),
    ]:
        add("r6-rank", (text, o.breakdown(pred, key, rank=True)))
    for text, a, b in [
        ("P-8 vs U-2 flights in 2024", both(p8, between(*y24)), both(u2, between(*y24))),
        ("were there more flights in January 2025 or February 2025?", between(*jan25), between(*feb25)),
        ("Navy vs Air Force in February 2025", both(_op("us-navy"), between(*feb25)),
         both(_op("us-air-force"), between(*feb25))),
        ("more drone flights or RC-135 flights in October 2025?", both(q4, between(*oct25)),
         both(rc, between(*oct25))),
        ("compare flights near Texas in 2024 and 2025", both(near("texas"), between(*y24)),
         both(near("texas"), between(*y25))),
    ]:
        add("r6-compare", (text, o.compare(a, b)))


def _declines(add: Add) -> None:
    for text in [
        # vague or unknown places
        "how many flights near Narnia?", "how many P-8 flights over Area 51?",
        "how many flights near Taxes in 2025?",
        # vague periods, ambiguous dates
        "how many flights around Christmas 2024?", "how many flights in FY2025?",
        "how many flights around 3 February 2025?", "how many flights recently?",
        "how many U-2 flights in Marsh 2025?", "how many flights on 04/02/2025?",
        # opinions and reasons
        "why is the Navy flying so many P-8s near California?", "is this unusual?",
        "was the U-2 flight near Texas illegal?", "who ordered the RC-135 flights?",
        "what's the typical number of P-8 flights per month?", "what is normal for U-2 flights near Texas?",
        # things the records do not hold
        "how high did the U-2 fly on 3 February 2025?",
        "what altitude did the RC-135 fly at?", "how fast do P-8s fly?", "how long did the E-3 stay over Texas?",
        "how many night flights near Texas in 2025?",
        "how many flights after dark in February 2025?", "how much fuel did the KC-135 offload?",
        "how many people were on the P-8?", "what was the P-8 looking for?",
    ]:
        add("r6-decline", (text, Expect("decline")))
    for text in ["how many P-8 flights will there be in 2027?", "how many flights tomorrow?",
                 "how many U-2 flights next year?", "how many flights near Texas in December 2026?"]:
        add("r6-decline", (text, Expect("decline", reason="future")))


def _follow_ups(o: Oracle, add: Add) -> None:
    y24, y25 = _y(2024), _y(2025)
    jan25, feb25, oct25 = month(2025, 1), month(2025, 2), month(2025, 10)
    p8, u2, rc, e3 = _t("P8"), _t("U2"), _t("R135"), _t("E3TF")
    feb = o.bare_month(2)
    add("r6-follow-up",
        ("how many P-8 flights near California in January 2025?", o.count(both(p8, near("california"),
                                                                              between(*jan25)))),
        ("and near Arizona?", o.count(both(p8, near("arizona"), between(*jan25)))),
        ("same for February", o.count(both(p8, near("arizona"), between(*feb)))))
    add("r6-follow-up",
        ("how many RC-135 flights in 2025?", o.count(both(rc, between(*y25)))),
        ("how many of them were RAF?", o.count(both(rc, _op("raf"), between(*y25)))),
        ("show them on a map", Expect("picture")))
    add("r6-follow-up",
        ("how many surveillance flights in October 2025?", o.count(both(_surv, between(*oct25)))),
        ("what about the U-2?", o.count(both(u2, between(*oct25)))))
    add("r6-follow-up",
        ("how many P-8s near Texas in 2024?", o.count(both(p8, near("texas"), between(*y24)))),
        ("same for 2025", o.count(both(p8, near("texas"), between(*y25)))))
    add("r6-follow-up",
        ("how many Navy flights in February 2025?", o.count(both(_op("us-navy"), between(*feb25)))),
        ("what about the Air Force?", o.count(both(_op("us-air-force"), between(*feb25)))))
    add("r6-follow-up",
        ("any E-3 flights in 2025?", o.count(both(e3, between(*y25)))),
        ("which ones?", o.listing(both(e3, between(*y25)))),
        ("the first one?", o.when(both(e3, between(*y25)), "first")))
    add("r6-follow-up",
        ("how many missions near Kaliningrad in October 2025?", o.count(both(near("kaliningrad-oblast"),
                                                                             between(*oct25)))),
        ("how many of them were Navy?", o.count(both(near("kaliningrad-oblast"), _op("us-navy"),
                                                     between(*oct25)))))
    add("r6-follow-up",
        ("how many flights over Texas in 2025?", o.count(both(over("texas"), between(*y25)))),
        ("what about the P-8s?", o.count(both(p8, over("texas"), between(*y25)))),
        ("list them", o.listing(both(p8, over("texas"), between(*y25)))))
    add("r6-follow-up",
        ("how many P-8 flights near Texas in 2025?", o.count(both(p8, near("texas"), between(*y25)))),
        ("how about near Atlantis?", Expect("decline")),
        ("and in 2024?", o.count(both(p8, near("texas"), between(*y24)))))
    add("r6-follow-up",
        ("how many U-2 flights in 2024?", o.count(both(u2, between(*y24)))),
        ("and 2025?", o.count(both(u2, between(*y25)))),
        ("why?", Expect("decline")))
    add("r6-follow-up",
        ("list the surveillance flights over Arizona in 2025", o.listing(both(_surv, over("arizona"),
                                                                             between(*y25)))),
        ("how many were Navy?", o.count(both(_surv, over("arizona"), _op("us-navy"), between(*y25)))))
    add("r6-follow-up",
        ("how many flights near Texas in February 2025?", o.count(both(near("texas"), between(*feb25)))),
        ("and in early February?", o.count(both(near("texas"), between(feb[0], feb[0] + dt.timedelta(days=9))))))


def _held_out(o: Oracle, add: Add) -> None:
    """A second batch (category ``r6b-``), written after the first batch's fixes and run once before any fix of its
    own: word orders, nicknames and foreign places, operators' other names, yes/no questions, negations."""
    y24, y25 = _y(2024), _y(2025)
    jan25, feb25, oct25 = month(2025, 1), month(2025, 2), month(2025, 10)
    p8, u2, rc, e3, q4 = _t("P8"), _t("U2"), _t("R135"), _t("E3TF"), _t("Q4")
    navy, usaf, raf = _op("us-navy"), _op("us-air-force"), _op("raf")
    for text, pred in [
        ("How many P-8 flights were there in January and February of 2025?",
         both(p8, between(dt.date(2025, 1, 1), dt.date(2025, 2, 28)))),
        ("what's the total for U-2 flights?", u2),
        ("How many U-2 missions did the Air Force fly in Feb 2025 near Texas?",
         both(usaf, u2, near("texas"), between(*feb25))),
        ("how many flights happened on Feb 2nd 2025 over Texas?", both(over("texas"), _day(2025, 2, 2))),
        ("In 2024, how many P-8 flights were there near California?", both(p8, near("california"), between(*y24))),
        ("Near Kaliningrad, how many RC-135 flights in Oct 2025?",
         both(rc, near("kaliningrad-oblast"), between(*oct25))),
        ("RC-135 flights near Kaliningrad: how many?", both(rc, near("kaliningrad-oblast"))),
        ("how many flights by P-8 aircraft over California during January 2025?",
         both(p8, over("california"), between(*jan25))),
        ("P-8 flight count for 2024", both(p8, between(*y24))),
        ("U-2 flights - how many in 2024?", both(u2, between(*y24))),
        ("how many times was a U-2 spotted near Texas?", both(u2, near("texas"))),
        ("how many Global Hawk drone flights in 2025?", both(q4, between(*y25))),
        ("how many unmanned flights in 2025?", both(_role("drone_recon"), between(*y25))),
        ("how many E-3 Sentry flights in 2025?", both(e3, between(*y25))),
        ("how many AWACS missions over Oklahoma in 2025?", both(e3, over("oklahoma"), between(*y25))),
        ("how many Stratotanker flights?", _t("K35R")),
        ("how many C-17 Globemaster flights?", _t("C17")),
        ("how many Boeing 737 flights?", _t("B738")),
        ("how many P-8 Poseidon flights near Baja in 2025?", both(p8, near("baja-peninsula"), between(*y25))),
        ("how many flights near the Sea of Cortez?", near("gulf-of-california")),
        ("how many flights over the Gulf of America in 2025?", both(over("gulf-of-mexico"), between(*y25))),
        ("how many flights near the southwestern US in 2024?", both(near("southwestern-us"), between(*y24))),
        ("how many flights near Poland?", near("poland")),
        ("how many flights near Ukraine?", near("ukraine")),
        ("how many flights over Greece?", over("greece")),
        ("how many flights near the UK in October 2025?", both(near("united-kingdom"), between(*oct25))),
        ("how many flights near Sweden?", near("sweden")),
        ("how many USN flights in 2025?", both(navy, between(*y25))),
        ("how many flights by the U.S. Navy in 2025?", both(navy, between(*y25))),
        ("how many Marine Corps flights?", _op("usmc")),
        ("Was there a U-2 flight on February 3, 2025?", both(u2, _day(2025, 2, 3))),
        ("Did a P-8 fly over Texas on 1 February 2025?", both(p8, over("texas"), _day(2025, 2, 1))),
        ("Has the RAF flown near Crimea?", both(raf, near("crimea"))),
        ("Did any drones fly near Kaliningrad?", both(_role("drone_recon"), near("kaliningrad-oblast"))),
        ("how many flights between 1 Feb and 10 Feb 2025 near Texas or Arizona?",
         both(lambda r: near("texas")(r) or near("arizona")(r), between(dt.date(2025, 2, 1), dt.date(2025, 2, 10)))),
        ("how many flights near Texas but not over it in 2025?",
         both(near("texas"), lambda r: not over("texas")(r), between(*y25))),
        ("how many non-surveillance military flights in 2025?",
         both(lambda r: r.military and not r.surv, between(*y25))),
        ("how many flights except drones in October 2025?", both(lambda r: r.role != "drone_recon",
                                                                  between(*oct25))),
        ("how many flights did Navy P-8s fly over the Pacific in 2024?",
         both(navy, p8, over("north-pacific-ocean"), between(*y24))),
    ]:
        add("r6b-count", (text, o.count(pred)))
    for text in ["how many flights near Main in 2025?", "how many U-2 flights in Match 2025?",
                 "what's the usual number of flights per week?", "how many flights are expected next week?",
                 "what was the busiest hour?",
                 "how many flights took off from Tucson?",
                 "how many flights landed at NAS North Island?", "which flights turned off their transponders?",
                 "how many flights in the last few days?", "how many flights over the holidays?",
                 "how many flights in spring 2025?", "how many flights in H2 2025?"]:
        add("r6b-decline", (text, Expect("decline")))
    add("r6b-follow-up",
        ("how many P-8 flights in January 2025?", o.count(both(p8, between(*jan25)))),
        ("how about U-2s?", o.count(both(u2, between(*jan25)))))
    add("r6b-follow-up",
        ("how many surveillance flights near Texas in 2025?", o.count(both(_surv, near("texas"), between(*y25)))),
        ("list them", o.listing(both(_surv, near("texas"), between(*y25)))),
        ("which aircraft?", o.aircraft(both(_surv, near("texas"), between(*y25)))))
    add("r6b-follow-up",
        ("how many flights over Arizona in 2025?", o.count(both(over("arizona"), between(*y25)))),
        ("how many of those were drones?", o.count(both(over("arizona"), _role("drone_recon"), between(*y25)))))
    add("r6b-follow-up",
        ("how many U-2 flights?", o.count(u2)),
        ("when was the first?", o.when(u2, "first")))
    add("r6b-follow-up",
        ("how many RAF flights in October 2025?", o.count(both(raf, between(*oct25)))),
        ("and USAF?", o.count(both(usaf, between(*oct25)))))


def _traps(o: Oracle, add: Add) -> None:
    """A third batch (category ``r6c-``), run once before any fix of its own: questions that tempt a wrong answer —
    negations and exclusions, distances in other units, times of day, typos, invalid dates, unions and narrowing
    follow-ups."""
    t = o.today
    y24, y25 = _y(2024), _y(2025)
    jan25, feb25 = month(2025, 1), month(2025, 2)
    p8, u2, q4 = _t("P8"), _t("U2"), _t("Q4")
    for text, pred in [
        ("how many flights within 50 miles of Arizona?", near("arizona", 50 * 0.868976)),
        ("how many flights within 100 km of Texas in 2025?", both(near("texas", 100 / 1.852), between(*y25))),
        ("how many flights in 2024 and 2025 near Texas?", both(near("texas"), between(dt.date(2024, 1, 1),
                                                                                     dt.date(2025, 12, 31)))),
        ("flights on 4 Feb 2025 near Arizona", both(near("arizona"), _day(2025, 2, 4))),
        ("how many flights near Texas in the last 2 years?",
         both(near("texas"), between(t.replace(year=t.year - 2) + dt.timedelta(days=1), t))),
        ("how many flights in the 2024 calendar year?", between(*y24)),
        ("how many flights in 1995?", between(dt.date(1995, 1, 1), dt.date(1995, 12, 31))),
        ("how many flights by P-8s or P-3s in January 2025?", both(_t("P8", "P3"), between(*jan25))),
        ("how many U-2 or Global Hawk flights near Arizona?", both(_t("U2", "Q4"), near("arizona"))),
    ]:
        add("r6c-count", (text, o.count(pred)))
    for text, pred, said in [
        ("how many flights near texas in febuary?", both(near("texas"), between(*o.bare_month(2))), "febuary"),
        ("how many flihgts over Arizona in 2025?", both(over("arizona"), between(*y25)), "flihgts"),
        ("how many flights over Arizon in 2025?", both(over("arizona"), between(*y25)), "Arizon"),
        ("how many P-8 flights near Californai in 2024?", both(p8, near("california"), between(*y24)), "Californai"),
    ]:
        add("r6c-typo", (text, Expect("count", len(o.sel(pred)), says=(said,))))
    for text, pred, which in [
        ("what was the last flight?", lambda r: True, "last"),
        ("most recent mission near Texas?", near("texas"), "last"),
        ("first flight of 2025", between(*y25), "first"),
        ("when did the first P-8 flight in February 2025 take place?", both(p8, between(*feb25)), "first"),
    ]:
        add("r6c-when", (text, o.when(pred, which)))
    add("r6c-list", ("list the flights on February 4th, 2025", o.listing(_day(2025, 2, 4))))
    add("r6c-breakdown", ("how many flights each day last week?",
                          o.breakdown(between(dt.date(2026, 11, 16), dt.date(2026, 11, 22)), by_day)))
    add("r6c-compare", ("how many flights near Texas in 2024 or 2025?",
                        o.compare(both(near("texas"), between(*y24)), both(near("texas"), between(*y25)))))
    for text in [
        "how many of the 18 missions were P-8s?", "how many flights more than 20 nm from Texas?",
        "how many flights at least 10 nm off the coast of California?",
        "how many P-8s flew near Texas, excluding February?", "how many flights in 2025 not including October?",
        "how many flights outside Texas in 2025?", "how many flights not near Texas in 2024?",
        "how many flights near Texas on weekends?", "how many flights on Mondays in 2025?",
        "how many flights in the morning?", "how many flights before noon on Feb 3 2025?",
        "how many flights after 6pm on 2 February 2025?", "how many flights on the 4th?",
        "how many flights over Texas in 2O25?", "how many flights in 20255?", "how many flights on 31 February 2025?",
        "how many flights near Texas, give or take?", "roughly how many P-8 flights in 2025?",
    ]:
        add("r6c-decline", (text, Expect("decline")))
    add("r6c-follow-up",
        ("how many P-8 flights in 2024?", o.count(both(p8, between(*y24)))),
        ("and over Texas?", o.count(both(p8, over("texas"), between(*y24)))))
    add("r6c-follow-up",
        ("how many U-2 flights near Texas?", o.count(both(u2, near("texas")))),
        ("only in 2025?", o.count(both(u2, near("texas"), between(*y25)))))
    add("r6c-follow-up",
        ("how many drone flights?", o.count(_role("drone_recon"))),
        ("which of them were over the Black Sea?", o.listing(both(q4, over("black-sea")))))
    add("r6c-follow-up",
        ("how many flights over Texas in 2025?", o.count(both(over("texas"), between(*y25)))),
        ("by type", o.breakdown(both(over("texas"), between(*y25)), by_type)))
    add("r6c-follow-up",
        ("how many surveillance flights over California in 2024?",
         o.count(both(_surv, over("california"), between(*y24)))),
        ("how many were not P-8s?", o.count(both(_surv, over("california"), lambda r: r.type != "P8",
                                                 between(*y24)))))
    add("r6c-follow-up",
        ("list RC-135 flights in 2025", o.listing(both(_t("R135"), between(*y25)))),
        ("only the RAF ones", o.listing(both(_t("R135"), _op("raf"), between(*y25)))))
    add("r6c-follow-up",
        ("how many P-8 flights in February 2025?", o.count(both(p8, between(*feb25)))),
        ("and the month before?", o.count(both(p8, between(*jan25)))))
