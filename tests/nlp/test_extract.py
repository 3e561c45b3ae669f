"""Article extraction: the demo-like paragraph (exact entities, offsets, values, proposed claims); hostile input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings

from claims.nlp.extract import ArticleTooLarge, detect_language, extract, extract_many
from evidence.scope import Period, Quantity, RegionFilter, Scope

from .conftest import PUBLISHED

DEMO = (
    "The military flew at least 18 missions over a 10-day span in late January and early February, "
    "according to three US officials. At least 11 of them were flown by Navy P-8 aircraft. "
    "A U-2 flew on February 3, and an Air Force RC-135 Rivet Joint on February 4 was seen circling the Baja "
    "peninsula and approaching Sinaloa. "
    "Historically, the military flew about one such mission a month, border czar Tom Homan said in an interview."
)

EXPECTED_ENTITIES = [
    ("QUANTITY", 18, 38, "at least 18 missions",
     {"value": 18, "qualifier": "at_least", "unit": "missions", "counts_missions": True}),
    ("DATE", 44, 92, "a 10-day span in late January and early February",
     {"start": "2025-01-21", "end": "2025-02-10", "year_inferred": True, "span_days": 10}),
    ("ATTRIBUTION", 94, 125, "according to three US officials",
     {"claimant": "three US officials", "cue": "according to"}),
    # "US" in "three US officials" is a modifier, not a place (issue 13)
    ("QUANTITY", 127, 138, "At least 11", {"value": 11, "qualifier": "at_least", "unit": "of_them",
                                           "counts_missions": True}),
    ("ORG", 161, 165, "Navy", {"slug": "us-navy"}),
    ("AIRCRAFT", 166, 169, "P-8", {"designator": "P8"}),
    ("AIRCRAFT", 182, 185, "U-2", {"designator": "U2"}),
    ("DATE", 194, 204, "February 3", {"start": "2025-02-03", "end": "2025-02-03", "year_inferred": True}),
    ("ORG", 213, 222, "Air Force", {"slug": "us-air-force"}),
    ("AIRCRAFT", 223, 241, "RC-135 Rivet Joint", {"designator": "R135"}),
    ("DATE", 245, 255, "February 4", {"start": "2025-02-04", "end": "2025-02-04", "year_inferred": True}),
    ("PLACE", 278, 292, "Baja peninsula", {"slug": "baja-peninsula"}),
    ("PLACE", 309, 316, "Sinaloa", {"slug": "sinaloa"}),
    ("RATE", 350, 380, "about one such mission a month",
     {"value": 1, "per": "month", "qualifier": "about", "baseline": True}),
    ("PERSON", 382, 403, "border czar Tom Homan", {"name": "Tom Homan", "role": "border czar"}),
    ("ATTRIBUTION", 382, 408, "border czar Tom Homan said",
     {"claimant": "Tom Homan", "cue": "said", "person": "Tom Homan", "role": "border czar"}),
]


@pytest.fixture(scope="module")
def demo():
    return extract(DEMO, published_at=PUBLISHED)


def test_demo_entities_offsets_and_values(demo):
    got = [(e.label, e.start, e.end, e.text, e.value) for e in demo.entities]
    assert got == EXPECTED_ENTITIES
    for e in demo.entities:
        assert DEMO[e.start:e.end] == e.text


def test_demo_proposed_claims(demo):
    claims = demo.proposed_claims
    assert [(c.start, c.end) for c in claims] == [(0, 126), (127, 179), (180, 317), (318, 425)]
    for c in claims:
        assert DEMO[c.start:c.end] == c.text
        assert 0 < c.score <= 1

    first, second, third, fourth = claims
    assert first.reasons == ("count", "date", "attributed")  # "three US officials" names no place
    assert first.claimant == "three US officials"
    assert first.quantity == Quantity(18, "at_least")
    assert first.quantity_dict() == {"value": 18, "qualifier": "at_least", "per": None}
    # "US" belongs to the claimant ("three US officials"): it does not constrain the flights
    assert first.scope == Scope(period=Period(dt.date(2025, 1, 21), dt.date(2025, 2, 10),
                                              "a 10-day span in late January and early February", True,
                                              span_days=10),
                                military_only=True)

    assert second.reasons == ("count", "aircraft")
    assert second.quantity == Quantity(11, "at_least")
    assert second.scope == Scope(type_designators=("P8",), operators=("us-navy",))

    assert third.reasons == ("date", "aircraft", "place")
    assert third.scope.type_designators == ("U2", "R135")
    assert third.scope.operators == ("us-air-force",)
    assert third.scope.regions == (RegionFilter("baja-peninsula", "near"), RegionFilter("sinaloa", "near"))
    assert (third.scope.period.start, third.scope.period.end) == (dt.date(2025, 2, 3), dt.date(2025, 2, 4))
    assert not third.scope.orbits_only  # "circling" is a hint only
    assert any("orbit" in h for h in third.hints)

    assert fourth.reasons == ("rate", "attributed")
    assert fourth.claimant == "Tom Homan"
    assert fourth.quantity == Quantity(1, "about", "month")


def test_the_checked_in_demo_article_reads():
    """The demo article (claims/demo.py) — whatever its exact wording — yields its key readings."""
    demo_module = pytest.importorskip("claims.demo")
    DEMO_ARTICLE = demo_module.DEMO_ARTICLE

    result = extract(DEMO_ARTICLE["body"], published_at=DEMO_ARTICLE["published_at"])
    designators = {e.value.get("designator") for e in result.entities if e.label == "AIRCRAFT"}
    assert {"P8", "U2", "R135"} <= designators
    slugs = {e.value.get("slug") for e in result.entities if e.label == "PLACE"}
    assert {"baja-peninsula", "sinaloa"} <= slugs
    counted = [c for c in result.proposed_claims if c.quantity and c.quantity.value == 18]
    assert counted and counted[0].scope.period is not None


def test_extract_many_matches_extract_and_keeps_order():
    texts = [DEMO, "A P-8 flew near Texas on February 3.", "", "Nothing here."]
    batched = extract_many([(t, PUBLISHED) for t in texts])
    assert [b.entities for b in batched] == [extract(t, published_at=PUBLISHED).entities for t in texts]
    assert batched[1].proposed_claims[0].scope.regions == (RegionFilter("texas", "near"),)


# -------------------------------------------------------------------------------------------- hostile input


def test_empty_and_whitespace():
    for text in ("", "   \n\n\t ", None):
        result = extract(text, published_at=PUBLISHED)
        assert result.entities == () and result.proposed_claims == ()


def test_binary_garbage_never_raises():
    garbage = bytes(range(256)).decode("latin-1") * 50 + "\x00\ud800\udfff" + "P-8 near Texas"
    result = extract(garbage, published_at=PUBLISHED)
    assert result.language == "und" and result.warning
    assert result.proposed_claims == ()
    assert len(garbage) == result.chars  # lone surrogates replaced one-for-one: offsets still valid
    result = extract(b"\xff\xfe P-8 \x00\x01 binary", published_at=PUBLISHED)
    assert isinstance(result.entities, tuple)


def test_emoji_offsets_stay_exact_in_code_points():
    text = "🛩️🇺🇸 Breaking 🔥: a U-2 flew near Texas on February 3 😮, officials said."
    result = extract(text, published_at=PUBLISHED)
    for e in result.entities:
        assert text[e.start:e.end] == e.text
    u2 = next(e for e in result.entities if e.label == "AIRCRAFT")
    assert (u2.start, u2.text) == (text.index("U-2"), "U-2")
    claim = result.proposed_claims[0]
    assert text[claim.start:claim.end] == claim.text


def test_non_english_text_gets_entities_but_no_claims():
    spanish = ("Según tres funcionarios estadounidenses, los aviones espía de la Marina realizaron al menos 18 "
               "misiones sobre Sinaloa y la península de Baja California en las últimas dos semanas, y el "
               "gobierno de México no respondió a las preguntas de los periodistas.")
    result = extract(spanish, published_at=PUBLISHED)
    assert result.language == "es"
    assert result.proposed_claims == ()
    assert "not English" in result.warning
    assert any(e.value.get("slug") == "sinaloa" for e in result.entities)
    assert detect_language("how many U2 missions near TX in feb?") == ("en", None)


def test_too_large_is_the_one_documented_error():
    with override_settings(ARTICLE_MAX_CHARS=1000), pytest.raises(ArticleTooLarge) as info:
        extract("a" * 1001, published_at=PUBLISHED)
    assert info.value.length == 1001 and info.value.limit == 1000


@pytest.mark.slow
def test_large_article_is_read_in_chunks_with_exact_offsets():
    paragraph = DEMO + "\n\n"
    text = paragraph * (300_000 // len(paragraph))  # ~300 kB: three chunks
    with override_settings(ARTICLE_MAX_CHARS=5_000_000):
        result = extract(text, published_at=PUBLISHED)
    assert len([e for e in result.entities if e.label == "AIRCRAFT"]) == 3 * text.count(DEMO)
    for e in result.entities[-20:]:
        assert text[e.start:e.end] == e.text


def test_five_megabytes_is_rejected_by_default():
    text = "x" * (5 * 1024 * 1024)
    with pytest.raises(ArticleTooLarge):
        extract(text, published_at=PUBLISHED)


def test_no_newlines_and_odd_punctuation():
    text = ("P-8" * 2000) + ("... ,,, ;;; " * 500) + "—" * 1000 + "\n" * 500 + "1" * 3000
    result = extract(text, published_at=PUBLISHED)
    for e in result.entities:
        assert text[e.start:e.end] == e.text
