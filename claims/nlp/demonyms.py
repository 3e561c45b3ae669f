"""Nationality words and the countries they name ("Polish airspace" is Poland's), from the ``countryinfo`` package's
country data (MIT; each country's ``demonym``, ``name``, ``altSpellings`` and population). Read once per process.

A demonym several countries share ("Chinese": China, Hong Kong, Macau; "American": the United States, the Northern
Mariana Islands) names the most populous of them only when it has at least :data:`CLEAR_MARGIN` times the next one's
people; otherwise it names none (no guess).
"""
from __future__ import annotations

import functools

#: How many times more people the most populous country of a shared demonym needs to be the one meant.
CLEAR_MARGIN = 10
#: Adjectives reporting uses beside the one demonym the package gives a country ("Filipino" → also "Philippine
#: government", "Saudi Arabian" → "Saudi airspace"), by the country's name in the package.
ADJECTIVES = {"philippine": "Philippines", "saudi": "Saudi Arabia", "azeri": "Azerbaijan", "kazakh": "Kazakhstan",
              "uzbek": "Uzbekistan", "argentine": "Argentina", "argentinian": "Argentina", "icelandic": "Iceland"}

#: States the package still lists that no longer exist: their demonym would hide the country's that does
#: ("Serbian" was shared with Serbia and Montenegro, which had more people, and so named no country).
DISSOLVED = frozenset({"Serbia and Montenegro", "Antilles néerlandaises"})


@functools.cache
def countries_by_demonym() -> dict[str, tuple[str, ...]]:
    """Lower-case demonym ("polish", "south korean") → the names a country goes by (its name first)."""
    from countryinfo import all_countries

    candidates: dict[str, dict[str, tuple[int, tuple[str, ...]]]] = {}
    by_name: dict[str, tuple[str, ...]] = {}
    for country in all_countries():
        info = country.info()
        if not info.get("name") or info["name"] in DISSOLVED:
            continue
        names = (info["name"], *(a for a in info.get("altSpellings") or () if len(a) > 3))
        by_name[info["name"]] = names
        code = (info.get("ISO") or {}).get("alpha2") or info["name"]  # (Burma and Myanmar are one country)
        for demonym in (info.get("demonym") or "").replace("/", ",").split(","):  # "Bosnian,Herzegovinian"
            if demonym.strip():
                found = candidates.setdefault(demonym.strip().lower(), {})
                found.setdefault(code, (int(info.get("population") or 0), names))
    out = _clear_demonyms({d: list(found.values()) for d, found in candidates.items()})
    out.update({a: by_name[n] for a, n in ADJECTIVES.items() if n in by_name and a not in out})
    return out


def _clear_demonyms(candidates: dict[str, list[tuple[int, tuple[str, ...]]]]) -> dict[str, tuple[str, ...]]:
    """A demonym → its country when one country has it, or clearly the most people of those that share it."""
    out = {}
    for demonym, found in candidates.items():
        found.sort(key=lambda c: -c[0])
        if len(found) == 1 or found[0][0] >= CLEAR_MARGIN * max(found[1][0], 1):
            out[demonym] = found[0][1]
    return out


@functools.cache
def country_names_by_code() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code ("US") → the country's name in the package ("United States")."""
    from countryinfo import all_countries

    out: dict[str, str] = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if code and info.get("name") and info["name"] not in DISSOLVED:
            out.setdefault(code, info["name"])
    return out
