"""The rule stage's shortcuts give exactly what the plain way gives.

- ``finditer_at`` (``str.find`` on lower-cased text for where a regex can start, then the regex anchored there) finds
  the same matches as ``finditer`` over the whole text, including for odd casing, spacing and the characters
  ``re.IGNORECASE`` folds to ASCII letters (where it falls back to scanning).
- The ``fc_vocabulary`` component (two phrase matchers in one pass) finds the same entities as the two spaCy
  ``entity_ruler`` components it replaced, built from the same patterns.
- ``fc_value`` reads what ``span._.fc_value`` reads.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import spacy

from claims.nlp import components, dates
from claims.nlp.components import fc_value
from claims.nlp.dates import find_temporal, finditer_at, lowered
from claims.nlp.pipeline import build_patterns

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_extraction import DATES, synthetic_article

PIECES = [
    *DATES, "once a month", "twice  a\nweek", "about one such mission a month", "at least 3 flights per week",
    "approx. 2 sorties each day", "a dozen patrols every fortnight", "an a day", "every   year", "A MONTH",
    "2025-02-03", "x2025-02-03", "19 Feb 2024", "Feb. 3rd", "mid-February", "Jan/Feb", "since 2019", "Sept 4",
    "ſept 4", "İstanbul last week", "\u212aelvin", "3 days ago", "roughly eleven trips a year", "some 4 … per month",
    "1.5 times a week", "in 1999", "May 5", "march on", "late Jan-early Feb", "every\u00a0day", "todays", "24/7",
    "1,200 flights", "twenty-one", "someone", "often", "٣ flights", "border czar Tom Homan said", "SAID", "Homan said",
    "according to three US officials", "As Reported By CNN", "Defense Secretary Pete Hegseth", "Sen. Ted Cruz",
    "the us navy", "US Navy", "RC-135 Rivet Joint", "Rivet", "rivet", "P8s", "p-8", "U.S.", "the border", "TX",
]


def _texts() -> list[str]:
    rng = random.Random(5)
    texts = [synthetic_article(rng, 300) for _ in range(5)]
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 8)):
            piece = rng.choice(PIECES)
            roll = rng.random()
            piece = piece.upper() if roll < 0.15 else piece.title() if roll < 0.25 else piece
            parts += [piece, rng.choice([" ", "  ", ", ", ". ", "\n", " and ", "-", "", " of ", "—"])]
        texts.append("".join(parts))
    return texts


TEXTS = _texts()

PATTERNS = {
    "say": (components._SAY_RE, components._SAY_PREFIXES),
    "role-name": (components._ROLE_NAME_RE, components._ROLE_PREFIXES),
    "cue": (components.ATTRIBUTION_CUES, components._CUE_PREFIXES),
    "number": (components._NUMBER_RE, components._NUMBER_PREFIXES),
    **{f"trigger-{n}": (pattern, prefixes)
       for n, ((pattern, _, _), prefixes) in enumerate(zip(dates._TRIGGERS, dates._TRIGGER_PREFIXES, strict=True))},
    **{kind: (dates._PATTERNS[kind], prefixes) for kind, prefixes in dates._GLOBAL_PREFIXES.items()},
}


@pytest.mark.parametrize("pattern, prefixes", list(PATTERNS.values()), ids=list(PATTERNS))
def test_finditer_at_finds_what_finditer_finds(pattern, prefixes):
    for text in TEXTS:
        if pattern is components._NUMBER_RE and components._OTHER_DIGIT.search(text):
            continue  # the component scans such texts (other scripts' digits are not among the prefixes)
        expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
        assert [(m.start(), m.end()) for m in finditer_at(pattern, text, lowered(text), prefixes)] == expected, text


def test_rate_triggers_match_the_regex():
    for text in TEXTS:
        expected = [(m.start(), m.end()) for m in dates._RATE_TRIGGER.finditer(text)]
        assert [(m.start(), m.end()) for m in dates._rate_triggers(text, lowered(text))] == expected, text


def test_lowered_refuses_text_where_positions_or_case_folding_differ():
    assert lowered("Plain ASCII") == "plain ascii"
    assert lowered("İstanbul") is None  # lower() makes two characters of one
    assert lowered("ſept 4") is None  # IGNORECASE matches ſ to s
    assert lowered("Nuevo León") == "nuevo león"


def test_find_temporal_same_with_and_without_the_shortcuts(monkeypatch):
    fast = [find_temporal(t) for t in TEXTS]
    monkeypatch.setattr(dates, "lowered", lambda text: None)  # every trigger found by scanning with its regex
    assert [find_temporal(t) for t in TEXTS] == fast


def test_vocabulary_matcher_equals_two_entity_rulers(vocabulary, nlp):
    lower, cased = build_patterns(vocabulary)
    reference = spacy.blank("en")
    ruler = reference.add_pipe("entity_ruler", name="lower", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(lower)
    ruler_cased = reference.add_pipe("entity_ruler", name="cased")
    ruler_cased.add_patterns(cased)
    matcher = nlp.get_pipe("fc_vocabulary")
    for text in TEXTS:
        expected = [(e.start, e.end, e.label_, e.ent_id_) for e in reference(text).ents]
        doc = matcher(nlp.make_doc(text))
        got = [(e.start, e.end, e.label_, e.id_) for e in components.current_ents(doc)]
        assert got == expected, text


def test_fc_value_reads_the_extension(nlp):
    doc = nlp("At least 11 P-8 missions flew near Texas on February 3, border czar Tom Homan said.")
    spans = [*doc.ents, *doc.spans[components.ATTRIBUTIONS_KEY]]
    assert any(span._.fc_value for span in spans)
    assert [fc_value(span) for span in spans] == [span._.fc_value for span in spans]
    assert components._direct_extension
