"""Outbound calls to Slack, all through slack_sdk.

The base URL comes from ``settings.SLACK_API_URL`` (default https://slack.com/api/) so tests can use a local server.
"""
from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.answers import Answer
from bot.platforms import is_error
from bot.slack import blocks

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
TIMEOUT_SECONDS = 10


def api_url() -> str:
    url = getattr(settings, "SLACK_API_URL", "") or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def web_client() -> WebClient:
    return WebClient(token=settings.SLACK_BOT_TOKEN or None, base_url=api_url(), timeout=TIMEOUT_SECONDS)


def post_in_thread(*, answer: Answer, channel: str, thread_ts: str, user: str) -> dict[str, Any]:
    """Answer a mention in its thread; help and errors go only to the asker (chat.postEphemeral). An answer with a
    picture then uploads its PNG to the thread (after the text: a failed upload loses nothing)."""
    client = web_client()
    message = blocks.render(answer)
    if is_error(answer) and user:
        response = client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, **message)
    else:
        response = client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False, **message)
        if answer.picture:
            upload_picture(client, answer=answer, channel=channel, thread_ts=thread_ts)
    return response.data if isinstance(response.data, dict) else {}


def upload_picture(client: WebClient, *, answer: Answer, channel: str, thread_ts: str) -> bool:
    """Upload the answer's PNG into the thread (files.getUploadURLExternal → upload → files.completeUploadExternal,
    all through ``files_upload_v2``), with the answer's text as its alternative text. Any failure — drawing, a
    refusal, the network — is logged and swallowed: the answer's text is already posted, and raising would make the
    task retry and post the text twice."""
    from bot.pictures import render_png

    picture = answer.picture or {}
    try:
        client.files_upload_v2(
            channel=channel, thread_ts=thread_ts, content=render_png(picture), filename=picture["filename"],
            title=picture.get("alt", "")[:250] or picture["filename"], alt_txt=picture.get("alt", "")[:1000],
        )
    except SlackApiError as exc:
        logger.warning("Slack: could not upload the picture to %s: %s", channel, exc.response.get("error", exc))
        return False
    except Exception:  # the picture is extra: nothing in it may cost the answer
        logger.exception("Slack: could not upload the picture to %s", channel)
        return False
    return True


def post_to_response_url(*, answer: Answer, response_url: str) -> int:
    """A slash command's late answer (the answer took longer than the acknowledgement budget)."""
    body = blocks.slash_response(answer)
    body["replace_original"] = True
    response = WebhookClient(response_url, timeout=TIMEOUT_SECONDS).send_dict(body)
    if response.status_code != 200:
        logger.warning("Slack response_url answered %s: %s", response.status_code, response.body)
    return response.status_code
