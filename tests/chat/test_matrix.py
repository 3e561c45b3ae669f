"""Matrix bot without a homeserver: captured events (bot/matrix/fixtures/) through the bot's callbacks.

The client's two outbound calls (join, room_send) are recorded instead of sent; the real round trip against a Synapse
homeserver is tests/chat/test_matrix_synapse.py.
"""
from __future__ import annotations

import time
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from nio import InviteMemberEvent, MatrixRoom, RoomMessageText

from bot.matrix.bot import MatrixBot, server_name, thread_root
from bot.models import ChatIdentity, DeliveredEvent
from tests.chat.conftest import fixture_data

BOT_ID = "@flightcheck:localhost"


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, dict[str, Any]]] = []
        self.joined: list[str] = []

    async def room_send(self, room_id: str, message_type: str, content: dict[str, Any]) -> object:
        self.sent.append((room_id, message_type, content))
        return object()

    async def join(self, room_id: str) -> object:
        self.joined.append(room_id)
        return object()


@pytest.fixture
def bot() -> tuple[MatrixBot, Recorder]:
    matrix_bot = MatrixBot("http://127.0.0.1:1", BOT_ID, "unused")
    matrix_bot.display_name = "Flightcheck"
    matrix_bot.started_ms = int(time.time() * 1000) - 10_000  # started 10 s ago; the fixtures are 50-120 ms old
    recorder = Recorder()
    matrix_bot.client.room_send = recorder.room_send  # type: ignore[method-assign]
    matrix_bot.client.join = recorder.join  # type: ignore[method-assign]
    return matrix_bot, recorder


def message(name: str, **changes: Any) -> RoomMessageText:
    data = fixture_data("matrix", name)
    data.update(changes)
    event = RoomMessageText.from_dict(data)
    assert isinstance(event, RoomMessageText)
    return event


ROOM = MatrixRoom("!desk:localhost", BOT_ID)


def test_mentions_and_questions(bot: tuple[MatrixBot, Recorder]) -> None:
    matrix_bot, _ = bot
    assert matrix_bot.mentions_me(message("mention"))
    assert matrix_bot.question(message("mention")) == "help"
    assert matrix_bot.mentions_me(message("mention_in_thread"))
    assert matrix_bot.question(message("mention_in_thread")) == "list them"
    assert not matrix_bot.mentions_me(message("plain_message"))
    legacy = message("plain_message", content={"msgtype": "m.text", "body": "flightcheck, how many P-8s last week?"})
    assert matrix_bot.mentions_me(legacy)
    assert matrix_bot.question(legacy) == "how many P-8s last week?"


def test_thread_root_and_server_name() -> None:
    assert thread_root(message("mention")) == fixture_data("matrix", "mention")["event_id"]
    assert thread_root(message("mention_in_thread")) == fixture_data("matrix", "mention")["event_id"]
    assert server_name("@editor:example.org") == "example.org"


@pytest.mark.django_db
def test_mention_gets_a_threaded_reply(bot: tuple[MatrixBot, Recorder], editor: User) -> None:
    matrix_bot, recorder = bot
    ChatIdentity.objects.create(platform="matrix", workspace="localhost", external_id="@editor:localhost", user=editor)
    event = message("mention")
    async_to_sync(matrix_bot.on_message)(ROOM, event)
    (room_id, kind, content) = recorder.sent[0]
    assert (room_id, kind) == ("!desk:localhost", "m.room.message")
    assert content["m.relates_to"]["rel_type"] == "m.thread"
    assert content["m.relates_to"]["event_id"] == event.event_id
    assert content["m.relates_to"]["m.in_reply_to"] == {"event_id": event.event_id}
    from bot.services import ask

    assert content["body"].startswith(ask(text="help", user=editor, platform="matrix").text[:100])

    # A redelivered event is answered once.
    async_to_sync(matrix_bot.on_message)(ROOM, event)
    assert len(recorder.sent) == 1
    assert DeliveredEvent.objects.filter(platform="matrix", event_id=event.event_id).count() == 1


@pytest.mark.django_db
def test_follow_up_in_a_thread_stays_in_that_thread(bot: tuple[MatrixBot, Recorder], editor: User) -> None:
    matrix_bot, recorder = bot
    ChatIdentity.objects.create(platform="matrix", workspace="", external_id="@editor:localhost", user=editor)
    async_to_sync(matrix_bot.on_message)(ROOM, message("mention_in_thread"))
    relates = recorder.sent[0][2]["m.relates_to"]
    assert relates["event_id"] == fixture_data("matrix", "mention")["event_id"]
    assert relates["m.in_reply_to"]["event_id"] == fixture_data("matrix", "mention_in_thread")["event_id"]


@pytest.mark.django_db
def test_unlinked_sender_is_told_so(bot: tuple[MatrixBot, Recorder]) -> None:
    matrix_bot, recorder = bot
    async_to_sync(matrix_bot.on_message)(ROOM, message("mention"))
    assert "not linked to Flightcheck" in recorder.sent[0][2]["body"]


@pytest.mark.django_db
def test_own_old_and_unaddressed_messages_are_ignored(bot: tuple[MatrixBot, Recorder]) -> None:
    matrix_bot, recorder = bot
    own = message("mention", sender=BOT_ID, event_id="$own")
    old = message("mention", unsigned={"age": 60_000}, event_id="$old")
    undated_old = message("mention", unsigned={}, origin_server_ts=matrix_bot.started_ms - 60_000, event_id="$older")
    for event in (own, old, undated_old, message("plain_message")):
        async_to_sync(matrix_bot.on_message)(ROOM, event)
    assert recorder.sent == []
    assert DeliveredEvent.objects.count() == 0


def test_joins_only_its_own_invites(bot: tuple[MatrixBot, Recorder]) -> None:
    matrix_bot, recorder = bot
    invite = InviteMemberEvent.from_dict(fixture_data("matrix", "invite"))
    async_to_sync(matrix_bot.on_invite)(ROOM, invite)
    other = InviteMemberEvent.from_dict({**fixture_data("matrix", "invite"), "state_key": "@someone:localhost"})
    async_to_sync(matrix_bot.on_invite)(ROOM, other)
    assert recorder.joined == ["!desk:localhost"]


def test_command_refuses_to_start_unconfigured(settings: Any) -> None:
    settings.MATRIX_HOMESERVER = ""
    with pytest.raises(CommandError, match="MATRIX_HOMESERVER"):
        call_command("matrix_bot", homeserver="", user_id="", password="")


def test_command_reports_an_unreachable_homeserver() -> None:
    started = time.monotonic()
    with pytest.raises(CommandError, match="login"):
        call_command("matrix_bot", homeserver="http://127.0.0.1:9", user_id=BOT_ID, password="pw")
    assert time.monotonic() - started < 30
