"""Benchmark claim matching: one claim against N claims on record (the work done per claim after an extraction).

    .venv/bin/python bench/bench_claim_matching.py --candidates 500

Pure functions only (no database): the candidates are the labelled set's texts (tests/quality/claim_matching_set.json)
repeated with varied numbers, with readings built from what the texts state; it times building their signatures
and :func:`claims.services.matching.best_matches` for each of the set's texts as the new claim, and prints the median
and the 95th percentile per claim.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

import django

django.setup()

from claims.services.matching import best_matches, signature  # noqa: E402

SET = Path(__file__).resolve().parent.parent / "tests" / "quality" / "claim_matching_set.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=500)
    args = parser.parse_args()
    items = json.loads(SET.read_text())["items"]
    started = time.perf_counter()
    candidates = []
    for n in range(args.candidates):
        item = items[n % len(items)]
        count = {"value": 10 + n % 40, "qualifier": "at_least"}
        scope = {"type_designators": ["P8"] if "P-8" in item["text"] else [], "regions": []}
        candidates.append((n, signature(item["text"] + f" ({n})", scope, count)))
    build = time.perf_counter() - started
    times = []
    for item in items:
        target = signature(item["text"], {}, {"value": 18, "qualifier": "at_least"})
        t0 = time.perf_counter()
        best_matches(target, candidates)
        times.append(time.perf_counter() - t0)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"candidates: {args.candidates}; signatures built in {build * 1000:.1f} ms "
          f"({build / args.candidates * 1e6:.0f} µs each)")
    print(f"one claim against them: median {statistics.median(times) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms "
          f"({len(times)} claims)")


if __name__ == "__main__":
    main()
