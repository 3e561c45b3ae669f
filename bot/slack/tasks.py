"""Answering Slack mentions outside the request (the Events API wants its 200 within 3 s)."""
from __future__ import annotations

import logging
import re
from typing import Any

from celery import shared_task
from slack_sdk.errors import SlackApiError

from bot.models import Platform
from bot.platforms import Asker, ask_as
from bot.slack.client import post_in_thread

logger = logging.getLogger(__name__)

_LEADING_MENTIONS = re.compile(r"^(?:\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+")


def strip_mention(text: str, bot_user_id: str = "") -> str:
    """The question without the ``<@BOTID>`` that addressed the bot (leading mentions, or the bot's anywhere)."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>[\s,:]*", " ", text)
    return " ".join(_LEADING_MENTIONS.sub("", text).split())


def answer_mention(*, team_id: str, user: str, channel: str, thread_ts: str, text: str, bot_user_id: str = "") -> dict:
    asker = Asker(platform=Platform.SLACK, external_id=user, workspace=team_id, channel=channel, thread=thread_ts)
    answer = ask_as(asker, strip_mention(text, bot_user_id) or "help")
    return post_in_thread(answer=answer, channel=channel, thread_ts=thread_ts, user=user)


@shared_task(
    name="bot.slack.answer_app_mention",
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),  # network errors (URLError, timeouts, refused connections)
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=30,
    time_limit=60,
)
def answer_app_mention(self: Any, **event: str) -> dict:
    """Ask and post the answer in the mention's thread. Slack API refusals (``ok: false``) are logged, not retried."""
    try:
        return answer_mention(**event)
    except SlackApiError as exc:
        logger.warning("Slack refused the answer to %s in %s: %s", event.get("user"), event.get("channel"), exc)
        return {"ok": False, "error": str(exc.response.get("error", "")) if exc.response else str(exc)}
