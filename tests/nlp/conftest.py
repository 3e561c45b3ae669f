from __future__ import annotations

import datetime as dt

import pytest

from claims.nlp.extract import extract
from claims.nlp.pipeline import get_pipeline
from claims.nlp.vocabulary import Vocabulary, default_vocabulary

#: The demo article's publication time: dates without a year resolve toward the past of it.
PUBLISHED = dt.datetime(2025, 2, 10, 15, 0, tzinfo=dt.UTC)


def entities_of(text: str, vocabulary: Vocabulary | None = None) -> list:
    """What the extractor reads in ``text`` (published at PUBLISHED): the rule tests' one way in."""
    return extract(text, published_at=PUBLISHED, vocabulary=vocabulary).entities


def labelled(text: str, label: str, vocabulary: Vocabulary | None = None) -> dict[str, dict]:
    return {e.text: e.value for e in entities_of(text, vocabulary) if e.label == label}


def counts_of(text: str, vocabulary: Vocabulary | None = None) -> list[tuple]:
    return [(e.value["value"], e.value.get("unit")) for e in entities_of(text, vocabulary) if e.label == "QUANTITY"]


@pytest.fixture(scope="session")
def vocabulary():
    return default_vocabulary()


@pytest.fixture(scope="session")
def nlp(vocabulary):
    return get_pipeline(vocabulary, model="")
