"""Hostile text in every field an article, a claim, a source, an aircraft, a mission or an import can set is inert in
every admin page, the public claim exports (ClaimReview JSON-LD and its embeddable ``<script>``), and every chat
renderer (Slack mrkdwn and Block Kit, Mattermost Markdown, Matrix HTML, the web chat) — issue 12's injection probes.

"Inert" per medium: in HTML no probe element or attribute survives (only escaped text) and no ``javascript:`` link;
in Slack mrkdwn no raw ``<``/``>`` (Slack's only control characters: ``<!channel>``, ``<url|label>``); in Mattermost
Markdown no unescaped link or image whose target is not http(s); links everywhere are http(s) only. Each check also
asserts that the probe text *is* there (escaped), so a page that simply omits it cannot pass by accident.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bot.matrix.render import reply_content
from bot.mattermost.render import render as mattermost_render
from bot.services import ask
from bot.slack.blocks import render as slack_render
from claims import services
from claims.models import Claim
from evidence.models import AircraftType, ImportRun, Source
from tests.api.conftest import AircraftFactory, MissionFactory, token_client

pytestmark = pytest.mark.django_db

#: One string with a probe for each medium: HTML elements and attributes, template syntax (Django and Jinja style),
#: Markdown links and images, Slack's special mentions and links.
PROBE = (
    '<script>alert("fc-xss")</script>"><img src=x onerror=alert(1)>'
    "{{7*7}}{% now 'Y' %}[fc](javascript:alert(1))![i](http://evil.example/p.png)<!channel><javascript:alert(1)|x>"
)
#: Short fields (registration ≤ 20, callsign ≤ 10 characters).
SHORT_REG = '"><b onclick=x>'
SHORT_CALL = "<i>FC</i>"

#: What must never survive in an HTML rendering.
HTML_LIVE = (
    "<script>alert",
    "<img src=x",
    "onerror=alert(1)>",
    "<b onclick",
    "<i>FC</i>",
    'href="javascript:',
    'src="http://evil',
)


def assert_html_inert(html: str, where: str) -> None:
    live = [marker for marker in HTML_LIVE if marker.lower() in html.lower()]
    assert not live, f"{where}: live markup {live}"
    assert "javascript:" not in re.findall(r'(?:href|src|action)="([^"]*)"', html), where
    for url in re.findall(r'(?:href|src|action)="([^"]*)"', html):
        assert not url.lower().lstrip().startswith(("javascript:", "data:", "vbscript:")), f"{where}: {url}"


@pytest.fixture
def hostile(factchecker, staff_admin) -> dict[str, Any]:
    """Every text field set to a probe, through the services where they exist (as the desk would)."""
    p8, _ = AircraftType.objects.get_or_create(
        designator="P8", defaults={"name": "Boeing P-8 Poseidon", "aliases": ["P-8"], "is_surveillance": True}
    )
    aircraft = AircraftFactory(aircraft_type=p8, registration=SHORT_REG, operator=None, operator_name=PROBE[:200])
    mission = MissionFactory(
        aircraft=aircraft, callsign=SHORT_CALL, callsigns=[SHORT_CALL], start=dt.datetime(2026, 2, 10, tzinfo=dt.UTC)
    )
    mission.source_files = [f"{PROBE}.json"]
    mission.save()
    body = f"Navy P-8 planes flew 18 missions in February 2026, officials said. {PROBE} The end."
    article = services.article_create(
        title=PROBE[:500],
        body=body,
        outlet=PROBE[:200],
        author=PROBE[:300],
        url="https://news.example/x",
        user=factchecker,
    )
    start = body.index("Navy")
    claim = services.claim_create_from_selection(
        article=article, start=start, end=body.index(" The end."), claimant=PROBE[:300], user=factchecker
    )
    services.claim_set_verdict(claim=claim, verdict=Claim.Verdict.REFUTED, rationale=PROBE, user=factchecker)
    source = Source.objects.create(
        kind="other", title=PROBE[:300], publisher=PROBE[:200], url="https://example.org/s", notes=PROBE
    )
    mission_link = services.evidence_link_create(
        claim=claim, mission=mission, relation="refutes", note=PROBE, user=factchecker
    )
    services.evidence_link_create(claim=claim, source=source, relation="context", note=PROBE, user=factchecker)
    run = ImportRun.objects.create(
        origin="admin",
        status=ImportRun.Status.FAILED,
        files_failed=1,
        errors=[{"path": f"/tmp/{PROBE}.json", "location": PROBE, "reason": PROBE}],
    )
    return {
        "article": article,
        "claim": claim,
        "source": source,
        "aircraft": aircraft,
        "mission": mission,
        "link": mission_link,
        "run": run,
        "factchecker": factchecker,
        "staff": staff_admin,
    }


def test_javascript_urls_are_refused_where_a_url_is_stored(factchecker):
    with pytest.raises(ValidationError):
        services.article_create(title="t", body="Some text.", url="javascript:alert(1)", user=factchecker)
    with pytest.raises(ValidationError):
        Source(kind="other", title="t", url="javascript:alert(1)").full_clean()


ADMIN_PAGES = [
    ("claims_article", "article"),
    ("claims_claim", "claim"),
    ("claims_evidencelink", "link"),
    ("evidence_source", "source"),
    ("evidence_aircraft", "aircraft"),
    ("evidence_mission", "mission"),
    ("evidence_importrun", "run"),
]


@pytest.mark.parametrize(("prefix", "key"), ADMIN_PAGES)
def test_probes_are_inert_in_admin_pages(client, hostile, prefix, key):
    obj = hostile[key]
    for user in (hostile["staff"], hostile["factchecker"]):
        client.force_login(user)
        urls = [reverse(f"admin:{prefix}_changelist"), reverse(f"admin:{prefix}_change", args=[obj.pk])]
        if hasattr(obj, "history"):
            urls.append(reverse(f"admin:{prefix}_history", args=[obj.pk]))
        for url in urls:
            page = client.get(url)
            assert page.status_code == 200, url
            html = page.content.decode()
            assert_html_inert(html, f"{url} as {user}")
            if "/change/" in url:
                assert "&lt;" in html, f"{url}: the probe is not shown at all"


def test_probes_are_inert_in_the_claim_review_exports(hostile):
    # Since the desk workflow, a verdict is published (and exported as ClaimReview) only after a second reviewer
    # signs it off: a second fact-checker does so through the workflow service, as the desk would.
    from django.contrib.auth.models import Group, User

    from claims.services.workflow import claim_sign_off

    second = User.objects.create_user(username="fc-second", password="pw-fc-second", is_staff=True)
    second.groups.add(Group.objects.get(name="Fact-checkers"))
    claim = claim_sign_off(claim=hostile["claim"], user=second)
    assert claim.published_at is not None
    api = token_client(hostile["factchecker"])
    embed = api.get(f"/api/claims/{claim.pk}/claimreview/?format=embed")
    assert embed.status_code == 200
    text = embed.content.decode()
    assert text.startswith('<script type="application/ld+json">') and text.rstrip().endswith("</script>")
    inner = text.strip()[len('<script type="application/ld+json">') : -len("</script>")]
    assert "<" not in inner and ">" not in inner, "the JSON-LD could close its <script> element"
    data = json.loads(inner)
    assert PROBE[:300] in json.dumps(data, ensure_ascii=False).replace('\\"', '"')  # the text is all there, as data
    for path in (
        f"/api/claims/{claim.pk}/claimreview/",
        "/api/claim-reviews/",
        f"/api/annotations/?article={claim.article_id}",
    ):
        resp = api.get(path)
        assert resp.status_code == 200, path
        assert resp["Content-Type"].split(";")[0] in ("application/ld+json", "application/json"), path


def _answers(hostile) -> list:
    user = hostile["factchecker"]
    missions = ask(text="list the P-8 missions in February 2026", user=user, platform="api")
    claims = ask(text="which claims are refuted?", user=user, platform="api")
    assert missions.missions and claims.claims, (missions.text, claims.text)
    return [missions, claims]


def _mrkdwn_strings(body: dict) -> list[str]:
    out = [body["text"]]
    for block in body["blocks"]:
        if block["type"] == "section":
            out.append(block["text"]["text"])
        elif block["type"] == "context":
            out += [e["text"] for e in block["elements"] if e.get("type") == "mrkdwn"]
    return out


def _rich_elements(body: dict) -> list[dict]:
    out = []
    for block in body["blocks"]:
        if block["type"] == "rich_text":
            for lst in block["elements"]:
                for item in lst["elements"]:
                    out += item["elements"]
    return out


#: The only Slack control sequence a message may hold: a link the bot made itself, to one of our own pages
#: (``<https://flightcheck…/path|label>``; the URL has no ``<``, ``>``, ``|`` or space, the label no ``<``/``>``/``|``).
OUR_SLACK_LINK = re.compile(r"<(?P<url>[^<>|\s]+)\|(?P<label>[^<>|]+)>")


def test_probes_are_inert_in_slack_messages(hostile, settings):
    # Since the pictures branch an answer carries a context block with links to Flightcheck's own pictures
    # (``<url|Interactive map>``): legitimate Slack syntax made by the bot. What must still hold: every ``<…>`` in the
    # payload is one of those links to SITE_URL, and no probe text produces a control sequence (it appears escaped).
    probe_pieces = ("<script>", "<!channel>", "<javascript:", "<img", SHORT_CALL, SHORT_REG)
    own_links = 0
    for answer in _answers(hostile):
        body = slack_render(answer)
        for text in _mrkdwn_strings(body):
            for link in OUR_SLACK_LINK.finditer(text):
                assert link["url"].startswith(settings.SITE_URL + "/"), f"a link not to our own site in {text!r}"
                assert link["label"] in ("Interactive map", "Map (PNG)", "Chart (PNG)"), text
                own_links += 1
            rest = OUR_SLACK_LINK.sub("", text)
            assert "<" not in rest and ">" not in rest, f"raw Slack control characters in {text!r}"
            assert not any(piece in text for piece in probe_pieces), f"probe text unescaped in {text!r}"
        elements = _rich_elements(body)
        assert any(PROBE[:40] in e.get("text", "") or SHORT_REG in e.get("text", "") for e in elements)
        for element in elements:
            assert element["type"] in ("text", "link")  # plain text: Slack does not parse it
            if element["type"] == "link":
                assert element["url"].startswith(("http://", "https://"))
    assert own_links, "the answers' picture links are checked above"


UNESCAPED_LINK = re.compile(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\((?!https?://)")
UNESCAPED_IMAGE = re.compile(r"(?<!\\)!(?<!\\)\[")


def test_probes_are_inert_in_mattermost_replies(hostile, settings):
    # Since the pictures branch a reply may carry a picture attachment with no "text" (title, title_link, image_url,
    # fallback): the Markdown fields (text, pretext) of every attachment are checked, and the picture's links must
    # be our own pages.
    pictures = 0
    for answer in _answers(hostile):
        body = mattermost_render(answer)
        attachments = body.get("attachments", [])
        texts = [body["text"], *(a[key] for a in attachments for key in ("text", "pretext", "fallback") if key in a)]
        for attachment in attachments:
            for key in ("title_link", "image_url", "thumb_url", "author_link"):
                if key in attachment:
                    assert attachment[key].startswith(settings.SITE_URL + "/"), attachment
            if "image_url" in attachment:
                pictures += 1
                assert attachment["title"] in ("Interactive map", "Chart"), attachment
        joined = "\n".join(texts)
        assert "javascript" in joined or "onclick" in joined  # the probe is shown …
        for text in texts:  # … as text: no Markdown link to a non-http target, no image
            assert not UNESCAPED_LINK.search(text), text
            assert not UNESCAPED_IMAGE.search(text), text
    assert pictures, "the answers' picture attachments are checked above"


def test_probes_are_inert_in_matrix_replies(hostile):
    for answer in _answers(hostile):
        content = reply_content(answer, thread_root="$root", in_reply_to="$ev", asker="@a:example.org")
        html = content["formatted_body"]
        assert_html_inert(html, "matrix formatted_body")
        assert "&lt;" in html


def test_probes_are_inert_in_the_web_chat(client, hostile):
    client.force_login(hostile["factchecker"])
    for question in ("list the P-8 missions in February 2026", "which claims are refuted?"):
        resp = client.post(reverse("bot:chat"), {"text": question}, HTTP_ACCEPT="application/json")
        assert resp.status_code == 200
        assert_html_inert(resp.json()["html"], f"web chat fragment for {question!r}")
    page = client.get(reverse("bot:chat"))
    html = page.content.decode()
    assert_html_inert(html, "web chat page")
    assert "&lt;" in html


def test_probes_from_a_real_flight_import_are_inert_in_the_admin(client, staff_admin, tmp_path):
    """A callsign and a file name an attacker controls, through the real importer (a good and a bad file)."""
    from evidence.models import Mission
    from evidence.services.flight_import import import_flight_files

    good = tmp_path / "traffic.csv"
    rows = ["timestamp,icao24,callsign,latitude,longitude,altitude,groundspeed,track"]
    rows += [f"{1738548000000 + 60000 * i},ae0455,{SHORT_CALL},{32 + 0.05 * i},-117.2,20000,300,90" for i in range(30)]
    good.write_text("\n".join(rows) + "\n")
    bad = tmp_path / '"><img src=x onerror=alert(1)>.json'
    bad.write_text("{not json")
    run = import_flight_files([good, bad], user=staff_admin, origin="admin")
    assert run.files_failed == 1 and run.errors
    mission = Mission.objects.get(aircraft_id="ae0455")
    assert "<" in mission.callsign  # the hostile callsign was stored as written …
    client.force_login(staff_admin)
    for url in (
        reverse("admin:evidence_importrun_change", args=[run.pk]),
        reverse("admin:evidence_mission_change", args=[mission.pk]),
        reverse("admin:evidence_mission_changelist"),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.content.decode()
        assert_html_inert(html, url)  # … and is shown as text
        assert "&lt;" in html, url


#: A field that tries to close the JSON-LD ``<script>`` early and open a live one.
SCRIPT_BREAK = '</script><script>alert("fc-ld")</script><!--'


@pytest.fixture
def published_hostile(hostile) -> Claim:
    """The hostile claim read over a region and an operator whose names are probes, with a rationale that tries to
    close the JSON-LD ``<script>``, signed off by a second fact-checker: shown on the public pages."""
    from django.contrib.auth.models import Group, User
    from shapely.geometry import box

    from claims.services.workflow import claim_sign_off
    from evidence.models import MissionRegion, Organisation, Region
    from evidence.scope import RegionFilter, Scope

    geom = box(-100, 26, -94, 32)
    region = Region.objects.create(slug="fc-probe", name=PROBE[:120], kind=Region.Kind.US_STATE,
                                   geometry_wkb=geom.wkb, min_lon=-100, min_lat=26, max_lon=-94, max_lat=32)
    org = Organisation.objects.create(slug="fc-probe-org", name=PROBE[:200], short_name=SHORT_CALL)
    aircraft = hostile["aircraft"]
    aircraft.operator = org
    aircraft.save()
    mission = hostile["mission"]
    MissionRegion.objects.create(mission=mission, region=region, over=True, distance_nm=0.0,
                                 mission_start=mission.start, aircraft_type=mission.aircraft_type, aircraft=aircraft)
    claim = hostile["claim"]
    claim.scope = Scope(type_designators=("P8",), operators=("fc-probe-org",),
                        regions=(RegionFilter("fc-probe", "over"),)).to_dict()
    claim.stated_count = {"value": 18, "qualifier": "exactly", "per": None}
    claim.save()
    services.claim_set_verdict(claim=claim, verdict=Claim.Verdict.REFUTED, rationale=SCRIPT_BREAK + PROBE,
                               user=hostile["factchecker"])
    second = User.objects.create_user(username="fc-second", password="pw-fc-second", is_staff=True)
    second.groups.add(Group.objects.get(name="Fact-checkers"))
    return claim_sign_off(claim=Claim.objects.get(pk=claim.pk), user=second)


LD_OPEN = '<script type="application/ld+json">'


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element the HTML parser finds in the page, with its attributes."""
    from html.parser import HTMLParser

    found: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Collect().feed(html)
    return found


@pytest.mark.parametrize("path", ["/claims/{pk}/", "/claims/{pk}/embed"])
def test_probes_are_inert_on_the_public_claim_pages(client, published_hostile, path):
    claim = published_hostile
    page = client.get(path.format(pk=claim.pk))  # anonymous: the public interface
    assert page.status_code == 200
    html = page.content.decode()
    assert_html_inert(html, path)
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;fc-ld&quot;)" in html, "the rationale is not shown (escaped)"
    for shown in ("&lt;script&gt;alert(&quot;fc-xss&quot;)", "{{7*7}}", "[fc](javascript:alert(1))"):
        assert shown in html, f"{path}: {shown!r} missing"  # article, claimant, outlet, rationale: as text
    tags = _tags(html)
    handlers = [(tag, name) for tag, attrs in tags for name in attrs if name.startswith("on")]
    assert not handlers, f"{path}: inline handlers {handlers}"
    # The JSON-LD: one element, nothing in it can end it early, and it is the claim's review with the probes as data.
    assert html.count(LD_OPEN) == 1
    start = html.index(LD_OPEN) + len(LD_OPEN)
    inner = html[start : html.index("</script>", start)]
    assert "<" not in inner and ">" not in inner, "a field could close the JSON-LD <script> early"
    review = json.loads(inner)
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"] == "Refuted"
    assert SCRIPT_BREAK in json.dumps(review, ensure_ascii=False).replace('\\"', '"'), "the probes are there as data"
    if path.endswith("embed"):
        scripts = [attrs for tag, attrs in tags if tag == "script"]
        assert scripts == [{"type": "application/ld+json"}], f"the embed page runs a script: {scripts}"
    else:
        # the map's config (a JSON <script>) carries the alt text with the region and operator names: escaped too
        config = re.search(r'<script type="application/json" id="fc-public-map-config">([^<]*)</script>', html)
        assert config is not None, "the map's config element"
        assert "\\u003C" in config.group(1) and json.loads(config.group(1))["alt"].count("<script>") >= 1
