"""The OpenAPI 3 schema builds without warnings, validates, and documents every endpoint; the docs pages render."""
from __future__ import annotations

import json

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

EXPECTED_PATHS = {
    "/api/articles/", "/api/claims/", "/api/claims/{id}/claimreview/", "/api/claims/{id}/annotation/",
    "/api/claim-reviews/", "/api/annotations/", "/api/evidence-links/", "/api/sources/", "/api/missions/",
    "/api/missions/export.csv", "/api/missions/export.geojson", "/api/aircraft/", "/api/aircraft-types/",
    "/api/regions/", "/api/proposed-claims/{id}/accept/", "/api/proposed-claims/{id}/dismiss/",
    "/api/suggestions/{id}/link/", "/api/import-runs/", "/api/flight-imports/", "/api/registry-imports/", "/api/ask/",
}


def test_schema_endpoint(editor_client):
    response = editor_client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= EXPECTED_PATHS
    mission_params = {p["name"] for p in schema["paths"]["/api/missions/"]["get"]["parameters"]}
    assert {"type", "role", "operator", "military", "region", "near_nm", "over", "orbit", "start", "end",
            "include", "search", "ordering", "page"} <= mission_params
    claim_params = {p["name"] for p in schema["paths"]["/api/claims/"]["get"]["parameters"]}
    assert {"verdict", "article", "has_evidence"} <= claim_params
    security = {name for item in schema["paths"]["/api/claims/"]["get"]["security"] for name in item}
    assert {"tokenAuth", "cookieAuth"} <= security


def test_schema_yaml_and_docs(editor_client):
    response = editor_client.get("/api/schema/")
    assert response.status_code == 200
    assert yaml.safe_load(response.content)["info"]["title"] == "Flightcheck API"
    assert b"swagger-ui" in editor_client.get("/api/docs/").content
    assert b"redoc" in editor_client.get("/api/docs/redoc/").content


def test_spectacular_command_validates_without_warnings(tmp_path):
    """The CI check: ``manage.py spectacular --validate --fail-on-warn``."""
    out = tmp_path / "schema.yml"
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(out), "--urlconf", settings.ROOT_URLCONF
    )
    assert "/api/claims/" in out.read_text()
