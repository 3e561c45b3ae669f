"""Word lists that more than one reader needs, in one place: the claim extractor's rules (``components``), the shared
scope reader (``reading``) and the bot's question reader (``bot.nlu``) import them from here, so "sorties" or "nmi"
cannot be known to one and unknown to another.

- :data:`MISSION_NOUNS`, :data:`DISTANCE_UNITS`, :data:`MILES_TO_NM`, :data:`BASELINE_WORDS`: flights, units and
  "historically…" words.
- :data:`MONTHS`: month names and abbreviations → month number.
- :data:`FILLER`: question words that carry no scope and no intent; :data:`CORRECTABLE`: the words a typo may be
  corrected to (with the vocabulary's names); :data:`CLAIM_WORDS`: verdict and evidence words.
- :func:`is_english_word`: a common English word (wordfreq), which typo correction never changes.
"""

from __future__ import annotations

import functools
import re

MISSION_NOUNS = frozenset({"mission", "missions", "flight", "flights", "sortie", "sorties", "patrol", "patrols",
                           "overflight", "overflights", "trip", "trips", "times", "operations", "operation"})
DISTANCE_UNITS = {"nm": "nm", "nmi": "nm", "nautical": "nm", "meters": "m", "metres": "m", "miles": "mi",
                  "mile": "mi", "mi": "mi", "statute": "mi", "km": "km", "kms": "km", "kilometers": "km",
                  "kilometres": "km", "feet": "ft", "ft": "ft", "knots": "kt", "kt": "kt", "%": "percent",
                  "percent": "percent", "per": "percent"}
#: Distance units a place distance may be given in → nautical miles per unit.
MILES_TO_NM = {"nm": 1.0, "nmi": 1.0, "nautical": 1.0, "mile": 0.868976, "miles": 0.868976, "mi": 0.868976,
               "statute": 0.868976, "km": 1 / 1.852, "kms": 1 / 1.852, "kilometer": 1 / 1.852,
               "kilometers": 1 / 1.852, "kilometre": 1 / 1.852, "kilometres": 1 / 1.852,
               # round 15: "klicks" (km), "metres" (1 nm = 1852 m)
               "klick": 1 / 1.852, "klicks": 1 / 1.852, "metres": 1 / 1852, "meters": 1 / 1852}
BASELINE_WORDS = re.compile(r"\b(historically|typically|usually|normally|on average|in the past|previously|"
                            r"in recent years|ordinarily|in a typical)\b", re.IGNORECASE)

#: Words that state a change of rate, for the claim checker (claims.services.rates: the change against a computed
#: baseline) and the bot (bot.nlu.intents: a comparison when both periods are named, "doubled from 2024 to 2025");
#: one list, so both read a story's "surged" or "fell by half" the same (round 19 added "trebled", "climbed",
#: "plunged", "plummeted", "slumped", "fell / dropped by half").
INCREASE_WORDS = (
    "sharply increased", "markedly intensified", "sharply intensified", "increased", "increase", "increasing",
    "intensified", "intensify", "surge", "surged", "surges", "surging", "spike", "spiked", "soared", "soar", "jumped",
    "stepped up", "ramped up", "escalated", "multiplied", "multiply", "rose", "risen", "grew", "uptick", "ballooned",
    "more frequent", "growing number", "climbed",
)
DECREASE_WORDS = (
    "decreased", "decrease", "declined", "decline", "dropped", "fell", "fallen", "reduced", "slowed", "scaled back",
    "dwindled", "less frequent", "plunged", "plummeted", "slumped",
)
FACTOR_WORDS = {
    "doubled": 2.0, "twice as many": 2.0, "tripled": 3.0, "trebled": 3.0, "three times as many": 3.0,
    "quadrupled": 4.0, "four times as many": 4.0, "tenfold": 10.0, "ten times as many": 10.0, "halved": 0.5,
    "half as many": 0.5, "fell by half": 0.5, "dropped by half": 0.5,
}

#: Words that only hedge what a story says ("reportedly", "allegedly", "is said to have", "is believed to have", "it
#: is understood that"; round 19): the claim's caution, which filters nothing — the bot and the claim checker count
#: the claim as if they were not there, and say that they were read.
HEDGE_RX = re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly|apparently|reputedly|ostensibly|seemingly"
                      r"|(?:is|are|was|were)\s+(?:said|believed|thought|understood|reported|alleged|rumou?red"
                      r"|claimed)\s+to(?:\s+have)?"
                      r"|it\s+is\s+(?:understood|believed|alleged|said|reported|thought|claimed)\s+that)\b",
                      re.IGNORECASE)


def _words(text: str) -> list[str]:
    return text.split()


#: Words that carry no scope and no intent of their own: asking for them to be "understood" would only make the bot
#: decline good questions. Anything else left over after reading is reported as not understood.
FILLER = frozenset(
    _words(
        """
        a an the of for to in on at by with from into onto over near around about and or but any all some there
        their this that these those them it its is are was were be been being do does did done has have had having
        can could would will should may might must shall please pls plz tell me us show give get find see know i we
        you your my our how many much what which when where who whom whose why whether number count total times time
        often frequently mission missions flight flights sortie sorties flew fly flies flying flown trip trips patrol
        patrols operation operations aircraft plane planes airplane airplanes jet jets airframe airframes there's
        what's were't did't ok okay hey hi hello bot flightcheck thanks thank so just also then same again more less
        than as per each every if yes seen spotted tracked recorded observed detected logged conducted
        carried out made were went go going come came up down out off near nearby close closer vicinity region
        regions area areas airspace state states around along by between since through make makes
        passed pass passing one ones so far throughout operated operating flt flts activity among amongst
        during within last past previous first latest earliest recent most ever total overall altogether happen
        happened happening occur occurred anywhere somewhere everything anything military us u s list count
        listing records record data evidence say says said claim claims day days week weeks month months year years
        """
    )
)

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb", "febr"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}

#: The words a typo may be corrected to (with the database vocabulary): what a question cannot do without.
CORRECTABLE = (
    {m for m in MONTHS if len(m) > 3}
    | {
        "many",
        "missions",
        "mission",
        "flights",
        "flight",
        "sorties",
        "planes",
        "since",
        "before",
        "after",
        "last",
        "week",
        "month",
        "year",
        "near",
        "over",
        "around",
        "along",
        "close",
        "list",
        "show",
        "when",
        "which",
        "first",
        "claims",
        "claim",
        "evidence",
        "surveillance",
        "reconnaissance",
        "intelligence",
        "between",
        "compare",
        "compared",
        "versus",
        "breakdown",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "unverified",
        "unreviewed",
        "unverifiable",
        "supported",
        "refuted",
        "verified",
        "article",
        "articles",
        "without",
        "supports",
        "yesterday",
        "today",
        "international",
        "border",
        "drones",
        "tankers",
        "aircraft",
        "navy",
        "force",
    }
)
#: Words claims questions use (verdicts, evidence) and other question words: known, so never "corrected" into a name
#: ("false" is not the Falke glider, "airlines" not the Marines).
CLAIM_WORDS = frozenset(
    _words(
        """
        false true wrong right correct incorrect accurate inaccurate untrue debunked disproven disproved confirmed
        backed backs back support supports supporting supported refute refutes refuted verify verifies verified
        verdict verdicts status partly partially mostly half pending open undecided awaiting checked unchecked
        reviewed unreviewed unverified unverifiable sources source links link linked proof proves prove article
        articles story stories report reports piece statement statements assertion assertions fact check checks
        airline airlines airliner airliners commercial passenger civilian civil
        """
    )
)
KNOWN_WORDS = FILLER | CORRECTABLE | CLAIM_WORDS


#: A word this common in English (Zipf frequency, wordfreq) is a word, never a typo: "ones" is not "drones".
ENGLISH_ZIPF = 2.5


@functools.lru_cache(maxsize=4096)
def is_english_word(word: str) -> bool:
    """Whether ``word`` is a common English word (wordfreq's Zipf frequency ≥ :data:`ENGLISH_ZIPF`)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= ENGLISH_ZIPF


#: Hyphens that are not the ASCII one — the non-breaking hyphen of "P‑8" (U+2011, common in copy from word
#: processors and CMSs), the Unicode hyphen, the figure dash, the minus sign, the small and full-width hyphen-minus —
#: read as "-", one character for one so every offset into the text stays valid. The en and em dashes stay (ranges
#: and asides: "12–14 October", "— the Pentagon said").
HYPHENS = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2212\ufe63\uff0d"})
