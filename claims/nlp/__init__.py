"""Reading text about surveillance flights: the article extractor and the bot's question parser share this package.

Modules (import them directly; this package imports nothing heavy so ``claims.nlp.seed`` stays cheap to import):

- ``seed``: the curated vocabulary as plain data (also what the database seeding command writes).
- ``vocabulary``: the frozen :class:`~claims.nlp.vocabulary.Vocabulary`, from the database or the built-in seed.
- ``pipeline``: the spaCy pipeline (rules over ``spacy.blank("en")``, or a trained model plus the rules).
- ``dates``: dates, periods and rates resolved toward the past against a reference datetime.
- ``reading``: :func:`~claims.nlp.reading.read_scope`, the one function that turns entities into a ``Scope``.
- ``extract``: entities and proposed claims for articles.
"""
