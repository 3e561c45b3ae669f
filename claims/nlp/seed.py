"""The curated vocabulary as plain Python data: aircraft types, organisations, regions and role words.

Two readers: :func:`claims.nlp.vocabulary.default_vocabulary` (tests and tools without a database) and the database
seeding command (``evidence.services.reference``), which writes the same rows. Keeping one copy means the rules the
tests exercise are the rules production starts with; fact-checkers then add aliases in the admin, and
:func:`claims.nlp.vocabulary.vocabulary_from_db` picks them up without a code change.

Plain data only: importing this module must stay free (no spaCy, no Django models).
"""

from __future__ import annotations

from typing import Any

#: ICAO designators people name in reporting on surveillance flights (docs: shared notes, domain.md).
#: ``role`` is an ``evidence.models.AircraftType.Role`` value.
SEED_AIRCRAFT_TYPES: list[dict[str, Any]] = [
    {
        "designator": "P8",
        "name": "Boeing P-8 Poseidon",
        "aliases": ["P-8", "P-8A", "P-8I", "P-8A Poseidon", "Poseidon", "sub hunter", "sub-hunter"],
        "role": "maritime_patrol",
        "is_surveillance": True,
    },
    {
        "designator": "U2",
        "name": "Lockheed U-2",
        "aliases": ["U-2", "U-2S", "TU-2S", "Dragon Lady"],
        "role": "high_altitude_recon",
        "is_surveillance": True,
    },
    {
        "designator": "R135",
        "name": "Boeing RC-135",
        "aliases": [
            "RC-135", "RC-135V", "RC-135W", "RC-135V/W", "RC-135V/W Rivet Joint", "RC-135 Rivet Joint", "Rivet Joint",
            "Rivet", "RC-135U", "RC-135U Combat Sent", "Combat Sent", "RC-135S", "RC-135S Cobra Ball", "Cobra Ball",
        ],
        "role": "sigint",
        "is_surveillance": True,
    },
    {
        "designator": "E3TF",
        "name": "Boeing E-3 Sentry",
        "aliases": ["E-3", "E-3B", "E-3C", "E-3G", "E-3B/C/G Sentry", "E-3 Sentry", "Sentry", "AWACS"],
        "role": "aew",
        "is_surveillance": True,
    },
    {
        "designator": "E3CF",
        "name": "Boeing E-3 Sentry (CFM56)",
        "aliases": ["E-3D", "E-3F", "E-3D Sentry", "E-3F Sentry"],
        "role": "aew",
        "is_surveillance": True,
    },
    {
        "designator": "E6",
        "name": "Boeing E-6 Mercury",
        "aliases": ["E-6", "E-6B", "E-6B Mercury", "Mercury", "TACAMO"],
        "role": "command_post",
        "is_surveillance": False,
    },
    {
        "designator": "Q4",
        "name": "Northrop Grumman RQ-4 Global Hawk",
        "aliases": ["RQ-4", "RQ-4B", "Global Hawk", "RQ-4 Global Hawk", "MQ-4C", "MQ-4C Triton", "Triton"],
        "role": "drone_recon",
        "is_surveillance": True,
    },
    {
        "designator": "Q9",
        "name": "General Atomics MQ-9 Reaper",
        "aliases": [
            "MQ-9", "MQ-9A", "MQ-9B", "MQ-9 Reaper", "Reaper", "Predator B", "Guardian", "MQ-9 Guardian", "SeaGuardian",
        ],
        "role": "drone_recon",
        "is_surveillance": True,
    },
    {
        "designator": "P3",
        "name": "Lockheed P-3 Orion",
        "aliases": ["P-3", "P-3C", "P-3C Orion", "P-3 Orion", "Orion", "EP-3", "EP-3E", "EP-3E Aries II", "Aries II"],
        "role": "maritime_patrol",
        "is_surveillance": True,
    },
    {
        "designator": "E2",
        "name": "Northrop Grumman E-2 Hawkeye",
        "aliases": ["E-2", "E-2C", "E-2D", "E-2D Hawkeye", "Hawkeye", "Advanced Hawkeye"],
        "role": "aew",
        "is_surveillance": True,
    },
    {
        "designator": "B350",
        "name": "Beechcraft King Air 350",
        # (the RC-12 Guardrail is a King Air 200: BE20 in Doc 8643, evidence/reference_data/aircraft.py)
        "aliases": ["King Air 350", "King Air", "MC-12W", "MC-12W Liberty", "Liberty"],
        "role": "isr",
        "is_surveillance": True,
    },
    {
        "designator": "K35R",
        "name": "Boeing KC-135 Stratotanker",
        "aliases": ["KC-135", "KC-135R", "KC-135T", "Stratotanker"],
        "role": "tanker",
        "is_surveillance": False,
    },
    {
        "designator": "C17",
        "name": "Boeing C-17 Globemaster III",
        "aliases": ["C-17", "C-17A", "Globemaster", "Globemaster III"],
        "role": "transport",
        "is_surveillance": False,
    },
    {
        "designator": "C130",
        "name": "Lockheed C-130 Hercules",
        "aliases": ["C-130", "C-130H", "HC-130", "MC-130", "Hercules"],
        "role": "transport",
        "is_surveillance": False,
    },
    {
        "designator": "C2",
        "name": "Grumman C-2 Greyhound",
        "aliases": ["C-2", "C-2A", "C-2A Greyhound", "Greyhound"],
        "role": "transport",
        "is_surveillance": False,
    },
]

#: Organisations named in this reporting. ``kind`` is an ``evidence.models.Organisation.Kind`` value.
SEED_ORGANISATIONS: list[dict[str, Any]] = [
    {"slug": "us-navy", "name": "United States Navy", "short_name": "US Navy", "kind": "military", "country": "US",
     "aliases": ["Navy", "US Navy", "U.S. Navy", "USN"]},
    {"slug": "us-air-force", "name": "United States Air Force", "short_name": "USAF", "kind": "military",
     "country": "US", "aliases": ["Air Force", "US Air Force", "U.S. Air Force", "USAF"]},
    {"slug": "usmc", "name": "United States Marine Corps", "short_name": "USMC", "kind": "military", "country": "US",
     "aliases": ["Marine Corps", "US Marine Corps", "U.S. Marine Corps", "Marines", "US Marines", "USMC"]},
    {"slug": "us-army", "name": "United States Army", "short_name": "US Army", "kind": "military", "country": "US",
     "aliases": ["Army", "US Army", "U.S. Army"]},
    {"slug": "us-coast-guard", "name": "United States Coast Guard", "short_name": "USCG", "kind": "military",
     "country": "US", "aliases": ["Coast Guard", "US Coast Guard", "U.S. Coast Guard", "USCG"]},
    {"slug": "northcom", "name": "US Northern Command", "short_name": "NORTHCOM", "kind": "military", "country": "US",
     "aliases": ["Northern Command", "U.S. Northern Command", "NORTHCOM", "Northcom"]},
    {"slug": "cbp", "name": "U.S. Customs and Border Protection", "short_name": "CBP", "kind": "government",
     "country": "US", "aliases": ["Customs and Border Protection", "US Customs and Border Protection", "CBP",
                                  "Air and Marine Operations", "CBP Air and Marine Operations", "Border Patrol"]},
    {"slug": "dod", "name": "US Department of Defense", "short_name": "Pentagon", "kind": "government",
     "country": "US", "aliases": ["Pentagon", "Department of Defense", "Defense Department", "DoD", "DOD",
                                  "Department of War", "War Department"]},
    {"slug": "dhs", "name": "US Department of Homeland Security", "short_name": "DHS", "kind": "government",
     "country": "US", "aliases": ["Department of Homeland Security", "Homeland Security", "DHS"]},
    {"slug": "dea", "name": "Drug Enforcement Administration", "short_name": "DEA", "kind": "government",
     "country": "US", "aliases": ["DEA", "Drug Enforcement Agency"]},
    {"slug": "white-house", "name": "White House", "short_name": "White House", "kind": "government",
     "country": "US", "aliases": []},
    # seats of government that wire copy names for the government itself ("The Kremlin did not respond"; blind8's
    # pass, as the White House above)
    {"slug": "kremlin", "name": "Kremlin", "short_name": "Kremlin", "kind": "government", "country": "RU",
     "aliases": []},
    {"slug": "downing-street", "name": "Downing Street", "short_name": "Downing Street", "kind": "government",
     "country": "GB", "aliases": ["No 10 Downing Street", "Number 10"]},
    {"slug": "elysee", "name": "Élysée Palace", "short_name": "Élysée", "kind": "government", "country": "FR",
     "aliases": ["Élysée", "Elysee", "Elysee Palace"]},
    {"slug": "sedena", "name": "Secretaría de la Defensa Nacional", "short_name": "SEDENA", "kind": "military",
     "country": "MX", "aliases": ["SEDENA", "Sedena", "Mexican Defense Ministry", "Mexico's Defense Ministry"]},
    {"slug": "cnn", "name": "CNN", "short_name": "CNN", "kind": "news", "country": "US", "aliases": []},
    {"slug": "abc-news", "name": "ABC News", "short_name": "ABC", "kind": "news", "country": "US", "aliases": ["ABC"]},
    {"slug": "nbc-news", "name": "NBC News", "short_name": "NBC", "kind": "news", "country": "US", "aliases": ["NBC"]},
    {"slug": "cbs-news", "name": "CBS News", "short_name": "CBS", "kind": "news", "country": "US", "aliases": ["CBS"]},
    {"slug": "fox-news", "name": "Fox News", "short_name": "Fox", "kind": "news", "country": "US", "aliases": []},
    {"slug": "reuters", "name": "Reuters", "short_name": "Reuters", "kind": "news", "country": "GB", "aliases": []},
    {"slug": "ap", "name": "Associated Press", "short_name": "AP", "kind": "news", "country": "US",
     "aliases": ["AP", "The Associated Press"]},
    {"slug": "new-york-times", "name": "The New York Times", "short_name": "NYT", "kind": "news", "country": "US",
     "aliases": ["New York Times", "NYT"]},
    {"slug": "washington-post", "name": "The Washington Post", "short_name": "Post", "kind": "news", "country": "US",
     "aliases": ["Washington Post"]},
    {"slug": "wall-street-journal", "name": "The Wall Street Journal", "short_name": "WSJ", "kind": "news",
     "country": "US", "aliases": ["Wall Street Journal", "WSJ"]},
]

#: Organisations that are not military services but fly aircraft, so "CBP flights" constrains the operator.
OPERATOR_ORGANISATIONS: frozenset[str] = frozenset({"cbp", "dea", "frontex"})

# ------------------------------------------------------------------------------------------------------- regions

#: USPS code → (name, AP-style abbreviations). Codes that are English words in any case ("IN", "OR", "ME", "OK",
#: "HI", "ID", "LA" — usually Los Angeles —, "DE", "OH") are left to the name: matching them would mark every "in".
_US_STATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AL": ("Alabama", ("Ala.",)), "AK": ("Alaska", ()), "AZ": ("Arizona", ("Ariz.",)), "AR": ("Arkansas", ("Ark.",)),
    "CA": ("California", ("Calif.", "Cal.")), "CO": ("Colorado", ("Colo.",)), "CT": ("Connecticut", ("Conn.",)),
    "DE": ("Delaware", ("Del.",)), "DC": ("Washington, D.C.", ("D.C.", "District of Columbia")),
    "FL": ("Florida", ("Fla.",)), "GA": ("Georgia", ("Ga.",)), "HI": ("Hawaii", ()), "ID": ("Idaho", ()),
    "IL": ("Illinois", ("Ill.",)), "IN": ("Indiana", ("Ind.",)), "IA": ("Iowa", ()), "KS": ("Kansas", ("Kan.",)),
    "KY": ("Kentucky", ("Ky.",)), "LA": ("Louisiana", ("La.",)), "ME": ("Maine", ()), "MD": ("Maryland", ("Md.",)),
    "MA": ("Massachusetts", ("Mass.",)), "MI": ("Michigan", ("Mich.",)), "MN": ("Minnesota", ("Minn.",)),
    "MS": ("Mississippi", ("Miss.",)), "MO": ("Missouri", ("Mo.",)), "MT": ("Montana", ("Mont.",)),
    "NE": ("Nebraska", ("Neb.",)), "NV": ("Nevada", ("Nev.",)), "NH": ("New Hampshire", ("N.H.",)),
    "NJ": ("New Jersey", ("N.J.",)), "NM": ("New Mexico", ("N.M.", "N.Mex.")), "NY": ("New York", ("N.Y.",)),
    "NC": ("North Carolina", ("N.C.",)), "ND": ("North Dakota", ("N.D.",)), "OH": ("Ohio", ()),
    "OK": ("Oklahoma", ("Okla.",)), "OR": ("Oregon", ("Ore.",)), "PA": ("Pennsylvania", ("Pa.",)),
    "RI": ("Rhode Island", ("R.I.",)), "SC": ("South Carolina", ("S.C.",)), "SD": ("South Dakota", ("S.D.",)),
    "TN": ("Tennessee", ("Tenn.",)), "TX": ("Texas", ("Tex.",)), "UT": ("Utah", ()), "VT": ("Vermont", ("Vt.",)),
    "VA": ("Virginia", ("Va.",)), "WA": ("Washington", ("Wash.",)), "WV": ("West Virginia", ("W.Va.",)),
    "WI": ("Wisconsin", ("Wis.",)), "WY": ("Wyoming", ("Wyo.",)),
}

#: USPS codes never used as aliases (see above).
AMBIGUOUS_STATE_CODES: frozenset[str] = frozenset({"IN", "OR", "ME", "OK", "HI", "ID", "LA", "DE", "OH"})

#: (slug, name, aliases) of the 32 Mexican states, slugs as in evidence.geo.boundaries.
_MX_STATES: list[tuple[str, str, tuple[str, ...]]] = [
    ("aguascalientes", "Aguascalientes", ()), ("baja-california", "Baja California", ("state of Baja California",
                                                                                      "Baja California state")),
    ("baja-california-sur", "Baja California Sur", ("BCS",)), ("campeche", "Campeche", ()),
    ("coahuila", "Coahuila", ("Coahuila de Zaragoza",)), ("colima", "Colima", ()), ("chiapas", "Chiapas", ()),
    ("chihuahua", "Chihuahua", ()), ("ciudad-de-mexico", "Mexico City", ("Ciudad de México", "CDMX")),
    ("durango", "Durango", ()), ("guanajuato", "Guanajuato", ()), ("guerrero", "Guerrero", ()),
    ("hidalgo", "Hidalgo", ()), ("jalisco", "Jalisco", ()), ("estado-de-mexico", "State of Mexico",
                                                               ("Estado de México", "Edomex")),
    ("michoacan", "Michoacán", ()), ("morelos", "Morelos", ()), ("nayarit", "Nayarit", ()),
    ("nuevo-leon", "Nuevo León", ()), ("oaxaca", "Oaxaca", ()), ("puebla", "Puebla", ()),
    ("queretaro", "Querétaro", ()), ("quintana-roo", "Quintana Roo", ()), ("san-luis-potosi", "San Luis Potosí", ()),
    ("sinaloa", "Sinaloa", ()), ("sonora", "Sonora", ()), ("tabasco", "Tabasco", ()), ("tamaulipas", "Tamaulipas", ()),
    ("tlaxcala", "Tlaxcala", ()), ("veracruz", "Veracruz", ()), ("yucatan", "Yucatán", ()),
    ("zacatecas", "Zacatecas", ()),
]


def _us_slug(name: str) -> str:
    return "district-of-columbia" if name.startswith("Washington,") else "-".join(name.lower().split())


#: Every region the built-in vocabulary knows: (slug, name, kind, aliases). The database gets its regions (with
#: geometry) from evidence.geo.boundaries plus :data:`REGION_ALIASES`; the slugs and names here match those.
SEED_REGIONS: list[dict[str, Any]] = [
    *(
        {"slug": _us_slug(name), "name": name, "kind": "us_state",
         "aliases": [*(() if code in AMBIGUOUS_STATE_CODES else (code,)), *abbrev]}
        for code, (name, abbrev) in _US_STATES.items()
    ),
    *({"slug": slug, "name": name, "kind": "mx_state", "aliases": list(extra)} for slug, name, extra in _MX_STATES),
    {"slug": "united-states", "name": "United States", "kind": "country",
     "aliases": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "the United States", "the US", "the U.S."]},
    {"slug": "mexico", "name": "Mexico", "kind": "country", "aliases": ["México"]},
    {"slug": "baja-peninsula", "name": "Baja California peninsula", "kind": "peninsula",
     "aliases": ["Baja", "Baja peninsula", "the Baja peninsula", "Baja California Peninsula"]},
    {"slug": "us-mexico-border", "name": "US–Mexico border", "kind": "border",
     "aliases": ["the border", "the southern border", "US-Mexico border", "U.S.-Mexico border",
                 "U.S.–Mexico border", "US/Mexico border", "Mexico border", "the Mexican border", "southwest border",
                 "the southwest border"]},
    {"slug": "gulf-of-california", "name": "Gulf of California", "kind": "gulf",
     "aliases": ["Sea of Cortez", "Sea of Cortés", "Gulf of Cortez"]},
    {"slug": "gulf-of-mexico", "name": "Gulf of Mexico", "kind": "gulf", "aliases": ["Gulf of America"]},
    {"slug": "southwestern-us", "name": "Southwestern United States", "kind": "area",
     "aliases": ["the Southwest", "the American Southwest", "southwestern US", "southwestern U.S.", "southwest US",
                 "US Southwest", "U.S. Southwest"]},
    {"slug": "international-airspace", "name": "International airspace", "kind": "airspace",
     "aliases": ["international waters"]},
]

#: Extra aliases the text reader wants on top of evidence.geo.boundaries' own (slug → aliases). The seeding command
#: merges these into the Region rows; default_vocabulary() merges them into SEED_REGIONS.
REGION_ALIASES: dict[str, list[str]] = {
    "us-mexico-border": ["border region", "the border region", "US-Mexico border region", "southern US border",
                         "the southern US border", "U.S. southern border"],
    "baja-peninsula": ["the Baja California peninsula", "Baja California Peninsula"],
    "southwestern-us": ["southwestern United States", "the US Southwest", "Southwest US"],
    # "neutral waters": the Russian defence ministry's word for the waters (and the airspace over them) beyond any
    # territorial sea ("a scheduled flight in the airspace over the neutral waters of the Barents Sea")
    "international-airspace": ["international airspace", "international waters", "international air space",
                               "neutral waters",
                               # "the plane flew over the high seas": the same waters in English (blind9)
                               "high seas"],
    "gulf-of-california": ["Gulf of Cortés"],
    "mexico": ["Mexican territory", "Mexican airspace"],
}

#: When one phrase names several regions, the one people usually mean (domain.md: "Baja California" alone means the
#: peninsula unless the text says "the state of").
REGION_PHRASE_PREFERENCES: dict[str, str] = {"baja california": "baja-peninsula"}

# ----------------------------------------------------------------------------------------------------- role words

#: Words for kinds of aircraft or flights, not particular types: phrase → (role key, roles). The role key
#: ``"surveillance"`` means Scope.surveillance_only (any type with is_surveillance); the others are
#: AircraftType.Role values (Scope.roles).
_FLIGHT_NOUNS = ("flight", "flights", "mission", "missions", "sortie", "sorties", "plane", "planes", "aircraft",
                 "jet", "jets")
_SURVEILLANCE_HEADS = ("surveillance", "reconnaissance", "recon", "spy", "ISR", "intelligence-gathering",
                       "intelligence gathering", "intelligence, surveillance and reconnaissance", "eavesdropping")
SEED_ROLE_WORDS: list[dict[str, Any]] = [
    *({"phrase": head, "key": "surveillance", "roles": []} for head in _SURVEILLANCE_HEADS),
    *(
        {"phrase": f"{head} {noun}", "key": "surveillance", "roles": []}
        for head in _SURVEILLANCE_HEADS
        for noun in _FLIGHT_NOUNS
    ),
    {"phrase": "signals intelligence", "key": "sigint", "roles": ["sigint"]},
    {"phrase": "SIGINT", "key": "sigint", "roles": ["sigint"]},
    {"phrase": "drone", "key": "drone_recon", "roles": ["drone_recon"]},
    {"phrase": "drones", "key": "drone_recon", "roles": ["drone_recon"]},
    *({"phrase": p, "key": "drone_recon", "roles": ["drone_recon"]}
      for p in ("unmanned aircraft", "unmanned", "uncrewed", "UAV", "UAVs")),
    {"phrase": "maritime patrol", "key": "maritime_patrol", "roles": ["maritime_patrol"]},
    {"phrase": "early warning", "key": "aew", "roles": ["aew"]},
    # round 17: kinds said in everyday words (each a role the reference data gives; "heavies", "warplanes" have none)
    *({"phrase": p, "key": "aew", "roles": ["aew"]}
      for p in ("early-warning", "airborne early warning", "airborne early-warning", "AEW", "AEW&C")),
    *({"phrase": p, "key": "drone_recon", "roles": ["drone_recon"]}
      for p in ("remotely piloted aircraft", "RPA", "RPAs", "unmanned aerial vehicle", "unmanned aerial vehicles",
                "uncrewed aircraft")),
    *({"phrase": p, "key": "maritime_patrol", "roles": ["maritime_patrol"]}
      for p in ("anti-submarine", "anti-submarine aircraft", "anti-submarine warfare", "ASW")),
    *({"phrase": p, "key": "high_altitude_recon", "roles": ["high_altitude_recon"]}
      for p in ("high-altitude reconnaissance", "high-altitude spy plane", "high-altitude spy planes",
                "high altitude spy plane", "high altitude spy planes")),
    *({"phrase": p, "key": "command_post", "roles": ["command_post"]}
      for p in ("command post", "doomsday plane", "doomsday planes")),  # the E-4B's and the E-6B's nickname
    *({"phrase": p, "key": "tanker", "roles": ["tanker"]}
      for p in ("tanker", "tankers", "refueling aircraft", "refuelling aircraft", "aerial refueling",
                "refueller", "refuellers", "refueler", "refuelers", "refueling tanker", "refueling tankers",
                "refuelling tanker", "refuelling tankers", "aerial refuelling")),
    *({"phrase": p, "key": "transport", "roles": ["transport"]}
      for p in ("transport", "transports", "transport plane", "transport planes", "transport aircraft",
                "cargo plane", "cargo planes", "airlifter", "airlifters")),
    *({"phrase": p, "key": "fighter", "roles": ["fighter"]} for p in ("fighter", "fighters", "fighter jet",
                                                                       "fighter jets")),
    *({"phrase": p, "key": "helicopter", "roles": ["helicopter"]} for p in ("helicopter", "helicopters", "chopper",
                                                                             "choppers")),
    *({"phrase": p, "key": "bomber", "roles": ["bomber"]} for p in ("bomber", "bombers", "strategic bomber",
                                                                     "strategic bombers", "heavy bomber",
                                                                     "heavy bombers")),
]

# ------------------------------------------------------------------------------------- sources and other names

#: Organisations that report on, track or build military aircraft, and other names no general pattern finds (an
#: organisation named without a head word such as "Ministry" or "Command"): flight trackers, news outlets and
#: agencies, aircraft makers, alliances and armed groups. Military services of other countries are operators and
#: belong with the world operators (data, with their country), not here.
def _news(slug: str, name: str, short: str, country: str, *aliases: str) -> dict[str, Any]:
    """A news outlet or agency (a short name left empty is the name)."""
    return {"slug": slug, "name": name, "short_name": short or name, "kind": "news", "country": country,
            "aliases": list(aliases)}


SEED_SOURCES: list[dict[str, Any]] = [
    {"slug": "flightradar24", "name": "Flightradar24", "short_name": "FR24", "kind": "other", "country": "SE",
     "aliases": ["Flightradar", "FlightRadar24", "Flight Radar 24", "FR24"]},
    {"slug": "adsb-exchange", "name": "ADS-B Exchange", "short_name": "ADS-B Exchange", "kind": "other",
     "country": "US", "aliases": ["ADSB Exchange", "ADS-B Exchange", "ADSBExchange", "adsbexchange",
                                  "adsbexchange.com"]},
    {"slug": "itamilradar", "name": "Itamilradar", "short_name": "Itamilradar", "kind": "other", "country": "IT",
     "aliases": ["ItaMilRadar", "Italian Military Radar", "ItaMil Radar"]},
    {"slug": "planeradar", "name": "PlaneRadar", "short_name": "PlaneRadar", "kind": "other", "country": "",
     "aliases": ["Plane Radar"]},
    {"slug": "civmilair", "name": "CivMilAir", "short_name": "CivMilAir", "kind": "other", "country": "",
     "aliases": ["CivMilA"]},
    {"slug": "opensky-network", "name": "OpenSky Network", "short_name": "OpenSky", "kind": "other",
     "country": "CH", "aliases": ["OpenSky"]},
    {"slug": "airnav-radar", "name": "AirNav Radar", "short_name": "RadarBox", "kind": "other", "country": "",
     "aliases": ["RadarBox", "AirNav RadarBox"]},
    {"slug": "bbc", "name": "BBC", "short_name": "BBC", "kind": "news", "country": "GB",
     "aliases": ["BBC News", "BBC Verify"]},
    {"slug": "afp", "name": "Agence France-Presse", "short_name": "AFP", "kind": "news", "country": "FR",
     "aliases": ["AFP"]},
    {"slug": "newsweek", "name": "Newsweek", "short_name": "Newsweek", "kind": "news", "country": "US",
     "aliases": []},
    {"slug": "interfax", "name": "Interfax", "short_name": "Interfax", "kind": "news", "country": "RU",
     "aliases": []},
    {"slug": "tass", "name": "TASS", "short_name": "TASS", "kind": "news", "country": "RU", "aliases": []},
    {"slug": "ria-novosti", "name": "RIA Novosti", "short_name": "RIA", "kind": "news", "country": "RU",
     "aliases": ["RIA"]},
    {"slug": "lenta-ru", "name": "Lenta.ru", "short_name": "Lenta.ru", "kind": "news", "country": "RU",
     "aliases": ["Lente.ru"]},
    *(_news(*row) for row in (
        ("dpa", "Deutsche Presse-Agentur", "dpa", "DE", "dpa", "DPA"), ("efe", "EFE", "EFE", "ES", "Agencia EFE"),
        ("ansa", "ANSA", "ANSA", "IT"), ("anadolu", "Anadolu Agency", "Anadolu", "TR", "Anadolu"),
        ("ukrinform", "Ukrinform", "Ukrinform", "UA"), ("ukrainska-pravda", "Ukrainska Pravda", "", "UA"),
        ("european-pravda", "European Pravda", "", "UA", "Yevropeiska Pravda"),
        ("kyiv-independent", "The Kyiv Independent", "Kyiv Independent", "UA", "Kyiv Independent"),
        ("times-of-israel", "The Times of Israel", "Times of Israel", "IL", "Times of Israel"),
        ("defense-news", "Defense News", "", "US"), ("breaking-defense", "Breaking Defense", "", "US"),
        ("the-aviationist", "The Aviationist", "Aviationist", "IT", "Aviationist"),
    )),
    {"slug": "planefinder", "name": "Plane Finder", "short_name": "Planefinder", "kind": "other", "country": "GB",
     "aliases": ["Planefinder", "PlaneFinder"]},
    {"slug": "xinhua", "name": "Xinhua", "short_name": "Xinhua", "kind": "news", "country": "CN", "aliases": []},
    {"slug": "nhk", "name": "NHK", "short_name": "NHK", "kind": "news", "country": "JP", "aliases": []},
    {"slug": "kyodo", "name": "Kyodo News", "short_name": "Kyodo", "kind": "news", "country": "JP",
     "aliases": ["Kyodo"]},
    {"slug": "yonhap", "name": "Yonhap", "short_name": "Yonhap", "kind": "news", "country": "KR", "aliases": []},
    {"slug": "sky-news", "name": "Sky News", "short_name": "Sky News", "kind": "news", "country": "GB",
     "aliases": []},
    {"slug": "the-guardian", "name": "The Guardian", "short_name": "Guardian", "kind": "news", "country": "GB",
     "aliases": ["Guardian"]},
    {"slug": "stars-and-stripes", "name": "Stars and Stripes", "short_name": "Stars and Stripes", "kind": "news",
     "country": "US", "aliases": []},
    {"slug": "usni-news", "name": "USNI News", "short_name": "USNI News", "kind": "news", "country": "US",
     "aliases": []},
    {"slug": "the-war-zone", "name": "The War Zone", "short_name": "TWZ", "kind": "news", "country": "US",
     "aliases": ["War Zone", "TWZ"]},
    {"slug": "air-and-space-forces-magazine", "name": "Air & Space Forces Magazine", "short_name": "",
     "kind": "news", "country": "US", "aliases": ["Air and Space Forces Magazine"]},
    {"slug": "bloomberg", "name": "Bloomberg", "short_name": "Bloomberg", "kind": "news", "country": "US",
     "aliases": ["Bloomberg News"]},
    {"slug": "politico", "name": "Politico", "short_name": "Politico", "kind": "news", "country": "US",
     "aliases": []},
    {"slug": "al-jazeera", "name": "Al Jazeera", "short_name": "Al Jazeera", "kind": "news", "country": "QA",
     "aliases": []},
    {"slug": "ntn24", "name": "NTN24", "short_name": "NTN24", "kind": "news", "country": "CO", "aliases": []},
    {"slug": "general-atomics", "name": "General Atomics", "short_name": "GA-ASI", "kind": "company",
     "country": "US", "aliases": ["General Atomics Aeronautical Systems", "GA-ASI"]},
    {"slug": "northrop-grumman", "name": "Northrop Grumman", "short_name": "Northrop", "kind": "company",
     "country": "US", "aliases": ["Northrop"]},
    {"slug": "lockheed-martin", "name": "Lockheed Martin", "short_name": "Lockheed", "kind": "company",
     "country": "US", "aliases": ["Lockheed"]},
    {"slug": "boeing", "name": "Boeing", "short_name": "Boeing", "kind": "company", "country": "US",
     "aliases": []},
    {"slug": "airbus", "name": "Airbus", "short_name": "Airbus", "kind": "company", "country": "FR",
     "aliases": []},
    {"slug": "raytheon", "name": "RTX", "short_name": "Raytheon", "kind": "company", "country": "US",
     "aliases": ["Raytheon"]},
    {"slug": "bae-systems", "name": "BAE Systems", "short_name": "BAE", "kind": "company", "country": "GB",
     "aliases": []},
    {"slug": "nato", "name": "North Atlantic Treaty Organization", "short_name": "NATO", "kind": "other",
     "country": "", "aliases": ["NATO", "Nato", "North Atlantic Alliance"]},
    {"slug": "european-union", "name": "European Union", "short_name": "EU", "kind": "government",
     "country": "", "aliases": ["EU"]},
    {"slug": "hamas", "name": "Hamas", "short_name": "Hamas", "kind": "other", "country": "", "aliases": []},
    {"slug": "hezbollah", "name": "Hezbollah", "short_name": "Hezbollah", "kind": "other", "country": "",
     "aliases": []},
    {"slug": "houthis", "name": "Houthis", "short_name": "Houthis", "kind": "other", "country": "",
     "aliases": ["Ansar Allah", "the Houthis"]},
    # intergovernmental bodies and non-state armed groups that reports of strikes and shoot-downs name
    *({"slug": slug, "name": name, "short_name": short, "kind": kind, "country": country, "aliases": list(aliases)}
      for slug, name, short, kind, country, aliases in (
        ("united-nations", "United Nations", "UN", "government", "", ("UN", "U.N.")),
        ("african-union", "African Union", "AU", "government", "", ()),
        ("amisom", "African Union Mission in Somalia", "AMISOM", "military", "", ("AMISOM", "ATMIS")),
        ("asean", "Association of Southeast Asian Nations", "ASEAN", "government", "", ("ASEAN",)),
        ("osce", "Organization for Security and Co-operation in Europe", "OSCE", "government", "", ("OSCE",)),
        ("al-qaeda", "al-Qaeda", "al-Qaeda", "other", "",
         ("al Qaeda", "al-Qaida", "al Qaida", "Al Qaeda", "Al-Qaeda", "AQAP", "AQIM")),
        ("al-shabaab", "al-Shabaab", "al-Shabaab", "other", "SO",
         ("al Shabaab", "al-Shabab", "al Shabab", "Shabaab", "Shabab", "Al-Shabaab")),
        ("islamic-state", "Islamic State", "ISIS", "other", "",
         ("ISIS", "ISIL", "Daesh", "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant",
          "Islamic State group")),
        ("boko-haram", "Boko Haram", "Boko Haram", "other", "NG", ()),
        ("farc", "Revolutionary Armed Forces of Colombia", "FARC", "other", "CO", ("FARC", "FARC-EP")),
        ("eln", "National Liberation Army (Colombia)", "ELN", "other", "CO", ("ELN",)),
        ("rsf-sudan", "Rapid Support Forces", "RSF", "military", "SD", ("RSF",)),
        ("wagner-group", "Wagner Group", "Wagner", "military", "RU", ("Wagner PMC",)),
        ("taliban", "Taliban", "Taliban", "other", "AF", ("the Taliban",)),
        ("pkk", "Kurdistan Workers' Party", "PKK", "other", "", ("PKK",)),
        ("m23", "March 23 Movement", "M23", "other", "CD", ("M23",)),
    )),
    {"slug": "weibo", "name": "Weibo", "short_name": "Weibo", "kind": "other", "country": "CN", "aliases": []},
]
SEED_ORGANISATIONS.extend(s for s in SEED_SOURCES if s["slug"] not in {o["slug"] for o in SEED_ORGANISATIONS})
