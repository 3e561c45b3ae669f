"""Slack adapter: one captured-style payload per event type (bot/slack/fixtures/), signed with a test secret.

Outbound calls (chat.postMessage, chat.postEphemeral, response_url) go over real HTTP to a local server.
"""
from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from bot.answers import Answer
from bot.models import ChatIdentity, DeliveredEvent, Question
from tests.chat.conftest import SIGNING_SECRET, FakeSlackAPI, fixture_data, slack_headers

COMMANDS = "/bot/slack/commands/"
EVENTS = "/bot/slack/events/"

@pytest.fixture(autouse=True)
def _slack_settings(settings: Any) -> None:
    settings.SLACK_SIGNING_SECRET = SIGNING_SECRET
    settings.SLACK_BOT_TOKEN = "xoxb-test-token"
    # Answer slash commands in the request thread, so the test's (uncommitted) rows are visible; the worker-thread
    # path is covered by the timing tests below with a database-free service.
    settings.SLACK_ACK_SECONDS = 0
    # Answer mentions in-process after the response (the default); the Celery path is tested below.
    settings.SLACK_EVENTS_IN_PROCESS = True


def link(user: User, external_id: str = "U2147483697", workspace: str = "T0001") -> ChatIdentity:
    return ChatIdentity.objects.create(platform="slack", workspace=workspace, external_id=external_id, user=user)


def post_form(client: Client, fields: dict[str, str], **headers: str) -> Any:
    body = urlencode(fields).encode()
    return client.post(
        COMMANDS, body, content_type="application/x-www-form-urlencoded", **{**slack_headers(body), **headers}
    )


def post_json(client: Client, payload: Any, **headers: str) -> Any:
    body = json.dumps(payload).encode()
    return client.post(EVENTS, body, content_type="application/json", **{**slack_headers(body), **headers})


def section_texts(body: dict[str, Any]) -> str:
    return "\n".join(b["text"]["text"] for b in body["blocks"] if b["type"] == "section")


# --- url_verification ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_url_verification(client: Client) -> None:
    payload = fixture_data("slack", "url_verification")
    response = post_json(client, payload)
    assert response.status_code == 200
    assert response.json() == {"challenge": payload["challenge"]}


# --- Slash command ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_slash_command_help_is_ephemeral(client: Client, editor: User) -> None:
    link(editor)
    response = post_form(client, fixture_data("slack", "slash_command"))
    assert response.status_code == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    from bot.services import ask

    expected = ask(text="help", user=editor, platform="slack")
    assert expected.ephemeral or expected.declined
    assert body["text"][:200] == expected.text[:200]
    assert section_texts(body)


@pytest.mark.django_db
def test_slash_command_empty_text_shows_help(client: Client, editor: User) -> None:
    link(editor)
    fields = {**fixture_data("slack", "slash_command"), "text": "   "}
    response = post_form(client, fields)
    assert response.status_code == 200
    assert response.json()["response_type"] == "ephemeral"


@pytest.mark.django_db
def test_slash_command_unlinked_account(client: Client) -> None:
    response = post_form(client, fixture_data("slack", "slash_command"))
    assert response.status_code == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    assert "not linked to Flightcheck" in body["text"]


@pytest.mark.django_db
def test_slash_command_user_without_permission(client: Client, outsider: User) -> None:
    link(outsider)
    fields = {**fixture_data("slack", "slash_command"), "text": "how many U-2 missions near Texas in February?"}
    response = post_form(client, fields)
    assert response.status_code == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    assert "not allowed" in body["text"].lower() or "permission" in body["text"].lower()


@pytest.mark.django_db
def test_slow_slash_command_is_acknowledged_then_answered_via_response_url(
    client: Client, editor: User, slack_api: FakeSlackAPI, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    link(editor)

    def slow_ask(asker: Any, text: str) -> Answer:
        time.sleep(0.6)
        return Answer(text=f"slow answer to {text}", count=0)

    monkeypatch.setattr("bot.slack.views.ask_as", slow_ask)
    settings.SLACK_ACK_SECONDS = 0.05
    fields = {**fixture_data("slack", "slash_command"), "response_url": f"{slack_api.url}/commands/T0001/1/abc"}
    started = time.monotonic()
    response = post_form(client, {**fields, "text": "how many P-8 flights last week"})
    assert time.monotonic() - started < 0.5
    assert response.status_code == 200
    assert response.json()["response_type"] == "ephemeral"

    (late,) = slack_api.wait(1)
    assert late.path == "/commands/T0001/1/abc"
    assert late.data["response_type"] == "in_channel"
    assert late.data["replace_original"] is True
    assert "slow answer to how many P-8 flights last week" in late.data["text"]


@pytest.mark.django_db
def test_fast_slash_command_in_worker_thread_answers_immediately(
    client: Client, slack_api: FakeSlackAPI, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    monkeypatch.setattr("bot.slack.views.ask_as", lambda asker, text: Answer(text=f"{asker.external_id}: 0", count=0))
    settings.SLACK_ACK_SECONDS = 2.0
    fields = {**fixture_data("slack", "slash_command"), "response_url": f"{slack_api.url}/commands/T0001/1/abc"}
    response = post_form(client, {**fields, "text": "how many P-8 flights last week"})
    assert response.json()["response_type"] == "in_channel"
    assert response.json()["text"] == "U2147483697: 0"
    time.sleep(0.1)
    assert slack_api.requests == []  # nothing left to post later


# --- Signatures: forged, replayed, missing ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", [COMMANDS, EVENTS])
def test_forged_signature_is_rejected_and_nothing_is_stored(client: Client, editor: User, path: str) -> None:
    link(editor)
    body = json.dumps(fixture_data("slack", "app_mention")).encode()
    headers = slack_headers(body, secret="not-the-signing-secret")
    response = client.post(path, body, content_type="application/json", **headers)
    assert response.status_code == 401
    assert DeliveredEvent.objects.count() == 0
    assert Question.objects.count() == 0


@pytest.mark.django_db
def test_replayed_request_older_than_five_minutes_is_rejected(client: Client) -> None:
    body = urlencode(fixture_data("slack", "slash_command")).encode()
    headers = slack_headers(body, timestamp=int(time.time()) - 6 * 60)  # correctly signed, but stale
    response = client.post(COMMANDS, body, content_type="application/x-www-form-urlencoded", **headers)
    assert response.status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_X_SLACK_REQUEST_TIMESTAMP": "yesterday", "HTTP_X_SLACK_SIGNATURE": "v0=00"},
        {"HTTP_X_SLACK_REQUEST_TIMESTAMP": str(int(time.time())), "HTTP_X_SLACK_SIGNATURE": "garbage"},
    ],
)
def test_missing_or_malformed_signature_headers(client: Client, headers: dict[str, str]) -> None:
    response = client.post(EVENTS, b"{}", content_type="application/json", **headers)
    assert response.status_code == 401


@pytest.mark.django_db
def test_unset_signing_secret_rejects_everything(client: Client) -> None:
    body = json.dumps(fixture_data("slack", "url_verification")).encode()
    with override_settings(SLACK_SIGNING_SECRET=""):
        response = client.post(EVENTS, body, content_type="application/json", **slack_headers(body, secret=""))
    assert response.status_code == 401


# --- Bad payloads: 400, never 500 -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[1, 2, 3]", b'"just a string"', b"", b'{"type": "url_verification"}'],
)
def test_events_garbage_is_400(client: Client, body: bytes) -> None:
    response = client.post(EVENTS, body, content_type="application/json", **slack_headers(body))
    assert response.status_code == 400
    assert response.json()["ok"] is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    "mutate",
    [
        lambda p: p.pop("event"),
        lambda p: p.__setitem__("event", "app_mention"),
        lambda p: p.pop("event_id"),
        lambda p: p["event"].pop("user"),
        lambda p: p["event"].pop("channel"),
        lambda p: p["event"].pop("ts"),
        lambda p: p["event"].__setitem__("user", 12345),
        lambda p: p["event"].__setitem__("text", ["help"]),
    ],
)
def test_app_mention_with_missing_or_mistyped_fields_is_400(client: Client, mutate: Any) -> None:
    payload = fixture_data("slack", "app_mention")
    mutate(payload)
    response = post_json(client, payload)
    assert response.status_code == 400
    assert DeliveredEvent.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("body", [b"%%%=&&&", b"user_id=U1&text=help", b"{json: 1}", b"user_id=U1&user_id"])
def test_slash_command_garbage_is_400(client: Client, body: bytes) -> None:
    response = client.post(COMMANDS, body, content_type="application/x-www-form-urlencoded", **slack_headers(body))
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("path", [COMMANDS, EVENTS])
def test_body_that_is_not_utf8_cannot_carry_a_slack_signature(client: Client, path: str) -> None:
    body = b"\xff\xfe\x00text=help"
    response = client.post(path, body, content_type="application/json", **slack_headers(body))
    assert response.status_code == 401


# --- app_mention (Events API) -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_app_mention_answers_in_thread(client: Client, editor: User, slack_api: FakeSlackAPI, settings: Any) -> None:
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    link(editor)
    payload = fixture_data("slack", "app_mention")
    response = post_json(client, payload)
    assert response.status_code == 200
    assert response.content == b""

    (call,) = slack_api.wait(1)
    # "help" is ephemeral: only the asker sees it, in the mention's thread.
    assert call.path == "/api/chat.postEphemeral"
    assert call.headers["authorization"] == "Bearer xoxb-test-token"
    assert call.data["channel"] == "C2147483705"
    assert call.data["user"] == "U2147483697"
    assert call.data["thread_ts"] == payload["event"]["ts"]
    assert call.data["blocks"][0]["type"] == "section"
    assert call.data["text"]


@pytest.mark.django_db
def test_app_mention_inside_a_thread_replies_to_that_thread(
    client: Client, editor: User, slack_api: FakeSlackAPI, settings: Any
) -> None:
    settings.SLACK_API_URL = slack_api.url + "/api"  # no trailing slash: still works
    link(editor)
    payload = fixture_data("slack", "app_mention")
    payload["event"]["thread_ts"] = "1515449000.000001"
    assert post_json(client, payload).status_code == 200
    (call,) = slack_api.wait(1)
    assert call.data["thread_ts"] == "1515449000.000001"


@pytest.mark.django_db
def test_app_mention_retry_is_answered_once(
    client: Client, editor: User, slack_api: FakeSlackAPI, settings: Any
) -> None:
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    link(editor)
    payload = fixture_data("slack", "app_mention")
    assert post_json(client, payload).status_code == 200
    retry = post_json(client, payload, HTTP_X_SLACK_RETRY_NUM="1", HTTP_X_SLACK_RETRY_REASON="http_timeout")
    assert retry.status_code == 200
    time.sleep(0.2)
    assert len(slack_api.wait(1)) == 1
    assert DeliveredEvent.objects.filter(platform="slack", event_id=payload["event_id"]).count() == 1


@pytest.mark.django_db
def test_app_mention_from_unlinked_account_gets_ephemeral_notice(
    client: Client, slack_api: FakeSlackAPI, settings: Any
) -> None:
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    assert post_json(client, fixture_data("slack", "app_mention")).status_code == 200
    (call,) = slack_api.wait(1)
    assert call.path == "/api/chat.postEphemeral"
    assert "not linked to Flightcheck" in call.data["text"]


@pytest.mark.django_db
def test_app_mention_without_permission_gets_ephemeral_refusal(
    client: Client, outsider: User, slack_api: FakeSlackAPI, settings: Any
) -> None:
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    link(outsider)
    payload = fixture_data("slack", "app_mention")
    payload["event"]["text"] = "<@U0LAN0Z89> how many U-2 missions near Texas in February?"
    assert post_json(client, payload).status_code == 200
    (call,) = slack_api.wait(1)
    assert call.path == "/api/chat.postEphemeral"


@pytest.mark.django_db
def test_bot_messages_and_other_events_are_ignored(client: Client, slack_api: FakeSlackAPI, settings: Any) -> None:
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    from_bot = fixture_data("slack", "app_mention")
    from_bot["event"]["bot_id"] = "B0001"
    other = fixture_data("slack", "app_mention")
    other["event"]["type"] = "reaction_added"
    other["event_id"] = "Ev0OTHER"
    for payload in (from_bot, other, {"type": "app_rate_limited", "team_id": "T0001"}):
        assert post_json(client, payload).status_code == 200
    time.sleep(0.2)
    assert slack_api.requests == []


@pytest.mark.django_db
def test_app_mention_through_the_celery_task(
    client: Client,
    editor: User,
    slack_api: FakeSlackAPI,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """With a broker, the view enqueues answer_app_mention on commit; run here through Celery's own apply()."""
    from bot.slack.tasks import answer_app_mention

    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    settings.SLACK_EVENTS_IN_PROCESS = False
    from celery import current_app

    monkeypatch.setitem(current_app.conf, "task_always_eager", False)  # as with a broker
    enqueued: list[dict[str, Any]] = []

    def delay(**kwargs: Any) -> Any:
        enqueued.append(kwargs)
        return answer_app_mention.apply(kwargs=kwargs)

    monkeypatch.setattr(answer_app_mention, "delay", delay)
    link(editor)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert post_json(client, fixture_data("slack", "app_mention")).status_code == 200
    assert len(callbacks) == 1
    assert json.loads(json.dumps(enqueued)) == enqueued  # JSON-serialisable task arguments
    assert enqueued[0]["thread_ts"] == "1515449522.000016"
    assert enqueued[0]["bot_user_id"] == "U0LAN0Z89"
    (call,) = slack_api.wait(1)
    assert call.path == "/api/chat.postEphemeral"


@pytest.mark.django_db
def test_slack_api_refusal_does_not_break_the_acknowledgement(
    client: Client, editor: User, slack_api: FakeSlackAPI, settings: Any
) -> None:
    settings.SLACK_API_URL = f"{slack_api.url}/api/"
    slack_api.api_response = {"ok": False, "error": "channel_not_found"}
    link(editor)
    assert post_json(client, fixture_data("slack", "app_mention")).status_code == 200
    assert len(slack_api.wait(1)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<@U0LAN0Z89> help", "help"),
        ("<@U0LAN0Z89|flightcheck>: how many P-8s?", "how many P-8s?"),
        ("hey <@U0LAN0Z89>, list them", "hey list them"),
        ("<@U0OTHER> <@U0LAN0Z89> and in January?", "and in January?"),
        ("<@U0LAN0Z89>", ""),
    ],
)
def test_mention_is_stripped_from_the_question(text: str, expected: str) -> None:
    from bot.slack.tasks import strip_mention

    assert strip_mention(text, "U0LAN0Z89") == expected


# --- Broker outage (issue 12 defect 4) ------------------------------------------------------------------------------


@pytest.fixture
def queued_through_a_broker(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Mentions go through Celery (not answered in-process), published to the broker the test points at."""
    from celery import current_app

    settings.SLACK_EVENTS_IN_PROCESS = False
    monkeypatch.setitem(current_app.conf, "task_always_eager", False)

    def use_broker(url: str) -> None:
        monkeypatch.setitem(current_app.conf, "broker_url", url)
        monkeypatch.setitem(current_app.conf, "broker_write_url", url)
        # Celery's broker_url setting prefers the CELERY_BROKER_URL environment variable (set under .ci/run), so the
        # read side must be pointed at the same broker explicitly, or the test reads the queue of another broker.
        monkeypatch.setitem(current_app.conf, "broker_read_url", url)
        monkeypatch.setattr(current_app, "_pool", None)  # connections are pooled per app: start afresh
        monkeypatch.setattr(current_app.amqp, "_producer_pool", None)

    return use_broker


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # free once closed: nothing listens there


def _queued_mentions(thread_ts: str) -> list[dict[str, Any]]:
    """The answer tasks waiting in the (in-memory) broker's queue for this thread."""
    from celery import current_app

    found = []
    with current_app.connection_for_read() as conn:
        queue = conn.SimpleQueue(current_app.conf.task_default_queue)
        while True:
            try:
                message = queue.get(block=False)
            except queue.Empty:
                break
            message.ack()
            _args, kwargs, _embed = message.decode()  # Celery message protocol 2: [args, kwargs, embed]
            if message.headers.get("task") == "bot.slack.answer_app_mention" and kwargs.get("thread_ts") == thread_ts:
                found.append(kwargs)
        queue.close()
    return found


@pytest.mark.django_db(transaction=True)
def test_mention_during_a_broker_outage_is_answered_on_slacks_retry(
    client: Client, editor: User, queued_through_a_broker: Any
) -> None:
    link(editor)
    payload = fixture_data("slack", "app_mention")
    queued_through_a_broker(f"redis://127.0.0.1:{_closed_port()}/0")  # the broker is down
    started = time.monotonic()
    refused = post_json(client, payload)
    assert time.monotonic() - started < 3.0  # Slack waits 3 s for its acknowledgement
    assert refused.status_code == 503, refused.content
    assert refused.json() == {"ok": False, "error": "the answer queue is unavailable; retry later"}
    assert not DeliveredEvent.objects.filter(event_id=payload["event_id"]).exists()  # nothing recorded as answered

    queued_through_a_broker("memory://localhost/")  # the broker is back; Slack retries the same event
    retry = post_json(client, payload, HTTP_X_SLACK_RETRY_NUM="1", HTTP_X_SLACK_RETRY_REASON="http_error")
    assert retry.status_code == 200
    assert DeliveredEvent.objects.filter(event_id=payload["event_id"]).count() == 1
    (job,) = _queued_mentions(payload["event"]["ts"])
    assert job["user"] == payload["event"]["user"] and job["channel"] == payload["event"]["channel"]
    again = post_json(client, payload, HTTP_X_SLACK_RETRY_NUM="2", HTTP_X_SLACK_RETRY_REASON="http_timeout")
    assert again.status_code == 200 and _queued_mentions(payload["event"]["ts"]) == []  # answered once
