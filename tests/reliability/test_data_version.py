"""project.data_version: every committed write through Django moves the data version on (the bot's answer cache is
keyed on it) — autocommit writes at once, a transaction's when it commits, a rolled-back one never; the bot's own
bookkeeping does not count. Run with real commits (``transactional_db``) and the production rule
(``DATA_VERSION_BUMP_EACH_WRITE`` off)."""
from __future__ import annotations

import pytest
from django.db import connection, transaction

from project.data_version import data_version, is_write


@pytest.mark.parametrize(
    ("sql", "write"),
    [
        ('SELECT "evidence_mission"."id" FROM "evidence_mission"', False),
        ("  select 1", False),
        ("SET LOCAL synchronous_commit TO OFF", False),
        ("SAVEPOINT s1", False),
        ('INSERT INTO "evidence_mission" ("id") VALUES (%s)', True),
        ('UPDATE "claims_claim" SET "verdict" = %s', True),
        ('DELETE FROM "evidence_missionregion" WHERE "mission_id" = %s', True),
        ("WITH x AS (DELETE FROM evidence_mission RETURNING id) SELECT 1", True),  # unknown shape: a write
        ("TRUNCATE evidence_mission", True),
        ('INSERT INTO "bot_question" ("text") VALUES (%s)', False),
        ('INSERT INTO "bot_conversation" ("platform") VALUES (%s) ON CONFLICT DO NOTHING', False),
        ('UPDATE "django_session" SET "expire_date" = %s', False),
        ('SET LOCAL synchronous_commit TO OFF; INSERT INTO "bot_question" ("text") VALUES (%s)', False),
        ('SELECT 1; UPDATE "claims_claim" SET "verdict" = %s', True),  # several statements: any write counts
    ],
)
def test_which_statements_are_writes(sql, write):
    assert is_write(sql) is write


@pytest.fixture
def production_rule(settings):
    settings.DATA_VERSION_BUMP_EACH_WRITE = False


def _organisation(slug: str):
    from evidence.models import Organisation

    return Organisation.objects.create(slug=slug, name=slug.upper())


def test_an_autocommit_write_moves_it_at_once(transactional_db, production_rule):
    before = data_version()
    _organisation("dv-autocommit")
    assert data_version() > before


def test_a_transaction_moves_it_when_it_commits_once(transactional_db, production_rule):
    before = data_version()
    with transaction.atomic():
        _organisation("dv-one")
        _organisation("dv-two")
        with transaction.atomic():  # a savepoint
            _organisation("dv-three")
        assert data_version() == before  # nobody else can read the rows yet: answers under `before` are right
    assert data_version() == before + 1


def test_a_rolled_back_transaction_does_not_move_it(transactional_db, production_rule):
    before = data_version()
    with transaction.atomic():
        _organisation("dv-rolled-back")
        transaction.set_rollback(True)
    assert data_version() == before


def test_a_raw_statement_and_a_bulk_update_move_it(transactional_db, production_rule):
    from evidence.models import Organisation

    _organisation("dv-raw")
    before = data_version()
    Organisation.objects.filter(slug="dv-raw").update(name="Renamed")
    assert data_version() == before + 1
    table = connection.ops.quote_name(Organisation._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET name = %s WHERE slug = %s", ["Again", "dv-raw"])
    assert data_version() == before + 2


def test_the_bots_bookkeeping_does_not_move_it(transactional_db, production_rule):
    from bot import bookkeeping

    before = data_version()
    key = {"platform": "api", "channel": "", "thread": "", "user_key": "user:1"}
    question = {"platform": "api", "user_id": None, "text": "how many?", "query": {}, "count": 1,
                "declined": False, "duration_ms": 1.0}
    bookkeeping.write(question, (key, {"intent": "count"}))
    bookkeeping.write(question, (key, {"intent": "list"}))
    assert bookkeeping.stored_context(key) == {"intent": "list"}
    assert data_version() == before
