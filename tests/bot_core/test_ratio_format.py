"""How a share's percentage is written: whole numbers as they are, others to one decimal, halves rounded up in
exact decimal arithmetic (Python's binary round-half-even wrote 1 of 8 as "12 %")."""
from __future__ import annotations

import pytest

from bot.ratio_answers import percent


@pytest.mark.parametrize(("part", "whole", "written"), [
    (1, 8, "12.5 %"), (1, 16, "6.3 %"), (2, 6, "33.3 %"), (2, 3, "66.7 %"), (1, 2, "50 %"), (0, 7, "0 %"),
    (7, 7, "100 %"), (1, 1000, "0.1 %"), (1, 3000, "less than 0.1 %"), (3, 40, "7.5 %"),
])
def test_percent_is_written_to_one_decimal_with_halves_up(part, whole, written):
    assert percent(part, whole) == written
