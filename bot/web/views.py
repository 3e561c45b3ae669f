"""``/bot/chat/``: ask the bot from the web app. Signed-in users with ``bot.ask_bot``; CSRF-protected form POST.

The conversation lives in the session (the last ``HISTORY`` exchanges). A plain form POST redirects back to the page
(post/redirect/get); the page's script posts the same form with ``Accept: application/json`` and gets the exchange
back as JSON (the Answer's machine-readable form plus rendered HTML) to append without reloading.
"""
from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods

from bot.answers import Answer
from bot.models import Platform
from bot.platforms import mission_details, mission_title

SESSION_KEY = "bot_chat"
HISTORY = 30


def _exchange(question: str, answer: Answer) -> dict[str, Any]:
    """What the page shows for one question (JSON-serialisable, stored in the session)."""
    return {
        "question": question,
        "answer": answer.to_dict(),
        "text": answer.summary(),  # the records are listed below it, not repeated in it
        "records": [
            {"title": mission_title(m), "details": mission_details(m), "url": _safe_url(m.get("url"))}
            for m in answer.missions
        ],
        "claims": [
            {"title": f"Claim {c.get('id', '?')}", "text": c.get("text", ""), "verdict": c.get("verdict", ""),
             "url": _safe_url(c.get("url"))}
            for c in answer.claims
        ],
        "error": answer.declined,
        "picture": {
            "src": _safe_url(answer.picture.get("url")), "map": _safe_url(answer.picture.get("map_url")),
            "alt": answer.picture.get("alt", ""), "kind": answer.picture.get("kind", ""),
        } if answer.picture else None,
    }


def _safe_url(url: Any) -> str:
    """A link for the page: http(s) or site-relative only. Links into this site (the answers carry ``SITE_URL``
    links, made for chat platforms) become site-relative, so they open on the host the user is signed in to."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://", "/")):
        return ""
    site = settings.SITE_URL.rstrip("/")
    if site and url.startswith(site + "/"):
        return url[len(site) :]
    return url


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_http_methods(["GET", "POST"])
def chat(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("bot.ask_bot"):
        raise PermissionDenied("You may not ask the bot.")
    state = request.session.get(SESSION_KEY)
    if not isinstance(state, dict) or not isinstance(state.get("history"), list):
        state = {"thread": uuid.uuid4().hex, "history": []}

    if request.method == "POST":
        if request.POST.get("action") == "clear":
            request.session.pop(SESSION_KEY, None)
            return JsonResponse({"cleared": True}) if _wants_json(request) else redirect("bot:chat")
        question = request.POST.get("text", "").strip()
        if not question:
            if _wants_json(request):
                return JsonResponse({"error": "Type a question first."}, status=400)
            return redirect("bot:chat")
        from bot.services import ask  # the answering core

        answer = ask(
            text=question,
            user=request.user,
            platform=Platform.WEB,
            channel="web",
            thread=state["thread"],
            user_key=f"web:{request.user.pk}",
        )
        exchange = _exchange(question, answer)
        state["history"] = [*state["history"], exchange][-HISTORY:]
        request.session[SESSION_KEY] = state
        if _wants_json(request):
            html = render_to_string("bot/_exchange.html", {"exchange": exchange}, request=request)
            return JsonResponse({**exchange, "html": html})
        return redirect("bot:chat")

    return render(request, "bot/chat.html", {"history": state["history"]})
