"""Pictures in chat, on the demo: answers with records carry a picture; "show me a map" / "chart it" follow-ups;
Matrix's m.image through a recorded client, the web chat's inline image. Each platform's upload through its real
interface: tests/chat/test_pictures.py (and test_matrix_synapse_pictures.py against a real homeserver)."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest
from asgiref.sync import async_to_sync
from django.test import Client
from nio import UploadResponse
from PIL import Image

from bot.matrix.bot import MatrixBot
from bot.pictures import picture_request
from bot.services import ask

QUESTION = "how many surveillance missions near the border between 25 January and 5 February 2025?"


@pytest.fixture
def vocab(demo):
    from bot.parsing import load_vocab
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    load_vocab(refresh=True)
    return demo


def ask_editor(editor, text: str, thread: str = "t1"):
    return ask(text=text, user=editor, platform="api", channel="c1", thread=thread, user_key=f"user:{editor.pk}")


def png_of(client: Client, url: str) -> Image.Image:
    path = url.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path)
    assert response.status_code == 200, response.content[:200]
    return Image.open(io.BytesIO(response.content))


def test_picture_request_words():
    assert picture_request("show me a map") == "map"
    assert picture_request("Map it, please") == "map"
    assert picture_request("chart it") == "chart"
    assert picture_request("map of Texas") == ""  # a question, not a picture request
    assert picture_request("how many missions near Texas?") == ""


def test_answer_with_records_carries_a_map(vocab, editor, client):
    answer = ask_editor(editor, QUESTION)
    assert answer.count and answer.missions
    picture = answer.picture
    assert picture["kind"] == "map" and picture["alt"] == answer.text
    assert "/scope/map?" in picture["map_url"] and "surveillance=true" in picture["map_url"]
    image = png_of(client, picture["url"])  # no session: the signed link is enough
    assert image.size == (900, 640)
    assert answer.to_dict()["picture"] == picture


def test_show_me_a_map_and_chart_it_follow_ups(vocab, editor, client):
    ask_editor(editor, QUESTION)
    answer = ask_editor(editor, "show me a map")
    assert not answer.declined and answer.picture["kind"] == "map"
    assert answer.text.startswith("Map of the missions")
    answer = ask_editor(editor, "chart it")
    assert answer.picture["kind"] == "timeline"
    assert png_of(client, answer.picture["url"]).size == (900, 420)
    ask_editor(editor, "surveillance missions per day between 25 January and 5 February 2025", thread="t2")
    answer = ask_editor(editor, "chart it", thread="t2")
    assert answer.picture["kind"] == "breakdown"
    none = ask_editor(editor, "show me a map", thread="fresh")
    assert none.declined and "Ask a question about missions first" in none.text


def test_breakdown_per_operator_carries_its_bar_chart(vocab, editor, client):
    answer = ask_editor(editor, "surveillance missions per operator between 25 January and 5 February 2025")
    assert answer.breakdown and answer.picture["kind"] == "breakdown"
    image = png_of(client, answer.picture["url"])
    assert image.width == 900 and image.height >= 220
    # one bar per operator row: runs of the bars' blue down a column just inside the plot area (it starts at 30 %)
    column = np.asarray(image.convert("RGB")).astype(int)[:, int(0.3 * image.width) + 3]
    is_bar = np.linalg.norm(column - np.array([0x00, 0x72, 0xB2]), axis=1) < 30
    assert int(np.sum(is_bar[1:] & ~is_bar[:-1]) + is_bar[0]) == len(answer.breakdown) >= 2


def _bar_lengths(image: Image.Image) -> list[int]:
    """The length in pixels of each horizontal bar of the bars' blue, top to bottom."""
    pixels = np.asarray(image.convert("RGB")).astype(int)
    blue = np.linalg.norm(pixels - np.array([0x00, 0x72, 0xB2]), axis=2) < 30
    rows = blue.sum(axis=1)
    bars, current = [], 0
    for n in rows:  # a bar is a run of rows holding blue; its length is its widest row
        if n:
            current = max(current, int(n))
        elif current:
            bars.append(current)
            current = 0
    return bars


def test_a_comparison_carries_two_bars_one_per_side_in_proportion(vocab, editor, client):
    answer = ask_editor(editor, "how many P-8 missions over Mexico in 2025, and how many U-2 missions near Arizona in "
                                "February 2025?")
    assert [row["count"] for row in answer.breakdown] == [3, 1]
    assert answer.picture["kind"] == "compare"
    image = png_of(client, answer.picture["url"])
    lengths = _bar_lengths(image)
    assert len(lengths) == 2 and abs(lengths[0] / lengths[1] - 3) < 0.1, lengths
    refused = ask_editor(editor, "show me a map")
    assert refused.declined and "two bars" in refused.text
    again = ask_editor(editor, "chart it")
    assert again.picture["kind"] == "compare" and "against" in again.text
    assert _bar_lengths(png_of(client, again.picture["url"])) == lengths


def test_claims_answers_carry_no_picture(vocab, editor):
    answer = ask_editor(editor, "claims without evidence")
    assert answer.picture is None


# --- platform payloads ---------------------------------------------------------------------------------------------


class MatrixRecorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, dict[str, Any]]] = []
        self.uploads: list[tuple[bytes, str, int]] = []

    async def room_send(self, room_id: str, message_type: str, content: dict[str, Any]) -> object:
        self.sent.append((room_id, message_type, content))
        return object()

    async def upload(self, data_provider: Any, content_type: str, filename: str | None = None,
                     filesize: int | None = None, **_: Any) -> tuple[UploadResponse, None]:
        self.uploads.append((data_provider.read(), content_type, filesize))
        return UploadResponse("mxc://localhost/picture1"), None


def test_matrix_sends_an_m_image_in_the_thread(vocab, editor):
    ask_editor(editor, QUESTION)
    answer = ask_editor(editor, "show me a map")
    bot = MatrixBot("http://127.0.0.1:1", "@flightcheck:localhost", "unused")
    recorder = MatrixRecorder()
    bot.client.room_send = recorder.room_send  # type: ignore[method-assign]
    bot.client.upload = recorder.upload  # type: ignore[method-assign]
    assert async_to_sync(bot.send_picture)("!desk:localhost", answer, thread_root="$root", in_reply_to="$q")
    (data, content_type, size), = recorder.uploads
    assert data.startswith(b"\x89PNG") and content_type == "image/png" and size == len(data)
    (_, kind, content), = recorder.sent
    assert kind == "m.room.message" and content["msgtype"] == "m.image"
    assert content["url"] == "mxc://localhost/picture1"
    assert content["info"] == {"mimetype": "image/png", "size": size, "w": 900, "h": 640}
    assert content["body"] == answer.picture["alt"]
    assert content["m.relates_to"]["rel_type"] == "m.thread" and content["m.relates_to"]["event_id"] == "$root"


def test_web_chat_shows_the_picture_inline(vocab, editor):
    web = Client()
    web.force_login(editor)
    response = web.post("/bot/chat/", {"text": QUESTION}, HTTP_ACCEPT="application/json")
    html = response.json()["html"]
    assert '<img src="/pictures/s/' in html and 'alt="' in html
    assert '<a href="/scope/map?' in html and "Open the interactive map" in html


def test_closest_approach_carries_a_map_of_that_mission_out_to_the_measured_distance(vocab, editor, client):
    from evidence.pictures import params
    from evidence.pictures.views import draw_scope

    answer = ask_editor(editor, "what was the closest approach of the RC-135 to Kaliningrad in October 2025?")
    assert not answer.declined and "its closest point was 21.9 nm from Kaliningrad Oblast" in answer.text
    payload = params.read_picture_token(answer.picture["url"].rsplit("/s/", 1)[1].removesuffix(".png"))
    assert payload["ids"] == [answer.missions[0]["id"]]
    drawn = draw_scope(payload["k"], payload["scope"], "png", ids=payload["ids"])
    assert drawn.meta["tracks"] == 1  # the closest mission, drawn although it is farther than "near" (50 nm)
    [place] = payload["scope"].regions
    assert place.slug == "kaliningrad-oblast" and place.distance_nm == 100.0
    image = png_of(client, answer.picture["url"])
    pixels = np.asarray(image.convert("RGB")).astype(int)
    # the track is drawn in the altitude colours (cividis: blues to yellows), not only the grey/blue outlines
    blue_track = (pixels[..., 2] - pixels[..., 0] > 60) & (pixels[..., 2] < 140)
    assert blue_track.sum() > 50
