"""Issue 13: reading reports from anywhere — each misreading found on real reports is a regression row here."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from claims.nlp.extract import extract
from claims.nlp.reading import read_text

from .conftest import PUBLISHED


def _ents(text: str) -> list[tuple[str, str, dict]]:
    return [(e.label, e.text, e.value) for e in extract(text, published_at=PUBLISHED).entities]


def _labelled(text: str, label: str) -> dict[str, dict]:
    return {t: v for lab, t, v in _ents(text) if lab == label}


def test_royal_air_force_is_not_the_us_air_force():
    orgs = _labelled("A Royal Air Force RC-135W flew near Kaliningrad on Monday.", "ORG")
    assert "Royal Air Force" in orgs and orgs["Royal Air Force"].get("slug") is None
    assert orgs["Royal Air Force"]["foreign"] is True
    scope, _ = read_text("How many Royal Air Force flights near Sinaloa?", reference=PUBLISHED)
    assert "us-air-force" not in scope.operators
    for text in ("Japan’s Air Force scrambled jets.", "Chinese army Col. Shi Yi wrote on Weibo."):
        assert all(v.get("slug") not in ("us-air-force", "us-army") for v in _labelled(text, "ORG").values())


def test_washington_the_government_is_not_washington_state():
    places = _labelled("The flight comes as Washington carries out a campaign against smugglers.", "PLACE")
    assert "Washington" not in places
    assert _labelled("The flight comes as Washington carries out a campaign.", "ORG")["Washington"]["name"] == \
        "US government"
    assert _labelled("A P-8 flew from Whidbey Island, Washington, on Monday.", "PLACE")["Washington"]["slug"] == \
        "washington"


def test_sinaloa_cartel_does_not_make_sinaloa_a_place():
    ents = _ents("Washington designated the Sinaloa Cartel a terrorist organisation.")
    assert ("ORG", "Sinaloa Cartel") in [(lab, t) for lab, t, _ in ents]
    assert not [t for lab, t, _ in ents if lab == "PLACE"]


@pytest.mark.parametrize("text", [
    "A surge in US military surveillance flights worried Caracas.",
    "United States Customs and Border Protection flew an MQ-9 near Sonora.",
    "Two U.S. B-52 bombers flew near the coast.",
    # third pass (2026-12-05)
    "The photos were posted on a US social media platform on Friday.",
    "U.S. and Mexican defense chiefs met on Friday.",
])
def test_a_country_as_modifier_is_not_a_place(text):
    assert not any(v.get("slug") == "united-states" for v in _labelled(text, "PLACE").values())
    scope, _ = read_text(text, reference=PUBLISHED)
    assert all(r.slug != "united-states" for r in scope.regions)


@pytest.mark.parametrize("text", [
    "Mexico and the United States conducted a joint exercise.",
    "Flights over the United States last year rose.",
])
def test_a_country_as_actor_or_after_a_preposition_stays_a_place(text):
    assert any(v.get("slug") == "united-states" for v in _labelled(text, "PLACE").values())


def test_us_military_is_an_organisation_and_us_airspace_a_place():
    assert "US military" in _labelled("The US military flew drones over Gaza.", "ORG")
    assert _labelled("The drone entered US airspace.", "PLACE")["US"]["slug"] == "united-states"


def test_minot_air_force_base_is_a_base_not_the_operator():
    text = "Two B-52 bombers left Minot Air Force Base on Monday."
    places = _labelled(text, "PLACE")
    assert places["Minot Air Force Base"]["kind"] == "base"
    assert "Air Force" not in _labelled(text, "ORG")
    scope, _ = read_text("How many flights from Minot Air Force Base last week?", reference=PUBLISHED)
    assert "us-air-force" not in scope.operators
    assert _labelled("It took off from RAF Coningsby in Lincolnshire.", "PLACE")["RAF Coningsby"]["kind"] == "base"
    assert "RAF Typhoon" not in _labelled("An RAF Typhoon flew east.", "PLACE")
    assert _labelled("It took off from the RAF base at Waddington, England.", "PLACE")["Waddington"]["kind"] == "base"
    assert _labelled("It landed at an air base in Texas.", "PLACE")["Texas"]["slug"] == "texas"


def test_general_atomics_is_an_organisation_not_a_person():
    text = "The drones are built by General Atomics, Gen. Mark Milley said."
    assert "General Atomics" in _labelled(text, "ORG")
    assert {v["name"] for v in _labelled(text, "PERSON").values()} == {"Mark Milley"}


def test_natos_article_4_is_not_a_count_and_the_fourth_time_is_an_ordinal():
    text = "Poland invoked NATO's Article 4 after the fourth time that drones crossed; 19 drones entered."
    counts = [v for lab, _, v in _ents(text) if lab == "QUANTITY"]
    assert [c["value"] for c in counts] == [19]
    assert counts[0]["unit"] == "aircraft"


def test_counts_carry_what_they_count():
    counts = {t: v for t, v in _labelled("Three B-52 bombers and a pair of U.S. F-35 jets flew; 26 Chinese "
                                         "warplanes were detected.", "QUANTITY").items()}
    assert counts["Three"]["unit"] == "aircraft" and counts["Three"]["value"] == 3
    assert counts["a pair of"]["value"] == 2 and counts["a pair of"]["unit"] == "aircraft"
    assert counts["26"]["unit"] == "aircraft" and counts["26"]["noun"] == "warplanes"


def test_unlisted_designations_are_aircraft_without_a_guessed_type():
    aircraft = _labelled("Two Su-35 fighters escorted Tu-95MS bombers; F/A-18s joined.", "AIRCRAFT")
    assert {"Su-35", "Tu-95MS", "F/A-18s"} <= set(aircraft)
    assert all(aircraft[k]["designator"] is None for k in ("Su-35", "Tu-95MS", "F/A-18s"))  # role words aside


@pytest.mark.parametrize(("text", "name", "role"), [
    ("President Nicolás Maduro’s government protested.", "Nicolás Maduro", "president"),
    ("Security chief Omar García Harfuch said the flights were known.", "Omar García Harfuch", "security chief"),
    ("They met Taiwanese leader Tsai Ing-wen on Thursday.", "Tsai Ing-wen", "taiwanese leader"),
    ("US Secretary of War Pete Hegseth has dubbed it Southern Spear.", "Pete Hegseth", "secretary of war"),
    ("Defence Minister Ricardo Trevilla Trejo said nothing.", "Ricardo Trevilla Trejo", "defence minister"),
])
def test_people_of_any_country_with_their_titles(text, name, role):
    people = {v["name"]: v for v in _labelled(text, "PERSON").values()}
    assert name in people
    assert role in people[name]["role"]


def test_bare_surnames_after_the_first_mention_are_the_same_person():
    text = "President Claudia Sheinbaum spoke on Monday. The flights were legal, Sheinbaum said."
    people = [v for lab, _, v in _ents(text) if lab == "PERSON"]
    assert people[-1]["name"] == "Sheinbaum" and people[-1]["full_name"] == "Claudia Sheinbaum"
    claimants = [v["claimant"] for lab, _, v in _ents(text) if lab == "ATTRIBUTION"]
    assert claimants == ["Sheinbaum"]


@pytest.mark.parametrize(("text", "claimant"), [
    ("Data from tracking website Flightradar24 showed the two bombers flying north.", "Flightradar24"),
    ("Lenta.ru became aware of this from tracking data.", "Lenta.ru"),
    ("The New York Times identified them as MQ-9 Reapers.", "New York Times"),
    ("The defence secretary has revealed that a missile was released.", "The defence secretary"),
    ("China, however, said the trip was hyped.", "China"),
    ("Analysts speculated that the flights were rehearsals.", "Analysts"),
    # third pass (2026-12-05)
    ("Grainy footage showed a P-8 low over the water.", "Grainy footage"),
    ("The Danish Defence Command (DDC) said two jets took off.", "Danish Defence Command"),
    ("Colonel Ida Lund stressed that no border was crossed.", "Ida Lund"),
])
def test_attribution_verbs_beyond_said(text, claimant):
    from claims.nlp.vocabulary import default_vocabulary

    if claimant == "China" and "china" not in default_vocabulary().region_by_slug:
        pytest.skip("China is not in the built-in vocabulary (world regions come as data)")
    claimants = [v["claimant"] for lab, _, v in _ents(text) if lab == "ATTRIBUTION"]
    assert claimant in claimants


def test_trackers_outlets_and_companies_are_organisations():
    orgs = _labelled("ADS-B Exchange, Itamilradar, CNN and Newsweek tracked the Northrop Grumman RQ-4.", "ORG")
    assert {"ADS-B Exchange", "Itamilradar", "CNN", "Newsweek", "Northrop Grumman"} <= set(orgs)
    orgs = _labelled("Japan’s Defense Ministry and the British Ministry of Defence said so.", "ORG")
    assert {"Japan’s Defense Ministry", "British Ministry of Defence"} <= set(orgs)
    assert orgs["Japan’s Defense Ministry"]["of"] == "Japan" and orgs["British Ministry of Defence"]["of"] == "British"
    orgs = _labelled("Taiwan’s defense ministry said 26 Chinese warplanes were detected.", "ORG")
    assert orgs["Taiwan’s defense ministry"]["of"] == "Taiwan"


def test_the_extraction_output_is_stable_for_a_world_report():
    text = ("A U.S. Navy P-8A Poseidon flew through the Taiwan Strait on Wednesday, U.S. 7th Fleet spokeswoman "
            "Lt. j.g. Sarah Merrill said.")
    ents = _ents(text)
    assert ("PLACE", "Taiwan Strait") in [(lab, t) for lab, t, _ in ents]
    assert any(lab == "ATTRIBUTION" and v.get("person") == "Sarah Merrill" for lab, _, v in ents)
    assert extract(text, published_at=dt.date(2023, 12, 7)).proposed_claims


def test_cities_by_name_with_their_position_and_ambiguous_names_only_in_place_context():
    places = _labelled("The drone flew 100 kilometers from Sochi and 180 from Sevastopol.", "PLACE")
    assert places["Sochi"]["kind"] == "city" and places["Sochi"]["country"] == "RU"
    assert 43 < places["Sochi"]["lat"] < 44
    assert "Miami" in _labelled("The command is headquartered in Miami.", "PLACE")
    assert "Reading" not in _labelled("Reading the flight logs took days.", "PLACE")
    assert "Austin" not in _labelled("Defense Secretary Lloyd Austin said the flights were routine.", "PLACE")


def test_a_quote_keeps_its_own_reference_date():
    """In an article of February 20, CNN's "past two weeks" (reported February 5) are the two weeks before the 5th."""
    text = ("CNN reported on February 5 that the military flew at least 18 spy missions near Baja over the past "
            "two weeks.")
    x = extract(text, published_at=dt.date(2025, 2, 20))
    dates = {e.text: e.value for e in x.entities if e.label == "DATE"}
    assert dates["the past two weeks"]["end"] == "2025-02-05"
    assert dates["February 5"]["end"] == "2025-02-05"
    (claim,) = x.proposed_claims
    assert claim.scope.period.end == dt.date(2025, 2, 5) and claim.scope.period.start == dt.date(2025, 1, 23)
    plain = extract("The military flew at least 18 spy missions near Baja over the past two weeks, officials said.",
                    published_at=dt.date(2025, 2, 20))
    assert {e.text: e.value for e in plain.entities if e.label == "DATE"}["the past two weeks"]["end"] == "2025-02-20"


def test_a_role_abbreviation_the_vocabulary_lists_as_a_place_does_not_break_the_article():
    """The database's Colorado has the alias "Col.": "army Col. Shi Yi" once made two entities share a token."""
    import dataclasses

    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    base = default_vocabulary()
    regions = tuple(dataclasses.replace(r, aliases=(*r.aliases, "Col.")) if r.slug == "colorado" else r
                    for r in base.regions)
    vocabulary = dataclasses.replace(base, regions=regions, version="test-col-colorado")
    assert any(isinstance(r, RegionEntry) and "Col." in r.aliases for r in vocabulary.regions)
    x = extract("China's view, Chinese army Col. Shi Yi wrote on Weibo, is that the P-8 flight was hyped.",
                published_at=PUBLISHED, vocabulary=vocabulary)
    assert "Shi Yi" in [e.value.get("name") for e in x.entities if e.label == "PERSON"]


# --- third pass (2026-12-05): misreadings found on the blind set, each row a sentence written for the test ---

@pytest.mark.parametrize(("text", "designation"), [
    ("An RAF C-130K landed at Akrotiri before dawn.", "C-130K"),
    ("Seoul sent four F-15K jets to escort the bombers.", "F-15K"),
    ("An Il-20M was tracked west of Gotland on Friday.", "Il-20M"),
    ("Two E-3G aircraft and a Tu-22M3 were seen.", "E-3G"),
    ("Two E-3G aircraft and a Tu-22M3 were seen.", "Tu-22M3"),
])
def test_a_designation_keeps_its_unit_like_variant_letter(text, designation):
    """spaCy splits a unit letter off a number ("15K", "20M", "3G"): the base alone must not be the aircraft."""
    aircraft = _labelled(text, "AIRCRAFT")
    assert designation in aircraft
    assert designation.rstrip("KMG3") not in aircraft


@pytest.mark.parametrize(("text", "not_a_name"), [
    ("Two Royal Navy Merlin helicopters flew low. Since Lee declared the drills over, nothing flew.", "Since"),
    ("Three Italian Air Force Typhoons were scrambled.", "Three"),
    ("Later Okafor added that the drones were unarmed, the Nigerian Air Force's Chief Okafor said.", "Later"),
])
def test_a_sentence_opener_or_number_word_is_no_part_of_a_name(text, not_a_name):
    for lab, t, _ in _ents(text):
        if lab in ("PERSON", "ORG"):
            assert not t.startswith(not_a_name), (lab, t)


@pytest.mark.parametrize(("text", "name"), [
    ("“It was routine,” said Major General Hilde K. Berntsen, head of the air wing.", "Hilde K. Berntsen"),
    ("Brig. Gen. Thomas R. Okafor said the drones returned to Niamey.", "Thomas R. Okafor"),
])
def test_a_middle_initial_stays_inside_the_name(text, name):
    people = {v.get("name") for v in _labelled(text, "PERSON").values()}
    assert name in people


def test_a_role_before_of_and_a_role_compound_are_not_organisation_names():
    orgs = _labelled("“We were ready,” said Colonel Ana Ruiz, Operations Chief of the Royal Danish Air Force.", "ORG")
    assert not any(t.startswith(("Operations", "Chief")) for t in orgs)
    orgs = _labelled("Kremlin Press Secretary Dmitry Peskov told reporters the flights were routine.", "ORG")
    assert not any("Press" in t for t in orgs)


@pytest.fixture(scope="module")
def world_operators():
    from claims.nlp.vocabulary import OrganisationEntry, default_vocabulary
    from evidence.reference_data.operators import WORLD_OPERATORS

    seed = default_vocabulary()
    extra = tuple(OrganisationEntry(o["slug"], o["name"], o["kind"], o["short_name"], tuple(o["aliases"]))
                  for o in WORLD_OPERATORS if o["slug"] not in {s.slug for s in seed.organisations})
    return dataclasses.replace(seed, organisations=(*seed.organisations, *extra), version="test-world-operators")


def _orgs_with(text: str, vocabulary) -> dict[str, dict]:
    return {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
            if e.label == "ORG"}


def test_a_typographic_apostrophe_matches_the_same_operator(world_operators):
    orgs = _orgs_with("Four J-16s of the People’s Liberation Army Air Force shadowed the patrol.", world_operators)
    assert orgs.get("People’s Liberation Army Air Force", {}).get("slug") == "plaaf"
    assert all(v.get("slug") != "us-air-force" for v in orgs.values())


def test_binational_commands_revolutionary_guards_and_agencies_are_organisations(world_operators):
    orgs = _orgs_with("NORAD says the jets left; the IRGC denied it, according to dpa and European Pravda.",
                      world_operators)
    assert {v.get("slug") for v in orgs.values()} >= {"norad", "irgc", "dpa", "european-pravda"}


def test_a_military_district_and_a_ministrys_centre_are_organisations_not_people():
    ents = _ents("A Su-30 of the Western Military District’s air defence forces took off, the Russian Defense "
                 "Ministry’s National Defense Management Center said.")
    orgs = {t for lab, t, _ in ents if lab == "ORG"}
    assert {"Western Military District", "National Defense Management Center"} <= orgs
    assert not [t for lab, t, _ in ents if lab == "PERSON"]


def _counts(text: str) -> list[tuple[str, float, str | None, str | None]]:
    return [(e.text, e.value["value"], e.value.get("unit"), e.value.get("aircraft"))
            for e in extract(text, published_at=PUBLISHED).entities if e.label == "QUANTITY"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Spotters logged 3x P-8s over the strait.", (3, "aircraft", "P8")),
    ("One RC-135 turned back early.", (1, "aircraft", "R135")),
    ("The drone stayed aloft for 14 straight hours.", (14, "hours", None)),
])
def test_counts_in_spotter_shorthand_one_aircraft_and_past_an_adjective(text, expected):
    assert expected in [c[1:] for c in _counts(text)]


def test_the_other_two_counts_the_aircraft_already_counted():
    counts = _counts("Four P-8s landed at Sigonella, and the other two belong to a squadron at Jacksonville.")
    assert [c[1:3] for c in counts] == [(4, "aircraft"), (2, "aircraft")]
    assert [c[1:3] for c in _counts("The first two days were quiet.")] == [(2, "days")]


def test_a_large_city_named_alone_is_the_city_not_the_air_base_named_after_it():
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-city-not-base", regions=(
        *seed.regions, RegionEntry("base-rksm", "Seoul Air Base", "airbase", ("Seoul",)),
        RegionEntry("base-xwsg", "Engels Air Base", "airbase", ("Engels",))))
    places = {e.text: e.value for e in extract("Riot police lined the streets of Seoul while a jet landed at Seoul "
                                               "Air Base and two bombers flew from Engels.", published_at=PUBLISHED,
                                               vocabulary=vocabulary).entities if e.label == "PLACE"}
    assert places["Seoul"].get("slug") is None and places["Seoul"]["kind"] == "city"
    assert places["Seoul Air Base"]["slug"] == "base-rksm"
    assert places["Engels"]["slug"] == "base-xwsg"  # a town that reports name for its base keeps the base


@pytest.mark.parametrize(("text", "place", "kind"), [
    ("ANKARA, Turkey (AP) — Two tankers flew east.", "ANKARA", "city"),
    ("Two P-8s flew from Kadena Airbase on Friday.", "Kadena Airbase", "base"),
])
def test_a_dateline_city_in_capitals_and_a_one_word_airbase_are_places(text, place, kind):
    places = _labelled(text, "PLACE")
    assert place in places and places[place]["kind"] == kind
    assert "NATO" not in _labelled("NATO, the alliance, said so.", "PLACE")


def test_a_capital_speaking_or_owning_a_government_body_is_its_government():
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-capital-government",
                                     regions=(*seed.regions, RegionEntry("moscow", "Moscow", "subdivision")))
    ents = [(e.label, e.text, e.value) for e in extract(
        "Moscow warned that the flights were provocations. Two Tu-95s later flew near Moscow. Tehran’s military "
        "denied it.", published_at=PUBLISHED, vocabulary=vocabulary).entities]
    assert ("ORG", "Moscow") in [(lab, t) for lab, t, _ in ents]
    assert [v.get("slug") for lab, t, v in ents if lab == "PLACE" and t == "Moscow"] == ["moscow"]
    assert ("PLACE", "Tehran") not in [(lab, t) for lab, t, _ in ents]


def test_a_family_name_written_first_is_the_same_person_later():
    text = "Senior Col. Zhang Xiaogang, a defence ministry spokesperson, spoke on Friday. The patrol was lawful, " \
           "Zhang said."
    people = [v for lab, _, v in _ents(text) if lab == "PERSON"]
    assert people[-1]["name"] == "Zhang" and people[-1].get("full_name") == "Zhang Xiaogang"
    assert not _labelled(text, "ORG").get("Zhang")


# fourth pass (2026-12-05b): rows written for the tests, one per rule family fixed from the second blind set
@pytest.mark.parametrize(("text", "name"), [
    ("Brig Gen Maria Olsen, the wing commander, told reporters the tankers flew daily.", "Maria Olsen"),
    ("Lt Col Tomas Berg said the jets landed at dusk.", "Tomas Berg"),
])
def test_a_rank_abbreviation_without_its_period_is_a_title_not_a_name(text, name):
    people = {v["name"] for lab, _, v in _ents(text) if lab == "PERSON"}
    assert name in people and not any(p.startswith(("Gen ", "Col ")) for p in people)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Radar logged 14 drone incursions over the border region last week.", 14, "incursions"),
    ("The crews flew three mock interceptions over the sea.", 3, "interceptions"),
    ("The report lists 40 jet engines in storage.", 40, "engines"),
])
def test_a_word_before_a_plural_noun_is_its_modifier_not_the_unit(text, value, unit):
    assert (value, unit) in [(v, u) for _, v, u, _ in _counts(text)]


def test_an_aircraft_count_stays_an_aircraft_count():
    assert (3, "aircraft") in [(v, u) for _, v, u, _ in _counts("Three drones crossed and two jets scrambled.")]


@pytest.mark.parametrize(("text", "org"), [
    ("The Dutch military said two F-35s were scrambled.", "Dutch military"),
    ("A NOTAM was issued by the Turkish government on Monday.", "Turkish government"),
    ("Lithuanian armed forces tracked the aircraft.", "Lithuanian armed forces"),
    ("The Estonian parliament debated the incursion.", "Estonian parliament"),
])
def test_a_nationality_before_a_body_of_state_is_that_countrys_organisation(text, org):
    orgs = _labelled(text, "ORG")
    assert org in orgs and orgs[org].get("foreign") is True and orgs[org].get("slug") is None


def test_military_as_an_adjective_after_a_nationality_is_no_organisation():
    assert not any("military" in t for t in _labelled("Two Russian military aircraft flew near an American "
                                                      "military base.", "ORG"))


@pytest.mark.parametrize(("text", "org"), [
    ("Iran’s semi-official Mehr news agency reported two explosions near the base.", "Mehr news agency"),
    ("The drones were filmed near the border, Kabul Online reports.", "Kabul Online"),
])
def test_news_agencies_and_online_outlets_are_organisations_not_people(text, org):
    ents = _ents(text)
    assert org in {t for lab, t, _ in ents if lab == "ORG"}
    assert not [t for lab, t, _ in ents if lab == "PERSON"]


def test_a_nationality_before_news_agency_describes_the_agency_it_is_not_its_name():
    assert "German news agency" not in _labelled("The German news agency dpa reported the intercept.", "ORG")


def test_an_acronym_in_square_brackets_keeps_the_name_the_claimant():
    claimants = [v["claimant"] for lab, _, v in _ents("The Joint Task Force [JTF] said the jets landed.")
                 if lab == "ATTRIBUTION"]
    assert claimants == ["Joint Task Force"]


def test_a_units_number_is_no_count():
    assert not _counts("A pilot of Poland’s Tactical Air Wing 32 said the jets returned.")


def test_a_person_of_a_unit_is_the_speaker_not_the_unit():
    claimants = [v["claimant"] for lab, _, v in _ents("Captain Lena Holm of Denmark’s Fighter Wing Aalborg said the "
                                                        "flight was routine.") if lab == "ATTRIBUTION"]
    assert claimants == ["Lena Holm"]


def test_a_name_in_apposition_after_its_role_is_the_speaker():
    ents = _ents("The Deputy Minister for Defence Procurement, Kari Lehto, said the order was signed.")
    assert "Kari Lehto" in {v["name"] for lab, _, v in ents if lab == "PERSON"}
    assert [v["claimant"] for lab, _, v in ents if lab == "ATTRIBUTION"] == ["Kari Lehto"]


@pytest.mark.parametrize(("text", "place"), [
    ("Two Su-30s entered the Nicosia Flight Information Region on Friday.", "Nicosia Flight Information Region"),
    ("The drone crossed into the Warsaw FIR at dawn.", "Warsaw FIR"),
])
def test_a_flight_information_region_is_one_place(text, place):
    places = _labelled(text, "PLACE")
    assert place in places and not any(t.startswith("Information") for t in places)


def test_a_part_of_the_aircraft_counts_aircraft():
    counts = [(v, u) for _, v, u, _ in _counts("Three of the Spanish fighters were armed, and five of the seven "
                                                "drones were shot down.")]
    assert {(3, "aircraft"), (5, "aircraft"), (7, "aircraft")} <= set(counts)
    assert [u for _, v, u, _ in _counts("Two of the officials spoke on Friday.")] == [None]


def test_a_trio_of_aircraft_is_three():
    assert (3, "aircraft") in [(v, u) for _, v, u, _ in _counts("A trio of Italian tankers orbited off Libya.")]


@pytest.mark.parametrize(("text", "org"), [
    ("Two jets of Italy’s air force escorted the airliner.", "Italy’s air force"),
    ("Officials said Spain's navy tracked the submarine.", "Spain's navy"),
])
def test_a_possessive_country_before_a_generic_service_is_that_countrys_service(text, org):
    orgs = _labelled(text, "ORG")
    assert org in orgs and orgs[org]["foreign"] is True
    assert all(v.get("slug") not in ("us-air-force", "us-navy") for v in orgs.values())


# --- a nationality before a country's ground, sea or sky (2026-12-05): "Polish airspace" is Poland ---

def _with_countries(*countries: tuple[str, str]):
    """The seed vocabulary with these countries, under a version of its own (pipelines are cached per version)."""
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    version = "test-countries-" + "-".join(slug for slug, _ in countries)
    return dataclasses.replace(seed, version=version, regions=(
        *seed.regions, *(RegionEntry(slug, name, "country") for slug, name in countries)))


@pytest.mark.parametrize(("text", "place", "slug"), [
    ("Two drones crossed into Polish airspace overnight, the army said.", "Polish airspace", "poland"),
    ("Four jets violated Greek airspace seven times on Tuesday.", "Greek airspace", "greece"),
    ("The bombers did not enter Japanese territorial airspace.", "Japanese territorial airspace", "japan"),
    ("A P-8 patrolled close to the Russian border for three hours.", "Russian border", "russia"),
    ("The drone fell on South Korean soil near the coast.", "South Korean soil", "south-korea"),
    # adjectives beside the package's one demonym ("Filipino"), and a demonym field listing two ("Bosnian,…")
    ("Chinese jets flew into Philippine airspace twice.", "Philippine airspace", "philippines"),
    ("The drone came down on Azeri territory, officials said.", "Azeri territory", "azerbaijan"),
    ("A transport aircraft entered Bosnian airspace.", "Bosnian airspace", "bosnia"),
])
def test_a_nationality_before_airspace_or_a_border_is_that_country(text, place, slug):
    vocabulary = _with_countries(("poland", "Poland"), ("greece", "Greece"), ("japan", "Japan"),
                                 ("russia", "Russia"), ("south-korea", "South Korea"), ("china", "China"),
                                 ("philippines", "Philippines"), ("azerbaijan", "Azerbaijan"),
                                 ("bosnia", "Bosnia and Herzegovina"))
    places = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
              if e.label == "PLACE"}
    assert places.get(place, {}).get("slug") == slug, places


@pytest.mark.parametrize("text", [
    "The Chinese coast guard shadowed the research ship.",
    "Russian border guards detained the crew.",
    "Polish fighter jets were scrambled.",
    "Chinese or Sri Lankan airspace was used instead.",  # coordinated: which country is not one reading
])
def test_a_nationality_that_modifies_something_else_is_no_place(text):
    vocabulary = _with_countries(("poland", "Poland"), ("russia", "Russia"), ("china", "China"),
                                 ("sri-lanka", "Sri Lanka"))
    entities = extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
    assert not [e.text for e in entities if e.label == "PLACE" and e.value.get("slug") in ("china", "russia", "poland")]


# --- a name a US or Mexican state shares with a place elsewhere (2026-12-05): "Georgia" ---

GEORGIAS = _with_countries(("georgia-country", "Georgia"), ("armenia", "Armenia"), ("poland", "Poland"))


@pytest.mark.parametrize(("text", "slug"), [
    ("Russian jets flew near Georgia and Armenia on Monday.", "georgia-country"),
    ("A P-8 flew from Florida to Georgia on Monday.", "georgia"),
    ("Officials in the state of Georgia confirmed the flight.", "georgia"),
    ("The drone crashed in the country of Georgia, Polish officials said.", "georgia-country"),
    ("A U-2 flew over Georgia on Monday.", None),  # nothing around says which: no key, no scope
])
def test_a_shared_name_is_decided_by_the_places_around_it_or_left_without_a_key(text, slug):
    places = [e.value for e in extract(text, published_at=PUBLISHED, vocabulary=GEORGIAS).entities
              if e.label == "PLACE" and e.value.get("name") == "Georgia"]
    assert len(places) == 1 and places[0].get("slug") == slug, places
    if slug is None:
        assert sorted(places[0]["ambiguous"]) == ["the US state Georgia", "the country Georgia"]


# --- fifth pass (2026-12-05c): the misreadings of blind3.json ---

def _region(slug: str, name: str, kind: str, aliases: tuple[str, ...] = ()):
    from claims.nlp.vocabulary import RegionEntry

    return RegionEntry(slug, name, kind, aliases)


def _with_regions(*regions: tuple[str, str, str]):
    """The seed vocabulary with these regions (slug, name, kind), under a version of its own."""
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    version = "test-regions-" + "-".join(slug for slug, _, _ in regions)
    return dataclasses.replace(seed, version=version, regions=(
        *seed.regions, *(RegionEntry(slug, name, kind) for slug, name, kind in regions)))


FIFTH = dataclasses.replace(
    _with_regions(("iran", "Iran", "country"), ("china", "China", "country"), ("kayin", "Kayin", "subdivision"),
                  ("zamfara", "Zamfara", "subdivision"), ("yemen", "Yemen", "country")),
    version="test-fifth-pass")
FIFTH = dataclasses.replace(FIFTH, regions=(*FIFTH.regions, _region("base-rplc", "Clark Air Base", "airbase",
                                                                     ("Clark Airbase", "Clark"))))


def _fifth(text: str, label: str) -> dict[str, dict]:
    return {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=FIFTH).entities
            if e.label == label}


@pytest.mark.parametrize("text", [
    "The coalition downed three drones launched by the Iran-backed Houthi militia.",
    "A US-led coalition and China-made drones were seen in Yemen.",
])
def test_a_country_before_a_hyphenated_participle_is_no_place(text):
    places = _fifth(text, "PLACE")
    assert not [t for t, v in places.items() if v.get("slug") in ("iran", "china", "united-states")], places
    scope, _ = read_text(text, reference=PUBLISHED)
    assert all(r.slug not in ("iran", "united-states") for r in scope.regions)


def test_a_listed_subdivision_before_state_is_one_place_with_its_key():
    places = _fifth("A jet struck a camp in Kayin State, and another hit Zamfara State.", "PLACE")
    assert places["Kayin State"]["slug"] == "kayin" and places["Zamfara State"]["slug"] == "zamfara"
    assert "Islamic State" not in _fifth("The Islamic State claimed the attack.", "PLACE")


@pytest.mark.parametrize(("text", "place"), [
    ("The jet flew close to the Thai border opposite Phop Phra district on Monday.", "Phop Phra district"),
    ("Flares were launched from the China-held Subi Reef on August 22.", "Subi Reef"),
])
def test_districts_and_reefs_are_places(text, place):
    assert place in _fifth(text, "PLACE")


@pytest.mark.parametrize(("text", "value"), [
    ("The first of the RNZAF four new multi-mission long-range maritime patrol aircraft arrived.", 4),
    ("Two Chinese and seven Russian military aircraft entered the zone.", 2),
    ("An intrusion by 19 Russian and Chinese military aircraft was reported.", 19),
])
def test_a_count_reaches_its_aircraft_past_a_role_and_coordinated_nationalities(text, value):
    counts = [v for v in _fifth(text, "QUANTITY").values() if v["value"] == value]
    assert counts and counts[0]["unit"] == "aircraft" and not counts[0].get("counts_missions"), counts


@pytest.mark.parametrize(("text", "town"), [
    ("The incident took place off the coast of Porvoo on Friday.", "Porvoo"),  # GeoNames town, 51,853 people
    ("The jets flew near Myawaddy, across the border.", "Myawaddy"),
    ("The plane took off from a ranch in Campo Novo do Parecis on Sunday.", "Campo Novo do Parecis"),
    ("Kenyan jets hit camps near El Adde town on Monday.", "El Adde"),  # no gazetteer: "<Name> town"
    ("Flares fell 1 km from Thailand’s Moe Ko Thai village.", "Moe Ko Thai"),
    ("The wreckage was found in the municipality of Jambalo.", "Jambalo"),
])
def test_towns_below_the_city_list_are_places_in_a_place_context(text, town):
    places = _fifth(text, "PLACE")
    assert places.get(town, {}).get("kind") == "city", places


def test_a_town_name_without_a_place_context_is_no_place():
    assert "Porvoo" not in _fifth("Porvoo said the ferry was late. The town hall was shut.", "PLACE")
    assert not _fifth("The village elders met the town council.", "PLACE")


def test_a_town_before_a_known_place_keeps_its_particles():
    vocabulary = _with_regions(("mato-grosso", "Mato Grosso", "subdivision"))
    places = {e.text: e.value for e in extract("The plane flew from Santo Antonio Leverger, Mato Grosso.",
                                               published_at=PUBLISHED, vocabulary=vocabulary).entities
              if e.label == "PLACE"}
    assert places["Santo Antonio Leverger"]["kind"] == "city" and places["Mato Grosso"]["slug"] == "mato-grosso"


@pytest.mark.parametrize(("text", "label", "name", "kind"), [
    ("The welcome ceremony at RNZAF Base Ohakea drew 450 guests.", "PLACE", "RNZAF Base Ohakea", "base"),
    ("The P-8s returned to RAAF Base Edinburgh.", "PLACE", "RAAF Base Edinburgh", "base"),
    ("The pilot ordered a landing at Aragarças airdrome.", "PLACE", "Aragarças airdrome", "base"),
    # a name right after the kind of outlet it is
    ("On July 12, local newspaper El Liberal published a statement.", "ORG", "El Liberal", "outlet"),
    ("The Israeli daily Haaretz reported the strike on Sunday.", "ORG", "Haaretz", "outlet"),
    ("Finnish broadcaster Yle said the jets were heard.", "ORG", "Yle", "outlet"),
    # seventh pass: a name between "the" and "base", before "city" or "Forest", after "province of"
    ("Two Romanian F-16s from the Borcea base were scrambled.", "PLACE", "Borcea base", "base"),
    ("A foreign aircraft intruded east of Tanjungpinang city on Wednesday.", "PLACE", "Tanjungpinang", "city"),
    ("The Houthis fired two missiles from the province of Amran on Saturday.", "PLACE", "Amran", "feature"),
    ("Air strikes hit Makakkari Forest in the northwest on Monday.", "PLACE", "Makakkari Forest", "feature"),
])
def test_names_after_their_kind_word_are_bases_and_outlets(text, label, name, kind):
    assert _fifth(text, label).get(name, {}).get("kind") == kind
    assert not _fifth("Patrols run daily Monday to Friday.", "ORG")
    assert not _fifth("Jets hit the Russian base on Monday.", "PLACE")


@pytest.mark.parametrize(("text", "org", "slug"), [
    ("Kenyan jets struck Al shabaab camps near the border.", "Al shabaab", "al-shabaab"),
    ("The attack on a camp used by Shabaab, al Qaeda’s branch in Somalia.", "al Qaeda", "al-qaeda"),
    ("Strikes on the Islamic State of Iraq and Syria continued.", "Islamic State of Iraq and Syria", "islamic-state"),
    ("The Special Envoy of the United Nations was in Sana'a.", "United Nations", "united-nations"),
])
def test_armed_groups_and_intergovernmental_bodies_are_organisations(text, org, slug):
    orgs = _fifth(text, "ORG")
    assert orgs.get(org, {}).get("slug") == slug, orgs
    assert "Syria" not in _fifth(text, "PLACE") or "Iraq and Syria" not in text


@pytest.mark.parametrize(("text", "org"), [
    ("The Revolutionary Armed Forces of Colombia (FARC) claimed the plane.", "Revolutionary Armed Forces of Colombia"),
    ("The National Task Force for the West Philippine Sea described the incident.",
     "National Task Force for the West Philippine Sea"),
    ("The South Korean military dispatched air force fighters.", "South Korean military"),
    ("Kenyan defense force (KDF) warplanes struck militant bases.", "Kenyan defense force"),
])
def test_a_name_ends_where_its_country_or_remit_ends(text, org):
    assert org in _with_china_ents(text), _with_china_ents(text)


def _with_china_ents(text: str) -> dict[str, dict]:
    return {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=COUNTRIES5).entities
            if e.label == "ORG"}


COUNTRIES5 = _with_countries(("colombia", "Colombia"), ("china", "China"), ("japan", "Japan"),
                             ("philippines", "Philippines"))


def test_the_owner_of_a_possessive_is_not_part_of_the_name():
    orgs = _with_china_ents("according to a map released by the Joint Staff of Japan's Self-Defense Forces.")
    assert "Joint Staff of Japan" not in orgs


def test_an_acronym_the_text_defines_beats_the_vocabularys():
    orgs = [e for e in extract("Armed Forces of the Philippines (AFP) chief Romeo Brawner said the AFP tested flares.",
                               published_at=PUBLISHED, vocabulary=COUNTRIES5).entities if e.label == "ORG"]
    assert [o.value.get("slug") for o in orgs if o.text == "AFP"] == [None, None]
    assert [o.value.get("expands_to") for o in orgs if o.text == "AFP"][1] == "Armed Forces of the Philippines"


@pytest.mark.parametrize(("text", "claimant"), [
    ("Azerbaijan said it had shot down a drone, a report dismissed by Armenia as absurd.", "Armenia"),
    ("Bandits were neutralised, as later confirmed by credible human intelligence sources.",
     "credible human intelligence sources"),
    ("Pakistan issued a NOTAM after a notice issued by the Indian government, confirming a drill.",
     "the Indian government"),
])
def test_passive_attributions_name_the_agent(text, claimant):
    claimants = [e.value["claimant"] for e in extract(text, published_at=PUBLISHED, vocabulary=FIFTH).entities
                 if e.label == "ATTRIBUTION"]
    assert claimant in claimants, claimants


@pytest.mark.parametrize(("text", "person"), [
    ("NAF Director of Public Relations, Air Commodore Ibikunle Daramola who made this known in a statement said "
     "the attack was conducted at dawn.", "Ibikunle Daramola"),
    ("“We decided,” Göran Mårtensson at the Armed Forces (Försvarsmaktens) said in a statement.", "Göran Mårtensson"),
    ("The jet left, according to RTAF spokesperson Air Vice Marshal Prapas Sornchaidee.", "Prapas Sornchaidee"),
    ("The Chief of Air Force, Air Vice-Marshal Andrew Clark, said the arrival marked a new chapter.", "Andrew Clark"),
])
def test_speakers_behind_ranks_relative_clauses_and_units(text, person):
    ents = extract(text, published_at=PUBLISHED, vocabulary=FIFTH).entities
    assert person in [e.value.get("name") for e in ents if e.label == "PERSON"], [(e.label, e.text) for e in ents]
    assert any(person in e.value["claimant"] for e in ents if e.label == "ATTRIBUTION")
    assert not [e.text for e in ents if e.label == "PLACE"]  # not "NAF Director" (a station), not Clark Air Base


def test_a_country_after_a_prepositional_object_and_before_a_verb_is_a_place():
    vocabulary = _with_countries(("russia", "Russia"), ("sweden", "Sweden"), ("china", "China"))
    places = {e.text: e.value for e in extract("Simon said the threat posed by Russia against Sweden remained "
                                               "unchanged.", published_at=PUBLISHED, vocabulary=vocabulary).entities
              if e.label == "PLACE"}
    assert places.get("Sweden", {}).get("slug") == "sweden", places
    assert "China" not in {e.text for e in extract("The plane flew as China continued joint drills.",
                                                   published_at=PUBLISHED, vocabulary=vocabulary).entities
                           if e.label == "PLACE"}  # a subject that acts is left as the sets annotate it


@pytest.mark.parametrize(("text", "place"), [
    ("The jets flew east of South Korea's easternmost islets of Dokdo.", "Dokdo"),
    ("The shoal lies 140 kilometers west of the Philippine island of Palawan.", "Palawan"),
    ("The attack occurred at Birta Dhere in the Gedo region on Monday.", "Birta Dhere"),
])
def test_islands_and_towns_named_by_their_surroundings_are_places(text, place):
    vocabulary = _with_regions(("gedo", "Gedo", "subdivision"), ("south-korea", "South Korea", "country"))
    places = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
              if e.label == "PLACE"}
    assert place in places and not places[place].get("slug"), places


def test_the_border_in_a_foreign_story_is_no_us_mexico_border():
    vocabulary = _with_countries(("kenya", "Kenya"))
    text = "Two jets flew near the border in Kenya on Monday, Kenyan officials said."
    places = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
              if e.label == "PLACE"}
    assert "the border" in places and places["the border"].get("slug") is None
    scope, _ = read_text(text, reference=PUBLISHED)
    assert all(r.slug != "us-mexico-border" for r in scope.regions)
    assert _labelled("A CBP drone flew near the border on Monday.", "PLACE")["the border"]["slug"] == \
        "us-mexico-border"


def test_the_mexican_border_does_not_make_the_navy_foreign():
    """"Mexican" inside the border's own name is no foreign nationality: the Navy beside it is the US Navy (was not
    read: the sentence counted as a foreign story); "Mexican officials" still make a bare service word foreign."""
    scope, _ = read_text("Navy P-8s flew eleven missions near the Mexican border.", reference=PUBLISHED)
    assert scope.operators == ("us-navy",)
    scope, _ = read_text("Mexican officials said the navy flew near the border.", reference=PUBLISHED)
    assert scope.operators == ()


@pytest.mark.parametrize(("text", "places"), [
    ("Drones launched towards civilian facilities in the cities of Jazan and Abha.", ("Jazan", "Abha")),
    ("Bandits were hit on a compound west of Tsamari in Birnin Magaji Local Government Area.",
     ("Tsamari", "Birnin Magaji Local Government Area")),
    ("The field in Su Ka Li township, Myawaddy, in Kayin State, was hit.", ("Myawaddy", "Kayin State")),
    ("The sonic boom was heard in Helsinki and Porvoo in southern Finland.", ("Porvoo",)),
])
def test_towns_coordinated_or_placed_in_a_district_are_places(text, places):
    vocabulary = _with_regions(("kayin", "Kayin", "subdivision"), ("finland", "Finland", "country"))
    found = {e.text for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "PLACE"}
    assert set(places) <= found, found


@pytest.mark.parametrize(("text", "claimant"), [
    ("Air force head General Tito Saul Pinilla did not rule out the possibility, though he said it was improbable.",
     "Tito Saul Pinilla"),
    ("Defence Minister Richard Marles met Prime Minister Anthony Albanese, and he said the talks went well.",
     None),  # two people: which one is not read
])
def test_he_said_is_the_one_person_named_before_it_in_the_sentence(text, claimant):
    claimants = [e.value["claimant"] for e in extract(text, published_at=PUBLISHED).entities
                 if e.label == "ATTRIBUTION" and e.value.get("pronoun")]
    assert claimants == ([claimant] if claimant else [])


def test_a_capitalised_kilometre_sign_glued_to_its_number_is_the_unit():
    counts = _fifth("The air raid targeted bases in Wargadud area, about 40Km west of El Adde town.", "QUANTITY")
    assert [(v["value"], v["unit"]) for v in counts.values()] == [(40, "km")]


def test_a_long_role_in_apposition_between_the_name_and_its_verb_keeps_the_speaker():
    text = "Maj. Gen. David Nahom, deputy commander of the air war, told the Tampa Bay Times on Monday."
    claimants = [e.value["claimant"] for e in extract(text, published_at=PUBLISHED).entities
                 if e.label == "ATTRIBUTION"]
    assert claimants == ["David Nahom"]


@pytest.mark.parametrize(("text", "claimants"), [
    ("In a post on X, Polish armed forces called the incursion an “unprecedented violation”.",
     ["Polish armed forces"]),
    ("NATO launched an operation called Eastern Sentry on Friday.", []),  # no quotation: a name, no statement
])
def test_a_verb_of_naming_before_a_quotation_is_a_statement(text, claimants):
    found = [e.value["claimant"] for e in extract(text, published_at=PUBLISHED).entities if e.label == "ATTRIBUTION"]
    assert found == claimants


def test_a_count_reads_past_a_run_of_adjectives_to_its_aircraft():
    counts = _fifth("On Wednesday, two tactical electronic reconnaissance aircraft flew near Pskov.", "QUANTITY")
    assert [(v["value"], v["unit"]) for v in counts.values()] == [(2, "aircraft")]
    assert _fifth("The Polish military found 19 drone incursions.", "QUANTITY")["19"]["unit"] == "incursions"


def test_an_armed_groups_bases_are_camps_not_an_air_base():
    text = "The air raid was targeted on Al shabaab bases in Wargadud area, not a British air force base."
    # "Wargadud area" has been a place since blind10's pass (blind3's gold lists it); the bases are no air base
    assert list(_fifth(text, "PLACE")) == ["Wargadud", "British air force base"]
    assert "Al shabaab" in _fifth(text, "ORG")


# sixth pass (2026-12-05d): blind4


@pytest.mark.parametrize(("text", "ship"), [
    ("The Liaoning on Monday led five destroyers, including guided-missile destroyer Nanchang, through the strait.",
     "Nanchang"),
    ("The carrier was shadowed by Japanese light carrier Izumo on Tuesday.", "Izumo"),
    ("The destroyer USS Nanchang sailed.", "Nanchang"),
])
def test_a_warship_named_after_a_city_is_no_place(text, ship):
    assert ship not in _labelled(text, "PLACE")


def test_a_ships_name_stays_a_ship_where_the_text_says_the_name_again():
    text = ("Japanese light carrier Izumo watched the drills. Jets took off near the Izumo on Tuesday. The Izumo "
            "strike group sailed on.")
    assert "Izumo" not in _labelled(text, "PLACE")
    assert "Izumo" in _labelled("A P-8 flew from Izumo on Tuesday.", "PLACE")  # the city, where nothing says ship


@pytest.mark.parametrize(("text", "label", "name"), [
    ("The strike group sailed into the western Pacific on Monday.", "PLACE", "western Pacific"),
    ("A drone was lost over the Pacific on Monday.", "PLACE", "Pacific"),
    ("None of the aircraft entered Mexican air space, he said.", "PLACE", "Mexican air space"),
    # agencies before a double hyphen, national police, outlets before their kind
    ("Tokyo, Dec. 10 (Jiji Press)--The carrier sailed east.", "ORG", "Jiji Press"),
    ("Danish police say drones have been observed near the airport.", "ORG", "Danish police"),
    ("Lurin Councilman Gustavo Espinosa told Radioprogramas radio.", "ORG", "Radioprogramas"),
])
def test_oceans_air_space_agencies_police_and_outlets_of_the_sixth_pass(text, label, name):
    assert name in _labelled(text, label)


def test_an_ocean_word_in_a_longer_name_is_not_the_ocean():
    assert "Pacific" not in _labelled("The Pacific Fleet sailed on Monday.", "PLACE")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("We were informed of two suspected Russian aircraft approaching.", 2, "aircraft"),
    ("Three inbound flights were diverted to other airports.", 3, "flights"),
    ("The strike destroyed 16 'Quds Force' aircraft on the ground.", 16, "aircraft"),
    ("In this engagement, we have unfortunately lost one MiG-21.", 1, "aircraft"),
    ("Jets were scrambled after two incidents involving Russian aircraft.", 2, "incidents"),
    # seventh pass: past "out of N" and a name's acronym in brackets
    ("16 out of 21 sorties crossed the median line.", 16, "sorties"),
    ("Taiwan detected eight People's Liberation Army Navy (PLAN) vessels on Monday.", 8, "vessels"),
])
def test_a_count_reads_past_participles_nationalities_and_quotes_to_its_noun(text, value, unit):
    counts = [(v["value"], v["unit"]) for lab, _, v in _ents(text) if lab == "QUANTITY"]
    assert (value, unit) in counts


@pytest.mark.parametrize("text", ["The accident took place at approximately 1500 on Friday.",
                                  "The jets took off at 0930 hours.",
                                  # seventh pass: an hour before a.m./p.m.
                                  "Ships were detected up until 6 a.m. today.",
                                  "Jets were scrambled around 7 p.m. ET on Thursday.",
                                  "The drone was seen at 11 pm on Sunday."])
def test_a_time_of_day_in_military_notation_is_no_count(text):
    assert not [t for lab, t, _ in _ents(text) if lab == "QUANTITY"]


@pytest.mark.parametrize(("text", "places"), [
    ("At least eight cities were hit: Isfahan, Najafabad, Shahreza, Falavarjan and Mobarakeh, it added.",
     ["Isfahan", "Najafabad", "Shahreza", "Falavarjan", "Mobarakeh"]),
    ("Drones were observed by airports in the towns of Esbjerg, Sonderborg, and Skrydstrup.", ["Sonderborg"]),
    ("ADDIS ABABA (AFP) – Nineteen people have been killed in drone strikes.", ["ADDIS ABABA"]),
])
def test_towns_in_english_spelling_in_lists_and_datelines_are_places(text, places):
    found = _labelled(text, "PLACE")
    assert all(p in found for p in places), found


def test_fort_and_camp_name_bases_but_not_a_city_or_a_paper():
    found = _labelled("Troops are deploying from Fort Stewart in Georgia and Camp Lejeune.", "PLACE")
    assert found["Fort Stewart"]["kind"] == "base" and found["Camp Lejeune"]["kind"] == "base"
    found = _labelled("The Fort Worth Star-Telegram reported that jets flew over Fort Worth, Texas.", "PLACE")
    assert found["Fort Worth"]["kind"] == "city" and not any("Telegram" in t for t in found)


MALI_PAKISTAN = _with_countries(("mali", "Mali"), ("pakistan", "Pakistan"))


@pytest.mark.parametrize(("text", "org"), [
    ("The Malian army has not commented on the attacks.", "Malian army"),
    ("Pakistan army spokesperson Major General Asif Ghafoor said the jets were downed.", "Pakistan army"),
])
def test_a_service_word_after_any_nationality_or_country_is_that_countrys(text, org):
    orgs = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=MALI_PAKISTAN).entities
            if e.label == "ORG"}
    assert org in orgs and orgs[org].get("slug") != "us-army"


def test_a_local_office_is_a_role_not_a_name():
    people = _labelled("Lurin Councilman Gustavo Espinosa told Radioprogramas radio.", "PERSON")
    assert [v["name"] for v in people.values()] == ["Gustavo Espinosa"]


def test_an_air_bases_one_word_name_is_no_common_noun():
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-hill-base", regions=(
        *seed.regions, RegionEntry("base-khif", "Hill Air Force Base", "airbase", ("Hill AFB", "Hill"))))

    def places(text: str) -> list[str]:
        return [e.text for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
                if e.label == "PLACE"]

    assert places("A Su-22 crashed on a hill overlooking a residential district.") == []
    assert places("An F-16 landed at Hill on Monday.") == ["Hill"]


def test_a_country_joined_to_a_nationality_is_a_modifier_and_a_double_barrelled_name_one_name():
    assert "US" not in _labelled("Attacks killed 11 people as US-Israeli fighter jets hit workshops.", "PLACE")
    ents = _ents("MiG-29s intercepted a Russian plane, Kosiniak-Kamysz said.")
    assert ("PERSON", "Kosiniak-Kamysz") in [(lab, t) for lab, t, _ in ents]
    assert not [t for lab, t, _ in ents if lab == "ORG"]


def _claimants(text: str) -> list[str]:
    return [v["claimant"] for lab, _, v in _ents(text) if lab == "ATTRIBUTION"]


@pytest.mark.parametrize(("text", "claimant"), [
    ("Reports claim that the lost MiG-21 was lured into an ambush.", "Reports"),
    ("Residents say victims of the first drone strike included children.", "Residents"),
    ("Nineteen people were killed, aid workers and hospital officials told AFP on Tuesday.",
     "aid workers and hospital officials"),
    ("In the town of Mai Tsebri, 17 people lost their lives, said one of the humanitarian workers.",
     "one of the humanitarian workers"),
])
def test_people_on_the_ground_unnamed_reports_and_a_source_after_its_verb_are_claimants(text, claimant):
    assert _claimants(text) == [claimant]


@pytest.mark.parametrize("text", [
    "The aircraft flew according to a pre-filed flight plan and kept radio contact.",
    "The attacks came after dozens of people were reported killed in a drone strike.",
])
def test_in_keeping_with_a_plan_and_a_passive_without_agent_name_no_claimant(text):
    assert _claimants(text) == []


def test_one_in_a_list_of_counts_counts_its_noun():
    counts = [(v["value"], v["unit"]) for lab, _, v in
              _ents("The carrier led five destroyers, one frigate and one supply ship through the strait.")
              if lab == "QUANTITY"]
    assert (5, "destroyers") in counts and (1, "frigate") in counts and (1, "supply") not in counts


@pytest.mark.parametrize(("text", "group"), [
    ("The Iran-backed Houthi militia launched three drones towards Jazan.", "Houthi militia"),
    ("Violence is spiking between ethnic Tuareg rebels and the army.", "Tuareg rebels"),
])
def test_a_peoples_or_movements_name_before_rebels_or_militia_is_an_armed_group(text, group):
    assert _labelled(text, "ORG")[group]["kind"] == "armed group"
    assert "Syrian rebels" not in _labelled("Syrian rebels fired on the convoy.", "ORG")


@pytest.mark.parametrize(("text", "town"), [
    ("Two people were killed in Hiwane, south of Tigray's capital Mekele, an official said.", "Hiwane"),
    ("The drone crashed near Al Abr, 40 km east of the city.", "Al Abr"),
])
def test_a_town_placed_by_its_bearing_from_another_place_is_a_place(text, town):
    assert _labelled(text, "PLACE")[town]["kind"] == "city"


def test_unlisted_names_in_a_list_of_places_are_towns():
    text = "Eight cities were hit: Isfahan, Najafabad, Aran, Barkhar, Khomenei Shahr, Shahreza and Mobarakeh."
    found = _labelled(text, "PLACE")
    assert {"Aran", "Barkhar", "Khomenei Shahr"} <= set(found)
    assert "NATO" not in _labelled("Jets from Poland, Lithuania, Latvia and NATO flew.", "PLACE")


# seventh pass (2026-12-05e): blind5


def _claimants(text: str) -> list[str]:
    return [v["claimant"] for lab, _, v in _ents(text) if lab == "ATTRIBUTION"]


@pytest.mark.parametrize(("text", "name"), [
    ("The strikes came after the Coalition's spokesman, Colonel Turki al-Maliki, spoke on Sunday.", "Turki al-Maliki"),
    ("The website quoted LNA spokesman Ahmed al-Mismari as saying the warehouses were hit.", "Ahmed al-Mismari"),
    # a role, a comma and a name set off by commas; a name before ", now a <role>"; a name before a comma clause
    # and ", said"
    ("It was signed with their Danish counterpart, Troels Lund Poulsen, as well as officers.", "Troels Lund Poulsen"),
    ("A delegation, led by Luis Alfonso Petri, now a National Deputy and former Minister, visited.",
     "Luis Alfonso Petri"),
    ("Al Jazeera's Sinem Koseoglu, reporting from Istanbul, said the operation targeted caves.", "Sinem Koseoglu"),
])
def test_an_arabic_article_glued_to_a_name_is_part_of_it(text, name):
    assert name in [v["name"] for v in _labelled(text, "PERSON").values()]


def test_a_surname_with_its_article_before_a_say_verb_is_the_person():
    text = "Colonel Turki al-Maliki spoke on Sunday. In a related context, al-Maliki confirmed that two missiles fell."
    assert "Maliki" not in _labelled(text, "ORG") and "al-Maliki" in _claimants(text)


@pytest.mark.parametrize(("text", "org"), [
    ("The Saudi-led coalition fighting Houthis in Yemen said on Friday it had intercepted three drones.",
     "Saudi-led coalition"),
    ("The Saudi-led military coalition intercepted a drone, state media said.", "Saudi-led military coalition"),
    ("The Arab Coalition supporting the legitimate government in Yemen said late Sunday that it shot down a drone.",
     "Arab Coalition"),
    ("Houthi-run Al Masirah TV said the coalition had conducted air strikes.", "Al Masirah TV"),
    # outlets before or after their kind, and a body with its kind in apposition
    ("The drones were launched from Hodeidah, state news agency SPA said.", "SPA"),
    ("The Bawbat al-Wasat website quoted a spokesman as saying the warehouses were hit.", "Bawbat al-Wasat"),
    ("Soum is an area where Ansarul Islam, a jihadi Salafist group, operates.", "Ansarul Islam"),
])
def test_a_coalition_named_by_its_leader_or_region_and_a_tv_channel_are_organisations(text, org):
    assert org in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "claimant"), [
    ("The Saudi-led coalition fighting Houthis in Yemen said on Friday it had intercepted three drones.",
     "Saudi-led coalition"),
    ("The Arab Coalition supporting the legitimate government in Yemen said late Sunday that it shot down a drone.",
     "Arab Coalition"),
    ("Officials in Kyiv said the drones fell near the border.", "Officials"),
    ("The coalition intercepted a drone launched towards Khamis Mushait, state media said on Sunday.", "state media"),
    ("The drones were observing the barracks, Belgrade authorities claimed.", "Belgrade authorities"),
    ("The Bawbat al-Wasat website quoted a spokesman as saying the warehouses were hit.",
     "The Bawbat al-Wasat website"),
])
def test_a_name_after_a_preposition_is_not_the_speaker(text, claimant):
    claimants = _claimants(text)
    assert claimant in claimants and "Yemen" not in claimants and "Kyiv" not in claimants
    assert "Yemen" not in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "city"), [
    ("OTTAWA — North American air defences have intercepted a pair of Russian bombers.", "OTTAWA"),
    ("DUBAI: The Saudi-led military coalition intercepted a drone.", "DUBAI"),
])
def test_a_dateline_before_a_dash_or_a_colon_is_a_city(text, city):
    assert _labelled(text, "PLACE")[city]["kind"] == "city"


@pytest.mark.parametrize(("text", "country", "place"), [
    # "Serbian" was shared with the dissolved Serbia and Montenegro, and so named no country
    ("The drones left the Serbian airspace before the jets arrived.", ("serbia", "Serbia"), "Serbian airspace"),
    # a country opening the sentence before a verb in -ed is its subject, no modifier
    ("Argentina gained access to the platform in 2024.", ("argentina", "Argentina"), "Argentina"),
])
def test_a_nationality_of_a_dissolved_state_and_a_country_as_subject_are_places(text, country, place):
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED,
                                              vocabulary=_with_countries(country)).entities if e.label == "PLACE"}
    assert found[place]["slug"] == country[0]


def test_international_air_space_in_two_words_is_international_airspace():
    found = _labelled("The aircraft stayed in international air space, Norad said.", "PLACE")
    assert found["international air space"]["slug"] == "international-airspace"


@pytest.mark.parametrize(("text", "family"), [
    ("Two Sukhoi warplanes of the Indonesian Air Force expelled a foreign aircraft.", "Sukhoi"),
    ("It dispatched a Reaper drone and two Mirage fighter jets from neighbouring Niger.", "Mirage"),
])
def test_an_aircraft_familys_name_before_a_word_for_aircraft_is_an_aircraft(text, family):
    from claims.nlp.vocabulary import AircraftEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-families", aircraft=(
        *seed.aircraft, AircraftEntry("SU27", "Sukhoi Su-27 Flanker", ("Su-27",)),
        AircraftEntry("MIR2", "Dassault Mirage 2000", ("Mirage 2000",))))
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "AIRCRAFT"}
    assert found[family]["designator"] is None
    assert "Bell" not in {e.text for e in extract("Bell helicopters flew.", published_at=PUBLISHED,
                                                  vocabulary=vocabulary).entities}


def test_a_papers_name_before_a_comma_clause_and_a_say_verb_is_no_person():
    text = "El Colombiano, however, reported that a resident had seen the plane."
    assert "El Colombiano" in _labelled(text, "ORG") and not _labelled(text, "PERSON")
    assert "El Colombiano" in _claimants(text)


# blind7 (2026-12-05g): regional and national outlets, official statements


@pytest.mark.parametrize("text", [
    "Six Russian and Chinese military aircraft entered the Korean air defense zone on Thursday.",
    "19 Chinese and Russian military aircraft flew over the East Sea.",
])
def test_a_body_after_coordinated_nationalities_is_no_operator(text):
    from claims.nlp.vocabulary import OrganisationEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-pla", organisations=(*seed.organisations, OrganisationEntry(
        "pla", "People's Liberation Army", "military", "PLA", ("PLA", "Chinese military"), "CN")))

    def orgs(text: str) -> dict[str, dict]:
        return {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
                if e.label == "ORG"}
    assert not orgs(text)
    assert orgs("The Chinese military said its planes were training.")["Chinese military"]["slug"] == "pla"


def test_a_service_before_a_capitalised_kind_of_base_owns_the_base():
    text = "Italian jets came to the Lithuanian Air Force Aviation Base in Siauliai, northern Lithuania."
    assert _labelled(text, "PLACE")["Lithuanian Air Force Aviation Base"]["kind"] == "base"
    assert "Lithuanian Air Force" not in _labelled(text, "ORG")


def test_a_bracket_glued_to_a_name_opens_its_acronym():
    text = "According to the Joint Chiefs of Staff(JCS), four Russian military aircraft breached the zone."
    assert _labelled(text, "ORG")["JCS"]["expands_to"] == "Joint Chiefs of Staff"
    assert "the Joint Chiefs of Staff" in _claimants(text)


@pytest.mark.parametrize(("text", "name", "role"), [
    # capitalised words between a role and the role noun they modify belong to the role
    ("Chief Cabinet Secretary Matsuno told the press this morning that Japan will respond.", "Matsuno",
     "chief cabinet secretary"),
    # a role "of" an office before the name
    ("The jets flew for two minutes, the ministry’s Director of Communications Niina Hyrsky said.", "Niina Hyrsky",
     "director of communications"),
    # a company's chief in apposition
    ("Boaz Levy, the CEO of Israel Aerospace Industries, hailed the event.", "Boaz Levy", "ceo"),
])
def test_a_role_of_several_words_is_not_part_of_the_name(text, name, role):
    people = {v["name"]: v["role"] for v in _labelled(text, "PERSON").values()}
    assert people == {name: role}
    assert not [o for o in _labelled(text, "ORG") if o.startswith(("CEO", "Communications"))]


@pytest.mark.parametrize(("text", "outlets"), [
    # a credit line at the top: an agency between slashes after a dateline, a distributor and its source in brackets
    ("MOSCOW, August 14. /TASS/. Two Russian Tu-95MS strategic bombers flew over neutral waters.", {"TASS"}),
    ("(MENAFN- UkrinForm) Ukraine's air defense forces destroyed seven out of eight drones.", {"MENAFN", "UkrinForm"}),
    ("MOSCOW (UrduPoint News / Sputnik - 26th September, 2019) The Libyan National Army said on Thursday.",
     {"UrduPoint News", "Sputnik"}),
    # whose correspondent reports; a newswire's name before a weekday
    ("Al Mayadeen’s correspondent in Tehran reported that air defense systems engaged targets.", {"Al Mayadeen"}),
    ("Lithuanian Defense Minister Juozas Olekas told newswire BNS Monday.", {"BNS"}),
])
def test_a_credit_line_a_correspondents_outlet_and_a_newswire_are_outlets(text, outlets):
    assert outlets <= set(_labelled(text, "ORG"))
    assert not [o for o in _labelled(text, "ORG") if "/" in o or o.endswith(("-", "Monday"))]
    assert "Tehran" not in _labelled(text, "ORG")  # where the correspondent is, not the government speaking


@pytest.mark.parametrize(("text", "org", "not_org"), [
    ("The Inter-Services Public Relations further said this was the fourth drone.",
     "Inter-Services Public Relations", "Inter-Services"),
    ("The suspected violation is one which the Border Guard is investigating.", "Border Guard", "the Border"),
])
def test_an_office_of_public_relations_and_a_border_guard_are_organisations(text, org, not_org):
    assert org in _labelled(text, "ORG") and not_org not in _labelled(text, "ORG")
    assert not _labelled(text, "PLACE")
    assert not _labelled("NAF Director of Public Relations Ibikunle Daramola made this known.", "ORG").get(
        "Public Relations")


@pytest.mark.parametrize(("text", "place", "kind"), [
    # the owner's possessive is outside a base's name; a preposition opening a sentence outside a region's
    ("The planes came from the Russian Northern Fleet's Kipelovo airbase on Monday.", "Kipelovo airbase", "base"),
    ("Outside Vologda region, the Russian aircraft were shadowed.", "Vologda region", "feature"),
    # a head before the name; a town's parts joined by a hyphen
    ("The adversary launched the drones from Cape Chauda in the occupied Crimea.", "Cape Chauda", "feature"),
    ("The drones came from the area of Primorsko-Akhtarsk, Russia, the post said.", "Primorsko-Akhtarsk", "city"),
])
def test_owners_prepositions_heads_before_names_and_hyphenated_towns(text, place, kind):
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED,
                                              vocabulary=_with_countries(("russia", "Russia"))).entities
             if e.label == "PLACE"}
    assert found[place]["kind"] == kind
    assert not [p for p in found if p.startswith(("Northern", "Outside", "Akhtarsk"))]


@pytest.mark.parametrize(("text", "name"), [
    # a drone family Doc 8643 gives no designator: an aircraft without a type, never a guessed one
    ("The adversary launched the combat drones Shahed-136/131 from Crimea.", "Shahed-136/131"),
    ("Air defense forces destroyed seven out of eight Shahed attack drones overnight.", "Shahed"),
    ("The remains of a Russian Geran-2 were found near Plauru.", "Geran-2"),
    ("11 Shaheds were downed overnight.", "Shahed"),
    # a lower-case variant letter; a designation written with a space
    ("A Philippine Air Force NC-212i aircraft patrolled the shoal.", "NC-212i"),
    ("Brawner joined an air patrol on an FA 50 fighter jet last week.", "FA 50"),
])
def test_drone_families_lower_case_variants_and_spaced_designations_are_aircraft(text, name):
    found = {v.get("name"): v for v in _labelled(text, "AIRCRAFT").values()}
    assert found[name]["designator"] is None
    assert not [v for lab, t, v in _ents(text) if lab == "QUANTITY" and v["value"] == 50]
    assert not _labelled("Shahed Hussain said the jets fell.", "AIRCRAFT")


def test_neutral_waters_and_names_sharing_a_plural_head_are_places():
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-seas", regions=(
        *seed.regions, RegionEntry("bering-sea", "Bering Sea", "sea"),
        RegionEntry("sea-of-okhotsk", "Sea of Okhotsk", "sea")))
    text = "Two Tu-95MS bombers flew over the neutral waters of the Chukchi, Bering and Okhotsk Seas."
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "PLACE"}
    assert found["neutral waters"]["slug"] == "international-airspace"
    assert found["Bering"]["slug"] == "bering-sea" and found["Okhotsk Seas"]["slug"] == "sea-of-okhotsk"
    assert found["Chukchi"]["kind"] == "feature" and not found["Chukchi"].get("slug")
    text = "They fly over the Arctic, the Pacific Ocean, the Black and Baltic Seas."
    assert "Ocean" not in {e.text for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities}


@pytest.mark.parametrize(("text", "claimant"), [
    ("The Inter-Services Public Relations further said this was the fourth drone.",
     "Inter-Services Public Relations"),
    ("The military maintains that the spy drones are used for aerial photography.", "The military"),
    ("A drone was shot down by Pakistani military forces on Tuesday, the military's media wing claimed.",
     "the military's media wing"),
])
def test_an_adverb_before_a_say_verb_maintains_and_a_media_wing(text, claimant):
    assert claimant in _claimants(text)


def test_a_national_bodys_forces_and_an_acronym_of_a_name_in_the_text():
    assert "Pakistani military forces" in _labelled("It was shot down by Pakistani military forces.", "ORG")
    text = "The Armed Forces of the Philippines has started testing flares, with AFP chief Gen. Romeo Brawner Jr."
    orgs = {e.text: e.value for e in extract(text, published_at=PUBLISHED,
                                             vocabulary=_with_countries(("philippines", "Philippines"))).entities
            if e.label == "ORG"}
    assert orgs["AFP"]["expands_to"] == "Armed Forces of the Philippines" and orgs["AFP"].get("slug") != "afp"
    assert _labelled("Ukraine's air defense forces destroyed seven drones, AFP reported.", "ORG")["AFP"]["slug"] == \
        "afp"


def test_a_generational_suffix_is_not_the_surname():
    text = "AFP chief Gen. Romeo Brawner Jr. joined an air patrol. “They work,” Brawner told reporters."
    assert _labelled(text, "PERSON")["Brawner"]["full_name"] == "Romeo Brawner Jr."
    assert "Brawner" not in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "value", "unit"), [
    # a maker's name among the words before the aircraft; a noun modifying a plural noun after an organisation
    ("Two Russian state owned Sukhoi Su-27 fighter jets violated the airspace.", 2, "aircraft"),
    ("Joint Viking 2025 involves nine NATO member states with more than 10,000 soldiers.", 9, "states"),
])
def test_counts_read_past_a_maker_and_a_noun_modifier(text, value, unit):
    assert (value, unit) in [(v["value"], v["unit"]) for lab, _, v in _ents(text) if lab == "QUANTITY"]


def test_an_outlet_name_stops_at_a_line_end_and_a_border_guard_in_a_foreign_text():
    text = "Minister Juozas Olekas told newswire BNS Monday.\nOlekas noted the issues."
    assert "BNS" in _labelled(text, "ORG") and not [o for o in _labelled(text, "ORG") if "\n" in o]
    text = "Two Su-27s violated Finnish airspace, which the Border Guard is investigating, Hyrsky said."
    assert "Border Guard" in _labelled(text, "ORG") and "the Border" not in _labelled(text, "PLACE")


@pytest.mark.parametrize(("text", "place", "slug"), [
    # the data spells a name without its accents (as the city gazetteer's ASCII names do); the text with them
    ("Residents in the Tulcea and Constanța counties received alerts.", "Constanța", "constanta"),
    ("A drone fell near Łódź on Monday.", "Łódź", "lodz"),
])
def test_accented_names_match_the_datas_plain_spelling(text, place, slug):
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-plain-names", regions=(
        *seed.regions, RegionEntry("constanta", "Constanta", "subdivision"),
        RegionEntry("lodz", "Lodz", "subdivision")))
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "PLACE"}
    assert found[place]["slug"] == slug


# eighth pass (2026-12-05f): blind6, flight-tracking and deployment reports from defence and aviation outlets


def _value_units(text: str) -> list[tuple]:
    return [(v["value"], v["unit"]) for lab, _, v in _ents(text) if lab == "QUANTITY"]


def test_a_part_of_what_the_sentence_counted_is_no_count_of_missions():
    text = ("Reporters were shown four low-lying coral reefs in the Spratlys -- Subi Reef and Mischief Reef -- three "
            "of which were turned into garrisons.")
    quantities = [v for lab, _, v in _ents(text) if lab == "QUANTITY"]
    assert [(q["value"], q["unit"]) for q in quantities] == [(4, "reefs"), (3, "reefs")]
    assert not any(q["counts_missions"] for q in quantities)
    _, notes = read_text(text, reference=PUBLISHED)
    assert notes.quantity is None


def test_a_compass_word_before_a_continent_is_not_the_us_southwest():
    text = "A KC-10 Extender from another base in Southwest Asia crosses the tanker's path."
    places = _labelled(text, "PLACE")
    assert "Southwest Asia" in places and places["Southwest Asia"].get("slug") is None
    scope, _ = read_text(text, reference=PUBLISHED)
    assert all(r.slug != "southwestern-us" for r in scope.regions)
    assert _labelled("Flights over the Southwest rose.", "PLACE")["Southwest"]["slug"] == "southwestern-us"


@pytest.mark.parametrize("text", [
    "It painted E-3A Sentry \u2013 serial LX-N9450 (c/n 22845, line number 959) \u2013 in a special scheme.",
    "The USS Harry S. Truman (CVN 75) and the cruiser USS Gettysburg (CG 64) sailed on.",
    "The Poseidons are assigned to the Skinny Dragons of Patrol Squadron (VP) 4.",
])
def test_serials_hull_numbers_and_unit_numbers_are_no_counts(text):
    assert _value_units(text) == []


@pytest.mark.parametrize(("text", "count"), [
    ("The first of the Royal New Zealand Air Force (RNZAF) four new aircraft arrived.", (4, "aircraft")),
    ("An Air Force KC-135 is dragging two F/A-18C Hornets north. The two Hornets stick to the tanker.",
     (2, "aircraft")),
    ("Two French Dassault Rafale fighters closely follow, with another two on their way.", (2, "aircraft")),
    ("One sailor sustained minor injuries in the incident.", (1, "sailor")),
    ("The U.S. has just one military base in the country.", (1, "base")),
    ("The U.S. closed two of its military bases in Greece in 1990.", (2, "bases")),
])
def test_what_a_number_counts_after_a_name_a_preposition_one_or_a_possessive(text, count):
    assert count in _value_units(text)
    assert not any(unit in ("stick", "on", "of_them", None) for _, unit in _value_units(text))


@pytest.mark.parametrize(("text", "org"), [
    ("Personnel from the active duty 388th and Reserve 419th Fighter Wing arrived.", "419th Fighter Wing"),
    ("\u201cWe were ready,\u201d said Col. Craig Andrle, 388th Fighter Wing commander, in a release.",
     "388th Fighter Wing"),
    ("The bombers linked up with the Koku-Jieitai\u2019s 305th Fighter Squadron.", "305th Fighter Squadron"),
    ("The RAF sent three jets from 120 Squadron to Keflavik.", "120 Squadron"),
    ("An F/A-18F of Strike Fighter Squadron (VFA) 11 landed on the carrier.", "Strike Fighter Squadron (VFA) 11"),
    ("An E-6B of Strategic Communications Wing ONE, Task Group 114.2, flew over Colorado.",
     "Strategic Communications Wing ONE"),
    ("An E-6B of Strategic Communications Wing ONE, Task Group 114.2, flew over Colorado.", "Task Group 114.2"),
    ("He is Commander U.S. Air Forces in Europe and Commander Allied Air Command.", "Allied Air Command"),
    ("Researchers at Peking University tracked the flight.", "Peking University"),
    ("According to the South China Sea Strategic Situation Probing Initiative, the plane flew south.",
     "South China Sea Strategic Situation Probing Initiative"),
])
def test_numbered_units_universities_and_initiatives_are_organisations(text, org):
    orgs = _labelled(text, "ORG")
    assert org in orgs, orgs
    assert not [v for lab, _, v in _ents(text) if lab == "QUANTITY" and v["value"] in (120, 11, 114.2, 305)]


@pytest.mark.parametrize(("text", "org"), [
    ("According to AircraftSpots, the trio of bombers departed Whiteman on August 11.", "AircraftSpots"),
    ("Another flight monitoring agency, Aircraft Spots, made a similar observation.", "Aircraft Spots"),
    ("The open-source satellite group Satellogic also photographed two Reapers.", "Satellogic"),
    ("\u201cNuclear doomsday planes launch,\u201d read a Forbes headline.", "Forbes"),
    ("Allied jets were scrambled seven times last week, the Baltic Course reported.", "Baltic Course"),
    ("British government sources have refused to say if the flight was ordered.", "British government"),
    ("Beijing accused the US of disguising military planes as civilian aircraft.", "Beijing"),
])
def test_trackers_outlets_and_governments_by_shape_are_organisations(text, org):
    assert org in _labelled(text, "ORG")
    assert not ({"Course", "Spots", "Aircraft"} & set(_labelled(text, "ORG")))
    assert not ({"Baltic", "Beijing"} & set(_labelled(text, "PLACE")))


def test_a_command_named_after_its_area_is_an_organisation():
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-africa", regions=(
        *seed.regions, RegionEntry("africa", "Africa", "area", ("the African continent",))))
    ents = [(e.label, e.text) for e in extract("The drones belong to Air Forces Africa, a spokesman said.",
                                               published_at=PUBLISHED, vocabulary=vocabulary).entities]
    assert ("ORG", "Air Forces Africa") in ents and ("PLACE", "Africa") not in ents


@pytest.mark.parametrize("text", [
    "A Kyiv-based monitoring group said the drones flew on.",
    "Tehran-backed militias launched drones at the base.",
    "The RAF Eurofighter Typhoons intercepted them over the North Sea.",
])
def test_where_a_body_sits_and_a_services_aircraft_are_no_places(text):
    from claims.nlp.vocabulary import AircraftEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-eufi", aircraft=(
        *seed.aircraft, AircraftEntry("EUFI", "Eurofighter Typhoon", ("Eurofighter", "Typhoon"))))
    places = [e.text for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
              if e.label == "PLACE"]
    assert not ({"Kyiv", "Tehran", "RAF Eurofighter Typhoons"} & set(places))


def test_a_name_after_a_quote_and_a_say_verb_is_the_speaker():
    text = ("\u201cAny escalation is very dangerous,\u201d warned Paul Rogers, professor of peace studies at Bradford "
            "University.")
    assert "Paul Rogers" in [v["name"] for v in _labelled(text, "PERSON").values()]
    assert "Paul Rogers" in _claimants(text)


def test_he_opening_a_sentence_is_the_person_who_opened_the_one_before():
    text = ("Wing Commander Higgins, Officer Commanding 120 Squadron, linked the mission to the unit\u2019s history. "
            "He said the deployment highlights the importance of the North Atlantic.")
    assert "Higgins" in _claimants(text)
    assert [v["name"] for v in _labelled(text, "PERSON").values()] == ["Higgins"]  # no person "Commanding"
    two = "Colonel Anna Berg met Major Tom Lee. He said the jets were ready."
    assert "Tom Lee" not in _claimants(two) and "Anna Berg" not in _claimants(two)


@pytest.mark.parametrize(("text", "claimant"), [
    ("Plane spotters monitoring the skies around China via open-source software said a US aircraft flew south.",
     "Plane spotters"),
    ("Online flight trackers recorded the apparent movements of a U.S. Air Force plane.", "Online flight trackers"),
    ("The open-source satellite group Satellogic also photographed two Reapers next to a hangar.", "Satellogic"),
])
def test_watchers_and_a_source_before_a_participle_are_claimants(text, claimant):
    assert claimant in _claimants(text)
    assert _claimants("Japanese jets tracked the bombers over the sea.") == []


@pytest.mark.parametrize(("text", "base"), [
    ("FORT SHAFTER, Hawaii \u2014 A pair of Poseidon planes will arrive this week.", "FORT SHAFTER"),
    ("The planes will operate out of Marine Corps Base Hawaii this month.", "Marine Corps Base Hawaii"),
    ("The airport is also home to Coast Guard Air Station Borinquen, which flies HH-65s.",
     "Coast Guard Air Station Borinquen"),
    ("The U.S. Navy Support Facility Diego Garcia provides logistic support.", "Navy Support Facility Diego Garcia"),
])
def test_base_names_after_their_kind_and_a_bases_dateline_are_bases(text, base):
    assert _labelled(text, "PLACE")[base]["kind"] == "base"


def test_two_oceans_coordinated_and_the_alliances_airspace_are_places():
    places = _labelled("The maps of two E-6Bs off the Atlantic and Pacific coasts went viral.", "PLACE")
    assert {"Atlantic", "Pacific"} <= set(places)
    places = _labelled("The jets made sure the bombers did not violate NATO airspace.", "PLACE")
    assert places["NATO airspace"]["kind"] == "airspace" and not places["NATO airspace"].get("slug")


def test_an_aircraft_before_of_ends_its_units_name_and_a_claim_to_land_is_no_statement():
    text = ("United States Navy Boeing E-6B Mercury of Strategic Communications Wing ONE, Task Group 114.2, based at "
            "Tinker Air Force Base, high over Colorado.")
    assert "Strategic Communications Wing ONE" in _labelled(text, "ORG")
    text = "The plane passed the Paracel Islands\u2014controlled by China but also claimed by Vietnam."
    assert _claimants(text) == []
    assert _claimants("The attack was claimed by Ansarul Islam, a jihadi group.") == ["Ansarul Islam"]


@pytest.mark.parametrize(("text", "claimant"), [
    ("Another flight monitoring agency, Aircraft Spots, made a similar observation and noted that the plane changed "
     "its hex code.", "Aircraft Spots"),
    ("The satellite group Satellogic photographed two Reapers next to a hangar, per the @MT_Anderson account on X.",
     "@MT_Anderson"),
    ("\u201cNuclear Doomsday Planes Launch,\u201d read a Forbes headline.", "Forbes"),
])
def test_a_coordinated_say_verb_an_account_and_a_headline_read_name_their_source(text, claimant):
    assert any(claimant in c for c in _claimants(text))
    assert _claimants("Officials in NATO met and said nothing.") != ["NATO"]


def test_doomsday_planes_are_command_posts_not_one_type():
    found = {e.text: e.value for e in extract("Two nuclear doomsday planes launched off the coasts.",
                                              published_at=PUBLISHED).entities if e.label == "AIRCRAFT"}
    assert found["doomsday planes"].get("role") == "command_post" and not found["doomsday planes"].get("designator")
    from evidence.reference_data.aircraft import MILITARY_TYPES

    assert all("doomsday plane" not in aliases for _, _, aliases, _, _ in MILITARY_TYPES)


def test_two_name_words_before_a_possessive_are_a_person():
    text = "The spy plane was ordered east just days after Liz Truss\u2019s mini-budget collapsed."
    assert "Liz Truss" in [v["name"] for v in _labelled(text, "PERSON").values()]
    for text in ("The jets flew over the Gulf of Bothnia and Finland\u2019s coast.",
                 "It joined the US Air Force\u2019s bombers.", "Then Eastern Sentry\u2019s second phase began.",
                 "OTTAWA \u2014 North America\u2019s early-warning air defences intercepted two bombers."):
        assert not _labelled(text, "PERSON"), text


# blind9 (2026-12-05i): official statements, flight-tracking reports and foreign outlets in English


@pytest.mark.parametrize(("text", "claimant"), [
    # a day between the subject and its verb; "accused"; "went on to say"; a body named after "said the"
    ("The Philippine military on Saturday accused a Chinese air force of dropping flares.", "Philippine military"),
    ("The ministry yesterday said two bombers flew over the sea.", "The ministry"),
    ("The release went on to say the exercise was part of a training mission.", "The release"),
    ("“The aircraft illegally entered the airspace,'' said the Southern Theater Command of the Chinese People's "
     "Liberation Army.", "Southern Theater Command"),
])
def test_a_day_before_the_verb_accused_went_on_to_say_and_said_the_body(text, claimant):
    assert claimant in _claimants(text)


def test_the_body_a_speaker_after_said_belongs_to_is_no_operator():
    from claims.nlp.vocabulary import OrganisationEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-pla", organisations=(
        *seed.organisations, OrganisationEntry("pla", "People's Liberation Army", "military", "PLA", ("PLA",), "CN")))
    text = ("Two P-8 aircraft ''illegally entered the airspace over the sea on Thursday,'' said the Southern "
            "Theater Command of the Chinese People's Liberation Army.")
    claims = extract(text, published_at=PUBLISHED, vocabulary=vocabulary).proposed_claims
    assert claims and not any(c.scope.operators for c in claims)


def test_any_countrys_adjective_before_a_body_is_an_organisation():
    orgs = _labelled("The Philippine military said the flight was routine.", "ORG")
    assert orgs["Philippine military"]["foreign"] is True
    assert "Bangladeshi government" in _labelled("The Bangladeshi government said it was a drill.", "ORG")
    assert not _labelled("Two Philippine military aircraft flew.", "ORG")  # a modifier, not the body


def test_a_reserve_component_is_its_service_and_a_name_after_a_designation_is_that_aircraft():
    from claims.nlp.vocabulary import AircraftEntry, default_vocabulary

    seed = default_vocabulary()  # the reference data's aliases keep the common word "Lancer" out, as here
    vocabulary = dataclasses.replace(seed, version="test-lancer", aircraft=(
        *seed.aircraft, AircraftEntry("B1", "Rockwell B-1 Lancer", ("B-1", "B-1B", "Lancer bomber"), "bomber")))
    text = "Texas-based U.S. Air Force Reserve B-1 Lancer bomber aircraft flew. The three Lancers returned."
    ents = extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
    orgs = {e.text: e.value for e in ents if e.label == "ORG"}
    assert orgs["U.S. Air Force Reserve"]["slug"] == "us-air-force" and "U.S. Air Force" not in orgs
    assert {e.text: e.value for e in ents if e.label == "AIRCRAFT"}["Lancers"]["designator"] == "B1"
    assert (3, "aircraft") in [(e.value["value"], e.value["unit"]) for e in ents if e.label == "QUANTITY"]
    text = "A NATO E-3A Sentry flew a training mission during Eastern Sentry."
    assert "Sentry" not in _labelled(text, "AIRCRAFT")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("This continuous 14-hour, 4,300 nautical-mile mission was a first.", 14, "hours"),
    ("They flew a 90-minute flight.", 90, "minutes"),
    ("They flew a 14 hour mission.", 14, "hours"),
])
def test_a_flights_length_before_its_noun_is_a_duration_not_a_count_of_missions(text, value, unit):
    assert (value, unit) in _value_units(text)
    assert not any(v["counts_missions"] for lab, _, v in _ents(text) if lab == "QUANTITY")
    assert _value_units("the 14-month-old conflict and a 10-day drill") == []


def test_a_rank_with_its_acronym_initials_and_a_rank_alone_are_no_names():
    text = ("Indian Air Force Chief Air Chief Marshal (ACM) V. R. Chaudhari flew a sortie. Speaking to the media, "
            "ACM Chaudhari said that the exercise was useful.")
    people = {v["name"]: v for v in _labelled(text, "PERSON").values()}
    assert people["V. R. Chaudhari"]["role"] == "chief air chief marshal"
    assert "Chaudhari" not in _labelled(text, "ORG") and "Chaudhari" in _claimants(text)
    names = [v["name"] for v in _labelled("It was perfected by Air Chief Marshal, Lord Dowding in 1940.",
                                          "PERSON").values()]
    assert names == ["Dowding"]


def test_a_dateline_in_capitals_and_its_agency_in_brackets():
    text = "RAPID CITY, S.D. (KOTA) - Ellsworth B-1 bombers are home Friday."
    assert "RAPID CITY" in _labelled(text, "PLACE") and "CITY" not in _labelled(text, "PLACE")
    assert "KOTA" in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "place"), [
    # foreign heads written before the name, with a particle; Chinese heads after it; a name after a bearing or
    # after a verb of flying and "over"
    ("Chinese jets harassed the plane in Bajo de Masinloc on Thursday.", "Bajo de Masinloc"),
    ("The plane illegally entered the airspace over Huangyan Dao in the South China Sea.", "Huangyan Dao"),
    ("The drone flew over the islets, located southeast of Astypalaia, at 19,000 feet.", "Astypalaia"),
    ("Turkish aircraft also flew over Oinousses, while in four cases they fought.", "Oinousses"),
])
def test_foreign_heads_a_bearing_and_an_overflown_name_are_places(text, place):
    assert place in _labelled(text, "PLACE")


def test_a_name_after_flying_over_is_no_place_when_it_is_something_else():
    for text in ("The jets flew over Northeast Aegean.", "The aircraft flew over Greek islands.",
                 "Drones flew over The Hague, officials said.", "The jets flew over Trump’s objections."):
        assert not [p for p in _labelled(text, "PLACE") if p in ("Northeast", "Greek", "The", "Trump’s")], text
    assert "Cabo San Lucas" not in [p for p, v in _labelled("It sailed to Cabo San Lucas.", "PLACE").items()
                                    if v.get("kind") == "feature"]  # the gazetteer's city, not a feature


def test_an_indian_air_force_station_before_its_name_is_a_base():
    assert _labelled("Both chiefs flew from Air Force Station Jodhpur on Tuesday.", "PLACE")[
        "Air Force Station Jodhpur"]["kind"] == "base"


@pytest.mark.parametrize(("text", "org"), [
    ("This was confirmed by DFA spokesperson Teresita Daza.", "DFA"),
    ("The military will continue patrols despite harassment from the Chinese Army Air Force.",
     "Chinese Army Air Force"),
    ("Earlier, the minister announced plans.\nSource: Sputnik", "Sputnik"),
    ("Its route could be tracked live on the Flight Radar app.", "Flight Radar"),
])
def test_an_acronym_before_a_role_an_air_arm_a_source_line_and_a_radar_tracker_are_organisations(text, org):
    assert org in _labelled(text, "ORG")
    assert "US" not in _labelled("US officials said so.", "ORG")


def test_a_title_in_apposition_a_nickname_and_a_passive_tagged_by():
    text = "Source: Yurii Ihnat, Spokesperson of the Air Forces Command of the Armed Forces of Ukraine, on air."
    assert _labelled(text, "PERSON")["Yurii Ihnat"]["role"] == "spokesperson"
    text = "It was tagged by President Ferdinand “Bongbong” Marcos Jr. as “unjustified, illegal, and reckless.”"
    assert "Ferdinand “Bongbong” Marcos Jr." in [v["name"] for v in _labelled(text, "PERSON").values()]
    assert "President Ferdinand “Bongbong” Marcos Jr." in _claimants(text)


def test_the_high_seas_are_international_airspace():
    places = _labelled("“There was no problem as the plane flew over the high seas,” a spokesman said.", "PLACE")
    assert places["high seas"]["slug"] == "international-airspace"


def test_a_quoted_programme_nickname_and_a_call_sign_are_no_aircraft_and_no_count():
    text = "A USAF RC-135W “Constant Phoenix” departed. “FORTE 10” was the most monitored flight of the day."
    assert "Phoenix" not in _labelled(text, "AIRCRAFT") and "RC-135W" in _labelled(text, "AIRCRAFT")
    assert 10 not in [v for v, _ in _value_units(text)]
    assert "Poseidon" in _labelled("The “Poseidon” flew.", "AIRCRAFT")  # a quoted name alone stays


def test_the_area_after_a_town_and_in_and_an_aircraft_named_by_its_programme():
    assert "Fife" in _labelled("The jets took off from RAF Leuchars in Fife on Monday.", "PLACE")
    assert "March" not in _labelled("The jets took off from RAF Leuchars in March.", "PLACE")
    text = ("It is the first occasion for the Light Combat Aircraft (LCA) Tejas and the Light Combat Helicopter (LCH) "
            "Prachand to participate.")
    aircraft = _labelled(text, "AIRCRAFT")
    assert aircraft["Light Combat Aircraft (LCA) Tejas"]["designator"] is None
    assert "Light Combat Helicopter (LCH) Prachand" in aircraft and "Helicopter" not in aircraft


def test_a_number_before_services_in_the_plural_counts_them():
    text = "It highlighted the growing interoperability between the two Air Forces."
    assert (2, "air forces") in _value_units(text)


def test_a_service_word_opening_a_rank_is_no_us_operator():
    text = ("Army Colonel Shi Yi, a spokesman for China’s Eastern Theatre Command, said the passage of the United "
            "States P-8A Poseidon was hyped.")
    assert _labelled(text, "ORG")["Army"].get("slug") is None
    assert _labelled("U.S. Army Col. John Smith said two P-8s flew.", "ORG")["U.S. Army"]["slug"] == "us-army"


def test_a_states_broadcaster_after_a_nationality_is_an_organisation():
    orgs = _labelled("Iranian state television reported that the drone was shot down.", "ORG")
    assert orgs["Iranian state television"]["foreign"] is True
    assert "CCTV" in _labelled("Chinese state broadcaster CCTV showed the jets.", "ORG")
    assert "Chinese state broadcaster" not in _labelled("Chinese state broadcaster CCTV showed the jets.", "ORG")


def test_a_nationality_before_forces_is_that_countrys_forces():
    assert _labelled("Ten fighters surrendered to Somali forces in Gedo region.", "ORG")["Somali forces"]["foreign"]
    assert not _labelled("Somali forces bases were hit.", "ORG")  # a modifier before a noun, not the body


@pytest.mark.parametrize(("text", "claimant"), [
    ("Jets were scrambled.\nSource: dpa, a German news agency, as reported by European Pravda", "dpa"),
    ("The two Sukhoi warplanes are still patrolling.\nSource: Antara News", "Antara News"),
    ("A drone was shot down.\nSource: Yurii Ihnat, Spokesperson of the Air Forces Command", "Yurii Ihnat"),
])
def test_a_source_line_names_the_claimant(text, claimant):
    assert claimant in _claimants(text)

# ----------------------------------------------------------------------------------------------------------------
# blind8 (2026-12-05h): long wire-service and broadcaster articles full of quotes


def test_a_long_apposition_between_the_name_and_its_say_verb():
    text = ("Andrew Brookes, a fellow at the Royal United Services Institute and former RAF pilot, said there was no "
            "reason why the planes should enter UK airspace.")
    assert "Andrew Brookes" in [v["name"] for v in _labelled(text, "PERSON").values()]
    assert "Andrew Brookes" in _claimants(text)


@pytest.mark.parametrize(("text", "claimant"), [
    ("\u201cIt sends a message about Beijing,\u201d said an Australian analyst.", "an Australian analyst"),
    ("\u201cIt is very worrying,\u201d said a security analyst in Taipei, the capital.", "a security analyst"),
    ("\u201cGone are days never to return,\u201d said ruling party newspaper Rodong Sinmun.",
     "ruling party newspaper Rodong Sinmun"),
    ("Analysts don't see the flights as meaning war is near, per the New York Times.", "the New York Times"),
    ("The FAA defines the zone as an area of identification, per CNN.", "CNN"),
])
def test_a_source_after_a_quote_where_it_is_and_per_a_capitalised_source(text, claimant):
    assert claimant in _claimants(text)


def test_per_before_a_unit_and_an_outlet_name_ending_with_its_sentence():
    assert _claimants("The squadron flew three sorties per day in March.") == []
    assert _claimants("The jets flew per Article 5 of the treaty and per the Minsk agreement.") == []
    text = "\u201cGone are days,\u201d said ruling party newspaper Rodong Sinmun. The jets left."
    assert "Rodong Sinmun" in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "claimant"), [
    ("Mexico reacted Monday morning, pointing at Texas saying the incursion was a provocation.", "Mexico"),
    ("U.S. President Donald Trump also weighed in on the breach of NATO airspace saying he was ready to act.",
     "Donald Trump"),
    ("The Pentagon toughened its language last week, warning that the flights would continue.", "Pentagon"),
])
def test_a_saying_participle_reports_the_sentences_subject(text, claimant):
    assert claimant in _claimants(text)


@pytest.mark.parametrize("text", [
    "The jets flew over Poland on Monday, adding to tensions.",
    "OTTAWA \u2014 North America's early-warning air defences intercepted two bombers.",
    "Two jets flew near Taiwan, without warning anyone.",
])
def test_participles_that_report_nothing(text):
    assert _claimants(text) == []


@pytest.mark.parametrize(("text", "claimant"), [
    ("Prime Minister Stephen Harper also weighed into the affair. \u201cWe will defend our airspace,\u201d he told "
     "reporters.", "Stephen Harper"),
    ("Chinese foreign ministry spokeswoman Hua Chunying declined to comment on the incident. \u201cWe hope the U.S. "
     "side can respect China's concerns,\u201d she said.", "Hua Chunying"),
])
def test_a_pronoun_after_a_quote_is_the_one_person_of_the_sentence_before(text, claimant):
    assert claimant in _claimants(text)
    two = "Colonel Anna Berg met Major Tom Lee on Monday. \u201cIt was close,\u201d he said."
    assert _claimants(two) == []


@pytest.mark.parametrize(("text", "capital"), [
    ("It sends a message about Beijing\u2019s determination to claim Taiwan.", "Beijing"),
    ("\u201cWe urge Beijing to cease its military pressure,\u201d the statement said.", "Beijing"),
    ("Washington and Seoul also wrapped up nearly two weeks of joint war games.", "Seoul"),
    ("The war games always anger Pyongyang, which considers them a rehearsal for an invasion.", "Pyongyang"),
    ("Tensions rose, with Seoul reviving cross-border propaganda broadcasts.", "Seoul"),
    ("Officials said the incursion was a provocation by Moscow.", "Moscow"),
    ("The flights came on the eve of Taipei\u2019s annual war games exercises.", "Taipei"),
])
def test_a_capital_standing_for_its_government_by_what_surrounds_it(text, capital):
    assert _labelled(text, "ORG")[capital]["name"] == f"government in {capital}"


@pytest.mark.parametrize("text", [
    "Officials met in Canberra and Beijing last week.",
    "The airliner flew from Seoul and Tokyo to Manila.",
    "A security analyst in Taipei said the flights were worrying.",
    "Beijing\u2019s air quality was poor on Monday.",
])
def test_a_capital_where_something_happens_stays_a_place(text):
    assert not any(v.get("name", "").startswith("government in") for v in _labelled(text, "ORG").values())


def test_a_pronoun_reaches_past_a_line_break_and_a_cut_quotation():
    text = ("Prime Minister Stephen Harper also weighed into the affair.\n\u201cI have expressed the deep concern our "
            "government has with . . . Russian intrusions into our airspace,\u201d he told reporters.")
    assert "Stephen Harper" in _claimants(text)


@pytest.mark.parametrize(("text", "org"), [
    ("A Chinese jet intercepted the plane, Australia's defence department said yesterday.",
     "Australia's defence department"),
    ("The Trump administration said the flights would continue.", "Trump administration"),
    ("A MART\u00cdNEZ, HOST:\nRomania says a drone entered its airspace. Here's NPR's Rob Schmitz.\nROB SCHMITZ, "
     "BYLINE: The ministry said so.", "NPR"),
])
def test_lower_case_departments_administrations_forces_named_after_a_country_and_a_reporters_outlet(text, org):
    assert org in _labelled(text, "ORG")


def test_a_department_store_is_no_body():
    assert not _labelled("A German department store opened in the city.", "ORG")


@pytest.mark.parametrize(("text", "name"), [
    ("Secretary of State for Defence Michael Fallon said air interceptions underline the mission.", "Michael Fallon"),
    ("Minister for Foreign Affairs Penny Wong said the flights were dangerous.", "Penny Wong"),
    ("A MART\u00cdNEZ, HOST:\nRomania says a drone entered its airspace.", "A Mart\u00ednez"),
    ("ROB SCHMITZ, BYLINE: The ministry said so. Here's NPR's Rob Schmitz again.", "Rob Schmitz"),
])
def test_a_portfolio_after_for_and_a_transcripts_speaker_labels(text, name):
    names = [v["name"] for v in _labelled(text, "PERSON").values()]
    assert name in names and all(n in (name, name.upper()) or n == name for n in names), names


def test_forces_named_after_the_country_they_are_stationed_in():
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-forces-japan", regions=(
        *seed.regions, RegionEntry("japan", "Japan", "country")))
    text = "US Forces Japan said the aircraft returned safely."
    orgs = {e.text for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities if e.label == "ORG"}
    assert "US Forces Japan" in orgs


def test_a_program_name_is_not_the_phoenix_drone():
    text = "The U.S. aircrew aboard the WC-135 Constant Phoenix aircraft reported the intercept."
    assert "Phoenix" not in _labelled(text, "AIRCRAFT")


@pytest.mark.parametrize("text", [
    "WASHINGTON \u2013 Two Chinese fighter jets intercepted a US Navy surveillance plane.",
    "WASHINGTON, May 19 (Reuters) - Two Chinese SU-30 aircraft carried out an intercept.",
])
def test_a_washington_dateline_is_the_city_not_the_government(text):
    assert _labelled(text, "PLACE")["WASHINGTON"]["kind"] == "city"
    assert "WASHINGTON" not in _labelled(text, "ORG")


def test_a_bullet_after_a_dateline_city():
    assert _labelled("SYDNEY \u2022 A Chinese fighter aircraft intercepted a surveillance plane.",
                     "PLACE")["SYDNEY"]["kind"] == "city"


def test_a_bases_alias_running_past_a_comma_is_the_base_and_its_place():
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-andersen", regions=(
        *seed.regions, RegionEntry("guam", "Guam", "subdivision"),
        RegionEntry("base-pgua", "Andersen Air Force Base", "airbase", ("Andersen Air Force Base, Guam",))))
    text = "The pair of B-1B Lancers from Andersen Air Force Base, Guam, flew over the peninsula."
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "PLACE"}
    assert found["Andersen Air Force Base"]["slug"] == "base-pgua" and found["Guam"]["slug"] == "guam"


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The jets flew with the two staunch U.S. allies.", 2, "allies"),
    ("CENTCOM destroyed five unmanned surface vessels and one drone.", 5, "vessels"),
    ("Five unmanned aerial vehicles crashed near the base.", 5, "aircraft"),
    ("More than 400 UK personnel are set to support Eastern Sentry.", 400, "personnel"),
])
def test_what_a_number_counts_past_a_country_and_boats_a_drone_word_describes(text, value, unit):
    assert (value, unit) in _value_units(text)


def test_a_verb_after_a_plural_name_is_not_what_a_number_counts():
    assert all(u != "remain" for _, u in _value_units("The two Koreas remain in a technical state of war."))


def test_adjectives_of_regions_below_a_country_before_a_coast():
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-scottish", regions=(
        *seed.regions, RegionEntry("scotland", "Scotland", "subdivision"),
        RegionEntry("crimea", "Crimea", "subdivision")))
    text = "Russian aircraft were spotted near the Scottish coast and off the Crimean coast."
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "PLACE"}
    assert found["Scottish coast"]["slug"] == "scotland" and found["Crimean coast"]["slug"] == "crimea"
    north = "The bombers flew off the North American coast."
    assert all(v.get("slug") != "united-states" for v in _labelled(north, "PLACE").values())


def test_names_before_a_lower_case_plural_head_are_places_only_when_known():
    from claims.nlp.vocabulary import RegionEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-lower-seas", regions=(
        *seed.regions, RegionEntry("bering-sea", "Bering Sea", "sea"),
        RegionEntry("sea-of-okhotsk", "Sea of Okhotsk", "sea")))
    text = "The bombers flew over the Chukotka, Bering and Okhotsk seas. Ships sailed the Russian and Chinese seas."
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "PLACE"}
    assert found["Bering"]["slug"] == "bering-sea" and found["Okhotsk seas"]["slug"] == "sea-of-okhotsk"
    assert not any("Chinese" in t for t in found)


@pytest.mark.parametrize(("text", "claimant"), [
    ("The United States shot down a drone on Saturday, its military said.", "its military"),
    ("Typhoons were scrambled after two Russian aircraft entered the zone, defence chiefs have said.",
     "defence chiefs"),
])
def test_a_countrys_own_institution_and_chiefs_speak(text, claimant):
    assert claimant in _claimants(text)
    assert _claimants("The drones fell near the border, according to their information.") == []


def test_a_countrys_government_after_its_possessive():
    assert "Mexico's government" in _labelled("Mexico's government didn't say anything about the flights.", "ORG")
    text = "President Nicol\u00e1s Maduro\u2019s government protested."
    assert "Nicol\u00e1s Maduro" in [v["name"] for v in _labelled(text, "PERSON").values()]


@pytest.mark.parametrize(("text", "claimant"), [
    ("The European Union's foreign affairs chief Kaja Kallas called Saturday's drone incursion into Romania yet "
     "another unacceptable breach of sovereignty.", "Kaja Kallas"),
    ("A carrier group entered the sea for what the US military termed a routine deployment.", "US military"),
])
def test_a_verdict_named_without_quotation_marks(text, claimant):
    assert claimant in _claimants(text)


@pytest.mark.parametrize("text", [
    "NATO called a meeting of its members on Monday.",
    "The US Navy called off the search on Monday.",
    "NATO called the police to the scene.",
    "About this \u201cLente.ru\u201d became aware of the tracking data.",
])
def test_namings_that_are_no_verdicts(text):
    assert not [c for c in _claimants(text) if c not in ("Lente.ru",)]


def test_a_paraphrase_then_said_and_a_name_in_apposition():
    text = ("The flights were routine, said John Smith, a senior fellow at the Center for Strategic and International "
            "Studies.")
    assert "John Smith" in _claimants(text)
    assert "Center for Strategic and International Studies" in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "org"), [
    ("Analysts at the Institute for the Study of War said the drones came from Belarus.",
     "Institute for the Study of War"),
    ("The Council on Foreign Relations says the flights are routine.", "Council on Foreign Relations"),
    ("The Kremlin did not immediately respond to a request for comment.", "Kremlin"),
])
def test_think_tanks_named_for_their_field_and_a_seat_of_government(text, org):
    assert org in _labelled(text, "ORG")
    assert not _labelled("The jets landed near the Center of the base.", "ORG")


@pytest.mark.parametrize(("text", "org"), [
    ("Sir Lawrence Freedman told the Guardian that Moscow was probing the defences.", "Guardian"),
    ("The minister told the Financial Times on Monday that the jets were ready.", "Financial Times"),
    ("Mark Cancian, a senior adviser at CSIS, said the cost was high.", "CSIS"),
    ("Justin Bronk, senior research fellow for airpower at RUSI, said the Typhoon was fast.", "RUSI"),
])
def test_a_paper_told_and_an_experts_acronym(text, org):
    assert org in _labelled(text, "ORG")
    assert "Guardian" in _labelled("The Navy flew the Guardian drone over the sea.", "AIRCRAFT")


def test_an_office_speaks_and_a_pronoun_does_not_reach_past_a_sentence_of_its_own():
    assert "Ukrainian President Volodymyr Zelensky\u2019s office" in _claimants(
        "Ukrainian President Volodymyr Zelensky\u2019s office said the drones were Russian.")
    text = "President Volodymyr Zelensky spoke on Monday. The jets landed. She told the pilots to land."
    assert _claimants(text) == []


def test_a_statement_posted_is_no_second_speaker():
    text = "The aircraft flew along the border, the ministry said in a statement posted on Telegram."
    assert _claimants(text) == ["the ministry"]


def test_an_acronym_before_a_reporters_role_and_a_capital_after_an_auxiliary():
    text = "DW correspondent Rosalia Romaniec, reporting from Warsaw, said the mood was tense."
    assert "DW" in _labelled(text, "ORG")
    assert "US" not in _labelled("US Secretary of State Marco Rubio said the flights were routine.", "ORG")
    assert _labelled("Moscow has denied the accusations.", "ORG")["Moscow"]["name"] == "government in Moscow"


def test_a_reporting_name_before_an_aircraft_noun():
    from claims.nlp.vocabulary import AircraftEntry, default_vocabulary

    seed = default_vocabulary()
    vocabulary = dataclasses.replace(seed, version="test-reporting-names", aircraft=(
        *seed.aircraft, AircraftEntry("TU95", "Tupolev Tu-95", ("Tu-95", "Tu-95 Bear")),
        AircraftEntry("E3TF", "Boeing E-3 Sentry", ("E-3", "E-3 Sentry")),
        AircraftEntry("E3CF", "Boeing E-3 Sentry (CFM56)", ("E-3D", "E-3D Sentry", "E-3F Sentry"))))

    def aircraft(text: str) -> dict[str, dict]:
        return {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
                if e.label == "AIRCRAFT"}
    assert aircraft("The Russian Bear aircraft were escorted away north of Scotland.")["Bear"]["designator"] == "TU95"
    assert "Bear" not in aircraft("The Bear market fell on Monday.")
    assert "Sentry" not in aircraft("NATO launched Eastern Sentry aircraft over Poland.")


def test_an_age_in_apposition_and_a_website_or_monitor_in_apposition():
    text = "John Smith, 54, said he saw the drone over the village."
    assert "John Smith" in [v["name"] for v in _labelled(text, "PERSON").values()]
    assert "John Smith" in _claimants(text)
    assert "Oryx" in _labelled("The data came from Oryx, a Dutch open-source intelligence website.", "ORG")
    assert "Airwars" in _labelled("Airwars, a UK-based monitor, said civilians died.", "ORG")


def test_one_resident_speaks():
    assert "one resident" in _claimants("\u201cWe saw the jets,\u201d one resident told Reuters.")


def test_a_countrys_military_intelligence_after_its_possessive():
    text = "The head of Mexico\u2019s military intelligence, Juan Perez, said the drones came from the south."
    assert "Mexico\u2019s military intelligence" in _labelled(text, "ORG")
    assert not _labelled("The intelligence was shared with the allies.", "ORG")


@pytest.mark.parametrize(("text", "claimant"), [
    ("A person familiar with the matter said the drone was armed.", "A person"),
    ("Two people briefed on the intercept said the jet came within 20 feet.", "Two people"),
    ("Sources with knowledge of the flights said the jets were Chinese.", "Sources"),
])
def test_sources_familiar_briefed_or_with_knowledge(text, claimant):
    assert claimant in _claimants(text)
    assert all(v != 2 for v, _ in _value_units("Two people briefed on the intercept said the jet turned."))


# blind10 (2026-12-05j): Asia-Pacific, Middle Eastern, African and Latin American outlets in English. The rows are
# variants written for the tests (names, places and sentences the set does not contain), one family each.

B10_COUNTRIES = _with_countries(("libya", "Libya"), ("egypt", "Egypt"), ("colombia", "Colombia"),
                                ("pakistan", "Pakistan"), ("iran", "Iran"))


def _b10_world():
    """The seed with a few countries, NATO's "the Alliance" and numbered family aliases, as the reference data has."""
    from claims.nlp.vocabulary import AircraftEntry

    orgs = tuple(dataclasses.replace(o, aliases=(*o.aliases, "the Alliance")) if o.slug == "nato" else o
                 for o in B10_COUNTRIES.organisations)
    assert any(o.slug == "nato" for o in orgs)
    aircraft = (*B10_COUNTRIES.aircraft,
                AircraftEntry("SU27", "Sukhoi Su-27", ("Su-27", "Su-30", "Sukhoi Su-30", "Su-30MKI")),
                AircraftEntry("TU95", "Tupolev Tu-95", ("Tu-95", "Tu-95MS")),
                AircraftEntry("MIR2", "Dassault Mirage 2000", ("Mirage 2000",)),
                AircraftEntry("IL76", "Ilyushin Il-76", ("Il-76",)))
    return dataclasses.replace(B10_COUNTRIES, version="test-b10-world", organisations=orgs, aircraft=aircraft)


B10_WORLD = _b10_world()


def _b10(text: str, label: str) -> dict[str, dict]:
    return {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=B10_WORLD).entities
            if e.label == label}


@pytest.mark.parametrize("text", [
    "BENGHAZI, Libya - The LNA said it was attacked. The army has since retaken the district.",
    "Egypt sent jets to the border on Monday. The air force said the patrols would go on.",
    "Nigerian officials said a bandit camp was hit. The army later confirmed the strike.",
    "Colombia's president spoke in Bogota. The army said it would keep up its patrols.",
    "ISLAMABAD, Pakistan – Militants attacked a checkpoint. “They did not harm us,” a guard said. The army said "
    "the attack was repelled.",
])
def test_a_bare_service_in_a_sentence_of_no_country_belongs_to_the_last_country_named(text):
    assert all(v.get("slug") not in ("us-army", "us-air-force") for v in _b10(text, "ORG").values())
    scope, _ = read_text(text, reference=PUBLISHED, vocabulary=B10_WORLD)
    assert not {"us-army", "us-air-force"} & set(scope.operators)


@pytest.mark.parametrize("text", [
    "Army chief General Asim Munir attended the parade.",
    "Navy chief Admiral Dinesh Tripathi said the drills were routine.",
    "The Indian Air Force on Air Force Day flew a formation over the city.",
])
def test_a_service_before_chief_and_a_rank_or_a_service_day_has_no_key(text):
    assert all(v.get("slug") not in ("us-army", "us-navy", "us-air-force")
               for v in _labelled(text, "ORG").values())


def test_the_us_service_stays_the_us_service_after_an_american_sentence():
    text = "Russian bombers flew near Alaska on Monday. The Air Force scrambled two F-22s."
    assert _labelled(text, "ORG")["Air Force"]["slug"] == "us-air-force"


@pytest.mark.parametrize("text", [
    "The exercise underscored a growing security alliance between the two islands.",
    "The parties formed an electoral alliance last year.",
])
def test_a_lower_case_alliance_of_others_is_not_nato(text):
    assert all(v.get("slug") != "nato" for v in _b10(text, "ORG").values())


@pytest.mark.parametrize("text", [
    "Nato jets were scrambled, a spokesperson for the alliance said.",
    "The Alliance said its radars tracked the bombers.",
])
def test_the_alliance_after_nato_is_nato(text):
    assert "nato" in {v.get("slug") for v in _b10(text, "ORG").values()}


@pytest.mark.parametrize(("text", "capital"), [
    ("Rebels have turned to Tehran, which has never hidden its support for the movement, for drones.", "Tehran"),
    ("The militia looked to Moscow, which is open about its backing of the junta.", "Moscow"),
    ("Both sides appealed to Cairo, which insists on its position over the dam.", "Cairo"),
])
def test_a_capital_whose_relative_clause_gives_it_a_stance_is_its_government(text, capital):
    assert capital in _labelled(text, "ORG") and capital not in _labelled(text, "PLACE")


def test_a_capital_as_a_destination_stays_a_place():
    assert "Tehran" in _labelled("The flight returned to Tehran, which is the capital of Iran.", "PLACE")


@pytest.mark.parametrize(("text", "name"), [
    ("Two Jaguars landed at the Ambala Air Force Station on Friday.", "Ambala"),
    ("The squadron moved to Jodhpur Air Force station last year.", "Jodhpur"),
    ("A MiG-29 crashed after taking off from Adampur Air Force Station.", "Adampur"),
])
def test_a_town_before_air_force_station_is_a_base(text, name):
    places = {v.get("name"): v for v in _labelled(text, "PLACE").values()}
    assert places[name]["kind"] == "base"
    assert not any("Air Force" in t for t in _labelled(text, "ORG"))


@pytest.mark.parametrize(("text", "name", "designator"), [
    ("Two Sukhoi-30 jets flew over the lake.", "Sukhoi-30", "SU27"),
    ("A Tupolev-95 bomber was tracked near the coast.", "Tupolev-95", "TU95"),
    ("Four Mirage-2000s took part in the exercise.", "Mirage-2000s", "MIR2"),
    ("An Ilyushin-76 transport landed at dawn.", "Ilyushin-76", "IL76"),
    ("Two Sukhoi-30MKIs escorted the jets.", "Sukhoi-30MKIs", "SU27"),
])
def test_a_makers_or_familys_name_joined_to_a_number_is_that_aircraft(text, name, designator):
    assert _b10(text, "AIRCRAFT")[name].get("designator") == designator


@pytest.mark.parametrize(("text", "name"), [
    ("The army has acquired Chinese-made Wing Loong II drones.", "Wing Loong II"),
    ("Turkish Bayraktar drones struck the convoy.", "Bayraktar"),
    ("The rebels said they downed two Israeli Heron drones.", "Heron"),
    ("Footage showed Ababil drones on the runway.", "Ababil"),
    ("Officials said Akinci drones were deployed to the island.", "Akinci"),
])
def test_a_name_before_a_word_for_drones_is_an_aircraft_without_a_guessed_type(text, name):
    found = _labelled(text, "AIRCRAFT")
    assert name in found and not found[name].get("designator")


@pytest.mark.parametrize("text", [
    "Houthi drones hit the port. Russian drones crossed the border.",
    "FPV drones were used. Kamikaze drones struck at night.",
    "Malian Army and Allies Use Drones in Attack Against Rebels",
    "The Turkish drones flew west. On Sunday drones flew again.",
])
def test_nationalities_acronyms_headlines_and_first_words_are_no_drone_names(text):
    assert all(e.text.lower() in ("drones", "drone")
               for e in extract(text, published_at=PUBLISHED).entities if e.label == "AIRCRAFT")


@pytest.mark.parametrize(("text", "name"), [
    ("Army spokesperson Col. Ma. Louella Torio said the helicopters returned safely.", "Ma. Louella Torio"),
    ("Navy spokesperson Capt. Ma. Theresa Dizon told reporters the plane was tracked.", "Ma. Theresa Dizon"),
    ("Defence Minister Mohd. Khaled Nordin said the jets were detected.", "Mohd. Khaled Nordin"),
])
def test_a_given_name_written_short_with_a_full_stop_opens_the_name(text, name):
    assert name in [v["name"] for v in _labelled(text, "PERSON").values()]
    assert not any(v["name"] in ("Ma", "Mohd") for v in _labelled(text, "PERSON").values())


@pytest.mark.parametrize(("text", "name"), [
    ("Ahmed Salem El-Hadi, spokesman for the rebel coalition in the north, said the drones hit a market.",
     "Ahmed Salem El-Hadi"),
    ("Farah Ali, adviser to the regional president, told reporters the jets flew low.", "Farah Ali"),
    ("Pablo Ruiz, director of the civil aviation agency, said radar lost the plane.", "Pablo Ruiz"),
    ("The attack was blamed on Jhon Mario Pérez, alias “Mordisco”, by the army.", "Jhon Mario Pérez"),
])
def test_a_name_before_a_lower_case_title_with_for_of_to_or_before_its_alias(text, name):
    assert name in [v["name"] for v in _labelled(text, "PERSON").values()]


@pytest.mark.parametrize(("text", "name"), [
    ("The governor of Cauca, Octavio Guzmán, said the drone hit a school.", "Octavio Guzmán"),
    ("The mayor of Cúcuta, Jorge Acevedo, condemned the attack.", "Jorge Acevedo"),
])
def test_a_role_of_a_place_then_a_name_between_commas(text, name):
    assert name in [v["name"] for v in _labelled(text, "PERSON").values()]


def test_a_second_surname_after_a_given_name_is_no_place():
    from claims.nlp.vocabulary import RegionEntry

    vocabulary = dataclasses.replace(B10_WORLD, version="test-b10-cordoba", regions=(
        *B10_WORLD.regions, RegionEntry("cordoba", "Córdoba", "province", ("Cordoba",))))
    found = {e.text: e.label for e in extract("The group led by Carlos Ruiz Cordoba attacked the base.",
                                               published_at=PUBLISHED, vocabulary=vocabulary).entities}
    assert found.get("Cordoba") != "PLACE"
    found = {e.text: e.label for e in extract("The drone came from Cordoba on Monday.", published_at=PUBLISHED,
                                               vocabulary=vocabulary).entities}
    assert found.get("Cordoba") == "PLACE"


@pytest.mark.parametrize(("text", "claimant"), [
    ("Interior Minister Juan Ortiz, however, blamed the attack on dissidents.", "Juan Ortiz"),
    ("Police chief Ana Gómez lamented the loss of the crew.", "Ana Gómez"),
    ("Opposition leader Rafael Mora has alleged that the flights were illegal.", "Rafael Mora"),
    ("Army spokesman Col. Omar Diallo denounced the strikes as a massacre.", "Omar Diallo"),
])
def test_blame_lament_and_allegation_report_a_speaker(text, claimant):
    assert any(claimant in c for c in _claimants(text))


@pytest.mark.parametrize("text", [
    "Pakistan released a video showing one of the alleged pilots.",
    "Investigators examined the admitted breach of the airspace.",
])
def test_the_adjectival_alleged_or_admitted_reports_no_one(text):
    assert _claimants(text) == []


@pytest.mark.parametrize(("text", "org"), [
    ("The drone was shot down by the Government of National Unity's forces.", "Government of National Unity"),
    ("The Transitional Federal Government of Somalia asked for air support.",
     "Transitional Federal Government of Somalia"),
    ("Troops fought the Usuga Clan near the border.", "Usuga Clan"),
    ("The rebels of the Azawad Liberation Movement said a drone hit Kidal.", "Azawad Liberation Movement"),
    ("The claim was aired by the group's al-Manar TV on Monday.", "al-Manar TV"),
    ("The strike was reported by El-Watan Daily.", "El-Watan Daily"),
])
def test_governments_clans_movements_and_arabic_articles_open_or_head_names(text, org):
    assert org in _labelled(text, "ORG")


def test_a_local_government_area_is_no_government():
    assert not any("Government" in t for t in _labelled("Bandits attacked Gusau Local Government Area.", "ORG"))


@pytest.mark.parametrize(("text", "org"), [
    ("The aircraft left the zone, the defence ministry said in a statement.", "defence ministry"),
    ("The foreign ministry summoned the ambassador over the flights.", "foreign ministry"),
    ("The drones were intercepted, the defense ministry said.", "defense ministry"),
])
def test_the_portfolio_ministry_without_an_owner_is_a_body(text, org):
    assert org in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "town"), [
    ("A drone struck a market in Kidal, northern Mali, on Sunday.", "Kidal"),
    ("Shelling hit a clinic in Rutshuru, eastern Congo, the UN said.", "Rutshuru"),
    ("The jets bombed a camp in Muridke, deep inside Pakistan, officials said.", "Muridke"),
    ("The raid hit a base near Bulo Burde in the central Hiran region.", "Bulo Burde"),
])
def test_a_town_placed_by_the_region_that_holds_it(text, town):
    vocabulary = _with_countries(("mali", "Mali"), ("congo", "Congo"), ("pakistan", "Pakistan"))
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "PLACE"}
    assert found.get(town, {}).get("kind") == "city"


def test_a_comma_before_a_region_word_without_a_town_is_no_town():
    vocabulary = _with_countries(("mali", "Mali"))
    found = {e.text for e in extract("He said, northern Mali is calm.", published_at=PUBLISHED,
                                     vocabulary=vocabulary).entities if e.label == "PLACE"}
    assert "He" not in found and "said" not in found


@pytest.mark.parametrize(("text", "city"), [
    ("Port of Spain, November 28 - Two US transport planes landed.", "Port of Spain"),
    ("Flights from Kuwait City resumed on Monday.", "Kuwait City"),
    ("The delegation met in Port of Spain on Tuesday.", "Port of Spain"),
])
def test_a_city_whose_name_holds_a_country(text, city):
    vocabulary = _with_countries(("spain", "Spain"), ("kuwait", "Kuwait"))
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "PLACE"}
    assert found.get(city, {}).get("kind") == "city"
    assert "Spain" not in found and "Kuwait" not in found


@pytest.mark.parametrize(("text", "places"), [
    ("The strike hit a convoy in the Jilib area on Friday.", ["Jilib"]),
    ("Militants regrouped near Bardhere area, officials said.", ["Bardhere"]),
    ("Shells fell on villages such as Kafr Nabl, Marea and Tal Rifaat.", ["Kafr Nabl", "Marea", "Tal Rifaat"]),
    ("Residents of communities like Penal and Debe heard the jets.", ["Penal", "Debe"]),
])
def test_towns_before_area_and_after_communities_like(text, places):
    found = _labelled(text, "PLACE")
    assert all(p in found for p in places), found


@pytest.mark.parametrize("text", [
    "The bombers flew into the USEUCOM area of responsibility.",
    "The CENTCOM area of operations covers the Gulf.",
])
def test_an_area_of_responsibility_is_no_town(text):
    assert not any(t in ("USEUCOM", "CENTCOM") for t in _labelled(text, "PLACE"))


@pytest.mark.parametrize(("text", "org"), [
    ("The ISPR has said the drone was shot down near the border.", "ISPR"),
    ("The BGB said two drones crossed the frontier.", "BGB"),
    ("The KPA had said the planes would be targeted.", "KPA"),
])
def test_an_unknown_acronym_before_a_say_verb_speaks_as_a_body(text, org):
    assert org in _labelled(text, "ORG") and org in _claimants(text)


@pytest.mark.parametrize(("text", "claimant"), [
    ("The raid was claimed by the group against Israeli targets on Friday.", "the group"),
    ("The attack was claimed by the movement toward the end of the week.", "the movement"),
])
def test_a_cues_source_ends_before_against_or_toward(text, claimant):
    assert claimant in _claimants(text)


@pytest.mark.parametrize("text", [
    "The ministry declined to name the base, citing security concerns.",
    "The airline suspended the route, citing safety reasons.",
])
def test_citing_a_reason_names_no_source(text):
    assert _claimants(text) == []


@pytest.mark.parametrize(("text", "names"), [
    ("(Reporting by Ahmed Tolba; Editing by Sharon Singleton)", ["Ahmed Tolba", "Sharon Singleton"]),
    ("Reporting by Yimou Lee and Ben Blanchard; Writing by Tom Hogue", ["Yimou Lee", "Ben Blanchard", "Tom Hogue"]),
])
def test_a_wire_credit_line_names_people(text, names):
    found = [v["name"] for v in _labelled(text, "PERSON").values()]
    assert all(n in found for n in names), found


@pytest.mark.parametrize(("text", "org"), [
    ("The Fars-affiliated Mehr news reported that two drones were downed.", "Mehr"),
    ("State-run IRNA news said the jets returned.", "IRNA"),
])
def test_an_outlet_before_news_and_a_say_verb(text, org):
    assert org in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "org"), [
    ("Jets of the Burkina Faso army struck the convoy.", "Burkina Faso army"),
    ("The Sierra Leone navy said no aircraft was seen.", "Sierra Leone navy"),
])
def test_a_country_of_two_words_before_a_service(text, org):
    vocabulary = _with_countries(("burkina-faso", "Burkina Faso"), ("sierra-leone", "Sierra Leone"))
    found = {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities
             if e.label == "ORG"}
    assert org in found and found[org].get("slug") is None


@pytest.mark.parametrize(("text", "value"), [
    ("Four sleek French-made Mirage-2000s took part.", 4),
    ("Two lumbering Air Force C-17A cargo planes landed at dawn.", 2),
    ("Three huge Russian-built Il-76 transports touched down.", 3),
])
def test_a_count_past_adjectives_and_an_operator_counts_the_aircraft(text, value):
    counts = [(v["value"], v.get("unit")) for lab, _, v in
              [(e.label, e.text, e.value) for e in extract(text, published_at=PUBLISHED, vocabulary=B10_WORLD).entities]
              if lab == "QUANTITY"]
    assert (value, "aircraft") in counts, counts


@pytest.mark.parametrize(("text", "outlet"), [
    ("The drone was downed over Hodeida, News.Az reports, citing foreign media.", "News.Az"),
    ("Trend.Az said two jets crossed the line.", "Trend.Az"),
])
def test_a_web_name_with_a_capitalised_country_domain_is_an_outlet_not_a_state(text, outlet):
    assert outlet in _labelled(text, "ORG")
    assert not any(v.get("slug") == "arizona" for v in _labelled(text, "PLACE").values())


@pytest.mark.parametrize(("text", "org"), [
    ("The convoy was hit by the Sudanese air forces on Friday.", "Sudanese air forces"),
    ("Turkish naval forces shadowed the ship.", "Turkish naval forces"),
])
def test_a_nationality_before_a_service_in_the_plural(text, org):
    assert org in _labelled(text, "ORG")
    assert "South Korean air forces" not in _labelled("Jets of the US and South Korean air forces flew.", "ORG")


@pytest.mark.parametrize(("text", "place"), [
    ("The planes landed on the sister isle of Tobago.", "Tobago"),
    ("A drone flew over the isle of Gozo.", "Gozo"),
])
def test_a_name_after_isle_of_is_a_place(text, place):
    assert place in _labelled(text, "PLACE")


@pytest.mark.parametrize(("text", "city"), [
    ("Two C-17s flew to Phoenix, Ariz., on Monday.", "Phoenix"),
    ("The tanker returned from Phoenix after the exercise.", "Phoenix"),
])
def test_a_city_after_a_preposition_is_not_the_aircraft_nickname_spelt_the_same(text, city):
    assert _labelled(text, "PLACE").get(city, {}).get("kind") == "city"
    assert city not in _labelled(text, "AIRCRAFT")
    assert "Phoenix" in _labelled("The NATO Phoenix drone flew over the Baltic.", "AIRCRAFT")


@pytest.mark.parametrize(("text", "name"), [
    ("Jan Nowak, a spokesman for the ministry, said two jets flew past.", "Jan Nowak"),
    ("Jun Wei, a spokeswoman for the air force, said the drone was tracked.", "Jun Wei"),
])
def test_a_month_abbreviation_before_a_surname_is_a_first_name_not_a_date(text, name):
    assert name in _labelled(text, "PERSON")
    assert not _labelled(text, "DATE")
    assert "Jan" in _labelled("Flights rose in Jan after the drills.", "DATE")


def test_a_non_breaking_hyphen_in_a_designation_is_read_as_a_hyphen():
    text = "Two US Navy P\u20118A aircraft flew near the Gulf on Monday."
    found = extract(text, published_at=PUBLISHED, vocabulary=B10_WORLD).entities
    (plane,) = [e for e in found if e.label == "AIRCRAFT"]
    assert plane.value.get("designator") == "P8" and (plane.start, plane.end) == (12, 16)


# ------------------------------------------------------------------------------ blind13 (2026-12-05n)
# Local papers near bases, military releases, think tanks and specialist press. Each family was found on blind13's
# blind run; the rows use other names than the reports.


@pytest.mark.parametrize(("text", "person", "claimant"), [
    ('The Veterans Minister Alison Dunmore MP said: "The crews responded at once."', "Alison Dunmore",
     "Alison Dunmore"),
    ("Shadow defence secretary Marcus Pyle MSP told reporters the jets had landed.", "Marcus Pyle", "Marcus Pyle"),
    ('Group Captain Ian Rudd OBE said: "The station is ready."', "Ian Rudd", "Ian Rudd"),
])
def test_letters_after_a_name_are_no_body_and_no_part_of_the_name(text, person, claimant):
    people = [v["name"] for lab, _, v in _ents(text) if lab == "PERSON"]
    assert people == [person]
    assert _claimants(text) == [claimant]
    assert not [t for lab, t, _ in _ents(text) if lab == "ORG" and t in ("MP", "MSP", "OBE")]


@pytest.mark.parametrize(("text", "person"), [
    ("Tankers seen over the Ionian Sea\nby Maria Vella\nTwo KC-135s flew from Sigonella on Monday.", "Maria Vella"),
    ("Jets scrambled again\nBy Tom Caruana Galea\nThe Typhoons left Lossiemouth at dawn.", "Tom Caruana Galea"),
])
def test_a_byline_on_a_line_of_its_own_names_a_person(text, person):
    assert person in [v["name"] for lab, _, v in _ents(text) if lab == "PERSON"]
    assert not _claimants(text)  # a byline writes the report; it is no source of its claims


@pytest.mark.parametrize(("text", "person"), [
    ('Kenji Okada, Japan’s defence minister, said the drone flew near Yonaguni.', "Kenji Okada"),
    ('Hiroshi Ueda, Japan’s Chief Cabinet Secretary, vowed "we will watch every flight."', "Hiroshi Ueda"),
])
def test_a_name_before_a_countrys_title_is_a_person_even_when_a_town_shares_it(text, person):
    assert person in [v["name"] for lab, _, v in _ents(text) if lab == "PERSON"]
    assert _claimants(text) == [person]
    assert not [t for lab, t, _ in _ents(text) if lab == "PLACE" and t in person]
    assert not [t for lab, t, _ in _ents(text) if lab == "PERSON" and "Cabinet" in t]


def test_a_promise_to_act_is_no_statement_but_a_promise_of_words_is():
    assert not _claimants("Paula Vera, the visiting president of Chile, vowed to stand by the islanders.")


def test_one_surname_after_a_quotation_and_a_say_verb_with_a_persons_noun_is_a_person():
    text = '"Flights have doubled," said Whitcombe, co-author of a book on Cold War reconnaissance.'
    assert ("PERSON", "Whitcombe") in [(lab, t) for lab, t, _ in _ents(text)]
    assert not [t for lab, t, _ in _ents(text) if lab == "ORG"]
    assert _claimants('"Nothing changed," writes Mirror.') == ["Mirror"]  # a paper stays a paper


@pytest.mark.parametrize(("text", "outlet"), [
    ("The drone stayed airborne until the evening, La Stampa reports.", "La Stampa"),
    ("Two jets were scrambled, El Mundo reported on Friday.", "El Mundo"),
])
def test_an_article_of_another_language_opens_a_papers_name_before_a_say_verb(text, outlet):
    assert outlet in _labelled(text, "ORG") and outlet not in _labelled(text, "PERSON")
    assert _claimants(text) == [outlet]


def test_a_role_of_a_body_then_a_name_closing_the_sentence_is_a_person_and_speaks_by_surname():
    text = ("The mayor met the Director-general of the Defense Ministry's Kyushu Defense Bureau, Tanaka Hiroshi. "
            "Tanaka in reply said that the helicopters might fly over the town. "
            "Mayor Ono Kenta on May 8 visited the bureau and demanded that the flights stop. "
            'Ono pointed out, "The noise is unbearable."')
    people = [v["name"] for lab, _, v in _ents(text) if lab == "PERSON"]
    assert "Tanaka Hiroshi" in people and "Ono Kenta" in people
    claimants = _claimants(text)
    assert "Tanaka" in claimants and "Ono Kenta" in claimants and "Ono" in claimants
    assert not _claimants("The aircraft's nose pointed out to sea and the pilot demanded a new heading.")


def test_a_quotation_signed_below_it_is_the_signers():
    text = ("The visit ended on Friday.\n"
            '"The visit strengthened our cooperation with the Norwegian Coast Guard."\n'
            "Dr Helen Ashcombe\n"
            "Her Majesty's Ambassador to Norway\n"
            "The aircraft flew home on Saturday.")
    assert _claimants(text) == ["Helen Ashcombe"]


@pytest.mark.parametrize(("text", "claimant"), [
    ("Plane watchers using free flight tracking apps noticed the tankers heading east.", "Plane watchers"),
    ("Aircraft spotters with radio scanners noticed two tankers over the Channel.", "Aircraft spotters"),
    ("An Airbus satellite photo taken on Sunday shows four bombers on the apron.", "An Airbus satellite photo"),
])
def test_a_watcher_before_its_means_and_a_picture_before_its_participle_are_sources(text, claimant):
    assert claimant in _claimants(text)


@pytest.mark.parametrize(("text", "org"), [
    ("The images were supplied by Maxar Labs on Tuesday.", "Maxar Labs"),
    ("The ministry notified the General Inspectorate for Civil Protection.", "Inspectorate for Civil Protection"),
    ("The Directorate for Air Safety said the route was closed.", "Directorate for Air Safety"),
    ("The flight was planned by Commander, Task Force 67, on Monday.", "Task Force 67"),
    ("The P-8 deployed to the U.S. 5th Fleet in Bahrain.", "U.S. 5th Fleet"),
    ("Despite the Chihuahua state government's request, the flights went on.", "Chihuahua state government"),
])
def test_bodies_named_by_head_for_field_by_number_and_by_place(text, org):
    assert org in _labelled(text, "ORG")


def test_a_bomber_task_forces_rotation_number_is_no_body():
    assert "Task Force 23" not in _labelled("The aircraft of the Bomber Task Force 23-2 landed.", "ORG")


def test_the_alliance_points_back_to_the_last_alliance_named():
    text = ("The Open Skies Watch Alliance, a group of volunteers, reports two tankers. "
            "The alliance says it also tracked cargo flights.")
    assert all(v.get("slug") != "nato" for lab, _, v in _ents(text) if lab == "ORG")
    nato = _ents("The North Atlantic Alliance met on Monday. The alliance said it would respond.")
    assert any(v.get("slug") == "nato" for lab, t, v in nato if lab == "ORG" and t == "North Atlantic Alliance")
    assert not any(lab == "ORG" and t.lower() == "the alliance" and v.get("name") for lab, t, v in nato)


def test_a_number_after_a_bases_name_is_its_number_not_a_count():
    text = "Two F-16s took off from Fetesti Air Base 86 and two Eurofighters from Campia Turzii Air Base 71."
    counts = [v["value"] for lab, _, v in _ents(text) if lab == "QUANTITY"]
    assert 86 not in counts and 71 not in counts


@pytest.mark.parametrize(("text", "bad"), [
    ("RAF Quick Reaction Alert Typhoons were launched from RAF Coningsby.", "RAF Quick Reaction"),
    ("RAF Marham Jets Return From Exercise", "RAF Marham Jets"),
])
def test_a_common_word_or_a_plural_aircraft_noun_after_raf_is_no_station(text, bad):
    places = _labelled(text, "PLACE")
    assert bad not in places
    assert "RAF Valley" in _labelled("Hawks flew from RAF Valley on Monday.", "PLACE")


@pytest.mark.parametrize(("text", "town"), [
    ("The helicopter landed in Kagoshima's Kinko Village.", "Kinko"),
    ("Fragments were searched for near the Vadu locality.", "Vadu"),
])
def test_a_town_before_village_or_locality(text, town):
    places = _labelled(text, "PLACE")
    assert town in places and not any("’s" in p or "'s" in p for p in places)


@pytest.mark.parametrize(("text", "claimant"), [
    ("The tanker was seen circling over the Adriatic on flight tracking website PlaneFinder for three hours.",
     "PlaneFinder"),
    ("Two RC-135s were visible on the flight-tracking service ADS-B Exchange on Monday.", "ADS-B Exchange"),
])
def test_a_flight_tracking_site_named_after_on_is_the_source_of_the_sighting(text, claimant):
    assert claimant in _claimants(text)


def test_an_acronym_a_press_release_was_sent_to_is_an_outlet():
    assert "MEDIAFAX" in _labelled("The ministry said so in a press release sent to MEDIAFAX.", "ORG")


@pytest.mark.parametrize("text", [
    "Half of Operational F-35 Fleet Grounded at Lakenheath",
    "Most of the B-1 Force Returns to Dyess",
])
def test_a_share_of_an_aircraft_types_force_is_no_organisation(text):
    assert not _labelled(text, "ORG")


def test_a_strength_before_an_aircraft_fleet_is_a_count_of_aircraft_and_nothing_else():
    counts = [(v["value"], v.get("unit")) for lab, _, v in _ents(
        "The 60-strong F-16 fleet retired in 2019, as the twelve-strong carrier group sailed.")
        if lab == "QUANTITY"]
    assert counts == [(60, "aircraft")]


# --- blind12 (2026-12-05m): wire copy, broadcasters and big papers — each row names other people and places than
# the report it came from, so it checks the shape, not the report.

B12_COUNTRIES = _with_countries(("poland", "Poland"), ("sudan", "Sudan"), ("china", "China"), ("egypt", "Egypt"))


def _b12(text: str, label: str) -> dict[str, dict]:
    return {e.text: e.value for e in extract(text, published_at=PUBLISHED, vocabulary=B12_COUNTRIES).entities
            if e.label == label}


def _b12_names(text: str, label: str) -> list[str]:
    """The texts of the label's entities, and for people and claimants the names they were read as."""
    values = _b12(text, label)
    return [*values, *(v.get("name") or v.get("claimant") or "" for v in values.values())]


@pytest.mark.parametrize(("text", "label", "name"), [
    # a given name with a capital inside it is a person's, not a brand's
    ("US ambassador to Seoul LaToya Reed said the talks went well.", "PERSON", "LaToya Reed"),
    ("Envoy to Canberra DeShawn Miles said the flights would go on.", "ATTRIBUTION", "DeShawn Miles"),
    ("Data from FlightAware showed the jet.", "ORG", "FlightAware"),
    # a Korean given name whose first syllable is an English word ("In", "On")
    ("Maj. Gen. Park In-ho, head of the air operations centre, said the jets returned.", "PERSON", "Park In-ho"),
    ("Lt. Gen. Lee On-yu told reporters the bombers left the zone.", "PERSON", "Lee On-yu"),
    # a given name an editor put in square brackets inside a quote
    ("“I raised it with my counterpart, Foreign Minister [Penny] Wong, on Monday,” he said.", "PERSON", "Penny Wong"),
    ("“We told Defence Minister [Boris] Pistorius about the flight,” she said.", "PERSON", "Boris Pistorius"),
    # a capital between other capitals, or flown from, stays a place
    ("The bombers flew between Osaka and Nagoya on Monday.", "PLACE", "Osaka"),
    ("The transport flew from Riyadh to Cairo.", "PLACE", "Riyadh"),
    # a country's military in the possessive is an organisation, and speaks as one
    ("Poland's military said two drones were downed.", "ORG", "Poland's military"),
    ("Egypt's armed forces said the jets returned to base.", "ATTRIBUTION", "Egypt's armed forces"),
    # the acronym a person gave an interview to is an outlet
    ("The general said so in an interview to WION on Sunday.", "ORG", "WION"),
    ("He spoke in an interview with the ABS on Friday.", "ORG", "ABS"),
    # the place aircraft are based at is a place of the flight; a base's name stops before "-based"
    ("The Air Force launched three Alaska-based F-22s on Monday.", "PLACE", "Alaska"),
    ("RAF Coningsby-based fighter jets were scrambled.", "PLACE", "RAF Coningsby"),
    ("Two RAF Marham-based F-35s took off.", "PLACE", "RAF Marham"),
    # more shapes of attribution
    ("Chinese state news agencies reported that the drill lasted six hours.", "ATTRIBUTION",
     "Chinese state news agencies"),
    ("President Joe Biden condemned the strike as reckless.", "ATTRIBUTION", "Joe Biden"),
    ("Prime Minister Anthony Albanese and Defence Minister Richard Marles issued a joint statement on Friday.",
     "ATTRIBUTION", "Anthony Albanese"),
    ("Prime Minister Anthony Albanese and Defence Minister Richard Marles issued a joint statement on Friday.",
     "ATTRIBUTION", "Richard Marles"),
    ("“The flights continue,” said the Chief of Naval Staff, Admiral Dinesh Tripathi, on Monday.", "ATTRIBUTION",
     "Dinesh Tripathi"),
    # a named valley; names listed before a plural administrative head
    ("The drones crossed the Bekaa Valley at night.", "PLACE", "Bekaa Valley"),
    ("Strikes hit the Idlib and Hama governorates overnight.", "PLACE", "Idlib"),
    ("Strikes hit the Idlib and Hama governorates overnight.", "PLACE", "Hama"),
    # a source noun owned by a capitalised name starts at its owner when a comma is missing before it
    ("Jets were sent to the area Cairo's military said.", "ATTRIBUTION", "Cairo's military"),
    # a byline without "By": a name alone on the line above a date
    ("Drones seen over the port\nMaria Jensen\nMarch 3, 2024\nDanish jets flew.", "PERSON", "Maria Jensen"),
    ("Xinhua Defence Desk\nZhou Wenbo\n2023-05-02 10:00\nThe drill ended.", "PERSON", "Zhou Wenbo"),
])
def test_blind12_shapes_are_read(text, label, name):
    assert name in _b12_names(text, label), _b12(text, label)


@pytest.mark.parametrize(("text", "label", "name"), [
    ("In a post on X, the minister said the jets were scrambled.", "PLACE", "X"),  # a one-letter name: no town
    ("Officials wrote on X, formerly Twitter, that the drone crashed.", "PLACE", "X"),
    ("US ambassador to Seoul LaToya Reed said the talks went well.", "ORG", "LaToya"),
    ("The city is the capital of Sudan’s military-led government.", "ORG", "Sudan’s military"),
    ("China's military aircraft flew near the island.", "ORG", "China's military"),
    ("A Beijing-based think tank said the jets flew.", "PLACE", "Beijing"),
    ("RAF Coningsby-based fighter jets were scrambled.", "PLACE", "RAF Coningsby-"),
    ("“The flights continue,” said the Chief of Naval Staff, Admiral Dinesh Tripathi.", "ORG", "Naval Staff"),
    ("“The flights continue,” said the Chief of the Defence Staff, General Anil Chauhan.", "ORG", "Defence Staff"),
    ("The Chief of Air Force, Air Vice-Marshal Tony Davies, said the crews were ready.", "ORG", "Air Force"),
    ("The Chief of Navy, Rear Admiral Garin Golding, said the ship sailed.", "ORG", "Navy"),
    ("The army released the pilot on Monday.", "ATTRIBUTION", "The army"),  # released no statement
    ("The FAA issued a NOTAM for the area.", "ATTRIBUTION", "FAA"),
    ("The Russian and Chinese regions were calm.", "PLACE", "Russian"),
    ("Kyiv said its sea drones struck two oil tankers near the port.", "AIRCRAFT", "tankers"),
    ("Russian Jets Scrambled\n2024-03-03\nJets flew.", "PERSON", "Russian Jets"),
    ("The jets flew to Riyadh on Monday, officials said.", "ORG", "Riyadh"),
])
def test_blind12_shapes_are_not_misread(text, label, name):
    assert name not in _b12_names(text, label), _b12(text, label)


@pytest.mark.parametrize(("text", "names"), [
    ("(Reporting by Ana Silva in Lisbon and Pedro Costa in Madrid; Editing by Mark Potter)",
     ["Ana Silva", "Pedro Costa", "Mark Potter"]),
    ("Reporting by Jane Doe in Hong Kong and Kim Soo-yeon in Seoul; Writing by Tom Hogue",
     ["Jane Doe", "Kim Soo-yeon", "Tom Hogue"]),
])
def test_a_credit_line_with_where_each_reporter_filed_from(text, names):
    found = [v["name"] for v in _labelled(text, "PERSON").values()]
    assert all(n in found for n in names), found
    assert not any("Lisbon" in n or "Hong Kong" in n or "Madrid" in n for n in found)


@pytest.mark.parametrize(("text", "capital"), [
    ("The jets flew amid a deepening row between Ankara and Cairo.", "Ankara"),
    ("The jets flew amid a deepening row between Ankara and Cairo.", "Cairo"),
    ("The overflight drew a sharp protest from Riyadh on Tuesday.", "Riyadh"),
    ("Drones were seen near the coast, where Tehran has quietly built up its drone arsenal.", "Tehran"),
    ("Bombers flew near the islands as Ankara-Cairo ties soured.", "Cairo"),
    ("Riyadh on Tuesday protested the overflight.", "Riyadh"),
    ("Cairo last week denied that its jets had crossed the line.", "Cairo"),
])
def test_a_capital_in_a_relation_a_message_or_building_its_forces_is_its_government(text, capital):
    orgs = _labelled(text, "ORG")
    assert capital in orgs and orgs[capital]["name"].startswith("government in"), orgs
    assert capital not in _labelled(text, "PLACE")


def test_counts_after_based_and_of_which_and_of_a_named_type():
    counts = [(v["value"], v.get("unit")) for v in _labelled("Two Texas-based B-1B bombers flew.", "QUANTITY").values()]
    assert (2, "aircraft") in counts, counts
    counts = [(v["value"], v.get("unit")) for v in _labelled(
        "Two F-16s were scrambled, one of which fired flares.", "QUANTITY").values()]
    assert (1, "aircraft") not in counts and (2, "aircraft") in counts
    typed = [v for v in _labelled("Radar showed one surveillance aircraft P-8A and two F-16s.", "QUANTITY").values()
             if v["value"] == 1]
    assert typed and typed[0]["unit"] == "aircraft" and typed[0].get("aircraft") == "P8"
    units = [v.get("unit") for v in _labelled("Kyiv said its sea drones struck two oil tankers near the port.",
                                               "QUANTITY").values()]
    assert units == ["vessels"], units
    units = [v.get("unit") for v in _labelled("Two tankers refuelled the jets over the sea.", "QUANTITY").values()]
    assert units == ["aircraft"], units


# ------------------------------------------------------------------------------ blind14 (2026-12-05o)
# Reports built on quotations: briefings, posts on Telegram and X, outlets quoting outlets, anonymous sources. Each
# family was found on blind14's blind run; the rows use other names than the reports.


@pytest.mark.parametrize(("text", "capital"), [
    ("The strike came as Warsaw readies to take delivery of its first Black Hawks.", "Warsaw"),
    ("Minsk, however, has insisted on its neutrality since 1994.", "Minsk"),
    ("The general warned that Damascus would “respond firmly” to any incursion.", "Damascus"),
])
def test_a_capital_that_prepares_insists_or_would_respond_is_its_government(text, capital):
    assert capital in _labelled(text, "ORG") and capital not in _labelled(text, "PLACE")


def test_a_capital_that_will_host_stays_a_place():
    assert "Warsaw" in _labelled("Warsaw will host the air chiefs' meeting in June.", "PLACE")


def test_insisting_on_something_is_no_statement_but_insisting_is():
    assert not _claimants("Minsk, however, has insisted on its neutrality since 1994.")
    assert _claimants("The minister insisted the jets stayed outside the zone.") == ["The minister"]


@pytest.mark.parametrize(("text", "body", "not_bodies"), [
    ("A statement from the TNI AL said two patrol boats were sent.", "TNI AL", ("AL",)),
    ("The TNI AD Information Service said the helicopter landed safely.", "TNI AD Information Service", ("AD",)),
])
def test_two_acronyms_in_capitals_name_one_body_never_a_known_short_one(text, body, not_bodies):
    orgs = _labelled(text, "ORG")
    assert body in orgs and not orgs[body].get("slug"), orgs
    assert not [t for lab, t, _ in _ents(text) if t in not_bodies]


def test_an_acronym_joined_to_a_service_by_a_hyphen_is_that_service_not_the_us_one():
    orgs = _labelled("A PLA-Air Force Y-8 followed the patrol aircraft for an hour.", "ORG")
    assert "PLA-Air Force" in orgs and orgs["PLA-Air Force"].get("slug") != "usaf", orgs
    assert "Air Force" not in orgs


@pytest.mark.parametrize(("text", "outlet"), [
    ("In an interview with The Hindu, the air chief said the squadron was ready.", "Hindu"),
    ("The colonel spoke in an interview with RadyoPilipinas Network on Monday.", "RadyoPilipinas Network"),
    ("Two jets were scrambled, the ministry said.\nRead the full story at The Korea Times", "Korea Times"),
])
def test_an_outlets_own_spelling_after_an_interview_or_a_full_story_is_an_outlet(text, outlet):
    assert outlet in _labelled(text, "ORG") and outlet not in _labelled(text, "PERSON")


def test_an_interview_with_a_person_names_no_outlet():
    assert "Maria Santos" not in _labelled("In an interview with Maria Santos, he said the jets left.", "ORG")


def test_a_source_line_listing_agencies_names_each_and_one_naming_a_person_does_not():
    orgs = _labelled("Two drones were shot down overnight.\nSource: BTA, ANP, Hina", "ORG")
    assert {"BTA", "ANP", "Hina"} <= set(orgs), orgs
    text = "The drone was shot down.\nSource: Oleksii Brovko, spokesman of the Air Command"
    assert "Oleksii Brovko" not in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "person"), [
    ('"We will answer every provocation," the agency quoted Liang Hao as saying.', "Liang Hao"),
    ("Tass quoted Dmitry Orlov as telling reporters that the bombers had landed.", "Dmitry Orlov"),
])
def test_the_name_an_outlet_quotes_as_saying_is_the_speaker(text, person):
    assert person in [v["name"] for lab, _, v in _ents(text) if lab == "PERSON"]
    assert person in _claimants(text) and len(_claimants(text)) == 2  # and the outlet that quotes (blind5)


def test_a_titled_person_an_outlet_quotes_as_saying_speaks_and_so_does_the_outlet():
    text = "Two drones were downed, state TV quoted army spokesman Nabil Khoury as saying on Monday."
    claimants = _claimants(text)
    assert claimants[-1] == "Nabil Khoury" and len(claimants) == 2 and "TV" in claimants[0], claimants


def test_a_name_in_apposition_to_a_source_noun_before_the_say_verb_is_the_speaker():
    text = "A Lithuanian air force official, Tomas Jankus, said the fighters were scrambled twice."
    assert "Tomas Jankus" in [v["name"] for lab, _, v in _ents(text) if lab == "PERSON"]
    assert _claimants(text) == ["Tomas Jankus"]


def test_where_a_statement_was_made_is_no_source_after_the_verb():
    text = "Oleh Marchuk, spokesperson for the Air Force Command, said on national TV channels the drones came in."
    assert _claimants(text) == ["Oleh Marchuk"]


def test_a_credit_line_without_its_semicolon_keeps_each_name_apart():
    text = "Jets flew over the strait.\n(Reporting by Dina Haddad Editing by Tom Hogue)"
    people = [v["name"] for lab, _, v in _ents(text) if lab == "PERSON"]
    assert people == ["Dina Haddad", "Tom Hogue"], people


@pytest.mark.parametrize(("text", "claimant"), [
    ("The navigator did not eject, the milbloggers added.", "the milbloggers"),
    ("Several pro-Kyiv Telegram channels have provided further details, claiming the jet was hit.",
     "Several pro-Kyiv Telegram channels"),
    ("The Royal Thai Air Force (RTAF) headquarters has issued a clarification on the low pass.",
     "Thai Air Force (RTAF) headquarters"),
])
def test_bloggers_channels_and_a_headquarters_putting_out_details_are_sources(text, claimant):
    assert _claimants(text) == [claimant]


def test_giving_or_providing_something_else_is_no_statement():
    assert not _claimants("The army provided fuel to the stranded crews.")
    assert not _claimants("The crew gave a wave to the spotters.")


@pytest.mark.parametrize(("text", "body"), [
    ("The Committee to Protect Journalists condemned the strike on the airfield.", "Committee to Protect Journalists"),
    ("The Campaign to Stop Killer Robots said the drones flew without pilots.", "Campaign to Stop Killer Robots"),
])
def test_a_body_named_by_its_cause_is_one_organisation(text, body):
    assert body in _labelled(text, "ORG") and not _labelled(text, "PERSON")
    assert _claimants(text) == [body]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The first dozen aircraft landed at Rzeszów in March.", 12, "aircraft"),
    ("A dozen F-16s were handed over in the spring.", 12, "aircraft"),
    ("The three previous incursions lasted under a minute.", 3, "incursions"),
    ("The ministry counted 27 PLAAF (People's Liberation Army Air Force) aircraft near the island.", 27, "aircraft"),
])
def test_counts_past_an_order_adjective_an_expansion_in_brackets_and_a_dozen(text, value, unit):
    counts = [(v["value"], v["unit"]) for lab, _, v in _ents(text) if lab == "QUANTITY"]
    assert (value, unit) in counts, counts


def test_half_a_dozen_is_not_twelve():
    assert 12 not in [v["value"] for lab, _, v in _ents("Half a dozen drones crossed the border.") if lab == "QUANTITY"]


def test_a_surname_alone_after_the_full_name_in_the_same_pass_is_that_person_not_a_body():
    text = ("Air Force spokesman Mykola Bondar confirmed the strike on Lutsk.\n"
            "“There are losses,” Bondar wrote on Facebook shortly after midnight.")
    assert "Bondar" not in _labelled(text, "ORG")
    assert _claimants(text) == ["Mykola Bondar", "Bondar"]


def test_an_acronym_the_text_spells_out_as_a_title_is_no_body_before_a_rank_and_a_name():
    text = ("The Director General of Naval Operations (DGNO) Vice Admiral Sanjay Roy met reporters. "
            "Later DGNO Vice Admiral Sanjay Roy said: “We are ready.”")
    assert "DGNO" not in _labelled(text, "ORG")
    assert "DW" in _labelled("DW correspondent Rosalia Romaniec said the jets left.", "ORG")  # an outlet stays one


def test_a_makers_name_after_its_type_is_no_second_aircraft():
    from claims.nlp.vocabulary import AircraftEntry, default_vocabulary

    base = default_vocabulary()
    vocabulary = dataclasses.replace(base, aircraft=(*base.aircraft, AircraftEntry(
        "SU25", "Sukhoi Su-25 Frogfoot", ("Su-25", "Frogfoot"), "fighter", False)), version="test-su25-sukhoi")
    x = extract("A second Russian Su-25 Sukhoi jet was downed. A Sukhoi jet flew.", published_at=PUBLISHED,
                vocabulary=vocabulary)
    aircraft = [(e.text, e.value.get("designator")) for e in x.entities if e.label == "AIRCRAFT"]
    assert aircraft[0] == ("Su-25 Sukhoi", "SU25"), aircraft


def test_referring_to_a_place_by_its_name_names_no_source():
    assert not _claimants("The jets crossed the Spratlys, referring to the reef by its Vietnamese name.")
    assert _claimants("Citing defence sources, the paper said two jets left.")  # a source after a cue stays one


@pytest.mark.parametrize(("text", "body"), [
    ("The Iran-backed Kataib group in Iraq claimed the launch.", "Kataib group"),
    ("A post by the Rybar channel showed the wreck.", "Rybar channel"),
    ("A plane of the Philippine coast bureau flew over the reef.", "Philippine coast bureau"),
    ("Latvian air traffic control lost contact with the aircraft.", "Latvian air traffic control"),
])
def test_named_groups_channels_and_national_bureaus_in_lower_case_are_bodies(text, body):
    assert body in _labelled(text, "ORG"), _labelled(text, "ORG")


@pytest.mark.parametrize("text", [
    "The islands form the Paracel group of islets.",
    "Ansar Dine, a jihadi Salafist group, operates in the north.",
    "The Carrier group sailed south.",
    "A Telegram channel posted the video.",
    "The pilots lost control of the jet.",
])
def test_a_group_of_things_a_kind_of_group_a_common_word_or_a_platform_is_no_named_body(text):
    assert not [t for t in _labelled(text, "ORG") if t.endswith(("group", "channel", "control"))]


def test_the_holder_named_after_a_bodys_role_after_the_say_verb_speaks():
    text = "“We escorted the jet out,” said TNI AU spokesman, Air Commodore Agung Sasongko, on Friday."
    assert _claimants(text) == ["Agung Sasongko"]


def test_citing_opens_no_outlets_name():
    orgs = _labelled("Citing Al-Arabiya TV, the agency reported that two drones were downed.", "ORG")
    assert not [t for t in orgs if t.startswith("Citing")], orgs


@pytest.mark.parametrize("text", [
    "The army brushed aside Kabul claims of having shot down a jet.",
    "Officials dismissed media reports of a second crash.",
])
def test_claims_or_reports_of_something_are_nouns_no_statement(text):
    assert not _claimants(text)


@pytest.mark.parametrize(("text", "body"), [
    ("The tanker circled the Baltic for three hours on Friday, RIA-Moscow reported.", "RIA-Moscow"),
    ("An Il-20 flew along the coast of Syria on Monday, TASS-Crimea said.", "TASS-Crimea"),
    ("Two Su-30s escorted the drone over the Black Sea, Interfax-Kazakhstan reported on Tuesday.",
     "Interfax-Kazakhstan"),
])
def test_an_outlets_edition_named_after_a_place_with_a_hyphen_is_the_outlet_and_no_place(text, body):
    """"Interfax-Ukraine reports" (main, 2026-12-05): the outlet Interfax and the place Ukraine, the claimant
    "Ukraine". Rows with other outlets and places."""
    ents = [(lab, t) for lab, t, _ in _ents(text)]
    assert ("ORG", body) in ents, ents
    assert ("PLACE", body.split("-")[1]) not in ents
    assert _claimants(text) == [body]
