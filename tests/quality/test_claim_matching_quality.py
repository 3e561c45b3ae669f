"""Claim matching quality on a labelled set of real reporting of one story by several outlets
(tests/quality/claim_matching_set.json): every cross-outlet pair, same cluster = the same claim. Each text is read by
the claim reader (over the demo's vocabulary: types, organisations, regions), then matched. Goal (issue 14):
precision ≥ 0.95 at the suggest threshold, recall ≥ 0.85. ``-s`` prints the figures recorded in docs/QUALITY.md."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from claims.services.matching import SUGGEST_THRESHOLD, compare, signature

SET = Path(__file__).with_name("claim_matching_set.json")


def load_set() -> list[dict]:
    return json.loads(SET.read_text())["items"]


def read_items(items: list[dict]) -> list:
    from claims.nlp.reading import read_claim_text
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    sigs = []
    for item in items:
        ref = dt.datetime.fromisoformat(item["published"] + "T12:00:00+00:00")
        scope, quantity = read_claim_text(item["text"], reference=ref)
        sigs.append(signature(item["text"], scope.to_dict(), quantity))
    return sigs


def pair_figures(items: list[dict], sigs: list, threshold: float) -> dict:
    tp = fp = fn = tn = 0
    mistakes = []
    for (i, a), (j, b) in itertools.combinations(enumerate(items), 2):
        if a["outlet"] == b["outlet"]:
            continue
        same = a["cluster"] == b["cluster"]
        result = compare(sigs[i], sigs[j])
        said = result.score >= threshold
        tp += same and said
        fp += said and not same
        fn += same and not said
        tn += not same and not said
        if said != same:
            mistakes.append((a["id"], b["id"], result.score, result.reasons, result.conflicts))
    negatives = sorted(
        ((compare(sigs[i], sigs[j]).score, a["id"], b["id"]) for (i, a), (j, b) in
         itertools.combinations(enumerate(items), 2) if a["outlet"] != b["outlet"] and a["cluster"] != b["cluster"]),
        reverse=True,
    )
    mistakes.append(("highest negatives", negatives[:6]))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": precision, "recall": recall, "mistakes": mistakes}


def text_only_figures(items: list[dict], sigs: list, threshold: float) -> dict:
    """The baseline: rapidfuzz text similarity alone, no structured reading."""
    from claims.services.matching import text_similarity

    tp = fp = fn = 0
    for (i, a), (j, b) in itertools.combinations(enumerate(items), 2):
        if a["outlet"] == b["outlet"]:
            continue
        same, said = a["cluster"] == b["cluster"], text_similarity(sigs[i], sigs[j]) >= threshold
        tp += same and said
        fp += said and not same
        fn += same and not said
    return {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0}


@pytest.mark.django_db
def test_precision_and_recall_at_the_suggest_threshold(demo):
    items = load_set()
    sigs = read_items(items)
    figures = pair_figures(items, sigs, SUGGEST_THRESHOLD)
    print(f"\npairs: {figures['tp'] + figures['fp'] + figures['fn'] + figures['tn']}, positives "
          f"{figures['tp'] + figures['fn']}; at {SUGGEST_THRESHOLD}: precision {figures['precision']:.3f}, "
          f"recall {figures['recall']:.3f} (tp {figures['tp']}, fp {figures['fp']}, fn {figures['fn']})")
    for mistake in figures["mistakes"]:
        print("  ", mistake)
    for threshold in (0.6, 0.7, 0.8, 0.9, 0.95):
        f = pair_figures(items, sigs, threshold)
        t = text_only_figures(items, sigs, threshold)
        print(f"   at {threshold}: precision {f['precision']:.3f}, recall {f['recall']:.3f}; text alone: precision "
              f"{t['precision']:.3f}, recall {t['recall']:.3f}")
    t = text_only_figures(items, sigs, SUGGEST_THRESHOLD)
    print(f"   text alone at {SUGGEST_THRESHOLD}: precision {t['precision']:.3f}, recall {t['recall']:.3f}")
    assert figures["precision"] >= 0.95
    assert figures["recall"] >= 0.85
