"""Filtering, search, ordering and pagination on missions and claims."""
from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Claim
from evidence.models import AircraftType
from tests.api.conftest import (
    T0,
    AircraftFactory,
    AircraftTypeFactory,
    ClaimFactory,
    EvidenceLinkFactory,
    MissionFactory,
    MissionRegionFactory,
    OrganisationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fleet():
    p8 = AircraftTypeFactory(designator="QP8", role=AircraftType.Role.MARITIME_PATROL, is_surveillance=True)
    kc = AircraftTypeFactory(designator="QK35", role=AircraftType.Role.TANKER, is_surveillance=False)
    navy = OrganisationFactory(slug="test-navy")
    af = OrganisationFactory(slug="test-air-force")
    texas, arizona = RegionFactory(slug="texas"), RegionFactory(slug="arizona")
    near_texas = MissionFactory(
        aircraft=AircraftFactory(aircraft_type=p8, operator=navy), start=T0, callsign="NAVY01"
    )
    MissionRegionFactory(mission=near_texas, region=texas, over=False, distance_nm=30)
    over_arizona = MissionFactory(
        aircraft=AircraftFactory(aircraft_type=kc, operator=af, military=True),
        start=T0 + dt.timedelta(days=10),
        has_orbit=True,
        orbits=[{"lat": 33, "lon": -112, "radius_km": 20, "turns": 3}],
    )
    MissionRegionFactory(mission=over_arizona, region=arizona, over=True, distance_nm=0)
    MissionRegionFactory(mission=over_arizona, region=texas, over=False, distance_nm=120)
    civil = MissionFactory(
        aircraft=AircraftFactory(aircraft_type=p8, operator=None, military=False),
        start=T0 - dt.timedelta(days=40),
    )
    return {"near_texas": near_texas.pk, "over_arizona": over_arizona.pk, "civil": civil.pk}


def ids(client, query: str) -> set[int]:
    response = client.get("/api/missions/?" + query)
    assert response.status_code == 200, response.content[:300]
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=QP8", {"near_texas", "civil"}),
        ("type=qk35,qp8", {"near_texas", "over_arizona", "civil"}),
        ("role=tanker", {"over_arizona"}),
        ("role=maritime_patrol,tanker", {"near_texas", "over_arizona", "civil"}),
        ("surveillance=true", {"near_texas", "civil"}),
        ("operator=test-navy", {"near_texas"}),
        ("military=false", {"civil"}),
        ("region=texas", {"near_texas"}),  # settings.NEAR_NM = 50 by default
        ("region=texas&near_nm=150", {"near_texas", "over_arizona"}),
        ("region=texas&near_nm=10", set()),
        ("over=arizona", {"over_arizona"}),
        ("over=texas", set()),
        ("orbit=true", {"over_arizona"}),
        ("start=2026-02-15", {"over_arizona"}),
        ("end=2026-02-10", {"near_texas", "civil"}),
        ("start=2026-02-10&end=2026-02-10", {"near_texas"}),
        ("start=2026-02-10T17:59:00Z&end=2026-02-10T18:30:00", {"near_texas"}),  # in the air at 18:00
        ("start=2026-02-10T18:01:00%2B00:00&end=2026-02-19", set()),
        ("callsign=navy01", {"near_texas"}),
        ("search=NAVY01", {"near_texas"}),
        ("type=QP8&region=texas&start=2026-02-01&end=2026-02-28", {"near_texas"}),
    ],
)
def test_mission_filters(editor_client, fleet, query, expected):
    assert ids(editor_client, query) == {fleet[name] for name in expected}


def test_mission_regions_distances_and_track(editor_client, fleet):
    row = editor_client.get(f"/api/missions/{fleet['over_arizona']}/").json()
    assert [(r["slug"], r["over"], r["distance_nm"]) for r in row["regions"]] == [
        ("arizona", True, 0.0),
        ("texas", False, 120.0),
    ]
    assert row["track"] is None
    assert row["bbox"] == [-95.0, 28.0, -94.6, 28.4]
    row = editor_client.get(f"/api/missions/{fleet['over_arizona']}/?include=track").json()
    track = row["track"]
    assert track["columns"] == ["time", "lat", "lon", "altitude_ft", "ground_speed_kt", "track_deg"]
    assert len(track["points"]) == 5
    t, lat, lon, alt, gs, trk = track["points"][0]
    assert (lat, lon, alt, gs, trk) == (28.0, -95.0, 25000, 350.0, 45.0)
    assert dt.datetime.fromtimestamp(t, dt.UTC) == T0 + dt.timedelta(days=10)


def test_mission_ordering_and_pagination(editor_client, fleet):
    body = editor_client.get("/api/missions/?ordering=start&page_size=2").json()
    assert body["count"] == 3
    assert [r["id"] for r in body["results"]] == [fleet["civil"], fleet["near_texas"]]
    assert body["next"] and "page=2" in body["next"]
    body = editor_client.get(body["next"]).json()
    assert [r["id"] for r in body["results"]] == [fleet["over_arizona"]]


@pytest.fixture
def claims_set():
    a1 = ClaimFactory(reviewed=True)
    a2 = ClaimFactory(article=a1.article, verdict=Claim.Verdict.UNREVIEWED, claimant="CNN")
    EvidenceLinkFactory(claim=a1)
    other = ClaimFactory(verdict=Claim.Verdict.SUPPORTED, claimant="Pentagon")
    return {"refuted": a1, "unreviewed": a2, "supported": other}


def claim_ids(client, query: str) -> set[int]:
    response = client.get("/api/claims/?" + query)
    assert response.status_code == 200, response.content[:300]
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("verdict=refuted", {"refuted"}),
        ("verdict=refuted,supported", {"refuted", "supported"}),
        ("has_evidence=true", {"refuted"}),
        ("has_evidence=false", {"unreviewed", "supported"}),
        ("reviewed=false", {"unreviewed"}),
        ("claimant=pentagon", {"supported"}),
        ("search=Pentagon", {"supported"}),
    ],
)
def test_claim_filters(editor_client, claims_set, query, expected):
    got = claim_ids(editor_client, query) & {c.pk for c in claims_set.values()}
    assert got == {claims_set[name].pk for name in expected}


def test_claims_by_article(editor_client, claims_set):
    article = claims_set["refuted"].article_id
    assert claim_ids(editor_client, f"article={article}") == {claims_set["refuted"].pk, claims_set["unreviewed"].pk}


def test_claim_representation(editor_client, claims_set):
    claim = claims_set["refuted"]
    row = editor_client.get(f"/api/claims/{claim.pk}/").json()
    assert row["selectors"] == {
        "TextQuoteSelector": {"exact": claim.exact, "prefix": claim.prefix, "suffix": claim.suffix},
        "TextPositionSelector": {"start": claim.start, "end": claim.end},
    }
    assert row["verdict"] == "refuted"
    assert row["article_url"] == claim.article.url
    [link] = row["evidence"]
    assert link["relation"] == "refutes" and link["mission"]["hex"].startswith("~")


def test_filters_by_claim_id(editor_client):
    """Regression: ``claim_id__exact`` resolves to ``Claim.exact`` (the quote field) — filters use ``claim__id``."""
    from tests.api.conftest import EvidenceSuggestionFactory

    link = EvidenceLinkFactory()
    EvidenceLinkFactory()
    suggestion = EvidenceSuggestionFactory(claim=link.claim)
    EvidenceSuggestionFactory()
    rows = editor_client.get(f"/api/evidence-links/?claim={link.claim_id}").json()["results"]
    assert [r["id"] for r in rows] == [link.pk]
    rows = editor_client.get(f"/api/suggestions/?claim={link.claim_id}").json()["results"]
    assert [r["id"] for r in rows] == [suggestion.pk]
    rows = editor_client.get(f"/api/evidence-links/?mission={link.mission_id}").json()["results"]
    assert [r["id"] for r in rows] == [link.pk]


def test_pages_with_tracks_are_smaller(editor_client):
    for _ in range(12):
        MissionFactory()
    assert len(editor_client.get("/api/missions/").json()["results"]) == 12
    with_tracks = editor_client.get("/api/missions/?include=track&page_size=500").json()
    assert len(with_tracks["results"]) == 12  # max 50 per page with tracks
    with_tracks = editor_client.get("/api/missions/?include=track").json()
    assert len(with_tracks["results"]) == 10 and with_tracks["next"]
