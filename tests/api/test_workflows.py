"""Round trips through the API: ingest an article → extraction → entities and proposed claims → accept one → evidence
suggestions → link one → verdict → ClaimReview; flight and registry imports; asking the bot; scoping."""
from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from claims.models import Article
from evidence.models import Aircraft, AircraftType, ImportRun, Mission, Organisation
from tests.api.conftest import AircraftFactory, ImportRunFactory, MissionFactory, QuestionFactory
from tests.api.test_exports import claim_review_errors

pytestmark = pytest.mark.django_db

ARTICLE = {
    "title": "Navy spy planes step up Gulf flights",
    "outlet": "CNN",
    "url": "https://news.example/2026/03/navy-p8",
    "published_at": "2026-03-01T09:00:00Z",
    "body": (
        "Navy P-8 surveillance planes flew at least 18 missions near the Gulf coast in February, "
        "three US officials said on Sunday. A Pentagon spokesperson declined to comment on the flights."
    ),
}


@pytest.fixture
def vocabulary(seeded):
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    yield
    invalidate_vocabulary_cache()


def test_article_round_trip(fc_client, staff_client, vocabulary, django_capture_on_commit_callbacks):
    p8 = AircraftType.objects.get(designator="P8")
    navy = Organisation.objects.get(slug="us-navy")
    mission = MissionFactory(
        aircraft=AircraftFactory(aircraft_type=p8, operator=navy), start=dt.datetime(2026, 2, 12, 15, 0, tzinfo=dt.UTC)
    )

    with django_capture_on_commit_callbacks(execute=True):
        created = fc_client.post("/api/articles/", ARTICLE, format="json")
    assert created.status_code == 201, created.content
    article_id = created.json()["id"]
    assert created.json()["extraction_status"] == "pending"  # the response is sent before extraction runs

    article = fc_client.get(f"/api/articles/{article_id}/").json()
    assert article["extraction_status"] == "done", article["extraction_error"]
    entities = fc_client.get(f"/api/entities/?article={article_id}").json()["results"]
    assert {"AIRCRAFT", "DATE"} <= {e["label"] for e in entities}
    assert any(e["text"] == "P-8" for e in entities)
    proposals = fc_client.get(f"/api/proposed-claims/?article={article_id}&status=open").json()["results"]
    assert proposals, "the extractor proposed no claim"
    proposal = max(proposals, key=lambda p: p["score"])
    assert "P-8" in proposal["text"]

    with django_capture_on_commit_callbacks(execute=True):
        accepted = fc_client.post(f"/api/proposed-claims/{proposal['id']}/accept/")
    assert accepted.status_code == 201, accepted.content
    claim = accepted.json()
    assert claim["selectors"]["TextQuoteSelector"]["exact"] == proposal["text"]
    assert fc_client.get(f"/api/proposed-claims/{proposal['id']}/").json()["status"] == "accepted"

    suggestions = fc_client.get(f"/api/suggestions/?claim={claim['id']}").json()["results"]
    assert [s["mission"]["id"] for s in suggestions] == [mission.pk]
    assert suggestions[0]["linked"] is False
    linked = fc_client.post(f"/api/suggestions/{suggestions[0]['id']}/link/", {"relation": "refutes"}, format="json")
    assert linked.status_code == 201, linked.content
    assert fc_client.get(f"/api/suggestions/{suggestions[0]['id']}/").json()["linked"] is True

    verdict = fc_client.patch(
        f"/api/claims/{claim['id']}/",
        {"verdict": "refuted", "rationale": "One P-8 mission in February, not 18."},
        format="json",
    )
    assert verdict.status_code == 200, verdict.content
    body = verdict.json()
    assert body["verdict"] == "refuted" and body["reviewed_by"] == "fc"
    assert [e["mission"]["id"] for e in body["evidence"]] == [mission.pk]
    assert fc_client.get(f"/api/claims/?has_evidence=true&article={article_id}").json()["count"] == 1

    assert fc_client.get(f"/api/claims/{claim['id']}/claimreview/").status_code == 404  # not signed off yet
    assert staff_client.post(f"/api/claims/{claim['id']}/sign-off/").status_code == 200  # a second reviewer
    review = fc_client.get(f"/api/claims/{claim['id']}/claimreview/").json()
    assert claim_review_errors(review) == []
    assert review["itemReviewed"]["appearance"]["url"] == ARTICLE["url"]
    assert review["itemReviewed"]["author"]["name"] == "three US officials"


def test_editing_an_article_reanchors_and_requeues(fc_client, vocabulary, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article_id = fc_client.post("/api/articles/", ARTICLE, format="json").json()["id"]
    new_body = "UPDATE: corrected. " + ARTICLE["body"]
    start = ARTICLE["body"].index("Navy P-8")
    claim = fc_client.post(
        "/api/claims/", {"article": article_id, "start": start, "end": start + 20}, format="json"
    ).json()
    with django_capture_on_commit_callbacks(execute=True):
        edited = fc_client.patch(f"/api/articles/{article_id}/", {"body": new_body}, format="json")
    assert edited.status_code == 200, edited.content
    moved = fc_client.get(f"/api/claims/{claim['id']}/").json()
    assert moved["anchor_status"] == "moved"
    assert moved["selectors"]["TextPositionSelector"]["start"] == start + len("UPDATE: corrected. ")
    assert Article.objects.get(pk=article_id).extraction_status == "done"


def test_dismiss_a_proposal(fc_client, vocabulary, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article_id = fc_client.post("/api/articles/", ARTICLE, format="json").json()["id"]
    proposal = fc_client.get(f"/api/proposed-claims/?article={article_id}").json()["results"][0]
    dismissed = fc_client.post(f"/api/proposed-claims/{proposal['id']}/dismiss/")
    assert dismissed.status_code == 200
    assert dismissed.json()["status"] == "dismissed" and dismissed.json()["decided_by"] == "fc"


# --- imports (staff) ------------------------------------------------------------------------------------------------


FIXTURES = __import__("pathlib").Path(__file__).resolve().parent.parent / "flightdata" / "fixtures"


def _upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes())


def test_flight_import_upload(staff_client, staff_admin):
    response = staff_client.post(
        "/api/flight-imports/",
        {"files": [_upload("readsb_14field.json"), _upload("bad_not_json.json")]},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    run = response.json()
    assert run["origin"] == "api" and run["started_by"] == staff_admin.username
    assert (run["files_read"], run["files_failed"]) == (1, 1)
    assert run["status"] == "partial"
    assert run["missions_created"] >= 1
    assert [e["path"].rsplit("/", 1)[-1] for e in run["errors"]] == ["bad_not_json.json"]
    assert Mission.objects.filter(import_run_id=run["id"]).count() == run["missions_created"]
    listed = staff_client.get(f"/api/missions/?import_run={run['id']}").json()
    assert listed["count"] == run["missions_created"]


def test_import_run_errors_show_file_names_not_server_paths_to_non_staff(editor_client, staff_client):
    run = ImportRunFactory(errors=[{"path": "/srv/adsb/2026/02/trace_full_ae1234.json", "location": "", "reason": "x"}])
    assert editor_client.get(f"/api/import-runs/{run.pk}/").json()["errors"][0]["path"] == "trace_full_ae1234.json"
    assert staff_client.get(f"/api/import-runs/{run.pk}/").json()["errors"][0]["path"].startswith("/srv/")
    mission = MissionFactory(source_files=["/srv/adsb/2026/02/trace_full_ae1234.json"])
    assert editor_client.get(f"/api/missions/{mission.pk}/").json()["source_files"] == ["trace_full_ae1234.json"]
    assert staff_client.get(f"/api/missions/{mission.pk}/").json()["source_files"][0].startswith("/srv/")


def test_registry_import_upload(staff_client, seeded):
    csv_text = (
        "$ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,$#Tag 2,$#Tag 3,Category,$#Link\n"
        "AE1234,169001,United States Navy,Boeing P-8A Poseidon,P8,Mil,Navy,,,,\n"
    )
    upload = SimpleUploadedFile("plane-alert-db.csv", csv_text.encode())
    response = staff_client.post("/api/registry-imports/", {"file": upload}, format="multipart")
    assert response.status_code == 201, response.content
    result = response.json()
    assert result["format"] == "plane-alert"
    assert result["created"] + result["updated"] == 1, result
    aircraft = Aircraft.objects.get(hex="ae1234")
    assert (aircraft.registration, aircraft.aircraft_type_id) == ("169001", "P8")


def test_only_staff_with_import_permissions_import(client_for):
    for role in ("editor", "factchecker", "outsider"):
        response = client_for(role).post(
            "/api/flight-imports/", {"files": [_upload("readsb_14field.json")]}, format="multipart"
        )
        assert response.status_code == 403, role
    assert not ImportRun.objects.exists()


# --- the bot ----------------------------------------------------------------------------------------------------------


def test_ask(editor_client, editor, vocabulary):
    response = editor_client.post("/api/ask/", {"text": "How many P-8 flights in February 2026?"}, format="json")
    assert response.status_code == 200, response.content
    answer = response.json()
    assert set(answer) == {"answer", "count", "query", "missions", "claims", "breakdown", "notes", "declined", "reason",
                           "picture"}
    assert answer["declined"] is False, answer
    assert answer["count"] == 0
    mine = editor_client.get("/api/questions/").json()["results"]
    assert [q["text"] for q in mine] == ["How many P-8 flights in February 2026?"]


def test_questions_are_private(editor_client, editor, factchecker):
    own = QuestionFactory(user=editor)
    theirs = QuestionFactory(user=factchecker)
    listed = editor_client.get("/api/questions/").json()
    assert [q["id"] for q in listed["results"]] == [own.pk]
    assert editor_client.get(f"/api/questions/{theirs.pk}/").status_code == 404
    assert editor_client.get("/api/conversations/").status_code == 404  # not exposed at all


# --- authentication -------------------------------------------------------------------------------------------------


def test_session_authentication_enforces_csrf(factchecker):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(factchecker)
    assert client.get("/api/claims/").status_code == 200
    response = client.post("/api/sources/", {"kind": "document", "title": "Memo"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_token_authentication_needs_no_csrf(fc_client):
    response = fc_client.post("/api/sources/", {"kind": "document", "title": "Memo"}, format="json")
    assert response.status_code == 201
    assert response.json()["created_by"] == "fc"


def test_inactive_users_are_refused(factchecker, client_for):
    client = client_for("factchecker")
    factchecker.is_active = False
    factchecker.save()
    assert client.get("/api/claims/").status_code == 401
