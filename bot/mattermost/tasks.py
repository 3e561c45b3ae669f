"""Posting an answer's picture to Mattermost after the slash command's reply (drawing and uploading take longer
than a reply should wait)."""
from __future__ import annotations

import logging
from typing import Any

from celery import shared_task

from bot.mattermost import client
from bot.mattermost.render import picture_caption

logger = logging.getLogger(__name__)


def post_picture(*, channel_id: str, picture: dict[str, Any], root_id: str = "") -> dict[str, Any]:
    """Draw the picture, upload it to the channel, post it with its caption (the answer's text and the map link)."""
    from bot.pictures import render_png

    file_id = client.upload_file(channel_id=channel_id, content=render_png(picture),
                                 filename=picture.get("filename") or "flightcheck.png")
    return client.create_post(channel_id=channel_id, message=picture_caption(picture), file_ids=[file_id],
                              root_id=root_id)


@shared_task(name="bot.mattermost.post_picture", acks_late=True, soft_time_limit=60, time_limit=90)
def post_picture_task(*, channel_id: str, picture: dict[str, Any], root_id: str = "") -> dict[str, Any]:
    """The picture post. Failures are logged, never retried into a second post: the answer's text is already in
    the channel, the picture's links are in it too."""
    try:
        post = post_picture(channel_id=channel_id, picture=picture, root_id=root_id)
    except Exception as exc:  # the picture is extra: a failure costs nothing but the picture
        logger.warning("Mattermost: could not post the picture in %s: %s", channel_id, exc)
        return {"ok": False, "error": str(exc)[:500]}
    return {"ok": True, "post_id": post.get("id", "")}
