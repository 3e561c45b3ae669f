"""Schemathesis fuzzing of the whole API: every operation in /api/schema/ as the administrator, every write also as
a fact-checker, with generated valid and invalid requests. No request may get a 500; every answer must be documented
(status code and content type) and match its schema, errors included; a refused request (4xx) must not have written
anything.

- The schema is built in-process by drf-spectacular (what /api/schema/ serves) and the requests go through the
  WSGI application, so the whole stack runs: middleware, authentication, parsers, the error handler.
- ``wsgi_db`` (pytest-django's ``db``) rolls back everything each operation wrote. A small world of records with
  fixed primary keys (``KNOWN_IDS``; slugs and codes alike) is created first, and generated path parameters and
  record references take those values often, so the fuzzing reaches detail views, updates and actions, not just 404s.
- Deterministic: a fixed Schemathesis seed and Hypothesis ``derandomize``, no example database. ``MAX_EXAMPLES``
  bounds the fuzzing phase (the coverage phase adds its own boundary cases) so the module stays within about two
  minutes on two cores.
- Throttling is off for the module (DRF throttles and the bot's own rate limit): a 429 is not a server error, but
  it would stop the fuzzing from reaching the code behind it.

Run it: ``.venv/bin/pytest -m slow tests/api/test_fuzz.py``. A failure prints the request to replay; put that
request into tests/api/test_fuzz_regressions.py with the fix.
"""
from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from django.apps import apps
from django.contrib.auth.models import User
from django.core.wsgi import get_wsgi_application
from django.db import connection
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from rest_framework.views import APIView
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claims.models import Article
from evidence.models import Aircraft, Organisation
from tests.api.conftest import (
    AircraftFactory,
    AircraftTypeFactory,
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
)

pytestmark = pytest.mark.slow

#: Fuzzing examples per test item (every operation as the administrator, the writes again as a fact-checker).
MAX_EXAMPLES = 30
SEED = 20260210
#: Primary keys of the world's records: every resource has records with these ids, so one list serves every {id}.
KNOWN_IDS = (70001, 70002)
KNOWN = {"slug": "fuzz-known", "hex": "fa0001", "designator": "FUZ1"}
#: Request-body fields that name a record by id (new claims and evidence links).
REFERENCES = ("article", "claim", "mission", "source")


def _schema_dict() -> dict[str, Any]:
    """The OpenAPI document /api/schema/ serves, as plain JSON data."""
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
        "phases": {"examples": {"enabled": False}, "stateful": {"enabled": False}},
        "dictionaries": {
            "ids": {"values": list(KNOWN_IDS)},
            **{name: {"values": [value]} for name, value in KNOWN.items()},
        },
        "parameters": {
            "path.id": {"dictionary": "ids", "probability": 0.7},
            **{f"path.{name}": {"dictionary": name, "probability": 0.7} for name in KNOWN},
            **{f"body.{name}": {"dictionary": "ids", "probability": 0.7} for name in REFERENCES},
        },
    }
)
schema = schemathesis.openapi.from_dict(_schema_dict(), config=CONFIG)
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def _no_throttling(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    """Whatever throttle classes and rates the API has: none for these requests."""
    monkeypatch.setattr(APIView, "get_throttles", lambda self: [])
    settings.BOT_RATE_LIMIT = "1000000/min"


def _token_header(user: User) -> dict[str, str]:
    return {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


@pytest.fixture
def staff_headers(staff_admin: User) -> dict[str, str]:
    return _token_header(staff_admin)


@pytest.fixture
def factchecker_headers(factchecker: User) -> dict[str, str]:
    return _token_header(factchecker)


@pytest.fixture
def world(wsgi_db: None, staff_admin: User, factchecker: User) -> None:
    """Two records of every kind under ``KNOWN_IDS`` (the first claim reviewed, so it has a ClaimReview), one
    region, organisation, type and aircraft under the ``KNOWN`` names; a question of each user."""
    region = RegionFactory(slug=KNOWN["slug"])
    operator = OrganisationFactory(slug=KNOWN["slug"])
    aircraft_type = AircraftTypeFactory(designator=KNOWN["designator"])
    aircraft = AircraftFactory(hex=KNOWN["hex"], aircraft_type=aircraft_type, operator=operator)
    second = "The flights, which began last month, tracked vessels in the Gulf"
    for pk, user in zip(KNOWN_IDS, (staff_admin, factchecker), strict=True):
        article = ArticleFactory(pk=pk)
        mission = MissionFactory(pk=pk, aircraft=aircraft, import_run=ImportRunFactory(pk=pk))
        MissionRegionFactory(mission=mission, region=region)
        claim = ClaimFactory(pk=pk, article=article, reviewed=pk == KNOWN_IDS[0])
        EvidenceLinkFactory(pk=pk, claim=claim, mission=mission)
        start = article.body.index(second)
        ProposedClaimFactory(pk=pk, article=article, start=start, end=start + len(second), text=second)
        EvidenceSuggestionFactory(pk=pk, claim=claim, mission=MissionFactory(pk=pk + 100, aircraft=aircraft))
        EntityFactory(pk=pk, article=article)
        SourceFactory(pk=pk)
        QuestionFactory(pk=pk, user=user)


def _row_counts() -> tuple[int, ...]:
    """Rows in every table of the project's apps, in one query. The history tables count too, so changing a
    versioned record (articles, claims, evidence links, sources, aircraft) changes the counts as well."""
    tables = [
        connection.ops.quote_name(model._meta.db_table)
        for label in ("claims", "evidence", "bot")
        for model in apps.get_app_config(label).get_models()
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {table})" for table in tables))
        return tuple(cursor.fetchone())


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def call_and_check(case: schemathesis.Case, headers: dict[str, str]) -> None:
    """No 500; the status code, content type and body are the documented ones; a refused request wrote nothing."""
    before = _row_counts()
    response = case.call(headers=headers)
    case.validate_response(response, checks=CHECKS)
    if response.status_code >= 400:
        assert _row_counts() == before, f"{response.status_code} {response.text[:300]}: the refused request wrote data"


NO_HEALTH_CHECKS = hypothesis_settings(deadline=None, suppress_health_check=list(HealthCheck))


@schema.parametrize()
@NO_HEALTH_CHECKS
def test_api_as_administrator(case: schemathesis.Case, staff_headers: dict[str, str], world: None) -> None:
    """Every operation, as the superuser: the imports and every write are reached."""
    call_and_check(case, staff_headers)


@schema.include(method=["POST", "PUT", "PATCH", "DELETE"]).parametrize()
@NO_HEALTH_CHECKS
def test_api_writes_as_factchecker(case: schemathesis.Case, factchecker_headers: dict[str, str], world: None) -> None:
    """Every write, as a desk user with the Fact-checkers group's permissions (the imports answer 403)."""
    call_and_check(case, factchecker_headers)


def test_known_values_are_records(world: None) -> None:
    """The values bound to the generated paths name real records, so the fuzzing reaches existing objects."""
    assert Article.objects.filter(pk__in=KNOWN_IDS).count() == len(KNOWN_IDS)
    assert Aircraft.objects.filter(hex=KNOWN["hex"]).exists()
    assert Organisation.objects.filter(slug=KNOWN["slug"]).exists()
