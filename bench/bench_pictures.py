"""Benchmark the pictures on a large scope: server time and payload of the Leaflet GeoJSON, the outline layer, the
static PNGs.

    DATABASE_URL=sqlite:////tmp/bench-pictures.sqlite3 .venv/bin/python bench/bench_pictures.py --missions 10000

It migrates the configured database, seeds the reference regions, fills it up to N synthetic missions (4-hour
racetracks near the US–Mexico border, one position every 10 s, with a reception gap each) — only if it holds fewer,
so re-runs reuse the data — then times, for the scope of all of them: the tracks GeoJSON at zooms 4, 6 and 9 (what
``/pictures/scope/missions.geojson`` sends: simplified for the zoom, at most ``geojson.MAX_POINTS`` positions), the
naive way for comparison (every position of every track, unsimplified), the outline layer (cold and cached), and the
static map and timeline PNGs. Payload sizes raw and gzipped (what whitenoise/a proxy would send).

Never point it at a database whose data you care about: it adds rows (synthetic aircraft have hex ``e?????``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

import django

django.setup()

import numpy as np  # noqa: E402
import orjson  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from evidence.flightdata import Positions, encode_track  # noqa: E402
from evidence.models import Aircraft, AircraftType, Mission, Region  # noqa: E402
from evidence.pictures import build, data, geojson, views  # noqa: E402
from evidence.pictures.data import pictures_cache  # noqa: E402
from evidence.scope import Scope  # noqa: E402

T0 = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def racetrack(rng: np.random.Generator, start: dt.datetime) -> tuple[bytes, dict]:
    n = 1440  # 4 h at 10 s
    t = start.timestamp() + 10.0 * np.arange(n)
    t[n // 2 :] += 900  # a 15-minute reception gap
    lat0, lon0 = rng.uniform(25, 33), rng.uniform(-117, -97)
    phase = np.linspace(0, 6 * np.pi, n)
    lat = lat0 + 0.6 * np.sin(phase) + np.linspace(0, 0.5, n)
    lon = lon0 + 1.2 * np.cos(phase) + np.linspace(0, 1.0, n)
    alt = np.clip(np.concatenate([np.linspace(500, 30000, 120), np.full(n - 240, 30000.0),
                                  np.linspace(30000, 500, 120)]), 0, None)
    positions = Positions.build(t=t, lat=lat, lon=lon, alt_ft=alt)
    track = encode_track(positions)
    box = {"min_lat": float(lat.min()), "max_lat": float(lat.max()), "min_lon": float(lon.min()),
           "max_lon": float(lon.max())}
    # as the import stores it (evidence.services.flight_import._build)
    return track, {**box, "end": dt.datetime.fromtimestamp(t[-1], dt.UTC), "point_count": n,
                   "overview": data.positions_overview(positions)}


def fill(target: int) -> None:
    have = Mission.objects.count()
    if have >= target:
        return
    kind, _ = AircraftType.objects.get_or_create(designator="P8", defaults={"name": "Boeing P-8 Poseidon"})
    rng = np.random.default_rng(7)
    aircraft = [Aircraft.objects.get_or_create(hex=f"e{i:05x}", defaults={"aircraft_type": kind, "military": True})[0]
                for i in range(50)]
    batch = []
    for i in range(have, target):
        start = T0 + dt.timedelta(hours=int(i * 5))
        track, extra = racetrack(rng, start)
        batch.append(Mission(aircraft=aircraft[i % 50], aircraft_type=kind, callsign=f"BENCH{i % 1000}",
                             start=start, track=track, **extra))
        if len(batch) == 1000:
            with transaction.atomic():
                Mission.objects.bulk_create(batch)
            batch = []
    if batch:
        Mission.objects.bulk_create(batch)


CPU: list[float] = []


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    """Median wall time; the median CPU time of this process is appended to CPU (on a machine shared with other
    work, CPU time is the figure that does not depend on the load)."""
    times, cpu, out = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    CPU.append(statistics.median(cpu))
    return statistics.median(times), out


def size(body: bytes) -> str:
    return f"{len(body) / 1e6:.2f} MB raw, {len(gzip.compress(body, 6)) / 1e6:.2f} MB gzip"


def naive(scope: Scope) -> bytes:
    """Every position of every track, unsimplified: what a map without zoom simplification would send."""
    features = []
    for m in Mission.objects.only("id", "track").iterator(chunk_size=500):
        pieces = data.track_pieces(m.track)
        features.append({"type": "Feature", "properties": {"id": m.pk}, "geometry": {
            "type": "MultiLineString", "coordinates": [np.column_stack([p.lon, p.lat]).round(5).tolist()
                                                       for p in pieces]}})
    return orjson.dumps({"type": "FeatureCollection", "features": features})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--missions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline (about 2 minutes)")
    parser.add_argument("--cold-decode", action="store_true",
                        help="also time a first map with no overview stored (every track decoded, as before)")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not Region.objects.exists():
        call_command("seed_reference", verbosity=0)
    fill(args.missions)
    scope = Scope()
    n = Mission.objects.count()
    print(f"missions: {n:,}, regions: {Region.objects.count():,}")
    if args.cold_decode:
        stored = dict(Mission.objects.values_list("id", "overview"))
        Mission.objects.update(overview=None)
        pictures_cache().clear()
        seconds, body = timed(lambda: geojson.to_json(views.scope_tracks_geojson(scope, zoom=4)), 1)
        print(f"tracks GeoJSON zoom 4, no overview stored nor cached (every track decoded, overviews stored): "
              f"{seconds:.2f} s (CPU {CPU[-1]:.2f} s)")
        Mission.objects.bulk_update([Mission(pk=pk, overview=blob) for pk, blob in stored.items()], ["overview"],
                                    batch_size=500)
    cold = []
    for _ in range(args.repeat):
        pictures_cache().clear()  # a fresh process (or a restarted worker): overviews from the database
        cold.append(timed(lambda: geojson.to_json(views.scope_tracks_geojson(scope, zoom=4)), 1))
    print(f"tracks GeoJSON zoom 4, pictures cache empty, overviews stored at import: "
          f"{statistics.median(c[0] for c in cold):.2f} s (CPU {statistics.median(CPU[-len(cold):]):.2f} s)")
    view = (-106.0, 28.0, -103.0, 30.0)  # a view at zoom 9: full tracks of the missions in it
    for zoom, bbox in ((4, None), (6, None), (9, view)):
        seconds, body = timed(lambda z=zoom, b=bbox: geojson.to_json(views.scope_tracks_geojson(scope, zoom=z, bbox=b)),
                              args.repeat)
        meta = orjson.loads(body)["meta"]
        print(f"tracks GeoJSON zoom {zoom}{' (view ' + str(bbox) + ')' if bbox else ''}: {seconds:.2f} s server "
              f"(CPU {CPU[-1]:.2f} s), "
              f"{size(body)}, {meta['missions']:,} missions, {meta['points']:,} positions sent "
              f"(thinned: {meta['thinned']})")
    if not args.no_naive:
        seconds, body = timed(lambda: naive(scope), 1)
        print(f"naive (all positions, unsimplified): {seconds:.2f} s, {size(body)}")
    bbox = (-125.0, 14.0, -66.0, 50.0)
    for zoom in (4, 6):
        geojson._bump_version()  # a region "changed": the outline layers are drawn again (overviews stay cached)
        cold, body = timed(lambda z=zoom: geojson.outlines_geojson(bbox, z), 1)
        warm, _ = timed(lambda z=zoom: geojson.outlines_geojson(bbox, z), args.repeat)
        print(f"outlines zoom {zoom}: cold {cold * 1000:.0f} ms, cached {warm * 1000:.1f} ms, {size(body)}, "
              f"{len(orjson.loads(body)['features'])} regions")
    seconds, picture = timed(lambda: build.scope_map(scope), 1)
    print(f"static map PNG ({build.STATIC_MAP_MISSIONS:,} newest drawn): {seconds:.2f} s (CPU {CPU[-1]:.2f} s), "
          f"{len(picture.content) / 1e3:.0f} kB")
    seconds, picture = timed(lambda: build.scope_timeline(scope), args.repeat)
    print(f"timeline PNG: {seconds:.2f} s (CPU {CPU[-1]:.2f} s), {len(picture.content) / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
