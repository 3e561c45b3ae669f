"""The Matrix bot against a real homeserver: Synapse on 127.0.0.1 (matrix-synapse in its own venv, test-only).

Synapse is found at ``.venv-synapse/bin/python`` (``SYNAPSE_PYTHON`` overrides); ``scripts/synapse/install.sh``
installs it. Without it the test is skipped (and fails under .ci/run, which installs it). The homeserver config comes
from ``scripts/synapse/make_config.py`` (``trusted_key_servers: []``, closed registration, no rate limits); users are
created with ``register_new_matrix_user`` and the shared secret.

The bot runs in this process (``MatrixBot``, as ``manage.py matrix_bot`` runs it) under ``async_to_sync``, so its
database calls run on the test's thread and see the test's rows.
"""
from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from nio import AsyncClient, LoginResponse, RoomCreateResponse, RoomSendResponse, SyncResponse

from bot.matrix.bot import MatrixBot
from bot.models import ChatIdentity
from tests.conftest import service_unavailable, stop_process

ROOT = Path(__file__).resolve().parents[2]
PASSWORDS = {"flightcheck": "pw-bot-5e1f", "editor": "pw-editor-77a2", "stranger": "pw-stranger-03c9"}

pytestmark = pytest.mark.slow


def synapse_python() -> Path | None:
    candidate = Path(os.environ.get("SYNAPSE_PYTHON") or ROOT / ".venv-synapse" / "bin" / "python")
    if not candidate.exists():
        return None
    probe = subprocess.run([str(candidate), "-c", "import synapse"], capture_output=True, timeout=60)
    return candidate if probe.returncode == 0 else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Homeserver:
    url: str
    config: Path
    log: Path


@pytest.fixture(scope="module")
def homeserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    python = synapse_python()
    if python is None:
        service_unavailable(
            "matrix-synapse is not installed: run scripts/synapse/install.sh (or set SYNAPSE_PYTHON to a Python "
            "with matrix-synapse)"
        )
        return
    directory = tmp_path_factory.mktemp("synapse")
    port = free_port()
    made = subprocess.run(
        [str(python), str(ROOT / "scripts/synapse/make_config.py"), "--dir", str(directory), "--port", str(port)],
        capture_output=True, text=True, timeout=120, check=True,
    )
    config = Path(made.stdout.strip())
    log = directory / "stdout.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(python), "-m", "synapse.app.homeserver", "-c", str(config)],
            cwd=directory, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_matrix/client/versions", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Synapse did not start: {log.read_text()[-3000:]}")
            time.sleep(0.25)
        register = python.parent / "register_new_matrix_user"
        for user, password in PASSWORDS.items():
            subprocess.run(
                [str(register), "-u", user, "-p", password, "--no-admin", "-c", str(config), url],
                capture_output=True, text=True, timeout=120, check=True,
            )
        yield Homeserver(url=url, config=config, log=log)
    finally:
        stop_process(process)


async def login(url: str, localpart: str) -> AsyncClient:
    client = AsyncClient(url, f"@{localpart}:localhost")
    response = await client.login(PASSWORDS[localpart])
    assert isinstance(response, LoginResponse), response
    await client.sync(timeout=0)
    return client


async def send(client: AsyncClient, room_id: str, body: str, *, mention: bool = True, thread: str = "") -> str:
    content: dict[str, Any] = {"msgtype": "m.text", "body": body}
    if mention:
        content["m.mentions"] = {"user_ids": ["@flightcheck:localhost"]}
    if thread:
        content["m.relates_to"] = {"rel_type": "m.thread", "event_id": thread, "is_falling_back": True,
                                   "m.in_reply_to": {"event_id": thread}}
    response = await client.room_send(room_id, "m.room.message", content)
    assert isinstance(response, RoomSendResponse), response
    return response.event_id


async def bot_replies(client: AsyncClient, room_id: str, expected: int, timeout: float = 30) -> list[dict[str, Any]]:
    """The bot's messages in the room, as raw events, once ``expected`` have arrived (or at the timeout)."""
    found: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while len(found) < expected and time.monotonic() < deadline:
        response = await client.sync(timeout=1000)
        assert isinstance(response, SyncResponse), response
        room = response.rooms.join.get(room_id)
        for event in room.timeline.events if room else []:
            if event.sender == "@flightcheck:localhost" and event.source.get("type") == "m.room.message":
                found.append(event.source)
    return found


async def joined(bot: MatrixBot, room_id: str) -> None:
    """Wait (up to 6 s) until the bot has joined the room it was invited to."""
    for _ in range(60):
        if room_id in bot.client.rooms:
            break
        await asyncio.sleep(0.1)
    assert room_id in bot.client.rooms, "the bot did not join the room it was invited to"


@pytest.mark.django_db
def test_editor_asks_in_a_room_and_gets_a_threaded_reply(homeserver: Homeserver, editor: User) -> None:
    ChatIdentity.objects.create(platform="matrix", workspace="localhost", external_id="@editor:localhost", user=editor)
    from bot.services import ask

    help_text = ask(text="help", user=editor, platform="matrix").text

    async def scenario() -> dict[str, Any]:
        editor_client = await login(homeserver.url, "editor")
        stranger = await login(homeserver.url, "stranger")
        created = await editor_client.room_create(name="Defence desk", invite=["@flightcheck:localhost"])
        assert isinstance(created, RoomCreateResponse), created
        room_id = created.room_id
        await editor_client.room_invite(room_id, "@stranger:localhost")
        await stranger.join(room_id)
        old_question = await send(editor_client, room_id, "flightcheck: help (asked before the bot started)")
        await asyncio.sleep(1.2)  # clearly older than the bot's start

        bot = MatrixBot(homeserver.url, "@flightcheck:localhost", PASSWORDS["flightcheck"])
        stop = asyncio.Event()
        await bot.start()  # logs in, skips the backlog, joins the pending invite
        runner = asyncio.ensure_future(bot.run(stop=stop, sync_timeout_ms=500))
        try:
            await joined(bot, room_id)

            question = await send(editor_client, room_id, "Flightcheck: help")
            await send(editor_client, room_id, "lunch anyone?", mention=False)
            follow_up = await send(editor_client, room_id, "@flightcheck:localhost help", thread=question)
            from_stranger = await send(stranger, room_id, "flightcheck: help")
            replies = await bot_replies(editor_client, room_id, expected=3)
            replies += await bot_replies(editor_client, room_id, expected=1, timeout=2)  # nothing more should come
        finally:
            stop.set()
            await runner
            await bot.close()
            await editor_client.close()
            await stranger.close()
        return {"replies": replies, "question": question, "follow_up": follow_up, "stranger": from_stranger,
                "old": old_question, "answered": bot.answered}

    result = async_to_sync(scenario)()
    replies = result["replies"]
    by_reply_to = {r["content"]["m.relates_to"]["m.in_reply_to"]["event_id"]: r["content"] for r in replies}
    assert len(replies) == 3, [r["content"].get("body") for r in replies]
    assert set(by_reply_to) == {result["question"], result["follow_up"], result["stranger"]}
    assert result["old"] not in by_reply_to
    assert result["answered"] == 3

    answer = by_reply_to[result["question"]]
    assert answer["m.relates_to"]["rel_type"] == "m.thread"
    assert answer["m.relates_to"]["event_id"] == result["question"]  # a new thread rooted at the question
    assert answer["msgtype"] == "m.notice"
    assert answer["body"].startswith(help_text[:200])
    assert answer["format"] == "org.matrix.custom.html"

    in_thread = by_reply_to[result["follow_up"]]
    assert in_thread["m.relates_to"]["rel_type"] == "m.thread"
    assert in_thread["m.relates_to"]["event_id"] == result["question"]  # stays in the same thread

    assert "not linked to Flightcheck" in by_reply_to[result["stranger"]]["body"]


@pytest.mark.django_db  # grouped with the test above (pytest-django orders db tests first): one homeserver start
def test_matrix_bot_command_against_the_homeserver(homeserver: Homeserver, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(CommandError, match="login"):
        call_command("matrix_bot", homeserver=homeserver.url, user_id="@flightcheck:localhost", password="wrong")
    call_command(
        "matrix_bot",
        homeserver=homeserver.url,
        user_id="@flightcheck:localhost",
        password=PASSWORDS["flightcheck"],
        max_seconds=1.5,
        sync_timeout=500,
    )
    output = capsys.readouterr().out
    assert "listening" in output
    assert "stopped after answering 0 message(s)" in output
