"""Round 12 of the oracle (2026-12-05): "a desk abroad" — British and international English as a desk in London,
Delhi, Sydney or Nairobi types it ("sorties", "aeroplanes", "defence", "3rd Feb 2025", "the 3rd of February",
"27/01/2025", "a fortnight", "whilst", "UK airspace", "the RAF's"), every way of saying a place ("around", "close
to", "in the vicinity of", "in the area of", "off the coast of", "along the border", "in X airspace", "above X",
"across X", "within 100 km / 60 miles / 30 nm of", a place with no preposition, abbreviations), identity (hex codes,
registrations, callsigns, "tail number", "how many different aircraft / airframes"), negation and exclusion
("excluding", "apart from", "bar the RAF", "non-US", "anything but", "without the U-2s"), several constraints at once
in several word orders, ~40 traps that must be declined and ~20 unusual wordings that must be answered.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``), or
is a decline where declining is the only honest answer. Today is 2026-11-24 and no mission starts in 2026.

The semantics (the product's, as earlier rounds grade them):

- "around", "close to", "in the vicinity of", "in the area of", "off (the coast of)", "along" = near (50 nm, over
  included); "in X airspace", "over X airspace", "above X", "across X" = over; "within 100 km" = 54.0 nm, "within 60
  miles" = 52.1 nm (statute);
- a place with no word before it ("Texas P-8 missions in Feb 2025?") is graded "over", as round 10 graded it (the bot
  may ask "near or over?" instead: a decline, not wrong);
- a day written with the day first ("27/01/2025") is read only when it cannot be the other way round; "03/02/2025"
  (3 February or 2 March?) must be declined;
- "not near X", "outside X", "excluding February" must be declined (round 6 and 7 chose so); "X-bound" (a
  destination) must be declined: the records hold where aircraft flew, not where they were going;
- a city or a place the gazetteer does not hold (London, Nairobi, El Paso, Norwich, Copenhagen…) must be declined
  naming it — never mapped to a larger region; "Georgia" alone (the US state or the country, both in the gazetteer)
  must be declined;
- "last October" is October 2026 (README: the most recent October before this month), which holds no mission.

``r12-`` is the first batch, ``r12b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt

from tests.bot_core.oracle import Expect, Oracle, Pred, between, both, month, near, over
from tests.bot_core.oracle_round6 import _day, _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, US_OPS, Add, _not
from tests.bot_core.oracle_round9 import _cs, _reg

P8, U2, RC, Q4, E3, P3 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF"), _t("P3")
NAVY, USAF, RAF, US = _op("us-navy"), _op("us-air-force"), _op("raf"), _op(*US_OPS)
DRONE, MPA, SIGINT = _role("drone_recon"), _role("maritime_patrol"), _role("sigint")
BORDER = "us-mexico-border"
FEB25, JAN25, OCT25, Y24, Y25 = month(2025, 2), month(2025, 1), month(2025, 10), _y(2024), _y(2025)
OCT26 = month(2026, 10)
KM100, KM50, KM10, MI60, MI30 = 100 / 1.852, 50 / 1.852, 10 / 1.852, 60 * 0.868976, 30 * 0.868976
MILITARY: Pred = lambda r: r.military  # noqa: E731


def _d(m: int, d: int, y: int = 2025) -> dt.date:
    return dt.date(y, m, d)


def _hex(h: str) -> Pred:
    return lambda r: r.hex == h


def round12(o: Oracle, add: Add) -> None:
    _british_counts(o, add)
    _places(o, add)
    _dates(o, add)
    _identity(o, add)
    _negation(o, add)
    _several(o, add)
    _traps(add)
    _answerable(o, add)


def _british_counts(o: Oracle, add: Add) -> None:
    """British vocabulary: sorties, aeroplanes, defence, organisation, whilst, the RAF's, fortnight."""
    for text, pred in [
        ("How many RAF sorties were flown near Kaliningrad in October 2025?", both(RAF, near(KAL), between(*OCT25))),
        ("How many sorties did the RAF fly in October 2025?", both(RAF, between(*OCT25))),
        ("Number of RAF reconnaissance sorties over the Baltic in Oct 2025?",
         both(RAF, _surv, over("baltic-sea"), between(*OCT25))),
        ("How many of the RAF's RC-135 sorties went near Kaliningrad?", both(RAF, RC, near(KAL))),
        ("How many P-8 Poseidon sorties were flown near Texas in February 2025?",
         both(P8, near("texas"), between(*FEB25))),
        ("How many US Navy sorties off California in January 2025?", both(NAVY, near("california"),
                                                                          between(*JAN25))),
        ("How many reconnaissance sorties over the Black Sea in October 2025?",
         both(_surv, over("black-sea"), between(*OCT25))),
        ("How many drone sorties over the Black Sea in 2025?", both(DRONE, over("black-sea"), between(*Y25))),
        ("How many spy-plane sorties near the border in Feb 2025?", both(_surv, near(BORDER), between(*FEB25))),
        ("How many flights by military aeroplanes over Texas in 2025?", both(MILITARY, over("texas"),
                                                                             between(*Y25))),
        ("How many aeroplane flights over Arizona in January 2025?", both(over("arizona"), between(*JAN25))),
        ("How many surveillance aeroplane flights near Arizona in 2025?", both(_surv, near("arizona"),
                                                                               between(*Y25))),
        ("How many US Air Force sorties were there in February 2025?", both(USAF, between(*FEB25))),
        ("How many USAF sorties over the Black Sea?", both(USAF, over("black-sea"))),
        ("How many maritime patrol sorties off the coast of California in 2024?",
         both(MPA, near("california"), between(*Y24))),
        ("How many Royal Air Force sorties over UK airspace in October 2025?",
         both(RAF, over("united-kingdom"), between(*OCT25))),
        ("How many flights in UK airspace in 2025?", both(over("united-kingdom"), between(*Y25))),
        ("How many sorties over British airspace in October 2025?", both(over("united-kingdom"),
                                                                         between(*OCT25))),
        ("How many US defence flights near Kaliningrad in October 2025?", both(US, near(KAL), between(*OCT25))),
        ("How many sorties did the Royal Air Force's RC-135s fly over Sweden?", both(RAF, RC, over("sweden"))),
        ("What number of RAF sorties were logged over Denmark in October 2025?",
         both(RAF, over("denmark"), between(*OCT25))),
        ("How many Global Hawk sorties over the Black Sea in Oct 2025?", both(Q4, over("black-sea"),
                                                                              between(*OCT25))),
        ("How many RQ-4 sorties over the Aegean in 2025?", both(Q4, over("aegean-sea"), between(*Y25))),
        ("How many Rivet Joint sorties in October 2025?", both(RC, between(*OCT25))),
        ("How many E-3 AWACS sorties over Oklahoma in 2024?", both(E3, over("oklahoma"), between(*Y24))),
        ("How many U-2 sorties near New Mexico in February 2025?", both(U2, near("new-mexico"), between(*FEB25))),
        ("How many sorties did US Navy P-8s fly in the fortnight from 27 January 2025?",
         both(NAVY, P8, between(_d(1, 27), _d(2, 9)))),
        ("How many flights near the border in the fortnight to 5 February 2025?",
         both(near(BORDER), between(_d(1, 23), _d(2, 5)))),
        ("How many flights over Texas in the fortnight ending 9 February 2025?",
         both(over("texas"), between(_d(1, 27), _d(2, 9)))),
        ("How many sorties over the Black Sea in the fortnight from 3 October 2025?",
         both(over("black-sea"), between(_d(10, 3), _d(10, 16)))),
        ("How many RAF sorties in the fortnight to 21 October 2025?", both(RAF, between(_d(10, 8), _d(10, 21)))),
        ("How many American surveillance sorties over the Black Sea in October 2025?",
         both(US, _surv, over("black-sea"), between(*OCT25))),
        ("How many British reconnaissance flights over the Baltic in 2025?",
         both(RAF, _surv, over("baltic-sea"), between(*Y25))),
        ("How many UK sorties near Kaliningrad in October 2025?", both(RAF, near(KAL), between(*OCT25))),
        ("How many US Navy maritime patrol aeroplane sorties over the Gulf of Mexico in 2025?",
         both(NAVY, MPA, over("gulf-of-mexico"), between(*Y25))),
        ("How many sorties in total did the US Navy fly in 2024?", both(NAVY, between(*Y24))),
        ("How many signals-intelligence sorties near Kaliningrad in October 2025?",
         both(SIGINT, near(KAL), between(*OCT25))),
        ("Tally of RAF sorties near Kaliningrad, October 2025?", both(RAF, near(KAL), between(*OCT25))),
        ("How many aeroplanes' sorties were flown over the Gulf of Mexico in 2024?",
         both(over("gulf-of-mexico"), between(*Y24))),
        ("How many sorties did the US Navy's P-3 Orion fly in 2025?", both(NAVY, P3, between(*Y25))),
        ("How many of the Air Force's drone sorties were over Arizona?", both(USAF, DRONE, over("arizona"))),
        ("How many sorties by the RAF's Rivet Joints over the North Sea in 2025?",
         both(RAF, RC, over("north-sea"), between(*Y25))),
        ("How many US Navy P-8 sorties over Mexican territory in February 2025?",
         both(NAVY, P8, over("mexico"), between(*FEB25))),
        ("How many USAF tanker sorties near Texas in 2025?", both(USAF, _role("tanker"), near("texas"),
                                                                 between(*Y25))),
        ("How many transport aeroplane flights near the border in February 2025?",
         both(_role("transport"), near(BORDER), between(*FEB25))),
    ]:
        add("r12-british", (text, o.count(pred)))
    for text, pred in [
        ("How many different aeroplanes did the RAF fly in October 2025?", both(RAF, between(*OCT25))),
        ("How many separate airframes flew over the Black Sea in October 2025?",
         both(over("black-sea"), between(*OCT25))),
        ("Which aeroplanes flew sorties near Kaliningrad in October 2025?", both(near(KAL), between(*OCT25))),
    ]:
        add("r12-british", (text, o.aircraft(pred)))


def _places(o: Oracle, add: Add) -> None:
    """Every way of saying where: near words, over words, distances in three units, no preposition, abbreviations."""
    for text, pred in [
        # near words
        ("How many flights around Kaliningrad in October 2025?", both(near(KAL), between(*OCT25))),
        ("How many sorties close to Kaliningrad in 2025?", both(near(KAL), between(*Y25))),
        ("How many flights in the vicinity of Kaliningrad in October 2025?", both(near(KAL), between(*OCT25))),
        ("How many flights in the vicinity of the border in February 2025?", both(near(BORDER), between(*FEB25))),
        ("How many flights in the area of Crimea in October 2025?", both(near("crimea"), between(*OCT25))),
        ("How many flights in the area of the Bosphorus in 2025?", both(near("bosporus"), between(*Y25))),
        ("How many P-8 flights off the coast of California in January 2025?",
         both(P8, near("california"), between(*JAN25))),
        ("How many flights off the coast of Texas in 2024?", both(near("texas"), between(*Y24))),
        ("How many sorties off the Baja coast in 2025?", both(near("baja-peninsula"), between(*Y25))),
        ("How many flights along the border in January 2025?", both(near(BORDER), between(*JAN25))),
        ("How many sorties along the US-Mexico border in 2024?", both(near(BORDER), between(*Y24))),
        ("How many flights close to the Kaliningrad exclave?", near(KAL)),
        ("How many flights around Sinaloa in 2025?", both(near("sinaloa"), between(*Y25))),
        ("How many flights close to Lithuania in October 2025?", both(near("lithuania"), between(*OCT25))),
        ("How many flights off Crimea in 2025?", both(near("crimea"), between(*Y25))),
        ("How many flights in the vicinity of Ukraine in October 2025?", both(near("ukraine"), between(*OCT25))),
        ("How many flights near the Sea of Marmara?", near("sea-of-marmara")),
        ("How many flights around Bulgaria in 2025?", both(near("bulgaria"), between(*Y25))),
        # over words
        ("How many flights in Texas airspace in February 2025?", both(over("texas"), between(*FEB25))),
        ("How many flights over UK airspace in October 2025?", both(over("united-kingdom"), between(*OCT25))),
        ("How many flights above the Baltic Sea in October 2025?", both(over("baltic-sea"), between(*OCT25))),
        ("How many flights above Arizona in 2025?", both(over("arizona"), between(*Y25))),
        ("How many flights across the Black Sea in 2025?", both(over("black-sea"), between(*Y25))),
        ("How many sorties across Greek airspace in October 2025?", both(over("greece"), between(*OCT25))),
        ("How many flights in Mexican airspace in February 2025?", both(over("mexico"), between(*FEB25))),
        ("How many flights in Swedish airspace in 2025?", both(over("sweden"), between(*Y25))),
        ("How many flights over the North Sea in October 2025?", both(over("north-sea"), between(*OCT25))),
        ("How many flights above the Gulf of Mexico in 2024?", both(over("gulf-of-mexico"), between(*Y24))),
        ("How many flights in Californian airspace in 2024?", both(over("california"), between(*Y24))),
        ("How many flights over the Adriatic?", over("adriatic-sea")),
        ("How many flights over Albania in October 2025?", both(over("albania"), between(*OCT25))),
        ("How many flights over the Ionian Sea?", over("ionian-sea")),
        ("How many flights over international waters off California in 2025?",
         both(over("international-airspace"), near("california"), between(*Y25))),
        ("How many flights over the Øresund in 2025?", both(over("resund"), between(*Y25))),
        ("How many flights over England in October 2025?", both(over("england"), between(*OCT25))),
        ("How many flights over Scotland?", over("scotland")),
        # distances
        ("How many flights within 100 km of Kaliningrad in October 2025?", both(near(KAL, KM100),
                                                                                 between(*OCT25))),
        ("How many flights within 10 km of the border in February 2025?", both(near(BORDER, KM10),
                                                                                between(*FEB25))),
        ("How many flights within 50 km of Crimea?", near("crimea", KM50)),
        ("How many flights within 60 miles of Texas in 2025?", both(near("texas", MI60), between(*Y25))),
        ("How many flights within 30 miles of Kaliningrad?", near(KAL, MI30)),
        ("How many flights within 30 nm of the border in January 2025?", both(near(BORDER, 30),
                                                                               between(*JAN25))),
        ("How many flights within 30 nautical miles of Crimea in 2025?", both(near("crimea", 30),
                                                                              between(*Y25))),
        ("How many sorties within 20 nm of Kaliningrad?", near(KAL, 20)),
        ("How many flights within 5 nm of Texas in February 2025?", both(near("texas", 5), between(*FEB25))),
        ("How many flights within 100 kilometres of the Bosphorus?", near("bosporus", KM100)),
        ("How many flights within 25 km of Lithuania in 2025?", both(near("lithuania", 25 / 1.852),
                                                                      between(*Y25))),
        # abbreviations and local names
        ("How many flights near Calif. in Jan 2025?", both(near("california"), between(*JAN25))),
        ("How many flights near Ariz. in 2025?", both(near("arizona"), between(*Y25))),
        ("How many flights over the Sea of Cortez in February 2025?", both(over("gulf-of-california"),
                                                                          between(*FEB25))),
        ("How many flights over the Gulf of America in 2025?", both(over("gulf-of-mexico"), between(*Y25))),
        ("How many flights over Türkiye in October 2025?", both(over("turkey"), between(*OCT25))),
        ("How many flights near Königsberg in 2025?", both(near(KAL), between(*Y25))),
        ("How many flights over Great Britain in 2025?", both(over("united-kingdom"), between(*Y25))),
        ("How many flights near the Baltics in October 2025?", both(near("baltic-states"), between(*OCT25))),
        ("How many flights near NATO's eastern flank in October 2025?",
         both(near("nato-eastern-flank"), between(*OCT25))),
        ("How many flights over Baja in January 2025?", both(over("baja-peninsula"), between(*JAN25))),
        ("How many flights near Tex. in 2024?", both(near("texas"), between(*Y24))),
        ("How many sorties near N.M. in February 2025?", both(near("new-mexico"), between(*FEB25))),
    ]:
        add("r12-place", (text, o.count(pred)))
    for text, pred in [
        # the US story as a desk abroad says it
        ("How many flights in the vicinity of New Mexico in February 2025?",
         both(near("new-mexico"), between(*FEB25))),
        ("How many sorties in the area of the Gulf of California in 2025?",
         both(near("gulf-of-california"), between(*Y25))),
        ("How many flights close to Sonora in January 2025?", both(near("sonora"), between(*JAN25))),
        ("How many flights around Coahuila in February 2025?", both(near("coahuila"), between(*FEB25))),
        ("How many flights above New Mexico in 2025?", both(over("new-mexico"), between(*Y25))),
        ("How many flights across Mexico in 2024?", both(over("mexico"), between(*Y24))),
        ("How many flights in Oklahoman airspace in 2025?", both(over("oklahoma"), between(*Y25))),
        ("How many flights in Arizona airspace in January 2025?", both(over("arizona"), between(*JAN25))),
        ("How many flights off the coast of Baja California in 2024?", both(near("baja-california"),
                                                                             between(*Y24))),
        ("How many sorties along the Mexican border in February 2025?", both(near(BORDER), between(*FEB25))),
        ("How many flights over the North Pacific in January 2025?", both(over("north-pacific-ocean"),
                                                                          between(*JAN25))),
        ("How many flights within 20 km of Sinaloa?", near("sinaloa", 20 / 1.852)),
        ("How many flights within 15 miles of the border in 2025?", both(near(BORDER, 15 * 0.868976),
                                                                          between(*Y25))),
        ("How many flights close to Chihuahua in February 2025?", both(near("chihuahua"), between(*FEB25))),
        ("How many flights near Nuevo León in 2025?", both(near("nuevo-leon"), between(*Y25))),
        ("How many flights in the vicinity of Tamaulipas in 2025?", both(near("tamaulipas"), between(*Y25))),
        ("How many flights near Nevada in 2024?", both(near("nevada"), between(*Y24))),
        ("How many flights around Monterey Bay?", near("monterey-bay")),
        ("How many flights above Sinaloa in February 2025?", both(over("sinaloa"), between(*FEB25))),
        ("How many flights across the Gulf of California in 2025?", both(over("gulf-of-california"),
                                                                        between(*Y25))),
    ]:
        add("r12-place", (text, o.count(pred)))
    # a place with no word before it: graded "over" (round 10's choice); the bot may ask instead
    for text, pred in [
        ("Texas P-8 missions in Feb 2025?", both(P8, over("texas"), between(*FEB25))),
        ("Black Sea RQ-4 flights in October 2025?", both(Q4, over("black-sea"), between(*OCT25))),
        ("Baltic RAF sorties October 2025 — how many?", both(RAF, over("baltic-sea"), between(*OCT25))),
        ("How many California P-8 flights in 2024?", both(P8, over("california"), between(*Y24))),
        ("Black Sea RQ-4 flights last October?", both(Q4, over("black-sea"), between(*OCT26))),
    ]:
        add("r12-bare", (text, o.count(pred)))


def _dates(o: Oracle, add: Add) -> None:
    """Dates as a desk outside the US writes them."""
    feb3, feb4, jan27, oct7 = _day(2025, 2, 3), _day(2025, 2, 4), _day(2025, 1, 27), _day(2025, 10, 7)
    for text, pred in [
        ("How many flights on 3rd Feb 2025?", feb3),
        ("How many flights on Feb 3rd 2025?", feb3),
        ("How many flights on the 3rd of February 2025?", feb3),
        ("How many flights on 3rd February, 2025?", feb3),
        ("How many sorties on Monday 3rd February 2025?", feb3),
        ("How many flights on the 4th of Feb 2025?", feb4),
        ("How many flights near the border on 4th February 2025?", both(near(BORDER), feb4)),
        ("How many flights on 27/01/2025?", jan27),
        ("How many flights on 27/1/2025?", jan27),
        ("How many RAF sorties on 7th October 2025?", both(RAF, oct7)),
        ("How many RAF sorties on the 7th of October, 2025?", both(RAF, oct7)),
        ("How many flights on the 21st of October 2025?", _day(2025, 10, 21)),
        ("How many flights between 27th January and 5th February 2025?", between(_d(1, 27), _d(2, 5))),
        ("How many flights from the 1st to the 3rd of February 2025?", between(_d(2, 1), _d(2, 3))),
        ("How many flights between the 1st and the 14th of October 2025?", between(_d(10, 1), _d(10, 14))),
        ("How many flights from 27th Jan to 5th Feb 2025?", between(_d(1, 27), _d(2, 5))),
        ("How many P-8 sorties in Feb. 2025?", both(P8, between(*FEB25))),
        ("How many flights during October 2025?", between(*OCT25)),
        ("How many sorties in the year 2024?", between(*Y24)),
        ("How many RAF sorties in the calendar year 2025?", both(RAF, between(*Y25))),
        ("How many flights in the first fortnight of February 2025?", between(_d(2, 1), _d(2, 14))),
        ("How many flights in the week commencing 27 January 2025?", between(_d(1, 27), _d(2, 2))),
        ("How many flights in the week beginning 3rd February 2025?", between(_d(2, 3), _d(2, 9))),
        ("How many sorties last October?", between(*OCT26)),
        ("How many flights on 15/12/2024?", _day(2024, 12, 15)),
    ]:
        add("r12-date", (text, o.count(pred)))
    for text in [
        "How many flights on 03/02/2025?",  # 3 February or 2 March?
        "How many flights on 04/02/2025?",
        "How many sorties on 10/10/25?",  # a two-digit year after a slash date
        "How many flights on the 3rd?",  # which month?
        "How many flights in the fortnight?",  # which fortnight?
    ]:
        add("r12-date", (text, Expect("decline")))


def _identity(o: Oracle, add: Add) -> None:
    """Hex codes, registrations, tail numbers, callsigns, "how many different aircraft"."""
    for text, pred in [
        ("How many sorties did tail number 168754 fly in January 2025?", both(_reg("168754"), between(*JAN25))),
        ("How many flights by tail number ZZ664?", _reg("ZZ664")),
        ("How many sorties for hex 43c6f1 in October 2025?", both(_hex("43c6f1"), between(*OCT25))),
        ("How many flights did ICAO hex ae5416 make over the Black Sea?", both(_hex("ae5416"), over("black-sea"))),
        ("How many times did callsign RRR7225 fly near Kaliningrad?", both(_cs("RRR7225"), near(KAL))),
        ("How many flights under the callsign FORTE12 in 2025?", both(_cs("FORTE12"), between(*Y25))),
        ("How many sorties did serial 62-4134 fly in 2024?", both(_reg("62-4134"), between(*Y24))),
        ("How many flights by registration 80-1071?", _reg("80-1071")),
        ("How many flights by ae6805 in February 2025?", both(_hex("ae6805"), between(*FEB25))),
        ("How many PELCN11 sorties near California?", both(_cs("PELCN11"), near("california"))),
        ("How many flights did the aircraft with hex ae0907 make?", _hex("ae0907")),
        ("How many flights did ZZ665 make in October 2025?", both(_reg("ZZ665"), between(*OCT25))),
    ]:
        add("r12-identity", (text, o.count(pred)))
    for text, pred in [
        ("List the sorties flown by tail number 168755.", _reg("168755")),
        ("Show the flights of hex ae01c5.", _hex("ae01c5")),
        ("List the flights of callsign DARKSTR1.", _cs("DARKSTR1")),
        ("Show every sortie of ZZ664 in October 2025.", both(_reg("ZZ664"), between(*OCT25))),
    ]:
        add("r12-identity", (text, o.listing(pred)))
    for text, pred, which in [
        ("When did tail number 168757 last fly?", _reg("168757"), "last"),
        ("When was hex 43c6f2 first seen?", _hex("43c6f2"), "first"),
        ("When did callsign JAKE11 fly?", _cs("JAKE11"), "last"),
    ]:
        add("r12-identity", (text, o.when(pred, which)))
    for text, pred in [
        ("How many different aircraft flew near Kaliningrad in October 2025?", both(near(KAL), between(*OCT25))),
        ("How many airframes flew over the Black Sea in October 2025?", both(over("black-sea"), between(*OCT25))),
        ("How many different aircraft did the US Navy fly near California in January 2025?",
         both(NAVY, near("california"), between(*JAN25))),
        ("How many distinct aircraft flew near the border in February 2025?", both(near(BORDER),
                                                                                   between(*FEB25))),
        ("How many individual P-8s flew in 2025?", both(P8, between(*Y25))),
        ("How many different RAF aircraft flew over the Baltic?", both(RAF, over("baltic-sea"))),
        ("Which airframes flew over Texas in February 2025?", both(over("texas"), between(*FEB25))),
        ("Which tail numbers flew near Kaliningrad in October 2025?", both(near(KAL), between(*OCT25))),
    ]:
        add("r12-identity", (text, o.aircraft(pred)))
    for text in [
        "How many flights by tail number 99-9999?", "How many sorties by hex abcdef in 2025?",
        "How many flights did callsign ZZZZ99 make over the Baltic?",
    ]:
        add("r12-identity", (text, Expect("decline")))


def _negation(o: Oracle, add: Add) -> None:
    """Exclusion said every way; a negated place or period is declined."""
    for text, pred in [
        ("How many flights near Kaliningrad in October 2025, excluding the RAF?",
         both(near(KAL), between(*OCT25), _not(RAF))),
        ("How many RC-135 sorties near Kaliningrad, bar the RAF ones?", both(RC, near(KAL), _not(RAF))),
        ("How many surveillance flights near the border in February 2025 except the Navy?",
         both(_surv, near(BORDER), between(*FEB25), _not(NAVY))),
        ("Apart from the P-8s, how many sorties near California in January 2025?",
         both(near("california"), between(*JAN25), _not(P8))),
        ("How many US Air Force sorties in February 2025 without the U-2s?",
         both(USAF, between(*FEB25), _not(U2))),
        ("How many non-US flights near Kaliningrad?", both(near(KAL), _not(US))),
        ("How many non-US sorties in 2025?", both(between(*Y25), _not(US))),
        ("How many non-American surveillance flights in October 2025?",
         both(_surv, between(*OCT25), _not(US))),
        ("How many flights over the Black Sea apart from the drones?", both(over("black-sea"), _not(DRONE))),
        ("How many surveillance sorties in October 2025, not counting the Global Hawks?",
         both(_surv, between(*OCT25), _not(Q4))),
        ("How many Navy flights in 2025 excluding P-8s?", both(NAVY, between(*Y25), _not(P8))),
        ("How many flights near Texas in 2025 other than the P-8s?", both(near("texas"), between(*Y25), _not(P8))),
        ("How many sorties near the border in February 2025, leaving out the Navy?",
         both(near(BORDER), between(*FEB25), _not(NAVY))),
        ("Excluding the RAF, how many RC-135 flights were there in October 2025?",
         both(RC, between(*OCT25), _not(RAF))),
        ("How many military flights in February 2025 except the P-8s and the U-2?",
         both(MILITARY, between(*FEB25), _not(P8), _not(U2))),
        ("How many non-military flights in 2025?", both(lambda r: not r.military, between(*Y25))),
        ("How many flights over Arizona in 2025 minus the P-8s?", both(over("arizona"), between(*Y25), _not(P8))),
        ("How many sorties near Kaliningrad other than the US ones?", both(near(KAL), _not(US))),
        ("How many flights near the border in January 2025, excluding the Air Force?",
         both(near(BORDER), between(*JAN25), _not(USAF))),
        ("How many surveillance flights in 2024 apart from the Navy's?", both(_surv, between(*Y24), _not(NAVY))),
    ]:
        add("r12-negation", (text, o.count(pred)))
    for text in [
        "How many flights not near Kaliningrad in October 2025?",
        "How many sorties outside UK airspace in 2025?",
        "How many flights in 2025 excluding October?",
        "How many flights not over Texas in February 2025?",
        "How many P-8 flights anywhere but California?",
        "How many flights near Texas that did not go near the border?",
    ]:
        add("r12-negation", (text, Expect("decline")))


def _several(o: Oracle, add: Add) -> None:
    """Type + operator + place + period + distance at once, in several word orders."""
    for text, pred in [
        ("How many US Navy P-8 sorties within 30 nm of the border in January 2025?",
         both(NAVY, P8, near(BORDER, 30), between(*JAN25))),
        ("In January 2025, within 30 nm of the border, how many US Navy P-8 sorties?",
         both(NAVY, P8, near(BORDER, 30), between(*JAN25))),
        ("Within 30 nm of the border in January 2025: US Navy P-8 sorties, how many?",
         both(NAVY, P8, near(BORDER, 30), between(*JAN25))),
        ("How many RAF RC-135 sorties within 100 km of Kaliningrad in October 2025?",
         both(RAF, RC, near(KAL, KM100), between(*OCT25))),
        ("In October 2025 how many RC-135 sorties by the RAF came within 100 km of Kaliningrad?",
         both(RAF, RC, near(KAL, KM100), between(*OCT25))),
        ("How many USAF RQ-4 sorties over the Black Sea in October 2025?",
         both(USAF, Q4, over("black-sea"), between(*OCT25))),
        ("Over the Black Sea in October 2025, how many USAF RQ-4 sorties?",
         both(USAF, Q4, over("black-sea"), between(*OCT25))),
        ("How many US Navy P-8 flights near Texas between 27th January and 5th February 2025?",
         both(NAVY, P8, near("texas"), between(_d(1, 27), _d(2, 5)))),
        ("Between 27th January and 5th February 2025, near Texas, how many US Navy P-8 flights?",
         both(NAVY, P8, near("texas"), between(_d(1, 27), _d(2, 5)))),
        ("How many USAF U-2 sorties within 10 nm of Texas in February 2025?",
         both(USAF, U2, near("texas", 10), between(*FEB25))),
        ("How many US Air Force surveillance sorties over Arizona in January 2025?",
         both(USAF, _surv, over("arizona"), between(*JAN25))),
        ("How many Navy maritime patrol sorties off California in January 2025, excluding the P-8s?",
         both(NAVY, MPA, near("california"), between(*JAN25), _not(P8))),
        ("How many USAF sorties within 60 miles of Texas in February 2025?",
         both(USAF, near("texas", MI60), between(*FEB25))),
        ("How many USAF RC-135 sorties over the Baltic in October 2025?",
         both(USAF, RC, over("baltic-sea"), between(*OCT25))),
        ("How many US Navy P-8 sorties over the Gulf of Mexico on 1st February 2025?",
         both(NAVY, P8, over("gulf-of-mexico"), _day(2025, 2, 1))),
        ("How many USAF drone sorties within 50 km of the border in 2024?",
         both(USAF, DRONE, near(BORDER, KM50), between(*Y24))),
        ("On the 3rd of February 2025, how many US Air Force flights near New Mexico?",
         both(USAF, near("new-mexico"), _day(2025, 2, 3))),
        ("How many American RC-135 sorties near Kaliningrad in October 2025?",
         both(US, RC, near(KAL), between(*OCT25))),
        ("Navy P-8 sorties off the coast of California in the fortnight from 27 January 2025: how many?",
         both(NAVY, P8, near("california"), between(_d(1, 27), _d(2, 9)))),
        ("How many reconnaissance sorties by the Royal Air Force over Danish airspace in October 2025?",
         both(RAF, _surv, over("denmark"), between(*OCT25))),
    ]:
        add("r12-several", (text, o.count(pred)))


def _traps(add: Add) -> None:
    """What the records cannot say, said the British way, and places the gazetteer does not hold."""
    for text in [
        # why / purpose / intent
        "Why did the RAF fly near Kaliningrad in October 2025?",
        "What was the purpose of the RQ-4 sorties over the Black Sea?",
        "Were the P-8 sorties off California meant to monitor shipping?",
        "Whom were the RC-135s surveilling near Kaliningrad?",
        "Surveillance of whom, near the border in February 2025?",
        # armed / altitude / speed / interception
        "How many armed sorties near the border in 2025?",
        "How many of the RQ-4 sorties were armed?",
        "How many sorties above 50,000 feet over the Black Sea?",
        "How many flights at low altitude near Kaliningrad?",
        "How many sorties faster than 400 knots in 2025?",
        "How many RAF sorties were intercepted by Russian jets?",
        "How many flights were shadowed by Russian fighters over the Baltic?",
        # opinions, predictions, normality
        "Is it normal for the RAF to fly near Kaliningrad so often?",
        "Were the Black Sea sorties suspicious?",
        "How many sorties will the RAF fly near Kaliningrad next month?",
        "Will there be more P-8 sorties off California next fortnight?",
        "Is the number of sorties near the border unusual?",
        "Is that a lot of sorties for a fortnight?",
        # cities and places the gazetteer does not hold: declined, never mapped to a larger region
        "How many flights near London in October 2025?",
        "How many sorties near Nairobi in 2025?",
        "How many flights over Delhi in 2025?",
        "How many flights near Sydney in 2024?",
        "How many flights close to El Paso in February 2025?",
        "How many flights near San Diego in January 2025?",
        "How many sorties near Copenhagen in October 2025?",
        "How many flights in the vicinity of Norwich in 2025?",
        "How many flights over Kent in October 2025?",
        "How many flights near Tucson in 2025?",
        "How many flights near Gdansk in October 2025?",
        "How many flights near Athens in October 2025?",
        # ambiguous place
        "How many flights near Georgia in 2025?",
        "How many sorties over Georgia?",
        # destinations, take-off, landing
        "How many Kaliningrad-bound sorties in October 2025?",
        "How many London-bound flights in 2025?",
        "How many sorties took off from RAF Mildenhall in October 2025?",
        "How many flights landed in Texas in February 2025?",
        # vague periods and durations
        "How many sorties over the Black Sea of late?",
        "How many RAF sorties in recent weeks?",
        "How many sorties at teatime in October 2025?",
    ]:
        add("r12-trap", (text, Expect("decline")))


def _answerable(o: Oracle, add: Add) -> None:
    """Unusual wordings a desk abroad uses that must still be answered."""
    for text, pred in [
        ("Whilst I have you — how many RAF sorties near Kaliningrad in October 2025?",
         both(RAF, near(KAL), between(*OCT25))),
        ("Quick one from the London desk: how many RQ-4 sorties over the Black Sea in October 2025?",
         both(Q4, over("black-sea"), between(*OCT25))),
        ("Cheers — how many P-8 sorties near Texas in February 2025?", both(P8, near("texas"), between(*FEB25))),
        ("Could you kindly tell me how many U-2 sorties there were in 2025?", both(U2, between(*Y25))),
        ("Hiya, how many RAF sorties over the Baltic in 2025?", both(RAF, over("baltic-sea"), between(*Y25))),
        ("Please advise the number of P-8 sorties near California in January 2025.",
         both(P8, near("california"), between(*JAN25))),
        ("Kindly share the count of Global Hawk sorties over the Black Sea in October 2025.",
         both(Q4, over("black-sea"), between(*OCT25))),
        ("Do let me know how many RC-135 sorties there were in October 2025.", both(RC, between(*OCT25))),
        ("I'd be grateful for the number of surveillance flights near the border in February 2025.",
         both(_surv, near(BORDER), between(*FEB25))),
        ("Right, how many E-3 sorties over Oklahoma in 2024?", both(E3, over("oklahoma"), between(*Y24))),
        ("Sorry to bother you — how many Navy sorties in 2025?", both(NAVY, between(*Y25))),
        ("Just checking: how many flights over UK airspace in October 2025?",
         both(over("united-kingdom"), between(*OCT25))),
        ("For the Nairobi desk: how many RQ-4 sorties over the Black Sea in 2025?",
         both(Q4, over("black-sea"), between(*Y25))),
        ("Could you possibly count the RAF sorties near Kaliningrad in October 2025?",
         both(RAF, near(KAL), between(*OCT25))),
        ("May I know the number of P-8 sorties in February 2025?", both(P8, between(*FEB25))),
        ("Kindly revert with the number of U-2 sorties near Texas in February 2025.",
         both(U2, near("texas"), between(*FEB25))),
        ("What's the tally of RAF sorties near Kaliningrad in October 2025?", both(RAF, near(KAL),
                                                                                    between(*OCT25))),
        ("Many thanks — and how many RC-135 sorties over the Baltic in October 2025?",
         both(RC, over("baltic-sea"), between(*OCT25))),
        ("Brilliant. How many drone sorties over the Black Sea in October 2025?",
         both(DRONE, over("black-sea"), between(*OCT25))),
        ("How many sorties, all told, did the RAF fly in October 2025?", both(RAF, between(*OCT25))),
    ]:
        add("r12-answer", (text, o.count(pred)))


def held_out(o: Oracle, add: Add) -> None:
    """The held-out batch (``r12b-``), written after the first batch's fixes (commits 0648811, a8aa3f5) and committed
    before running it: other British wordings, places, dates, identities, exclusions and traps."""
    _held_counts(o, add)
    _held_identity(o, add)
    for text in [
        "How many flights on 05/02/2025?",  # 5 February or 2 May?
        "How many sorties on 01/10/2025?",
        "Why were there so many sorties over the Black Sea in October 2025?",
        "How many sorties were armed with missiles near Kaliningrad?",
        "How high did the U-2 fly near Texas?",
        "How many sorties exceeded Mach 1 in 2025?",
        "Who were the P-8s tracking off California?",
        "Was the RAF's activity near Kaliningrad routine?",
        "How many sorties will there be over the Black Sea next fortnight?",
        "How many flights near Birmingham in 2025?",
        "How many flights near Mumbai in 2025?",
        "How many sorties over Kyiv in October 2025?",
        "How many flights near Manchester in October 2025?",
        "How many flights over Tbilisi in 2025?",
        "How many flights near Georgia in October 2025?",
        "How many Baltic-bound sorties in October 2025?",
        "How many sorties landed at RAF Mildenhall in October 2025?",
        "How many flights not in the vicinity of Texas in 2025?",
        "How many sorties over the Black Sea, excluding October?",
        "Were the RC-135 sorties near Kaliningrad provocative?",
    ]:
        add("r12b-trap", (text, Expect("decline")))


def _held_counts(o: Oracle, add: Add) -> None:
    for text, pred in [
        # British vocabulary and wrappers
        ("How many Poseidon sorties off the coast of California in January 2025?",
         both(P8, near("california"), between(*JAN25))),
        ("How many sorties did the RAF's Rivet Joints fly over Danish airspace in October 2025?",
         both(RAF, RC, over("denmark"), between(*OCT25))),
        ("How many US Navy aeroplanes' sorties near Texas in 2024?", both(NAVY, near("texas"), between(*Y24))),
        ("How many reconnaissance aeroplane sorties over the Aegean in October 2025?",
         both(_surv, over("aegean-sea"), between(*OCT25))),
        ("Morning all — how many RAF sorties near Kaliningrad in 2025?", both(RAF, near(KAL), between(*Y25))),
        ("Quick one for the Delhi desk: how many RQ-4 sorties over Turkey in October 2025?",
         both(Q4, over("turkey"), between(*OCT25))),
        ("Ta — how many U-2 sorties in 2024?", both(U2, between(*Y24))),
        ("Lovely, how many E-3 sorties over Texas in 2025?", both(E3, over("texas"), between(*Y25))),
        ("Please could you tell me how many P-3 sorties there were in 2025?", both(P3, between(*Y25))),
        ("Kindly advise the number of RAF sorties over Sweden in October 2025.",
         both(RAF, over("sweden"), between(*OCT25))),
        ("How many drone sorties, in all, over the Black Sea in 2025?", both(DRONE, over("black-sea"),
                                                                             between(*Y25))),
        ("Whilst I'm at it, how many Navy sorties near the border in January 2025?",
         both(NAVY, near(BORDER), between(*JAN25))),
        # places
        ("How many flights in the neighbourhood of Kaliningrad in October 2025?", both(near(KAL), between(*OCT25))),
        ("How many flights in the vicinity of the Bosphorus in October 2025?", both(near("bosporus"),
                                                                                   between(*OCT25))),
        ("How many flights in the area of Arizona in January 2025?", both(near("arizona"), between(*JAN25))),
        ("How many flights in the region of Sinaloa in 2025?", both(near("sinaloa"), between(*Y25))),
        ("How many sorties skirting Kaliningrad in October 2025?", both(near(KAL), between(*OCT25))),
        ("How many flights within 40 kilometres of Kaliningrad?", near(KAL, 40 / 1.852)),
        ("How many flights within 12 nautical miles of the border in February 2025?",
         both(near(BORDER, 12), between(*FEB25))),
        ("How many flights within 75 miles of Crimea in 2025?", both(near("crimea", 75 * 0.868976), between(*Y25))),
        ("How many flights above the Aegean in October 2025?", both(over("aegean-sea"), between(*OCT25))),
        ("How many sorties across the Baltic in 2025?", both(over("baltic-sea"), between(*Y25))),
        ("How many flights in Turkish airspace in October 2025?", both(over("turkey"), between(*OCT25))),
        ("How many flights above Oklahoma in 2024?", both(over("oklahoma"), between(*Y24))),
        ("How many flights across Arizona in February 2025?", both(over("arizona"), between(*FEB25))),
        ("How many flights near Sevastopol in October 2025?", both(near("sevastopol"), between(*OCT25))),
        ("How many flights off the California coast in January 2025?", both(near("california"),
                                                                             between(*JAN25))),
        ("How many flights close to the Baltic states in 2025?", both(near("baltic-states"), between(*Y25))),
        ("How many flights over the Kattegat in October 2025?", both(over("kattegat"), between(*OCT25))),
        ("How many flights near Poland in October 2025?", both(near("poland"), between(*OCT25))),
        # dates
        ("How many flights on 4th Feb 2025?", _day(2025, 2, 4)),
        ("How many flights on Feb 4th, 2025?", _day(2025, 2, 4)),
        ("How many flights on the 5th of Feb. 2025?", _day(2025, 2, 5)),
        ("How many flights on 28/01/2025?", _day(2025, 1, 28)),
        ("How many sorties on 31/10/2025?", _day(2025, 10, 31)),
        ("How many flights between the 3rd and the 5th of February 2025?", between(_d(2, 3), _d(2, 5))),
        ("How many flights in the week commencing 6 October 2025?", between(_d(10, 6), _d(10, 12))),
        ("How many sorties in the fortnight to 14 October 2025?", between(_d(10, 1), _d(10, 14))),
        ("How many RAF sorties in the first fortnight of October 2025?", both(RAF, between(_d(10, 1), _d(10, 14)))),
        ("How many flights from 1st to 3rd Feb 2025?", between(_d(2, 1), _d(2, 3))),
        # exclusion
        ("How many non-British flights near Kaliningrad?", both(near(KAL), _not(RAF))),
        ("How many RC-135 sorties in October 2025 other than the British ones?",
         both(RC, between(*OCT25), _not(RAF))),
        ("How many flights near Kaliningrad except the RAF's?", both(near(KAL), _not(RAF))),
        ("How many surveillance sorties near the border in February 2025, bar the Navy?",
         both(_surv, near(BORDER), between(*FEB25), _not(NAVY))),
        ("How many Navy sorties in January 2025 without the P-8s?", both(NAVY, between(*JAN25), _not(P8))),
        ("How many surveillance sorties in 2025 minus the Global Hawks?", both(_surv, between(*Y25), _not(Q4))),
        ("How many sorties near Kaliningrad, not counting the RAF?", both(near(KAL), _not(RAF))),
        ("Leaving out the U-2, how many USAF sorties near Texas in February 2025?",
         both(USAF, near("texas"), between(*FEB25), _not(U2))),
        ("How many non-American sorties over the Baltic in October 2025?",
         both(over("baltic-sea"), between(*OCT25), _not(US))),
        # several at once, word orders
        ("Within 12 nm of the border, in January 2025, how many US Navy P-8 sorties?",
         both(NAVY, P8, near(BORDER, 12), between(*JAN25))),
        ("USAF RQ-4 sorties above the Aegean in October 2025: how many?",
         both(USAF, Q4, over("aegean-sea"), between(*OCT25))),
        ("How many RAF RC-135 sorties across Swedish airspace between the 1st and the 14th of October 2025?",
         both(RAF, RC, over("sweden"), between(_d(10, 1), _d(10, 14)))),
        ("In the vicinity of Crimea, in October 2025, how many American drone sorties?",
         both(US, DRONE, near("crimea"), between(*OCT25))),
        ("How many US Navy maritime patrol sorties within 30 km of the border on 4th February 2025?",
         both(NAVY, MPA, near(BORDER, 30 / 1.852), _day(2025, 2, 4))),
    ]:
        add("r12b-count", (text, o.count(pred)))


def _held_identity(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("How many sorties by tail no. 168756 in February 2025?", both(_reg("168756"), between(*FEB25))),
        ("How many flights did hex code 43c6f2 make?", _hex("43c6f2")),
        ("How many flights by serial number 11-2046 over the Black Sea?", both(_reg("11-2046"), over("black-sea"))),
        ("How many times did callsign PELCN15 fly over the Gulf of Mexico?", both(_cs("PELCN15"),
                                                                                 over("gulf-of-mexico"))),
        ("How many RRR7225 sorties in October 2025?", both(_cs("RRR7225"), between(*OCT25))),
    ]:
        add("r12b-identity", (text, o.count(pred)))
    for text, pred in [
        ("How many different aircraft flew over the Aegean in 2025?", both(over("aegean-sea"), between(*Y25))),
        ("Which tail numbers flew over Texas in February 2025?", both(over("texas"), between(*FEB25))),
        ("How many separate airframes did the US Navy fly in January 2025?", both(NAVY, between(*JAN25))),
        ("Which aeroplanes flew over the Baltic in October 2025?", both(over("baltic-sea"), between(*OCT25))),
    ]:
        add("r12b-identity", (text, o.aircraft(pred)))
    add("r12b-identity", ("List the sorties of tail no. ZZ665.", o.listing(_reg("ZZ665"))))
    add("r12b-identity", ("When was serial 80-1071 last seen?", o.when(_reg("80-1071"), "last")))
    add("r12b-identity", ("How many flights by tail number 12-3456?", Expect("decline")))
