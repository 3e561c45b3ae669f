"""Distances said the way people say them, spelled as the shared reader reads them: a number in words before a
distance unit ("within fifty miles of Texas", "a hundred kilometres", "twenty-five nm") as digits, and "inside"
a distance ("inside 20 nautical miles of Texas") as "within" it. Each change is returned as a correction, which the
answer says out loud. A number in words with no unit after it ("within fifty of Texas") is left alone: the reader
declines it (fifty what?).
"""
from __future__ import annotations

import re

from claims.nlp.lexicon import MILES_TO_NM

_RX = re.IGNORECASE
#: Numbers in words below a hundred (bot.nlu.spoken reads dictated numbers with them too).
UNIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEEN_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
              "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90}
_UNDER_100 = (rf"(?:(?:{'|'.join(TENS_WORDS)})(?:[\s-](?:{'|'.join(UNIT_WORDS)}))?|{'|'.join(TEEN_WORDS)}"
              rf"|{'|'.join(UNIT_WORDS)})")
_NUMBER = rf"(?:(?:(?:a|one|{'|'.join(UNIT_WORDS)})\s+hundred(?:\s+(?:and\s+)?{_UNDER_100})?)|{_UNDER_100})"
#: The distance units a place distance may be given in ("nautical miles" first: "nautical" alone is one too).
_UNIT = "|".join(sorted((re.escape(u) for u in MILES_TO_NM), key=len, reverse=True))
_WORDS_BEFORE_UNIT_RX = re.compile(rf"(?<![\w-])(?P<n>{_NUMBER})(?=\s+(?:{_UNIT})\b)", _RX)
_INSIDE_RX = re.compile(rf"\binside(?:\s+of)?(?=\s+(?:\d+(?:\.\d+)?|{_NUMBER})\s+(?:{_UNIT})\b)", _RX)


def number_in_words(words: str) -> int:
    """"fifty" → 50, "twenty-five" → 25, "a hundred and twenty" → 120 (words :data:`_NUMBER` matches)."""
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in {"a", "and"}:
            total += 1 if word == "a" else 0
        else:
            total += UNIT_WORDS.get(word) or TEEN_WORDS.get(word) or TENS_WORDS.get(word, 0)
    return total


def spell_distances(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with distances in words as digits and "inside" a distance as "within", and what was changed."""
    changes: list[tuple[str, str]] = []

    def digits(m: re.Match[str]) -> str:
        value = str(number_in_words(m.group("n")))
        changes.append((m.group(0), value))
        return value

    text = _WORDS_BEFORE_UNIT_RX.sub(digits, text)

    def within(m: re.Match[str]) -> str:
        changes.append((m.group(0), "within"))
        return "within"

    return _INSIDE_RX.sub(within, text), changes
