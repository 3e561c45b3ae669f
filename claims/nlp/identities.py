"""Aircraft identities written in text: callsigns, ICAO hex addresses and registrations (tail numbers, serials).

Reports about military flights often name the one airframe or mission they saw — "the RC-135V with tail number
64-14841 and call sign HARK51", "hex AE01C5", "flying as FORTE12" — and those are the strongest keys into the flight
records: a callsign is matched against the missions' callsigns, a hex is the aircraft itself, a registration is the
aircraft's hex through the registry (``evidence.selectors.aircraft_identity``).

An identity is read only after the word that says what it is (the cue): "call sign", "callsign", "hex (code)",
"ICAO (address|code|hex)", "Mode S (code|address)", "tail number", "serial (number)", "registration", "BuNo", or
"flying as" before a word shaped like a callsign. A bare "HARK51" or "64-14841" is not read: a six-letter hex can be
an English word ("decade", "facade"), a serial a page or phone number. Several identities may follow one cue ("call
signs JAKE11 and JAKE12", "tail numbers 62-4134, 62-4138").

The bot's question reader (``bot.nlu.parse``) uses the same patterns (:data:`HEX_RX`, :data:`IDENT_RX`,
:data:`IDENT_CUE_RX`); the article extractor uses :func:`find_identities`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_RX = re.IGNORECASE

#: A six-digit hex address with at least one letter and one digit ("ae6801").
HEX_RX = re.compile(r"(?<![\w-])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{6}(?![\w-])", _RX)
#: A callsign ("PELCN11") or a registration ("168754", "N123AB", "08-8888"): checked against the records.
IDENT_RX = re.compile(r"(?<![\w-])(?:[A-Za-z]{3,7}\d{1,4}[A-Za-z]?|\d{2}-\d{3,5}|[A-Za-z]{1,2}-?\d{3,6}[A-Za-z]{0,2}"
                      r"|\d{5,6})(?![\w-])")
#: "callsign PELCN11", "hex ae6801", "registration 168754": the word that says what the identity is.
IDENT_CUE_RX = re.compile(r"(?:\b(?:under|with|using|bearing|flying\s+as)\s+(?:the\s+)?(?=call\s*-?\s*sign|hex|icao"
                          r"|registration|tail|serial))?"
                          r"\b(?:call\s*-?\s*signs?|hex(?:\s+codes?)?|icao(?:\s+(?:address|code|hex))?|registrations?"
                          r"|tail(?:\s+(?:numbers?|no\.?))?|serial(?:\s+numbers?)?)\s+(?P<word>[\w-]+)", _RX)

_CUE_KINDS = (
    ("callsign", r"call[\s-]?signs?|radio\s+call\s*signs?"),
    ("hex", r"hex(?:\s+(?:codes?|address(?:es)?|ids?))?|icao(?:\s+24-bit)?\s+(?:address(?:es)?|codes?|hex(?:es)?)"
            r"|mode[\s-]s\s+(?:codes?|address(?:es)?|hex(?:es)?)|transponder\s+hex"),
    ("registration", r"tail\s+(?:numbers?|nos?\.?|codes?)|serial(?:\s+numbers?|\s+nos?\.?)?|registrations?"
                     r"(?:\s+(?:numbers?|marks?))?|registered\s+as|bu\.?\s?nos?\.?|bureau\s+numbers?"),
)
#: The cue, then "of", "was", "is", ":" or an opening quotation mark at most, then the identities.
_CUE_RX = re.compile(r"\b(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in _CUE_KINDS) + r")"
                     r"(?:\s+(?:of|was|is|were|are|number)|\s*:)?\s*", _RX)
_QUOTES = "\"'“”‘’"
_CALLSIGN = r"[A-Z]{2,7}\s?\d{1,4}[A-Z]?"
_SHAPES = {
    "callsign": re.compile(rf"[{_QUOTES}]?(?P<id>{_CALLSIGN})[{_QUOTES}]?(?![\w-])"),
    "hex": re.compile(rf"[{_QUOTES}]?(?P<id>(?=[0-9A-Fa-f]*\d)[0-9A-Fa-f]{{6}})[{_QUOTES}]?(?![\w-])"),
    "registration": re.compile(rf"[{_QUOTES}]?(?P<id>\d{{2}}-\d{{3,5}}|\d{{5,6}}|[A-Z]{{1,2}}-?\d{{2,6}}[A-Z]{{0,2}}"
                               rf"|[A-Z]{{1,2}}-[A-Z]{{0,2}}\d{{2,6}}[A-Z]{{0,2}}|[A-Z0-9]{{1,2}}-[A-Z]{{3,5}})[{_QUOTES}]?(?![\w-])"),
}
#: Between two identities of one list: "JAKE11 and JAKE12", "62-4134, 62-4138 or 62-4139", "FORTE10/FORTE11".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)")
#: "flying as FORTE12", "flew under FORTE12": a callsign without the word "callsign".
_FLYING_AS = re.compile(r"\b(?i:flying|flew|flown|operating|listed|tracked)\s+(?i:as|under)\s+"
                        r"(?P<id>[A-Z]{3,7}\d{1,4}[A-Z]?)(?![\w-])")


@dataclass(frozen=True)
class Identity:
    """One identity in the text: offsets of the identifier itself, its kind and its normalised value (a callsign
    upper-case without spaces, a hex lower-case, a registration upper-case as written)."""

    start: int
    end: int
    kind: str
    value: str


def _normalise(kind: str, word: str) -> str:
    if kind == "callsign":
        return word.replace(" ", "").upper()
    if kind == "hex":
        return word.lower()
    return word.upper()


def _listed(text: str, at: int, kind: str) -> list[Identity]:
    """The identities of one kind from ``at`` on, as long as a list joins them."""
    out: list[Identity] = []
    shape = _SHAPES[kind]
    while True:
        m = shape.match(text, at)
        if m is None:
            return out
        out.append(Identity(m.start("id"), m.end("id"), kind, _normalise(kind, m.group("id"))))
        gap = _LIST_GAP.match(text, m.end())
        if gap is None:
            return out
        at = gap.end()


def find_identities(text: str) -> list[Identity]:
    """Every callsign, hex address and registration the text names after its cue, in order, without repeats of
    the same place in the text."""
    found: dict[int, Identity] = {}
    for cue in _CUE_RX.finditer(text):
        kind = next(k for k, _ in _CUE_KINDS if cue.group(k))
        for identity in _listed(text, cue.end(), kind):
            found.setdefault(identity.start, identity)
    for m in _FLYING_AS.finditer(text):
        found.setdefault(m.start("id"), Identity(m.start("id"), m.end("id"), "callsign", _normalise("callsign",
                                                                                                      m.group("id"))))
    return [found[k] for k in sorted(found)]
