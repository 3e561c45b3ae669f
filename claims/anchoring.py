"""W3C Web Annotation anchoring of claims in article text (pure functions, no database).

A claim is stored with both selectors: TextPositionSelector (start, end; Unicode code points, end exclusive) and
TextQuoteSelector (exact, with up to 32 characters of prefix and suffix, as Hypothesis keeps). When the text changes,
:func:`reanchor` tries, in order: the stored position (checked against ``exact``); every exact occurrence of the quote,
choosing by how much of the prefix/suffix context matches (a short quote can occur several times); the same search
with whitespace and quotation marks normalised. What cannot be anchored is an orphan — never silently moved elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXT_CHARS = 32

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass(frozen=True)
class Selectors:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Anchoring:
    #: "anchored" (position still right), "moved" (found elsewhere), "orphaned" (not found)
    status: str
    start: int | None = None
    end: int | None = None


class SelectionError(ValueError):
    """The selected span is not a usable quote in the text (out of range, empty, only white space)."""


def selectors_for_span(text: str, start: int, end: int) -> Selectors:
    """Compute both selectors for ``text[start:end]``, trimming surrounding white space from the selection."""
    if not isinstance(start, int) or not isinstance(end, int):
        raise SelectionError("start and end must be whole numbers")
    if start < 0 or end > len(text) or start >= end:
        raise SelectionError(f"the selection {start}–{end} is outside the text (0–{len(text)}) or empty")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise SelectionError("the selection contains only white space")
    return Selectors(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the stored prefix (from its end) and suffix (from its start) match around a candidate."""
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def _best_occurrence(text: str, exact: str, prefix: str, suffix: str) -> tuple[int, int] | None:
    starts = [m.start() for m in re.finditer(re.escape(exact), text)]
    if not starts:
        return None
    if len(starts) == 1:
        return starts[0], starts[0] + len(exact)
    scored = sorted(((_context_score(text, s, s + len(exact), prefix, suffix), s) for s in starts), reverse=True)
    if scored[0][0] == scored[1][0]:
        return None  # ambiguous: two places fit equally well; do not guess
    return scored[0][1], scored[0][1] + len(exact)


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Collapse runs of white space and unify quotes; return the new text and a map to original offsets."""
    out: list[str] = []
    mapping: list[int] = []
    prev_space = False
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if prev_space:
                continue
            ch = " "
            prev_space = True
        else:
            prev_space = False
        out.append(ch)
        mapping.append(i)
    mapping.append(len(text))
    return "".join(out), mapping


def reanchor(text: str, sel: Selectors) -> Anchoring:
    """Find where a stored quote now is in ``text`` (see module docstring)."""
    if 0 <= sel.start < sel.end <= len(text) and text[sel.start : sel.end] == sel.exact:
        return Anchoring("anchored", sel.start, sel.end)
    found = _best_occurrence(text, sel.exact, sel.prefix, sel.suffix)
    if found:
        return Anchoring("moved", *found)
    norm_text, mapping = _normalise_with_map(text)
    norm_exact = _normalise_with_map(sel.exact)[0].strip()
    if norm_exact:
        found = _best_occurrence(
            norm_text, norm_exact, _normalise_with_map(sel.prefix)[0], _normalise_with_map(sel.suffix)[0]
        )
        if found:
            start, end = mapping[found[0]], mapping[found[1] - 1] + 1
            return Anchoring("moved", start, end)
    return Anchoring("orphaned")
