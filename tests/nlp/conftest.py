from __future__ import annotations

import datetime as dt

import pytest

from claims.nlp.pipeline import get_pipeline
from claims.nlp.vocabulary import default_vocabulary

#: The demo article's publication time: dates without a year resolve toward the past of it.
PUBLISHED = dt.datetime(2025, 2, 10, 15, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def vocabulary():
    return default_vocabulary()


@pytest.fixture(scope="session")
def nlp(vocabulary):
    return get_pipeline(vocabulary, model="")
