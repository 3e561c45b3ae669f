"""Benchmark the article page's annotated text: ``claims.rendering.render_spans`` (one sweep over the boundaries)
against the former per-stretch scan of every span (quadratic), on synthetic articles of 100k, 400k and 2M characters.

Run: ``.venv/bin/python bench/bench_annotated_text.py [--sizes 100000 400000 2000000] [--naive-max 400000]``.
Independent of Django's database (only ``django.utils.html`` is used). Spans have the density the extractor produces
on the demo article (an entity every ~45 characters, a claim of ~80 characters every ~200, overlapping entities).
The naive version is run only up to ``--naive-max`` characters (at 2M it would take minutes).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

import django

django.setup()

from django.utils.html import escape  # noqa: E402

from claims.rendering import Span, render_spans  # noqa: E402

WORDS = [
    "the",
    "navy",
    "flew",
    "surveillance",
    "missions",
    "near",
    "texas",
    "on",
    "february",
    "3",
    "officials",
    "said",
    "a",
    "P-8",
    "aircraft",
    "orbited",
]


def synthetic(n_chars: int, seed: int = 7) -> tuple[str, list[Span]]:
    rng = random.Random(seed)
    words, length = [], 0
    while length < n_chars:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    text = " ".join(words)[:n_chars]
    spans: list[Span] = []
    pos = 0
    while pos < len(text) - 20:
        start = pos + rng.randint(0, 30)
        spans.append((start, start + rng.randint(3, 15), "fc-ent-place", "PLACE: {'slug': 'texas'}"))
        pos += 45
    for start in range(0, len(text) - 100, 200):
        spans.append((start, start + 80, "fc-claim", "Claim #1 (Unreviewed)"))
    spans.sort()
    return text, spans


def naive(text: str, spans: list[Span]) -> str:
    """The former algorithm: for every stretch between boundaries, scan every span."""
    bounds = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        if a >= b or b > len(text):
            continue
        covering = [(cls, title) for s, e, cls, title in spans if s <= a and b <= e]
        segment = escape(text[a:b])
        if covering:
            classes = " ".join(sorted({c for c, _ in covering}))
            title = escape(" · ".join(t for _, t in covering))
            out.append(f'<span class="{classes}" title="{title}">{segment}</span>')
        else:
            out.append(segment)
    return "".join(out)


def timed(fn, *args) -> tuple[float, str]:
    """CPU seconds of this process (the machine is shared: wall time would measure the neighbours too)."""
    t0 = time.process_time()
    result = fn(*args)
    return time.process_time() - t0, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 400_000, 2_000_000])
    parser.add_argument("--naive-max", type=int, default=400_000)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}; CPU seconds (process time)")
    print(f"{'chars':>10} {'spans':>7} {'sweep s':>9} {'naive s':>9} {'ratio':>7}")
    for size in args.sizes:
        text, spans = synthetic(size)
        new_s, new_html = timed(render_spans, text, spans)
        if size <= args.naive_max:
            old_s, old_html = timed(naive, text, spans)
            assert old_html == new_html, "the sweep and the naive scan disagree"
            print(f"{size:>10,} {len(spans):>7,} {new_s:>9.3f} {old_s:>9.2f} {old_s / new_s:>6.0f}×")
        else:
            print(f"{size:>10,} {len(spans):>7,} {new_s:>9.3f} {'skipped':>9} {'':>7}")


if __name__ == "__main__":
    main()
