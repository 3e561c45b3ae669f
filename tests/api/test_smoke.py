import pytest

pytestmark = pytest.mark.django_db


def test_root(editor_client):
    r = editor_client.get("/api/")
    assert r.status_code == 200, r.content
