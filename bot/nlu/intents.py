"""What a question asks for: count, list, when, which aircraft, breakdown or ranking, comparison, claims, help.

Each recogniser marks the words it used as spans ("asked: …"), so nothing else decides what was understood.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.nlu.query import Intent
from claims.nlp.lexicon import DECREASE_WORDS, FACTOR_WORDS, INCREASE_WORDS, MONTHS
from claims.nlp.reading import QuestionReading

_RX = re.IGNORECASE
Spans = list[tuple[int, int, str]]

HELP_RX = re.compile(r"^\s*(?:/?help|\?+|what can (?:you|i) (?:do|ask)|how do (?:i|you) (?:use|ask)|usage|commands?"
                     r"|examples?)\s*[?!.]*\s*$", _RX)
CLAIM_ID_RX = re.compile(r"\bclaim\s*(?:#|no\.?|number|n°)?\s*(?P<id>\d{1,9})\b", _RX)
CLAIMS_RX = re.compile(r"\b(?:claims?|fact[- ]?checks?|statements?|assertions?)\b|\bwhat did (?:the )?.{1,40}?\b"
                       r"(?:claim|say|report|allege)\b", _RX)
#: Questions about reasons or opinions: the records hold where and when aircraft flew, never why.
WHY_RX = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay)\s+)?why\b|\bwhy\s+(?:did|do|does|is|are|was|were|would|has|have)\b"
    r"|\bwhat\s+(?:was|is|were|are)\s+(?:the\s+)?(?:reason|purpose|point|motive)s?\b|\bfor\s+what\s+purpose\b"
    r"|\bdo\s+you\s+think\b|\bin\s+your\s+opinion\b|\bshould\s+(?:we|i|they|the)\b",
    _RX,
)
COMPARE_RX = re.compile(r"\bcompare[ds]?\b|\bvs\.?\b|\bversus\b|\bcompared\s+(?:to|with)\b"
                        r"|\b(?:stacks?|stacked|stacking|measures?|measured)\s+up\s+(?:against|to|with)\b|\bagainst\b"
                        # "as many U-2 flights as E-3s", "half as many …" (round 19)
                        r"|\b(?:half\s+)?as\s+(?:many|much|often|frequently)\b(?=.*\bas\b)"
                        r"|(?<!other )(?<!rather )\bthan\b"
                        r"|\b(?:difference|change)\s+(?:between|from)\b", _RX)
#: "More P-8 or U-2 missions?", "were there fewer near Arizona or near California?": a comparison, never a sum.
MORE_OR_RX = re.compile(r"\b(?:more|fewer|less|most|fewest|higher|lower|greater|bigger|larger|smaller)"
                        r"(?:\s+(?:common|frequent|numerous))?\b"
                        r"(?=.*\b(?:or|vs\.?|versus|than)\b)"
                        # "did the Navy or the Air Force fly more…?": the two sides before the word
                        r"|\bor\b(?=.*\b(?:fly|flew|flown|make|made|have|had|see|saw)\s+(?:more|fewer|less)\b)"
                        # "RAF or USAF: who flew more?", "which had more near Texas?"
                        r"|\b(?:more|fewer)\b(?=\W*$)|\b(?:who|which)\s+(?:flew|made|had|did|saw)\s+(?:more|fewer)\b",
                        _RX)
#: "Did flights go up between January and February?", "has the number increased from 2024 to 2025?", "which was
#: busier, January or February?": with two sides named, a comparison (both numbers), never the span's total.
#: "is that up from January?", "down on last year", "up since 2024": a change said with "up"/"down" and its base
#: ("flew up from Kadena" is a direction, not a change: the flying verbs before it are excluded).
UP_FROM = (r"(?<!\bfly\s)(?<!\bflew\s)(?<!\bflown\s)(?<!\bflying\s)(?<!\bflies\s)"
           r"\b(?:up|down)\s+(?:from|on|since|over|compared|versus|vs\b|against|year[-\s]on[-\s]year)\b")
TREND_RX = re.compile(r"\b(?:go(?:ne)?\s+(?:up|down)|went\s+(?:up|down)|increase[ds]?|rise|rose|risen|grow|grew|grown"
                      r"|drop(?:ped)?|decrease[ds]?|decline[ds]?|fell|fallen|jump(?:ed)?|busier|quieter"
                      r"|outnumber(?:ed|s)?|up\s+or\s+down|down\s+or\s+up)\b"
                      r"|" + UP_FROM, _RX)
#: A change a story states (round 19): a comparison only when both periods are named ("doubled from 2024 to 2025",
#: "fell by half from January to February 2025", "surged in February compared with January"); with one side only
#: ("surged in February", "P-8 and U-2 flights doubled") its word is left unread and the claim declined.
STATED_CHANGE_RX = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
        (*INCREASE_WORDS, *DECREASE_WORDS, *FACTOR_WORDS), key=len, reverse=True))
    # the same said as a question asks it ("did flights double / soar from 2024 to 2025?")
    + r"|double[sd]?|triple[sd]?|halve[sd]?|surges?|soars?|climbs?|plunges?|spikes?"
    r"|(?:fell|fallen|dropped|declined|decreased|rose|risen|increased|grew|grown|jumped)\s+by\s+"
    r"(?:half|a\s+(?:third|quarter)))\b", _RX)
#: A change asked about ("up or down", "did they increase"), never an order ("drop the date").
CHANGE_RX = re.compile(r"\bup\s+or\s+down\b|\bdown\s+or\s+up\b|\b(?:go(?:ne)?|went)\s+(?:up|down)\b"
                       r"|\b(?:increase|decrease)[ds]?\b|\b(?:rose|risen|fell|fallen)\b"
                       r"|" + UP_FROM, _RX)
MORE_YES_NO_RX = re.compile(r"^\W*(?:were|was|are|is|did|do|does|have|has|had)\b.*\b(?:more|fewer|less)\b", _RX)
HOW_MANY_MORE_RX = re.compile(r"\bhow\s+many\s+(?:more|fewer|less)\b", _RX)
#: A bare "aircraft" is not a key: "which aircraft flew the most", "per aircraft" can mean airframes or types
#: (guards.per_airframe declines it); "aircraft type" is the type.
_KEY = (r"day|date|week|month|year|type|aircraft\s+type|model|region|state|place|area|location|operator"
        r"|service|branch|unit")
BREAKDOWN_RX = re.compile(
    # "almost daily", "nearly every day" (round 19: a story's frequency, checked by the days that had missions)
    rf"\b(?:(?:almost|nearly|virtually|practically)\s+)?(?:per|by|each|every|for\s+each|broken\s+down\s+by"
    rf"|breakdown\s+(?:by|per))(?:\s+|-)(?P<key>{_KEY})s?\b"
    # "month-by-month figures", "day-by-day numbers"
    r"|\b(?:day|week|month|year)-?\s*by-?\s*(?P<unit>day|week|month|year)\b(?:\s+(?:figures|numbers|totals|counts))?"
    r"|\b(?:(?:almost|nearly|virtually|practically)\s+)?(?P<adv>daily|weekly|monthly|yearly|annually|annual)\b|\b(?P<bd>breakdown|broken\s+down|break\s+(?:(?:it"
    # "break the January 2025 flights down by day": "break" alone is marked; the words between are read as usual
    r"|them|those|these|that)\s+)?down|break(?=\s+(?:[\w'’-]+\s+){1,5}?down\s+by\b)|split)\b",
    _RX,
)
#: "Which days did RQ-4s fly…", "on what dates…", "in which months…": the days (weeks, months) with missions — a
#: breakdown by that unit. Plural only: "what day did the last U-2 fly?" asks when.
WHICH_UNITS_RX = re.compile(r"\b(?:(?:on|in|during)\s+)?(?:which|what)\s+(?P<key>days|dates|weeks|months|years)\b", _RX)
#: "sorted by date", "newest first": the order lists already come in (an oldest-first order is not offered).
NEWEST_FIRST_RX = re.compile(r"\b(?:sort(?:ed)?|order(?:ed)?)\s+(?:(?:them|it|those|these)\s+)?by\s+(?:date|time)\b"
                             r"(?!\s*,?\s*(?:oldest|earliest)\b)|\b(?:newest|latest|most\s+recent)\s+first\b"
                             r"|\breverse\s+chronological(?:\s+order)?\b", _RX)
#: "What types of aircraft flew near Texas?": a breakdown by type.
TYPES_OF_RX = re.compile(
    r"\b(?:what|which)\s+(?:(?:aircraft|plane)\s+)?(?:types?|kinds?|sorts?|models?)(?:\s+of\s+(?:aircraft|(?:air)?planes?|"
    r"jets?|airframes?))?\b|\b(?:what|which)\s+(?:aircraft|plane)\s+types?\b",
    _RX,
)
#: Rankings: "which day had the most…", "busiest month", "most common type", "top 3 types".
_N = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
RANK_RX = re.compile(
    rf"\b(?:which|what)\s+(?:(?P<n1>{_N})\s+)?(?P<k1>{_KEY})s?\b(?P<mid>.{{0,60}}?)\b(?:the\s+)?(?P<m1>most|highest|largest|biggest|"
    # "what date was the most recent flight?" asks when, not which date had the most
    r"greatest|busiest|fewest|least|lowest|quietest)\b(?!\s+recent(?:ly)?\b)"
    r"(?:\s+(?:common|frequent(?:ly)?|often|active|used|seen|popular)\b)?"
    rf"|\b(?:(?P<n2>{_N})\s+)?(?P<m2>busiest|quietest|most\s+active|least\s+active)\s+(?P<k2>{_KEY})s?\b"
    rf"|\b(?:(?P<n3>{_N})\s+)?(?P<m3>most|least)[\s-]+(?:common|frequent|used|active|frequently\s+seen|seen|flown|popular)\s+(?:aircraft\s+)?(?P<k3>{_KEY})s?\b"
    rf"|\btop\s+(?P<n>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<k4>{_KEY})s?\b"
    # "the month with the most P-8 flights"
    rf"|\b(?:the\s+)?(?P<k6>{_KEY})s?\s+with\s+the\s+(?P<m6>most|highest\s+number\s+of|largest\s+number\s+of)\b"
    # "rank the aircraft types by number of flights", "rank the operators", "a ranked list of operators", "rank the
    # surveillance types" (one describing word between, read as usual): the whole ranking
    rf"|\brank(?:ed|ing)?\s+(?:list\s+of\s+|order\s+of\s+)?(?:all\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?P<k5>{_KEY})s?\b"
    # "sort the aircraft types by how often they flew", "the operators in order of number of flights"
    # "top operator in 2025", "the top type": the first one (a singular key only)
    rf"|\btop\s+(?P<k13>{_KEY})(?!s)\b"
    # "rank them by day": the previous answer's records, every group
    rf"|\brank\s+(?:them|those|these|it)\s+by\s+(?P<k12>{_KEY})s?\b"
    # "which service tops the list?", "what type led the table?": the first one
    rf"|\b(?:which|what)\s+(?P<k11>{_KEY})s?\s+(?:tops|topped|leads|led|heads|headed)\s+(?:the\s+)?(?:list|table"
    r"|ranking|rankings|field)\b"
    # "a league table of aircraft types", "a leaderboard of operators"
    rf"|\b(?:league\s+table|leaderboard|ranking)\s+(?:of|for)\s+(?:all\s+)?(?:the\s+)?(?:aircraft\s+)?(?P<k10>{_KEY})s?\b"
    # "put the operators in order, most flights first"
    rf"|\b(?:put|list|give\s+me)\s+(?:all\s+)?(?:the\s+)?(?P<k9>{_KEY})s?\s+in\s+order\b(?:,?\s+(?:the\s+)?"
    r"(?:most|busiest|biggest)(?:\s+(?:flights|missions|sorties))?\s+first\b)?"
    rf"|\b(?:sort|order)\s+(?:all\s+)?(?:the\s+)?(?P<k7>{_KEY})s?(?:\s+(?:of|in|for)\s+[\w-]+)?\s+by\b(?:\s+how\s+(?:often|frequently|many\s+times)"
    r"\s+(?:they|each(?:\s+one)?)\s+(?:flew|fly|flies|were\s+flown|was\s+flown)\b)?"
    rf"|\b(?:the\s+)?(?P<k8>{_KEY})s?\s+(?:in\s+(?:descending\s+)?order\s+of|ranked\s+by|sorted\s+by)\b"
    # "who flew the most missions near Kaliningrad?": the operators
    r"|\bwho\s+(?:flew|flies|fly|operated|has\s+flown|had)\s+(?:the\s+)?(?P<m9>most|fewest|least)\b"
    # "the peak day", "the maximum daily number of flights", "the most flights in a single day": the busiest unit
    rf"|\bpeak\s+(?P<k14>{_KEY})s?\b"
    r"|\b(?:peak|maximum|max|highest|largest|biggest|greatest)\s+(?P<k15>daily|weekly|monthly|yearly|annual)\s+"
    r"(?:number|count|total|tally|figure)\b"
    r"|\b(?:peak|maximum|max|highest|largest|biggest|greatest|most)\s+(?:number\s+of\s+)?(?:[\w-]+\s+){0,2}?"
    rf"(?:flights|missions|sorties)\s+(?:in|on|during|for)\s+(?:a|one|any|a\s+single)\s+(?P<k16>{_KEY})\b",
    _RX,
)
#: "How many days had no flights in February 2025?", "on how many days were there P-8 flights?": a number of days —
#: those with no mission starting (``which="empty_days"``) or with at least one (``which="days"``).
DAYS_COUNT_RX = re.compile(r"\b(?:on\s+|in\s+)?how\s+many\s+(?:different\s+|distinct\s+|separate\s+"
                           r"|calendar\s+)?days\b", _RX)
#: The days without: "had no flights", "with no P-8 flights", "without any missions", "were there zero flights".
NO_MISSIONS_RX = re.compile(r"\b(?:no|zero|without(?:\s+any)?|not\s+a\s+single)\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:flights?|missions?|sorties?|patrols?)\b", _RX)
#: "which was least common?", "which one was the busiest?" after a breakdown: the previous breakdown's groups ranked.
FOLLOW_RANK_RX = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:(?:which|what)(?:\s+one)?\s+(?:was|were|is|had)\s+"
                            r"|(?:what\s+about\s+)?(?=the\s))"
                            r"(?:the\s+)?(?P<m>most|least|fewest|busiest|quietest|biggest|smallest)"
                            r"(?:\s+(?:common|frequent|active|used|flights?|missions?))?\W*$", _RX)
#: "how many days did the mission last / take?": a duration, not a number of days with missions.
DURATION_RX = re.compile(r"\b(?:lasted|took|ran|stayed|spent)\b|\b(?:last|take|run|stay)\W*$", _RX)
_MISSION_NOUN_RX = re.compile(r"\b(?:flights?|missions?|sorties?|patrols?)\b", _RX)
#: "the second busiest", "the third most common": a place in the ranking other than the first.
ORDINAL_RX = re.compile(r"\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|next)\b", _RX)
#: ``Asked.top`` of a whole ranking ("rank the operators"): every group with missions, in order.
RANK_ALL = 999
#: "which type flew the highest / fastest / farthest?": a measure of the flight, which the answers do not hold.
ALTITUDE_RX = re.compile(r"\b(?:fl(?:y|ew|ies|own|ying)|went|goes|climbed|operated)\s+(?:the\s+)?(?:highest|lowest"
                         r"|fastest|slowest|farthest|furthest|longest|shortest|higher|lower|faster)\b", _RX)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10}
WHEN_RX = re.compile(
    r"\bwhen\b|\bdates?\s+of\b|\bwhat\s+(?:date|day|time)\b|\bwhich\s+date\b|\bhow\s+long\s+ago\b"
    r"|\b(?:the\s+)?(?:very\s+)?(?P<w>first|earliest|last|latest|most\s+recent"
    r"|newest|oldest)\b"
    r"(?!\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty)\s+(?:days?|weeks?|months?))"
    r"(?!\s+(?:week|month|year|quarter)\b)"
    # "last October" is a period (claims/nlp/dates.py), not "the most recent mission"
    r"(?!\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)"
    # "last Tuesday", "last weekend" are days (round 19), not "the most recent mission"
    r"(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|night)\b)",
    _RX,
)
LAST_N_RX = re.compile(r"\b(?:first|earliest|last|latest|most\s+recent|newest|oldest)\s+(?P<n>\d{1,2}|two|three|"
                       r"four|five|six|seven|eight|nine|ten)\b(?!\s+(?:days?|weeks?|months?|years?|quarters?)\b)"
                       # "when did a P-8 last fly?": the 8 of a designation is no number of records
                       r"|(?<![-‐–/])\b(?P<n2>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:most\s+recent|latest|last"
                       r"|first|earliest|newest|oldest)\b", _RX)
WHICH_AIRCRAFT_RX = re.compile(
    # "which aircraft were they?" (a follow-up: the aircraft of the previous answer)
    r"\b(?:which|what)\s+(?:aircraft|(?:air)?planes?|jets?)\s+(?:were|was)\s+(?:they|those|these|it|that)\b|"
    # "which are the aircraft of the Navy that flew…", "what were the planes near Texas": the same, said with "are the"
    r"\b(?:which|what)\s+(?:are|were)\s+the\s+(?:[\w-]+\s+)?(?:aircraft|(?:air)?planes|jets|airframes)\b"
    r"(?!['’]|\s+(?:types?|kinds?|models?)\b)|"
    # "how many distinct aircraft", "how many different P-8s": airframes, not missions
    r"\bhow\s+many\s+(?:distinct|different|unique|individual|separate)\b|"
    # "which aircraft", "which surveillance aircraft", "what Navy planes" (up to two describing words between)
    r"\b(?:which|what)\s+(?:(?!(?:did|do|does|was|were|is|are|had|has|of|the|types?|kinds?|sorts?|models?|about)\b)"
    r"[\w-]+\s+){0,2}?(?:aircraft|(?:air)?planes?|airframes?|tails?|jets?)\b"
    r"|\b(?:registrations?|tail\s+numbers?|airframes?|hex(?:es)?\s+codes?)\b",
    _RX,
)
#: A kind of aircraft said as a plural noun of aircraft ("drones", "tankers", "spy planes", "UAVs"), not of flights.
_AIRCRAFT_KIND_RX = re.compile(r".*(?<!flight)(?<!mission)(?<!sortie)(?<!patrol)s", _RX | re.DOTALL)
_FLIGHT_AFTER_RX = re.compile(r"\s+(?:flights?|missions?|sorties?|patrols?|trips?)\b", _RX)


_NAMES_BEFORE_RX = re.compile(r"(?:(?:[A-Z][\w.]*|U\.S\.)\s+){1,2}")
#: Words between "which" and "aircraft" that say airframes are asked for ("which individual aircraft").
_AIRFRAME_WORDS = frozenset({"individual", "different", "distinct", "separate", "unique", "specific", "particular"})


def _kind_of_aircraft_at(text: str, at: int, spans: list[tuple[int, int, str]]) -> bool:
    """Kinds of aircraft said from ``at`` on ("drones", "spy drones", "tankers"): a run of kind words whose last
    is a plural noun of aircraft, with no noun of flights after it ("which drone flights" asks for the flights)."""
    pos, last = at, None
    for s, e in sorted((s, e) for s, e, label in spans if label.startswith("role:")):
        if s < pos:
            continue
        # before the first kind word, up to two names ("which American drones", "which Navy tankers"): the
        # nationality or operator the readers after this one take
        if text[pos:s].strip() and (last is not None or not _NAMES_BEFORE_RX.fullmatch(text[pos:s])):
            break
        last, pos = (s, e), e
    return last is not None and bool(_AIRCRAFT_KIND_RX.fullmatch(text[last[0]:last[1]])) \
        and not _FLIGHT_AFTER_RX.match(text[last[1]:])


#: "who flew them?", "which services flew near Kaliningrad?": the operators, each with its number of missions.
WHO_FLEW_RX = re.compile(r"\bwho(?:\s+(?:is|are|was|were|has\s+been|have\s+been)|['’]s)\s+flying\b"
                         r"|\bwho\s+(?:flew|flies|fly|operated|operates)\b"
                         r"|\b(?:which|what)\s+(?:services?|operators?|air\s+forces?|branch(?:es)?)\s+(?:flew|fly|operated"
                         r"|were|was|did)\b", _RX)
#: "Was there coverage near Kaliningrad?", "how many aircraft were heard near Texas in February 2025?", "could the
#: receivers hear anything over the Black Sea?": what the receivers heard there (all traffic), not missions.
COVERAGE_RX = re.compile(r"\b(?:(?:ads-?b|receiver|radio|feeder)\s+)?coverage\b|\breception\b|\breceivers?\b"
                         r"|\bfeeders?\b|\b(?:heard|hear|picked\s+up|pick\s+up)\b", _RX)
#: The rest of such a question: "how many aircraft", "anything", "any traffic", "at all", "were there", "see".
HEARD_WORDS_RX = re.compile(r"\b(?:aircraft|planes|traffic|anything|at\s+all|see|saw|seen|like|cover(?:ed|ing|s)?)\b",
                            _RX)
LIST_RX = re.compile(
    r"\b(?:list|show|display|give\s+me|details?|records?|itemi[sz]e|enumerate|pull\s+up)\b"
    r"|\b(?:which|what)\s+(?:missions?|flights?|sorties?|ones|callsigns?|call\s+signs?)\b|\bthem\b|\bwhat\s+(?:were|are)\s+(?:they|those|these)\b"
    r"|\bwhat\s+did\b(?=.*\bfly\b)|\bfly\b(?=\s*[?.!]*\s*$)",
    _RX,
)
COUNT_RX = re.compile(
    r"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b|\bhow\s+often\b|\btotal\b|\bhow\s+frequently\b|\bany\b"
    r"|\btally\b",
    _RX,
)
#: A year or a month name: "2024 vs 2025" and "January versus February" name two periods even when the reader
#: returned only one.
DATE_WORD_RX = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", _RX)
#: What a whole question asks about; a question without one ("how many near Arizona?") edits the one before.
SUBJECT_RX = re.compile(r"\b(?:missions?|flights?|sorties?|(?:air)?planes?|aircraft|times|trips?|patrols?"
                        r"|operations?)\b", _RX)
#: What a breakdown asks about: with a place or a period of its own it is a whole question ("which operators flew
#: near Kaliningrad in October 2025?"); alone ("which operator flew the most?") it ranks the previous question's.
GROUP_SUBJECT_RX = re.compile(r"\b(?:operators?|types?|kinds?|models?|countries|nations|services|airframes?"
                              r"|tails?|tail\s+numbers?|callsigns?|call\s+signs?|hex(?:es)?|hex\s+codes?"
                              r"|registrations?)\b", _RX)  # "list the hex codes near Kaliningrad": the aircraft

_BY = {
    "day": "day", "date": "day", "daily": "day",
    "week": "week", "weekly": "week",
    "month": "month", "monthly": "month",
    "year": "year", "yearly": "year", "annually": "year", "annual": "year",
    "type": "type", "aircraft": "type", "model": "type",
    "region": "region", "state": "region", "place": "region", "area": "region", "location": "region",
    "operator": "operator", "service": "operator", "branch": "operator", "unit": "operator",
}


#: "How close did the U-2 get to Texas?", "the closest approach of the RC-135 to Kaliningrad", "how near did …
#: come": the distance itself, not a count. The verb of approaching is part of the ask.
CLOSEST_RX = re.compile(r"\bhow\s+(?:close|near)\b|\b(?:the\s+|its\s+|their\s+)?(?:closest|nearest)\s+(?:approach"
                        r"|distance|point|pass)\b|\b(?:the\s+)?(?:minimum|smallest|shortest)\s+distance\b"
                        # round 15: "what was the closest the U-2 came to Texas?"
                        r"|\bthe\s+(?:closest|nearest)\b(?=\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:came|got|come|get)\b)",
                        _RX)
APPROACH_VERB_RX = re.compile(r"\b(?:get|got|gets|getting|gotten|come|came|comes|approach(?:ed|es)?|pass(?:ed|es)?"
                              r"|venture[ds]?|stray(?:ed|s)?)\b", _RX)


@dataclass(frozen=True)
class Asked:
    intent: Intent
    which: str = ""
    by: str = ""
    rank: bool = False
    top: int = 0
    #: Words the intent needs and cannot answer ("fewest": empty days are not counted).
    unsupported: tuple[str, ...] = ()


def _key(word: str | None) -> str:
    return _BY.get((word or "").lower().split()[-1], "") if word else ""


def read_intent(text: str, reading: QuestionReading, spans: Spans) -> Asked:
    """The intent of a question, marking in ``spans`` the words that say it."""

    def mark(m: re.Match[str], label: str) -> None:
        spans.append((m.start(), m.end(), f"asked: {label}"))

    if CLAIMS_RX.search(text):
        return Asked(Intent.CLAIMS)
    heard = list(COVERAGE_RX.finditer(text))
    if heard:
        for m in (*heard, *COUNT_RX.finditer(text), *HEARD_WORDS_RX.finditer(text)):
            mark(m, "coverage")
        return Asked(Intent.COVERAGE)
    newest = NEWEST_FIRST_RX.search(text)
    if newest:  # lists are given newest first: "sorted by date" asks for the list as it comes
        mark(newest, "list (newest first)")
        return Asked(Intent.LIST)
    ranked = _ranking(text, mark)
    if ranked is not None:
        return ranked
    close = CLOSEST_RX.search(text)
    if close:
        for m in (close, *APPROACH_VERB_RX.finditer(text)):
            mark(m, "closest approach")
        return Asked(Intent.CLOSEST)
    days = DAYS_COUNT_RX.search(text)
    # "every how many days?" is an interval, "how many days did the mission last?" a duration
    if days and not re.search(r"\bevery\s*$", text[:days.start()], _RX) and not DURATION_RX.search(text):
        return _days_counted(text, days, mark, spans)
    quantities = [(s, e) for s, e, label in reading.spans if label.startswith("quantity:")]
    # "no fewer than 10 surveillance flights": a quantity's bound, not a comparison of two things
    n_periods = len(reading.periods)
    stated = (STATED_CHANGE_RX,) if n_periods >= 2 or len(DATE_WORD_RX.findall(text)) >= 2 else ()
    cm = next((m for rx in (COMPARE_RX, MORE_OR_RX, HOW_MANY_MORE_RX, TREND_RX, *stated) for m in rx.finditer(text)
               if not any(s <= m.start() < e for s, e in quantities)), None)
    sides = n_periods >= 2 or len(DATE_WORD_RX.findall(text)) >= 2 or _two_of_a_kind(reading) \
        or bool(MORE_OR_RX.search(text) and re.search(r"\b(?:or|vs\.?|versus)\b", text, _RX)) \
        or bool(re.search(r"\bas\s+(?:many|much|often|frequently)\b.*\bas\b", text, _RX))
    # "is that up or down from last year?": a change asks for two sides, even when the words name only one (the
    # other is the question before, or the comparison is declined for want of it)
    if cm and (sides or re.search(r"\bcompare|\bhow\s+many\s+(?:more|fewer)", text, _RX) or CHANGE_RX.search(text)):
        for rx in (COMPARE_RX, MORE_OR_RX, HOW_MANY_MORE_RX, TREND_RX, COUNT_RX, *stated):
            for m in rx.finditer(text):
                mark(m, "comparison")
        return Asked(Intent.COMPARE)
    threshold = all(any(s <= m.start() < e for s, e in quantities)  # "did more than 10 flights go…": a threshold
                    for m in re.finditer(r"\b(?:more|fewer|less)\b", text, _RX))
    if MORE_YES_NO_RX.search(text) and not threshold:  # "were there more flights in 2025?": more than what?
        return Asked(Intent.COMPARE, unsupported=("more or fewer than what (name both sides, e.g. \"in 2025 than in "
                                                  "2024\")",))
    tm = TYPES_OF_RX.search(text)
    if tm:
        mark(tm, "breakdown by type")
        for m in COUNT_RX.finditer(text):
            mark(m, "count")
        return Asked(Intent.BREAKDOWN, by="type")
    wu = WHICH_UNITS_RX.search(text)
    if wu:
        by = _key(wu.group("key").lower()[:-1])
        mark(wu, f"breakdown by {by}")
        return Asked(Intent.BREAKDOWN, by=by)
    bm = BREAKDOWN_RX.search(text)
    if bm:
        key = (bm.group("key") or bm.group("unit") or bm.group("adv") or "").lower()
        by = _key(key) if key else "month"
        if not key and bm.group("bd"):
            follow = re.search(r"\bby\s+(\w+)", text[bm.end():], _RX)
            by = _BY.get(follow.group(1).lower(), "month") if follow else "month"
        for m in BREAKDOWN_RX.finditer(text):
            mark(m, f"breakdown by {by}")
        for m in COUNT_RX.finditer(text):
            mark(m, "count")
        return Asked(Intent.BREAKDOWN, by=by)
    who = WHO_FLEW_RX.search(text)
    if who:
        mark(who, "breakdown by operator")
        return Asked(Intent.BREAKDOWN, by="operator")
    wa = WHICH_AIRCRAFT_RX.search(text)
    if wa is None:  # "which P-8s flew…": "which" right before an aircraft name asks for the airframes
        for m in re.finditer(r"\b(?:which|what)\s+(?:of\s+the\s+)?(?:(?:individual|different|distinct|separate"
                             r"|unique)\s+)?", text, _RX):
            if any(s == m.end() and label.startswith("aircraft:") for s, _, label in reading.spans):
                wa = m
                break
            # "which drones / tankers flew…" (round 17): a plural kind of aircraft right after "which" asks for the
            # airframes too ("which drone flights", "which tanker missions" ask for the flights)
            if _kind_of_aircraft_at(text, m.end(), reading.spans):
                wa = m
                break
    if wa:
        words = list(re.finditer(r"\S+", wa.group(0)))
        if len(words) > 2 and words[0].group(0).lower() in {"which", "what"}:
            # "which British aircraft": only "which" and the noun are the intent's words; the words between are
            # the scope's, read (or reported) by the readers after this one (round 17)
            for w in (words[0], *(w for w in words[1:-1] if w.group(0).lower() in _AIRFRAME_WORDS), words[-1]):
                spans.append((wa.start() + w.start(), wa.start() + w.end(), "asked: which aircraft"))
        else:
            mark(wa, "which aircraft")
        return Asked(Intent.WHICH_AIRCRAFT)
    wm = WHEN_RX.search(text)
    if wm and (re.search(r"\bwhen\b|\bdates?\s+of\b|\bwhat\s+(?:date|day|time)\b|\bwhich\s+date\b"
                         r"|\bhow\s+long\s+ago\b", text, _RX)
               or not COUNT_RX.search(text)):
        words = {(m.group("w") or "").lower() for m in WHEN_RX.finditer(text)}
        # "when were the P-3 flights?": their days ("how long ago" asks for the last one)
        if not words - {""} and _plural_subject(text, reading) and not re.search(r"\bhow\s+long\s+ago\b", text, _RX):
            for m in WHEN_RX.finditer(text):
                mark(m, "breakdown by day")
            return Asked(Intent.BREAKDOWN, by="day")
        which = "first" if words & {"first", "earliest", "oldest"} else "last"
        for m in WHEN_RX.finditer(text):
            mark(m, f"when ({which})")
        many = LAST_N_RX.search(text)  # "the last 3 P-8 missions": that many records, not one
        if many:
            n = (many.group("n") or many.group("n2")).lower()
            mark(many, f"how many: {n}")
            return Asked(Intent.WHEN, which=which, top=max(1, min(int(n) if n.isdigit() else _NUMBER_WORDS[n], 50)))
        return Asked(Intent.WHEN, which=which)
    if COUNT_RX.search(text):
        for m in COUNT_RX.finditer(text):
            mark(m, "count")
        return Asked(Intent.COUNT)
    if LIST_RX.search(text):
        for m in LIST_RX.finditer(text):
            mark(m, "list")
        return Asked(Intent.LIST)
    return Asked(Intent.UNKNOWN)


#: Mission nouns in the plural: "when were the P-3 flights?" asks for all of them, not the last one.
PLURAL_MISSIONS_RX = re.compile(r"\b(?:flights|missions|sorties|patrols|trips|overflights)\b", _RX)


def _plural_subject(text: str, reading: QuestionReading) -> bool:
    """A plural mission noun, or an aircraft named in the plural ("U-2s", "Global Hawks", "drones")."""
    if PLURAL_MISSIONS_RX.search(text):
        return True
    return any(label.startswith(("aircraft:", "role:"))
               and (re.search(r"[^sS'’][sS]$", text[s:e]) or text[e:e + 1] in {"s", "S"})
               for s, e, label in reading.spans)


def _ranking(text: str, mark: object) -> Asked | None:
    rm = RANK_RX.search(text)
    if rm is None:
        return None
    key = next((rm.group(k) for k in ("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11", "k12",
                                     "k13", "k14", "k16") if rm.group(k)), "operator")
    if rm.group("k15"):  # "the maximum daily number": the busiest day
        key = {"daily": "day", "weekly": "week", "monthly": "month"}.get(rm.group("k15").lower(), "year")
    by = _key(key)
    if not by:
        return None
    measure = ALTITUDE_RX.search(text)
    if measure:  # "which type flew the highest?": the altitude, not the number of missions
        return Asked(Intent.BREAKDOWN, by=by, rank=True, unsupported=(
            f"word: {measure.group(0)} (I rank by the number of missions, not by altitude, speed or distance)",))
    if any(rm.group(k) for k in ("k5", "k7", "k8", "k9", "k10", "k12")):  # "rank the operators": every group
        mark(rm, f"ranking by {by} (all)")  # type: ignore[operator]
        return Asked(Intent.BREAKDOWN, by=by, rank=True, top=RANK_ALL)
    top = 1
    given = next((rm.group(k) for k in ("n", "n1", "n2", "n3") if rm.group(k)), "")
    if given:
        n = given.lower()
        top = int(n) if n.isdigit() else _NUMBER_WORDS.get(n, 1)
    least = (rm.group("m1") or rm.group("m2") or rm.group("m3") or rm.group("m9") or "").lower()
    ordinal = ORDINAL_RX.search(text[max(0, rm.start() - 20):rm.end()])
    if ordinal:  # "which operator flew the second most?": not the top one
        return Asked(Intent.BREAKDOWN, by=by, rank=True, unsupported=(
            f"word: {ordinal.group(0)} (I name the top or the bottom ones: ask \"top 2 …\" and read the second)",))
    mark(rm, f"ranking by {by}")  # type: ignore[operator]
    for m in COUNT_RX.finditer(text):
        mark(m, "count")  # type: ignore[operator]
    if least in {"fewest", "least", "lowest", "quietest", "least active"}:
        # the fewest among the groups that flew, or among every unit of the period (services._answer_least)
        return Asked(Intent.BREAKDOWN, which="least", by=by, rank=True, top=max(1, min(top, 20)))
    return Asked(Intent.BREAKDOWN, by=by, rank=True, top=max(1, min(top, 20)))


def _days_counted(text: str, days: re.Match[str], mark: object, spans: Spans) -> Asked:
    """"How many days had (no) flights …": the days with at least one mission of the scope, or with none. Days with
    some missions and without others ("P-8 flights but no U-2 flights") are not one scope: declined."""
    mark(days, "count of days")  # type: ignore[operator]
    with_some = re.match(r"\s+(?:with|having|saw|seeing|featured)\b(?!\s+(?:no|none|zero)\b)", text[days.end():],
                         _RX)
    if with_some:  # "how many distinct days with surveillance flights …": the days with any
        spans.append((days.end(), days.end() + with_some.end(), "asked: days with any"))
    empty = [m for m in NO_MISSIONS_RX.finditer(text) if m.start() > days.start()]
    for m in empty:
        spans.append((m.start(), m.start() + len(m.group(0).split()[0]), "asked: days with none"))
    nouns = [n for n in _MISSION_NOUN_RX.finditer(text) if n.start() > days.end()]
    if empty and any(not any(e.start() <= n.start() < e.end() for e in empty) for n in nouns):
        return Asked(Intent.COUNT, which="empty_days", unsupported=(
            "days with some missions and without others (ask for each number of days)",))
    return Asked(Intent.COUNT, which="empty_days" if empty else "days")


def ranking_of_previous(text: str, previous_by: str, spans: Spans) -> Asked | None:
    """"Which was least common?" after a breakdown by type: that breakdown's groups ranked (most or least)."""
    m = FOLLOW_RANK_RX.match(text) if previous_by else None
    if m is None:
        return None
    spans.append((m.start(), m.end(), f"asked: ranking by {previous_by}"))
    least = m.group("m").lower() in {"least", "fewest", "quietest", "smallest"}
    return Asked(Intent.BREAKDOWN, which="least" if least else "", by=previous_by, rank=True, top=1)


def _two_of_a_kind(reading: QuestionReading) -> bool:
    """Two types, two places or two operators: the two sides of "more P-8 or U-2 missions?"."""
    s = reading.scope
    return len(s.type_designators) == 2 or len(s.regions) == 2 or len(s.operators) == 2
