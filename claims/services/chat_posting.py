"""Posting a claim's news to the chat threads where it was discussed (claims.models.ClaimThread).

Only Slack has an outbound client in Flightcheck (bot.slack.client); threads on other platforms are skipped and
counted, and the people concerned still get their notification in the admin.
"""

from __future__ import annotations

import logging

from claims.models import ClaimThread

logger = logging.getLogger(__name__)


def post_to_threads(*, claim_id: int, text: str) -> dict[str, int]:
    counts = {"posted": 0, "skipped": 0, "failed": 0}
    for thread in ClaimThread.objects.filter(claim_id=claim_id).order_by("pk"):
        if thread.platform != "slack":
            counts["skipped"] += 1
            continue
        try:
            _post_slack(thread, text)
            counts["posted"] += 1
        except Exception:  # a chat outage must not fail the desk's work; logged for the operator
            logger.warning("claims: could not post to %s for claim %s", thread, claim_id, exc_info=True)
            counts["failed"] += 1
    return counts


def _post_slack(thread: ClaimThread, text: str) -> None:
    from bot.slack.client import web_client

    web_client().chat_postMessage(
        channel=thread.channel, thread_ts=thread.thread or None, text=text, unfurl_links=False
    )
