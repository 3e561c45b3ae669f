"""When the pre-aggregated tallies (evidence/tally.py) can answer a scope, and the rows that answer it.

A tally row counts the missions of one airframe and type in one UTC month — all of them, or per region those within
the tallies' "near" distance and those over it. So the tallies answer a scope whose every constraint is one of
those keys or a property of the airframe:

* at most one place, "over" it or "near" it at exactly the tallies' distance (several places would count a mission
  near two of them twice; other distances need the mission's own rows), or one place AND another ("in international
  airspace off Texas") from the pair tally; more places than that need the mission's own rows;
* types, roles, "other than" types; operators, "excluding" operators, military/civil, airframes (hex);
* a period: its whole UTC months from the tallies, the days before the first and after the last whole month from
  the missions (the caller adds them: :func:`tallied` returns those parts as scopes).

Orbits, callsigns and a "busiest N days" span are about single missions: never from the tallies. A scope with a
period but no whole month is left to the missions too (a few days' rows are cheap). ``MISSION_TALLY_READS=false``
turns the reads off; the tallies are read only while their state row says they are ready.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.conf import settings
from django.db.models import QuerySet, Sum

from evidence import selectors
from evidence.models import DayTally, MissionTally, PairTally, RegionTally, TallyState
from evidence.scope import Period, RegionFilter, Scope


def _state() -> TallyState | None:
    return selectors.cached_reference("tally_state", lambda: TallyState.objects.filter(pk=1).first())


def counter(scope: Scope) -> str | None:
    """Which count answers the scope — "missions" (no place), "near" or "over" (its one place), or for one place
    AND another the pair tally's "<a>_<b>" ("over_near": over the place of smaller id, near the other) — or None
    when the tallies cannot answer it."""
    if not settings.MISSION_TALLY_READS or scope.orbits_only or scope.callsigns:
        return None
    if len(scope.regions) > 1 or len(scope.and_regions) > 1 or (scope.period is not None and scope.period.span_days):
        return None
    state = _state()
    if state is None or not state.ready:
        return None
    if not scope.regions:
        return None if scope.and_regions else "missions"
    relations = [_relation(place, state.near_nm) for place in (*scope.regions, *scope.and_regions)]
    if None in relations:
        return None
    if not scope.and_regions:
        return relations[0]
    ids = _pair_ids(scope)
    if ids is None:
        return None
    return "_".join(relations if ids[0] < ids[1] else relations[::-1])


def _relation(place: RegionFilter, near_nm: float) -> str | None:
    if place.relation == "over":
        return "over"
    return "near" if selectors.region_distance(place) == near_nm else None


def _pair_ids(scope: Scope) -> tuple[int, int] | None:
    """The ids of a scope's place and its AND place, as stored (an unknown place: -1 or -2, which no row holds);
    None for the same place twice."""
    found = [selectors.region_by_slug(place.slug) for place in (scope.regions[0], scope.and_regions[0])]
    ids = (found[0].pk if found[0] else -1, found[1].pk if found[1] else -2)
    return None if ids[0] == ids[1] else ids


def whole_months(period: Period) -> tuple[tuple[dt.date, dt.date] | None, list[Period]]:
    """The period's whole UTC months as [first month, month after the last) and the days outside them (at most two
    parts); (None, [period]) when it holds no whole month."""
    first = period.start if period.start.day == 1 else _next_month(period.start)
    after = (period.end + dt.timedelta(days=1)).replace(day=1)
    if first >= after:
        return None, [period]
    rest = []
    if period.start < first:
        rest.append(replace(period, end=first - dt.timedelta(days=1)))
    if after <= period.end:
        rest.append(replace(period, start=after))
    return (first, after), rest


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def tallied(scope: Scope, *, over_regions: bool = False) -> tuple[QuerySet, str, list[Scope]] | None:
    """The tally rows answering ``scope`` (filtered, not yet summed), the column to sum, and the parts of the scope
    the missions must answer (the days outside whole months); None when the tallies cannot answer.

    ``over_regions``: the region rows flown over for a scope without places ("which states did they fly over"),
    grouped by the caller."""
    count = counter(scope)
    if count is None or (over_regions and count != "missions"):
        return None
    months, rest = (None, []) if scope.period is None else whole_months(scope.period)
    if scope.period is not None and months is None:
        return None
    if over_regions:
        count, rows = "over", RegionTally.objects.all()
    elif scope.and_regions:
        a, b = sorted(_pair_ids(scope))  # (counter() made sure there are two different ones)
        rows = PairTally.objects.filter(region_a_id=a, region_b_id=b)
    elif scope.regions:
        region = selectors.region_by_slug(scope.regions[0].slug)
        rows = RegionTally.objects.filter(region_id=region.pk if region is not None else -1)
    else:
        rows = MissionTally.objects.all()
    rows = _filtered(rows.filter(**{f"{count}__gt": 0}), scope)
    if months is not None:
        rows = rows.filter(month__gte=months[0], month__lt=months[1])
    return rows, count, [scope.with_changes(period=part) for part in rest]


def _filtered(rows: QuerySet, scope: Scope) -> QuerySet:
    """The scope's constraints on type and airframe, as :func:`evidence.selectors.missions_in_scope` applies them
    to missions (the same lookups, so "excluding" keeps what it keeps there)."""
    types = selectors.scope_types(scope)
    if types is not None:
        rows = rows.filter(designator__in=sorted(types))
    if scope.exclude_types:
        rows = rows.exclude(designator__in=sorted(scope.exclude_types))
    rows = selectors.with_airframes(rows, scope)  # operators as their airframes: no join per tally row
    if scope.military_only:
        rows = rows.filter(aircraft__military=True)
    if scope.civil_only:
        rows = rows.filter(aircraft__military=False)
    return rows


def total(rows: QuerySet, count: str) -> int:
    return rows.order_by().aggregate(n=Sum(count))["n"] or 0


def grouped(rows: QuerySet, count: str, *fields: str) -> list[tuple]:
    """(field values…, count) per group of ``fields``."""
    return [(*row[:-1], row[-1]) for row in
            rows.order_by().values(*fields).annotate(n=Sum(count)).values_list(*fields, "n") if row[-1]]


def days(scope: Scope) -> QuerySet | None:
    """The day tally's rows for a scope that names only types and a period (per-day and per-week breakdowns, the
    busiest day): exact to the day, no whole months needed. None for any other scope."""
    if not settings.MISSION_TALLY_READS or scope.period is None or scope.period.span_days:
        return None
    if scope.with_changes(type_designators=(), roles=(), surveillance_only=False, exclude_types=(),
                          period=None) != Scope():
        return None
    state = _state()
    if state is None or not state.ready:
        return None
    rows = DayTally.objects.filter(day__gte=scope.period.start, day__lte=scope.period.end, missions__gt=0)
    return _filtered(rows, scope)
