"""Real answers from bot.services.ask over the demo (the real ``load_demo``, per module, rolled back), rendered by
every adapter. The headline: "how many U-2 missions near Texas in February?" answers 1 (February 2025), citing the
3 February mission, with a link to its admin page.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from bot.models import ChatIdentity
from tests.chat.conftest import MATTERMOST_TOKEN, SIGNING_SECRET, FakeSlackAPI, fixture_data, slack_headers

HEADLINE = "how many U-2 missions near Texas in February?"

@pytest.fixture
def editor(demo: Any) -> User:
    """The demo's editor account (in Editors)."""
    return User.objects.get(username="editor")


def _refresh_vocabulary() -> None:
    """The parser caches the database vocabulary per process; earlier tests may have cached an empty database's."""
    from bot.parsing import load_vocab
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    load_vocab(refresh=True)


@pytest.fixture
def headline(editor: User) -> Iterator[dict[str, Any]]:
    """The headline question's one mission (asserted here once)."""
    from bot.services import ask

    _refresh_vocabulary()
    answer = ask(text=HEADLINE, user=editor, platform="cli")
    assert answer.count == 1, answer.text
    (mission,) = answer.missions
    assert mission["start"].startswith("2025-02-03")
    yield mission
    _refresh_vocabulary()  # leave no cached scenario words behind for later tests


@pytest.fixture(autouse=True)
def _settings(settings: Any) -> None:
    settings.SLACK_SIGNING_SECRET = SIGNING_SECRET
    settings.SLACK_BOT_TOKEN = "xoxb-test-token"
    settings.SLACK_ACK_SECONDS = 0
    settings.SLACK_EVENTS_IN_PROCESS = True
    settings.MATTERMOST_TOKENS = [MATTERMOST_TOKEN]


def test_slack_slash_command_headline(client: Client, editor: User, headline: dict[str, Any]) -> None:
    ChatIdentity.objects.create(platform="slack", workspace="T0001", external_id="U2147483697", user=editor)
    body = urlencode({**fixture_data("slack", "slash_command"), "text": HEADLINE}).encode()
    response = client.post(
        "/bot/slack/commands/", body, content_type="application/x-www-form-urlencoded", **slack_headers(body)
    )
    data = response.json()
    assert data["response_type"] == "in_channel"
    assert "February 2025" in data["blocks"][0]["text"]["text"]
    links = [
        element
        for block in data["blocks"] if block["type"] == "rich_text"
        for item in block["elements"][0]["elements"]
        for element in item["elements"] if element["type"] == "link"
    ]
    assert [link["url"] for link in links] == [headline["url"]]
    assert "/admin/" in headline["url"]


def test_slack_mention_headline_is_posted_in_the_thread(
    client: Client, editor: User, headline: dict[str, Any], slack_api: FakeSlackAPI, settings: Any
) -> None:
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    ChatIdentity.objects.create(platform="slack", workspace="T0001", external_id="U2147483697", user=editor)
    payload = fixture_data("slack", "app_mention")
    payload["event"]["text"] = f"<@U0LAN0Z89> {HEADLINE}"
    body = json.dumps(payload).encode()
    assert client.post("/bot/slack/events/", body, content_type="application/json", **slack_headers(body)).status_code
    # an answer, not an error: visible to the channel (its picture's upload follows: tests/chat/test_pictures.py)
    (call,) = [r for r in slack_api.wait(1) if r.path.endswith("/chat.postMessage")]
    assert call.data["thread_ts"] == payload["event"]["ts"]
    assert headline["url"] in json.dumps(call.data["blocks"])

    # A follow-up in the same thread edits the last question (context per platform, channel, thread, user).
    payload["event_id"] = "Ev0FOLLOWUP"
    payload["event"]["text"] = "<@U0LAN0Z89> list them"
    payload["event"]["ts"], payload["event"]["thread_ts"] = "1515449600.000200", payload["event"]["ts"]
    body = json.dumps(payload).encode()
    client.post("/bot/slack/events/", body, content_type="application/json", **slack_headers(body))
    follow_up = [r for r in slack_api.wait(2) if r.path.endswith("/chat.postMessage")][1]
    assert follow_up.data["thread_ts"] == "1515449522.000016"
    assert headline["url"] in json.dumps(follow_up.data["blocks"])


def test_slack_mention_with_round15_chat_noise_is_answered(
    client: Client, editor: User, headline: dict[str, Any], slack_api: FakeSlackAPI, settings: Any
) -> None:
    """Round 15 of the oracle: the headline wrapped in Slack markup as typed (bold, a labelled link to the story, a
    sign-off, an emoji), and a claim pasted as a quote (escaped "&gt;" as Slack sends it) followed by "true?": both
    answered with the 3 February U-2 mission (both were declined: "story", "thx in advance"; the quote was dropped)."""
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    ChatIdentity.objects.create(platform="slack", workspace="T0001", external_id="U2147483697", user=editor)
    texts = [f"<@U0LAN0Z89> *{HEADLINE}* (story: <https://example.com/story|the draft>) thx in advance :pray:",
             "<@U0LAN0Z89> &gt; A U-2 spy plane flew near the border on 3 February 2025.\ntrue?"]
    for i, text in enumerate(texts):
        payload = fixture_data("slack", "app_mention")
        payload["event_id"] = f"Ev0ROUND15{i}"
        payload["event"]["text"] = text
        payload["event"]["ts"] = f"1515449600.00030{i}"
        body = json.dumps(payload).encode()
        client.post("/bot/slack/events/", body, content_type="application/json", **slack_headers(body))
    calls = [r for r in slack_api.wait(2) if r.path.endswith("/chat.postMessage")]
    assert len(calls) == 2
    for call in calls:
        assert headline["url"] in json.dumps(call.data["blocks"]), call.data
        assert "won't guess" not in json.dumps(call.data["blocks"])


def test_mattermost_headline(client: Client, editor: User, headline: dict[str, Any]) -> None:
    fields = {**fixture_data("mattermost", "slash_command"), "text": HEADLINE, "token": MATTERMOST_TOKEN}
    ChatIdentity.objects.create(platform="mattermost", external_id=fields["user_id"], user=editor)
    data = client.post(
        "/bot/mattermost/command/", urlencode(fields), content_type="application/x-www-form-urlencoded"
    ).json()
    assert data["response_type"] == "in_channel"
    assert "February 2025" in data["text"]
    assert f"]({headline['url']})" in data["attachments"][0]["text"]


def test_web_chat_headline(client: Client, editor: User, headline: dict[str, Any]) -> None:
    client.force_login(editor)
    data = client.post("/bot/chat/", {"text": HEADLINE}, HTTP_ACCEPT="application/json").json()
    assert data["answer"]["count"] == 1
    # the answer carries the SITE_URL link (as for chat platforms); the page links on its own host
    assert data["answer"]["missions"][0]["url"] == headline["url"]
    local = headline["url"].removeprefix(settings.SITE_URL)
    assert local.startswith("/admin/evidence/mission/")
    assert f'<a href="{local}">' in data["html"]
    assert f'<a href="{local}">' in client.get("/bot/chat/").content.decode()


def test_a_list_answer_shows_its_records_once_on_every_platform(editor: User) -> None:
    """A list answer's text ends with one line per record (for the CLI and the API's plain text); every platform also
    lists the records as links of its own, so it shows the text without those lines — each record once, not twice."""
    from bot.matrix.render import reply_content
    from bot.mattermost.render import render as mattermost_render
    from bot.services import ask
    from bot.slack.blocks import render as slack_render
    from bot.web.views import _exchange

    _refresh_vocabulary()
    answer = ask(text="list the RC-135 flights near Kaliningrad in October 2025", user=editor, platform="cli")
    assert answer.count == 4 and answer.record_lines == 4, answer.text
    paths = [m["url"].split("://", 1)[1].split("/", 1)[1] for m in answer.missions]
    assert all(p in answer.text for p in paths)  # the plain text still carries them
    assert answer.summary().count("\n") == answer.text.count("\n") - 4 and "4 missions" in answer.summary()
    rendered = {
        "slack": json.dumps(slack_render(answer)),
        "mattermost": json.dumps(mattermost_render(answer)),
        "matrix": reply_content(answer, thread_root="$root", in_reply_to="$event")["formatted_body"],
        "web": json.dumps(_exchange("q", answer)["text"]) + json.dumps(_exchange("q", answer)["records"]),
    }
    for platform, payload in rendered.items():
        for path in paths:
            assert payload.count(path) == 1, (platform, path, payload)
