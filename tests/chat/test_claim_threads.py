"""A claim discussed in a Slack thread (the bot answered about it there) gets its verdict changes and sign-off posted
back to that thread, over real HTTP to the local stand-in for the Slack Web API. Runs on the real demo."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from bot.models import ChatIdentity
from claims.models import Claim, ClaimThread
from tests.chat.conftest import SIGNING_SECRET, FakeSlackAPI, fixture_data, slack_headers


@pytest.fixture(autouse=True)
def _settings(settings: Any) -> None:
    settings.SLACK_SIGNING_SECRET = SIGNING_SECRET
    settings.SLACK_BOT_TOKEN = "xoxb-test-token"
    settings.SLACK_ACK_SECONDS = 0
    settings.SLACK_EVENTS_IN_PROCESS = True


@pytest.fixture
def vocabulary(demo: Any) -> Any:
    from bot.parsing import load_vocab
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    load_vocab(refresh=True)
    yield demo
    invalidate_vocabulary_cache()
    load_vocab(refresh=True)


def _mention(client: Client, text: str, thread_ts: str) -> None:
    payload = fixture_data("slack", "app_mention")
    payload["event"]["text"] = f"<@U0LAN0Z89> {text}"
    payload["event"]["thread_ts"] = thread_ts
    payload["event_id"] = f"Ev-{thread_ts}"
    body = json.dumps(payload).encode()
    response = client.post("/bot/slack/events/", body, content_type="application/json", **slack_headers(body))
    assert response.status_code == 200


def test_verdict_changes_are_posted_to_the_thread_where_the_claim_was_discussed(
    client: Client, vocabulary: Any, slack_api: FakeSlackAPI, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    editor = User.objects.get(username="editor")
    ChatIdentity.objects.create(platform="slack", workspace="T0001", external_id="U2147483697", user=editor)
    _mention(client, "claims about the U-2", "1515449000.000001")
    (answer,) = slack_api.wait(1)
    assert answer.path == "/api/chat.postMessage"
    u2 = Claim.objects.get(exact="A U-2 spy plane flew a mission on February 3")
    (thread,) = ClaimThread.objects.filter(claim=u2)
    assert (thread.platform, thread.channel, thread.thread) == ("slack", "C2147483705", "1515449000.000001")
    assert not ClaimThread.objects.exclude(claim=u2).exists()  # only the claims the answer was about

    from claims.services import claim_set_verdict
    from claims.services.workflow import claim_sign_off

    factchecker = User.objects.get(username="factchecker")
    with django_capture_on_commit_callbacks(execute=True):
        claim_set_verdict(claim=u2, verdict="supported", rationale="The 3 February mission.", user=factchecker)
    posted = slack_api.wait(2)[1]
    assert posted.path == "/api/chat.postMessage"
    assert posted.data["channel"] == "C2147483705" and posted.data["thread_ts"] == "1515449000.000001"
    assert f"Claim #{u2.pk}" in posted.data["text"]
    assert "verdict changed from unreviewed to supported by factchecker" in posted.data["text"]
    assert "awaits a second review" in posted.data["text"]

    admin = User.objects.get(username="admin")
    with django_capture_on_commit_callbacks(execute=True):
        claim_sign_off(claim=Claim.objects.get(pk=u2.pk), user=admin)
    signed = slack_api.wait(3)[2]
    assert "signed off by admin and published" in signed.data["text"]


def test_a_claim_never_discussed_posts_nothing(
    vocabulary: Any, slack_api: FakeSlackAPI, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    from claims.services import claim_set_verdict

    claim = Claim.objects.get(exact="A U-2 spy plane flew a mission on February 3")
    with django_capture_on_commit_callbacks(execute=True):
        claim_set_verdict(claim=claim, verdict="refuted", user=User.objects.get(username="factchecker"))
    assert slack_api.requests == []
