"""World military operators and the bodies around them, with the names people write and their country.

Every non-US service carries its country's name in each alias ("Royal Air Force", "RAF", "Ukrainian Air Force"),
so the longest match wins over the US services' bare aliases ("Air Force", "Navy"): "Royal Air Force" is never the
US Air Force. Bare abbreviations that are also ordinary words or other things are left out ("VVS" is kept, "AF" is
not), and so are abbreviations several services share ("IAF" is Israeli and Indian, "PAF" Polish, Pakistani and
Philippine). ``kind`` is an ``evidence.models.Organisation.Kind`` value; ``country`` ISO 3166-1 alpha-2 ("" for
alliances).
"""

from __future__ import annotations

from typing import Any


def _org(slug: str, name: str, short: str, country: str, aliases: tuple[str, ...], kind: str = "military") -> dict:
    return {"slug": slug, "name": name, "short_name": short, "kind": kind, "country": country,
            "aliases": list(aliases)}


WORLD_OPERATORS: list[dict[str, Any]] = [
    # --- United Kingdom
    _org("raf", "Royal Air Force", "RAF", "GB", ("RAF", "the RAF", "UK Royal Air Force", "British Royal Air Force",
                                                 "Britain's Royal Air Force", "British air force")),
    _org("royal-navy", "Royal Navy", "RN", "GB", ("British Royal Navy", "UK Royal Navy", "the Royal Navy",
                                                  "Fleet Air Arm")),
    _org("british-army", "British Army", "British Army", "GB", ("UK Army", "Army Air Corps")),
    _org("uk-mod", "UK Ministry of Defence", "MoD", "GB", ("Ministry of Defence", "British Ministry of Defence",
                                                          "UK MoD", "UK Defence Ministry", "British Defence Ministry"),
         "government"),
    # --- France, Germany, other European air arms
    _org("french-air-space-force", "French Air and Space Force", "AAE", "FR", (
        "Armée de l'Air et de l'Espace", "French Air Force", "Armée de l'Air", "French air force")),
    _org("french-navy", "French Navy", "Marine nationale", "FR", ("Marine nationale", "French Naval Aviation",
                                                                  "Aéronavale")),
    _org("luftwaffe", "German Air Force", "Luftwaffe", "DE", ("Luftwaffe", "German Luftwaffe")),
    _org("german-navy", "German Navy", "Deutsche Marine", "DE", ("Deutsche Marine",)),
    _org("italian-air-force", "Italian Air Force", "AM", "IT", ("Aeronautica Militare", "Italian Aeronautica "
                                                                "Militare")),
    _org("italian-navy", "Italian Navy", "Marina Militare", "IT", ("Marina Militare",)),
    _org("spanish-air-force", "Spanish Air and Space Force", "EA", "ES", ("Spanish Air Force",
                                                                          "Ejército del Aire y del Espacio",
                                                                          "Ejército del Aire")),
    _org("rnlaf", "Royal Netherlands Air and Space Force", "RNLAF", "NL", ("Royal Netherlands Air Force", "RNLAF",
                                                                          "Dutch Air Force", "Koninklijke "
                                                                          "Luchtmacht")),
    _org("belgian-air-component", "Belgian Air Component", "BAC", "BE", ("Belgian Air Force",)),
    _org("rdaf", "Royal Danish Air Force", "RDAF", "DK", ("RDAF", "Danish Air Force", "Flyvevåbnet")),
    _org("rnoaf", "Royal Norwegian Air Force", "RNoAF", "NO", ("RNoAF", "Norwegian Air Force", "Luftforsvaret")),
    _org("swedish-air-force", "Swedish Air Force", "Flygvapnet", "SE", ("Flygvapnet",)),
    _org("finnish-air-force", "Finnish Air Force", "FinAF", "FI", ("Ilmavoimat",)),
    _org("polish-air-force", "Polish Air Force", "Polish AF", "PL", ("Polish Armed Forces", "Siły Powietrzne")),
    _org("romanian-air-force", "Romanian Air Force", "RoAF", "RO", ("Forțele Aeriene Române",)),
    _org("bulgarian-air-force", "Bulgarian Air Force", "BuAF", "BG", ()),
    _org("hellenic-air-force", "Hellenic Air Force", "HAF", "GR", ("Greek Air Force",)),
    _org("turkish-air-force", "Turkish Air Force", "TurAF", "TR", ("Türk Hava Kuvvetleri",)),
    _org("lithuanian-air-force", "Lithuanian Air Force", "LAF", "LT", ()),
    _org("estonian-air-force", "Estonian Air Force", "EAF", "EE", ()),
    _org("latvian-air-force", "Latvian Air Force", "LVAF", "LV", ()),
    _org("czech-air-force", "Czech Air Force", "CzAF", "CZ", ()),
    _org("portuguese-air-force", "Portuguese Air Force", "PoAF", "PT", ("Força Aérea Portuguesa",)),
    # --- Ukraine, Russia, Belarus
    _org("ukrainian-air-force", "Ukrainian Air Force", "UkrAF", "UA", ("Air Force of Ukraine", "Ukraine's Air Force",
                                                                      "Ukraine's air force",
                                                                      "Povitriani Syly")),
    _org("ukrainian-navy", "Ukrainian Navy", "Ukrainian Navy", "UA", ("Ukraine's Navy", "Navy of Ukraine")),
    _org("ukraine-mod", "Ministry of Defence of Ukraine", "Ukrainian MoD", "UA", (
        "Ukrainian Defence Ministry", "Ukrainian Defense Ministry", "Ukraine's Defence Ministry",
        "Ukraine's Defense Ministry", "Ukrainian Ministry of Defense"), "government"),
    _org("vks", "Russian Aerospace Forces", "VKS", "RU", ("VKS", "VKS RF", "Russian Air Force", "Russia's Air Force",
                                                         "Russian air force", "Vozdushno-kosmicheskiye sily",
                                                         "Russian Long-Range Aviation", "Long-Range Aviation",
                                                         "VVS")),
    _org("russian-navy", "Russian Navy", "VMF", "RU", ("Russia's Navy", "Russian Naval Aviation", "Black Sea Fleet",
                                                       "Baltic Fleet", "Northern Fleet", "Russian Northern Fleet",
                                                       "Russian Black Sea Fleet", "Russian Baltic Fleet")),
    _org("russia-mod", "Russian Ministry of Defence", "Russian MoD", "RU", (
        "Russian Defence Ministry", "Russian Defense Ministry", "Russia's Defence Ministry",
        "Russia's Defense Ministry", "Russian Ministry of Defense", "Minoborony"), "government"),
    _org("belarus-air-force", "Belarusian Air Force", "BAF", "BY", ("Belarus Air Force",)),
    # --- Middle East
    _org("israeli-air-force", "Israeli Air Force", "Israeli AF", "IL", ("Israel Air Force",)),
    _org("idf", "Israel Defense Forces", "IDF", "IL", ("IDF", "Israeli military", "Israeli army",
                                                      "Israel Defence Forces")),
    _org("iranian-air-force", "Islamic Republic of Iran Air Force", "IRIAF", "IR", ("IRIAF", "Iranian Air Force")),
    _org("saudi-air-force", "Royal Saudi Air Force", "RSAF", "SA", ("Saudi Air Force",)),
    _org("qatar-air-force", "Qatar Emiri Air Force", "QEAF", "QA", ("Qatari Air Force",)),
    _org("uae-air-force", "United Arab Emirates Air Force", "UAEAF", "AE", ("UAE Air Force", "Emirati Air Force")),
    # --- Asia-Pacific
    _org("raaf", "Royal Australian Air Force", "RAAF", "AU", ("RAAF", "Australian Air Force", "Australia's air force")),
    _org("ran", "Royal Australian Navy", "RAN", "AU", ("Australian Navy",)),
    _org("rnzaf", "Royal New Zealand Air Force", "RNZAF", "NZ", ("RNZAF", "New Zealand Air Force")),
    _org("rcaf", "Royal Canadian Air Force", "RCAF", "CA", ("RCAF", "Canadian Air Force")),
    _org("rcn", "Royal Canadian Navy", "RCN", "CA", ("Canadian Navy",)),
    _org("jasdf", "Japan Air Self-Defense Force", "JASDF", "JP", ("JASDF", "Japan Air Self-Defence Force",
                                                                 "Japanese Air Self-Defense Force",
                                                                 "Japan's Air Self-Defense Force")),
    _org("jmsdf", "Japan Maritime Self-Defense Force", "JMSDF", "JP", ("JMSDF", "Japan Maritime Self-Defence Force",
                                                                       "Japanese Maritime Self-Defense Force")),
    _org("japan-mod", "Japanese Ministry of Defense", "Japan MoD", "JP", (
        "Japan's Defense Ministry", "Japanese Defense Ministry", "Japan's Ministry of Defense", "Joint Staff Office"),
         "government"),
    _org("rokaf", "Republic of Korea Air Force", "ROKAF", "KR", ("ROKAF", "South Korean Air Force",
                                                                "South Korea's air force")),
    _org("plaaf", "People's Liberation Army Air Force", "PLAAF", "CN", ("PLAAF", "PLA Air Force",
                                                                       "Chinese Air Force", "China's air force")),
    _org("plan", "People's Liberation Army Navy", "PLAN", "CN", ("PLAN", "PLA Navy", "Chinese Navy",
                                                                "China's navy", "PLA Navy Air Force")),
    _org("pla", "People's Liberation Army", "PLA", "CN", ("PLA", "Chinese military", "China's military",
                                                         "PLA Eastern Theater Command", "Eastern Theater Command")),
    _org("rocaf", "Republic of China Air Force", "ROCAF", "TW", ("ROCAF", "Taiwan Air Force", "Taiwanese Air Force",
                                                               "Taiwan's air force")),
    _org("taiwan-mnd", "Taiwan Ministry of National Defense", "MND", "TW", (
        "Taiwan's Ministry of National Defense", "Taiwan's defense ministry", "Taiwanese Defense Ministry",
        "Ministry of National Defense"), "government"),
    _org("indian-air-force", "Indian Air Force", "Indian AF", "IN", ()),
    _org("indian-navy", "Indian Navy", "Indian Navy", "IN", ()),
    _org("pakistan-air-force", "Pakistan Air Force", "Pakistan AF", "PK", ("Pakistani Air Force",)),
    _org("philippine-air-force", "Philippine Air Force", "Philippine AF", "PH", ()),
    # --- Americas (non-US)
    _org("mexican-air-force", "Mexican Air Force", "FAM", "MX", ("Fuerza Aérea Mexicana",)),
    _org("mexican-navy", "Mexican Navy", "SEMAR", "MX", ("Secretaría de Marina", "SEMAR", "Semar")),
    _org("venezuelan-air-force", "Venezuelan Military Aviation", "AMV", "VE", (
        "Venezuelan Air Force", "Aviación Militar Venezolana", "Aviación Militar Bolivariana")),
    _org("fanb", "Bolivarian National Armed Forces", "FANB", "VE", ("FANB", "Venezuelan military",
                                                                    "Venezuela's armed forces")),
    _org("colombian-air-force", "Colombian Aerospace Force", "FAC", "CO", ("Colombian Air Force",)),
    _org("brazilian-air-force", "Brazilian Air Force", "FAB", "BR", ("Força Aérea Brasileira",)),
    # --- United States (beyond the seed's services)
    _org("us-space-force", "United States Space Force", "USSF", "US", ("Space Force", "US Space Force",
                                                                       "U.S. Space Force", "USSF")),
    _org("air-national-guard", "Air National Guard", "ANG", "US", ("ANG",)),
    _org("eucom", "US European Command", "EUCOM", "US", ("EUCOM", "U.S. European Command", "European Command")),
    _org("indopacom", "US Indo-Pacific Command", "INDOPACOM", "US", ("INDOPACOM", "U.S. Indo-Pacific Command",
                                                                     "Indo-Pacific Command")),
    _org("centcom", "US Central Command", "CENTCOM", "US", ("CENTCOM", "U.S. Central Command", "Central Command")),
    _org("southcom", "US Southern Command", "SOUTHCOM", "US", ("SOUTHCOM", "U.S. Southern Command",
                                                               "Southern Command")),
    _org("africom", "US Africa Command", "AFRICOM", "US", ("AFRICOM", "U.S. Africa Command")),
    _org("usafe", "US Air Forces in Europe", "USAFE", "US", ("USAFE", "U.S. Air Forces in Europe",
                                                             "USAFE-AFAFRICA")),
    # --- Iran, binational commands
    _org("irgc", "Islamic Revolutionary Guard Corps", "IRGC", "IR", (
        "IRGC", "Revolutionary Guard", "Revolutionary Guards", "Iran's Revolutionary Guard",
        "Islamic Revolutionary Guards Corps", "IRGC Aerospace Force")),
    _org("norad", "North American Aerospace Defense Command", "NORAD", "", (
        "NORAD", "North American Aerospace Defence Command", "North American Air Defense Command")),
    # --- Alliances
    _org("nato", "North Atlantic Treaty Organization", "NATO", "", ("NATO", "the Alliance", "Atlantic Alliance",
                                                                    "North Atlantic Treaty Organisation", "OTAN"),
         "military"),
    _org("nato-aewc", "NATO Airborne Early Warning & Control Force", "NAEW&CF", "", (
        "NATO AEW&C Force", "NAEW&CF", "NATO AWACS", "NATO AWACS fleet", "NATO E-3 Component",
        "NATO Airborne Early Warning and Control Force")),
    _org("nato-aircom", "NATO Allied Air Command", "AIRCOM", "", ("Allied Air Command", "AIRCOM",
                                                                  "NATO Air Command")),
    _org("shape", "Supreme Headquarters Allied Powers Europe", "SHAPE", "", ("SHAPE",)),
    _org("frontex", "Frontex", "Frontex", "", ("European Border and Coast Guard Agency",), "government"),
]

#: Extra aliases for organisations the seed already has (slug → aliases).
EXTRA_ALIASES: dict[str, list[str]] = {
    "cbp": ["US CBP", "U.S. CBP", "United States Customs and Border Protection", "CBP AMO"],
    "us-air-force": ["United States Air Force", "American Air Force"],
    "us-navy": ["United States Navy", "American Navy"],
}

#: Alliances, commands and umbrella forces that task aircraft their member services own: a flight is recorded under
#: the service that operates the aircraft (the RAF, the US Air Force, the PLA Air Force), never under these, so "NATO
#: flights" or "CENTCOM flights" cannot be counted by operator (it would be 0 beside the members' flights). NATO's own
#: E-3 force (``nato-aewc``) owns its aircraft and is not here.
TASKING_BODIES: frozenset[str] = frozenset({"nato", "nato-aircom", "shape", "norad", "usafe", "pla", "northcom",
                                            "eucom", "indopacom", "centcom", "southcom", "africom"})
