"""Issue 9's ratio families alone (tests/bot_core/oracle_ratios.py, prefix "rt-"): shares, averages and aircraft
counts, graded by the independent oracle. The full oracle (test_oracle.py) runs them too; this runs only them, so
the families can be checked in seconds. Zero wrong answers; declines are reported."""
from __future__ import annotations

import pytest

from tests.bot_core import oracle
from tests.bot_core.conftest import NOW, ask_the_oracle
from tests.bot_core.oracle_ratios import ratios

pytestmark = pytest.mark.slow


def test_ratio_questions_against_the_oracle(demo, capsys):
    o = oracle.Oracle(oracle.load_rows(), NOW.date(), oracle.load_orbiting())
    cases: list[oracle.Case] = []
    ratios(o, lambda category, *turns: cases.append(oracle.Case(category, list(turns))))
    results = ask_the_oracle(demo, o, cases, "oracle-rt")
    with capsys.disabled():
        families = ("rt-share", "rt-average", "rt-aircraft", "rt-follow-up", "rt-decline")
        print(f"\nratios: {oracle.summary(results)}", *(
            f"{family}: {oracle.summary([r for r in results if r.category == family])}" for family in families),
            *oracle.not_exact_lines(results), sep="\n")
    wrong = [f"{r.text!r}: {r.detail}" for r in results if r.verdict == "wrong"]
    assert not wrong, "\n".join(wrong)
