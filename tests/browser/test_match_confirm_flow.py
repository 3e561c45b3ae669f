"""The same claim across outlets, in a real browser: a fact-checker opens a newer outlet's claim, sees the demo
article's claim listed as "the same claim elsewhere" with its score and reasons, confirms it, copies the verdict,
rationale and evidence links, and opens the cluster (who said it first)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from claims.models import Article, Claim, ClaimMatch, EvidenceLink
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

REPEAT = (
    "Officials told the outlet the US military flew at least 18 missions over a 10-day span in late January and "
    "early February near the border."
)
QUOTE = "the US military flew at least 18 missions over a 10-day span in late January and early February"


def test_fact_checker_confirms_a_match_and_copies_the_verdict(page: Page, demo_site: Article) -> None:
    from claims.services import article_create, claim_create_from_selection, claim_set_verdict

    factchecker = User.objects.get(username="factchecker")
    original = Claim.objects.get(article=demo_site, exact__startswith="At least 18 missions were flown")
    claim_set_verdict(claim=original, verdict="supported", rationale="18 surveillance missions in the records.",
                      user=User.objects.get(username="admin"))
    later = article_create(title="Spy flights multiply", body=REPEAT, outlet="Later Outlet",
                           published_at=dt.datetime(2025, 2, 10, 12, tzinfo=dt.UTC), queue_extraction=False)
    start = REPEAT.index(QUOTE)
    repeat = claim_create_from_selection(article=later, start=start, end=start + len(QUOTE), user=factchecker)
    match = ClaimMatch.objects.get(claim=repeat, other=original)  # matched when the claim was made (after commit)

    sign_in(page, "factchecker", "check-the-flights", path=f"/admin/claims/claim/{repeat.pk}/change/")
    matches = page.locator(".field-same_claim_elsewhere")
    expect(matches).to_contain_text(f"#{original.pk}")
    expect(matches).to_contain_text("same scope: count 18")
    page.get_by_role("button", name="Same claim").click()
    expect(page.locator(".messagelist")).to_contain_text("Confirmed: the same claim")
    copy = page.get_by_role("button", name=re.compile(r"^Copy verdict \(supported\)"))
    copy.click()
    expect(page.locator(".messagelist")).to_contain_text("Copied")
    match.refresh_from_db()
    assert match.status == "confirmed" and match.decided_by == factchecker
    repeat.refresh_from_db()
    assert (repeat.verdict, repeat.status) == ("supported", "needs_review")
    assert EvidenceLink.objects.filter(claim=repeat).count() == EvidenceLink.objects.filter(claim=original).count() > 0

    page.get_by_role("link", name=re.compile("Cluster")).click()
    expect(page.locator("#fc-first")).to_contain_text("The Desert Ledger")
    expect(page.locator("#fc-cluster")).to_contain_text("repeated it")
