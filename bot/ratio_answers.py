"""Answers to shares, averages and aircraft counts (questions read by ``bot.nlu.ratios``): every number with the
scope it counts, the division said in words, and the records behind the part."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.answers import Answer
from bot.nlu.query import BotQuery
from bot.nlu.ratios import unit_count
from evidence import selectors as sel
from evidence.describing import describe_scope

#: How many records a share or an average lists (as counts and lists do).
MAX_RECORDS = 50


def _missions(n: int) -> str:
    return f"{n} mission{'s' if n != 1 else ''}"


def percent(part: int, whole: int) -> str:
    """"50 %", "33.3 %", "12.5 %", "less than 0.1 %": a whole number as it is, any other to one decimal, halves
    rounded up (exact decimal arithmetic: 1 of 8 is 12.5 %, never the 12 % of binary round-half-even)."""
    value = (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if part and not value:
        return "less than 0.1 %"  # never "0 %" for a part that is there
    return f"{value:.0f} %" if value == value.to_integral_value() else f"{value} %"


def _records(scope: Any, n: int) -> list[dict[str, Any]]:
    return [sel.mission_to_dict(m) for m in sel.missions_for_display(scope, limit=MAX_RECORDS, total=n)]


def answer_share(query: BotQuery, caveat: str) -> Answer:
    """"2 of 6 missions (33 %)": the part and the whole, each with its whole scope; the part's records."""
    assert query.other is not None
    part_scope, whole_scope = query.scope, query.other
    whole = sel.count_missions(whole_scope)
    part = sel.count_missions(part_scope) if whole else 0
    breakdown = [{"key": "part", "label": "the part", "count": part},
                 {"key": "whole", "label": "the whole", "count": whole}]
    if whole == 0:
        text = (f"0 of 0 missions: there are no missions {describe_scope(whole_scope)}, so there is no share to give "
                "(nothing to divide by).")
        return Answer(text=text, count=None, breakdown=breakdown, notes=[caveat])
    text = (f"{part} of {whole} missions ({percent(part, whole)}).\n"
            f"• The part: {_missions(part)} {describe_scope(part_scope)}.\n"
            f"• The whole: {_missions(whole)} {describe_scope(whole_scope)}.")
    notes = [caveat, "Both counts are lower bounds, so the share is one among the flights that were heard."]
    return Answer(text=text, count=None, breakdown=breakdown, missions=_records(part_scope, part), notes=notes)


def answer_average(query: BotQuery, caveat: str) -> Answer:
    """"4 missions in 2024 over 12 months = 0.33 a month", the period's calendar units said."""
    scope, unit = query.scope, query.baseline
    assert scope.period is not None
    n = sel.count_missions(scope)
    units = unit_count(scope.period, unit)
    period = sel.describe_period(scope.period)
    over = f"{units:g} {unit}s" if units == int(units) else f"{scope.period.days} days / 7 = {units:.2f} weeks"
    text = (f"{_missions(n)} in {period} over {over} = {n / units:.2f} a {unit} on average.\n"
            f"• {_missions(n)} {describe_scope(scope)}.")
    notes = [caveat, f"The average is the count divided by the {unit}s in the period ({_unit_rule(unit)}), "
                     f"empty {unit}s included."]
    return Answer(text=text, count=None, breakdown=[{"key": "total", "label": period, "count": n}],
                  missions=_records(scope, n), notes=notes)


def _unit_rule(unit: str) -> str:
    return {"day": "calendar days", "week": "its days divided by 7", "month": "calendar months"}[unit]


def with_airframes(answer: Answer, query: BotQuery) -> Answer:
    """A count that asked about aircraft says how many aircraft flew its missions, in its first sentence: "4 missions,
    flown by 1 aircraft (Q4 11-2046), …". The number stays the missions (README: "Questions")."""
    if not query.airframes or answer.declined or not answer.count:  # no missions: no aircraft to name
        return answer
    k = sel.airframe_count(query.scope)
    rows, _ = sel.aircraft_with_total(query.scope, limit=3) if 0 < k <= 3 else ([], 0)
    names = " (" + ", ".join(f"{r['type'] or '?'} {r['registration'] or r['hex']}" for r in rows) + ")" if rows \
        else ""
    first, sep, rest = answer.text.partition("\n")
    flown = f"flown by {k} aircraft{names}"
    if first.endswith("."):
        answer.text = f"{first[:-1]}, {flown}.{sep}{rest}"
    else:
        answer.text = f"{first} ({flown}){sep}{rest}"
    answer.notes = [*answer.notes, "The number counts missions (each flight of an aircraft is one); ask \"how many "
                                   "different aircraft\" for the aircraft themselves."]
    return answer
