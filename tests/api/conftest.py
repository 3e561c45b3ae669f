"""API test fixtures: factory_boy factories for every model, clients per desk role, and the URL conf with the API.

Roles follow tests/conftest.py: ``editor`` and ``factchecker`` are staff (they use the admin) in their group,
``staff_admin`` is the administrator (superuser), ``outsider`` is signed in but in no group.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import factory
import numpy as np
import pytest
from _pytest.mark.expression import Expression
from django.contrib.auth.models import User
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from shapely.geometry import box

from bot.models import ChatIdentity, Conversation, DeliveredEvent, Platform, Question
from claims.models import Article, Claim, Entity, EvidenceLink, EvidenceSuggestion, ProposedClaim
from evidence.flightdata import Positions, encode_track
from evidence.models import (
    Aircraft,
    AircraftType,
    ImportRun,
    Mission,
    MissionRegion,
    Organisation,
    Region,
    Source,
)

T0 = dt.datetime(2026, 2, 10, 14, 0, tzinfo=dt.UTC)

ARTICLE_BODY = (
    "Navy P-8 surveillance planes flew at least 18 missions near Texas in February, three US officials said. "
    "The flights, which began last month, tracked vessels in the Gulf. A Pentagon spokesperson declined to comment."
)
CLAIM_TEXT = "Navy P-8 surveillance planes flew at least 18 missions near Texas in February"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """test_fuzz.py builds its Schemathesis tests (coverage cases included) while it is collected, a few seconds per
    worker: not collected at all when the run's ``-m`` leaves out the slow tests (``make test``)."""
    markexpr = config.getoption("markexpr")
    if collection_path.name != "test_fuzz.py" or not markexpr:
        return None
    return not Expression.compile(markexpr).evaluate(lambda name, **kwargs: name == "slow") or None


# --- factories -------------------------------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"api-user-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"test-org-{n}")
    name = factory.Sequence(lambda n: f"Test Organisation {n}")
    short_name = factory.Sequence(lambda n: f"TO{n}")
    kind = Organisation.Kind.MILITARY
    country = "US"
    aliases = factory.LazyAttribute(lambda o: [o.short_name])


class AircraftTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AircraftType
        django_get_or_create = ("designator",)

    designator = factory.Sequence(lambda n: f"X{n % 1000:03d}")
    name = factory.LazyAttribute(lambda o: f"Test aircraft {o.designator}")
    manufacturer = "Testair"
    aliases = factory.LazyAttribute(lambda o: [o.designator])
    role = AircraftType.Role.MARITIME_PATROL
    is_surveillance = True


class AircraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aircraft

    hex = factory.Sequence(lambda n: f"~{n % 0xFFFFFF:06x}")
    registration = factory.Sequence(lambda n: f"T-{n:05d}")
    aircraft_type = factory.SubFactory(AircraftTypeFactory)
    operator = factory.SubFactory(OrganisationFactory)
    operator_name = factory.LazyAttribute(lambda o: o.operator.name if o.operator else "")
    military = True


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"test-region-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    kind = Region.Kind.AREA
    aliases = factory.List([])
    min_lon, min_lat, max_lon, max_lat = -100.0, 26.0, -94.0, 32.0
    geometry_wkb = factory.LazyAttribute(lambda o: box(o.min_lon, o.min_lat, o.max_lon, o.max_lat).wkb)
    source = "tests"


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    origin = "api"
    status = ImportRun.Status.SUCCEEDED
    files_read = 1
    finished_at = factory.LazyFunction(timezone.now)
    errors = factory.List([])


def encoded_track(start: dt.datetime, points: int = 5, lat: float = 28.0, lon: float = -95.0) -> bytes:
    t0 = start.timestamp()
    return encode_track(
        Positions.build(
            t=np.array([t0 + 60 * i for i in range(points)], dtype=float),
            lat=np.array([lat + 0.1 * i for i in range(points)]),
            lon=np.array([lon + 0.1 * i for i in range(points)]),
            alt_ft=np.full(points, 25000.0),
            gs_kt=np.full(points, 350.0),
            track_deg=np.full(points, 45.0),
        )
    )


class MissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mission
        skip_postgeneration_save = True

    aircraft = factory.SubFactory(AircraftFactory)
    aircraft_type = factory.LazyAttribute(lambda o: o.aircraft.aircraft_type)
    callsign = factory.Sequence(lambda n: f"TEST{n % 1000:03d}")
    callsigns = factory.LazyAttribute(lambda o: [o.callsign])
    start = T0
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=4))
    point_count = 5
    track = factory.LazyAttribute(lambda o: encoded_track(o.start, o.point_count))
    min_lat, min_lon, max_lat, max_lon = 28.0, -95.0, 28.4, -94.6
    max_altitude_ft = 25000
    has_orbit = False
    orbits = factory.List([])
    source_files = factory.List(["trace_full_test.json"])


class MissionRegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MissionRegion

    mission = factory.SubFactory(MissionFactory)
    region = factory.SubFactory(RegionFactory)
    over = False
    distance_nm = 30.0
    mission_start = factory.LazyAttribute(lambda o: o.mission.start)
    aircraft = factory.LazyAttribute(lambda o: o.mission.aircraft)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    kind = Source.Kind.OFFICIAL_STATEMENT
    title = factory.Sequence(lambda n: f"Statement {n}")
    publisher = "US Navy"
    url = factory.Sequence(lambda n: f"https://navy.example/statements/{n}")
    published_on = dt.date(2026, 2, 20)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Spy planes over the Gulf, part {n}")
    outlet = "CNN"
    author = "Jane Reporter"
    url = factory.Sequence(lambda n: f"https://news.example/articles/{n}")
    published_at = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    body = ARTICLE_BODY
    language = "en"
    extraction_status = Article.ExtractionStatus.DONE


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    start = factory.LazyAttribute(lambda o: o.article.body.index(CLAIM_TEXT))
    end = factory.LazyAttribute(lambda o: o.start + len(CLAIM_TEXT))
    exact = factory.LazyAttribute(lambda o: o.article.body[o.start : o.end])
    prefix = factory.LazyAttribute(lambda o: o.article.body[max(0, o.start - 32) : o.start])
    suffix = factory.LazyAttribute(lambda o: o.article.body[o.end : o.end + 32])
    claimant = "three US officials"
    verdict = Claim.Verdict.UNREVIEWED

    class Params:
        reviewed = factory.Trait(
            verdict=Claim.Verdict.REFUTED,
            rationale="ADS-B data shows 6 P-8 missions within 50 nm of Texas in February, not 18.",
            reviewed_at=dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC),
            # signed off by a second reviewer and published (claims.services.workflow)
            status=Claim.Status.DONE,
            signed_off_at=dt.datetime(2026, 3, 2, 13, 0, tzinfo=dt.UTC),
            published_at=dt.datetime(2026, 3, 2, 13, 0, tzinfo=dt.UTC),
        )


class EvidenceLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvidenceLink

    claim = factory.SubFactory(ClaimFactory)
    mission = factory.SubFactory(MissionFactory)
    source = None
    relation = EvidenceLink.Relation.REFUTES
    note = "Fewer flights than claimed"


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity

    article = factory.SubFactory(ArticleFactory)
    label = Entity.Label.AIRCRAFT
    start = 5
    end = 8
    text = "P-8"
    value = factory.Dict({"designator": "P8"})


class ProposedClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposedClaim

    article = factory.SubFactory(ArticleFactory)
    start = factory.LazyAttribute(lambda o: o.article.body.index(CLAIM_TEXT))
    end = factory.LazyAttribute(lambda o: o.start + len(CLAIM_TEXT))
    text = factory.LazyAttribute(lambda o: o.article.body[o.start : o.end])
    score = 0.9
    reasons = factory.List(["aircraft type", "count", "place"])
    claimant = "three US officials"
    status = ProposedClaim.Status.OPEN


class EvidenceSuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvidenceSuggestion

    claim = factory.SubFactory(ClaimFactory)
    mission = factory.SubFactory(MissionFactory)
    score = 0.8
    reason = "P8 within 30 nm of Texas on 2026-02-10"


class ChatIdentityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChatIdentity

    platform = Platform.SLACK
    workspace = "T0001"
    external_id = factory.Sequence(lambda n: f"U{n:06d}")
    user = factory.SubFactory(UserFactory)


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    platform = Platform.API
    channel = "c"
    thread = ""
    user_key = factory.Sequence(lambda n: f"user:{n}")
    last_query = factory.Dict({})


class DeliveredEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeliveredEvent

    platform = Platform.SLACK
    event_id = factory.Sequence(lambda n: f"Ev{n:08d}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    platform = Platform.API
    user = factory.SubFactory(UserFactory)
    text = "How many P-8 flights near Texas in February?"
    query = factory.Dict({})
    count = 6


# --- clients ----------------------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Four users per test: hash their passwords cheaply."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


ROLES = ("anonymous", "outsider", "editor", "factchecker", "staff")


@pytest.fixture
def users(editor, factchecker, staff_admin, outsider) -> dict[str, User | None]:
    return {"anonymous": None, "outsider": outsider, "editor": editor, "factchecker": factchecker, "staff": staff_admin}


def token_client(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def client_for(users) -> Callable[[str], APIClient]:
    """``client_for("editor")``: an API client authenticated with that role's token (anonymous: none)."""
    return lambda role: token_client(users[role])


@pytest.fixture
def fc_client(factchecker) -> APIClient:
    return token_client(factchecker)


@pytest.fixture
def editor_client(editor) -> APIClient:
    return token_client(editor)


@pytest.fixture
def staff_client(staff_admin) -> APIClient:
    return token_client(staff_admin)


@pytest.fixture
def wsgi_db(db: None) -> Iterator[None]:
    """The ``db`` fixture for requests sent straight to the WSGI application (Schemathesis), not through Django's
    test client: as the test client does, the request signals leave the connection alone — closing it would end the
    test's transaction (PostgreSQL; SQLite in memory is never closed)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
