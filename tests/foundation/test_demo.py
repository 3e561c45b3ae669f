"""The demo, loaded through the real load_demo: flights imported from trace files, the article extracted and checked."""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command

from claims.models import Article, Claim, EvidenceLink
from evidence.models import Mission


def window():
    start = dt.datetime(2025, 1, 27, tzinfo=dt.UTC)
    return Mission.objects.filter(start__gte=start, start__lt=start + dt.timedelta(days=10))


def test_demo_flights_tell_the_story(demo):
    surveillance = window().filter(aircraft_type__is_surveillance=True)
    assert surveillance.count() == 18
    assert surveillance.filter(aircraft_type_id="P8", aircraft__operator__slug="us-navy").count() == 11
    u2 = surveillance.get(aircraft_type_id="U2")
    assert u2.start.date() == dt.date(2025, 2, 3)
    texas = u2.region_links.get(region__slug="texas")
    assert not texas.over and texas.distance_nm < 20  # near Texas, not over it
    rc = surveillance.get(aircraft_type_id="R135")
    assert rc.start.date() == dt.date(2025, 2, 4) and rc.has_orbit
    assert rc.region_links.get(region__slug="baja-peninsula").over
    assert rc.region_links.get(region__slug="sinaloa").distance_nm < 50
    assert not rc.region_links.get(region__slug="sinaloa").over
    over = {
        s
        for s in ("california", "arizona", "texas")
        if surveillance.filter(region_links__region__slug=s, region_links__over=True).exists()
    }
    assert over == {"california", "arizona", "texas"}
    baseline = Mission.objects.filter(start__year=2024, aircraft_type__is_surveillance=True)
    assert sorted({m.start.month for m in baseline}) == list(range(1, 13)) and baseline.count() == 12
    assert Mission.objects.filter(aircraft_type__is_surveillance=False).count() == 4


def test_demo_article_arrives_extracted_with_suggestions_on_the_right_missions(demo):
    article = Article.objects.get(pk=demo.article.pk)
    assert article.extraction_status == "done", article.extraction_error
    labels = set(article.entities.values_list("label", flat=True))
    assert {"AIRCRAFT", "PLACE", "DATE", "QUANTITY", "ORG", "PERSON", "ATTRIBUTION"} <= labels
    assert article.proposed_claims.exists()
    u2_claim = Claim.objects.get(article=article, exact__startswith="A U-2 spy plane")
    top = u2_claim.suggestions.order_by("-score").first()
    assert top.mission.aircraft_type_id == "U2" and top.mission.start.date() == dt.date(2025, 2, 3)
    assert "U2" in top.reason
    rc_claim = Claim.objects.get(article=article, exact__contains="RC-135")
    assert {s.mission.aircraft_type_id for s in rc_claim.suggestions.all()} == {"R135"}
    p8_claim = Claim.objects.get(article=article, exact__contains="P-8")
    assert p8_claim.stated_count == {"value": 11, "qualifier": "at_least", "per": None}
    assert EvidenceLink.objects.filter(claim=p8_claim, mission__aircraft_type_id="P8").count() == 11


def test_count_check_shows_claimed_and_found(demo, client, factchecker):
    from claims.services.checking import claim_count_check

    p8_claim = Claim.objects.get(article=demo.article, exact__contains="P-8")
    check = claim_count_check(p8_claim)
    assert check.claimed == "at least 11 in 10 days" and check.found.startswith("11 in the busiest 10 days")
    # "At least 18 missions … over a 10-day span": surveillance inherited from the sentence before the quote
    eighteen = Claim.objects.get(article=demo.article, exact__startswith="At least 18 missions")
    check18 = claim_count_check(eighteen)
    assert check18.claimed == "at least 18 in 10 days" and check18.found.startswith("18 in the busiest 10 days")
    assert check18.scope_text.startswith("missions by surveillance/reconnaissance aircraft")
    assert "P8" in check.scope_text and "lower bound" in check.caveat
    # a type whose ICAO designator holds variants people name apart says so: "RC-135W" is every RC-135
    rivet = Claim.objects.get(exact__startswith="Royal Air Force RC-135W Rivet Joint aircraft flew three missions")
    assert "The records hold the ICAO type R135, not the variant" in claim_count_check(rivet).caveat
    assert "not the variant" not in check.caveat  # P8 is one aircraft
    # "Historically, such flights happened about once a month": a baseline, read over the year before the surge the
    # text just reported (2024's one a month), not over a year that includes the surge
    monthly = Claim.objects.get(article=demo.article, exact__startswith="Historically")
    baseline = claim_count_check(monthly)
    assert baseline.claimed == "about 1 per month"
    assert baseline.found == "0.92 per month (11 in 365 days)"
    assert "starting between 2024-01-22 and 2025-01-20" in baseline.scope_text
    client.force_login(factchecker)
    page = client.get(f"/admin/claims/claim/{p8_claim.pk}/change/")
    assert b"Claimed: <strong>at least 11 in 10 days</strong>" in page.content


def test_load_demo_is_idempotent(demo, tmp_path):
    counts = (Mission.objects.count(), Claim.objects.count(), EvidenceLink.objects.count(), Article.objects.count())
    call_command("load_demo", "--flights-dir", str(tmp_path))
    assert (
        Mission.objects.count(),
        Claim.objects.count(),
        EvidenceLink.objects.count(),
        Article.objects.count(),
    ) == counts
