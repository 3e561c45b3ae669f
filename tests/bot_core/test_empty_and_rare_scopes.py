"""Answers whose scope holds no mission, or a rare kind of mission, must not walk every mission to find none
(docs/PERFORMANCE.md, "every shape at 1 M missions on PostgreSQL": seconds at 1 M missions on SQLite)."""
from __future__ import annotations

import pytest
from django.db import connection

from bot.services import ask
from evidence import selectors as s
from evidence.models import Mission
from evidence.scope import RegionFilter, Scope
from tests.bot_core.conftest import NOW


def test_a_zero_count_looks_for_no_records(demo, django_assert_num_queries):
    scope = Scope(regions=(RegionFilter("texas", "near"),), operators=("raf",))
    assert s.count_missions(scope) == 0
    with django_assert_num_queries(0):
        assert s.missions_for_display(scope, total=0) == []
    assert s.missions_for_display(scope) == []  # (no total given: looked up, none)


def test_no_aircraft_is_said_without_a_double_negative(demo):
    answer = ask(text="which aircraft flew near Kaliningrad in 2024?", user=demo.editor, platform="cli", now=NOW)
    assert answer.count == 0 and not answer.declined
    assert answer.text.startswith("No aircraft flew any missions within 50 nm of Kaliningrad"), answer.text
    assert "no missions" not in answer.text.lower()


@pytest.mark.django_db
def test_missions_with_orbits_are_searched_by_the_orbit_index():
    """Django writes ``has_orbit = true`` as the bare column, which SQLite cannot search an index by (a count of
    missions with orbits read every entry: 86 ms at 1 M missions): the scope asks ``IN (true)`` instead."""
    sql, params = s.missions_in_scope(Scope(orbits_only=True)).order_by().values("id").query.sql_with_params()
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's plan")
    with connection.cursor() as cursor:
        plan = " ".join(str(r) for r in cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())
    assert "SEARCH" in plan and "has_orbit" in plan, plan


def test_orbits_only_counts_the_missions_that_orbited(demo):
    assert s.count_missions(Scope(orbits_only=True)) == Mission.objects.filter(has_orbit=True).count() > 0
