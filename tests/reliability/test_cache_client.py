"""project.cache: one redis.Redis client per connection pool (Django builds one per cache operation; issue 12)."""
from __future__ import annotations

import os

import pytest

from project.cache import RedisCache


def test_the_client_is_built_once_per_pool():
    cache = RedisCache("redis://127.0.0.1:6379/4", {})
    first = cache._cache.get_client("k", write=True)
    assert cache._cache.get_client("other") is first  # one server: reads and writes share the pool
    assert first.connection_pool is cache._cache._get_connection_pool(True)


@pytest.mark.services
def test_settings_use_it_and_it_reads_and_writes_redis():
    from django.conf import settings

    url = os.environ.get("CACHE_URL", "").replace("rediscache://", "redis://")
    if not url.startswith("redis://"):
        pytest.skip("CACHE_URL is not a Redis URL")
    assert settings.CACHES["default"]["BACKEND"] == "project.cache.RedisCache"
    cache = RedisCache(url, {})
    cache.set("fc-h2-cache-client", 41, 10)
    assert cache.incr("fc-h2-cache-client") == 42 and cache.get("fc-h2-cache-client") == 42
    cache.delete("fc-h2-cache-client")


@pytest.mark.services
def test_incr_is_djangos_incr_in_one_round_trip():
    url = os.environ.get("CACHE_URL", "").replace("rediscache://", "redis://")
    if not url.startswith("redis://"):
        pytest.skip("CACHE_URL is not a Redis URL")
    cache = RedisCache(url, {})
    cache.delete("fc-h12-incr")
    with pytest.raises(ValueError):
        cache.incr("fc-h12-incr")
    assert cache.get("fc-h12-incr") is None  # a missing key is not created by the attempt
    cache.set("fc-h12-incr", 5, 10)
    assert cache.incr("fc-h12-incr", 3) == 8 and cache.get("fc-h12-incr") == 8
    assert 0 < cache._cache.get_client("fc-h12-incr").ttl(cache.make_and_validate_key("fc-h12-incr")) <= 10
    cache.delete("fc-h12-incr")
