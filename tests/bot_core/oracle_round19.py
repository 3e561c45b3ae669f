"""Round 19 of the oracle (2026-12-06): an editor pastes a sentence or a headline from a story, or asks whether it
holds — vague amounts, trends and comparisons, hedges and attribution, headlines with no verb and loaded words,
claims that mix a true part with a false one, and claims whose period is relative to a date the editor gives.

Written before looking at how the parser reads them; each expected answer is computed here in plain Python from the
rows with the helpers of :mod:`tests.bot_core.oracle` (no ``bot.nlu``, ``claims.nlp`` or ``evidence.selectors``), or
is a decline where declining is the only honest answer. Today is 2026-11-24 and no mission starts in 2026.

The conventions of this round (round 11's where it decided; otherwise the reading a fact-checker would defend):

- **Vague amounts** in a claim: the answer is the records' count for the claim's scope, and it says the stated number
  back as digits (round 11): "more than a dozen" → 12, "nearly 20" → 20, "at least 10" → 10, "roughly 15" → 15,
  "some 18" → 18, "up to 11" → 11, "fewer than five" → 5, "a couple of" → 2, "close to a dozen" / "well over a
  dozen" → 12, "almost two dozen" / "more than two dozen" → 24 (two dozen is 24, never 2 or 12), "just under 10" →
  10, "an estimated 15" → 15, "about half a dozen" → 6, "no more than three" → 3, "double-digit" → 10 (ten or
  more: the least a double-digit number can be). An amount with no number ("dozens of", "a handful of", "scores
  of", "a few") states none: only the count is graded (round 11). "between 10 and 15" states a range: both ends
  said back (and never read as the days 10–15 of the month). The qualifier is the claim's; the records give one
  number; the verdict stays the desk's. A yes/no question with a vague amount ("were there more than a dozen …?")
  is answered by its count (round 11).
- **Trends and comparisons**: a change claimed *with its baseline* ("doubled from 2024 to 2025", "tripled in
  February compared with January", "fell by half from January to February", "surged from 2024 to 2025", "twice as
  many P-8s as U-2s") is a comparison of the two scopes: both numbers, in the order the words give them (README:
  "change from … to …", "compared with"); a change with no baseline ("surged in February", "doubled", "up 40 %",
  "on the rise"), a record or superlative over all time ("a record", "the most since", "more than ever", "a
  five-year high", "since records began") is declined (round 11; the records cannot say what "ever" was). "Almost
  daily", "every day", "on five consecutive days" over a stated period are answered by the days that had missions
  (a per-day breakdown, or every record cited, which shows its days); with no period they are declined.
- **Hedges and attribution** ("reportedly", "allegedly", "is said to", "is believed to", "apparently",
  "purportedly", "sources say", "officials say", "according to Flightradar24", "flight trackers claim"): the
  claim's source or its caution, filtering nothing; answered as the claim without them (round 11's attribution
  rule). A hedge does not make a vague period precise ("early 2025" stays declined).
- **Headlines**: a headline with no verb ("Four Global Hawk missions over Black Sea in October 2025"), or with a
  plain one ("flies", "spotted"), in title case or not, is the claim it states. A loaded verb or image that says
  more than that aircraft flew there ("swarm", "blanket", "buzz", "stalk", "hound", "flood", "soar", "keep
  watch", "a sky full of", "eyes in the sky", "under … surveillance") has no reading the records can check: declined.
  "the Gulf" alone stays declined (round 7).
- **A true part and a false part**: a scope the records must meet as a whole ("Navy RC-135s", "an Air Force P-8", "a
  British RC-135" on a day only an American one flew) is counted as a whole — 0 when no mission is all of it, never
  the count of the true part. Two aircraft each claimed to have flown ("a U-2 and an RC-135 flew …") are answered
  with each one's count (a comparison) or declined; their sum would hide the part that is false. Two claims in one
  (two numbers, two dates for two places, a count with a comparison or a novelty) are declined.
- **A period relative to a date the editor gives** ("a story from 14 February 2025 says … last week", "an article
  dated …", "our 12 February 2025 story", "as of 10 February 2025"): the relative words resolve against that day,
  as the claim checker resolves them against the article's date (claims/nlp/dates.py): "last week" = the calendar
  week (Monday–Sunday) before the one holding the day; "this week" / "this month" / "this year" = from its start to
  the day; "last month" = the calendar month before; "the past week" / "the past N days" / "the past two weeks" =
  rolling, ending on the day; "yesterday" = the day before; "on Monday" = the most recent Monday, the day included;
  "last Tuesday" = the most recent Tuesday before the day. Never read against today, never the story's day alone.
  "earlier this month" stays declined (how early?).

``r19-`` is the first batch, ``r19b-`` the held-out batch written after the first batch's fixes.
"""
from __future__ import annotations

import datetime as dt

from tests.bot_core.oracle import Expect, Oracle, Pred, between, both, month, near, over
from tests.bot_core.oracle_round6 import _day, _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, US_OPS, Add

P8, U2, RC, Q4, E3, P3 = _t("P8"), _t("U2"), _t("R135"), _t("Q4"), _t("E3TF", "E3CF"), _t("P3")
C17, K35 = _t("C17"), _t("K35R")
NAVY, USAF, RAF, US = _op("us-navy"), _op("us-air-force"), _op("raf"), _op(*US_OPS)
BORDER = "us-mexico-border"
FEB25, JAN25, OCT25, Y24, Y25 = month(2025, 2), month(2025, 1), month(2025, 10), _y(2024), _y(2025)
STORY = (dt.date(2025, 1, 27), dt.date(2025, 2, 5))


def _d(m: int, d: int, y: int = 2025) -> dt.date:
    return dt.date(y, m, d)


def _claim(o: Oracle, pred: Pred, *stated: str) -> Expect:
    """The records' count for a claim's scope; the answer says each stated number back (digits)."""
    return Expect("count", len(o.sel(pred)), says=tuple(s for s in stated if s))


def _days(o: Oracle, pred: Pred) -> Expect:
    """The days a scope's missions start on, and its mission ids (a per-day breakdown or every record cited)."""
    found = o.sel(pred)
    return Expect("days", (tuple(sorted({r.day.isoformat() for r in found})), tuple(sorted(r.id for r in found))))


def _every_day(o: Oracle, pred: Pred, span: tuple[dt.date, dt.date]) -> Expect:
    """Whether the scope has a mission on every day of ``span`` (graded "yesno": the answer opens Yes or No)."""
    flown = {r.day for r in o.sel(both(pred, between(*span)))}
    days = [span[0] + dt.timedelta(days=k) for k in range((span[1] - span[0]).days + 1)]
    return Expect("yesno", all(d in flown for d in days))


# --- relative periods, resolved against a day the editor gives (plain dates, as claims/nlp/dates.py documents) --


def last_week(ref: dt.date) -> tuple[dt.date, dt.date]:
    monday = ref - dt.timedelta(days=ref.weekday() + 7)
    return monday, monday + dt.timedelta(days=6)


def this_week(ref: dt.date) -> tuple[dt.date, dt.date]:
    return ref - dt.timedelta(days=ref.weekday()), ref


def this_month(ref: dt.date) -> tuple[dt.date, dt.date]:
    return ref.replace(day=1), ref


def last_month(ref: dt.date) -> tuple[dt.date, dt.date]:
    end = ref.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def past_days(ref: dt.date, n: int) -> tuple[dt.date, dt.date]:
    return ref - dt.timedelta(days=n - 1), ref


def weekday_on_or_before(ref: dt.date, weekday: int, *, strictly: bool = False) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def round19(o: Oracle, add: Add) -> None:
    _vague_claims(o, add)
    _vague_questions(o, add)
    _trends(o, add)
    _hedges(o, add)
    _headlines(o, add)
    _mixed(o, add)
    _relative(o, add)


#: How a sentence from a story is put to the bot; ``{c}`` is the claim, ``{C}`` the claim with a capital.
WRAPPERS = [
    "Is it true that {c}?",
    'From the story: "{C}." Does that hold?',
    "Headline check: {C}",
    "Our draft says {c}. Can we stand that up?",
    "{C} — is that right?",
    "Can we say that {c}?",
    "Pasting a line from the piece: {C}. Accurate?",
    "Does this hold up: {c}?",
    "Check: {c}",
    "Is it accurate to say {c}?",
    'The copy reads "{C}" — supported by the records?',
    "Verify: {c}",
]

#: A vague amount as a story writes it, and the digits the answer must say back ("" for an amount with no number).
VAGUE = [
    ("more than a dozen", "12"), ("nearly 20", "20"), ("dozens of", ""), ("a handful of", ""), ("at least 10", "10"),
    ("roughly 15", "15"), ("some 18", "18"), ("up to 11", "11"), ("fewer than five", "5"), ("a couple of", "2"),
    ("close to a dozen", "12"), ("well over a dozen", "12"), ("almost two dozen", "24"), ("just under 10", "10"),
    ("an estimated 15", "15"), ("scores of", ""), ("a few", ""), ("more than two dozen", "24"),
    ("about half a dozen", "6"), ("double-digit", "10"), ("no more than three", "3"), ("between 10 and 15", "10 15"),
]


def _vague_claims(o: Oracle, add: Add) -> None:
    claims: list[tuple[str, Pred]] = [
        ("Navy P-8s flew {n} missions off California in January 2025",
         both(NAVY, P8, near("california"), between(*JAN25))),
        ("{n} surveillance flights were tracked near the US-Mexico border between 27 January and 5 February 2025",
         both(_surv, near(BORDER), between(*STORY))),
        ("the US Air Force flew {n} sorties near Texas in February 2025", both(USAF, near("texas"), between(*FEB25))),
        ("{n} Global Hawk missions were flown over the Black Sea in October 2025",
         both(Q4, over("black-sea"), between(*OCT25))),
        ("RAF RC-135s flew {n} missions near Kaliningrad in October 2025", both(RAF, RC, near(KAL), between(*OCT25))),
        ("{n} P-8 flights were logged over the Gulf of Mexico in February 2025",
         both(P8, over("gulf-of-mexico"), between(*FEB25))),
        ("US spy planes made {n} flights near the Baja peninsula in the week of 27 January 2025",
         both(US, _surv, near("baja-peninsula"), between(_d(1, 27), _d(2, 2)))),
        ("{n} E-3 flights passed over Oklahoma in 2025", both(E3, over("oklahoma"), between(*Y25))),
        ("{n} U-2 missions were flown near New Mexico in 2025", both(U2, near("new-mexico"), between(*Y25))),
        ("{n} surveillance flights went near Sonora in February 2025", both(_surv, near("sonora"),
                                                                            between(*FEB25))),
    ]
    k = 0
    for i, (claim, pred) in enumerate(claims):
        for j in range(7):
            wrapper = WRAPPERS[(i * 5 + j) % len(WRAPPERS)]
            words, digits = VAGUE[k % len(VAGUE)]
            k += 1
            c = claim.format(n=words)
            text = wrapper.format(c=c, C=c[0].upper() + c[1:])
            add("r19-vague", (text, _claim(o, pred, *digits.split())))


def _vague_questions(o: Oracle, add: Add) -> None:
    """A yes/no question with a vague amount: answered by its count."""
    for text, pred in [
        ("were there more than a dozen P-8 flights off California in January 2025?",
         both(P8, near("california"), between(*JAN25))),
        ("did nearly 20 surveillance flights go near the border between 27 January and 5 February 2025?",
         both(_surv, near(BORDER), between(*STORY))),
        ("were there dozens of Global Hawk flights over the Black Sea in October 2025?",
         both(Q4, over("black-sea"), between(*OCT25))),
        ("did a handful of RAF flights go near Kaliningrad in October 2025?", both(RAF, near(KAL), between(*OCT25))),
        ("were there at least 10 P-8 missions near California in 2025?", both(P8, near("california"),
                                                                              between(*Y25))),
        ("did roughly 15 surveillance flights go near the Baja peninsula in February 2025?",
         both(_surv, near("baja-peninsula"), between(*FEB25))),
        ("were there fewer than five U-2 flights in 2024?", both(U2, between(*Y24))),
        ("were there a couple of RC-135 flights near Sinaloa in February 2025?",
         both(RC, near("sinaloa"), between(*FEB25))),
        ("did more than a handful of drones fly over the Black Sea in October 2025?",
         both(_role("drone_recon"), over("black-sea"), between(*OCT25))),
        ("were there some 18 surveillance flights near the border in the ten days to 5 February 2025?",
         both(_surv, near(BORDER), between(_d(1, 27), _d(2, 5)))),
        ("did up to 11 Navy flights go over the Gulf of Mexico in February 2025?",
         both(NAVY, over("gulf-of-mexico"), between(*FEB25))),
        ("were there almost two dozen surveillance flights near the border in February 2025?",
         both(_surv, near(BORDER), between(*FEB25))),
        ("did at least a dozen P-8s fly near California in 2024?", both(P8, near("california"), between(*Y24))),
        ("were there more than 20 missions near Texas in 2025?", both(near("texas"), between(*Y25))),
    ]:
        add("r19-vague-q", (text, o.count(pred)))


def _trends(o: Oracle, add: Add) -> None:
    p8ca = both(P8, near("california"))
    border = both(_surv, near(BORDER))
    navy_ca = both(NAVY, near("california"))
    for text, a, b in [
        ("Is it true that P-8 flights off California doubled from 2024 to 2025?",
         both(p8ca, between(*Y24)), both(p8ca, between(*Y25))),
        ("Check: surveillance flights near the border tripled in February 2025 compared with January 2025",
         both(border, between(*FEB25)), both(border, between(*JAN25))),
        ("Our story says Navy flights near California fell by half from January to February 2025 — right?",
         both(navy_ca, between(*JAN25)), both(navy_ca, between(*FEB25))),
        ("Is it true that there were twice as many P-8 flights as U-2 flights in 2025?",
         both(P8, between(*Y25)), both(U2, between(*Y25))),
        ("Check: three times as many Navy flights as Air Force flights near California in January 2025",
         both(NAVY, near("california"), between(*JAN25)), both(USAF, near("california"), between(*JAN25))),
        ("Can we say that surveillance flights surged from 2024 to 2025?",
         both(_surv, between(*Y24)), both(_surv, between(*Y25))),
        ("Check: Global Hawk flights over the Black Sea doubled in October 2025 compared with October 2024",
         both(Q4, over("black-sea"), between(*OCT25)), both(Q4, over("black-sea"), between(*month(2024, 10)))),
        ("Is it true that U-2 flights halved from 2024 to 2025?", both(U2, between(*Y24)), both(U2, between(*Y25))),
        ("RAF flights near Kaliningrad were up from September to October 2025 — true?",
         both(RAF, near(KAL), between(*month(2025, 9))), both(RAF, near(KAL), between(*OCT25))),
        ("Did P-8 flights off California drop between January and February 2025?",
         both(p8ca, between(*JAN25)), both(p8ca, between(*FEB25))),
        ("Is it true that twice as many P-8s as U-2s flew near the border in February 2025?",
         both(P8, near(BORDER), between(*FEB25)), both(U2, near(BORDER), between(*FEB25))),
        ("Check: P-8 flights near California rose from 2024 to 2025",
         both(p8ca, between(*Y24)), both(p8ca, between(*Y25))),
        ("Is it true that surveillance flights near Texas increased in 2025 compared with 2024?",
         both(_surv, near("texas"), between(*Y25)), both(_surv, near("texas"), between(*Y24))),
        ("Were there more P-8 flights near California in January 2025 than in 2024, as the story says?",
         both(p8ca, between(*JAN25)), both(p8ca, between(*Y24))),
    ]:
        add("r19-trend", (text, o.compare(a, b)))
    for text, pred in [
        ("Is it true that P-8s flew near California almost daily between 27 January and 5 February 2025?",
         both(p8ca, between(*STORY))),
        ("Check: surveillance aircraft flew near the border every day from 27 January to 5 February 2025",
         both(border, between(*STORY))),
        ("Is it true that Navy P-8s flew off California daily in the first week of February 2025?",
         both(NAVY, p8ca, between(_d(2, 1), _d(2, 7)))),
    ]:
        add("r19-trend-days", (text, _days(o, pred)))
    # a question that asks "did … every day?" is a yes or a no (round 18's kind, merged on main: round 18 answers
    # it "Yes: every one of the N days…" / "No: k of the N days had none…"); a claim stating it gets its days
    for text, pred, span in [
        ("Did P-8s fly near California every day between 27 and 31 January 2025?", p8ca, (_d(1, 27), _d(1, 31))),
    ]:
        add("r19-trend-days", (text, _every_day(o, pred, span)))
    for text in [
        "Is it true that P-8 flights off California doubled in January 2025?",
        "Check: surveillance flights near the border surged in February 2025",
        "Check: the most P-8 flights near California since 2024",
        "Is it true that January 2025 saw a record number of P-8 flights?",
        "Can we say that more spy planes than ever flew near the border in February 2025?",
        "Is it true that drone flights over the Black Sea hit a new high in October 2025?",
        "Check: surveillance flights near the border were the highest in a decade in February 2025",
        "Is it true that P-8 flights fell sharply in February 2025?",
        "Check: flights near Kaliningrad up 40% in October 2025",
        "Is it true that U-2 flights have become more frequent?",
        "Check: P-8s flew near California for five days in a row",
        "Is it true that spy planes flew near the border every day for a week?",
        "Check: surveillance flights near the border almost daily",
        "Check: the busiest month for P-8 flights since records began",
        "Is it true that this was the highest number of U-2 flights in years?",
        "Check: surveillance flights near the border are on the rise",
        "Is it true that P-8 flights have been steadily increasing?",
        "Check: spy flights near the border at a five-year high",
        "Is it true that RAF flights near Kaliningrad jumped in October 2025?",
        "Our draft says Global Hawk flights over the Black Sea have tripled. Can we stand that up?",
    ]:
        add("r19-trend-decline", (text, Expect("decline")))


def _hedges(o: Oracle, add: Add) -> None:
    for text, pred, stated in [
        ("Navy P-8s reportedly flew 11 missions off California in January 2025 — true?",
         both(NAVY, P8, near("california"), between(*JAN25)), "11"),
        ("Is it true that a U-2 allegedly flew over New Mexico on 3 February 2025?",
         both(U2, over("new-mexico"), _day(2025, 2, 3)), ""),
        ("Check: according to Flightradar24, Global Hawks flew over the Black Sea four times in October 2025",
         both(Q4, over("black-sea"), between(*OCT25)), "4"),
        ("Sources say RAF RC-135s flew near Kaliningrad in October 2025. True?",
         both(RAF, RC, near(KAL), between(*OCT25)), ""),
        ("An RC-135 is said to have flown near Sinaloa on 4 February 2025 — is that right?",
         both(RC, near("sinaloa"), _day(2025, 2, 4)), ""),
        ("Officials say a dozen surveillance flights went near the border in the week of 27 January 2025 — correct?",
         both(_surv, near(BORDER), between(_d(1, 27), _d(2, 2))), "12"),
        ("Is it true that E-3s purportedly flew over Oklahoma in 2025?", both(E3, over("oklahoma"), between(*Y25)),
         ""),
        ("Check: P-8 flights were reportedly logged over the Gulf of Mexico in February 2025",
         both(P8, over("gulf-of-mexico"), between(*FEB25)), ""),
        ("Reports suggest nearly 20 surveillance flights near the border between 27 January and 5 February 2025. "
         "Right?", both(_surv, near(BORDER), between(*STORY)), "20"),
        ("It is understood that a C-17 flew near New Mexico on 2 February 2025 — true?",
         both(C17, near("new-mexico"), _day(2025, 2, 2)), ""),
        ("Is it true that, according to ADS-B Exchange, a KC-135 flew near Coahuila on 3 February 2025?",
         both(K35, near("coahuila"), _day(2025, 2, 3)), ""),
        ("Check: the U-2 is believed to have flown near Texas on 3 February 2025",
         both(U2, near("texas"), _day(2025, 2, 3)), ""),
        ("Flight trackers claim that RC-135s flew over the Baltic Sea in October 2025 — true?",
         both(RC, over("baltic-sea"), between(*OCT25)), ""),
        ("Is it true that a U-2 supposedly flew over California in February 2024?",
         both(U2, over("california"), between(*month(2024, 2))), ""),
        ("Check: Navy P-8s are thought to have flown over Tamaulipas in February 2025",
         both(NAVY, P8, over("tamaulipas"), between(*FEB25)), ""),
        ("Is it true that the RAF apparently flew RC-135s over Sweden in October 2025?",
         both(RAF, RC, over("sweden"), between(*OCT25)), ""),
        ("Anonymous US officials told Reuters that P-8s flew near Texas in February 2025 — true?",
         both(P8, near("texas"), between(*FEB25)), ""),
        ("Check: a Navy U-2 reportedly flew near the border on 3 February 2025",
         both(NAVY, U2, near(BORDER), _day(2025, 2, 3)), ""),
        ("According to Flightradar24, how many Global Hawk flights were there over the Black Sea in October 2025?",
         both(Q4, over("black-sea"), between(*OCT25)), ""),
        ("Sources say Navy P-8s allegedly flew some 18 missions near the border in the ten days to 5 February "
         "2025. True?", both(NAVY, P8, near(BORDER), between(_d(1, 27), _d(2, 5))), "18"),
    ]:
        add("r19-hedge", (text, _claim(o, pred, stated)))
    for text in [
        "According to open-source trackers, a dozen P-8 flights went near California in early 2025 — true?",
        "Check: the RC-135 reportedly flew near Sinaloa to listen to cartel radios",
        "Is it true that the U-2 allegedly flew at 70,000 feet over New Mexico?",
    ]:
        add("r19-hedge", (text, Expect("decline")))


def _headlines(o: Oracle, add: Add) -> None:
    for text, pred, stated in [
        ("Headline: Navy P-8s fly 11 missions off California in January 2025 — true?",
         both(NAVY, P8, near("california"), between(*JAN25)), "11"),
        ("Headline check: U-2 spy plane flies over New Mexico on 3 February 2025",
         both(U2, over("new-mexico"), _day(2025, 2, 3)), ""),
        ("Headline: Four Global Hawk missions over Black Sea in October 2025. Accurate?",
         both(Q4, over("black-sea"), between(*OCT25)), "4"),
        ("Headline: RAF Rivet Joint near Kaliningrad on 21 October 2025 — right?",
         both(RAF, RC, near(KAL), _day(2025, 10, 21)), ""),
        ("Headline: Eleven P-8 flights off Mexico in February 2025",
         both(P8, near("mexico"), between(*FEB25)), "11"),
        ("Headline: US spy plane spotted near Sinaloa on 4 February 2025 — true?",
         both(US, _surv, near("sinaloa"), _day(2025, 2, 4)), ""),
        ("Headline: Global Hawk Drones Over Black Sea In October 2025 — True?",
         both(Q4, over("black-sea"), between(*OCT25)), ""),
        ("Headline: RC-135 Over Baltic Sea On 14 October 2025. Accurate?",
         both(RC, over("baltic-sea"), _day(2025, 10, 14)), ""),
        ("Is this headline right: 'Navy Spy Planes Off California In January 2025'?",
         both(NAVY, _surv, near("california"), between(*JAN25)), ""),
        ("Headline check: 18 US surveillance flights near Mexican border in ten days to 5 February 2025",
         both(US, _surv, near(BORDER), between(_d(1, 27), _d(2, 5))), "18"),
        ("Headline: E-3 AWACS Over Oklahoma On 27 January 2025 — is that right?",
         both(E3, over("oklahoma"), _day(2025, 1, 27)), ""),
    ]:
        add("r19-headline", (text, _claim(o, pred, stated)))
    for text in [
        "Headline: US spy planes swarm Mexican border",
        "Headline check: Navy P-8s blanket the Gulf",
        "Headline: Spy planes buzz Black Sea as tensions rise — true?",
        "Check this headline: US drones stalk Crimea coast",
        "Headline: RAF spy planes hound Kaliningrad. Accurate?",
        "Is this headline fair: 'Pentagon floods border with spy planes'?",
        "Headline check: Border spy flights soar",
        "Headline: Drones keep watch over Black Sea — right?",
        "Headline: American eyes in the sky over Texas",
        "Headline check: Navy P-8s patrol the Gulf in February 2025",
        "Headline: A sky full of spy planes over California — true?",
        "Headline check: Mexico border under US aerial surveillance",
        "Headline: US spy planes swarm Mexican border in February 2025 — true?",
        "Headline check: Spy flights off Baja hit record",
    ]:
        add("r19-headline-decline", (text, Expect("decline")))


def _mixed(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("Is it true that Navy RC-135s flew near Sinaloa on 4 February 2025?",
         both(NAVY, RC, near("sinaloa"), _day(2025, 2, 4))),
        ("Check: an Air Force P-8 flew near California on 27 January 2025",
         both(USAF, P8, near("california"), _day(2025, 1, 27))),
        ("Check: a British RC-135 flew near Kaliningrad on 28 October 2025",
         both(RAF, RC, near(KAL), _day(2025, 10, 28))),
        ("Is it true that an RAF Global Hawk flew over the Black Sea in October 2025?",
         both(RAF, Q4, over("black-sea"), between(*OCT25))),
        ("Check: a US Navy E-3 flew over Oklahoma on 27 January 2025",
         both(NAVY, E3, over("oklahoma"), _day(2025, 1, 27))),
        ("Is it true that a U-2 flew over Texas on 3 February 2025?", both(U2, over("texas"), _day(2025, 2, 3))),
        ("Check: Navy P-8s flew over the Black Sea in October 2025", both(NAVY, P8, over("black-sea"),
                                                                          between(*OCT25))),
    ]:
        add("r19-mixed", (text, o.count(pred)))
    for text, a, b in [
        ("Is it true that a U-2 and an RC-135 flew near the border on 3 February 2025?",
         both(U2, near(BORDER), _day(2025, 2, 3)), both(RC, near(BORDER), _day(2025, 2, 3))),
        ("Check: a P-8 and a Global Hawk flew near California on 5 February 2025",
         both(P8, near("california"), _day(2025, 2, 5)), both(Q4, near("california"), _day(2025, 2, 5))),
    ]:
        add("r19-mixed-two", (text, o.compare(a, b)))
    for text in [
        "Reuters reports 11 P-8 flights near California and 3 U-2 flights near New Mexico in February 2025 — true?",
        "Check: a U-2 flew over New Mexico on 3 February 2025 and over California on 15 February 2024",
        "Check: a Global Hawk flew over the Black Sea on 3 October 2025 and landed at Sigonella",
        "Is it true that Navy P-8s flew 11 missions near Texas in February 2025, more than the Air Force?",
        "Check: an E-3 flew over Oklahoma on 27 January 2025, its first flight of the year",
        "Is it true that a U-2 flew near Texas on 3 February 2025 at 70,000 feet?",
        "Check: 4 Global Hawk flights over the Black Sea in October 2025, up from none a year earlier",
    ]:
        add("r19-mixed-decline", (text, Expect("decline")))


def _relative(o: Oracle, add: Add) -> None:
    p8ca = both(P8, near("california"))
    feb14, feb5, feb12, feb10 = _d(2, 14), _d(2, 5), _d(2, 12), _d(2, 10)
    for text, pred, stated in [
        ("A story from 14 February 2025 says P-8s flew near California last week. How many?",
         both(p8ca, between(*last_week(feb14))), ""),
        ("A story from 14 February 2025 says 18 surveillance flights went near the border this month — true?",
         both(_surv, near(BORDER), between(*this_month(feb14))), "18"),
        ('In an article dated 5 February 2025: "Navy P-8s flew near California this week." How many?',
         both(NAVY, p8ca, between(*this_week(feb5))), ""),
        ("Our 12 February 2025 story says a U-2 flew near the border last week — is that right?",
         both(U2, near(BORDER), between(*last_week(feb12))), ""),
        ("A report published on 10 February 2025 says Global Hawks flew near California last month. How many?",
         both(Q4, near("california"), between(*last_month(feb10))), ""),
        ("A story from 6 February 2025 says 10 surveillance flights went near the border in the past week — true?",
         both(_surv, near(BORDER), between(*past_days(_d(2, 6), 7))), "10"),
        ("A piece from 4 February 2025 says an E-3 flew over Texas yesterday — true?",
         both(E3, over("texas"), between(*past_days(_d(2, 3), 1))), ""),
        ("A Reuters story of 22 October 2025 says RAF RC-135s flew near Kaliningrad last week; how many?",
         both(RAF, RC, near(KAL), between(*last_week(_d(10, 22)))), ""),
        ("A 30 October 2025 article says drones flew over the Black Sea this month — how many?",
         both(_role("drone_recon"), over("black-sea"), between(*this_month(_d(10, 30)))), ""),
        ("A 14 February 2025 story says a U-2 flew near Texas on Monday — true?",
         both(U2, near("texas"), between(*(weekday_on_or_before(feb14, 0),) * 2)), ""),
        ("A story from 7 February 2025 says the RC-135 flew near Sinaloa on Tuesday. Right?",
         both(RC, near("sinaloa"), between(*(weekday_on_or_before(_d(2, 7), 1),) * 2)), ""),
        ("A story from 3 February 2025 says eleven P-8 flights went near California this month — true?",
         both(p8ca, between(*this_month(_d(2, 3)))), "11"),
        ("A 2 February 2025 story says the Navy flew near California last week. How many?",
         both(NAVY, near("california"), between(*last_week(_d(2, 2)))), ""),
        ("A story from 28 October 2025 says Global Hawks flew over the Black Sea in the past two weeks — true?",
         both(Q4, over("black-sea"), between(*past_days(_d(10, 28), 14))), ""),
        ("A story published 20 October 2025 says an RAF RC-135 flew near Kaliningrad last Tuesday — true?",
         both(RAF, RC, near(KAL), between(*(weekday_on_or_before(_d(10, 20), 1, strictly=True),) * 2)), ""),
        ("As of 10 February 2025, how many P-8 flights near California this year?",
         both(p8ca, between(_d(1, 1), feb10)), ""),
        ("In a story from 9 February 2025: \"the U-2 flew near Texas last week.\" Right?",
         both(U2, near("texas"), between(*last_week(_d(2, 9)))), ""),
        ("A story dated 14 February 2025 says there were a dozen surveillance flights near the border last week — "
         "true?", both(_surv, near(BORDER), between(*last_week(feb14))), "12"),
    ]:
        add("r19-relative", (text, _claim(o, pred, stated)))
    for text in [
        "A story from 14 February 2025 says flights near the border tripled last week — true?",
        "A story from 14 February 2025 says P-8s flew near California earlier this month — true?",
        "A story from 14 February 2025 says spy flights near the border were the most since last year — true?",
    ]:
        add("r19-relative-decline", (text, Expect("decline")))


def held_out(o: Oracle, add: Add) -> None:
    """The held-out batch (category ``r19b-``), written after the first batch's fixes and run once before any fix of
    its own: other wrappers, vague amounts, claims, hedges, headlines, changes, mixed claims and story dates."""
    _held_out_vague(o, add)
    _held_out_trends(o, add)
    _held_out_hedges(o, add)
    _held_out_headlines(o, add)
    _held_out_mixed(o, add)
    _held_out_relative(o, add)


HELD_OUT_WRAPPERS = [
    "Fact-check please: {c}.", "Can I write that {c}?", "Would it be fair to say {c}?",
    'We have this line: "{C}". Correct?', "Is this accurate — {c}?", "{C}. Is that what the data shows?",
    "Copy desk asks: {c} — true?", "Our reporter filed: {C}. Does it stand up?",
    "Would the records support saying {c}?", "Lede: {C}. Right?",
]
HELD_OUT_VAGUE = [
    ("upwards of a dozen", "12"), ("nearly two dozen", "24"), ("at least half a dozen", "6"),
    ("fewer than a dozen", "12"), ("about ten", "10"), ("close to 20", "20"), ("over two dozen", "24"),
    ("a handful of", ""), ("dozens of", ""), ("several", ""), ("some two dozen", "24"), ("roughly a dozen", "12"),
    ("in excess of 10", "10"), ("just over a dozen", "12"), ("as many as 20", "20"), ("three or four", "3 4"),
]


def _held_out_vague(o: Oracle, add: Add) -> None:
    claims: list[tuple[str, Pred]] = [
        ("RC-135s flew {n} sorties near Sinaloa in February 2025", both(RC, near("sinaloa"), between(*FEB25))),
        ("{n} Navy patrol flights went off Baja California between 27 January and 5 February 2025",
         both(NAVY, near("baja-california"), between(*STORY))),
        ("US Air Force drones made {n} flights over Arizona in 2025",
         both(USAF, _role("drone_recon"), over("arizona"), between(*Y25))),
        ("{n} surveillance flights were logged near Chihuahua in February 2025",
         both(_surv, near("chihuahua"), between(*FEB25))),
        ("the RAF flew {n} spy missions over Denmark in October 2025", both(RAF, _surv, over("denmark"),
                                                                           between(*OCT25))),
        ("{n} reconnaissance flights passed over the Aegean Sea in October 2025",
         both(_surv, over("aegean-sea"), between(*OCT25))),
        ("{n} P-8 sorties were tracked off California in 2024", both(P8, near("california"), between(*Y24))),
        ("Air Force E-3s flew {n} missions over Texas in January 2025", both(USAF, E3, over("texas"),
                                                                            between(*JAN25))),
    ]
    k = 0
    for i, (claim, pred) in enumerate(claims):
        for j in range(5):
            wrapper = HELD_OUT_WRAPPERS[(i * 3 + j) % len(HELD_OUT_WRAPPERS)]
            words, digits = HELD_OUT_VAGUE[k % len(HELD_OUT_VAGUE)]
            k += 1
            c = claim.format(n=words)
            add("r19b-vague", (wrapper.format(c=c, C=c[0].upper() + c[1:]), _claim(o, pred, *digits.split())))
    for text, pred in [
        ("Did upwards of a dozen P-8s fly off California in January 2025?",
         both(P8, near("california"), between(*JAN25))),
        ("Were there dozens of spy flights near the border in February 2025?",
         both(_surv, near(BORDER), between(*FEB25))),
        ("Did several RC-135 flights go near Kaliningrad in October 2025?", both(RC, near(KAL), between(*OCT25))),
        ("Were there double-digit surveillance flights near the border in the week of 27 January 2025?",
         both(_surv, near(BORDER), between(_d(1, 27), _d(2, 2)))),
        ("Did a few drones fly over the Black Sea in October 2025?",
         both(_role("drone_recon"), over("black-sea"), between(*OCT25))),
        ("Were there between 5 and 10 P-8 flights near California in January 2025?",
         both(P8, near("california"), between(*JAN25))),
        ("Did nearly two dozen flights go near Texas in 2025?", both(near("texas"), between(*Y25))),
        ("Were there more than a couple of U-2 flights in 2025?", both(U2, between(*Y25))),
    ]:
        add("r19b-vague-q", (text, o.count(pred)))


def _held_out_trends(o: Oracle, add: Add) -> None:
    border, rc_kal = both(_surv, near(BORDER)), both(RC, near(KAL))
    navy_ca, p8ca = both(NAVY, near("california")), both(P8, near("california"))
    for text, a, b in [
        ("Is it true that RC-135 flights near Kaliningrad quadrupled from 2024 to 2025?",
         both(rc_kal, between(*Y24)), both(rc_kal, between(*Y25))),
        ("Check: spy flights near the border jumped in February 2025 from January 2025",
         both(border, between(*FEB25)), both(border, between(*JAN25))),
        ("Our draft says P-8 flights off California dropped by half between January and February 2025",
         both(p8ca, between(*JAN25)), both(p8ca, between(*FEB25))),
        ("Is it true that there were three times as many P-8 flights as P-3 flights in 2025?",
         both(P8, between(*Y25)), both(P3, between(*Y25))),
        ("Claim: Navy flights near California plunged from January to February 2025. Accurate?",
         both(navy_ca, between(*JAN25)), both(navy_ca, between(*FEB25))),
        ("Did surveillance flights near Texas soar from 2024 to 2025?",
         both(_surv, near("texas"), between(*Y24)), both(_surv, near("texas"), between(*Y25))),
        ("Is it true that half as many U-2 flights as P-8 flights took place in 2024?",
         both(U2, between(*Y24)), both(P8, between(*Y24))),
        ("Check: Global Hawk flights over the Black Sea in October 2025 were double those of October 2024",
         both(Q4, over("black-sea"), between(*OCT25)), both(Q4, over("black-sea"), between(*month(2024, 10)))),
    ]:
        add("r19b-trend", (text, o.compare(a, b)))
    for text, pred in [
        ("Is it true that surveillance aircraft were near the border nearly every day between 27 January and 5 "
         "February 2025?", both(border, between(*STORY))),
    ]:
        add("r19b-trend-days", (text, _days(o, pred)))
    for text, pred, span in [
        ("Did P-8s fly near California daily from 27 to 30 January 2025?", p8ca, (_d(1, 27), _d(1, 30))),
    ]:
        add("r19b-trend-days", (text, _every_day(o, pred, span)))
    for text in [
        "Is it true that spy flights near the border skyrocketed in February 2025?",
        "Check: P-8 flights off California hit an all-time high in January 2025",
        "Is it true that RC-135 flights near Kaliningrad were at their highest level ever in October 2025?",
        "Check: drone flights over the Black Sea have been increasing steadily",
        "Fact-check: the Navy flew more P-8 missions off California in January 2025 than in any month on record",
        "Is it true that U-2 flights near the border are more frequent than ever?",
        "Check: surveillance flights near Texas rose 25 percent in 2025",
        "Is it true that P-8s flew off California on six straight days?",
        "Check: RAF flights near Kaliningrad nearly doubled",
        "Would it be fair to say spy flights near the border exploded in February 2025?",
    ]:
        add("r19b-trend-decline", (text, Expect("decline")))


def _held_out_hedges(o: Oracle, add: Add) -> None:
    for text, pred, stated in [
        ("RC-135s were reportedly spotted near Sinaloa in February 2025 — true?",
         both(RC, near("sinaloa"), between(*FEB25)), ""),
        ("Is it true that RAF jets are believed to have flown over Denmark in October 2025?",
         both(RAF, over("denmark"), between(*OCT25)), ""),
        ("According to ADS-B Exchange data, how many Global Hawk flights over the Black Sea in October 2025?",
         both(Q4, over("black-sea"), between(*OCT25)), ""),
        ("Check: Navy P-8s allegedly made 11 flights off California in January 2025",
         both(NAVY, P8, near("california"), between(*JAN25)), "11"),
        ("Analysts say a U-2 flew near Texas on 3 February 2025. Correct?", both(U2, near("texas"),
                                                                                 _day(2025, 2, 3)), ""),
        ("It is alleged that an RC-135 flew over the Gulf of California on 4 February 2025 — true?",
         both(RC, over("gulf-of-california"), _day(2025, 2, 4)), ""),
        ("Is it true that, as Flightradar24 showed, a KC-135 flew over Texas on 3 February 2025?",
         both(K35, over("texas"), _day(2025, 2, 3)), ""),
        ("Observers claim that RAF RC-135s flew over Sweden in October 2025 — is that right?",
         both(RAF, RC, over("sweden"), between(*OCT25)), ""),
        ("Check: E-3s were said to have flown over Oklahoma in January 2025",
         both(E3, over("oklahoma"), between(*JAN25)), ""),
        ("Is it true that Global Hawk drones were rumoured to have flown over Greece in October 2025?",
         both(Q4, over("greece"), between(*OCT25)), ""),
        ("A defence source told the BBC that RC-135s flew near Kaliningrad in October 2025 — true?",
         both(RC, near(KAL), between(*OCT25)), ""),
        ("Check: an RAF U-2 reportedly flew over California in February 2024",
         both(RAF, U2, over("california"), between(*month(2024, 2))), ""),
    ]:
        add("r19b-hedge", (text, _claim(o, pred, stated)))


def _held_out_headlines(o: Oracle, add: Add) -> None:
    for text, pred, stated in [
        ("Headline: RAF RC-135s Over Denmark In October 2025 — correct?",
         both(RAF, RC, over("denmark"), between(*OCT25)), ""),
        ("Headline check: P-8 Poseidon flies off California on 27 January 2025",
         both(P8, near("california"), _day(2025, 1, 27)), ""),
        ("Headline: 'Two Global Hawk flights over Greece in October 2025' — accurate?",
         both(Q4, over("greece"), between(*OCT25)), "2"),
        ("Headline: Navy surveillance planes off Baja California in January 2025. True?",
         both(NAVY, _surv, near("baja-california"), between(*JAN25)), ""),
        ("Headline: U-2 Spotted Near Texas On 3 February 2025", both(U2, near("texas"), _day(2025, 2, 3)), ""),
    ]:
        add("r19b-headline", (text, _claim(o, pred, stated)))
    for text in [
        "Headline: Spy planes prowl the US-Mexico border",
        "Headline check: US drones shadow Russian fleet in Black Sea",
        "Headline: RAF spy jets menace Kaliningrad — true?",
        "Headline: Sky over Texas crowded with military jets",
        "Headline check: Pentagon unleashes spy planes on cartels",
        "Headline: Navy P-8s zero in on Baja",
        "Headline: Black Sea becomes drone highway",
        "Headline: Spy planes ring Kaliningrad",
    ]:
        add("r19b-headline-decline", (text, Expect("decline")))


def _held_out_mixed(o: Oracle, add: Add) -> None:
    for text, pred in [
        ("Is it true that an RAF U-2 flew over California in February 2024?",
         both(RAF, U2, over("california"), between(*month(2024, 2)))),
        ("Check: a Navy Global Hawk flew over the Black Sea in October 2025",
         both(NAVY, Q4, over("black-sea"), between(*OCT25))),
        ("Is it true that a US Air Force P-3 flew near California on 31 January 2025?",
         both(USAF, P3, near("california"), _day(2025, 1, 31))),
        ("Check: RAF RC-135s flew over the Baltic Sea on 28 October 2025",
         both(RAF, RC, over("baltic-sea"), _day(2025, 10, 28))),
    ]:
        add("r19b-mixed", (text, o.count(pred)))
    for text, a, b in [
        ("Is it true that a Global Hawk and a P-8 flew near California on 29 January 2025?",
         both(Q4, near("california"), _day(2025, 1, 29)), both(P8, near("california"), _day(2025, 1, 29))),
        ("Check: the RAF and the US Air Force flew RC-135s near Kaliningrad on 21 October 2025",
         both(RAF, RC, near(KAL), _day(2025, 10, 21)), both(USAF, RC, near(KAL), _day(2025, 10, 21))),
        ("Verify: an RC-135 and a U-2 flew near Sinaloa on 4 February 2025",
         both(RC, near("sinaloa"), _day(2025, 2, 4)), both(U2, near("sinaloa"), _day(2025, 2, 4))),
        ("Check: a U-2 flew near Texas on 3 February 2025 and again on 5 February 2025",
         both(U2, near("texas"), _day(2025, 2, 3)), both(U2, near("texas"), _day(2025, 2, 5))),
    ]:
        add("r19b-mixed-two", (text, o.compare(a, b)))
    for text in [
        "Is it true that Navy P-8s flew 11 missions off California in January 2025 and 3 in February?",
        "Check: a U-2 flew over New Mexico on 3 February 2025 after taking off from Beale",
        "Is it true that 4 Global Hawk flights over the Black Sea in October 2025 were twice as many as in "
        "September?",
        "Check: RC-135s flew near Kaliningrad in October 2025 for the first time",
    ]:
        add("r19b-mixed-decline", (text, Expect("decline")))


def _held_out_relative(o: Oracle, add: Add) -> None:
    p8ca, raf_kal = both(P8, near("california")), both(RAF, near(KAL))
    for text, pred, stated in [
        ("A story dated 16 February 2025 says a Global Hawk flew near California last week — true?",
         both(Q4, near("california"), between(*last_week(_d(2, 16)))), ""),
        ("Our 4 February 2025 article says P-8s flew off California this week. How many?",
         both(p8ca, between(*this_week(_d(2, 4)))), ""),
        ("An AP report from 29 October 2025 says RAF flights went near Kaliningrad this month — how many?",
         both(raf_kal, between(*this_month(_d(10, 29)))), ""),
        ("A 1 March 2025 story says surveillance flights went near the border last month. How many?",
         both(_surv, near(BORDER), between(*last_month(_d(3, 1)))), ""),
        ("In a post dated 6 February 2025, an analyst says a U-2 flew near Texas three days ago — true?",
         both(U2, near("texas"), between(_d(2, 3), _d(2, 3))), ""),
        ("A piece published 11 February 2025 says P-8s flew near California in the past 10 days — true?",
         both(p8ca, between(*past_days(_d(2, 11), 10))), ""),
        ("A story from 5 February 2025 says an RC-135 flew near Sinaloa yesterday — true?",
         both(RC, near("sinaloa"), between(_d(2, 4), _d(2, 4))), ""),
        ("As of 31 October 2025, how many RAF flights near Kaliningrad this month?",
         both(raf_kal, between(*this_month(_d(10, 31)))), ""),
        ("A 10 February 2025 report says the E-3 flew over Texas last Sunday — true?",
         both(E3, over("texas"), between(*(weekday_on_or_before(_d(2, 10), 6, strictly=True),) * 2)), ""),
        ("A 14 February 2025 article says a dozen P-8 flights went near California this month — true?",
         both(p8ca, between(*this_month(_d(2, 14)))), "12"),
    ]:
        add("r19b-relative", (text, _claim(o, pred, stated)))
    add("r19b-relative", ("A story from 9 February 2025 says surveillance flights went near the border every day "
                          "last week — true?", _days(o, both(_surv, near(BORDER), between(*last_week(_d(2, 9)))))))
    add("r19b-relative", ("A story from 7 February 2025 says flights near Texas doubled this week compared with last "
                          "week — true?", o.compare(both(near("texas"), between(*this_week(_d(2, 7)))),
                                                    both(near("texas"), between(*last_week(_d(2, 7)))))))
    for text in [
        "A story from 14 February 2025 says P-8s flew near California recently — true?",
        "A story from 14 February 2025 says spy flights near the border have surged this month — true?",
        "A 14 February 2025 story says P-8s flew near California in recent days — true?",
    ]:
        add("r19b-relative-decline", (text, Expect("decline")))
