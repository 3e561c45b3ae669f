"""Malformed requests get a 4xx in the API's error format (``{"detail": …}`` plus field errors), never a 500."""
from __future__ import annotations

import pytest
from django.test import override_settings

from tests.api.conftest import ARTICLE_BODY, ArticleFactory, ClaimFactory, MissionFactory

pytestmark = pytest.mark.django_db


def assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:500]
    body = response.json()
    assert isinstance(body, dict) and "detail" in body, body
    return body


def test_validation_errors_carry_detail_and_field_errors(fc_client):
    body = assert_error(fc_client.post("/api/articles/", {"title": "No text"}, format="json"), 400)
    assert body["detail"] == "Invalid input."
    assert body["body"] == ["This field is required."]


@pytest.mark.parametrize(
    ("payload", "content_type"),
    [
        (b"{not json", "application/json"),
        (b'{"title": NaN, "body": "x"}', "application/json"),
        (b"[" * 100_000 + b"]" * 100_000, "application/json"),  # deeper than the JSON parser's recursion limit
        (b"\xff\xfe\xfa", "application/json"),
        (b"title=x&body=y", "text/plain"),
        (b"--nope\r\nbroken multipart", "multipart/form-data; boundary=nope"),
        (b"--x\r\n", "multipart/form-data"),  # no boundary
    ],
    ids=["bad-json", "nan", "deep-nesting", "not-utf8", "unsupported-type", "bad-multipart",
         "no-boundary"],
)
def test_malformed_bodies(fc_client, payload: bytes, content_type: str):
    response = fc_client.generic("POST", "/api/articles/", payload, content_type=content_type)
    assert 400 <= response.status_code < 500, response.content[:300]
    assert "detail" in response.json()


@pytest.mark.parametrize(
    "payload",
    [
        [],
        "a string",
        42,
        None,
        {"title": ["a", "list"], "body": {"an": "object"}},
        {"title": "x", "body": ARTICLE_BODY, "published_at": "yesterday"},
        {"title": "x", "body": ARTICLE_BODY, "published_at": "0001-01-01T00:00:00+14:00"},
        {"title": "x", "body": ARTICLE_BODY, "url": "not a url"},
        {"title": "x", "body": "\x00\x00binary"},
        {"title": "x" * 600, "body": ARTICLE_BODY},
        {"title": "x", "body": "   "},
    ],
)
def test_wrong_types_and_values(fc_client, payload):
    response = fc_client.post("/api/articles/", payload, format="json")
    assert_error(response, 400)


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_huge_json_body_is_413(fc_client):
    response = fc_client.post("/api/articles/", {"title": "x", "body": "y" * 20_000}, format="json")
    assert_error(response, 413)


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_huge_form_body_is_413(fc_client):
    response = fc_client.post("/api/articles/", {"title": "x", "body": "y" * 20_000}, format="multipart")
    assert_error(response, 413)


def test_article_text_over_the_limit(fc_client, settings):
    settings.ARTICLE_MAX_CHARS = 1000
    body = assert_error(fc_client.post("/api/articles/", {"title": "x", "body": "word " * 500}, format="json"), 400)
    assert "body" in body


@pytest.mark.parametrize(
    "url",
    [
        "/api/claims/999999/",
        "/api/claims/abc/",
        "/api/claims/99999999999999999999999999999/",
        "/api/claims/-1/",
        "/api/regions/no-such-region/",
        "/api/aircraft/zzzzzz/",
        "/api/no-such-resource/",
        "/api/claims/999999/claimreview/",
        "/api/missions/999999/?include=track",
    ],
)
def test_unknown_ids_are_404(editor_client, url):
    assert_error(editor_client.get(url), 404)


def test_missing_trailing_slash_says_so(editor_client):
    body = assert_error(editor_client.get("/api/claims"), 404)
    assert "trailing slash" in body["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "start=notadate",
        "end=2026-13-45",
        "start=0001-01-01T00:00:00%2B14:00",
        "start=2026-03-01&end=2026-02-01",
        "region=no-such-region",
        "over=no-such-region",
        "near_nm=50",
        "region=__R__&near_nm=abc",
        "region=__R__&near_nm=-5",
        "region=__R__&near_nm=1e400",
        "region=__R__&near_nm=100000",
        "role=not-a-role",
        "import_run=abc",
        "import_run=1.5",
        "import_run=99999999999999999999999999",
        "include=everything",
    ],
)
def test_bad_mission_filters_are_400(editor_client, query):
    region = MissionFactory().region_links.model  # noqa: F841 - a mission exists
    from tests.api.conftest import RegionFactory

    slug = RegionFactory(slug="texas").slug
    body = assert_error(editor_client.get("/api/missions/?" + query.replace("__R__", slug)), 400)
    assert len(body) >= 2  # detail + the field's error


@pytest.mark.parametrize(
    "query",
    ["verdict=maybe", "article=abc", "article=99999999999999999999999", "article=1e5", "published_after=soon"],
)
def test_bad_claim_and_article_filters_are_400(editor_client, query):
    ClaimFactory()
    path = "/api/articles/" if query.startswith("published") else "/api/claims/"
    assert_error(editor_client.get(path + "?" + query), 400)


@pytest.mark.parametrize(
    "query", ["page=999", "page=abc", "page_size=abc", "page_size=100000", "ordering=-nonexistent", "search=%00"]
)
def test_pagination_ordering_search_never_500(editor_client, query):
    ClaimFactory()
    response = editor_client.get("/api/claims/?" + query)
    assert response.status_code in (200, 400, 404), response.content[:300]
    if response.status_code != 200:
        assert "detail" in response.json()


@pytest.mark.parametrize(
    "payload",
    [
        {"article": 999999, "start": 0, "end": 5},
        {"article": "abc", "start": 0, "end": 5},
        {"article": 10**30, "start": 0, "end": 5},
        {"article": "__A__", "start": 5, "end": 5},
        {"article": "__A__", "start": -1, "end": 5},
        {"article": "__A__", "start": 0, "end": 10**9},
        {"article": "__A__", "start": "zero", "end": 5},
        {"article": "__A__", "start": 0, "end": 10**30},
    ],
)
def test_bad_claim_payloads_are_400(fc_client, payload):
    article = ArticleFactory()
    payload = {k: article.pk if v == "__A__" else v for k, v in payload.items()}
    assert_error(fc_client.post("/api/claims/", payload, format="json"), 400)


def test_bad_verdict_is_400(fc_client):
    claim = ClaimFactory()
    body = assert_error(fc_client.patch(f"/api/claims/{claim.pk}/", {"verdict": "true-ish"}, format="json"), 400)
    assert "verdict" in body
    assert_error(fc_client.patch(f"/api/claims/{claim.pk}/", {}, format="json"), 400)


def test_duplicate_article_url_and_evidence_link_are_400(fc_client):
    article = ArticleFactory()
    body = assert_error(
        fc_client.post("/api/articles/", {"title": "x", "body": ARTICLE_BODY, "url": article.url}, format="json"), 400
    )
    assert "url" in body
    claim = ClaimFactory(article=article)
    mission = MissionFactory()
    ok = fc_client.post("/api/evidence-links/", {"claim": claim.pk, "mission": mission.pk}, format="json")
    assert ok.status_code == 201, ok.content
    again = fc_client.post("/api/evidence-links/", {"claim": claim.pk, "mission": mission.pk}, format="json")
    assert_error(again, 400)
    both = fc_client.post(
        "/api/evidence-links/", {"claim": claim.pk, "mission": mission.pk, "source": 1}, format="json"
    )
    assert_error(both, 400)
    neither = fc_client.post("/api/evidence-links/", {"claim": claim.pk}, format="json")
    assert_error(neither, 400)


def test_deciding_a_proposal_twice_is_400(fc_client):
    from tests.api.conftest import ProposedClaimFactory

    proposal = ProposedClaimFactory()
    assert fc_client.post(f"/api/proposed-claims/{proposal.pk}/dismiss/").status_code == 200
    assert_error(fc_client.post(f"/api/proposed-claims/{proposal.pk}/accept/"), 400)
    assert_error(fc_client.post(f"/api/proposed-claims/{proposal.pk}/dismiss/"), 400)


def test_ask_bad_payloads(editor_client):
    assert_error(editor_client.post("/api/ask/", {"text": ""}, format="json"), 400)
    assert_error(editor_client.post("/api/ask/", {"text": "x" * 20_001}, format="json"), 400)
    assert_error(editor_client.post("/api/ask/", {"text": ["list"]}, format="json"), 400)
    assert_error(editor_client.post("/api/ask/", b"{", content_type="application/json"), 400)


def test_imports_reject_json_and_empty_files(staff_client):
    assert_error(staff_client.post("/api/flight-imports/", {"files": []}, format="json"), 415)
    from django.core.files.uploadedfile import SimpleUploadedFile

    empty = SimpleUploadedFile("trace_full_ae1234.json", b"")
    assert_error(staff_client.post("/api/flight-imports/", {"files": [empty]}, format="multipart"), 400)
    not_registry = SimpleUploadedFile("registry.csv", b"hello\nworld\n")
    body = assert_error(staff_client.post("/api/registry-imports/", {"file": not_registry}, format="multipart"), 400)
    assert "/tmp" not in str(body)


def test_unknown_charset_falls_back_to_utf8(fc_client):
    """Django ignores a charset it does not know; the body is then read as UTF-8 (lenient, and no 500)."""
    payload = b'{"title": "x", "body": "Three P-8 flights near Texas."}'
    response = fc_client.generic(
        "POST", "/api/articles/", payload, content_type="application/json; charset=no-such-charset"
    )
    assert response.status_code == 201, response.content[:300]


def test_unauthenticated_and_bad_token(client_for):
    assert_error(client_for("anonymous").get("/api/claims/"), 401)
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert_error(client.get("/api/claims/"), 401)
    client.credentials(HTTP_AUTHORIZATION="Token a b c")
    assert_error(client.get("/api/claims/"), 401)


@pytest.mark.parametrize(
    "url",
    ["/api/articles/", "/api/claims/", "/api/evidence-links/", "/api/sources/", "/api/missions/",
     "/api/proposed-claims/", "/api/suggestions/", "/api/flight-imports/", "/api/registry-imports/", "/api/ask/",
     "/api/claim-reviews/", "/api/annotations/", "/api/missions/export.csv", "/api/questions/"],
)
def test_options_and_head_never_500(url, fc_client, staff_client):
    for client in (fc_client, staff_client):
        assert client.options(url).status_code < 500
        assert client.head(url).status_code < 500
