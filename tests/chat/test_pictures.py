"""Answers with records carry their picture on every platform, through the adapters' real interfaces on the demo,
with the platforms' replies taken from the captured payloads in bot/<platform>/fixtures/ (served over real HTTP on
127.0.0.1). A refused or failing picture never costs the answer's text. (One module: the demo loads once.)

- Slack: the text in the mention's thread, then the PNG uploaded to the same thread (files.getUploadURLExternal → the
  upload URL → files.completeUploadExternal).
- Mattermost: the slash command's reply, then the PNG as a file (POST /api/v4/files) posted with its file id
  (POST /api/v4/posts).
- Matrix: see tests/chat/test_matrix_synapse.py (m.image through a real homeserver) and test_matrix.py.
- Web chat: the picture inline, the interactive map one click away.
"""
from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from PIL import Image

from bot.models import ChatIdentity
from tests.chat.conftest import SIGNING_SECRET, RoutedAPI, fixture_data, slack_headers

QUESTION = "how many surveillance missions near the border between 25 January and 5 February 2025?"
EVENTS = "/bot/slack/events/"


@pytest.fixture
def slack(routed_api: RoutedAPI, settings: Any, demo: Any) -> RoutedAPI:
    settings.SLACK_SIGNING_SECRET = SIGNING_SECRET
    settings.SLACK_BOT_TOKEN = "xoxb-test-token"
    settings.SLACK_EVENTS_IN_PROCESS = True
    settings.SLACK_API_URL = f"{routed_api.url}/api/"
    upload = fixture_data("slack", "files_getUploadURLExternal")
    upload["upload_url"] = f"{routed_api.url}/upload/v1/{upload['upload_url'].rsplit('/', 1)[1]}"
    routed_api.reply("/api/chat.postMessage", fixture_data("slack", "chat_postMessage"))
    routed_api.reply("/api/files.getUploadURLExternal", upload)
    routed_api.reply("/upload/v1/" + upload["upload_url"].rsplit("/", 1)[1], b"OK - 120000")
    routed_api.reply("/api/files.completeUploadExternal", fixture_data("slack", "files_completeUploadExternal"))
    ChatIdentity.objects.create(platform="slack", workspace="T0001", external_id="U2147483697",
                                user=User.objects.get(username="editor"))
    return routed_api


def mention(client: Client, text: str) -> dict[str, Any]:
    payload = fixture_data("slack", "app_mention")
    payload["event"]["text"] = f"<@U0LAN0Z89> {text}"
    body = json.dumps(payload).encode()
    assert client.post(EVENTS, body, content_type="application/json", **slack_headers(body)).status_code == 200
    return payload


def form(body: bytes) -> dict[str, str]:
    from urllib.parse import parse_qs

    return {k: v[0] for k, v in parse_qs(body.decode()).items()}


def test_an_answer_with_records_uploads_its_map_to_the_thread(client: Client, slack: RoutedAPI) -> None:
    payload = mention(client, QUESTION)
    thread = payload["event"]["ts"]
    assert slack.paths == ["/api/chat.postMessage", "/api/files.getUploadURLExternal",
                           slack.paths[2], "/api/files.completeUploadExternal"]
    text, ask_url, upload, complete = slack.requests
    assert json.loads(text.body)["thread_ts"] == thread and "surveillance" in json.loads(text.body)["text"]
    assert form(ask_url.body)["filename"] == "flightcheck-map.png"
    assert int(form(ask_url.body)["length"]) == len(upload.body)
    image = Image.open(io.BytesIO(upload.body))
    assert image.format == "PNG" and image.size == (900, 640)
    done = form(complete.body)
    assert done["channel_id"] == payload["event"]["channel"] and done["thread_ts"] == thread
    (file,) = json.loads(done["files"])
    assert file["id"] == "F07A4NHPCKF"
    assert form(ask_url.body)["alt_txt"].startswith(json.loads(text.body)["text"][:60].replace("&amp;", "&"))


def test_a_refused_upload_keeps_the_answer(client: Client, slack: RoutedAPI) -> None:
    slack.reply("/api/files.getUploadURLExternal", fixture_data("slack", "files_getUploadURLExternal_refused"))
    mention(client, QUESTION)
    assert slack.paths == ["/api/chat.postMessage", "/api/files.getUploadURLExternal"]  # once: no retry of the text
    assert "surveillance" in json.loads(slack.requests[0].body)["text"]


def test_a_failing_upload_server_keeps_the_answer(client: Client, slack: RoutedAPI) -> None:
    upload_path = "/upload/v1/" + fixture_data("slack", "files_getUploadURLExternal")["upload_url"].rsplit("/", 1)[1]
    slack.reply(upload_path, b"upstream failure", status=500)
    mention(client, QUESTION)
    assert slack.paths[:3] == ["/api/chat.postMessage", "/api/files.getUploadURLExternal", upload_path]
    assert "/api/files.completeUploadExternal" not in slack.paths
    assert slack.paths.count("/api/chat.postMessage") == 1


def test_help_carries_no_picture(client: Client, slack: RoutedAPI) -> None:
    slack.reply("/api/chat.postEphemeral", {"ok": True, "message_ts": "1515449600.000200"})
    mention(client, "help")
    assert slack.paths == ["/api/chat.postEphemeral"]


# --- Mattermost ------------------------------------------------------------------------------------------------------

MATTERMOST_TOKEN = "xr3j5x3p4pfk7xbxpnf3rzg9mr"


@pytest.fixture
def mattermost(routed_api: RoutedAPI, settings: Any, demo: Any) -> RoutedAPI:
    settings.MATTERMOST_TOKENS = [MATTERMOST_TOKEN]
    settings.MATTERMOST_URL = routed_api.url + "/"
    settings.MATTERMOST_BOT_TOKEN = "bot-token-9xk2"
    routed_api.reply("/api/v4/files", fixture_data("mattermost", "files_upload"), status=201)
    routed_api.reply("/api/v4/posts", fixture_data("mattermost", "create_post"), status=201)
    payload = fixture_data("mattermost", "slash_command")
    ChatIdentity.objects.create(platform="mattermost", workspace=payload["team_id"], external_id=payload["user_id"],
                                user=User.objects.get(username="editor"))
    return routed_api


def slash(client: Client, text: str, capture: Any) -> dict[str, Any]:
    from urllib.parse import urlencode

    fields = {**fixture_data("mattermost", "slash_command"), "text": text}
    with capture(execute=True):
        response = client.post("/bot/mattermost/command/", urlencode(fields),
                               content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    return response.json()


def multipart_parts(request: Any) -> dict[str, tuple[dict[str, str], bytes]]:
    """The parts of a multipart/form-data body by name: (their headers, their content)."""
    from email.parser import BytesParser
    from email.policy import HTTP

    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.body)
    return {part.get_param("name", header="content-disposition"): (dict(part.items()), part.get_payload(decode=True))
            for part in message.iter_parts()}


def test_mattermost_posts_the_picture_as_a_file(client: Client, mattermost: RoutedAPI,
                                                django_capture_on_commit_callbacks: Any) -> None:
    reply = slash(client, QUESTION, django_capture_on_commit_callbacks)
    assert reply["response_type"] == "in_channel" and "surveillance" in reply["text"]
    picture = reply["attachments"][-1]
    assert "image_url" not in picture and picture["title_link"].startswith("http://")  # the file follows instead
    assert mattermost.paths == ["/api/v4/files", "/api/v4/posts"]
    upload, post = mattermost.requests
    assert upload.headers["authorization"] == "Bearer bot-token-9xk2"
    parts = multipart_parts(upload)
    assert parts["channel_id"][1] == b"fukpuaz6ffr9ic4nhc7hsmjxdy"
    headers, png = parts["files"]
    assert 'filename="flightcheck-map.png"' in headers["Content-Disposition"]
    assert Image.open(io.BytesIO(png)).size == (900, 640)
    body = json.loads(post.body)
    assert body["channel_id"] == "fukpuaz6ffr9ic4nhc7hsmjxdy"
    assert body["file_ids"] == [fixture_data("mattermost", "files_upload")["file_infos"][0]["id"]]
    assert "[Interactive map](http" in body["message"] and "surveillance" in body["message"]


def test_mattermost_refused_upload_keeps_the_answer(client: Client, mattermost: RoutedAPI,
                                                    django_capture_on_commit_callbacks: Any) -> None:
    mattermost.reply("/api/v4/files", fixture_data("mattermost", "files_upload_forbidden"), status=403)
    reply = slash(client, QUESTION, django_capture_on_commit_callbacks)
    assert "surveillance" in reply["text"] and reply["response_type"] == "in_channel"
    assert mattermost.paths == ["/api/v4/files"]  # no post without a file


def test_mattermost_without_a_bot_account_embeds_the_signed_image(client: Client, mattermost: RoutedAPI,
                                                                  settings: Any,
                                                                  django_capture_on_commit_callbacks: Any) -> None:
    settings.MATTERMOST_BOT_TOKEN = ""
    reply = slash(client, QUESTION, django_capture_on_commit_callbacks)
    assert "/pictures/s/" in reply["attachments"][-1]["image_url"]
    assert mattermost.paths == []


# --- Web chat --------------------------------------------------------------------------------------------------------


def test_web_chat_shows_the_picture_inline_with_the_map_a_click_away(client: Client, demo: Any) -> None:
    client.force_login(User.objects.get(username="editor"))
    html = client.post("/bot/chat/", {"text": QUESTION}, HTTP_ACCEPT="application/json").json()["html"]
    import re

    src = re.search(r'<img src="(/pictures/s/[^"]+\.png)"', html).group(1)
    assert Image.open(io.BytesIO(Client().get(src).content)).size == (900, 640)  # no session needed
    assert re.search(r'<a href="/scope/map\?[^"]*surveillance=true[^"]*">Open the interactive map</a>', html)
