"""The fact-checker's desk through the real admin pages: annotate, link evidence, decide, see the history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from claims import services
from claims.models import Article, Claim, EvidenceLink
from evidence.models import Aircraft, AircraftType, Mission, Source

BODY = (
    "The US military sharply increased surveillance flights near the border, three US officials said. "
    "A U-2 spy plane flew a mission on February 3, the data shows."
)


@pytest.fixture
def article(factchecker) -> Article:
    return services.article_create(
        title="Spy flights", body=BODY, outlet="Desert Ledger", url="https://example.org/a", user=factchecker
    )


@pytest.fixture
def source(db) -> Source:
    return Source.objects.create(kind="interview", title="Interview with the border czar", publisher="Demo TV")


@pytest.fixture
def mission(db) -> Mission:
    u2, _ = AircraftType.objects.get_or_create(
        designator="U2", defaults={"name": "Lockheed U-2", "is_surveillance": True}
    )
    aircraft = Aircraft.objects.create(hex="ae0a1b", registration="80-1099", aircraft_type=u2, military=True)
    start = dt.datetime(2025, 2, 3, 15, 0, tzinfo=dt.UTC)
    return Mission.objects.create(
        aircraft=aircraft,
        aircraft_type=u2,
        callsign="DRAGN11",
        start=start,
        end=start + dt.timedelta(hours=6),
        track=b"",
        min_lat=29.0,
        min_lon=-104.0,
        max_lat=33.0,
        max_lon=-99.0,
    )


def claim_form(claim: Claim, **fields) -> dict:
    """The claim change form as the browser posts it (inline management forms included)."""
    data = {
        "claimant": claim.claimant,
        "verdict": claim.verdict,
        "rationale": claim.rationale,
        "status": claim.status,
        "due_date": claim.due_date.isoformat() if claim.due_date else "",
        "assignee": claim.assignee_id or "",
        "threads-TOTAL_FORMS": "0",
        "threads-INITIAL_FORMS": "0",
        "evidence_links-TOTAL_FORMS": "0",
        "evidence_links-INITIAL_FORMS": "0",
        "suggestions-TOTAL_FORMS": "0",
        "suggestions-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


def test_fact_checker_creates_a_claim_by_selecting_its_quote(client, factchecker, article):
    client.force_login(factchecker)
    page = client.get(reverse("admin:claims_article_change", args=[article.pk]))
    assert page.status_code == 200
    assert b'id="fc-article-text"' in page.content and b"fc-annotate-form" in page.content
    quote = "A U-2 spy plane flew a mission on February 3"
    start = BODY.index(quote)
    # The page's script sends the selection's code-point offsets; a stray space around it is trimmed.
    resp = client.post(
        reverse("admin:claims_article_annotate", args=[article.pk]),
        {"start": start - 1, "end": start + len(quote), "claimant": "the data"},
    )
    claim = Claim.objects.get(article=article)
    assert resp.status_code == 302 and resp["Location"] == reverse("admin:claims_claim_change", args=[claim.pk])
    assert (claim.exact, claim.start, claim.end) == (quote, start, start + len(quote))
    assert claim.prefix == BODY[start - 32 : start] and claim.suffix == BODY[claim.end : claim.end + 32]
    assert claim.claimant == "the data" and claim.created_by == factchecker


def test_bad_selection_is_refused_with_a_message_and_nothing_written(client, factchecker, article):
    client.force_login(factchecker)
    url = reverse("admin:claims_article_annotate", args=[article.pk])
    resp = client.post(url, {"start": 50, "end": 10_000}, follow=True)
    assert b"No claim created" in resp.content
    resp = client.post(url, {"start": "abc", "end": ""}, follow=True)
    assert b"Select a passage" in resp.content
    assert not Claim.objects.filter(article=article).exists()


def test_link_a_source_with_autocomplete_change_verdict_and_see_history(client, factchecker, article, source, mission):
    client.force_login(factchecker)
    claim = services.claim_create_from_selection(article=article, start=0, end=60, user=factchecker)
    change_url = reverse("admin:claims_claim_change", args=[claim.pk])
    assert client.get(change_url).status_code == 200

    ac = client.get(
        "/admin/autocomplete/",
        {"app_label": "claims", "model_name": "evidencelink", "field_name": "source", "term": "border czar"},
    )
    assert ac.status_code == 200
    assert [r["id"] for r in ac.json()["results"]] == [str(source.pk)]
    for term in ("ae0a1b", "80-1099", "DRAGN", "U2", "2025-02-03"):
        ac = client.get(
            "/admin/autocomplete/",
            {"app_label": "claims", "model_name": "evidencelink", "field_name": "mission", "term": term},
        )
        assert [r["id"] for r in ac.json()["results"]] == [str(mission.pk)], term

    resp = client.post(
        change_url,
        claim_form(
            claim,
            **{
                "evidence_links-TOTAL_FORMS": "2",
                "evidence_links-0-source": str(source.pk),
                "evidence_links-0-relation": "context",
                "evidence_links-0-note": "the interview",
                "evidence_links-1-mission": str(mission.pk),
                "evidence_links-1-relation": "supports",
            },
        ),
    )
    assert resp.status_code == 302, resp.content[:2000]
    links = {(link.source_id, link.mission_id): link for link in EvidenceLink.objects.filter(claim=claim)}
    assert set(links) == {(source.pk, None), (None, mission.pk)}
    assert all(link.added_by == factchecker for link in links.values())

    resp = client.post(change_url, claim_form(claim, verdict="supported", rationale="Flight data shows it."))
    assert resp.status_code == 302
    claim.refresh_from_db()
    assert claim.verdict == "supported" and claim.reviewed_by == factchecker and claim.reviewed_at
    history = client.get(reverse("admin:claims_claim_history", args=[claim.pk]))
    assert history.status_code == 200
    assert b"Supported" in history.content or b"supported" in history.content
    assert claim.history.filter(verdict="supported", history_user=factchecker).exists()


def test_linking_the_same_evidence_twice_is_refused(factchecker, article, source):
    from django.core.exceptions import ValidationError

    claim = services.claim_create_from_selection(article=article, start=0, end=60, user=factchecker)
    services.evidence_link_create(claim=claim, source=source, relation="supports", user=factchecker)
    with pytest.raises(ValidationError, match="already linked"):
        services.evidence_link_create(claim=claim, source=source, relation="refutes", user=factchecker)
    assert EvidenceLink.objects.filter(claim=claim).count() == 1


def test_bulk_verdict_action(client, factchecker, article):
    client.force_login(factchecker)
    a = services.claim_create_from_selection(article=article, start=0, end=30, user=factchecker)
    b = services.claim_create_from_selection(article=article, start=40, end=80, user=factchecker)
    resp = client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "mark_refuted", "_selected_action": [a.pk, b.pk]},
    )
    assert resp.status_code == 302
    assert set(Claim.objects.filter(article=article).values_list("verdict", flat=True)) == {"refuted"}


def test_claim_list_filters(client, factchecker, article, source):
    client.force_login(factchecker)
    linked = services.claim_create_from_selection(article=article, start=0, end=30, user=factchecker)
    services.claim_create_from_selection(article=article, start=40, end=80, user=factchecker)
    services.evidence_link_create(claim=linked, source=source, user=factchecker)
    url = reverse("admin:claims_claim_changelist")
    assert client.get(url, {"has_evidence": "yes"}).context["cl"].result_count == 1
    assert client.get(url, {"has_evidence": "no"}).context["cl"].result_count == 1
    assert client.get(url, {"verdict__exact": "unreviewed"}).context["cl"].result_count == 2
    assert client.get(url, {"q": "officials"}).status_code == 200


def test_editor_sees_everything_and_changes_nothing(client, editor, factchecker, article):
    claim = services.claim_create_from_selection(article=article, start=0, end=30, user=factchecker)
    client.force_login(editor)
    assert client.get(reverse("admin:claims_claim_change", args=[claim.pk])).status_code == 200
    assert client.get(reverse("admin:claims_article_change", args=[article.pk])).status_code == 200
    assert client.get(reverse("admin:evidence_mission_changelist")).status_code == 200
    resp = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), claim_form(claim, verdict="refuted"))
    assert resp.status_code == 403
    resp = client.post(reverse("admin:claims_article_annotate", args=[article.pk]), {"start": 0, "end": 10})
    assert resp.status_code == 403
    assert client.get(reverse("admin:claims_article_add")).status_code == 403
    claim.refresh_from_db()
    assert claim.verdict == "unreviewed" and Claim.objects.filter(article=article).count() == 1


def test_fact_checker_cannot_import_flights_or_edit_aircraft(client, factchecker):
    client.force_login(factchecker)
    assert client.get(reverse("admin:evidence_importrun_upload")).status_code == 403
    assert client.get(reverse("admin:evidence_aircraft_add")).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_signed_in_user_outside_the_desk_gets_no_admin(client, outsider):
    client.force_login(outsider)
    resp = client.get(reverse("admin:claims_claim_changelist"))
    assert resp.status_code == 302 and "/admin/login/" in resp["Location"]


def test_article_added_in_the_admin_goes_through_the_service(client, factchecker, django_capture_on_commit_callbacks):
    client.force_login(factchecker)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        resp = client.post(
            reverse("admin:claims_article_add"),
            {
                "title": "Pasted",
                "outlet": "Wire",
                "author": "",
                "url": "",
                "published_at_0": "2025-02-07",
                "published_at_1": "12:00:00",
                "language": "en",
                "body": "A P-8 flew near Texas on February 3.",
                "claims-TOTAL_FORMS": "0",
                "claims-INITIAL_FORMS": "0",
                "proposed_claims-TOTAL_FORMS": "0",
                "proposed_claims-INITIAL_FORMS": "0",
            },
        )
    assert resp.status_code == 302, resp.content[:3000]
    article = Article.objects.get(title="Pasted")
    assert article.created_by == factchecker and article.extraction_status == "pending"
    assert len(callbacks) == 1  # extraction is queued after commit, never inside the save


def test_article_with_empty_text_is_refused_in_the_admin(client, factchecker):
    client.force_login(factchecker)
    resp = client.post(
        reverse("admin:claims_article_add"),
        {
            "title": "Empty",
            "body": "   ",
            "language": "en",
            "claims-TOTAL_FORMS": "0",
            "claims-INITIAL_FORMS": "0",
            "proposed_claims-TOTAL_FORMS": "0",
            "proposed_claims-INITIAL_FORMS": "0",
        },
    )
    assert resp.status_code == 200 and not Article.objects.filter(title="Empty").exists()


def test_type_corrected_in_the_admin_follows_into_missions(client, staff_admin, mission):
    from evidence.models import MissionRegion, Region

    region = Region.objects.create(
        slug="test-area", name="Test area", kind="area", geometry_wkb=b"", min_lon=0, min_lat=0, max_lon=1, max_lat=1
    )
    MissionRegion.objects.create(
        mission=mission, region=region, over=True, distance_nm=0, mission_start=mission.start, aircraft_type_id="U2",
        aircraft=mission.aircraft,
    )
    AircraftType.objects.get_or_create(designator="R135", defaults={"name": "Boeing RC-135"})
    client.force_login(staff_admin)
    aircraft = mission.aircraft
    resp = client.post(
        reverse("admin:evidence_aircraft_change", args=[aircraft.hex]),
        {
            "hex": aircraft.hex,
            "registration": aircraft.registration,
            "aircraft_type": "R135",
            "type_description": "",
            "operator": "",
            "operator_name": "",
            "military": "on",
            "year": "",
        },
    )
    assert resp.status_code == 302, resp.content[:1500]
    aircraft.refresh_from_db()
    mission.refresh_from_db()
    assert aircraft.aircraft_type_id == "R135" and aircraft.provenance["aircraft_type"]["source"] == "manual"
    assert mission.aircraft_type_id == "R135"
    assert MissionRegion.objects.get(mission=mission).aircraft_type_id == "R135"
