"""Round 7 of the oracle (2026-12-05): a world-wide desk's questions — seas, straits, countries and air bases far
from the US border (the Black Sea, Kaliningrad, the Baltic, the Taiwan Strait, the Persian Gulf, RAF Mildenhall,
Kadena…), operators other than the US services (RAF, Luftwaffe, French Air and Space Force, Russian Aerospace
Forces, PLA), types by nickname and role, loose comparisons and rankings, multi-turn follow-ups, Slack noise
(mentions, emoji, quotes, links, line breaks, "thx") and traps: scope words a reader might drop ("excluding",
"unless", "apart from", "at night", "more than twice", "average", "from Kadena", "entered", "left", "over land"),
relative dates with unclear anchors, two-digit years and misspellings that are English words.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``).
Places the demo's missions never came within reach of (the Taiwan Strait, Kadena…) have no MissionRegion row, so
their counts are 0 — a reader that drops such a place answers a larger number, which is graded wrong.

``r7-`` is the first batch, ``r7b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tests.bot_core.oracle import (
    Expect,
    Oracle,
    Pred,
    between,
    both,
    by_month,
    by_op,
    by_type,
    by_week,
    either,
    month,
    near,
    over,
)
from tests.bot_core.oracle_round6 import _day, _op, _role, _surv, _t, _y

Add = Callable[..., None]
KAL = "kaliningrad-oblast"
US_OPS = ("us-navy", "us-air-force", "usmc", "cbp")


def _not(p: Pred) -> Pred:
    return lambda r: not p(r)


def _past_weekend(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last Saturday and Sunday wholly before today."""
    sunday = today - dt.timedelta(days=today.isoweekday() % 7 or 7)
    return sunday - dt.timedelta(days=1), sunday


def round7(o: Oracle, add: Add) -> None:
    _world(o, add)
    _operators_and_types(o, add)
    _periods(o, add)
    _answers_of_other_kinds(o, add)
    _slack(o, add)
    _traps(o, add)
    _declines(add)
    _follow_ups(o, add)


def _world(o: Oracle, add: Add) -> None:
    octb = o.bare_month(10)
    y25, oct25 = _y(2025), month(2025, 10)
    rc, q4 = _t("R135"), _t("Q4")
    for text, pred in [
        ("how many flights over the Black Sea in Oct?", both(over("black-sea"), between(*octb))),
        ("Black Sea flights in October 2025?", both(over("black-sea"), between(*oct25))),
        ("how many surveillance flights near the Black Sea in 2025?", both(_surv, near("black-sea"), between(*y25))),
        ("how many Rivet Joint sorties over the Baltic Sea?", both(rc, over("baltic-sea"))),
        ("how many flights over the Baltic in October 2025?", both(over("baltic-sea"), between(*oct25))),
        ("how many missions near Kaliningrad in October?", both(near(KAL), between(*octb))),
        ("how many flights near the Kaliningrad exclave?", near(KAL)),
        ("how many flights near Kaliningrad Oblast in 2025?", both(near(KAL), between(*y25))),
        ("how many flights in the Taiwan Strait in 2025?", both(over("taiwan-strait"), between(*y25))),
        ("how many surveillance flights near the Taiwan Strait?", both(_surv, near("taiwan-strait"))),
        ("how many P-8 flights over the South China Sea?", both(_t("P8"), over("south-china-sea"))),
        ("how many flights near the South China Sea in 2025?", both(near("south-china-sea"), between(*y25))),
        ("how many flights over the Persian Gulf?", over("persian-gulf")),
        ("how many drone flights near the Persian Gulf in 2025?",
         both(_role("drone_recon"), near("persian-gulf"), between(*y25))),
        ("how many flights over the Red Sea in October 2025?", both(over("red-sea"), between(*oct25))),
        ("how many flights near Gaza?", near("gaza-strip")),
        ("how many flights over the Gaza Strip in 2025?", both(over("gaza-strip"), between(*y25))),
        ("how many flights near Greenland?", near("greenland")),
        ("how many flights near Crimea in Oct 2025?", both(near("crimea"), between(*oct25))),
        ("how many flights over Crimea in 2025?", both(over("crimea"), between(*y25))),
        ("how many drones near Crimea?", both(_role("drone_recon"), near("crimea"))),
        ("how many flights near Poland in October 2025?", both(near("poland"), between(*oct25))),
        ("how many flights over Poland?", over("poland")),
        ("how many flights in Polish airspace?", over("poland")),
        ("how many flights near the Russian border in 2025?", both(near("russia"), between(*y25))),
        ("how many flights near Russia?", near("russia")),
        ("how many flights over Russia?", over("russia")),
        ("how many flights over Turkey in 2025?", both(over("turkey"), between(*y25))),
        ("how many flights in Turkish airspace?", over("turkey")),
        ("how many flights near Ukraine in October 2025?", both(near("ukraine"), between(*oct25))),
        ("how many flights over Ukraine?", over("ukraine")),
        ("how many flights over Greece?", over("greece")),
        ("how many flights over Italy in October 2025?", both(over("italy"), between(*oct25))),
        ("how many flights over Sicily?", over("sicily")),
        ("how many flights over Denmark?", over("denmark")),
        ("how many flights over Sweden in 2025?", both(over("sweden"), between(*y25))),
        ("how many flights over the UK in October 2025?", both(over("united-kingdom"), between(*oct25))),
        ("how many flights over England?", over("england")),
        ("how many flights over the North Sea?", over("north-sea")),
        ("how many flights near Germany in 2025?", both(near("germany"), between(*y25))),
        ("how many flights over Germany?", over("germany")),
        ("how many flights near Lithuania?", near("lithuania")),
        ("how many flights near Latvia?", near("latvia")),
        ("how many flights near Estonia in 2025?", both(near("estonia"), between(*y25))),
        ("how many flights near the Baltic states?", near("baltic-states")),
        ("how many flights over the Aegean Sea?", over("aegean-sea")),
        ("how many flights over the Mediterranean in 2025?", both(over("mediterranean-sea"), between(*y25))),
        ("how many flights near the Mediterranean Sea?", near("mediterranean-sea")),
        ("how many flights near the Bosporus?", near("bosporus")),
        ("how many flights over the Sea of Marmara?", over("sea-of-marmara")),
        ("how many flights near Belarus?", near("belarus")),
        ("how many flights near Norway in 2025?", both(near("norway"), between(*y25))),
        ("how many flights near Romania?", near("romania")),
        ("how many flights near Bulgaria in October 2025?", both(near("bulgaria"), between(*oct25))),
        ("how many flights over the Middle East in 2025?", both(over("middle-east"), between(*y25))),
        ("how many flights over Europe in October 2025?", both(over("europe"), between(*oct25))),
        ("how many flights near Eastern Europe?", near("eastern-europe")),
        ("how many flights over Eastern Europe?", over("eastern-europe")),
        ("how many flights near NATO's eastern flank?", near("nato-eastern-flank")),
        ("how many flights in the Arctic?", over("the-arctic")),
        ("how many flights near RAF Mildenhall?", near("base-egun")),
        ("how many flights near Mildenhall in October 2025?", both(near("base-egun"), between(*oct25))),
        ("how many flights around RAF Lakenheath?", near("base-egul")),
        ("how many flights near Kadena?", near("base-rodn")),
        ("how many flights near Kadena Air Base in 2025?", both(near("base-rodn"), between(*y25))),
        ("how many flights near Incirlik?", near("base-ltag")),
        ("how many flights near Al Udeid?", near("base-otbh")),
        ("how many flights near Sigonella in October 2025?", both(near("base-licz"), between(*oct25))),
        ("how many flights near NAS Sigonella?", near("base-licz")),
        ("how many flights within 22 nm of Kaliningrad?", near(KAL, 22)),
        ("how many flights within 20 km of Kaliningrad?", near(KAL, 20 / 1.852)),
        ("how many flights within 25 miles of Kaliningrad?", near(KAL, 25 * 1609.344 / 1852)),
        ("how many flights within 40 km of Crimea?", near("crimea", 40 / 1.852)),
        ("how many flights within 10 nm of the Bosporus?", near("bosporus", 10)),
        ("how many flights in international airspace near Kaliningrad?", both(over("international-airspace"),
                                                                               near(KAL))),
        ("how many flights over international waters near Crimea?", both(over("international-airspace"),
                                                                           near("crimea"))),
        ("how many drones over the Black Sea in October 2025?",
         both(_role("drone_recon"), over("black-sea"), between(*oct25))),
        ("how many Global Hawks over the Black Sea last year?", both(q4, over("black-sea"), between(*y25))),
    ]:
        add("r7-world", (text, o.count(pred)))


def _operators_and_types(o: Oracle, add: Add) -> None:
    y24, y25, oct25, feb = _y(2024), _y(2025), month(2025, 10), o.bare_month(2)
    rc, q4, raf, usaf = _t("R135"), _t("Q4"), _op("raf"), _op("us-air-force")
    for text, pred in [
        ("how many RAF flights near Kaliningrad?", both(raf, near(KAL))),
        ("how many Royal Air Force sorties in October 2025?", both(raf, between(*oct25))),
        ("how many RAF Rivet Joint flights over the North Sea?", both(raf, rc, over("north-sea"))),
        ("how many times did the RAF fly over the Baltic in October?",
         both(raf, over("baltic-sea"), between(*o.bare_month(10)))),
        ("how many Luftwaffe flights near Kaliningrad?", both(_op("luftwaffe"), near(KAL))),
        ("how many German Air Force flights in 2025?", both(_op("luftwaffe"), between(*y25))),
        ("how many French Air and Space Force flights over the Mediterranean?",
         both(_op("french-air-space-force"), over("mediterranean-sea"))),
        ("how many French Air Force missions in 2025?", both(_op("french-air-space-force"), between(*y25))),
        ("how many Russian Aerospace Forces flights over the Black Sea?", both(_op("vks"), over("black-sea"))),
        ("how many VKS flights near Kaliningrad?", both(_op("vks"), near(KAL))),
        ("how many PLA flights near the Taiwan Strait?", both(_op("pla"), near("taiwan-strait"))),
        ("how many PLAAF flights in 2025?", both(_op("plaaf"), between(*y25))),
        ("how many PLA Navy flights over the South China Sea?", both(_op("plan"), over("south-china-sea"))),
        ("how many USAF flights in October 2025?", both(usaf, between(*oct25))),
        ("how many Air Force flights near Kaliningrad?", both(usaf, near(KAL))),
        ("how many US Navy flights over the Black Sea?", both(_op("us-navy"), over("black-sea"))),
        ("how many Navy Tritons in 2025?", both(_op("us-navy"), q4, between(*y25))),
        ("how many Poseidon flights near Texas in February?", both(_t("P8"), near("texas"), between(*feb))),
        ("how many Reaper flights in 2025?", both(_t("Q9"), between(*y25))),
        ("how many MQ-9s over the Black Sea?", both(_t("Q9"), over("black-sea"))),
        ("how many Global Hawk missions over the Black Sea in Oct 2025?", both(q4, over("black-sea"),
                                                                               between(*oct25))),
        ("how many RQ-4 flights in 2024?", both(q4, between(*y24))),
        ("how many Stratotanker flights in 2025?", both(_t("K35R"), between(*y25))),
        ("how many KC-135 flights over Texas?", both(_t("K35R"), over("texas"))),
        ("how many AWACS sorties in 2024?", both(_t("E3TF", "E3CF"), between(*y24))),
        ("how many E-3 Sentry flights over Oklahoma?", both(_t("E3TF", "E3CF"), over("oklahoma"))),
        ("how many Rivet Joint missions in 2025?", both(rc, between(*y25))),
        ("how many RC-135 flights near Kaliningrad in Oct 2025?", both(rc, near(KAL), between(*oct25))),
        ("how many bombers flew over the Baltic Sea?", both(_role("bomber"), over("baltic-sea"))),
        ("how many bomber flights in 2025?", both(_role("bomber"), between(*y25))),
        ("how many tankers flew near Texas?", both(_role("tanker"), near("texas"))),
        ("how many ISR flights over the Black Sea?", both(_surv, over("black-sea"))),
        ("how many ISR flights near Kaliningrad in October 2025?", both(_surv, near(KAL), between(*oct25))),
        ("how many spy planes near Crimea in 2025?", both(_surv, near("crimea"), between(*y25))),
        ("how many reconnaissance flights near Kaliningrad?", both(_surv, near(KAL))),
        ("how many surveillance drones over the Black Sea?", both(_role("drone_recon"), over("black-sea"))),
        ("how many maritime patrol aircraft flew over the Baltic?", both(_role("maritime_patrol"),
                                                                          over("baltic-sea"))),
        ("how many transport flights near Texas in 2025?", both(_role("transport"), near("texas"), between(*y25))),
        ("how many C-17 flights in 2025?", both(_t("C17"), between(*y25))),
        ("how many U-2 missions near Texas in February?", both(_t("U2"), near("texas"), between(*feb))),
        ("how many Dragon Lady flights in 2024?", both(_t("U2"), between(*y24))),
        ("how many P-3 Orion flights in 2025?", both(_t("P3"), between(*y25))),
        ("how many E-6 flights in 2025?", both(_t("E6"), between(*y25))),
        ("how many airliners flew over Arizona?", both(_role("airliner"), over("arizona"))),
    ]:
        add("r7-operator-type", (text, o.count(pred)))


def _periods(o: Oracle, add: Add) -> None:
    t = o.today
    oct25 = month(2025, 10)
    sat, sun = _past_weekend(t)
    for text, pred in [
        ("how many flights this past weekend?", between(sat, sun)),
        ("how many flights over the weekend?", between(sat, sun)),
        ("how many flights in the last fortnight?", between(t - dt.timedelta(days=13), t)),
        ("how many flights in the past 60 days?", between(t - dt.timedelta(days=59), t)),
        ("how many flights last month?", between(*month(t.year, t.month - 1))),
        ("how many flights near Kaliningrad last October?", both(near(KAL), between(*month(t.year, 10)))),
        ("how many flights in October last year?", between(*month(t.year - 1, 10))),
        ("how many flights in October of last year?", between(*month(t.year - 1, 10))),
        ("how many flights in Oct.?", between(*o.bare_month(10))),
        ("how many flights in the year before last?", between(*_y(t.year - 2))),
        ("how many P-8 flights in Feb '25?", both(_t("P8"), between(*month(2025, 2)))),
        ("how many U-2 flights in '24?", both(_t("U2"), between(*_y(2024)))),
        ("how many flights near Kaliningrad since October 1st, 2025?", both(near(KAL), between(dt.date(2025, 10, 1),
                                                                                              t))),
        ("how many flights near Kaliningrad between Oct 5 and Oct 20, 2025?",
         both(near(KAL), between(dt.date(2025, 10, 5), dt.date(2025, 10, 20)))),
        ("how many flights in the week of 13 October 2025?", between(dt.date(2025, 10, 13), dt.date(2025, 10, 19))),
        ("how many flights on 2025-10-21?", _day(2025, 10, 21)),
        ("how many flights on October 21?", _day(2025, 10, 21)),
        ("how many flights on the 21st of October 2025?", _day(2025, 10, 21)),
        ("how many flights on Tuesday 21 October 2025?", _day(2025, 10, 21)),
        ("how many flights on the weekend of 18 October 2025?", between(dt.date(2025, 10, 18),
                                                                        dt.date(2025, 10, 19))),
        ("how many flights near Kaliningrad in late October 2025?",
         both(near(KAL), between(dt.date(2025, 10, 21), dt.date(2025, 10, 31)))),
        ("how many flights near Kaliningrad in the first half of October 2025?",
         both(near(KAL), between(dt.date(2025, 10, 1), dt.date(2025, 10, 15)))),
        ("how many Black Sea flights in Q4 2025?", both(over("black-sea"), between(dt.date(2025, 10, 1),
                                                                                   dt.date(2025, 12, 31)))),
        ("how many flights over the Black Sea before 15 October 2025?",
         both(over("black-sea"), between(dt.date(1990, 1, 1), dt.date(2025, 10, 14)))),
        ("how many flights over the Baltic Sea after 14 October 2025?",
         both(over("baltic-sea"), between(dt.date(2025, 10, 15), t))),
        ("how many flights near Kaliningrad in September 2025?", both(near(KAL), between(*month(2025, 9)))),
        ("how many flights near Crimea in the first week of October 2025?",
         both(near("crimea"), between(dt.date(2025, 10, 1), dt.date(2025, 10, 7)))),
        ("how many flights so far this year?", between(dt.date(t.year, 1, 1), t)),
        ("how many flights near Kaliningrad this year?", both(near(KAL), between(dt.date(t.year, 1, 1), t))),
        ("how many flights over the Black Sea in Oct-2025?", both(over("black-sea"), between(*oct25))),
    ]:
        add("r7-period", (text, o.count(pred)))


def _answers_of_other_kinds(o: Oracle, add: Add) -> None:
    oct25, y25, y24 = month(2025, 10), _y(2025), _y(2024)
    feb, jan = o.bare_month(2), o.bare_month(1)
    rc, q4, raf, usaf = _t("R135"), _t("Q4"), _op("raf"), _op("us-air-force")
    for text, pred in [
        ("list the RAF flights near Kaliningrad", both(raf, near(KAL))),
        ("show me the Rivet Joint flights near Kaliningrad in Oct 2025", both(rc, near(KAL), between(*oct25))),
        ("list the Global Hawk flights over the Black Sea in October 2025", both(q4, over("black-sea"),
                                                                                  between(*oct25))),
        ("which flights went near RAF Mildenhall?", near("base-egun")),
        ("list all flights near Crimea", near("crimea")),
    ]:
        add("r7-list", (text, o.listing(pred)))
    for text, pred in [
        ("which aircraft flew over the Baltic Sea in October 2025?", both(over("baltic-sea"), between(*oct25))),
        ("which planes were near Crimea?", near("crimea")),
        ("what RAF aircraft flew near Kaliningrad?", both(raf, near(KAL))),
    ]:
        add("r7-aircraft", (text, o.aircraft(pred)))
    for text, pred, which in [
        ("when did the last Global Hawk fly over the Black Sea?", both(q4, over("black-sea")), "last"),
        ("what was the first RAF mission near Kaliningrad?", both(raf, near(KAL)), "first"),
        ("when was the most recent flight near Crimea?", near("crimea"), "last"),
        ("when did a US Air Force RC-135 last fly near Kaliningrad?", both(usaf, rc, near(KAL)), "last"),
    ]:
        add("r7-when", (text, o.when(pred, which)))
    for text, pred, key in [
        ("RC-135 flights per week near Kaliningrad in October 2025", both(rc, near(KAL), between(*oct25)), by_week),
        ("flights by operator near Kaliningrad", near(KAL), by_op),
        ("break down the October 2025 flights by type", between(*oct25), by_type),
        ("Black Sea flights by month", over("black-sea"), by_month),
        ("what types flew near Crimea?", near("crimea"), by_type),
    ]:
        add("r7-breakdown", (text, o.breakdown(pred, key)))
    for text, pred, key in [
        ("top 3 types in October 2025", between(*oct25), by_type),
        ("which operator flew the most near Kaliningrad?", near(KAL), by_op),
        ("busiest week in October 2025?", between(*oct25), by_week),
        ("which month had the most flights in 2025?", between(*y25), by_month),
        ("what was the most common type over the Black Sea?", over("black-sea"), by_type),
    ]:
        add("r7-rank", (text, o.breakdown(pred, key, rank=True)))
    for text, a, b in [
        ("was Feb busier than Jan?", between(*feb), between(*jan)),
        ("were there more flights in October 2025 than in February 2025?", between(*oct25),
         between(*month(2025, 2))),
        ("RAF vs USAF near Kaliningrad", both(raf, near(KAL)), both(usaf, near(KAL))),
        ("how does October 2025 compare with October 2024?", between(*oct25), between(*month(2024, 10))),
        ("did RAF flights near Kaliningrad go up from September to October 2025?",
         both(raf, near(KAL), between(*month(2025, 9))), both(raf, near(KAL), between(*oct25))),
        ("more flights near Crimea or near Kaliningrad in October 2025?", both(near("crimea"), between(*oct25)),
         both(near(KAL), between(*oct25))),
        ("more drone flights or RC-135 flights near Kaliningrad?", both(_role("drone_recon"), near(KAL)),
         both(rc, near(KAL))),
        ("Global Hawk vs Rivet Joint in 2025", both(q4, between(*y25)), both(rc, between(*y25))),
        ("were there more P-8 flights in 2024 or 2025?", both(_t("P8"), between(*y24)),
         both(_t("P8"), between(*y25))),
        ("which was busier, the Black Sea or the Baltic Sea, in October 2025?",
         both(over("black-sea"), between(*oct25)), both(over("baltic-sea"), between(*oct25))),
    ]:
        add("r7-compare", (text, o.compare(a, b)))


def _slack(o: Oracle, add: Add) -> None:
    oct25, feb25, y24, y25 = month(2025, 10), month(2025, 2), _y(2024), _y(2025)
    rc, q4 = _t("R135"), _t("Q4")
    for text, pred in [
        ("<@U02ABCDEF> how many RC-135 flights near Kaliningrad in October 2025?",
         both(rc, near(KAL), between(*oct25))),
        ("@flightcheck how many drones over the Black Sea in Oct 2025 :eyes:",
         both(_role("drone_recon"), over("black-sea"), between(*oct25))),
        ("hey bot :wave: quick one - how many RAF flights near Kaliningrad?? thx", both(_op("raf"), near(KAL))),
        ("how many P-8 flights near Texas in Feb 2025? <https://www.cnn.com/2025/02/10/politics/spy-planes|cnn story>",
         both(_t("P8"), near("texas"), between(*feb25))),
        ("how many RC-135s near Kaliningrad\nin October 2025?", both(rc, near(KAL), between(*oct25))),
        ("*how many* U-2 flights in 2024?", both(_t("U2"), between(*y24))),
        ("how many `RC-135` flights in October 2025?", both(rc, between(*oct25))),
        ("How many E-3s over Texas in 2025 🙏", both(_t("E3TF", "E3CF"), over("texas"), between(*y25))),
        ("how many flights over the Black Sea in October 2025? thanks!!", both(over("black-sea"), between(*oct25))),
        ("RAF RC-135 flights near Kaliningrad in Oct 2025 — how many? cheers",
         both(_op("raf"), rc, near(KAL), between(*oct25))),
        ("_how many_ Global Hawk flights in 2024?", both(q4, between(*y24))),
        ("how many U-2 flights near Texas in Feb 2025 ty", both(_t("U2"), near("texas"), between(*feb25))),
        ("> Russian MoD says US drones flew over the Black Sea\nhow many Global Hawk flights over the Black Sea in "
         "October 2025?", both(q4, over("black-sea"), between(*oct25))),
        ("hi @channel :rotating_light: how many flights near Crimea in October 2025?",
         both(near("crimea"), between(*oct25))),
        ("HOW MANY RAF FLIGHTS NEAR KALININGRAD IN OCTOBER 2025???", both(_op("raf"), near(KAL),
                                                                          between(*oct25))),
        ("how many global hawk flights over the black sea in oct 2025 pls", both(q4, over("black-sea"),
                                                                                 between(*oct25))),
        ("Morning! How many Rivet Joints near Kaliningrad in October 2025? :pray:",
         both(rc, near(KAL), between(*oct25))),
        ("how many flights near Kalinigrad in 2025?", both(near(KAL), between(*y25))),
        ("how many flights over the Blak Sea in 2025?", both(over("black-sea"), between(*y25))),
        ("how many flights near Crimia?", near("crimea")),
    ]:
        add("r7-slack", (text, o.count(pred)))
    add("r7-slack", ("<@U02ABCDEF> list the RAF flights near Kaliningrad :thread:",
                     o.listing(both(_op("raf"), near(KAL)))))


def _traps(o: Oracle, add: Add) -> None:
    oct25, feb25, y25 = month(2025, 10), month(2025, 2), _y(2025)
    rc, raf = _t("R135"), _op("raf")
    for text, pred in [
        ("how many flights near Kaliningrad excluding the RAF?", both(near(KAL), _not(raf))),
        ("how many RC-135 flights near Kaliningrad, excluding RAF ones?", both(rc, near(KAL), _not(raf))),
        ("apart from the P-8s, how many surveillance flights were there in Feb 2025?",
         both(_surv, _not(_t("P8")), between(*feb25))),
        ("how many surveillance flights in October 2025 except the Global Hawks?",
         both(_surv, _not(_t("Q4")), between(*oct25))),
        ("how many flights in 2025 other than RC-135s?", both(_not(rc), between(*y25))),
        ("how many flights entered Polish airspace?", over("poland")),
        ("how many drones crossed into Ukrainian airspace?", both(_role("drone_recon"), over("ukraine"))),
        ("how many flights crossed over Turkey in October 2025?", both(over("turkey"), between(*oct25))),
        ("how many British flights near Kaliningrad?", both(raf, near(KAL))),
        ("how many American flights near Kaliningrad?", both(_op(*US_OPS), near(KAL))),
        ("how many US surveillance flights over the Black Sea?", both(_surv, _op(*US_OPS), over("black-sea"))),
        ("how many Russian flights over the Black Sea?", both(_op("vks", "russian-navy"), over("black-sea"))),
        ("how many RC-135 flights near Kaliningrad not flown by the RAF?", both(rc, near(KAL), _not(raf))),
        ("how many non-RAF flights near Kaliningrad?", both(near(KAL), _not(raf))),
        ("how many Navy flights over the Black Sea or the Baltic?", both(_op("us-navy"), either(
            over("black-sea"), over("baltic-sea")))),
        ("how many flights over the Mediterranean in October 2025?", both(over("mediterranean-sea"),
                                                                          between(*oct25))),
    ]:
        add("r7-trap", (text, o.count(pred)))
    add("r7-trap", ("RC-135 flights per week near Kaliningrad",
                    o.breakdown(both(rc, near(KAL)), by_week)))


def _declines(add: Add) -> None:
    for text in [
        # places a reader could guess at
        "how many flights near the Gulf?", "how many flights over the Gulf in 2025?",
        "how many flights near Grease?", "how many flights over the Black See?", "how many flights near Wails?",
        "how many flights near Crime in 2025?", "how many flights near Chilly?", "how many flights near Georgia?",
        "how many flights over the sea near Crimea?", "how many flights over land in Crimea?",
        "how many flights over water near Kaliningrad?", "how many flights over land in 2025?",
        "how many NATO flights near Kaliningrad?",
        # departures and movements the records do not hold
        "how many flights from Kadena in 2025?", "how many RC-135s took off from Mildenhall?",
        "how many flights departed Incirlik?", "how many flights out of Al Udeid?",
        "how many flights left Turkish airspace?", "how many flights returned to RAF Mildenhall?",
        "how many flights flew from RAF Mildenhall to the Baltic?",
        # filters the records do not hold
        "how many flights near Kaliningrad only at night?", "how many night flights over the Black Sea?",
        "how many aircraft flew near Kaliningrad more than twice?",
        "how many aircraft flew more than once over the Black Sea?",
        "average flights per week near Kaliningrad",
        "median number of flights per month in 2025", "how many drones were shot down over the Black Sea?",
        "how many flights were intercepted near Kaliningrad?", "how many flights had their transponder off?",
        "how many RC-135 flights near Kaliningrad unless they were British?",
        "how many flights near Crimea unless it was a drone?",
        # periods without an anchor
        "how many flights since the war began?", "how many flights since the invasion?",
        "how many flights a month ago?", "how many flights in Oct 25?", "how many flights on 10/25?",
        "how many flights on 7/10/2025?", "how many flights in 25?", "how many flights this time last year?",
        "how many flights over the Black Sea in the fall of 2025?", "how many flights near Kaliningrad in FY25?",
        "how many flights a couple of weeks ago?", "how many flights near Crimea lately?",
        # reasons, opinions, the future
        "is the RAF flying more because of Ukraine?", "why are Global Hawks flying over the Black Sea?",
        "is this a provocation?", "how many flights near Kaliningrad next month?",
        "will the RC-135 fly near Kaliningrad again?",
    ]:
        add("r7-decline", (text, Expect("decline")))


def _follow_ups(o: Oracle, add: Add) -> None:
    t = o.today
    oct25, y24, y25 = month(2025, 10), _y(2024), _y(2025)
    feb25, feb = month(2025, 2), o.bare_month(2)
    rc, q4, raf = _t("R135"), _t("Q4"), _op("raf")
    base = both(rc, near(KAL), between(*oct25))
    add("r7-follow-up",
        ("how many RC-135 flights near Kaliningrad in October 2025?", o.count(base)),
        ("and the RAF?", o.count(both(base, raf))),
        ("which ones?", o.listing(both(base, raf))),
        ("only over the sea", Expect("decline")))
    add("r7-follow-up",
        ("how many Global Hawk flights over the Black Sea in 2025?", o.count(both(q4, over("black-sea"),
                                                                                 between(*y25)))),
        ("same but for Kaliningrad", o.count(both(q4, over(KAL), between(*y25)))))
    add("r7-follow-up",
        ("how many surveillance flights in October 2025?", o.count(both(_surv, between(*oct25)))),
        ("which of those were drones?", o.listing(both(_surv, _role("drone_recon"), between(*oct25)))))
    add("r7-follow-up",
        ("how many P-8 flights near Texas in February 2025?", o.count(both(_t("P8"), near("texas"),
                                                                           between(*feb25)))),
        ("drop the date", o.count(both(_t("P8"), near("texas")))))
    add("r7-follow-up",
        ("how many flights over the Black Sea in October 2025?", o.count(both(over("black-sea"),
                                                                             between(*oct25)))),
        ("and the Baltic?", o.count(both(over("baltic-sea"), between(*oct25)))))
    add("r7-follow-up",
        ("how many RAF flights in 2025?", o.count(both(raf, between(*y25)))),
        ("and the Luftwaffe?", o.count(both(_op("luftwaffe"), between(*y25)))))
    add("r7-follow-up",
        ("how many drones over the Black Sea in October 2025?",
         o.count(both(_role("drone_recon"), over("black-sea"), between(*oct25)))),
        ("how does that compare with October 2024?",
         o.compare(both(_role("drone_recon"), over("black-sea"), between(*oct25)),
                   both(_role("drone_recon"), over("black-sea"), between(*month(2024, 10))))))
    this_year = between(dt.date(t.year, 1, 1), t)
    add("r7-follow-up",
        ("how many RC-135 flights this year?", o.count(both(rc, this_year))),
        ("how does that compare with last year?", o.compare(both(rc, this_year), both(rc, between(*_y(t.year - 1))))))
    add("r7-follow-up",
        ("how many U-2 missions near Texas in February?", o.count(both(_t("U2"), near("texas"), between(*feb)))),
        ("and the RAF?", o.count(both(raf, near("texas"), between(*feb)))))
    add("r7-follow-up",
        ("how many Global Hawk flights in October 2025?", o.count(both(q4, between(*oct25)))),
        ("per week", o.breakdown(both(q4, between(*oct25)), by_week)))
    add("r7-follow-up",
        ("how many Rivet Joint flights near Kaliningrad?", o.count(both(rc, near(KAL)))),
        ("excluding the RAF ones?", o.count(both(rc, near(KAL), _not(raf)))))
    add("r7-follow-up",
        ("<@U1> how many P-8s over the Gulf of Mexico in 2025?", o.count(both(_t("P8"), over("gulf-of-mexico"),
                                                                             between(*y25)))),
        ("thx! and in 2024?", o.count(both(_t("P8"), over("gulf-of-mexico"), between(*y24)))))
    add("r7-follow-up",
        ("list the RAF flights near Kaliningrad", o.listing(both(raf, near(KAL)))),
        ("the last one?", o.when(both(raf, near(KAL)), "last")))
    add("r7-follow-up",
        ("how many flights near Crimea in 2025?", o.count(both(near("crimea"), between(*y25)))),
        ("only over water?", Expect("decline")),
        ("and over Crimea itself?", o.count(both(over("crimea"), between(*y25)))))
    add("r7-follow-up",
        ("how many flights near Kaliningrad in October 2025?", o.count(both(near(KAL), between(*oct25)))),
        ("how many of them were British?", o.count(both(near(KAL), raf, between(*oct25)))))
    add("r7-follow-up",
        ("how many surveillance flights over the Baltic Sea?", o.count(both(_surv, over("baltic-sea")))),
        ("what about the Black Sea?", o.count(both(_surv, over("black-sea")))),
        ("and in 2024?", o.count(both(_surv, over("black-sea"), between(*y24)))))
    add("r7-follow-up",
        ("how many flights near Taiwan in 2025?", o.count(both(near("taiwan"), between(*y25)))),
        ("and near Kadena?", o.count(both(near("base-rodn"), between(*y25)))))
    add("r7-follow-up",
        ("how many RC-135 flights in October 2025?", o.count(both(rc, between(*oct25)))),
        ("which of those were near Kaliningrad?", o.listing(both(rc, near(KAL), between(*oct25)))),
        ("any at night?", Expect("decline")))


def held_out(o: Oracle, add: Add) -> None:
    """The held-out batch (category ``r7b-``), written after the first batch's fixes and run once before any fix of
    its own: other seas, regions and bases of the same two theatres and far ones, other services and types, dates
    typed in other ways, exclusions and movements, comparisons, Slack noise and follow-ups."""
    _held_out_counts(o, add)
    _held_out_other_kinds(o, add)
    _held_out_declines(add)
    _held_out_follow_ups(o, add)


def _held_out_counts(o: Oracle, add: Add) -> None:
    t = o.today
    oct25, y25 = month(2025, 10), _y(2025)
    rc, q4, raf, usaf = _t("R135"), _t("Q4"), _op("raf"), _op("us-air-force")
    for text, pred in [
        ("how many flights near the Sea of Azov?", near("sea-of-azov")),
        ("how many flights over the Adriatic in 2025?", both(over("adriatic-sea"), between(*y25))),
        ("how many flights near the Adriatic Sea?", near("adriatic-sea")),
        ("how many flights over the Ionian Sea?", over("ionian-sea")),
        ("how many flights over Albania in October 2025?", both(over("albania"), between(*oct25))),
        ("how many flights near North Macedonia?", near("north-macedonia")),
        ("how many flights near the Dardanelles?", near("dardanelles")),
        ("how many flights near Malta?", near("malta")),
        ("how many flights near Moldova in 2025?", both(near("moldova"), between(*y25))),
        ("how many flights near Gotland?", near("gotland")),
        ("how many flights near the Netherlands?", near("netherlands")),
        ("how many flights near RAF Waddington?", near("base-egxw")),
        ("how many flights near Lakenheath in 2025?", both(near("base-egul"), between(*y25))),
        ("how many flights near Okinawa?", near("okinawa-prefecture")),
        ("how many flights near Japan in 2025?", both(near("japan"), between(*y25))),
        ("how many flights over the East China Sea?", over("east-china-sea")),
        ("how many flights near the Korean Peninsula?", near("korean-peninsula")),
        ("how many flights near the Strait of Hormuz?", near("strait-of-hormuz")),
        ("how many flights over Iran in 2025?", both(over("iran"), between(*y25))),
        ("how many flights near Israel?", near("israel")),
        ("how many flights near Yemen in October 2025?", both(near("yemen"), between(*oct25))),
        ("how many flights near Venezuela?", near("venezuela")),
        ("how many flights over the Barents Sea?", over("barents-sea")),
        ("how many Hellenic Air Force flights?", _op("hellenic-air-force")),
        ("how many Turkish Air Force flights over the Black Sea?", both(_op("turkish-air-force"),
                                                                         over("black-sea"))),
        ("how many JASDF flights in 2025?", both(_op("jasdf"), between(*y25))),
        ("how many Royal Navy flights near Kaliningrad?", both(_op("royal-navy"), near(KAL))),
        ("how many Marine Corps flights in 2025?", both(_op("usmc"), between(*y25))),
        ("how many A-50 flights over the Black Sea?", both(_t("A50"), over("black-sea"))),
        ("how many E-2 Hawkeye flights in 2025?", both(_t("E2"), between(*y25))),
        ("how many Orion flights in 2024?", both(_t("P3"), between(*_y(2024)))),
        ("how many flights near Kaliningrad, not counting the USAF?", both(near(KAL), _not(usaf))),
        ("how many surveillance flights near Kaliningrad but not the RC-135s?", both(_surv, near(KAL), _not(rc))),
        ("how many flights near Kaliningrad without the RAF?", both(near(KAL), _not(raf))),
        ("how many flights approached Kaliningrad in October 2025?", both(near(KAL), between(*oct25))),
        ("how many flights in Oct '25?", between(*oct25)),
        ("how many flights in 10/2025?", between(*oct25)),
        ("how many flights in the second half of 2025?", between(dt.date(2025, 7, 1), dt.date(2025, 12, 31))),
        ("how many flights during the first 10 days of October 2025?", between(dt.date(2025, 10, 1),
                                                                             dt.date(2025, 10, 10))),
        ("how many flights since Oct 1?", between(dt.date(t.year, 10, 1), t)),
        ("how many flights the day before yesterday?", between(t - dt.timedelta(days=2), t - dt.timedelta(days=2))),
        ("how many flights 10 days ago?", between(t - dt.timedelta(days=10), t - dt.timedelta(days=10))),
        ("how many flights near Kaliningrad from October 7 to 21, 2025?",
         both(near(KAL), between(dt.date(2025, 10, 7), dt.date(2025, 10, 21)))),
        ("how many flights near Kaliningrad from the 7th to the 14th of October 2025?",
         both(near(KAL), between(dt.date(2025, 10, 7), dt.date(2025, 10, 14)))),
        ("<!here> how many drones near Crimea in Oct 2025?", both(_role("drone_recon"), near("crimea"),
                                                                  between(*oct25))),
        ("how many RAF flights near Kaliningrad in October 2025? :flag-gb: :eyes:",
         both(raf, near(KAL), between(*oct25))),
        ("how many\n\nU-2 flights\n\nin 2024?", both(_t("U2"), between(*_y(2024)))),
        ("FYI how many flights over the Black Sea in Oct 2025", both(over("black-sea"), between(*oct25))),
        ("how many flights near Kaliningrad in Oct 2025 🇬🇧", both(near(KAL), between(*oct25))),
        ("how many P-8s near Texas in Feb 2025??? asking for a story", both(_t("P8"), near("texas"),
                                                                            between(*month(2025, 2)))),
        ("Hello! How many Global Hawk flights near Crimea in October 2025? Many thanks",
         both(q4, near("crimea"), between(*oct25))),
    ]:
        add("r7b-count", (text, o.count(pred)))


def _held_out_other_kinds(o: Oracle, add: Add) -> None:
    oct25, jan25 = month(2025, 10), month(2025, 1)
    rc, q4, raf, usaf = _t("R135"), _t("Q4"), _op("raf"), _op("us-air-force")
    add("r7b-list", ("list the USAF flights near Kaliningrad", o.listing(both(usaf, near(KAL)))))
    add("r7b-list", ("show RC-135 flights over the North Sea", o.listing(both(rc, over("north-sea")))))
    add("r7b-when", ("when was the first Global Hawk flight over the Black Sea?",
                     o.when(both(q4, over("black-sea")), "first")))
    add("r7b-when", ("when did a drone last fly near Crimea?", o.when(both(_role("drone_recon"), near("crimea")),
                                                                      "last")))
    add("r7b-aircraft", ("which RC-135s flew near Kaliningrad?", o.aircraft(both(rc, near(KAL)))))
    add("r7b-compare", ("was October 2025 busier than January 2025?", o.compare(between(*oct25),
                                                                                 between(*jan25))))
    add("r7b-compare", ("did the RAF fly more than the USAF near Kaliningrad?",
                        o.compare(both(raf, near(KAL)), both(usaf, near(KAL)))))
    add("r7b-compare", ("how many more RAF flights than USAF flights near Kaliningrad?",
                        o.compare(both(raf, near(KAL)), both(usaf, near(KAL)))))
    add("r7b-rank", ("top 2 operators near Kaliningrad", o.breakdown(near(KAL), by_op, rank=True)))
    add("r7b-rank", ("which week of October 2025 was busiest?", o.breakdown(between(*oct25), by_week, rank=True)))
    add("r7b-rank", ("which type was seen most over the Baltic Sea?", o.breakdown(over("baltic-sea"), by_type,
                                                                                    rank=True)))


def _held_out_declines(add: Add) -> None:
    for text in [
        "how many flights near Kaliningrad on weekdays?", "how many flights near Kaliningrad during daylight?",
        "what's the mean number of flights per week?", "how many flights took off from Sigonella?",
        "how many Global Hawks out of Sigonella?", "how many flights heading to Crimea?",
        "how many flights towards Kaliningrad?", "how many flights hugging the coast of Crimea?",
        "how many flights in the last two weekends?", "how many flights two weeks ago?",
        "how many flights in 2025 H1?", "how many flights near Crimea at least twice a week?",
        "how many flights over the Black Sea excluding October?", "how many drones were lost over the Black Sea?",
    ]:
        add("r7b-decline", (text, Expect("decline")))


def _held_out_follow_ups(o: Oracle, add: Add) -> None:
    oct25, y24, y25 = month(2025, 10), _y(2024), _y(2025)
    rc, q4, raf, usaf = _t("R135"), _t("Q4"), _op("raf"), _op("us-air-force")
    add("r7b-follow-up",
        ("how many flights near Kaliningrad in October 2025?", o.count(both(near(KAL), between(*oct25)))),
        ("just the USAF", o.count(both(usaf, near(KAL), between(*oct25)))),
        ("and over the Baltic Sea?", o.count(both(usaf, over("baltic-sea"), between(*oct25)))))
    add("r7b-follow-up",
        ("how many drones over the Black Sea in 2025?", o.count(both(_role("drone_recon"), over("black-sea"),
                                                                     between(*y25)))),
        ("what about 2024?", o.count(both(_role("drone_recon"), over("black-sea"), between(*y24)))),
        ("and near Crimea?", o.count(both(_role("drone_recon"), near("crimea"), between(*y24)))))
    add("r7b-follow-up",
        ("how many RC-135 flights in October 2025?", o.count(both(rc, between(*oct25)))),
        ("how many were RAF?", o.count(both(rc, raf, between(*oct25)))),
        ("list them", o.listing(both(rc, raf, between(*oct25)))))
    add("r7b-follow-up",
        ("how many flights over the Baltic Sea?", o.count(over("baltic-sea"))),
        ("by operator", o.breakdown(over("baltic-sea"), by_op)))
    add("r7b-follow-up",
        ("how many Global Hawk flights near Crimea?", o.count(both(q4, near("crimea")))),
        ("excluding October?", Expect("decline")))
    add("r7b-follow-up",
        ("how many RAF flights near Kaliningrad?", o.count(both(raf, near(KAL)))),
        ("same but for the USAF", o.count(both(usaf, near(KAL)))))
    add("r7b-follow-up",
        ("how many flights near Kaliningrad in October 2025?", o.count(both(near(KAL), between(*oct25)))),
        ("only at night", Expect("decline")),
        ("and in September 2025?", o.count(both(near(KAL), between(*month(2025, 9))))))
