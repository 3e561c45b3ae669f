"""The scope's stored form: what the API returns, the question log keeps and a follow-up reads back."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

from evidence.scope import Period, RegionFilter, Scope

FULL = Scope(
    type_designators=("P8", "U2"), roles=("isr",), surveillance_only=True, operators=("us-navy",),
    regions=(RegionFilter("texas"), RegionFilter("arizona", "near", 20.0)),
    period=Period(dt.date(2025, 1, 25), dt.date(2025, 2, 14), "late January", year_inferred=True, span_days=10),
    orbits_only=True, military_only=True, hexes=("ae6801",),
    and_regions=(RegionFilter("international-airspace", "over"),),
    exclude_types=("E3",), civil_only=False, callsigns=("PELCN11",), exclude_operators=("raf",),
)


def test_every_field_of_the_scope_is_in_its_form_as_plain_json() -> None:
    form = FULL.to_dict()
    assert set(form) == {f.name for f in dataclasses.fields(Scope)}
    assert json.loads(json.dumps(form)) == form  # lists, strings, numbers: nothing a JSON column would change
    assert form["regions"][1] == {"slug": "arizona", "relation": "near", "distance_nm": 20.0}
    assert form["and_regions"] == [{"slug": "international-airspace", "relation": "over", "distance_nm": None}]
    assert form["period"] == {"start": "2025-01-25", "end": "2025-02-14", "text": "late January",
                              "year_inferred": True, "span_days": 10}
    assert form["type_designators"] == ["P8", "U2"] and form["callsigns"] == ["PELCN11"]


def test_the_form_reads_back_as_the_same_scope() -> None:
    for scope in (FULL, Scope(), Scope(period=Period(dt.date(2025, 2, 3), dt.date(2025, 2, 3)))):
        assert Scope.from_dict(json.loads(json.dumps(scope.to_dict()))) == scope


def test_the_form_is_a_copy_changing_it_leaves_the_scope_alone() -> None:
    form = FULL.to_dict()
    form["regions"].append({"slug": "sonora"})
    form["type_designators"].append("E3")
    assert FULL.to_dict()["type_designators"] == ["P8", "U2"] and len(FULL.regions) == 2
