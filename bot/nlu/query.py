"""The typed query a question is read into: what the answer is computed from, and nothing else."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from claims.selectors import ClaimFilter
from evidence.scope import Period, Scope

MAX_QUESTION_CHARS = 2000
BREAKDOWN_KEYS = ("day", "week", "month", "year", "type", "region", "operator")


class Intent(StrEnum):
    """What a question asks for."""

    COUNT = "count"
    LIST = "list"
    WHEN = "when"
    WHICH_AIRCRAFT = "which_aircraft"
    BREAKDOWN = "breakdown"
    COMPARE = "compare"
    #: "What share of the flights near Texas were P-8s?": ``scope`` is the part, ``other`` the whole (bot.nlu.ratios).
    SHARE = "share"
    #: "On average how many flights a week in 2024?": ``baseline`` is the unit (bot.nlu.ratios).
    AVERAGE = "average"
    #: "How close did the U-2 get to Texas?": the smallest measured distance to the scope's one place.
    CLOSEST = "closest"
    #: "Was there coverage near Kaliningrad in October 2025?": the aircraft the receivers heard (all traffic).
    COVERAGE = "coverage"
    #: Round 18: how long the scope's missions were heard, or how many distinct callsigns / types / days it holds;
    #: ``which`` says what (bot.nlu.timing.MEASURES).
    MEASURE = "measure"
    CLAIMS = "claims"
    CLAIM_EVIDENCE = "claim_evidence"
    HELP = "help"
    UNKNOWN = "unknown"


#: Kept for callers that listed the intents as strings.
INTENTS = tuple(i.value for i in Intent)


@dataclass(frozen=True)
class BotQuery:
    """What a question asks, fully resolved: the answer is computed from this and nothing else."""

    intent: Intent = Intent.UNKNOWN
    scope: Scope = field(default_factory=Scope)
    #: For "when": "first" or "last".
    which: str = ""
    #: For "breakdown": one of BREAKDOWN_KEYS.
    by: str = ""
    #: For "breakdown": True when the question asks which one ranks first ("busiest day", "most common type").
    rank: bool = False
    #: For a ranking: how many to name ("top 3 types"); 1 by default.
    top: int = 0
    #: For "compare": the other side's whole scope (``scope`` is the first side).
    other: Scope | None = None
    #: For "compare" against an average: the unit it is per ("month" for "the 2024 monthly average"); ``other`` is
    #: then the period averaged over.
    baseline: str = ""
    #: For "claims" / "claim_evidence".
    claims: ClaimFilter | None = None
    #: True when this query edits the previous one in the conversation.
    follow_up: bool = False
    #: Phrases the parser understood, as "kind: text" (shown when declining).
    understood: tuple[str, ...] = ()
    #: Words it could not place. Non-empty means the bot declines rather than answer a different question.
    not_understood: tuple[str, ...] = ()
    #: Why the question is declined whatever its words ("why": the records hold no reasons).
    decline: str = ""
    #: Words that may name an aircraft (hex, registration, callsign): the service resolves them against the records.
    identities: tuple[str, ...] = ()
    #: Typos corrected before reading: ("Texs", "Texas").
    corrections: tuple[tuple[str, str], ...] = ()
    #: How ambiguous parts were decided ("February" → "February 2025, the most recent February with missions").
    notes: tuple[str, ...] = ()
    #: Set on the conversation's context when a later question was declined: that question's text.
    last_declined: str = ""
    #: For "count": the question counts aircraft ("how many P-8s flew…"): the answer says how many flew the missions.
    airframes: bool = False
    #: For a claim put to the bot ("Is it true that … 11 missions …?"): the number it states, in digits ("more than
    #: 10"; a vague amount as written), which the answer says beside the records' count (bot.nlu.claim_check).
    claimed: str = ""
    #: The picture the question asks for ("map", "chart"; "" = the answer's usual one): bot.nlu.picture_words.
    picture: str = ""
    #: Round 18: only missions starting in this window of the UTC day, [start, end) in minutes (end <= start wraps
    #: over midnight): "between 02:00 and 06:00 UTC".
    window: tuple[int, int] | None = None
    #: Round 18: only missions heard for longer / shorter than this: (">" | ">=" | "<" | "<=", seconds).
    lasting: tuple[str, int] | None = None

    @property
    def compare_with(self) -> Period | None:
        """The other side's period (comparisons of two periods)."""
        return self.other.period if self.other is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "intent": str(self.intent),
            "scope": self.scope.to_dict(),
            "which": self.which,
            "by": self.by,
            "rank": self.rank,
            "top": self.top,
            "other": self.other.to_dict() if self.other is not None else None,
            "compare_with": period_dict(self.compare_with),
            "baseline": self.baseline,
            "claims": self.claims.to_dict() if self.claims else None,
            "follow_up": self.follow_up,
            "understood": list(self.understood),
            "not_understood": list(self.not_understood),
            "decline": self.decline,
            "identities": list(self.identities),
            "corrections": [list(c) for c in self.corrections],
            "notes": list(self.notes),
            "last_declined": self.last_declined,
            "airframes": self.airframes,
            "picture": self.picture,
            "window": list(self.window) if self.window else None,
            "lasting": list(self.lasting) if self.lasting else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BotQuery:
        scope = Scope.from_dict(data.get("scope") or {})
        other = Scope.from_dict(data["other"]) if data.get("other") else None
        if other is None and data.get("compare_with"):  # contexts saved before comparisons had two scopes
            other = scope.with_changes(period=period_from(data["compare_with"]))
        return cls(
            intent=Intent(str(data.get("intent", "unknown"))),
            scope=scope,
            which=str(data.get("which", "")),
            by=str(data.get("by", "")),
            rank=bool(data.get("rank", False)),
            top=int(data.get("top", 0) or 0),
            other=other,
            baseline=str(data.get("baseline", "")),
            claims=ClaimFilter.from_dict(data["claims"]) if data.get("claims") else None,
            follow_up=bool(data.get("follow_up", False)),
            understood=tuple(data.get("understood", ())),
            not_understood=tuple(data.get("not_understood", ())),
            decline=str(data.get("decline", "")),
            identities=tuple(data.get("identities", ())),
            corrections=tuple(tuple(c) for c in data.get("corrections", ())),  # type: ignore[misc]
            notes=tuple(data.get("notes", ())),
            last_declined=str(data.get("last_declined", "")),
            airframes=bool(data.get("airframes", False)),
            picture=str(data.get("picture", "")),
            window=(int(data["window"][0]), int(data["window"][1])) if data.get("window") else None,
            lasting=(str(data["lasting"][0]), int(data["lasting"][1])) if data.get("lasting") else None,
        )


def period_dict(p: Period | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"start": p.start.isoformat(), "end": p.end.isoformat(), "text": p.text, "year_inferred": p.year_inferred}


def period_from(d: dict[str, Any]) -> Period:
    return Period(
        start=dt.date.fromisoformat(d["start"]),
        end=dt.date.fromisoformat(d["end"]),
        text=d.get("text", ""),
        year_inferred=bool(d.get("year_inferred", False)),
    )
