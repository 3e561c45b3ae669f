"""Round 19 of the oracle alone (tests/bot_core/oracle_round19.py, prefixes "r19-" and "r19b-"): sentences and
headlines pasted from a story — vague amounts, trends and comparisons, hedges, loaded headlines, claims that mix a
true part with a false one, and periods relative to a story's date — graded by the independent oracle. The full
oracle (test_oracle.py) runs them too; this runs only them. Zero wrong answers; declines are reported."""
from __future__ import annotations

import pytest

from tests.bot_core import oracle
from tests.bot_core.conftest import NOW, ask_the_oracle
from tests.bot_core.oracle_round19 import held_out, round19

pytestmark = pytest.mark.slow


def test_round19_questions_against_the_oracle(demo, capsys):
    o = oracle.Oracle(oracle.load_rows(), NOW.date(), oracle.load_orbiting())
    cases: list[oracle.Case] = []
    for batch in (round19, held_out):
        batch(o, lambda category, *turns: cases.append(oracle.Case(category, list(turns))))
    results = ask_the_oracle(demo, o, cases, "oracle-r19")
    with capsys.disabled():
        families = sorted({r.category for r in results})
        print(f"\nround 19: {oracle.summary(results)}", *(
            f"{family}: {oracle.summary([r for r in results if r.category == family])}" for family in families),
            *oracle.not_exact_lines(results), sep="\n")
    wrong = [f"{r.text!r}: {r.detail}" for r in results if r.verdict == "wrong"]
    assert not wrong, "\n".join(wrong)
