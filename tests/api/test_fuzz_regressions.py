"""Requests the Schemathesis fuzzing (tests/api/test_fuzz.py) found mishandled, replayed exactly: each one once
answered a 500 or broke the documented contract."""
from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Article

pytestmark = pytest.mark.django_db


def test_article_without_title_takes_its_first_line(fc_client):
    """POST /api/articles/ {"body": "0"}: the title is optional in the API, the service required it (500)."""
    response = fc_client.post("/api/articles/", {"body": "0"}, format="json")
    assert response.status_code == 201, response.content[:300]
    assert response.json()["title"] == "0"
    response = fc_client.post("/api/articles/", {"body": "First line\nSecond line"}, format="json")
    assert response.status_code == 201, response.content[:300]
    assert Article.objects.get(pk=response.json()["id"]).title == "First line"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(("url", "detail"), [
    ("/api/claims/0.5/", "Not found."),
    ("/api/claims", "Not found. Did you mean /api/claims/ (with the trailing slash)?"),
])
def test_unknown_api_path_is_a_json_404_for_every_method(factchecker, method: str, url: str, detail: str):
    """PUT /api/claims/0.5/ with a token: the CSRF check (a real client gets it; the test client skips it unless
    asked) answered the catch-all with Django's HTML 403 page instead of the API's 404."""
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=factchecker).key}")
    response = getattr(client, method)(url, {}, format="json")
    assert response.status_code == 404, response.content[:300]
    assert response.json() == {"detail": detail}
