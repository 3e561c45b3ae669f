"""The independent check: several hundred editor questions (tests/bot_core/oracle.py), each answered by the bot
through ``bot.services.ask`` and graded against the answer computed from the mission rows in plain Python.

Zero wrong answers is the bar (a decline is not wrong); the exact share is reported and must stay at or above 98 %.
The figures are written to docs/QUALITY.md ("Editor questions: the independent oracle"). Marked slow: ~460 questions
take about a minute on the 2-core machine.
"""
from __future__ import annotations

import pytest

from tests.bot_core import oracle
from tests.bot_core.conftest import NOW, ask_the_oracle

pytestmark = pytest.mark.slow


def test_editor_questions_against_the_oracle(demo, capsys):
    o = oracle.Oracle(oracle.load_rows(), NOW.date(), oracle.load_orbiting())
    cases = oracle.build_cases(o)
    results = ask_the_oracle(demo, o, cases, "oracle")
    figures = oracle.summary(results)
    with capsys.disabled():
        print(f"\noracle: {figures}")
        for prefix in ("r6-", "r6b-", "r6c-", "r7-", "r7b-", "r8-", "r8b-", "r9-", "r9b-", "r10-", "r10b-", "rt-",
                       "r11-", "r11b-", "r12-", "r12b-", "r13-",
                       "r13b-",
                       "r14-", "r14b-", "r15-", "r15b-", "r16-", "r16b-", "r17-", "r17b-", "r18-", "r18b-", "r19-",
                       "r19b-"):
            print(f"round {prefix[1:-1]}: {oracle.summary([r for r in results if r.category.startswith(prefix)])}")
        print("\n".join(oracle.not_exact_lines(results)))
    wrong = [f"{r.text!r}: {r.detail}" for r in results if r.verdict == "wrong"]
    assert not wrong, "\n".join(wrong)
    assert figures["questions"] >= 400
    assert figures["exact"] >= 0.98 * figures["questions"], figures


def test_the_oracle_can_fail(demo):
    """The grader is not a rubber stamp: a wrong number, a silent union and an answered "why" are all wrong."""
    from bot.answers import Answer

    assert oracle.grade(oracle.Expect("count", 3), Answer(text="4 missions", count=4))[0] == "wrong"
    assert oracle.grade(oracle.Expect("count", 3), Answer(text="no", declined=True))[0] == "declined"
    assert oracle.grade(oracle.Expect("union", 6), Answer(text="6 missions near Texas or Arizona", count=6))[0] \
        == "wrong"
    assert oracle.grade(oracle.Expect("decline", reason="why"), Answer(text="1 mission", count=1))[0] == "wrong"
    assert oracle.grade(oracle.Expect("compare", (2, 1)), Answer(text="", breakdown=[
        {"key": "a", "label": "a", "count": 1}, {"key": "b", "label": "b", "count": 2}]))[0] == "wrong"
