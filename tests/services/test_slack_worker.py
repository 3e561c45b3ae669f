"""A Slack mention answered by a real Celery worker (Redis) in the thread, through a local Slack Web API server."""
from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group, User

from bot.models import ChatIdentity
from tests.chat.conftest import SIGNING_SECRET, fixture_data, slack_api, slack_headers  # noqa: F401

pytestmark = [pytest.mark.services]


@pytest.fixture
def worker_env(slack_api) -> dict[str, str]:  # noqa: F811
    return {
        "SLACK_API_URL": f"{slack_api.url}/api/",
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
    }


def test_mention_is_answered_in_its_thread_by_a_worker(real_worker, slack_api, client, settings):  # noqa: F811
    settings.SLACK_SIGNING_SECRET = SIGNING_SECRET
    settings.SLACK_EVENTS_IN_PROCESS = False
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    payload = fixture_data("slack", "app_mention")
    event = payload["event"]
    event["text"] = "<@U0LAN0Z89> how many surveillance flights in 2025?"  # a question, not "help" (ephemeral)
    editor = User.objects.create_user("slack-editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    ChatIdentity.objects.create(
        platform="slack", workspace=payload.get("team_id", ""), external_id=event["user"], user=editor
    )
    body = json.dumps(payload).encode()
    resp = client.post("/bot/slack/events/", body, content_type="application/json", **slack_headers(body))
    assert resp.status_code == 200
    (posted,) = [r for r in slack_api.wait(1, timeout=60) if r.path.endswith("chat.postMessage")]
    data = posted.data
    assert data["channel"] == event["channel"]
    assert data["thread_ts"] == event.get("thread_ts", event["ts"])
    text = json.dumps(data).lower()
    assert "surveillance" in text and "2025" in text
