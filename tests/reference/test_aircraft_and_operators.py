"""The world's aircraft types and military operators as the reader sees them after seeding (vocabulary level).

Names are read through the real spaCy rules built from the database vocabulary, so a phrase is checked against
everything else the vocabulary knows (the longest match wins; "Royal Air Force" must not become the US Air Force).
"""

from __future__ import annotations

import pytest

from claims.nlp.pipeline import get_pipeline
from claims.nlp.vocabulary import vocabulary_from_db
from evidence.models import AircraftType, Organisation


@pytest.fixture
def nlp(seeded):
    return get_pipeline(vocabulary_from_db(max_age=0))


def _keys(nlp, text: str) -> list[str]:
    return [ent.ent_id_ for ent in nlp(text).ents if ent.ent_id_]


@pytest.mark.parametrize(
    ("phrase", "designator"),
    [
        ("B-52", "B52"), ("B-52H", "B52"), ("Stratofortress", "B52"), ("F-35A", "F35"), ("F-35C", "F35"),
        ("Lightning II", "F35"), ("F/A-18E/F", "F18S"), ("Super Hornet", "F18S"), ("MiG-31", "MG31"),
        ("Foxhound", "MG31"), ("Su-24", "SU24"), ("KC-46", "B762"), ("KC-46 Pegasus", "B762"),
        ("E-7 Wedgetail", "E737"), ("MQ-9A", "Q9"), ("MQ-9B", "Q9"), ("Reaper", "Q9"), ("SkyGuardian", "Q9"),
        ("RQ-4B", "Q4"), ("Global Hawk", "Q4"), ("MQ-4C Triton", "Q4"), ("Tu-142", "TU95"), ("Il-20", "IL18"),
        ("Y-8Q", "AN12"), ("Su-34", "SU27"), ("RC-135", "R135"), ("AWACS", "E3TF"),
        ("Sukhoi-35", "SU27"), ("Ilyushin-76", "IL76"),  # fourth pass: the design bureau spelled out
        # the RC-12 Guardrail is a King Air 200 (Doc 8643 BE20), the MC-12W a King Air 350
        ("RC-12", "BE20"), ("RC-12X Guardrail", "BE20"), ("MC-12W", "B350"),
        # fifth pass: jet trainers and light attack types; a slash designation written without its slash
        ("Alpha Jet", "AJET"), ("Grand Caravan", "C208"), ("M-346", "M346"), ("FA-50", "K50"),
        # sixth pass: the RAF's name for its A330 tanker alone; the Caravan with its number after the name
        ("Voyager", "A332"), ("Caravan 208", "C208"),
        # blind15: the H-60's nicknames alone (Doc 8643 writes each after a designation)
        ("Black Hawk", "H60"), ("Seahawk", "H60"), ("MH-60R", "H60"), ("Pave Hawk", "H60"),
    ],
)
def test_written_designations_reach_their_designator(nlp, phrase: str, designator: str) -> None:
    assert _keys(nlp, f"Flight data showed a {phrase} over the sea.") == [f"aircraft:{designator}"]


def test_catalogue_designations_are_aliases_by_rule(seeded) -> None:
    """Types nobody curated still get the designation their Doc 8643 model name carries."""
    assert "Tu-22M" in AircraftType.objects.get(designator="T22M").aliases
    assert "UH-60" in AircraftType.objects.get(designator="H60").aliases
    # An alias the catalogue gives to several designators is kept only where the curated list puts it.
    assert "F-22" in AircraftType.objects.get(designator="F22").aliases
    assert not any(a.casefold() == "f-22" for a in AircraftType.objects.get(designator="TF22").aliases)


def test_military_types_have_roles(seeded) -> None:
    roles = dict(AircraftType.objects.filter(designator__in=["B52", "F35", "K35R", "R135", "P8", "E737", "Q9",
                                                                "C17"]).values_list("designator", "role"))
    assert roles == {"B52": "bomber", "F35": "fighter", "K35R": "tanker", "R135": "sigint",
                     "P8": "maritime_patrol", "E737": "aew", "Q9": "drone_recon", "C17": "transport"}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("The Royal Air Force flew a patrol.", "raf"),
        ("An RAF Rivet Joint flew a patrol.", "raf"),
        ("The French Air and Space Force flew a patrol.", "french-air-space-force"),
        ("The Luftwaffe flew a patrol.", "luftwaffe"),
        ("The Royal Australian Air Force flew a patrol.", "raaf"),
        ("The JASDF flew a patrol.", "jasdf"),
        ("Russian Aerospace Forces flew a patrol.", "vks"),
        ("The VKS flew a patrol.", "vks"),
        ("The PLA Air Force flew a patrol.", "plaaf"),
        ("The PLA Navy flew a patrol.", "plan"),
        ("The Ukrainian Air Force said so.", "ukrainian-air-force"),
        ("US CBP flew a patrol.", "cbp"),
        ("The NATO AEW&C Force flew a patrol.", "nato-aewc"),
        ("The Royal Canadian Air Force flew a patrol.", "rcaf"),
        ("The Indian Air Force flew a patrol.", "indian-air-force"),
    ],
)
def test_world_operators_are_read_as_themselves(nlp, text: str, slug: str) -> None:
    keys = _keys(nlp, text)
    assert f"org:{slug}" in keys
    assert "org:us-air-force" not in keys and "org:us-navy" not in keys


def test_no_non_us_operator_carries_a_us_alias(seeded) -> None:
    us_aliases = {a.casefold() for o in Organisation.objects.filter(country="US") for a in [o.name, *o.aliases]}
    for org in Organisation.objects.exclude(country="US"):
        assert not us_aliases & {a.casefold() for a in [org.name, org.short_name, *org.aliases] if a}, org.slug


def test_operators_have_their_country(seeded) -> None:
    countries = dict(Organisation.objects.values_list("slug", "country"))
    assert countries["raf"] == "GB" and countries["vks"] == "RU" and countries["plaaf"] == "CN"
    assert countries["rocaf"] == "TW" and countries["nato"] == ""


def _question(text: str):
    import datetime as dt

    from claims.nlp.reading import read_question

    return read_question(text, reference=dt.date(2025, 11, 15), vocabulary=vocabulary_from_db(max_age=0))


@pytest.mark.parametrize(
    ("text", "designators"),
    [
        ("How many E-3 flights over the Baltic Sea in October 2025?", ("E3TF", "E3CF")),
        ("How many AWACS flights over the Baltic Sea in October 2025?", ("E3TF", "E3CF")),
        ("How many E-3s flew over the Baltic Sea in October 2025?", ("E3TF", "E3CF")),
        ("How many E-3A flights over the Baltic Sea in October 2025?", ("E3TF",)),
        ("How many E-3D flights over the Baltic Sea in October 2025?", ("E3CF",)),
        ("How many B-52H flights over the Baltic Sea in October 2025?", ("B52",)),
        ("How many Y-8Q flights over the Baltic Sea in October 2025?", ("AN12",)),
        ("How many King Air flights over the Baltic Sea in October 2025?",
         ("BE9L", "BE9T", "BE10", "BE20", "BE30", "B350")),
        # the C-130J is C30J in Doc 8643 and in the registries (it was read as C130: its records were missed)
        ("How many C-130J flights over the Baltic Sea in October 2025?", ("C30J",)),
        ("How many KC-130J flights over the Baltic Sea in October 2025?", ("C30J",)),
        ("How many C-130 flights over the Baltic Sea in October 2025?", ("C130", "C30J")),
        ("How many Hercules flights over the Baltic Sea in October 2025?", ("C130", "C30J")),
        ("How many C-130H flights over the Baltic Sea in October 2025?", ("C130",)),
    ],
)
def test_a_family_name_reads_every_designator_of_the_family(seeded, text: str, designators: tuple) -> None:
    """"E-3"/"AWACS" are the TF33 and the CFM56 Sentry (NATO's E-3A and the RAF/French E-3D/F); a variant names one."""
    assert _question(text).scope.type_designators == designators


def test_frontex_is_an_operator(seeded) -> None:
    """"Frontex flights" constrains who flew, like "CBP flights" (Frontex charters its surveillance aircraft)."""
    reading = _question("How many Frontex flights over the Mediterranean Sea in October 2025?")
    assert reading.scope.operators == ("frontex",)


def test_kj500_is_read_as_an_aircraft_without_a_designator(seeded) -> None:
    """KJ-500 has no ICAO Doc 8643 designator: it is recognised as an aircraft, and no other type is put for it."""
    nlp = get_pipeline(vocabulary_from_db(max_age=0))
    ents = [e for e in nlp("Flight data showed a KJ-500 over the sea.").ents if e.label_ == "AIRCRAFT"]
    assert [e.text for e in ents] == ["KJ-500"]
    assert not ents[0].ent_id_.startswith("aircraft:")
    assert _question("How many KJ-500 flights over the Taiwan Strait in October 2025?").scope.type_designators == ()


def test_the_migration_takes_the_rc12_off_the_king_air_350_and_keeps_the_rest(seeded) -> None:
    """Seeding never drops an alias (people add their own): the wrong RC-12 aliases of databases seeded before are
    taken off by evidence/0011, an alias somebody added stays."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("evidence.migrations.0011_rc12_is_a_king_air_200")
    b350 = AircraftType.objects.get(designator="B350")
    b350.aliases = [*b350.aliases, "RC-12", "Guardrail", "Shadow R1 Mk2"]
    b350.save()
    migration.take_rc12_off_the_350(apps, None)
    b350.refresh_from_db()
    assert "RC-12" not in b350.aliases and "Guardrail" not in b350.aliases
    assert "Shadow R1 Mk2" in b350.aliases and "MC-12W" in b350.aliases
