"""An Answer as a Matrix message: an ``m.notice`` threaded reply with a plain body and an HTML ``formatted_body``."""
from __future__ import annotations

from html import escape
from typing import Any

from bot import platforms
from bot.answers import Answer

#: Records listed per reply (a Matrix event is limited to 64 KiB); the rest are counted.
MAX_RECORDS = 50


def _link(url: Any) -> str | None:
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def reply_content(answer: Answer, *, thread_root: str, in_reply_to: str, asker: str = "") -> dict[str, Any]:
    """Content of the reply: in the thread rooted at ``thread_root``, falling back to a reply to ``in_reply_to``."""
    text_lines = [answer.summary() or "…"]
    html_parts = [f"<p>{escape(answer.summary() or '…')}</p>"]

    if answer.breakdown:
        rows = platforms.breakdown_lines(answer)
        text_lines += [f"- {row}" for row in rows]
        html_parts.append("<ul>" + "".join(f"<li>{escape(row)}</li>" for row in rows) + "</ul>")

    items_text: list[str] = []
    items_html: list[str] = []
    records = [(platforms.mission_title(m), m.get("url"), platforms.mission_details(m)) for m in answer.missions]
    records += [(platforms.claim_title(c), c.get("url"), platforms.claim_details(c)) for c in answer.claims]
    for title, url, details in records[:MAX_RECORDS]:
        link = _link(url)
        items_text.append(f"- {title}" + (f" · {details}" if details else "") + (f" <{link}>" if link else ""))
        label = f'<a href="{escape(link)}">{escape(title)}</a>' if link else escape(title)
        items_html.append(f"<li><strong>{label}</strong>" + (f" · {escape(details)}" if details else "") + "</li>")
    if len(records) > MAX_RECORDS:
        more = f"… and {len(records) - MAX_RECORDS} more not listed here."
        items_text.append(more)
        items_html.append(f"<li>{escape(more)}</li>")
    if items_text:
        text_lines += items_text
        html_parts.append("<ul>" + "".join(items_html) + "</ul>")

    if answer.picture:
        picture = answer.picture
        what = "Map" if picture.get("kind") == "map" else "Chart"
        text_lines.append(f"Interactive map: {picture['map_url']} · {what} (PNG): {picture['url']}")
        html_parts.append(f'<p><a href="{escape(picture["map_url"])}">Interactive map</a> · '
                          f'<a href="{escape(picture["url"])}">{what} (PNG)</a></p>')

    if answer.notes:
        text_lines += answer.notes
        html_parts.append("".join(f"<p><em>{escape(note)}</em></p>" for note in answer.notes))

    content: dict[str, Any] = {
        "msgtype": "m.notice",
        "body": "\n".join(text_lines),
        "format": "org.matrix.custom.html",
        "formatted_body": "".join(html_parts),
        "m.relates_to": {
            "rel_type": "m.thread",
            "event_id": thread_root,
            "is_falling_back": True,
            "m.in_reply_to": {"event_id": in_reply_to},
        },
        "m.mentions": {"user_ids": [asker]} if asker else {},
    }
    return content


def image_content(answer: Answer, *, mxc_url: str, size: int, width: int, height: int, thread_root: str,
                  in_reply_to: str) -> dict[str, Any]:
    """An ``m.image`` in the answer's thread: the uploaded PNG, its text alternative (the answer) as the body."""
    picture = answer.picture or {}
    return {
        "msgtype": "m.image",
        "body": (picture.get("alt") or answer.text or "picture")[:1000],
        "filename": picture.get("filename", "flightcheck.png"),
        "url": mxc_url,
        "info": {"mimetype": "image/png", "size": size, "w": width, "h": height},
        "m.relates_to": {
            "rel_type": "m.thread",
            "event_id": thread_root,
            "is_falling_back": True,
            "m.in_reply_to": {"event_id": in_reply_to},
        },
    }
