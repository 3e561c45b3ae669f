"""Benchmark: import a synthetic day of readsb traces end to end against the configured DATABASE_URL.

    .venv/bin/python bench/bench_import.py                      # 1,000 aircraft x 5,000 positions = 5M
    .venv/bin/python bench/bench_import.py --aircraft 100 --positions 2000
    DATABASE_URL=postgres://… .venv/bin/python bench/bench_import.py

The traces are generated in a child process, written as gzip-compressed ``trace_full_<hex>.json`` files in a
day-archive tree in a temporary directory, and imported with ``import_flight_files`` (the same path as
``manage.py import_flights``). Each import runs in a fresh Python process, so its peak memory is its own.

Printed:

* positions/s for parse, split (sorties + orbits + encoding), tag (regions), write (database) and the total, each
  in wall-clock and in CPU time (other work on the machine slows the wall clock; CPU time shows the code's own
  cost), and parse + split + tag together — the issue's goal is ≥ 200,000 positions/s through those three;
* peak memory (RSS) of an import of the first ``--small-files`` files and of all of them: streaming means the two
  peaks are about the same, however many files there are (DEBUG is off, or Django would keep every SQL query);
* in the same run, a naive point-by-point Shapely loop over a sample of the positions (a ``Point`` per position,
  ``within`` each region in degrees, then the ``distance`` to each region projected to metres) and the ratio of the
  tagger's positions/s to the naive loop's.

Regions are seeded (``seed_reference``) when the database has none, so tagging is measured on the real regions.
The benchmark's aircraft use non-ICAO addresses (``~b…``) and are deleted afterwards unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DAY = 1738540800.0  # 2025-02-03 00:00Z
HEX_PREFIX = "~b"
PHASES = ("parse", "split", "tag", "write")


def generate(out_dir: str, aircraft: int, positions: int, seed: int) -> int:
    """Write ``aircraft`` trace files of ~``positions`` each: two sorties a day over the US southwest / Mexico,
    every fifth aircraft orbiting. Returns the number of positions written."""
    import numpy as np

    from evidence.flightdata import synth

    rng = np.random.default_rng(seed)
    total = 0
    for i in range(aircraft):
        hex_address = f"{HEX_PREFIX}{i:05x}"
        track = synth.SynthTrack()
        step = 5.0
        per_sortie = positions // 2
        t = DAY + float(rng.uniform(0, 3 * 3600))
        for k in range(2):
            # Route length chosen so the sortie has ~per_sortie airborne points at `step` seconds and 400 kt.
            airborne_s = max(per_sortie - 30, 10) * step
            dist_km = 400 * 1.852 * airborne_s / 3600.0
            start = (float(rng.uniform(25, 36)), float(rng.uniform(-120, -97)))
            brg = float(rng.uniform(0, 360))
            if i % 5 == 0:
                leg_km = dist_km * 0.42
                mid = synth.destination(*start, brg, leg_km)
                end = synth.destination(*start, (brg + 20) % 360, leg_km * 1.1)
                route = [start, (float(mid[0]), float(mid[1])), (float(end[0]), float(end[1]))]
                orbit = {"after": 1, "turns": 3, "radius_km": 15, "speed_kt": 400}
            else:
                end = synth.destination(*start, brg, dist_km)
                route = [start, (float(end[0]), float(end[1]))]
                orbit = None
            t = synth.sortie(
                track, t, route, callsign=f"BN{i:04d}{k}", speed_kt=400, step_s=step, taxi_s=150, orbit=orbit
            )
            t += float(rng.uniform(1800, 3 * 3600))
        doc = synth.trace_document(hex_address, track, icao_type="B738", description="BOEING 737-800", day_start=DAY)
        total += len(doc["trace"])
        synth.write_trace(synth.trace_path(out_dir, hex_address.lstrip("~"), day="2025-02-03"), doc, gzip=True)
    return total


def _generate_child(out_dir: str, aircraft: int, positions: int, seed: int, queue: multiprocessing.Queue) -> None:
    queue.put(generate(out_dir, aircraft, positions, seed))


def _rss_mb() -> float:
    """Current resident set size of this process, MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def naive_tag(regions: list[tuple[object, object]], lon: list[float], lat: list[float], cap_nm: float) -> dict:
    """The obvious approach, position by position and region by region: ``Point(lon, lat).within(region)`` in
    degrees and, when outside, the point projected to metres and ``distance`` to the projected region (projected
    once, in the zone of its representative point — the naive loop is not charged for that). Returns the hits and
    the wall and CPU seconds of the loop."""
    from shapely.geometry import Point

    from evidence.geo import projection

    prepared = []
    for key, geom in regions:
        c = geom.representative_point()
        zone = projection.zone_of(c.x, c.y)
        prepared.append((key, geom, projection.forward(zone), projection.project(geom, zone)))
    cap_m = cap_nm * projection.NM
    hits: list[list[tuple[object, bool, float]]] = []
    w0, c0 = time.perf_counter(), time.process_time()
    for x, y in zip(lon, lat, strict=True):
        found = []
        for key, geom, tr, projected in prepared:
            if Point(x, y).within(geom):
                found.append((key, True, 0.0))
                continue
            px, py = tr.transform(x, y)
            d = Point(px, py).distance(projected)
            if d <= cap_m:
                found.append((key, False, d / projection.NM))
        hits.append(found)
    return {"hits": hits, "wall": time.perf_counter() - w0, "cpu": time.process_time() - c0}


def child(spec: dict) -> dict:
    """One import in this (fresh) process; returns its figures as a dict (printed as JSON by ``--child``)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ["DEBUG"] = "false"  # DEBUG keeps every SQL query in memory: not what is measured here
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from evidence.flightdata import read_flight_file
    from evidence.models import Aircraft, ImportRun, Region
    from evidence.services.flight_import import (
        ImportProgress,
        default_region_tagger,
        import_flight_files,
        iter_flight_paths,
    )

    out: dict = {"database": f"{connection.vendor} {settings.DATABASES['default'].get('NAME')}"}
    out["debug"] = settings.DEBUG
    call_command("migrate", verbosity=0)  # a no-op when the schema is current
    tagger = None
    if not spec["no_regions"]:
        if not Region.objects.exists():
            call_command("seed_reference", verbosity=0)
        t = time.perf_counter()
        tagger = default_region_tagger()
        out["tagger_s"] = time.perf_counter() - t
        out["regions"] = Region.objects.count()

    paths = [str(p) for p, _ in iter_flight_paths([spec["dir"]])][: spec["files"] or None]
    out["rss_before_mb"] = _rss_mb()
    timings: dict[str, float] = {}
    t, c = time.perf_counter(), time.process_time()
    rss_by_files: list[tuple[int, float]] = []
    every = max(1, len(paths) // 10)

    def progress(p: ImportProgress) -> None:
        if p.done % every == 0 or p.done == p.total:
            rss_by_files.append((p.done, _rss_mb()))

    run = import_flight_files(
        paths, origin="bench", region_tagger=tagger, timings=timings, workers=spec["workers"], progress=progress
    )
    out["total_s"], out["total_cpu_s"] = time.perf_counter() - t, time.process_time() - c
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["children_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out["rss_by_files"] = rss_by_files
    out.update(
        timings=timings,
        run=run.pk,
        workers=spec["workers"],
        status=run.status,
        files=run.files_read,
        failed=run.files_failed,
        positions=run.positions_read,
        missions=run.missions_created,
    )

    if spec["naive_sample"] and tagger is not None:
        # A sample of positions spread over the first files, tagged both ways.
        per_file = max(1, spec["naive_sample"] // 10)
        lon: list[float] = []
        lat: list[float] = []
        for path in paths[:10]:
            for track in read_flight_file(path):
                step = max(1, len(track.positions) // per_file)
                lon += track.positions.lon[::step][:per_file].tolist()
                lat += track.positions.lat[::step][:per_file].tolist()
        import shapely

        regions = [(pk, shapely.from_wkb(bytes(wkb))) for pk, wkb in Region.objects.values_list("pk", "geometry_wkb")]
        naive = naive_tag(regions, lon, lat, tagger.cap_nm)
        # Same positions through the tagger, one position per track (its worst case: no path to share work).
        import numpy as np

        tracks = [(np.array([x]), np.array([y])) for x, y in zip(lon, lat, strict=True)]
        ours = tagger.tag_many(tracks)
        agree = sum(
            {k for k, o, _ in n if o} == {h.key for h in hs if h.over}
            for n, hs in zip(naive["hits"], ours, strict=True)
        )
        out["naive"] = {"positions": len(lon), "wall": naive["wall"], "cpu": naive["cpu"], "over_agree": agree}

    if not spec["keep"]:
        Aircraft.objects.filter(hex__startswith=HEX_PREFIX).delete()  # cascades to missions and region links
        ImportRun.objects.filter(pk=run.pk).delete()
    return out


def run_child(spec: dict) -> dict:
    """Run ``child(spec)`` in a fresh interpreter (so its peak RSS is its own) and return its figures."""
    proc = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"benchmark child failed ({proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def report(r: dict, label: str) -> None:
    n = r["positions"]
    tm = r["timings"]
    print(f"{label}: {r['status']}, {r['files']:,} files, {n:,} positions, {r['missions']:,} missions, "
          f"{r['failed']} failed ({r['database']})")
    print(f"  {'phase':<16}{'wall s':>9}{'positions/s':>14}{'CPU s':>9}{'positions/s':>14}")

    def line(name: str, wall: float, cpu: float) -> None:
        w = f"{n / wall:>14,.0f}" if wall else f"{'(skipped)':>14}"
        c = f"{n / cpu:>14,.0f}" if cpu else f"{'':>14}"
        print(f"  {name:<16}{wall:>9.2f}{w}{cpu:>9.2f}{c}")

    for phase in PHASES:
        line(phase, tm.get(phase, 0.0), tm.get(f"{phase}_cpu", 0.0))
    pst = sum(tm.get(p, 0.0) for p in ("parse", "split", "tag"))
    pst_cpu = sum(tm.get(f"{p}_cpu", 0.0) for p in ("parse", "split", "tag"))
    line("parse+split+tag", pst, pst_cpu)
    # The same three as a pipeline: everything but the database writes, file walk and bookkeeping included (with
    # --workers, parsing and splitting overlap tagging, so this is shorter than the sum above).
    pipe_cpu = r["total_cpu_s"] - tm.get("write_cpu", 0.0)
    if r["workers"] > 1:  # this process's CPU does not include the workers' parsing and splitting
        pipe_cpu += tm.get("parse_cpu", 0.0) + tm.get("split_cpu", 0.0)
    line("  as a pipeline", r["total_s"] - tm.get("write", 0.0), pipe_cpu)
    line("total", r["total_s"], r["total_cpu_s"])
    print("  (total: end to end, incl. file walk and bookkeeping; its CPU is this process's only — with --workers the")
    print("   parse/split lines sum the workers' CPU)")
    extra = f", worker processes' peak {r['children_peak_rss_mb']:,.0f} MB" if r["children_peak_rss_mb"] > 1 else ""
    print(f"  memory: peak RSS {r['peak_rss_mb']:,.0f} MB (RSS {r['rss_before_mb']:,.0f} MB before the import, "
          f"with the region tagger built){extra}")
    steps = ", ".join(f"{done:,}: {mb:,.0f}" for done, mb in r["rss_by_files"])
    print(f"  RSS (MB) after N files — {steps}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--aircraft", type=int, default=1000)
    parser.add_argument("--positions", type=int, default=5000, help="positions per aircraft")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the imported rows and the generated files")
    parser.add_argument("--no-regions", action="store_true", help="do not tag regions (measures the rest)")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="parse/split processes (helps only with cores to spare: the main process tags and writes meanwhile)",
    )
    parser.add_argument("--small-files", type=int, default=100,
                        help="also import only this many files first, to compare peak memory (0: skip)")
    parser.add_argument("--naive-sample", type=int, default=1000, help="positions tagged by the naive loop (0: skip)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return

    load = os.getloadavg()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}: {os.cpu_count()} CPUs ({_cpu_model()}), "
          f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min), Python "
          f"{platform.python_version()}")
    tmp = tempfile.mkdtemp(prefix="flightcheck-bench-")
    try:
        t = time.perf_counter()
        ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        queue = ctx.Queue()
        gen = ctx.Process(target=_generate_child, args=(tmp, args.aircraft, args.positions, args.seed, queue))
        gen.start()
        written = queue.get()
        gen.join()
        size = sum(f.stat().st_size for f in Path(tmp).rglob("*.json"))
        print(f"generated {args.aircraft:,} trace files, {written:,} positions, {size / 1e6:.1f} MB gzip "
              f"in {time.perf_counter() - t:.1f}s")

        spec = {"dir": tmp, "no_regions": args.no_regions, "workers": args.workers, "keep": False, "naive_sample": 0}
        small = None
        if 0 < args.small_files < args.aircraft:
            small = run_child({**spec, "files": args.small_files})
            report(small, f"import of the first {args.small_files:,} files")
        full = run_child({**spec, "files": 0, "keep": args.keep, "naive_sample": args.naive_sample})
        if "tagger_s" in full:
            print(f"region tagger: {full['regions']} regions prepared in {full['tagger_s']:.1f}s")
        report(full, f"import #{full['run']} of all {args.aircraft:,} files")
        if small is not None:
            print(f"memory vs. number of files: peak RSS {small['peak_rss_mb']:,.0f} MB for {small['files']:,} files, "
                  f"{full['peak_rss_mb']:,.0f} MB for {full['files']:,} files "
                  f"(growth during the import: {small['peak_rss_mb'] - small['rss_before_mb']:+,.0f} MB vs "
                  f"{full['peak_rss_mb'] - full['rss_before_mb']:+,.0f} MB; DEBUG={full['debug']})")
        naive = full.get("naive")
        if naive:
            tm = full["timings"]
            tag_wall = full["positions"] / tm["tag"]
            tag_cpu = full["positions"] / tm["tag_cpu"]
            n_wall, n_cpu = naive["positions"] / naive["wall"], naive["positions"] / naive["cpu"]
            print(f"naive point-by-point loop ({naive['positions']:,} positions × {full['regions']} regions; Point."
                  f"within in degrees, distance projected): {n_wall:,.1f} positions/s wall, {n_cpu:,.1f}/s CPU; "
                  f"'over' agrees with the tagger on {naive['over_agree']}/{naive['positions']} positions")
            print(f"tagger vs naive loop: {tag_wall / n_wall:,.0f}× faster (wall), {tag_cpu / n_cpu:,.0f}× (CPU)")
        load = os.getloadavg()
        print(f"load average at the end: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    finally:
        if args.keep:
            print(f"kept files in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
