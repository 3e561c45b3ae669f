"""Issue 13, blind17 (2026-12-06b): regression rows for the rule families found on the seventeenth blind set (older
reports, 2010–2023: Libya, Crimea, Syria, the Baltic, the 2022 invasion). Each row is phrased with other names and
words than the report that exposed the family; rows that need world data use the built-in seed plus a few entries
shaped like the rows ``migrate`` loads.
"""

from __future__ import annotations

import dataclasses

import pytest

from claims.nlp.vocabulary import AircraftEntry, RegionEntry, Vocabulary, default_vocabulary
from evidence.reference_data.aircraft import MILITARY_TYPES

from .conftest import counts_of as _counts
from .conftest import entities_of as _entities
from .conftest import labelled as _labelled


@pytest.fixture(scope="module")
def world() -> Vocabulary:
    seed = default_vocabulary()
    return dataclasses.replace(
        seed,
        version="test-blind17-world",  # pipelines are cached per version: one of its own
        regions=(*seed.regions,
                 RegionEntry("ukraine", "Ukraine", "country"), RegionEntry("georgia", "Georgia", "country"),
                 RegionEntry("poland", "Poland", "country"), RegionEntry("moldova", "Moldova", "country"),
                 RegionEntry("russia", "Russia", "country"), RegionEntry("india", "India", "country"),
                 RegionEntry("israel", "Israel", "country")),
        aircraft=(*seed.aircraft,
                  AircraftEntry("B52", "Boeing B-52 Stratofortress", ("B-52", "B-52H"), "bomber"),
                  AircraftEntry("K35R", "Boeing KC-135 Stratotanker", ("KC-135", "KC-135R"), "tanker"),
                  AircraftEntry("TOR", "Panavia Tornado", ("Tornado",), "fighter"),
                  AircraftEntry("MIR2", "Dassault Mirage 2000", ("Mirage 2000",), "fighter"),
                  AircraftEntry("SU27", "Sukhoi Su-27", ("Su-27", "Sukhoi Su-27"), "fighter")),
    )




def _claimants(text: str, vocabulary: Vocabulary | None = None) -> list[str]:
    return [e.value["claimant"] for e in _entities(text, vocabulary) if e.label == "ATTRIBUTION"]


def _people(text: str) -> set[str]:
    return {e.value["name"] for e in _entities(text) if e.label == "PERSON"}


# ---------------------------------------------------------------------------------------------- counts of a part

@pytest.mark.parametrize("text", [
    "Nobody knows if the lead tanker ever took off, but only three of them appeared on the trackers.",
    "It is unclear whether every bomber flew; a total of four of them are based at the field.",
])
def test_a_part_after_an_aircraft_word_counts_aircraft_not_missions(text):
    counts = _counts(text)
    assert counts and all(unit == "aircraft" for _, unit in counts), counts


def test_a_part_with_nothing_counted_before_stays_unread_as_aircraft():
    assert (2, "aircraft") not in _counts("The ministers met, and two of them signed the paper.")


# ---------------------------------------------------------------------------------------- numbers that name things

@pytest.mark.parametrize("text", [
    "Two tankers, call signs Quid 71, 72 and 73, refuelled the jets.",
    "The transports, call signs Reach 401, 402, and 403, landed at dawn.",
])
def test_numbers_continuing_an_identifiers_list_are_no_counts(text):
    assert not [c for c in _counts(text) if c[0] in (72, 73, 402, 403)], _counts(text)


@pytest.mark.parametrize("text", ["The Airbus 330 tankers landed at dawn.", "An Embraer 190 jet carried the team."])
def test_a_makers_model_number_is_no_count(text):
    assert not [c for c in _counts(text) if c[0] in (330, 190)], _counts(text)


def test_a_list_of_counts_is_no_list_of_identifiers():
    assert {4, 5, 6} <= {v for v, _ in _counts("Crews flew 4, 5 and 6 bombers on three days.")}


# --------------------------------------------------------------------------------------------- what a number counts

@pytest.mark.parametrize(("text", "count"), [
    # a part of counted missions counts those missions
    ("The wing flew 400 missions, about 180 of which were night strikes.", (180, "missions")),
    ("Rebels captured two dozen attack jets at the field.", (24, "aircraft")),  # dozens multiply
    ("One sailor sustained minor injuries in the fire.", (1, "sailor")),  # a verb stops the modifiers
    # a preposition ends the adjectives before an aircraft word
    ("All 12 people on board the transport plane survived.", (12, "people")),
])
def test_what_a_number_counts(text, count):
    assert count in _counts(text), _counts(text)


def test_half_a_dozen_is_still_not_twelve():
    assert (12, "aircraft") not in _counts("About half a dozen jets flew.")


@pytest.mark.parametrize(("text", "unit"), [
    ("The frigate fired 16 HARPOON missiles at the target.", "missiles"),
    ("Two jets dropped 12 laser-guided precision bombs on the depot.", "bombs"),
    ("The ship launched 8 long-range land-attack cruise missiles.", "missiles"),
])
def test_a_count_reaches_its_plural_noun_past_modifiers(text, unit):
    assert any(u == unit for _, u in _counts(text)), _counts(text)


# --------------------------------------------------------------------------------------------------- makers' names

@pytest.mark.parametrize("text", [
    "A Boeing KC-135 tanker refuelled the fighters.",
    "The Lockheed C-130 landed at dawn.",
])
def test_a_maker_before_its_aircraft_is_no_organisation(text):
    orgs = _labelled(text, "ORG", default_vocabulary())
    assert not {"Boeing", "Lockheed"} & set(orgs), orgs


def test_a_maker_alone_is_still_an_organisation():
    assert "Boeing" in _labelled("Boeing said the tanker deliveries would resume.", "ORG")


# ---------------------------------------------------------------------------------------------------------- people

@pytest.mark.parametrize(("text", "name"), [
    ("Wing Commander Tom 'Maverick' Hale said the crews were ready.", "Tom Hale"),
    ("Captain Rosa 'Red Fox' Delgado, who leads the detachment, said: \"We are busy.\"", "Rosa Delgado"),
])
def test_a_nickname_in_single_quotes_between_the_names(text, name):
    assert name in _people(text)


@pytest.mark.parametrize(("text", "name"), [
    ("The pilots were greeted at the base.\nPhoto: Petra Novakova/AFP\nThe jets landed.", "Petra Novakova"),
    ("Source: PTI - Edited By: Arun K S\nThe jets landed.", "Arun K S"),
])
def test_a_pictures_or_editors_credit_names_a_person(text, name):
    assert name in _people(text)


@pytest.mark.parametrize("text", ["Photo: Social Media\nThe jets landed.", "Photo: Getty Images\nThe jets landed."])
def test_a_credit_of_common_words_names_no_person(text):
    assert not _people(text)


def test_an_outlets_one_word_name_after_a_role_and_given_name_is_a_surname():
    assert "Anna Fox" in _people("Foreign Secretary Anna Fox said the flights would go on.")
    assert "Fox" in _labelled("Reuters and Fox reported the flight.", "ORG")


def test_a_channels_name_before_its_platform():
    orgs = _labelled("The Kremlin-linked Readovka Telegram channel posted the map.", "ORG")
    assert "Readovka" in orgs


def test_a_source_lines_agency_before_a_dash_and_the_next_field():
    text = "Source: IANS - Edited By: Priya M\nThe jets flew over the sea."
    assert "IANS" in _labelled(text, "ORG") and "IANS" in _claimants(text)


# ---------------------------------------------------------------------------- what is read, with a little world data

@pytest.mark.parametrize(("text", "label", "name"), [
    # a family's name in the plural beside an aircraft or before a word for aircraft
    ("Italian Tornados and Mirages struck the depot.", "AIRCRAFT", "Mirages"),
    ("The pilots of two MIG fighter jets ejected.", "AIRCRAFT", "MIG"),
    ("Su-27s or MiGs were seen over the lake.", "AIRCRAFT", "MiGs"),
    # an embassy or consulate with where it is
    ("The Georgian embassy in Poland said the crew was safe.", "ORG", "Georgian embassy in Poland"),
    ("Moldova's consulate in Ukraine issued a warning.", "ORG", "Moldova's consulate in Ukraine"),
    # bodies written by their shape
    ("India's health ministry said the crew was treated.", "ORG", "India's health ministry"),
    ("The Israeli foreign Ministry said the drone was shot down.", "ORG", "Israeli foreign Ministry"),
    ("A statement on the website of the Ministry of interior of Georgia said so.", "ORG",
     "Ministry of interior of Georgia"),
    ("The President’s Office said the talks went on.", "ORG", "President’s Office"),
    ("Monitors blamed the Maduro regime for the flights.", "ORG", "Maduro regime"),
    # a name after the kind of body it is
    ("News website Meduza24 reported that the jet crashed.", "ORG", "Meduza24"),
    ("The Ukrainian drone-maker Skyeton said the test went well.", "ORG", "Skyeton"),
    # a city's former or older English name, in a place's context or as a dateline
    ("Air raid sirens sounded in Kharkov overnight.", "PLACE", "Kharkov"),
    ("Rockets landed near Dnepropetrovsk on Monday.", "PLACE", "Dnepropetrovsk"),
    ("LUGANSK — Shelling went on overnight.", "PLACE", "LUGANSK"),
    # a dateline's town no list holds, before its country
    ("NOVOSELKA, Ukraine — The soldiers waited.", "PLACE", "NOVOSELKA"),
])
def test_read(world, text, label, name):
    assert name in _labelled(text, label, world)


@pytest.mark.parametrize(("text", "label", "name"), [
    ("The poem speaks of Mirages of light on the water.", "AIRCRAFT", "Mirages"),  # no aircraft beside it
    ("Emergency health ministry staff arrived.", "ORG", "Emergency health ministry"),  # no country first
    ("Kharkov is a name older maps print.", "PLACE", "Kharkov"),  # a former name only in a place's context
    ("BREAKING, Ukraine — The soldiers waited.", "PLACE", "BREAKING"),  # a dateline of common words
    ("UPDATE, Ukraine — x", "PLACE", "UPDATE"),
])
def test_not_read(world, text, label, name):
    assert name not in _labelled(text, label, world)


# ----------------------------------------------------------------------------------------------------- claimants

@pytest.mark.parametrize(("text", "claimant"), [
    ("Maj. Gen. Ivan Horak, head of the air wing, shrugged off the report, adding that the jets were safe.",
     "Ivan Horak"),
    ("Brig. Gen. Lena Ross said the jets flew.", "Lena Ross"),
])
def test_a_stop_after_an_abbreviated_rank_ends_no_sentence(text, claimant):
    assert claimant in _claimants(text)


def test_he_after_an_inverted_sentence_naming_one_person():
    text = ("Waiting on the apron was Squadron Leader Kate Mills, back from a month away. "
            "She said: \"It is good to be home.\"")
    assert "Kate Mills" in _claimants(text)


@pytest.mark.parametrize(("text", "claimant"), [
    ("Local officials report that the drones flew low.", "Local officials"),
    ("Several Telegram users claimed to have filmed the jet.", "Several Telegram users"),
])
def test_more_sources_and_verbs(text, claimant):
    assert any(claimant in c for c in _claimants(text)), _claimants(text)


def test_report_without_that_is_no_statement():
    assert not _claimants("Pilots report the fault to the ground crew.")


# --------------------------------------------------------------------------------------------- reference data

@pytest.mark.parametrize(("alias", "designator"), [
    ("VC10", "VC10"), ("TriStar", "L101"), ("Nimrod", "NIM"), ("Harrier", "HAR"), ("Tornado GR4", "TOR"),
    ("Embraer Legacy", "E35L"),
])
def test_older_types_are_in_the_reference_data(alias, designator):
    assert any(d == designator and alias in aliases for d, _, aliases, _, _ in MILITARY_TYPES)
