"""Outbound calls to Mattermost's REST API (v4), for what a slash-command reply cannot carry: a file.

An answer's picture is posted as a file attachment: ``POST /api/v4/files`` (multipart: ``channel_id`` and the PNG)
returns ``file_infos``; ``POST /api/v4/posts`` with ``file_ids`` posts it in the channel (in a thread with
``root_id``). The bot account's token (``settings.MATTERMOST_BOT_TOKEN``) authorises both, on the server at
``settings.MATTERMOST_URL``. Without them, replies keep the picture as an ``image_url`` attachment Mattermost fetches
from the signed link.
"""
from __future__ import annotations

import logging
from typing import Any

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 15
#: A post's message is limited to 16,383 characters; the picture's caption is kept far below.
CAPTION_MAX = 4000


class MattermostError(RuntimeError):
    """Mattermost refused a request (its ``id``/``message`` in the text)."""


def uploads_enabled() -> bool:
    return bool(getattr(settings, "MATTERMOST_URL", "") and getattr(settings, "MATTERMOST_BOT_TOKEN", ""))


def _api(path: str) -> str:
    return settings.MATTERMOST_URL.rstrip("/") + "/api/v4/" + path


def _headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {settings.MATTERMOST_BOT_TOKEN}"}


def _checked(response: requests.Response, what: str) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code not in (200, 201) or not isinstance(body, dict):
        detail = body.get("message") or body.get("id") if isinstance(body, dict) else ""
        raise MattermostError(f"{what}: HTTP {response.status_code} {detail or response.text[:200]}")
    return body


def upload_file(*, channel_id: str, content: bytes, filename: str, mimetype: str = "image/png") -> str:
    """Upload a file to the channel; its file id."""
    response = requests.post(
        _api("files"), headers=_headers(), data={"channel_id": channel_id},
        files={"files": (filename, content, mimetype)}, timeout=TIMEOUT_SECONDS,
    )
    infos = _checked(response, "file upload").get("file_infos") or []
    if not infos or not isinstance(infos[0], dict) or not infos[0].get("id"):
        raise MattermostError("file upload: no file_infos in the reply")
    return str(infos[0]["id"])


def create_post(*, channel_id: str, message: str, file_ids: list[str], root_id: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {"channel_id": channel_id, "message": message, "file_ids": file_ids}
    if root_id:
        body["root_id"] = root_id
    response = requests.post(_api("posts"), headers=_headers(), json=body, timeout=TIMEOUT_SECONDS)
    return _checked(response, "post")
