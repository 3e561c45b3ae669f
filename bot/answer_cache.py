"""The bot's answer cache (issue 12, load): the same question in the same conversation state on the same day, over
the same data, gets the answer it got before without reading it again.

An answer depends on the question's text (exactly as sent), the conversation's last query (follow-ups, pictures of
the previous answer), today's date (UTC: "last week", bare months, "has not happened yet", nearby-year hints), the
data and the code. The key holds all of them: the text, the stored context, the date, the data version
(``project.data_version``: every committed write through Django bumps it — imports, claims, verdicts, articles,
evidence links, reference data, people) and a fingerprint of the answering code and the settings it reads. Who asks
is not in it: permission and the rate limit are checked before the cache, and no answer differs by asker. What an
answer changes is done again on a hit by ``bot.services``: the conversation context (written for this asker's
conversation), the claims' chat threads, the question log.

The version is read once, before the answer is computed, and the answer is stored under that version: an answer
stored under *v* includes everything committed before *v* was current, so a reader who sees *v* never gets an
older one. Entries expire after ``BOT_ANSWER_CACHE_SECONDS`` (0: no cache; production default 600 s with Redis,
off with the per-process cache, which other processes' writes cannot reach). A hit's picture link was signed when
the answer was made: it expires up to that many seconds before ``PICTURE_LINK_MAX_AGE`` from now.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache

from project.data_version import data_version

logger = logging.getLogger(__name__)

#: Settings an answer's wording or scope reads.
_SETTINGS = ("NEAR_NM", "SITE_URL", "POINT_REGION_CAP_NM", "SUBDIVISION_REGION_CAP_NM", "REGION_DISTANCE_CAP_NM",
             "SPACY_MODEL", "PICTURE_LINK_MAX_AGE", "ROOT_URLCONF")
_CODE_DIRS = ("bot", "claims", "evidence", "project")


def enabled() -> bool:
    return int(getattr(settings, "BOT_ANSWER_CACHE_SECONDS", 0) or 0) > 0


@functools.cache
def code_fingerprint() -> str:
    """The answering code and settings, as a short hash: a deploy never reads answers the old code made."""
    root = Path(settings.BASE_DIR)
    h = hashlib.blake2b(digest_size=8)
    for folder in _CODE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            stat = path.stat()
            h.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    h.update(repr([getattr(settings, name, None) for name in _SETTINGS]).encode())
    return h.hexdigest()


def answer_key(text: str, previous: Any, today: dt.date) -> str | None:
    """The cache key for this question now, or None when the cache is off or unreachable."""
    if not enabled():
        return None
    try:
        version = data_version()
    except Exception:
        logger.warning("bot: answer cache unavailable", exc_info=True)
        return None
    state = json.dumps([text, previous, today.isoformat()], sort_keys=True, default=str, ensure_ascii=False)
    digest = hashlib.blake2b(state.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return f"bot:answer:{code_fingerprint()}:{version}:{digest}"


def get(key: str | None) -> tuple[Any, Any, Any] | None:
    """(answer, query, the context's new query) stored under ``key``, or None."""
    if key is None:
        return None
    try:
        return cache.get(key)
    except Exception:  # an entry of another version of the classes, the cache down: answer afresh
        logger.warning("bot: could not read a cached answer", exc_info=True)
        return None


def put(key: str | None, answer: Any, query: Any, context_query: Any) -> None:
    if key is None or answer.reason == "error":
        return
    try:
        cache.set(key, (answer, query, context_query), timeout=int(settings.BOT_ANSWER_CACHE_SECONDS))
    except Exception:
        logger.warning("bot: could not cache an answer", exc_info=True)
