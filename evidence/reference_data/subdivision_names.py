"""What reporting calls the first-level subdivisions (evidence.geo.subdivisions), and what else it writes for them.

GeoNames' 2015 admin1 names are ASCII transliterations of mixed origin ("Krasnodarskiy", "Tjumen", "Muhafazat
Hadramawt"). :data:`RENAMES` gives the English-press name and the local / usual forms of the ones people write in
military-flight reporting; the rest keep GeoNames' name with its unit words stripped (:data:`STRIP_PREFIXES`,
:data:`STRIP_SUFFIXES`). :data:`UNIT_WORDS` adds "<name> <unit>" aliases per country ("Kursk Oblast",
"Okinawa Prefecture", "Aleppo Governorate"); for Russia and Ukraine the unit is part of the display name.
"""

from __future__ import annotations

#: (ISO alpha-2, GeoNames admin1 name) → (display name, extra aliases). An empty display name drops the subdivision
#: (a derived region of evidence.geo.world already has it, with a better outline).
RENAMES: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    # India: the data's "Kashmir" is the union territory reporting writes in full
    ("IN", "Kashmir"): ("Kashmir", ("Jammu and Kashmir", "Jammu & Kashmir")),
    # Russia (derived already: Kaliningrad Oblast; Crimea is Ukraine's in the German-point-of-view countries)
    ("RU", "Kaliningrad"): ("", ()),
    ("RU", "Murmansk"): ("Murmansk Oblast", ("Murmansk", "Murmansk region", "Мурманская область")),
    ("RU", "Krasnodarskiy"): ("Krasnodar Krai", ("Krasnodar", "Krasnodar region", "Krasnodar Territory", "Kuban",
                                                 "Краснодарский край")),
    ("RU", "Belgorod"): ("Belgorod Oblast", ("Belgorod", "Belgorod region", "Белгородская область")),
    ("RU", "Kursk"): ("Kursk Oblast", ("Kursk", "Kursk region", "Курская область")),
    ("RU", "Brjansk"): ("Bryansk Oblast", ("Bryansk", "Bryansk region", "Брянская область")),
    ("RU", "Voronezj"): ("Voronezh Oblast", ("Voronezh", "Voronezh region")),
    ("RU", "Leningrad"): ("Leningrad Oblast", ("Leningrad region", "Ленинградская область")),
    ("RU", "St.-Petersburg"): ("Saint Petersburg", ("St. Petersburg", "St Petersburg", "Санкт-Петербург")),
    ("RU", "Moskovskaya"): ("Moscow Oblast", ("Moscow region", "Podmoskovye", "Московская область")),
    ("RU", "Moscow"): ("Moscow", ("Moscow city", "Москва")),
    ("RU", "Pskov"): ("Pskov Oblast", ("Pskov", "Pskov region")),
    ("RU", "Arkhangelskaya"): ("Arkhangelsk Oblast", ("Arkhangelsk", "Archangel", "Arkhangelsk region")),
    ("RU", "Republic of Karelia"): ("Karelia", ("Republic of Karelia", "Karelia Republic")),
    ("RU", "Nenetskiy Avtonomnyy Okrug"): ("Nenets Autonomous Okrug", ("Nenets",)),
    ("RU", "Yamalo-Nenetskiy Avtonomnyy Okrug"): ("Yamalo-Nenets Autonomous Okrug", ("Yamal", "Yamalo-Nenets")),
    ("RU", "Khanty-Mansiyskiy Avtonomnyy Okrug"): ("Khanty-Mansi Autonomous Okrug", ("Khanty-Mansi", "Yugra")),
    ("RU", "Chukotskiy Avtonomnyy Okrug"): ("Chukotka", ("Chukotka Autonomous Okrug",)),
    ("RU", "Kamtsjatka"): ("Kamchatka Krai", ("Kamchatka", "Kamchatka peninsula")),
    ("RU", "Primorskiy"): ("Primorsky Krai", ("Primorye", "Primorsky")),
    ("RU", "Krasnoyarskiy"): ("Krasnoyarsk Krai", ("Krasnoyarsk",)),
    ("RU", "Stavropol'skiy"): ("Stavropol Krai", ("Stavropol",)),
    ("RU", "Khabarovsk Krai"): ("Khabarovsk Krai", ("Khabarovsk",)),
    ("RU", "Altai Krai"): ("Altai Krai", ()),
    ("RU", "Altay"): ("Altai Republic", ()),
    ("RU", "Transbaikal Territory"): ("Zabaykalsky Krai", ("Transbaikal", "Zabaykalsky")),
    ("RU", "Sakhalin"): ("Sakhalin Oblast", ("Sakhalin", "Sakhalin Island")),
    ("RU", "Sakha"): ("Sakha Republic", ("Yakutia", "Sakha")),
    ("RU", "Jaroslavl"): ("Yaroslavl Oblast", ("Yaroslavl",)),
    ("RU", "Nizjnij Novgorod"): ("Nizhny Novgorod Oblast", ("Nizhny Novgorod",)),
    ("RU", "Orjol"): ("Oryol Oblast", ("Oryol", "Orel")),
    ("RU", "Rjazan"): ("Ryazan Oblast", ("Ryazan",)),
    ("RU", "Tjumen"): ("Tyumen Oblast", ("Tyumen",)),
    ("RU", "Tverskaya"): ("Tver Oblast", ("Tver",)),
    ("RU", "Respublika Buryatiya"): ("Buryatia", ("Republic of Buryatia",)),
    ("RU", "Tyva"): ("Tuva", ("Tyva",)),
    ("RU", "Ingushetiya"): ("Ingushetia", ()),
    ("RU", "Kabardino-Balkariya"): ("Kabardino-Balkaria", ()),
    ("RU", "Karachayevo-Cherkesiya"): ("Karachay-Cherkessia", ()),
    ("RU", "Kalmykiya"): ("Kalmykia", ()),
    ("RU", "Khakasiya"): ("Khakassia", ()),
    ("RU", "Mariy-El"): ("Mari El", ()),
    ("RU", "Mordoviya"): ("Mordovia", ()),
    ("RU", "Udmurtiya"): ("Udmurtia", ()),
    ("RU", "Adygeya"): ("Adygea", ()),
    ("RU", "Chechnya"): ("Chechnya", ("Chechen Republic",)),
    ("RU", "Dagestan"): ("Dagestan", ("Republic of Dagestan",)),
    ("RU", "Tatarstan"): ("Tatarstan", ("Republic of Tatarstan",)),
    ("RU", "Bashkortostan"): ("Bashkortostan", ("Bashkiria",)),
    ("RU", "Komi Republic"): ("Komi Republic", ("Komi",)),
    ("RU", "Chuvashia"): ("Chuvashia", ()),
    ("RU", "North Ossetia"): ("North Ossetia", ("North Ossetia–Alania",)),
    ("RU", "Jewish Autonomous Oblast"): ("Jewish Autonomous Oblast", ("Birobidzhan",)),
    ("RU", "Perm"): ("Perm Krai", ("Perm",)),
    # Ukraine (Crimea is a derived region)
    ("UA", "Crimea"): ("", ()),
    # GeoNames' "Misto Sevastopol'" is Ukrainian for "the City of Sevastopol" (a city with its own status)
    ("UA", "Misto Sevastopol'"): ("Sevastopol", ("City of Sevastopol", "Sevastopol city")),
    ("UA", "Odessa"): ("Odesa Oblast", ("Odesa", "Odessa", "Odessa Oblast", "Odesa region", "Odessa region",
                                        "Одеська область")),
    ("UA", "Kiev"): ("Kyiv Oblast", ("Kyiv region", "Kiev Oblast", "Kiev region")),
    ("UA", "Vinnyts'ka"): ("Vinnytsia Oblast", ("Vinnytsia", "Vinnytsia region")),
    ("UA", "Kharkiv"): ("Kharkiv Oblast", ("Kharkiv", "Kharkov", "Kharkiv region")),
    ("UA", "Mykolaiv"): ("Mykolaiv Oblast", ("Mykolaiv", "Nikolaev", "Mykolaiv region")),
    ("UA", "Zaporizhia"): ("Zaporizhzhia Oblast", ("Zaporizhzhia", "Zaporizhia", "Zaporozhye")),
    ("UA", "Donetsk"): ("Donetsk Oblast", ("Donetsk", "Donetsk region")),
    ("UA", "Luhansk"): ("Luhansk Oblast", ("Luhansk", "Lugansk", "Luhansk region")),
    ("UA", "Kherson"): ("Kherson Oblast", ("Kherson", "Kherson region")),
    ("UA", "Lviv"): ("Lviv Oblast", ("Lviv", "Lvov", "Lviv region")),
    # China (GeoNames writes "Sheng"/"Shi"/"Zizhiqu")
    ("CN", "Guangxi Zhuangzu Zizhiqu"): ("Guangxi", ("Guangxi Zhuang Autonomous Region",)),
    ("CN", "Ningxia Huizu Zizhiqu"): ("Ningxia", ("Ningxia Hui Autonomous Region",)),
    ("CN", "Xinjiang Uygur Zizhiqu"): ("Xinjiang", ("Xinjiang Uyghur Autonomous Region",)),
    ("CN", "Tibet Autonomous Region"): ("Tibet", ("Xizang", "Tibet Autonomous Region")),
    ("CN", "Fujian"): ("Fujian", ("Fujian Province", "Fukien", "福建")),
    ("CN", "Zhejiang Sheng"): ("Zhejiang", ("Zhejiang Province", "浙江")),
    ("CN", "Guangdong"): ("Guangdong", ("Guangdong Province", "Canton", "广东")),
    ("CN", "Hainan"): ("Hainan", ("Hainan Province", "Hainan Island", "海南")),
    ("CN", "Shandong Sheng"): ("Shandong", ("Shandong Province", "山东")),
    # Taiwan (GeoNames 2015: Taiwan Province, Fukien Province = Kinmen and Matsu, Taipei)
    ("TW", "Taiwan"): ("Taiwan Province", ()),
    ("TW", "Fukien"): ("Kinmen and Matsu", ("Fukien Province", "Kinmen", "Quemoy", "Matsu")),
    ("TW", "Taipei"): ("Taipei", ("Taipei City", "臺北", "台北")),
    # Japan
    ("JP", "Okinawa"): ("Okinawa Prefecture", ("Okinawa", "沖縄県", "沖縄")),
    ("JP", "Hokkaido"): ("Hokkaido", ("Hokkaido Prefecture", "北海道")),
    ("JP", "Tokyo"): ("Tokyo", ("Tokyo Metropolis", "Tokyo Prefecture", "東京都")),
    # United Kingdom
    ("GB", "England"): ("England", ()),
    ("GB", "Scotland"): ("Scotland", ()),
    ("GB", "Wales"): ("Wales", ("Cymru",)),
    ("GB", "Northern Ireland"): ("Northern Ireland", ()),
    # Germany
    ("DE", "Baden-Wuerttemberg"): ("Baden-Württemberg", ("Baden-Wurttemberg",)),
    ("DE", "Bavaria"): ("Bavaria", ("Bayern",)),
    ("DE", "Rheinland-Pfalz"): ("Rhineland-Palatinate", ("Rheinland-Pfalz",)),
    ("DE", "North Rhine-Westphalia"): ("North Rhine-Westphalia", ("Nordrhein-Westfalen", "NRW")),
    ("DE", "Lower Saxony"): ("Lower Saxony", ("Niedersachsen",)),
    ("DE", "Saxony"): ("Saxony", ("Sachsen",)),
    ("DE", "Saxony-Anhalt"): ("Saxony-Anhalt", ("Sachsen-Anhalt",)),
    ("DE", "Hesse"): ("Hesse", ("Hessen",)),
    ("DE", "Thuringia"): ("Thuringia", ("Thüringen",)),
    # Poland
    ("PL", "Kujawsko-Pomorskie"): ("Kuyavian-Pomeranian Voivodeship", ("Kujawsko-Pomorskie",)),
    ("PL", "Swietokrzyskie"): ("Świętokrzyskie Voivodeship", ("Świętokrzyskie", "Swietokrzyskie")),
    ("PL", "Podlasie"): ("Podlaskie Voivodeship", ("Podlaskie", "Podlasie")),
    ("PL", "Lubusz"): ("Lubusz Voivodeship", ("Lubuskie",)),
    ("PL", "Subcarpathian Voivodeship"): ("Subcarpathian Voivodeship", ("Podkarpackie", "Podkarpacie",
                                                                         "Subcarpathia")),
    ("PL", "Warmian-Masurian Voivodeship"): ("Warmian-Masurian Voivodeship", ("Warmińsko-Mazurskie", "Masuria")),
    ("PL", "Masovian Voivodeship"): ("Masovian Voivodeship", ("Mazowieckie", "Masovia", "Mazovia")),
    ("PL", "Pomeranian Voivodeship"): ("Pomeranian Voivodeship", ("Pomorskie",)),
    ("PL", "Lublin Voivodeship"): ("Lublin Voivodeship", ("Lubelskie",)),
    # Estonia (GeoNames' ASCII "ae" for "ä")
    ("EE", "Jaervamaa"): ("Järva County", ("Järvamaa", "Jarvamaa")),
    ("EE", "Laeaene"): ("Lääne County", ("Läänemaa", "Laanemaa")),
    ("EE", "Laeaene-Virumaa"): ("Lääne-Viru County", ("Lääne-Virumaa", "Laane-Virumaa")),
    ("EE", "Paernumaa"): ("Pärnu County", ("Pärnumaa", "Parnumaa")),
    ("EE", "Harju"): ("Harju County", ("Harjumaa",)),
    ("EE", "Ida-Virumaa"): ("Ida-Viru County", ("Ida-Virumaa",)),
    ("EE", "Saare"): ("Saare County", ("Saaremaa",)),
    ("EE", "Hiiumaa"): ("Hiiu County", ("Hiiumaa",)),
    # Venezuela
    ("VE", "Capital"): ("Capital District", ("Distrito Capital", "Caracas Capital District")),
    ("VE", "Falcon"): ("Falcón", ("Falcón State", "Falcon State", "Estado Falcón")),
    ("VE", "Zulia"): ("Zulia", ("Zulia State", "Estado Zulia")),
    ("VE", "Sucre"): ("Sucre", ("Sucre State", "Estado Sucre")),
    ("VE", "Nueva Esparta"): ("Nueva Esparta", ("Margarita Island", "Isla Margarita")),
    ("VE", "Vargas"): ("La Guaira", ("Vargas State", "La Guaira State", "Estado La Guaira")),
    # Syria, Iraq, Yemen
    ("SY", "Dimashq"): ("Damascus", ("Damascus Governorate",)),
    ("SY", "Rif-dimashq"): ("Rif Dimashq", ("Rif Dimashq Governorate", "Damascus countryside")),
    ("SY", "Latakia"): ("Latakia", ("Latakia Governorate", "Lattakia")),
    ("SY", "Tartus"): ("Tartus", ("Tartus Governorate", "Tartous")),
    ("SY", "Deir ez-Zor"): ("Deir ez-Zor", ("Deir ez-Zor Governorate", "Deir al-Zour", "Deir Ezzor")),
    ("IQ", "Mayorality of Baghdad"): ("Baghdad", ("Baghdad Governorate",)),
    ("IQ", "Anbar"): ("Anbar", ("Al Anbar", "al-Anbar", "Anbar Governorate", "Anbar province")),
    ("IQ", "As Sulaymaniyah"): ("Sulaymaniyah", ("As Sulaymaniyah", "Sulaimaniyah", "Slemani")),
    ("IQ", "Muhafazat Karbala'"): ("Karbala", ("Karbala Governorate",)),
    ("YE", "Muhafazat Hadramawt"): ("Hadramawt", ("Hadhramaut", "Hadramaut")),
    ("YE", "Muhafazat al Hudaydah"): ("Al Hudaydah", ("Hodeidah", "Hudaydah", "Hodeida")),
    ("YE", "Muhafazat al Bayda'"): ("Al Bayda", ("Bayda",)),
    ("YE", "Amanat Al Asimah"): ("Sanaa City", ("Amanat al-Asimah",)),
    ("YE", "Sanaa"): ("Sanaa Governorate", ("Sana'a Governorate",)),
    ("YE", "Soqatra Governorate"): ("Socotra", ("Soqatra", "Socotra Governorate", "Socotra archipelago")),
    ("YE", "Ma'rib"): ("Marib", ("Ma'rib", "Marib Governorate")),
    ("YE", "Sa'dah"): ("Saada", ("Sa'dah", "Saada Governorate", "Sadah")),
    ("YE", "Ta'izz"): ("Taiz", ("Ta'izz", "Taiz Governorate")),
    ("YE", "Aden"): ("Aden", ("Aden Governorate",)),
    # Palestine (derived already: the Gaza Strip and the West Bank)
    ("PS", "Gaza Strip"): ("", ()),
    ("PS", "West Bank"): ("", ()),
    # Israel
    ("IL", "Northern District"): ("Northern District (Israel)", ("Israel's Northern District",)),
    ("IL", "Southern District"): ("Southern District (Israel)", ("Israel's Southern District", "the Negev")),
    ("IL", "Central District"): ("Central District (Israel)", ("Israel's Central District",)),
    ("IL", "Tel Aviv"): ("Tel Aviv District", ("Tel Aviv",)),
}

#: GeoNames unit words stripped from a name that :data:`RENAMES` does not cover.
STRIP_PREFIXES = ("Muhafazat ", "Respublika ", "Provincia de ", "Provincia del ", "Departamento de ", "Estado de ",
                  "Wilayat ", "Region of ")
STRIP_SUFFIXES = (" Sheng", " Shi", " Governorate", " Prefecture", " Voivodeship", " Oblast", " Province",
                  " Region", " Zizhiqu", " Municipality", " County", " District", " Department", " State",
                  " Fylke", " Län", " Kommune")

#: The unit word people add to a subdivision's name, by country ("Kursk Oblast", "Okinawa Prefecture").
UNIT_WORDS: dict[str, str] = {
    "RU": "Oblast", "UA": "Oblast", "BY": "Region", "KZ": "Region", "JP": "Prefecture", "CN": "Province",
    "KR": "Province", "PL": "Voivodeship", "SY": "Governorate", "IQ": "Governorate", "YE": "Governorate",
    "JO": "Governorate", "EG": "Governorate", "LB": "Governorate", "OM": "Governorate", "KW": "Governorate",
    "IL": "District", "VE": "State", "BR": "State", "NG": "State", "IN": "State", "SD": "State", "MY": "State",
    "AU": "State", "CA": "Province", "IR": "Province", "AF": "Province", "PK": "Province", "SA": "Province",
    "TR": "Province", "PH": "Province", "VN": "Province", "TH": "Province", "ID": "Province", "IT": "Region",
    "FR": "Region", "EE": "County", "LV": "Municipality", "LT": "County", "FI": "Region", "NO": "County",
    "SE": "County", "RO": "County", "BG": "Province", "GR": "Region", "ES": "Region", "CO": "Department",
    "PE": "Region", "CL": "Region", "AR": "Province", "CU": "Province", "LY": "District",
}
#: Countries whose display name carries the unit ("Kursk Oblast"), unless :data:`RENAMES` says otherwise.
UNIT_IN_NAME = frozenset({"RU", "UA", "BY"})

#: Famous names that stay bare aliases although they are frequent English words.
FAMOUS = frozenset({"england", "scotland", "wales", "northern ireland", "tokyo", "moscow", "beijing", "shanghai",
                    "berlin", "hamburg", "bavaria", "okinawa", "hokkaido", "crimea", "kyoto", "osaka", "sichuan",
                    "tibet", "damascus", "baghdad", "aleppo", "aden", "kharkiv", "odessa", "odesa", "kursk",
                    "belgorod", "murmansk", "taipei", "saxony", "quebec", "ontario", "punjab", "kashmir", "sicily",
                    "sardinia", "corsica", "catalonia", "flanders", "wallonia",
                    # the states and provinces that flight reporting names most, which word frequency alone took
                    # for common words (found asking the demo: "Inner Mongolia" was read as Mongolia, "Western
                    # Australia" as Australia, "Rajasthan", "Alberta", "Queensland" not at all); no given name or
                    # other place's name shares them ("Victoria", "New Brunswick", "Canterbury" stay qualified)
                    "alberta", "british columbia", "saskatchewan", "manitoba", "nova scotia",
                    "prince edward island", "northwest territories", "queensland", "new south wales",
                    "western australia", "south australia", "northern territory", "tasmania",
                    "australian capital territory", "gujarat", "rajasthan", "maharashtra", "kerala", "west bengal",
                    "goa", "inner mongolia", "istanbul", "ankara", "tehran", "kabul", "islamabad", "abu dhabi",
                    "bangkok", "madrid", "lisbon", "budapest", "stockholm", "bali", "canary islands", "metro manila",
                    "papua", "west papua", "east java", "west java", "central java", "kirkuk"})
