"""Mattermost adapter: the captured slash-command payload (bot/mattermost/fixtures/), token verified."""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bot.models import ChatIdentity, Question
from tests.chat.conftest import MATTERMOST_TOKEN, fixture_data

URL = "/bot/mattermost/command/"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tokens(settings: Any) -> None:
    settings.MATTERMOST_TOKENS = ["another-command-token", MATTERMOST_TOKEN]


def link(user: User) -> None:
    payload = fixture_data("mattermost", "slash_command")
    ChatIdentity.objects.create(
        platform="mattermost", workspace=payload["team_id"], external_id=payload["user_id"], user=user
    )


def post(client: Client, fields: dict[str, Any], **headers: str) -> Any:
    return client.post(URL, urlencode(fields), content_type="application/x-www-form-urlencoded", **headers)


def test_slash_command_help(client: Client, editor: User) -> None:
    link(editor)
    response = post(client, fixture_data("mattermost", "slash_command"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["response_type"] == "ephemeral"  # help is shown only to the asker
    from bot.services import ask

    assert body["text"].startswith(ask(text="help", user=editor, platform="mattermost").text[:100])


def test_authorization_header_token_is_accepted(client: Client, editor: User) -> None:
    link(editor)
    fields = fixture_data("mattermost", "slash_command")
    fields.pop("token")
    response = post(client, fields, HTTP_AUTHORIZATION=f"Token {MATTERMOST_TOKEN}")
    assert response.status_code == 200


def test_json_body_is_accepted(client: Client, editor: User) -> None:
    link(editor)
    body = json.dumps(fixture_data("mattermost", "slash_command"))
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["text"]


@pytest.mark.parametrize("token", ["", "wrong", MATTERMOST_TOKEN + "x", MATTERMOST_TOKEN[:-1]])
def test_wrong_token_is_401_and_nothing_is_asked(client: Client, editor: User, token: str) -> None:
    link(editor)
    response = post(client, {**fixture_data("mattermost", "slash_command"), "token": token})
    assert response.status_code == 401
    assert Question.objects.count() == 0


def test_no_tokens_configured_rejects_everything(client: Client, settings: Any) -> None:
    settings.MATTERMOST_TOKENS = []
    assert post(client, fixture_data("mattermost", "slash_command")).status_code == 401


def test_wrong_header_token_is_not_rescued_by_the_form(client: Client) -> None:
    # A header token, when present, is the one checked.
    response = post(client, fixture_data("mattermost", "slash_command"), HTTP_AUTHORIZATION="Token wrong")
    assert response.status_code == 401


def test_unlinked_account(client: Client) -> None:
    body = post(client, fixture_data("mattermost", "slash_command")).json()
    assert body["response_type"] == "ephemeral"
    assert "not linked to Flightcheck" in body["text"]


def test_user_without_permission(client: Client, outsider: User) -> None:
    link(outsider)
    fields = {**fixture_data("mattermost", "slash_command"), "text": "how many U-2 missions near Texas in February?"}
    body = post(client, fields).json()
    assert body["response_type"] == "ephemeral"
    assert "not allowed" in body["text"].lower() or "permission" in body["text"].lower()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{not json", "application/json"),
        ("[1, 2]", "application/json"),
        (json.dumps({"token": MATTERMOST_TOKEN, "user_id": 42}), "application/json"),
        (json.dumps({"token": MATTERMOST_TOKEN}), "application/json"),
        (f"token={MATTERMOST_TOKEN}&text=help", "application/x-www-form-urlencoded"),
    ],
)
def test_bad_payloads_are_400(client: Client, body: str, content_type: str) -> None:
    response = client.post(URL, body, content_type=content_type, HTTP_AUTHORIZATION=f"Token {MATTERMOST_TOKEN}")
    assert response.status_code == 400
    assert "bad slash command payload" in response.json()["error"]


def test_garbage_without_token_is_401(client: Client) -> None:
    assert client.post(URL, b"\xff\xfe{", content_type="application/json").status_code == 401


def test_get_is_not_allowed(client: Client) -> None:
    assert client.get(URL).status_code == 405


@pytest.mark.parametrize("text", ["\ud800", "how many U-2 flights\x00 near Texas?"])
def test_unreadable_characters_are_answered_not_500(client: Client, editor: User, text: str) -> None:
    """Issue 12, defect 3: a valid-token request with a lone surrogate (JSON escape) or a NUL answered 500."""
    link(editor)
    body = json.dumps({**fixture_data("mattermost", "slash_command"), "text": text})
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 200
    assert "is not plain text" in response.json()["text"]
    assert Question.objects.filter(platform="mattermost", declined=True).count() == 1
