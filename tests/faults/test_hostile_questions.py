"""10,000 hypothesis-generated questions through ask() (issue 12, defect 3): lone surrogates, NUL and other control
characters, huge texts, right-to-left text and bidi controls, emoji, and the bot's own vocabulary mixed in. Zero
exceptions: ask() never raises, never answers "error" (an exception it caught), every question is logged, and no
flight or claim data changes."""
from __future__ import annotations

import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import Answer
from bot.models import Question
from bot.services import ask
from claims.models import Article, Claim, EvidenceLink
from evidence.models import Aircraft, Mission, MissionRegion

pytestmark = [pytest.mark.faults]

WORDS = ["how many", "list", "when was the last", "which claims", "attributed to", "U-2", "P-8s", "RC-135", "near",
         "over", "Texas", "TX", "Baja", "in", "February", "2025", "between", "and", "last week", "per month", "claim 3",
         "compare", "vs", "what about", "missions", "flights", "'", ";", "--", "%", "_", "\\", "DROP TABLE"]
HOSTILE = ["\ud800", "\udfff", "\ud83d", "\x00", "\x1b[31m", "\u202e", "\u200f", "\u2066", "\ufeff", "\ufffd",
           "مهمات طائرات التجسس فوق تكساس", "מטוס ריגול", "🛩️", "👨‍👩‍👧‍👦", "🇺🇸", "Ｕ－２", "ǅ", "İ", "ß", "\u0301" * 50]
ANY_CHAR = st.characters(exclude_categories=())  # every code point, lone surrogates included
QUESTIONS = st.one_of(
    st.text(alphabet=ANY_CHAR, max_size=200),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(alphabet=ANY_CHAR, max_size=5)),
             max_size=20).map(" ".join),
    st.builds(lambda word, n: (word * n)[:40_000], st.sampled_from([*WORDS, *HOSTILE]), st.integers(100, 30_000)),
    st.text(alphabet=st.sampled_from("\u0627\u0644\u0645\u0647\u0627\u062a\u05d0\u05d1\u202b\u202c U-2 Texas 2025"),
            max_size=300),
)
DATA_MODELS = (Mission, MissionRegion, Aircraft, Claim, Article, EvidenceLink)


@pytest.fixture
def unlimited(settings):
    settings.BOT_RATE_LIMIT = "1000000/min"


def test_ten_thousand_hostile_questions(demo, editor, unlimited, caplog):
    before = {m.__name__: m.objects.count() for m in DATA_MODELS}
    logged = Question.objects.count()
    asked = []

    @settings(max_examples=10_000, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(text=QUESTIONS)
    def one(text: str) -> None:
        asked.append(text)
        answer = ask(text=text, user=editor, platform="slack", channel="C-faults", thread=text[:40],
                     user_key="U-faults")
        assert isinstance(answer, Answer)
        assert answer.reason != "error", (text[:200], answer.text)
        json.dumps(answer.to_dict())

    with caplog.at_level(logging.WARNING, logger="bot.services"):
        one()
    problems = [r.getMessage()[:200] for r in caplog.records if r.name == "bot.services"]
    assert problems == []
    assert len(asked) >= 9_000  # hypothesis may stop early only when it has run out of distinct examples
    assert Question.objects.count() == logged + len(asked)
    assert {m.__name__: m.objects.count() for m in DATA_MODELS} == before
    surrogates = sum(any("\ud800" <= ch <= "\udfff" for ch in t) for t in asked)
    nul = sum("\x00" in t for t in asked)
    huge = sum(len(t) > 2000 for t in asked)
    print(f"FIGURES hostile-questions: {len(asked)} questions ({surrogates} with lone surrogates, {nul} with NUL, "
          f"{huge} over 2,000 characters): 0 exceptions")
