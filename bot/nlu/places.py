"""Places said the way people say them, spelled as the shared reader reads them.

- "the Pacific", "the Atlantic" (Ocean): the gazetteer holds each ocean as its North and South halves, so the whole
  ocean is both halves ("the North Pacific Ocean or the South Pacific Ocean"), said as a correction. A part named by
  a compass word ("the western Pacific") or a name that only begins with the ocean's ("the Pacific Northwest", "the
  Pacific Fleet") is left alone: the reader declines it.
- "in the skies over / above X" is over X: the words are marked as read.
"""
from __future__ import annotations

import re

_RX = re.IGNORECASE
#: Oceans the gazetteer holds only as their North and South halves.
_HALVED = ("Pacific", "Atlantic")
_OCEAN_RX = re.compile(rf"\bthe\s+(?P<ocean>{'|'.join(_HALVED)})(?:\s+ocean)?\b(?!\s*-)"
                       r"(?!\s+(?:northwest|north-west|rim|islands?|fleet|command|coast|coastline|seaboard|theat(?:er|re)"
                       r"|region|basin|ridge|side)\b)", _RX)
_SKIES_RX = re.compile(r"\b(?:in\s+|through\s+)?the\s+skies\s+(?=over\b|above\b)", _RX)


def spell_oceans(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with "the Pacific" / "the Atlantic" as both halves of the ocean, and what was changed."""
    changes: list[tuple[str, str]] = []

    def halves(m: re.Match[str]) -> str:
        ocean = m.group("ocean").title()
        whole = f"the North {ocean} Ocean or the South {ocean} Ocean"
        changes.append((m.group(0), whole))
        return whole

    return _OCEAN_RX.sub(halves, text), changes


def sky_spans(text: str) -> list[tuple[int, int, str]]:
    """"in the skies over Arizona": the words before "over" are read (over is the relation)."""
    return [(m.start(), m.end(), "over: " + m.group(0).strip()) for m in _SKIES_RX.finditer(text)]


def city_hint(name: str) -> str:
    """Why a city is not a place the bot counts near, and the known places at it the editor can ask about instead
    ("a city in the United States; I count flights near … not cities: it lies in Texas; Biggs Army Airfield is 6 nm
    away"), or "" when ``name`` is not a city of the gazetteer (claims/nlp/data/cities.tsv)."""
    from claims.nlp.demonyms import country_names_by_code
    from claims.nlp.names import city_gazetteer
    from evidence.selectors import places_at_point

    words = tuple(re.findall(r"[\w'’.-]+", name))
    cities = [c for w, c in city_gazetteer().get(words[0], []) if w == words] if words else []
    if not cities:
        return ""
    city = max(cities, key=lambda c: c["population"])
    country = country_names_by_code().get(city["country"], city["country"])
    head = "a city; I count flights near countries, states and provinces, seas and air bases, not cities"
    if city["ambiguous"]:
        head += f"; several places share the name, the largest in {country}" if country else ""
    elif country:
        head = head.replace("a city;", f"a city, {country};", 1)
    said = [f"it lies in {n}" if nm == 0 else f"{n} is {nm:g} nm away" for n, nm in
            places_at_point(city["lat"], city["lon"])]
    return head + (": " + "; ".join(said) + " — ask about one of those" if said else "")
