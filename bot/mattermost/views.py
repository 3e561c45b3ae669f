"""Mattermost custom slash command: ``/bot/mattermost/command/``.

The command's token (form field ``token``, or ``Authorization: Token …`` on newer servers) is compared in constant
time with every token in ``settings.MATTERMOST_TOKENS``; a wrong or missing token gets 401 before anything is stored.
An answer with a picture, when the bot account is configured (``MATTERMOST_URL``, ``MATTERMOST_BOT_TOKEN``), is
followed by the picture as a file post in the channel (bot.mattermost.tasks, after the commit).
"""
from __future__ import annotations

import hmac
import json
from typing import Any
from urllib.parse import parse_qs

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bot.mattermost import client
from bot.mattermost.render import render
from bot.mattermost.tasks import post_picture_task
from bot.models import Platform
from bot.platforms import Asker, BadPayload, ask_as


def token_ok(presented: str) -> bool:
    """Constant-time comparison against every configured token (no early exit on a match)."""
    tokens = [t for t in settings.MATTERMOST_TOKENS if t]
    if not presented or not tokens:
        return False
    given = presented.encode()
    matched = False
    for token in tokens:
        matched |= hmac.compare_digest(given, token.encode())
    return matched


def _payload(request: HttpRequest) -> dict[str, Any]:
    body = request.body.decode("utf-8")
    if request.content_type == "application/json":
        data = json.loads(body)
        if not isinstance(data, dict):
            raise BadPayload("body is not a JSON object")
        return data
    return {key: values[0] for key, values in parse_qs(body, keep_blank_values=True, strict_parsing=bool(body)).items()}


def _field(data: dict[str, Any], name: str, *, required: bool = True) -> str:
    value = data.get(name)
    if value is None or value == "":
        if required:
            raise BadPayload(f"missing field {name!r}")
        return ""
    if not isinstance(value, str):
        raise BadPayload(f"field {name!r} must be a string")
    return value


@csrf_exempt
@require_POST
def slash_command(request: HttpRequest) -> HttpResponse:
    try:
        data = _payload(request)
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError and BadPayload are ValueErrors
        data, parse_error = None, str(exc)
    else:
        parse_error = ""

    auth = request.headers.get("Authorization", "")
    presented = auth[len("Token ") :].strip() if auth.startswith("Token ") else ""
    if not presented and isinstance(data, dict) and isinstance(data.get("token"), str):
        presented = data["token"]
    if not token_ok(presented):
        return JsonResponse({"error": "invalid Mattermost command token"}, status=401)
    if data is None:
        return JsonResponse({"error": f"bad slash command payload: {parse_error}"}, status=400)

    try:
        asker = Asker(
            platform=Platform.MATTERMOST,
            external_id=_field(data, "user_id"),
            workspace=_field(data, "team_id", required=False),
            channel=_field(data, "channel_id", required=False),
        )
        text = _field(data, "text", required=False).strip() or "help"
    except BadPayload as exc:
        return JsonResponse({"error": f"bad slash command payload: {exc}"}, status=400)
    answer = ask_as(asker, text)
    upload = bool(answer.picture and asker.channel and client.uploads_enabled())
    if upload:
        job = {"channel_id": asker.channel, "picture": answer.picture}
        # robust: a broker that refuses the job costs the picture, never the answer
        transaction.on_commit(lambda: post_picture_task.delay(**job), robust=True)
    return JsonResponse(render(answer, picture_follows=upload))
