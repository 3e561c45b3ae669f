"""The Matrix bot's pictures against a real homeserver (Synapse, as in test_matrix_synapse.py; marker ``slow``): a
question with records is answered in its thread by the text (m.notice) and then the map as an ``m.image`` whose
media, downloaded back from the homeserver's media repository, is the PNG. On the demo (its own module: the demo and
test_matrix_synapse.py's users would collide)."""
from __future__ import annotations

import asyncio
import io
import json
import urllib.request
from typing import Any

import numpy as np
import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth.models import User
from nio import RoomCreateResponse
from PIL import Image

from bot.matrix.bot import MatrixBot
from bot.models import ChatIdentity
from tests.chat.test_matrix_synapse import (  # noqa: F401
    PASSWORDS,
    Homeserver,
    bot_replies,
    homeserver,
    joined,
    login,
    send,
)

pytestmark = pytest.mark.slow

QUESTION = "how many surveillance missions near the border between 25 January and 5 February 2025?"


def download(server: str, mxc: str, token: str) -> tuple[bytes, str]:
    """The media behind an ``mxc://`` URL through the authenticated media API (Matrix 1.11)."""
    origin, media_id = mxc.removeprefix("mxc://").split("/", 1)
    request = urllib.request.Request(f"{server}/_matrix/client/v1/media/download/{origin}/{media_id}",
                                     headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.read(), response.headers.get("Content-Type", "")


@pytest.mark.django_db
def test_answer_with_records_arrives_with_its_map_as_m_image(homeserver: Homeserver, demo: Any) -> None:  # noqa: F811
    editor = User.objects.get(username="editor")
    ChatIdentity.objects.create(platform="matrix", workspace="localhost", external_id="@editor:localhost", user=editor)

    async def scenario() -> dict[str, Any]:
        editor_client = await login(homeserver.url, "editor")
        created = await editor_client.room_create(name="Pictures desk", invite=["@flightcheck:localhost"])
        assert isinstance(created, RoomCreateResponse), created
        room_id = created.room_id
        bot = MatrixBot(homeserver.url, "@flightcheck:localhost", PASSWORDS["flightcheck"])
        stop = asyncio.Event()
        await bot.start()
        runner = asyncio.ensure_future(bot.run(stop=stop, sync_timeout_ms=500))
        try:
            await joined(bot, room_id)
            question = await send(editor_client, room_id, f"flightcheck: {QUESTION}")
            replies = await bot_replies(editor_client, room_id, expected=2, timeout=90)
            media = [download(homeserver.url, r["content"]["url"], editor_client.access_token)
                     for r in replies if r["content"].get("msgtype") == "m.image"]
        finally:
            stop.set()
            await runner
            await bot.close()
            await editor_client.close()
        return {"question": question, "replies": replies, "media": media}

    result = async_to_sync(scenario)()
    replies = [r["content"] for r in result["replies"]]
    assert [r["msgtype"] for r in replies] == ["m.notice", "m.image"], json.dumps(replies)[:2000]
    text, image = replies
    for content in (text, image):
        assert content["m.relates_to"]["rel_type"] == "m.thread"
        assert content["m.relates_to"]["event_id"] == result["question"]
    assert "surveillance" in text["body"]
    assert image["body"] == text["body"].split("\n", 1)[0]  # the text alternative: the answer's own text
    assert image["url"].startswith("mxc://localhost/")
    assert image["filename"] == "flightcheck-map.png"
    (data, content_type), = result["media"]
    assert content_type == "image/png"
    assert image["info"] == {"mimetype": "image/png", "size": len(data), "w": 900, "h": 640}
    png = Image.open(io.BytesIO(data))
    assert png.format == "PNG" and png.size == (900, 640)
    colours = np.unique(np.asarray(png.convert("RGB")).reshape(-1, 3), axis=0)
    assert len(colours) > 50  # a drawn map, not a blank image
