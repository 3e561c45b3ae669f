"""Callsigns, hex addresses and registrations named in an article: read after the word that says what they are,
stored as IDENTITY entities, shown in the admin's annotated text, and used as the proposed claim's aircraft — the
callsign and hex directly, a registration through the registry (claims.services.extraction)."""
from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from claims import services
from claims.models import Article
from claims.nlp.extract import extract

PUBLISHED = dt.date(2024, 6, 14)


def identities(text: str) -> list[tuple[str, str, str]]:
    result = extract(text, published_at=PUBLISHED)
    return [(e.value["kind"], e.value["value"], e.text) for e in result.entities if e.label == "IDENTITY"]


@pytest.mark.parametrize(("text", "expected"), [
    ("An E-3 Sentry with the call sign NATO07 and the registration LX-N90450 orbited over Poland on Monday.",
     [("callsign", "NATO07", "NATO07"), ("registration", "LX-N90450", "LX-N90450")]),
    ("Trackers saw a KC-135R, hex code AE0469, refuel two fighters over the Baltic Sea on 12 June.",
     [("hex", "ae0469", "AE0469")]),
    ("Two P-8A Poseidons used the callsigns PEDRO41 and PEDRO42 near Sicily on 10 June.",
     [("callsign", "PEDRO41", "PEDRO41"), ("callsign", "PEDRO42", "PEDRO42")]),
    ("The Rivet Joint, serial number 61-2662, flew as OLIVE11 over the Black Sea on Tuesday.",
     [("registration", "61-2662", "61-2662"), ("callsign", "OLIVE11", "OLIVE11")]),
    ("A Voyager (tail number ZZ338, radio callsign “TARTN63”) refuelled Typhoons over Estonia on 3 June.",
     [("registration", "ZZ338", "ZZ338"), ("callsign", "TARTN63", "TARTN63")]),
    ("Its Mode S address 43c6f5 and call sign ASCOT 4412 were visible on ADS-B Exchange.",
     [("hex", "43c6f5", "43c6f5"), ("callsign", "ASCOT4412", "ASCOT 4412")]),
])
def test_identities_after_their_cue_are_read_with_their_kind(text, expected):
    assert identities(text) == expected


@pytest.mark.parametrize("text", [
    # no cue: a six-letter hex can be a word, a serial a phone or page number, a code a model name
    "The facade of the base was repainted in 2019; call 555-01234 for the visitor centre.",
    "The COVID19 rules grounded the BAE146 fleet for a decade.",
    "A serial offender was charged, the registration desk said; the callsign was not released.",
])
def test_nothing_is_read_as_an_identity_without_its_cue(text):
    assert identities(text) == []


def _proposal_with(text: str, word: str):
    result = extract(text, published_at=PUBLISHED)
    return next(p for p in result.proposed_claims if word in p.text)


def test_a_sentence_naming_the_callsign_of_what_it_reports_is_about_that_flight():
    p = _proposal_with("A US Navy P-8A flying as PEDRO41 patrolled near Sicily on 10 June.", "PEDRO41")
    assert p.scope.callsigns == ("PEDRO41",)
    assert "identity" in p.reasons


def test_an_identity_given_as_one_example_of_a_larger_count_does_not_narrow_the_claim():
    p = _proposal_with("Nine RAF Typhoon sorties flew over Estonia in May, one of them under the callsign "
                       "TARTN63.", "TARTN63")
    assert p.scope.callsigns == ()
    assert any("fewer than the 9 counted" in h for h in p.hints)


@pytest.fixture
def registry(seeded):
    from evidence.models import Aircraft

    return Aircraft.objects.create(hex="ae01d2", registration="62-4131", military=True)


@pytest.mark.django_db
def test_a_known_registration_becomes_the_claims_aircraft_and_an_unknown_one_is_left_out(
        registry, django_capture_on_commit_callbacks, admin_client):
    body = ("An RC-135V with tail number 62-4131 flew along the coast of Crimea on 12 June, trackers said. "
            "A second RC-135, serial 64-99999, followed on 13 June, the monitors said.")
    with django_capture_on_commit_callbacks(execute=True):
        article = services.article_create(title="Rivet Joints off Crimea", body=body)
    article = Article.objects.get(pk=article.pk)
    assert article.extraction_status == "done", article.extraction_error
    stored = sorted(article.entities.filter(label="IDENTITY").values_list("text", "value"))
    assert stored == [("62-4131", {"kind": "registration", "value": "62-4131"}),
                      ("64-99999", {"kind": "registration", "value": "64-99999"})]
    scopes = {p.text.split(",")[0]: p.scope for p in article.proposed_claims.all()}
    assert scopes["An RC-135V with tail number 62-4131 flew along the coast of Crimea on 12 June"]["hexes"] \
        == ["ae01d2"]
    assert scopes["A second RC-135"]["hexes"] == []  # not in the registry: never a guessed aircraft

    page = admin_client.get(reverse("admin:claims_article_change", args=[article.pk]))
    text_block = page.content.decode().split('id="fc-article-text"', 1)[1].split("</div>", 1)[0]
    assert '<span class="fc-ent-identity" title="IDENTITY: {&#x27;kind&#x27;: &#x27;registration&#x27;, ' \
           '&#x27;value&#x27;: &#x27;62-4131&#x27;}">62-4131</span>' in text_block
