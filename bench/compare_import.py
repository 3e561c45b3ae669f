"""Import the same flight files with two revisions of the code and print every difference in what would be stored.

Run: ``.venv/bin/python bench/compare_import.py --old /path/to/other/worktree [--new .] FILE_OR_DIR…``
(``--demo`` adds the demo's generated traces, ``--bench N`` N world traces of ``bench_tagging.py``).

Each revision runs in its own process, from its own tree (``<tree>/.venv/bin/python``, ``PYTHONPATH=<tree>``), and
does what the importer computes before writing: every file through ``flight_import.read_entry`` and
``_prepare_tracks`` (read, validate, split into missions, each mission's stored fields and encoded track), then
``tag_tracks`` over every mission with the importer's tagger (every region of the gazetteer, each with its own cap,
``REGION_DISTANCE_CAP_NM`` overall) — no database. It prints, per file, the missions whose fields, track bytes or
overview differ and the region rows (region, over, distance in nm) that differ, comparing distances exactly as the
floats the database stores; then the totals and each revision's CPU seconds for parse+split and tag.
Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def dump(paths: list[str], out: str) -> None:
    """In the revision's own process: what the importer would store for each file, pickled to ``out``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ.setdefault("DJANGO_ENV", "test")
    import django

    django.setup()
    from django.conf import settings

    from evidence.flightdata.positions import FlightFileError
    from evidence.geo.boundaries import load_region_definitions
    from evidence.geo.tagging import RegionTagger, region_cap_nm
    from evidence.services import flight_import

    definitions = sorted(load_region_definitions(cache_dir=os.path.join(os.getcwd(), "var", "cache")),
                         key=lambda d: d.slug)  # fmt: skip
    cap = float(settings.REGION_DISTANCE_CAP_NM)
    tagger = RegionTagger([(d.slug, d.geometry) for d in definitions], cap_nm=cap,
                          caps_nm=[region_cap_nm(d.kind) for d in definitions])  # fmt: skip
    gap_s = 60.0 * float(settings.MISSION_GAP_MINUTES)
    print(f"{os.getcwd()}: evidence from {os.path.dirname(flight_import.__file__)}", file=sys.stderr)
    result: dict[str, Any] = {}
    prepare_cpu = tag_cpu = 0.0
    for path in paths:
        c0 = time.process_time()
        try:
            prepared = flight_import._prepare_tracks(flight_import.read_entry({"path": path}), path, gap_s, None)
        except FlightFileError as exc:
            result[path] = ("error", exc.location, exc.reason)
            continue
        c1 = time.process_time()
        pairs = [(track, b) for track, bs in prepared.tracks for b in bs]
        tags = flight_import.tag_tracks(tagger, [(b.positions.lon, b.positions.lat) for _, b in pairs], cap_nm=cap)
        tag_cpu += time.process_time() - c1
        prepare_cpu += c1 - c0
        missions = []
        for (track, b), rows in zip(pairs, tags, strict=True):
            fields = {k: v for k, v in b.fields.items() if k not in ("track", "overview")}
            fields["hex"] = track.aircraft.hex
            fields["track_sha256"] = hashlib.sha256(b.track).hexdigest()
            fields["overview"] = repr(b.fields["overview"])
            missions.append((fields, sorted(rows)))
        heard = [(h[0], *(hashlib.sha256(a.tobytes()).hexdigest() for a in h[1:])) for h in prepared.heard]
        result[path] = ("ok", prepared.positions, missions, heard)
    with open(out, "wb") as fh:
        pickle.dump({"files": result, "prepare_cpu": prepare_cpu, "tag_cpu": tag_cpu}, fh)


def run_revision(tree: Path, paths: list[str], out: str) -> dict[str, Any]:
    python = tree / ".venv" / "bin" / "python"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run([str(python), str(HERE / "compare_import.py"), "--dump", out, *paths], cwd=tree, env=env,
                   check=True)  # fmt: skip
    with open(out, "rb") as fh:
        return pickle.load(fh)


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Human-readable differences between two dumps (empty: the same)."""
    out = []
    for path in sorted(set(old) | set(new)):
        a, b = old.get(path), new.get(path)
        if a == b:
            continue
        if a is None or b is None or a[0] != b[0] or a[0] == "error" or a[1] != b[1] or a[3] != b[3]:
            out.append(f"{path}: file result differs: {str(a)[:200]} ≠ {str(b)[:200]}")
            continue
        if len(a[2]) != len(b[2]):
            out.append(f"{path}: {len(a[2])} missions ≠ {len(b[2])}")
            continue
        for i, ((fa, ra), (fb, rb)) in enumerate(zip(a[2], b[2], strict=True)):
            for key in sorted(set(fa) | set(fb)):
                if fa.get(key) != fb.get(key):
                    out.append(f"{path} mission {i}: {key}: {str(fa.get(key))[:120]} ≠ {str(fb.get(key))[:120]}")
            da, db = {r[0]: r[1:] for r in ra}, {r[0]: r[1:] for r in rb}
            for key in sorted(set(da) | set(db)):
                if da.get(key) != db.get(key):
                    out.append(f"{path} mission {i}: region {key}: {da.get(key)} ≠ {db.get(key)}")
    return out


def inputs(args: argparse.Namespace, tmp: str) -> list[str]:
    """The files to import: those given (directories walked), the demo traces, generated bench traces."""
    paths: list[str] = []
    for given in args.paths:
        p = Path(given)
        paths += sorted(str(f) for f in p.rglob("*") if f.is_file()) if p.is_dir() else [str(p)]
    sys.path.insert(0, str(HERE.parent))
    if args.demo:
        from evidence.flightdata.demo import write_demo_traces

        paths += [str(p) for p in write_demo_traces(os.path.join(tmp, "demo"))]
    if args.bench:
        from bench_tagging import write_bench_traces

        paths += write_bench_traces(os.path.join(tmp, "bench"), args.bench, args.points, 43)
    return paths


def main() -> None:
    """Dump (inside a revision) or compare two revisions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--dump", help=argparse.SUPPRESS)
    parser.add_argument("--old", type=Path, help="the other revision's tree (a git worktree with its .venv)")
    parser.add_argument("--new", type=Path, default=HERE.parent)
    parser.add_argument("--demo", action="store_true", help="also the demo's generated traces")
    parser.add_argument("--bench", type=int, default=0, help="also N generated world traces (bench_tagging.py)")
    parser.add_argument("--points", type=int, default=5000)
    args = parser.parse_args()
    if args.dump:
        dump(args.paths, args.dump)
        return
    if args.old is None:
        parser.error("--old is required")
    with tempfile.TemporaryDirectory(prefix="flightcheck-compare-") as tmp:
        paths = inputs(args, tmp)
        runs = {name: run_revision(tree.resolve(), paths, os.path.join(tmp, f"{name}.pkl"))
                for name, tree in (("old", args.old), ("new", args.new))}  # fmt: skip
    found = differences(runs["old"]["files"], runs["new"]["files"])
    for line in found:
        print(line)
    missions = sum(len(r[2]) for r in runs["new"]["files"].values() if r[0] == "ok")
    rows = sum(len(m[1]) for r in runs["new"]["files"].values() if r[0] == "ok" for m in r[2])
    positions = sum(r[1] for r in runs["new"]["files"].values() if r[0] == "ok")
    refused = sum(r[0] == "error" for r in runs["new"]["files"].values())
    orbits = sum(len(m[0]["orbits"]) for r in runs["new"]["files"].values() if r[0] == "ok" for m in r[2])
    print(f"{len(paths)} files ({refused} refused), {positions:,} positions, {missions} missions ({orbits} orbits), "
          f"{rows} region rows: {len(found)} differences")
    for name, run in runs.items():
        print(f"{name}: parse+split {run['prepare_cpu']:.2f} s CPU, tag {run['tag_cpu']:.2f} s CPU")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
