"""W3C selector anchoring: computed selectors, re-anchoring after edits, orphans never moved."""

import pytest

from claims.anchoring import SelectionError, reanchor, selectors_for_span

TEXT = "Officials said a U-2 flew on February 3. Later, a U-2 flew again, officials said."


def test_selectors_are_computed_from_offsets_and_trim_white_space():
    start = TEXT.index("a U-2 flew on")
    sel = selectors_for_span(TEXT, start - 1, start + len("a U-2 flew on February 3") + 0)
    assert sel.exact == "a U-2 flew on February 3"
    assert sel.start == start and sel.end == start + len(sel.exact)
    assert sel.prefix == TEXT[max(0, start - 32) : start]
    assert sel.suffix == TEXT[sel.end : sel.end + 32]


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (10, 3), (0, 10_000)])
def test_bad_selection_is_refused(start, end):
    with pytest.raises(SelectionError):
        selectors_for_span(TEXT, start, end)


def test_white_space_only_selection_is_refused():
    with pytest.raises(SelectionError, match="white space"):
        selectors_for_span("a    b", 1, 5)


def test_offsets_count_code_points_with_emoji():
    text = "🛩️ Breaking: a P-8 flew over Texas 🇺🇸 on Monday."
    start = text.index("a P-8")
    sel = selectors_for_span(text, start, start + len("a P-8 flew over Texas"))
    assert text[sel.start : sel.end] == "a P-8 flew over Texas"


def test_unchanged_position_stays_anchored():
    sel = selectors_for_span(TEXT, 0, 14)
    assert reanchor(TEXT, sel).status == "anchored"


def test_inserted_text_moves_the_quote_to_its_new_place():
    start = TEXT.index("a U-2 flew on")
    sel = selectors_for_span(TEXT, start, start + len("a U-2 flew on February 3"))
    edited = "UPDATE: corrected. " + TEXT
    result = reanchor(edited, sel)
    assert result.status == "moved"
    assert edited[result.start : result.end] == sel.exact


def test_repeated_short_quote_is_disambiguated_by_context():
    second = TEXT.index("a U-2 flew again")
    sel = selectors_for_span(TEXT, second, second + len("a U-2 flew"))
    edited = "Note. " + TEXT
    result = reanchor(edited, sel)
    assert result.status == "moved"
    assert result.start == edited.index("a U-2 flew again")


def test_deleted_quote_is_orphaned_not_moved():
    start = TEXT.index("a U-2 flew on")
    sel = selectors_for_span(TEXT, start, start + len("a U-2 flew on February 3"))
    edited = TEXT.replace("a U-2 flew on February 3", "an aircraft flew")
    assert reanchor(edited, sel).status == "orphaned"


def test_reflowed_white_space_and_curly_quotes_still_anchor():
    text = 'He said "at least 18 missions" were flown.'
    start = text.index('"at least')
    sel = selectors_for_span(text, start, start + len('"at least 18 missions"'))
    edited = "He said \u201cat least  18\nmissions\u201d were flown."
    result = reanchor(edited, sel)
    assert result.status == "moved"
    assert "18" in edited[result.start : result.end] and edited[result.start : result.end].endswith("\u201d")
