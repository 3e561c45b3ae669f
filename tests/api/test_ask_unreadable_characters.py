"""Issue 12, defect 3 through the API: a lone surrogate or a NUL in a question is a 400 that says what is wrong and
where (the field), never a 500."""
from __future__ import annotations

import pytest

from bot.models import Question


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"text": "\\ud800"}', "Surrogate characters are not allowed: U+D800."),
        (b'{"text": "claims attributed to the \\u0000czar"}', "Null characters are not allowed."),
        (b'{"text": "how many U-2 missions?", "channel": "C\\udfff"}', "Surrogate characters are not allowed: U+DFFF."),
    ],
)
def test_unreadable_characters_are_a_400(editor_client, raw: bytes, message: str) -> None:
    response = editor_client.post("/api/ask/", raw, content_type="application/json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert message in str(body), body
    assert not Question.objects.exists()
