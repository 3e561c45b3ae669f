"""Django's model permissions with each user's permission set kept in the cache (``settings.AUTHENTICATION_BACKENDS``).

Django's ``ModelBackend`` reads a user's permissions with two queries (the user's own, the groups') on the first
``has_perm`` of every request: on ``POST /api/ask/`` that was about a tenth of Django's CPU per answer (issue 12).
:class:`CachedPermissionsBackend` keeps the set, as ``ModelBackend`` computes it, in Django's cache (Redis in
production, shared by every worker) under a key with a *generation* number. Any change that can alter anyone's
permissions — a user, group or permission saved or deleted, a user's groups or permissions, a group's permissions
changed — bumps the generation, so the next check of every user reads the database again: a revoked permission is
gone on the next request, in every process that shares the cache. (A change made behind the ORM's back — raw SQL —
is seen after :data:`PERMISSIONS_TTL_S` at the latest.) A set read inside a transaction is not cached (it could be
rolled back), and the generation is bumped again when the changing transaction commits. Inactive and anonymous
users are never looked up, as in ``ModelBackend``.

With the per-process local-memory cache (development, tests) a change made in another process is only seen after
the TTL; production uses Redis (``CACHE_URL``).
"""
from __future__ import annotations

import contextlib
import functools
import logging
import time
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication as DRFTokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

#: The longest a permission set stays cached without a change being seen (only changes outside the ORM need it).
PERMISSIONS_TTL_S = 300
_GENERATION_KEY = "auth:perms:generation"
logger = logging.getLogger(__name__)


def _generation() -> int:
    """The current generation; a missing one (evicted, ``cache.clear()``) starts at a value never used before."""
    generation = cache.get(_GENERATION_KEY)
    if generation is None:
        cache.add(_GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(_GENERATION_KEY)
    return generation


def invalidate_permissions(**_: Any) -> None:
    """Forget every cached permission set (a signal receiver; safe to call directly after raw SQL): now, and again
    when the transaction that made the change commits — a set another request cached in between read the old
    rows."""
    _bump()
    if connection.in_atomic_block:
        transaction.on_commit(_bump)


def _in_transaction() -> bool:
    """Inside a transaction of our own (not a test case's wrapper): what it reads may still be rolled back."""
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _bump() -> None:
    try:
        try:
            cache.incr(_GENERATION_KEY)
        except ValueError:  # no generation yet (or evicted): a fresh one is as good as a bump
            cache.set(_GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:  # the cache is down: the change is saved; cached sets (if any survive) expire within the TTL
        logger.warning("auth: could not invalidate the cached permissions", exc_info=True)


def _user_saved(sender: Any, update_fields: Any = None, **kwargs: Any) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:  # every sign-in: changes no permission
        return
    invalidate_permissions()


class CachedPermissionsBackend(ModelBackend):
    """``ModelBackend`` (authentication and permissions unchanged) with the permission set read from the cache."""

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if hasattr(user_obj, "_perm_cache"):  # already read in this request
            return user_obj._perm_cache
        key = f"auth:perms:{user_obj.pk}"
        try:  # one round trip: the generation and the user's entry, (generation it was read under, set)
            found = cache.get_many([_GENERATION_KEY, key])
            generation = found.get(_GENERATION_KEY)
            if generation is None:
                generation = _generation()
        except Exception:  # cache down: the database answers, as without this backend
            return super().get_all_permissions(user_obj, obj)
        cached = found.get(key)
        if cached is not None and cached[0] == generation:
            user_obj._perm_cache = set(cached[1])
            return user_obj._perm_cache
        perms = super().get_all_permissions(user_obj, obj)
        if _in_transaction():  # e.g. an admin page that just changed a group: never cache what may be rolled back
            return perms
        with contextlib.suppress(Exception):  # not caching is always correct
            cache.set(key, (generation, frozenset(perms)), timeout=PERMISSIONS_TTL_S)
        return perms


def connect_signals() -> None:
    """Bump the generation on every ORM change that can alter a permission set (called from an app's ``ready``, so
    that processes that never check a permission — the shell, the workers, management commands — bump it too)."""
    post_save.connect(_user_saved, sender=User, dispatch_uid="project.auth.user_saved")
    for model in (User, Group, Permission):
        post_delete.connect(invalidate_permissions, sender=model, dispatch_uid=f"project.auth.{model.__name__}.del")
    for model in (Group, Permission):
        post_save.connect(invalidate_permissions, sender=model, dispatch_uid=f"project.auth.{model.__name__}.save")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"project.auth.{through.__name__}")


def _m2m_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        invalidate_permissions()


class TokenAuthentication(DRFTokenAuthentication):
    """DRF's token authentication (same header, same errors, same ``(user, token)``) with the token and its user
    read by one fixed statement built once per process, instead of a query the ORM builds on every request (about a
    tenth of Django's CPU per ``POST /api/ask/``, issue 12). The key is a bound parameter."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        from rest_framework.authtoken.models import Token

        sql, user_fields = _token_statement()
        with connection.cursor() as cursor:
            cursor.execute(sql, [key])
            row = cursor.fetchone()
        if row is None:
            raise AuthenticationFailed(_("Invalid token."))
        user = User.from_db(connection.alias, user_fields, row[2:])
        if not user.is_active:
            raise AuthenticationFailed(_("User inactive or deleted."))
        token = Token.from_db(connection.alias, ["key", "user_id", "created"], [key, user.pk, row[1]])
        token.user = user
        return user, token


@functools.cache
def _token_statement() -> tuple[str, list[str]]:
    from rest_framework.authtoken.models import Token

    q = connection.ops.quote_name
    fields = [f for f in User._meta.concrete_fields]
    columns = ", ".join(f"u.{q(f.column)}" for f in fields)
    sql = (f"SELECT t.{q('key')}, t.{q('created')}, {columns} FROM {q(Token._meta.db_table)} t "
           f"JOIN {q(User._meta.db_table)} u ON u.{q(User._meta.pk.column)} = t.{q('user_id')} WHERE t.{q('key')} = %s")
    return sql, [f.attname for f in fields]
