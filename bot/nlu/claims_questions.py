"""Questions about the desk's claims: verdicts, evidence, outlets, claimants ("which claims about the U-2 are
unverified?", "what did the Desert Ledger claim?", "claims without evidence")."""
from __future__ import annotations

import re

from bot.nlu.intents import CLAIMS_RX
from bot.nlu.leftovers import leftovers
from bot.nlu.query import BotQuery, Intent
from bot.nlu.vocab import Vocab, alias_pattern
from claims.nlp.reading import QuestionReading
from claims.selectors import UNVERIFIED, ClaimFilter

_RX = re.IGNORECASE

#: "what did the border czar say?", "claims by three US officials", "statements attributed to the Pentagon".
WHO_SAID_RX = re.compile(
    r"\bwhat\s+(?:did|does|do|have|has)\s+(?P<who>[^?!.;]{1,60}?)\s+(?:claim|say|said|report|allege|assert|state)"
    r"(?:ed|s)?\b"
    r"|\b(?:claims?|statements?|assertions?)\s+(?:made\s+by|attributed\s+to|by|from)\s+(?P<who2>[^?!.;,]{1,60})",
    _RX,
)
#: "claims that mention the Black Sea", "claims regarding the RAF": what the claims are about follows.
ABOUT_RX = re.compile(r"\b(?:mention(?:s|ed|ing)?|nam(?:e|es|ed|ing)|regarding|concerning|involving)\b", _RX)
_NOT_A_CLAIMANT = {"", "they", "it", "he", "she", "you", "we", "i", "people", "anyone", "someone", "article",
                   "articles", "story", "report", "piece", "interview", "press", "media", "news"}

VERDICTS: list[tuple[str, tuple[str, ...]]] = [
    (r"unverified|not\s+(?:yet\s+)?verified|not\s+(?:yet\s+)?checked|unchecked", UNVERIFIED),
    (r"unreviewed|not\s+(?:yet\s+)?reviewed|pending|open|undecided|awaiting", ("unreviewed",)),
    (r"unverifiable|cannot\s+be\s+verified|can'?t\s+be\s+verified|not\s+verifiable", ("unverifiable",)),
    (r"partly|partially|partly\s+supported|half[- ]true|mostly\s+true", ("partly_supported",)),
    (r"refuted|false|debunked|wrong|incorrect|untrue|disproven|disproved", ("refuted",)),
    (r"supported|verified|true|confirmed|correct|accurate|backed\s+up", ("supported",)),
]
WITH_EVIDENCE_RX = re.compile(r"\b(?:with|have|has|having|had|backed\s+(?:up\s+)?by|supported\s+by|linked\s+to)\s+"
                              r"(?:some\s+|any\s+|linked\s+)?(?:evidence|sources?|records?|links?|flight\s+data)\b",
                              _RX)
WITHOUT_EVIDENCE_RX = re.compile(
    r"\b(?:without|with\s+no|lacking|missing|no|unsupported\s+by)\s+(?:any\s+)?(?:evidence|sources?|records?|links?)"
    r"(?:\s+(?:yet|so\s+far|at\s+all))?\b"  # "no evidence yet": none today, which is what is listed
    r"|\b(?:(?:still|yet)\s+)?(?:unsourced|unsupported)(?:\s+(?:yet|so\s+far))?\b",
    _RX,
)



def _claimant_words(raw: str) -> str:
    """Who was asked about, without the article words around it: "the border czar" → "border czar"."""
    words = re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=_RX)
    words = re.sub(r"(?:'s)?\s+(?:article|story|report|piece|interview)s?$", "", words, flags=_RX).strip()
    return "" if words.lower() in _NOT_A_CLAIMANT else words


def claims_query(
    text: str, reading: QuestionReading, spans: list[tuple[int, int, str]], vocab: Vocab,
    corrections: list[tuple[str, str]],
) -> BotQuery:
    verdicts: tuple[str, ...] = ()
    for rx, values in VERDICTS:
        # "still unreviewed", "marked as supported", "rated false": the verdict, with its verb
        m = re.search(rf"\b(?:(?:still|yet|now)\s+)?(?:(?:marked|rated|judged|found|ruled|labell?ed|classed)\s+"
                      rf"(?:as\s+)?)?(?:{rx})\b", text, _RX)
        if m:
            verdicts = values
            spans.append((m.start(), m.end(), f"verdict: {m.group(0)}"))
            break
    we = WITHOUT_EVIDENCE_RX.search(text)
    if we:
        spans.append((we.start(), we.end(), "evidence: none"))
    outlet = ""
    pat = alias_pattern(vocab.outlets)
    om = pat.search(text) if pat else None
    if om:
        outlet = vocab.outlets[om.group(1).lower()]
        spans.append((om.start(), om.end(), f"outlet: {om.group(0)}"))
    claimant, ws, we_ = "", 0, 0
    wm = WHO_SAID_RX.search(text)
    if wm:
        group = "who" if wm.group("who") is not None else "who2"
        ws, we_ = wm.span(group)
        overlaps_outlet = bool(om and om.start() < we_ and om.end() > ws)
        who = _claimant_words(wm.group(group))
        if who and not overlaps_outlet:
            claimant = who
            spans.append((ws, we_, f"claimant: {who}"))
    for m in CLAIMS_RX.finditer(text):
        spans.append((m.start(), m.end(), "asked: claims"))
    for m in ABOUT_RX.finditer(text):
        spans.append((m.start(), m.end(), "asked: claims"))
    for m in re.finditer(r"\b(?:articles?|story|stories|report|piece)\b", text, _RX):
        spans.append((m.start(), m.end(), "asked: claims"))
    flt = ClaimFilter(
        type_designators=reading.scope.type_designators,
        verdicts=verdicts,
        without_evidence=bool(we),
        outlet=outlet,
        claimant=claimant,
        region_slugs=_places(text, reading, spans, vocab, taken=[(ws, we_)] if claimant else []),
        operators=reading.scope.operators,
    )
    unread = [w for w in leftovers(text, spans) if w.lower() not in {"verdict", "verdicts", "status"}]
    # "claims that have evidence": "evidence" is filler, so every claim would be listed; only its absence selects
    unread += [f"{m.group(0)} (I find claims without evidence: ask for those, or for a verdict)"
               for m in WITH_EVIDENCE_RX.finditer(text) if we is None]
    return BotQuery(
        intent=Intent.CLAIMS,
        claims=flt,
        understood=tuple(label for _, _, label in sorted(spans) if label.split(":")[0] not in NOT_A_CLAIM_FILTER),
        not_understood=tuple(f"word: {w}" for w in unread) + _not_filtered(spans),
        corrections=tuple(corrections),
    )


#: Parts of a reading that do not select claims: a claim is found by its aircraft, places, operators, verdict,
#: outlet, claimant and evidence — not by the period it speaks of, a role word or a number. Such a part is named as
#: not understood instead of being dropped ("which claims about February 2025…" listed every claim).
NOT_A_CLAIM_FILTER = ("period", "role", "quantity", "rate", "military", "distance", "orbits")


def _not_filtered(spans: list[tuple[int, int, str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(
        f"word: {label.split(': ', 1)[1]} (claims are found by aircraft, place, operator, verdict, outlet or claimant)"
        for _, _, label in sorted(spans) if label.split(":")[0] in NOT_A_CLAIM_FILTER))


def _places(text: str, reading: QuestionReading, spans: list[tuple[int, int, str]], vocab: Vocab,
            taken: list[tuple[int, int]]) -> tuple[str, ...]:
    """The places a claims question is about: those read with near/over, and a known place named without either
    ("claims about Kaliningrad"), which is marked as used. A place inside the words of who said it ("the border
    czar", ``taken``) is part of that name, not a place the claims must be about."""
    inside = [(s, e, label) for s, e, label in spans if label.startswith("region: ")
              and any(s < te and e > ts for ts, te in taken)]
    named = {vocab.regions.get(re.sub(r"^the\s+", "", label.split(": ", 1)[1], flags=_RX).lower())
             for _, _, label in inside}
    if None in named:  # a place in the claimant's words that cannot be told apart from the others: none is used
        named = {rf.slug for rf in reading.scope.regions}
    slugs = [rf.slug for rf in reading.scope.regions if rf.slug not in named]
    for name in reading.unresolved:
        slug = vocab.regions.get(name.lower())
        found = [m for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, _RX)
                 if not any(m.start() < te and m.end() > ts for ts, te in taken)]
        if slug is None or not found:
            continue
        slugs.append(slug)
        spans += [(m.start(), m.end(), f"region: {name}") for m in found]
    return tuple(dict.fromkeys(slugs))

