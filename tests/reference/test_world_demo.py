"""The demo's second story: RQ-4 flights over the Black Sea and RC-135 flights near Kaliningrad, October 2025,
imported from generated trace files through the real importer and tagged against the world gazetteer."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from claims.demo import WORLD_CLAIMS
from claims.models import Claim, EvidenceLink
from evidence.models import Mission

OCTOBER = (dt.datetime(2025, 10, 1, tzinfo=dt.UTC), dt.datetime(2025, 11, 1, tzinfo=dt.UTC))


def october():
    return Mission.objects.filter(start__gte=OCTOBER[0], start__lt=OCTOBER[1])


def test_rq4_missions_over_the_black_sea_not_over_crimea(demo):
    rq4 = october().filter(aircraft_type_id="Q4")
    assert rq4.count() == 4
    for mission in rq4:
        links = {link.region.slug: link for link in mission.region_links.select_related("region")}
        assert links["black-sea"].over and links["international-airspace"].over
        assert not links["crimea"].over and 20 < links["crimea"].distance_nm < settings.NEAR_NM
        assert links["base-licz"].over or links["base-licz"].distance_nm < 1  # took off from Sigonella
        assert mission.has_orbit


def test_rc135_missions_near_kaliningrad(demo):
    near = october().filter(aircraft_type_id="R135", region_links__region__slug="kaliningrad-oblast",
                            region_links__distance_nm__lte=settings.NEAR_NM)
    assert near.count() == 4
    assert not near.filter(region_links__region__slug="kaliningrad-oblast", region_links__over=True).exists()
    assert near.filter(aircraft__operator__slug="raf").count() == 3
    assert near.filter(aircraft__operator__slug="us-air-force").count() == 1


def test_world_article_is_annotated_with_evidence(demo):
    article = demo.world_article
    assert article is not None and article.outlet == "The Harbour Gazette"
    claims = {c.exact: c for c in Claim.objects.filter(article=article)}
    assert set(claims) == {quote for quote, _ in WORLD_CLAIMS}
    rq4_claim = claims[WORLD_CLAIMS[0][0]]
    assert EvidenceLink.objects.filter(claim=rq4_claim, mission__aircraft_type_id="Q4").count() == 4
    raf_claim = claims[WORLD_CLAIMS[2][0]]
    assert EvidenceLink.objects.filter(claim=raf_claim, mission__aircraft__operator__slug="raf").count() == 3
    assert EvidenceLink.objects.filter(claim=claims[WORLD_CLAIMS[5][0]], source__isnull=False).count() == 1


def test_the_bot_counts_rc135_flights_near_kaliningrad(demo, editor):
    from bot.parsing import load_vocab
    from bot.services import ask
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    load_vocab(refresh=True)
    now = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
    answer = ask(text="how many RC-135 flights near Kaliningrad in October 2025?", user=editor, platform="api",
                 now=now)
    assert not answer.declined, answer.text
    assert answer.count == 4, answer.text
    assert "Kaliningrad" in answer.text
