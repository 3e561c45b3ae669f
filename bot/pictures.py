"""Pictures in chat: which picture an answer carries, and the "show me a map" / "chart it" follow-ups.

An answer about missions (a count, a list, a breakdown with records) carries ``Answer.picture``: a map of its scope,
or for a breakdown a bar chart of its rows; every platform shows it with the answer (Slack and Matrix upload the
PNG to the thread, Mattermost posts it as a file, the web chat shows it inline). The picture is named by a signed
link (``/pictures/s/<token>.png``, valid ``settings.PICTURE_LINK_MAX_AGE``) so that a chat platform can fetch it
without a session, and comes with the interactive map's link (``/scope/map?…``) and its text alternative: the
answer's own text.

The follow-up wording is a small intent of its own (``picture_request``), checked before the question parser: a
request for a picture of the previous answer, never a new question. The parser's design may absorb it later.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode

from bot.answers import Answer
from evidence.pictures import params
from evidence.scope import Scope

#: Words a picture request may hold besides the picture word: "please show me that on a map", "chart it".
_FILLER = frozenset({
    "please", "can", "could", "would", "you", "show", "me", "us", "draw", "give", "send", "plot", "it", "them", "that",
    "this", "those", "these", "a", "an", "the", "on", "as", "in", "of",
})
_CHART_WORDS = frozenset({"chart", "graph", "plot", "timeline", "picture", "bars"})


def picture_request(text: str) -> str:
    """"map" or "chart" when the message only asks for a picture of the previous answer ("show me a map", "map it",
    "chart it", "plot that please"), else "". Any other word makes it an ordinary question."""
    words = re.findall(r"[^\W\d_]+", str(text).lower())  # letters of any script
    if not words or len(words) > 10 or re.search(r"[0-9]", str(text)):
        return ""
    content = [w for w in words if w not in _FILLER or w == "plot"]
    if content == ["map"]:
        return "map"
    if len(content) == 1 and content[0] in _CHART_WORDS:
        return "chart"
    return ""


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def picture_for(
    scope: Scope, *, kind: str, by: str = "", alt: str = "", ids: list[int] | None = None,
    other: Scope | None = None, labels: list[str] | None = None,
) -> dict[str, Any]:
    """The picture reference an Answer carries: {"kind", "url" (signed PNG), "map_url", "alt", "filename"}.
    ``ids`` draws those missions only (the one a "when" answer names); ``other`` and ``labels``: a comparison's
    second side and the two sides' names (its bars)."""
    extra: dict[str, Any] = {"by": by} if kind == "breakdown" and by else {}
    if ids is not None:
        extra["ids"] = ids
    if other is not None:
        extra["o"], extra["labels"] = other.to_dict(), list(labels or ())
    token = params.sign_picture(kind, scope, **extra)
    query = urlencode(params.params_from_scope(scope))
    return {
        "kind": kind,
        "url": _absolute(reverse("pictures:signed-image", args=[token, "png"])),
        "map_url": _absolute(reverse("scope-map") + (f"?{query}" if query else "")),
        "alt": alt,
        "filename": f"flightcheck-{kind}.png",
    }


def attach_picture(answer: Answer, query: Any, *, kind: str = "") -> Answer:
    """Give an answer about missions its picture (in place; returned for chaining). ``kind`` forces "map" or
    "chart"; otherwise a breakdown gets its bars and any other answer with records a map."""
    if answer.declined or query is None or getattr(query, "intent", "") not in _MISSION_INTENTS:
        return answer
    if not kind and not answer.missions and not answer.breakdown:
        return answer
    scope: Scope = query.scope
    by = getattr(query, "by", "") or ""
    if query.intent == "compare":  # two bars, one per side (a map of one side would show half the question)
        if kind != "map" and query.other is not None and not query.baseline and len(answer.breakdown) == 2:
            answer.picture = picture_for(scope, kind="compare", alt=answer.summary(), other=query.other,
                                         labels=[row["label"] for row in answer.breakdown])
        return answer
    if kind == "chart" or (not kind and answer.breakdown):
        if by:
            answer.picture = picture_for(scope, kind="breakdown", by=by, alt=answer.summary())
        else:
            answer.picture = picture_for(scope, kind="timeline", alt=answer.summary())
    elif query.intent in {"when", "closest"} and answer.missions:
        shown = _measured_scope(scope) if query.intent == "closest" else scope
        answer.picture = picture_for(shown, kind="map", alt=answer.summary(), ids=[answer.missions[0]["id"]])
        answer.picture["map_url"] = answer.missions[0].get("url") or answer.picture["map_url"]
    else:
        answer.picture = picture_for(scope, kind="map", alt=answer.summary())
    return answer


def render_png(picture: dict[str, Any]) -> bytes:
    """The picture's PNG, drawn here (for platforms the PNG is uploaded to: Slack, Matrix)."""
    from evidence.pictures.views import draw_scope

    token = picture["url"].rsplit("/s/", 1)[1].removesuffix(".png")
    payload = params.read_picture_token(token)
    return draw_scope(payload["k"], payload["scope"], "png", by=payload.get("by", "type"),
                      ids=payload.get("ids"), other=payload.get("other"), labels=payload.get("labels")).content


_MISSION_INTENTS = {"count", "list", "breakdown", "which_aircraft", "when", "closest", "compare"}


def picture_answer(previous: Any, kind: str) -> Answer:
    """The answer to "show me a map" / "chart it": the previous question's picture, or why there is none."""
    if previous is None or getattr(previous, "intent", "") not in _MISSION_INTENTS:
        return Answer(text='Ask a question about missions first, then "show me a map" or "chart it" draws its '
                           "answer.", declined=True, reason="not_understood", ephemeral=True)
    if getattr(previous, "window", None) is not None or getattr(previous, "lasting", None) is not None:
        return Answer(text="The pictures draw whole scopes: they cannot leave out missions by the hour they started or "
                           "how long they were heard. Ask again without the hours or the duration to draw it.",
                      declined=True, reason="not_understood", ephemeral=True)
    if getattr(previous, "intent", "") == "compare":
        return _comparison_picture(previous, kind)
    from evidence.describing import describe_scope

    scope: Scope = previous.scope
    words = describe_scope(scope) if not scope.is_empty() else "in the records"
    what = "Map" if kind == "map" else ("Chart" if getattr(previous, "by", "") else "Timeline")
    answer = Answer(text=f"{what} of the missions {words}.", query=previous.to_dict())
    return attach_picture(answer, previous, kind=kind)


def _comparison_picture(previous: Any, kind: str) -> Answer:
    """"Chart it" after a comparison: its two bars. A map of two scopes would draw one over the other, and a
    comparison with an average has no second scope of missions to draw: both are said, not drawn."""
    from bot.nlu.compare import side_label

    if kind == "map" or previous.other is None or previous.baseline:
        why = ("a map would draw both sides' missions as one" if kind == "map" else
               "an average is a number, not a set of missions")
        return Answer(text=f'A comparison is drawn as two bars ("chart it"); {why}. Ask for each side on its own to '
                           "map it.", declined=True, reason="not_understood", ephemeral=True)
    labels = [side_label(previous.scope, previous.other), side_label(previous.other, previous.scope)]
    answer = Answer(text=f"Chart of the comparison: {labels[0]} against {labels[1]}.", query=previous.to_dict())
    answer.picture = picture_for(previous.scope, kind="compare", alt=answer.summary(), other=previous.other,
                                 labels=labels)
    return answer


def _measured_scope(scope: Scope) -> Scope:
    """A "how close" answer's map: its place out to the distance the records measured (the closest mission may be
    farther than "near")."""
    from evidence import selectors

    region = selectors.region_by_slug(scope.regions[0].slug)
    return selectors.measured_around(scope, region) if region is not None else scope
