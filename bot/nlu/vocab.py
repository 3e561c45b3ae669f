"""The question reader's view of the database vocabulary: names → keys, lower-cased, and the typo domain.

Built from :func:`claims.nlp.vocabulary.vocabulary_from_db` (the words the shared reader's spaCy rules are made of)
plus the outlets articles name, and cached on that vocabulary's invalidation counter: one cache, one signal
(``claims.nlp.vocabulary.invalidate_vocabulary_cache``, sent when a region, type, organisation or article is saved
or deleted). No time-to-live of its own.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from claims.nlp.lexicon import CORRECTABLE


@dataclass(frozen=True)
class Vocab:
    """The database's names for things, lower-cased: alias → key."""

    types: dict[str, str]
    regions: dict[str, str]
    region_names: dict[str, str]
    operators: dict[str, str]
    outlets: dict[str, str]
    #: The sorted typo-correction domain, computed once per load (not per question).
    domain: tuple[str, ...] = ()
    #: ISO country code → the slugs of that country's aircraft operators ("GB" → raf, royal-navy, british-army…),
    #: alliances and commands left out ("British flights", bot.nlu.nations).
    operators_by_country: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def words(self) -> set[str]:
        out: set[str] = set()
        for table in (self.types, self.regions, self.operators, self.outlets):
            for alias in table:
                out.update(w for w in re.findall(r"[a-z]+", alias) if len(w) >= 4)
        return out


_lock = threading.Lock()
_cached: dict[str, Any] = {"key": None, "vocab": None}


def load_vocab(*, refresh: bool = False, vocabulary: Any = None) -> Vocab:
    """The vocabulary for questions, re-built only when the shared vocabulary's invalidation counter moves.
    ``vocabulary``: the shared vocabulary the caller just read (saves reading it again)."""
    from claims.nlp.vocabulary import invalidate_vocabulary_cache, vocabulary_from_db, vocabulary_generation

    if refresh:
        invalidate_vocabulary_cache()
        vocabulary = None
    vocabulary = vocabulary or vocabulary_from_db()
    key = (id(vocabulary), vocabulary.version, vocabulary_generation())
    with _lock:
        if _cached["key"] == key:
            return _cached["vocab"]
    vocab = _build(vocabulary)
    with _lock:
        _cached.update(key=key, vocab=vocab)
    return vocab


def _build(vocabulary: Any) -> Vocab:
    from claims.selectors import known_outlets

    return build_vocab(vocabulary, article_outlets=known_outlets())


def build_vocab(vocabulary: Any, *, article_outlets: list[str] | tuple[str, ...] = ()) -> Vocab:
    """The question words from a shared :class:`~claims.nlp.vocabulary.Vocabulary` and the outlets articles name
    (no database: the parse-table test injects both)."""
    types = {alias.lower(): a.designator for a in vocabulary.aircraft for alias in {a.designator, a.name, *a.aliases}
             if alias}
    regions: dict[str, str] = {}
    names: dict[str, str] = {}
    for r in vocabulary.regions:
        names[r.slug] = r.name
        for alias in {r.name, r.slug.replace("-", " "), *r.aliases}:
            if alias:
                regions[alias.lower()] = r.slug
    operators: dict[str, str] = {}
    outlets: dict[str, str] = {}
    article_outlets = list(article_outlets)
    by_lower = {o.lower(): o for o in article_outlets}
    for o in vocabulary.organisations:
        forms = {f for f in {o.name, o.short_name, *o.aliases} if f}
        if o.kind != "news":
            for alias in forms:
                operators[alias.lower()] = o.slug
            continue
        # A news organisation is an outlet people ask about ("what did CNN claim?") even with no article yet: the
        # answer then says there is none, instead of ignoring the name and listing every claim.
        written = next((by_lower[f.lower()] for f in forms if f.lower() in by_lower), o.name)
        for alias in forms:
            outlets[alias.lower()] = written
    for outlet in article_outlets:
        outlets[outlet.lower()] = outlet
        bare = re.sub(r"^the\s+", "", outlet, flags=re.IGNORECASE)
        if bare != outlet and len(bare) >= 4:
            outlets.setdefault(bare.lower(), outlet)  # "the Desert Ledger article"
    vocab = Vocab(types=types, regions=regions, region_names=names, operators=operators, outlets=outlets,
                  operators_by_country=_operators_by_country(vocabulary))
    object.__setattr__(vocab, "domain", tuple(sorted(vocab.words() | CORRECTABLE)))
    return vocab


def _operators_by_country(vocabulary: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    from evidence.reference_data.operators import TASKING_BODIES

    out: dict[str, list[str]] = {}
    for o in vocabulary.organisations:
        if o.country and o.is_operator and o.slug not in TASKING_BODIES:
            out.setdefault(o.country, []).append(o.slug)
    return tuple((country, tuple(sorted(slugs))) for country, slugs in sorted(out.items()))


def alias_pattern(aliases: dict[str, str]) -> re.Pattern[str] | None:
    if not aliases:
        return None
    alts = sorted(aliases, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")s?(?![\w-])", re.IGNORECASE)
