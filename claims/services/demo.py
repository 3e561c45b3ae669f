"""The demo: accounts, reference data, the demo flights (through the real importer) and the annotated demo article.

Idempotent: running it again resets the demo accounts' passwords, re-imports the flights (no duplicates) and leaves
the article, its claims and their evidence links as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q

from claims.demo import DEMO_ARTICLE, DEMO_CLAIMS, DEMO_SOURCES, WORLD_ARTICLE, WORLD_CLAIMS, WORLD_SOURCES
from claims.models import Article, Claim, EvidenceLink

DEMO_USERS = {
    # username: (group, is_superuser, password)
    "factchecker": ("Fact-checkers", False, "check-the-flights"),
    "editor": ("Editors", False, "ask-the-bot"),
    "admin": (None, True, "flightcheck-admin"),
}


@dataclass
class DemoResult:
    users: dict[str, str] = field(default_factory=dict)
    article: Article | None = None
    #: The second story (Black Sea and Baltic, October 2025).
    world_article: Article | None = None
    claims: int = 0
    missions: int = 0
    links: int = 0
    import_errors: list[dict] = field(default_factory=list)


def ensure_demo_users() -> dict[str, str]:
    User = get_user_model()
    out = {}
    for username, (group_name, superuser, password) in DEMO_USERS.items():
        user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
        user.is_staff = True
        user.is_superuser = superuser
        user.set_password(password)
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        out[username] = password
    return out


def load_demo_flights(*, directory: Path, user=None) -> tuple[int, list[dict]]:
    from evidence.flightdata.demo import AIRFRAMES, write_demo_traces
    from evidence.models import Mission
    from evidence.services.flight_import import import_flight_files

    paths = write_demo_traces(directory)
    run = import_flight_files(paths, user=user, origin="demo")
    return Mission.objects.filter(aircraft_id__in=list(AIRFRAMES)).count(), list(run.errors)


def ensure_demo_article(*, user=None, data: dict | None = None,
                        annotations: list[tuple[str, str]] | None = None) -> tuple[Article, list[Claim]]:
    """The demo article (or the one given by ``data``) with the claims a fact-checker marked in it."""
    from claims.services import article_create, claim_create_from_selection

    data = data or DEMO_ARTICLE
    article = Article.objects.filter(url=data["url"]).first()
    if article is None:
        article = article_create(**data, user=user)
    claims = []
    for quote, claimant in annotations if annotations is not None else DEMO_CLAIMS:
        start = article.body.find(quote)
        if start < 0:
            raise RuntimeError(f"demo quote not in the demo article: {quote!r}")
        claim = Claim.objects.filter(article=article, start=start, end=start + len(quote)).first()
        if claim is None:
            claim = claim_create_from_selection(
                article=article, start=start, end=start + len(quote), claimant=claimant, user=user
            )
        claims.append(claim)
    return article, claims


def _window(day_from: dt.date, day_to: dt.date) -> Q:
    start = dt.datetime.combine(day_from, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(day_to + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    return Q(start__gte=start, start__lt=end)


def link_demo_evidence(*, claims: list[Claim], user=None) -> int:
    """Link the missions a fact-checker would link to each demo claim (only where no link exists yet)."""
    from claims.services import evidence_link_create
    from evidence.models import Mission, Source

    surveillance = Mission.objects.filter(aircraft_type__is_surveillance=True).filter(
        _window(dt.date(2025, 1, 27), dt.date(2025, 2, 5))
    )
    by_quote = {c.exact: c for c in claims}
    plan: list[tuple[str, list, str]] = [
        (DEMO_CLAIMS[1][0], list(surveillance), "One of the missions in the 10-day window."),
        (DEMO_CLAIMS[3][0], list(surveillance.filter(aircraft_type_id="P8")), "A Navy P-8 mission in the window."),
        (
            DEMO_CLAIMS[4][0],
            list(surveillance.filter(aircraft_type_id="U2", start__date=dt.date(2025, 2, 3))),
            "The U-2 mission on 3 February 2025.",
        ),
        (
            DEMO_CLAIMS[6][0],
            list(surveillance.filter(aircraft_type_id="R135", start__date=dt.date(2025, 2, 4))),
            "The RC-135 loop around the Baja peninsula.",
        ),
    ]
    made = 0
    for quote, missions, note in plan:
        claim = by_quote.get(quote)
        if claim is None:
            continue
        for mission in missions:
            if not EvidenceLink.objects.filter(claim=claim, mission=mission).exists():
                evidence_link_create(claim=claim, mission=mission, relation="supports", note=note, user=user)
                made += 1
    interview = Source.objects.filter(title=DEMO_SOURCES[1]["title"]).first()
    claim = by_quote.get(DEMO_CLAIMS[7][0])
    if interview and claim and not EvidenceLink.objects.filter(claim=claim, source=interview).exists():
        evidence_link_create(
            claim=claim, source=interview, relation="context", note="Where the quote comes from.", user=user
        )
        made += 1
    return made


def link_world_evidence(*, claims: list[Claim], user=None) -> int:
    """The second story's links: the RQ-4 missions over the Black Sea, the RAF RC-135 missions near Kaliningrad,
    the USAF RC-135 of 28 October, and the ministry statement as context."""
    from claims.services import evidence_link_create
    from evidence.models import Mission, Source

    october = Mission.objects.filter(_window(dt.date(2025, 10, 1), dt.date(2025, 10, 31)))
    by_quote = {c.exact: c for c in claims}
    plan: list[tuple[str, list, str]] = [
        (WORLD_CLAIMS[0][0], list(october.filter(aircraft_type_id="Q4", region_links__region__slug="black-sea",
                                                 region_links__over=True)), "An RQ-4 mission over the Black Sea."),
        (WORLD_CLAIMS[2][0], list(october.filter(aircraft_type_id="R135", aircraft__operator__slug="raf")),
         "An RAF RC-135W mission off Kaliningrad."),
        (WORLD_CLAIMS[3][0], list(october.filter(aircraft_type_id="R135", start__date=dt.date(2025, 10, 28))),
         "The USAF RC-135 of 28 October."),
    ]
    made = 0
    for quote, missions, note in plan:
        claim = by_quote.get(quote)
        for mission in missions if claim else []:
            if not EvidenceLink.objects.filter(claim=claim, mission=mission).exists():
                evidence_link_create(claim=claim, mission=mission, relation="supports", note=note, user=user)
                made += 1
    statement = Source.objects.filter(title=WORLD_SOURCES[1]["title"]).first()
    claim = by_quote.get(WORLD_CLAIMS[5][0])
    if statement and claim and not EvidenceLink.objects.filter(claim=claim, source=statement).exists():
        evidence_link_create(claim=claim, source=statement, relation="context",
                             note="Where the claim comes from; the fighters are not in the flight data.", user=user)
        made += 1
    return made


def load_demo(*, flights_dir: Path | None = None, log: Callable[[str], None] = print) -> DemoResult:
    from evidence.models import Source
    from evidence.services.reference import seed_reference_data

    result = DemoResult()
    seed_reference_data(log=log)
    result.users = ensure_demo_users()
    User = get_user_model()
    factchecker = User.objects.get(username="factchecker")
    admin = User.objects.get(username="admin")
    directory = flights_dir or (settings.VAR_DIR / "demo-flights")
    result.missions, result.import_errors = load_demo_flights(directory=directory, user=admin)
    log(f"demo flights: {result.missions} missions from the trace files in {directory}")
    for src in [*DEMO_SOURCES, *WORLD_SOURCES]:
        Source.objects.get_or_create(title=src["title"], defaults={**src, "created_by": factchecker})
    with transaction.atomic():
        result.article, claims = ensure_demo_article(user=factchecker)
    with transaction.atomic():
        result.world_article, world_claims = ensure_demo_article(user=factchecker, data=WORLD_ARTICLE,
                                                                 annotations=WORLD_CLAIMS)
    result.claims = len(claims) + len(world_claims)
    result.links = link_demo_evidence(claims=claims, user=factchecker)
    result.links += link_world_evidence(claims=world_claims, user=factchecker)
    return result
