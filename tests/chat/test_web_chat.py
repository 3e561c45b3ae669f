"""The chat page /bot/chat/: login required, bot.ask_bot required, CSRF-protected, records are links."""
from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bot.answers import Answer

URL = "/bot/chat/"

pytestmark = pytest.mark.django_db

MISSION = {
    "id": 7,
    "hex": "ae09e1",
    "registration": "80-1070",
    "type": "U2",
    "type_name": "Lockheed U-2S",
    "operator": "US Air Force",
    "callsign": "DRAGN01",
    "start": "2025-02-03T14:05:00Z",
    "end": "2025-02-03T18:30:00Z",
    "regions": [{"slug": "texas", "name": "Texas", "over": True, "distance_nm": 0.0}],
    "url": "http://testserver/admin/evidence/mission/7/change/",
}


def test_anonymous_users_are_sent_to_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_users_without_permission_get_403(client: Client, outsider: User) -> None:
    client.force_login(outsider)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"text": "help"}).status_code == 403


def test_editor_sees_the_page(client: Client, editor: User) -> None:
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="text"' in html


def test_form_post_then_redirect_shows_the_conversation(client: Client, editor: User) -> None:
    client.force_login(editor)
    response = client.post(URL, {"text": "help"})
    assert response.status_code == 302
    page = client.get(URL).content.decode()
    assert "help" in page
    from bot.services import ask

    first_line = ask(text="help", user=editor, platform="web").text.splitlines()[0][:40]
    from django.utils.html import escape

    assert escape(first_line) in page


def test_fetch_post_returns_json_with_rendered_html(client: Client, editor: User) -> None:
    client.force_login(editor)
    response = client.post(URL, {"text": "help"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["question"] == "help"
    assert set(data["answer"]) >= {"answer", "count", "query", "missions", "claims"}
    assert 'class="exchange"' in data["html"]


def test_records_are_links_to_admin_pages_and_text_is_escaped(
    client: Client, editor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_ask(**kwargs: Any) -> Answer:
        return Answer(text="1 U-2 mission <b>near</b> Texas", count=1, missions=[MISSION], notes=["Coverage caveat."])

    monkeypatch.setattr(importlib.import_module("bot.services"), "ask", fake_ask)
    client.force_login(editor)
    client.post(URL, {"text": "how many U-2 missions near Texas in February? <script>alert(1)</script>"})
    page = client.get(URL).content.decode()
    assert '<a href="http://testserver/admin/evidence/mission/7/change/">U2 80-1070 (AE09E1)</a>' in page
    assert "callsign DRAGN01 · 2025-02-03 14:05-18:30 UTC · over Texas" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;b&gt;near&lt;/b&gt;" in page
    assert "Coverage caveat." in page


def test_csrf_is_enforced(editor: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(URL, {"text": "help"}).status_code == 403
    page = client.get(URL)
    token = page.cookies["csrftoken"].value
    assert client.post(URL, {"text": "help", "csrfmiddlewaretoken": token}).status_code == 302


def test_empty_question_and_clear(client: Client, editor: User) -> None:
    client.force_login(editor)
    assert client.post(URL, {"text": "   "}).status_code == 302
    assert client.post(URL, {"text": ""}, HTTP_ACCEPT="application/json").status_code == 400
    client.post(URL, {"text": "help"})
    client.post(URL, {"action": "clear"})
    assert 'class="exchange"' not in client.get(URL).content.decode()


def test_very_long_question_is_a_clear_reply_not_a_500(client: Client, editor: User) -> None:
    client.force_login(editor)
    response = client.post(URL, {"text": "U-2 " * 10_000}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["answer"]["answer"]


def test_links_into_this_site_are_site_relative(
    client: Client, editor: User, monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    """Answers carry SITE_URL links (for chat platforms); on the page they open on the host the user is signed in to.
    Other http(s) links stay as they are; anything else is dropped."""
    settings.SITE_URL = "https://flightcheck.example.org"
    missions = [
        {**MISSION, "url": "https://flightcheck.example.org/admin/evidence/mission/7/change/"},
        {**MISSION, "id": 8, "hex": "ae0001", "url": "https://flightcheck.example.org.evil/x/"},
        {**MISSION, "id": 9, "hex": "ae0002", "url": "javascript:alert(1)"},
    ]

    def fake_ask(**kwargs: Any) -> Answer:
        return Answer(text="3 missions", count=3, missions=missions)

    monkeypatch.setattr(importlib.import_module("bot.services"), "ask", fake_ask)
    client.force_login(editor)
    exchange = client.post(URL, {"text": "list them"}, HTTP_ACCEPT="application/json").json()
    urls = [r["url"] for r in exchange["records"]]
    assert urls == ["/admin/evidence/mission/7/change/", "https://flightcheck.example.org.evil/x/", ""]
