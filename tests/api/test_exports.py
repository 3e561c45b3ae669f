"""ClaimReview JSON-LD (checked against a schema.org vocabulary subset), W3C Web Annotations, streamed CSV/GeoJSON."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest
from django.http import StreamingHttpResponse

from claims import exports
from claims.models import Claim
from tests.api.conftest import (
    ArticleFactory,
    ClaimFactory,
    MissionFactory,
    MissionRegionFactory,
    OrganisationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

# --- a small schema.org vocabulary: the types and properties a ClaimReview may use, and what each property holds ---

TEXT, NUMBER, DATE, URL = "Text", "Number", "Date", "URL"
VOCABULARY: dict[str, dict[str, set[str]]] = {
    "ClaimReview": {
        "url": {URL}, "claimReviewed": {TEXT}, "reviewRating": {"Rating"}, "itemReviewed": {"Claim", "CreativeWork"},
        "author": {"Organization", "Person"}, "datePublished": {DATE}, "reviewBody": {TEXT}, "inLanguage": {TEXT},
        "name": {TEXT}, "publisher": {"Organization"},
    },
    "Rating": {
        "alternateName": {TEXT}, "ratingValue": {NUMBER, TEXT}, "bestRating": {NUMBER, TEXT},
        "worstRating": {NUMBER, TEXT}, "name": {TEXT}, "ratingExplanation": {TEXT},
    },
    "Claim": {
        "author": {"Organization", "Person"}, "appearance": {"CreativeWork"}, "firstAppearance": {"CreativeWork"},
        "datePublished": {DATE}, "name": {TEXT},
    },
    "CreativeWork": {
        "url": {URL}, "headline": {TEXT}, "name": {TEXT}, "datePublished": {DATE},
        "author": {"Organization", "Person"}, "publisher": {"Organization", "Person"},
    },
    "Organization": {"name": {TEXT}, "url": {URL}, "sameAs": {URL}},
    "Person": {"name": {TEXT}, "url": {URL}},
}


def _literal_ok(value: Any, ranges: set[str]) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return NUMBER in ranges
    if not isinstance(value, str) or not value:
        return False
    if URL in ranges:
        return value.startswith(("http://", "https://"))
    if DATE in ranges:
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            return False
        return True
    return TEXT in ranges or NUMBER in ranges


def vocabulary_errors(node: dict[str, Any], path: str = "$") -> list[str]:
    errors = []
    kind = node.get("@type")
    if kind not in VOCABULARY:
        return [f"{path}: unknown type {kind!r}"]
    for key, value in node.items():
        if key in ("@type", "@context"):
            continue
        ranges = VOCABULARY[kind].get(key)
        if ranges is None:
            errors.append(f"{path}.{key}: not a property of {kind}")
        elif isinstance(value, dict):
            if value.get("@type") not in ranges:
                errors.append(f"{path}.{key}: {value.get('@type')!r} not in {sorted(ranges)}")
            errors += vocabulary_errors(value, f"{path}.{key}")
        elif not _literal_ok(value, ranges):
            errors.append(f"{path}.{key}: {value!r} is not {sorted(ranges)}")
    return errors


def claim_review_errors(review: dict[str, Any]) -> list[str]:
    """Vocabulary plus what Google Fact Check Tools requires and recommends."""
    errors = vocabulary_errors(review)
    if review.get("@context") != "https://schema.org":
        errors.append("@context must be https://schema.org")
    for required in ("claimReviewed", "reviewRating", "url", "author", "itemReviewed", "datePublished"):
        if required not in review:
            errors.append(f"missing {required}")
    if not review.get("reviewRating", {}).get("alternateName"):
        errors.append("reviewRating.alternateName is required")
    item = review.get("itemReviewed", {})
    if not (item.get("appearance") or item.get("firstAppearance")):
        errors.append("itemReviewed needs appearance or firstAppearance")
    rating = review.get("reviewRating", {})
    if "ratingValue" in rating and not rating.get("worstRating", 0) <= rating["ratingValue"] <= rating["bestRating"]:
        errors.append("ratingValue outside [worstRating, bestRating]")
    return errors


def test_the_vocabulary_check_catches_mistakes():
    bad = {
        "@context": "https://schema.org", "@type": "ClaimReview", "url": "not-a-url", "claimReviewed": "x",
        "reviewRating": {"@type": "Rating", "ratingVerdict": "False"},
        "itemReviewed": {"@type": "Article", "author": "x"}, "author": {"@type": "Organization", "name": "X"},
    }
    errors = claim_review_errors(bad)
    assert any("url" in e for e in errors)
    assert any("ratingVerdict" in e for e in errors)
    assert any("Article" in e for e in errors)
    assert any("alternateName" in e for e in errors)
    assert any("datePublished" in e for e in errors)


# --- ClaimReview ---------------------------------------------------------------------------------------------------


def test_claimreview_of_a_reviewed_claim(editor_client, settings):
    settings.FACTCHECK_ORGANISATION = "Flightcheck Desk"
    claim = ClaimFactory(reviewed=True)
    response = editor_client.get(f"/api/claims/{claim.pk}/claimreview/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    review = response.json()
    assert claim_review_errors(review) == []
    assert review["claimReviewed"] == claim.exact
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "Refuted", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
    }
    assert review["author"]["name"] == "Flightcheck Desk"
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "three US officials"}
    assert review["itemReviewed"]["appearance"]["url"] == claim.article.url
    assert review["datePublished"] == "2026-03-02T12:00:00Z"
    assert review["url"].endswith(f"/api/claims/{claim.pk}/")
    # Plain JSON for clients that ask for it
    assert editor_client.get(f"/api/claims/{claim.pk}/claimreview/", HTTP_ACCEPT="application/json").status_code == 200


def test_claimreview_default_organisation_and_url_template(editor_client, settings):
    settings.FACTCHECK_REVIEW_URL = "https://factcheck.example/claims/{id}"
    claim = ClaimFactory(reviewed=True)
    review = editor_client.get(f"/api/claims/{claim.pk}/claimreview/").json()
    assert review["url"] == f"https://factcheck.example/claims/{claim.pk}"
    settings.FACTCHECK_ORGANISATION = ""  # FACTCHECK_ORGANISATION= set empty in the environment
    review = editor_client.get(f"/api/claims/{claim.pk}/claimreview/").json()
    assert review["author"]["name"] == "Flightcheck"


@pytest.mark.parametrize("verdict", [v for v in Claim.Verdict.values if v != "unreviewed"])
def test_every_verdict_makes_a_valid_claimreview(editor_client, verdict):
    OrganisationFactory(name="Pentagon Press Office", aliases=["Pentagon"])
    article = ArticleFactory(url=None, author="", outlet="")
    now = dt.datetime.now(dt.UTC)
    claim = ClaimFactory(article=article, verdict=verdict, claimant="Pentagon", reviewed_at=now, published_at=now)
    review = editor_client.get(f"/api/claims/{claim.pk}/claimreview/").json()
    assert claim_review_errors(review) == []
    assert review["itemReviewed"]["author"]["@type"] == "Organization"  # a known organisation's alias
    assert ("ratingValue" in review["reviewRating"]) == (verdict != "unverifiable")


def test_unreviewed_claims_have_no_claimreview(editor_client):
    claim = ClaimFactory()
    response = editor_client.get(f"/api/claims/{claim.pk}/claimreview/")
    assert response.status_code == 404
    assert "not been reviewed" in response.json()["detail"]
    with pytest.raises(ValueError):
        exports.claim_review(claim, url="https://x.example", organisation="X")


def test_claim_reviews_list(editor_client):
    now = dt.datetime.now(dt.UTC)
    reviewed = [ClaimFactory(reviewed=True), ClaimFactory(verdict=Claim.Verdict.SUPPORTED, published_at=now)]
    ClaimFactory()  # unreviewed: not listed
    ClaimFactory(verdict=Claim.Verdict.SUPPORTED)  # decided, not signed off: not published, not listed
    body = editor_client.get("/api/claim-reviews/").json()
    urls = {r["url"] for r in body["results"]}
    assert all(any(u.endswith(f"/api/claims/{c.pk}/") for u in urls) for c in reviewed)
    assert body["count"] == 2
    for review in body["results"]:
        assert claim_review_errors(review) == []


def test_long_quotes_are_shortened_for_claim_reviewed():
    body = "word " * 200
    claim = ClaimFactory.build(
        article=ArticleFactory.build(body=body), start=0, end=len(body) - 1, exact=body[:-1], prefix="", suffix="",
        verdict=Claim.Verdict.REFUTED, created_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        published_at=dt.datetime(2026, 3, 2, tzinfo=dt.UTC),
    )
    review = exports.claim_review(claim, url="https://x.example/1", organisation="X")
    assert len(review["claimReviewed"]) <= exports.CLAIM_REVIEWED_MAX_CHARS
    assert review["claimReviewed"].endswith("…")


# --- W3C Web Annotation --------------------------------------------------------------------------------------------


def test_annotation_of_a_claim(editor_client):
    claim = ClaimFactory(reviewed=True)
    response = editor_client.get(f"/api/claims/{claim.pk}/annotation/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    anno = response.json()
    assert anno["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert anno["type"] == "Annotation"
    assert anno["id"].endswith(f"/api/claims/{claim.pk}/annotation/")
    assert anno["target"]["source"] == claim.article.url
    quote, position = anno["target"]["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": claim.exact, "prefix": claim.prefix, "suffix": claim.suffix}
    assert position == {"type": "TextPositionSelector", "start": claim.start, "end": claim.end}
    assert claim.article.body[position["start"] : position["end"]] == quote["exact"]
    assessing = anno["body"][0]
    assert assessing["purpose"] == "assessing"
    assert assessing["value"].startswith("Refuted: ADS-B data shows")
    assert {"type": "TextualBody", "purpose": "tagging", "value": "refuted"} in anno["body"]


def test_annotation_selectors_keep_32_characters_of_context_and_count_code_points(fc_client):
    body = "🛩️ " * 30 + "Three P-8 flights were seen near Texas. " + "x" * 100
    article = ArticleFactory(body=body, url=None)
    start = body.index("Three")
    end = start + len("Three P-8 flights were seen near Texas")
    created = fc_client.post("/api/claims/", {"article": article.pk, "start": start, "end": end}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["selectors"]["TextPositionSelector"] == {"start": start, "end": end}
    anno = fc_client.get(f"/api/claims/{created.json()['id']}/annotation/").json()
    quote, position = anno["target"]["selector"]
    assert len(quote["prefix"]) == 32 and len(quote["suffix"]) == 32
    assert body[position["start"] : position["end"]] == quote["exact"]  # Python indexes code points
    assert quote["prefix"] == body[:start][-32:]
    assert anno["target"]["source"].endswith(f"/api/articles/{article.pk}/")  # no URL: the API resource


def test_annotations_of_an_article_as_an_annotation_page(editor_client):
    article = ArticleFactory()
    claims = [ClaimFactory(article=article), ClaimFactory(article=article, reviewed=True)]
    ClaimFactory()  # another article's
    page = editor_client.get(f"/api/annotations/?article={article.pk}").json()
    assert page["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert page["type"] == "AnnotationPage"
    assert page["partOf"]["type"] == "AnnotationCollection"
    assert page["partOf"]["total"] == 2
    assert page["startIndex"] == 0
    assert {item["id"].rsplit("/", 3)[-3] for item in page["items"]} == {str(c.pk) for c in claims}
    assert all(item["target"]["source"] == article.url and "@context" not in item for item in page["items"])
    assert page["next"] is None


# --- missions: CSV and GeoJSON, streamed ----------------------------------------------------------------------------


@pytest.fixture
def exported():
    texas = RegionFactory(slug="texas")
    first = MissionFactory(callsign="=HYPERLINK", point_count=5)
    MissionRegionFactory(mission=first, region=texas, over=True, distance_nm=0)
    second = MissionFactory(point_count=1, start=first.start + dt.timedelta(days=1))
    broken = MissionFactory(track=b"not a track", start=first.start + dt.timedelta(days=2))
    return first, second, broken


def read_stream(response) -> str:
    assert isinstance(response, StreamingHttpResponse) and response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_export_streams_filtered_rows(editor_client, exported):
    first, second, broken = exported
    response = editor_client.get("/api/missions/export.csv?region=texas")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="missions.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(read_stream(response))))
    assert [int(r["id"]) for r in rows] == [first.pk]
    row = rows[0]
    assert row["hex"] == first.aircraft_id
    assert row["callsign"] == "'=HYPERLINK"  # no formula injection into spreadsheets
    assert row["regions_over"] == "texas"
    assert row["min_lon"] == "-95.0"  # negative numbers are not "escaped"
    assert row["start"] == "2026-02-10T14:00:00Z"
    all_rows = list(csv.DictReader(io.StringIO(read_stream(editor_client.get("/api/missions/export.csv")))))
    assert {int(r["id"]) for r in all_rows} >= {first.pk, second.pk, broken.pk}


def test_geojson_export_streams_tracks_as_linestrings(editor_client, exported):
    first, second, broken = exported
    response = editor_client.get("/api/missions/export.geojson?ordering=start")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(read_stream(response))
    assert collection["type"] == "FeatureCollection"
    features = {f["id"]: f for f in collection["features"]}
    line = features[first.pk]
    assert line["geometry"]["type"] == "LineString"
    assert line["geometry"]["coordinates"][0] == [-95.0, 28.0]  # [lon, lat]
    assert len(line["geometry"]["coordinates"]) == 5
    assert line["properties"]["geometry_kind"] == "track"
    assert line["properties"]["regions"][0]["slug"] == "texas"
    assert features[second.pk]["geometry"]["type"] == "Point"
    assert features[broken.pk]["geometry"]["type"] == "Polygon"  # undecodable track: its bounding box
    assert features[broken.pk]["properties"]["geometry_kind"] == "bbox"
    filtered = json.loads(read_stream(editor_client.get("/api/missions/export.geojson?over=texas")))
    assert [f["id"] for f in filtered["features"]] == [first.pk]


def test_export_filter_errors_are_json(editor_client):
    response = editor_client.get("/api/missions/export.csv?start=notadate")
    assert response.status_code == 400
    assert "start" in response.json()


def test_claimreview_embed_snippet_for_a_fact_check_page(editor_client):
    """?format=embed gives the ClaimReview as a <script type="application/ld+json"> element to paste into the
    published page; text that could close the script element is escaped and the JSON still parses to the same data."""
    import json
    import re

    claim = ClaimFactory(reviewed=True, rationale="Flight data shows </script><b>11</b> & more")
    plain = editor_client.get(f"/api/claims/{claim.pk}/claimreview/").json()
    response = editor_client.get(f"/api/claims/{claim.pk}/claimreview/?format=embed")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    # a browser opening the plain URL still gets the JSON-LD, not the element
    browser = editor_client.get(f"/api/claims/{claim.pk}/claimreview/", HTTP_ACCEPT="text/html,*/*;q=0.8")
    assert browser["Content-Type"].startswith("application/ld+json")
    html = response.content.decode()
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>\n', html, re.DOTALL)
    assert match, html[:200]
    assert "</" not in match.group(1) and "<b>" not in match.group(1)
    assert json.loads(match.group(1)) == plain
    assert claim_review_errors(json.loads(match.group(1))) == []
    # an unreviewed claim: the error as JSON, never a half-made element
    unreviewed = ClaimFactory()
    missing = editor_client.get(f"/api/claims/{unreviewed.pk}/claimreview/?format=embed")
    assert missing.status_code == 404 and "<script" not in missing.content.decode()
    assert "not been reviewed" in json.loads(missing.content)["detail"]
