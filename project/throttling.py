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

from django.conf import settings
from rest_framework.throttling import ScopedRateThrottle, UserRateThrottle


class _RatesFromSettings:
    scope: str

    def get_rate(self) -> str | None:
        return getattr(settings, "API_THROTTLE_RATES", {}).get(self.scope)


class UserThrottle(_RatesFromSettings, UserRateThrottle):
    """Signed-in users and tokens, per user."""


class HeavyOperationThrottle(_RatesFromSettings, ScopedRateThrottle):
    """Views that set ``throttle_scope = "heavy"``; views without a scope are left alone."""
