"""Lists with related data run a constant number of queries: 2 rows and 20 rows cost the same.

The expected count includes the request's own overhead: the token lookup (1) and the user's permissions
(2: user and group permissions — read on the warm-up request, then from the cache: project/auth.py); then typically
COUNT + the page + one query per prefetched relation.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import (
    AircraftFactory,
    ArticleFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceLinkFactory,
    EvidenceSuggestionFactory,
    ImportRunFactory,
    MissionFactory,
    MissionRegionFactory,
    OrganisationFactory,
    ProposedClaimFactory,
    QuestionFactory,
    RegionFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def missions(n: int, ctx: dict) -> None:
    for _ in range(n):
        mission = MissionFactory(import_run=ctx.setdefault("run", ImportRunFactory()))
        MissionRegionFactory(mission=mission, over=True, distance_nm=0)
        if "region" in ctx:
            MissionRegionFactory(mission=mission, region=ctx["region"], distance_nm=42)
        else:
            MissionRegionFactory(mission=mission, distance_nm=42)


def claims(n: int, ctx: dict) -> None:
    for _ in range(n):
        claim = ClaimFactory(reviewed=True, reviewed_by=ctx["user"], created_by=ctx["user"])
        EvidenceLinkFactory(claim=claim, added_by=ctx["user"])
        EvidenceLinkFactory(claim=claim, mission=None, source=SourceFactory())


def articles(n: int, ctx: dict) -> None:
    for _ in range(n):
        article = ArticleFactory(created_by=ctx["user"])
        ClaimFactory(article=article)
        ProposedClaimFactory(article=article)


def links(n: int, ctx: dict) -> None:
    for i in range(n):
        if i % 2:
            EvidenceLinkFactory(added_by=ctx["user"])
        else:
            EvidenceLinkFactory(mission=None, source=SourceFactory(), added_by=ctx["user"])


def aircraft(n: int, ctx: dict) -> None:
    for _ in range(n):
        MissionFactory(aircraft=AircraftFactory())


def own_questions(n: int, ctx: dict) -> None:
    if "other" not in ctx:  # one other user (a new user drops the cached permission sets: project/auth.py)
        ctx["other"] = UserFactory()
    for _ in range(n):
        QuestionFactory(user=ctx["user"])
        QuestionFactory(user=ctx["other"])  # someone else's: never listed


def many(factory: Callable[..., object], **kwargs: object) -> Callable[[int, dict], None]:
    return lambda n, ctx: [factory(**kwargs) for _ in range(n)]


#: (list URL, builder, expected queries per request)
LISTS = [
    ("/api/missions/", missions, 6),
    ("/api/missions/?include=track&page_size=50", missions, 6),
    ("/api/missions/?region=qc-region&near_nm=100", missions, 7),
    ("/api/claims/", claims, 7),
    ("/api/claim-reviews/", claims, 6),
    ("/api/annotations/", claims, 5),
    ("/api/articles/", articles, 5),
    ("/api/evidence-links/", links, 6),
    ("/api/proposed-claims/", many(ProposedClaimFactory), 5),
    ("/api/suggestions/", many(EvidenceSuggestionFactory), 6),
    ("/api/entities/", many(EntityFactory), 5),
    ("/api/sources/", many(SourceFactory), 5),
    ("/api/aircraft/", aircraft, 5),
    ("/api/aircraft-types/", aircraft, 5),
    ("/api/organisations/", many(OrganisationFactory), 5),
    ("/api/regions/", many(RegionFactory), 5),
    ("/api/import-runs/", many(ImportRunFactory), 5),
    ("/api/questions/", own_questions, 5),
]


@pytest.mark.parametrize(("url", "build", "expected"), LISTS, ids=[u for u, _, _ in LISTS])
def test_list_query_count_is_constant(url, build, expected, editor, editor_client, django_assert_num_queries):
    ctx = {"user": editor, "region": RegionFactory(slug="qc-region")}
    build(2, ctx)
    editor_client.get(url)  # warm-up: per-process caches (content types…) are not the list's cost
    with CaptureQueriesContext(connection) as two:
        small = editor_client.get(url)
    assert small.status_code == 200, small.content[:300]
    build(18, ctx)
    with django_assert_num_queries(len(two.captured_queries)):
        large = editor_client.get(url)
    assert large.status_code == 200
    body = large.json()
    rows = body.get("results", body.get("items"))
    assert len(rows) >= 20 or url.startswith("/api/aircraft-types/")
    # ``expected`` counts the permission queries (2), which the warm-up request cached
    assert len(two.captured_queries) == expected - 2, [q["sql"][:120] for q in two.captured_queries]


@pytest.mark.parametrize("url", ["/api/missions/export.csv", "/api/missions/export.geojson"])
def test_exports_query_count_is_constant(url, editor_client, django_assert_num_queries):
    ctx: dict = {}
    missions(2, ctx)
    editor_client.get(url)
    with CaptureQueriesContext(connection) as two:
        response = editor_client.get(url)
        b"".join(response.streaming_content)
    missions(18, ctx)
    with django_assert_num_queries(len(two.captured_queries)):
        response = editor_client.get(url)
        b"".join(response.streaming_content)
