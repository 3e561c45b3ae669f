"""Benchmark: planning a release tar — listing its flight members — by reading only the headers
(``evidence.flightdata.archives.scan_tar``: tarfile seeks over each member's data) and, in the same run, by
streaming through every byte (``tarfile`` stream mode, what ``scan_tar`` did before).

    .venv/bin/python bench/bench_tar_scan.py --tar /tmp/fc-day/v2025.02.03-planes-readsb-prod-0.tar
    .venv/bin/python bench/bench_tar_scan.py --aircraft 10000     # generates the tar first (bench/day_archive_synth)

Planning is the serial part of an import job (one task lists the members, then the units fan out), so its time
bounds how far more workers can speed a day up. Each way runs ``--repeat`` times; the tar is read once before
timing, so both read from the page cache (a cold disk would favour the header scan further).
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evidence.flightdata.archives import FLIGHT_MEMBER, ConcatenatedParts, scan_tar


def streamed(parts: list[str]) -> int:
    """The old way: every byte through tarfile's stream mode."""
    n = 0
    with ConcatenatedParts(parts) as raw, tarfile.open(fileobj=io.BufferedReader(raw, 1 << 20), mode="r|*") as tar:
        for info in tar:
            n += info.isfile() and bool(FLIGHT_MEMBER.search(info.name))
    return n


def timed(fn, parts: list[str], repeat: int) -> tuple[float, float, int]:
    walls, cpus, n = [], [], 0
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        n = fn(parts)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus), n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tar", type=Path, default=None)
    parser.add_argument("--aircraft", type=int, default=10_000, help="aircraft in a generated tar (no --tar)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tar = args.tar or Path(tempfile.gettempdir()) / f"fc-scan-{args.aircraft}.tar"
    if not tar.exists():
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from day_archive_synth import write_day_tar

        print(f"writing {tar} ({args.aircraft:,} aircraft) …", flush=True)
        write_day_tar(tar, args.aircraft)
    parts = [str(tar)]
    streamed(parts)  # warm the page cache
    header_wall, header_cpu, n1 = timed(lambda p: sum(1 for _ in scan_tar(p)), parts, args.repeat)
    stream_wall, stream_cpu, n2 = timed(streamed, parts, args.repeat)
    assert n1 == n2, (n1, n2)
    size = tar.stat().st_size / 2**20
    print(f"{tar.name}: {size:,.0f} MiB, {n1:,} flight members; best of {args.repeat}; load average "
          f"{os.getloadavg()[0]:.2f}")
    print(f"headers only (scan_tar):   {header_wall:7.2f} s wall, {header_cpu:7.2f} s CPU")
    print(f"every byte (stream mode):  {stream_wall:7.2f} s wall, {stream_cpu:7.2f} s CPU  "
          f"({stream_wall / header_wall:.1f}x the wall time)")


if __name__ == "__main__":
    main()
