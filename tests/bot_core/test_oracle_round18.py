"""Round 18 of the oracle alone (tests/bot_core/oracle_round18.py, prefixes "r18-" and "r18b-"): when, how long and
how often — time of day, durations, distinct things, frequency, first / last / since, gaps — graded by the independent
oracle. The full oracle (test_oracle.py) runs them too; this runs only them, so the families can be checked in a
minute. Zero wrong answers; declines are reported."""
from __future__ import annotations

import pytest

from tests.bot_core import oracle
from tests.bot_core.conftest import NOW, ask_the_oracle
from tests.bot_core.oracle_round18 import held_out, round18

pytestmark = pytest.mark.slow


def test_round18_questions_against_the_oracle(demo, capsys):
    o = oracle.Oracle(oracle.load_rows(), NOW.date(), oracle.load_orbiting())
    cases: list[oracle.Case] = []
    for batch in (round18, held_out):
        batch(o, lambda category, *turns: cases.append(oracle.Case(category, list(turns))))
    results = ask_the_oracle(demo, o, cases, "oracle-r18")
    with capsys.disabled():
        families = sorted({r.category for r in results})
        print(f"\nround 18: {oracle.summary(results)}", *(
            f"{family}: {oracle.summary([r for r in results if r.category == family])}" for family in families),
            *oracle.not_exact_lines(results), sep="\n")
    wrong = [f"{r.text!r}: {r.detail}" for r in results if r.verdict == "wrong"]
    assert not wrong, "\n".join(wrong)
