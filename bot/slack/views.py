"""Slack endpoints: ``/bot/slack/commands/`` (slash command) and ``/bot/slack/events/`` (Events API).

Every request is verified first (``X-Slack-Signature`` over ``v0:{timestamp}:{raw body}``, timestamp within 5 minutes):
a forged or replayed request gets 401 before anything is parsed or stored.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any
from urllib.parse import parse_qs

from celery import current_app
from django.conf import settings
from django.db import close_old_connections, connections, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from kombu.exceptions import OperationalError as KombuOperationalError
from slack_sdk.signature import SignatureVerifier

from bot.answers import Answer
from bot.models import Platform
from bot.platforms import Asker, BadPayload, ask_as, first_delivery, forget_delivery
from bot.slack import blocks
from bot.slack.client import post_to_response_url
from bot.slack.tasks import answer_app_mention, answer_mention

logger = logging.getLogger(__name__)

#: How long a slash command waits for its answer before acknowledging and posting it to response_url instead
#: (``settings.SLACK_ACK_SECONDS``; 0 answers inline in the request thread, without the worker thread).
DEFAULT_ACK_SECONDS = 2.0
_executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="slack-answer")


class AfterResponse(HttpResponse):
    """An HttpResponse that runs callbacks once it has been sent (WSGI servers and the test client call close())."""

    def __init__(self, *args: Any, after: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._after = after

    def close(self) -> None:
        # The body has been sent when the server calls close(). Run the work before super().close(), which fires
        # request_finished, so the database connection the work opened is closed with the request's.
        after, self._after = self._after, None
        try:
            if after is not None:
                after()
        except Exception:
            logger.exception("Slack: answering after the response failed")
        finally:
            super().close()


def _bad(message: str) -> JsonResponse:
    return JsonResponse({"ok": False, "error": message}, status=400)


def verified(request: HttpRequest) -> bool:
    secret = settings.SLACK_SIGNING_SECRET
    if not secret:
        logger.error("SLACK_SIGNING_SECRET is not set: refusing Slack requests")
        return False
    timestamp = request.headers.get("X-Slack-Request-Timestamp")
    signature = request.headers.get("X-Slack-Signature")
    if not timestamp or not signature or not timestamp.isdigit():
        return False
    try:
        return SignatureVerifier(secret).is_valid(body=request.body, timestamp=timestamp, signature=signature)
    except UnicodeDecodeError:  # Slack signs UTF-8 text; anything else is not from Slack
        return False


def _unauthorized() -> JsonResponse:
    return JsonResponse({"ok": False, "error": "invalid or expired Slack signature"}, status=401)


def _field(data: dict[str, list[str]], name: str, *, required: bool = True) -> str:
    values = data.get(name)
    if not values:
        if required:
            raise BadPayload(f"missing field {name!r}")
        return ""
    return values[0]


# --- Slash command ------------------------------------------------------------------------------------------------


def _ask_in_thread(asker: Asker, text: str) -> Answer:
    close_old_connections()
    try:
        return ask_as(asker, text)
    finally:
        connections.close_all()  # this worker thread's connections only


@csrf_exempt
@require_POST
def slash_command(request: HttpRequest) -> HttpResponse:
    if not verified(request):
        return _unauthorized()
    try:
        body = request.body.decode("utf-8")
        data = parse_qs(body, keep_blank_values=True, strict_parsing=bool(body))
        asker = Asker(
            platform=Platform.SLACK,
            external_id=_field(data, "user_id"),
            workspace=_field(data, "team_id"),
            channel=_field(data, "channel_id"),
        )
        text = _field(data, "text", required=False).strip() or "help"
        response_url = _field(data, "response_url", required=False)
    except (UnicodeDecodeError, ValueError) as exc:  # BadPayload is a ValueError; parse_qs raises ValueError
        return _bad(f"bad slash command payload: {exc}")

    budget = float(getattr(settings, "SLACK_ACK_SECONDS", DEFAULT_ACK_SECONDS))
    if budget <= 0:  # configured to answer inline (no worker thread)
        return JsonResponse(blocks.slash_response(ask_as(asker, text)))
    future = _executor.submit(_ask_in_thread, asker, text)
    try:
        answer = future.result(timeout=budget)
    except FutureTimeout:
        if not response_url:
            return JsonResponse({"response_type": "ephemeral", "text": "Sorry, that took too long. Please try again."})
        future.add_done_callback(lambda f: _late_answer(f, response_url))
        return JsonResponse({"response_type": "ephemeral", "text": "Looking that up…"})
    return JsonResponse(blocks.slash_response(answer))


def _late_answer(future: Any, response_url: str) -> None:
    try:
        post_to_response_url(answer=future.result(), response_url=response_url)
    except Exception:
        logger.exception("Slack: posting a late slash-command answer failed")


# --- Events API -----------------------------------------------------------------------------------------------------


def _str(mapping: dict[str, Any], key: str, *, required: bool = True) -> str:
    value = mapping.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise BadPayload(f"missing or invalid field {key!r}")
    return value


@csrf_exempt
@require_POST
def events(request: HttpRequest) -> HttpResponse:
    if not verified(request):
        return _unauthorized()
    try:
        payload = json.loads(request.body)
    except (UnicodeDecodeError, ValueError):
        return _bad("body is not JSON")
    if not isinstance(payload, dict):
        return _bad("body is not a JSON object")

    kind = payload.get("type")
    if kind == "url_verification":
        challenge = payload.get("challenge")
        if not isinstance(challenge, str):
            return _bad("url_verification without a challenge")
        return JsonResponse({"challenge": challenge})
    if kind != "event_callback":
        return HttpResponse(status=200)  # app_rate_limited and other notices: nothing to do

    try:
        event = payload.get("event")
        if not isinstance(event, dict):
            raise BadPayload("event_callback without an event object")
        event_id = _str(payload, "event_id")
        if event.get("type") != "app_mention" or event.get("bot_id") or event.get("subtype"):
            return HttpResponse(status=200)  # only people's mentions are questions
        job = {
            "team_id": _str(payload, "team_id", required=False) or _str(event, "team", required=False),
            "user": _str(event, "user"),
            "channel": _str(event, "channel"),
            "thread_ts": _str(event, "thread_ts", required=False) or _str(event, "ts"),
            "text": _str(event, "text", required=False),
            "bot_user_id": _bot_user_id(payload),
        }
    except BadPayload as exc:
        return _bad(f"bad app_mention event: {exc}")

    if not first_delivery(Platform.SLACK, event_id):
        return HttpResponse(status=200)  # X-Slack-Retry-Num: already answered (or being answered)

    if _in_process():
        # The default: answer in this process once the 200 has been sent.
        return AfterResponse(status=200, after=lambda: answer_mention(**job))
    return _queue_answer(event_id, job)


def _queue_answer(event_id: str, job: dict[str, str]) -> HttpResponse:
    """Queue the answer; if the broker refuses, forget the delivery and answer 503 so that Slack's retry (after 1 and
    5 minutes) is answered instead of being dropped as a duplicate. Requests run in autocommit (no ATOMIC_REQUESTS),
    so ``on_commit`` publishes right here and a refusal reaches this ``except``."""
    try:
        transaction.on_commit(lambda: answer_app_mention.delay(**job), robust=False)
    except (KombuOperationalError, OSError) as exc:
        forget_delivery(Platform.SLACK, event_id)
        logger.warning("Slack: could not queue the answer to event %s (%s); asking Slack to retry", event_id, exc)
        return JsonResponse({"ok": False, "error": "the answer queue is unavailable; retry later"}, status=503)
    return HttpResponse(status=200)


def _in_process() -> bool:
    """Answer mentions in this process after the response (the default, and always when Celery runs eagerly), or
    through the Celery queue with ``SLACK_EVENTS_IN_PROCESS = False`` — which needs the workers to import
    ``bot.slack.tasks`` (``autodiscover_tasks()`` only finds ``bot.tasks``)."""
    return bool(getattr(settings, "SLACK_EVENTS_IN_PROCESS", True) or current_app.conf.task_always_eager)


def _bot_user_id(payload: dict[str, Any]) -> str:
    authorizations = payload.get("authorizations")
    if isinstance(authorizations, list) and authorizations and isinstance(authorizations[0], dict):
        user_id = authorizations[0].get("user_id")
        if isinstance(user_id, str):
            return user_id
    return ""
