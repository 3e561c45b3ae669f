"""The vocabulary the rules are generated from: aircraft types, regions, organisations and role words.

A :class:`Vocabulary` is frozen and carries a content hash (``version``), so the spaCy pipeline built from it can be
cached per version: a vocabulary re-read from the database with the same content reuses the same pipeline.

Two sources:

- :func:`default_vocabulary` — the built-in seed (``claims.nlp.seed``), for tests and tools without a database.
- :func:`vocabulary_from_db` — the AircraftType, Region and Organisation rows, so an alias a fact-checker adds in the
  admin is recognised without a code change.

Caching of :func:`vocabulary_from_db` (why both mechanisms): a ``post_save``/``post_delete`` receiver registered when
this module is imported bumps a generation number, in this process and in Django's cache (shared between processes
when the cache is Redis). Saves made where this module was never imported, and ``QuerySet.update()`` (which sends no
signal), are covered by a time-to-live: the rows are re-read at most every :data:`VOCABULARY_MAX_AGE_S` seconds.
Re-reading is cheap (three small ``values_list`` queries, no geometry); the pipeline is rebuilt only when the
content hash actually changes.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claims.nlp import seed

#: Seconds a vocabulary read from the database is trusted without a signal saying it changed.
VOCABULARY_MAX_AGE_S = 30.0
_GENERATION_CACHE_KEY = "flightcheck:nlp:vocabulary-generation"


@dataclass(frozen=True)
class AircraftEntry:
    designator: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str = "other"
    is_surveillance: bool = False


@dataclass(frozen=True)
class RegionEntry:
    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrganisationEntry:
    slug: str
    name: str
    kind: str = "other"
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    #: ISO 3166-1 alpha-2 of the organisation's country ("" for alliances and unknown).
    country: str = ""

    @property
    def is_operator(self) -> bool:
        """Whether "<org> flights" constrains who flew: military services and the agencies that fly aircraft."""
        return self.kind == "military" or self.slug in seed.OPERATOR_ORGANISATIONS


@dataclass(frozen=True)
class RoleWord:
    """A word for a kind of aircraft or flight ("spy planes", "tanker"). ``key`` "surveillance" = any surveillance
    type; otherwise ``roles`` lists AircraftType.Role values."""

    phrase: str
    key: str
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    aircraft: tuple[AircraftEntry, ...] = ()
    regions: tuple[RegionEntry, ...] = ()
    organisations: tuple[OrganisationEntry, ...] = ()
    role_words: tuple[RoleWord, ...] = ()
    #: phrase (lower case) → region slug, for phrases that name several regions.
    region_preferences: tuple[tuple[str, str], ...] = ()
    version: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.version:
            object.__setattr__(self, "version", self._content_hash())

    def _content_hash(self) -> str:
        payload = json.dumps(
            [
                [[a.designator, a.name, list(a.aliases), a.role, a.is_surveillance] for a in self.aircraft],
                [[r.slug, r.name, r.kind, list(r.aliases)] for r in self.regions],
                [[o.slug, o.name, o.kind, o.short_name, list(o.aliases), o.country] for o in self.organisations],
                [[w.phrase, w.key, list(w.roles)] for w in self.role_words],
                [list(p) for p in self.region_preferences],
            ],
            ensure_ascii=False,
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    @functools.cached_property
    def aircraft_by_designator(self) -> dict[str, AircraftEntry]:
        return {a.designator: a for a in self.aircraft}

    @functools.cached_property
    def region_by_slug(self) -> dict[str, RegionEntry]:
        return {r.slug: r for r in self.regions}

    @functools.cached_property
    def organisation_by_slug(self) -> dict[str, OrganisationEntry]:
        return {o.slug: o for o in self.organisations}

    @functools.cached_property
    def role_by_key(self) -> dict[str, RoleWord]:
        return {w.key: w for w in self.role_words}


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = (item or "").strip()
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return tuple(out)


def _role_words() -> tuple[RoleWord, ...]:
    return tuple(RoleWord(w["phrase"], w["key"], tuple(w["roles"])) for w in seed.SEED_ROLE_WORDS)


def _region_preferences() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(seed.REGION_PHRASE_PREFERENCES.items()))


def type_family(designator: str, phrase: str) -> tuple[str, ...]:
    """The designators a phrase names: a family phrase ("E-3", "AWACS") names each of its designators (the TF33 and
    the CFM56 Sentry, ``evidence.reference_data.aircraft.TYPE_FAMILIES``); any other the one its pattern gives."""
    family = _families().get(_family_key(phrase))
    return family if family and designator in family else (designator,)


def _family_key(phrase: str) -> str:
    """"E-3s", "e3", "E 3" → "e3"; "AWACS" → "awacs"."""
    key = re.sub(r"[\s\-–]+", "", phrase).casefold()
    return re.sub(r"(?<=\d)s$", "", key)


@functools.cache
def _families() -> dict[str, tuple[str, ...]]:
    from evidence.reference_data.aircraft import TYPE_FAMILIES

    return {_family_key(k): v for k, v in TYPE_FAMILIES.items()}


@functools.cache
def default_vocabulary() -> Vocabulary:
    """The built-in seed as a Vocabulary: the same data the database seeding command writes (no database needed)."""
    return Vocabulary(
        aircraft=tuple(
            AircraftEntry(a["designator"], a["name"], _dedupe(a["aliases"]), a["role"], a["is_surveillance"])
            for a in seed.SEED_AIRCRAFT_TYPES
        ),
        regions=tuple(
            RegionEntry(r["slug"], r["name"], r["kind"],
                        _dedupe([*r["aliases"], *seed.REGION_ALIASES.get(r["slug"], [])]))
            for r in seed.SEED_REGIONS
        ),
        organisations=tuple(
            OrganisationEntry(o["slug"], o["name"], o["kind"], o.get("short_name", ""), _dedupe(o["aliases"]),
                              o.get("country", ""))
            for o in seed.SEED_ORGANISATIONS
        ),
        role_words=_role_words(),
        region_preferences=_region_preferences(),
    )


# ------------------------------------------------------------------------------------------------------ database

_lock = threading.Lock()
_local_generation = 0
_cached: dict[str, Any] = {"vocabulary": None, "generation": None, "read_at": 0.0}


def _shared_generation() -> tuple[int, Any]:
    from django.core.cache import cache

    try:
        shared = cache.get(_GENERATION_CACHE_KEY)
    except Exception:  # a cache outage must not stop extraction; the TTL still applies
        shared = None
    return _local_generation, shared


def vocabulary_generation() -> tuple[int, Any]:
    """The invalidation counter (this process's, and the shared one) the last vocabulary_from_db() call checked:
    caches derived from the vocabulary (the bot's question words) key on it, after calling vocabulary_from_db()."""
    with _lock:
        return _cached["generation"] or _shared_generation()


def invalidate_vocabulary_cache(**_: Any) -> None:
    """THE invalidation signal for every cache of reference words (the one receiver of the reference models'
    saves and deletes, and of articles' for the outlet names): the next vocabulary_from_db() re-reads the rows (here
    and, through Django's cache, in other processes), and the evidence reference cache is dropped with it."""
    global _local_generation
    from django.core.cache import cache

    with contextlib.suppress(Exception):
        from evidence.selectors import clear_reference_cache

        clear_reference_cache()
    with _lock:
        _local_generation += 1
    try:
        cache.incr(_GENERATION_CACHE_KEY)
    except ValueError:
        cache.set(_GENERATION_CACHE_KEY, 1, None)
    except Exception:  # pragma: no cover - cache backend down; the TTL covers it
        pass


def _connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save

    from claims.models import Article
    from evidence.models import AircraftType, Organisation, Region

    for model in (AircraftType, Region, Organisation, Article):
        for signal in (post_save, post_delete):
            uid = f"nlp-vocab-{'save' if signal is post_save else 'delete'}-{model.__name__}"
            signal.connect(invalidate_vocabulary_cache, sender=model, dispatch_uid=uid)


def _read_db() -> Vocabulary:
    from evidence.models import AircraftType, Organisation, Region

    aircraft = []
    for designator, name, aliases, role, surveillance in AircraftType.objects.values_list(
        "designator", "name", "aliases", "role", "is_surveillance"
    ):
        # Thousands of civil ICAO types come without aliases; only curated or surveillance types take part in matching
        # (a bare designator like "C2" or "E2" is not something to look for in prose).
        if aliases or surveillance:
            aircraft.append(
                AircraftEntry(designator, name, _dedupe(a for a in (aliases or []) if isinstance(a, str)), role,
                              surveillance)
            )
    regions = [
        RegionEntry(slug, name, kind, _dedupe(a for a in (aliases or []) if isinstance(a, str)))
        for slug, name, kind, aliases in Region.objects.values_list("slug", "name", "kind", "aliases")
    ]
    organisations = [
        OrganisationEntry(slug, name, kind, short_name, _dedupe(a for a in (aliases or []) if isinstance(a, str)),
                          country or "")
        for slug, name, kind, short_name, aliases, country in Organisation.objects.values_list(
            "slug", "name", "kind", "short_name", "aliases", "country"
        )
    ]
    return Vocabulary(
        aircraft=tuple(sorted(aircraft, key=lambda a: a.designator)),
        regions=tuple(sorted(regions, key=lambda r: r.slug)),
        organisations=tuple(sorted(organisations, key=lambda o: o.slug)),
        role_words=_role_words(),
        region_preferences=_region_preferences(),
    )


def vocabulary_from_db(*, max_age: float | None = None) -> Vocabulary:
    """The vocabulary in the database, cached until a row changes (signal) or ``max_age`` seconds pass.

    Returns the very same object while the content is unchanged, so pipeline caches keyed on it keep hitting.
    """
    max_age = VOCABULARY_MAX_AGE_S if max_age is None else max_age
    generation = _shared_generation()
    now = time.monotonic()
    with _lock:
        cached = _cached["vocabulary"]
        if cached is not None and _cached["generation"] == generation and now - _cached["read_at"] < max_age:
            return cached
    fresh = _read_db()
    with _lock:
        if cached is not None and cached.version == fresh.version:
            fresh = cached
        _cached.update(vocabulary=fresh, generation=generation, read_at=now)
    return fresh


# Registered where the function lives, as documented above; harmless when Django is not set up.
with contextlib.suppress(Exception):
    _connect_signals()
