"""The picture URLs through the test client: who may see them, bad parameters named, signed links, GeoJSON."""

from __future__ import annotations

import io
import itertools

import numpy as np
import orjson
import pytest
from django.test import Client
from PIL import Image
from shapely.geometry import box

from claims.models import Article, Claim, EvidenceLink, EvidenceSuggestion
from evidence.pictures import geojson, params
from evidence.pictures.data import pictures_cache
from evidence.scope import RegionFilter, Scope

from .conftest import GAP_AFTER, POINTS, more_missions


def client_for(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def ed(editor) -> Client:
    return client_for(editor)


def png_size(content: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(content)).size


def test_images_need_a_desk_user(world, outsider, client):
    url = f"/pictures/missions/{world.mission.pk}/map.png"
    assert client.get(url).status_code == 403
    assert client_for(outsider).get(url).status_code == 403
    page = client.get("/scope/map")
    assert page.status_code == 302 and "/admin/login/" in page["Location"]


def test_mission_picture_urls(world, ed):
    base = f"/pictures/missions/{world.mission.pk}/map"
    png = ed.get(base + ".png")
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    assert png_size(png.content) == (900, 640)
    svg = ed.get(base + ".svg")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    assert ed.get(f"/pictures/missions/{world.mission.pk + 999}/map.png").status_code == 404
    assert ed.get("/pictures/missions/99999999999999999999999/map.png").status_code == 404


def test_mission_geojson_keeps_gaps_and_marks(world, ed):
    body = ed.get(f"/pictures/missions/{world.mission.pk}/map.geojson?zoom=8").json()
    lines = [f for f in body["features"] if f["geometry"]["type"] == "LineString"]
    # the climb crosses altitude bands: several runs, none bridging the gap between positions 29 and 30
    assert len(lines) > 2
    gap_start = [round(-99.0 + 4.0 * (GAP_AFTER - 1) / (POINTS - 1), 5), round(27.0 + 4.0 * (GAP_AFTER - 1) / 59, 5)]
    gap_end = [round(-99.0 + 4.0 * GAP_AFTER / (POINTS - 1), 5), round(27.0 + 4.0 * GAP_AFTER / 59, 5)]
    for f in lines:
        coords = f["geometry"]["coordinates"]
        for a, b in itertools.pairwise(coords):
            assert not (a == pytest.approx(gap_start, abs=1e-3) and b == pytest.approx(gap_end, abs=1e-3))
    marks = {f["properties"].get("mark") for f in body["features"] if f["geometry"]["type"] == "Point"}
    assert marks == {"start", "end", "orbit", "nearest"}
    nearest = next(f for f in body["features"] if f["properties"].get("mark") == "nearest")
    assert nearest["properties"]["region"] == "Test Border" and nearest["properties"]["distance_nm"] == 30.0
    assert body["meta"]["over"] == ["testland"]
    assert len(body["meta"]["altitude_legend"]) == geojson.ALTITUDE_BANDS


def test_scope_geojson_bounded_points(world, ed, settings):
    more_missions(world, list(range(1, 30)))
    body = ed.get("/pictures/scope/missions.geojson?over=testland&zoom=12").json()
    assert body["meta"]["missions"] == 30 and body["meta"]["total"] == 30
    tracks = [f for f in body["features"] if f["geometry"]["type"] == "MultiLineString"]
    assert len(tracks) == 30
    assert all(len(f["geometry"]["coordinates"]) == 2 for f in tracks)  # two pieces: the gap stays a gap
    # a straight track simplifies to its ends at any zoom
    assert body["meta"]["points"] == 30 * 4


def test_tracks_thinned_to_the_budget(world):
    from evidence.pictures import data

    track = data.mission_track(world.mission, with_regions=False)
    first = track.pieces[0]
    zigzag = data.TrackPiece(lon=first.lon, lat=first.lat + 0.5 * (np.arange(GAP_AFTER) % 2), alt_ft=first.alt_ft,
                             t=first.t)
    track.pieces = [zigzag]
    body = geojson.tracks_geojson([track] * 10, zoom=10, max_points=100, by_altitude=False)
    assert body["meta"]["thinned"] is True
    assert body["meta"]["points"] <= 100


def test_scope_params_errors_are_named(world, ed):
    r = ed.get("/pictures/scope/map.png?type=ZZZZ&region=nowhere&near_nm=abc&callsign=X&colour=red&start=2026-13-01")
    assert r.status_code == 400
    errors = r.json()["errors"]
    assert set(errors) == {"type", "region", "near_nm", "callsign", "colour", "start"}
    assert "ZZZZ" in errors["type"] and "nowhere" in errors["region"]
    page = ed.get("/scope/map?over=nowhere")
    assert page.status_code == 400 and b"nowhere" in page.content
    assert ed.get("/pictures/scope/breakdown.png?by=colour").status_code == 400
    assert ed.get("/pictures/scope/timeline.png?start=2100-01-01").status_code == 200  # to that day: no 500
    assert ed.get("/pictures/scope/timeline.png?start=0001-01-01").status_code == 400
    assert ed.get("/pictures/scope/map.png?start=2026-02-02&end=2026-02-01").json()["errors"] == {
        "end": "end is before start."}
    assert ed.get("/pictures/scope/missions.geojson?near_nm=nan&region=testland").status_code == 400
    assert ed.get("/pictures/outlines.geojson?bbox=1,2,3").status_code == 400
    assert ed.get("/pictures/outlines.geojson?zoom=x").status_code == 400


def test_params_round_trip(world):
    scope = params.scope_from_params({"type": "p8", "region": "testland", "near_nm": "30", "over": "test-sea",
                                      "start": "2026-02-01", "end": "2026-02-28", "orbit": "true"})
    assert scope.type_designators == ("P8",)
    assert scope.regions == (RegionFilter("testland", "near", 30.0), RegionFilter("test-sea", "over"))
    again = params.scope_from_params(params.params_from_scope(scope))
    assert again.with_changes(period=None) == scope.with_changes(period=None)
    assert (again.period.start, again.period.end) == (scope.period.start, scope.period.end)


def test_scope_pictures_and_page(world, ed):
    more_missions(world, [1, 2, 3])
    for kind, size in (("map", (900, 640)), ("timeline", (900, 420))):
        r = ed.get(f"/pictures/scope/{kind}.png?over=testland&start=2026-02-01&end=2026-02-28")
        assert r.status_code == 200 and png_size(r.content) == size
    r = ed.get("/pictures/scope/breakdown.png?over=testland&by=type")
    assert r.status_code == 200
    page = ed.get("/scope/map?over=testland&start=2026-02-01&end=2026-02-28")
    assert page.status_code == 200
    html = page.content.decode()
    assert "4 missions over Testland" in html
    assert "leaflet/leaflet.js" in html and "pictures/map.js" in html
    assert "tile" not in html.lower()  # no tile server anywhere


def test_signed_picture_links(world, client, settings):
    token = params.sign_picture("map", Scope(regions=(RegionFilter("testland", "over"),)))
    r = client.get(f"/pictures/s/{token}.png")  # no session: the signature is the permission
    assert r.status_code == 200 and r["Content-Type"] == "image/png"
    assert client.get(f"/pictures/s/{token[:-3]}xyz.png").status_code == 404
    settings.PICTURE_LINK_MAX_AGE = -1
    assert client.get(f"/pictures/s/{token}.png").status_code == 410


def test_outlines_by_bbox_zoom_and_cache(world, ed):
    pictures_cache().clear()
    body = orjson.loads(ed.get("/pictures/outlines.geojson?bbox=-101,25,-93,33&zoom=6").content)
    slugs = {f["properties"]["slug"] for f in body["features"]}
    assert slugs == {"testland", "test-sea", "test-border"}
    far = orjson.loads(ed.get("/pictures/outlines.geojson?bbox=10,40,20,50&zoom=6").content)
    assert far["features"] == []
    # a region saved invalidates the cached layer
    world.land.name = "Renamed Land"
    world.land.save()
    body = orjson.loads(ed.get("/pictures/outlines.geojson?bbox=-101,25,-93,33&zoom=6").content)
    assert "Renamed Land" in {f["properties"]["name"] for f in body["features"]}
    # at world zoom a region smaller than a few pixels is left out (the border line always stays)
    tiny = world.sea
    tiny.geometry_wkb = box(-94, 26, -93.9, 26.1).wkb
    tiny.min_lon, tiny.min_lat, tiny.max_lon, tiny.max_lat = -94, 26, -93.9, 26.1
    tiny.save()
    body = orjson.loads(ed.get("/pictures/outlines.geojson?bbox=-180,-85,180,85&zoom=2").content)
    assert {f["properties"]["slug"] for f in body["features"]} == {"testland", "test-border"}


def test_mission_admin_page_has_the_map(world, staff_admin):
    r = client_for(staff_admin).get(f"/admin/evidence/mission/{world.mission.pk}/change/")
    html = r.content.decode()
    assert r.status_code == 200
    assert f'id="fc-mission-map-{world.mission.pk}"' in html
    assert "1 reception gap left blank" in html  # the text alternative
    assert f"/pictures/missions/{world.mission.pk}/map.png" in html


@pytest.fixture
def claim(world, factchecker) -> Claim:
    text = "Navy P-8 planes flew at least 18 missions over Testland in February 2026."
    article = Article.objects.create(title="T", outlet="O", url="https://example.org/a", body=text)
    claim = Claim.objects.create(
        article=article, exact=text, start=0, end=len(text),
        scope=Scope(type_designators=("P8",), regions=(RegionFilter("testland", "over"),)).to_dict(),
        stated_count={"value": 18, "qualifier": "at_least", "per": None},
    )
    more = more_missions(world, [1, 2])
    EvidenceLink.objects.create(claim=claim, mission=world.mission)
    EvidenceSuggestion.objects.create(claim=claim, mission=more[0], score=0.9, reason="r")
    EvidenceSuggestion.objects.create(claim=claim, mission=world.mission, score=0.8, reason="r")
    return claim


def test_claim_pictures(claim, ed, staff_admin):
    body = ed.get(f"/pictures/claims/{claim.pk}/map.geojson").json()
    groups = {f["properties"]["id"]: f["properties"]["group"] for f in body["features"]
              if f["geometry"]["type"] == "MultiLineString"}
    assert sorted(groups.values()) == ["linked as evidence", "suggested"]
    r = ed.get(f"/pictures/claims/{claim.pk}/map.png")
    assert r.status_code == 200 and png_size(r.content) == (900, 640)
    r = ed.get(f"/pictures/claims/{claim.pk}/timeline.svg")
    assert r.status_code == 200 and b"claimed: at least 18" in r.content
    page = client_for(staff_admin).get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert 'id="fc-claim-map"' in page and 'id="fc-claim-timeline"' in page
    assert "1 mission linked as evidence and 1 suggested" in page


def test_mission_page_is_readable(world, staff_admin):
    """Rows by region name with one-decimal distances, times in UTC with the date, provenance in words."""
    html = client_for(staff_admin).get(f"/admin/evidence/mission/{world.mission.pk}/change/").content.decode()
    assert "over Testland" in html and "30.0 nm from Test Border" in html
    assert f"over {world.land.pk}<" not in html and "29.96" not in html
    assert "30.0 nm</td>" in html or "30.0 nm</p>" in html or ">30.0 nm<" in html
    assert "2026-02-10 12:00:00 UTC" in html
    assert "2026-02-10 12:10:00 UTC to 2026-02-10 12:40:00 UTC" in html  # the orbit


def test_geojson_is_gzipped_when_accepted(world, ed):
    import gzip

    r = ed.get("/pictures/scope/missions.geojson?zoom=5", HTTP_ACCEPT_ENCODING="gzip")
    assert r["Content-Encoding"] == "gzip"
    assert orjson.loads(gzip.decompress(r.content))["meta"]["missions"] == 1


def test_scope_map_reads_stored_overviews_and_stores_missing_ones(world, django_assert_max_num_queries):
    """A mission written without an overview gets one, stored once (stamped with its track); later maps read it
    from the database even with an empty pictures cache, and a track changed since is drawn anew."""
    from evidence.models import Mission
    from evidence.pictures import build, data

    pictures_cache().clear()  # ids repeat across rolled-back tests: no overview cached by an earlier one
    copies = more_missions(world, [1, 2])
    assert Mission.objects.filter(overview__isnull=True).count() == 3
    first = build.scope_tracks(Scope(), limit=10, points=1000, overview=True)
    assert Mission.objects.filter(overview__isnull=True).count() == 0
    pictures_cache().clear()
    with django_assert_max_num_queries(3):  # the missions, their overviews, no track read or written
        again = build.scope_tracks(Scope(), limit=10, points=1000, overview=True)
    assert [t.point_count for t in again] == [t.point_count for t in first]
    assert all(len(t.pieces) == 2 for t in again)  # the reception gap stays a gap in the overview
    pictures_cache().clear()
    Mission.objects.filter(pk=copies[0].pk).update(point_count=POINTS - 1)  # as if an import changed the track
    build.scope_tracks(Scope(), limit=10, points=1000, overview=True)
    stored = Mission.objects.values_list("overview", flat=True).get(pk=copies[0].pk)
    assert data._STAMP.unpack_from(bytes(stored))[0] == POINTS - 1


def test_breakdown_per_operator_through_the_url(world, ed):
    r = ed.get("/pictures/scope/breakdown.png?by=operator")
    assert r.status_code == 200 and png_size(r.content)[0] == 900
    assert b"Test Navy" in ed.get("/pictures/scope/breakdown.svg?by=operator").content
    bad = ed.get("/pictures/scope/breakdown.png?by=colour")
    assert bad.status_code == 400 and "operator" in bad.json()["errors"]["by"]
    assert "by=operator" in ed.get("/scope/map").content.decode()
