"""Requests the Schemathesis fuzzing (tests/api/test_fuzz.py) found mishandled, replayed exactly: each one once
answered a 500 or broke the documented contract."""
from __future__ import annotations

import gzip
import json

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.wsgi import get_wsgi_application
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from claims.models import Article
from evidence.models import Aircraft, ImportRun, Mission
from tests.api.conftest import MissionFactory, ProposedClaimFactory

pytestmark = pytest.mark.django_db


def documented(user: User, path: str, method: str) -> tuple[schemathesis.APIOperation, dict[str, str]]:
    """The operation as /api/schema/ documents it to ``user``, with that user's token header."""
    headers = {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application(), headers=headers)
    return schema[path][method], headers


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


def test_geojson_export_matches_its_documented_schema(editor, wsgi_db):
    """GET /api/missions/export.geojson: a FeatureCollection object was documented as a binary string."""
    MissionFactory()
    MissionFactory(track=b"", point_count=0)  # no decodable track: the bounding box is the geometry
    operation, headers = documented(editor, "/api/missions/export.geojson", "GET")
    case = operation.Case(headers=headers)
    response = case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
    assert response.status_code == 200
    assert sorted(f["properties"]["geometry_kind"] for f in response.json()["features"]) == ["bbox", "track"]


@pytest.mark.parametrize("resource", ["regions", "organisations", "aircraft", "aircraft-types"])
def test_nul_character_in_a_lookup_is_404(editor_client, resource: str):
    """GET /api/regions/a%00b/: on PostgreSQL the lookup reached the database, which refuses NUL in text, and the
    answer was a 400 "The request could not be processed." (SQLite: 404); nothing can have that name."""
    response = editor_client.get(f"/api/{resource}/a%00b/")
    assert response.status_code == 404, response.content[:300]
    assert response.json() == {"detail": "Not found."}


def test_error_responses_are_documented(factchecker, wsgi_db):
    """POST /api/proposed-claims/{id}/dismiss/ twice: the second answer, a 400 in the {"detail": …} format, was not
    in the schema (nor were 401/403/404 anywhere): every operation now documents the errors it gives."""
    proposal = ProposedClaimFactory()
    operation, headers = documented(factchecker, "/api/proposed-claims/{id}/dismiss/", "POST")
    checks = [status_code_conformance, response_schema_conformance]
    for expected in (200, 400):
        response = operation.Case(path_parameters={"id": proposal.pk}, headers=headers).call_and_validate(checks=checks)
        assert response.status_code == expected
    response = operation.Case(path_parameters={"id": proposal.pk + 1}, headers=headers).call_and_validate(checks=checks)
    assert response.status_code == 404
    response = operation.Case(path_parameters={"id": proposal.pk}).call_and_validate(checks=checks)
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication credentials were not provided."}


def test_throttled_answer_is_documented(factchecker, wsgi_db, settings):
    """GET /api/sources/ over the rate: the 429 (throttling came after the schema's error responses) is documented."""
    operation, headers = documented(factchecker, "/api/sources/", "GET")
    cache.clear()
    settings.API_THROTTLE_RATES = {"user": "1/minute"}
    checks = [status_code_conformance, response_schema_conformance]
    codes = [operation.Case(headers=headers).call_and_validate(checks=checks).status_code for _ in range(2)]
    cache.clear()
    assert codes == [200, 429]


@pytest.mark.parametrize("url", ["/api/claims/.%0A/", "/api/x%0Ay/", "/api/%0A"])
def test_newline_in_an_unknown_path_is_a_json_404(editor_client, url: str):
    """PUT /api/claims/.%0A…/: the API's catch-all did not match a path with a newline, so Django's HTML 404 page
    came back instead of the API's error format."""
    response = editor_client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


PLANE_ALERT_HEADER = b"$ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,$#Tag 2,$#Tag 3,Category,$#Link\n"


def plane_alert_rows(count: int) -> bytes:
    return b"".join(b"AE%04X,N%d,United States Navy,Boeing P-8A Poseidon,P8,Mil,,,,,\n" % (i, i) for i in range(count))


def upload_registry(client: APIClient, content: bytes) -> dict:
    upload = SimpleUploadedFile("plane-alert-mil.csv", content)
    response = client.post("/api/registry-imports/", {"file": upload}, format="multipart")
    return {"status": response.status_code, **response.json()}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x1f\x8b garbage", "not a readable gzip file"),
        (gzip.compress(PLANE_ALERT_HEADER + plane_alert_rows(100))[:60], "not a readable gzip file"),
        (PLANE_ALERT_HEADER + plane_alert_rows(3000) + b"AEFFFF,\xff\xfe,x,y,P8,Mil\n", "line 3002 is not UTF-8 text"),
        (gzip.compress(PLANE_ALERT_HEADER + plane_alert_rows(5000))[:-100], "not a readable gzip file"),
    ],
    ids=["corrupt-gzip", "truncated-gzip", "late-invalid-utf8", "truncated-large-gzip"],
)
def test_unreadable_registry_is_refused_whole(staff_client, content: bytes, reason: str):
    """POST /api/registry-imports/ with a broken gzip was a 500 (BadGzipFile, EOFError); with bytes that are not
    UTF-8 after row 2000 it was a 400 after the first batches had been imported (half-written)."""
    body = upload_registry(staff_client, content)
    assert body["status"] == 400, body
    assert reason in body["file"][0] and body["file"][0].startswith("plane-alert-mil.csv: "), body
    assert not Aircraft.objects.exists()


def test_registry_rows_the_csv_module_cannot_read_are_row_errors(staff_client):
    """A field over the csv module's size limit was a 500 (csv.Error); a NUL character reached the database
    (refused by PostgreSQL). Both are bad rows now; the good rows are imported."""
    huge = b"AE0001,N1,United States Navy," + b"x" * 200_000 + b",P8,Mil,,,,,\n"
    nul = b"AE0002,N\x002,United States Navy,Boeing P-8A Poseidon,P8,Mil,,,,,\n"
    body = upload_registry(staff_client, PLANE_ALERT_HEADER + huge + nul + plane_alert_rows(1))
    assert body["status"] == 201, body
    assert (body["created"], body["error_count"]) == (1, 2)
    assert "field larger than field limit" in body["errors"][0]["reason"]
    assert body["errors"][1] == {"line": 3, "reason": "contains a NUL character (binary data, not a registry row)"}


def readsb_trace(callsign: str, **fields: str) -> bytes:
    rows = [[60 * i, 30 + 0.01 * i, -100.0, 25000, 350, 45, 0, 0, {"flight": callsign} if i == 0 else None]
            for i in range(10)]
    return json.dumps({"icao": "ae1234", "timestamp": 1738540800, "trace": rows, **fields}).encode()


def traffic_records(callsign: str) -> bytes:
    return json.dumps([
        {"timestamp": 1738540800000 + 60000 * i, "icao24": "ae1234", "callsign": callsign, "latitude": 30.0,
         "longitude": -100.0 + 0.01 * i, "altitude": 25000}
        for i in range(10)
    ]).encode()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (readsb_trace("AB\x00C"), "callsign 'AB\\x00C' contains a NUL character"),
        (readsb_trace("RCH1", r="N1\x002"), "registration 'N1\\x002' contains a NUL character"),
        (traffic_records("A\x00B"), "callsign 'A\\x00B' contains a NUL character"),
    ],
    ids=["readsb-callsign", "readsb-registration", "traffic-callsign"],
)
def test_flight_file_with_nul_text_is_a_bad_file(staff_client, content: bytes, reason: str):
    """POST /api/flight-imports/ with a NUL in a callsign: PostgreSQL refused the write half-way, the answer was a
    400 "could not be processed" and the import run stayed "running" for ever (SQLite stored the NUL). The file is
    reported like any malformed file now, with where and why, and nothing of it is written."""
    upload = SimpleUploadedFile("trace_full_ae1234.json", content)
    response = staff_client.post("/api/flight-imports/", {"files": [upload]}, format="multipart")
    assert response.status_code == 201, response.content[:300]
    body = response.json()
    assert body["status"] == "failed"
    assert [(e["location"], e["reason"]) for e in body["errors"]] == [("aircraft ae1234", reason)]
    assert not Mission.objects.exists() and not Aircraft.objects.exists()
    assert list(ImportRun.objects.values_list("status", flat=True)) == ["failed"]
