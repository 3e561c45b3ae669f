"""Round 11 of the oracle (2026-12-05): an editor checking a news story — claims lifted from an article and put to the
bot ("Is it true that Navy P-8s flew 11 missions near Texas in February 2025?", "Check: a U-2 flew near the border
on 3 February 2025", "The article says … — how many do the records show?", "Reuters reports …; how many?"),
article-style periods ("in the ten days to 12 February 2025", "the weekend of 1–2 February 2025", "between Feb. 3
and Feb. 9", "the first ten days of February", "during January and February 2025"), numbers in words and
approximate numbers in claims ("eleven", "a dozen", "more than 10", "at least five", "nearly 20"), the demo's world
said the way foreign outlets say it ("off Crimea", "near the Russian exclave", "Royal Air Force", "US Navy
reconnaissance planes", "strategic bombers"), ~50 traps that must be declined and ~20 unusual wordings that must be
answered.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``), or
is a decline where declining is the only honest answer. Today is 2026-11-24 and no mission starts in 2026.

What a claim check must answer (the choices of this round):

- the records' count for the claim's scope (its aircraft, operator, places and period), like "how many …?";
- the number the claim states is part of the question, so the answer must say it back, as digits ("eleven",
  "a dozen" → 11, 12; "more than 10", "at least five", "nearly 20" → 10, 5, 20: the qualifier is the claim's, the
  records give one number); a vague amount ("several", "dozens of", "a handful of") states no number and only the
  count is graded;
- words that only quote the source ("Reuters reports", "the article says", "according to the Desert Ledger", "a
  story claims") are the claim's attribution, not a filter: answered, the same whether they come first or last;
- a claim about purpose, altitude, duration, take-off or landing, an interception, a change ("surged", "doubled"),
  novelty ("for the first time", "unprecedented"), or a period with no anchor ("in ten days", "in recent weeks",
  "late last year", "the winter of 2024–25") must be declined.

``r11-`` is the first batch, ``r11b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt

from tests.bot_core import oracle as base
from tests.bot_core.oracle import Expect, Oracle, Pred, between, both, month, near, over
from tests.bot_core.oracle_round6 import _day, _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, US_OPS, Add

P8, U2, RC, Q4, E3, P3, B52 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF"), _t("P3"), _t("B52")
NAVY, USAF, RAF, US = _op("us-navy"), _op("us-air-force"), _op("raf"), _op(*US_OPS)
DRONE, BOMBER, MPA = _role("drone_recon"), _role("bomber"), _role("maritime_patrol")
BORDER = "us-mexico-border"
FEB25, JAN25, OCT25, Y24, Y25 = month(2025, 2), month(2025, 1), month(2025, 10), _y(2024), _y(2025)
STORY = (dt.date(2025, 1, 27), dt.date(2025, 2, 5))


def _span(a: dt.date, b: dt.date) -> Pred:
    return between(a, b)


def _d(m: int, d: int, y: int = 2025) -> dt.date:
    return dt.date(y, m, d)


def _claim(o: Oracle, pred: Pred, stated: str = "", says: tuple[str, ...] = ()) -> Expect:
    """The records' count for a claim's scope; the answer says the stated number back (digits) and ``says``."""
    return Expect("count", len(o.sel(pred)), says=((stated,) if stated else ()) + says)


def round11(o: Oracle, add: Add) -> None:
    _claims(o, add)
    _claims_without_number(o, add)
    _periods(o, add)
    _world(o, add)
    _conversations(o, add)
    _traps(add)
    _answerable(o, add)


#: How an editor puts a claim to the bot; ``{c}`` is the claim.
WRAPPERS = [
    "Is it true that {c}?",
    "Check: {c}",
    "Fact-check: {c}.",
    "The article says {c} — how many do the records show?",
    "Reuters reports {c}; how many?",
    "Can you verify that {c}?",
    "A story claims {c}. What do the records say?",
    "According to the Desert Ledger, {c}. Is that right?",
    "Our reporter writes that {c}. Does the flight data back that up?",
    "Verify: {c}",
    "The piece says {c}. How many were there really?",
    "CNN reported that {c} — true?",
]

#: A number as an article writes it, and the digits the answer must say back ("" for a vague amount).
NUMBERS = [
    ("11", "11"), ("eleven", "11"), ("a dozen", "12"), ("more than 10", "10"), ("at least five", "5"),
    ("nearly 20", "20"), ("some 18", "18"), ("about a dozen", "12"), ("fewer than five", "5"), ("over 15", "15"),
    ("eighteen", "18"), ("twenty", "20"), ("up to 20", "20"), ("almost 30", "30"), ("roughly ten", "10"),
    ("half a dozen", "6"), ("fifteen", "15"), ("at least 18", "18"), ("more than a dozen", "12"),
    ("fourteen", "14"), ("several", ""), ("dozens of", ""), ("a handful of", ""),
]


def _claims(o: Oracle, add: Add) -> None:
    """Claims with a number, each put to the bot in several wrappers with several number forms."""
    claims: list[tuple[str, Pred]] = [
        ("Navy P-8s flew {n} missions near Texas in February 2025", both(NAVY, P8, near("texas"), between(*FEB25))),
        ("{n} Navy P-8 missions were flown near the Mexican border between 27 January and 5 February 2025",
         both(NAVY, P8, near(BORDER), between(*STORY))),
        ("there were {n} surveillance flights near the US-Mexico border in February 2025",
         both(_surv, near(BORDER), between(*FEB25))),
        ("{n} U-2 flights took place over California in 2024", both(U2, over("california"), between(*Y24))),
        ("the Air Force flew {n} sorties near Arizona in January 2025", both(USAF, near("arizona"),
                                                                           between(*JAN25))),
        ("{n} RC-135 missions were flown over the Baltic Sea in October 2025", both(RC, over("baltic-sea"),
                                                                                    between(*OCT25))),
        ("{n} Global Hawk drones flew over the Black Sea in October 2025", both(Q4, over("black-sea"),
                                                                               between(*OCT25))),
        ("the RAF flew {n} reconnaissance missions near Kaliningrad in October 2025",
         both(RAF, _surv, near(KAL), between(*OCT25))),
        ("US spy planes made {n} flights near Crimea in 2025", both(US, _surv, near("crimea"), between(*Y25))),
        ("{n} surveillance flights were recorded over the Gulf of Mexico in February 2025",
         both(_surv, over("gulf-of-mexico"), between(*FEB25))),
        ("{n} B-52 bombers flew off Venezuela in October 2025", both(B52, near("venezuela"), between(*OCT25))),
        ("the Navy flew {n} P-3 missions off California in 2024", both(NAVY, P3, near("california"),
                                                                      between(*Y24))),
        ("{n} E-3 flights passed over Oklahoma in 2025", both(E3, over("oklahoma"), between(*Y25))),
        ("{n} missions were flown near the Baja peninsula in the week of 27 January 2025",
         both(near("baja-peninsula"), between(_d(1, 27), _d(2, 2)))),
        ("surveillance aircraft flew {n} missions within 20 nm of the border in February 2025",
         both(_surv, near(BORDER, 20), between(*FEB25))),
        ("{n} P-8 flights were tracked near Texas", both(P8, near("texas"))),
    ]
    k = 0
    for i, (claim, pred) in enumerate(claims):
        for j in range(7):
            wrapper = WRAPPERS[(i * 5 + j) % len(WRAPPERS)]
            words, digits = NUMBERS[k % len(NUMBERS)]
            k += 1
            c = claim.format(n=words)
            text = wrapper.format(c=c)
            add("r11-claim", (text, _claim(o, pred, digits)))


def _claims_without_number(o: Oracle, add: Add) -> None:
    """A claim that one flight happened (an article's "a U-2 flew …"): the count for its scope."""
    for text, pred, says in [
        ("Check: a U-2 flew near the border on 3 February 2025", both(U2, near(BORDER), _day(2025, 2, 3)), ()),
        ("Is it true that a U-2 flew near the border on 3 February?", both(U2, near(BORDER), _day(2025, 2, 3)),
         ("2025",)),
        ("Fact-check: an Air Force RC-135 flew near Sinaloa on 4 February 2025",
         both(USAF, RC, near("sinaloa"), _day(2025, 2, 4)), ()),
        ("The article says an RC-135 Rivet Joint flew over the Gulf of California on February 4, 2025. Is that right?",
         both(RC, over("gulf-of-california"), _day(2025, 2, 4)), ()),
        ("Check: a Global Hawk flew over the Black Sea on 3 October 2025", both(Q4, over("black-sea"),
                                                                               _day(2025, 10, 3)), ()),
        ("Is it true that an RAF RC-135 flew near Kaliningrad on 7 October 2025?",
         both(RAF, RC, near(KAL), _day(2025, 10, 7)), ()),
        ("Reuters reports a US drone flew off Crimea on 10 October 2025; is that in the records?",
         both(US, DRONE, near("crimea"), _day(2025, 10, 10)), ()),
        ("Can you verify that a P-3 flew over the Baja peninsula on 31 January 2025?",
         both(P3, over("baja-peninsula"), _day(2025, 1, 31)), ()),
        ("Check: B-52s flew off Venezuela in October 2025", both(B52, near("venezuela"), between(*OCT25)), ()),
        ("Reuters reports B-52s off Venezuela in October 2025; how many?", both(B52, near("venezuela"),
                                                                                between(*OCT25)), ()),
        ("Is it true that a KC-135 tanker flew near Coahuila on 3 February 2025?",
         both(_t("K35R"), near("coahuila"), _day(2025, 2, 3)), ()),
        ("The article says a C-17 flew near New Mexico on 2 February 2025 — is that in the data?",
         both(_t("C17"), near("new-mexico"), _day(2025, 2, 2)), ()),
        ("Verify: Navy P-8s flew over the Gulf of Mexico on 5 February 2025",
         both(NAVY, P8, over("gulf-of-mexico"), _day(2025, 2, 5)), ()),
        ("Check: an E-3 AWACS flew over Oklahoma on 27 January 2025", both(E3, over("oklahoma"),
                                                                           _day(2025, 1, 27)), ()),
        ("A story claims a U-2 spy plane flew over California in February 2024. What do the records say?",
         both(U2, over("california"), between(*month(2024, 2))), ()),
        ("CNN reported that US Navy surveillance planes flew near Tamaulipas in February 2025 — true?",
         both(NAVY, _surv, near("tamaulipas"), between(*FEB25)), ()),
        ("Is it true that British RC-135s flew over the North Sea in October 2025?",
         both(RAF, RC, over("north-sea"), between(*OCT25)), ()),
        ("Check: American drones flew over the Aegean Sea in October 2025",
         both(US, DRONE, over("aegean-sea"), between(*OCT25)), ()),
    ]:
        add("r11-claim1", (text, _claim(o, pred, says=says)))


def _periods(o: Oracle, add: Add) -> None:
    t = o.today
    feb = o.bare_month(2)
    for text, pred, says in [
        ("how many surveillance flights in the ten days to 12 February 2025?",
         both(_surv, _span(_d(2, 3), _d(2, 12))), ()),
        ("how many flights near the border in the 10 days to 5 February 2025?",
         both(near(BORDER), _span(_d(1, 27), _d(2, 5))), ()),
        ("how many P-8 flights in the seven days to 2 February 2025?", both(P8, _span(_d(1, 27), _d(2, 2))), ()),
        ("how many flights near Texas in the two weeks to 14 February 2025?",
         both(near("texas"), _span(_d(2, 1), _d(2, 14))), ()),
        ("how many surveillance flights in the fortnight to 9 February 2025?",
         both(_surv, _span(_d(1, 27), _d(2, 9))), ()),
        ("how many flights in the 18 days to 5 February 2025?", _span(_d(1, 19), _d(2, 5)), ()),
        ("how many flights in the ten days from 27 January 2025?", _span(_d(1, 27), _d(2, 5)), ()),
        ("how many flights in the ten days after 26 January 2025?", _span(_d(1, 27), _d(2, 5)), ()),
        ("how many flights in the ten days before 5 February 2025?", _span(_d(1, 26), _d(2, 4)), ()),
        ("how many flights in the week to 2 February 2025?", _span(_d(1, 27), _d(2, 2)), ()),
        ("how many flights in the week ending 2 February 2025?", _span(_d(1, 27), _d(2, 2)), ()),
        ("how many flights in the 10 days ending 5 February 2025?", _span(_d(1, 27), _d(2, 5)), ()),
        ("how many surveillance flights over the past fortnight?", both(_surv, _span(t - dt.timedelta(days=13),
                                                                                     t)), ()),
        ("how many flights near the border over the past ten days?",
         both(near(BORDER), _span(t - dt.timedelta(days=9), t)), ()),
        ("how many flights in the past two weeks?", _span(t - dt.timedelta(days=13), t), ()),
        ("how many flights the weekend of 1–2 February 2025?", _span(_d(2, 1), _d(2, 2)), ()),
        ("how many flights over the weekend of February 1-2, 2025?", _span(_d(2, 1), _d(2, 2)), ()),
        ("how many flights between Feb. 3 and Feb. 9?", _span(feb[0].replace(day=3), feb[0].replace(day=9)),
         (str(feb[0].year),)),
        ("how many P-8 flights between Feb. 3 and Feb. 9, 2025?", both(P8, _span(_d(2, 3), _d(2, 9))), ()),
        ("how many flights from Jan. 27 to Feb. 5, 2025?", _span(_d(1, 27), _d(2, 5)), ()),
        ("how many flights near the border Jan. 27–Feb. 5, 2025?", both(near(BORDER), _span(_d(1, 27), _d(2, 5))),
         ()),
        ("how many flights from 3-9 February 2025?", _span(_d(2, 3), _d(2, 9)), ()),
        ("how many flights in the first ten days of February?", _span(feb[0], feb[0].replace(day=10)),
         (str(feb[0].year),)),
        ("how many flights in the first ten days of February 2025?", _span(_d(2, 1), _d(2, 10)), ()),
        ("how many flights in the last ten days of January 2025?", _span(_d(1, 22), _d(1, 31)), ()),
        ("how many flights in the last week of January 2025?", _span(_d(1, 25), _d(1, 31)), ()),
        ("how many flights in the final week of January 2025?", _span(_d(1, 25), _d(1, 31)), ()),
        ("how many flights during January and February 2025?", _span(_d(1, 1), _d(2, 28)), ()),
        ("how many surveillance flights near the border in January and February 2025?",
         both(_surv, near(BORDER), _span(_d(1, 1), _d(2, 28))), ()),
        ("how many flights in December 2024 and January 2025?", _span(_d(12, 1, 2024), _d(1, 31)), ()),
        # reviewed: "this past October" is "last October", the most recent October before this month (README), i.e.
        # October 2026 (0 missions); it expected October 2025 at first
        ("how many flights this past October?", between(*month(2026, 10)), ("2026",)),
        # reviewed: "the start / end of" a month is early / late in it (claims/nlp/dates.py, written semantics),
        # so these are answered with the dates said; they expected a decline at first
        ("how many flights near the border at the start of February 2025?",
         both(near(BORDER), _span(_d(2, 1), _d(2, 10))), ()),
        ("how many flights near Texas at the end of January 2025?", both(near("texas"), _span(_d(1, 21), _d(1, 31))),
         ()),
        ("how many flights in mid-February 2025?", _span(_d(2, 11), _d(2, 20)), ()),
        ("how many flights in early February 2025?", _span(_d(2, 1), _d(2, 10)), ()),
        ("how many flights in late January 2025?", _span(_d(1, 21), _d(1, 31)), ()),
        ("how many flights on 3 and 4 February 2025?", _span(_d(2, 3), _d(2, 4)), ()),
        ("how many flights on February 3 and 4, 2025?", _span(_d(2, 3), _d(2, 4)), ()),
        ("how many flights in the ten days to February 12?", _span(feb[0].replace(day=3), feb[0].replace(day=12)),
         (str(feb[0].year),)),
        ("how many RC-135 flights in the 10-day period to 5 February 2025?", both(RC, _span(_d(1, 27), _d(2, 5))),
         ()),
        ("how many flights over the Black Sea in the three weeks to 24 October 2025?",
         both(over("black-sea"), _span(_d(10, 4), _d(10, 24))), ()),
        ("how many flights near Kaliningrad in the fortnight to 21 October 2025?",
         both(near(KAL), _span(_d(10, 8), _d(10, 21))), ()),
    ]:
        add("r11-period", (text, Expect("count", len(o.sel(pred)), says=says)))
    # periods put inside claims
    for text, pred, stated in [
        ("Is it true that surveillance aircraft flew 18 missions near the border in the ten days to 5 February "
         "2025?", both(_surv, near(BORDER), _span(_d(1, 27), _d(2, 5))), "18"),
        ("Check: eleven P-8 flights near the Mexican border between Feb. 1 and Feb. 5, 2025",
         both(P8, near(BORDER), _span(_d(2, 1), _d(2, 5))), "11"),
        ("The article says a dozen flights near Texas during January and February 2025 — how many do the "
         "records show?", both(near("texas"), _span(_d(1, 1), _d(2, 28))), "12"),
        ("Reuters reports more than 10 RC-135 flights near Kaliningrad in the fortnight to 28 October 2025; "
         "how many?", both(RC, near(KAL), _span(_d(10, 15), _d(10, 28))), "10"),
        ("Is it true that at least five Global Hawk missions were flown over the Black Sea in the first ten days "
         "of October 2025?", both(Q4, over("black-sea"), _span(_d(10, 1), _d(10, 10))), "5"),
        ("Verify: nearly 20 surveillance flights near the border over the weekend of 1–2 February 2025",
         both(_surv, near(BORDER), _span(_d(2, 1), _d(2, 2))), "20"),
    ]:
        add("r11-period", (text, _claim(o, pred, stated)))
    for text in [
        "how many flights near Texas in the week before 14 February 2025?",  # README: declined, say the dates
        "how many RC-135 flights late last year?", "how many U-2 flights in the winter of 2024–25?",
        "how many flights near the border in the winter of 2024-2025?", "how many flights near Texas this winter?",
        "how many flights near Texas last summer?", "how many drone flights over the Black Sea in recent weeks?",
        "how many flights near Kaliningrad in recent days?", "how many P-8 flights near Texas recently?",
        "how many flights near Kaliningrad lately?", "how many drones over the Black Sea earlier this year?",
        "how many flights near the border in the first days of February 2025?",
        "how many surveillance flights near the border in ten days?",
        "how many surveillance flights near the border over a ten-day period?",
    ]:
        add("r11-period", (text, Expect("decline")))


def _world(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("How many US spy planes flew off Crimea in October 2025?", both(US, _surv, near("crimea"),
                                                                        between(*OCT25))),
        ("How many Royal Air Force reconnaissance flights near the Russian exclave of Kaliningrad?",
         both(RAF, _surv, near(KAL))),
        ("How many flights near the Russian exclave in October 2025?", both(near(KAL), between(*OCT25))),
        ("US Navy reconnaissance planes near the Mexican border in January 2025: how many?",
         both(NAVY, _surv, near(BORDER), between(*JAN25))),
        ("How many American surveillance drones over the Black Sea in 2025?", both(US, DRONE, over("black-sea"),
                                                                                  between(*Y25))),
        ("How many strategic bombers flew off Venezuela in October 2025?", both(BOMBER, near("venezuela"),
                                                                               between(*OCT25))),
        ("How many British spy planes over the Baltic in October 2025?", both(RAF, _surv, over("baltic-sea"),
                                                                             between(*OCT25))),
        ("How many flights in Black Sea airspace?", over("black-sea")),
        ("How many flights in the skies over the Baltic Sea in October 2025?", both(over("baltic-sea"),
                                                                                   between(*OCT25))),
        ("How many RAF Rivet Joint missions off Kaliningrad?", both(RAF, RC, near(KAL))),
        ("How many US Air Force drones off the Crimean peninsula?", both(USAF, DRONE, near("crimea"))),
        ("How many US reconnaissance flights over the Aegean in October 2025?",
         both(US, _surv, over("aegean-sea"), between(*OCT25))),
        ("How many Navy maritime patrol aircraft off Baja California in 2025?",
         both(NAVY, MPA, near("baja-california"), between(*Y25))),
        ("How many US surveillance flights off the coast of Sinaloa?", both(US, _surv, near("sinaloa"))),
        ("How many spy planes near Russia's Kaliningrad region?", both(_surv, near(KAL))),
        ("How many American drone flights over the Black Sea near Crimea in October 2025?",
         both(US, DRONE, over("black-sea"), near("crimea"), between(*OCT25))),
        ("How many US Air Force spy planes off Kaliningrad in October 2025?", both(USAF, _surv, near(KAL),
                                                                                   between(*OCT25))),
        ("How many reconnaissance aircraft off Crimea in 2025?", both(_surv, near("crimea"), between(*Y25))),
        ("Surveillance drones off Crimea in October 2025 — how many?", both(DRONE, near("crimea"),
                                                                            between(*OCT25))),
        ("How many US Navy spy planes off California in 2024?", both(NAVY, _surv, near("california"),
                                                                      between(*Y24))),
        ("How many U.S. reconnaissance planes near the southern border in February 2025?",
         both(US, _surv, near(BORDER), between(*FEB25))),
        ("How many UK spy planes near Kaliningrad?", both(RAF, _surv, near(KAL))),
        ("How many American strategic bombers near the border?", both(US, BOMBER, near(BORDER))),
        ("How many B-52 bombers off Venezuela in 2025?", both(B52, near("venezuela"), between(*Y25))),
        ("How many flights by British Rivet Joints over the North Sea?", both(RAF, RC, over("north-sea"))),
        ("How many US Navy Poseidons off Baja California Sur?", both(NAVY, P8, near("baja-california-sur"))),
        ("How many American Global Hawks off Crimea?", both(US, Q4, near("crimea"))),
        ("How many Royal Air Force flights over Sweden in October 2025?", both(RAF, over("sweden"),
                                                                              between(*OCT25))),
        ("How many US military spy planes near the US-Mexico border in February 2025?",
         both(US, _surv, near(BORDER), between(*FEB25))),
        ("How many RAF surveillance aircraft in international airspace off Kaliningrad?",
         both(RAF, _surv, over("international-airspace"), near(KAL))),
        ("How many American spy drones over international waters off Crimea?",
         both(US, DRONE, over("international-airspace"), near("crimea"))),
        ("How many US Air Force reconnaissance jets over the Gulf of California in February 2025?",
         both(USAF, _surv, over("gulf-of-california"), between(*FEB25))),
        ("How many US spy planes near the Kaliningrad exclave in 2025?", both(US, _surv, near(KAL), between(*Y25))),
    ]:
        add("r11-world", (text, o.count(pred)))


def _conversations(o: Oracle, add: Add) -> None:
    s = "r11-conv"
    p8_tx = both(NAVY, P8, near("texas"), between(*FEB25))
    add(s,
        ("Is it true that Navy P-8s flew 11 missions near Texas in February 2025?", _claim(o, p8_tx, "11")),
        ("which ones?", o.listing(p8_tx)),
        ("and in January 2025?", o.count(both(NAVY, P8, near("texas"), between(*JAN25)))))
    u2 = both(U2, near(BORDER), _day(2025, 2, 3))
    add(s,
        ("Check: a U-2 flew near the border on 3 February 2025", _claim(o, u2)),
        ("list them", o.listing(u2)))
    story = both(_surv, near(BORDER), between(*STORY))
    add(s,
        ("The article says 18 surveillance flights near the Mexican border between 27 January and 5 February 2025 "
         "— how many do the records show?", _claim(o, story, "18")),
        ("how many of those were P-8s?", o.count(both(story, P8))),
        ("and U-2s?", o.count(both(story, U2))))
    raf = both(RAF, RC, near(KAL), between(*OCT25))
    add(s,
        ("Reuters reports RAF RC-135s flew near Kaliningrad three times in October 2025; how many?",
         _claim(o, raf, "3")),
        ("which aircraft?", o.aircraft(raf)))
    q4 = both(Q4, over("black-sea"), between(*OCT25))
    add(s,
        ("Is it true that Global Hawks flew a dozen missions over the Black Sea in October 2025?",
         _claim(o, q4, "12")),
        ("per week", o.breakdown(q4, base.by_week)))


def _traps(add: Add) -> None:
    for text in [
        "Is it true that Navy P-8s flew 11 missions near Texas to track cartel boats in February 2025?",
        "Check: a U-2 flew at 70,000 feet near the border on 3 February 2025",
        "The article says the RC-135 flew for 11 hours near Sinaloa on 4 February 2025 — is that right?",
        "Reuters reports B-52s flew off Venezuela with their transponders switched off in October 2025; how many?",
        "Check: P-8s took off from Jacksonville and flew near Texas in February 2025",
        "Is it true that the Global Hawk landed at Sigonella after its Black Sea missions?",
        "Fact-check: Russian jets intercepted the RC-135 near Kaliningrad in October 2025",
        "Is it true that the flights were meant to gather intelligence on cartels?",
        "Check: surveillance flights near the border surged in February 2025",
        "Is it true that P-8 flights near Texas doubled in February 2025?",
        "Check: a record number of surveillance flights flew near the border in February 2025",
        "Is it true that this was the first time a U-2 flew near the border?",
        "Is it true that the surveillance flights near the border were unprecedented?",
        "The article says the P-8s flew in formation near Texas — true?",
        "Check: armed MQ-9 Reapers flew near the border in February 2025",
        "Is it true that the U-2 flew without a flight plan on 3 February 2025?",
        "Reuters reports the RC-135 violated Russian airspace in October 2025 — true?",
        "Is it true that the drones flew at night over the Black Sea in October 2025?",
        "Check: the RAF flew more missions than ever near Kaliningrad in October 2025",
        "Check: the P-8s flew 11 missions near Texas on behalf of the DEA",
        "Is it true that the surveillance flights near the border cost $2 million?",
        "Check: the U-2 was photographing cartel labs on 3 February 2025",
        "The article says 18 surveillance flights in ten days near the Mexican border — how many do the records "
        "show?",
        "Is it true that the P-8s flew near Texas in the ten days after the order?",
        "Check: surveillance flights near the border since the executive order",
        "Is it true that P-8s flew near Texas in the days after the inauguration?",
        "Check: B-52s flew off Venezuela during the naval buildup",
        "Is it true that P-8 flights near Texas rose sharply last winter?",
        "how many surveillance flights near the border in the run-up to the summit?",
        "how many spy planes near Crimea during the drills?",
        "how many flights off Venezuela's coast at night in October 2025?",
        "how many flights near Texas did the Pentagon confirm?",
        "how many of the flights near Texas were acknowledged by the Navy?",
        "how many flights near Texas were classified?",
        "Check: the RC-135 flew within 8 nm of Sinaloa while tracking cartel radios",
        "how many flights near the border were part of Operation Lone Star?",
        "how many surveillance flights near the border were flown by contractors?",
        "Is it true that the U-2 flew over Mexican territory without permission?",
        "Check: the surveillance flights were visible from the ground",
        "how many flights near Texas were tracked by hobbyists?",
        "how many RAF flights near Kaliningrad provoked a Russian response?",
        "how many flights near Crimea came within missile range?",
        "Is it true that the P-8s were hunting submarines in the Gulf of Mexico?",
        "Check: the Global Hawks refuelled over the Black Sea in October 2025",
        "Is it true that the RC-135 was shadowed by Russian fighters near Kaliningrad?",
        "Check: Navy P-8s flew 11 missions near Texas, more than in all of 2024 combined",
        "Is it true that the number of flights near the border tripled in February 2025?",
        "Fact-check: the flights near Texas were the most since the Cold War",
        "Is it true that the drones were flown by the CIA over the Black Sea?",
        "Check: eleven of the 18 missions near the border were flown by Navy P-8s",
    ]:
        add("r11-trap", (text, Expect("decline")))


def _answerable(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("Per the records, how many P-8 flights near Texas in February 2025?", both(P8, near("texas"),
                                                                                   between(*FEB25))),
        ("Fact-check request: U-2 flights near the border in 2025 — how many?", both(U2, near(BORDER),
                                                                                      between(*Y25))),
        ("For a story: how many RC-135 flights near Kaliningrad in October 2025?", both(RC, near(KAL),
                                                                                        between(*OCT25))),
        ("Before we publish: how many surveillance flights near the Mexican border in February 2025?",
         both(_surv, near(BORDER), between(*FEB25))),
        ("For the record, how many RAF flights over the Baltic Sea in October 2025?",
         both(RAF, over("baltic-sea"), between(*OCT25))),
        ("Need a number for the story: P-8 missions off California in 2024", both(P8, near("california"),
                                                                                  between(*Y24))),
        ("Sanity check — how many E-3 flights over Oklahoma in 2025?", both(E3, over("oklahoma"), between(*Y25))),
        ("How many U-2 flights near the border does the data show for 2025?", both(U2, near(BORDER),
                                                                                    between(*Y25))),
        ("How many P-8 flights near Texas do the records show in February 2025?",
         both(P8, near("texas"), between(*FEB25))),
        ("What do the records show for RC-135 flights near Kaliningrad in October 2025?",
         both(RC, near(KAL), between(*OCT25))),
        ("What's the real number of Navy P-8 flights near Texas in February 2025?",
         both(NAVY, P8, near("texas"), between(*FEB25))),
        ("Double-check for me: how many U-2 flights in 2024?", both(U2, between(*Y24))),
        ("How many Global Hawk flights over the Black Sea does Flightcheck have for October 2025?",
         both(Q4, over("black-sea"), between(*OCT25))),
        ("How many P-8 flights near Texas in February 2025, per the flight data?",
         both(P8, near("texas"), between(*FEB25))),
        ("How many flights near the border in February 2025, by our count?", both(near(BORDER), between(*FEB25))),
        ("Quick check before filing: number of RAF flights near Kaliningrad in October 2025",
         both(RAF, near(KAL), between(*OCT25))),
        ("How many surveillance flights near the border, in the records, between 27 January and 5 February 2025?",
         both(_surv, near(BORDER), between(*STORY))),
        ("What's the records' count of U-2 flights near the border on 3 February 2025?",
         both(U2, near(BORDER), _day(2025, 2, 3))),
        ("How many surveillance flights near the border, according to Pentagon officials, in February 2025?",
         both(_surv, near(BORDER), between(*FEB25))),
        ("According to the article, Navy P-8s flew near Texas in February 2025. How many flights were there?",
         both(NAVY, P8, near("texas"), between(*FEB25))),
    ]:
        add("r11-answer", (text, o.count(pred)))


def held_out(o: Oracle, add: Add) -> None:
    """The held-out batch (category ``r11b-``), written after the first batch's fixes and run once before any fix of
    its own: other wrappers, number forms, claims, article periods, world scopes, traps and conversations."""
    _held_out_claims(o, add)
    _held_out_periods(o, add)
    _held_out_world(o, add)
    _held_out_conversations(o, add)
    _held_out_traps(add)
    _held_out_answerable(o, add)


HELD_OUT_WRAPPERS = [
    "Claim: {c}. Accurate?", "True or false: {c}", "Fact check this — {c}", "Is this right: {c}?",
    "AP says {c}. Can you confirm?", "The Guardian reported {c}; what do our records say?",
    "Our story says {c} — correct?", "Can you check whether {c}?", "A wire report says {c}. How many do we have?",
    "Please verify: {c}", "Per Reuters, {c}. True?", "{c}, the Pentagon said. Is that correct?",
]
HELD_OUT_NUMBERS = [
    ("thirteen", "13"), ("a couple of", "2"), ("nine", "9"), ("over a dozen", "12"), ("no fewer than 10", "10"),
    ("as many as 15", "15"), ("around 20", "20"), ("upwards of 12", "12"), ("exactly 4", "4"), ("3", "3"),
    ("more than twenty", "20"), ("16", "16"),
]


def _held_out_claims(o: Oracle, add: Add) -> None:
    claims: list[tuple[str, Pred]] = [
        ("US Air Force RC-135s flew {n} missions near Kaliningrad in October 2025",
         both(USAF, RC, near(KAL), between(*OCT25))),
        ("{n} drone flights were logged over the Aegean Sea in October 2025", both(DRONE, over("aegean-sea"),
                                                                                    between(*OCT25))),
        ("P-8 Poseidons flew {n} sorties over the Gulf of Mexico in February 2025",
         both(P8, over("gulf-of-mexico"), between(*FEB25))),
        ("{n} U-2 missions were flown near New Mexico in 2025", both(U2, near("new-mexico"), between(*Y25))),
        ("the US Navy flew {n} surveillance flights off California in January 2025",
         both(NAVY, _surv, near("california"), between(*JAN25))),
        ("{n} E-3 Sentry flights were tracked over Texas in 2024", both(E3, over("texas"), between(*Y24))),
        ("British spy planes made {n} flights over the North Sea in October 2025",
         both(RAF, _surv, over("north-sea"), between(*OCT25))),
    ]
    k = 0
    for i, (claim, pred) in enumerate(claims):
        for j in range(4):
            wrapper = HELD_OUT_WRAPPERS[(i * 5 + j) % len(HELD_OUT_WRAPPERS)]
            words, digits = HELD_OUT_NUMBERS[k % len(HELD_OUT_NUMBERS)]
            k += 1
            c = claim.format(n=words)
            c = c[0].upper() + c[1:] if wrapper.startswith("{c}") else c
            add("r11b-claim", (wrapper.format(c=c), _claim(o, pred, digits)))
    for text, pred in [
        ("True or false: a Global Hawk flew over Greece on 17 October 2025", both(Q4, over("greece"),
                                                                                  _day(2025, 10, 17))),
        ("Claim: an RAF RC-135 flew over Denmark on 14 October 2025. Accurate?", both(RAF, RC, over("denmark"),
                                                                                      _day(2025, 10, 14))),
        ("Please verify: a P-3 Orion flew off California on 31 January 2025", both(P3, near("california"),
                                                                                   _day(2025, 1, 31))),
        ("AP says a KC-135 flew near the border on 3 February 2025. Can you confirm?",
         both(_t("K35R"), near(BORDER), _day(2025, 2, 3))),
        ("Is this right: US Navy P-8s flew over Tamaulipas in February 2025?",
         both(NAVY, P8, over("tamaulipas"), between(*FEB25))),
        ("Our story says B-1 bombers flew near the border in February 2025 — correct?",
         both(_t("B1"), near(BORDER), between(*FEB25))),
        ("Can you check whether an E-3 flew over New Mexico on 2 February 2025?",
         both(E3, over("new-mexico"), _day(2025, 2, 2))),
        ("The Guardian reported a US drone flew near Bulgaria in October 2025; what do our records say?",
         both(US, DRONE, near("bulgaria"), between(*OCT25))),
    ]:
        add("r11b-claim1", (text, _claim(o, pred)))


def _held_out_periods(o: Oracle, add: Add) -> None:
    octb = o.bare_month(10)
    for text, pred, says in [
        ("how many flights in the 12 days to 5 February 2025?", _span(_d(1, 25), _d(2, 5)), ()),
        ("how many flights in the three days from 3 February 2025?", _span(_d(2, 3), _d(2, 5)), ()),
        ("how many P-8 flights in the two weeks ending 9 February 2025?", both(P8, _span(_d(1, 27), _d(2, 9))), ()),
        ("how many flights in the five days after 31 January 2025?", _span(_d(2, 1), _d(2, 5)), ()),
        ("how many flights in the first five days of February 2025?", _span(_d(2, 1), _d(2, 5)), ()),
        ("how many flights in the last three days of January 2025?", _span(_d(1, 29), _d(1, 31)), ()),
        ("how many flights on the weekend of 25–26 January 2025?", _span(_d(1, 25), _d(1, 26)), ()),
        ("how many flights Oct. 1–10, 2025?", _span(_d(10, 1), _d(10, 10)), ()),
        ("how many RAF flights between Oct. 7 and Oct. 21, 2025?", both(RAF, _span(_d(10, 7), _d(10, 21))), ()),
        ("how many flights in the ten days to October 12?", _span(octb[0].replace(day=3), octb[0].replace(day=12)),
         (str(octb[0].year),)),
        ("how many flights during October and November 2025?", _span(_d(10, 1), _d(11, 30)), ()),
        ("how many drone flights in the 7 days to 10 October 2025?", both(DRONE, _span(_d(10, 4), _d(10, 10))), ()),
        ("how many flights in the fortnight ending 21 October 2025?", _span(_d(10, 8), _d(10, 21)), ()),
        ("how many flights near Kaliningrad in the week to 14 October 2025?",
         both(near(KAL), _span(_d(10, 8), _d(10, 14))), ()),
    ]:
        add("r11b-period", (text, Expect("count", len(o.sel(pred)), says=says)))
    for text in ["how many flights near Texas in recent months?", "how many flights over the past few weeks?",
                 "how many flights in the closing days of January 2025?", "how many flights in the spring of 2025?",
                 "how many flights near the border at the turn of the year?", "how many flights earlier this month?"]:
        add("r11b-period", (text, Expect("decline")))


def _held_out_world(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("How many US Navy Poseidon patrols off Baja California in January 2025?",
         both(NAVY, P8, near("baja-california"), between(*JAN25))),
        ("How many American drones in Black Sea airspace in October 2025?", both(US, DRONE, over("black-sea"),
                                                                                 between(*OCT25))),
        ("How many UK reconnaissance aircraft over the Baltic?", both(RAF, _surv, over("baltic-sea"))),
        ("How many US Air Force reconnaissance drones over the Aegean?", both(USAF, DRONE, over("aegean-sea"))),
        ("How many Royal Air Force RC-135W flights near Kaliningrad?", both(RAF, RC, near(KAL))),
        ("How many USAF spy planes over the Gulf of California?", both(USAF, _surv, over("gulf-of-california"))),
        ("How many American spy planes off Sinaloa in February 2025?", both(US, _surv, near("sinaloa"),
                                                                           between(*FEB25))),
        ("How many US Navy surveillance aircraft off Tamaulipas?", both(NAVY, _surv, near("tamaulipas"))),
    ]:
        add("r11b-world", (text, o.count(pred)))


def _held_out_conversations(o: Oracle, add: Add) -> None:
    s = "r11b-conv"
    rc = both(USAF, RC, near(KAL), between(*OCT25))
    add(s,
        ("True or false: US Air Force RC-135s flew 3 missions near Kaliningrad in October 2025", _claim(o, rc, "3")),
        ("when was it?", o.when(rc, "last")),
        # reviewed: a follow-up keeps the question asked before it ("when was it?"), as round 9 settled for "and
        # over the Aegean?" after "which aircraft?"; it expected a count at first
        ("and the RAF?", o.when(both(RAF, RC, near(KAL), between(*OCT25)), "last")))
    p8 = both(P8, over("gulf-of-mexico"), between(*FEB25))
    add(s,
        ("Claim: P-8s flew a dozen sorties over the Gulf of Mexico in February 2025. Accurate?", _claim(o, p8, "12")),
        ("list them", o.listing(p8)),
        ("how many were over Texas?", o.count(both(p8, over("texas")))))
    add(s,
        ("how many of those were P-8s?", Expect("decline")),
        ("how many P-8 flights in 2024?", o.count(both(P8, between(*Y24)))))


def _held_out_traps(add: Add) -> None:
    for text in [
        "Check: the P-8s flew 11 missions near Texas at the request of the DEA",
        "Is it true that the RC-135 flew 14 hours near Sinaloa?",
        "Claim: surveillance flights near the border tripled in February 2025. True?",
        "Is it true that the U-2 flew higher than 60,000 feet?",
        "Reuters reports the Global Hawks were escorted near Crimea in October 2025; how many?",
        "Check: 18 surveillance flights in a ten-day span near the border",
        "Is it true that the RAF flew near Kaliningrad more often than ever in October 2025?",
        "Check: the first-ever U-2 flight near the border was on 3 February 2025",
        "Verify: the drones turned off their transponders over the Black Sea",
        "Is it true that 4 of the 11 P-8 flights were near Texas?",
        "Check: P-8 flights near Texas were up 50% in February 2025",
        "Fact-check: the flights near the border were ordered by the White House",
    ]:
        add("r11b-trap", (text, Expect("decline")))


def _held_out_answerable(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("For tonight's story: how many P-8 flights near Texas in 2025?", both(P8, near("texas"), between(*Y25))),
        ("Quick fact-check: RC-135 flights near Kaliningrad in October 2025?", both(RC, near(KAL),
                                                                                    between(*OCT25))),
        ("Before I file: how many U-2 flights near New Mexico in 2025?", both(U2, near("new-mexico"),
                                                                              between(*Y25))),
        ("How many E-3 flights over Texas in 2024, per the flight records?", both(E3, over("texas"), between(*Y24))),
        ("According to the records, how many RAF flights over Sweden in October 2025?",
         both(RAF, over("sweden"), between(*OCT25))),
        ("How many Navy P-8 flights near Texas in February 2025, according to the Pentagon?",
         both(NAVY, P8, near("texas"), between(*FEB25))),
        ("For our fact check, how many Global Hawk flights over the Black Sea in October 2025?",
         both(Q4, over("black-sea"), between(*OCT25))),
        ("Story check: how many surveillance flights near the border in the week of 27 January 2025?",
         both(_surv, near(BORDER), _span(_d(1, 27), _d(2, 2)))),
    ]:
        add("r11b-answer", (text, o.count(pred)))
