"""Reads over the missions' own times (round 18): how long each was heard, when in the UTC day it started, how
many distinct callsigns, types and days a scope holds.

A mission's duration is ``end − start``: the time between the first and the last position the receivers heard
(README: a mission is the airborne part of a trace between reception gaps), a lower bound on the time airborne.
Everything here starts from :func:`evidence.selectors.missions_in_scope` — the one place a scope becomes SQL — and
adds filters on the mission's own columns; the tallies are not used (they hold no times of day or durations).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import DurationField, ExpressionWrapper, F, IntegerField, Max, Min, Q, QuerySet, Sum
from django.db.models.functions import ExtractHour, ExtractMinute

from evidence import selectors as sel
from evidence.models import Mission
from evidence.scope import Scope

#: (comparison, seconds): ">" longer than, ">=" at least, "<" shorter than, "<=" at most.
Lasting = tuple[str, int]
#: [start, end) in minutes of the UTC day; end <= start wraps over midnight.
Window = tuple[int, int]


@dataclass(frozen=True)
class Timed:
    """What a question adds to a scope about the missions' times."""

    window: Window | None = None
    lasting: Lasting | None = None

    def __bool__(self) -> bool:
        return self.window is not None or self.lasting is not None


def _duration() -> ExpressionWrapper:
    return ExpressionWrapper(F("end") - F("start"), output_field=DurationField())


def timed_missions(scope: Scope, timed: Timed = Timed()) -> QuerySet[Mission]:
    """The scope's missions whose start falls in ``timed.window`` (UTC) and whose duration meets ``timed.lasting``."""
    qs = sel.missions_in_scope(scope)
    if timed.window is not None:
        a, b = timed.window
        qs = qs.annotate(minute_of_day=ExpressionWrapper(
            ExtractHour("start", tzinfo=dt.UTC) * 60 + ExtractMinute("start", tzinfo=dt.UTC),
            output_field=IntegerField()))
        qs = qs.filter(Q(minute_of_day__gte=a, minute_of_day__lt=b) if a < b
                       else Q(minute_of_day__gte=a) | Q(minute_of_day__lt=b))
    if timed.lasting is not None:
        op, seconds = timed.lasting
        lookup = {">": "gt", ">=": "gte", "<": "lt", "<=": "lte"}[op]
        qs = qs.filter(**{f"end__{lookup}": F("start") + dt.timedelta(seconds=seconds)})
    return qs


def count_timed(scope: Scope, timed: Timed) -> int:
    return timed_missions(scope, timed).count()


def seconds_of(mission: object) -> float:
    return (mission.end - mission.start).total_seconds()  # type: ignore[attr-defined]


def extreme_missions(scope: Scope, timed: Timed, which: str, *, limit: int = 20) -> list[sel.DisplayMission]:
    """The longest (or shortest) missions of the scope: every one tied at the largest (smallest) duration."""
    qs = timed_missions(scope, timed).annotate(duration=_duration())
    best = qs.aggregate(best=Max("duration") if which == "longest" else Min("duration"))["best"]
    if best is None:
        return []
    return displayed(qs.filter(duration=best).order_by("start", "id")[:limit], scope)


def total_time(scope: Scope, timed: Timed) -> tuple[int, float]:
    """How many missions, and their durations summed in seconds."""
    qs = timed_missions(scope, timed)
    n = qs.count()
    if not n:
        return 0, 0.0
    total = qs.order_by().aggregate(total=Sum(_duration()))["total"]
    return n, total.total_seconds() if total is not None else 0.0


def displayed(qs: QuerySet[Mission], scope: Scope) -> list[sel.DisplayMission]:
    """``qs`` (sliced) as the records an answer cites."""
    return sel.missions_displayed(qs, scope)


def distinct_values(scope: Scope, field: str) -> list[str]:
    """The distinct non-empty callsigns ("callsign") or type designators ("aircraft_type_id") of a scope."""
    qs = sel.missions_in_scope(scope).order_by().exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})
    return sorted(qs.values_list(field, flat=True).distinct())


def days_flown(scope: Scope) -> set[dt.date]:
    """The UTC days the scope's missions start on (the per-day breakdown's days with any)."""
    return {dt.date.fromisoformat(r.key) for r in sel.breakdown(scope, "day") if r.count}
