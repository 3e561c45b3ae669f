"""The permission matrix: every API endpoint × (anonymous, outsider, editor, fact-checker, staff) × (read, write).

Expected codes come from one table per kind of endpoint; a test checks that every named API route is in the matrix,
so a new endpoint cannot ship without its row.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from bot.answers import Answer
from tests.api.conftest import (
    ARTICLE_BODY,
    ROLES,
    ArticleFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceLinkFactory,
    EvidenceSuggestionFactory,
    ImportRunFactory,
    MissionFactory,
    MissionRegionFactory,
    ProposedClaimFactory,
    QuestionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def codes(anonymous: int, outsider: int, editor: int, factchecker: int, staff: int) -> dict[str, int]:
    return dict(zip(ROLES, (anonymous, outsider, editor, factchecker, staff), strict=True))


#: Everyone on the desk reads; signed-in users outside the desk's groups get 403; anonymous 401.
READ = codes(401, 403, 200, 200, 200)
#: Fact-checkers (and the administrator) write claims, evidence links, sources and articles.
CREATE = codes(401, 403, 403, 201, 201)
CHANGE = codes(401, 403, 403, 200, 200)
DELETE = codes(401, 403, 403, 204, 204)
#: Re-running an extraction is changing the article: answered at once (202), the work queued.
REQUEUE = codes(401, 403, 403, 202, 202)
#: Read-only resources: a write is 405 for anyone signed in (nothing to hide about a method that does not exist).
NO_WRITE = codes(401, 405, 405, 405, 405)
#: Only staff import: the staff member's empty upload is a 400, which proves the permission let it through.
IMPORT_READ = codes(401, 403, 403, 403, 405)
IMPORT_WRITE = codes(401, 403, 403, 403, 400)
IMPORT_OPERATE = codes(401, 403, 403, 403, 409)
#: Editors and fact-checkers ask the bot (bot.ask_bot); the administrator has every permission.
ASK_READ = codes(401, 403, 405, 405, 405)
ASK_WRITE = codes(401, 403, 200, 200, 200)
#: The schema and docs describe the API, not data: any signed-in user may read them.
DOCS_READ = codes(401, 200, 200, 200, 200)
DOCS_WRITE = codes(401, 405, 405, 405, 405)


@dataclass(frozen=True)
class Op:
    route: str
    method: str
    url: Callable[[dict[str, Any], str], str]
    expected: dict[str, int]
    data: Callable[[dict[str, Any]], Any] | None = None
    fmt: str = "json"


def fixed(path: str) -> Callable[[dict[str, Any], str], str]:
    return lambda w, role: path


def detail(prefix: str, key: str, attr: str = "pk", suffix: str = "") -> Callable[[dict[str, Any], str], str]:
    return lambda w, role: f"/api/{prefix}/{getattr(w[key], attr)}/{suffix}"


OPS: list[Op] = [
    Op("api-root", "get", fixed("/api/"), READ | {"outsider": 200}),
    # articles
    Op("article-list", "get", fixed("/api/articles/"), READ),
    Op("article-detail", "get", detail("articles", "article"), READ),
    Op("article-list", "post", fixed("/api/articles/"), CREATE,
       lambda w: {"title": "Ingested", "body": ARTICLE_BODY, "url": "https://news.example/ingested"}),
    Op("article-detail", "patch", detail("articles", "article"), CHANGE, lambda w: {"title": "Edited"}),
    Op("article-detail", "delete", detail("articles", "article"), DELETE),
    Op("article-reextract", "post", detail("articles", "article", suffix="reextract/"), REQUEUE, lambda w: {}),
    Op("article-reextract", "get", detail("articles", "article", suffix="reextract/"), NO_WRITE),
    # claims and their exports
    Op("claim-list", "get", fixed("/api/claims/"), READ),
    Op("claim-detail", "get", detail("claims", "claim"), READ),
    Op("claim-list", "post", fixed("/api/claims/"), CREATE,
       lambda w: {"article": w["article"].pk, "start": w["second_start"], "end": w["second_end"]}),
    Op("claim-detail", "patch", detail("claims", "claim"), CHANGE,
       lambda w: {"verdict": "supported", "rationale": "Six missions found."}),
    Op("claim-detail", "delete", detail("claims", "claim"), DELETE),
    Op("claim-claimreview", "get", detail("claims", "claim", suffix="claimreview/"), READ),
    Op("claim-claimreview", "post", detail("claims", "claim", suffix="claimreview/"), NO_WRITE, lambda w: {}),
    Op("claim-check", "get", detail("claims", "claim", suffix="check/"), READ),
    Op("claim-sign-off", "post", detail("claims", "unsigned", suffix="sign-off/"), CHANGE, lambda w: {}),
    Op("claim-matches", "get", detail("claims", "claim", suffix="matches/"), READ),
    Op("claim-decide-match", "post", lambda w, role: f"/api/claims/{w['claim'].pk}/matches/{w['match'].pk}/reject/",
       CHANGE, lambda w: {}),
    Op("claim-annotation", "get", detail("claims", "claim", suffix="annotation/"), READ),
    Op("claim-annotation", "post", detail("claims", "claim", suffix="annotation/"), NO_WRITE, lambda w: {}),
    Op("claimreview-list", "get", fixed("/api/claim-reviews/"), READ),
    Op("claimreview-list", "post", fixed("/api/claim-reviews/"), NO_WRITE, lambda w: {}),
    Op("annotation-list", "get", lambda w, role: f"/api/annotations/?article={w['article'].pk}", READ),
    Op("annotation-list", "post", fixed("/api/annotations/"), NO_WRITE, lambda w: {}),
    # evidence links
    Op("evidencelink-list", "get", fixed("/api/evidence-links/"), READ),
    Op("evidencelink-detail", "get", detail("evidence-links", "link"), READ),
    Op("evidencelink-list", "post", fixed("/api/evidence-links/"), CREATE,
       lambda w: {"claim": w["claim"].pk, "source": w["source"].pk, "relation": "context"}),
    Op("evidencelink-detail", "patch", detail("evidence-links", "link"), CHANGE, lambda w: {"note": "Checked"}),
    Op("evidencelink-detail", "delete", detail("evidence-links", "link"), DELETE),
    # proposals and suggestions (machine-made; people decide)
    Op("proposedclaim-list", "get", fixed("/api/proposed-claims/"), READ),
    Op("proposedclaim-detail", "get", detail("proposed-claims", "proposal"), READ),
    Op("proposedclaim-list", "post", fixed("/api/proposed-claims/"), NO_WRITE, lambda w: {}),
    Op("proposedclaim-accept", "post", detail("proposed-claims", "proposal", suffix="accept/"), CREATE, lambda w: {}),
    Op("proposedclaim-dismiss", "post", detail("proposed-claims", "proposal", suffix="dismiss/"), CHANGE,
       lambda w: {}),
    Op("suggestion-list", "get", fixed("/api/suggestions/"), READ),
    Op("suggestion-detail", "get", detail("suggestions", "suggestion"), READ),
    Op("suggestion-list", "post", fixed("/api/suggestions/"), NO_WRITE, lambda w: {}),
    Op("suggestion-link", "post", detail("suggestions", "suggestion", suffix="link/"), CREATE,
       lambda w: {"relation": "refutes"}),
    Op("entity-list", "get", fixed("/api/entities/"), READ),
    Op("entity-detail", "get", detail("entities", "entity"), READ),
    Op("entity-list", "post", fixed("/api/entities/"), NO_WRITE, lambda w: {}),
    # sources
    Op("source-list", "get", fixed("/api/sources/"), READ),
    Op("source-detail", "get", detail("sources", "source"), READ),
    Op("source-list", "post", fixed("/api/sources/"), CREATE, lambda w: {"kind": "document", "title": "A memo"}),
    Op("source-detail", "patch", detail("sources", "source"), CHANGE, lambda w: {"publisher": "DoD"}),
    Op("source-detail", "delete", detail("sources", "source"), DELETE),
    # flight records and reference data (read-only)
    Op("mission-list", "get", fixed("/api/missions/"), READ),
    Op("mission-detail", "get", detail("missions", "mission"), READ),
    Op("mission-detail", "get", lambda w, role: f"/api/missions/{w['mission'].pk}/?include=track", READ),
    Op("mission-list", "post", fixed("/api/missions/"), NO_WRITE, lambda w: {}),
    Op("mission-detail", "delete", detail("missions", "mission"), NO_WRITE),
    Op("mission-export-csv", "get", fixed("/api/missions/export.csv"), READ),
    Op("mission-export-csv", "post", fixed("/api/missions/export.csv"), NO_WRITE, lambda w: {}),
    Op("mission-export-geojson", "get", fixed("/api/missions/export.geojson"), READ),
    Op("mission-export-geojson", "post", fixed("/api/missions/export.geojson"), NO_WRITE, lambda w: {}),
    Op("aircraft-list", "get", fixed("/api/aircraft/"), READ),
    Op("aircraft-detail", "get", lambda w, role: f"/api/aircraft/{w['mission'].aircraft_id}/", READ),
    Op("aircraft-list", "post", fixed("/api/aircraft/"), NO_WRITE, lambda w: {}),
    Op("aircrafttype-list", "get", fixed("/api/aircraft-types/"), READ),
    Op("aircrafttype-detail", "get", lambda w, role: f"/api/aircraft-types/{w['mission'].aircraft_type_id}/", READ),
    Op("aircrafttype-list", "post", fixed("/api/aircraft-types/"), NO_WRITE, lambda w: {}),
    Op("region-list", "get", fixed("/api/regions/"), READ),
    Op("region-detail", "get", lambda w, role: f"/api/regions/{w['region'].slug}/", READ),
    Op("region-list", "post", fixed("/api/regions/"), NO_WRITE, lambda w: {}),
    Op("organisation-list", "get", fixed("/api/organisations/"), READ),
    Op("organisation-detail", "get", lambda w, role: f"/api/organisations/{w['mission'].aircraft.operator.slug}/",
       READ),
    Op("organisation-list", "post", fixed("/api/organisations/"), NO_WRITE, lambda w: {}),
    Op("importrun-list", "get", fixed("/api/import-runs/"), READ),
    Op("importrun-detail", "get", detail("import-runs", "import_run"), READ),
    Op("importrun-list", "post", fixed("/api/import-runs/"), NO_WRITE, lambda w: {}),
    # The world's run has finished: staff may operate, and get 409 (neither cancellable nor resumable).
    Op("importrun-cancel", "post", detail("import-runs", "import_run", suffix="cancel/"), IMPORT_OPERATE, lambda w: {}),
    Op("importrun-resume", "post", detail("import-runs", "import_run", suffix="resume/"), IMPORT_OPERATE, lambda w: {}),
    # staff-only imports
    Op("flight-import", "get", fixed("/api/flight-imports/"), IMPORT_READ),
    Op("flight-import", "post", fixed("/api/flight-imports/"), IMPORT_WRITE, lambda w: {}, fmt="multipart"),
    Op("registry-import", "get", fixed("/api/registry-imports/"), IMPORT_READ),
    Op("registry-import", "post", fixed("/api/registry-imports/"), IMPORT_WRITE, lambda w: {}, fmt="multipart"),
    # the bot
    Op("ask", "get", fixed("/api/ask/"), ASK_READ),
    Op("ask", "post", fixed("/api/ask/"), ASK_WRITE, lambda w: {"text": "How many P-8 flights near Texas?"}),
    Op("question-list", "get", fixed("/api/questions/"), READ),
    Op("question-detail", "get", lambda w, role: f"/api/questions/{w['questions'][role].pk}/", READ),
    Op("question-list", "post", fixed("/api/questions/"), NO_WRITE, lambda w: {}),
    # schema and docs
    Op("schema", "get", fixed("/api/schema/"), DOCS_READ),
    Op("schema", "post", fixed("/api/schema/"), DOCS_WRITE, lambda w: {}),
    Op("docs", "get", fixed("/api/docs/"), DOCS_READ),
    Op("docs", "post", fixed("/api/docs/"), DOCS_WRITE, lambda w: {}),
    Op("redoc", "get", fixed("/api/docs/redoc/"), DOCS_READ),
]


@pytest.fixture
def fake_ask(monkeypatch):
    """bot.services.ask replaced by a canned answer (the bot's own tests cover what it says)."""
    calls: list[dict[str, Any]] = []

    def ask(**kwargs: Any) -> Answer:
        calls.append(kwargs)
        return Answer(text="6 missions.", count=6, query={"types": ["P8"]})

    monkeypatch.setattr("bot.services.ask", ask)
    return calls


@pytest.fixture
def world(users) -> dict[str, Any]:
    article = ArticleFactory()
    claim = ClaimFactory(article=article, reviewed=True)
    mission = MissionFactory(import_run=ImportRunFactory())
    region = MissionRegionFactory(mission=mission).region
    link = EvidenceLinkFactory(claim=claim, mission=mission)
    second = "The flights, which began last month, tracked vessels in the Gulf"
    second_start = article.body.index(second)
    return {
        "article": article,
        "claim": claim,
        "mission": mission,
        "region": region,
        "link": link,
        "source": SourceFactory(),
        "proposal": ProposedClaimFactory(
            article=article, start=second_start, end=second_start + len(second), text=second
        ),
        "suggestion": EvidenceSuggestionFactory(claim=claim, mission=MissionFactory()),
        "match": _match(claim),
        "unsigned": ClaimFactory(article=article, start=0, end=4, verdict="supported"),
        "entity": EntityFactory(article=article),
        "import_run": mission.import_run,
        "second_start": second_start,
        "second_end": second_start + len(second),
        "questions": {role: QuestionFactory(user=user) for role, user in users.items() if user is not None}
        | {"anonymous": QuestionFactory()},
    }


def _match(claim):
    from claims.models import ClaimMatch

    other = ClaimFactory(article=ArticleFactory())
    return ClaimMatch.objects.create(claim=other, other=claim, score=0.8, text_score=0.7, reasons=["text 0.70"])


CASES = [
    pytest.param(op, role, id=f"{op.method.upper()} {op.route} {i} {role}")
    for i, op in enumerate(OPS)
    for role in ROLES
]


@pytest.mark.parametrize(("op", "role"), CASES)
def test_permission_matrix(op: Op, role: str, world, client_for, fake_ask):
    client = client_for(role)
    url = op.url(world, role)
    kwargs: dict[str, Any] = {}
    if op.data is not None:
        kwargs = {"data": op.data(world), "format": op.fmt}
    response = getattr(client, op.method)(url, **kwargs)
    assert response.status_code == op.expected[role], (url, getattr(response, "data", response.content[:300]))
    if response.status_code >= 400 and "json" in response.headers["Content-Type"]:
        assert "detail" in response.json(), response.content[:300]
    if response.status_code == 401:
        assert response.headers.get("WWW-Authenticate") == "Token"


def _route_names(patterns: list[Any], namespace: str = "") -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            names |= _route_names(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name and namespace == "api":
            names.add(pattern.name)
    return names


def test_every_api_route_is_in_the_matrix():
    routes = _route_names(get_resolver().url_patterns)
    assert routes, "the API is not mounted"
    assert routes - {op.route for op in OPS} == set()


def test_staff_flag_alone_does_not_import(editor, client_for):
    """Desk users are staff (they use the admin); importing also needs the administrator's model permissions."""
    assert editor.is_staff
    upload = SimpleUploadedFile("trace_full_abc123.json", b"{}")
    response = client_for("editor").post("/api/flight-imports/", {"files": [upload]}, format="multipart")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only staff may import data."}
