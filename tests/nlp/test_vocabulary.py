"""The vocabulary: the seed, the patterns generated from it, and the database source with its cache."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.nlp import seed
from claims.nlp.extract import extract
from claims.nlp.pipeline import build_patterns, variants
from claims.nlp.vocabulary import default_vocabulary, vocabulary_from_db

PUBLISHED = dt.datetime(2025, 2, 10, tzinfo=dt.UTC)


def test_seed_covers_the_domain_types_and_places():
    designators = {a["designator"] for a in seed.SEED_AIRCRAFT_TYPES}
    assert designators >= {"P8", "U2", "R135", "E3TF", "E3CF", "E6", "Q4", "Q9", "P3", "E2", "C2", "K35R", "C17",
                           "C130", "B350"}
    slugs = {r["slug"] for r in seed.SEED_REGIONS}
    assert slugs >= {"texas", "arizona", "new-mexico", "california", "sonora", "chihuahua", "coahuila", "nuevo-leon",
                     "tamaulipas", "baja-california", "baja-california-sur", "sinaloa", "baja-peninsula",
                     "us-mexico-border", "gulf-of-california", "gulf-of-mexico", "southwestern-us",
                     "international-airspace", "united-states", "mexico"}
    assert set(seed.REGION_ALIASES) <= slugs
    orgs = {o["slug"] for o in seed.SEED_ORGANISATIONS}
    assert orgs >= {"us-navy", "us-air-force", "usmc", "us-army", "cbp", "dod", "dea", "cnn", "abc-news",
                    "nbc-news", "reuters", "ap"}


def test_seed_slugs_match_the_boundary_definitions():
    """The database gets its regions from evidence.geo.boundaries: the seed must use the same slugs."""
    boundaries = pytest.importorskip("evidence.geo.boundaries")
    mx = {slug for slug, _, _ in boundaries._MX_STATES.values()}
    assert {r["slug"] for r in seed.SEED_REGIONS if r["kind"] == "mx_state"} == mx


def test_version_is_a_content_hash():
    a = default_vocabulary()
    assert a.version and len(a.version) == 16
    assert type(a)(aircraft=a.aircraft, regions=a.regions, organisations=a.organisations,
                   role_words=a.role_words, region_preferences=a.region_preferences).version == a.version


@pytest.mark.parametrize(("alias", "expected"), [
    ("P-8", ["P-8", "P-8s", "P8", "P8s"]),
    ("U-2", ["U-2", "U-2s", "U2", "U2s"]),
    ("C-2", ["C-2", "C-2s"]),  # "C2" is command and control
    ("Nuevo León", ["Nuevo León", "Nuevo Leóns", "Nuevo Leon", "Nuevo Leons"]),
    ("the Baja peninsula", ["Baja peninsula", "Baja peninsulas"]),
    ("the border", ["the border", "the borders"]),
    ("TX", ["TX"]),
])
def test_variants(alias, expected):
    assert variants(alias) == expected


def test_ambiguous_short_forms_are_case_sensitive():
    lower, cased = build_patterns(default_vocabulary())
    lower_forms = {p["pattern"].lower() for p in lower}
    assert {"us", "nm", "ap", "rivet", "was"}.isdisjoint(lower_forms)
    assert {"US", "NM", "AP", "Rivet", "Tex."} <= {p["pattern"] for p in cased}
    text = "Flights within 20 nm of Texas, said us. US, NM and AP. A Rivet flew."
    values = [(e.text, e.value) for e in extract(text, published_at=PUBLISHED).entities if e.label != "QUANTITY"]
    assert ("nm", {"slug": "new-mexico"}) not in values
    assert ("NM", {"slug": "new-mexico"}) in values and ("Rivet", {"designator": "R135"}) in values


@pytest.mark.django_db
def test_vocabulary_from_db_picks_up_a_new_alias_without_code_change():
    from evidence.models import AircraftType, Region

    AircraftType.objects.update_or_create(
        designator="P8", defaults={"name": "Boeing P-8 Poseidon", "aliases": ["P-8"], "role": "maritime_patrol",
                                   "is_surveillance": True})
    Region.objects.update_or_create(slug="texas", defaults={
        "name": "Texas", "kind": "us_state", "aliases": ["TX"], "geometry_wkb": b"", "min_lon": -106.6,
        "min_lat": 25.8, "max_lon": -93.5, "max_lat": 36.5})
    text = "A Sea Dragon Mk II flew near TX on February 3."

    first = vocabulary_from_db()
    assert vocabulary_from_db() is first  # cached while nothing changes
    before = extract(text, published_at=PUBLISHED, vocabulary=first)
    assert not [e for e in before.entities if e.label == "AIRCRAFT"]

    p8 = AircraftType.objects.get(designator="P8")
    p8.aliases = [*p8.aliases, "Sea Dragon Mk II"]  # what a fact-checker does in the admin
    p8.save()

    second = vocabulary_from_db()
    assert second is not first and second.version != first.version
    after = extract(text, published_at=PUBLISHED, vocabulary=second)
    aircraft = [e for e in after.entities if e.label == "AIRCRAFT"]
    assert [(a.text, a.value) for a in aircraft] == [("Sea Dragon Mk II", {"designator": "P8"})]
    assert after.proposed_claims[0].scope.type_designators == ("P8",)
