"""The parse table: questions → the typed query, without a database (Zulip's ``verify_dialog`` idea). The shared
reader's built-in seed vocabulary is injected (``claims.nlp.vocabulary.default_vocabulary``), so this runs in
milliseconds and checks only the reading: intents, scopes, comparison sides, rankings, follow-up merges,
corrections and what is not understood."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.nlu.parse import parse_question
from bot.nlu.query import BotQuery, Intent
from bot.nlu.vocab import build_vocab
from claims.nlp.vocabulary import default_vocabulary

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
VOCABULARY = default_vocabulary()
VOCAB = build_vocab(VOCABULARY, article_outlets=["The Desert Ledger"])


def parse(text: str, previous: BotQuery | None = None) -> BotQuery:
    return parse_question(text, now=NOW, previous=previous, vocab=VOCAB, vocabulary=VOCABULARY)


def regions(rfs: Any) -> str:
    return ",".join(f"{r.relation}{'' if r.distance_nm is None else f'{r.distance_nm:g}'}:{r.slug}" for r in rfs)


#: (question, intent, checks): "types", "regions", "and", "period" ("start/end"), "other" (the other side's
#: "types|regions|period" value), "by", "rank", "nu" (a word that must be reported as not understood),
#: "corr" (a correction "from>to"), "decline".
TABLE: list[tuple[str, Intent, dict[str, str]]] = [
    ("more P-8 or U-2 missions in February 2025?", Intent.COMPARE, {"types": "P8", "other": "types:U2"}),
    ("were there more missions near Arizona or near California?", Intent.COMPARE,
     {"regions": "near:arizona", "other": "regions:near:california"}),
    ("how many missions in January or February 2025?", Intent.COMPARE,
     {"period": "2025-01-01/2025-01-31", "other": "period:2025-02-01/2025-02-28"}),
    ("how many missions in January and February 2025?", Intent.COUNT, {"period": "2025-01-01/2025-02-28"}),
    ("which day had the most missions?", Intent.BREAKDOWN, {"by": "day", "rank": "1"}),
    ("busiest month in 2024", Intent.BREAKDOWN, {"by": "month", "rank": "1", "period": "2024-01-01/2024-12-31"}),
    ("most common type near Texas", Intent.BREAKDOWN, {"by": "type", "rank": "1", "regions": "near:texas"}),
    ("top 3 states for P-8 flights", Intent.BREAKDOWN, {"by": "region", "rank": "1", "types": "P8"}),
    ("which ones?", Intent.UNKNOWN, {"nu": "", "corr": ""}),
    ("how many missions before February 2025?", Intent.COUNT, {"period": "1990-01-01/2025-01-31"}),
    ("how many missions after March 1, 2025?", Intent.COUNT, {"period": "2025-03-02/2026-11-24"}),
    ("how many missions in the week before 5 February 2025?", Intent.COUNT, {"nu": "week before"}),
    ("how many missions in the 10 days before 5 February 2025?", Intent.COUNT, {"period": "2025-01-26/2025-02-04"}),
    ("how many missions in international airspace off Texas?", Intent.COUNT,
     {"regions": "over:international-airspace", "and": "near:texas"}),
    ("how many e3 missions?", Intent.COUNT, {"types": "E3TF,E3CF", "corr": "e3>E-3"}),
    ("how many p8 missions?", Intent.COUNT, {"types": "P8"}),
    ("why did the RC-135 fly over Sinaloa?", Intent.UNKNOWN, {"decline": "why"}),
    ("how many missions in Q1 2025?", Intent.COUNT, {"period": "2025-01-01/2025-03-31"}),
    ("how many missions in the first quarter?", Intent.COUNT, {"period": "2026-01-01/2026-03-31"}),
    ("what types of aircraft flew near Texas?", Intent.BREAKDOWN, {"by": "type", "regions": "near:texas"}),
    ("how many flights other than P-8s in 2024?", Intent.COUNT, {"types": "", "excluded": "P8"}),
    ("how many missions passed within 20 NM of Texas?", Intent.COUNT, {"regions": "near20:texas"}),
    ("how many missions near Narnia?", Intent.COUNT, {"nu": "Narnia"}),
    ("how many Texs missions near zeppelins?", Intent.COUNT, {"nu": "zeppelins"}),
    ("what did ae6801 fly in February?", Intent.LIST, {"identity": "ae6801"}),
    ("how many flights by PELCN11?", Intent.COUNT, {"identity": "PELCN11"}),
    # found by the independent oracle (tests/bot_core/oracle.py)
    ("number of P-3 flights the week of 27 January 2025", Intent.COUNT,
     {"period": "2025-01-27/2025-02-02", "corr": "the week of 27 January 2025>between 27 January 2025 and 2 February "
                                                 "2025 (the seven days from that day)"}),
    ("E-3 flights since the start of 2025?", Intent.COUNT, {"types": "E3TF,E3CF", "period": "2025-01-01/2026-11-24"}),
    ("how many missions since the beginning of the year?", Intent.COUNT, {"period": "2026-01-01/2026-11-24"}),
    ("how many e3 missions until the end of 2024?", Intent.COUNT, {"period": "1990-01-01/2024-12-31"}),
    ("how about 2024?", Intent.COUNT, {"period": "2024-01-01/2024-12-31", "nu": ""}),
    ("what about around 3 February 2025?", Intent.COUNT, {"nu": "around"}),
    ("count the surveillance flights other than P-8s in 2024", Intent.COUNT, {"types": "", "excluded": "P8",
                                                                              "surv": "1"}),
    ("how many flights except P-8s and U-2s in 2025?", Intent.COUNT, {"types": "", "excluded": "P8,U2"}),
    ("list flights by callsign PELCN11", Intent.LIST, {"identity": "PELCN11", "nu": ""}),
    ("how many flights by registration 168754?", Intent.COUNT, {"identity": "168754", "nu": ""}),
    ("which surveillance aircraft flew near Texas in 2024?", Intent.WHICH_AIRCRAFT, {"regions": "near:texas"}),
    ("how many distinct aircraft flew near Texas?", Intent.WHICH_AIRCRAFT, {"regions": "near:texas"}),
    ("how many missions near Texas and Arizona?", Intent.COUNT, {"regions": "near:texas,near:arizona",
                                                                "note": "either place"}),
    ("how many missions near both Texas and Arizona?", Intent.COUNT, {"regions": "near:texas", "and": "near:arizona"}),
    ("near Texas vs near Arizona in 2025", Intent.COMPARE, {"regions": "near:texas",
                                                            "other": "regions:near:arizona"}),
    ("Navy or Air Force: who flew more near Texas?", Intent.COMPARE, {"regions": "near:texas"}),
    ("which aircraft type was most common in October 2025?", Intent.BREAKDOWN, {"by": "type", "rank": "1"}),
    ("how did February 2025 compare with the 2024 monthly average?", Intent.COMPARE,
     {"period": "2025-02-01/2025-02-28", "other": "period:2024-01-01/2024-12-31", "baseline": "month"}),
    ("how did February 2025 compare with the monthly average?", Intent.COMPARE, {"nu": "which year the average"}),
    ("surveillance flights in 2026 compared with the 2026 monthly average", Intent.COMPARE, {"nu": "not over yet"}),
    ("how many missions off the coast of California?", Intent.COUNT, {"regions": "near:california", "nu": ""}),
    ("Did surveillance flights go up between January and February 2025?", Intent.COMPARE,
     {"period": "2025-01-01/2025-01-31", "other": "period:2025-02-01/2025-02-28"}),
    ("Has the number of P-8 flights increased from 2024 to 2025?", Intent.COMPARE,
     {"period": "2024-01-01/2024-12-31", "other": "period:2025-01-01/2025-12-31"}),
    ("list the last 3 P-8 missions", Intent.WHEN, {"types": "P8", "top": "3", "nu": ""}),
    ("the 5 most recent surveillance flights near Texas", Intent.WHEN, {"top": "5", "nu": ""}),
    ("which 3 days had the most flights in February 2025?", Intent.BREAKDOWN, {"by": "day", "rank": "1", "top": "3"}),
    ("how many flights in the last quarter of 2025?", Intent.COUNT, {"period": "2025-10-01/2025-12-31"}),
    ("how many flights in January and October 2025?", Intent.COMPARE,
     {"period": "2025-01-01/2025-01-31", "other": "period:2025-10-01/2025-10-31"}),
    ("how many P-8 flights in January 2025 and how many in February 2025?", Intent.COMPARE,
     {"period": "2025-01-01/2025-01-31", "other": "period:2025-02-01/2025-02-28"}),
    ("how many missions before 3 February 2025 in 2025?", Intent.COUNT, {"nu": "not one range"}),
    ("were there more flights in 2025?", Intent.COMPARE, {"nu": "than what"}),
    ("how many P-8 and U-2 flights in fall 2025?", Intent.COUNT, {"nu": "fall"}),
    ("how many flights in January, February and March 2025?", Intent.COUNT, {"period": "2025-01-01/2025-03-31"}),
    # oracle round 6: wrong answers before (a quarter after its year, "through the end of" a month, a date given
    # roughly)
    ("how many flights in 2025 Q4?", Intent.COUNT, {"period": "2025-10-01/2025-12-31"}),
    ("how many U-2 flights in 2024's third quarter?", Intent.COUNT, {"period": "2024-07-01/2024-09-30"}),
    ("how many flights through the end of January 2025?", Intent.COUNT, {"period": "1990-01-01/2025-01-31"}),
    ("how many flights until the end of March 2025?", Intent.COUNT, {"period": "1990-01-01/2025-03-31"}),
    ("how many flights around 3 February 2025?", Intent.COUNT, {"nu": "around"}),
    ("how many P-8 flights about mid-February 2025?", Intent.COUNT, {"nu": "about"}),
    ("how many flights near the US-Mexico border?", Intent.COUNT, {"regions": "near:us-mexico-border", "nu": ""}),
    ("how many flights around Arizona in 2025?", Intent.COUNT, {"regions": "near:arizona", "nu": ""}),
    # oracle round 6: declined before (spaced designators, bombers, polite wrappers, "throughout", "break down")
    ("how many rc 135 flights in 2025?", Intent.COUNT, {"types": "R135", "corr": "rc 135>RC-135", "nu": ""}),
    ("how many flights at 6 in the morning?", Intent.COUNT, {"types": ""}),
    ("how many bombers flew near Texas in 2025?", Intent.COUNT, {"roles": "bomber", "nu": ""}),
    ("I'd like to know the number of U-2 flights near Texas", Intent.COUNT, {"types": "U2", "nu": ""}),
    ("quick q: how many RC-135s flew near Texas?", Intent.COUNT, {"types": "R135", "nu": ""}),
    ("Could you check how many P-8 flights there were in 2024?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("how many flights throughout 2024?", Intent.COUNT, {"period": "2024-01-01/2024-12-31", "nu": ""}),
    ("break down the February 2025 flights by operator", Intent.BREAKDOWN, {"by": "operator", "nu": ""}),
    ("how many flights the weekend of 1 February 2025?", Intent.COUNT, {"period": "2025-02-01/2025-02-02", "nu": ""}),
    ("how many flights over the weekend of Feb 2, 2025?", Intent.COUNT, {"period": "2025-02-01/2025-02-02"}),
    ("how many flights the weekend of 3 February 2025?", Intent.COUNT, {"nu": "weekend"}),
    ("more drone flights or RC-135 flights in October 2025?", Intent.COMPARE,
     {"roles": "drone_recon", "other": "types:R135", "nu": ""}),
    ("were there fewer U-2 or E-3 flights in 2024?", Intent.COMPARE,
     {"types": "U2", "other": "types:E3TF,E3CF", "nu": ""}),
    ("more spy planes or tankers in 2025?", Intent.COMPARE, {"surv": "1", "nu": ""}),
    # held-out batch of round 6: declined before
    ("How many P-8 flights were there in January and February of 2025?", Intent.COUNT,
     {"period": "2025-01-01/2025-02-28", "nu": ""}),
    ("how many flights in January and March of 2025?", Intent.COUNT, {"nu": "not one range"}),
    ("how many Global Hawk drone flights in 2025?", Intent.COUNT, {"types": "Q4", "nu": ""}),
    ("how many P-8 drone flights in 2025?", Intent.COUNT, {"nu": "drone"}),
    ("how many unmanned flights in 2025?", Intent.COUNT, {"roles": "drone_recon", "nu": ""}),
    # third batch of round 6 (traps): wrong before — a distance rounded to 0.1 nm, a distance bound turned around,
    # a definite number of missions; then two declines
    ("how many flights within 50 miles of Arizona?", Intent.COUNT, {"regions": "near43.4488:arizona"}),
    ("how many flights more than 20 nm from Texas?", Intent.COUNT, {"nu": "more than"}),
    ("how many flights over 20 nm from Texas?", Intent.COUNT, {"nu": "over"}),
    ("how many flights within 20 nm of Texas?", Intent.COUNT, {"regions": "near20:texas", "nu": ""}),
    ("how many of the 18 missions were P-8s?", Intent.COUNT, {"nu": "the 18"}),
    ("were there at least 11 P-8 missions in February 2025?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("how many flights in the 2024 calendar year?", Intent.COUNT, {"period": "2024-01-01/2024-12-31", "nu": ""}),
    ("when did the first P-8 flight in February 2025 take place?", Intent.WHEN, {"types": "P8", "nu": ""}),
    ("how many flights with more than one orbit?", Intent.COUNT, {"nu": "more than one"}),
    ("how many flights less than 10 nm from Texas?", Intent.COUNT, {"regions": "near10:texas", "nu": ""}),
    ("how many flights up to 31 January 2025?", Intent.COUNT, {"period": "1990-01-01/2025-01-31", "nu": ""}),
    ("how many flights in the same month last year?", Intent.COUNT, {"nu": "same month"}),
    ("how many flights near Texas over the same days in 2024?", Intent.COUNT, {"nu": "same days"}),
    ("how many flights by each P-8?", Intent.COUNT, {"nu": "P-8 after"}),
    ("how many flights per P-8 in 2025?", Intent.COUNT, {"nu": "P-8 after"}),
    ("list every RC-135 sortie near Texas", Intent.LIST, {"types": "R135", "nu": ""}),
    ("how many flights near Texas since last year?", Intent.COUNT, {"nu": "since"}),
    ("and in total?", Intent.UNKNOWN, {"nu": "in total"}),
    ("which P-8 flew the most in 2025?", Intent.WHICH_AIRCRAFT, {"nu": "the most"}),
    ("were there as many U-2 flights as E-3 flights in 2025?", Intent.COMPARE,
     {"types": "U2", "other": "types:E3TF,E3CF", "nu": ""}),
    ("did the Navy fly as often as the Air Force in 2024?", Intent.COMPARE, {"nu": ""}),
    ("where did the P-8s fly in 2025?", Intent.COUNT, {"nu": "where"}),
    ("how close did the U-2 get to Texas?", Intent.CLOSEST, {"types": "U2", "nu": ""}),  # was declined
    ("which operator flew the most surveillance flights in 2025?", Intent.BREAKDOWN, {"by": "operator", "nu": ""}),
    ("what was the most recent P-8 flight?", Intent.WHEN, {"nu": ""}),
    # round 13: a number of days is answered (was declined: the count would have been of missions)
    ("how many days had flights in February 2025?", Intent.COUNT, {"nu": "", "which": "days"}),
    ("on how many days did P-8s fly in 2025?", Intent.COUNT, {"nu": "", "types": "P8", "which": "days"}),
    ("how many days in January 2025 had no P-8 flights?", Intent.COUNT, {"nu": "", "types": "P8",
                                                                          "which": "empty_days"}),
    ("how many days had no flights?", Intent.COUNT, {"nu": "of which period"}),
    # found by probing: a duration, and days with some missions and without others, are not a number of days
    ("how many days did the U-2 mission on 3 February 2025 last?", Intent.COUNT, {"nu": "how many days",
                                                                                  "which": ""}),
    ("how many days had P-8 flights but no U-2 flights in February 2025?", Intent.COUNT,
     {"nu": "some missions and without others"}),
    # found by probing: "the second most" was answered with the first; "which two … the least" named one
    ("which operator flew the second most in 2025?", Intent.BREAKDOWN, {"nu": "second"}),
    ("the second busiest month of 2025", Intent.BREAKDOWN, {"nu": "second"}),
    ("which two operators flew the least in 2025?", Intent.BREAKDOWN, {"nu": "", "which": "least", "top": "2"}),
    # round 13 held-out: two places joined by "with" in a comparison are its two sides (was "the two things")
    ("compare flights over Texas with flights near Arizona in 2025", Intent.COMPARE,
     {"nu": "", "regions": "over:texas", "other": "regions:near:arizona"}),
    # found by the whole oracle: "every how many days" asks an interval, not a number of days
    ("how often do P-8s fly near Texas, every how many days?", Intent.COUNT, {"nu": "how many days",
                                                                             "which": ""}),
    ("rank the operators", Intent.BREAKDOWN, {"nu": "", "by": "operator", "rank": "1", "top": "999"}),
    ("Sort the aircraft types by how often they flew in 2024", Intent.BREAKDOWN, {"nu": "", "by": "type",
                                                                                 "top": "999"}),
    ("which type flew the highest in October 2025?", Intent.BREAKDOWN, {"nu": "flew the highest"}),
    ("least common type in 2025", Intent.BREAKDOWN, {"nu": "", "by": "type", "which": "least"}),
    ("the quietest week", Intent.BREAKDOWN, {"nu": "of which period"}),
    ("Who flew the most missions near Texas?", Intent.BREAKDOWN, {"nu": "", "by": "operator", "rank": "1"}),
    ("what were the three most-flown types in 2025?", Intent.BREAKDOWN, {"nu": "", "by": "type", "top": "3"}),
    # round 13 held-out: whole rankings said other ways, and "tops the list" (were declined)
    ("order the months of 2024 by number of flights", Intent.BREAKDOWN, {"nu": "", "by": "month", "top": "999"}),
    ("Put the operators in order, most flights first, for 2025", Intent.BREAKDOWN, {"nu": "", "by": "operator",
                                                                                   "top": "999"}),
    ("Give me a league table of aircraft types for October 2025", Intent.BREAKDOWN, {"nu": "", "by": "type",
                                                                                    "top": "999"}),
    ("Which service tops the list near Texas?", Intent.BREAKDOWN, {"nu": "", "by": "operator", "top": "1"}),
    ("top operator in 2025", Intent.BREAKDOWN, {"nu": "", "by": "operator", "top": "1"}),
    ("the most popular aircraft type in 2025", Intent.BREAKDOWN, {"nu": "", "by": "type", "top": "1"}),
    ("how many flights a month in 2024?", Intent.COUNT, {"nu": "a month"}),
    ("how many flights a day in February 2025?", Intent.COUNT, {"nu": "a day"}),
    ("how many flights per day in February 2025?", Intent.BREAKDOWN, {"by": "day", "nu": ""}),
    ("how many flights in the last 30 days?", Intent.COUNT, {"nu": ""}),
    # a nationality is the operators of that country (round 7: was declined, see bot/nlu/nations.py)
    ("how many US military flights in 2025?", Intent.COUNT, {"ops": "us-air-force,us-navy,usmc", "nu": ""}),
    ("how many U.S. flights?", Intent.COUNT, {"ops": "us-air-force,us-navy,usmc", "nu": ""}),
    ("how many US surveillance flights near Texas?", Intent.COUNT, {"ops": "us-air-force,us-navy,usmc", "nu": ""}),
    ("how many flights near Texas in 2025 were American?", Intent.COUNT, {"ops": "us-air-force,us-navy,usmc"}),
    ("how many US Navy flights?", Intent.COUNT, {"ops": "us-navy", "nu": ""}),
    ("how many US Navy P-8s and American drones?", Intent.COUNT, {"nu": "American"}),  # beside a named operator
    ("how many CENTCOM flights in 2025?", Intent.COUNT, {"nu": "CENTCOM"}),  # a command: the services own the jets
    ("how many US Navy flights in 2025?", Intent.COUNT, {"nu": ""}),
    ("how many flights over the US in 2025?", Intent.COUNT, {"regions": "over:united-states", "nu": ""}),
    ("can you tell us how many P-8 flights in 2025?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("how many over?", Intent.UNKNOWN, {"nu": "over"}),
    ("did the U-2 fly over Texas or just near it?", Intent.COUNT, {"nu": "near it"}),
    ("total surveillance flights in 2025", Intent.COUNT, {"nu": ""}),
    ("how many flights in the year to February 2025?", Intent.COUNT, {"nu": "year to"}),
    ("how many P-8 flights between the U-2 flight and the RC-135 flight?", Intent.COUNT, {"nu": "between"}),
    ("how many flights between Texas and Arizona?", Intent.COUNT, {"nu": "between"}),
    ("how many flights near Texas during the week?", Intent.COUNT, {"nu": "during the week"}),
    ("how many flights between 1 and 3 February 2025?", Intent.COUNT, {"period": "2025-02-01/2025-02-03", "nu": ""}),
    ("how many flights near Texas in 2024 or 2025?", Intent.COMPARE,
     {"period": "2024-01-01/2024-12-31", "other": "period:2025-01-01/2025-12-31", "nu": ""}),
    # oracle round 7 (docs/QUALITY.md "Round 7"): chat markup, sign-offs and greetings change nothing
    ("<@U02AB> how many P-8 flights near Texas in 2025? :eyes: <https://x.com/a|story> thx", Intent.COUNT,
     {"types": "P8", "regions": "near:texas", "nu": ""}),
    ("> someone said drones\nhow many U-2 flights in 2024?", Intent.COUNT, {"types": "U2", "nu": ""}),
    ("Morning! quick one - how many U-2 flights in 2024? cheers", Intent.COUNT, {"types": "U2", "nu": ""}),
    ("*how many* U-2 flights in 2024?", Intent.COUNT, {"types": "U2", "nu": ""}),
    ("_how many_ U-2 flights in 2024 ty", Intent.COUNT, {"types": "U2", "nu": ""}),
    ("HOW MANY NAVY FLIGHTS NEAR TEXAS IN OCTOBER 2025?", Intent.COUNT,
     {"regions": "near:texas", "period": "2025-10-01/2025-10-31", "nu": ""}),
    # dates as typed in chat
    ("how many P-8 flights in Feb '25?", Intent.COUNT, {"period": "2025-02-01/2025-02-28", "corr": "'25>2025"}),
    ("how many flights over Texas in Oct-2025?", Intent.COUNT, {"period": "2025-10-01/2025-10-31", "nu": ""}),
    ("how many flights in the last fortnight?", Intent.COUNT, {"period": "2026-11-11/2026-11-24", "nu": ""}),
    ("how many flights this past weekend?", Intent.COUNT, {"period": "2026-11-21/2026-11-22", "nu": ""}),
    ("how many flights over the weekend?", Intent.COUNT, {"period": "2026-11-21/2026-11-22", "nu": ""}),
    ("how many flights in the year before last?", Intent.COUNT, {"period": "2024-01-01/2024-12-31", "nu": ""}),
    ("how many flights on Tuesday 4 February 2025?", Intent.COUNT, {"period": "2025-02-04/2025-02-04", "nu": ""}),
    ("how many flights on Monday 4 February 2025?", Intent.COUNT, {"nu": "periods"}),
    ("how many flights 5 days ago?", Intent.COUNT, {"period": "2026-11-19/2026-11-19", "nu": ""}),
    # words that were dropped silently (wrong answers before)
    ("how many flights from Texas to Arizona?", Intent.COUNT, {"nu": "from Texas"}),
    ("how many flights flew to Texas in 2025?", Intent.COUNT, {"nu": "to Texas"}),  # a destination: was near Texas
    ("how many flights close to Texas?", Intent.COUNT, {"regions": "near:texas", "nu": ""}),
    ("how many flights this time last year?", Intent.COUNT, {"nu": "this time"}),
    ("how many flights a month ago?", Intent.COUNT, {"nu": "a month ago"}),
    ("will the P-8 fly near Texas again?", Intent.COUNT, {"nu": "will"}),
    ("how many flights in Oct 25?", Intent.COUNT, {"nu": "Oct 25"}),
    # crossing verbs, operators left out, a trend from one month to the next
    ("how many drones crossed into Mexican airspace?", Intent.COUNT, {"regions": "over:mexico", "nu": ""}),
    ("how many flights crossed over Texas in 2025?", Intent.COUNT, {"regions": "over:texas", "nu": ""}),
    ("how many flights near Texas excluding the Navy?", Intent.COUNT, {"xops": "us-navy", "nu": ""}),
    ("how many non-Navy flights near Texas?", Intent.COUNT, {"xops": "us-navy", "nu": ""}),
    ("how many flights near Texas not flown by the Navy?", Intent.COUNT, {"xops": "us-navy", "nu": ""}),
    ("how many flights other than Navy P-8s in 2025?", Intent.COUNT, {"nu": "other"}),  # not "P-8s of others"
    # the held-out batch of round 7
    ("how many flights near Texas at least twice a week?", Intent.COUNT, {"nu": "twice a week"}),  # was all time
    ("how many flights near Texas once a month?", Intent.COUNT, {"nu": "once a month"}),
    ("<!here> how many P-8 flights near Texas in 2025?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("FYI how many flights over Texas in Oct 2025", Intent.COUNT, {"period": "2025-10-01/2025-10-31", "nu": ""}),
    ("Hello! How many P-8 flights near Texas in 2025? Many thanks", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("how many flights approached Texas in 2025?", Intent.COUNT, {"regions": "near:texas", "nu": ""}),
    ("how many flights in 10/2025?", Intent.COUNT, {"period": "2025-10-01/2025-10-31", "nu": ""}),
    ("how many flights during the first 10 days of October 2025?", Intent.COUNT,
     {"period": "2025-10-01/2025-10-10", "nu": ""}),
    ("how many flights in the last 7 days of February 2025?", Intent.COUNT,
     {"period": "2025-02-22/2025-02-28", "nu": ""}),
    ("how many flights near Texas from the 7th to the 14th of October 2025?", Intent.COUNT,
     {"period": "2025-10-07/2025-10-14", "nu": ""}),
    ("how many flights the day before yesterday?", Intent.COUNT, {"period": "2026-11-22/2026-11-22", "nu": ""}),
    ("how many flights near Texas without the Navy?", Intent.COUNT, {"xops": "us-navy", "nu": ""}),
    # found by probing: a list of operators left out (the second was asked for), one named twice, a year in a quarter
    ("how many flights excluding the Navy and the Air Force?", Intent.COUNT,
     {"xops": "us-navy,us-air-force", "nu": ""}),
    ("how many flights near Texas apart from Navy and CBP?", Intent.COUNT, {"xops": "us-navy,cbp", "nu": ""}),
    ("how many Navy flights excluding the Navy?", Intent.COUNT, {"nu": "excluding"}),
    # "aircraft" alone is an airframe or a type: was the type ranking / breakdown
    ("which aircraft flew most near Texas?", Intent.WHICH_AIRCRAFT, {"nu": "most"}),
    ("how many flights near Texas per aircraft?", Intent.COUNT, {"nu": "per aircraft"}),
    ("flights by aircraft type in 2024", Intent.BREAKDOWN, {"by": "type", "nu": ""}),
    ("how many flights near Texas in Q1 '25?", Intent.COUNT, {"period": "2025-01-01/2025-03-31", "nu": ""}),
    ("how many flights in H2 2025?", Intent.COUNT, {"nu": "H2"}),
    # found by probing after the held-out batch: a height read as a distance that bounds no place (was dropped)
    ("how many flights near Texas at 30000 feet?", Intent.COUNT, {"nu": "30000 feet"}),
    ("how many flights near Texas 2 miles up?", Intent.COUNT, {"nu": "2 miles"}),
    ("how many flights within 20 km of Texas?", Intent.COUNT, {"nu": ""}),
    # …and words that named something the question does not define (were dropped: the count of the rest)
    ("how many flights near Texas by the same aircraft?", Intent.COUNT, {"nu": "same aircraft"}),
    ("how many flights near Texas since the U-2 flight?", Intent.COUNT, {"nu": "since the U-2"}),  # was U-2s only
    ("how many flights near Texas on the day of the U-2 flight?", Intent.COUNT, {"nu": "day of the U-2"}),
    ("how many flights near Texas out of all flights?", Intent.COUNT, {"nu": "out of all"}),
    ("how many P-8s and how many U-2s near Texas?", Intent.COMPARE,
     {"types": "P8", "other": "types:U2", "nu": ""}),  # was the sum
    ("did P-8 flights near Texas go up from January to February 2025?", Intent.COMPARE,
     {"period": "2025-01-01/2025-01-31", "other": "period:2025-02-01/2025-02-28", "nu": ""}),
    # round 8: words a reader dropped (each was answered without them)
    ("which aircraft flew more than 3 missions near Texas?", Intent.WHICH_AIRCRAFT, {"nu": "more than 3"}),
    ("how many flights over Texas during the day?", Intent.COUNT, {"nu": "during the day"}),
    ("how many flights near Texas overnight?", Intent.COUNT, {"nu": "overnight"}),
    ("how many flights near Texas on a Tuesday?", Intent.COUNT, {"nu": "a Tuesday"}),  # was today, a Tuesday
    ("how many flights near Texas per Navy aircraft?", Intent.COUNT, {"nu": "per Navy aircraft"}),
    ("what is a P-8?", Intent.COUNT, {"nu": "what is a P-8"}),  # was the count of P-8 flights
    ("what does RC-135 stand for?", Intent.COUNT, {"nu": "stand for"}),
    ("how many flights on 2025-13-01?", Intent.COUNT, {"nu": "2025-13-01"}),  # was 13 January 2025
    ("who flew the P-8 missions near Texas?", Intent.BREAKDOWN, {"by": "operator", "nu": ""}),  # was the airframes
    # round 8: terse periods, wrappers and negations that were declined
    ("tankers 2025?", Intent.COUNT, {"period": "2025-01-01/2025-12-31", "nu": ""}),
    ("usaf flights 2024 total", Intent.COUNT, {"ops": "us-air-force", "period": "2024-01-01/2024-12-31", "nu": ""}),
    ("P-8 flights near Texas feb?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("p8 count 2024 vs 2025", Intent.COMPARE, {"period": "2024-01-01/2024-12-31",
                                               "other": "period:2025-01-01/2025-12-31", "nu": ""}),
    ("how many flights on Feb 3, 2025?", Intent.COUNT, {"period": "2025-02-03/2025-02-03", "nu": ""}),
    ("how many flights last October?", Intent.COUNT, {"period": "2026-10-01/2026-10-31", "nu": ""}),  # not "in Oct"
    ("how many flights year to date?", Intent.COUNT, {"period": "2026-01-01/2026-11-24", "nu": ""}),
    ("how many flights last quarter?", Intent.COUNT, {"period": "2026-07-01/2026-09-30", "nu": ""}),
    ("how many flights over the course of 2024?", Intent.COUNT, {"period": "2024-01-01/2024-12-31", "nu": ""}),
    ("how many flights for the whole of 2025?", Intent.COUNT, {"period": "2025-01-01/2025-12-31", "nu": ""}),
    ("how many flights in 2024 and 2025 combined?", Intent.COUNT, {"period": "2024-01-01/2025-12-31", "nu": ""}),
    ("Can I ask how many P-8 flights near Texas in 2025?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("Out of curiosity, how many flights went over Texas in 2025?", Intent.COUNT, {"regions": "over:texas", "nu": ""}),
    ("I need the number of flights near Arizona in 2024 for a graphic", Intent.COUNT,
     {"regions": "near:arizona", "nu": ""}),
    ("hey, quick sanity check: P-8s near Texas in Jan 2025, how many?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("how many flights operated by the Navy in 2025?", Intent.COUNT, {"ops": "us-navy", "nu": ""}),
    ("how many flights near Texas that were not P-8s?", Intent.COUNT, {"excluded": "P8", "nu": ""}),
    ("how many flights over Texas that weren't Navy?", Intent.COUNT, {"xops": "us-navy", "nu": ""}),
    ("how many e3s in 2025?", Intent.COUNT, {"types": "E3TF,E3CF", "corr": "e3s>E-3s", "nu": ""}),
    ("surveillance flts near Texas in 2025", Intent.COUNT, {"surv": "1", "nu": ""}),
    ("pull up the P-8 missions over Texas", Intent.LIST, {"types": "P8", "nu": ""}),
    # round 8's held-out batch: each was answered without the words
    ("2025 P-8 flights near Texas?", Intent.COUNT, {"period": "2025-01-01/2025-12-31", "nu": ""}),  # was all time
    ("how many flights near Texas with a tanker nearby?", Intent.COUNT, {"nu": "with a tanker"}),  # was tankers
    ("what is the RC-135?", Intent.COUNT, {"nu": "what is the RC-135"}),  # was the count of RC-135 flights
    ("who is the Navy?", Intent.COUNT, {"nu": "who is the Navy"}),
    ("what is the number of P-8 flights near Texas?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("how many flights in the first quarter of last year?", Intent.COUNT,
     {"period": "2025-01-01/2025-03-31", "nu": ""}),
    ("how many flights in Jan-Feb 2025?", Intent.COUNT, {"period": "2025-01-01/2025-02-28", "nu": ""}),
    ("how many flights in the year 2024?", Intent.COUNT, {"period": "2024-01-01/2024-12-31", "nu": ""}),
    ("how many flights in calendar 2025?", Intent.COUNT, {"period": "2025-01-01/2025-12-31", "nu": ""}),
    ("how many flights on Christmas Day 2024?", Intent.COUNT, {"period": "2024-12-25/2024-12-25", "nu": ""}),
    ("how many flights in the second week of February 2025?", Intent.COUNT,
     {"period": "2025-02-08/2025-02-14", "nu": ""}),
    ("tally of P-8 flights near Texas", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("how many flights near Texas in or after February 2025?", Intent.COUNT,
     {"period": "2025-02-01/2026-11-24", "nu": ""}),  # was from 1 March 2025
    ("how many flights near Texas in or before 2024?", Intent.COUNT, {"period": "1990-01-01/2024-12-31", "nu": ""}),
    ("how many flights near Texas on or before 3 February 2025?", Intent.COUNT,
     {"period": "1990-01-01/2025-02-03", "nu": ""}),  # was up to 2 February
    ("how many flights near Texas on or after 3 February 2025?", Intent.COUNT,
     {"period": "2025-02-03/2026-11-24", "nu": ""}),
    ("how many flights since Christmas?", Intent.COUNT, {"period": "2025-12-25/2026-11-24", "nu": ""}),
    ("how many flights near Texas last Christmas?", Intent.COUNT, {"period": "2025-12-25/2025-12-25", "nu": ""}),
    ("how many flights since New Year?", Intent.COUNT, {"period": "2026-01-01/2026-11-24", "nu": ""}),
    ("P-8 activity near Texas in 2025: how many flights?", Intent.COUNT, {"types": "P8", "nu": ""}),
    # found by probing after the held-out batch: a yes/no threshold is answered by the count (was "more than what?")
    ("did more than 10 flights go near Texas in 2025?", Intent.COUNT, {"regions": "near:texas", "nu": ""}),
    ("were there at least 3 P-8 flights near Texas?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("were there more P-8 flights near Texas?", Intent.COMPARE, {"nu": "more or fewer than what"}),
    ("were there 18 missions near Texas in February 2025?", Intent.COUNT, {"regions": "near:texas", "nu": ""}),
    ("how many 18 missions near Texas?", Intent.COUNT, {"nu": "18 missions"}),
    ("who is flying near Texas?", Intent.BREAKDOWN, {"by": "operator", "nu": ""}),  # was a count
    # …and wrong answers found the same way: "%" was punctuation (the P-8 count), "and also near" a union, "the same
    # P-8" every P-8
    ("what % of flights near Texas were P-8s?", Intent.SHARE, {"types": "P8", "regions": "near:texas", "nu": ""}),
    ("ratio of P-8 to U-2 flights in 2025?", Intent.COUNT, {"nu": "ratio"}),
    ("how many P-8 flights near Texas and also near Arizona?", Intent.COUNT,
     {"regions": "near:texas", "and": "near:arizona", "nu": ""}),
    ("how many flights near Texas were by the same P-8?", Intent.COUNT, {"nu": "same P-8"}),
    ("how many flights in the Texas area?", Intent.COUNT, {"nu": "Texas area"}),  # was over Texas
    ("P-8 flights near Texas in 2025: how many were over Mexico?", Intent.COUNT,
     {"regions": "near:texas", "and": "over:mexico", "nu": ""}),  # was near Texas or over Mexico
    ("how many P-8s near Texas and U-2s near Arizona?", Intent.COUNT, {"nu": "P-8s near Texas and U-2s near"}),
    ("how many Navy flights near Texas or Air Force flights over Arizona?", Intent.COUNT, {"nu": "Navy flights near"}),
    ("how many Navy P-8 flights near Texas and over Arizona?", Intent.COUNT, {"nu": ""}),
    ("how many flights near Texas in 2025 less the P-8s?", Intent.COUNT, {"excluded": "P8", "nu": ""}),  # was P-8s
    ("how many flights near Texas less P-8s?", Intent.COUNT, {"nu": "less P-8s"}),
    ("how many flights near Texas barring the P-8s?", Intent.COUNT, {"excluded": "P8", "nu": ""}),
    ("how many flights near Texas without counting P-8s?", Intent.COUNT, {"excluded": "P8", "nu": ""}),
    ("how many flights near Texas, USA?", Intent.COUNT, {"nu": "Texas, USA"}),  # was near Texas or the US: 34
    ("how many flights over Arizona, United States?", Intent.COUNT, {"nu": "Arizona, United States"}),
    ("how many flights near Texas, Arizona and New Mexico?", Intent.COUNT, {"nu": ""}),  # a list: either, said
    ("among the flights over Arizona, how many were drones?", Intent.COUNT, {"regions": "over:arizona", "nu": ""}),
    ("P-8 flights in February 2025 vs the previous month", Intent.COMPARE, {"nu": "previous month"}),  # was today's
    ("how many P-8 flights near Texas in each of 2024 and 2025?", Intent.COMPARE,
     {"period": "2024-01-01/2024-12-31", "other": "period:2025-01-01/2025-12-31", "nu": ""}),  # was the span
    ("how many P-8 flights near Texas in 2024 and 2025 respectively?", Intent.COMPARE, {"nu": ""}),
    ("how many flights near Texas as of February 2025?", Intent.COUNT, {"nu": "as of"}),  # was February alone
    ("how many claims are still unreviewed?", Intent.CLAIMS, {"nu": ""}),
    ("how many claims have evidence?", Intent.CLAIMS, {"nu": "have evidence"}),  # was every claim
    ("which claims are backed by flight data?", Intent.CLAIMS, {"nu": "backed by flight data"}),
    ("claims without evidence", Intent.CLAIMS, {"nu": ""}),
    ("how many claims have we marked as supported?", Intent.CLAIMS, {"nu": ""}),
    # round 9 of the oracle (tests/bot_core/oracle_round9.py)
    ("how many flights near Texas should there have been?", Intent.COUNT, {"nu": "should there have been"}),  # was 11
    ("how many P-8 flights would have flown without the exercise?", Intent.COUNT, {"nu": "would have flown"}),
    ("how many flights from October 2025 on?", Intent.COUNT, {"period": "2025-10-01/2026-11-24"}),  # was October
    ("how many flights from 1 February 2025 onwards?", Intent.COUNT, {"period": "2025-02-01/2026-11-24", "nu": ""}),
    ("how many flights up to and including January 2025?", Intent.COUNT, {"period": "1990-01-01/2025-01-31",
                                                                         "nu": ""}),
    ("how many flights up to and including 3 February 2025?", Intent.COUNT, {"period": "1990-01-01/2025-02-03"}),
    ("how many flights in the week starting 27 January 2025?", Intent.COUNT, {"period": "2025-01-27/2025-02-02"}),
    ("how many flights on 03.02.2025?", Intent.COUNT, {"period": "2025-02-03/2025-02-03",
                                                       "corr": "03.02.2025>3 February 2025"}),
    ("how many flights from 27/01/2025 to 31/01/2025?", Intent.COUNT, {"period": "2025-01-27/2025-01-31"}),
    ("how many flights on 2/13/2025?", Intent.COUNT, {"period": "2025-02-13/2025-02-13"}),
    ("how many flights on 3/2/2025?", Intent.COUNT, {"nu": "2025"}),  # 3 February or 2 March: still declined
    ("how many flights in 2025-02?", Intent.COUNT, {"period": "2025-02-01/2025-02-28", "nu": ""}),
    ("According to the records, how many flights were there near Texas in 2025?", Intent.COUNT, {"nu": ""}),
    ("based on the flight data, how many P-8 flights near Texas?", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("I'm curious how many Navy flights there were in February 2025", Intent.COUNT, {"nu": ""}),
    ("sorry to bother you, how many P-8 flights near Texas in 2024?", Intent.COUNT, {"nu": ""}),
    ("were U-2 flights up or down between 2024 and 2025?", Intent.COMPARE,
     {"period": "2024-01-01/2024-12-31", "other": "period:2025-01-01/2025-12-31", "nu": ""}),
    ("is the number of RC-135 flights higher in 2025 than in 2024?", Intent.COMPARE,
     {"other": "period:2024-01-01/2024-12-31", "nu": ""}),
    ("compare U-2 and E-3 missions", Intent.COMPARE, {"types": "U2", "other": "types:E3TF,E3CF", "nu": ""}),
    ("did the Navy or the Air Force fly more near Texas in 2025?", Intent.COMPARE, {"ops": "us-navy", "nu": ""}),
    ("2025 vs 2024 for flights near Texas", Intent.COMPARE,
     {"period": "2025-01-01/2025-12-31", "other": "period:2024-01-01/2024-12-31", "nu": ""}),
    ("rank the aircraft types by number of flights in 2025", Intent.BREAKDOWN, {"by": "type", "rank": "1", "nu": ""}),
    ("split the 2025 surveillance flights by operator", Intent.BREAKDOWN,
     {"by": "operator", "period": "2025-01-01/2025-12-31", "nu": ""}),
    ("break the January 2025 flights down by day", Intent.BREAKDOWN, {"by": "day", "nu": ""}),
    ("give me a per-type count of the flights over Arizona", Intent.BREAKDOWN, {"by": "type", "nu": ""}),
    ("list everything 04-2015 flew in 2025", Intent.LIST, {"identity": "04-2015", "nu": ""}),
    ("flights under callsign FORTE12", Intent.COUNT, {"identity": "FORTE12", "nu": ""}),
    ("list PELCN14's flights", Intent.LIST, {"identity": "PELCN14", "nu": ""}),
    ("flights with callsign JAKE11", Intent.COUNT, {"identity": "JAKE11", "nu": ""}),
    ("how many flights between Texas and Arizona?", Intent.COUNT, {"nu": "between"}),  # still declined
    # round 9's held-out batch
    ("which was more common in 2025, P-8 or U-2 flights?", Intent.COMPARE, {"types": "P8", "other": "types:U2",
                                                                           "nu": ""}),
    ("did Navy flights outnumber Air Force flights in 2025?", Intent.COMPARE, {"ops": "us-navy", "nu": ""}),
    ("the month with the most P-8 flights near Texas", Intent.BREAKDOWN, {"by": "month", "rank": "1", "nu": ""}),
    ("how many flights from the 1st of February 2025 on?", Intent.COUNT, {"period": "2025-02-01/2026-11-24",
                                                                         "nu": ""}),
    ("how many flights between 29/01/2025 and 02/02/2025?", Intent.COUNT, {"period": "2025-01-29/2025-02-02"}),
    ("when did the aircraft with hex ae5416 last fly?", Intent.WHEN, {"identity": "ae5416", "nu": ""}),
    ("real quick, how many P-8 flights near Texas in 2025?", Intent.COUNT, {"nu": ""}),
    ("how many flights near Texas in 2025, all told?", Intent.COUNT, {"nu": ""}),
    ("how many flights near Texas only?", Intent.COUNT, {"nu": "only"}),  # not a follow-up: "only" what?
    # found by probing the round's own fixes: a number of flights is not a year, three things are not two sides,
    # and how two types differ is not their counts (the last was a comparison of counts before this round too)
    ("how many of the 2000 flights were P-8s?", Intent.COUNT, {"nu": "the 2000"}),
    ("compare P-8 and U-2 and E-3 flights", Intent.COMPARE, {"nu": "the two things to compare"}),
    ("what is the difference between a P-8 and a P-3?", Intent.COMPARE, {"nu": "difference between a P-8"}),
    # issue 9's ratio families (bot/nlu/ratios.py): declined before ("percentage (a share: ask for both counts)",
    # "average"), or a bare mission count for "how many aircraft flew"
    ("what percentage of the flights near Texas in February 2025 were P-8s?", Intent.SHARE,
     {"types": "P8", "regions": "near:texas", "period": "2025-02-01/2025-02-28", "other": "types:", "nu": ""}),
    ("what share of 2025's RC-135 flights were Navy?", Intent.SHARE,
     {"ops": "us-navy", "types": "R135", "other": "period:2025-01-01/2025-12-31", "nu": ""}),
    ("what fraction of P-8 missions went near California?", Intent.SHARE,
     {"types": "P8", "regions": "near:california", "other": "regions:", "nu": ""}),
    ("how many of the 2025 flights over Arizona were drones, as a percentage?", Intent.SHARE,
     {"roles": "drone_recon", "regions": "over:arizona", "other": "period:2025-01-01/2025-12-31", "nu": ""}),
    ("what share of the P-8 flights were U-2s?", Intent.UNKNOWN, {"nu": "share"}),  # a part outside the whole
    ("what share of the P-8 flights were drones?", Intent.UNKNOWN, {"nu": "share"}),  # a role outside the types
    ("what percentage of the Navy flights were Air Force?", Intent.UNKNOWN, {"nu": "not within"}),
    ("what share of the flights that were near Texas were P-8s?", Intent.UNKNOWN, {"nu": "whole and which"}),
    ("what percentage were P-8s?", Intent.UNKNOWN, {"nu": "previous answer"}),  # no conversation: of what?
    ("what was the average number of flights per month in 2024?", Intent.AVERAGE,
     {"period": "2024-01-01/2024-12-31", "baseline": "month", "nu": ""}),
    ("on average how many P-8 flights a week near Texas in February 2025?", Intent.AVERAGE,
     {"types": "P8", "regions": "near:texas", "period": "2025-02-01/2025-02-28", "baseline": "week", "nu": ""}),
    ("average daily flights near Texas in 2025", Intent.AVERAGE, {"baseline": "day", "regions": "near:texas"}),
    ("what was the average number of flights per month?", Intent.UNKNOWN, {"nu": "the period to average over"}),
    ("average number of flights per month in 2026", Intent.UNKNOWN, {"nu": "not over yet"}),
    ("average flights per month in the first week of February 2025", Intent.UNKNOWN, {"nu": "not whole months"}),
    ("median number of flights per month in 2025", Intent.UNKNOWN, {"nu": "median"}),
    ("on average how many P-8s flew a week in February 2025?", Intent.UNKNOWN, {"nu": "of aircraft"}),
    ("how many P-8s near Texas in February 2025 compared with the 2024 monthly average?", Intent.COMPARE,
     {"baseline": "month", "nu": ""}),  # the baseline path, not an average question
    ("how many flights per day in October 2025?", Intent.BREAKDOWN, {"by": "day"}),  # no average word: per day
    ("how many drones flew over Arizona in 2025?", Intent.COUNT, {"roles": "drone_recon", "airframes": "1"}),
    ("how many aircraft flew near Texas in February 2025?", Intent.COUNT, {"regions": "near:texas", "airframes": "1"}),
    ("how many P-8s flew near Texas in 2025?", Intent.COUNT, {"types": "P8", "airframes": "1"}),
    ("how many P-8 missions near Texas in 2025?", Intent.COUNT, {"types": "P8", "airframes": "0"}),
    ("how many times did a P-8 fly near Texas in 2025?", Intent.COUNT, {"types": "P8", "airframes": "0"}),
    ("how many different aircraft flew near Texas in 2025?", Intent.WHICH_AIRCRAFT, {"regions": "near:texas"}),
    # round 10: chat shorthand spelled out and said, wrappers, "how long ago", and what stays declined
    ("how many msns near texas in 2025", Intent.COUNT, {"regions": "near:texas", "corr": "msns>missions", "nu": ""}),
    ("how many acft near arizona feb 2025", Intent.COUNT, {"regions": "near:arizona", "corr": "acft>aircraft",
                                                           "nu": ""}),
    ("no of flts near new mexico 2025", Intent.COUNT, {"regions": "near:new-mexico", "corr": "no>number", "nu": ""}),
    ("tell me please the quantity of P-8 flights near Texas", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("how many missions of surveillance over Arizona in year 2025?", Intent.COUNT,
     {"period": "2025-01-01/2025-12-31", "nu": ""}),
    ("can u tell me how many p8 flights near texas in feb 2025", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("yo, u2 flights near texas in 2025?", Intent.COUNT, {"types": "U2", "nu": ""}),
    ("asap pls: number of P-8 flights near Texas in 2025", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("need a number for the desk - Navy flights near Arizona in 2025", Intent.COUNT, {"ops": "us-navy", "nu": ""}),
    ("fyi need count: P-8s over Arizona in 2025", Intent.COUNT, {"types": "P8", "nu": ""}),
    ("how many flights near Texas in 2025 (all operators)?", Intent.COUNT, {"regions": "near:texas", "nu": ""}),
    ("how many flights, any type, over Arizona in 2025?", Intent.COUNT, {"regions": "over:arizona", "nu": ""}),
    ("how many P-8 flights, any type, over Arizona?", Intent.COUNT, {"nu": "type"}),  # a type named: not "any"
    ("which date the last U-2 flew near Texas?", Intent.WHEN, {"types": "U2", "nu": ""}),
    ("how long ago was the last U-2 flight?", Intent.WHEN, {"types": "U2", "nu": ""}),
    ("how many u2 near texas feb 25?", Intent.COUNT, {"nu": "feb 25"}),  # the 25th, or 2025?
    ("p8 flights near texas oct 14", Intent.COUNT, {"nu": "oct 14"}),
    ("how many flights between Jan 25 and Feb 2 2025?", Intent.COUNT, {"period": "2025-01-25/2025-02-02", "nu": ""}),
    ("at what time of day did the RC-135 fly near Texas?", Intent.WHEN, {"nu": "time of day"}),
    ("same 2024", Intent.COUNT, {"nu": "same"}),  # no answered question before it: the same as what?
    ("when were the P-3 flights?", Intent.BREAKDOWN, {"by": "day", "types": "P3", "nu": ""}),  # all, not the last
    ("when did U-2s fly near Texas?", Intent.BREAKDOWN, {"by": "day", "nu": ""}),
    ("when did a U-2 fly near Texas?", Intent.WHEN, {"types": "U2", "nu": ""}),  # one: the most recent, said so
    ("how long ago did P-8s fly near Texas?", Intent.WHEN, {"types": "P8", "nu": ""}),  # the last one
    ("qq: how many Navy flights in 2025?", Intent.COUNT, {"ops": "us-navy", "nu": ""}),
    # "how close": its own intent over one place (was declined as "not a question I answer this way")
    ("how close did the U-2 get to Texas in February 2025?", Intent.CLOSEST,
     {"types": "U2", "period": "2025-02-01/2025-02-28", "nu": ""}),
    ("what was the closest approach of RC-135s to Arizona?", Intent.CLOSEST, {"types": "R135", "nu": ""}),
    ("which flight near Texas came the closest?", Intent.LIST, {"nu": "closest"}),  # to what? not said
    ("how near did P-8s come to Arizona?", Intent.CLOSEST, {"types": "P8", "nu": ""}),
    ("how close did the P-8s fly?", Intent.CLOSEST, {"nu": "which place"}),
    ("how close did the U-2 get within 20 nm of Texas?", Intent.CLOSEST, {"nu": "distance bound"}),  # was ignored
    ("how many flights near Texas that month?", Intent.COUNT, {"nu": "that month"}),
    # a passage is over the place: "transited", "crossed", "through" (the reader knew "crossed" but the bot declined
    # it as not understood; "transited" was no relation at all)
    ("how many P-8s transited the Gulf of Mexico in 2025?", Intent.COUNT, {"regions": "over:gulf-of-mexico", "nu": ""}),
    ("how many flights crossed Arizona in 2025?", Intent.COUNT, {"regions": "over:arizona", "nu": ""}),
    ("how many flights passed through Texas in 2025?", Intent.COUNT, {"regions": "over:texas", "nu": ""}),
    # round 12 (a desk abroad): the surroundings of a place are near it, never over it
    ("how many flights in the area of Texas in 2025?", Intent.COUNT, {"regions": "near:texas", "read": "1"}),
    ("how many flights in the vicinity of Arizona?", Intent.COUNT, {"regions": "near:arizona", "read": "1"}),
    ("how many flights in the region of New Mexico?", Intent.COUNT, {"regions": "near:new-mexico", "read": "1"}),
    ("how many flights in Texas in 2025?", Intent.COUNT, {"regions": "over:texas"}),  # "in" alone stays over
    ("how many flights in Arizona's vicinity?", Intent.COUNT, {"regions": "near:arizona", "read": "1"}),
    ("how many flights in the Gulf of Mexico region?", Intent.COUNT, {"nu": "around it, or over it"}),
    ("how many flights near the Gulf of Mexico region?", Intent.COUNT, {"regions": "near:gulf-of-mexico"}),
    ("how many sorties skirting Arizona?", Intent.COUNT, {"regions": "near:arizona", "read": "1"}),
    # relation words that only say where are read; the ones a guard needs stay unread
    ("how many flights above Arizona in 2025?", Intent.COUNT, {"regions": "over:arizona", "read": "1"}),
    ("how many flights across Mexico in 2024?", Intent.COUNT, {"regions": "over:mexico", "read": "1"}),
    ("how many flights outside Texas in 2025?", Intent.COUNT, {"nu": "outside"}),
    ("how many sorties off the Baja coast in 2025?", Intent.COUNT, {"regions": "near:baja-peninsula", "read": "1"}),
    # a target of surveillance is no record's
    ("surveillance of whom, near the border in February 2025?", Intent.COUNT, {"nu": "whom"}),
    # British spelling of the aircraft words; "which airplanes" asks for airframes
    ("how many aeroplane flights over Arizona in January 2025?", Intent.COUNT,
     {"regions": "over:arizona", "corr": "aeroplane>plane", "read": "1"}),
    ("which airplanes flew near Texas in 2025?", Intent.WHICH_AIRCRAFT, {"regions": "near:texas"}),
    ("which aeroplanes flew sorties near Texas in 2025?", Intent.WHICH_AIRCRAFT, {"regions": "near:texas"}),
    # a nationality left out; "without" leaves a type out
    ("how many non-US flights near Texas?", Intent.COUNT,
     {"xops": "cbp,dea,us-air-force,us-army,us-coast-guard,us-navy,usmc", "read": "1"}),
    ("how many USAF sorties in February 2025 without the U-2s?", Intent.COUNT, {"excluded": "U2", "read": "1"}),
    # desk prefaces and British wrappers; a known place inside the preface is declined, never used
    ("Quick one from the London desk: how many P-8 flights near Texas in 2025?", Intent.COUNT,
     {"regions": "near:texas", "read": "1"}),
    ("Quick one from the Texas desk: how many P-8 flights in 2025?", Intent.COUNT, {"nu": "before the question"}),
    ("Whilst I have you — how many P-8 flights near Texas in 2025?", Intent.COUNT, {"read": "1"}),
    ("Kindly revert with the number of U-2 sorties near Texas in February 2025.", Intent.COUNT, {"read": "1"}),
    ("How many sorties, all told, did the Navy fly in 2025?", Intent.COUNT, {"ops": "us-navy", "read": "1"}),
    ("How many sorties did serial 62-4134 fly in 2024?", Intent.COUNT, {"identity": "62-4134", "read": "1"}),
    ("How many flights in the first fortnight of February 2025?", Intent.COUNT,
     {"period": "2025-02-01/2025-02-14", "read": "1"}),
    ("How many flights between the 1st and the 14th of October 2025?", Intent.COUNT,
     {"period": "2025-10-01/2025-10-14", "read": "1"}),
    # British slash abbreviations spelled out ("w/c 27 Jan" was the day alone); any other letter pair is declined
    ("How many flights w/c 27 Jan 2025?", Intent.COUNT, {"period": "2025-01-27/2025-02-02", "read": "1"}),
    ("How many flights w/e 2 Feb 2025?", Intent.COUNT, {"period": "2025-01-27/2025-02-02", "read": "1"}),
    ("How many P-8 flights near Texas w/o the Navy?", Intent.COUNT, {"xops": "us-navy", "read": "1"}),
    ("How many a/c flew near Texas?", Intent.COUNT, {"nu": "a/c"}),
    ("How many flights on 03-Feb-25?", Intent.COUNT, {"period": "2025-02-03/2025-02-03", "read": "1"}),
    ("Setting aside the P-8s, how many flights near Texas in February 2025?", Intent.COUNT,
     {"excluded": "P8", "read": "1"}),
    ("How many flights this day last year?", Intent.COUNT, {"nu": "this day last year"}),
    # round 14 (places and periods said loosely): a place right before the aircraft is where they flew, not their
    # maker ("Texas U-2 missions" were read as a maker's U-2: declined), also with an operator between; a
    # designation after "Gulf of Mexico" is not more of the gulf's name; distances in words and "inside" a distance;
    # "and …" with no answered question before it continues nothing (it was answered over every flight)
    ("Texas U-2 missions", Intent.COUNT, {"types": "U2", "regions": "over:texas", "read": "1"}),
    ("how many Texas P-8 missions in February 2025?", Intent.COUNT, {"types": "P8", "regions": "over:texas",
                                                                    "period": "2025-02-01/2025-02-28"}),
    ("how many Gulf of Mexico P-8 flights?", Intent.COUNT, {"types": "P8", "regions": "over:gulf-of-mexico",
                                                           "read": "1"}),
    ("Arizona USAF flights in 2024", Intent.COUNT, {"ops": "us-air-force", "regions": "over:arizona", "read": "1"}),
    ("how many Shaanxi Y-8 flights?", Intent.COUNT, {"regions": ""}),
    ("how many flights within fifty miles of Texas?", Intent.COUNT, {"regions": "near43.4488:texas", "read": "1"}),
    ("how many flights inside 20 nautical miles of Texas?", Intent.COUNT, {"regions": "near20:texas", "read": "1"}),
    ("how many flights within a hundred kilometres of Arizona?", Intent.COUNT, {"regions": "near53.9957:arizona"}),
    ("how many flights within fifty of Texas?", Intent.COUNT, {"nu": "fifty"}),
    ("and in mid-October?", Intent.COUNT, {"nu": "and (there is no answered question"}),
    ("how many flights in the skies over Arizona in 2024?", Intent.COUNT, {"regions": "over:arizona", "read": "1"}),
    # round 15, wrong before: "anything but" was filler, so the P-8s were counted instead of left out
    ("anything but P-8s near Texas in February 2025, how many?", Intent.COUNT,
     {"types": "", "excluded": "P8", "read": "1"}),
    ("how many flights over California in 2025 not including P-8s?", Intent.COUNT, {"excluded": "P8", "read": "1"}),
    ("how many flights in 2025 excl. Navy?", Intent.COUNT, {"xops": "us-navy", "read": "1"}),
    # round 15, wrong before: two questions of different kinds merged into one ("when was the last P-8 or U-2")
    ("how many P-8s near Texas in February 2025 and when was the last U-2?", Intent.UNKNOWN,
     {"nu": "two questions in one message"}),
    ("how many RAF flights in October 2025? also which callsigns did the U-2 use in 2024?", Intent.UNKNOWN,
     {"nu": "two questions in one message"}),
    ("how many P-8s near Texas in Feb 2025 and how many U-2s?", Intent.COMPARE, {"nu": ""}),
    # round 15, wrong before: "flight number of" was read as "number of" (a count)
    ("what's the flight number of the airliner on 30 January 2025?", Intent.UNKNOWN, {"nu": "flight number"}),
    # round 15: an identity asked of the missions a scope pins is answered by the records (declined before)
    ("what was the callsign of the U-2 on 3 February 2025?", Intent.LIST, {"types": "U2", "read": "1"}),
    ("which callsign did the RC-135 use on 4 Feb 2025?", Intent.LIST, {"types": "R135", "read": "1"}),
    ("ICAO hex of the Global Hawk over Texas on 3 October 2025", Intent.WHICH_AIRCRAFT, {"read": "1"}),
    ("tail number of the P-8 that flew near Texas on 5 February 2025", Intent.WHICH_AIRCRAFT, {"read": "1"}),
    # round 18: a number of distinct callsigns is answered (bot/nlu/timing.py)
    ("how many callsigns did the P-8s use in 2025?", Intent.MEASURE,
     {"types": "P8", "period": "2025-01-01/2025-12-31", "which": "callsigns"}),
    ("how many different callsigns did the Navy use?", Intent.MEASURE, {"nu": "", "which": "callsigns"}),
    # round 18, wrong before: "every day?" / "daily?" in a yes/no question was the per-day breakdown (no yes or no);
    # now whether every day of the period had one, and declined without a period
    ("did the Air Force fly each day between 1 and 4 February 2025?", Intent.MEASURE,
     {"ops": "us-air-force", "period": "2025-02-01/2025-02-04", "which": "every_day", "nu": ""}),
    ("were there U-2 flights daily in January 2025?", Intent.MEASURE,
     {"types": "U2", "period": "2025-01-01/2025-01-31", "which": "every_day", "nu": ""}),
    ("has the Navy flown every single day in the first week of February 2025?", Intent.MEASURE,
     {"ops": "us-navy", "which": "every_day", "nu": ""}),
    ("does the U-2 fly daily?", Intent.MEASURE, {"nu": "every day of which period"}),
    ("is there an E-3 flight every day?", Intent.MEASURE, {"nu": "every day of which period"}),
    ("daily P-8 flights in February 2025", Intent.BREAKDOWN, {"by": "day", "nu": ""}),  # no yes/no: per day
    # round 18, wrong before: "since when has …" was the most recent record (or the days); now its first
    ("since when has the Navy flown over California?", Intent.WHEN,
     {"which": "first", "ops": "us-navy", "regions": "over:california", "nu": ""}),
    ("since when have E-3s been flying near Texas?", Intent.WHEN, {"which": "first", "types": "E3TF,E3CF", "nu": ""}),
    # round 18, wrong before: "days without Navy flights" left the Navy out (every other operator's days)
    ("how many days without Navy flights in January 2025?", Intent.COUNT,
     {"ops": "us-navy", "which": "empty_days", "nu": ""}),
    ("on how many days in 2024 were there no U-2 missions?", Intent.COUNT,
     {"types": "U2", "which": "empty_days", "nu": ""}),
    ("how many days in February 2025 went without any P-8 sorties?", Intent.COUNT,
     {"types": "P8", "which": "empty_days"}),
    # round 18: hours of the UTC day and duration bounds; no zone, or a local time, is declined
    ("how many P-8 flights began between 13:00 and 17:00 UTC in February 2025?", Intent.COUNT,
     {"types": "P8", "window": "780-1020", "nu": ""}),
    ("how many flights after 2100Z in January 2025?", Intent.COUNT, {"window": "1260-1440", "nu": ""}),
    ("how many flights from 23:00 to 03:00 GMT?", Intent.COUNT, {"window": "1380-180", "nu": ""}),
    ("how many flights between 1 and 5 pm in February 2025?", Intent.COUNT, {"nu": "pm"}),
    ("how many flights after 18:00 local time?", Intent.COUNT, {"nu": "local"}),
    ("how many U-2 flights of more than 45 minutes?", Intent.COUNT, {"types": "U2", "lasting": ">2700", "nu": ""}),
    ("how many flights near Texas lasting at most two hours in 2025?", Intent.COUNT,
     {"regions": "near:texas", "lasting": "<=7200", "nu": ""}),
    ("how many flights over 3 hours per month in 2025?", Intent.BREAKDOWN, {"nu": "beside a breakdown"}),
    # round 18: how long
    ("how long was the P-3 airborne on 31 January 2025?", Intent.MEASURE, {"types": "P3", "which": "duration"}),
    ("what was the shortest E-3 mission?", Intent.MEASURE, {"types": "E3TF,E3CF", "which": "shortest", "nu": ""}),
    ("total flying time of the U-2s in 2024", Intent.MEASURE, {"types": "U2", "which": "total", "nu": ""}),
    ("mean flight duration of Navy missions in January 2025", Intent.MEASURE,
     {"ops": "us-navy", "which": "mean", "nu": ""}),
    ("how long was the U-2 over Texas on 3 February 2025?", Intent.COUNT, {"nu": "long"}),  # time over a place
    ("what was the longest gap between P-8 flights?", Intent.COUNT, {"nu": "gap"}),
    # round 18 held-out, wrong before: "how long was the last RC-135 flight?" gave every RC-135's time ("last" was
    # read as the verb); "every week?" in a yes/no question was the per-week breakdown
    ("how long was the most recent U-2 flight?", Intent.MEASURE, {"types": "U2", "which": "duration:last", "nu": ""}),
    ("how long did the latest P-8 sortie last?", Intent.MEASURE, {"types": "P8", "which": "duration:last", "nu": ""}),
    ("how long was the earliest E-3 mission?", Intent.MEASURE, {"which": "duration:first", "nu": ""}),
    ("how long did U-2 flights last in 2024?", Intent.MEASURE, {"types": "U2", "which": "duration", "nu": ""}),
    ("does the Navy fly near California every month?", Intent.UNKNOWN, {"nu": "every week or month"}),
    ("were there P-8 flights weekly in January 2025?", Intent.UNKNOWN, {"nu": "every week or month"}),
    # round 18 held-out declines answered now
    ("for how long was the E-3 airborne on 2 February 2025?", Intent.MEASURE, {"which": "duration", "nu": ""}),
    ("how many hours was the RC-135 up on 4 February 2025?", Intent.MEASURE, {"which": "duration", "nu": ""}),
    ("how many hours did the RC-135s fly in 2024?", Intent.MEASURE, {"which": "total", "nu": ""}),
    ("what's the shortest P-3 flight?", Intent.MEASURE, {"types": "P3", "which": "shortest", "nu": ""}),
    ("on average how long were the U-2 missions?", Intent.MEASURE, {"types": "U2", "which": "mean", "nu": ""}),
    ("how many sorties in excess of 2 hours in 2025?", Intent.COUNT, {"lasting": ">7200", "nu": ""}),
    ("how many days saw U-2 flights in 2024?", Intent.COUNT, {"types": "U2", "which": "days", "nu": ""}),
    # round 18, found by probing after the held-out batch: the time spent over or near a place is no mission's time
    # (it was answered with the whole missions' time); a measure beside a breakdown or comparison was one figure for
    # the whole scope; "the first week of" is a period, not the first record
    ("how long was the P-8 flying near California on 1 February 2025?", Intent.UNKNOWN, {"nu": "time spent over"}),
    ("how many hours did the RC-135s fly over the Baltic in October 2025?", Intent.UNKNOWN,
     {"nu": "time spent over"}),
    ("total flying time over Texas in 2025", Intent.UNKNOWN, {"nu": "time spent over"}),
    ("how many flights stayed near Texas for more than two hours?", Intent.UNKNOWN, {"nu": "time spent over"}),
    ("how many flights lasted for more than 2 hours in 2025?", Intent.COUNT, {"lasting": ">7200", "nu": ""}),
    ("the longest mission of each operator", Intent.BREAKDOWN, {"nu": "beside a breakdown"}),
    ("average flight time per week in February 2025", Intent.BREAKDOWN, {"nu": "beside a breakdown"}),
    ("total flight hours of P-8s compared with U-2s in 2025", Intent.COMPARE, {"nu": "beside a breakdown"}),
    ("how many flights since 18:00 UTC?", Intent.COUNT, {"nu": "UTC"}),  # a moment (today's?), not a daily hour
    ("how many flights until 06:00 UTC?", Intent.COUNT, {"nu": "UTC"}),
    ("how long did the P-8 fly in the last week of January 2025?", Intent.MEASURE,
     {"which": "duration", "period": "2025-01-25/2025-01-31"}),
    ("how many unique tails flew near Texas in February 2025?", Intent.WHICH_AIRCRAFT, {"read": "1"}),
    ("what was the callsign of the last U-2 flight?", Intent.WHEN, {"which": "last", "read": "1"}),
    # round 15: distance units as typed
    ("how many flights within 10 nautical mi of Texas in February 2025?", Intent.COUNT,
     {"regions": "near10:texas", "read": "1"}),
    ("how many flights within 12 mi. of Texas in October 2025?", Intent.COUNT, {"regions": "near10.4277:texas"}),
    ("how many flights within 100 klicks of Texas in October 2025?", Intent.COUNT, {"regions": "near53.9957:texas"}),
    ("how many flights within 20,000 metres of Texas in February 2025?", Intent.COUNT,
     {"regions": "near10.7991:texas"}),
    # round 15: a claim pasted and followed by "true?"; a preface before a question is no claim frame
    ('"Navy P-8s flew 11 missions near Texas in February 2025." true?', Intent.COUNT, {"read": "1"}),
    ("quick one: when was the last U-2 flight?", Intent.WHEN, {"read": "1"}),
    ("what was the closest the U-2 came to Texas in February 2025?", Intent.CLOSEST, {"read": "1"}),
    ("which flight near Texas came the closest?", Intent.UNKNOWN, {"nu": "closest"}),
    ("the very first P-8 flight near Texas in 2025, when was it?", Intent.WHEN, {"which": "first", "read": "1"}),
    # round 15, found by probing after the held-out batch (wrong before): a list after an exclusion word whose items
    # were not all left out ("except P-8s and the Navy" counted only the Navy's), a day or a place attached to the
    # thing left out ("not counting the P-8 on 5 February" counted every other flight of that day), two counts joined
    # by a comma or "&" (the sum), a second question after the first one ended ("?? and U-2s??": the sum)
    ("how many flights in 2025 except P-8s and the Navy?", Intent.COUNT, {"nu": "not everything after it"}),
    ("how many flights in 2025 except the Navy and P-8s?", Intent.COUNT, {"nu": "not everything after it"}),
    ("how many flights near Texas not counting the P-8 on 5 February 2025?", Intent.COUNT,
     {"nu": "not everything after it"}),
    ("how many flights near Texas excluding the P-8s near Arizona?", Intent.COUNT, {"nu": "not everything after it"}),
    ("how many flights in 2025 other than P-8s and U-2s?", Intent.COUNT, {"excluded": "P8,U2", "read": "1"}),
    ("how many flights other than P-8s in 2024?", Intent.COUNT, {"excluded": "P8", "read": "1"}),
    ("how many flights other than P-8s in the week of 3 February 2025?", Intent.COUNT, {"excluded": "P8", "read": "1"}),
    ("how many non-Navy flights near Texas on 5 February 2025?", Intent.COUNT, {"xops": "us-navy", "read": "1"}),
    ("how many flights excluding the P-8s on 5 February 2025?", Intent.COUNT, {"excluded": "P8", "read": "1"}),
    ("how many P-8s near Texas in Feb 2025, how many U-2s?", Intent.COMPARE, {"types": "P8", "other": "types:U2"}),
    ("how many P-8 flights near Texas in Feb 2025 & how many U-2?", Intent.COMPARE, {"other": "types:U2"}),
    ("how many P-8 flights near Texas in Feb 2025?? and U-2s??", Intent.COUNT, {"nu": "two questions in one message"}),
    ("how many P-8 flights near Texas in February 2025 — and U-2s?", Intent.COUNT,
     {"nu": "two questions in one message"}),
    # round 15: a role left out is its types left out (was declined)
    ("how many flights near Texas in February 2025 not counting drones?", Intent.COUNT,
     {"roles": "", "excluded": "Q4,Q9", "read": "1"}),
    ("how many non-drone flights near the border in February 2025?", Intent.COUNT, {"roles": "", "read": "1"}),
    ("how many drone flights near Texas in February 2025?", Intent.COUNT, {"roles": "drone_recon", "excluded": ""}),
    ("how many flights within 25 statute mi of Texas in February 2025?", Intent.COUNT,
     {"regions": "near21.7244:texas", "read": "1"}),
    # round 16: dictated questions — years, days and designators in words, fillers, homophones
    ("uh so how many E three sorties over oklahoma in twenty twenty four", Intent.COUNT,
     {"types": "E3TF,E3CF", "period": "2024-01-01/2024-12-31", "corr": "twenty twenty four>2024", "read": "1"}),
    ("like how many P three missions in two thousand and twenty four", Intent.COUNT,
     {"types": "P3", "period": "2024-01-01/2024-12-31", "read": "1"}),
    ("how many sorties on october seventh twenty twenty five you know", Intent.COUNT,
     {"period": "2025-10-07/2025-10-07", "read": "1"}),
    ("how many sorties on the fourteenth of october twenty twenty five", Intent.COUNT,
     {"period": "2025-10-14/2025-10-14", "read": "1"}),
    ("how many sorties on october ten twenty twenty five", Intent.COUNT, {"period": "2025-10-10/2025-10-10"}),
    ("how many you two sorties in twenty twenty five", Intent.COUNT, {"types": "U2", "corr": "you two>U-2"}),
    ("how many sorties in march twenty four", Intent.COUNT, {"nu": "twenty"}),  # the 24th, or 2024?
    ("how many sorties in twenty five", Intent.COUNT, {"nu": "twenty"}),  # a two-digit year
    ("how many sorties in Q three twenty twenty four", Intent.COUNT, {"nu": "three"}),  # quarter or a type?
    ("how many C seventeen sorties in twenty twenty five question mark", Intent.COUNT,
     {"types": "C17", "period": "2025-01-01/2025-12-31", "read": "1"}),
    ("did a three day window have any P eight sorties", Intent.COUNT, {"types": "P8", "nu": "window"}),
    ("were there more E three or R Q four sorties in twenty twenty five", Intent.COMPARE,
     {"types": "E3TF,E3CF", "other": "types:Q4"}),
    # round 16: English as a second language
    ("which aircrafts were over Oklahoma in 2024?", Intent.WHICH_AIRCRAFT,
     {"regions": "over:oklahoma", "corr": "aircrafts>aircraft", "read": "1"}),
    ("what were the jets over Arizona in 2025?", Intent.WHICH_AIRCRAFT, {"regions": "over:arizona", "read": "1"}),
    ("the RC-135 flied over Arizona how many times in 2024?", Intent.COUNT, {"types": "R135", "read": "1"}),
    ("how many sorties did the Navy realize over California?", Intent.COUNT,
     {"regions": "over:california", "corr": "realize>make"}),
    ("how many sorties near Arizona since three days?", Intent.COUNT, {"period": "2026-11-22/2026-11-24", "read": "1"}),
    ("how many sorties near Arizona since a week?", Intent.COUNT, {"period": "2026-11-18/2026-11-24", "read": "1"}),
    ("how many sorties over Oklahoma up to now?", Intent.COUNT, {"regions": "over:oklahoma", "read": "1"}),
    ("which week of 2025 had more sorties?", Intent.BREAKDOWN, {"by": "week", "rank": "1"}),
    ("which day had more sorties, 3 or 4 February 2025?", Intent.COMPARE, {"rank": "0"}),  # "more … or": compared
    ("how many sorties over Arizona during the 2024?", Intent.COUNT, {"period": "2024-01-01/2024-12-31",
                                                                      "read": "1"}),
    ("2024, March, how many sorties over Arizona?", Intent.COUNT, {"period": "2024-03-01/2024-03-31", "read": "1"}),
    # round 16: vague times spelled when they have edges, declined when they have none
    ("how many sorties on the last day of October 2025?", Intent.COUNT, {"period": "2025-10-31/2025-10-31"}),
    ("how many sorties on the last day of February?", Intent.COUNT, {"nu": "last day of"}),
    ("how many sorties in the previous calendar year?", Intent.COUNT, {"period": "2025-01-01/2025-12-31"}),
    ("how many sorties since Christmas Day 2024?", Intent.COUNT, {"period": "2024-12-25/2026-11-24"}),
    ("how many sorties in the first three weeks of October 2025?", Intent.COUNT, {"period": "2025-10-01/2025-10-21"}),
    # round 16 held-out: what it showed
    ("which month in 2024 saw more sorties?", Intent.BREAKDOWN, {"by": "month", "rank": "1",
                                                                 "period": "2024-01-01/2024-12-31"}),
    ("which week of October 2025 had more Navy sorties?", Intent.BREAKDOWN, {"by": "week", "rank": "1"}),
    ("i would like know the number of P-3 sorties in 2024", Intent.COUNT, {"types": "P3", "read": "1"}),
    ("how many sorties had place over Oklahoma in 2024?", Intent.COUNT, {"regions": "over:oklahoma", "read": "1"}),
    ("number of sorties RC-135 2025?", Intent.COUNT, {"types": "R135", "period": "2025-01-01/2025-12-31"}),
    ("how many sorties near Arizona since four weeks?", Intent.COUNT, {"period": "2026-10-28/2026-11-24"}),
    ("how many sorties since New Year 2025?", Intent.COUNT, {"period": "2025-01-01/2026-11-24"}),
    ("how many Navy sorties in October 2025 itself?", Intent.COUNT, {"period": "2025-10-01/2025-10-31", "read": "1"}),
    ("how many E-3 sorties in 2024 um like over Oklahoma", Intent.COUNT, {"regions": "over:oklahoma", "read": "1"}),
    ("were there two thousand five hundred sorties near Texas in 2025?", Intent.COUNT, {"nu": "thousand"}),  # no year
    ("how many sorties in october second half", Intent.COUNT, {"nu": "half"}),  # not 2 October
    # probing after the held-out batch: "until now" after "from X" ends X's period today (dropping it read 2024 alone)
    ("how many sorties from 2025 till now?", Intent.COUNT, {"period": "2025-01-01/2026-11-24", "read": "1"}),
    ("how many sorties in 2024 up to now?", Intent.COUNT, {"nu": "now"}),  # 2024, or 2024 to today?
    # probing: "the year passed" left every record (the words passed over): last year or the twelve months to today?
    ("how many sorties the month passed?", Intent.COUNT, {"nu": "month passed"}),
    ("how many sorties in the week past?", Intent.COUNT, {"nu": "week past"}),
    ("which day of the 2024 had more sorties?", Intent.BREAKDOWN, {"by": "day", "rank": "1",
                                                                   "period": "2024-01-01/2024-12-31"}),
    ("which operator flew more sorties in 2024?", Intent.BREAKDOWN, {"by": "operator", "rank": "1"}),
    ("how many sorties over Arizona since the 2024?", Intent.COUNT, {"period": "2024-01-01/2026-11-24", "read": "1"}),
    ("i want know how many sorties over Oklahoma in 2025", Intent.COUNT, {"regions": "over:oklahoma", "read": "1"}),
    ("how many sorties in the last three months of 2024?", Intent.COUNT, {"period": "2024-10-01/2024-12-31"}),
    ("how many sorties during the first 2 months of 2025?", Intent.COUNT, {"period": "2025-01-01/2025-02-28"}),
    ("how many sorties in the actual month?", Intent.COUNT, {"period": "2026-11-01/2026-11-24", "read": "1"}),
    ("how many sorties between the twenty first and the twenty eighth of october twenty twenty five", Intent.COUNT,
     {"period": "2025-10-21/2025-10-28", "read": "1"}),
    ("how many sorties from october seventh to fourteenth twenty twenty five", Intent.COUNT,
     {"period": "2025-10-07/2025-10-14", "read": "1"}),
    ("how many sorties on the seventh and the tenth of october twenty twenty five", Intent.COUNT, {"nu": "7th"}),
    # probing: a relation word after its place ("in Texas near how many…") was passed over, leaving "in" (over)
    ("over Oklahoma near how many E-3 sorties?", Intent.COUNT, {"nu": "near after the place"}),
    ("in Arizona around, how many sorties in 2024?", Intent.COUNT, {"nu": "around after the place"}),
    ("how many sorties over Arizona over the weekend?", Intent.COUNT, {"regions": "over:arizona", "read": "1"}),
    # probing: "near and over Arizona" read "over" (the word next to the place): near includes over
    ("how many sorties near and over Arizona in 2024?", Intent.COUNT, {"regions": "near:arizona", "read": "1"}),
    ("how many sorties in or near Oklahoma in 2024?", Intent.COUNT, {"regions": "near:oklahoma", "read": "1"}),
    # probing: a month beside "last year" or a year before its month was read as a range ("october last year" =
    # October–December 2025, "2024 october" = January–October 2024, "2025 february 3" = 1 January–3 February)
    ("how many sorties in november last year?", Intent.COUNT, {"period": "2025-11-01/2025-11-30", "read": "1"}),
    ("how many sorties last year in december?", Intent.COUNT, {"period": "2025-12-01/2025-12-31", "read": "1"}),
    ("how many sorties in 2024 march?", Intent.COUNT, {"period": "2024-03-01/2024-03-31", "read": "1"}),
    ("how many sorties 2024 june 15?", Intent.COUNT, {"period": "2024-06-15/2024-06-15", "read": "1"}),
    ("how many sorties in 2024, may and june?", Intent.COUNT, {"period": "2024-05-01/2024-06-30", "read": "1"}),
    ("how many sorties in the march past?", Intent.COUNT, {"nu": "march past"}),
    ("how many sorties in the month last?", Intent.COUNT, {"nu": "the month last"}),  # was every record
    ("how many sorties per month last year?", Intent.BREAKDOWN, {"by": "month", "period": "2025-01-01/2025-12-31"}),
    ("how many sorties over Arizona in the complete 2024?", Intent.COUNT, {"period": "2024-01-01/2024-12-31",
                                                                            "read": "1"}),
    # round 17: kinds of aircraft in everyday words (were declined), and a role after "which" asks for the airframes
    ("how many airborne early-warning sorties near Nevada in 2025?", Intent.COUNT, {"roles": "aew", "read": "1"}),
    ("how many refuelers over Louisiana?", Intent.COUNT, {"roles": "tanker", "read": "1"}),
    ("how many heavy bombers near Utah?", Intent.COUNT, {"roles": "bomber", "read": "1"}),
    ("how many RPAs near Sonora in 2025?", Intent.COUNT, {"roles": "drone_recon", "read": "1"}),
    ("how many choppers near Sonora?", Intent.COUNT, {"roles": "helicopter", "read": "1"}),
    ("how many ASW sorties near Oregon?", Intent.COUNT, {"roles": "maritime_patrol", "read": "1"}),
    ("which refuellers flew near Nevada?", Intent.WHICH_AIRCRAFT, {"roles": "tanker"}),
    ("which bombers flew near Utah in 2025?", Intent.WHICH_AIRCRAFT, {"roles": "bomber"}),
    ("which tanker missions were near Nevada?", Intent.COUNT, {"roles": "tanker"}),  # the missions, not airframes
    ("how many surveillance sorties near Idaho other than the drones?", Intent.COUNT,
     {"roles": "", "excluded": "Q4,Q9", "read": "1"}),
    # round 17, wrong before: an English word one letter from a sea's or a gulf's noun, right after its name (the
    # whole-demo rows are in the dialog table); a word after a place that is no such slip stays read
    ("how many sorties over the California golf in 2025?", Intent.COUNT, {"nu": "California golf"}),
    ("how many flights near Texas by the end of 2024?", Intent.COUNT, {"regions": "near:texas", "read": "1"}),
    ("how many flights near Texas gull?", Intent.COUNT, {"nu": "gull"}),  # unread, but no slip of "gulf"
    # round 17: a country's forces said as its people or as a whole (were declined)
    ("how many sorties flown by the Yanks over Nevada?", Intent.COUNT, {"ops": "us-navy,us-air-force", "read": "1"}),
    ("how many flights by the American military near Utah in 2024?", Intent.COUNT,
     {"ops": "us-navy,us-air-force", "read": "1"}),
    ("how many flights by Americans near Idaho?", Intent.COUNT, {"ops": "us-navy,us-air-force", "read": "1"}),
    # round 17 held-out, wrong before: the words between "which" and "planes" were the intent's, so a nationality
    # there was dropped (every operator's airframes) and an unknown word was never reported; "what about <kind>
    # planes" was read as "which planes"; a run of kind words after "which" ("spy drones") asked for a count
    ("which American planes flew near Utah in 2024?", Intent.WHICH_AIRCRAFT, {"ops": "us-navy,us-air-force"}),
    ("which blimp aircraft flew near Utah?", Intent.WHICH_AIRCRAFT, {"nu": "blimp"}),
    ("which separate planes flew near Utah?", Intent.WHICH_AIRCRAFT, {"read": "1"}),
    ("what about reconnaissance planes?", Intent.COUNT, {"read": "1"}),
    ("which surveillance drones flew near Sonora?", Intent.WHICH_AIRCRAFT, {"roles": "drone_recon"}),
    ("which American tankers flew near Utah?", Intent.WHICH_AIRCRAFT, {"roles": "tanker", "ops": "us-navy"}),
    ("which Navy drones flew near Utah?", Intent.WHICH_AIRCRAFT, {"roles": "drone_recon", "ops": "us-navy"}),
    ("how many sorties by non-US operators near Utah?", Intent.COUNT,
     {"xops": "cbp,dea,us-air-force,us-army,us-coast-guard,us-navy,usmc", "read": "1"}),
    # round 19, wrong before: two aircraft each claimed to have flown were counted as one sum (which hides the part
    # that did not fly); now each one's count — and a name that stands for two designators is declined
    ("Is it true that a U-2 and an RC-135 flew near the border on 3 February 2025?", Intent.COMPARE,
     {"types": "U2", "other": "types:R135", "read": "1"}),
    ("Check: a Poseidon and a Global Hawk were over California on 5 February 2025", Intent.COMPARE,
     {"types": "P8", "other": "types:Q4", "read": "1"}),
    ("Verify: a P-3 and an E-3 flew near Utah on 2 February 2025", Intent.COUNT, {"nu": "names claimed at once"}),
    ("Navy P-8s and P-3s flew 11 missions near Utah in 2025 — true?", Intent.COUNT, {"types": "P8,P3", "read": "1"}),
    # round 19: a claim that states a count and a comparison is two claims (found while fixing the above)
    ("Is it true that Navy P-8s flew 11 missions near Utah in 2025, more than the Air Force?", Intent.COMPARE,
     {"nu": "anything but a count"}),
    # round 19: relative words in a claim count from the story's own date, never from today, never the story's day
    ("A story from 14 February 2025 says P-8s flew near Utah last week. How many?", Intent.COUNT,
     {"period": "2025-02-03/2025-02-09", "read": "1", "note": "the day the story was written"}),
    ("Our 2 February 2025 piece says the Navy flew near Utah last week — is that right?", Intent.COUNT,
     {"period": "2025-01-20/2025-01-26", "read": "1"}),
    ('In an article dated 5 February 2025: "Navy P-8s flew near Utah this week." How many?', Intent.COUNT,
     {"period": "2025-02-03/2025-02-05", "read": "1"}),
    ("A Reuters report of 20 October 2025 says an RC-135 flew near Utah last Tuesday — true?", Intent.COUNT,
     {"period": "2025-10-14/2025-10-14", "read": "1"}),
    ("As of 10 February 2025, how many P-8 flights near Utah this year?", Intent.COUNT,
     {"period": "2025-01-01/2025-02-10", "read": "1"}),
    ("A story from 14 February 2025 says P-8s flew near Utah. How many?", Intent.COUNT, {"nu": "the story's date"}),
    # round 19: a change with both sides named is a comparison; with one side (or two kinds) it stays declined
    ("Is it true that U-2 flights halved from 2024 to 2025?", Intent.COMPARE,
     {"period": "2024-01-01/2024-12-31", "other": "period:2025-01-01/2025-12-31", "read": "1"}),
    ("Our story says Navy flights near Utah fell by half from January to February 2025 — right?", Intent.COMPARE,
     {"period": "2025-01-01/2025-01-31", "other": "period:2025-02-01/2025-02-28", "read": "1"}),
    ("Check: surveillance flights near Utah surged in February 2025", Intent.COMPARE,
     {"nu": "the two things to compare"}),
    ("Is it true that P-8 and U-2 flights doubled in 2025?", Intent.COMPARE, {"nu": "doubled"}),
    # round 19: vague amounts and hedges are read, not dropped: said back, filtering nothing
    ("Check: almost two dozen P-8 flights near Utah in 2025", Intent.COUNT, {"types": "P8", "read": "1"}),
    ("were there dozens of P-8 flights near Utah in 2025?", Intent.COUNT, {"types": "P8", "read": "1"}),
    ("did at least a dozen P-8s fly near Utah in 2024?", Intent.COUNT, {"types": "P8", "read": "1"}),
    ("Check: the U-2 is believed to have flown near Utah on 3 February 2025", Intent.COUNT,
     {"types": "U2", "read": "1", "note": "hedge"}),
    ("Sources say P-8s reportedly flew near Utah in 2025. True?", Intent.COUNT, {"types": "P8", "read": "1"}),
    ("Check: P-8s flew near Utah almost daily between 27 and 31 January 2025", Intent.BREAKDOWN,
     {"by": "day", "read": "1"}),
]


def test_a_period_pointed_at_is_the_previous_one_when_it_is_one_such_unit() -> None:
    feb = parse("how many P-8 missions near Texas in February 2025?")
    that_month = parse("how many U-2 missions near Arizona that month?", previous=feb)
    assert that_month.scope.period == feb.scope.period and not that_month.not_understood
    assert that_month.scope.type_designators == ("U2",) and regions(that_month.scope.regions) == "near:arizona"
    that_day = parse("how many U-2 missions that day?", previous=feb)  # February is not a day: which?
    assert any("that day" in x for x in that_day.not_understood)
    those_days = parse("how many U-2 missions in those days?", previous=feb)
    assert those_days.scope.period == feb.scope.period and not those_days.not_understood
    own = parse("how many U-2 missions that month in March 2025?", previous=feb)  # a period of its own wins
    assert own.scope.period is not None and own.scope.period.start == dt.date(2025, 3, 1)


@pytest.mark.parametrize(("text", "intent", "checks"), TABLE, ids=[row[0][:50] for row in TABLE])
def test_parse_table(text: str, intent: Intent, checks: dict[str, str]) -> None:
    q = parse(text)
    ctx = f"{text!r} → {q.to_dict()}"
    if checks.get("decline"):
        assert q.decline == checks["decline"], ctx
        return
    if intent != Intent.UNKNOWN or "nu" not in checks:
        assert q.intent == intent, ctx
    s = q.scope
    if "types" in checks:
        assert ",".join(s.type_designators) == checks["types"], ctx
    if "roles" in checks:
        assert ",".join(s.roles) == checks["roles"], ctx
    if "excluded" in checks:
        assert ",".join(s.exclude_types) == checks["excluded"], ctx
    if "ops" in checks:
        assert set(checks["ops"].split(",")) <= set(s.operators), ctx
    if "xops" in checks:
        assert ",".join(s.exclude_operators) == checks["xops"] and not s.operators, ctx
    if "regions" in checks:
        assert regions(s.regions) == checks["regions"], ctx
    if "and" in checks:
        assert regions(s.and_regions) == checks["and"], ctx
    if "period" in checks:
        assert s.period is not None and f"{s.period.start}/{s.period.end}" == checks["period"], ctx
    if "by" in checks:
        assert q.by == checks["by"], ctx
    if "rank" in checks:
        assert q.rank is (checks["rank"] == "1"), ctx
    if "other" in checks:
        kind, _, value = checks["other"].partition(":")
        assert q.other is not None, ctx
        got = {"types": ",".join(q.other.type_designators), "regions": regions(q.other.regions),
               "period": f"{q.other.period.start}/{q.other.period.end}" if q.other.period else ""}[kind]
        assert got == value, ctx
    if checks.get("nu"):
        assert any(checks["nu"] in x for x in q.not_understood), ctx
    if checks.get("read"):  # every word read: nothing reported as not understood
        assert not q.not_understood, ctx
    if "corr" in checks:
        want = [tuple(checks["corr"].split(">"))] if checks["corr"] else []
        assert [c for c in q.corrections if c in want or not want] == want, ctx
    if "identity" in checks:
        assert checks["identity"] in q.identities, ctx
    if "top" in checks:
        assert q.top == int(checks["top"]), ctx
    if "surv" in checks:
        assert s.surveillance_only is (checks["surv"] == "1"), ctx
    if "note" in checks:
        assert any(checks["note"] in n for n in q.notes), ctx
    if "baseline" in checks:
        assert q.baseline == checks["baseline"], ctx
    if "airframes" in checks:
        assert q.airframes is (checks["airframes"] == "1"), ctx
    if checks.get("nu") == "":
        assert not q.not_understood, ctx
    if "which" in checks:
        assert q.which == checks["which"], ctx
    if "window" in checks:
        assert q.window is not None and "-".join(map(str, q.window)) == checks["window"], ctx
    if "lasting" in checks:
        assert q.lasting is not None and "".join(map(str, q.lasting)) == checks["lasting"], ctx


def test_round15_it_after_a_first_or_last_answer_is_that_record() -> None:
    last = parse("when was the last RQ-4 over the Black Sea in October 2025?")
    callsign = parse("what was its callsign?", previous=last)
    assert callsign.intent == Intent.WHEN and callsign.which == "last" and not callsign.not_understood
    assert callsign.scope.type_designators == ("Q4",)
    first = parse("first P-8 flight of February 2025?")
    which = parse("which aircraft was it?", previous=first)  # wrong before: the 5 airframes of every P-8 flight
    assert which.intent == Intent.WHEN and which.which == "first" and not which.not_understood
    assert parse("when was it?", previous=first).which == "first"
    assert parse("and the last one, when was it?", previous=first).which == "last"
    close = parse("how close did it get to Texas?", previous=first)  # over every P-8 flight: declined
    assert any("it (the one mission" in x for x in close.not_understood)
    counted = parse("did a U-2 fly on 3 February 2025?")
    assert parse("what was its callsign?", previous=counted).intent == Intent.LIST  # the scope's records


def test_follow_ups_keep_the_whole_scope() -> None:
    first = parse("how many missions near Texas in February 2025?")
    which = parse("which ones?", previous=first)
    assert which.intent == Intent.LIST and which.follow_up and not which.corrections
    assert which.scope == first.scope
    narrowed = parse("how many of those were P-8s?", previous=first)
    assert narrowed.scope.type_designators == ("P8",)
    assert narrowed.scope.regions == first.scope.regions and narrowed.scope.period == first.scope.period
    moved = parse("what about Arizona?", previous=first)
    assert regions(moved.scope.regions) == "near:arizona" and moved.scope.period == first.scope.period
    last = parse("the last one?", previous=first)
    assert last.intent == Intent.WHEN and last.which == "last" and last.scope == first.scope
    compared = parse("compared with 2024?", previous=parse("how many U-2 missions in 2025?"))
    assert compared.intent == Intent.COMPARE and compared.other is not None
    assert compared.scope.type_designators == ("U2",) and compared.other.period.start == dt.date(2024, 1, 1)


def test_typo_correction_never_turns_a_word_into_an_entity() -> None:
    for text in ("which ones?", "list those ones", "show me the ones near Texas"):
        q = parse(text)
        assert not any(b == "drones" for _, b in q.corrections), (text, q.corrections)
        assert not q.scope.roles, (text, q.scope)
    fixed = parse("how many misions near Texs in Febuary 2025?")
    assert ("Texs", "texas") in fixed.corrections or ("Texs", "Texas") in fixed.corrections


def test_typo_correction_takes_one_slip_not_a_different_word() -> None:
    stranger = parse("how many missions near Zalifornix in 2025?")  # two letters off California, not the same start
    assert not stranger.scope.regions and "Zalifornix" in " ".join(stranger.not_understood), stranger.to_dict()
    assert not stranger.corrections
    for typo, place in (("Califronia", "california"), ("Missisipi", "mississippi"), ("Arizna", "arizona")):
        q = parse(f"how many missions near {typo} in 2025?")
        assert regions(q.scope.regions) == f"near:{place}" and q.corrections, (typo, q.to_dict())


def test_a_period_relative_to_today_is_not_taken_for_one_relative_to_the_question_before() -> None:
    first = parse("how many P-8 flights in January 2025?")
    previous = parse("and the previous month?", previous=first)
    assert any("previous month" in x for x in previous.not_understood), previous.not_understood
    assert not parse("how many flights in the previous month?").not_understood


def test_sorted_by_date_is_the_list_newest_first() -> None:
    first = parse("list P-8 flights in 2025")
    for text in ("sorted by date", "sort them by date", "newest first"):
        q = parse(text, previous=first)
        assert q.intent == Intent.LIST and not q.not_understood and q.scope == first.scope, (text, q.to_dict())
    assert parse("in chronological order", previous=first).not_understood  # oldest first: not offered


def test_narrowing_follow_ups() -> None:
    first = parse("how many Navy flights in January 2025?")
    only = parse("only the P-8s?", previous=first)
    assert only.follow_up and not only.not_understood and only.scope.type_designators == ("P8",)
    assert only.scope.operators == ("us-navy",) and only.scope.period == first.scope.period
    excluding = parse("excluding P-8s?", previous=first)
    assert excluding.follow_up and excluding.scope.exclude_types == ("P8",) and not excluding.scope.type_designators
    assert excluding.scope.operators == ("us-navy",) and excluding.scope.period == first.scope.period
    year = parse("how about 2024?", previous=first)
    assert year.follow_up and year.scope.operators == ("us-navy",) and year.scope.period.start == dt.date(2024, 1, 1)


def test_of_those_narrows_places_and_periods() -> None:
    first = parse("how many P-8 flights near Texas in 2025?")
    gulf = parse("how many of those were over the Gulf of Mexico?", previous=first)
    assert regions(gulf.scope.regions) == "near:texas" and regions(gulf.scope.and_regions) == "over:gulf-of-mexico"
    assert gulf.scope.period == first.scope.period and gulf.scope.type_designators == ("P8",)
    were = parse("how many were E-3s?", previous=first)
    assert were.follow_up and were.scope.type_designators == ("E3TF", "E3CF")
    assert were.scope.regions == first.scope.regions
    outside = parse("how many of those were in 2024?", previous=first)
    assert any("outside" in x for x in outside.not_understood)
    fresh = parse("how many were there near Arizona in 2024?", previous=first)
    assert regions(fresh.scope.regions) == "near:arizona" and not fresh.scope.and_regions


def test_a_place_name_two_regions_share_is_asked_about_not_guessed() -> None:
    import dataclasses

    from claims.nlp.vocabulary import RegionEntry

    world = dataclasses.replace(VOCABULARY, version="test-parse-georgias",
                                regions=(*VOCABULARY.regions, RegionEntry("georgia-country", "Georgia", "country")))
    vocab = build_vocab(world)

    def read(text: str) -> BotQuery:
        return parse_question(text, now=NOW, vocab=vocab, vocabulary=world)

    asked = read("how many flights near Georgia in 2025?")
    assert not asked.scope.regions and any("the US state Georgia" in n and "the country Georgia" in n
                                           for n in asked.not_understood), asked.not_understood
    assert regions(read("how many flights near the country of Georgia in 2025?").scope.regions) == \
        "near:georgia-country"
    for text in ("how many flights near the state of Georgia in 2025?", "how many flights over Georgia state?"):
        q = read(text)
        assert regions(q.scope.regions) in ("near:georgia", "over:georgia") and not q.not_understood, q.to_dict()


def test_an_abbreviated_shared_state_name_is_named_once() -> None:
    """"Mich." is Michigan or Michoacán: asked about once, not again as a word "Mich" the reader did not know."""
    import dataclasses

    from claims.nlp.vocabulary import RegionEntry

    regions = tuple(RegionEntry(r.slug, r.name, r.kind, (*r.aliases, "Mich.")) if r.slug == "michoacan" else r
                    for r in VOCABULARY.regions)  # the world reference data's abbreviations
    world = dataclasses.replace(VOCABULARY, version="test-parse-mich", regions=regions)
    q = parse_question("how many flights near Mich. in 2025?", now=NOW, vocab=build_vocab(world), vocabulary=world)
    assert not q.scope.regions
    assert len(q.not_understood) == 1 and q.not_understood[0].startswith("place: Mich. ("), q.not_understood
    assert "Michigan" in q.not_understood[0] and "Michoac" in q.not_understood[0]


def test_round7_follow_ups_drop_a_field_leave_out_an_operator_and_take_a_place() -> None:
    """"drop the date", "excluding the Navy ones?", "same but for Arizona" edit the previous question."""
    first = parse("how many P-8 flights near Texas in February 2025?")
    dropped = parse("drop the date", previous=first)
    assert dropped.scope.period is None and dropped.scope.type_designators == ("P8",), dropped.to_dict()
    assert not dropped.not_understood, dropped.not_understood
    other = parse("same but for Arizona", previous=first)
    assert regions(other.scope.regions) == "near:arizona" and other.scope.period == first.scope.period
    assert not other.not_understood, other.not_understood
    ever = parse("ever?", previous=first)
    assert ever.scope.period is None and ever.scope.type_designators == ("P8",) and not ever.not_understood
    previous_october = parse("what about the previous October?", previous=first)  # was the same October again
    assert any("previous" in x for x in previous_october.not_understood), previous_october.to_dict()
    us_ones = parse("what about US ones?", previous=parse("how many Navy flights in 2025?"))  # was over the US too
    assert not us_ones.scope.regions and "us-air-force" in us_ones.scope.operators, us_ones.to_dict()
    without = parse("excluding the Navy ones?", previous=parse("how many flights near Texas?"))
    assert without.scope.exclude_operators == ("us-navy",) and regions(without.scope.regions) == "near:texas"
    assert not without.not_understood, without.not_understood


def test_round8_corrections_edit_the_question_before() -> None:
    """"sorry, I meant Arizona", "no wait, the U-2", "sorry, 2025": the previous question with that one field changed;
    "which aircraft were they?" the previous answer's aircraft (all were declined)."""
    first = parse("how many P-8 flights near Texas in February 2025?")
    arizona = parse("sorry, I meant Arizona", previous=first)
    assert regions(arizona.scope.regions) == "near:arizona" and arizona.scope.type_designators == ("P8",)
    assert arizona.scope.period == first.scope.period and not arizona.not_understood, arizona.to_dict()
    u2 = parse("no wait, the U-2", previous=first)
    assert u2.scope.type_designators == ("U2",) and regions(u2.scope.regions) == "near:texas", u2.to_dict()
    year = parse("sorry, 2025", previous=first)
    assert f"{year.scope.period.start}/{year.scope.period.end}" == "2025-01-01/2025-12-31", year.to_dict()
    assert not year.not_understood and year.scope.type_designators == ("P8",), year.to_dict()
    october = parse("and how many of those were in October 2025?", previous=parse("how many P-8 flights near Texas?"))
    assert october.intent == Intent.COUNT and not october.not_understood, october.to_dict()  # was a comparison
    wait = parse("wait, what about 2024?", previous=first)
    assert f"{wait.scope.period.start}/{wait.scope.period.end}" == "2024-01-01/2024-12-31", wait.to_dict()
    assert not wait.not_understood and wait.scope.type_designators == ("P8",), wait.to_dict()
    anew = parse("actually, how many U-2 flights in 2024?", previous=first)
    assert anew.scope.type_designators == ("U2",), anew.to_dict()
    over_it = parse("over it?", previous=first)
    assert regions(over_it.scope.regions) == "over:texas" and not over_it.not_understood, over_it.to_dict()
    assert ("over it", "over Texas") in over_it.corrections, over_it.corrections
    itself = parse("and over Texas itself?", previous=first)
    assert regions(itself.scope.regions) == "over:texas" and not itself.not_understood, itself.to_dict()
    two = parse("over it?", previous=parse("how many flights near Texas or Arizona?"))
    assert two.not_understood, two.to_dict()  # which of the two?
    for text in ("do the same for the U-2", "same question for the U-2", "ditto for the U-2"):
        same = parse(text, previous=first)  # "do the same…" was a new question: every U-2 flight of all time
        assert same.scope.type_designators == ("U2",) and regions(same.scope.regions) == "near:texas", same.to_dict()
        assert same.scope.period == first.scope.period and not same.not_understood, same.to_dict()
    bare = parse("U-2s?", previous=first)  # was a new question: every U-2 flight of all time
    assert bare.scope.type_designators == ("U2",) and regions(bare.scope.regions) == "near:texas", bare.to_dict()
    place = parse("Arizona?", previous=first)
    assert regions(place.scope.regions) == "near:arizona" and not place.not_understood, place.to_dict()
    assert parse("U-2s?").scope.regions == ()  # a fresh thread: a new question
    rest = parse("what about flights that weren't P-8s?", previous=first)  # was P-8s other than P-8s: 0
    assert not rest.scope.type_designators and rest.scope.exclude_types == ("P8",), rest.to_dict()
    they = parse("which aircraft were they?", previous=first)
    assert they.intent == Intent.WHICH_AIRCRAFT and not they.not_understood, they.to_dict()
    assert parse("no P-8 flights near Texas?").scope.type_designators == ("P8",)  # "no" alone is not a correction


def test_round13_follow_ups_go_back_widen_and_rank_every_group() -> None:
    """"back to the P-8s" (was declined), "anywhere?" / "any type?" / "any operator" clear that field ("anywhere"
    was filler: the place was kept), and a ranking asked after a question about one operator ranks every operator."""
    first = parse("how many P-8 flights near Texas in February 2025?")
    u2 = parse("what about U-2s?", previous=first)
    back = parse("back to the P-8s", previous=u2)
    assert back.scope.type_designators == ("P8",) and not back.not_understood, back.to_dict()
    assert regions(back.scope.regions) == "near:texas" and back.scope.period == first.scope.period
    anywhere = parse("anywhere?", previous=first)
    assert anywhere.scope.regions == () and anywhere.scope.type_designators == ("P8",), anywhere.to_dict()
    any_type = parse("any type?", previous=first)
    assert not any_type.scope.type_designators and regions(any_type.scope.regions) == "near:texas", any_type.to_dict()
    navy = parse("how many surveillance flights near Texas in 2025 were flown by the Navy?")
    assert navy.scope.operators == ("us-navy",), navy.to_dict()
    who = parse("which operator flew the most?", previous=navy)
    assert who.rank and who.scope.operators == () and who.scope.surveillance_only, who.to_dict()
    them = parse("who flew them?", previous=navy)  # "them" are the Navy's flights: kept
    assert them.scope.operators == ("us-navy",), them.to_dict()
    # held-out: "which was least common?" after a breakdown ranks its groups; "any place?" keeps the question asked
    by_type = parse("broken down by type", previous=first)
    low = parse("which was least common?", previous=by_type)
    assert low.rank and low.by == "type" and low.which == "least" and not low.not_understood, low.to_dict()
    assert parse("and the least common?", previous=by_type).which == "least"  # after a ranking or breakdown
    ever = parse("and over all time?", previous=first)  # found by probing: the period was kept ("over all" filler)
    assert ever.scope.period is None and not ever.not_understood, ever.to_dict()
    for words in ("any year?", "in any year?", "all years?", "whatever the date?"):  # the period was kept
        wide_time = parse(words, previous=first)
        assert wide_time.scope.period is None and not wide_time.not_understood, (words, wide_time.to_dict())
    by_day = parse("rank them by day", previous=first)
    assert by_day.rank and by_day.by == "day" and by_day.top == 999 and not by_day.not_understood, by_day.to_dict()
    wide = parse("any place?", previous=low)
    assert wide.intent == Intent.BREAKDOWN and wide.which == "least" and wide.scope.regions == (), wide.to_dict()
    # found by probing: "up or down" was filler, so "is that up or down from last year?" gave the count again
    p8 = parse("how many P-8 flights in 2025?")
    same = parse("is that up or down from last year?", previous=p8)  # last year is 2025 (today 2026): no other side
    assert same.intent == Intent.COMPARE and any("both sides are the same" in x for x in same.not_understood)
    other = parse("is that up or down from 2024?", previous=p8)
    assert other.intent == Intent.COMPARE and not other.not_understood and other.other is not None, other.to_dict()
    calls = parse("what callsigns?", previous=navy)
    assert calls.intent == Intent.LIST and not calls.not_understood, calls.to_dict()


def test_round9_follow_ups_switch_the_relation_narrow_and_bound_the_distance() -> None:
    """"and over, not near?" (the same place, over), "now only the Navy ones" (narrows), "within 5 nm?" (the
    previous place at that distance): all were declined."""
    first = parse("how many flights near Texas in February 2025?")
    swap = parse("and over, not near?", previous=first)
    assert regions(swap.scope.regions) == "over:texas" and not swap.not_understood, swap.to_dict()
    assert swap.scope.period == first.scope.period and ("over, not near", "over Texas") in swap.corrections
    navy = parse("now only the Navy ones", previous=swap)
    assert navy.scope.operators == ("us-navy",) and regions(navy.scope.regions) == "over:texas", navy.to_dict()
    assert not navy.not_understood, navy.to_dict()
    within = parse("within 5 nm?", previous=first)
    assert regions(within.scope.regions) == "near5:texas" and not within.not_understood, within.to_dict()
    assert parse("within 5 nm?", previous=parse("how many flights near Texas or Arizona?")).not_understood


def test_round9_held_out_follow_ups_narrow_into_the_previous_period_and_replace_instead() -> None:
    """"just the ones in February?" after 2025 is February 2025 (was declined: February 2026 lies outside 2025);
    "narrow that to the Air Force", "and E-3s only?" narrow; "… over New Mexico instead?" replaces the place."""
    first = parse("how many P-8 flights over California in 2025?")
    feb = parse("just the ones in February?", previous=first)
    assert f"{feb.scope.period.start}/{feb.scope.period.end}" == "2025-02-01/2025-02-28", feb.to_dict()
    assert not feb.not_understood and feb.scope.type_designators == ("P8",), feb.to_dict()
    usaf = parse("narrow that to the Air Force", previous=parse("how many flights near New Mexico in 2025?"))
    assert usaf.scope.operators == ("us-air-force",) and not usaf.not_understood, usaf.to_dict()
    e3 = parse("and E-3s only?", previous=parse("how many flights over Oklahoma in 2025?"))
    assert e3.scope.type_designators == ("E3TF", "E3CF") and not e3.not_understood, e3.to_dict()
    nm = parse("what about over New Mexico instead?", previous=parse("how many U-2 flights over California?"))
    assert regions(nm.scope.regions) == "over:new-mexico" and not nm.not_understood, nm.to_dict()


def test_round17_a_swap_replaces_one_part_the_question_before_named() -> None:
    first = parse("how many U-2 flights near Nevada in March 2024?")
    swapped = parse("swap Nevada for Utah", previous=first)
    assert regions(swapped.scope.regions) == "near:utah" and swapped.scope.type_designators == ("U2",)
    assert not swapped.not_understood
    kind = parse("replace the U-2s with RC-135s", previous=swapped)
    assert kind.scope.type_designators == ("R135",) and regions(kind.scope.regions) == "near:utah"
    year = parse("ok now change March 2024 to April 2024", previous=kind)
    assert year.scope.period is not None and year.scope.period.start == dt.date(2024, 4, 1)
    assert year.scope.type_designators == ("R135",) and not year.not_understood
    not_asked = parse("swap Oregon for Idaho", previous=first)  # Oregon was not asked: swap what?
    assert any("swap" in x.lower() for x in not_asked.not_understood)
    people = parse("and the Americans?", previous=first)  # the people of a country: its services
    assert "us-air-force" in people.scope.operators and people.scope.type_designators == ("U2",)
    then = parse("now show them", previous=first)
    assert then.intent == Intent.LIST and not then.not_understood

