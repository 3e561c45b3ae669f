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


@functools.cache
def countries_by_demonym() -> dict[str, tuple[str, ...]]:
    """Lower-case demonym ("polish", "south korean") → the names a country goes by (its name first)."""
    from countryinfo import all_countries

    candidates: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for country in all_countries():
        info = country.info()
        demonym = (info.get("demonym") or "").strip().lower()
        if demonym and info.get("name"):
            names = (info["name"], *(a for a in info.get("altSpellings") or () if len(a) > 3))
            candidates.setdefault(demonym, []).append((int(info.get("population") or 0), names))
    out = {}
    for demonym, found in candidates.items():
        found.sort(key=lambda c: -c[0])
        if len(found) == 1 or found[0][0] >= CLEAR_MARGIN * max(found[1][0], 1):
            out[demonym] = found[0][1]
    return out
