"""W3C Web Annotation anchoring of claims in article text (pure functions, no database).

A claim is stored with both selectors: TextPositionSelector (start, end; Unicode code points, end exclusive) and
TextQuoteSelector (exact, with up to 32 characters of prefix and suffix, as Hypothesis keeps). When the text changes,
:func:`reanchor` tries, in order: the stored position (checked against ``exact``); every exact occurrence of the quote,
choosing by how much of the prefix/suffix context matches (a short quote can occur several times); the same search
with whitespace and quotation marks normalised; then, as Hypothesis does, an approximate search (edit distance, with
edlib's bit-vector aligner) for the quote and for the quote with its context, each candidate scored by how close the
quote, its prefix, its suffix and its position are (Hypothesis's weights 50/20/20/2). A candidate is accepted only when
the quote itself is at least ``QUOTE_MIN`` similar and the whole score reaches ``ANCHOR_THRESHOLD``, and when no other
place scores as well. What cannot be anchored is an orphan — never silently moved elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import edlib

CONTEXT_CHARS = 32
#: An approximate match's quote must keep this share of its characters (1 − edits / length of the old quote) …
QUOTE_MIN = 0.75
#: … and its combined score (quote, prefix, suffix, position; 0–1) must reach this.
ANCHOR_THRESHOLD = 0.7
#: Two places whose scores differ by less than this are ambiguous: no guess.
AMBIGUITY_MARGIN = 0.02
_WEIGHTS = {"quote": 50, "prefix": 20, "suffix": 20, "position": 2}

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
    #: "anchored" (position still right), "moved" (found elsewhere, same quote), "fuzzy" (found approximately: the
    #: quote was edited), "orphaned" (not found well enough)
    status: str
    start: int | None = None
    end: int | None = None
    #: 1.0 for exact anchoring; the combined score of an approximate one; the best score found for an orphan
    score: float = 1.0


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
    found = _exact_occurrence(text, sel)
    approximate = approximate_anchor(text, sel)
    if found is None:
        return approximate
    exact_score = _score(text, sel, *found)[0]
    # An unchanged copy of a short quote elsewhere must not win over the edited quote in its own context.
    if (
        approximate.status == "fuzzy"
        and approximate.score > exact_score + AMBIGUITY_MARGIN
        and not _overlaps((approximate.start, approximate.end), found)
    ):
        return approximate
    return Anchoring("moved", *found, score=round(exact_score, 3))


def _exact_occurrence(text: str, sel: Selectors) -> tuple[int, int] | None:
    """The quote's exact occurrence best fitting its context, as typed or with white space and quotes normalised."""
    found = _best_occurrence(text, sel.exact, sel.prefix, sel.suffix)
    if found:
        return found
    norm_text, mapping = _normalise_with_map(text)
    norm_exact = _normalise_with_map(sel.exact)[0].strip()
    if norm_exact:
        found = _best_occurrence(
            norm_text, norm_exact, _normalise_with_map(sel.prefix)[0], _normalise_with_map(sel.suffix)[0]
        )
        if found:
            return mapping[found[0]], mapping[found[1] - 1] + 1
    return None


def _similarity(a: str, b: str) -> float:
    """1 − edit distance / length of ``a`` (the stored side), floored at 0; 1.0 when ``a`` is empty."""
    if not a:
        return 1.0
    if not b:
        return 0.0
    a_enc, b_enc = _encode(a, b)
    distance = edlib.align(a_enc, b_enc, mode="NW", task="distance")["editDistance"]
    return max(0.0, 1.0 - distance / len(a))


def _encode(query: str, target: str) -> tuple[list[int], list[int]]:
    """Characters as small integers for edlib (it takes at most 256 symbols): every character the query lacks is the
    same "other" symbol — it mismatches every query character alike, so edit distances are unchanged."""
    alphabet = {ch: i for i, ch in enumerate(dict.fromkeys(query[:255]))}
    other = len(alphabet)
    return [alphabet.get(ch, other) for ch in query], [alphabet.get(ch, other) for ch in target]


def _locations(query: str, text: str, max_errors: int) -> list[tuple[int, int]]:
    """Spans (start, end exclusive) of ``text`` where ``query`` occurs with the fewest edits, at most ``max_errors``."""
    if not query or not text:
        return []
    q, t = _encode(query, text)
    found = edlib.align(q, t, mode="HW", task="locations", k=max_errors)
    return [(start, end + 1) for start, end in found["locations"] if start is not None]


def _candidates(text: str, sel: Selectors) -> set[tuple[int, int]]:
    """Where the quote may now be: its closest approximate occurrences, and where the quote's part lands in the
    closest occurrences of the quote with its context (which tells apart a short quote's repeats)."""
    exact = sel.exact
    spans = set(_locations(exact, text, max(1, int(len(exact) * (1 - QUOTE_MIN)))))
    whole = sel.prefix + exact + sel.suffix
    for start, end in _locations(whole, text, len(whole) // 2):
        q, t = _encode(whole, text[start:end])
        cigar = edlib.align(q, t, mode="NW", task="path")["cigar"]
        mapped = _map_through(cigar or "", (len(sel.prefix), len(sel.prefix) + len(exact)))
        spans.add((start + mapped[0], start + mapped[1]))
    return spans


def _map_through(cigar: str, positions: tuple[int, int]) -> tuple[int, int]:
    """Map query offsets to target offsets along an edlib alignment (CIGAR: = and X both, I query only, D target
    only)."""
    out = []
    for pos in positions:
        qi = ti = 0
        for count, op in re.findall(r"(\d+)([=XID])", cigar):
            n = int(count)
            step_q = n if op in "=XI" else 0
            if qi + step_q > pos and step_q:
                ti += (pos - qi) if op in "=X" else 0
                qi = pos
                break
            qi += step_q
            ti += n if op in "=XD" else 0
        out.append(ti)
    return out[0], out[1]


def _score(text: str, sel: Selectors, start: int, end: int) -> tuple[float, float]:
    """(combined score, quote similarity) of the candidate ``text[start:end]``."""
    quote = _similarity(sel.exact, text[start:end])
    prefix = _similarity(sel.prefix, text[max(0, start - len(sel.prefix)) : start])
    suffix = _similarity(sel.suffix, text[end : end + len(sel.suffix)])
    position = 1.0 - min(1.0, abs(start - sel.start) / max(len(text), 1))
    parts = {"quote": quote, "prefix": prefix, "suffix": suffix, "position": position}
    combined = sum(_WEIGHTS[k] * v for k, v in parts.items()) / sum(_WEIGHTS.values())
    return combined, quote


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def approximate_anchor(text: str, sel: Selectors) -> Anchoring:
    """The approximate step of :func:`reanchor`: the best-scoring candidate, if it is good enough and unambiguous."""
    scored: list[tuple[float, float, int, int]] = []
    for start, end in _candidates(text, sel):
        start, end = _trim(text, start, end)
        if start < end:
            scored.append((*_score(text, sel, start, end), start, end))
    if not scored:
        return Anchoring("orphaned", score=0.0)
    scored.sort(key=lambda row: (-row[0], row[2]))
    best, quote, start, end = scored[0]
    if quote < QUOTE_MIN or best < ANCHOR_THRESHOLD:
        return Anchoring("orphaned", score=round(best, 3))
    rivals = [row for row in scored[1:] if best - row[0] < AMBIGUITY_MARGIN and not _overlaps(row[2:], (start, end))]
    if rivals:
        return Anchoring("orphaned", score=round(best, 3))
    return Anchoring("fuzzy", start, end, score=round(best, 3))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
