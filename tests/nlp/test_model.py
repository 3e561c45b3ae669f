"""SPACY_MODEL: a trained pipeline is loaded and combined with the rules (the rules win, the model fills gaps).

The test trains a tiny NER with spaCy's training API, saves it to a temporary folder and points the setting at it:
the loading path is the real one, only the model is small.
"""

from __future__ import annotations

import random

import spacy
from django.test import override_settings
from spacy.training import Example

from claims.nlp.extract import extract
from claims.nlp.pipeline import VOCABULARY_MATCHER, get_pipeline

from .conftest import PUBLISHED

TRAIN = [
    ("Maria Lopez said the aircraft flew south.", [(0, 11, "PERSON")]),
    ("Officials told Maria Lopez about the flights.", [(15, 26, "PERSON")]),
    ("The report was written by Maria Lopez.", [(26, 37, "PERSON")]),
    ("Maria Lopez confirmed it on the record.", [(0, 11, "PERSON")]),
    ("Journalists asked Maria Lopez twice.", [(18, 29, "PERSON")]),
    ("Maria Lopez said a P-8 flew near Texas on February 3.", [(0, 11, "PERSON")]),
]


def _train(path) -> None:
    random.seed(0)
    spacy.util.fix_random_seed(0)  # a deterministic tiny model: the test must not depend on the draw
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.1)
    nlp.to_disk(path)


def test_trained_model_and_rules_combined(tmp_path, vocabulary):
    model_dir = tmp_path / "tiny_ner"
    _train(model_dir)
    with override_settings(SPACY_MODEL=str(model_dir)):
        nlp = get_pipeline(vocabulary)
        # the vocabulary matcher sits before the model's ner (and writes doc.ents for it), the rule components after
        names = nlp.pipe_names
        assert names.index(VOCABULARY_MATCHER) < names.index("ner")
        assert names.index("ner") < names.index("fc_quantities")
        result = extract("Maria Lopez said a P-8 flew near Texas on February 3.", published_at=PUBLISHED,
                         vocabulary=vocabulary)
    by_label = {(e.label, e.text): e.value for e in result.entities}
    assert by_label[("PERSON", "Maria Lopez")] == {"name": "Maria Lopez", "role": None}  # found by the model
    assert by_label[("AIRCRAFT", "P-8")] == {"designator": "P8"}  # found by the rules
    assert by_label[("PLACE", "Texas")] == {"slug": "texas"}
    assert ("DATE", "February 3") in by_label
    attribution = next(e for e in result.entities if e.label == "ATTRIBUTION")
    assert attribution.value["claimant"] == "Maria Lopez"  # the rules build on the model's entity
    # with the setting empty again, the rule pipeline is used (cached separately)
    assert "ner" not in get_pipeline(vocabulary).pipe_names
