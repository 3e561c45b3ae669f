"""The issue's "Done when", in a real browser: a newcomer at the desk, an editor asking the bot, an outsider kept out.

Everything is driven as a person would: links and buttons are clicked, the claim's quote is selected with the mouse,
the source is picked through the admin's autocomplete. Assertions are on what the pages show, plus the stored
selectors of the new claim.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from claims.models import Article, Claim, EvidenceLink
from evidence.models import Mission, Source
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser

#: A passage no demo claim covers, crossing several entity highlights (places), so the offsets the page's script
#: computes must add up over many text nodes.
QUOTE = "over the southwestern United States and in international airspace near the Baja California peninsula"
SOURCE_TITLE = "Interview with the border czar on surveillance flights"

# Where a passage is on screen: its first character's box and its last one's, found by walking the container's text
# nodes (the page's own spans split the text). The passage is scrolled to the upper third of the window first, so the
# drag never reaches the window's edge (where the browser would scroll and stretch the selection).
_PASSAGE_BOXES = """([selector, quote]) => {
  const box = document.querySelector(selector);
  const start = box.textContent.indexOf(quote);
  if (start < 0) return null;
  const nodes = [];
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  function charBox(index) {
    let seen = 0;
    for (const node of nodes) {
      if (index < seen + node.length) {
        const range = document.createRange();
        range.setStart(node, index - seen);
        range.setEnd(node, index - seen + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }
      seen += node.length;
    }
    return null;
  }
  window.scrollBy(0, charBox(start).y - window.innerHeight / 3);
  return { first: charBox(start), last: charBox(start + quote.length - 1) };
}"""


def passage_ends(page: Page, selector: str, quote: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """Screen points just inside the quote's first character (left edge) and its last one (right edge)."""
    boxes = page.evaluate(_PASSAGE_BOXES, [selector, quote])
    assert boxes and boxes["first"] and boxes["last"], f"{quote!r} is not in the article text on the page"
    first, last = boxes["first"], boxes["last"]
    return (
        (first["x"] + 1, first["y"] + first["height"] / 2),
        (last["x"] + last["width"] - 1, last["y"] + last["height"] / 2),
    )


def drag(page: Page, start: tuple[float, float], end: tuple[float, float]) -> None:
    """Press the mouse button at ``start``, move to ``end`` and release it: a text selection, as a person makes it."""
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=8)
    page.mouse.up()


def select_with_mouse(page: Page, selector: str, quote: str) -> None:
    """Drag the mouse from the left edge of the quote's first character to the right edge of its last one."""
    drag(page, *passage_ends(page, selector, quote))


def test_newcomer_annotates_links_a_source_decides_and_sees_the_history(page: Page, demo_site: Article) -> None:
    sign_in(page, "factchecker", "check-the-flights")
    expect(page.get_by_role("heading", name="The fact-checker's desk")).to_be_visible()

    # The demo article, reached from the admin's index as a newcomer would.
    page.get_by_role("link", name="Articles", exact=True).click()
    page.get_by_role("link", name=demo_site.title).click()
    expect(page).to_have_url(re.compile(rf"/admin/claims/article/{demo_site.pk}/change/$"))

    # Its extraction status and its claims, inline.
    expect(page.locator(".field-extraction_state")).to_contain_text(re.compile(r"Done .* \d+ entities, \d+ proposed"))
    claims_inline = page.locator("#claims-group")
    for quote in ("At least 11 of the missions were flown by Navy P-8 aircraft", "A U-2 spy plane flew a mission"):
        expect(claims_inline).to_contain_text(quote)
    before = Claim.objects.filter(article=demo_site).count()

    # Select a passage of the text with the mouse; the page offers to create a claim from it.
    annotate = page.locator("#fc-annotate-form")
    expect(annotate).to_be_hidden()
    select_with_mouse(page, "#fc-article-text", QUOTE)
    expect(annotate).to_be_visible()
    expect(page.locator("#fc-selected")).to_have_text(QUOTE)
    page.get_by_label("Claimant (who says it)").fill("the officials")
    page.get_by_role("button", name="Create claim").click()

    # The new claim's page; its stored selectors are the selected passage's.
    expect(page.locator(".messagelist")).to_contain_text("created")
    assert Claim.objects.filter(article=demo_site).count() == before + 1
    claim = Claim.objects.get(article=demo_site, exact=QUOTE)
    start = demo_site.body.index(QUOTE)
    assert (claim.start, claim.end, claim.claimant) == (start, start + len(QUOTE), "the officials")
    assert claim.prefix == demo_site.body[start - 32 : start]
    expect(page).to_have_url(re.compile(rf"/admin/claims/claim/{claim.pk}/change/$"))
    expect(page.locator(".field-quote_in_context mark")).to_have_text(QUOTE)

    # Link a source through the evidence inline's autocomplete.
    page.locator("#evidence_links-0 .field-source .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill("border czar")
    page.locator(".select2-results__option", has_text=SOURCE_TITLE).click()
    expect(page.locator("#evidence_links-0 .field-source .select2-selection__rendered")).to_contain_text(SOURCE_TITLE)
    page.locator("#id_evidence_links-0-relation").select_option(label="Context")

    # Decide, and save.
    page.get_by_role("combobox", name="Verdict:").select_option(label="Supported")
    page.get_by_role("textbox", name="Rationale:").fill("The interview and the flight data place the flights there.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    link = EvidenceLink.objects.get(claim=claim)
    assert link.source == Source.objects.get(title=SOURCE_TITLE) and link.added_by.username == "factchecker"

    # The claim's history shows the verdict change, by the fact-checker.
    page.goto(f"/admin/claims/claim/{claim.pk}/change/")
    page.get_by_role("link", name="History").click()
    expect(page).to_have_url(re.compile(rf"/admin/claims/claim/{claim.pk}/history/$"))
    change = page.locator("#change-history tbody tr", has_text="verdict")
    expect(change).to_have_count(1)
    expect(change).to_contain_text(re.compile(r"unreviewed\s*→\s*supported"))
    expect(change).to_contain_text("factchecker")


def test_editor_asks_the_bot_in_the_web_chat_and_opens_the_record(
    page: Page, demo_site: Article, live_server: LiveServer, settings: Any
) -> None:
    settings.SITE_URL = live_server.url  # the absolute URL chat answers link to, as a deployment configures it
    sign_in(page, "editor", "ask-the-bot", path="/bot/chat/")
    expect(page).to_have_url(re.compile(r"/bot/chat/$"))
    page.get_by_label("Question").fill("how many U-2 missions near Texas in February?")
    page.get_by_role("button", name="Ask").click()

    answer = page.locator("#conversation .exchange .answer")
    expect(answer).to_have_count(1)
    expect(answer.locator(".text")).to_contain_text(re.compile(r"\b1\b.*mission"))
    expect(answer.locator(".text")).to_contain_text("February 2025")
    u2 = Mission.objects.get(aircraft_type_id="U2", start__date=dt.date(2025, 2, 3))
    expect(answer.locator(".records li")).to_contain_text(f"callsign {u2.callsign} · 2025-02-03")
    records = answer.locator(".records a")
    expect(records).to_have_count(1)
    expect(records).to_contain_text(u2.aircraft.registration)
    records.first.click()
    expect(page).to_have_url(re.compile(rf"/admin/evidence/mission/{u2.pk}/change/$"))
    expect(page.locator("#content")).to_contain_text(u2.callsign)


def test_a_drag_past_the_edge_of_the_text_still_selects_the_passage(page: Page) -> None:
    """Selecting the article's last sentence, people drag past its end; its first, they start above it. The part of
    the selection in the text is the passage (the page's script once ignored such selections without a word)."""
    from claims import services

    user = User.objects.create_user(username="desk", password="pw-desk-2025", is_staff=True)
    user.groups.add(Group.objects.get(name="Fact-checkers"))
    first, last = "A U-2 flew near Texas on 3 February, the data shows", "The Pentagon did not respond."
    article = services.article_create(title="Short", body=f"{first}.\n\n{last}", user=user)
    sign_in(page, "desk", "pw-desk-2025", path=f"/admin/claims/article/{article.pk}/change/")

    text = page.locator("#fc-article-text")
    expect(text).to_have_text(article.body)
    start, _ = passage_ends(page, "#fc-article-text", last)
    below = text.bounding_box()
    drag(page, start, (start[0] + 150, below["y"] + below["height"] + 30))  # past the end of the text
    expect(page.locator("#fc-selected")).to_have_text(last)
    page.get_by_role("button", name="Create claim").click()
    expect(page.locator(".messagelist")).to_contain_text("created")

    page.goto(f"/admin/claims/article/{article.pk}/change/")
    expect(text).to_have_text(article.body)
    _, end = passage_ends(page, "#fc-article-text", first)
    above = text.bounding_box()
    drag(page, end, (end[0] - 100, above["y"] - 15))  # backwards, from the end of the sentence to above the text
    expect(page.locator("#fc-selected")).to_have_text(first)
    page.get_by_role("button", name="Create claim").click()
    expect(page.locator(".messagelist")).to_contain_text("created")

    stored = {c.exact: (c.start, c.end) for c in Claim.objects.filter(article=article)}
    body = article.body
    assert stored == {last: (body.index(last), len(body)), first: (0, len(first))}


def test_outsiders_get_the_login_page_not_the_data(page: Page) -> None:
    article = Article.objects.create(title="Unpublished scoop", body="A U-2 flew near Texas on February 3.")
    for path in ("/admin/claims/article/", f"/admin/claims/article/{article.pk}/change/", "/bot/chat/"):
        page.goto(path)
        expect(page).to_have_url(re.compile(r"/admin/login/\?next="))
        expect(page.get_by_label("Password")).to_be_visible()
        expect(page.locator("body")).not_to_contain_text("scoop")

    User.objects.create_user(username="walkin", password="pw-walk-in-2025", is_staff=False)
    sign_in(page, "walkin", "pw-walk-in-2025", path="/admin/claims/claim/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    expect(page.locator(".errornote")).to_contain_text("staff account")
    expect(page.locator("body")).not_to_contain_text("scoop")
