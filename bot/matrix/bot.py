"""The Matrix bot: a matrix-nio AsyncClient that joins the rooms it is invited to and answers mentions in threads.

It ignores its own messages and everything sent before it started (the first sync's backlog and any event whose
server timestamp predates the start), answers each event id once (DeliveredEvent), and maps the sender's Matrix id
to a Flightcheck user through ChatIdentity (workspace = the sender's server name, or blank for any server).
"""
from __future__ import annotations

import asyncio
import io
import logging
import re
import time
from typing import Any

from aiohttp import ClientConnectionError
from asgiref.sync import sync_to_async
from django.db import close_old_connections, connection
from nio import (
    AsyncClient,
    AsyncClientConfig,
    InviteMemberEvent,
    JoinError,
    LoginResponse,
    MatrixRoom,
    RoomMessageText,
    RoomSendError,
    SyncError,
    UploadResponse,
)

from bot.answers import Answer
from bot.matrix.render import image_content, reply_content
from bot.models import Platform
from bot.platforms import Asker, ask_as, first_delivery

logger = logging.getLogger(__name__)

#: Clock skew tolerated between this host and the homeserver when a message carries no ``unsigned.age``.
CLOCK_SKEW_MS = 5_000
#: Network latency tolerated when a message's age (from the homeserver) says when it was sent.
LATENCY_MS = 500


class MatrixBotError(RuntimeError):
    """The bot cannot start (bad homeserver, wrong password)."""


def server_name(user_id: str) -> str:
    """``@editor:example.org`` → ``example.org``."""
    return user_id.partition(":")[2]


def thread_root(event: RoomMessageText) -> str:
    """The thread a message belongs to, or the message itself when it is not in a thread."""
    relates = event.source.get("content", {}).get("m.relates_to")
    if isinstance(relates, dict) and relates.get("rel_type") == "m.thread" and isinstance(relates.get("event_id"), str):
        return relates["event_id"]
    return event.event_id


def _refresh_connections() -> None:
    """A long-running process must drop stale connections; never inside an open transaction (a test's)."""
    if not connection.in_atomic_block:
        close_old_connections()


def _answer_sync(asker: Asker, text: str, event_id: str) -> Answer | None:
    """The database part, run in a worker thread: once per event id, identity, ask."""
    _refresh_connections()
    try:
        if not first_delivery(Platform.MATRIX, event_id):
            return None
        return ask_as(asker, text)
    finally:
        _refresh_connections()


class MatrixBot:
    def __init__(self, homeserver: str, user_id: str, password: str, *, device_name: str = "Flightcheck bot") -> None:
        self.user_id = user_id
        self.password = password
        self.device_name = device_name
        self.client = AsyncClient(
            homeserver,
            user_id,
            # Give up on a request after a few connection errors (the run loop backs off and syncs again);
            # nio's default retries forever, which would hang a login against an unreachable server.
            config=AsyncClientConfig(
                encryption_enabled=False,
                store_sync_tokens=False,
                request_timeout=60,
                max_timeouts=3,
                max_timeout_retry_wait_time=10,
            ),
        )
        self.display_name = ""
        self.started_ms = 0
        self.answered = 0

    # --- Mentions ------------------------------------------------------------------------------------------------

    def _names(self) -> list[str]:
        names = [self.user_id, self.user_id.partition(":")[0].lstrip("@")]
        if self.display_name:
            names.append(self.display_name)
        return [n for n in names if n]

    @staticmethod
    def _addressed(name: str) -> re.Pattern[str]:
        """``name: …``, ``name, …`` or ``@name …`` at the start of a message."""
        return re.compile(rf"^\s*(?:@{re.escape(name)}\b[\s:,]*|{re.escape(name)}\s*[:,]\s*)", re.IGNORECASE)

    def mentions_me(self, event: RoomMessageText) -> bool:
        content = event.source.get("content", {})
        mentions = content.get("m.mentions")
        if isinstance(mentions, dict) and self.user_id in (mentions.get("user_ids") or []):
            return True
        body = event.body or ""
        if self.user_id in body or f"matrix.to/#/{self.user_id}" in (event.formatted_body or ""):
            return True
        # Clients that predate m.mentions write "Name: question" (or "@name question").
        return any(self._addressed(name).match(body) for name in self._names()[1:])

    def question(self, event: RoomMessageText) -> str:
        body = (event.body or "").replace(self.user_id, " ")
        # Drop a quoted reply fallback ("> <@x> …" lines) and the addressee prefix.
        body = "\n".join(line for line in body.splitlines() if not line.startswith("> "))
        for name in self._names()[1:]:
            body = self._addressed(name).sub("", body)
        return body.strip(" \t\n:,")

    def is_old(self, event: RoomMessageText) -> bool:
        """Sent before the bot started. The homeserver's ``unsigned.age`` (ms since it received the event) dates the
        message on our own clock; without it, the server timestamp is compared with a clock-skew allowance."""
        age = event.source.get("unsigned", {}).get("age")
        if isinstance(age, int) and age >= 0:
            return time.time() * 1000 - age < self.started_ms - LATENCY_MS
        return event.server_timestamp < self.started_ms - CLOCK_SKEW_MS

    # --- Callbacks -------------------------------------------------------------------------------------------------

    async def on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key != self.user_id or event.membership != "invite":
            return
        result = await self.client.join(room.room_id)
        if isinstance(result, JoinError):
            logger.warning("Matrix: could not join %s: %s", room.room_id, result.message)
        else:
            logger.info("Matrix: joined %s (invited by %s)", room.room_id, event.sender)

    async def on_message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        if event.sender == self.user_id or self.is_old(event):
            return
        if not self.mentions_me(event):
            return
        root = thread_root(event)
        asker = Asker(
            platform=Platform.MATRIX,
            external_id=event.sender,
            workspace=server_name(event.sender),
            channel=room.room_id,
            thread=root,
        )
        text = self.question(event) or "help"
        answer = await sync_to_async(_answer_sync, thread_sensitive=True)(asker, text, event.event_id)
        if answer is None:
            return  # already answered (redelivered event)
        content = reply_content(answer, thread_root=root, in_reply_to=event.event_id, asker=event.sender)
        try:
            result = await self.client.room_send(room.room_id, "m.room.message", content)
        except (TimeoutError, ClientConnectionError, OSError) as exc:
            logger.warning("Matrix: could not reply in %s: %s", room.room_id, exc)
            return
        if isinstance(result, RoomSendError):
            logger.warning("Matrix: could not reply in %s: %s", room.room_id, result.message)
        else:
            self.answered += 1
            if answer.picture:
                await self.send_picture(room.room_id, answer, thread_root=root, in_reply_to=event.event_id)

    async def send_picture(self, room_id: str, answer: Answer, *, thread_root: str, in_reply_to: str) -> bool:
        """Upload the answer's PNG to the homeserver's media repository and post it as an ``m.image`` in the thread
        (its body is the text alternative). Any failure is logged and swallowed: the answer's text is already
        posted."""
        from PIL import Image

        from bot.pictures import render_png

        try:
            png = await sync_to_async(render_png, thread_sensitive=True)(answer.picture)
            uploaded, _ = await self.client.upload(
                io.BytesIO(png), content_type="image/png", filename=(answer.picture or {}).get("filename"),
                filesize=len(png),
            )
            if not isinstance(uploaded, UploadResponse):
                logger.warning("Matrix: could not upload a picture: %s", getattr(uploaded, "message", uploaded))
                return False
            width, height = Image.open(io.BytesIO(png)).size
            content = image_content(answer, mxc_url=uploaded.content_uri, size=len(png), width=width, height=height,
                                    thread_root=thread_root, in_reply_to=in_reply_to)
            result = await self.client.room_send(room_id, "m.room.message", content)
        except Exception:  # the picture is extra: nothing in it may stop the bot or cost the answer
            logger.exception("Matrix: could not send a picture in %s", room_id)
            return False
        if isinstance(result, RoomSendError):
            logger.warning("Matrix: could not send a picture in %s: %s", room_id, result.message)
            return False
        return True

    # --- Lifecycle -------------------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Log in, skip the backlog (first sync), join pending invites, then listen."""
        try:
            response = await self.client.login(self.password, device_name=self.device_name)
        except (TimeoutError, ClientConnectionError, OSError) as exc:
            raise MatrixBotError(f"Matrix login as {self.user_id} failed: cannot reach the homeserver ({exc})") from exc
        if not isinstance(response, LoginResponse):
            raise MatrixBotError(f"Matrix login as {self.user_id} failed: {getattr(response, 'message', response)}")
        self.user_id = response.user_id
        self.started_ms = int(time.time() * 1000)
        name = await self.client.get_displayname(self.user_id)
        self.display_name = getattr(name, "displayname", None) or ""
        first = await self.client.sync(timeout=0, full_state=True)
        if isinstance(first, SyncError):
            raise MatrixBotError(f"Matrix first sync failed: {first.message}")
        for room_id in list(self.client.invited_rooms):
            await self.client.join(room_id)
        self.client.add_event_callback(self.on_invite, InviteMemberEvent)  # type: ignore[arg-type]
        self.client.add_event_callback(self.on_message, RoomMessageText)  # type: ignore[arg-type]

    async def run(self, *, stop: asyncio.Event | None = None, sync_timeout_ms: int = 30_000) -> None:
        """Sync until ``stop`` is set (or forever); network errors back off and retry."""
        stop = stop or asyncio.Event()
        backoff = 1.0
        while not stop.is_set():
            sync = asyncio.ensure_future(self.client.sync(timeout=sync_timeout_ms))
            stopper = asyncio.ensure_future(stop.wait())
            done, _ = await asyncio.wait({sync, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if sync not in done:
                sync.cancel()
                break
            stopper.cancel()
            try:
                result: Any = sync.result()
            except Exception as exc:  # aiohttp/network errors: keep running
                result = exc
            if isinstance(result, SyncError | Exception):
                reason = getattr(result, "message", result)
                logger.warning("Matrix sync failed (%s); retrying in %.0f s", reason, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 60.0)
            else:
                backoff = 1.0

    async def close(self) -> None:
        """Log out (so restarts do not pile up devices) and close the HTTP session."""
        try:
            if self.client.logged_in:
                await self.client.logout()
        except (TimeoutError, ClientConnectionError, OSError) as exc:
            logger.warning("Matrix: logout failed: %s", exc)
        finally:
            await self.client.close()
