"""API throttling: DRF's rate throttles with their rates read from settings at request time.

DRF's own classes copy ``DEFAULT_THROTTLE_RATES`` once, when the module is imported; these read
``settings.API_THROTTLE_RATES`` on every request, so a settings override (a test's, say) takes effect at once. In a
deployment the rates come from ``API_THROTTLE_USER`` / ``API_THROTTLE_HEAVY`` at start-up. A scope whose rate is
``None`` is not throttled. Counters live in Django's cache — shared by every process when it is Redis, as in
production.

Scopes: ``user`` (every authenticated request) and ``heavy`` (operations that read uploads or queue work: flight and
registry imports, article ingest), on top of ``user``. The bot keeps its own per-user rate limit
(``BOT_RATE_LIMIT``), which answers in words on every platform. There is no anonymous scope: every endpoint refuses
anonymous requests (401) before DRF reaches its throttles, so an anonymous rate would never be consulted.
"""
from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.throttling import ScopedRateThrottle, UserRateThrottle


class _RatesFromSettings:
    """A rate from settings and a constant-cost check (the generic cell rate algorithm, GCRA).

    DRF's own check keeps a list of every request's time within the window and pickles it to and from the cache on
    each request: at the default 5,000/hour a busy token moves a list of up to 5,000 floats twice per request (issue
    12, load). GCRA keeps one number per client, the "theoretical arrival time" ``tat``: each request moves it
    ``duration / num`` seconds on (from now, if it lies in the past); a request that would move it more than
    ``duration`` past now is refused, and ``Retry-After`` is how long until it would not. So at most ``num`` requests
    in a burst, then one per ``duration / num`` — the same limit, without window edges. Like DRF's check, the
    read and the write are two cache operations (two concurrent requests of one client may both pass).
    """

    scope: str
    cache: Any
    timer: Any

    def get_rate(self) -> str | None:
        return getattr(settings, "API_THROTTLE_RATES", {}).get(self.scope)

    def _gcra(self, request: Any, view: Any) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        num, duration = self.num_requests, self.duration
        now = self.timer()
        step = duration / num
        tat = max(float(self.cache.get(f"{self.key}:tat") or 0.0), now) + step
        self._wait = tat - now - duration
        if self._wait > 0:
            return False
        self.cache.set(f"{self.key}:tat", tat, int(duration) + 1)
        return True

    def wait(self) -> float | None:
        return max(getattr(self, "_wait", 0.0), 0.0) or None


class UserThrottle(_RatesFromSettings, UserRateThrottle):
    """Signed-in users and tokens, per user."""

    def allow_request(self, request: Any, view: Any) -> bool:
        return self._gcra(request, view)


class HeavyOperationThrottle(_RatesFromSettings, ScopedRateThrottle):
    """Views that set ``throttle_scope = "heavy"``; views without a scope are left alone."""

    def allow_request(self, request: Any, view: Any) -> bool:
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return self._gcra(request, view)
