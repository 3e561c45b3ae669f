"""Round 14 of the oracle (2026-12-05): places and periods said the way people actually say them.

- A place with no "near"/"over"/"in" in front of it, or with other prepositions and word orders ("Black Sea P-8
  flights in 2025", "P-8s off Texas", "Texas U-2 missions", "U-2 flights along the border", "sorties around
  Kaliningrad", "Baltic RC-135s"), the seas and areas said short ("the Med", "the Pacific", "the Atlantic", "the North
  Atlantic", "the Middle East", "Eastern Europe", "Gulf of Mexico" with no article) and adjective forms ("Mexican
  airspace", "the Russian border", "Polish airspace", "off the Venezuelan coast");
- bases, airports and cities as places ("near NAS Sigonella", "around Incirlik", "near Kadena", "out of Kadena",
  "from RAF Mildenhall", "near San Diego");
- periods said loosely ("last month", "this year", "over the past two weeks", "in the last 10 days", "early / mid /
  late February", "the end of January", "the weekend of 2 February", "over Christmas", "around 3 February", "late
  2025") and dates written every way ("02/03/2025", "02/13/2025", "3rd Feb", "Feb. 3", "2025-02-03", "Feb '25",
  "fiscal 2025");
- numbers in words and units ("within fifty miles", "within 100 km of", "inside 20 nautical miles", "within a
  hundred kilometres");
- ~40 traps whose only honest answer is a decline and a few conversations.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``), or
is a decline where declining is the only honest answer. Today is 2026-11-24 (a Tuesday) and no mission starts in
2026, so "last month", "this year", "the past two weeks" and "the last 10 days" are all 0 — a reader that drops such
a period answers a larger number, graded wrong.

The conventions of this round (earlier rounds' where they chose one):

- a place with no preposition ("Texas U-2 missions", "Gulf of Mexico P-8 flights", "Baltic RC-135s") is "over" it,
  as rounds 10 and 12 graded it (the bot may ask "near or over?" instead: a decline, never wrong); "the Baltic" is the
  Baltic Sea (round 10); reviewed after the first run: a country there ("Mexico P-8 flights") may say whose the
  flights are ("UK P-8 flights" are the RAF's), so it must be declined;
- "off X", "around X", "along X", "off the X coast", "off the coast of X" are near X (50 nm, over included; round 12);
  "above X", "across X", "in X airspace", "in X's airspace", "in the skies over X" are over X;
- "the Pacific" / "the Atlantic" are the North and South oceans together (the gazetteer splits each in two; graded
  as over either; round 6 graded "the Pacific" as the North Pacific, which is the same set here: no mission reaches
  the South Pacific or the South Atlantic); "the North Atlantic" is the North Atlantic Ocean; "the Med" is the
  Mediterranean Sea;
- "the Gulf" alone (Mexico, California, Persian…) must be declined (round 7); "the X coast" as a place of its own
  ("along / near / up by the Texas coast") must be declined (rounds 8 and 10: a coast is not a region the gazetteer
  holds), but "off the X coast" is near X;
- an adjective place is the country: "Mexican / Polish / Greek / Turkish airspace" = over Mexico / Poland / Greece /
  Turkey; "the Russian border" = near Russia (round 7); "the Polish border" = near Poland; "the Mexican border" is the
  US–Mexico border (rounds 11–12); "Baltic airspace" (the Baltic states' or over the sea?) must be declined;
  "Georgian airspace" is the country's (reviewed after the first run: it expected a decline), and the answer must say
  "Georgia (country)";
- a base or airport the gazetteer holds is a place ("near NAS Sigonella", "around Incirlik", "near Kadena" — 0: no
  mission came near it); a city is a place only when the gazetteer holds a region of that very name (Sevastopol,
  Istanbul, Varna, Riga, Mexico City are subdivisions) or gives its name to one the answer names ("Odesa" is Odesa
  Oblast's, as "Kaliningrad" is Kaliningrad Oblast's: reviewed after the first run); any other city (San Diego,
  London, Tucson, Kyiv) must be declined naming it, never mapped to a larger region (round 12); "out of", "from",
  "based at", "launched from", "returning to" a base ask where the aircraft took off or landed, which the records
  do not hold: declined (round 7);
- "last month" is October 2026, "this year" 2026, "the past two weeks" the 14 days to today, "in the last 10 days" the
  10 days to today, "the past year" the 12 months to today (all 0); "the year before last" is 2024;
- "early / mid / late M" are days 1–10 / 11–20 / 21–end, "the start / end of M" are early / late M (round 11); "the
  weekend of D" is the Saturday and Sunday of D's week-end (round 6); "the last week of M" is its last seven days,
  as "the first week of M" is its first seven; "late 2025", "early 2025", "mid-2025", "over
  Christmas", "around 3 February", "last winter", "fiscal 2025" have no exact reading: declined;
- a numeric date is read only when it cannot be the other way round ("02/13/2025", "13/02/2025" = 13 February 2025;
  "02/03/2025" must be declined); "2025-02-03" is ISO; "Feb '25" is February 2025; "3rd Feb" with no year is the most
  recent February with records (round 6);
- "within fifty miles" = 50 statute miles = 43.4 nm, "within 100 km" = 54.0 nm, "inside 20 nautical miles" = 20 nm;
  "more than 50 miles from X" (outside) and a distance with no unit ("within fifty of Texas") must be declined.

``r14-`` is the first batch, ``r14b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt

from tests.bot_core.oracle import Expect, Oracle, Pred, between, both, either, month, near, over
from tests.bot_core.oracle_round6 import _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, Add
from tests.bot_core.oracle_round10 import _days

P8, U2, RC, Q4, E3, P3 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF"), _t("P3")
NAVY, USAF, RAF = _op("us-navy"), _op("us-air-force"), _op("raf")
DRONE = _role("drone_recon")
BORDER = "us-mexico-border"
FEB25, JAN25, OCT25, Y24, Y25 = month(2025, 2), month(2025, 1), month(2025, 10), _y(2024), _y(2025)
TODAY = dt.date(2026, 11, 24)
START = dt.date(1990, 1, 1)
KM, MI = 1 / 1.852, 1609.344 / 1852
PACIFIC = either(over("north-pacific-ocean"), over("south-pacific-ocean"))
ATLANTIC = either(over("north-atlantic-ocean"), over("south-atlantic-ocean"))
NONE_2026 = (dt.date(2026, 1, 1), TODAY)


def _d(m: int, d: int, y: int = 2025) -> dt.date:
    return dt.date(y, m, d)


def _span(a: dt.date, b: dt.date) -> Pred:
    return between(a, b)


def round14(o: Oracle, add: Add) -> None:
    _bare_places(o, add)
    _prepositions(o, add)
    _seas_and_areas(o, add)
    _adjectives(o, add)
    _bases_and_cities(o, add)
    _loose_periods(o, add)
    _written_dates(o, add)
    _distances(o, add)
    _mixed(o, add)
    _conversations(o, add)
    _traps(add)


# --- places ---------------------------------------------------------------------------------------------------------


def _bare_places(o: Oracle, add: Add) -> None:
    """A place with no preposition: graded "over" it (rounds 10, 12)."""
    for text, pred in [
        ("Black Sea P-8 flights in 2025", both(P8, over("black-sea"), between(*Y25))),
        ("Black Sea Global Hawk flights in 2025?", both(Q4, over("black-sea"), between(*Y25))),
        ("how many Black Sea drone flights in October 2025?", both(DRONE, over("black-sea"), between(*OCT25))),
        ("Texas U-2 missions", both(U2, over("texas"))),
        ("how many Texas P-8 missions in February 2025?", both(P8, over("texas"), between(*FEB25))),
        ("Baltic RC-135s in October 2025", both(RC, over("baltic-sea"), between(*OCT25))),
        ("how many Baltic RC-135 sorties in 2024?", both(RC, over("baltic-sea"), between(*Y24))),
        ("Arizona surveillance flights in 2025?", both(_surv, over("arizona"), between(*Y25))),
        ("California P-8 sorties in January 2025", both(P8, over("california"), between(*JAN25))),
        ("how many Gulf of Mexico P-8 flights?", both(P8, over("gulf-of-mexico"))),
        ("Gulf of Mexico flights in 2025", both(over("gulf-of-mexico"), between(*Y25))),
        ("how many Aegean Sea Global Hawk missions?", both(Q4, over("aegean-sea"))),
        ("North Sea RAF flights in October 2025?", both(RAF, over("north-sea"), between(*OCT25))),
        ("New Mexico U-2 flights in February 2025", both(U2, over("new-mexico"), between(*FEB25))),
        ("how many Nevada flights in 2025?", both(over("nevada"), between(*Y25))),
        ("Sonora surveillance missions in 2024?", both(_surv, over("sonora"), between(*Y24))),
        ("Crimea drone flights in 2025", both(DRONE, over("crimea"), between(*Y25))),
        ("how many Kaliningrad RC-135 flights?", both(RC, over(KAL))),
        ("P-8 flights, Texas, February 2025: how many?", both(P8, over("texas"), between(*FEB25))),
        ("U-2 missions New Mexico 2025", both(U2, over("new-mexico"), between(*Y25))),
        ("count: Global Hawk, Black Sea, October 2025", both(Q4, over("black-sea"), between(*OCT25))),
        ("how many Arizona P-8 flights in 2024?", both(P8, over("arizona"), between(*Y24))),
        ("Oklahoma E-3 flights in 2025?", both(E3, over("oklahoma"), between(*Y25))),
        ("how many Baja peninsula flights in February 2025?", both(over("baja-peninsula"), between(*FEB25))),
        ("Gulf of California surveillance flights in 2025", both(_surv, over("gulf-of-california"),
                                                                 between(*Y25))),
    ]:
        add("r14-bare", (text, o.count(pred)))
    # reviewed: a country before the flights may say whose they are ("UK P-8 flights" are the RAF's), not where they
    # flew; the shared reader asks (near, over, or whose?) instead of choosing. They expected "over" at first
    for text in ["Mexico P-8 flights in Feb 2025", "Denmark RAF sorties in 2025?",
                 "how many Sweden RC-135 flights in 2025?"]:
        add("r14-bare", (text, Expect("decline")))


def _prepositions(o: Oracle, add: Add) -> None:
    """Other prepositions and word orders: off / around / along = near; above / across / in the skies over = over."""
    for text, pred in [
        ("P-8s off Texas in February 2025", both(P8, near("texas"), between(*FEB25))),
        ("how many P-8s off Texas?", both(P8, near("texas"))),
        ("how many P-8 sorties off California in 2024?", both(P8, near("california"), between(*Y24))),
        ("U-2 flights along the border in 2025", both(U2, near(BORDER), between(*Y25))),
        ("how many P-8 flights along the border in February 2025?", both(P8, near(BORDER), between(*FEB25))),
        ("sorties around Kaliningrad in October 2025", both(near(KAL), between(*OCT25))),
        ("how many RC-135 sorties around Kaliningrad?", both(RC, near(KAL))),
        ("how many flights around Crimea in 2025?", both(near("crimea"), between(*Y25))),
        ("how many Global Hawks off Crimea in October 2025?", both(Q4, near("crimea"), between(*OCT25))),
        ("how many RC-135s off Sinaloa?", both(RC, near("sinaloa"))),
        ("how many flights off the Texas coast in 2025?", both(near("texas"), between(*Y25))),
        ("P-8 flights off the California coast in January 2025", both(P8, near("california"), between(*JAN25))),
        ("how many sorties off the coast of Baja California Sur?", near("baja-california-sur")),
        ("how many Global Hawk flights above the Black Sea in 2025?", both(Q4, over("black-sea"), between(*Y25))),
        ("how many flights across the Aegean in October 2025?", both(over("aegean-sea"), between(*OCT25))),
        ("how many flights in the skies over Arizona in 2024?", both(over("arizona"), between(*Y24))),
        ("how many P-8 flights out over the Gulf of Mexico in 2025?", both(P8, over("gulf-of-mexico"),
                                                                          between(*Y25))),
        ("how many P-8 flights in the Gulf of Mexico in February 2025?", both(P8, over("gulf-of-mexico"),
                                                                             between(*FEB25))),
        ("how many flights around the Baja peninsula in 2025?", both(near("baja-peninsula"), between(*Y25))),
        ("how many surveillance flights along the US-Mexico border in January 2025?",
         both(_surv, near(BORDER), between(*JAN25))),
        ("In February 2025, how many P-8 flights off Texas?", both(P8, near("texas"), between(*FEB25))),
        ("Off Kaliningrad in October 2025, how many RAF sorties?", both(RAF, near(KAL), between(*OCT25))),
        ("Around Crimea, how many drone flights in 2025?", both(DRONE, near("crimea"), between(*Y25))),
        ("how many flights were there around the Bosporus in October 2025?", both(near("bosporus"),
                                                                                  between(*OCT25))),
        ("how many RAF flights around the Øresund?", both(RAF, near("resund"))),
        ("how many flights over and around Texas in 2025?", both(near("texas"), between(*Y25))),
    ]:
        add("r14-prep", (text, o.count(pred)))


def _seas_and_areas(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how many flights over the Med in October 2025?", both(over("mediterranean-sea"), between(*OCT25))),
        ("how many Global Hawk flights over the Med?", both(Q4, over("mediterranean-sea"))),
        ("how many flights over the Pacific in 2024?", both(PACIFIC, between(*Y24))),
        ("how many P-8 flights over the Pacific in January 2025?", both(P8, PACIFIC, between(*JAN25))),
        ("how many flights over the Atlantic in 2025?", both(ATLANTIC, between(*Y25))),
        ("how many flights over the North Atlantic in 2025?", both(over("north-atlantic-ocean"), between(*Y25))),
        ("how many RC-135 flights over the North Atlantic?", both(RC, over("north-atlantic-ocean"))),
        ("how many flights over the Middle East in 2025?", both(over("middle-east"), between(*Y25))),
        ("how many flights near the Middle East?", near("middle-east")),
        ("how many surveillance flights over Eastern Europe in 2025?", both(_surv, over("eastern-europe"),
                                                                            between(*Y25))),
        ("how many RAF flights near Eastern Europe?", both(RAF, near("eastern-europe"))),
        ("how many flights over the Arctic?", over("arctic")),
        ("how many flights over the Caribbean in 2025?", both(over("caribbean-sea"), between(*Y25))),
        ("how many flights over the Persian Gulf in 2025?", both(over("persian-gulf"), between(*Y25))),
        ("how many flights over the South China Sea?", over("south-china-sea")),
        ("how many flights over the Adriatic in October 2025?", both(over("adriatic-sea"), between(*OCT25))),
        ("how many flights over the Ionian Sea in 2025?", both(over("ionian-sea"), between(*Y25))),
        ("how many flights over the Gulf of California in February 2025?", both(over("gulf-of-california"),
                                                                               between(*FEB25))),
        ("how many flights near the Gulf of Mexico in 2024?", both(near("gulf-of-mexico"), between(*Y24))),
        ("how many flights over Latin America in 2025?", both(over("latin-america"), between(*Y25))),
        ("how many flights over Europe in 2025?", both(over("europe"), between(*Y25))),
        ("how many flights over North Africa?", over("north-africa")),
    ]:
        add("r14-sea", (text, o.count(pred)))


def _adjectives(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how many P-8 flights in Mexican airspace in February 2025?", both(P8, over("mexico"), between(*FEB25))),
        ("how many flights in Polish airspace in 2025?", both(over("poland"), between(*Y25))),
        ("how many flights in Greek airspace in October 2025?", both(over("greece"), between(*OCT25))),
        ("how many flights in Turkish airspace in 2025?", both(over("turkey"), between(*Y25))),
        ("how many flights in Danish airspace?", over("denmark")),
        ("how many RAF flights in Swedish airspace in October 2025?", both(RAF, over("sweden"), between(*OCT25))),
        ("how many flights in British airspace in 2025?", both(over("united-kingdom"), between(*Y25))),
        ("how many flights in German airspace?", over("germany")),
        ("how many flights in Italian airspace in 2025?", both(over("italy"), between(*Y25))),
        ("how many flights near the Russian border in October 2025?", both(near("russia"), between(*OCT25))),
        ("how many RC-135s near the Russian border?", both(RC, near("russia"))),
        ("how many flights near the Polish border?", near("poland")),
        ("how many flights along the Mexican border in January 2025?", both(near(BORDER), between(*JAN25))),
        ("how many flights off the Venezuelan coast in 2025?", both(near("venezuela"), between(*Y25))),
        ("how many flights off the Turkish coast in October 2025?", both(near("turkey"), between(*OCT25))),
        ("how many flights off the Albanian coast?", near("albania")),
        ("how many flights over Russian territory?", over("russia")),
        ("how many flights over Mexican territory in 2024?", both(over("mexico"), between(*Y24))),
        ("how many flights in Ukrainian airspace in 2025?", both(over("ukraine"), between(*Y25))),
        ("how many flights near the Lithuanian border?", near("lithuania")),
    ]:
        add("r14-adj", (text, o.count(pred)))


def _bases_and_cities(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how many flights near NAS Sigonella in October 2025?", both(near("base-licz"), between(*OCT25))),
        ("how many Global Hawks near Sigonella?", both(Q4, near("base-licz"))),
        ("how many flights around Incirlik in 2025?", both(near("base-ltag"), between(*Y25))),
        ("how many flights near Kadena in 2025?", both(near("base-rodn"), between(*Y25))),
        ("how many flights near RAF Mildenhall in October 2025?", both(near("base-egun"), between(*OCT25))),
        ("how many flights near Ramstein?", near("base-etar")),
        ("how many flights near Souda Bay in 2025?", both(near("base-lgsa"), between(*Y25))),
        ("how many flights near Andersen Air Force Base?", near("base-pgua")),
        ("how many flights near Davis-Monthan in 2025?", both(near("base-kdma"), between(*Y25))),
        ("how many flights near Edwards Air Force Base in 2024?", both(near("base-kedw"), between(*Y24))),
        ("how many flights near RAF Lakenheath in 2025?", both(near("base-egul"), between(*Y25))),
        ("how many flights near Aviano?", near("base-lipa")),
        ("how many flights near Sevastopol in October 2025?", both(near("sevastopol"), between(*OCT25))),
        ("how many flights near Istanbul in 2025?", both(near("istanbul"), between(*Y25))),
        ("how many flights near Varna?", near("varna")),
        ("how many flights near Riga in 2025?", both(near("riga"), between(*Y25))),
        ("how many flights near Mexico City?", near("ciudad-de-mexico")),
        ("how many flights over Crete in 2025?", both(over("crete"), between(*Y25))),
        ("how many flights near Sicily in October 2025?", both(near("sicily"), between(*OCT25))),
        ("how many flights near Gotland?", near("gotland")),
        # reviewed: "Odesa" is the gazetteer's own name for Odesa Oblast (evidence/reference_data/subdivision_names.py,
        # as "Kaliningrad" is Kaliningrad Oblast's in every round), and the answer names the oblast; it expected a
        # decline (a city mapped to a larger region) at first
        ("how many flights near Odesa?", near("odesa-oblast")),
    ]:
        add("r14-base", (text, o.count(pred)))
    # reviewed: "Georgian airspace" is the country's (a nationality names a country, claims/nlp/demonyms.py); it
    # expected a decline at first. The answer must say which Georgia: "Georgia (country)"
    add("r14-adj", ("how many flights in Georgian airspace?", Expect("count", len(o.sel(over("georgia-country"))),
                                                                      says=("Georgia (country)",))))


# --- periods --------------------------------------------------------------------------------------------------------


def _loose_periods(o: Oracle, add: Add) -> None:
    t = TODAY
    feb = o.bare_month(2)
    fy = feb[0].year
    for text, pred in [
        ("how many flights last month?", _span(*month(2026, 10))),
        ("how many P-8 flights last month?", both(P8, _span(*month(2026, 10)))),
        ("how many flights near Texas this year?", both(near("texas"), _span(*NONE_2026))),
        ("how many U-2 flights so far this year?", both(U2, _span(*NONE_2026))),
        ("how many flights over the past two weeks?", _span(t - dt.timedelta(days=13), t)),
        ("how many surveillance flights in the past 2 weeks?", both(_surv, _span(t - dt.timedelta(days=13), t))),
        ("how many flights in the last 10 days?", _span(t - dt.timedelta(days=9), t)),
        ("how many flights near Kaliningrad in the last ten days?", both(near(KAL), _span(t - dt.timedelta(days=9),
                                                                                          t))),
        ("how many flights in the past year?", _span(dt.date(2025, 11, 25), t)),
        ("how many RC-135 flights the year before last?", both(RC, _span(*Y24))),
        ("how many flights in early February 2025?", _span(_d(2, 1), _d(2, 10))),
        ("how many P-8 flights in early February?", both(P8, _span(dt.date(fy, 2, 1), dt.date(fy, 2, 10)))),
        ("how many flights mid-February 2025?", _span(_d(2, 11), _d(2, 20))),
        ("how many flights near Texas in late January 2025?", both(near("texas"), _span(_d(1, 21), _d(1, 31)))),
        ("how many P-8 flights at the end of January 2025?", both(P8, _span(_d(1, 21), _d(1, 31)))),
        ("how many flights at the start of October 2025?", _span(_d(10, 1), _d(10, 10))),
        ("how many flights in late October 2025?", _span(_d(10, 21), _d(10, 31))),
        ("how many RAF flights in mid-October 2025?", both(RAF, _span(_d(10, 11), _d(10, 20)))),
        ("how many flights the weekend of 2 February 2025?", _span(_d(2, 1), _d(2, 2))),
        ("how many flights on the weekend of 8 February 2025?", _span(_d(2, 8), _d(2, 9))),
        ("how many flights over the weekend of 1 February 2025?", _span(_d(2, 1), _d(2, 2))),
        ("how many flights since 1 Feb 2025?", _span(_d(2, 1), t)),
        ("how many flights up to 31 January 2025?", _span(START, _d(1, 31))),
        ("how many flights in the first ten days of February 2025?", _span(_d(2, 1), _d(2, 10))),
        ("how many flights in the last week of January 2025?", _span(_d(1, 25), _d(1, 31))),
        ("how many flights between Christmas 2024 and 31 January 2025?", _span(_d(12, 25, 2024), _d(1, 31))),
        ("how many flights on Christmas Day 2024?", _span(_d(12, 25, 2024), _d(12, 25, 2024))),
    ]:
        add("r14-period", (text, o.count(pred)))


def _written_dates(o: Oracle, add: Add) -> None:
    feb = o.bare_month(2)
    fy = feb[0].year
    day3 = _span(_d(2, 3), _d(2, 3))
    for text, pred in [
        ("how many flights on 3rd Feb 2025?", day3),
        ("how many flights on 3rd Feb?", _span(dt.date(fy, 2, 3), dt.date(fy, 2, 3))),
        ("how many flights on Feb. 3, 2025?", day3),
        ("how many U-2 flights on Feb. 3?", both(U2, _span(dt.date(fy, 2, 3), dt.date(fy, 2, 3)))),
        ("how many flights on 2025-02-03?", day3),
        ("how many P-8 flights on 2025-02-04?", both(P8, _span(_d(2, 4), _d(2, 4)))),
        ("how many flights between 2025-01-27 and 2025-02-05?", _span(_d(1, 27), _d(2, 5))),
        ("how many flights in Feb '25?", _span(*FEB25)),
        ("how many RC-135 flights in Oct '25?", both(RC, _span(*OCT25))),
        ("how many flights in Jan. 2025?", _span(*JAN25)),
        ("how many flights on 02/13/2025?", _span(_d(2, 13), _d(2, 13))),
        ("how many flights on 13/02/2025?", _span(_d(2, 13), _d(2, 13))),
        ("how many flights on 27/01/2025?", _span(_d(1, 27), _d(1, 27))),
        ("how many flights on 1/27/2025?", _span(_d(1, 27), _d(1, 27))),
        ("how many flights on the 4th of Feb 2025?", _span(_d(2, 4), _d(2, 4))),
        ("how many flights on Tuesday 4 February 2025?", _span(_d(2, 4), _d(2, 4))),
        ("how many flights on 3 Feb. 2025?", day3),
        ("how many flights on February the 3rd, 2025?", day3),
    ]:
        add("r14-date", (text, o.count(pred)))


def _distances(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how many flights within fifty miles of Texas in 2025?", both(near("texas", 50 * MI), between(*Y25))),
        ("how many flights within 100 km of Kaliningrad?", near(KAL, 100 * KM)),
        ("how many flights inside 20 nautical miles of Texas?", near("texas", 20)),
        ("how many flights within twenty nautical miles of the border in February 2025?",
         both(near(BORDER, 20), between(*FEB25))),
        ("how many flights within a hundred kilometres of Crimea?", near("crimea", 100 * KM)),
        ("how many flights within ten nm of Sinaloa?", near("sinaloa", 10)),
        ("how many RC-135s within 25 nm of Kaliningrad?", both(RC, near(KAL, 25))),
        ("how many flights within thirty miles of Arizona in 2025?", both(near("arizona", 30 * MI), between(*Y25))),
        ("how many flights within 40 kilometers of Kaliningrad?", near(KAL, 40 * KM)),
        ("how many flights within 5 nm of Texas in February 2025?", both(near("texas", 5), between(*FEB25))),
        ("how many flights inside 10 miles of the border?", near(BORDER, 10 * MI)),
        ("how many flights within 60 km of the Bosporus?", near("bosporus", 60 * KM)),
        ("how many P-8 flights within fifteen nautical miles of California in 2024?",
         both(P8, near("california", 15), between(*Y24))),
        ("how many flights within 12 nm of New Mexico?", near("new-mexico", 12)),
    ]:
        add("r14-dist", (text, o.count(pred)))


def _mixed(o: Oracle, add: Add) -> None:
    """A loose place and a loose period in one question, in several word orders."""
    t = TODAY
    for text, pred in [
        ("Texas, last month: any P-8s?", both(P8, over("texas"), _span(*month(2026, 10)))),
        ("this year's U-2 flights along the border?", both(U2, near(BORDER), _span(*NONE_2026))),
        ("February 2025 Black Sea flights?", both(over("black-sea"), _span(*FEB25))),
        ("2024 Gulf of Mexico P-8 flights", both(P8, over("gulf-of-mexico"), _span(*Y24))),
        ("October 2025 Baltic sorties: how many?", both(over("baltic-sea"), _span(*OCT25))),
        ("How many times did RC-135s go around Kaliningrad in Oct '25?", both(RC, near(KAL), _span(*OCT25))),
        ("Any Global Hawks over the Med in the last 10 days?", both(Q4, over("mediterranean-sea"),
                                                                    _span(t - dt.timedelta(days=9), t))),
        ("early Feb 2025 P-8 flights off Texas", both(P8, near("texas"), _span(_d(2, 1), _d(2, 10)))),
        ("Navy P-8s, Gulf of Mexico, 2025", both(NAVY, P8, over("gulf-of-mexico"), _span(*Y25))),
        ("flights within 100 km of Crimea last month?", both(near("crimea", 100 * KM), _span(*month(2026, 10)))),
        ("U-2 over New Mexico on 2025-02-03?", both(U2, over("new-mexico"), _span(_d(2, 3), _d(2, 3)))),
        ("any RAF sorties off Denmark in mid-October 2025?", both(RAF, near("denmark"), _span(_d(10, 11),
                                                                                              _d(10, 20)))),
        ("flights in and around the Black Sea in October 2025", both(near("black-sea"), _span(*OCT25))),
        ("how many flights over the Sea of Azov in 2025?", both(over("sea-of-azov"), _span(*Y25))),
        ("late Jan 2025: how many P-8s off California?", both(P8, near("california"), _span(_d(1, 21), _d(1, 31)))),
        ("in the past two weeks, any flights near Kaliningrad?", both(near(KAL), _span(t - dt.timedelta(days=13),
                                                                                       t))),
        ("USAF flights in Greek airspace in Oct 2025", both(USAF, over("greece"), _span(*OCT25))),
        ("how many P-3 flights off Baja California in January 2025?", both(P3, near("baja-california"),
                                                                             _span(*JAN25))),
    ]:
        add("r14-mixed", (text, o.count(pred)))


# --- conversations ----------------------------------------------------------------------------------------------------


def _conversations(o: Oracle, add: Add) -> None:
    s = "r14-conv"
    q4bs = both(Q4, over("black-sea"), between(*OCT25))
    add(s,
        ("Black Sea Global Hawk flights in October 2025?", o.count(q4bs)),
        ("and over the Med?", o.count(both(Q4, over("mediterranean-sea"), between(*OCT25)))),
        ("what about last month?", o.count(both(Q4, over("mediterranean-sea"), between(*month(2026, 10)))))
        )
    p8tx = both(P8, near("texas"), between(*FEB25))
    add(s,
        ("P-8s off Texas in February 2025?", o.count(p8tx)),
        ("and off California?", o.count(both(P8, near("california"), between(*FEB25)))),
        ("early February only?", o.count(both(P8, near("california"), between(_d(2, 1), _d(2, 10))))),
        ("list them", o.listing(both(P8, near("california"), between(_d(2, 1), _d(2, 10))))))
    add(s,
        ("how many flights near NAS Sigonella in October 2025?", o.count(both(near("base-licz"), between(*OCT25)))),
        ("and near Incirlik?", o.count(both(near("base-ltag"), between(*OCT25)))),
        ("how many flew out of Incirlik?", Expect("decline")),
        ("and near Souda Bay?", o.count(both(near("base-lgsa"), between(*OCT25)))))
    kal = both(near(KAL), between(*OCT25))
    add(s,
        ("sorties around Kaliningrad in October 2025", o.count(kal)),
        ("within 100 km?", o.count(both(near(KAL, 100 * KM), between(*OCT25)))),
        ("which days?", _days(o, both(near(KAL, 100 * KM), between(*OCT25)))))
    add(s,
        ("U-2 flights along the border in 2025", o.count(both(U2, near(BORDER), between(*Y25)))),
        ("and in 2024?", o.count(both(U2, near(BORDER), between(*Y24)))),
        ("what about this year?", o.count(both(U2, near(BORDER), between(*NONE_2026)))))
    add(s,
        ("how many surveillance flights in Mexican airspace in 2025?", o.count(both(_surv, over("mexico"),
                                                                                   between(*Y25)))),
        ("how many of those were in early February?", o.count(both(_surv, over("mexico"),
                                                                   between(_d(2, 1), _d(2, 10))))),
        ("over the Gulf?", Expect("decline")),
        ("which aircraft?", o.aircraft(both(_surv, over("mexico"), between(_d(2, 1), _d(2, 10))))))
    add(s,
        ("Baltic RC-135s in 2025", o.count(both(RC, over("baltic-sea"), between(*Y25)))),
        ("how many were RAF?", o.count(both(RC, RAF, over("baltic-sea"), between(*Y25)))),
        ("and in mid-October?", o.count(both(RC, RAF, over("baltic-sea"), between(_d(10, 11), _d(10, 20))))))


# --- traps ----------------------------------------------------------------------------------------------------------


def _traps(add: Add) -> None:
    for text in [
        "how many flights over the Gulf in 2025?",
        "how many P-8 flights in the Gulf?",
        "how many flights up by the Alaska coast?",
        "how many P-8 flights along the Texas coast in February 2025?",
        "how many flights near the California coast?",
        "how many RC-135s out of Kadena?",
        "how many flights from RAF Mildenhall in October 2025?",
        "how many Global Hawks flew out of Sigonella?",
        "how many flights based at Incirlik?",
        "how many P-8s launched from Jacksonville in 2025?",
        "how many U-2 flights returning to Beale?",
        "how many flights near San Diego in 2025?",
        "how many flights near London in October 2025?",
        "how many flights near Tucson?",
        "how many flights near Kyiv in 2025?",
        "how many flights in Baltic airspace in 2025?",
        "how many flights west of Texas in 2025?",
        "how many flights north of the border in February 2025?",
        "how many flights near the coast in 2025?",
        "how many flights overseas in 2025?",
        "how many flights near the front line?",
        "how many flights over Christmas 2024?",
        "how many flights around 3 February 2025?",
        "how many flights in late 2025?",
        "how many flights in early 2025?",
        "how many flights in mid-2025?",
        "how many flights last winter?",
        "how many flights in fiscal 2025?",
        "how many flights in FY 2025 near Texas?",
        "how many flights on 02/03/2025?",
        "how many flights on 04/02/2025?",
        "how many flights on the 3rd?",
        "how many flights more than 50 miles from Texas?",
        "how many flights within fifty of Texas?",
        "how many flights within 50 miles?",
        "how many flights between Texas and Mexico in 2025?",
        "how many flights in the summer of 2024?",
        "how many flights around the holidays in 2024?",
        "how many flights near the Arizona coast?",
        "how many flights in the Pacific Northwest?",
        "how many flights along the Baltic coast in 2025?",
    ]:
        add("r14-trap", (text, Expect("decline")))


def held_out(o: Oracle, add: Add) -> None:
    """The held-out batch (category ``r14b-``), written after the first batch's fixes and run once before any fix of
    its own: the same families in other words, places and periods."""
    _held_out_places(o, add)
    _held_out_periods(o, add)
    _held_out_conversations(o, add)
    _held_out_traps(add)


def _held_out_places(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("Aegean drone missions in October 2025", both(DRONE, over("aegean-sea"), between(*OCT25))),
        ("how many Gulf of California RC-135 sorties?", both(RC, over("gulf-of-california"))),
        ("how many New Mexico E-3 flights in 2025?", both(E3, over("new-mexico"), between(*Y25))),
        ("Oklahoma surveillance flights in 2024", both(_surv, over("oklahoma"), between(*Y24))),
        ("Arizona Global Hawk missions?", both(Q4, over("arizona"))),
        ("how many Baja peninsula P-3 flights?", both(P3, over("baja-peninsula"))),
        ("Øresund RAF flights in October 2025", both(RAF, over("resund"), between(*OCT25))),
        ("California USAF flights in 2024", both(USAF, over("california"), between(*Y24))),
        ("how many Nevada Global Hawk flights?", both(Q4, over("nevada"))),
        ("Sinaloa RC-135 flights?", both(RC, over("sinaloa"))),
        ("Black Sea USAF missions in October 2025", both(USAF, over("black-sea"), between(*OCT25))),
        ("how many Sea of Azov drone flights?", both(DRONE, over("sea-of-azov"))),
        ("Louisiana P-8 flights in 2025?", both(P8, over("louisiana"), between(*Y25))),
        ("how many P-8s off Baja California in February 2025?", both(P8, near("baja-california"), between(*FEB25))),
        ("RC-135 sorties along the Baltic Sea in 2025", both(RC, near("baltic-sea"), between(*Y25))),
        ("how many flights around the Gulf of Mexico in 2025?", both(near("gulf-of-mexico"), between(*Y25))),
        ("Global Hawks above the Aegean in October 2025", both(Q4, over("aegean-sea"), between(*OCT25))),
        ("how many P-8 flights across California in January 2025?", both(P8, over("california"), between(*JAN25))),
        ("how many sorties in the skies above Texas in February 2025?", both(over("texas"), between(*FEB25))),
        ("Off Crimea in October 2025, how many USAF drone flights?", both(USAF, DRONE, near("crimea"),
                                                                          between(*OCT25))),
        ("how many flights off the coast of Sinaloa in 2025?", both(near("sinaloa"), between(*Y25))),
        ("U-2 sorties along the US–Mexico border in 2024", both(U2, near(BORDER), between(*Y24))),
        ("how many flights over the Pacific Ocean in January 2025?", both(PACIFIC, between(*JAN25))),
        ("how many RQ-4 flights over the Med in 2025?", both(Q4, over("mediterranean-sea"), between(*Y25))),
        ("how many flights near the Med in October 2025?", both(near("mediterranean-sea"), between(*OCT25))),
        ("how many flights over the Atlantic Ocean?", ATLANTIC),
        ("how many flights near the North Atlantic in 2025?", both(near("north-atlantic-ocean"), between(*Y25))),
        ("how many RAF flights over the North Atlantic Ocean?", both(RAF, over("north-atlantic-ocean"))),
        ("how many flights near Eastern Europe in October 2025?", both(near("eastern-europe"), between(*OCT25))),
        ("how many flights over the Middle East in 2024?", both(over("middle-east"), between(*Y24))),
        ("how many flights near the Caribbean?", near("caribbean-sea")),
        ("how many flights over the Sea of Marmara?", over("sea-of-marmara")),
        ("how many flights near the Persian Gulf?", near("persian-gulf")),
        ("how many flights in Bulgarian airspace in October 2025?", both(over("bulgaria"), between(*OCT25))),
        ("how many flights in Albanian airspace?", over("albania")),
        ("how many flights near the Ukrainian border in 2025?", both(near("ukraine"), between(*Y25))),
        ("how many flights in Lithuanian airspace?", over("lithuania")),
        ("how many flights off the Danish coast in October 2025?", both(near("denmark"), between(*OCT25))),
        ("how many P-8 flights off the Mexican coast in February 2025?", both(P8, near("mexico"), between(*FEB25))),
        ("how many flights in US airspace in January 2025?", both(over("united-states"), between(*JAN25))),
        ("how many flights in Romanian airspace?", over("romania")),
        ("how many flights over Estonian territory?", over("estonia")),
        ("how many flights near the Belarusian border?", near("belarus")),
        ("how many flights near Incirlik Air Base in October 2025?", both(near("base-ltag"), between(*OCT25))),
        ("how many flights near RAF Fairford in 2025?", both(near("base-egva"), between(*Y25))),
        ("how many flights near Ramstein Air Base in 2025?", both(near("base-etar"), between(*Y25))),
        ("how many flights near Misawa?", near("base-rjsm")),
        ("how many flights near Beale AFB in 2024?", both(near("base-kbab"), between(*Y24))),
        ("how many flights near Luke Air Force Base in 2025?", both(near("base-kluf"), between(*Y25))),
        ("how many flights near Holloman AFB?", near("base-khmn")),
        ("how many flights near Izmir in 2025?", both(near("izmir"), between(*Y25))),
        ("how many flights near Burgas in October 2025?", both(near("burgas"), between(*OCT25))),
        ("how many flights within forty nautical miles of Kaliningrad?", near(KAL, 40)),
        ("how many flights within twenty-five miles of the border in 2025?", both(near(BORDER, 25 * MI),
                                                                                  between(*Y25))),
        ("how many flights within seventy-five km of Crimea?", near("crimea", 75 * KM)),
        ("how many RC-135s inside 30 nm of Kaliningrad?", both(RC, near(KAL, 30))),
        ("how many flights within five nautical miles of Texas in February 2025?", both(near("texas", 5),
                                                                                       between(*FEB25))),
    ]:
        add("r14b-place", (text, o.count(pred)))
    for text in ["Greece Global Hawk flights in October 2025", "how many Italy drone flights?"]:
        add("r14b-place", (text, Expect("decline")))


def _held_out_periods(o: Oracle, add: Add) -> None:
    t = TODAY
    for text, pred in [
        ("how many flights in the past 3 weeks?", _span(t - dt.timedelta(days=20), t)),
        ("how many P-8 flights this month?", both(P8, _span(dt.date(2026, 11, 1), t))),
        ("how many flights in the last 7 days?", _span(t - dt.timedelta(days=6), t)),
        ("how many drone flights over the past 10 days?", both(DRONE, _span(t - dt.timedelta(days=9), t))),
        ("how many flights in early October 2025?", _span(_d(10, 1), _d(10, 10))),
        ("how many flights in mid-January 2025?", _span(_d(1, 11), _d(1, 20))),
        ("how many P-8 flights in late February 2025?", both(P8, _span(_d(2, 21), _d(2, 28)))),
        ("how many flights at the start of February 2025?", _span(_d(2, 1), _d(2, 10))),
        ("how many flights at the end of October 2025?", _span(_d(10, 21), _d(10, 31))),
        ("how many flights on the weekend of 25 January 2025?", _span(_d(1, 25), _d(1, 26))),
        ("how many flights on 3rd October 2025?", _span(_d(10, 3), _d(10, 3))),
        ("how many flights on Oct. 7, 2025?", _span(_d(10, 7), _d(10, 7))),
        ("how many flights on 2025-10-07?", _span(_d(10, 7), _d(10, 7))),
        ("how many P-8 flights in Jan '25?", both(P8, _span(*JAN25))),
        ("how many flights on 10/28/2025?", _span(_d(10, 28), _d(10, 28))),
        ("how many flights on 28/10/2025?", _span(_d(10, 28), _d(10, 28))),
        ("how many flights in the first week of October 2025?", _span(_d(10, 1), _d(10, 7))),
        ("how many flights in the last week of October 2025?", _span(_d(10, 25), _d(10, 31))),
    ]:
        add("r14b-period", (text, o.count(pred)))


def _held_out_conversations(o: Oracle, add: Add) -> None:
    s = "r14b-conv"
    aeg = both(DRONE, over("aegean-sea"), between(*OCT25))
    add(s,
        ("Aegean drone missions in October 2025?", o.count(aeg)),
        ("and the Black Sea?", o.count(both(DRONE, over("black-sea"), between(*OCT25)))),
        ("what about within a hundred km of Crimea?", o.count(both(DRONE, near("crimea", 100 * KM),
                                                                   between(*OCT25)))))
    fair = both(near("base-egva"), between(*Y25))
    add(s,
        ("how many flights near Ramstein in 2025?", o.count(both(near("base-etar"), between(*Y25)))),
        ("and near RAF Fairford?", o.count(fair)),
        ("how many took off from Fairford?", Expect("decline")),
        ("list them", o.listing(fair)))
    tx = both(P8, over("texas"), between(*FEB25))
    add(s,
        ("Texas P-8 missions in February 2025", o.count(tx)),
        ("just early February?", o.count(both(P8, over("texas"), between(_d(2, 1), _d(2, 10))))),
        ("which aircraft?", o.aircraft(both(P8, over("texas"), between(_d(2, 1), _d(2, 10))))))
    add(s,
        ("how many flights over Atlantis?", Expect("decline")),
        ("and in 2025?", Expect("decline")),
        ("how many flights over the Baltic in 2025?", o.count(both(over("baltic-sea"), between(*Y25)))))


def _held_out_traps(add: Add) -> None:
    for text in [
        "how many RC-135s out of Ramstein?",
        "how many flights from Incirlik Air Base in 2025?",
        "how many flights took off from Kadena in 2025?",
        "how many P-8s departing Souda Bay?",
        "how many flights near Chicago?",
        "how many flights near Warsaw in 2025?",
        "how many flights near Honolulu?",
        "how many flights near Odessa, Texas?",
        "how many flights earlier this year?",
        "how many flights around Christmas?",
        "how many flights over New Year 2025?",
        "how many flights around 28 October 2025?",
        "how many flights in late 2024?",
        "how many flights in fiscal year 2024?",
        "how many flights on 10/07/2025?",
        "how many flights further than 20 nm from Texas?",
        "how many flights within fifty kilometers?",
        "how many flights along the Florida coast?",
        "how many flights east of Crimea?",
        "how many flights in Caucasian airspace?",
    ]:
        add("r14b-trap", (text, Expect("decline")))
