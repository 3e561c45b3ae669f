"""An Answer as a Mattermost slash-command reply: Slack-compatible ``response_type``, ``text``, ``attachments``.

Mattermost renders Markdown; a post is limited to 16,383 characters (text and attachments together, kept well under).
"""
from __future__ import annotations

from typing import Any

from bot import platforms
from bot.answers import Answer

POST_MAX = 16_383
#: Most characters of a picture post's caption.
CAPTION_MAX = 4000
#: Room left for JSON keys and the "… more" line when the records are cut.
_SLACK = 200


def _md(text: str) -> str:
    """Escape the Markdown that would change what a title means (link brackets, emphasis)."""
    for char in "\\[]*_`":
        text = text.replace(char, "\\" + char)
    return text


def _record_line(title: str, url: Any, details: str) -> str:
    label = f"[{_md(title)}]({url})" if isinstance(url, str) and url.startswith(("http://", "https://")) else _md(title)
    return f"- **{label}**" + (f" · {_md(details)}" if details else "")


def render(answer: Answer, *, picture_follows: bool = False) -> dict[str, Any]:
    """The reply. ``picture_follows``: the picture is uploaded as a file post after the reply (bot.mattermost.tasks),
    so the reply links it instead of embedding it."""
    # Everything from the answer is text, not Markdown: a stored quote, name or file name must not become a link,
    # an image fetched from elsewhere, or emphasis.
    lines = [_md(answer.summary() or "…")]
    if answer.breakdown:
        lines += ["", *(f"- {_md(line)}" for line in platforms.breakdown_lines(answer))]
    if answer.notes:
        lines += ["", *(f"_{_md(note)}_" for note in answer.notes)]
    text = "\n".join(lines)
    if len(text) > POST_MAX - _SLACK:
        text = text[: POST_MAX - _SLACK - 1] + "…"

    body: dict[str, Any] = {
        "response_type": "ephemeral" if platforms.is_error(answer) else "in_channel",
        "text": text,
    }
    records = [
        _record_line(platforms.mission_title(m), m.get("url"), platforms.mission_details(m)) for m in answer.missions
    ]
    records += [_record_line(platforms.claim_title(c), c.get("url"), platforms.claim_details(c)) for c in answer.claims]
    if records:
        budget = POST_MAX - len(text) - _SLACK
        kept: list[str] = []
        used = 0
        for line in records:
            if used + len(line) + 1 > budget:
                break
            kept.append(line)
            used += len(line) + 1
        if len(kept) < len(records):
            kept.append(f"… and {len(records) - len(kept)} more not listed here.")
        listing = "\n".join(kept)
        body["attachments"] = [{"fallback": f"{len(records)} records", "color": "#1f6feb", "text": listing}]
    if answer.picture:
        picture = answer.picture
        attachment = {
            "fallback": picture.get("alt", "")[:500] or "picture",
            "title": "Interactive map" if picture.get("kind") == "map" else "Chart",
            "title_link": picture["map_url"],
        }
        if picture_follows:
            attachment["text"] = "The picture follows as a file."
        else:
            attachment["image_url"] = picture["url"]
        body.setdefault("attachments", []).append(attachment)
    return body


def picture_caption(picture: dict[str, Any]) -> str:
    """The message of a picture's file post: its text alternative (the answer, as text) and the interactive map."""
    alt = _md(picture.get("alt") or "Flightcheck picture")
    if len(alt) > CAPTION_MAX:
        alt = alt[: CAPTION_MAX - 1] + "…"
    return f"{alt}\n[Interactive map]({picture['map_url']})"
