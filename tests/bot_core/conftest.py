"""The bot's test data: the real demo (``claims.services.demo.load_demo``: real boundaries, tracks imported from the
generated trace files, real region distances), loaded once for the whole ``tests/bot_core`` package per xdist
worker (``demo_module`` is overridden here with package scope: load_demo takes ~10 s) inside a transaction that is
rolled back afterwards, like ``tests/conftest.py`` does per module. Each test runs in its own savepoint on top of
it, where this file adds what the demo does not hold: a user outside every group, and the verdicts a fact-checker
has given so far (:data:`VERDICTS`).

"Today" in every test is :data:`NOW` (2026-11-24): bare months resolve against it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)

#: The demo article's claims (claims/demo.py), by the start of their quote.
CLAIM_KEYS = {
    "increase": "The US military has sharply increased surveillance flights",
    "count": "At least 18 missions were flown",
    "monthly": "Historically, such flights happened about once a month",
    "p8": "At least 11 of the missions were flown by Navy P-8",
    "u2": "A U-2 spy plane flew a mission on February 3",
    "states": "Aircraft were tracked over California, Arizona and Texas",
    "rc135": "On February 4, an Air Force RC-135 Rivet Joint",
    "intent": "the flights were meant to gather intelligence",
}

#: The desk half-way through its review: the counts and the RC-135 checked against the records, the intent claim
#: judged unverifiable from flight data (it is about purpose), the rest not reviewed yet. With load_demo's evidence
#: links: "count" (18 missions), "p8" (11), "u2" (1), "rc135" (1), "intent" (an interview source); "increase",
#: "monthly" and "states" have none.
VERDICTS = {"count": "supported", "p8": "supported", "rc135": "supported", "intent": "unverifiable"}

#: Demo missions the dialog table cites, by (ICAO hex, UTC start day).
MISSION_KEYS = {
    "u2": ("ae0907", dt.date(2025, 2, 3)),  # DRAGN61: over New Mexico, 5.3 nm from Texas (near, not over)
    "u2_2024": ("ae0907", dt.date(2024, 2, 15)),  # DRAGN60 over California
    "rc135": ("ae01c5", dt.date(2025, 2, 4)),  # TOXIN51: loop around the Baja peninsula, orbit 8.5 nm off Sinaloa
    "first_p8": ("ae6801", dt.date(2025, 1, 27)),  # PELCN11, first mission of the story window
    "forte11": ("ae5415", dt.date(2025, 1, 29)),  # Global Hawk 21:04 → 02:02 next day: belongs to 29 January
    "forte12": ("ae5415", dt.date(2025, 2, 5)),  # Global Hawk 23:34 → 02:17 on 6 February: belongs to 5 February
    "swa": ("a1b2c3", dt.date(2025, 1, 30)),  # the airliner, Phoenix → San Diego
    # the world story (evidence/flightdata/demo.py WORLD_STORY), October 2025
    "rc135_world": ("ae01c5", dt.date(2025, 10, 28)),  # JAKE11: USAF RC-135V from Mildenhall near Kaliningrad
    "rq4_last": ("ae5416", dt.date(2025, 10, 24)),  # FORTE12: the last of the four RQ-4s over the Black Sea
    "raf_first": ("43c6f1", dt.date(2025, 10, 7)),  # RRR7225: first RAF RC-135W near Kaliningrad
}


@dataclass
class Scenario:
    missions: dict[str, int] = field(default_factory=dict)
    claims: dict[str, int] = field(default_factory=dict)
    editor: User | None = None
    outsider: User | None = None


def _refresh_vocabulary(*, force: bool = False) -> None:
    """The parsers cache the database vocabulary per process, and a rolled-back transaction sends no signal: another
    test may have left a different database's words cached. Re-reading costs ~0.7 s (the spaCy rules are rebuilt),
    so it is done when the demo is loaded and again only when the cached words are not the demo's."""
    from bot.parsing import load_vocab
    from claims.demo import DEMO_ARTICLE
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    if force or DEMO_ARTICLE["outlet"].lower() not in load_vocab().outlets:
        invalidate_vocabulary_cache()
        load_vocab(refresh=True)


@pytest.fixture(scope="package")
def demo_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo for every module of this package, loaded once (per worker) and rolled back at the end, as the
    module-scoped fixture of tests/conftest.py does for one module."""
    from django.db import transaction
    from django.test import TestCase

    from claims.services.demo import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            result = load_demo(flights_dir=tmp_path_factory.mktemp("bot-demo-flights"), log=lambda _msg: None)
        _refresh_vocabulary(force=True)
        yield result
        transaction.set_rollback(True)


@pytest.fixture
def scenario(demo_module, db) -> Scenario:
    """The demo, keyed for the tests, with :data:`VERDICTS` set (rolled back with the test's transaction).

    Also imported by tests/chat/test_real_answers.py (it uses ``.editor``)."""
    from claims.models import Claim
    from claims.services import claim_set_verdict
    from evidence.models import Mission

    article = demo_module.article
    assert article is not None and Claim.objects.filter(article=article).count() == len(CLAIM_KEYS)
    built = Scenario()
    for key, (hex_, day) in MISSION_KEYS.items():
        start = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
        built.missions[key] = Mission.objects.get(
            aircraft_id=hex_, start__gte=start, start__lt=start + dt.timedelta(days=1)
        ).pk
    claims = list(Claim.objects.filter(article=article))
    for key, quote in CLAIM_KEYS.items():
        (claim,) = [c for c in claims if c.exact.startswith(quote)]
        built.claims[key] = claim.pk
        if key in VERDICTS:
            claim_set_verdict(claim=claim, verdict=VERDICTS[key], rationale="Checked against the demo flight records.")
    built.editor = User.objects.get(username="editor")  # load_demo's editor, in Editors
    built.outsider = User.objects.create_user("outsider")  # no password: hashing one costs ~0.7 s per test
    _refresh_vocabulary()
    cache.clear()  # rate-limit counters
    return built


@pytest.fixture
def demo(scenario) -> Scenario:
    """Per test: the keyed demo and a clean rate-limit cache; the test's writes are rolled back with it."""
    cache.clear()
    return scenario


def ask_the_oracle(demo: Scenario, o: Any, cases: list[Any], channel: str) -> list[Any]:
    """The oracle's ``cases`` asked through ``bot.services.ask`` as the demo's editor ("today" is ``NOW``; the rate
    limit lifted), each graded by ``tests.bot_core.oracle.run``."""
    from django.test import override_settings

    from bot.services import ask
    from tests.bot_core import oracle

    def ask_one(text: str, thread: str) -> Any:
        return ask(text=text, user=demo.editor, platform="cli", channel=channel, thread=thread, now=NOW)

    with override_settings(BOT_RATE_LIMIT="100000/min"):
        return oracle.run(ask_one, o, cases)
