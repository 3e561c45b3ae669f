"""Round 10 of the oracle (2026-12-05): questions as editors really type them in chat, and as a desk outside the US
asks them.

- Chat shorthand and non-native phrasing: no question mark, lower case, abbreviations ("msns", "acft", "flts",
  "p8s", "usaf", "RAF", "u" for "you"), typos of real words ("misions", "febuary", "texs": a place or type corrected
  must be said, so those rows ask the answer to name the typo), missing articles, the word order of a non-native
  speaker ("how much flights P-8 did near Texas in february?"), telegraphic ("P-8 Texas Feb 2025 count?"). A bare
  place after a type ("p8 texas feb 2025") is graded "over/in" it, as round 8's terse rows (the bot may ask "near
  or over?" instead: a decline, never wrong). "feb 25" is the 25th or 2025:
  declined (as round 8's "oct 25").
- Yes/no and existence ("did a U-2 fly…", "were there any…", "any B-52s…", "has the Navy flown … since March?"): the
  answer is graded on the count behind the yes/no (a "no" must be a real 0 over the scope asked).
- "When" questions: "when did the last … fly", "first … of 2025?", "how long ago did the last …" are graded on the
  record the first/last answer cites (kind ``when``). "On which days / what dates / when did <plural> fly…" are
  graded on the days (kind ``days``): either a per-day breakdown whose days are the oracle's, or the records
  themselves (every one cited, so every day is there).
- World scopes the demo holds (the Baltic, Kaliningrad, Danish and Swedish airspace, the Black Sea, the Aegean,
  Albania, Turkey, NATO's eastern flank, the Baltic states), services as a British or European desk names them
  ("Royal Air Force", "Russian Aerospace Forces", "the Luftwaffe"), distances in km and miles (statute miles; 40 km
  = 21.6 nm falls just short of the RC-135 tracks 21.9 nm off Kaliningrad, 50 km takes them).
- Traps: ~50 questions with a word no filter holds or a scope the records cannot answer (declined), ~20 with
  unusual wording that must be answered.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``).
Today is 2026-11-24 and no mission starts in 2026, so "this year" is 0, "last year" is 2025, "last October" is
October 2026 (0: before this month, with or without missions, as the README says) and a bare "october" is October
2025, "february" February 2025, "March" March 2024 (the most recent March holding a mission).

``r10-`` is the first batch, ``r10b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt

from tests.bot_core.oracle import Expect, Oracle, Pred, Row, between, both, by_month, by_type, either, month, near, over
from tests.bot_core.oracle_round6 import _day, _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, Add

START = dt.date(1990, 1, 1)
KM, MI = 1 / 1.852, 1609.344 / 1852

P8, U2, RC, Q4, E3, P3 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF"), _t("P3")
C17, KC = _t("C17"), _t("K35R")
NAVY, USAF, RAF = _op("us-navy"), _op("us-air-force"), _op("raf")
DRONE = _role("drone_recon")


def _mil(r: Row) -> bool:
    return r.military


def _days(o: Oracle, pred: Pred) -> Expect:
    """The days a scope's missions start on, and its mission ids (either form of answer gives them)."""
    found = o.sel(pred)
    return Expect("days", (tuple(sorted({r.day.isoformat() for r in found})), tuple(sorted(r.id for r in found))))


def round10(o: Oracle, add: Add) -> None:
    _chat(o, add)
    _non_native(o, add)
    _typos(o, add)
    _yes_no(o, add)
    _when(o, add)
    _world(o, add)
    _traps(add)
    _answerable(o, add)
    _conversations(o, add)


def _chat(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    feb, octb = o.bare_month(2), o.bare_month(10)
    for text, pred in [
        ("P-8 Texas Feb 2025 count?", both(P8, over("texas"), between(*feb25))),
        ("p8s near texas feb 2025", both(P8, near("texas"), between(*feb25))),
        ("how many msns near texas in 2025", both(near("texas"), between(*y25))),
        ("msns over cali jan 2025", both(over("california"), between(*jan25))),
        ("how many acft near arizona feb 2025", both(near("arizona"), between(*feb25))),
        ("no of flts near new mexico 2025", both(near("new-mexico"), between(*y25))),
        ("usaf msns 2025", both(USAF, between(*y25))),
        ("usaf flights near texas in feb", both(USAF, near("texas"), between(*feb))),
        ("navy p8 msns over california 2024", both(NAVY, P8, over("california"), between(*y24))),
        ("how many raf flights near kaliningrad oct 2025", both(RAF, near(KAL), between(*oct25))),
        ("RAF rc-135s baltic oct", both(RAF, RC, over("baltic-sea"), between(*octb))),
        ("rc135 count baltic 2025", both(RC, over("baltic-sea"), between(*y25))),
        ("global hawk black sea oct 2025 how many", both(Q4, over("black-sea"), between(*oct25))),
        ("rq-4 flts black sea 2025", both(Q4, over("black-sea"), between(*y25))),
        ("u2 near texas 2025", both(U2, near("texas"), between(*y25))),
        ("u-2 msns 2024", both(U2, between(*y24))),
        ("e3 over oklahoma 2025", both(E3, over("oklahoma"), between(*y25))),
        ("p3 flights 2024 total", both(P3, between(*y24))),
        ("c17 texas feb 2025", both(C17, over("texas"), between(*feb25))),
        ("kc135 flts near texas feb 2025", both(KC, near("texas"), between(*feb25))),
        ("spy planes near texas 2025 how many", both(_surv, near("texas"), between(*y25))),
        ("isr flts near arizona 2024", both(_surv, near("arizona"), between(*y24))),
        ("drones near crimea oct 2025", both(DRONE, near("crimea"), between(*oct25))),
        # reviewed: "the border" is the US–Mexico border (shared/notes/domain.md, round 6); first written as a decline
        ("how many p8 near the border feb 2025", both(P8, near("us-mexico-border"), between(*feb25))),
        ("mil flights over texas in 2024", None),
        ("how many surveillance flights near sonora in jan 2025", both(_surv, near("sonora"), between(*jan25))),
        ("P-8 Gulf of Mexico 2025 count", both(P8, over("gulf-of-mexico"), between(*y25))),
        ("how many navy msns jan 2025", both(NAVY, between(*jan25))),
        ("total msns 2024", between(*y24)),
        ("all flights 2025 number", between(*y25)),
        ("flights near kaliningrad total", near(KAL)),
        ("count p-8 near california 2025 pls", both(P8, near("california"), between(*y25))),
        ("how many flights near AZ feb 2025", both(near("arizona"), between(*feb25))),
        ("how many flights near TX in jan 2025", both(near("texas"), between(*jan25))),
        ("P8 CA 2024", both(P8, over("california"), between(*y24))),
        ("RC-135 sorties near Kaliningrad in Oct 2025", both(RC, near(KAL), between(*oct25))),
        ("how many usaf rc135 near kaliningrad", both(USAF, RC, near(KAL))),
        ("how many us navy flights over baja california 2025",
         both(NAVY, over("baja-california"), between(*y25))),
        ("Global Hawks over the Aegean oct 2025", both(Q4, over("aegean-sea"), between(*oct25))),
        ("flights over albania in oct", both(over("albania"), between(*octb))),
    ]:
        if pred is not None:
            add("r10-chat", (text, o.count(pred)))
    # "mil" is military or million
    add("r10-chat", ("mil flights over texas in 2024", Expect("decline")))
    for text in ["p8 texas feb 25", "how many u2 near texas feb 25?", "rc135 kaliningrad 10/25",
                 "flights near texas 2/25"]:
        add("r10-chat", (text, Expect("decline")))
    add("r10-chat", ("list p8 msns near texas feb 2025", o.listing(both(P8, near("texas"), between(*feb25)))))
    add("r10-chat", ("show rc135 flts near kaliningrad", o.listing(both(RC, near(KAL)))))
    add("r10-chat", ("last u2 near texas", o.when(both(U2, near("texas")), "last")))
    add("r10-chat", ("first p8 flt 2025", o.when(both(P8, between(*y25)), "first")))
    add("r10-chat", ("p8 vs u2 feb 2025", o.compare(both(P8, between(*feb25)), both(U2, between(*feb25)))))
    add("r10-chat", ("navy vs usaf 2025", o.compare(both(NAVY, between(*y25)), both(USAF, between(*y25)))))
    add("r10-chat", ("flights per month 2024", o.breakdown(between(*y24), by_month)))
    add("r10-chat", ("types near texas 2025", o.breakdown(both(near("texas"), between(*y25)), by_type)))


def _non_native(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    feb, octb = o.bare_month(2), o.bare_month(10)
    for text, pred in [
        ("how much flights P-8 did near Texas in february?", both(P8, near("texas"), between(*feb))),
        ("how much missions was near Arizona in 2024?", both(near("arizona"), between(*y24))),
        ("how many flights was there near Arizona in 2024", both(near("arizona"), between(*y24))),
        ("P-8 how many fly near Texas in 2025?", both(P8, near("texas"), between(*y25))),
        ("give me number of missions of Navy over California on January 2025",
         both(NAVY, over("california"), between(*jan25))),
        ("in October 2025 how many flights of RAF near Kaliningrad?", both(RAF, near(KAL), between(*oct25))),
        ("flights of U-2 near New Mexico in February 2025 how many", both(U2, near("new-mexico"),
                                                                          between(*feb25))),
        ("how many flight of drone was over Black Sea in 2025", both(DRONE, over("black-sea"), between(*y25))),
        ("tell me please the quantity of RC-135 flights near Kaliningrad",
         both(RC, near(KAL))),
        ("what is number of surveillance flight near Texas in 2025", both(_surv, near("texas"), between(*y25))),
        ("how many times P-8 was flying over California in 2024?", both(P8, over("california"), between(*y24))),
        ("near Texas in February 2025 how many P-8 missions there were?", both(P8, near("texas"),
                                                                                between(*feb25))),
        ("how many missions made the Navy near California in 2025?", both(NAVY, near("california"),
                                                                          between(*y25))),
        ("how many flights did make the Air Force over Texas in 2025?", both(USAF, over("texas"),
                                                                             between(*y25))),
        ("how many RC-135 was flying near Kaliningrad in october?", both(RC, near(KAL), between(*octb))),
        ("Global Hawk over Black Sea in October 2025, how much?", both(Q4, over("black-sea"), between(*oct25))),
        ("count of flights of Royal Air Force near Kaliningrad in 2025", both(RAF, near(KAL), between(*y25))),
        ("how many missions of surveillance over Arizona in year 2025?", both(_surv, over("arizona"),
                                                                              between(*y25))),
        ("flights near Texas on 3 February 2025 how many", both(near("texas"), _day(2025, 2, 3))),
        ("how many flights near Crimea was in October 2025?", both(near("crimea"), between(*oct25))),
        ("number of P-8 flights in the January of 2025", both(P8, between(*jan25))),
        ("how many E-3 did fly over Oklahoma?", both(E3, over("oklahoma"))),
    ]:
        add("r10-nonnative", (text, o.count(pred)))
    add("r10-nonnative", ("which date the last U-2 flew near Texas?", o.when(both(U2, near("texas")), "last")))
    add("r10-nonnative", ("show me list of P-8 flights near Texas in February 2025",
                          o.listing(both(P8, near("texas"), between(*feb25)))))


def _typos(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    for text, pred, typo in [
        ("how many misions near Texas in 2025?", both(near("texas"), between(*y25)), ""),
        ("how many flihgts near Arizona in 2024?", both(near("arizona"), between(*y24)), ""),
        ("how many P-8 flights near Texas in febuary 2025?", both(P8, near("texas"), between(*feb25)), "febuary"),
        ("how many flights near Texs in 2025?", both(near("texas"), between(*y25)), "texs"),
        ("how many flights over Califronia in 2024?", both(over("california"), between(*y24)), "califronia"),
        ("how many flights near Arizonna in 2025?", both(near("arizona"), between(*y25)), "arizonna"),
        ("how many flights near Kalingrad in October 2025?", both(near(KAL), between(*oct25)), "kalingrad"),
        ("how many flights over the Balitc Sea in 2025?", both(over("baltic-sea"), between(*y25)), "balitc"),
        ("how many survelliance flights near Texas in 2025?", both(_surv, near("texas"), between(*y25)),
         "survelliance"),
        ("how many P-8 missons in 2024?", both(P8, between(*y24)), ""),
        ("how many flights in Ocotber 2025?", between(*oct25), "ocotber"),
        ("how many flights over New Mexcio in February 2025?", both(over("new-mexico"), between(*feb25)),
         "mexcio"),
        ("how many Global Hwak flights over the Black Sea?", both(Q4, over("black-sea")), "hwak"),
        ("how many flights over Oklahma?", over("oklahoma"), "oklahma"),
        ("how many flights in Janurary 2025?", between(*month(2025, 1)), "janurary"),
    ]:
        add("r10-typo", (text, Expect("count", len(o.sel(pred)), says=(typo,) if typo else ())))


def _yes_no(o: Oracle, add: Add) -> None:
    y24, y25, y26, feb25, oct25 = _y(2024), _y(2025), _y(2026), month(2025, 2), month(2025, 10)
    oct26 = month(2026, 10)
    for text, pred in [
        ("did a U-2 fly near Texas on 3 February 2025?", both(U2, near("texas"), _day(2025, 2, 3))),
        ("did a U-2 fly over Texas on 3 February 2025?", both(U2, over("texas"), _day(2025, 2, 3))),
        ("were there any RC-135 flights over the Baltic in 2024?", both(RC, over("baltic-sea"), between(*y24))),
        ("were there any RC-135 flights over the Baltic in 2025?", both(RC, over("baltic-sea"), between(*y25))),
        ("any B-52s near Venezuela last October?", both(_t("B52"), near("venezuela"), between(*oct26))),
        # reviewed: "since <month>" is this year's month (the dialog table's "since January?" is 2026), as the
        # answer said; first written as the most recent March holding a mission (2024)
        ("has the Navy flown near Arizona since March?", both(NAVY, near("arizona"),
                                                              between(dt.date(2026, 3, 1), o.today))),
        ("did the Navy fly near Arizona since March 2025?", both(NAVY, near("arizona"),
                                                                 between(dt.date(2025, 3, 1), o.today))),
        ("any p8s near texas this year", both(P8, near("texas"), between(*y26))),
        ("any RAF flights near Kaliningrad last year?", both(RAF, near(KAL), between(*y25))),
        ("did any Global Hawk fly over the Black Sea in 2024?", both(Q4, over("black-sea"), between(*y24))),
        ("was there a P-3 flight over California in January 2025?", both(P3, over("california"),
                                                                         between(*month(2025, 1)))),
        ("was any E-3 over Texas in February 2025?", both(E3, over("texas"), between(*feb25))),
        ("did the RAF fly over Denmark in October 2025?", both(RAF, over("denmark"), between(*oct25))),
        ("did Russian Aerospace Forces aircraft fly over the Baltic in 2025?", both(_op("vks"), over("baltic-sea"),
                                                                                    between(*y25))),
        ("has the Luftwaffe flown near Kaliningrad?", both(_op("luftwaffe"), near(KAL))),
        ("is there any U-2 flight near Kaliningrad in the records?", both(U2, near(KAL))),
        ("have RC-135s ever flown over Poland?", both(RC, over("poland"))),
        ("have RC-135s flown near Poland?", both(RC, near("poland"))),
        ("any drones over Texas in 2025?", both(DRONE, over("texas"), between(*y25))),
        ("any drone over Arizona in 2024?", both(DRONE, over("arizona"), between(*y24))),
        ("did any P-8 go near Sinaloa in February 2025?", both(P8, near("sinaloa"), between(*feb25))),
        ("did an RC-135 fly over Sonora in February 2025?", both(RC, over("sonora"), between(*feb25))),
        ("were any tankers flying near Texas in 2025?", both(_role("tanker"), near("texas"), between(*y25))),
        ("did the US Air Force fly over the Aegean in October 2025?", both(USAF, over("aegean-sea"),
                                                                           between(*oct25))),
        ("any flights over Turkey in 2024?", both(over("turkey"), between(*y24))),
        ("did anything fly over Albania in October 2025?", both(over("albania"), between(*oct25))),
        ("was there any flight near Crimea in 2024?", both(near("crimea"), between(*y24))),
        ("any civilian planes near Texas in 2024?", both(lambda r: not r.military, near("texas"), between(*y24))),
        ("were there flights near Kaliningrad in September 2025?", both(near(KAL), between(*month(2025, 9)))),
        ("did any Navy plane fly over the Gulf of Mexico in February 2025?",
         both(NAVY, over("gulf-of-mexico"), between(*feb25))),
        ("any U-2 over California in 2024", both(U2, over("california"), between(*y24))),
        ("has a C-17 ever flown near Texas?", both(C17, near("texas"))),
        ("did a KC-135 fly near Texas on 3 Feb 2025", both(KC, near("texas"), _day(2025, 2, 3))),
        ("were any P-8s near Texas on 2 February 2025?", both(P8, near("texas"), _day(2025, 2, 2))),
        ("did any aircraft fly over Sweden in 2024?", both(over("sweden"), between(*y24))),
        ("any RC-135 near Kaliningrad since 20 October 2025?", both(RC, near(KAL),
                                                                    between(dt.date(2025, 10, 20), o.today))),
        ("has the RAF flown over the Black Sea since 2024?", both(RAF, over("black-sea"),
                                                                  between(dt.date(2024, 1, 1), o.today))),
        ("was there a U-2 mission in 2025?", both(U2, between(*y25))),
        ("did a Global Hawk fly near Ukraine in October 2025?", both(Q4, near("ukraine"), between(*oct25))),
        ("did any US Navy aircraft fly near Kaliningrad?", both(NAVY, near(KAL))),
        ("Were P-8s flying near Arizona in Feb 2025?", both(P8, near("arizona"), between(*feb25))),
        ("any military flights over Texas on 4 February 2025?", both(_mil, over("texas"), _day(2025, 2, 4))),
    ]:
        add("r10-yesno", (text, o.count(pred)))


def _when(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    for text, pred, which in [
        ("when did the last P-8 fly near Texas?", both(P8, near("texas")), "last"),
        ("first U-2 mission of 2025?", both(U2, between(*y25)), "first"),
        ("how long ago did the last RC-135 fly near Kaliningrad?", both(RC, near(KAL)), "last"),
        ("how long ago was the last U-2 flight?", U2, "last"),
        ("when was the most recent Global Hawk flight over the Black Sea?", both(Q4, over("black-sea")), "last"),
        ("when did the RAF fly near Kaliningrad for the first time?", both(RAF, near(KAL)), "first"),
        ("last time an E-3 flew over Texas?", both(E3, over("texas")), "last"),
        ("when was the latest P-3 flight?", P3, "last"),
        ("the first P-8 flight of 2024, when was it?", both(P8, between(*y24)), "first"),
        ("when was the first flight over the Baltic in October 2025?", both(over("baltic-sea"), between(*oct25)),
         "first"),
        ("when did the last US Navy flight near California take place?", both(NAVY, near("california")), "last"),
        ("what was the date of the first drone flight near Crimea?", both(DRONE, near("crimea")), "first"),
        ("when did the last flight near Arizona happen in 2024?", both(near("arizona"), between(*y24)), "last"),
        ("most recent flight over Albania - when?", over("albania"), "last"),
        ("when did the USAF last fly over the Aegean?", both(USAF, over("aegean-sea")), "last"),
        ("earliest RC-135 flight in the records?", RC, "first"),
        ("when was the last KC-135 flight near Texas?", both(KC, near("texas")), "last"),
        ("when did the first P-8 of February 2025 fly?", both(P8, between(*feb25)), "first"),
        ("last mission by 62-4134, when?", lambda r: r.reg == "62-4134", "last"),
        ("when did a U-2 last fly over California?", both(U2, over("california")), "last"),
    ]:
        add("r10-when", (text, o.when(pred, which)))
    for text, pred in [
        ("on which days did P-8s fly near Texas in February 2025?", both(P8, near("texas"), between(*feb25))),
        ("which days did the RAF fly near Kaliningrad?", both(RAF, near(KAL))),
        ("on what dates did Global Hawks fly over the Black Sea in October 2025?",
         both(Q4, over("black-sea"), between(*oct25))),
        ("when did U-2s fly in 2024?", both(U2, between(*y24))),
        ("what dates were the RC-135 flights near Kaliningrad?", both(RC, near(KAL))),
        ("on which days were there flights over Texas in February 2025?", both(over("texas"), between(*feb25))),
        ("which dates did the E-3 fly over Oklahoma?", both(E3, over("oklahoma"))),
        ("on which days in January 2025 did the Navy fly over California?",
         both(NAVY, over("california"), between(*month(2025, 1)))),
    ]:
        add("r10-days", (text, _days(o, pred)))
    # how long a flight lasted, or the time between two flights: not in the answers the bot gives
    for text in ["how many days between the first and the last "
                 "P-8 flight in February 2025?", "how often do P-8s fly near Texas, every how many days?",
                 "at what time of day did the RC-135 fly near Kaliningrad?", "how long was the RAF over the Baltic?",
                 "when will the next RC-135 fly near Kaliningrad?"]:
        add("r10-when", (text, Expect("decline")))


def _world(o: Oracle, add: Add) -> None:
    y24, y25, oct25 = _y(2024), _y(2025), month(2025, 10)
    octb = o.bare_month(10)
    for text, pred in [
        ("how many flights over the Baltic in 2025?", both(over("baltic-sea"), between(*y25))),
        ("how many flights off Kaliningrad in October 2025?", both(near(KAL), between(*oct25))),
        ("how many flights in Polish airspace in 2025?", both(over("poland"), between(*y25))),
        ("how many Royal Air Force flights near Kaliningrad?", both(RAF, near(KAL))),
        ("how many Russian Aerospace Forces flights over the Baltic?", both(_op("vks"), over("baltic-sea"))),
        ("how many flights within 40 km of Kaliningrad?", near(KAL, 40 * KM)),
        ("how many flights within 50 km of Kaliningrad?", near(KAL, 50 * KM)),
        ("how many flights within 25 miles of Kaliningrad in October 2025?", both(near(KAL, 25 * MI),
                                                                                  between(*oct25))),
        ("how many flights within 35 miles of Poland?", near("poland", 35 * MI)),
        ("how many flights within 100 km of Crimea in 2025?", both(near("crimea", 100 * KM), between(*y25))),
        ("how many flights within 20 km of the Bosporus?", near("bosporus", 20 * KM)),
        ("how many flights within 10 km of the Bosporus?", near("bosporus", 10 * KM)),
        ("how many flights in Danish airspace in October 2025?", both(over("denmark"), between(*oct25))),
        ("how many flights in Swedish airspace?", over("sweden")),
        ("how many flights in Lithuanian airspace?", over("lithuania")),
        ("how many flights near Lithuania in 2025?", both(near("lithuania"), between(*y25))),
        ("how many flights near the Baltic states?", near("baltic-states")),
        ("how many flights over the Kattegat?", over("kattegat")),
        ("how many flights near the Kattegat in October 2025?", both(near("kattegat"), between(*oct25))),
        ("how many Royal Air Force RC-135W flights over the North Sea?", both(RAF, RC, over("north-sea"))),
        ("how many RAF flights over England in 2025?", both(RAF, over("england"), between(*y25))),
        ("how many US Air Force flights over the Black Sea?", both(USAF, over("black-sea"))),
        ("how many flights over the Aegean in October?", both(over("aegean-sea"), between(*octb))),
        ("how many flights over Albania in 2025?", both(over("albania"), between(*y25))),
        ("how many flights near Bulgaria in 2025?", both(near("bulgaria"), between(*y25))),
        ("how many flights over Bulgaria?", over("bulgaria")),
        ("how many flights in Turkish airspace in October 2025?", both(over("turkey"), between(*oct25))),
        ("how many flights in Greek airspace in 2025?", both(over("greece"), between(*y25))),
        ("how many flights in Italian airspace?", over("italy")),
        ("how many flights near the Sea of Marmara?", near("sea-of-marmara")),
        ("how many flights over the Mediterranean in 2025?", both(over("mediterranean-sea"), between(*y25))),
        ("how many flights near the Mediterranean in 2025?", both(near("mediterranean-sea"), between(*y25))),
        ("how many flights near NATO's eastern flank in 2025?", both(near("nato-eastern-flank"), between(*y25))),
        ("how many flights near Russia in October 2025?", both(near("russia"), between(*oct25))),
        ("how many flights in Russian airspace?", over("russia")),
        ("how many flights near Belarus?", near("belarus")),
        ("how many flights over Germany in 2024?", both(over("germany"), between(*y24))),
        ("how many flights near Germany in October 2025?", both(near("germany"), between(*oct25))),
        ("how many flights near the Netherlands?", near("netherlands")),
        ("how many flights over Europe in 2025?", both(over("europe"), between(*y25))),
        ("how many Luftwaffe flights over the Baltic in 2025?", both(_op("luftwaffe"), over("baltic-sea"),
                                                                     between(*y25))),
        ("how many Royal Navy flights over the North Sea?", both(_op("royal-navy"), over("north-sea"))),
        ("how many Polish Air Force flights near Kaliningrad?", both(_op("polish-air-force"), near(KAL))),
        ("how many flights over Crimea?", over("crimea")),
        ("how many drone flights within 60 km of Crimea in October 2025?",
         both(DRONE, near("crimea", 60 * KM), between(*oct25))),
    ]:
        add("r10-world", (text, o.count(pred)))
    add("r10-world", ("which aircraft flew off Kaliningrad in October 2025?",
                      o.aircraft(both(near(KAL), between(*oct25)))))
    add("r10-world", ("RAF or USAF: who flew more near Kaliningrad in October 2025?",
                      o.compare(both(RAF, near(KAL), between(*oct25)), both(USAF, near(KAL), between(*oct25)))))
    # reviewed: an "or" asked is said as asked ("over Baltic Sea or over Black Sea"); the kind "union" is for an
    # "and" read as either, so a plain count (first written as "union")
    add("r10-world", ("how many flights over the Baltic or the Black Sea in October 2025?",
                      o.count(both(either(over("baltic-sea"), over("black-sea")), between(*oct25)))))


def _traps(add: Add) -> None:
    for text in [
        "how many P-8 flights near Texas at low altitude in 2025?",
        "how many RC-135 flights near Kaliningrad above 30,000 ft?",
        "how many flights over the Baltic with the transponder off?",
        "how many flights near Texas in bad weather in February 2025?",
        "how many supersonic flights over the Black Sea?",
        "how many flights near Kaliningrad were intercepted by Russian jets?",
        "how many RC-135s were escorted near Kaliningrad?",
        "how many P-8 flights refuelled in the air near Texas?",
        "how many flights in formation over the Baltic in 2025?",
        "how many armed drones flew over the Black Sea?",
        "which flight near Kaliningrad came the closest?",
        "how high did the U-2 fly over New Mexico on 3 February 2025?",
        "how fast was the RC-135 near Kaliningrad?",
        "how far did the Global Hawks fly over the Black Sea in October 2025?",
        "how many flights near Kaliningrad at dawn?",
        "how many flights over the Baltic in the evening in October 2025?",
        "how many flights near Texas on weekends in 2025?",
        "how many P-8s landed at Corpus Christi in February 2025?",
        "how many RC-135s took off from Mildenhall in October 2025?",
        "how many flights east of Kaliningrad in 2025?",
        "how many flights west of Crimea?",
        "how many flights just outside Polish airspace?",
        "how many flights between Kaliningrad and Gotland?",
        "how many flights along the Texas coast in 2025?",
        "how many flights in the Suwalki corridor",
        "how many flights over Mordor in 2025?",
        "how many flights near Gotham in 2025?",
        "how many flights over Texas in 2027?",
        "any P-8s near Texas tomorrow?",
        "will the RAF fly near Kaliningrad next week?",
        "how many flights near Kaliningrad during the Zapad exercise?",
        "how many flights near Texas since the inauguration?",
        "how many flights over the Black Sea after the ceasefire?",
        "were the RC-135 flights near Kaliningrad a provocation?",
        "is it normal that P-8s fly near Texas so often?",
        "should we be worried about drones over the Black Sea?",
        "what were the P-8s looking for near Texas?",
        "who ordered the U-2 flight near Texas?",
        "were the Global Hawks over the Black Sea spying on Russia?",
        "how many flights near Texas did CNN report in 2025?",
        "how many P-8 flights near Texas were secret?",
        "how many flights over the Baltic by aircraft with their lights off?",
        "how many flights near Texas roughly?",
        "how many flights near Kaliningrad in the latest crisis?",
        "how many P-8s near Texas lately",
        "u2 near texas recently?",
        "how many flights near Texas per hour in February 2025?",
        "how many flights near Kaliningrad by unidentified aircraft?",
        "how many flights over the Black Sea were shot at?",
    ]:
        add("r10-trap", (text, Expect("decline")))


def _answerable(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    for text, pred in [
        ("can u tell me how many p8 flights near texas in feb 2025", both(P8, near("texas"), between(*feb25))),
        ("hey bot how many rc135 near kaliningrad in oct 2025 thx", both(RC, near(KAL), between(*oct25))),
        ("yo, u2 flights near texas in 2025?", both(U2, near("texas"), between(*y25))),
        ("quick one: how many flights over the Baltic in October 2025, cheers", both(over("baltic-sea"),
                                                                                    between(*oct25))),
        ("asap pls: number of P-8 flights near Texas in 2025", both(P8, near("texas"), between(*y25))),
        ("need a number for the desk - RAF flights near Kaliningrad in 2025", both(RAF, near(KAL),
                                                                                  between(*y25))),
        ("fyi need count: global hawks over black sea in 2025", both(Q4, over("black-sea"), between(*y25))),
        ("how many flights near Texas in 2025 ???", both(near("texas"), between(*y25))),
        ("HOW MANY P-8 FLIGHTS NEAR TEXAS IN FEBRUARY 2025", both(P8, near("texas"), between(*feb25))),
        ("how many flights near texas in 2025 ty", both(near("texas"), between(*y25))),
        ("Hello! How many flights were there over Albania in October 2025? Many thanks",
         both(over("albania"), between(*oct25))),
        ("ok so how many P-8 flights near California in 2024", both(P8, near("california"), between(*y24))),
        ("how many flights near Kaliningrad in October 2025 (all operators)?", both(near(KAL), between(*oct25))),
        ("how many flights, any type, over the Black Sea in 2025?", both(over("black-sea"), between(*y25))),
        ("what's the count of U-2 flights in 2024?", both(U2, between(*y24))),
        ("how many flights did the Royal Air Force fly in total?", RAF),
        ("number of RAF sorties near Kaliningrad, October 2025", both(RAF, near(KAL), between(*oct25))),
        ("flights near texas in 2025: how many?", both(near("texas"), between(*y25))),
        ("P-8s near Texas in 2025 — count please", both(P8, near("texas"), between(*y25))),
    ]:
        add("r10-odd", (text, o.count(pred)))


def _conversations(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    s = "r10-conv"
    add(s,
        ("p8 msns near texas 2025", o.count(both(P8, near("texas"), between(*y25)))),
        ("which ones", o.listing(both(P8, near("texas"), between(*y25)))),
        ("and az", o.count(both(P8, near("arizona"), between(*y25)))),
        ("same 2024", o.count(both(P8, near("arizona"), between(*y24)))))
    add(s,
        ("any rc135 near kaliningrad oct 2025?", o.count(both(RC, near(KAL), between(*oct25)))),
        ("how many of them raf", o.count(both(RC, RAF, near(KAL), between(*oct25)))),
        ("last one when", o.when(both(RC, RAF, near(KAL), between(*oct25)), "last")))
    add(s,
        ("did a U-2 fly near Texas in February 2025?", o.count(both(U2, near("texas"), between(*feb25)))),
        ("when", o.when(both(U2, near("texas"), between(*feb25)), "last")),
        # reviewed: a follow-up keeps the question asked before it ("when"), as in round 9; first written as a count
        ("and P-8s?", o.when(both(P8, near("texas"), between(*feb25)), "last")))
    add(s,
        ("global hawks over black sea 2025", o.count(both(Q4, over("black-sea"), between(*y25)))),
        ("on which days", _days(o, both(Q4, over("black-sea"), between(*y25)))),
        ("and the aegean?", _days(o, both(Q4, over("aegean-sea"), between(*y25)))))


def held_out(o: Oracle, add: Add) -> None:
    """``r10b-``: new phrasings of the same families, written after round 10's fixes and before running them."""
    _held_out_counts(o, add)
    _held_out_yes_no_and_when(o, add)
    _held_out_traps(add)
    _held_out_conversations(o, add)


def _held_out_counts(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    us, brit = _op("us-navy", "us-air-force", "usmc", "cbp"), _op("raf", "british-army", "royal-navy")
    for category, text, pred in [
        ("chat", "how many sorties usaf near tx 2024", both(USAF, near("texas"), between(*y24))),
        ("chat", "navy msn count near az jan 2025", both(NAVY, near("arizona"), between(*jan25))),
        ("chat", "acft over the baltic oct 2025 how many", both(over("baltic-sea"), between(*oct25))),
        ("chat", "Number of RAF RC-135W sorties off Kaliningrad, Oct 2025", both(RAF, RC, near(KAL), between(*oct25))),
        ("chat", "e-3 sorties over okla 2025", both(E3, over("oklahoma"), between(*y25))),
        ("chat", "how many rc-135 near kaliningrad in oct. 2025", both(RC, near(KAL), between(*oct25))),
        ("chat", "p8 msns near tx jan 27 2025", both(P8, near("texas"), _day(2025, 1, 27))),
        ("chat", "flights near texas on feb 3", both(near("texas"), _day(2025, 2, 3))),
        ("chat", "nov '24 flights", between(*month(2024, 11))),
        ("chat", "no. of drone msns over black sea 2025", both(DRONE, over("black-sea"), between(*y25))),
        ("chat", "total acft near crimea", near("crimea")),
        ("nonnative", "how many flights of P-8 has been near Texas in 2025?", both(P8, near("texas"), between(*y25))),
        ("nonnative", "how many there were RC-135 near Kaliningrad in October 2025?", both(RC, near(KAL),
                                                                                           between(*oct25))),
        ("nonnative", "in 2024 how much U-2 flights were?", both(U2, between(*y24))),
        ("nonnative", "which is the number of missions over Arizona in January 2025?", both(over("arizona"),
                                                                                            between(*jan25))),
        ("nonnative", "how many flight made RAF in October 2025?", both(RAF, between(*oct25))),
        ("nonnative", "the P-8 flights near California in 2024, how many are they?", both(P8, near("california"),
                                                                                          between(*y24))),
        ("nonnative", "please say me how many drones flew over Black Sea in 2025", both(DRONE, over("black-sea"),
                                                                                        between(*y25))),
        ("nonnative", "how many missions the Air Force did over Texas on February 2025?", both(USAF, over("texas"),
                                                                                               between(*feb25))),
        ("nonnative", "it was how many flights near Crimea in October 2025?", both(near("crimea"), between(*oct25))),
        ("typo", "how many flights near Arizon in 2025?", both(near("arizona"), between(*y25))),
        ("typo", "how many P-8 flihts near Texas?", both(P8, near("texas"))),
        ("typo", "how many missions near Kalinigrad?", near(KAL)),
        ("typo", "how many flights over the Balck Sea in 2025?", both(over("black-sea"), between(*y25))),
        ("typo", "how many flights in Feburary 2025?", between(*feb25)),
        ("typo", "how many flights over Oklahome in 2025?", both(over("oklahoma"), between(*y25))),
        ("typo", "how many reconnaisance flights near Texas in 2025?", both(_surv, near("texas"), between(*y25))),
        ("world", "how many flights within 30 km of Kaliningrad in October 2025?", both(near(KAL, 30 * KM),
                                                                                        between(*oct25))),
        ("world", "how many flights within 60 km of Kaliningrad?", near(KAL, 60 * KM)),
        ("world", "how many flights within 15 miles of the Bosporus?", near("bosporus", 15 * MI)),
        ("world", "how many flights in Estonian airspace?", over("estonia")),
        ("world", "how many flights near Latvia in 2025?", both(near("latvia"), between(*y25))),
        ("world", "how many RAF Rivet Joint flights over the Baltic in October 2025?", both(RAF, RC,
                                                                                          over("baltic-sea"),
                                                                                          between(*oct25))),
        ("world", "how many flights by the Royal Air Force over Denmark in 2025?", both(RAF, over("denmark"),
                                                                                        between(*y25))),
        ("world", "how many flights near the Russian exclave of Kaliningrad?", near(KAL)),
        ("world", "how many US flights near Kaliningrad in October 2025?", both(us, near(KAL), between(*oct25))),
        ("world", "how many British flights near Kaliningrad?", both(brit, near(KAL))),
        ("world", "how many flights near Istanbul in 2025?", both(near("istanbul"), between(*y25))),
        ("world", "how many flights within 20 miles of Sicily?", near("sicily", 20 * MI)),
        ("odd", "good evening - P-8 flights near Texas in February 2025?", both(P8, near("texas"), between(*feb25))),
        ("odd", "qq: how many RAF flights in October 2025?", both(RAF, between(*oct25))),
        ("odd", "how many flights near Texas in 2025, pls & ty", both(near("texas"), between(*y25))),
        ("odd", "P-8s near Texas in Feb 2025?? how many", both(P8, near("texas"), between(*feb25))),
        ("odd", "hiya - how many flights over Albania in 2025?", both(over("albania"), between(*y25))),
    ]:
        add(f"r10b-{category}", (text, o.count(pred)))
    add("r10b-chat", ("flights near texas feb 03", Expect("decline")))  # the 3rd, or 2003?
    # "q4" is the fourth quarter or the RQ-4's designator (Q4): either reading answers another question
    add("r10b-chat", ("q4 flights near texas 2024", Expect("decline")))
    add("r10b-chat", ("p8 flts 2024 vs 2025", o.compare(both(P8, between(*y24)), both(P8, between(*y25)))))


def _held_out_yes_no_and_when(o: Oracle, add: Add) -> None:
    y24, y25, y26, feb25, oct25 = _y(2024), _y(2025), _y(2026), month(2025, 2), month(2025, 10)
    for text, pred in [
        ("did any RAF jets go near Kaliningrad in Sept 2025?", both(RAF, near(KAL), between(*month(2025, 9)))),
        ("was a P-8 near Texas on 5 February 2025?", both(P8, near("texas"), _day(2025, 2, 5))),
        ("any U-2 over New Mexico on 3 Feb 2025?", both(U2, over("new-mexico"), _day(2025, 2, 3))),
        ("has there been a Global Hawk flight near Crimea this year?", both(Q4, near("crimea"), between(*y26))),
        ("were Navy P-8s over the Gulf of Mexico last year?", both(NAVY, P8, over("gulf-of-mexico"), between(*y25))),
        ("did any drone fly near Kaliningrad?", both(DRONE, near(KAL))),
        ("any flights at all over Poland in 2025?", both(over("poland"), between(*y25))),
        ("did the RAF fly in Swedish airspace in October 2025?", both(RAF, over("sweden"), between(*oct25))),
        ("have there been E-3 flights over Texas since 2025?", both(E3, over("texas"),
                                                                     between(dt.date(2025, 1, 1), o.today))),
        ("were there any flights in Danish airspace in 2024?", both(over("denmark"), between(*y24))),
        ("did anything fly near Texas on 6 February 2025?", both(near("texas"), _day(2025, 2, 6))),
        ("any KC-135s in 2024?", both(KC, between(*y24))),
        ("did a C-17 fly over Texas in February 2025?", both(C17, over("texas"), between(*feb25))),
    ]:
        add("r10b-yesno", (text, o.count(pred)))
    for text, pred, which in [
        ("when was the last time a P-8 flew over Texas?", both(P8, over("texas")), "last"),
        ("date of the first RAF flight near Kaliningrad?", both(RAF, near(KAL)), "first"),
        ("when did the most recent drone flight over the Black Sea take place?", both(DRONE, over("black-sea")),
         "last"),
        ("which day did the last RC-135 fly near Kaliningrad?", both(RC, near(KAL)), "last"),
        ("first Navy flight of 2025 - when?", both(NAVY, between(*y25)), "first"),
        ("the last E-3 flight, what date?", E3, "last"),
    ]:
        add("r10b-when", (text, o.when(pred, which)))
    for text, pred in [
        ("on which dates did the RAF fly over the Baltic in October 2025?", both(RAF, over("baltic-sea"),
                                                                                between(*oct25))),
        ("what days did the U-2 fly in 2025?", both(U2, between(*y25))),
        ("when were the P-3 flights?", P3),
        ("on what days were Global Hawks over the Aegean?", both(Q4, over("aegean-sea"))),
    ]:
        add("r10b-days", (text, _days(o, pred)))
    for text in ["how long did the RC-135 orbit off Kaliningrad?", "what time did the P-8s usually take off?"]:
        add("r10b-when", (text, Expect("decline")))


def _held_out_traps(add: Add) -> None:
    for text in [
        "how many P-8 flights near Texas were training flights?",
        "how many RC-135s near Kaliningrad were jammed?",
        "how many flights over the Baltic near Russian warships?",
        "how many flights north of Texas in 2025?",
        "how many flights inside the Kaliningrad ADIZ?",
        "how many flights near Texas by night?",
        "how many flights over the Black Sea in the summer of 2025?",
        "how many flights near Kaliningrad were loud?",
        "how many P-8 flights near Texas dropped sonobuoys?",
        "how many flights near Texas next month?",
        "how many flights over the Baltic around Christmas 2025?",
        "did the RC-135 violate Russian airspace?",
        "how many flights over the Black Sea were dangerous?",
        "how many msns near texas at night",
    ]:
        add("r10b-trap", (text, Expect("decline")))


def _held_out_conversations(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    s = "r10b-conv"
    add(s,
        ("how many p8 msns near tx in feb 2025", o.count(both(P8, near("texas"), between(*feb25)))),
        ("list em", o.listing(both(P8, near("texas"), between(*feb25)))),
        ("last one?", o.when(both(P8, near("texas"), between(*feb25)), "last")))
    add(s,
        ("any global hawks over the black sea in 2025?", o.count(both(Q4, over("black-sea"), between(*y25)))),
        ("on which days?", _days(o, both(Q4, over("black-sea"), between(*y25)))),
        ("and in 2024?", _days(o, both(Q4, over("black-sea"), between(*y24)))))
    add(s,
        ("did the RAF fly near Kaliningrad in Oct 2025?", o.count(both(RAF, near(KAL), between(*oct25)))),
        ("how many times?", o.count(both(RAF, near(KAL), between(*oct25)))),
        ("when was the first?", o.when(both(RAF, near(KAL), between(*oct25)), "first")))
