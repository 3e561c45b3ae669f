"""The hand-annotated report sets (tests/nlp/devset/): their format, the scorer, and quality floors.

The floors hold for the categories the rules cover without new vocabulary data (organisations, people, claimants,
counts) on the development set, and no false positive may reach a proposed claim's scope on either set. Places,
bases and aircraft depend on the world vocabulary (data) and are reported by ``manage.py score_nlp_devset``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.management.commands.score_nlp_devset import SET_FILES
from claims.nlp.quality import CATEGORIES, load_reports, normalise_unit, score_reports, text_matches

DEVSET = Path(__file__).parent / "devset"


@pytest.fixture(scope="module")
def dev_score():
    return score_reports(load_reports(DEVSET / "dev.json"))


@pytest.mark.parametrize("name", SET_FILES)
def test_the_sets_are_well_formed(name):
    reports = load_reports(DEVSET / name)
    assert len(reports) >= 7
    for r in reports:
        assert r["url"].startswith("http") and r["published"][:2] == "20"
        # short excerpts only; blind8's long wire and broadcaster articles keep 5-10 sentences
        assert len(r["text"]) < (3000 if name == "blind8.json" else 1500)
        assert set(r["gold"]) == set(CATEGORIES)
        assert name != "blind.json" or r["added"] == "2026-12-05"
        assert name != "blind2.json" or r["added"] == "2026-12-05b"
        assert name != "blind3.json" or r["added"] == "2026-12-05c"
        assert name != "blind4.json" or r["added"] == "2026-12-05d"
        assert name != "blind5.json" or r["added"] == "2026-12-05e"
        assert name != "blind7.json" or r["added"] == "2026-12-05g"
        assert name != "blind6.json" or r["added"] == "2026-12-05f"
        assert name != "blind9.json" or r["added"] == "2026-12-05i"
        assert name != "blind8.json" or r["added"] == "2026-12-05h"
        assert name != "blind10.json" or r["added"] == "2026-12-05j"
        assert name != "blind11.json" or r["added"] == "2026-12-05k"
        assert name != "blind13.json" or r["added"] == "2026-12-05n"
        assert name != "blind15.json" or r["added"] == "2026-12-05p"
        assert name != "blind12.json" or r["added"] == "2026-12-05m"
        assert name != "blind14.json" or r["added"] == "2026-12-05o"
        assert name != "blind16.json" or r["added"] == "2026-12-06a"
        assert name != "blind17.json" or r["added"] == "2026-12-06b"
        for category, items in r["gold"].items():
            for item in items:
                phrase = item[0] if category != "counts" else item[2]
                spellings = phrase.split("|") if isinstance(phrase, str) else []
                assert any(s.lower() in r["text"].lower() for s in spellings), (r["id"], category, phrase)
    ids = [r["id"] for name in SET_FILES for r in load_reports(DEVSET / name)]
    urls = [r["url"] for name in SET_FILES for r in load_reports(DEVSET / name)]
    assert len(ids) == len(set(ids)) >= 50 and len(urls) == len(set(urls))


def test_matching_rules():
    assert text_matches("Royal Air Force", "Royal Air Force")
    assert not text_matches("Air Force", "Royal Air Force")
    assert text_matches("B-52s", "B-52")
    assert text_matches("the Kaliningrad region", "Kaliningrad region|Kaliningrad")
    assert text_matches("Data from tracking website Flightradar24", "Flightradar24", containment_only=True)
    assert normalise_unit("warplanes") == "aircraft" and normalise_unit("kilometers") == "km"


@pytest.mark.parametrize(("category", "floor"), [("organisations", 85), ("people", 90), ("claimants", 85),
                                                 ("counts", 90)])
def test_quality_floors_on_the_dev_set(dev_score, category, floor):
    found, total = dev_score.totals()[category]
    assert 100 * found / total >= floor, dev_score.details()


def test_no_false_positive_reaches_a_claims_scope(dev_score):
    assert dev_score.scope_false_positive_count() == 0, dev_score.details()


def test_the_command_prints_every_set(tmp_path):
    out = io.StringIO()
    call_command("score_nlp_devset", "--vocabulary", "seed", stdout=out)
    text = out.getvalue()
    assert "dev: 21 reports" in text and "heldout: 15 reports" in text and "| counts |" in text
    assert "blind: 15 reports" in text and "blind2: 12 reports" in text and "blind3: 17 reports" in text
    assert "blind4: 16 reports" in text and "blind5: 16 reports" in text
    assert "blind7: 16 reports" in text
    assert "blind9: 16 reports" in text
    assert "blind6: 16 reports" in text
    assert "blind8: 16 reports" in text
    assert "blind10: 17 reports" in text
    assert "blind11: 16 reports" in text
    assert "blind13: 16 reports" in text
    assert "blind15: 17 reports" in text
    assert "blind12: 17 reports" in text
    assert "blind14: 16 reports" in text
    assert "blind16: 16 reports" in text
    assert "blind17: 17 reports" in text
    assert "heldout, added later ('added'): 7 reports" in text
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"nothing": []}))
    with pytest.raises(Exception, match="not a report set"):
        call_command("score_nlp_devset", str(bad), "--vocabulary", "seed", stdout=io.StringIO())
