"""What was not understood: the words of a question outside every span the readers used."""
from __future__ import annotations

import re

from claims.nlp.lexicon import FILLER

#: Words: letters of any script, digits and the hyphens/apostrophes inside them ("e3", "non-military", "P8s",
#: "cuántos", "полетов"): a word in another alphabet is a word not understood, never a gap between words.
WORD_RX = re.compile(r"[^\W_][^\W_'’-]*(?:['’-][^\W_]+)*['’-]?")


def leftovers(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Words outside every understood span that are not filler: what the bot must admit it did not understand.
    A designator-like word ("e3") is a word too: it is never dropped silently."""
    out = []
    for m in WORD_RX.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        word = m.group(0).lower().strip("'’-")
        if word in FILLER or word.rstrip("s") in FILLER or (len(word) <= 1 and not word.isdigit()):
            continue
        out.append(m.group(0))
    return out
