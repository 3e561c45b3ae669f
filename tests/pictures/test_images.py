"""Server-side pictures decoded and checked: size, where the track's pixels are, gaps left blank, bars counted."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from matplotlib import colormaps
from PIL import Image

from evidence.pictures import build, data, static
from evidence.scope import Period, RegionFilter, Scope

from .conftest import GAP_AFTER, T0, more_missions

BAR_RGB = (0x00, 0x72, 0xB2)


def decode(content: bytes) -> np.ndarray:
    image = Image.open(io.BytesIO(content))
    assert image.format == "PNG"
    return np.asarray(image.convert("RGB")).astype(int)


def to_pixel(picture: static.Picture, lon: float, lat: float) -> tuple[int, int]:
    left, top, right, bottom = picture.axes_box
    min_lon, min_lat, max_lon, max_lat = picture.extent
    x = left + (lon - min_lon) / (max_lon - min_lon) * (right - left)
    y = top + (max_lat - lat) / (max_lat - min_lat) * (bottom - top)
    return round(x), round(y)


def nearest_colour_distance(pixels: np.ndarray, x: int, y: int, rgb: tuple[int, int, int], r: int = 2) -> float:
    patch = pixels[y - r : y + r + 1, x - r : x + r + 1].reshape(-1, 3)
    return float(np.min(np.linalg.norm(patch - np.array(rgb), axis=1)))


def cividis(alt_ft: float) -> tuple[int, int, int]:
    lo, hi = static.ALTITUDE_RANGE_FT
    r, g, b, _ = colormaps[static.TRACK_CMAP]((alt_ft - lo) / (hi - lo))
    return round(r * 255), round(g * 255), round(b * 255)


def test_mission_map_png_draws_the_track_where_its_coordinates_project(world):
    picture = build.mission_map(world.mission)
    pixels = decode(picture.content)
    assert pixels.shape == (640, 900, 3)
    # positions on both sides of the gap are drawn in their altitude's colour, at their projected pixel
    for i in (5, 15, 45, 55):
        x, y = to_pixel(picture, world.lon[i], world.lat[i])
        assert nearest_colour_distance(pixels, x, y, cividis(world.alt[i])) < 40, i
    # the middle of the reception gap is not drawn: no track colour there
    mid_lon = (world.lon[GAP_AFTER - 1] + world.lon[GAP_AFTER]) / 2
    mid_lat = (world.lat[GAP_AFTER - 1] + world.lat[GAP_AFTER]) / 2
    x, y = to_pixel(picture, mid_lon, mid_lat)
    gap_alt = (world.alt[GAP_AFTER - 1] + world.alt[GAP_AFTER]) / 2
    assert nearest_colour_distance(pixels, x, y, cividis(gap_alt), r=0) > 60
    # a point of the land region far from the track shows the land colour; the flown-over highlight tints it orange
    x, y = to_pixel(picture, -99.5, 30.5)
    r, _g, b = pixels[y, x]
    assert r > b + 20, "the region flown over is highlighted (orange tint)"


def test_mission_map_text_alternative_says_what_it_shows(world):
    picture = build.mission_map(world.mission)
    assert "60 positions" in picture.alt
    assert "1 reception gap left blank" in picture.alt
    assert "over Testland" in picture.alt
    assert "30.0 nm from Test Border" in picture.alt  # stored 29.96, shown to one decimal
    assert "Test Sea" not in picture.alt  # 54 nm: beyond NEAR_NM
    assert "1 orbit" in picture.alt


def test_mission_map_svg_is_svg(world):
    picture = build.mission_map(world.mission, fmt="svg")
    root = ET.fromstring(picture.content)
    assert root.tag.endswith("svg")
    assert picture.content_type == "image/svg+xml"


def test_track_pieces_cut_at_the_gap(world):
    pieces = data.track_pieces(world.mission.track)
    assert [len(p) for p in pieces] == [GAP_AFTER, 60 - GAP_AFTER]
    assert data.track_pieces(b"not a track") == []


def test_nearest_point_lies_on_the_track_and_the_region(world):
    track = data.mission_track(world.mission)
    (near,) = track.near
    assert near.slug == "test-border"
    assert near.region_lat == pytest.approx(26.5)
    assert near.track_lon == pytest.approx(-99.0, abs=1e-6) and near.track_lat == pytest.approx(27.0, abs=1e-6)


def test_a_claim_over_a_stated_span_is_marked_at_its_own_rate(world):
    """"18 over a 10-day span in …" read as an 18-day window: the claimed line is 18 per 10 days, not per 18."""
    scope = Scope(regions=(RegionFilter("testland", "over"),),
                  period=Period(start=T0.date(), end=T0.date() + dt.timedelta(days=17), span_days=10))
    picture = build.scope_timeline(scope, claimed={"value": 18, "qualifier": "at_least", "per": None})
    line = picture.meta["timeline"]
    assert len(line.buckets) == 18 and all(b.claimed == pytest.approx(1.8) for b in line.buckets)
    assert "claimed: at least 18 in 10 days" in picture.alt


def test_timeline_bars_baseline_and_claim(world):
    # 1 mission a month in the year before, then 6 in ten days
    more_missions(world, [-300, -270, -240, -210, -180, -150, -120, -90, -60, -30, 1, 2, 3, 5, 8])
    scope = Scope(regions=(RegionFilter("testland", "over"),),
                  period=Period(start=T0.date(), end=T0.date() + dt.timedelta(days=9)))
    picture = build.scope_timeline(scope, claimed={"value": 18, "qualifier": "at_least", "per": None})
    line = picture.meta["timeline"]
    assert line.unit == "day" and len(line.buckets) == 10
    assert [b.count for b in line.buckets] == [1, 1, 1, 1, 0, 1, 0, 0, 1, 0]
    assert line.baseline_total == 10
    assert line.buckets[0].expected == pytest.approx(10 / 365)
    assert line.buckets[0].claimed == pytest.approx(1.8)
    assert "claimed: at least 18 in 10 days" in picture.alt
    pixels = decode(picture.content)
    assert pixels.shape == (420, 900, 3)
    left, _top, right, bottom = picture.axes_box
    row = pixels[int(bottom) - 4, int(left) : int(right)]
    is_bar = np.linalg.norm(row - np.array(BAR_RGB), axis=1) < 30
    runs = int(np.sum(is_bar[1:] & ~is_bar[:-1]) + is_bar[0])
    assert runs == 6  # one bar per day with missions
    # every bar is seen whole, the first one (under the legend's corner) included, when the bars are the highest
    # thing drawn: just below each bar's top, the pixel at its centre is the bars' blue, not the legend's box
    crowded = build.scope_timeline(scope, claimed={"value": 3, "qualifier": "about", "per": None})
    pixels = decode(crowded.content)
    left, top, right, bottom = crowded.axes_box
    buckets = crowded.meta["timeline"].buckets
    y_max = max(b.count for b in buckets) * static.TIMELINE_HEADROOM
    for i, bucket in enumerate(buckets):
        if bucket.count:
            x = int(left + (i + 0.6) / (len(buckets) + 0.2) * (right - left))
            y = int(bottom - bucket.count / y_max * (bottom - top)) + 3
            assert np.linalg.norm(pixels[y, x] - np.array(BAR_RGB)) < 30, (i, pixels[y, x])


def test_timeline_picks_weeks_and_months_for_longer_periods(world):
    scope = Scope(period=Period(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)))
    assert build.scope_timeline(scope).meta["timeline"].unit == "week"
    scope = Scope(period=Period(start=dt.date(2023, 1, 1), end=dt.date(2025, 12, 31)))
    line = build.scope_timeline(scope).meta["timeline"]
    assert line.unit == "month" and len(line.buckets) == 36


def test_poisson_interval():
    assert data.poisson_interval(0) == (0, 0)
    assert data.poisson_interval(1.0) == (0, 3)
    assert data.poisson_interval(10.0) == (5, 15)


def test_breakdown_bars_count(world):
    more_missions(world, [1, 2])
    picture = build.scope_breakdown(Scope(), by="day")
    pixels = decode(picture.content)
    left, top, _right, bottom = picture.axes_box
    column = pixels[int(top) : int(bottom), int(left) + 3]
    is_bar = np.linalg.norm(column - np.array(BAR_RGB), axis=1) < 30
    assert int(np.sum(is_bar[1:] & ~is_bar[:-1]) + is_bar[0]) == 3
    assert picture.meta["bars"] == 3
    assert "2026-02-10 1" in picture.alt


def test_scope_map_many_tracks_one_colour_with_legend(world):
    more_missions(world, list(range(1, 20)))
    picture = build.scope_map(Scope())
    assert picture.meta["tracks"] == 20
    assert picture.alt.startswith("Map of 20 missions")
    pixels = decode(picture.content)
    x, y = to_pixel(picture, world.lon[10], world.lat[10])
    assert nearest_colour_distance(pixels, x, y, BAR_RGB) < 40


def bar_lengths(picture: static.Picture) -> list[int]:
    """The drawn bars of a horizontal bar chart, top to bottom, as their lengths in pixels."""
    pixels = decode(picture.content)
    left, top, right, bottom = (int(v) for v in picture.axes_box)
    area = np.linalg.norm(pixels[top:bottom, left + 1 : right] - np.array(BAR_RGB), axis=2) < 30
    rows = area.any(axis=1)
    starts = np.flatnonzero(rows[1:] & ~rows[:-1]) + 1
    return [int(area[y + 2].sum()) for y in ([0] if rows[0] else []) + starts.tolist()]


@pytest.fixture
def two_operators(world):
    """The world's Test Navy mission and two copies, plus three missions of a second operator with another type."""
    from evidence.models import Aircraft, AircraftType, Mission, MissionRegion, Organisation

    more_missions(world, [1, 2])
    kind = AircraftType.objects.create(designator="E3TF", name="Boeing E-3 Sentry")
    air = Organisation.objects.create(slug="test-air-force", name="Test Air Force")
    plane = Aircraft.objects.create(hex="ae0002", aircraft_type=kind, operator=air, military=True)
    m = world.mission
    for day in (3, 4, 5, 6, 7):
        start = m.start + dt.timedelta(days=day)
        copy = Mission.objects.create(aircraft=plane, aircraft_type=kind, callsign=f"AWACS{day}", start=start,
                                      end=start + (m.end - m.start), point_count=m.point_count, track=m.track,
                                      min_lat=m.min_lat, min_lon=m.min_lon, max_lat=m.max_lat, max_lon=m.max_lon)
        region = world.land if day < 5 else world.sea
        MissionRegion.objects.create(mission=copy, region=region, over=True, distance_nm=0.0, mission_start=start,
                                     aircraft_type=kind, aircraft=plane)
    return world


@pytest.mark.parametrize(("by", "expected"), [
    ("operator", [("Test Air Force", 5), ("Test Navy", 3)]),
    ("type", [("E3TF Boeing E-3 Sentry", 5), ("P8 Boeing P-8 Poseidon", 3)]),
    ("region", [("Testland", 5), ("Test Sea", 3)]),
])
def test_breakdown_charts_per_operator_type_and_region(two_operators, by, expected):
    """One bar per row, largest first, each as long as its count (the scale is shared), labelled in the SVG."""
    picture = build.scope_breakdown(Scope(), by=by)
    lengths = bar_lengths(picture)
    assert len(lengths) == len(expected) == picture.meta["bars"]
    per_mission = lengths[0] / expected[0][1]
    for length, (_, count) in zip(lengths, expected, strict=True):
        assert abs(length - count * per_mission) <= 2, (lengths, expected)
    svg = build.scope_breakdown(Scope(), by=by, fmt="svg").content.decode()
    for label, _ in expected:
        assert label in svg
    assert picture.alt.endswith(", ".join(f"{label} {n}" for label, n in expected) + ".")


def test_long_bar_labels_are_shortened_on_the_chart_not_in_the_text():
    name = "N63 Northrop Grumman RQ-4 Global Hawk / MQ-4C Triton"
    picture = static.render_bars([(name, 8), ("U2 Lockheed U-2", 2)], title="t", alt=f"{name} 8, U2 Lockheed U-2 2.",
                                 fmt="svg")
    svg = picture.content.decode()
    assert static._short_label(name) in svg and name not in svg and static._short_label(name).endswith("…")
    assert len(static._short_label(name)) == static.BAR_LABEL_MAX and name in picture.alt


def test_a_scope_map_tints_the_place_asked_about_whatever_its_kind(world):
    """"near Kaliningrad" (a first-level subdivision abroad) was drawn like every other outline: the place asked about
    is tinted on the scope's map, a place of the same kind that was not asked is not."""
    from shapely.geometry import box

    from evidence.models import MissionRegion, Region

    from .conftest import region

    asked = region("test-oblast", Region.Kind.SUBDIVISION, box(-98.6, 29.6, -97.6, 30.6))
    region("other-oblast", Region.Kind.SUBDIVISION, box(-96.6, 27.2, -95.6, 28.2))
    m = world.mission
    MissionRegion.objects.create(mission=m, region=asked, over=False, distance_nm=20.0, mission_start=m.start,
                                 aircraft_type=m.aircraft_type, aircraft=m.aircraft)
    picture = build.scope_map(Scope(regions=(RegionFilter(slug="test-oblast", relation="near"),)))
    pixels = decode(picture.content)
    r, _g, b = pixels[to_pixel(picture, -98.1, 30.4)[::-1]]
    assert r > b + 20, "the oblast asked about is tinted"
    r, _g, b = pixels[to_pixel(picture, -96.1, 27.4)[::-1]]
    assert abs(r - b) < 20, "a place of the same kind not asked about is not"
