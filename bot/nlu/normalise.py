"""Normalisation before reading: chat mentions and markup out, shouting down, typos fixed, quarters spelled out.

Every change that alters a word is returned as a correction ("Texs" → "Texas"), which the answer says out loud.
A common English word is never corrected ("ones" stays "ones", never "drones").
"""
from __future__ import annotations

import datetime as dt
import difflib
import re

from bot.nlu.vocab import Vocab
from claims.nlp.lexicon import CLAIM_WORDS, CORRECTABLE, FILLER, is_english_word

_RX = re.IGNORECASE


def strip_mentions(text: str) -> str:
    """Chat mentions and markup that are not part of the question: "<@U123>", "@flightcheck", "`code`"."""
    text = re.sub(r"<@[^>]{1,64}>|@[\w.-]{1,64}(?::[\w.-]+)?", " ", text)
    return re.sub(r"\s+", " ", text.replace("`", " ")).strip()


_SHOUTED = frozenset(w for w in FILLER if len(w) == 2 and w != "us")


def unshout(text: str) -> str:
    """In a question typed in capitals, two-letter function words are words, not state codes: "IN" is not Indiana,
    "OR" not Oregon, "ME" not Maine, "OK" not Oklahoma. Names and abbreviations ("TX", "US", "P-8") stay."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 6 or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return text
    return re.sub(r"\b[A-Z]{2}\b", lambda m: m.group(0).lower() if m.group(0).lower() in _SHOUTED else m.group(0),
                  text)


def correct_typos(text: str, vocab: Vocab) -> tuple[str, list[tuple[str, str]]]:
    """Replace unknown words that are one slip away from a vocabulary word ("Texs", "Febuary", "misions").

    Only words of four letters or more, only when the word itself is neither known to the reader nor a common
    English word, only to a close match (ratio ≥ 0.8, or two swapped letters), and only toward words that matter to
    a question (place and aircraft names, months, the question words).
    """
    domain = list(vocab.domain) or sorted(vocab.words() | CORRECTABLE)
    domain_set = set(domain) | FILLER | CLAIM_WORDS
    corrections: list[tuple[str, str]] = []

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 4 or low in domain_set or low.rstrip("s") in domain_set or is_english_word(low):
            return word
        swapped = [low[:i] + low[i + 1] + low[i] + low[i + 2 :] for i in range(len(low) - 1)]
        close = [w for w in swapped if w in domain_set and w in domain] or difflib.get_close_matches(
            low, domain, n=1, cutoff=0.8
        )
        if not close:
            return word
        corrections.append((word, close[0]))
        return close[0]

    return re.sub(r"(?<![\w-])[A-Za-z]+(?![\w-])", fix, text), corrections


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QUARTER_RX = re.compile(
    r"\b(?:(?:in|during)\s+)?(?:the\s+)?(?:q(?P<q>[1-4])|(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th)"
    r"\s+quarter)(?:\s+of)?(?:\s+(?P<y>(?:19|20)\d{2}))?\b",
    _RX,
)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def spell_quarters(text: str, today: dt.date) -> tuple[str, list[tuple[str, str]]]:
    """"Q1 2025" / "the first quarter of 2025" → "between 1 January 2025 and 31 March 2025" (a quarter without a year:
    the most recent one that has started). Returned as corrections, so the answer says how it was read."""
    changes: list[tuple[str, str]] = []

    def spell(m: re.Match[str]) -> str:
        q = int(m.group("q")) if m.group("q") else _ORD[m.group("ord").lower()]
        year = int(m.group("y")) if m.group("y") else today.year
        if not m.group("y") and dt.date(year, 3 * q - 2, 1) > today:
            year -= 1
        first, last = 3 * q - 2, 3 * q
        end = (dt.date(year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)).day
        words = f"between 1 {_MONTH_NAMES[first - 1]} {year} and {end} {_MONTH_NAMES[last - 1]} {year}"
        changes.append((m.group(0).strip(), words))
        return words

    return _QUARTER_RX.sub(spell, text), changes


_DESIGNATOR_RX = re.compile(r"(?<![\w-])(?P<a>[A-Za-z]{1,3})-?(?P<b>\d{1,3}[A-Za-z]?)(?![\w-])")


def designators(text: str, vocab: Vocab) -> tuple[str, list[tuple[str, str]]]:
    """A designator written without its hyphen or in lower case ("e3", "kc135") → the form the vocabulary knows
    ("E-3"), said as a correction. Only when the written form itself is unknown and exactly one form is known."""
    changes: list[tuple[str, str]] = []

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.lower() in vocab.types or word in vocab.types:
            return word
        forms = {f"{m.group('a')}-{m.group('b')}".lower(), f"{m.group('a')}{m.group('b')}".lower()}
        known = sorted(f for f in forms if f in vocab.types)
        if len(known) != 1:
            return word
        fixed = known[0].upper()
        if fixed != word:
            changes.append((word, fixed))
        return fixed

    return _DESIGNATOR_RX.sub(fix, text), changes
