"""Benchmark RegionTagger against a naive point-by-point Shapely loop, on synthetic surveillance-like tracks.

Run: ``.venv/bin/python bench/bench_tagging.py [--aircraft 1000] [--points 5000] [--naive-sample 20000]``
``[--area na|world] [--pipeline-files 200]``.
Prints the region build time, positions/s of ``RegionTagger.tag_many`` and ``tag``, the naive loop's positions/s
(measured on a sample of positions, since it is far too slow for all of them) and the ratio.

``--area world`` (the default) starts the tracks where the world gazetteer is densest — over Europe, the Black Sea,
the Baltic, the Middle East and East Asia — and tags against every region (~1,080: countries, seas, subdivisions,
broad areas, air bases, the US and Mexican states), with air bases capped at ``POINT_REGION_CAP_NM`` (100 nm) as
the importer does. ``--area na`` is the original North American benchmark.

``--pipeline-files N`` also measures the import's parse + split + tag on N generated readsb trace files (gzip day
archives, ``--points`` positions each): the importer's own per-file step (``flight_import._prepare``: read, validate,
split into missions, encode) and then ``tag_many`` over every mission, as ``import_flight_files`` does before writing.
That part needs Django settings (no database is touched).

Tracks: aircraft start somewhere over the southwestern US / northern Mexico, fly 150–250 m/s with one position every
4 s, alternating straight legs, gentle wandering and standard-rate orbits (how ISR aircraft fly), with ~2 m of
position noise. 5 000 positions ≈ 5.5 h of flight.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import shapely
from shapely.geometry import Point

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from evidence.geo import projection
from evidence.geo.boundaries import load_region_definitions
from evidence.geo.tagging import POINT_REGION_KINDS, SUBDIVISION_REGION_KINDS, RegionTagger

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: The importer's cap for air bases and airports (settings.POINT_REGION_CAP_NM's default).
POINT_CAP_NM = 100.0


#: Where world tracks start: (min_lon, max_lon, min_lat, max_lat) boxes over dense parts of the gazetteer.
WORLD_START_BOXES = (
    (28.0, 40.0, 41.5, 46.0),  # Black Sea
    (14.0, 26.0, 54.0, 59.5),  # Baltic
    (-5.0, 15.0, 44.0, 55.0),  # western Europe
    (33.0, 56.0, 24.0, 36.0),  # Middle East, Persian Gulf
    (117.0, 130.0, 22.0, 36.0),  # Taiwan Strait, East China Sea, Korea, Japan
)


def synthetic_track(rng: np.random.Generator, n: int, area: str = "na") -> tuple[np.ndarray, np.ndarray]:
    """One plausible ISR-style track of ``n`` positions (lon, lat in degrees)."""
    if area == "world":
        x0, x1, y0, y1 = WORLD_START_BOXES[int(rng.integers(len(WORLD_START_BOXES)))]
        lon0, lat0 = rng.uniform(x0, x1), rng.uniform(y0, y1)
    else:
        lon0, lat0 = rng.uniform(-118.0, -100.0), rng.uniform(21.0, 34.0)
    heading0, speed, dt = rng.uniform(0, 2 * np.pi), rng.uniform(150.0, 250.0), 4.0
    turn = np.zeros(n)
    i = 0
    while i < n:
        leg = int(rng.integers(50, 600))
        mode = rng.random()
        if mode < 0.3:  # standard-rate orbit, 3°/s
            turn[i : i + leg] = rng.choice([-1.0, 1.0]) * np.radians(3.0) * dt
        elif mode < 0.6:  # wandering
            turn[i : i + leg] = rng.normal(0.0, 0.002, len(turn[i : i + leg]))
        i += leg
    heading = heading0 + np.cumsum(turn)
    north = np.cumsum(speed * dt * np.cos(heading))
    east = np.cumsum(speed * dt * np.sin(heading))
    lat = lat0 + north / 111_320.0
    lon = lon0 + east / (111_320.0 * np.cos(np.radians(lat)))
    return lon + rng.normal(0, 2e-5, n), lat + rng.normal(0, 2e-5, n)


def naive_positions_per_second(
    regions: list[tuple[str, object]], tracks: list[tuple[np.ndarray, np.ndarray]], cap_nm: float, sample: int
) -> float:
    """Positions/s of the obvious approach: for each position and region, ``Point.within`` then a distance.

    Distances are taken in the region's LAEA zone (as a correct naive implementation would) so the comparison
    is about the algorithm, not about skipping the projection.
    """
    zone_of_region = {}
    projected = {}
    for key, geom in regions:
        c = geom.representative_point()
        zone = projection.zone_of(c.x, c.y)
        zone_of_region[key] = zone
        projected[key] = projection.project(geom, zone)
    lon = np.concatenate([t[0] for t in tracks])[:sample]
    lat = np.concatenate([t[1] for t in tracks])[:sample]
    cap_m = cap_nm * projection.NM
    start = time.perf_counter()
    for key, geom in regions:
        tr = projection.forward(zone_of_region[key])
        target = projected[key]
        for x, y in zip(lon.tolist(), lat.tolist(), strict=True):
            if Point(x, y).within(geom):
                continue
            px, py = tr.transform(x, y)
            _ = Point(px, py).distance(target) <= cap_m
    return sample / (time.perf_counter() - start)


def main() -> None:
    """Parse arguments, build everything, time both approaches, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aircraft", type=int, default=1000)
    parser.add_argument("--points", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=250, help="tracks per tag_many call")
    parser.add_argument("--naive-sample", type=int, default=2000, help="positions timed with the naive loop")
    parser.add_argument("--cap-nm", type=float, default=250.0)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--area", choices=("na", "world"), default="world")
    parser.add_argument("--rebuild", action="store_true", help="build the regions from the package files (slow)")
    parser.add_argument("--subdivision-cap-nm", type=float, default=100.0,
                        help="tagging cap of first-level subdivisions (settings.SUBDIVISION_REGION_CAP_NM; 0: none)")
    parser.add_argument("--pipeline-files", type=int, default=200,
                        help="trace files for the parse+split+tag measurement (0: skip)")
    args = parser.parse_args()

    print(f"load average (other work slows every figure below): {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    t0, c0 = time.perf_counter(), time.process_time()
    cache_dir = None if args.rebuild else os.path.join(ROOT, "var", "cache")
    definitions = load_region_definitions(cache_dir=cache_dir)
    build_s, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    how = "built from the package files" if args.rebuild else "loaded (built first if var/cache had no copy)"
    n_vertices = int(shapely.get_num_coordinates([d.geometry for d in definitions]).sum())
    print(f"region definitions: {len(definitions)} {how} in {build_s:.2f} s wall, {build_cpu:.2f} s CPU "
          f"({n_vertices:,} vertices in all)")

    regions = [(d.slug, d.geometry) for d in definitions]
    # The importer's caps (evidence.geo.tagging.region_cap_nm with the default settings); --subdivision-cap-nm 0
    # measures subdivisions to the global cap, as before they had their own.
    sub_cap = args.subdivision_cap_nm or None
    caps = [POINT_CAP_NM if d.kind in POINT_REGION_KINDS else sub_cap if d.kind in SUBDIVISION_REGION_KINDS else None
            for d in definitions]
    t0 = time.perf_counter()
    tagger = RegionTagger(regions, cap_nm=args.cap_nm, caps_nm=caps)
    print(f"RegionTagger built in {time.perf_counter() - t0:.2f} s ({len(tagger._piece_region)} zone pieces)")

    rng = np.random.default_rng(args.seed)
    tracks = [synthetic_track(rng, args.points, args.area) for _ in range(args.aircraft)]
    n_positions = args.aircraft * args.points

    t0, c0 = time.perf_counter(), time.process_time()
    hits = []
    for i in range(0, len(tracks), args.batch):
        hits.extend(tagger.tag_many(tracks[i : i + args.batch]))
    many_s, many_cpu = time.perf_counter() - t0, time.process_time() - c0
    many_rate = n_positions / many_s
    per_track = np.mean([len(h) for h in hits])
    over = np.mean([sum(x.over for x in h) for h in hits])
    print(f"tag_many: {n_positions:,} positions in {many_s:.2f} s = {many_rate:,.0f} positions/s "
          f"(CPU time {many_cpu:.2f} s = {n_positions / many_cpu:,.0f}/s; "
          f"{per_track:.1f} regions within {args.cap_nm:g} nm per track, {over:.1f} over)")

    single = tracks[: max(1, len(tracks) // 5)]
    t0 = time.perf_counter()
    for lon, lat in single:
        tagger.tag(lon, lat)
    single_s = time.perf_counter() - t0
    print(f"tag (one track per call): {len(single) * args.points / single_s:,.0f} positions/s")

    if args.naive_sample:
        sample_regions = regions
        naive_rate = naive_positions_per_second(sample_regions, tracks, args.cap_nm, args.naive_sample)
        print(f"naive loop (Point.within + distance per position per region, {len(sample_regions)} regions, "
              f"{args.naive_sample:,} positions): {naive_rate:,.0f} positions/s")
        print(f"speed-up of tag_many over the naive loop: {many_rate / naive_rate:,.0f}×")
    if args.pipeline_files:
        pipeline(tagger, args)


def write_bench_traces(directory: str, count: int, points: int, seed: int, area: str = "world") -> list[str]:
    """``count`` gzip readsb trace files of one ``synthetic_track`` each (``points`` positions, every 4 s, at
    30,000 ft), as a day archive holds them under ``directory``; their paths."""
    from evidence.flightdata import synth

    rng = np.random.default_rng(seed)
    day = 1_738_540_800.0  # 2025-02-03 00:00 UTC
    paths = []
    for i in range(count):
        lon, lat = synthetic_track(rng, points, area)
        track = synth.SynthTrack()
        n = len(lon)
        track.t.append(day + 3600.0 + 4.0 * np.arange(n))
        track.lat.append(lat)
        track.lon.append(lon)
        track.alt.append(np.full(n, 30_000.0))
        track.gs.append(np.full(n, 400.0))
        track.ground.append(np.zeros(n, dtype=bool))
        track.leg.append(np.zeros(n, dtype=bool))
        track.callsign.append([f"BT{i:05d}"] * n)
        doc = synth.trace_document(f"~b{i:05x}", track, icao_type="B738", day_start=day)
        paths.append(str(synth.write_trace(synth.trace_path(directory, f"b{i:05x}", day="2025-02-03"), doc,
                                           gzip=True)))  # fmt: skip
    return paths


def pipeline(tagger: RegionTagger, args: argparse.Namespace) -> None:
    """Parse + split + tag of generated trace files, as the importer does it (no database)."""
    import tempfile

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ.setdefault("DJANGO_ENV", "test")
    import django

    django.setup()
    from evidence.services import flight_import

    with tempfile.TemporaryDirectory(prefix="flightcheck-bench-tagging-") as tmp:
        paths = write_bench_traces(tmp, args.pipeline_files, args.points, args.seed + 1, args.area)
        t0, c0 = time.perf_counter(), time.process_time()
        prepared = [flight_import._prepare(({"path": str(p)}, 1800.0, None)) for p in paths]
        t1, c1 = time.perf_counter(), time.process_time()
        built = [b for p in prepared for _, bs in p.tracks for b in bs]
        for i in range(0, len(built), args.batch):
            tagger.tag_many([(b.positions.lon, b.positions.lat) for b in built[i : i + args.batch]])
        t2, c2 = time.perf_counter(), time.process_time()
    n_pos = sum(p.positions for p in prepared)
    parse_cpu, split_cpu = sum(p.parse_cpu_s for p in prepared), sum(p.split_cpu_s for p in prepared)
    print(f"CPU µs per position: parse {parse_cpu / n_pos * 1e6:.2f}, split {split_cpu / n_pos * 1e6:.2f} "
          f"(the importer's own clocks), tag {(c2 - c1) / n_pos * 1e6:.2f}, parse+split+tag "
          f"{(c2 - c0) / n_pos * 1e6:.2f}")
    print(f"import pipeline on {len(paths)} trace files, {n_pos:,} positions, {len(built)} missions: "
          f"parse+split {n_pos / (t1 - t0):,.0f}/s wall ({n_pos / (c1 - c0):,.0f}/s CPU), "
          f"tag {n_pos / (t2 - t1):,.0f}/s wall ({n_pos / (c2 - c1):,.0f}/s CPU), "
          f"parse+split+tag {n_pos / (t2 - t0):,.0f}/s wall ({n_pos / (c2 - c0):,.0f}/s CPU)")


if __name__ == "__main__":
    main()
