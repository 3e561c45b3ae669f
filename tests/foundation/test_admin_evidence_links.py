"""Evidence links in the admin go through the services: an existing link's claim, mission and source are fixed.

Regression for issue 12 defect 10: the evidence-link admin (and the claim page's evidence rows) saved links around
``evidence_link_update`` and let a link move to another claim, mission or source, which the service forbids.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import EvidenceLink
from tests.api.conftest import ClaimFactory, EvidenceLinkFactory, MissionFactory, SourceFactory
from tests.foundation.test_admin import claim_form

pytestmark = pytest.mark.django_db


def claim_page_form(claim, links, **overrides) -> dict:
    # The desk workflow branch added required fields and inlines to the claim page (status, due date, assignee,
    # threads): the post starts from the shared helper that knows the whole form, and adds the evidence rows.
    data = claim_form(
        claim,
        **{"evidence_links-TOTAL_FORMS": str(len(links)), "evidence_links-INITIAL_FORMS": str(len(links))},
    )
    for i, link in enumerate(links):
        data |= {
            f"evidence_links-{i}-id": str(link.pk),
            f"evidence_links-{i}-claim": str(claim.pk),
            f"evidence_links-{i}-mission": str(link.mission_id or ""),
            f"evidence_links-{i}-source": str(link.source_id or ""),
            f"evidence_links-{i}-relation": link.relation,
            f"evidence_links-{i}-note": link.note,
        }
    data.update(overrides)
    return data


def test_evidence_link_page_changes_relation_and_note_only(client, factchecker):
    link = EvidenceLinkFactory(relation="refutes", note="fewer flights")
    other_claim, other_mission = ClaimFactory(), MissionFactory()
    before = (link.claim_id, link.mission_id, link.source_id)
    client.force_login(factchecker)
    url = reverse("admin:claims_evidencelink_change", args=[link.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="mission"' not in page.content and b'name="claim"' not in page.content  # shown, not editable
    resp = client.post(
        url,
        {
            "claim": other_claim.pk,
            "mission": other_mission.pk,
            "source": SourceFactory().pk,
            "relation": "supports",
            "note": "re-read the tracks",
        },
    )
    assert resp.status_code == 302
    link.refresh_from_db()
    assert (link.claim_id, link.mission_id, link.source_id) == before
    assert (link.relation, link.note) == ("supports", "re-read the tracks")
    assert link.history.latest().history_user == factchecker


def test_claim_page_cannot_move_an_existing_link_to_other_evidence(client, factchecker):
    link = EvidenceLinkFactory(relation="refutes", note="fewer flights")
    claim, other_mission = link.claim, MissionFactory()
    client.force_login(factchecker)
    resp = client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        claim_page_form(
            claim, [link], **{"evidence_links-0-mission": str(other_mission.pk), "evidence_links-0-note": "edited"}
        ),
    )
    assert resp.status_code == 302, resp.content[:3000]
    link.refresh_from_db()
    assert link.mission_id != other_mission.pk
    assert link.note == "edited"
    assert not EvidenceLink.objects.filter(mission=other_mission).exists()


def test_claim_page_deletes_a_link(client, factchecker):
    link = EvidenceLinkFactory()
    client.force_login(factchecker)
    resp = client.post(
        reverse("admin:claims_claim_change", args=[link.claim_id]),
        claim_page_form(link.claim, [link], **{"evidence_links-0-DELETE": "on"}),
    )
    assert resp.status_code == 302
    assert not EvidenceLink.objects.filter(pk=link.pk).exists()
    assert link.history.filter(history_type="-").get().history_user == factchecker


def test_evidence_link_delete_and_bulk_delete_in_the_admin(client, factchecker):
    one, two = EvidenceLinkFactory(), EvidenceLinkFactory()
    client.force_login(factchecker)
    resp = client.post(reverse("admin:claims_evidencelink_delete", args=[one.pk]), {"post": "yes"})
    assert resp.status_code == 302 and not EvidenceLink.objects.filter(pk=one.pk).exists()
    resp = client.post(
        reverse("admin:claims_evidencelink_changelist"),
        {"action": "delete_selected", "_selected_action": [str(two.pk)], "post": "yes", "index": "0"},
    )
    assert resp.status_code == 302 and not EvidenceLink.objects.exists()
