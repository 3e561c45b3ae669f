"""RegionTagger: over/near semantics, path crossing, distances against the geodesic, batching, edge cases."""

from __future__ import annotations

import numpy as np
import pyproj
import pytest
import shapely
import shapely.ops
from shapely.geometry import Point, Polygon, box

from evidence.geo.projection import NM
from evidence.geo.tagging import RegionHit, RegionTagger

GEOD = pyproj.Geod(ellps="WGS84")


def _hits(hits: list[RegionHit]) -> dict[object, RegionHit]:
    return {h.key: h for h in hits}


def _offshore(coast: Point, azimuth: float, nm: float) -> tuple[float, float]:
    lon, lat, _ = GEOD.fwd(coast.x, coast.y, azimuth, nm * NM)
    return lon, lat


def _geodesic_distance_nm(lon: float, lat: float, geom) -> float:
    """Geodesic distance (nm) from a point to ``geom``'s outline: brute force over the outline densified to ~100 m."""
    xy = shapely.get_coordinates(shapely.segmentize(geom.boundary, 0.001))
    dist = GEOD.inv(np.full(len(xy), lon), np.full(len(xy), lat), xy[:, 0], xy[:, 1])[2]
    return float(dist.min()) / NM


def test_single_positions_in_cities(tagger):
    for (lon, lat), slug in [((-95.3698, 29.7604), "texas"), ((-117.0382, 32.5149), "baja-california"),
                             ((-107.3940, 24.8091), "sinaloa")]:
        hits = _hits(tagger.tag(np.array([lon]), np.array([lat])))
        assert hits[slug].over and hits[slug].min_distance_nm == 0.0


def test_distance_30_nm_west_of_san_diego_matches_geodesic(tagger, by_slug):
    california = by_slug["california"].geometry
    coast = shapely.ops.nearest_points(california.boundary, Point(-117.30, 32.75))[0]
    lon, lat = _offshore(coast, 270.0, 30.0)
    expected = _geodesic_distance_nm(lon, lat, california)
    assert 25.0 < expected <= 30.0 + 1e-6  # the coast may bend towards the point
    hit = _hits(tagger.tag(np.array([lon]), np.array([lat])))["california"]
    assert not hit.over
    assert hit.min_distance_nm == pytest.approx(expected, rel=0.01)


@pytest.mark.parametrize(("lonlat", "slug"), [
    ((-111.5, 22.0), "baja-california-sur"),  # Pacific, south-west of Cabo
    ((-93.0, 27.0), "texas"),  # Gulf of Mexico
    ((-110.5, 25.5), "sinaloa"),  # across the Gulf of California
    ((-100.0, 36.0), "new-mexico"),  # Texas panhandle → New Mexico line along a meridian
    ((-66.5, 44.0), "maine"),  # far from the projection used for the border zone
])
def test_distances_match_geodesic_within_one_percent(tagger, by_slug, lonlat, slug):
    expected = _geodesic_distance_nm(*lonlat, by_slug[slug].geometry)
    hit = _hits(tagger.tag(np.array([lonlat[0]]), np.array([lonlat[1]])))[slug]
    assert hit.min_distance_nm == pytest.approx(expected, rel=0.01)


def test_near_and_over_semantics():
    square = box(-106.0, 30.0, -105.0, 31.0)
    tagger = RegionTagger([("sq", square)], cap_nm=100.0)
    inside = tagger.tag(np.array([-105.5]), np.array([30.5]))
    assert inside == [RegionHit("sq", True, 0.0)]
    # 1° of latitude south of the square: ≈ 60 nm, near but not over.
    (near,) = tagger.tag(np.array([-105.5]), np.array([29.0]))
    assert not near.over and near.min_distance_nm == pytest.approx(GEOD.inv(-105.5, 29.0, -105.5, 30.0)[2] / NM,
                                                                   rel=0.005)
    # Beyond the cap: nothing.
    assert tagger.tag(np.array([-105.5]), np.array([27.0])) == []
    # Exactly at the cap boundary is allowed to go either way; just beyond is not reported.
    tagger_small = RegionTagger([("sq", square)], cap_nm=50.0)
    assert tagger_small.tag(np.array([-105.5]), np.array([29.0])) == []


def test_sparse_track_crossing_a_region_counts_as_over():
    strip = box(-105.2, 28.0, -105.0, 33.0)  # 0.2° wide: no position falls inside it
    tagger = RegionTagger([("strip", strip)], cap_nm=50.0)
    (hit,) = tagger.tag(np.array([-106.0, -104.0]), np.array([30.0, 30.5]))
    assert hit.over and hit.min_distance_nm == 0.0
    # The same two positions in the other order, and a track that stops short of it.
    assert tagger.tag(np.array([-104.0, -106.0]), np.array([30.5, 30.0]))[0].over
    (short,) = tagger.tag(np.array([-106.0, -105.5]), np.array([30.0, 30.0]))
    assert not short.over and short.min_distance_nm > 10


def test_track_over_real_regions(tagger):
    # Culiacán → La Paz straight across the Gulf of California: two positions only.
    hits = _hits(tagger.tag(np.array([-107.394, -110.313]), np.array([24.809, 24.143])))
    for slug in ("sinaloa", "gulf-of-california", "baja-california-sur", "baja-peninsula", "mexico"):
        assert hits[slug].over, slug
    assert not hits["sonora"].over
    assert not hits["texas"].over if "texas" in hits else True


def test_border_crossing(tagger):
    # Ciudad Juárez → El Paso crosses the border line.
    hits = _hits(tagger.tag(np.array([-106.4245, -106.4850]), np.array([31.6904, 31.7619])))
    assert hits["us-mexico-border"].over
    assert hits["texas"].over and hits["chihuahua"].over


def test_international_airspace_offshore_baja(tagger, by_slug):
    baja = by_slug["baja-peninsula"].geometry
    coast = shapely.ops.nearest_points(baja.boundary, Point(-113.0, 24.8))[0]
    far = _hits(tagger.tag(*map(np.array, zip(_offshore(coast, 250.0, 50.0), strict=True))))
    assert far["international-airspace"].over
    close = _hits(tagger.tag(*map(np.array, zip(_offshore(coast, 250.0, 5.0), strict=True))))
    assert not close["international-airspace"].over
    assert close["international-airspace"].min_distance_nm == pytest.approx(7.0, abs=1.0)


def test_tag_many_matches_tag(tagger):
    rng = np.random.default_rng(7)
    tracks = []
    for _ in range(12):
        n = int(rng.integers(1, 400))
        lon = rng.uniform(-118, -97) + np.cumsum(rng.normal(0, 0.02, n))
        lat = rng.uniform(20, 34) + np.cumsum(rng.normal(0, 0.02, n))
        tracks.append((lon, lat))
    batched = tagger.tag_many(tracks)
    for (lon, lat), hits in zip(tracks, batched, strict=True):
        single = _hits(tagger.tag(lon, lat))
        assert set(single) == {h.key for h in hits}
        for h in hits:
            assert single[h.key].over == h.over
            assert single[h.key].min_distance_nm == pytest.approx(h.min_distance_nm, rel=0.005, abs=0.02)


def test_tag_many_mixes_one_two_and_many_position_tracks():
    # A one-position track among longer ones (first, in the middle, last, two in a row) is a point: over when the
    # point lies within the region, else the point's distance. tag_many raised "Index 0 is missing from the input
    # indices" on such a batch before.
    square = box(20.0, 54.0, 22.0, 55.0)
    far = box(25.0, 50.0, 26.0, 51.0)
    tagger = RegionTagger([("sq", square), ("far", far)], cap_nm=120.0)
    one_in = (np.array([21.0]), np.array([54.5]))
    one_near = (np.array([21.0]), np.array([53.5]))  # 0.5° south of the square
    one_far_off = (np.array([40.0]), np.array([10.0]))  # near nothing
    two = (np.array([19.0, 19.5]), np.array([54.5, 54.6]))
    two_still = (np.array([25.5, 25.5]), np.array([50.5, 50.5]))  # never moved
    many = (np.array([24.0, 24.5, 24.9, 25.2]), np.array([50.5, 50.6, 50.7, 50.8]))
    crossing = (np.array([19.0, 23.0]), np.array([54.2, 54.3]))
    batches = [
        [one_in, two, one_near, many],
        [two, one_in],
        [one_near, one_far_off, crossing, two_still, one_in],
        [many, one_in, one_near, two_still],
    ]
    for tracks in batches:
        batched = tagger.tag_many(tracks)
        assert len(batched) == len(tracks)
        for (lon, lat), hits in zip(tracks, batched, strict=True):
            alone = tagger.tag(lon, lat)
            assert [h.key for h in hits] == [h.key for h in alone]
            for h, a in zip(hits, alone, strict=True):
                assert h.over == a.over
                assert h.min_distance_nm == pytest.approx(a.min_distance_nm, rel=1e-9, abs=1e-9)
    (in_hit,) = tagger.tag_many([two, one_in])[1]
    assert in_hit == RegionHit("sq", True, 0.0)
    near_hits = _hits(tagger.tag_many([many, one_near, two])[1])
    assert set(near_hits) == {"sq"} and not near_hits["sq"].over
    assert near_hits["sq"].min_distance_nm == pytest.approx(GEOD.inv(21.0, 53.5, 21.0, 54.0)[2] / NM, rel=0.005)
    assert tagger.tag_many([one_far_off, two])[0] == []
    assert tagger.tag_many([two_still, one_in])[0] == [RegionHit("far", True, 0.0)]


def test_tag_many_with_one_position_tracks_matches_tag_on_real_regions(tagger):
    rng = np.random.default_rng(11)
    tracks = []
    for n in (1, 5, 1, 1, 2, 300, 1, 2, 40, 1):
        lon = rng.uniform(-118, -97) + np.cumsum(rng.normal(0, 0.02, n))
        lat = rng.uniform(20, 34) + np.cumsum(rng.normal(0, 0.02, n))
        tracks.append((lon, lat))
    for (lon, lat), hits in zip(tracks, tagger.tag_many(tracks), strict=True):
        single = _hits(tagger.tag(lon, lat))
        assert set(single) == {h.key for h in hits}
        for h in hits:
            assert single[h.key].over == h.over
            assert single[h.key].min_distance_nm == pytest.approx(h.min_distance_nm, rel=0.005, abs=0.02)


def test_dense_track_agrees_with_pointwise_check(tagger, definitions):
    # A dense track: "over" must agree with point-in-polygon of the positions themselves.
    lon = np.linspace(-117.5, -105.0, 3000)
    lat = 31.0 + 1.5 * np.sin(np.linspace(0, 6, 3000))
    hits = _hits(tagger.tag(lon, lat))
    for d in definitions:
        if d.kind in ("us_state", "mx_state", "gulf") and shapely.contains_xy(d.geometry, lon, lat).any():
            assert hits[d.slug].over, d.slug


def test_edge_cases():
    tri = Polygon([(-100, 20), (-99, 20), (-99.5, 21)])
    tagger = RegionTagger([("tri", tri), ("empty", Polygon())], cap_nm=30.0)
    assert tagger.tag_many([]) == []
    (hit,) = tagger.tag(np.array([-99.5, -99.5, -99.5]), np.array([20.5, 20.5, 20.5]))  # never moved
    assert hit.over
    with pytest.raises(ValueError):
        tagger.tag(np.array([]), np.array([]))
    # Alaska: a far region gets its own projection; distance still right.
    alaska = box(-150.0, 61.0, -149.0, 62.0)
    far = RegionTagger([("ak", alaska)], cap_nm=100.0)
    (h,) = far.tag(np.array([-149.5]), np.array([60.5]))
    assert h.min_distance_nm == pytest.approx(GEOD.inv(-149.5, 60.5, -149.5, 61.0)[2] / NM, rel=0.005)


def test_long_sparse_leg_is_measured_along_the_positions_not_the_projected_chord():
    # Two positions 12° apart on the 30th parallel: in LAEA the straight chord between them bows ~25 km away from
    # the parallel; the path the positions describe (straight in lon/lat) passes 0.5° south of the box.
    square = box(-106.5, 30.5, -105.5, 31.0)
    tagger = RegionTagger([("sq", square)], cap_nm=100.0)
    (hit,) = tagger.tag(np.array([-112.0, -100.0]), np.array([30.0, 30.0]))
    expected = GEOD.inv(-106.0, 30.0, -106.0, 30.5)[2] / NM
    assert not hit.over and hit.min_distance_nm == pytest.approx(expected, rel=0.01)


def test_distances_of_wandering_tracks_match_pointwise_geodesic(tagger, by_slug):
    # Dense, wandering tracks (one position every ~1 km) off the coast: the minimum over the positions of the
    # geodesic distance to the outline is the path's distance to within the spacing of the positions.
    rng = np.random.default_rng(11)
    checked = 0
    for slug, (lon0, lat0) in [("baja-california-sur", (-113.5, 23.0)), ("texas", (-95.0, 27.0)),
                               ("sinaloa", (-109.5, 24.5))]:
        heading = np.cumsum(rng.normal(0.0, 0.05, 800))
        lat = lat0 + np.cumsum(np.cos(heading)) * 0.009
        lon = lon0 + np.cumsum(np.sin(heading)) * 0.009 / np.cos(np.radians(lat0))
        geom = by_slug[slug].geometry
        if shapely.contains_xy(geom, lon, lat).any():
            continue
        xy = shapely.get_coordinates(shapely.segmentize(geom.boundary, 0.005))
        near = xy[(np.abs(xy[:, 0] - lon.mean()) < 4) & (np.abs(xy[:, 1] - lat.mean()) < 4)]
        expected = min(
            GEOD.inv(np.full(len(near), x), np.full(len(near), y), near[:, 0], near[:, 1])[2].min()
            for x, y in zip(lon.tolist(), lat.tolist(), strict=True)
        ) / NM
        hit = _hits(tagger.tag(lon, lat))[slug]
        assert 1.0 < expected < 150.0, slug  # the track stays within a few degrees of the outline
        assert hit.min_distance_nm == pytest.approx(expected, rel=0.01, abs=0.3), slug
        checked += 1
    assert checked >= 2


def test_within_many_and_a_smaller_cap_agree_with_the_distances(tagger):
    """Coverage asks a yes/no within a radius (``within_many``) and ``tag_many(cap_nm=…)`` measures only that far:
    both give the regions the full tagging puts over or within the radius (pairs within 1 % of the radius, where the
    exact test and the measured distance may differ by the measuring tolerance, are left out)."""
    rng = np.random.default_rng(11)
    tracks = []
    for _ in range(40):
        n = int(rng.integers(1, 13))  # a coverage sample: up to 12 positions of one hour
        lon = rng.uniform(-118, -97) + np.cumsum(rng.normal(0, 0.1, n))
        lat = rng.uniform(20, 34) + np.cumsum(rng.normal(0, 0.1, n))
        tracks.append((lon, lat))
    radius = 50.0
    full = tagger.tag_many(tracks)
    within = tagger.within_many(tracks, radius)
    capped = tagger.tag_many(tracks, cap_nm=radius)
    for hits, keys, near in zip(full, within, capped, strict=True):
        expected = {h.key for h in hits if h.over or h.min_distance_nm <= radius}
        unsure = {h.key for h in hits if abs(h.min_distance_nm - radius) <= 0.01 * radius}
        assert set(keys) - unsure == expected - unsure
        assert {h.key for h in near} - unsure == expected - unsure
        assert all(h.min_distance_nm <= radius for h in near)
    assert sum(map(len, within)) > 40  # the sample does reach regions


def test_a_warmed_tagger_answers_as_a_cold_one(definitions):
    """``warm`` (GEOS's lazy indexes of the pieces built at worker start) changes no answer: a fresh tagger warmed
    and one left cold give the same pairs, distances and hits."""
    from evidence.geo.tagging import RegionTagger, _flat, region_cap_nm

    rng = np.random.default_rng(11)
    tracks = [(rng.uniform(-125, -90) + np.cumsum(rng.normal(0, 0.5, n)),
               rng.uniform(15, 45) + np.cumsum(rng.normal(0, 0.5, n))) for n in rng.integers(1, 13, 120)]  # fmt: skip
    build, caps = [(d.slug, d.geometry) for d in definitions], [region_cap_nm(d.kind) for d in definitions]
    cold, warm = RegionTagger(build, caps_nm=caps), RegionTagger(build, caps_nm=caps)
    warm.warm()
    for radius in (5.0, 50.0):
        a, b = cold.within_pairs(*_flat(tracks), radius), warm.within_pairs(*_flat(tracks), radius)
        assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]) and len(a[0]) > 20
    assert np.array_equal(cold.distances(tracks), warm.distances(tracks), equal_nan=True)
    assert cold.tag_many(tracks) == warm.tag_many(tracks)


def test_within_pairs_are_the_within_only_distances(tagger):
    """Coverage's ``within_pairs`` (one projection of the detailed copy per zone, a first position inside a piece
    decides without ``dwithin``) answers exactly what ``distances(…, within_only=True)`` answers, pair for pair."""
    from evidence.geo.tagging import _flat

    rng = np.random.default_rng(5)
    tracks = []
    for k in range(300):
        n = int(rng.integers(1, 13))  # a coverage sample: up to 12 positions of one hour
        step = 0.0 if k % 25 == 0 else 0.6  # some never move
        lon = rng.uniform(-125, -90) + np.cumsum(rng.normal(0, step, n))
        lat = rng.uniform(15, 45) + np.cumsum(rng.normal(0, step, n))
        tracks.append((lon, lat))
    for radius in (5.0, 50.0, 250.0):
        hit_t, hit_r = np.nonzero(tagger.distances(tracks, cap_nm=radius, within_only=True) == 0.0)
        pairs = tagger.within_pairs(*_flat(tracks), radius)
        assert np.array_equal(pairs[0], hit_t) and np.array_equal(pairs[1], hit_r)
        assert len(hit_t) > 100
    assert tagger.within_pairs(*_flat([]), 50.0)[0].size == 0


def test_pairs_skipped_by_their_runs_boxes_change_no_distance(tagger, monkeypatch):
    """Long tracks are screened run by run (``_runs_near``: the boxes of 32-segment runs of the coarse copy): the
    distances must be exactly those of screening by the whole track's box, and the runs must skip some pairs."""
    import evidence.geo.tagging as tagging

    rng = np.random.default_rng(3)
    tracks = []
    for _ in range(30):
        heading = np.cumsum(rng.normal(0.0, 0.03, 3000))
        lat = rng.uniform(20, 34) + np.cumsum(np.cos(heading)) * 0.004
        lon = rng.uniform(-118, -97) + np.cumsum(np.sin(heading)) * 0.004 / np.cos(np.radians(27.0))
        tracks.append((lon, lat))
    screened = tagger.distances(tracks)
    kept = []
    real = tagging._runs_near

    def counting(*args):
        out = real(*args)
        kept.append((len(out), int(out.sum())))
        return out

    monkeypatch.setattr(tagging, "_runs_near", counting)
    assert np.array_equal(tagger.distances(tracks), screened)
    monkeypatch.setattr(tagging, "_runs_near", lambda lines, rows, boxes, grow: np.ones(len(rows), dtype=bool))
    assert np.array_equal(tagger.distances(tracks), screened)
    pairs, near = np.array(kept).sum(axis=0)
    assert near < pairs and np.isfinite(screened).sum() > 100
