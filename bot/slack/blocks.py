"""An Answer as a Slack message: ``{"text": fallback, "blocks": [...]}`` (Block Kit).

Limits respected: section text ≤ 3000 characters, ≤ 50 blocks; records are a bulleted ``rich_text_list`` whose items
link to the admin pages; when there are more records than we list, the message says how many were left out.
"""
from __future__ import annotations

from typing import Any

from bot import platforms
from bot.answers import Answer

SECTION_MAX = 3000
FALLBACK_MAX = 3000
#: Records listed per message; the rest are counted ("… and 12 more").
MAX_RECORDS = 25


def escape(text: str) -> str:
    """Slack mrkdwn/text escaping: only &, < and > are control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _truncate(text, SECTION_MAX)}}


def _context(lines: list[str]) -> dict[str, Any]:
    # A context block holds ≤ 10 elements; join the lines into one element.
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": _truncate("\n".join(lines), SECTION_MAX)}]}


def _record_item(title: str, url: str | None, details: str) -> dict[str, Any]:
    elements: list[dict[str, Any]] = []
    if url and isinstance(url, str) and url.startswith(("http://", "https://")):
        elements.append({"type": "link", "url": url, "text": title, "style": {"bold": True}})
    else:
        elements.append({"type": "text", "text": title, "style": {"bold": True}})
    if details:
        elements.append({"type": "text", "text": " · " + details})
    return {"type": "rich_text_section", "elements": elements}


def _records_block(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "rich_text", "elements": [{"type": "rich_text_list", "style": "bullet", "elements": items}]}


def render(answer: Answer) -> dict[str, Any]:
    """``{"text", "blocks"}`` for chat.postMessage, response_url and slash-command replies."""
    blocks: list[dict[str, Any]] = [_section(escape(answer.summary() or "…"))]
    if answer.breakdown:
        blocks.append(_section(escape("\n".join(platforms.breakdown_lines(answer)))))
    if answer.notes:
        blocks.append(_context([escape(note) for note in answer.notes]))

    for records, title, details, noun in (
        (answer.missions, platforms.mission_title, platforms.mission_details, "mission"),
        (answer.claims, platforms.claim_title, platforms.claim_details, "claim"),
    ):
        if not records:
            continue
        shown = records[:MAX_RECORDS]
        blocks.append(_records_block([_record_item(title(r), r.get("url"), details(r)) for r in shown]))
        if len(records) > len(shown):
            more = len(records) - len(shown)
            blocks.append(_context([f"… and {more} more {noun}{'s' if more != 1 else ''} not listed here."]))

    if answer.picture:
        blocks.append(_context([picture_links(answer.picture)]))
    # The fallback is shown in notifications and parsed as mrkdwn too: escaped like the sections, or a stored
    # "<!channel>" in a quote would notify a whole channel.
    fallback = escape(answer.summary() or "Flightcheck")
    return {"text": _truncate(fallback, FALLBACK_MAX), "blocks": blocks[:50]}


def picture_links(picture: dict[str, Any]) -> str:
    """The picture's links in mrkdwn: the interactive map and the PNG (uploaded to the thread when asked for)."""
    what = "Map" if picture.get("kind") == "map" else "Chart"
    return f"<{picture['map_url']}|Interactive map> · <{picture['url']}|{what} (PNG)>"


def slash_response(answer: Answer) -> dict[str, Any]:
    """Reply body for a slash command (or a response_url post): help and errors ephemeral, answers in channel."""
    body = render(answer)
    body["response_type"] = "ephemeral" if platforms.is_error(answer) else "in_channel"
    return body
