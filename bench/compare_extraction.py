"""Compare what two revisions of the reader read: every entity and claim proposal, text by text.

Run: ``.venv/bin/python bench/compare_extraction.py [BASE] [OTHER] [--synthetic 100] [--keep DIR]``.
``BASE`` defaults to ``HEAD``, ``OTHER`` to ``WORKTREE`` (the files as they are now, committed or not); any other
value is a git revision, exported with ``git archive`` into a scratch directory. Each side runs in its own
process over the same texts, read from the current tree:

- every report of ``tests/nlp/devset/*.json`` (with its publication date),
- the demo articles (``claims.demo``),
- ``--synthetic`` articles of ``bench/bench_extraction.py`` (seed 7, ~1,000 words),
- every string literal of 20 characters or more in ``tests/nlp/*.py`` and ``tests/bot_core/*.py`` (the rules' own
  examples and the bot's questions, which go through the same pipeline).

For each text it dumps the pipeline's doc (of the text as the extractor cleans it) — entities (label, start, end,
text, vocabulary key, ``fc_value``) and every span group (attributions) — and, for the articles, ``extract_many``'s
whole result (entities with their values, proposed claims with scope, count, claimant, hints). The vocabulary is the
built-in seed (no database).
Prints the dumps' SHA-256, the texts whose readings differ with the first differing rows, and exits 1 on any
difference. Refactors of ``claims/nlp`` that claim "no reading changes" are checked with it.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import difflib
import glob
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORKTREE = "WORKTREE"


# ------------------------------------------------------------------------------------------------ inputs

def _literals(path: str) -> list[str]:
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and len(n.value) >= 20]


def collect_inputs(synthetic: int) -> list[dict[str, Any]]:
    """The texts both sides read: ``{"key", "text", "published" (ISO or None), "article" (bool)}``."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_extraction import synthetic_article

    items: list[dict[str, Any]] = []
    for path in sorted(glob.glob(str(ROOT / "tests/nlp/devset/*.json"))):
        for report in json.loads(Path(path).read_text(encoding="utf-8"))["reports"]:
            items.append({"key": f"devset/{Path(path).stem}/{report['id']}", "text": report["text"],
                          "published": report.get("published"), "article": True})
    demo = ast.parse((ROOT / "claims/demo.py").read_text(encoding="utf-8"))
    for node in demo.body:  # the demo articles' bodies without importing Django
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict) \
                and node.targets[0].id.endswith("_ARTICLE"):  # type: ignore[attr-defined]
            fields = dict(zip([k.value for k in node.value.keys], node.value.values, strict=True))  # type: ignore
            items.append({"key": f"demo/{node.targets[0].id}",  # type: ignore[attr-defined]
                          "text": ast.literal_eval(fields["body"]), "published": "2025-02-07", "article": True})
    rng = random.Random(7)
    for n in range(synthetic):
        items.append({"key": f"synthetic/{n}", "text": synthetic_article(rng, 1000), "published": "2025-02-10",
                      "article": True})
    seen: set[str] = set()
    for path in sorted([*glob.glob(str(ROOT / "tests/nlp/*.py")), *glob.glob(str(ROOT / "tests/bot_core/*.py"))]):
        for text in _literals(path):
            if text not in seen:
                seen.add(text)
                items.append({"key": f"literal/{Path(path).name}/{len(seen)}", "text": text, "published": None,
                              "article": False})
    return items


# ------------------------------------------------------------------------------------------------ one side (child)

def _doc_rows(doc: Any) -> dict[str, Any]:
    from claims.nlp.components import fc_value

    ents = [[e.label_, e.start_char, e.end_char, e.text, e.id_, fc_value(e)] for e in doc.ents]
    groups = {name: [[s.label_, s.start_char, s.end_char, s.text, fc_value(s)] for s in group]
              for name, group in sorted(doc.spans.items())}
    return {"ents": ents, "spans": groups}


def dump(inputs_path: str, out_path: str) -> None:
    """Read every input with the tree on ``sys.path[0]`` and write one JSON line per text."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    import django

    django.setup()
    from claims.nlp.extract import clean_text, extract_many
    from claims.nlp.pipeline import get_pipeline
    from claims.nlp.vocabulary import default_vocabulary

    items = json.loads(Path(inputs_path).read_text(encoding="utf-8"))
    vocabulary = default_vocabulary()
    nlp = get_pipeline(vocabulary, model="")
    articles = [i for i in items if i["article"]]
    results = extract_many([(i["text"], dt.date.fromisoformat(i["published"]) if i["published"] else None)
                            for i in articles], vocabulary=vocabulary)
    extracted = {i["key"]: r.to_dict() for i, r in zip(articles, results, strict=True)}
    with open(out_path, "w", encoding="utf-8") as out:
        for item, doc in zip(items, nlp.pipe(clean_text(i["text"]) for i in items), strict=True):
            row = {"key": item["key"], "doc": _doc_rows(doc), "extraction": extracted.get(item["key"])}
            out.write(json.dumps(row, sort_keys=True, default=str) + "\n")


# ------------------------------------------------------------------------------------------------ compare (parent)

def _tree(revision: str, scratch: Path) -> Path:
    if revision == WORKTREE:
        return ROOT
    target = scratch / revision.replace("/", "_")
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def _run_side(revision: str, scratch: Path, inputs: Path) -> Path:
    tree = _tree(revision, scratch)
    out = scratch / f"{revision.replace('/', '_')}.jsonl"
    env = {**os.environ, "PYTHONPATH": str(tree), "DJANGO_SETTINGS_MODULE": "project.settings"}
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--dump", str(out), "--inputs", str(inputs),
                    "--tree", str(tree)], check=True, cwd=tree, env=env)
    return out


def _differences(a: Path, b: Path, show: int) -> int:
    rows_a = a.read_text(encoding="utf-8").splitlines()
    rows_b = b.read_text(encoding="utf-8").splitlines()
    differing = 0
    for line_a, line_b in zip(rows_a, rows_b, strict=True):
        if line_a == line_b:
            continue
        differing += 1
        if differing > show:
            continue
        left, right = json.loads(line_a), json.loads(line_b)
        print(f"--- {left['key']}")
        pretty = [json.dumps(side, sort_keys=True, ensure_ascii=False, indent=1, default=str).splitlines()
                  for side in (left, right)]
        for line in list(difflib.unified_diff(*pretty, lineterm="", n=2))[2:40]:
            print(line)
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", nargs="?", default="HEAD")
    parser.add_argument("other", nargs="?", default=WORKTREE)
    parser.add_argument("--synthetic", type=int, default=100)
    parser.add_argument("--show", type=int, default=10, help="texts whose differences are printed")
    parser.add_argument("--keep", help="directory to keep the inputs and both dumps in")
    parser.add_argument("--dump", help=argparse.SUPPRESS)
    parser.add_argument("--inputs", help=argparse.SUPPRESS)
    parser.add_argument("--tree", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        sys.path.insert(0, args.tree)
        dump(args.inputs, args.dump)
        return
    with tempfile.TemporaryDirectory(prefix="compare_extraction_") as tmp:
        scratch = Path(args.keep or tmp)
        scratch.mkdir(parents=True, exist_ok=True)
        inputs = scratch / "inputs.json"
        items = collect_inputs(args.synthetic)
        inputs.write_text(json.dumps(items), encoding="utf-8")
        print(f"{len(items)} texts: {sum(i['article'] for i in items)} articles (devset, demo, synthetic), "
              f"{sum(not i['article'] for i in items)} test strings and questions")
        dumps = [_run_side(rev, scratch, inputs) for rev in (args.base, args.other)]
        for rev, path in zip((args.base, args.other), dumps, strict=True):
            print(f"{rev}: {hashlib.sha256(path.read_bytes()).hexdigest()}  {path.stat().st_size:,} bytes")
        differing = _differences(*dumps, show=args.show)
        print(f"{differing} of {len(items)} texts read differently" if differing else "identical: every text reads "
              "the same (byte-identical dumps)")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
