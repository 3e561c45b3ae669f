"""Compare what two revisions of the extraction task *write*, and count its queries per article by phase.

Run: ``.venv/bin/python bench/compare_extraction_writes.py [--base DIR] [--other DIR] [--synthetic 20]``.
Each side is a source tree (a git worktree: ``--base`` e.g. a worktree of the start commit, ``--other`` defaults
to this one) and runs in its own process on its own scratch SQLite database, over the same texts (read from this
tree):

1. seed the reference data, load the demo (flights from ``--flights``, its two articles, their claims and links:
   their extraction runs as the demo makes it);
2. create one article per report of ``tests/nlp/devset/*.json`` (with its date) and ``--synthetic`` articles of
   ``bench/bench_extraction.py``; ``run_extraction_many`` over them in batches of 16;
3. accept every fifth open proposal as a claim (claims on record for the next steps to match), reject every
   seventh of the rest, and run ``run_extraction`` again over every article one at a time (re-extraction: old
   entities, open proposals and suggested matches replaced, decided ones kept; the claims re-read, their flight
   suggestions and claim matches refreshed).

Every row the task writes is then dumped by natural keys (article title, span): entities, proposed claims, claims'
readings, evidence suggestions, claim matches, the articles' extraction fields. The two dumps must be equal; the
script prints their SHA-256 and the first differences, and exits 1 on any.

Queries are counted during step 3 per article, split by phase: the article's load and status ("article"), entities
written ("entities"), proposals written ("proposals"), the claims' re-reading ("claims"), their flight suggestions
("flight matching": missions and evidence suggestions) and ``matches_refresh_for_article`` ("claim matching"), and the
CPU time of the pass and of its claim matching.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import glob
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = dt.datetime(2025, 2, 10, 12, tzinfo=dt.UTC)
RESULT = "WRITES-RESULT "


def _inputs(synthetic: int) -> list[tuple[str, str, str | None]]:
    """(title, text, published ISO) of the articles to create, read from this tree."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_extraction import synthetic_article

    items = []
    for path in sorted(glob.glob(str(ROOT / "tests/nlp/devset/*.json"))):
        for report in json.loads(Path(path).read_text(encoding="utf-8"))["reports"]:
            items.append((f"devset/{Path(path).stem}/{report['id']}", report["text"], report.get("published")))
    rng = random.Random(7)
    items += [(f"synthetic/{i}", synthetic_article(rng, 1000), None) for i in range(synthetic)]
    return items


# ------------------------------------------------------------------------------------------------ child

class _Phases:
    """Counts queries by phase: the innermost wrapped service running, refined by the table a query touches."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.counts: collections.Counter[str] = collections.Counter()

    def wrap(self, module: Any, name: str, phase: str) -> None:
        original = getattr(module, name)

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            self.stack.append(phase)
            try:
                return original(*args, **kwargs)
            finally:
                self.stack.pop()

        setattr(module, name, wrapped)

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        phase = self.stack[-1] if self.stack else "article"
        low = sql.lower()
        if phase == "write":
            phase = ("entities" if "claims_entity" in low else "proposals" if "claims_proposedclaim" in low
                     else "article")
        elif phase == "claims" and ("evidencesuggestion" in low or "evidence_" in low):
            phase = "flight matching"
        self.counts[phase] += 1
        return execute(sql, params, many, context)


def _dump() -> dict[str, Any]:
    from claims.models import Article, Claim, ClaimMatch, Entity, EvidenceSuggestion, ProposedClaim

    title = dict(Article.objects.values_list("pk", "title"))
    claim_key = {c.pk: (title[c.article_id], c.start, c.end) for c in Claim.objects.only("pk", "article_id", "start",
                                                                                         "end")}
    prop_key = {p.pk: (title[p.article_id], p.start, p.end) for p in ProposedClaim.objects.only("pk", "article_id",
                                                                                                "start", "end")}
    out: dict[str, Any] = {
        "articles": ([title[a.pk], a.extraction_status, a.extraction_error, a.language, a.extracted_digest]
                     for a in Article.objects.all()),
        "entities": ([title[e.article_id], e.label, e.start, e.end, e.text, json.dumps(e.value, sort_keys=True)]
                     for e in Entity.objects.all()),
        "proposals": ([*prop_key[p.pk], p.text, p.score, p.reasons, p.claimant,
                      json.dumps(p.scope, sort_keys=True), json.dumps(p.stated_count, sort_keys=True),
                      p.status, claim_key.get(p.claim_id)] for p in ProposedClaim.objects.all()),
        "claims": ([*claim_key[c.pk], c.exact, json.dumps(c.scope, sort_keys=True),
                   json.dumps(c.stated_count, sort_keys=True), c.anchor_status] for c in Claim.objects.all()),
        "suggestions": ([claim_key[s.claim_id], s.mission_id, s.score, s.reason]
                        for s in EvidenceSuggestion.objects.all()),
        "matches": ([claim_key.get(m.claim_id), prop_key.get(m.proposal_id), claim_key[m.other_id], m.score,
                     m.text_score, m.reasons, m.strong, m.status] for m in ClaimMatch.objects.all()),
    }
    out = json.loads(json.dumps({kind: list(rows) for kind, rows in out.items()}, default=str))
    return {kind: sorted(rows, key=json.dumps) for kind, rows in out.items()}


def child(args: argparse.Namespace) -> None:
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    from claims.models import Article, ProposedClaim, text_digest
    from claims.services import checking, extraction, matching
    from claims.services.claims import proposed_claim_accept, proposed_claim_dismiss
    from claims.services.demo import load_demo
    from evidence.services.reference import seed_reference_data

    seed_reference_data(regions=True, log=lambda *_: None)
    load_demo(flights_dir=Path(args.flights), log=lambda *_: None)
    rows = []
    for title, text, published in _inputs(args.synthetic):
        when = dt.datetime.fromisoformat(published) if published else PUBLISHED
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        rows.append(Article(title=title, body=text, body_digest=text_digest(text), published_at=when))
    Article.objects.bulk_create(rows, batch_size=200)
    pairs = list(Article.objects.filter(title__in=[r.title for r in rows]).order_by("pk")
                 .values_list("pk", "body_digest"))
    extraction.run_extraction_many(pairs, batch_size=16)
    open_ = list(ProposedClaim.objects.filter(status="open").select_related("article").order_by("pk"))
    for n, proposal in enumerate(open_):
        if n % 5 == 0:
            proposed_claim_accept(proposal=proposal)
        elif n % 7 == 0:
            proposed_claim_dismiss(proposal=proposal)

    phases = _Phases()
    phases.wrap(extraction, "_write", "write")
    for name in ("claim_refresh_analysis", "claims_refresh_analysis"):  # one claim; an article's (newer trees)
        if hasattr(checking, name):
            phases.wrap(checking, name, "claims")
    phases.wrap(matching, "matches_refresh_for_article", "claim matching")
    everything = list(Article.objects.order_by("pk").values_list("pk", "body_digest"))
    matching_cpu = [0.0]
    refresh = matching.matches_refresh_for_article

    def timed(**kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return refresh(**kwargs)
        finally:
            matching_cpu[0] += time.process_time() - start

    matching.matches_refresh_for_article = timed
    started = time.process_time()
    with connection.execute_wrapper(phases):
        for pk, digest in everything:
            extraction.run_extraction(article_id=pk, digest=digest)
    cpu = time.process_time() - started
    dump = _dump()
    print(RESULT + json.dumps({"dump": dump, "articles": len(everything), "queries": dict(phases.counts), "cpu": cpu,
                               "matching_cpu": matching_cpu[0],
                               "rows": {k: len(v) for k, v in dump.items()}}), flush=True)


# ------------------------------------------------------------------------------------------------ driver

def _run(tree: Path, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="fc_writes_") as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "DATABASE_URL", "DJANGO_ENV")}
        env.update(DATABASE_URL=f"sqlite:///{tmp}/db.sqlite3", DJANGO_SETTINGS_MODULE="project.settings",
                   DEBUG="false")
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--synthetic", str(args.synthetic),
               "--flights", args.flights]
        proc = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT):
            return json.loads(line[len(RESULT):])
    sys.exit(f"{tree}: no result (exit {proc.returncode})\n{proc.stderr[-4000:]}")


def _table(label: str, res: dict[str, Any]) -> str:
    n = res["articles"]
    q = res["queries"]
    parts = ", ".join(f"{k} {v / n:.1f}" for k, v in sorted(q.items()))
    return (f"{label}: {sum(q.values()) / n:.1f} queries/article over {n} re-extractions ({parts}); CPU "
            f"{1000 * res['cpu'] / n:.1f} ms/article, of it claim matching {1000 * res['matching_cpu'] / n:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--base", help="source tree of the revision to compare with (a git worktree)")
    parser.add_argument("--other", default=str(ROOT))
    parser.add_argument("--synthetic", type=int, default=20)
    parser.add_argument("--flights", default=str(ROOT / "var" / "demo-flights"),
                        help="the demo's trace files (var/demo-flights)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    results = []
    for label, tree in (("base", args.base), ("other", args.other)):
        if tree is None:
            continue
        res = _run(Path(tree), args)
        digest = hashlib.sha256(json.dumps(res["dump"], sort_keys=True).encode()).hexdigest()
        print(f"{label} ({tree}): rows {res['rows']}; sha256 {digest[:16]}")
        print(_table(label, res))
        results.append(res)
    if len(results) < 2:
        return
    differ = 0
    for kind in results[0]["dump"]:
        a, b = results[0]["dump"][kind], results[1]["dump"][kind]
        if a != b:
            only_a = [r for r in a if r not in b][:3]
            only_b = [r for r in b if r not in a][:3]
            print(f"DIFFERENT {kind}: {len(a)} vs {len(b)} rows; only in base {only_a}; only in other {only_b}")
            differ += 1
    print("identical: every row written is the same" if not differ else f"{differ} kinds of rows differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
