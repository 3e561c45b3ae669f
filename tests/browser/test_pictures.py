"""The maps and charts in a real browser (the demo, signed in as the editor): each picture is opened and what it
shows is asserted — tracks drawn, outlines loaded, legend, the timeline image decoded — with no console error.
Screenshots go to docs/screenshots/ (the README shows them)."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from claims.models import Article, Claim
from evidence.models import Mission
from evidence.scope import Scope
from evidence.selectors import count_missions
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def console_errors(page: Page) -> list[str]:
    """Console errors and failed responses. A failed load is reported by its response (with its URL); the console's
    own "Failed to load resource" line is left out, as it also reports the browser's favicon probe (which Playwright
    does not show as a response: the admin has no favicon)."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return errors


def map_state(page: Page, map_id: str) -> dict:
    expect(page.locator(f"#{map_id}")).to_have_attribute("data-ready", "true")
    page.wait_for_function(f"window.fcMaps['{map_id}'].outlines > 0")
    return page.evaluate(f"window.fcMaps['{map_id}']")


def test_mission_page_map(page: Page, demo_site: Article) -> None:
    errors = console_errors(page)
    mission = Mission.objects.filter(has_orbit=True, callsign__startswith="TOXIN").first()
    sign_in(page, "editor", "ask-the-bot", path=f"/admin/evidence/mission/{mission.pk}/change/")
    map_id = f"fc-mission-map-{mission.pk}"
    state = map_state(page, map_id)
    assert state["tracks"] == 1 and state["errors"] == []
    assert state["meta"]["by_altitude"] is True
    legend = page.locator(f"#{map_id} .fc-legend")
    expect(legend).to_contain_text("altitude")
    expect(legend).to_contain_text("1 mission ·")
    expect(page.locator(f"#{map_id} .fc-near-label").first).to_contain_text(" nm to ")
    expect(page.locator("figcaption").first).to_contain_text("orbit")
    page.locator(f"#{map_id}").screenshot(path=str(SHOTS / "mission-map.png"))
    assert errors == []


def test_claim_page_map_and_timeline(page: Page, demo_site: Article) -> None:
    errors = console_errors(page)
    claim = Claim.objects.filter(article=demo_site, stated_count__value=18).first()
    linked = claim.evidence_links.exclude(mission=None).count()
    sign_in(page, "editor", "ask-the-bot", path=f"/admin/claims/claim/{claim.pk}/change/")
    state = map_state(page, "fc-claim-map")
    assert state["tracks"] == linked + len(
        set(claim.suggestions.values_list("mission_id", flat=True))
        - set(claim.evidence_links.values_list("mission_id", flat=True))
    )
    expect(page.locator("#fc-claim-map .fc-legend")).to_contain_text("linked as evidence")
    timeline = page.locator("#fc-claim-timeline")
    timeline.scroll_into_view_if_needed()
    page.wait_for_function("document.getElementById('fc-claim-timeline').naturalWidth > 0")
    assert page.evaluate("document.getElementById('fc-claim-timeline').naturalWidth") == 900
    box = page.evaluate("""() => { const r = document.getElementById('fc-claim-pictures').getBoundingClientRect();
        return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}; }""")
    page.screenshot(path=str(SHOTS / "claim-map-timeline.png"), full_page=True,
                    clip={"x": box["x"], "y": box["y"], "width": min(box["width"], 1200), "height": box["height"]})
    assert errors == []


def test_scope_map_page(page: Page, demo_site: Article) -> None:
    errors = console_errors(page)
    sign_in(page, "editor", "ask-the-bot", path="/scope/map?surveillance=true")
    state = map_state(page, "fc-map")
    expected = count_missions(Scope(surveillance_only=True))
    assert state["tracks"] == expected == state["meta"]["total"]
    expect(page.locator("h1")).to_contain_text(f"{expected} missions")
    expect(page.locator("#fc-map .fc-legend")).to_contain_text(f"{expected} missions")
    for img in page.locator(".fc-pictures img").all():
        img.scroll_into_view_if_needed()
    page.wait_for_function("[...document.querySelectorAll('.fc-pictures img')].every(i => i.naturalWidth > 0)")
    page.screenshot(path=str(SHOTS / "scope-map.png"), full_page=True)
    assert errors == []


PASSAGE = "over the southwestern United States"
# Put the caret just before the passage (as caret browsing would after moving with the arrow keys).
_CARET_BEFORE = """([quote]) => {
  const box = document.getElementById('fc-article-text');
  const start = box.textContent.indexOf(quote);
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (start < seen + n.length) { box.focus(); window.getSelection().collapse(n, start - seen); return true; }
    seen += n.length;
  }
  return false;
}"""


def test_annotate_view_works_from_the_keyboard(page: Page, demo_site: Article) -> None:
    """A selection grown with Shift+arrows shows the claim panel; Enter moves to its first field."""
    errors = console_errors(page)
    sign_in(page, "factchecker", "check-the-flights", path=f"/admin/claims/article/{demo_site.pk}/change/")
    expect(page.locator("#fc-article-text")).to_be_visible()  # the page has loaded (the caret script needs it)
    annotate = page.locator("#fc-annotate-form")
    expect(annotate).to_be_hidden()
    assert page.evaluate(_CARET_BEFORE, [PASSAGE])
    # Headless Chromium has no caret browsing (F7) to grow a selection from a bare caret: its first character is
    # selected as caret browsing would (Selection.modify); the rest is grown with real Shift+ArrowRight key presses.
    page.evaluate("window.getSelection().modify('extend', 'forward', 'character')")
    for _ in PASSAGE[1:]:
        page.keyboard.press("Shift+ArrowRight")
    assert page.evaluate("window.getSelection().toString()") == PASSAGE
    expect(annotate).to_be_visible()
    expect(page.locator("#fc-selected")).to_have_text(PASSAGE)
    assert page.evaluate("window.getSelection().toString()") == PASSAGE  # the focus stayed with the selection
    page.keyboard.press("Enter")
    expect(page.get_by_label("Claimant (who says it)")).to_be_focused()
    assert errors == []


def publish_demo_claim(article: Article) -> Claim:
    """The demo's "18 missions" claim, decided by the fact-checker and signed off by a second one: published."""
    from django.contrib.auth.models import Group, User

    from claims.services.claims import claim_set_verdict
    from claims.services.workflow import claim_sign_off

    claim = Claim.objects.filter(article=article, stated_count__value=18).first()
    factchecker = User.objects.get(username="factchecker")
    claim_set_verdict(claim=claim, verdict=Claim.Verdict.PARTLY_SUPPORTED, user=factchecker,
                      rationale="The flight records show the surge, with fewer missions than stated.")
    second = User.objects.create_user("second-reviewer", password="pw-second-reviewer")
    second.groups.add(Group.objects.get(name="Fact-checkers"))
    return claim_sign_off(claim=Claim.objects.get(pk=claim.pk), user=second)


def test_public_claim_page_without_signing_in(page: Page, demo_site: Article) -> None:
    errors = console_errors(page)
    claim = publish_demo_claim(demo_site)
    linked = claim.evidence_links.exclude(mission=None).values("mission").distinct().count()
    page.goto(f"/claims/{claim.pk}/")
    state = map_state(page, "fc-public-map")
    assert state["tracks"] == linked > 0 and state["errors"] == []
    legend = page.locator("#fc-public-map .fc-legend")
    expect(legend).to_contain_text("linked as evidence")
    expect(legend).not_to_contain_text("suggested")
    expect(page.locator("#fc-verdict")).to_have_text("Partly supported")
    timeline = page.locator("#fc-public-timeline")
    timeline.scroll_into_view_if_needed()
    page.wait_for_function("document.getElementById('fc-public-timeline').naturalWidth > 0")
    assert page.evaluate("document.getElementById('fc-public-timeline').naturalWidth") == 900
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "public-claim.png"), full_page=True)
    assert errors == []


def test_embed_page_and_public_page_without_javascript(browser, live_server, demo_site: Article) -> None:
    """No script runs: the embed shows the server-drawn map and timeline; the public page its <noscript> map."""
    claim = publish_demo_claim(demo_site)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 960, "height": 900},
                                  java_script_enabled=False)
    try:
        tab = context.new_page()
        failed: list[str] = []
        tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        tab.goto(f"/claims/{claim.pk}/embed")
        for element, size in (("#fc-embed-map", (900, 640)), ("#fc-embed-timeline", (900, 420))):
            image = tab.locator(element)
            image.scroll_into_view_if_needed()
            expect(image).to_be_visible()
            tab.wait_for_function(f"document.querySelector('{element}').complete")
            assert image.evaluate("i => [i.naturalWidth, i.naturalHeight]") == list(size)
        expect(tab.locator("#fc-verdict")).to_have_text("Partly supported")
        tab.evaluate("window.scrollTo(0, 0)")
        tab.screenshot(path=str(SHOTS / "claim-embed.png"), full_page=True)
        tab.goto(f"/claims/{claim.pk}/")
        fallback = tab.locator("#fc-public-map-image")
        expect(fallback).to_be_visible()
        tab.wait_for_function("document.getElementById('fc-public-map-image').complete")
        assert fallback.evaluate("i => i.naturalWidth") == 900
        assert failed == []
    finally:
        context.close()
