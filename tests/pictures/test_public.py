"""The public claim page and the embeddable ClaimReview page: only published fact-checks, anyone may read them, the
map shows the evidence (not the desk's suggestions), the pictures are drawn on the server where no script runs."""

from __future__ import annotations

import io
import json
import re

import numpy as np
import pytest
from django.test import Client
from PIL import Image

from claims.models import Article, Claim, EvidenceLink, EvidenceSuggestion
from claims.services.claims import claim_set_verdict
from claims.services.workflow import claim_sign_off
from evidence.scope import RegionFilter, Scope
from tests.conftest import _user

from .conftest import more_missions


@pytest.fixture
def claim(world, factchecker) -> Claim:
    text = "Navy P-8 planes flew at least 18 missions over Testland in February 2026."
    article = Article.objects.create(title="Patrols", outlet="The Outlet", url="https://example.org/a", body=text)
    claim = Claim.objects.create(
        article=article, exact=text, start=0, end=len(text), claimant="an official",
        scope=Scope(type_designators=("P8",), regions=(RegionFilter("testland", "over"),)).to_dict(),
        stated_count={"value": 18, "qualifier": "at_least", "per": None},
    )
    far = more_missions(world, [1, 2])
    EvidenceLink.objects.create(claim=claim, mission=world.mission)
    EvidenceSuggestion.objects.create(claim=claim, mission=far[0], score=0.9, reason="r")
    return claim


def publish(claim: Claim, factchecker) -> Claim:
    claim_set_verdict(claim=claim, verdict=Claim.Verdict.REFUTED, rationale="Two missions, not eighteen.",
                      user=factchecker)
    claim_sign_off(claim=Claim.objects.get(pk=claim.pk), user=_user("second", "Fact-checkers"))
    return Claim.objects.get(pk=claim.pk)


def pixels(content: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(content)).convert("RGB"))


def vermillion(image: np.ndarray) -> int:
    """Pixels of the "linked as evidence" colour (#D55E00, drawn at 80 % over the map)."""
    r, g, b = (image[..., i].astype(int) for i in range(3))
    return int(((r > 190) & (g > 80) & (g < 140) & (b < 70)).sum())


def blue(image: np.ndarray) -> int:
    """Pixels of the "suggested" colour (#0072B2): nothing else on a map is this blue."""
    r, b = image[..., 0].astype(int), image[..., 2].astype(int)
    return int(((b > 140) & (r < 100)).sum())


PUBLIC_URLS = ("/claims/{pk}/", "/claims/{pk}/embed", "/claims/{pk}/map.png", "/claims/{pk}/timeline.svg",
               "/claims/{pk}/map.geojson", "/claims/{pk}/outlines.geojson")


def test_unpublished_claims_are_not_there(claim, factchecker):
    anonymous = Client()
    for url in PUBLIC_URLS:
        assert anonymous.get(url.format(pk=claim.pk)).status_code == 404, url
    claim_set_verdict(claim=claim, verdict=Claim.Verdict.REFUTED, user=factchecker)  # decided, not signed off
    for url in PUBLIC_URLS:
        assert anonymous.get(url.format(pk=claim.pk)).status_code == 404, url
    assert anonymous.get("/claims/999999/").status_code == 404


def test_public_page_shows_the_verdict_the_map_and_the_timeline(claim, factchecker):
    claim = publish(claim, factchecker)
    html = Client().get(f"/claims/{claim.pk}/").content.decode()
    assert 'id="fc-verdict">Refuted<' in html and "Two missions, not eighteen." in html
    assert "an official" in html and 'href="https://example.org/a"' in html
    review = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"] == "Refuted"
    assert review["image"].endswith(f"/claims/{claim.pk}/map.png")
    config_element = r'<script type="application/json" id="fc-public-map-config">(.*?)</script>'
    config = json.loads(re.search(config_element, html, re.S).group(1))
    assert config["tracks"] == f"/claims/{claim.pk}/map.geojson"
    assert config["outlines"] == f"/claims/{claim.pk}/outlines.geojson"
    assert [g["name"] for g in config["groups"]] == ["linked as evidence"]
    assert "1 mission linked as evidence over the claim" in html and "suggested" not in config["alt"]
    # without JavaScript: the server-drawn map and the timeline
    assert f'<noscript><img id="fc-public-map-image" src="/claims/{claim.pk}/map.png"' in html
    assert f'src="/claims/{claim.pk}/timeline.png"' in html


def test_public_pictures_show_the_evidence_only(claim, factchecker, editor):
    claim = publish(claim, factchecker)
    anonymous = Client()
    body = anonymous.get(f"/claims/{claim.pk}/map.geojson").json()
    lines = [f["properties"] for f in body["features"] if f["geometry"]["type"] == "MultiLineString"]
    assert [(p["id"], p["group"]) for p in lines] == [(claim.evidence_links.get().mission_id, "linked as evidence")]
    public = anonymous.get(f"/claims/{claim.pk}/map.png")
    assert public.status_code == 200 and public["Cache-Control"] == "public, max-age=300"
    image = pixels(public.content)
    assert image.shape == (640, 900, 3)
    assert vermillion(image) > 500  # the linked track (and its legend line)
    assert blue(image) == 0  # no suggestion is published
    desk = Client()
    desk.force_login(editor)
    assert blue(pixels(desk.get(f"/pictures/claims/{claim.pk}/map.png").content)) > 30  # the desk's map has it
    legend = anonymous.get(f"/claims/{claim.pk}/map.svg").content.decode()
    assert "linked as evidence (1)" in legend and "suggested" not in legend
    svg = anonymous.get(f"/claims/{claim.pk}/timeline.svg")
    assert svg["Content-Type"] == "image/svg+xml" and b"claimed: at least 18" in svg.content
    outlines = anonymous.get(f"/claims/{claim.pk}/outlines.geojson?bbox=-101,25,-89,33&zoom=5").json()
    assert {f["properties"]["slug"] for f in outlines["features"]} >= {"testland", "test-sea"}
    assert anonymous.get(f"/claims/{claim.pk}/outlines.geojson?bbox=x").status_code == 400


def test_public_picture_is_redrawn_when_the_evidence_changes(claim, factchecker, world):
    claim = publish(claim, factchecker)
    first = Client().get(f"/claims/{claim.pk}/map.png").content
    assert Client().get(f"/claims/{claim.pk}/map.png").content == first  # cached
    EvidenceLink.objects.create(claim=claim, mission=more_missions(world, [3])[0])
    assert Client().get(f"/claims/{claim.pk}/map.png").content != first
    assert "linked as evidence (2)" in Client().get(f"/claims/{claim.pk}/map.svg").content.decode()


def test_the_desk_claim_page_links_the_public_pages_once_published(claim, factchecker, staff_admin):
    desk = Client()
    desk.force_login(staff_admin)
    page = f"/admin/claims/claim/{claim.pk}/change/"
    assert f'href="/claims/{claim.pk}/"' not in desk.get(page).content.decode()
    publish(claim, factchecker)
    html = desk.get(page).content.decode()
    assert f'href="/claims/{claim.pk}/"' in html and f'href="/claims/{claim.pk}/embed"' in html


def test_embed_page_runs_no_script_and_may_be_framed(claim, factchecker):
    claim = publish(claim, factchecker)
    response = Client().get(f"/claims/{claim.pk}/embed")
    assert response.status_code == 200 and "X-Frame-Options" not in response
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts == [' type="application/ld+json"']  # data, not code
    assert "leaflet" not in html.lower() and not re.search(r"<[^>]+\son[a-z]+=", html)  # no handlers either
    for element in ("fc-embed-map", "fc-embed-timeline"):
        src = re.search(rf'id="{element}" src="([^"]+)"', html).group(1)
        image = Image.open(io.BytesIO(Client().get(src).content))
        assert image.format == "PNG" and image.size in {(900, 640), (900, 420)}
    assert 'id="fc-verdict">Refuted<' in html
