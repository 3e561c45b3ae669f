"""Throttling: per-user and heavy-operation rates from settings, a 429 in the API's error format with
Retry-After, counted per user (one user's burst does not block another)."""
from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.api.conftest import ARTICLE_BODY, token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    cache.clear()
    settings.API_THROTTLE_RATES = {"user": "4/minute", "heavy": "2/minute"}
    yield settings.API_THROTTLE_RATES
    cache.clear()


def test_user_rate_gives_429_with_detail_and_retry_after(rates, editor, factchecker):
    client = token_client(editor)
    codes = [client.get("/api/sources/").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]
    refused = client.get("/api/sources/")
    assert refused.status_code == 429
    assert "throttled" in refused.json()["detail"].lower()
    assert 0 < int(refused["Retry-After"]) <= 60
    # another user has a budget of their own
    assert token_client(factchecker).get("/api/sources/").status_code == 200


def test_heavy_operations_have_their_own_lower_rate(rates, factchecker):
    client = token_client(factchecker)
    created = [
        client.post("/api/articles/", {"title": f"A{i}", "body": ARTICLE_BODY}, format="json").status_code
        for i in range(3)
    ]
    assert created == [201, 201, 429]
    # reads are not heavy: the user's remaining budget still serves them
    assert client.get("/api/articles/").status_code == 200


def test_no_rate_means_no_throttling(settings, editor):
    cache.clear()
    settings.API_THROTTLE_RATES = {"user": None, "heavy": None}
    client = token_client(editor)
    assert {client.get("/api/sources/").status_code for _ in range(30)} == {200}


def test_the_bots_own_rate_limit_answers_429_in_the_error_format(settings, monkeypatch, editor):
    """POST /api/ask/ over BOT_RATE_LIMIT: a 429 with ``detail`` (as every API error) and the declined answer's fields,
    as the schema says (the Error component, which admits the extra fields)."""
    from bot import services

    cache.clear()
    settings.BOT_RATE_LIMIT = "1/min"
    monkeypatch.setattr(services, "rate_limit_clock", lambda: 1_800_000_030.0)  # one window, whatever the clock says
    client = token_client(editor)
    first = client.post("/api/ask/", {"text": "how many U-2 missions near Texas?"}, format="json")
    assert first.status_code == 200
    refused = client.post("/api/ask/", {"text": "how many U-2 missions near Texas?"}, format="json")
    assert refused.status_code == 429
    body = refused.json()
    assert body["detail"] == body["answer"] and "wait" in body["detail"].lower()
    assert body["declined"] is True and body["reason"] == "rate_limited" and body["count"] is None
    schema = client.get("/api/schema/?format=json").json()
    documented = schema["paths"]["/api/ask/"]["post"]["responses"]["429"]["content"]["application/json"]["schema"]
    assert documented == {"$ref": "#/components/schemas/Error"}
    cache.clear()


def test_throttle_keeps_one_number_per_user_and_refills_steadily(rates, editor, monkeypatch):
    """Issue 12 (load): DRF's check pickled a list of every request's time (up to 5,000 at the default rate) to and
    from the cache on each request; the GCRA check keeps one number, with the same limit and no window edges."""
    from project.throttling import UserThrottle

    clock = [1_000_000.0]
    monkeypatch.setattr(UserThrottle, "timer", staticmethod(lambda: clock[0]))
    client = token_client(editor)
    assert [client.get("/api/sources/").status_code for _ in range(5)] == [200, 200, 200, 200, 429]
    assert client.get("/api/sources/")["Retry-After"] == "15"  # 4/minute: one more every 15 s
    assert isinstance(cache.get(f"throttle_user_{editor.pk}:tat"), float)
    clock[0] += 15
    assert [client.get("/api/sources/").status_code for _ in range(2)] == [200, 429]
    clock[0] += 60
    assert [client.get("/api/sources/").status_code for _ in range(5)] == [200, 200, 200, 200, 429]
