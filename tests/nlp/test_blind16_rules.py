"""Issue 13, blind16 (2026-12-06a): regression rows for the rule families found on the sixteenth blind set (state
and government media writing in English: agencies' datelines, ministries and commands with full names, spokesmen
with titles, headlines and transcripts). Each row is phrased with other names and words than the report that exposed
the family, and uses the built-in seed vocabulary.
"""

from __future__ import annotations

import dataclasses

import pytest

from claims.nlp.vocabulary import OrganisationEntry, RegionEntry, Vocabulary, default_vocabulary

from .conftest import counts_of as _counts
from .conftest import entities_of as _entities
from .conftest import labelled as _labelled


@pytest.fixture(scope="module")
def world() -> Vocabulary:
    seed = default_vocabulary()
    return dataclasses.replace(seed, version="test-blind16-world",  # pipelines are cached per version
                               regions=(*seed.regions, RegionEntry("russia", "Russia", "country"),
                                        RegionEntry("egypt", "Egypt", "country")),
                               organisations=(*seed.organisations, OrganisationEntry(
                                   "test-air-arm", "Aeronautica Militare", "military", aliases=("AM",))))




def _claimants(text: str) -> list[str]:
    return [e.value["claimant"] for e in _entities(text) if e.label == "ATTRIBUTION"]


def _people(text: str) -> list[str]:
    return [e.value.get("full_name") or e.value.get("name") or e.text for e in _entities(text) if e.label == "PERSON"]


# ------------------------------------------------------------------------------------------------- datelines

@pytest.mark.parametrize(("text", "agency"), [
    ("Hanoi, March 3 (VNA) -- The ministry said two jets flew over the islands.", "VNA"),
    ("DAMASCUS, June 2 (SANA): Air defences intercepted several drones.", "SANA"),
    ("Drones over the capital\nBaku, AZERTAC — The ministry reported three drones.", "AZERTAC"),
    ("MINSK. BELTA - Two fighter jets were scrambled on Friday.", "BELTA"),
])
def test_the_agency_of_a_dateline_is_an_organisation(text, agency):
    assert agency in _labelled(text, "ORG"), _labelled(text, "ORG")


def test_a_country_in_brackets_after_a_name_is_no_agency():
    assert "Lebanon" not in _labelled("Hezbollah (Lebanon) - the group said it downed a drone.", "ORG")


# ------------------------------------------------------------------------------------------- official bodies

def test_an_air_force_and_its_air_defence_are_one_body():
    orgs = _labelled("The commander of the Air Force and Air Defence Forces of the Armed Forces of Uzbekistan "
                     "inspected the regiment.", "ORG")
    assert "Air Force and Air Defence Forces" in orgs, orgs


def test_an_air_force_and_a_navy_stay_two():
    orgs = _labelled("The Air Force and Navy held a joint drill on Monday.", "ORG")
    assert "Air Force and Navy" not in orgs, orgs


@pytest.mark.parametrize(("text", "body"), [
    ("The Standing Committee of the National People's Congress met in Beijing.",
     "Standing Committee of the National People's Congress"),
    ("A statement by the Political Bureau of the Communist Party of Vietnam was read out.",
     "Political Bureau of the Communist Party of Vietnam"),
])
def test_a_body_inside_another_keeps_the_others_name(text, body):
    assert body in _labelled(text, "ORG"), _labelled(text, "ORG")


@pytest.mark.parametrize("text", [
    "Two bombers circled the island, the island's defense ministry said.",
    "The jets turned back, the country's defence ministry said on Sunday.",
])
def test_the_states_own_ministry_named_by_what_it_is(text):
    orgs = _labelled(text, "ORG")
    assert "defense ministry" in orgs or "defence ministry" in orgs, orgs


def test_a_post_described_in_lower_case_names_its_body():
    orgs = _labelled("The drills went well, said the deputy chief of Army Aviation Command, Colonel Ivan "
                     "Petrenko.", "ORG")
    assert "Army Aviation Command" in orgs, orgs


@pytest.mark.parametrize("text", [
    "Two drones crossed the border overnight. Tehran has not commented on the incident.",
    "The patrol was the fourth this month. Moscow did not comment.",
])
def test_a_capital_that_does_not_comment_is_its_government(text):
    orgs = _labelled(text, "ORG")
    assert ("Tehran" in orgs) or ("Moscow" in orgs), orgs


# ------------------------------------------------------------------------------------------------ statements

@pytest.mark.parametrize(("text", "speaker"), [
    ("Lee Min-chul, deputy director of the Information Bureau of the Korean Workers' Party (KWP), issued the "
     "following press statement on Tuesday:", "Lee Min-chul"),
    ("The Northern Theater Command released a video showing two drones over the strait.", "Northern Theater Command"),
    ("Defence Minister Arvid Lund sent a stern warning to the pilots on Friday.", "Arvid Lund"),
])
def test_a_statement_put_out_is_its_authors(text, speaker):
    claimants = _claimants(text)
    assert any(speaker in c for c in claimants), claimants
    assert not any("statement" in c for c in claimants), claimants


def test_sending_aircraft_is_no_statement():
    assert not _claimants("The air force sent two helicopters to the area on Monday.")


@pytest.mark.parametrize(("text", "source"), [
    ("The interception was reported on Facebook by the Western Air Command, the agency said.",
     "Western Air Command"),
    ("The exercise ended on Friday, said a statement issued here by the press wing of the navy.",
     "press wing of the navy"),
])
def test_a_passive_report_with_where_before_by(text, source):
    assert any(source in c for c in _claimants(text)), _claimants(text)


def test_a_transcripts_speaker_line():
    text = "Radar report\nIvan Sidorov, commander of the air defence brigade:\nOur radars track every flight."
    assert "Ivan Sidorov" in _claimants(text), _claimants(text)


def test_a_transcripts_label_is_no_speaker():
    text = "JOHN DOE, HOST:\nThe ministry says a drone crossed the border."
    assert "John Doe" not in _claimants(text) and "JOHN DOE" not in _claimants(text), _claimants(text)


def test_a_headline_opening_with_a_body_and_a_colon():
    text = "Foreign Ministry: the flights near the border were routine\nThe jets returned to base."
    assert "Foreign Ministry" in _claimants(text), _claimants(text)


def test_a_question_after_a_body_and_a_colon_is_not_its_words():
    """Found after the merge: "RAF or USAF: who flew more RC-135 missions in 2025?" lost the USAF as the second
    side of the comparison (the bot reads each side alone, and "USAF: who flew more …?" made it a claimant)."""
    for text in ("Navy: who flew the most patrols in March?", "Coast Guard: did the drones cross the line",
                 "Border Police: how many flights were there?"):
        assert _claimants(text) == [], (text, _claimants(text))


def test_a_country_names_a_strike_in_what_it_had_called(world):
    text = "Three people died in what Russia had called a provocation near the border."
    claimants = [e.value["claimant"] for e in _entities(text, world) if e.label == "ATTRIBUTION"]
    assert "Russia" in claimants, claimants


def test_the_holder_of_a_post_after_said_the():
    text = "\"The crews trained well,\" said the security chief of Naval Aviation Command, Captain Rustam Aliyev."
    assert "Rustam Aliyev" in _claimants(text), _claimants(text)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Foreign Ministry urged Tokyo to halt the flights.", "Foreign Ministry"),
    ("The Defence Ministry commented on the drills on Tuesday.", "Defence Ministry"),
])
def test_urging_and_commenting_are_statements(text, speaker):
    assert speaker in _claimants(text), _claimants(text)


@pytest.mark.parametrize("text", [
    "The army has made no statement, nor has the Defence Ministry commented.",
    "The Defence Ministry has not commented on the drills.",
])
def test_not_commenting_is_no_statement(text):
    assert "Defence Ministry" not in _claimants(text), _claimants(text)


# ---------------------------------------------------------------------------------------------------- people

@pytest.mark.parametrize(("text", "name"), [
    ("Chief of Aviation Pavel Kozlov said the pilots were ready.", "Pavel Kozlov"),
    ("General Omar Farooq Tuesday inspected the squadron at the base.", "Omar Farooq"),
    ("Drills near the coast\nBy Wang Qiang Source: Xinhua Published: 2021/3/1 10:00:00\nThe drills began.",
     "Wang Qiang"),
])
def test_a_title_a_weekday_and_a_bylines_fields_are_no_part_of_a_name(text, name):
    assert name in _people(text), _people(text)


def test_a_posts_initials_are_no_organisation():
    orgs = _labelled("Chairman Joint Staff Committee (CJSC) Admiral Farid Khan visited the base. The CJSC met the "
                     "crews.", "ORG")
    assert "CJSC" not in orgs, orgs


# ---------------------------------------------------------------------------------------------------- counts

@pytest.mark.parametrize(("text", "count"), [
    ("The crews now fly 4-6 sorties a day along the border.", (4, "sorties")),
    ("The drones stayed 30-40 km from the coast.", (30, "km")),
])
def test_a_range_counts_its_low_end(text, count):
    assert count in _counts(text), _counts(text)


def test_a_score_is_no_range():
    assert not [c for c in _counts("The final score was 3-1 after the match.") if c[0] in (3, 1)]


@pytest.mark.parametrize("text", [
    "The number of reconnaissance flights has increased by 2.5 times since spring.",
    "Patrols near the border grew by 3 times last year.",
])
def test_increased_by_n_times_is_a_multiplier(text):
    assert not [c for c in _counts(text) if c[1] == "times"], _counts(text)


def test_times_still_count_occasions():
    assert (3, "times") in _counts("Fighters were scrambled 3 times last week.")


def test_a_numbered_landmark_is_no_count():
    assert not [c for c in _counts("A drone hovered over the famous Taipei 42 tower at night.") if c[0] == 42]


def test_am_after_a_time_is_no_air_force(world):
    orgs = [e.text for e in _entities("The drones were seen at 6:30 AM near the coast.", world) if e.label == "ORG"]
    assert "AM" not in orgs, orgs


def test_am_the_air_arm_is_still_read(world):
    orgs = [e.text for e in _entities("The AM scrambled two jets on Friday.", world) if e.label == "ORG"]
    assert "AM" in orgs, orgs


# -------------------------------------------------------------------------------------------- units and bases

def test_teams_named_in_quotes():
    orgs = _labelled('The show involves the aerobatic teams "Black Eagles" and "Red Falcons".', "ORG")
    assert "Black Eagles" in orgs and "Red Falcons" in orgs, orgs


def test_a_numbered_squadron_in_lower_case():
    assert "No 14 training squadron" in _labelled("Pilots of the No 14 training squadron flew the mission.", "ORG")


def test_an_air_base_without_a_name_is_no_place():
    assert "operational air base" not in _labelled("The minister visited an operational air base on Monday.",
                                                    "PLACE")


# ------------------------------------------------------- read on unscored official copy after blind16's pass

def test_the_day_in_brackets_after_today_is_no_count():
    assert not [c for c in _counts("The ministry stated yesterday (14) that a bomber was tracked.") if c[0] == 14]


def test_a_range_before_a_modified_noun():
    assert (2, "flights") in _counts("On average, 2-4 surveillance flights are recorded every day.")


def test_a_variant_after_a_designation_is_no_state():
    places = _labelled("Two Il-76 MD transports landed at the airfield on Monday.", "PLACE")
    assert "MD" not in places, places


def test_a_countrys_naval_forces_are_its_body(world):
    text = "Two drones approached the frigate, Egypt's naval forces said on Friday."
    orgs = [e.text for e in _entities(text, world) if e.label == "ORG"]
    assert any("naval forces" in o for o in orgs), orgs


def test_a_persian_name_joined_by_hyphens_is_one_place():
    places = _labelled("The drone was shot down near the Kuh-e-Sorkh region on Thursday.", "PLACE")
    assert "Kuh-e-Sorkh region" in places, places
