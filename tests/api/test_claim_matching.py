"""The same claim across outlets, through the API and the admin: articles from real reporting (short excerpts, see
tests/quality/claim_matching_set.json) → extraction → matches with score and reasons → a fact-checker confirms or
rejects → copies the verdict, rationale and evidence links → the cluster says who said it first."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMatch, EvidenceLink
from claims.selectors import first_reported
from tests.api.conftest import MissionFactory

pytestmark = pytest.mark.django_db

CNN = {
    "title": "US spy planes hunt for intel on Mexican drug cartels",
    "outlet": "CNN",
    "url": "https://news.example/cnn/spy-planes",
    "published_at": "2025-02-07T12:00:00Z",
    "body": (
        "The US military has significantly increased its surveillance of Mexican drug cartels over the past two "
        "weeks, with sophisticated spy planes flying at least 18 missions over the southwestern US and in "
        "international airspace around the Baja peninsula, officials said.\n\n"
        "At least 11 of these recent flights around the US have been by Navy P-8s, a prized plane."
    ),
}
NEWSMAX = {
    "title": "Pentagon ramps up surveillance of cartels",
    "outlet": "Newsmax",
    "url": "https://news.example/newsmax/surveillance",
    "published_at": "2025-02-10T12:00:00Z",
    "body": (
        "Over the past two weeks, the American military has ramped up its surveillance of Mexican drug cartels, "
        "flying at least 18 missions over the southwestern U.S. and the Baja peninsula, CNN reported.\n\n"
        "According to CNN, at least 11 of the recent flights have been conducted by Navy P-8s."
    ),
}
Q18 = {
    "CNN": "with sophisticated spy planes flying at least 18 missions over the southwestern US and in international "
    "airspace around the Baja peninsula",
    "Newsmax": "the American military has ramped up its surveillance of Mexican drug cartels, flying at least 18 "
    "missions over the southwestern U.S. and the Baja peninsula",
}
Q11 = {
    "CNN": "At least 11 of these recent flights around the US have been by Navy P-8s",
    "Newsmax": "at least 11 of the recent flights have been conducted by Navy P-8s",
}


@pytest.fixture
def vocabulary(seeded):
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    yield
    invalidate_vocabulary_cache()


def _annotate(fc_client, article: dict, quotes: list[str], capture) -> tuple[int, list[int]]:
    with capture(execute=True):
        article_id = fc_client.post("/api/articles/", article, format="json").json()["id"]
    ids = []
    for quote in quotes:
        start = article["body"].index(quote)
        with capture(execute=True):
            response = fc_client.post(
                "/api/claims/", {"article": article_id, "start": start, "end": start + len(quote)}, format="json"
            )
        assert response.status_code == 201, response.content
        ids.append(response.json()["id"])
    return article_id, ids


@pytest.fixture
def two_outlets(fc_client, vocabulary, django_capture_on_commit_callbacks):
    cap = django_capture_on_commit_callbacks
    _, (cnn18, cnn11) = _annotate(fc_client, CNN, [Q18["CNN"], Q11["CNN"]], cap)
    _, (nm18, nm11) = _annotate(fc_client, NEWSMAX, [Q18["Newsmax"], Q11["Newsmax"]], cap)
    return {"cnn18": cnn18, "cnn11": cnn11, "nm18": nm18, "nm11": nm11}


def test_each_claim_matches_the_same_claim_in_the_other_outlet_and_nothing_else(fc_client, two_outlets):
    c = two_outlets
    pairs = {(m.claim_id, m.other_id) for m in ClaimMatch.objects.filter(claim__isnull=False)}
    assert pairs == {(c["nm18"], c["cnn18"]), (c["nm11"], c["cnn11"])}
    body = fc_client.get(f"/api/claims/{c['nm18']}/matches/").json()
    (match,) = body["matches"]
    assert match["claim"]["id"] == c["cnn18"] and match["status"] == "suggested"
    assert match["score"] >= 0.75
    assert match["reasons"][0].startswith("same scope: count 18") and match["reasons"][-1].startswith("text 0.")
    assert [m["id"] for m in body["cluster"]] == [c["cnn18"], c["nm18"]] and body["cluster"][0]["first"] is True
    # The extraction's proposed claims were matched too (a proposal of Newsmax's article states the 18 missions).
    assert ClaimMatch.objects.filter(proposal__article__outlet="Newsmax", other_id=c["cnn18"]).exists()


def test_confirm_then_copy_verdict_rationale_and_evidence(fc_client, editor_client, two_outlets):
    c = two_outlets
    mission = MissionFactory()
    fc_client.post("/api/evidence-links/", {"claim": c["cnn18"], "mission": mission.pk}, format="json")
    fc_client.patch(f"/api/claims/{c['cnn18']}/", {"verdict": "supported", "rationale": "18 found."}, format="json")
    match = ClaimMatch.objects.get(claim_id=c["nm18"])

    early = fc_client.post(f"/api/claims/{c['nm18']}/matches/{match.pk}/copy/")
    assert early.status_code == 400 and "Confirm" in early.content.decode()
    assert editor_client.post(f"/api/claims/{c['nm18']}/matches/{match.pk}/confirm/").status_code == 403
    confirmed = fc_client.post(f"/api/claims/{c['nm18']}/matches/{match.pk}/confirm/")
    assert confirmed.json() == {"match_id": match.pk, "status": "confirmed", "decided_by": "fc"}
    copied = fc_client.post(f"/api/claims/{c['nm18']}/matches/{match.pk}/copy/").json()["copied"]
    assert copied == {"rationale": "copied", "verdict": "supported", "evidence_links": 1}
    target = Claim.objects.get(pk=c["nm18"])
    assert target.verdict == "supported" and target.status == "needs_review"  # a copied verdict is reviewed again
    assert target.rationale.startswith("18 found.") and f"Copied from claim #{c['cnn18']} (CNN)" in target.rationale
    assert EvidenceLink.objects.get(claim=target).mission == mission
    assert fc_client.post(f"/api/claims/{c['nm18']}/matches/999999/confirm/").status_code == 404


def test_admin_lists_the_match_confirms_rejects_and_shows_the_cluster(client, factchecker, two_outlets):
    c = two_outlets
    client.force_login(factchecker)
    page = client.get(reverse("admin:claims_claim_change", args=[c["nm11"]])).content.decode()
    assert "The same claim elsewhere" in page and f"#{c['cnn11']}" in page and "same scope: count 11" in page
    match = ClaimMatch.objects.get(claim_id=c["nm11"])
    response = client.post(reverse("admin:claims_claim_match", args=[c["nm11"]]), {"match": f"{match.pk}:reject"})
    assert response.status_code == 302
    match.refresh_from_db()
    assert (match.status, match.decided_by) == ("rejected", factchecker)
    page = client.get(reverse("admin:claims_claim_change", args=[c["nm11"]])).content.decode()
    assert "No matching claim in other articles on record." in page  # a rejected match is not listed

    cluster = client.get(reverse("admin:claims_claim_cluster", args=[c["nm18"]])).content.decode()
    assert "First said by <strong>CNN</strong>" in cluster
    table = cluster[cluster.index('id="fc-cluster"'):]
    assert table.index(f">#{c['cnn18']}<") < table.index(f">#{c['nm18']}<") and "repeated it" in table


def test_who_first_reported_the_18_missions(two_outlets):
    first, cluster = first_reported(18)
    assert first.pk == two_outlets["cnn18"]
    assert [cl.pk for cl in cluster] == [two_outlets["cnn18"], two_outlets["nm18"]]
    assert first_reported(99) == (None, [])


def test_the_bot_answers_appeared_elsewhere_and_who_first_reported(fc_client, two_outlets):
    c = two_outlets
    first = fc_client.post("/api/ask/", {"text": "who first reported the 18 missions?"}, format="json").json()
    assert first["answer"].startswith("First on record: CNN, 7 February 2025")
    assert f"claim #{c['cnn18']}" in first["answer"]
    assert [cl["id"] for cl in first["claims"]] == [c["cnn18"], c["nm18"]]
    explicit = fc_client.post(
        "/api/ask/", {"text": f"has claim {c['nm11']} appeared elsewhere?"}, format="json"
    ).json()
    assert explicit["count"] == 1 and f"#{c['cnn11']} CNN" in explicit["answer"] and "suggested" in explicit["answer"]
    # "this claim" is the one the conversation is about.
    fc_client.post("/api/ask/", {"text": f"what supports claim {c['nm18']}?"}, format="json")
    this = fc_client.post("/api/ask/", {"text": "has this claim appeared elsewhere?"}, format="json").json()
    assert this["answer"].startswith(f"Claim #{c['nm18']}") and f"#{c['cnn18']} CNN" in this["answer"]
    none = fc_client.post("/api/ask/", {"text": "who first reported the 99 missions?"}, format="json").json()
    assert none["answer"] == "No claim on record states 99 missions."


def _match_rows() -> set[tuple]:
    return set(ClaimMatch.objects.values_list("claim_id", "proposal_id", "other_id", "score", "strong", "status"))


def test_matching_an_article_takes_as_many_queries_whatever_its_number_of_proposals(two_outlets):
    """The decided matches are read once and the suggestions replaced in one delete and one insert for all of an
    article's claims and proposals (was four queries per proposal: 177 queries on a 44-proposal article)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.models import ProposedClaim
    from claims.services.matching import matches_refresh_for_article

    article_id = Claim.objects.get(pk=two_outlets["nm18"]).article_id
    with CaptureQueriesContext(connection) as before:
        matches_refresh_for_article(article_id=article_id)
    proposal = ProposedClaim.objects.filter(article_id=article_id, status="open").first()
    for shift in range(1, 7):  # six more open proposals, each matching the CNN claims as the first does
        ProposedClaim.objects.create(article_id=article_id, start=proposal.start + shift, end=proposal.end,
                                     text=proposal.text, score=proposal.score, reasons=proposal.reasons,
                                     scope=proposal.scope, stated_count=proposal.stated_count)
    with CaptureQueriesContext(connection) as after:
        made = matches_refresh_for_article(article_id=article_id)
    assert len(after) == len(before), [q["sql"][:80] for q in after]
    assert ClaimMatch.objects.filter(proposal__article_id=article_id).count() == made - 2  # and the two claims'


def test_matching_again_keeps_decided_matches_and_a_failed_refresh_writes_nothing(two_outlets, monkeypatch):
    from claims.services.matching import matches_refresh_for_article

    c = two_outlets
    article_id = Claim.objects.get(pk=c["nm18"]).article_id
    ClaimMatch.objects.filter(claim_id=c["nm11"]).update(status="rejected")
    rows = _match_rows()
    matches_refresh_for_article(article_id=article_id)
    assert _match_rows() == rows and ClaimMatch.objects.get(claim_id=c["nm11"]).status == "rejected"

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(ClaimMatch.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        matches_refresh_for_article(article_id=article_id)
    assert _match_rows() == rows  # the suggestions deleted before the failed insert are back
