"""Tests for claims.nlp: the article extractor and the shared scope reader."""
