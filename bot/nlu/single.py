"""A reporter checking one flight, and one chat message holding more than one question (round 15 of the oracle).

- "what was the callsign of the U-2 on 3 February 2025?", "hex of …", "tail numbers of …", "which callsigns did the
  Global Hawks use?": an identity the records hold, asked of the missions a scope pins — answered by the records
  themselves (each record line names the callsign, the hex and the registration), a callsign as a list, a hex, a
  registration or a tail as the airframes. "How many callsigns" (a number of identities) is declined.
- "what was its callsign?", "which aircraft was it?" after "when was the last RQ-4 over the Black Sea?": the one
  mission that answer cited, asked again as the same first/last record; "how close did it get?" after it would be
  answered for every mission of the scope, so it is declined naming "it".
- "how many P-8s near Texas and when was the last U-2?": two questions of different kinds in one message are
  declined naming both (two counts, "… and how many U-2s?", are a comparison: bot.nlu.parse).
- "the flight number of the airliner": the records hold callsigns, not airline flight numbers; declined naming it.
"""
from __future__ import annotations

import re

from bot.nlu.intents import COUNT_RX, Asked
from bot.nlu.query import BotQuery, Intent

_RX = re.IGNORECASE
Spans = list[tuple[int, int, str]]

#: An identity asked for (not given: a cue with its value, "callsign PELCN11", is blanked before this reads).
IDENTITY_ASKED_RX = re.compile(r"\b(?:(?P<cs>call\s*-?\s*signs?)|(?:mode[\s-]?s\s+)?hex(?:es)?(?:\s+codes?)?"
                               r"|mode[\s-]?s\s+(?:codes?|address(?:es)?)|icao(?:\s+(?:hex(?:es)?|address(?:es)?|codes?))?"
                               r"|registrations?|regs?\b\.?|tail\s+numbers?|tails|serials?(?:\s+numbers?)?)\b", _RX)
#: The verb of an identity ask: "which callsign did the RC-135 use", "the callsign it flew under".
IDENTITY_VERB_RX = re.compile(r"\b(?:use|used|using|uses|(?:fly|flew|flown|flying)\s+under|go(?:es)?\s+by|went\s+by"
                              r"|had|have|carry|carried|carrying|bear|bore|bearing|wear|wore)\b", _RX)
_DIFFERENT_RX = re.compile(r"\bhow\s+many\s+(?:distinct|different|unique|individual|separate)\b", _RX)
_FIRST_LAST_RX = re.compile(r"\b(?:first|earliest|last|latest|most\s+recent|newest|oldest)\b", _RX)


def identity_asked(text: str, asked: Asked, spans: Spans) -> Asked:
    """An identity asked of the scope's missions: the records (a callsign) or the airframes (a hex, a registration,
    a tail). A "first/last" question stays one (its record names them); "how many callsigns" is declined."""
    found = list(IDENTITY_ASKED_RX.finditer(text))
    if not found or asked.intent in {Intent.CLOSEST, Intent.COMPARE, Intent.BREAKDOWN, Intent.CLAIMS}:
        return asked
    spans.extend((m.start(), m.end(), "asked: identity") for m in found)
    spans.extend((m.start(), m.end(), "asked: identity") for m in IDENTITY_VERB_RX.finditer(text))
    if asked.intent == Intent.WHEN and _FIRST_LAST_RX.search(text):
        return asked  # "the callsign of the last U-2 flight": that record, which names it
    counted = [m for m in COUNT_RX.finditer(text) if not any(f.start() <= m.start() < f.end() for f in found)]
    callsign = any(m.group("cs") for m in found)
    # ("tail number of the P-8" asks no number; "how many different tails" are the airframes, callsigns are not)
    if counted and (callsign or not _DIFFERENT_RX.search(text)):
        return Asked(Intent.COUNT, unsupported=(f"word: {found[0].group(0)} (a number of identities: ask \"which "
                                                f"{found[0].group(0)}…\" or \"how many different aircraft…\")",))
    if callsign:
        return Asked(Intent.LIST)
    return Asked(Intent.WHICH_AIRCRAFT)


#: A pronoun for one mission: "its callsign", "was it", "that flight".
ONE_RX = re.compile(r"\b(?:it|its|it['’]s|that\s+(?:one|flight|mission|sortie)|this\s+(?:one|flight|mission))\b", _RX)


def the_one_before(text: str, previous: BotQuery, asked: Asked, spans: Spans) -> Asked:
    """After a first/last answer (one record), "it" is that record: a list, an airframe or a "when" asked of it is
    the same record again (its line names the callsign, hex, registration and times); any other answer would be
    over the whole scope, so it is declined naming the pronoun."""
    m = ONE_RX.search(text)
    if m is None or previous.intent != Intent.WHEN or previous.top > 1:
        return asked
    spans.append((m.start(), m.end(), "follow-up: the previous answer's mission"))
    if asked.intent == Intent.WHEN and _FIRST_LAST_RX.search(text):  # "the first one, when was it?": its own
        return asked
    if asked.intent in {Intent.LIST, Intent.WHICH_AIRCRAFT, Intent.WHEN, Intent.UNKNOWN}:
        return Asked(Intent.WHEN, which=previous.which, top=previous.top, unsupported=asked.unsupported)
    return Asked(asked.intent, asked.which, asked.by, asked.rank, asked.top, unsupported=(
        *asked.unsupported, f"word: {m.group(0)} (the one mission of the previous answer: I answer that only with its "
                            "record — ask \"what was its callsign?\" or the whole question)"))


#: Two questions in one message: a question word opening a clause after "and", "also", ";" or a question mark.
_HEAD = (r"(?P<{name}>how\s+many|how\s+often|when|which|what(?!\s+about)|where|who|list|show"
         r"|how\s+(?:close|near|far|long|high))\b")
_FIRST_HEAD_RX = re.compile(r"^\W*(?:(?:hey|hi|ok(?:ay)?|so|and|quick\s+one|pls|please)\W+)*" + _HEAD.format(name="a"),
                            _RX)
_NEXT_HEAD_RX = re.compile(r"(?:[?;]|,?\s+(?:and|also|plus)\b)\s*(?:(?:also|and|then|tell\s+me|can\s+you\s+tell\s+me"
                           r"|pls|please)\s+)*" + _HEAD.format(name="b"), _RX)
_KIND = {"how many": "count", "how often": "count", "when": "when", "which": "which", "what": "which",
         "list": "list", "show": "list"}


def _kind(word: str) -> str:
    word = " ".join(word.lower().split())
    return _KIND.get(word, word)


#: A second question after the first one ended: "…in Feb 2025?? and U-2s??", "… — and U-2s?", "…? also U-2s?".
_AND_AFTER_RX = re.compile(r"(?:\?+|\s[—–-]+)\s*(?:and|also|plus|&|what\s+about|how\s+about)\b(?=.*[A-Za-z0-9])", _RX)
_HOW_MANY_RX = re.compile(r"\bhow\s+many\b", _RX)


def second_how_many(text: str) -> bool:
    """"How many P-8s near Texas, how many U-2s?", "… & how many U-2?": two counts asked (a comparison, never the
    sum), whatever joins them."""
    return len(_HOW_MANY_RX.findall(text)) >= 2


def two_questions(text: str) -> list[str]:
    """"How many P-8s near Texas in February 2025 and when was the last U-2?": two questions of different kinds in
    one message, which one answer cannot hold (merged, the second one's words edit the first one's scope)."""
    first = _FIRST_HEAD_RX.search(text)
    if first is None:
        return []
    after = _AND_AFTER_RX.search(text, first.end())
    if after and not _HOW_MANY_RX.search(text, after.end()):  # "how many …? and how many …?" is a comparison
        return [f"two questions in one message (\"…{after.group(0).strip()} …\" after a whole question): ask them one "
                "at a time"]
    for m in _NEXT_HEAD_RX.finditer(text, first.end()):
        if _kind(m.group("b")) != _kind(first.group("a")):
            return [f"two questions in one message (\"{first.group('a')} …\" and \"{m.group('b')} …\"): ask them one "
                    "at a time"]
    return []


FLIGHT_NUMBER_RX = re.compile(r"\bflight\s+(?:numbers?|nos?\.?|#)", _RX)


def flight_numbers(text: str) -> list[str]:
    """"The flight number of the airliner": an airline's flight number is not in the records (a callsign is)."""
    return [f"word: {m.group(0)} (the records hold callsigns, not airline flight numbers: ask for the callsign)"
            for m in FLIGHT_NUMBER_RX.finditer(text)]
