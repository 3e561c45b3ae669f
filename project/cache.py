"""Django's Redis cache backend, with one ``redis.Redis`` client per connection pool instead of one per operation.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache operation, and redis-py's
constructor fills a table of ~170 response callbacks each time: under load that was the most expensive line of
``POST /api/ask/`` outside the answer itself (four cache operations per request: the API throttle, the bot's rate
limit — issue 12). A ``redis.Redis`` is safe to share between threads (every command borrows a connection from the
pool), so one per pool is enough. ``incr`` is one atomic round trip (a short Lua script) instead of two.
``project.settings`` puts this backend in place of Django's when ``CACHE_URL`` is a Redis URL.
"""
from __future__ import annotations

from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)
        clients: dict[int, Any] = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def incr(self, key: Any, delta: int) -> int:
        """Django's ``incr`` (ValueError when the key is missing) in one round trip and atomically: Django asks
        ``EXISTS`` and then ``INCRBY``, two round trips, between which the key may expire (and be created by the
        increment without its time-to-live)."""
        client = self.get_client(key, write=True)
        value = client.eval(_INCR_EXISTING, 1, key, delta)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


#: INCRBY only when the key exists (nil otherwise).
_INCR_EXISTING = "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end"


class RedisCache(DjangoRedisCache):
    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
