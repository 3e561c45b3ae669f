"""Reading an article file (plain text, HTML, or JSON) into the fields of an Article. Pure, no database.

HTML is reduced to text with BeautifulSoup (lxml): scripts, styles, navigation and other non-content elements are
dropped, block elements become paragraph breaks. The reduced text is what is stored, so every offset (entities,
claims) refers to the stored text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

MAX_FILE_BYTES = 20 * 1024 * 1024

_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "form",
    "button",
    "nav",
    "footer",
    "aside",
)
_BLOCKS = (
    "p", "div", "section", "article", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
    "figcaption", "tr", "br", "hr", "dd", "dt", "main",
)  # fmt: skip


class ArticleFileError(ValueError):
    """The file cannot be read as an article; the message says what is wrong and where."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


@dataclass
class ArticleInput:
    title: str = ""
    body: str = ""
    outlet: str = ""
    author: str = ""
    url: str | None = None
    published_at: dt.datetime | None = None
    language: str = "en"
    extra: dict[str, Any] = field(default_factory=dict)

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "body": self.body,
            "outlet": self.outlet,
            "author": self.author,
            "url": self.url,
            "published_at": self.published_at,
            "language": self.language,
        }


def html_to_text(html: str) -> tuple[str, str]:
    """(title, text) of an HTML document: content only, paragraphs separated by blank lines."""
    soup = BeautifulSoup(html, "lxml")
    title = ""
    heading = soup.find("h1")
    if soup.title and soup.title.string:
        title = soup.title.string.strip()
    elif heading:
        title = heading.get_text(" ", strip=True)
    for tag in soup(_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCKS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = root.get_text("")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    paragraphs, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return title, "\n\n".join(paragraphs)


def _parse_datetime(value: Any, path: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ArticleFileError(path, f"published_at must be an ISO 8601 date/time string, not {type(value).__name__}")
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ArticleFileError(path, f"published_at {value!r} is not an ISO 8601 date/time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _decode(raw: bytes, path: str) -> str:
    if b"\x00" in raw[:65536]:
        raise ArticleFileError(path, "binary data (NUL bytes), not a text, HTML or JSON article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleFileError(path, f"not UTF-8 text (byte {exc.start}: {exc.reason})") from None


def parse_article_bytes(raw: bytes, *, name: str) -> ArticleInput:
    """Parse an article given as bytes; the kind is chosen by the name's ending, then by the content."""
    if len(raw) > MAX_FILE_BYTES:
        raise ArticleFileError(name, f"{len(raw):,} bytes is more than the {MAX_FILE_BYTES:,}-byte limit")
    text = _decode(raw, name)
    stripped = text.lstrip()
    suffix = Path(name).suffix.lower()
    if suffix == ".json" or (suffix not in {".html", ".htm", ".txt"} and stripped.startswith("{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleFileError(name, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
        if not isinstance(data, dict):
            raise ArticleFileError(name, "the JSON must be an object with title/outlet/author/url/published_at/body")
        body = data.get("body")
        if not isinstance(body, str):
            raise ArticleFileError(name, "the JSON has no 'body' text")
        for key in ("title", "outlet", "author", "url", "language"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ArticleFileError(name, f"'{key}' must be text, not {type(data[key]).__name__}")
        if re.search(r"<(p|div|html|body|article)[\s>]", body, re.I):
            _, body = html_to_text(body)
        return ArticleInput(
            title=data.get("title") or "",
            body=body,
            outlet=data.get("outlet") or "",
            author=data.get("author") or "",
            url=data.get("url") or None,
            published_at=_parse_datetime(data.get("published_at"), name),
            language=data.get("language") or "en",
        )
    if suffix in {".html", ".htm"} or re.match(r"(<!doctype html|<html|<head|<body|<article)", stripped, re.I):
        title, body = html_to_text(text)
        return ArticleInput(title=title, body=body)
    first_line = stripped.split("\n", 1)[0].strip()
    return ArticleInput(title=first_line[:200], body=text)


def parse_article_file(path: str | Path) -> ArticleInput:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleFileError(str(p), f"{size:,} bytes is more than the {MAX_FILE_BYTES:,}-byte limit")
        raw = p.read_bytes()
    except OSError as exc:
        raise ArticleFileError(str(p), exc.strerror or str(exc)) from None
    return parse_article_bytes(raw, name=str(p))
