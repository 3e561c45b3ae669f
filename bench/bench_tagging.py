"""Benchmark RegionTagger against a naive point-by-point Shapely loop, on synthetic surveillance-like tracks.

Run: ``.venv/bin/python bench/bench_tagging.py [--aircraft 1000] [--points 5000] [--naive-sample 20000]``.
Independent of Django. Prints the region build time, positions/s of ``RegionTagger.tag_many`` and ``tag``, the naive
loop's positions/s (measured on a sample of positions, since it is far too slow for all of them) and the ratio.

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
from evidence.geo.tagging import RegionTagger


def synthetic_track(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """One plausible ISR-style track of ``n`` positions (lon, lat in degrees)."""
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
    args = parser.parse_args()

    print(f"load average (other work slows every figure below): {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    t0 = time.perf_counter()
    definitions = load_region_definitions(cached=False)
    build_s = time.perf_counter() - t0
    n_vertices = int(shapely.get_num_coordinates([d.geometry for d in definitions]).sum())
    print(f"region definitions: {len(definitions)} built in {build_s:.2f} s ({n_vertices:,} vertices in all)")

    regions = [(d.slug, d.geometry) for d in definitions]
    t0 = time.perf_counter()
    tagger = RegionTagger(regions, cap_nm=args.cap_nm)
    print(f"RegionTagger built in {time.perf_counter() - t0:.2f} s ({len(tagger._piece_region)} zone pieces)")

    rng = np.random.default_rng(args.seed)
    tracks = [synthetic_track(rng, args.points) for _ in range(args.aircraft)]
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

    sample_regions = regions
    naive_rate = naive_positions_per_second(sample_regions, tracks, args.cap_nm, args.naive_sample)
    print(f"naive loop (Point.within + distance per position per region, {len(sample_regions)} regions, "
          f"{args.naive_sample:,} positions): {naive_rate:,.0f} positions/s")
    print(f"speed-up of tag_many over the naive loop: {many_rate / naive_rate:,.0f}×")


if __name__ == "__main__":
    main()
