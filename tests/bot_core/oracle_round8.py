"""Round 8 of the oracle (2026-12-05): editors who type differently again — terse Slack shorthand ("p8s tx feb?"),
long-winded requests, the passive voice ("were any Global Hawks seen over…"), yes/no questions (answered by the
count), percentages, shares and averages (declined: the product's written answer, as in rounds 6–7), thresholds ("at
least", "more than N"), negations, relative periods ("the past fortnight", "over the weekend", "since Christmas",
"last quarter", "year to date", "H1 2025"), ordinals and superlatives ("the first RC-135 flight of 2025", "the
longest mission"), follow-ups with pronouns, ellipsis and corrections ("sorry, I meant Arizona"), places and
operators worldwide, questions about claims and articles, and traps: words a reader might silently drop.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``), or
is a decline where declining is the only honest answer. Today is 2026-11-24 (a Tuesday) and no mission starts in
2026, so every period of this year is 0 — a reader that drops such a period answers a larger number, graded wrong.

``r8-`` is the first batch, ``r8b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tests.bot_core import oracle as base
from tests.bot_core.oracle import Expect, Oracle, Pred, between, both, either, month, near, over
from tests.bot_core.oracle_round6 import _day, _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, Add, _not

#: Every day up to today: a question with no period.
EVER = (dt.date(1990, 1, 1), dt.date(2026, 11, 24))


def _span(a: dt.date, b: dt.date) -> Pred:
    return between(a, b)


def round8(o: Oracle, add: Add) -> None:
    _terse(o, add)
    _verbose_and_passive(o, add)
    _yes_no(o, add)
    _periods(o, add)
    _world(o, add)
    _other_kinds(o, add)
    _traps(o, add)
    _declines(add)
    _typos_and_unknowns(o, add)
    _claims(add)
    _follow_ups(o, add)


def _terse(o: Oracle, add: Add) -> None:
    feb, octb = o.bare_month(2), o.bare_month(10)
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    p8, u2, rc, q4, e3 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF")
    for text, pred in [
        ("p8s near tx feb?", both(p8, near("texas"), between(*feb))),
        ("u2 nm 2025?", None),
        ("# of rc135s kaliningrad oct 25", None),
        ("rc-135 near kaliningrad oct 2025 #?", both(rc, near(KAL), between(*oct25))),
        ("p-8s over cali 2024", both(p8, over("california"), between(*y24))),
        ("global hawks black sea 2025 count", both(q4, over("black-sea"), between(*y25))),
        ("U2 flights near NM in Feb 2025", both(u2, near("new-mexico"), between(*feb25))),
        ("p8 az jan 2025?", both(p8, over("arizona"), between(*jan25))),
        ("RAF rc135 count oct?", both(_op("raf"), rc, between(*octb))),
        ("how many p8 gulf of mexico 2025", both(p8, over("gulf-of-mexico"), between(*y25))),
        ("e3s 2025?", both(e3, between(*y25))),
        ("usaf flights 2024 total", both(_op("us-air-force"), between(*y24))),
        ("navy flights near cali in jan 2025", both(_op("us-navy"), near("california"), between(*jan25))),
        ("tankers 2025?", both(_role("tanker"), between(*y25))),
        ("drones near az 2024", both(_role("drone_recon"), near("arizona"), between(*y24))),
        ("how many rq4 baltic?", both(q4, over("baltic-sea"))),
        ("num flights kaliningrad", over(KAL)),
        ("flights over albania oct 2025?", both(over("albania"), between(*oct25))),
        ("p8 count 2024 vs 2025", None),
        ("any u2s near nm lately?", None),
        ("rc135 north sea oct", both(rc, over("north-sea"), between(*octb))),
        ("spy planes near sonora 2025", both(_surv, near("sonora"), between(*y25))),
        ("surveillance flts near chihuahua in 2025", both(_surv, near("chihuahua"), between(*y25))),
        ("p8s over baja jan 2025?", both(p8, over("baja-peninsula"), between(*jan25))),
        ("how many c17 flights near texas 2025", both(_t("C17"), near("texas"), between(*y25))),
        ("kc135 flights feb 2025 near texas", both(_t("K35R"), near("texas"), between(*feb25))),
        ("how many p-3s 2024", both(_t("P3"), between(*y24))),
        ("how many mil flights in 2025", None),
        ("how many military flights in jan 2025?", both(lambda r: r.military, between(*jan25))),
        ("how many civilian flights in 2025?", both(lambda r: not r.military, between(*y25))),
    ]:
        if pred is None:
            continue
        add("r8-terse", (text, o.count(pred)))
    # shorthand the reader cannot be sure of: "nm" is New Mexico or nautical miles; "mil"; "lately"; "vs" with no
    # place for it is fine, but "2024 vs 2025" is a comparison
    add("r8-terse", ("u2 nm 2025?", Expect("decline")))
    add("r8-terse", ("any u2s near nm lately?", Expect("decline")))
    add("r8-terse", ("p8 count 2024 vs 2025", o.compare(both(p8, between(*y24)), both(p8, between(*y25)))))
    add("r8-terse", ("# of rc135s kaliningrad oct 25", Expect("decline")))


def _verbose_and_passive(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    p8, u2, rc, q4 = _t("P8"), _t("U2"), _t("R135"), _t("Q4")
    for text, pred in [
        ("I'm working on a piece about surveillance along the border and I was wondering if you could tell me how "
         "many P-8 flights there were near Texas in February 2025?", both(p8, near("texas"), between(*feb25))),
        ("Hi there, for a story I'm writing, could you please let me know the total number of U-2 missions that "
         "flew near New Mexico during 2025? Thanks so much", both(u2, near("new-mexico"), between(*y25))),
        ("We're trying to nail down a figure for the desk: how many RC-135 flights were recorded near Kaliningrad in "
         "October 2025?", both(rc, near(KAL), between(*oct25))),
        ("Would it be possible to get a count of the Global Hawk flights over the Black Sea in October 2025, please?",
         both(q4, over("black-sea"), between(*oct25))),
        ("Can I ask how many surveillance flights the US Navy flew over California in January 2025?",
         both(_op("us-navy"), _surv, over("california"), between(*jan25))),
        ("I need the number of flights that passed near Arizona in 2024 for a graphic",
         both(near("arizona"), between(*y24))),
        ("So, how many times were RAF aircraft recorded near Kaliningrad in total?", both(_op("raf"), near(KAL))),
        ("were any Global Hawks seen over the Black Sea in October 2025?", both(q4, over("black-sea"),
                                                                               between(*oct25))),
        ("how many P-8 missions were flown over the Gulf of Mexico in 2025?", both(p8, over("gulf-of-mexico"),
                                                                                  between(*y25))),
        ("how many flights were tracked near Crimea in 2025?", both(near("crimea"), between(*y25))),
        ("how many U-2 sorties were recorded near Texas in 2025?", both(u2, near("texas"), between(*y25))),
        ("how many RC-135s were spotted over the Baltic Sea in October 2025?", both(rc, over("baltic-sea"),
                                                                                   between(*oct25))),
        ("how many surveillance aircraft were detected over Arizona in February 2025?",
         both(_surv, over("arizona"), between(*feb25))),
        ("how many drones were observed near Crimea?", both(_role("drone_recon"), near("crimea"))),
        ("how many missions were logged near Sonora in 2024?", both(near("sonora"), between(*y24))),
        ("how many Navy flights were seen near Baja California in January 2025?",
         both(_op("us-navy"), near("baja-california"), between(*jan25))),
        ("how many flights by the Air Force were there over New Mexico in 2025?",
         both(_op("us-air-force"), over("new-mexico"), between(*y25))),
        ("how many flights operated by the RAF were there in October 2025?", both(_op("raf"), between(*oct25))),
        ("how many missions flown by the US Navy near California in 2024?",
         both(_op("us-navy"), near("california"), between(*y24))),
        ("Please count every P-8 flight near Arizona in 2025", both(p8, near("arizona"), between(*y25))),
        ("I'd be grateful for the number of E-3 flights in 2024", both(_t("E3TF", "E3CF"), between(*y24))),
        ("Tell me how many Rivet Joint missions there were over the North Sea", both(rc, over("north-sea"))),
        ("just checking - how many U-2 flights in 2024?", both(u2, between(*y24))),
        ("hey, quick sanity check: P-8s near Texas in Jan 2025, how many?", both(p8, near("texas"),
                                                                                 between(*jan25))),
        ("Out of curiosity, how many flights went over Greece in October 2025?", both(over("greece"),
                                                                                     between(*oct25))),
    ]:
        add("r8-verbose", (text, o.count(pred)))


def _yes_no(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    p8, u2, rc, q4 = _t("P8"), _t("U2"), _t("R135"), _t("Q4")
    for text, pred in [
        ("did any B-52 fly near Venezuela in 2025?", both(_t("B52"), near("venezuela"), between(*y25))),
        ("did a U-2 fly over New Mexico in February 2025?", both(u2, over("new-mexico"), between(*feb25))),
        ("did the RAF fly near Kaliningrad in October 2025?", both(_op("raf"), near(KAL), between(*oct25))),
        ("was there a P-8 flight over the Gulf of Mexico in 2024?", both(p8, over("gulf-of-mexico"),
                                                                        between(*y24))),
        ("were there any Global Hawk flights over Poland?", both(q4, over("poland"))),
        ("is there any record of an RC-135 near Crimea?", both(rc, near("crimea"))),
        ("have any drones flown near Texas in 2025?", both(_role("drone_recon"), near("texas"), between(*y25))),
        ("has the Navy flown any P-8s over Arizona?", both(_op("us-navy"), p8, over("arizona"))),
        ("did any tanker fly near Texas in February 2025?", both(_role("tanker"), near("texas"), between(*feb25))),
        ("were any U-2s seen near California in 2024?", both(u2, near("california"), between(*y24))),
        ("did any aircraft fly over Kaliningrad in 2025?", both(over(KAL), between(*y25))),
        ("any Luftwaffe flights over the Baltic?", both(_op("luftwaffe"), over("baltic-sea"))),
        ("any RAF flights over the Black Sea?", both(_op("raf"), over("black-sea"))),
        ("did any spy planes fly near the Taiwan Strait in 2025?", both(_surv, near("taiwan-strait"),
                                                                        between(*y25))),
        ("was a Global Hawk over the Aegean in October 2025?", both(q4, over("aegean-sea"), between(*oct25))),
        ("Did more than 10 flights go near California in 2025?", both(near("california"), between(*y25))),
        ("were there at least 3 RC-135 flights near Kaliningrad?", both(rc, near(KAL))),
        ("did the U-2 fly near Texas at all in 2024?", both(u2, near("texas"), between(*y24))),
        ("any C-17s near Texas?", both(_t("C17"), near("texas"))),
        ("has any Russian aircraft been recorded over the Black Sea?", both(_op("vks", "russian-navy"),
                                                                             over("black-sea"))),
    ]:
        add("r8-yesno", (text, o.count(pred)))


def _periods(o: Oracle, add: Add) -> None:
    t = o.today
    y25, feb25, oct25 = _y(2025), month(2025, 2), month(2025, 10)
    p8, u2, rc, q4 = _t("P8"), _t("U2"), _t("R135"), _t("Q4")
    this_year = (dt.date(t.year, 1, 1), t)
    for text, pred in [
        ("how many flights in the past fortnight?", _span(t - dt.timedelta(days=13), t)),
        ("how many P-8 flights over the past two weeks?", both(p8, _span(t - dt.timedelta(days=13), t))),
        ("how many flights year to date?", _span(*this_year)),
        ("how many RC-135 flights so far in 2026?", both(rc, _span(*this_year))),
        ("how many flights in 2026 so far?", _span(*this_year)),
        ("how many flights this year?", _span(*this_year)),
        ("how many surveillance flights in the last 7 days?", both(_surv, _span(t - dt.timedelta(days=6), t))),
        ("how many flights in the last 90 days?", _span(t - dt.timedelta(days=89), t)),
        ("how many flights last month?", _span(*month(2026, 10))),
        ("how many flights this month?", _span(dt.date(2026, 11, 1), t)),
        ("how many flights last week?", _span(dt.date(2026, 11, 16), dt.date(2026, 11, 22))),
        ("how many flights in Q1 2025?", _span(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("how many flights in the fourth quarter of 2025?", _span(dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
        ("how many P-8 flights in late January 2025?", both(p8, _span(dt.date(2025, 1, 21), dt.date(2025, 1, 31)))),
        ("how many flights in early October 2025?", _span(dt.date(2025, 10, 1), dt.date(2025, 10, 10))),
        ("how many flights between Jan 29 and Feb 2, 2025?", _span(dt.date(2025, 1, 29), dt.date(2025, 2, 2))),
        ("how many flights from 1 Feb 2025 to 5 Feb 2025?", _span(dt.date(2025, 2, 1), dt.date(2025, 2, 5))),
        ("how many flights on Feb 3rd, 2025?", _day(2025, 2, 3)),
        ("how many flights on 2025-10-21?", _day(2025, 10, 21)),
        ("how many flights on the 4th of February 2025?", _day(2025, 2, 4)),
        ("how many U-2 flights in February and March 2025?", both(u2, _span(dt.date(2025, 2, 1),
                                                                          dt.date(2025, 3, 31)))),
        ("how many flights during October 2025?", _span(*oct25)),
        ("how many flights over the course of 2024?", _span(*_y(2024))),
        ("how many flights for the whole of 2025?", _span(*y25)),
        ("how many flights in all of 2024?", _span(*_y(2024))),
        ("how many flights before 2025?", _span(dt.date(1990, 1, 1), dt.date(2024, 12, 31))),
        ("how many flights after January 2025?", _span(dt.date(2025, 2, 1), t)),
        ("how many flights since February 2025?", _span(dt.date(2025, 2, 1), t)),
        ("how many Global Hawk flights since 1 October 2025?", both(q4, _span(dt.date(2025, 10, 1), t))),
        ("how many flights up to the end of January 2025?", _span(dt.date(1990, 1, 1), dt.date(2025, 1, 31))),
        ("how many flights in February of last year?", _span(*month(2025, 2))),
        # the README: "last October" is the most recent October before this month (2026: none), said as such
        ("how many flights last October?", _span(*month(2026, 10))),
        ("how many flights in the week of 27 January 2025?", _span(dt.date(2025, 1, 27), dt.date(2025, 2, 2))),
        ("how many flights in the first week of October 2025?", _span(dt.date(2025, 10, 1), dt.date(2025, 10, 7))),
        ("how many flights over the weekend?", _span(dt.date(2026, 11, 21), dt.date(2026, 11, 22))),
        ("how many flights in the past 3 months?", _span(t - dt.timedelta(days=92), t)),
        ("how many flights since Christmas?", _span(dt.date(2025, 12, 25), t)),
        ("how many flights last quarter?", _span(dt.date(2026, 7, 1), dt.date(2026, 9, 30))),
        ("how many flights over Easter 2025?", _span(dt.date(2025, 4, 18), dt.date(2025, 4, 21))),
        ("how many P-8 flights in Feb '25?", both(p8, _span(*feb25))),
        ("how many flights in 2024 and 2025 combined?", _span(dt.date(2024, 1, 1), dt.date(2025, 12, 31))),
    ]:
        if pred is None:
            continue
        add("r8-period", (text, o.count(pred)))
    for text in ["how many flights in H1 2025?", "how many flights over the holidays?",
                 "how many flights around New Year?", "how many flights in the summer of 2024?",
                 "how many flights at the start of the year?", "how many flights in the last few months?"]:
        add("r8-period", (text, Expect("decline")))


def _world(o: Oracle, add: Add) -> None:
    y25 = _y(2025)
    rc, q4 = _t("R135"), _t("Q4")
    # (near/over, the place as typed, its slug, the period as typed)
    for rel, words, slug, when in [
        ("over", "Montenegro", "montenegro", ""), ("near", "Serbia", "serbia", "2025"),
        ("over", "the Ionian Sea", "ionian-sea", "October 2025"), ("near", "Sicily", "sicily", "2025"),
        ("near", "Cyprus", "cyprus", ""), ("over", "Romania", "romania", "2025"),
        ("near", "the Gulf of Finland", "gulf-of-finland", ""), ("over", "the Gulf of Riga", "gulf-of-riga", ""),
        ("near", "Finland", "finland", "October 2025"), ("over", "Lithuania", "lithuania", ""),
        ("near", "Latvia", "latvia", "October 2025"), ("over", "Denmark", "denmark", "2025"),
        ("near", "the Kattegat", "kattegat", ""), ("near", "the Skagerrak", "skagerrak", ""),
        ("near", "Scotland", "scotland", ""), ("over", "Scotland", "scotland", ""),
        ("near", "the Netherlands", "netherlands", "2025"), ("over", "Belgium", "belgium", ""),
        ("near", "France", "france", ""), ("near", "Norway", "norway", ""),
        ("over", "the Norwegian Sea", "norwegian-sea", ""), ("near", "Iceland", "iceland", ""),
        ("near", "Libya", "libya", ""), ("near", "Syria", "syria", ""), ("near", "Lebanon", "lebanon", ""),
        ("near", "Egypt", "egypt", ""), ("over", "Saudi Arabia", "saudi-arabia", ""),
        ("near", "the Korean Peninsula", "korean-peninsula", "2025"), ("near", "the Philippines", "philippines", ""),
        ("near", "Guam", "guam", ""), ("near", "Alaska", "alaska", ""), ("over", "the Bering Sea", "bering-sea", ""),
        ("near", "Hawaii", "hawaii", ""), ("near", "Cuba", "cuba", ""),
        ("over", "the Caribbean", "caribbean-sea", ""), ("near", "Puerto Rico", "puerto-rico", ""),
        ("near", "Florida", "florida", "2025"), ("near", "Louisiana", "louisiana", ""),
        ("near", "Oklahoma", "oklahoma", "2024"), ("over", "Nevada", "nevada", ""),
        ("near", "Nevada", "nevada", "2024"), ("near", "Colorado", "colorado", ""),
        ("over", "Coahuila", "coahuila", ""), ("near", "Nuevo Leon", "nuevo-leon", ""),
        ("near", "Mexico", "mexico", "2025"), ("over", "Mexico", "mexico", ""),
        ("near", "Beale Air Force Base", "base-kbab", ""), ("near", "Holloman AFB", "base-khmn", ""),
        ("near", "Davis-Monthan", "base-kdma", "2025"), ("near", "Edwards Air Force Base", "base-kedw", ""),
        ("near", "Tinker AFB", "base-ktik", ""), ("near", "Incirlik", "base-ltag", "2025"),
    ]:
        period = {"": EVER, "2025": _y(2025), "2024": _y(2024), "October 2025": month(2025, 10)}[when]
        pred = both((near if rel == "near" else over)(slug), between(*period))
        add("r8-world", (" ".join(f"how many flights {rel} {words} in {when}".split()).removesuffix(" in") + "?",
                         o.count(pred)))
    for text, pred in [
        ("how many RC-135 flights near RAF Mildenhall?", both(rc, near("base-egun"))),
        ("how many Global Hawk flights near Sigonella?", both(q4, near("base-licz"))),
        ("how many USAF flights over the Aegean?", both(_op("us-air-force"), over("aegean-sea"))),
        ("how many RAF flights over the North Sea in 2025?", both(_op("raf"), over("north-sea"), between(*y25))),
        ("how many US Navy flights over the Gulf of California?", both(_op("us-navy"),
                                                                         over("gulf-of-california"))),
        ("how many Royal Air Force flights near Lithuania?", both(_op("raf"), near("lithuania"))),
        ("how many PLAAF flights near Taiwan?", both(_op("plaaf"), near("taiwan"))),
        ("how many Italian Air Force flights near Sicily?", both(_op("italian-air-force"), near("sicily"))),
        ("how many Polish Air Force flights near Kaliningrad?", both(_op("polish-air-force"), near(KAL))),
        ("how many Russian Navy flights over the Baltic Sea?", both(_op("russian-navy"), over("baltic-sea"))),
        ("how many flights within 15 nm of Kaliningrad?", near(KAL, 15)),
        ("how many flights within 100 km of Crimea?", near("crimea", 100 / 1.852)),
        ("how many flights within 5 nm of Albania?", near("albania", 5)),
        ("how many flights within 10 miles of the Baja peninsula in 2025?",
         both(near("baja-peninsula", 10 * 1609.344 / 1852), between(*y25))),
    ]:
        add("r8-world", (text, o.count(pred)))


def _other_kinds(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    p8, u2, rc, q4 = _t("P8"), _t("U2"), _t("R135"), _t("Q4")
    add("r8-when", ("the first RC-135 flight of 2025?", o.when(both(rc, between(*y25)), "first")))
    add("r8-when", ("when was the first RC-135 flight of 2025?", o.when(both(rc, between(*y25)), "first")))
    add("r8-when", ("when did a Global Hawk last fly over the Black Sea?", o.when(both(q4, over("black-sea")),
                                                                                "last")))
    add("r8-when", ("most recent P-8 flight near Texas?", o.when(both(p8, near("texas")), "last")))
    add("r8-when", ("when was the earliest U-2 flight on record?", o.when(u2, "first")))
    add("r8-when", ("latest RAF flight near Kaliningrad", o.when(both(_op("raf"), near(KAL)), "last")))
    add("r8-when", ("when did the RAF first fly near Kaliningrad?", o.when(both(_op("raf"), near(KAL)), "first")))
    add("r8-when", ("last time a P-8 flew over Arizona?", o.when(both(p8, over("arizona")), "last")))
    add("r8-list", ("list all U-2 flights", o.listing(u2)))
    add("r8-list", ("show me every RC-135 flight near Kaliningrad in October 2025",
                    o.listing(both(rc, near(KAL), between(*oct25)))))
    add("r8-list", ("which flights went over the Aegean?", o.listing(over("aegean-sea"))))
    add("r8-list", ("pull up the P-8 missions over the Gulf of Mexico", o.listing(both(p8, over("gulf-of-mexico")))))
    add("r8-list", ("give me the list of tanker flights", o.listing(_role("tanker"))))
    add("r8-list", ("can you list the drone flights near Arizona in 2024?",
                    o.listing(both(_role("drone_recon"), near("arizona"), between(*y24)))))
    add("r8-aircraft", ("which aircraft flew over the Baltic Sea?", o.aircraft(over("baltic-sea"))))
    add("r8-aircraft", ("what planes flew near Texas in February 2025?",
                        o.aircraft(both(near("texas"), between(*feb25)))))
    add("r8-aircraft", ("which P-8s flew over California in 2024?", o.aircraft(both(p8, over("california"),
                                                                                    between(*y24)))))
    add("r8-breakdown", ("flights per month near California in 2024",
                         o.breakdown(both(near("california"), between(*y24)), base.by_month)))
    add("r8-breakdown", ("break down the February 2025 flights by type", o.breakdown(between(*feb25), base.by_type)))
    add("r8-breakdown", ("P-8 flights by day in January 2025", o.breakdown(both(p8, between(*jan25)), base.by_day)))
    add("r8-breakdown", ("flights near Kaliningrad by operator", o.breakdown(near(KAL), base.by_op)))
    add("r8-breakdown", ("what types flew over the Black Sea?", o.breakdown(over("black-sea"), base.by_type)))
    add("r8-breakdown", ("how many flights each month in 2025?", o.breakdown(between(*y25), base.by_month)))
    add("r8-rank", ("which month of 2024 had the most P-8 flights?",
                    o.breakdown(both(p8, between(*y24)), base.by_month, rank=True)))
    add("r8-rank", ("what was the busiest day in October 2025?", o.breakdown(between(*oct25), base.by_day, rank=True)))
    add("r8-rank", ("which type flew most near Arizona?", o.breakdown(near("arizona"), base.by_type, rank=True)))
    add("r8-rank", ("which operator flew the most missions in 2024?",
                    o.breakdown(between(*y24), base.by_op, rank=True)))
    add("r8-compare", ("P-8 vs U-2 in 2025", o.compare(both(p8, between(*y25)), both(u2, between(*y25)))))
    add("r8-compare", ("were there more flights in January 2025 or February 2025?",
                       o.compare(between(*jan25), between(*feb25))))
    add("r8-compare", ("more RAF or USAF flights near Kaliningrad in October 2025?",
                       o.compare(both(_op("raf"), near(KAL), between(*oct25)),
                                 both(_op("us-air-force"), near(KAL), between(*oct25)))))
    add("r8-compare", ("how did 2025 compare to 2024 for P-8 flights near California?",
                       o.compare(both(p8, near("california"), between(*y25)),
                                 both(p8, near("california"), between(*y24)))))
    add("r8-compare", ("did Global Hawk flights over the Black Sea go up or down from 2024 to 2025?",
                       o.compare(both(q4, over("black-sea"), between(*y24)),
                                 both(q4, over("black-sea"), between(*y25)))))
    add("r8-compare", ("near Arizona vs near New Mexico in 2025?",
                       o.compare(both(near("arizona"), between(*y25)), both(near("new-mexico"), between(*y25)))))


def _traps(o: Oracle, add: Add) -> None:
    y25, feb25 = _y(2025), month(2025, 2)
    p8, u2, q4 = _t("P8"), _t("U2"), _t("Q4")
    # answerable, with every word used
    for text, pred in [
        ("how many flights near Texas that were not P-8s?", both(near("texas"), _not(p8))),
        ("how many non-Navy flights near California in 2025?", both(near("california"), _not(_op("us-navy")),
                                                                    between(*y25))),
        ("how many surveillance flights near Arizona apart from the Global Hawks?",
         both(_surv, near("arizona"), _not(q4))),
        ("how many flights over the Black Sea or the Aegean in 2025?",
         both(either(over("black-sea"), over("aegean-sea")), between(*y25))),
        ("how many P-8 or U-2 flights in February 2025?", both(either(p8, u2), between(*feb25))),
        ("how many flights near Kaliningrad excluding the USAF ones?", both(near(KAL), _not(_op("us-air-force")))),
        ("how many flights over the Baltic that weren't RAF?", both(over("baltic-sea"), _not(_op("raf")))),
    ]:
        add("r8-trap", (text, o.count(pred)))
    # words that change the question and that no filter holds: must be declined
    for text in [
        "which aircraft flew more than 3 missions near California?", "which P-8 flew at least twice in February?",
        "what was the second P-8 flight in February 2025?",
        "how many flights near Texas above 40,000 feet?", "how many U-2 flights near Texas, not including Mexico?",
        "how many flights near Texas but outside US airspace?", "how many flights over the Black Sea during the day?",
        "how many flights near Kaliningrad on a Tuesday?", "how many P-8 flights near Texas on weekends in 2025?",
        "how many flights near Texas that loitered for hours?",
        "how many flights flew a racetrack pattern near Crimea?",
        "how many flights with their transponders switched off near Crimea?",
        "how many flights did not go near Texas in 2025?", "how many flights never left California?",
        "how many flights near Texas after dark?", "how many flights near Texas at low altitude?",
        "how many of the flights near Kaliningrad were refuelled in the air?",
        "how many flights near Kaliningrad were escorted by Russian jets?",
        "how many P-8 flights near Texas did the Pentagon confirm?",
        "how many flights near Crimea were reported by Russian media?",
        "how many flights near the Texas coast in 2025?", "how many flights near west Texas?",
        "how many flights over northern California?", "how many flights near southern Arizona in 2025?",
        "how many flights near the Texas-Mexico border in 2025?",
        "how many flights near Kaliningrad per RAF aircraft?",
        "how many more flights would there have been without the RAF?",
        "how many flights near Texas in a typical month?",
        "is the number of P-8 flights near Texas unusual?",
        "how many flights near Texas compared to normal?",
        "how many flights near Texas, give or take?",
        "how many flights near Crimea roughly?",
    ]:
        add("r8-trap", (text, Expect("decline")))


def _declines(add: Add) -> None:
    for text in [
        "why is the RAF flying near Kaliningrad?", "what were the P-8s looking for near Texas?",
        "who ordered the U-2 flight on 3 February 2025?", "is the US preparing for something near Venezuela?",
        "will there be more flights near Crimea next week?", "how many flights near Texas next year?",
        "how many flights near Texas in December 2026?", "predict the number of P-8 flights in 2027",
        "how many flights near Atlantis?", "how many flights over Mordor?",
        "how many flights near the Black Forrest?",
        "what is a P-8?", "what does RC-135 stand for?", "tell me a joke",
        "how many people were on board the U-2?", "how much fuel did the P-8s burn?",
        "how fast was the Global Hawk over the Black Sea?",
        "how many flights near Texas on 30 February 2025?", "how many flights on 2025-13-01?",
        "how many flights in the 13th month of 2025?",
    ]:
        add("r8-decline", (text, Expect("decline")))


def _typos_and_unknowns(o: Oracle, add: Add) -> None:
    y25 = _y(2025)
    for text, pred, said in [
        ("how many flights near Texass?", near("texas"), "Texass"),
        ("how many flights near Polan?", near("poland"), "Polan"),
        ("how many flights over the Balltic in 2025?", both(over("baltic-sea"), between(*y25)), "Balltic"),
        ("how many flights near Kalingrad in 2025?", both(near(KAL), between(*y25)), "Kalingrad"),
    ]:
        add("r8-typo", (text, Expect("count", o.count(pred).value, says=(said,))))
    # types and operators with no record: 0 is the honest answer (declining is not wrong either)
    for text, pred in [
        ("how many B-21 flights in 2025?", both(_t("B21"), between(*y25))),
        ("how many F-35 flights near Texas?", both(_t("F35"), near("texas"))),
        ("how many flights by the Space Force?", _op("us-space-force")),
        ("how many Wagner flights?", _op("wagner-group")),
    ]:
        add("r8-typo", (text, o.count(pred)))


def _claims(add: Add) -> None:
    from claims.models import Claim

    rows = list(Claim.objects.values("verdict", "article__outlet", "exact"))

    def n(pred: Callable[[dict], bool]) -> Expect:
        return Expect("count", sum(1 for c in rows if pred(c)))

    add("r8-claims", ("how many claims are still unreviewed?", n(lambda c: c["verdict"] == "unreviewed")))
    add("r8-claims", ("how many claims have we marked as supported?", n(lambda c: c["verdict"] == "supported")))
    add("r8-claims", ("list the unverifiable claims", n(lambda c: c["verdict"] == "unverifiable")))
    add("r8-claims", ("how many claims did the Harbour Gazette make?",
                      n(lambda c: "harbour gazette" in (c["article__outlet"] or "").lower())))
    add("r8-claims", ("which claims in the Desert Ledger are still unreviewed?",
                      n(lambda c: "desert ledger" in (c["article__outlet"] or "").lower()
                        and c["verdict"] == "unreviewed")))
    add("r8-claims", ("show me all the claims", n(lambda c: True)))
    add("r8-claims", ("which claims were refuted?", n(lambda c: c["verdict"] == "refuted")))


def _follow_ups(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    feb = o.bare_month(2)
    p8, u2, rc, q4 = _t("P8"), _t("U2"), _t("R135"), _t("Q4")
    add("r8-follow-up",
        ("how many P-8 flights near Texas in February 2025?", o.count(both(p8, near("texas"), between(*feb25)))),
        ("sorry, I meant Arizona", o.count(both(p8, near("arizona"), between(*feb25)))))
    add("r8-follow-up",
        ("how many U-2 flights in 2024?", o.count(both(u2, between(*y24)))),
        ("sorry, 2025", o.count(both(u2, between(*y25)))))
    add("r8-follow-up",
        ("how many RC-135 flights near Kaliningrad?", o.count(both(rc, near(KAL)))),
        ("and how many of those were in October 2025?", o.count(both(rc, near(KAL), between(*oct25)))),
        ("who flew them?", o.breakdown(both(rc, near(KAL), between(*oct25)), base.by_op)))
    add("r8-follow-up",
        ("how many Global Hawk flights over the Black Sea?", o.count(both(q4, over("black-sea")))),
        ("when was the last one?", o.when(both(q4, over("black-sea")), "last")),
        ("and the first?", o.when(both(q4, over("black-sea")), "first")))
    add("r8-follow-up",
        ("how many flights near California in January 2025?", o.count(both(near("california"),
                                                                            between(*jan25)))),
        ("what about February?", o.count(both(near("california"), between(*feb)))),
        ("and just the P-8s?", o.count(both(p8, near("california"), between(*feb)))))
    add("r8-follow-up",
        ("how many surveillance flights near Arizona in 2025?", o.count(both(_surv, near("arizona"),
                                                                             between(*y25)))),
        ("over it?", o.count(both(_surv, over("arizona"), between(*y25)))))
    add("r8-follow-up",
        ("how many RAF flights in October 2025?", o.count(both(_op("raf"), between(*oct25)))),
        ("list them", o.listing(both(_op("raf"), between(*oct25)))),
        ("which aircraft were they?", o.aircraft(both(_op("raf"), between(*oct25)))))
    add("r8-follow-up",
        ("how many P-8 flights in 2025?", o.count(both(p8, between(*y25)))),
        ("no wait, the U-2", o.count(both(u2, between(*y25)))))
    add("r8-follow-up",
        ("how many flights over the Aegean in October 2025?", o.count(both(over("aegean-sea"), between(*oct25)))),
        ("what kind of aircraft?", o.breakdown(both(over("aegean-sea"), between(*oct25)), base.by_type)))
    add("r8-follow-up",
        ("how many E-3 flights in 2025?", o.count(both(_t("E3TF", "E3CF"), between(*y25)))),
        ("were any over Texas?", o.count(both(_t("E3TF", "E3CF"), over("texas"), between(*y25)))))
    add("r8-follow-up",
        ("how many flights near Kaliningrad in October 2025?", o.count(both(near(KAL), between(*oct25)))),
        # answered since h-bot10 (tests/bot_core/oracle_ratios.py): the share of the previous scope
        ("what percentage of those were British?",
         Expect("share", (len(o.sel(both(near(KAL), _op("raf", "british-army", "royal-navy"), between(*oct25)))),
                          len(o.sel(both(near(KAL), between(*oct25))))))),
        ("how many were British?", o.count(both(near(KAL), _op("raf"), between(*oct25)))))
    add("r8-follow-up",
        ("how many P-8 flights near Texas in 2024?", o.count(both(p8, near("texas"), between(*y24)))),
        ("is that a lot?", Expect("decline")),
        ("and in 2025?", o.count(both(p8, near("texas"), between(*y25)))))
    add("r8-follow-up",
        ("how many RC-135 flights in 2025?", o.count(both(rc, between(*y25)))),
        ("the same for 2024, please", o.count(both(rc, between(*y24)))))
    add("r8-follow-up",
        ("list the U-2 flights in 2025", o.listing(both(u2, between(*y25)))),
        ("how many were near Texas?", o.count(both(u2, near("texas"), between(*y25)))))


def held_out(o: Oracle, add: Add) -> None:
    """The held-out batch (category ``r8b-``), written after the first batch's fixes and run once before any fix of
    its own: other verbs and word orders, periods typed other ways, more thresholds, times of day and definitions,
    intersections, follow-up corrections and claims."""
    _held_out_counts(o, add)
    _held_out_other_kinds(o, add)
    _held_out_declines(add)
    _held_out_follow_ups(o, add)


def _held_out_counts(o: Oracle, add: Add) -> None:
    t = o.today
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    p8, u2, rc, q4 = _t("P8"), _t("U2"), _t("R135"), _t("Q4")
    for text, pred in [
        ("rc-135s over the baltic in oct 2025, how many", both(rc, over("baltic-sea"), between(*oct25))),
        ("how many times has a U-2 been seen near New Mexico?", both(u2, near("new-mexico"))),
        ("were any P-8s tracked off California in 2024?", both(p8, near("california"), between(*y24))),
        ("Has the RAF flown any missions over the North Sea?", both(_op("raf"), over("north-sea"))),
        ("did any Navy planes fly over the Gulf of Mexico in Feb 2025?",
         both(_op("us-navy"), over("gulf-of-mexico"), between(*feb25))),
        ("2025 P-8 flights near Texas?", both(p8, near("texas"), between(*y25))),
        ("u2s near nm feb 2025", both(u2, near("new-mexico"), between(*feb25))),
        ("How many Poseidons were flying near Baja California in late January 2025?",
         both(p8, near("baja-california"), between(dt.date(2025, 1, 21), dt.date(2025, 1, 31)))),
        ("how many RQ-4 sorties were flown over the Aegean in Oct 2025?", both(q4, over("aegean-sea"),
                                                                             between(*oct25))),
        ("Global Hawk activity over the Black Sea in October 2025 — how many flights?",
         both(q4, over("black-sea"), between(*oct25))),
        ("tally of RAF flights near Kaliningrad", both(_op("raf"), near(KAL))),
        ("how many sorties did the USAF fly near Crimea in 2025?", both(_op("us-air-force"), near("crimea"),
                                                                       between(*y25))),
        ("were there any P-3 flights in 2025?", both(_t("P3"), between(*y25))),
        ("did a KC-135 fly near Texas in February?", both(_t("K35R"), near("texas"), between(*o.bare_month(2)))),
        ("has any E-3 flown over Oklahoma?", both(_t("E3TF", "E3CF"), over("oklahoma"))),
        ("how many surveillance flights near the Gulf of California?", both(_surv, near("gulf-of-california"))),
        ("how many US Air Force flights over Albania in October 2025?", both(_op("us-air-force"), over("albania"),
                                                                             between(*oct25))),
        ("how many flights in the last 2 weeks?", between(t - dt.timedelta(days=13), t)),
        ("how many flights over the past year?", between(t - dt.timedelta(days=364), t)),
        ("how many flights in 2025 to date?", between(*y25)),
        ("how many flights since New Year?", between(dt.date(2026, 1, 1), t)),
        ("how many flights in the first quarter of last year?", between(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("how many flights in Jan-Feb 2025?", between(dt.date(2025, 1, 1), dt.date(2025, 2, 28))),
        ("how many flights from late Jan to early Feb 2025?", between(dt.date(2025, 1, 21), dt.date(2025, 2, 10))),
        ("how many flights in the second week of February 2025?", between(dt.date(2025, 2, 8),
                                                                           dt.date(2025, 2, 14))),
        ("how many flights in the last 6 months?", between(t - dt.timedelta(days=183), t)),
        ("how many flights this week?", between(dt.date(2026, 11, 23), t)),
        ("how many flights on Christmas Day 2024?", _day(2024, 12, 25)),
        ("how many flights in the year 2024?", between(*y24)),
        ("how many flights in calendar 2025?", between(*y25)),
        ("how many flights near Texas last Christmas?", both(near("texas"), _day(2025, 12, 25))),
        ("how many flights near Texas in the past 3 years?", both(near("texas"), between(dt.date(2023, 11, 25), t))),
        ("how many Russian flights near Kaliningrad?", both(_op("vks", "russian-navy", "russia-mod"), near(KAL))),
        ("how many of the P-8 flights near Texas were in 2025?", both(p8, near("texas"), between(*y25))),
        ("how many P-8 flights near Texas that also went near Arizona?", both(p8, near("texas"), near("arizona"))),
    ]:
        add("r8b-count", (text, o.count(pred)))


def _held_out_other_kinds(o: Oracle, add: Add) -> None:
    y24, y25, oct25 = _y(2024), _y(2025), month(2025, 10)
    p8, u2, q4 = _t("P8"), _t("U2"), _t("Q4")
    add("r8b-when", ("first U-2 flight of 2024?", o.when(both(u2, between(*y24)), "first")))
    add("r8b-when", ("when did the last Global Hawk mission over the Aegean take place?",
                     o.when(both(q4, over("aegean-sea")), "last")))
    add("r8b-list", ("list every flight over Albania", o.listing(over("albania"))))
    add("r8b-aircraft", ("which planes flew over the North Sea?", o.aircraft(over("north-sea"))))
    add("r8b-breakdown", ("what types flew near Kaliningrad in October 2025?",
                          o.breakdown(both(near(KAL), between(*oct25)), base.by_type)))
    add("r8b-breakdown", ("P-8 flights near California by month in 2024",
                          o.breakdown(both(p8, near("california"), between(*y24)), base.by_month)))
    add("r8b-breakdown", ("who flew over the Black Sea?", o.breakdown(over("black-sea"), base.by_op)))
    add("r8b-breakdown", ("which services flew near Kaliningrad?", o.breakdown(near(KAL), base.by_op)))
    add("r8b-rank", ("busiest month for P-8s in 2025?", o.breakdown(both(p8, between(*y25)), base.by_month,
                                                                     rank=True)))
    add("r8b-compare", ("RAF vs USAF over the Baltic Sea", o.compare(both(_op("raf"), over("baltic-sea")),
                                                                    both(_op("us-air-force"), over("baltic-sea")))))
    add("r8b-compare", ("were there more P-8 flights in January 2025 than in February 2025?",
                        o.compare(both(p8, between(*month(2025, 1))), both(p8, between(*month(2025, 2))))))
    from claims.models import Claim

    verdicts = list(Claim.objects.values_list("verdict", "article__outlet"))
    add("r8b-claims", ("which claims are still pending?",
                       Expect("count", sum(v == "unreviewed" for v, _ in verdicts))))
    add("r8b-claims", ("how many claims has the desk refuted?", Expect("count", sum(v == "refuted"
                                                                                    for v, _ in verdicts))))
    add("r8b-claims", ("claims from the Harbour Gazette that are unreviewed",
                       Expect("count", sum(v == "unreviewed" and "Harbour Gazette" in (out or "")
                                           for v, out in verdicts))))


def _held_out_declines(add: Add) -> None:
    for text in [
        "what's the typical number of RC-135 flights a month?", "which aircraft flew at least 3 times in 2025?",
        "how many aircraft flew more than once near Kaliningrad?", "how many flights near Texas in the evening?",
        "how many flights near Kaliningrad at dawn?", "how many flights on a weekend in October 2025?",
        "how many flights near Texas every Monday?",
        "what's the highest altitude a U-2 reached near Texas?",
        "how many flights near Texas with a tanker nearby?",
        "how many flights near Texas apart from those near Arizona?",
        "how many flights in H2 2024?", "how many flights since the summer?", "what is the RC-135?",
        "what does ISR mean?", "who is the RAF?", "how many flights in the 2025 fiscal year?",
        "how many flights near Texas per month on average?", "is 5 P-8 flights in a month a lot?",
    ]:
        add("r8b-decline", (text, Expect("decline")))


def _held_out_follow_ups(o: Oracle, add: Add) -> None:
    y24, y25, oct25 = _y(2024), _y(2025), month(2025, 10)
    p8, rc, q4 = _t("P8"), _t("R135"), _t("Q4")
    add("r8b-follow-up",
        ("how many P-8 flights over California in 2024?", o.count(both(p8, over("california"), between(*y24)))),
        ("and in 2025?", o.count(both(p8, over("california"), between(*y25)))),
        ("sorry, I meant near California", o.count(both(p8, near("california"), between(*y25)))))
    add("r8b-follow-up",
        ("how many RC-135 flights in October 2025?", o.count(both(rc, between(*oct25)))),
        ("actually, make that September 2025", o.count(both(rc, between(*month(2025, 9))))))
    add("r8b-follow-up",
        ("how many flights near Kaliningrad?", o.count(near(KAL))),
        ("who flew them?", o.breakdown(near(KAL), base.by_op)))
    add("r8b-follow-up",
        ("how many Global Hawk flights over the Black Sea in October 2025?",
         o.count(both(q4, over("black-sea"), between(*oct25)))),
        ("which aircraft were they?", o.aircraft(both(q4, over("black-sea"), between(*oct25)))))
    add("r8b-follow-up",
        ("list the RAF flights in October 2025", o.listing(both(_op("raf"), between(*oct25)))),
        ("how many were over the Baltic Sea?", o.count(both(_op("raf"), over("baltic-sea"), between(*oct25)))))
    add("r8b-follow-up",
        ("how many flights over the Aegean?", o.count(over("aegean-sea"))),
        ("what percentage were Global Hawks?",  # answered since h-bot10: the share of the previous scope
         Expect("share", (len(o.sel(both(q4, over("aegean-sea")))), len(o.sel(over("aegean-sea")))))),
        ("how many were Global Hawks?", o.count(both(q4, over("aegean-sea")))))
