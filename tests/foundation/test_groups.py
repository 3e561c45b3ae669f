"""The groups created by migration can do what they should and nothing more."""

import pytest

EDIT = {
    "claims": ["article", "claim", "evidencelink", "proposedclaim", "evidencesuggestion"],
    "evidence": ["source"],
}
READ_ONLY_FOR_EVERYONE = {
    "evidence": ["mission", "aircraft", "aircrafttype", "organisation", "region", "importrun", "missionregion"],
    "claims": ["entity"],
}


def perms(user, app, model):
    return {action: user.has_perm(f"{app}.{action}_{model}") for action in ("view", "add", "change", "delete")}


@pytest.mark.parametrize("app,model", [(a, m) for a, ms in EDIT.items() for m in ms])
def test_fact_checkers_edit_the_desk_models(factchecker, editor, app, model):
    assert perms(factchecker, app, model) == {"view": True, "add": True, "change": True, "delete": True}
    assert perms(editor, app, model) == {"view": True, "add": False, "change": False, "delete": False}


@pytest.mark.parametrize("app,model", [(a, m) for a, ms in READ_ONLY_FOR_EVERYONE.items() for m in ms])
def test_flight_evidence_is_read_only_for_both_groups(factchecker, editor, app, model):
    for user in (factchecker, editor):
        assert perms(user, app, model) == {"view": True, "add": False, "change": False, "delete": False}


def test_both_groups_may_ask_the_bot_and_outsiders_may_not(factchecker, editor, outsider):
    assert factchecker.has_perm("bot.ask_bot") and editor.has_perm("bot.ask_bot")
    assert not outsider.has_perm("bot.ask_bot")


def test_chat_identities_and_contexts_are_private(factchecker, editor):
    for user in (factchecker, editor):
        assert not user.has_perm("bot.view_chatidentity")
        assert not user.has_perm("bot.view_conversation")
        assert not user.has_perm("auth.view_user")
