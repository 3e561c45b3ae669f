"""Approximate re-anchoring after real-style edits (typo fixes, inserted paragraphs, reworded or deleted sentences),
on the pure function and through the article-edit API (the claim's stored quote, score and status)."""

import pytest

from claims.anchoring import ANCHOR_THRESHOLD, reanchor, selectors_for_span

BODY = (
    "Navy P-8 Poseidon aircraft have flown at least 18 surveillance missions along the US-Mexico border over the "
    "past 10 days, three US officials told CNN.\n\n"
    "The flights, which also included an Air Force U-2 spy plane, marked a sharp increase in surveillance activity. "
    "One official said they could not recall a U-2 being deployed for this purpose previously.\n\n"
    "A Pentagon spokesperson declined to comment on the missions."
)
QUOTE = "they could not recall a U-2 being deployed for this purpose previously"


def _sel(body: str = BODY, quote: str = QUOTE):
    start = body.index(quote)
    return selectors_for_span(body, start, start + len(quote))


def test_typo_fix_inside_the_quote_reanchors_approximately():
    sel = _sel(BODY.replace(QUOTE, QUOTE.replace("recall", "recal")), QUOTE.replace("recall", "recal"))
    result = reanchor(BODY, sel)
    assert result.status == "fuzzy"
    assert BODY[result.start : result.end] == QUOTE
    assert ANCHOR_THRESHOLD <= result.score < 1


def test_inserted_paragraph_and_typo_fix_together():
    sel = _sel()
    edited = BODY.replace("previously", "before").replace(
        "\n\nA Pentagon", "\n\nUpdate, Feb 6: the Pentagon confirmed the flights.\n\nA Pentagon"
    )
    edited = "Editor's note: this story has been updated.\n\n" + edited
    result = reanchor(edited, sel)
    assert result.status == "fuzzy"
    assert edited[result.start : result.end] == QUOTE.replace("previously", "before")


def test_lightly_reworded_sentence_is_found_heavily_reworded_is_an_orphan():
    sel = _sel()
    light = BODY.replace(QUOTE, "they could not remember a U-2 being deployed for this purpose before")
    result = reanchor(light, sel)
    assert result.status == "fuzzy"
    assert light[result.start : result.end].startswith("they could not remember a U-2")
    heavy = BODY.replace(QUOTE, "U-2 flights of this kind had, to their knowledge, no precedent")
    assert reanchor(heavy, sel).status == "orphaned"


def test_deleted_quote_is_an_orphan_even_though_its_context_remains():
    sel = _sel()
    edited = BODY.replace(" One official said " + QUOTE + ".", "")
    result = reanchor(edited, sel)
    assert result.status == "orphaned" and result.start is None
    assert result.score < ANCHOR_THRESHOLD


def test_an_edited_short_quote_does_not_jump_to_an_unchanged_repeat_elsewhere():
    text = "Officials said a U-2 flew on February 3. Later, a U-2 flew again, officials said."
    start = text.index("a U-2 flew again")
    sel = selectors_for_span(text, start, start + len("a U-2 flew"))
    edited = text.replace("a U-2 flew again", "a U-2 flw again")
    result = reanchor(edited, sel)
    assert (result.status, result.start) == ("fuzzy", edited.index("a U-2 flw again"))


def test_two_equally_good_approximate_places_are_an_orphan_not_a_guess():
    text = "Alpha. The P-8 flew near Texas. Beta. The P-8 flew near Texas. Gamma."
    sel = selectors_for_span(text, text.index("The P-8"), text.index("The P-8") + len("The P-8 flew near Texas"))
    edited = "Alpha. The P-8 flew nearby Texas. Beta. The P-8 flew nearby Texas. Gamma."
    # The prefix "Alpha. " still favours the first: not ambiguous. Remove it and both fit alike.
    assert reanchor(edited, sel).status == "fuzzy"
    bare = selectors_for_span("x The P-8 flew near Texas y", 2, 25)
    both = "a The P-8 flew nearby Texas b. c The P-8 flew nearby Texas d"
    assert reanchor(both, bare).status == "orphaned"


def test_many_distinct_characters_are_handled():
    cjk, kana = "".join(chr(0x4E00 + i) for i in range(400)), "".join(chr(0x3040 + i) for i in range(80))
    text = cjk + " " + QUOTE + " " + kana
    sel = _sel(text)
    edited = text.replace("recall", "recal")
    assert reanchor(edited, sel).status == "fuzzy"


@pytest.mark.django_db
def test_editing_through_the_api_keeps_an_orphans_old_quote_and_records_an_edit(
    fc_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article_id = fc_client.post(
            "/api/articles/", {"title": "Border flights", "body": BODY, "outlet": "CNN"}, format="json"
        ).json()["id"]
    start = BODY.index(QUOTE)
    fuzzy = fc_client.post(
        "/api/claims/", {"article": article_id, "start": start, "end": start + len(QUOTE)}, format="json"
    ).json()
    p8 = BODY.index("Navy P-8")
    gone_quote = "Navy P-8 Poseidon aircraft have flown at least 18 surveillance missions"
    gone = fc_client.post(
        "/api/claims/", {"article": article_id, "start": p8, "end": p8 + len(gone_quote)}, format="json"
    ).json()
    edited = BODY.replace("previously", "before").replace(gone_quote, "Navy planes have been busy")
    with django_capture_on_commit_callbacks(execute=True):
        response = fc_client.patch(f"/api/articles/{article_id}/", {"body": edited}, format="json")
    assert response.status_code == 200, response.content
    after = fc_client.get(f"/api/claims/{fuzzy['id']}/").json()
    assert after["anchor_status"] == "fuzzy"
    assert after["exact"] == QUOTE.replace("previously", "before") and after["previous_exact"] == QUOTE
    assert 0.7 <= after["anchor_score"] < 1
    orphan = fc_client.get(f"/api/claims/{gone['id']}/").json()
    assert orphan["anchor_status"] == "orphaned" and orphan["exact"] == gone_quote
    assert orphan["anchor_score"] < 0.7
