"""The cached permission sets (project/auth.py): two queries fewer per request, and every change seen at once."""
from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


def _ask(client) -> int:
    return client.post("/api/ask/", {"text": "claims without evidence"}, format="json").status_code


def _permission_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/api/missions/").status_code == 200
    return sum("auth_permission" in q["sql"] for q in ctx.captured_queries)


def test_the_permission_set_is_read_once_then_cached(editor):
    client = token_client(editor)
    assert _permission_queries(client) == 2  # the user's own and the groups' permissions
    assert _permission_queries(client) == 0


@pytest.mark.parametrize("revoke", ["leave the group", "group loses the permission", "deactivate", "delete group"])
def test_a_revoked_permission_is_gone_on_the_next_request(editor, revoke):
    client = token_client(editor)
    assert _ask(client) == 200  # cached now
    editors = Group.objects.get(name="Editors")
    ask_bot = Permission.objects.get(codename="ask_bot")
    if revoke == "leave the group":
        editor.groups.remove(editors)
    elif revoke == "group loses the permission":
        editors.permissions.remove(ask_bot)
    elif revoke == "deactivate":
        editor.is_active = False
        editor.save()
    else:
        editors.delete()
    assert _ask(client) in {401, 403}


@pytest.mark.parametrize("grant", ["join a group", "own permission", "group gains it"])
def test_a_granted_permission_counts_on_the_next_request(outsider, grant):
    client = token_client(outsider)
    assert _ask(client) == 403  # cached now: no permissions
    ask_bot = Permission.objects.get(codename="ask_bot")
    if grant == "join a group":
        outsider.groups.add(Group.objects.get(name="Editors"))
    elif grant == "own permission":
        outsider.user_permissions.add(ask_bot)
    else:
        group = Group.objects.create(name="Askers")
        outsider.groups.add(group)
        assert _ask(client) == 403
        group.permissions.add(ask_bot)
    assert _ask(client) == 200


def test_a_sign_in_does_not_drop_the_cache(editor, client):
    token = token_client(editor)
    _permission_queries(token)
    editor.set_password("a-long-test-password")
    editor.save()
    _permission_queries(token)
    client.login(username=editor.username, password="a-long-test-password")  # saves last_login only
    assert _permission_queries(token) == 0


def test_a_rolled_back_grant_is_not_cached(outsider):
    from django.db import transaction

    client = token_client(outsider)
    assert _ask(client) == 403
    with transaction.atomic():
        outsider.groups.add(Group.objects.get(name="Editors"))
        assert _ask(client) == 200  # inside the transaction the grant is visible…
        transaction.set_rollback(True)
    assert _ask(client) == 403  # …and gone with it
