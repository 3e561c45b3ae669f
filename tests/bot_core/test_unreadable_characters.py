"""Issue 12, defect 3: ask() never raises, whatever characters the text holds. Lone UTF-16 surrogates (which UTF-8
cannot encode) and NUL (which PostgreSQL refuses in text) are declined with a message that says what and where; the
question log stores them as visible escapes and never raises."""
from __future__ import annotations

import json

import pytest

from bot.models import Conversation, Question
from bot.services import ask, storable_text
from tests.bot_core.conftest import NOW


@pytest.mark.parametrize(
    ("text", "what", "position"),
    [
        ("\ud800", "lone surrogate (U+D800)", 1),
        ("how many U-2 missions near Texas\udfff?", "lone surrogate (U+DFFF)", 33),
        ("which claims are attributed to the \x00czar?", "NUL character", 36),
        ("\x00", "NUL character", 1),
    ],
)
def test_unreadable_characters_are_declined_and_logged(demo, text, what, position):
    before = Question.objects.count()
    answer = ask(text=text, user=demo.editor, platform="api", now=NOW)
    assert answer.declined and answer.reason == "invalid", answer.text
    assert f"{what} at position {position}" in answer.text
    json.dumps(answer.to_dict())
    logged = Question.objects.order_by("-pk").first()
    assert Question.objects.count() == before + 1 and logged.declined
    assert logged.text == storable_text(text) and "\x00" not in logged.text
    logged.text.encode("utf-8")  # storable: no lone surrogate left


def test_storable_text_escapes_only_what_cannot_be_stored():
    assert storable_text("a\ud800b\x00c") == "a\\ud800b\\x00c"
    assert storable_text("✈️ Ťexas عربي 🇺🇸") == "✈️ Ťexas عربي 🇺🇸"
    assert storable_text(None) == ""


def test_unstorable_conversation_keys_still_answer(demo):
    answer = ask(text="how many U-2 missions near Texas in February?", user=demo.editor, platform="slack",
                 channel="C\ud800", thread="T\x00", user_key="U\udc00", now=NOW)
    assert answer.reason != "error" and answer.count == 1, answer.text
    assert Conversation.objects.filter(channel="C\\ud800", thread="T\\x00", user_key="U\\udc00").exists()


def test_the_question_log_never_raises(demo, monkeypatch):
    """Whatever the log's write raises, the answer is still given (the log is not worth a 500)."""
    from bot import services

    def refuse(*_args, **_kwargs):
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(services.bookkeeping, "write", refuse)
    answer = ask(text="how many U-2 missions near Texas in February?", user=demo.editor, platform="api", now=NOW)
    assert answer.count == 1 and not answer.declined
