"""The desk's workflow through the API and the admin: assignment, status, due dates, a second reviewer's sign-off
before a verdict is published, the queue filters, notifications, and the new-missions rule run by a flight import."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Claim, EvidenceSuggestion, Notification
from claims.services import article_create, claim_create_from_selection
from tests.api.conftest import ArticleFactory, ClaimFactory, token_client
from tests.conftest import _user

pytestmark = pytest.mark.django_db

FIXTURES = __import__("pathlib").Path(__file__).resolve().parent.parent / "flightdata" / "fixtures"


@pytest.fixture
def second_fc(db):
    return _user("fc2", "Fact-checkers")


@pytest.fixture
def claim(db):
    return ClaimFactory(article=ArticleFactory())


def test_assign_notifies_and_moves_to_in_progress(fc_client, factchecker, second_fc, claim):
    response = fc_client.patch(
        f"/api/claims/{claim.pk}/", {"assignee": "fc2", "due_date": "2026-03-05"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["assignee"], body["status"], body["due_date"]) == ("fc2", "in_progress", "2026-03-05")
    (note,) = Notification.objects.filter(recipient=second_fc)
    assert note.kind == "assigned" and f"#{claim.pk}" in note.text and "fc assigned you" in note.text
    assert "due 5 March 2026" in note.text
    mine = token_client(second_fc).get("/api/claims/?assignee=me").json()
    assert [c["id"] for c in mine["results"]] == [claim.pk]
    assert fc_client.get("/api/claims/?assignee=me").json()["count"] == 0


def test_only_fact_checkers_assign_and_are_assigned(fc_client, editor_client, editor, claim):
    refused = editor_client.patch(f"/api/claims/{claim.pk}/", {"assignee": "fc"}, format="json")
    assert refused.status_code == 403
    bad = fc_client.patch(f"/api/claims/{claim.pk}/", {"assignee": editor.username}, format="json")
    assert bad.status_code == 400 and "cannot check claims" in bad.content.decode()
    unknown = fc_client.patch(f"/api/claims/{claim.pk}/", {"assignee": "nobody"}, format="json")
    assert unknown.status_code == 400
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_verdict_needs_a_second_reviewer_before_it_is_published(fc_client, factchecker, second_fc, claim):
    fc_client.patch(f"/api/claims/{claim.pk}/", {"assignee": "fc"}, format="json")
    decided = fc_client.patch(
        f"/api/claims/{claim.pk}/", {"verdict": "refuted", "rationale": "One mission, not 18."}, format="json"
    ).json()
    assert (decided["status"], decided["published_at"]) == ("needs_review", None)
    assert fc_client.get("/api/claims/?awaiting_my_review=true").json()["count"] == 0
    second = token_client(second_fc)
    assert [c["id"] for c in second.get("/api/claims/?awaiting_my_review=true").json()["results"]] == [claim.pk]

    own = fc_client.post(f"/api/claims/{claim.pk}/sign-off/")
    assert own.status_code == 400 and "someone other than" in own.content.decode()
    done_by_hand = fc_client.patch(f"/api/claims/{claim.pk}/", {"status": "done"}, format="json")
    assert done_by_hand.status_code == 400 and "sign" in done_by_hand.content.decode()

    signed = second.post(f"/api/claims/{claim.pk}/sign-off/")
    assert signed.status_code == 200, signed.content
    body = signed.json()
    assert (body["status"], body["second_reviewer"]) == ("done", "fc2") and body["published_at"]
    assert Notification.objects.filter(recipient=factchecker, kind="signed_off").count() == 1
    again = second.post(f"/api/claims/{claim.pk}/sign-off/")
    assert again.status_code == 400 and "Already signed off" in again.content.decode()

    changed = fc_client.patch(f"/api/claims/{claim.pk}/", {"verdict": "partly_supported"}, format="json").json()
    assert (changed["status"], changed["published_at"], changed["second_reviewer"]) == ("needs_review", None, None)


def test_status_moves_and_a_review_needs_a_verdict(fc_client, claim):
    assert fc_client.patch(f"/api/claims/{claim.pk}/", {"status": "in_progress"}, format="json").json()[
        "status"
    ] == "in_progress"
    early = fc_client.patch(f"/api/claims/{claim.pk}/", {"status": "needs_review"}, format="json")
    assert early.status_code == 400 and "Decide a verdict" in early.content.decode()
    odd = fc_client.patch(f"/api/claims/{claim.pk}/", {"status": "finished"}, format="json")
    assert odd.status_code == 400
    assert fc_client.get("/api/claims/?status=in_progress").json()["count"] == 1


def test_admin_queue_assignment_and_sign_off(client, factchecker, second_fc, claim):
    other = ClaimFactory(article=claim.article, start=0, end=4)
    client.force_login(factchecker)
    changelist = reverse("admin:claims_claim_changelist")
    client.post(changelist, {"action": "assign_to_me", "_selected_action": [claim.pk]})
    assert Claim.objects.get(pk=claim.pk).assignee == factchecker
    mine = client.get(changelist, {"queue": "mine"})
    assert list(mine.context["cl"].result_list) == [Claim.objects.get(pk=claim.pk)]
    client.post(changelist, {"action": "mark_refuted", "_selected_action": [claim.pk, other.pk]})
    assert set(Claim.objects.values_list("status", flat=True)) == {"needs_review"}
    assert client.get(changelist, {"queue": "awaiting_review"}).context["cl"].result_count == 0

    client.force_login(second_fc)
    awaiting = client.get(changelist, {"queue": "awaiting_review"})
    assert awaiting.context["cl"].result_count == 2
    client.post(changelist, {"action": "sign_off", "_selected_action": [claim.pk]})
    signed = Claim.objects.get(pk=claim.pk)
    assert signed.status == "done" and signed.second_reviewer == second_fc and signed.published_at
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert "Done (signed off, published)" in page and "fc2" in page

    # The notification list shows each person their own.
    client.force_login(factchecker)
    notes = client.get(reverse("admin:claims_notification_changelist"))
    assert [n.recipient for n in notes.context["cl"].result_list] == [factchecker]
    assert "signed off by fc2" in notes.content.decode()


def test_admin_change_form_assigns_through_the_service(client, factchecker, second_fc, claim):
    client.force_login(factchecker)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = {
        "claimant": claim.claimant, "verdict": claim.verdict, "rationale": "", "status": "to_do",
        "assignee": str(second_fc.pk), "due_date": "2026-04-01",
        "threads-TOTAL_FORMS": "0", "threads-INITIAL_FORMS": "0",
        "evidence_links-TOTAL_FORMS": "0", "evidence_links-INITIAL_FORMS": "0",
        "suggestions-TOTAL_FORMS": "0", "suggestions-INITIAL_FORMS": "0",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content[:3000]
    saved = Claim.objects.get(pk=claim.pk)
    assert (saved.assignee, saved.status, saved.due_date) == (second_fc, "in_progress", dt.date(2026, 4, 1))
    assert Notification.objects.filter(recipient=second_fc, kind="assigned").exists()
    refused = client.post(url, {**form, "status": "needs_review"})
    assert refused.status_code == 200 and "Decide a verdict" in refused.content.decode()


@pytest.fixture
def vocabulary(seeded):
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    yield
    invalidate_vocabulary_cache()


def test_an_imported_mission_in_an_open_claims_scope_is_suggested_and_its_assignee_told(
    staff_client, vocabulary, second_fc, django_capture_on_commit_callbacks
):
    body = "A U-2 spy plane flew a mission on February 3, the data shows. Nobody commented."
    quote = "A U-2 spy plane flew a mission on February 3"
    with django_capture_on_commit_callbacks(execute=True):
        article = article_create(
            title="U-2", body=body, published_at=dt.datetime(2025, 2, 7, tzinfo=dt.UTC), queue_extraction=False
        )
        claim = claim_create_from_selection(article=article, start=0, end=len(quote))
        closed = claim_create_from_selection(article=article, start=0, end=len(quote) - 2)
    Claim.objects.filter(pk=claim.pk).update(assignee=second_fc, status="in_progress")
    Claim.objects.filter(pk=closed.pk).update(status="done")
    assert not EvidenceSuggestion.objects.exists()  # no missions yet

    upload = SimpleUploadedFile("readsb_14field.json", (FIXTURES / "readsb_14field.json").read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post("/api/flight-imports/", {"files": [upload]}, format="multipart")
    assert response.status_code == 201, response.content
    from evidence.models import Mission

    imported = Mission.objects.filter(import_run_id=response.json()["id"])
    on_the_day = imported.filter(aircraft_type_id="U2", start__date=dt.date(2025, 2, 3))
    assert on_the_day.count() >= 1
    suggestions = EvidenceSuggestion.objects.filter(claim=claim)
    assert set(suggestions.values_list("mission_id", flat=True)) == set(on_the_day.values_list("pk", flat=True))
    assert all(s.reason.startswith("New: U2, 3 Feb 2025") for s in suggestions)
    assert not EvidenceSuggestion.objects.filter(claim=closed).exists()  # done claims are not reopened
    (note,) = Notification.objects.filter(recipient=second_fc)
    n = on_the_day.count()
    assert note.kind == "new_missions" and f"{n} newly imported mission{'s' if n > 1 else ''} in its scope" in note.text

    # Importing the same file again makes no duplicate suggestion and no new notification.
    again = SimpleUploadedFile("readsb_14field.json", (FIXTURES / "readsb_14field.json").read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post("/api/flight-imports/", {"files": [again]}, format="multipart")
    assert EvidenceSuggestion.objects.filter(claim=claim).count() == n
    assert Notification.objects.filter(recipient=second_fc).count() == 1
