"""What the bot says: one Answer type that every platform adapter renders (text, Block Kit, JSON, HTML).

``bot.services.ask`` produces it; adapters never compute anything themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Answer:
    #: The sentence(s): the number and the exact scope, or why the bot declines. Plain text with light Markdown
    #: (``*bold*`` is not used; adapters add their own emphasis).
    text: str
    #: The number asked for; None when the bot declines or the question is not a count.
    count: int | None = None
    #: The structured query the answer was computed from (bot.parsing.BotQuery.to_dict()).
    query: dict[str, Any] = field(default_factory=dict)
    #: The records behind it: {"id", "hex", "registration", "type", "type_name", "operator", "callsign", "start",
    #: "end", "regions": [{"slug", "name", "over", "distance_nm"}], "url"} (ISO 8601 UTC times, absolute URL).
    missions: list[dict[str, Any]] = field(default_factory=list)
    #: For claims questions: {"id", "text", "verdict", "claimant", "article", "evidence": [...], "url"}.
    claims: list[dict[str, Any]] = field(default_factory=list)
    #: True when the bot did not answer (not understood, not permitted, rate limited, invalid input).
    declined: bool = False
    #: Short machine-readable reason when declined: "not_understood", "forbidden", "rate_limited", "invalid".
    reason: str = ""
    #: Extra lines: coverage caveat, the nearby-scope hint, what was not understood, a suggested phrasing.
    notes: list[str] = field(default_factory=list)
    #: Breakdown rows for "per day/week/month/type/region" questions: [{"key", "label", "count"}].
    breakdown: list[dict[str, Any]] = field(default_factory=list)
    #: True when this should be shown only to the asker (help, errors).
    ephemeral: bool = False
    #: The picture of an answer about missions (bot.pictures): {"kind": "map"|"timeline"|"breakdown", "url": signed
    #: PNG URL, "map_url": the interactive map, "alt": its text alternative (the answer's text), "filename"}.
    picture: dict[str, Any] | None = None
    #: How many of the text's last lines list ``missions`` one per line (a list answer, for text-only readers such as
    #: the CLI): platforms that show the records as their own list show :meth:`summary` instead of repeating them.
    record_lines: int = 0

    def summary(self) -> str:
        """The text without its trailing record lines (those ``missions`` holds)."""
        if not self.record_lines:
            return self.text
        lines = self.text.split("\n")
        return "\n".join(lines[: max(1, len(lines) - self.record_lines)])

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form promised by the API and ``ask --json``."""
        return {
            "answer": self.text,
            "count": None if self.declined else self.count,
            "query": self.query,
            "missions": self.missions,
            "claims": self.claims,
            "breakdown": self.breakdown,
            "notes": self.notes,
            "declined": self.declined,
            "reason": self.reason,
            "picture": self.picture,
        }
