"""Issue 13, blind15 (2026-12-05p): regression rows for the rule families found on the fifteenth blind set
(flight-tracking write-ups and regional outlets of Africa, South America, the Arctic, the Pacific, Central Asia and
the Balkans). Each row is phrased with other names and words than the report that exposed the family; rows that
need world data use the built-in seed plus a few entries shaped like the rows ``migrate`` loads.
"""

from __future__ import annotations

import dataclasses

import pytest

from claims.nlp.vocabulary import RegionEntry, Vocabulary, default_vocabulary

from .conftest import counts_of as _counts
from .conftest import entities_of as _entities
from .conftest import labelled as _labelled


@pytest.fixture(scope="module")
def world() -> Vocabulary:
    seed = default_vocabulary()
    return dataclasses.replace(
        seed,
        version="test-blind15-world",  # pipelines are cached per version: one of its own
        regions=(*seed.regions,
                 RegionEntry("english-channel", "English Channel", "strait", ("the Channel",)),
                 RegionEntry("arctic", "Arctic", "area", ("the Arctic",)),
                 RegionEntry("baltic-sea", "Baltic Sea", "sea", ("the Baltic",)),
                 RegionEntry("kenya", "Kenya", "country"), RegionEntry("chad", "Chad", "country")),
    )




def _claimants(text: str) -> list[str]:
    return [e.value["claimant"] for e in _entities(text) if e.label == "ATTRIBUTION"]


# ------------------------------------------------------------------------------------------ numbers that count nothing

@pytest.mark.parametrize("text", [
    "The two bombers are named Ilya Muromets (No. 7) and Valentin Bliznyuk (No. 14).",
    "The tanker, airframe No. 31, was parked beside the hangar.",
])
def test_a_number_after_the_number_sign_no_is_no_count(text):
    assert not [c for c in _counts(text) if c[0] in (7, 14, 31)], _counts(text)


@pytest.mark.parametrize(("text", "unit"), [
    ("Three Hercules from No. 40 Squadron landed at Whenuapai.", "No. 40 Squadron"),
    ("The crews of No. 9 Wing flew two sorties.", "No. 9 Wing"),
])
def test_the_number_sign_opens_a_numbered_units_name(text, unit):
    assert unit in _labelled(text, "ORG")


@pytest.mark.parametrize("text", [
    "The new drones can fly at twice the speed of the old ones.",
    "The tanker carries twice as much fuel as the older model.",
])
def test_twice_before_a_size_is_a_multiplier_not_a_count(text):
    assert (2, "times") not in _counts(text)


def test_twice_still_counts_what_happened():
    assert (2, "times") in _counts("Fighters were scrambled twice last week.")


@pytest.mark.parametrize("text", [
    "The plane was intercepted this Tuesday (21) by two fighters near the border.",
    "On Friday (9) the air force said it had forced a plane to land.",
])
def test_the_day_of_the_month_in_brackets_after_its_weekday_is_no_count(text):
    assert not [c for c in _counts(text) if c[0] in (21, 9)], _counts(text)


def test_a_group_counted_before_and_its_part_after_a_comma_are_no_new_counts():
    text = "Three tankers arrived on Monday. Out of the three, one tanker will stay for the exercise."
    counts = _counts(text)
    assert (3, "aircraft") in counts and len(counts) == 1, counts
    assert (1, "aircraft") in _counts("Two jets landed, but only one jet will fly the patrol.")


# ------------------------------------------------------------------------------------- places written as common words

def test_a_place_named_by_a_common_word_and_its_article_matches_only_capitalised(world):
    assert "channel" not in _labelled("The pilots spoke on a secure radio channel.", "PLACE", world)
    assert "Channel" in _labelled("The bombers flew over the Channel on Monday.", "PLACE", world)
    # a proper name people type in lower case still matches so
    assert "arctic" in _labelled("Bombers flew over the arctic on Monday.", "PLACE", world)


# ------------------------------------------------------------------------------------------ people and who said it

@pytest.mark.parametrize(("text", "person"), [
    ("Karim Bensaid, an analyst at the Arab Institute, a Tunis think tank, said the drones were Turkish.",
     "Karim Bensaid"),
    ("Nadia Ferhat, senior researcher at the Sahel Observatory, a Dakar research group, said: “The strikes go on.”",
     "Nadia Ferhat"),
])
def test_a_second_apposition_describing_the_body_leaves_the_person_the_speaker(text, person):
    assert _claimants(text) == [person]


def test_an_apposition_after_a_body_that_opens_the_sentence_stays_the_bodys():
    text = "On Monday, the Manila Times, a paper close to the government, said the jets had landed."
    assert _claimants(text) == ["Manila Times"]


@pytest.mark.parametrize(("text", "person"), [
    ("The ministry summoned France’s ambassador to Mali, Joel Meyer, on Friday after the overflight.", "Joel Meyer"),
    ("Officials met the envoy in Nairobi, Amina Odhiambo, to discuss the drone strikes.", "Amina Odhiambo"),
])
def test_a_role_to_or_in_a_place_then_a_name_between_commas_is_a_person(text, person):
    assert person in [v["name"] for v in _labelled(text, "PERSON").values()]


# ------------------------------------------------------------------------------------------------------ outlets

@pytest.mark.parametrize(("text", "outlet"), [
    ("Two drones struck the depot overnight, Nile 7 News said.", "Nile 7 News"),
    ("The jets landed at dawn, Channel 9 News reported.", "Channel 9 News"),
])
def test_a_number_inside_an_outlets_name(text, outlet):
    assert outlet in _labelled(text, "ORG")
    assert _claimants(text) == [outlet]


@pytest.mark.parametrize(("text", "outlet", "country"), [
    ("Smoke rose over the runway, according to Chad’s Tchad Infos Daily.", "Tchad Infos Daily", "Chad"),
    ("The fighters landed at noon, Kenya’s Nation Daily reported.", "Nation Daily", "Kenya"),
])
def test_a_countrys_possessive_before_an_outlet_is_its_home_not_its_name(world, text, outlet, country):
    assert outlet in _labelled(text, "ORG", world)
    assert country in _labelled(text, "PLACE", world)


def test_a_countrys_possessive_still_opens_the_name_of_its_forces():
    assert "Japan’s Air Force" in _labelled("Japan’s Air Force scrambled jets.", "ORG")


# ------------------------------------------------------------------------------------------------------- counts

@pytest.mark.parametrize(("text", "count"), [
    ("A drone hit the depot and injured five maintenance crew members.", (5, "members")),
    ("The air force bought four Chinese Wing Loong II armed combat drones last year.", (4, "aircraft")),
    ("Niger received two Turkish Aksungur TB3 unmanned aerial combat drones.", (2, "aircraft")),
    ("The bombers entered the 150-mile zone off the coast.", (150, "mi")),
    ("A 40-kilometre exclusion zone was declared.", (40, "km")),
    ("Captain Mere Tuilagi led a crew of 14 on the long patrol.", (14, "crew")),
    ("The army sent a contingent of 120 to the island.", (120, "contingent")),
])
def test_counts_find_their_noun_past_modifiers_and_in_their_shape(text, count):
    assert count in _counts(text), _counts(text)


def test_a_drones_name_past_its_modifiers_and_not_its_owner():
    aircraft = _labelled("Niger received two Turkish Aksungur TB3 unmanned aerial combat drones.", "AIRCRAFT")
    assert "Aksungur TB3" in aircraft, aircraft
    assert "Army" not in _labelled("Chad: Army drone strikes hit a rebel convoy", "AIRCRAFT")
    assert "Wing Loong" in _labelled("Haftar procured Chinese-made Wing Loong drones.", "AIRCRAFT")


@pytest.mark.parametrize(("text", "claimant"), [
    ("Air strikes near the border have killed six militia commanders said a local official on Tuesday.",
     "a local official"),
    ("The convoy was hit twice, said a military source late on Sunday.", "a military source"),
    ("The tankers circled off the coast, in what observers describe as a rehearsal.", "observers"),
    ("The flight was what Western diplomats called a deliberate provocation.", "Western diplomats"),
    ("Drawing on satellite images, Naval Technology concluded that the ships had left.", "Naval Technology"),
])
def test_inverted_sources_characterisations_and_findings_have_their_claimant(text, claimant):
    assert claimant in _claimants(text), _claimants(text)


def test_the_basis_of_a_finding_is_no_claimant_and_determined_to_is_no_statement():
    text = ("Based on data obtained from the ADS-B Exchange site last week, Army Technology determined that two "
            "jets flew.")
    assert _claimants(text) == ["Army Technology"], _claimants(text)
    assert not _claimants("The crews were determined to land before dark.")
    assert "a spokesman" not in _claimants("The officials said a spokesman was injured in the blast.")


# --------------------------------------------------------------------------------------------------- organisations

def test_an_acronym_before_a_word_for_its_members_is_a_body_but_a_countrys_code_is_not():
    assert "SANDF" in _labelled("The flight carried forty SANDF personnel to Goma.", "ORG")
    assert "MNDF" in _labelled("Two helicopters carried MNDF troops to the atoll.", "ORG")
    orgs = _labelled("About 200 UK personnel and 50 UAE troops arrived at the base.", "ORG")
    assert "UK" not in orgs and "UAE" not in orgs, orgs


@pytest.mark.parametrize(("text", "org"), [
    ("The strike was coordinated with the Transitional government of Mali on Friday.",
     "Transitional government of Mali"),
    ("Officials of the Interim government of Chad denied the report.", "Interim government of Chad"),
])
def test_a_kind_of_government_of_a_country_is_a_body(text, org):
    assert org in _labelled(text, "ORG")


@pytest.mark.parametrize(("text", "org"), [
    ("Iranian security forces fired at the drone near the border.", "Iranian security forces"),
    ("Chinese strategic forces flew two bombers near the island.", "Chinese strategic forces"),
])
def test_a_nationality_a_kind_of_forces_and_forces_is_a_body(text, org):
    assert org in _labelled(text, "ORG")


def test_a_kind_of_forces_before_another_noun_stays_a_modifier():
    assert not _labelled("Russian special forces aircraft landed at the base.", "ORG")
