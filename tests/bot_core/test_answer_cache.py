"""The bot's answer cache (bot/answer_cache.py, issue 12 load): a repeated question is answered without reading it
again, and never with a stale number — every kind of write (the importer, a service, the ORM's bulk paths, raw SQL)
makes the next answer fresh; the conversation, the day and the asker's own bookkeeping are handled per asker."""
from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from bot import services
from bot.models import Conversation, Question
from bot.services import ask
from project.data_version import data_version
from tests.bot_core.conftest import NOW

U2_TEXAS = "how many U-2 missions near Texas in February 2025?"
UNVERIFIED_U2 = "which claims about the U-2 are unverified?"


@pytest.fixture
def fresh_answers(settings, monkeypatch) -> list[str]:
    """The cache on (as in production), and the texts answered afresh, in order."""
    settings.BOT_ANSWER_CACHE_SECONDS = 600
    afresh: list[str] = []
    original = services._answer_afresh

    def counting(text, *args, **kwargs):
        afresh.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(services, "_answer_afresh", counting)
    return afresh


def test_a_repeated_question_is_answered_from_the_cache(demo, fresh_answers):
    # The conversation's last query is part of the question: the first answer's becomes the context of the second.
    first = ask(text=U2_TEXAS, user=demo.editor, platform="api", now=NOW)
    second = ask(text=U2_TEXAS, user=demo.editor, platform="api", now=NOW)
    logged = Question.objects.count()
    version = data_version()
    third = ask(text=U2_TEXAS, user=demo.editor, platform="api", now=NOW)
    assert first.count == second.count == third.count == 1 and third.to_dict() == second.to_dict()
    assert fresh_answers == [U2_TEXAS, U2_TEXAS]
    assert Question.objects.count() == logged + 1  # a hit is logged like any answer …
    assert data_version() == version  # … and the bot's bookkeeping does not count as a change of the data


def _write_u2_flight_file(tmp_path):
    """A second U-2 mission (the demo's airframe ae0907) over Texas on 10 February 2025, as an OpenSky-style CSV."""
    path = tmp_path / "u2.csv"
    start_ms = 1739145600000 + 15 * 3600 * 1000  # 2025-02-10 15:00Z
    rows = ["timestamp,icao24,callsign,latitude,longitude,altitude,groundspeed,track"]
    rows += [f"{start_ms + 60000 * i},ae0907,DRAGN62,{31.0 + 0.02 * i},-100.0,60000,380,0" for i in range(40)]
    path.write_text("\n".join(rows) + "\n")
    return path


def _import(demo, tmp_path):
    from evidence.services.flight_import import import_flight_files

    assert import_flight_files([_write_u2_flight_file(tmp_path)]).missions_created == 1


def _orm_update(demo, tmp_path):
    from evidence.models import MissionRegion

    MissionRegion.objects.filter(mission_id=demo.missions["u2"]).update(distance_nm=400)


def _orm_delete(demo, tmp_path):
    from evidence.models import MissionRegion

    MissionRegion.objects.filter(mission_id=demo.missions["u2"]).delete()


def _raw_sql(demo, tmp_path):
    from evidence.models import MissionRegion

    table = connection.ops.quote_name(MissionRegion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET distance_nm = 400 WHERE mission_id = %s", [demo.missions["u2"]])


@pytest.mark.parametrize("write", [_import, _orm_update, _orm_delete, _raw_sql], ids=lambda f: f.__name__[1:])
def test_every_write_to_the_flight_records_makes_the_next_answer_fresh(demo, fresh_answers, tmp_path, write):
    for _ in range(3):
        assert ask(text=U2_TEXAS, user=demo.editor, platform="api", now=NOW).count == 1
    assert len(fresh_answers) == 2  # the third was a hit
    write(demo, tmp_path)
    after = ask(text=U2_TEXAS, user=demo.editor, platform="api", now=NOW)
    assert after.count == (2 if write is _import else 0), after.text
    assert len(fresh_answers) == 3


def test_a_verdict_changed_through_the_service_makes_the_next_answer_fresh(demo, fresh_answers):
    from claims.models import Claim
    from claims.services import claim_set_verdict

    ask(text=UNVERIFIED_U2, user=demo.editor, platform="api", now=NOW)
    before = ask(text=UNVERIFIED_U2, user=demo.editor, platform="api", now=NOW)
    assert ask(text=UNVERIFIED_U2, user=demo.editor, platform="api", now=NOW).to_dict() == before.to_dict()
    assert fresh_answers == [UNVERIFIED_U2] * 2  # the third was a hit
    assert demo.claims["u2"] in [c["id"] for c in before.claims]
    claim_set_verdict(claim=Claim.objects.get(pk=demo.claims["u2"]), verdict="supported", rationale="Checked.")
    after = ask(text=UNVERIFIED_U2, user=demo.editor, platform="api", now=NOW)
    assert demo.claims["u2"] not in [c["id"] for c in after.claims]
    assert after.count == before.count - 1 and len(fresh_answers) == 3


def test_the_day_and_the_conversation_are_part_of_the_question(demo, fresh_answers):
    ask(text=U2_TEXAS, user=demo.editor, platform="api", now=NOW)
    ask(text=U2_TEXAS, user=demo.editor, platform="api", now=NOW + dt.timedelta(days=1))
    assert len(fresh_answers) == 2  # another day may mean another "February"
    # the same follow-up after two different questions: two different answers
    ask(text="how many P-8 missions in February 2025?", user=demo.editor, platform="slack", channel="C1")
    p8 = ask(text="and in January 2025?", user=demo.editor, platform="slack", channel="C1", now=NOW)
    ask(text=U2_TEXAS, user=demo.editor, platform="slack", channel="C2", now=NOW)
    u2 = ask(text="and in January 2025?", user=demo.editor, platform="slack", channel="C2", now=NOW)
    assert "P-8" in p8.text and "U-2" in u2.text and p8.count != u2.count


def test_a_hit_continues_the_askers_own_conversation(demo, fresh_answers):
    from django.contrib.auth.models import Group, User

    other = User.objects.create_user("second-editor")
    other.groups.add(Group.objects.get(name="Editors"))
    ask(text=U2_TEXAS, user=demo.editor, platform="slack", channel="C9", user_key="U1", now=NOW)
    ask(text=U2_TEXAS, user=other, platform="slack", channel="C9", user_key="U2", now=NOW)
    assert fresh_answers.count(U2_TEXAS) == 1  # the second asker got the cached answer …
    saved = Conversation.objects.get(platform="slack", channel="C9", user_key="U2")
    assert saved.last_query["scope"]["type_designators"] == ["U2"]  # … and their own conversation remembers it
    follow = ask(text="and over California in February 2024?", user=other, platform="slack", channel="C9",
                 user_key="U2", now=NOW)
    assert follow.count == 1 and "U-2" in follow.text, follow.text
