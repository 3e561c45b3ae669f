"""How each platform renders an Answer: records as lists of links, platform limits respected."""
from __future__ import annotations

import json
from typing import Any

from bot.answers import Answer
from bot.matrix.render import reply_content
from bot.mattermost.render import POST_MAX
from bot.mattermost.render import render as mattermost_render
from bot.slack.blocks import SECTION_MAX, render, slash_response


def mission(i: int) -> dict[str, Any]:
    return {
        "id": i,
        "hex": "ae09e1",
        "registration": "80-1070",
        "type": "U2",
        "type_name": "Lockheed U-2S",
        "operator": "US Air Force",
        "callsign": "DRAGN01",
        "start": "2025-02-03T14:05:00Z",
        "end": "2025-02-03T18:30:00Z",
        "regions": [
            {"slug": "texas", "name": "Texas", "over": True, "distance_nm": 0.0},
            {"slug": "new-mexico", "name": "New Mexico", "over": False, "distance_nm": 12.4},
        ],
        "url": f"https://flightcheck.example/admin/evidence/mission/{i}/change/",
    }


HEADLINE = Answer(
    text="1 U-2 mission within 50 nm of Texas in February 2025 (UTC).",
    count=1,
    missions=[mission(7)],
    notes=["Counts include only aircraft that were heard broadcasting."],
)
CLAIMS = Answer(
    text="1 claim about the U-2 is unverified.",
    count=1,
    claims=[{"id": 12, "text": "A U-2 flew over Texas", "verdict": "unverified", "claimant": "CNN", "evidence": [],
             "url": "https://flightcheck.example/admin/claims/claim/12/change/"}],
)
MANY = Answer(text="999 missions " + "x" * 5000, count=999, missions=[mission(i) for i in range(999)])


def test_slack_headline_answer() -> None:
    body = slash_response(HEADLINE)
    assert body["response_type"] == "in_channel"
    assert body["text"] == HEADLINE.text
    section, context, records = body["blocks"]
    assert section["text"]["text"] == HEADLINE.text
    assert "heard broadcasting" in context["elements"][0]["text"]
    (item,) = records["elements"][0]["elements"]
    assert records["elements"][0]["type"] == "rich_text_list"
    link, details = item["elements"]
    assert link == {"type": "link", "url": mission(7)["url"], "text": "U2 80-1070 (AE09E1)", "style": {"bold": True}}
    assert details["text"] == " · callsign DRAGN01 · 2025-02-03 14:05-18:30 UTC · over Texas, 12 nm from New Mexico"


def test_slack_claims_and_escaping() -> None:
    body = render(Answer(text="a < b & c > d", claims=CLAIMS.claims))
    assert body["blocks"][0]["text"]["text"] == "a &lt; b &amp; c &gt; d"
    item = body["blocks"][1]["elements"][0]["elements"][0]
    assert item["elements"][0]["url"].endswith("/claim/12/change/")
    assert "verdict: unverified" in item["elements"][1]["text"]


def test_slack_limits() -> None:
    body = render(MANY)
    assert len(body["blocks"]) <= 50
    for block in body["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_MAX
    listed = body["blocks"][1]["elements"][0]["elements"]
    assert len(listed) == 25
    assert "974 more missions" in body["blocks"][2]["elements"][0]["text"]


def test_slack_declined_is_ephemeral() -> None:
    assert slash_response(Answer(text="No.", declined=True, reason="rate_limited"))["response_type"] == "ephemeral"


def test_mattermost_headline_answer() -> None:
    body = mattermost_render(HEADLINE)
    assert body["response_type"] == "in_channel"
    assert body["text"].startswith(HEADLINE.text)
    assert "_Counts include only aircraft that were heard broadcasting._" in body["text"]
    (attachment,) = body["attachments"]
    assert attachment["text"] == (
        f"- **[U2 80-1070 (AE09E1)]({mission(7)['url']})** · callsign DRAGN01 · 2025-02-03 14:05-18:30 UTC · "
        "over Texas, 12 nm from New Mexico"
    )


def test_mattermost_post_limit() -> None:
    body = mattermost_render(MANY)
    total = len(body["text"]) + sum(len(a["text"]) + len(a["fallback"]) for a in body["attachments"])
    assert total <= POST_MAX
    assert body["attachments"][0]["text"].endswith("more not listed here.")


def test_mattermost_huge_text_is_cut() -> None:
    body = mattermost_render(Answer(text="y" * 40_000, declined=True, reason="invalid"))
    assert len(body["text"]) <= POST_MAX
    assert body["response_type"] == "ephemeral"


def test_matrix_threaded_reply() -> None:
    content = reply_content(HEADLINE, thread_root="$root", in_reply_to="$question", asker="@editor:localhost")
    assert content["m.relates_to"] == {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": "$question"},
    }
    assert content["msgtype"] == "m.notice"
    assert content["body"].startswith(HEADLINE.text)
    assert f'<a href="{mission(7)["url"]}">U2 80-1070 (AE09E1)</a>' in content["formatted_body"]
    assert content["m.mentions"] == {"user_ids": ["@editor:localhost"]}


def test_matrix_size_and_escaping() -> None:
    content = reply_content(
        Answer(text="<img src=x onerror=alert(1)>", missions=MANY.missions), thread_root="$r", in_reply_to="$r"
    )
    assert "<img" not in content["formatted_body"]
    assert len(json.dumps(content).encode()) < 65_536
