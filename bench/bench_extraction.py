"""Benchmark the article extractor's spaCy stage: ``nlp.pipe`` batching against one ``nlp(text)`` at a time.

Run: ``.venv/bin/python bench/bench_extraction.py [--articles 300] [--batch-size 32] [--words 1000]``.
Independent of the database: the rule pipeline over ``spacy.blank("en")`` with the built-in seed vocabulary (the same
rules production builds from the database). Prints articles/s for the spaCy stage alone (batched and one at a
time, and their ratio), then articles/s for the whole ``extract_many`` (entities, values, proposed claims) for
context. Single process, single thread: the figures are per core. Goal: ≥ 150 articles/s for the spaCy stage.
The whole task with its database writes, and through a Celery worker, is ``bench_extraction_task.py``.

Why batching gives ~1.0× here: the pipeline is rules only (phrase matchers, anchored regexes, array scans), so a
doc costs the same alone or in a batch — there is no model forward pass or other fixed per-call cost for
``nlp.pipe`` to amortise. Batching pays off where per-call costs exist: in the worker (per task: broker round
trip, article reads, status updates), see ``bench_extraction_task.py``.

Articles are synthetic, ~1,000 words, in the style of the reporting the project checks: counts with qualifiers,
periods, aircraft types and aliases, places with over/near, attributions, people with roles, and filler prose.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

AIRCRAFT = ["P-8", "P-8A Poseidon", "U-2", "U-2S Dragon Lady", "RC-135V/W Rivet Joint", "RC-135", "E-3 Sentry",
            "MQ-9 Reaper", "RQ-4 Global Hawk", "P-3 Orion", "E-2D Hawkeye", "KC-135", "C-17", "MC-12W"]
PLACES = ["Texas", "Arizona", "New Mexico", "California", "the Baja peninsula", "Sinaloa", "Sonora", "Chihuahua",
          "Nuevo León", "Tamaulipas", "the Gulf of California", "the Gulf of Mexico", "the US-Mexico border",
          "international airspace", "the southwestern United States", "Baja California Sur", "Coahuila"]
RELATIONS = ["over", "near", "around", "along", "off the coast of", "close to", "within 20 nm of", "in"]
OPERATORS = ["Navy", "Air Force", "US Navy", "USAF", "CBP", "Marine Corps", "Army"]
CLAIMANTS = ["according to three US officials", "according to open-source flight data", "a defense official said",
             "CNN reported", "as reported by flight-tracking websites", "the Pentagon said",
             "border czar Tom Homan said", "Defense Secretary Pete Hegseth said", "the officials said"]
QUALIFIERS = ["at least", "more than", "about", "nearly", "as many as", ""]
DATES = ["on February 3", "on 4 February", "between 25 Jan and 5 Feb", "in late January and early February",
         "over a 10-day span in late January and early February", "last week", "in the last two weeks",
         "since January", "in the 10 days before 5 February", "on Tuesday", "this year", "in December"]
FILLER = [
    "The flights come as the administration weighs options against cartels operating south of the border.",
    "Experts cautioned that flight-tracking websites capture only aircraft that broadcast their positions.",
    "Lawmakers from both parties have asked for briefings on the scope of the operations.",
    "Residents in several border towns said they had noticed more aircraft overhead in recent weeks.",
    "The military routinely flies training missions in the region, which can complicate any count.",
    "Mexican authorities did not immediately respond to a request for comment on the reports.",
    "Analysts said the pattern of the flights suggested an interest in communications intercepts.",
    "Such aircraft can collect imagery and signals from well beyond the places they fly over.",
]


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(6)
    aircraft = rng.choice(AIRCRAFT)
    place = f"{rng.choice(RELATIONS)} {rng.choice(PLACES)}"
    if kind == 0:
        q = rng.choice(QUALIFIERS)
        return (f"{q.capitalize() + ' ' if q else ''}{rng.randint(2, 40)} surveillance missions were flown {place} "
                f"{rng.choice(DATES)}, {rng.choice(CLAIMANTS)}.").replace("  ", " ")
    if kind == 1:
        return f"A {rng.choice(OPERATORS)} {aircraft} flew {place} {rng.choice(DATES)}, {rng.choice(CLAIMANTS)}."
    if kind == 2:
        return (f"Historically, the military flew about {rng.choice(['one such mission', 'once', 'twice'])} a "
                f"{rng.choice(['month', 'week'])} {place}, {rng.choice(CLAIMANTS)}.")
    if kind == 3:
        return (f"An {rng.choice(OPERATORS)} {aircraft} was seen circling {rng.choice(PLACES)} and approaching "
                f"{rng.choice(PLACES)} {rng.choice(DATES)}.")
    return rng.choice(FILLER)


def synthetic_article(rng: random.Random, words: int) -> str:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        para = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        count += len(para.split())
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    django.setup()
    from claims.nlp.extract import extract_many
    from claims.nlp.pipeline import get_pipeline
    from claims.nlp.vocabulary import default_vocabulary

    rng = random.Random(args.seed)
    texts = [synthetic_article(rng, args.words) for _ in range(args.articles)]
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    vocabulary = default_vocabulary()
    t0 = time.perf_counter()
    nlp = get_pipeline(vocabulary, model="")
    build = time.perf_counter() - t0
    for _doc in nlp.pipe(texts[:20], batch_size=args.batch_size):  # warm-up (first-call caches, regex compiles)
        pass

    # CPU time of this process (per core, whatever else the machine runs) and wall time
    t0, c0 = time.perf_counter(), time.process_time()
    ents_batched = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=1))
    batched, batched_cpu = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    ents_single = sum(len(nlp(text).ents) for text in texts)
    single, single_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert ents_single == ents_batched, "batched and one-at-a-time pipelines disagree"

    published = dt.datetime(2025, 2, 10, 12, tzinfo=dt.UTC)
    t0, c0 = time.perf_counter(), time.process_time()
    results = extract_many([(t, published) for t in texts], vocabulary=vocabulary, batch_size=args.batch_size)
    whole, whole_cpu = time.perf_counter() - t0, time.process_time() - c0

    n = len(texts)
    print(f"articles: {n}, mean {mean_words:.0f} words, {ents_batched / n:.0f} entities each; "
          f"pipeline build {build * 1000:.0f} ms; components: {', '.join(nlp.pipe_names)}")
    try:
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover - not on every platform
        load = float("nan")
    print(f"date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; "
          f"machine: {os.cpu_count()} CPUs, load average {load:.1f} (wall figures suffer when it exceeds the CPUs; "
          f"CPU figures are this process's own time)")
    print("                                          per CPU-second   wall clock")
    print(f"spaCy stage, nlp.pipe(batch_size={args.batch_size}):   {n / batched_cpu:8.1f}/s     {n / batched:8.1f}/s "
          f"({batched_cpu / n * 1000:.2f} ms CPU/article)")
    print(f"spaCy stage, nlp(text) one at a time:     {n / single_cpu:8.1f}/s     {n / single:8.1f}/s "
          f"({single_cpu / n * 1000:.2f} ms CPU/article)")
    print(f"ratio batched / one at a time:            {single_cpu / batched_cpu:8.2f}x     {single / batched:8.2f}x")
    print(f"whole extract_many (values, proposals):   {n / whole_cpu:8.1f}/s     {n / whole:8.1f}/s "
          f"({sum(len(r.proposed_claims) for r in results) / n:.0f} proposed claims each)")
    rate = n / batched_cpu
    print(f"goal for the spaCy stage: >= 150 articles/s per core -> {'met' if rate >= 150 else 'NOT met'} "
          f"({rate:.0f}/s per CPU-second)")


if __name__ == "__main__":
    main()
