"""Injection probes in the real browser: the pages that show hostile stored text run no script and open no dialog.

The same data as tests/api/test_injection.py (every text field an article, a claim, a source, an aircraft, a mission
or an import sets holds ``<script>``, ``"><img onerror>``, ``javascript:`` links, template syntax …), loaded in
Debian's Chromium: the admin pages (lists, change pages, the annotated article, history), the web chat, and the
public claim page and its embed (the claim also read over a region and an operator whose names are probes). Any
dialog (``alert``), any uncaught script error (the ``page`` fixture) or any 5xx fails the test.
"""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse
from playwright.sync_api import Dialog, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.api.test_injection import ADMIN_PAGES, SCRIPT_BREAK, hostile, published_hostile  # noqa: F401 - fixtures used by name
from tests.browser.conftest import sign_in
from tests.browser.test_pictures import console_errors

pytestmark = pytest.mark.browser


def _watch_dialogs(page: Page) -> list[str]:
    fired: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        fired.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    return fired


def test_admin_pages_with_probes_fire_nothing(page: Page, hostile, live_server: LiveServer) -> None:  # noqa: F811
    fired = _watch_dialogs(page)
    sign_in(page, "boss", "pw-boss")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    visited = []
    for prefix, key in ADMIN_PAGES:
        obj = hostile[key]
        for url in (reverse(f"admin:{prefix}_changelist"), reverse(f"admin:{prefix}_change", args=[obj.pk])):
            page.goto(url)
            expect(page.locator("#content")).to_be_visible()
            visited.append(url)
        if hasattr(obj, "history"):
            page.goto(reverse(f"admin:{prefix}_history", args=[obj.pk]))
    page.goto(reverse("admin:claims_article_change", args=[hostile["article"].pk]))
    page.wait_for_timeout(300)  # let any injected handler (onerror of a broken image) run
    assert fired == [], fired
    expect(page.locator("#fc-article-text")).to_contain_text('<script>alert("fc-xss")</script>')  # shown as text
    assert len(visited) == 2 * len(ADMIN_PAGES)


def test_web_chat_answers_with_probes_fire_nothing(page: Page, hostile, live_server: LiveServer) -> None:  # noqa: F811
    fired = _watch_dialogs(page)
    sign_in(page, "fc", "pw-fc", path="/bot/chat/")
    expect(page).to_have_url(re.compile(r"/bot/chat/$"))
    for n, question in enumerate(("list the P-8 missions in February 2026", "which claims are refuted?"), start=1):
        page.get_by_label("Question").fill(question)
        page.get_by_role("button", name="Ask").click()
        expect(page.locator("#conversation .exchange .answer")).to_have_count(n)
    expect(page.locator("#conversation")).to_contain_text('<script>alert("fc-xss")</script>')
    page.reload()  # the server-rendered history, not only the fragments the script inserted
    expect(page.locator("#conversation")).to_contain_text("onclick=x")
    page.wait_for_timeout(300)
    assert fired == [], fired
    for href in page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert not href.strip().lower().startswith("javascript:"), href


#: Keeps every Leaflet map the page makes (``window.__fcLeafletMaps``) so the test can open each bound tooltip.
LEAFLET_MAPS = """
window.__fcLeafletMaps = [];
Object.defineProperty(window, "L", { configurable: true, get() { return window.__fcL; }, set(value) {
  window.__fcL = value;
  if (value && value.Map) value.Map.addInitHook(function () { window.__fcLeafletMaps.push(this); });
} });
"""


def test_public_claim_pages_with_probes_fire_nothing(page: Page, published_hostile, live_server: LiveServer) -> None:  # noqa: F811
    """An anonymous reader on the published claim's page (its map's outlines carry the probe region's name as a
    tooltip: each opened) and on its embed: no dialog, no console error, no failed request (a live ``<img src=x>``)."""
    fired = _watch_dialogs(page)
    errors = console_errors(page)
    page.add_init_script(LEAFLET_MAPS)
    claim = published_hostile
    page.goto(f"/claims/{claim.pk}/")
    expect(page.locator(".fc-rationale")).to_contain_text('</script><script>alert("fc-ld")</script>')
    expect(page.locator("#fc-public-map")).to_have_attribute("data-ready", "true")
    page.wait_for_function("window.fcMaps['fc-public-map'].outlines > 0")
    page.wait_for_function("window.fcMaps['fc-public-map'].tracks > 0")
    # every tooltip the map bound (region outlines, track labels), opened as a hover would open it
    shown = page.evaluate("""() => { const out = [];
        window.__fcLeafletMaps.forEach((map) => map.eachLayer((layer) => {
          if (layer.getTooltip && layer.getTooltip()) {
            layer.openTooltip(layer.getBounds ? layer.getBounds().getCenter() : layer.getLatLng());
            out.push(layer.getTooltip().getElement().innerHTML);
          } }));
        return out; }""")
    assert any("fc-xss" in html for html in shown), f"the probe region's tooltip: {shown}"
    for html in shown:  # the names are text in the tooltips, not markup
        assert "<" not in html.replace("<span>", "").replace("</span>", ""), html
    page.wait_for_timeout(300)  # let any injected handler (onerror of a broken image) run
    assert page.locator("#fc-public-map img[src='x'], #fc-public-map script").count() == 0
    page.goto(f"/claims/{claim.pk}/embed")
    expect(page.locator(".fc-claim")).to_contain_text('<script>alert("fc-xss")</script>')
    assert page.locator("script").count() == 1  # the JSON-LD only
    ld = page.locator('script[type="application/ld+json"]').text_content()
    assert ld is not None
    assert SCRIPT_BREAK in json.dumps(json.loads(ld), ensure_ascii=False).replace('\\"', '"')  # data, in one piece
    page.wait_for_timeout(300)
    assert fired == [], fired
    assert errors == [], errors
