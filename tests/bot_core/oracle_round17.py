"""Round 17 of the oracle (2026-12-05): kinds of aircraft said in everyday words, whole countries' air arms and
alliances, world places misspelt or written loosely, and "same but…" follow-ups that swap or add one part.

- Kinds in everyday words: "spy planes", "surveillance aircraft", "recon flights", "ISR", "sub hunters", "maritime
  patrol", "anti-submarine", "AWACS", "early-warning jets", "tankers", "refuellers", "bombers", "drones", "UAVs",
  "unmanned", "remotely piloted", "fighters", "transports", "cargo planes", "airlifters", "helicopters",
  "choppers", "SIGINT", "jets", "planes", "heavies", "warplanes".
- Countries' air arms and alliances: "American", "US", "US military", "British", "UK", "the Brits", "the Yanks",
  "Russian", "French", "Ukrainian", "Chinese", "non-American", "non-British", "NATO", "allied", "Western",
  "foreign"; an operator and a role together ("British spy planes", "US Navy drones").
- World places misspelt or loose: "Kalinigrad", "Carribean", "Baltic sea", "black sea", "the Crimea", "Krim",
  "Golfo de Mexico", "SCS", "the Med", "the Gulf", "Taiwan strait", "near Venezuela coast", "Türkiye".
- "Same but…" follow-ups of 3–6 turns that swap or add one part ("same but bombers", "now only the Navy", "and the
  Baltic?", "what about drones there?", "same question for 2024", "and without the RAF?", "swap Texas for Arizona",
  "just the P-8s of those", "now list them", "map it"), with a declined turn in the middle that keeps the scope.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``), or
is a decline where declining is the only honest answer. Today is 2026-11-24 and no mission starts in 2026. The demo's
missions are flown by the US Navy (P-8, P-3), the US Air Force (RQ-4, RC-135, E-3, U-2, C-17, KC-135), the RAF
(RC-135) and two airliners; no bomber, fighter or helicopter flew, so those counts are 0 — a reader that drops the
kind answers a larger number, graded wrong.

The choices of this round (earlier rounds' where they chose one):

- kinds are roles: "spy planes", "surveillance", "recon", "reconnaissance", "ISR" = the surveillance types (README);
  "maritime patrol", "anti-submarine", "ASW" = maritime patrol; "sub hunter(s)" is the P-8's nickname in the
  reference data and the dialog table (reviewed after the first run, which graded it maritime patrol: 3 rows wrong
  because the P-3 was not counted; the project's earlier choice is followed, and the answer names the P-8);
  "AWACS", "early-warning", "AEW" = airborne early warning; "tankers", "refuellers" = tanker; "drones", "UAVs",
  "unmanned", "remotely piloted" = drone; "fighters", "fighter jets" = fighter; "transports", "cargo planes",
  "airlifters" = transport; "helicopters", "choppers" = helicopter; "SIGINT", "signals intelligence" = SIGINT;
  "high-altitude spy planes" = high-altitude reconnaissance; "spy planes other than drones", "non-drone
  surveillance" = the surveillance types but the drones;
- "jets", "planes", "aircraft" with no other kind are every mission (README: "how many aircraft / planes / jets
  flew…" counts missions of any type), and "military jets" the military ones; "heavies" (heavy aircraft? heavy
  bombers?) and "warplanes" (combat aircraft, or any military aircraft?) have no sure mapping: declined;
- a country's adjective before flights / aircraft / planes / a kind names whose they are: "American", "US", "the
  Yanks" = the US services; "British", "UK", "the Brits" = the British ones (here the RAF); "Russian", "French",
  "Chinese", "Ukrainian" = that country's services (rounds 7 and 8: "Russian flights" are by Russia, 0 here, though 8
  missions flew over Russia); the adjective before "airspace" is the country's airspace (round 14); "non-American" =
  not a US service (airliners included, round 12); "civilian" = not military;
- "NATO", "allied", "Western", "foreign" aircraft: no sure list (NATO's own fleet or its members'? allied or foreign
  to whom?): declined (round 7 declined "NATO flights");
- "US and British flights", "by US or UK aircraft": a mission has one operator, so the sum (round 15's "P-8s +
  U-2s"); two kinds likewise ("tanker and transport flights");
- a misspelt place corrected must be said (round 10: the answer names the typo); "the Crimea" = Crimea, "Krim" =
  Crimea, "Golfo de Mexico" = the Gulf of Mexico, "SCS" = the South China Sea, "the Med" = the Mediterranean Sea,
  "Türkiye" = Turkey, "the Bosphorus" = the Bosporus: answered, or declined (never another place); a misspelling that
  is an English word ("the Aegean see", "Crime") must be declined (round 7); "the Gulf" alone must be declined
  (round 7); "near (the) Venezuela coast" must be declined ("the X coast" as a place, round 14), "off the Venezuelan
  coast" is near Venezuela;
- a follow-up keeps the question asked before it and changes only the part it names ("same but bombers" swaps the
  kind; "now only the Navy" adds the operator; "swap Texas for Arizona", "and the Baltic?" swap the place, keeping
  near / over; "same question for 2024" swaps the period; "and without the RAF?" adds an exclusion; "just the P-8s of
  those" narrows); "now list them" lists the last scope, "map it" draws it; a declined turn keeps the scope.

``r17-`` is the first batch, ``r17b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

from tests.bot_core.oracle import Expect, Oracle, between, both, by_op, either, month, near, over
from tests.bot_core.oracle_round6 import _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, US_OPS, Add, _not

P8, U2, RC, Q4, E3, P3 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF"), _t("P3")
NAVY, USAF, RAF, US = _op("us-navy"), _op("us-air-force"), _op("raf"), _op(*US_OPS)
GB = _op("raf", "royal-navy", "british-army", "uk-mod")
RU = _op("vks", "russian-navy", "russia-mod")
FR = _op("french-air-space-force", "french-navy")
CN = _op("pla", "plaaf", "plan")
UA = _op("ukrainian-air-force", "ukrainian-navy", "ukraine-mod")
DE = _op("luftwaffe", "german-navy")
MX = _op("mexican-air-force", "mexican-navy", "sedena")
DRONE, BOMBER, MPA, AEW = _role("drone_recon"), _role("bomber"), _role("maritime_patrol"), _role("aew")
TANKER, TRANSPORT, FIGHTER, HELI = _role("tanker"), _role("transport"), _role("fighter"), _role("helicopter")
SIGINT, HIGH = _role("sigint"), _role("high_altitude_recon")
SURV = _surv
BORDER = "us-mexico-border"
BS, BALTIC = over("black-sea"), over("baltic-sea")
JAN25, FEB25, OCT25, Y24, Y25 = month(2025, 1), month(2025, 2), month(2025, 10), _y(2024), _y(2025)


def _mil(r) -> bool:
    return r.military


def decline() -> Expect:
    return Expect("decline")


def round17(o: Oracle, add: Add) -> None:
    _kinds(o, add)
    _countries(o, add)
    _places(o, add)
    _conversations(o, add)
    _traps(add)


# --- kinds of aircraft in everyday words ------------------------------------------------------------------------


def _kinds(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how many spy planes flew over the Baltic Sea in October 2025?", both(SURV, BALTIC, between(*OCT25))),
        ("surveillance aircraft near Crimea in 2025 - how many?", both(SURV, near("crimea"), between(*Y25))),
        ("how many recon flights near the border in February 2025?", both(SURV, near(BORDER), between(*FEB25))),
        ("number of ISR sorties over Arizona in 2025", both(SURV, over("arizona"), between(*Y25))),
        ("how many sub hunters flew near California in January 2025?", both(P8, near("california"),
                                                                            between(*JAN25))),
        ("how many sub-hunter flights over the Gulf of Mexico?", both(P8, over("gulf-of-mexico"))),
        ("how many maritime patrol planes flew near Texas in 2024?", both(MPA, near("texas"), between(*Y24))),
        ("how many anti-submarine aircraft near California in 2024?", both(MPA, near("california"), between(*Y24))),
        ("how many ASW flights over the Pacific in 2025?", both(MPA, over("north-pacific-ocean"), between(*Y25))),
        ("how many AWACS sorties over Oklahoma in 2025?", both(AEW, over("oklahoma"), between(*Y25))),
        ("how many early-warning jets flew near Texas in 2025?", both(AEW, near("texas"), between(*Y25))),
        ("how many airborne early warning flights in 2024?", both(AEW, between(*Y24))),
        ("how many AEW aircraft near New Mexico?", both(AEW, near("new-mexico"))),
        ("how many tankers flew near Texas in February 2025?", both(TANKER, near("texas"), between(*FEB25))),
        ("how many refuellers flew in 2025?", both(TANKER, between(*Y25))),
        ("any refueling tankers over Texas in 2024?", both(TANKER, over("texas"), between(*Y24))),
        ("how many bombers near the Baltic Sea in 2025?", both(BOMBER, near("baltic-sea"), between(*Y25))),
        ("how many bomber sorties over the Black Sea?", both(BOMBER, BS)),
        ("any strategic bombers near Kaliningrad in October 2025?", both(BOMBER, near(KAL), between(*OCT25))),
        ("how many drones flew near Crimea in October 2025?", both(DRONE, near("crimea"), between(*OCT25))),
        ("how many UAV flights over the Black Sea in 2025?", both(DRONE, BS, between(*Y25))),
        ("how many UAVs near the border in 2024?", both(DRONE, near(BORDER), between(*Y24))),
        ("how many unmanned aircraft flew over Greece?", both(DRONE, over("greece"))),
        ("how many unmanned sorties near Arizona in January 2025?", both(DRONE, near("arizona"), between(*JAN25))),
        ("how many remotely piloted aircraft over the Aegean in 2025?", both(DRONE, over("aegean-sea"),
                                                                             between(*Y25))),
        ("how many fighters flew near Kaliningrad in 2025?", both(FIGHTER, near(KAL), between(*Y25))),
        ("how many fighter jets over the Baltic in October 2025?", both(FIGHTER, BALTIC, between(*OCT25))),
        ("how many transports flew near Texas in February 2025?", both(TRANSPORT, near("texas"), between(*FEB25))),
        ("how many cargo planes over Texas in 2025?", both(TRANSPORT, over("texas"), between(*Y25))),
        ("how many airlifters flew in February 2025?", both(TRANSPORT, between(*FEB25))),
        ("how many helicopters flew near the border in 2025?", both(HELI, near(BORDER), between(*Y25))),
        ("how many choppers near California in 2024?", both(HELI, near("california"), between(*Y24))),
        ("how many signals intelligence flights near Kaliningrad?", both(SIGINT, near(KAL))),
        ("how many SIGINT aircraft over the Baltic in 2025?", both(SIGINT, BALTIC, between(*Y25))),
        ("how many jets flew near Texas in February 2025?", both(near("texas"), between(*FEB25))),
        ("how many planes flew over the Black Sea in October 2025?", both(BS, between(*OCT25))),
        ("how many military jets near Kaliningrad in October 2025?", both(_mil, near(KAL), between(*OCT25))),
        ("how many spy jets near Crimea?", both(SURV, near("crimea"))),
        ("how many reconnaissance drones over the Black Sea in Oct 2025?", both(DRONE, BS, between(*OCT25))),
        ("how many high-altitude spy planes over California in 2024?", both(HIGH, over("california"),
                                                                            between(*Y24))),
        ("how many spy planes other than drones near Crimea in 2025?", both(SURV, _not(DRONE), near("crimea"),
                                                                            between(*Y25))),
        ("how many non-drone surveillance flights over the Baltic?", both(SURV, _not(DRONE), BALTIC)),
        ("how many tanker and transport flights in February 2025?", both(either(TANKER, TRANSPORT),
                                                                          between(*FEB25))),
        ("surveillance planes over New Mexico in 2025, how many?", both(SURV, over("new-mexico"), between(*Y25))),
        ("how many maritime patrol aircraft over the Black Sea in 2025?", both(MPA, BS, between(*Y25))),
        ("how many drone missions in 2024?", both(DRONE, between(*Y24))),
        ("how many early warning aircraft flew in February 2025?", both(AEW, between(*FEB25))),
        ("how many spy-plane flights over the Aegean in October 2025?", both(SURV, over("aegean-sea"),
                                                                             between(*OCT25))),
    ]:
        add("r17-kind", (text, o.count(pred)))
    for text, expect in [
        ("list the tanker flights in 2025", o.listing(both(TANKER, between(*Y25)))),
        ("show me the cargo plane flights in February 2025", o.listing(both(TRANSPORT, between(*FEB25)))),
        ("when was the last AWACS flight?", o.when(AEW, "last")),
        ("when was the first sub-hunter flight of 2025?", o.when(both(P8, between(*Y25)), "first")),
        ("which drones flew over the Black Sea in 2025?", o.aircraft(both(DRONE, BS, between(*Y25)))),
        ("which spy planes flew near Kaliningrad in October 2025?", o.aircraft(both(SURV, near(KAL),
                                                                                     between(*OCT25)))),
        ("spy planes near Kaliningrad by operator", o.breakdown(both(SURV, near(KAL)), by_op)),
        ("list the UAV flights near the border in 2024", o.listing(both(DRONE, near(BORDER), between(*Y24)))),
    ]:
        add("r17-kind", (text, expect))
    for text in ["how many heavies flew near Texas in 2025?", "how many warplanes near the Baltic in 2025?",
                 "how many heavy jets over the Black Sea?"]:
        add("r17-kind", (text, decline()))


# --- whole countries' air arms and alliances ----------------------------------------------------------------------


def _countries(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how many American spy planes over the Black Sea in 2025?", both(US, SURV, BS, between(*Y25))),
        ("how many US military flights near Kaliningrad in October 2025?", both(US, _mil, near(KAL),
                                                                                between(*OCT25))),
        ("how many British flights over the Baltic in 2025?", both(GB, BALTIC, between(*Y25))),
        ("how many UK surveillance flights near Kaliningrad?", both(GB, SURV, near(KAL))),
        ("how many flights by the Brits near Kaliningrad in October 2025?", both(GB, near(KAL), between(*OCT25))),
        ("how many flights did the Yanks fly over the Baltic in October 2025?", both(US, BALTIC, between(*OCT25))),
        ("how many Russian aircraft over the Black Sea in 2025?", both(RU, BS, between(*Y25))),
        ("how many Russian flights near Kaliningrad?", both(RU, near(KAL))),
        ("how many Russian flights in October 2025?", both(RU, between(*OCT25))),
        ("how many flights in Russian airspace?", over("russia")),
        ("how many flights near Russia in October 2025?", both(near("russia"), between(*OCT25))),
        ("how many American flights over Russia?", both(US, over("russia"))),
        ("how many non-American flights over the Baltic in October 2025?", both(_not(US), BALTIC,
                                                                                between(*OCT25))),
        ("how many non-US spy planes near Kaliningrad?", both(_not(US), SURV, near(KAL))),
        ("how many non-British flights over the Baltic in October 2025?", both(_not(GB), BALTIC, between(*OCT25))),
        ("how many British spy planes near Kaliningrad in October 2025?", both(GB, SURV, near(KAL),
                                                                               between(*OCT25))),
        ("how many US Navy drones flew in 2025?", both(NAVY, DRONE, between(*Y25))),
        ("how many Air Force drones over the Black Sea in October 2025?", both(USAF, DRONE, BS, between(*OCT25))),
        ("how many USAF tankers near Texas in February 2025?", both(USAF, TANKER, near("texas"), between(*FEB25))),
        ("how many US Navy sub hunters near California in 2024?", both(NAVY, P8, near("california"),
                                                                        between(*Y24))),
        ("how many RAF spy planes over the Baltic in 2025?", both(RAF, SURV, BALTIC, between(*Y25))),
        ("how many American AWACS flights in 2025?", both(US, AEW, between(*Y25))),
        ("how many British drones over the Black Sea?", both(GB, DRONE, BS)),
        ("how many American bombers near Kaliningrad?", both(US, BOMBER, near(KAL))),
        ("how many French flights over the Baltic in 2025?", both(FR, BALTIC, between(*Y25))),
        ("how many German aircraft near Kaliningrad?", both(DE, near(KAL))),
        ("how many Chinese flights near the Taiwan Strait in 2025?", both(CN, near("taiwan-strait"),
                                                                          between(*Y25))),
        ("how many Ukrainian flights over the Black Sea?", both(UA, BS)),
        ("how many Mexican flights near the border?", both(MX, near(BORDER))),
        ("how many flights over Polish airspace in October 2025?", both(over("poland"), between(*OCT25))),
        ("how many US flights in Mexican airspace in 2025?", both(US, over("mexico"), between(*Y25))),
        ("how many American flights in 2024?", both(US, between(*Y24))),
        ("how many flights by the US military in February 2025?", both(US, _mil, between(*FEB25))),
        ("how many flights by American forces near the Baltic?", both(US, near("baltic-sea"))),
        ("how many US and British flights over the Baltic in October 2025?", both(either(US, GB), BALTIC,
                                                                                  between(*OCT25))),
        ("how many flights by US or UK aircraft near Kaliningrad?", both(either(US, GB), near(KAL))),
        ("how many non-military flights near Arizona?", both(_not(_mil), near("arizona"))),
        ("how many civilian flights near Texas in 2024?", both(_not(_mil), near("texas"), between(*Y24))),
        ("how many Russian Navy flights over the Black Sea?", both(_op("russian-navy"), BS)),
        ("how many American reconnaissance flights over Greece in 2025?", both(US, SURV, over("greece"),
                                                                               between(*Y25))),
        ("how many British RC-135 flights in 2025?", both(GB, RC, between(*Y25))),
        ("how many American RC-135 flights near Kaliningrad?", both(US, RC, near(KAL))),
    ]:
        add("r17-country", (text, o.count(pred)))
    for text, expect in [
        ("who flew the most spy flights near Kaliningrad?", o.breakdown(both(SURV, near(KAL)), by_op, rank=True)),
        ("US vs UK flights over the Baltic in October 2025", o.compare(both(US, BALTIC, between(*OCT25)),
                                                                       both(GB, BALTIC, between(*OCT25)))),
        ("were there more American or British flights near Kaliningrad in October 2025?",
         o.compare(both(US, near(KAL), between(*OCT25)), both(GB, near(KAL), between(*OCT25)))),
        ("list the British flights near Kaliningrad", o.listing(both(GB, near(KAL)))),
        ("when was the last American flight over the Baltic?", o.when(both(US, BALTIC), "last")),
    ]:
        add("r17-country", (text, expect))
    for text in ["how many NATO flights over the Baltic?", "how many allied flights near Kaliningrad?",
                 "how many Western spy planes over the Black Sea?", "how many foreign aircraft over Texas?",
                 "how many NATO surveillance flights near Crimea in 2025?", "how many flights by allied air forces "
                 "over the Baltic in October 2025?", "how many foreign military flights near the border?"]:
        add("r17-country", (text, decline()))


# --- world places misspelt or loose --------------------------------------------------------------------------------


def _places(o: Oracle, add: Add) -> None:
    for text, pred, typo in [
        ("how many flights near Kalinigrad in October 2025?", both(near(KAL), between(*OCT25)), "Kalinigrad"),
        ("spy planes near Kalingrad in 2025?", both(SURV, near(KAL), between(*Y25)), "Kalingrad"),
        ("how many flights over the Carribean in 2025?", both(over("caribbean-sea"), between(*Y25)), "Carribean"),
        ("how many bombers over the Carribbean Sea?", both(BOMBER, over("caribbean-sea")), "Carribbean"),
        ("how many flights over the Baltic sea in October 2025?", both(BALTIC, between(*OCT25)), ""),
        ("how many flights over the black sea in 2025?", both(BS, between(*Y25)), ""),
        ("how many flights near the Crimea in 2025?", both(near("crimea"), between(*Y25)), ""),
        ("how many drones near the Crimean peninsula?", both(DRONE, near("crimea")), ""),
        ("how many flights over the Med in October 2025?", both(over("mediterranean-sea"), between(*OCT25)), ""),
        ("how many flights in the Taiwan strait in 2025?", both(over("taiwan-strait"), between(*Y25)), ""),
        ("how many flights near the taiwan strait?", near("taiwan-strait"), ""),
        ("how many flights off the Venezuelan coast?", near("venezuela"), ""),
        ("how many flights near Venezuala in October 2025?", both(near("venezuela"), between(*OCT25)), "Venezuala"),
        ("how many flights near Kaliningard?", near(KAL), "Kaliningard"),
        ("how many flights over the Meditteranean in October 2025?", both(over("mediterranean-sea"),
                                                                           between(*OCT25)), "Meditteranean"),
        ("how many flights near Sevastapol?", near("sevastopol"), "Sevastapol"),
        ("how many flights over the Black Sae?", BS, "Sae"),
        ("how many flights over Grece in 2025?", both(over("greece"), between(*Y25)), "Grece"),
        ("how many flights near Texsa in 2025?", both(near("texas"), between(*Y25)), "Texsa"),
        ("how many flights near Arizonia?", near("arizona"), "Arizonia"),
        ("how many flights over the Sea of Azoz?", over("sea-of-azov"), "Azoz"),
        ("how many flights near Crimera?", near("crimea"), "Crimera"),
        ("how many flights near Lithuana?", near("lithuania"), "Lithuana"),
        ("how many flights in the gulf of mexico in 2025?", both(over("gulf-of-mexico"), between(*Y25)), ""),
        ("how many flights near the persian gulf?", near("persian-gulf"), ""),
        ("how many flights over the Aegian Sea in October 2025?", both(over("aegean-sea"), between(*OCT25)),
         "Aegian"),
        ("how many P-8s over the Golf of Mexico in 2025?", both(P8, over("gulf-of-mexico"), between(*Y25)), "Golf"),
    ]:
        add("r17-place", (text, Expect("count", len(o.sel(pred)), says=(typo,) if typo else ())))
    # other names of a place: answered as the place, or declined — never another place
    for text, pred in [
        ("how many flights near Krim in 2025?", both(near("crimea"), between(*Y25))),
        ("how many flights over the Golfo de Mexico in 2025?", both(over("gulf-of-mexico"), between(*Y25))),
        ("how many P-8 flights over the Golfo de México?", both(P8, over("gulf-of-mexico"))),
        ("how many flights over the SCS in 2025?", both(over("south-china-sea"), between(*Y25))),
        ("how many flights over Türkiye in 2025?", both(over("turkey"), between(*Y25))),
        ("how many flights near the Bosphorus in 2025?", both(near("bosporus"), between(*Y25))),
        ("how many flights over the Arabian Gulf?", over("persian-gulf")),
    ]:
        add("r17-place", (text, o.count(pred)))
    for text in ["how many flights near the Gulf in 2025?", "how many P-8s over the Gulf?",
                 "how many flights near Venezuela coast in 2025?", "how many flights along the Venezuela coast?",
                 "how many flights over the Aegean see?", "how many drones near Crime in 2025?",
                 "any flights over the gulf in October 2025?"]:
        add("r17-place", (text, decline()))


# --- "same but…" conversations -----------------------------------------------------------------------------------


def _conversations(o: Oracle, add: Add) -> None:
    s = "r17-conv"
    add(s,
        ("how many surveillance flights over the Black Sea in October 2025?", o.count(both(SURV, BS,
                                                                                         between(*OCT25)))),
        ("same but bombers", o.count(both(BOMBER, BS, between(*OCT25)))),
        ("what about drones there?", o.count(both(DRONE, BS, between(*OCT25)))),
        ("same question for 2024", o.count(both(DRONE, BS, between(*Y24)))),
        ("and for 2025?", o.count(both(DRONE, BS, between(*Y25)))),
        ("now list them", o.listing(both(DRONE, BS, between(*Y25)))))
    add(s,
        ("how many Navy flights near Texas in February 2025?", o.count(both(NAVY, near("texas"), between(*FEB25)))),
        ("swap Texas for Arizona", o.count(both(NAVY, near("arizona"), between(*FEB25)))),
        ("now only the P-8s", o.count(both(NAVY, P8, near("arizona"), between(*FEB25)))),
        ("and in January?", o.count(both(NAVY, P8, near("arizona"), between(*JAN25)))),
        ("list them", o.listing(both(NAVY, P8, near("arizona"), between(*JAN25)))))
    k = both(near(KAL), between(*OCT25))
    add(s,
        ("how many flights near Kaliningrad in October 2025?", o.count(k)),
        ("and without the RAF?", o.count(both(k, _not(RAF)))),
        ("what about just the RAF?", o.count(both(k, RAF))),
        ("when was the first?", o.when(both(k, RAF), "first")))
    add(s,
        ("how many P-8 flights in February 2025?", o.count(both(P8, between(*FEB25)))),
        ("and near the border?", o.count(both(P8, near(BORDER), between(*FEB25)))),
        ("same but near Texas", o.count(both(P8, near("texas"), between(*FEB25)))),
        ("what about Arizona?", o.count(both(P8, near("arizona"), between(*FEB25)))))
    add(s,
        ("how many drones over the Black Sea in 2025?", o.count(both(DRONE, BS, between(*Y25)))),
        ("what about the Gulf?", decline()),
        ("and in October 2025?", o.count(both(DRONE, BS, between(*OCT25)))),
        ("map it", Expect("picture")))
    add(s,
        ("how many US spy planes near Kaliningrad in October 2025?", o.count(both(US, SURV, near(KAL),
                                                                                   between(*OCT25)))),
        ("and the British ones?", o.count(both(GB, SURV, near(KAL), between(*OCT25)))),
        ("same for the Baltic", o.count(both(GB, SURV, near("baltic-sea"), between(*OCT25)))),
        ("just the RC-135s of those", o.count(both(GB, SURV, RC, near("baltic-sea"), between(*OCT25)))),
        ("now list them", o.listing(both(GB, SURV, RC, near("baltic-sea"), between(*OCT25)))))
    add(s,
        ("how many tankers flew in 2025?", o.count(both(TANKER, between(*Y25)))),
        ("same but transports", o.count(both(TRANSPORT, between(*Y25)))),
        ("and cargo planes in 2024?", o.count(both(TRANSPORT, between(*Y24)))),
        ("same but helicopters", o.count(both(HELI, between(*Y24)))))
    add(s,
        ("how many flights over the Baltic Sea in October 2025?", o.count(both(BALTIC, between(*OCT25)))),
        ("only the Americans", o.count(both(US, BALTIC, between(*OCT25)))),
        ("and the Brits?", o.count(both(GB, BALTIC, between(*OCT25)))),
        ("and the Russians?", o.count(both(RU, BALTIC, between(*OCT25)))))
    mc = both(MPA, near("california"))
    add(s,
        ("how many maritime patrol flights near California in 2024?", o.count(both(mc, between(*Y24)))),
        ("now only the Navy", o.count(both(mc, NAVY, between(*Y24)))),
        ("same question for 2025", o.count(both(mc, NAVY, between(*Y25)))),
        ("and without the P-8s?", o.count(both(mc, NAVY, _not(P8), between(*Y25)))),
        ("when was the last one?", o.when(both(mc, NAVY, _not(P8), between(*Y25)), "last")))
    add(s,
        ("how many ISR flights over Greece in October 2025?", o.count(both(SURV, over("greece"), between(*OCT25)))),
        ("were they spying on Russia?", decline()),
        ("and over Albania?", o.count(both(SURV, over("albania"), between(*OCT25)))),
        ("same but UAVs", o.count(both(DRONE, over("albania"), between(*OCT25)))))
    add(s,
        ("how many AWACS flights over Oklahoma in 2025?", o.count(both(AEW, over("oklahoma"), between(*Y25)))),
        ("same question for 2024", o.count(both(AEW, over("oklahoma"), between(*Y24)))),
        ("and the tankers?", o.count(both(TANKER, over("oklahoma"), between(*Y24)))),
        ("swap Oklahoma for Texas", o.count(both(TANKER, over("texas"), between(*Y24)))))
    sb = both(SURV, near(BORDER), between(*FEB25))
    add(s,
        ("how many spy planes near the border in February 2025?", o.count(sb)),
        ("just the P-8s of those", o.count(both(sb, P8))),
        ("and the Global Hawks?", o.count(both(sb, Q4))),
        ("map it", Expect("picture")))
    add(s,
        ("list the drone flights over the Black Sea in 2025", o.listing(both(DRONE, BS, between(*Y25)))),
        ("same but the RAF", o.listing(both(RAF, DRONE, BS, between(*Y25)))),
        ("and for the US Air Force?", o.listing(both(USAF, DRONE, BS, between(*Y25)))))
    add(s,
        ("how many American flights over the Black Sea in 2025?", o.count(both(US, BS, between(*Y25)))),
        ("and the British?", o.count(both(GB, BS, between(*Y25)))),
        ("and over the Baltic?", o.count(both(GB, BALTIC, between(*Y25)))),
        ("same question for October 2025", o.count(both(GB, BALTIC, between(*OCT25)))))
    cr = near("crimea")
    add(s,
        ("how many flights near Crimea in October 2025?", o.count(both(cr, between(*OCT25)))),
        ("same but bombers", o.count(both(BOMBER, cr, between(*OCT25)))),
        ("and fighters?", o.count(both(FIGHTER, cr, between(*OCT25)))),
        ("and drones?", o.count(both(DRONE, cr, between(*OCT25)))),
        ("same question for 2024", o.count(both(DRONE, cr, between(*Y24)))))
    add(s,
        ("how many sub hunters flew near California in January 2025?", o.count(both(P8, near("california"),
                                                                                     between(*JAN25)))),
        ("and in February?", o.count(both(P8, near("california"), between(*FEB25)))),
        ("swap California for Texas", o.count(both(P8, near("texas"), between(*FEB25)))),
        ("now list them", o.listing(both(P8, near("texas"), between(*FEB25)))))
    add(s,
        ("how many UAV flights near the border in 2024?", o.count(both(DRONE, near(BORDER), between(*Y24)))),
        ("and in 2025?", o.count(both(DRONE, near(BORDER), between(*Y25)))),
        ("only the Air Force ones", o.count(both(USAF, DRONE, near(BORDER), between(*Y25)))),
        ("what about the Navy?", o.count(both(NAVY, DRONE, near(BORDER), between(*Y25)))))
    add(s,
        ("how many spy planes over the Baltic in October 2025?", o.count(both(SURV, BALTIC, between(*OCT25)))),
        ("why so many?", decline()),
        ("and without the RAF?", o.count(both(SURV, BALTIC, _not(RAF), between(*OCT25)))),
        ("which aircraft?", o.aircraft(both(SURV, BALTIC, _not(RAF), between(*OCT25)))))
    add(s,
        ("how many early-warning flights near Texas in 2024?", o.count(both(AEW, near("texas"), between(*Y24)))),
        ("swap Texas for Oklahoma", o.count(both(AEW, near("oklahoma"), between(*Y24)))),
        ("same but 2025", o.count(both(AEW, near("oklahoma"), between(*Y25)))),
        ("now list them", o.listing(both(AEW, near("oklahoma"), between(*Y25)))))


def _traps(add: Add) -> None:
    for text in [
        "how many spy planes were sent by NATO to the Baltic?",
        "how many Western drones over the Black Sea in October 2025?",
        "how many heavies over the Baltic in October 2025?",
        "how many warplanes flew near Crimea?",
        "how many foreign spy planes near Kaliningrad?",
        "how many allied drones over the Black Sea?",
        "how many flights near the Gulf coast in 2025?",
    ]:
        add("r17-trap", (text, decline()))


def held_out(o: Oracle, add: Add) -> None:
    """Written after the first batch's fixes (see the module docstring), with other words and places."""
    _held_kinds(o, add)
    _held_countries(o, add)
    _held_places(o, add)
    _held_conversations(o, add)


def _held_kinds(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how many surveillance jets over Albania in October 2025?", both(SURV, over("albania"), between(*OCT25))),
        ("number of reconnaissance planes near Sonora in 2025", both(SURV, near("sonora"), between(*Y25))),
        ("ISR aircraft over the Ionian Sea in 2025 - count?", both(SURV, over("ionian-sea"), between(*Y25))),
        ("how many patrol aircraft of the maritime kind near Arizona in 2025?", None),
        ("how many maritime patrol sorties over the Gulf of Mexico in 2024?", both(MPA, over("gulf-of-mexico"),
                                                                                  between(*Y24))),
        ("how many anti-submarine warfare flights near the Baja peninsula in January 2025?",
         both(MPA, near("baja-peninsula"), between(*JAN25))),
        ("how many early warning planes over Arizona in February 2025?", both(AEW, over("arizona"),
                                                                               between(*FEB25))),
        ("how many AWACS near New Mexico in 2025?", both(E3, near("new-mexico"), between(*Y25))),
        ("how many aerial refuelling aircraft flew in 2024?", both(TANKER, between(*Y24))),
        ("did any tankers fly near Arizona in 2025?", both(TANKER, near("arizona"), between(*Y25))),
        ("how many bombers over Texas in 2024?", both(BOMBER, over("texas"), between(*Y24))),
        ("any heavy bombers near Crimea in October 2025?", both(BOMBER, near("crimea"), between(*OCT25))),
        ("how many drone sorties over Turkey in October 2025?", both(DRONE, over("turkey"), between(*OCT25))),
        ("how many uncrewed aircraft over Bulgaria in 2025?", both(DRONE, over("bulgaria"), between(*Y25))),
        ("how many unmanned aerial vehicles near the border in 2025?", both(DRONE, near(BORDER), between(*Y25))),
        ("how many fighter planes near Texas in February 2025?", both(FIGHTER, near("texas"), between(*FEB25))),
        ("how many transport aircraft flew over Texas in February 2025?", both(TRANSPORT, over("texas"),
                                                                                between(*FEB25))),
        ("how many airlifter sorties in 2024?", both(TRANSPORT, between(*Y24))),
        ("how many helicopter flights over California?", both(HELI, over("california"))),
        ("how many sigint flights over Sweden in October 2025?", both(SIGINT, over("sweden"), between(*OCT25))),
        ("how many aircraft flew over Denmark in October 2025?", both(over("denmark"), between(*OCT25))),
        ("how many military planes over Arizona in 2024?", both(_mil, over("arizona"), between(*Y24))),
        ("how many spy flights other than the drones over Arizona in 2025?", both(SURV, _not(DRONE),
                                                                                  over("arizona"), between(*Y25))),
        ("how many non-drone spy planes near Crimea?", both(SURV, _not(DRONE), near("crimea"))),
    ]:
        if pred is None:
            add("r17b-kind", (text, decline()))
        else:
            add("r17b-kind", (text, o.count(pred)))
    for text, expect in [
        ("which spy drones flew near Crimea in October 2025?", o.aircraft(both(DRONE, near("crimea"),
                                                                                between(*OCT25)))),
        ("which maritime patrol aircraft flew near Texas in February 2025?",
         o.aircraft(both(MPA, near("texas"), between(*FEB25)))),
        ("list the airlifter flights", o.listing(TRANSPORT)),
        ("when did a tanker last fly?", o.when(TANKER, "last")),
        ("when was the first early-warning flight of 2025?", o.when(both(AEW, between(*Y25)), "first")),
    ]:
        add("r17b-kind", (text, expect))
    for text in ["how many heavies near Kaliningrad?", "how many warplanes over Greece in October 2025?",
                 "how many combat aircraft near the border?", "how many gunships near Texas?"]:
        add("r17b-kind", (text, decline()))


def _held_countries(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("how many American drones over Turkey in October 2025?", both(US, DRONE, over("turkey"), between(*OCT25))),
        ("how many UK reconnaissance flights over Denmark in 2025?", both(GB, SURV, over("denmark"), between(*Y25))),
        ("how many sorties did the Americans fly over Greece in October 2025?", both(US, over("greece"),
                                                                                      between(*OCT25))),
        ("how many flights by the British near Sweden in October 2025?", both(GB, near("sweden"),
                                                                              between(*OCT25))),
        ("how many Russian jets near Crimea in 2025?", both(RU, near("crimea"), between(*Y25))),
        ("how many Russian military flights over the Baltic?", both(RU, _mil, BALTIC)),
        ("how many Chinese aircraft over the South China Sea?", both(CN, over("south-china-sea"))),
        ("how many flights over Ukrainian airspace in October 2025?", both(over("ukraine"), between(*OCT25))),
        ("how many flights in Turkish airspace in 2025?", both(over("turkey"), between(*Y25))),
        ("how many non-British spy planes over Denmark in October 2025?", both(_not(GB), SURV, over("denmark"),
                                                                               between(*OCT25))),
        ("how many flights by non-American operators near Kaliningrad?", both(_not(US), near(KAL))),
        ("how many US Air Force spy drones near Crimea in October 2025?", both(USAF, DRONE, near("crimea"),
                                                                               between(*OCT25))),
        ("how many Royal Air Force drones in 2025?", both(RAF, DRONE, between(*Y25))),
        ("how many US Navy tankers in 2025?", both(NAVY, TANKER, between(*Y25))),
        ("how many American sub hunters over the Gulf of Mexico in 2025?", both(US, P8, over("gulf-of-mexico"),
                                                                               between(*Y25))),
        ("how many British and American sorties over Sweden in October 2025?", both(either(US, GB),
                                                                                    over("sweden"),
                                                                                    between(*OCT25))),
        ("how many flights by the American armed forces over Arizona in 2024?", both(US, over("arizona"),
                                                                                      between(*Y24))),
        ("how many civilian aircraft over California in 2025?", both(_not(_mil), over("california"),
                                                                     between(*Y25))),
        ("how many German military flights over Germany?", both(DE, _mil, over("germany"))),
        ("how many Ukrainian drones over the Black Sea in 2025?", both(UA, DRONE, BS, between(*Y25))),
    ]:
        add("r17b-country", (text, o.count(pred)))
    add("r17b-country", ("which British aircraft flew near Kaliningrad in October 2025?",
                         o.aircraft(both(GB, near(KAL), between(*OCT25)))))
    for text in ["how many NATO drones over the Black Sea?", "how many allied sorties over Denmark?",
                 "how many flights by Western air forces near Crimea?", "how many foreign flights over Arizona?",
                 "how many coalition aircraft over Greece?"]:
        add("r17b-country", (text, decline()))


def _held_places(o: Oracle, add: Add) -> None:
    for text, pred, typo in [
        ("how many flights near Kalinngrad in 2025?", both(near(KAL), between(*Y25)), "Kalinngrad"),
        ("how many flights over the Carribbean?", over("caribbean-sea"), "Carribbean"),
        ("how many flights near Crimia in October 2025?", both(near("crimea"), between(*OCT25)), "Crimia"),
        ("how many flights over Denmarc?", over("denmark"), "Denmarc"),
        ("how many flights over Albnia in 2025?", both(over("albania"), between(*Y25)), "Albnia"),
        ("how many flights over the baltic in october 2025?", both(BALTIC, between(*OCT25)), ""),
        ("how many flights over the aegean sea in 2025?", both(over("aegean-sea"), between(*Y25)), ""),
        ("how many flights near the crimea?", near("crimea"), ""),
        ("how many flights over the Mediterranean sea in 2025?", both(over("mediterranean-sea"), between(*Y25)),
         ""),
        ("how many flights off the Crimean coast in October 2025?", both(near("crimea"), between(*OCT25)), ""),
        ("how many flights in the Persian gulf in 2025?", both(over("persian-gulf"), between(*Y25)), ""),
        ("how many flights over the Black Sea region in 2025?", None, ""),
    ]:
        add("r17b-place", (text, decline() if pred is None else
                           Expect("count", len(o.sel(pred)), says=(typo,) if typo else ())))
    for text in ["how many flights over the Gulf in October 2025?", "how many drones near the Gulf?",
                 "how many flights near the Baltic see?", "how many flights along the Crimea coast?",
                 "how many flights over the Black Sea coast?"]:
        add("r17b-place", (text, decline()))


def _held_conversations(o: Oracle, add: Add) -> None:
    s = "r17b-conv"
    g = both(over("greece"), between(*OCT25))
    add(s,
        ("how many flights over Greece in October 2025?", o.count(g)),
        ("same but fighters", o.count(both(g, FIGHTER))),
        ("what about spy planes?", o.count(both(g, SURV))),
        ("and over Turkey?", o.count(both(SURV, over("turkey"), between(*OCT25)))),
        ("same question for 2024", o.count(both(SURV, over("turkey"), between(*Y24)))))
    add(s,
        ("how many P-8 flights near Arizona in January 2025?", o.count(both(P8, near("arizona"), between(*JAN25)))),
        ("replace Arizona with California", o.count(both(P8, near("california"), between(*JAN25)))),
        ("now only the Navy", o.count(both(P8, NAVY, near("california"), between(*JAN25)))),
        ("show them", o.listing(both(P8, NAVY, near("california"), between(*JAN25)))))
    d = both(over("denmark"), between(*OCT25))
    add(s,
        ("how many spy planes over Denmark in October 2025?", o.count(both(SURV, d))),
        ("and without the RAF?", o.count(both(SURV, d, _not(RAF)))),
        ("what about the British only?", o.count(both(SURV, d, GB))),
        ("swap Denmark for Sweden", o.count(both(SURV, GB, over("sweden"), between(*OCT25)))))
    add(s,
        ("how many drones near the border in 2025?", o.count(both(DRONE, near(BORDER), between(*Y25)))),
        ("were they armed?", decline()),
        ("same question for 2024", o.count(both(DRONE, near(BORDER), between(*Y24)))),
        ("map it", Expect("picture")))
    add(s,
        ("how many tankers over Texas in 2025?", o.count(both(TANKER, over("texas"), between(*Y25)))),
        ("same but cargo planes", o.count(both(TRANSPORT, over("texas"), between(*Y25)))),
        ("and AWACS?", o.count(both(E3, over("texas"), between(*Y25)))),
        ("change 2025 to 2024", o.count(both(E3, over("texas"), between(*Y24)))))
    add(s,
        ("how many American flights near Crimea in October 2025?", o.count(both(US, near("crimea"),
                                                                                between(*OCT25)))),
        ("and the Brits?", o.count(both(GB, near("crimea"), between(*OCT25)))),
        ("what about the Yanks over the Baltic?", o.count(both(US, BALTIC, between(*OCT25)))),
        ("just the RC-135s of those", o.count(both(US, RC, BALTIC, between(*OCT25)))))
    add(s,
        ("list the spy planes near Sinaloa in February 2025", o.listing(both(SURV, near("sinaloa"),
                                                                              between(*FEB25)))),
        ("swap Sinaloa for Sonora", o.listing(both(SURV, near("sonora"), between(*FEB25)))),
        ("only the drones", o.listing(both(SURV, DRONE, near("sonora"), between(*FEB25)))))
