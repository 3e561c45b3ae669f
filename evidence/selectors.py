"""Reads over missions: the one place a :class:`~evidence.scope.Scope` becomes SQL.

Everything that answers "how many / which / when" about flights (the chat bot, the claim checker, the API) goes
through :func:`missions_in_scope`, so a question and a claim with the same scope always count the same missions.
The query is fixed and parameterised: a scope only chooses values and which of a fixed set of filters apply; no text
ever reaches SQL.

Semantics (stated in every bot answer):

* a mission belongs to a period when it *starts* inside it (UTC calendar days, inclusive), so per-day/week/month
  breakdowns add up to the total and a mission crossing midnight is counted once;
* "over X" means ``MissionRegion.over``; "near X" means within ``distance_nm`` (default ``settings.NEAR_NM``) of X,
  over included — ``MissionRegion.distance_nm`` is 0 when over, so both are ranges on the same index;
* several regions are alternatives (OR), as are several types; fields combine with AND.
"""
from __future__ import annotations

import calendar
import datetime as dt
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal, TypeVar

import numpy as np
from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncDay, TruncMonth, TruncWeek
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from evidence.models import Aircraft, AircraftType, Mission, MissionRegion, Organisation, Region
from evidence.scope import Period, RegionFilter, Scope

BreakdownKey = Literal["day", "week", "month", "year", "type", "region", "operator"]

#: Role keys people mean by "surveillance", "spy planes", "ISR": the ``is_surveillance`` flag decides, not a list here.
SURVEILLANCE_ROLE = "surveillance"


# --- reference data ---------------------------------------------------------------------------------------------
#
# Region ids and names, type names, which designators are surveillance (or have a role), operator names: a handful
# of rows that change only when someone edits the reference data (seed_reference, the admin). Every answer needs some
# of them, several times; they are read once per process and kept for REFERENCE_TTL_S (like the parser's vocabulary),
# and dropped at once when this process saves or deletes a Region, AircraftType or Organisation.

REFERENCE_TTL_S = 60.0
_T = TypeVar("_T")


class _ReferenceCache:
    def __init__(self) -> None:
        self._data: dict[Any, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Any, load: Callable[[], _T]) -> _T:
        hit = self._data.get(key)
        now = time.monotonic()
        if hit is not None and hit[0] > now:
            return hit[1]
        value = load()
        with self._lock:
            self._data[key] = (now + REFERENCE_TTL_S, value)
        return value

    def drop(self, *keys: Any) -> None:
        with self._lock:
            for key in keys:
                self._data.pop(key, None)

    def clear(self, **_: Any) -> None:
        with self._lock:
            self._data.clear()


_reference = _ReferenceCache()
clear_reference_cache = _reference.clear
cached_reference = _reference.get
for _model in (Region, AircraftType, Organisation):
    for _signal in (post_save, post_delete):
        _signal.connect(clear_reference_cache, sender=_model, dispatch_uid=f"evidence.ref.{_model.__name__}")


def regions_by_slug() -> dict[str, Region]:
    """Every region (without its geometry), by slug: ids for the queries, names for the answers."""
    return _reference.get("regions", lambda: {r.slug: r for r in Region.objects.defer("geometry_wkb")})


def _regions_by_id() -> dict[int, Region]:
    return _reference.get("regions_by_id", lambda: {r.pk: r for r in regions_by_slug().values()})


def region_by_slug(slug: str) -> Region | None:
    """The region (without geometry) for a slug; one that is not cached (added by another process within the last
    minute) is looked up again before it counts as unknown."""
    region = regions_by_slug().get(slug)
    if region is None:
        _reference.drop("regions", "regions_by_id")
        region = regions_by_slug().get(slug)
    return region


def type_names(designators: Iterable[str]) -> dict[str, str]:
    """Designator → display name for the given designators (unknown ones left out)."""
    wanted = tuple(sorted(set(designators)))
    if not wanted:
        return {}
    return _reference.get(
        ("type_names", wanted),
        lambda: dict(AircraftType.objects.filter(designator__in=wanted).values_list("designator", "name")),
    )


def organisation_names(slugs: Iterable[str]) -> dict[str, str]:
    wanted = tuple(sorted(set(slugs)))
    if not wanted:
        return {}
    return _reference.get(
        ("org_names", wanted), lambda: dict(Organisation.objects.filter(slug__in=wanted).values_list("slug", "name"))
    )


def surveillance_designators() -> frozenset[str]:
    return _reference.get(
        "surveillance",
        lambda: frozenset(AircraftType.objects.filter(is_surveillance=True).values_list("designator", flat=True)),
    )


def role_designators(roles: Iterable[str]) -> frozenset[str]:
    wanted = tuple(sorted(set(roles)))
    return _reference.get(
        ("roles", wanted),
        lambda: frozenset(AircraftType.objects.filter(role__in=wanted).values_list("designator", flat=True)),
    )


def near_nm() -> float:
    return float(settings.NEAR_NM)


def region_distance(rf: RegionFilter) -> float:
    """The distance a region filter allows: 0 for "over", its own distance or NEAR_NM for "near"."""
    if rf.relation == "over":
        return 0.0
    return float(rf.distance_nm if rf.distance_nm is not None else near_nm())


def region_measured_nm(region: Region) -> float:
    """How far from a region the import measured distances: region rows exist only within this many nautical miles
    (``POINT_REGION_CAP_NM`` for air bases and airports, ``REGION_DISTANCE_CAP_NM`` for the rest)."""
    from evidence.geo.tagging import region_cap_nm

    cap = region_cap_nm(region.kind)
    return float(cap if cap is not None else settings.REGION_DISTANCE_CAP_NM)


#: Kinds of region a point is said to lie in, when a city is named that is no region (bot.nlu.places).
_CONTAINING_KINDS = ("us_state", "mx_state", "subdivision")


def places_at_point(lat: float, lon: float, *, within_nm: float = 25.0, bases: int = 2) -> list[tuple[str, float]]:
    """Known places at a point, as (name, nautical miles): the state or province it lies in (0), then up to ``bases``
    air bases within ``within_nm``, nearest first. For a city that is not a region: what the editor can ask instead."""
    import shapely

    from evidence.flightdata.sorties import haversine_nm

    pad = within_nm / 60.0
    near = Region.objects.filter(min_lat__lte=lat + pad, max_lat__gte=lat - pad, min_lon__lte=lon + pad * 2,
                                 max_lon__gte=lon - pad * 2, kind__in=("airbase", *_CONTAINING_KINDS))
    point, inside, found = shapely.Point(lon, lat), [], []
    for region in near:
        geometry = shapely.from_wkb(bytes(region.geometry_wkb))
        if region.kind != "airbase":
            if geometry.contains(point):
                inside.append((region.name, 0.0))
            continue
        c = geometry.centroid
        nm = float(haversine_nm(np.array([lat]), np.array([lon]), np.array([c.y]), np.array([c.x]))[0])
        if nm <= within_nm:
            found.append((region.name, round(nm, 1)))
    return inside[:1] + sorted(found, key=lambda f: f[1])[:bases]


def distances_beyond_measurement(scope: Scope) -> list[str]:
    """The "within N nm of X" a scope asks for beyond what the records measured around X, in words ("300 nm of
    Texas (measured up to 250 nm)"). A count over such a scope would silently miss every mission between the two
    distances, so the bot and the claim checker refuse it instead. Empty when every distance is measured."""
    beyond = []
    for rf in (*scope.regions, *scope.and_regions):
        region = region_by_slug(rf.slug)
        if region is None or rf.relation == "over":
            continue
        cap = region_measured_nm(region)
        if region_distance(rf) > cap + 1e-9:
            beyond.append(f"{region_distance(rf):g} nm of {region.name} (measured up to {cap:g} nm)")
    return beyond


def period_bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """Half-open UTC datetimes [start of first day, start of the day after the last day)."""
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    return start, end


def scope_types(scope: Scope) -> frozenset[str] | None:
    """The aircraft types a scope allows (designators, roles and "surveillance" are alternatives; "surveillance
    only" then narrows), or None when it does not constrain the type. May be empty: nothing matches."""
    allowed: set[str] | None = None
    roles = [r for r in scope.roles if r != SURVEILLANCE_ROLE]
    if scope.type_designators or scope.roles:
        allowed = set(scope.type_designators)
        if roles:
            allowed |= role_designators(roles)
        if SURVEILLANCE_ROLE in scope.roles:
            allowed |= surveillance_designators()
    if scope.surveillance_only:
        allowed = set(surveillance_designators()) if allowed is None else allowed & surveillance_designators()
    return None if allowed is None else frozenset(allowed)


#: Up to how many airframes an operator filter is written as the list of their addresses (the planner then knows
#: how many rows it keeps); more are read through a subquery (a list that long would pass SQLite's parameter limit).
AIRFRAMES_LISTED_MAX = 2_000


def operator_airframes(slugs: Iterable[str]) -> list[str] | QuerySet[Aircraft]:
    """The airframes (ICAO hex) of the operators ``slugs``, read once for the query that filters by them: missions,
    region rows and tally rows all name their airframe, so none needs joining to its aircraft and operator (all US
    operators near Texas in 2025 at 1 M missions on PostgreSQL: the tally sum joined per airframe, 52 ms, and the
    records walked 84,000 missions with the join, 236 ms). Read per query, not cached: an airframe's operator can
    change at any import."""
    hexes = Aircraft.objects.filter(operator__slug__in=sorted(slugs)).order_by().values_list("hex", flat=True)
    listed = sorted(hexes[:AIRFRAMES_LISTED_MAX + 1])
    return listed if len(listed) <= AIRFRAMES_LISTED_MAX else hexes


def with_airframes(rows: QuerySet, scope: Scope) -> QuerySet:
    """``rows`` — missions, region rows or tally rows: each names its airframe — kept to the scope's operators and
    airframes, less the excluded operators' (an airframe with no known operator is none of them: kept)."""
    if scope.operators:
        rows = rows.filter(aircraft_id__in=operator_airframes(scope.operators))
    if scope.exclude_operators:
        rows = rows.exclude(aircraft_id__in=operator_airframes(scope.exclude_operators))
    if scope.hexes:
        rows = rows.filter(aircraft_id__in=sorted(scope.hexes))
    return rows


def _region_links(scope: Scope, types: frozenset[str] | None = None) -> QuerySet[MissionRegion]:
    """The region rows a scope's places select: one filter per place (OR), each a range of one index.

    The region ids come from the reference cache as constants, so the planner can estimate how many rows a place
    holds. With ``types`` (the scope's aircraft types, denormalised on the row), the rows are one range per place and
    type of ``(region, aircraft_type, mission_start, distance_nm, over, mission)``: a rare type near a busy region
    reads only its own rows. Without, ``(region, mission_start, distance_nm, over, mission)``. "over" is the
    importer's flag; "near" is ``distance_nm <= d``, and ``distance_nm`` is 0 when over, so over is included.
    """
    place_q = Q()
    for rf in scope.regions:
        region = region_by_slug(rf.slug)
        one = Q(region_id=region.pk if region is not None else -1)
        one &= Q(over=True) if rf.relation == "over" else Q(distance_nm__lte=region_distance(rf))
        place_q |= one
    links = MissionRegion.objects.filter(place_q)
    if scope.orbits_only:  # the mission's flag on its rows: the bare column, as the partial index's condition reads
        links = links.filter(has_orbit=True)
    links = with_airframes(links, scope)
    if types is not None:
        links = links.filter(aircraft_type_id__in=sorted(types))
    if scope.period is not None:
        start, end = period_bounds(scope.period)
        links = links.filter(mission_start__gte=start, mission_start__lt=end)
    return links


def _links_only(scope: Scope) -> bool:
    """Whether the region rows alone decide the scope: places, types, period, orbits and airframes (each denormalised
    on the rows; operators as their airframes), nothing else about the aircraft."""
    return bool(scope.regions) and not (scope.military_only or scope.and_regions or scope.exclude_types
                                        or scope.civil_only or scope.callsigns)


def missions_in_scope(scope: Scope, *, walk: bool = False, since: dt.datetime | None = None) -> QuerySet[Mission]:
    """The missions a scope is about, newest first, as one parameterised query (not yet evaluated).

    Places are matched one of two fixed ways, with the same result: by default ``id IN`` the region rows (the places
    drive: best for counts, lists and breakdowns); with ``walk=True`` by a correlated ``EXISTS`` probe per mission on
    the ``(mission, region)`` unique index, for first/last, which walk the missions in start order and stop at the
    first match instead of collecting every matching region row of all time first. ``since`` bounds the missions and
    the region rows probed from below (PostgreSQL then plans only the partitions from that month on).
    """
    qs = Mission.objects.all()
    types = scope_types(scope)
    # When the places drive, the region rows already hold the types (denormalised, same values): repeating them on
    # the mission would only make the planner think the two filters are independent and expect a handful of rows
    # (then pick nested loops over everything else). The period stays on the mission too: it bounds a walk of the
    # start index when the planner chooses one for "ORDER BY start LIMIT n".
    places_drive = bool(scope.regions) and not walk
    if scope.period is not None:
        start, end = period_bounds(scope.period)
        qs = qs.filter(start__gte=start, start__lt=end)
    if types is not None and not places_drive:
        qs = qs.filter(aircraft_type_id__in=sorted(types))
    if not places_drive:  # (the region rows carry the airframe too: the same reasoning as for the types)
        qs = with_airframes(qs, scope)
    if scope.military_only:
        qs = qs.filter(aircraft__military=True)
    if scope.orbits_only:
        # "IN (true)", not "has_orbit = true": Django writes the latter as the bare column ("WHERE has_orbit"), which
        # SQLite cannot search its has_orbit index by (it read all 1M index entries: 86 ms for a count; now < 1 ms)
        qs = qs.filter(has_orbit__in=[True])
    if scope.exclude_types:
        qs = qs.exclude(aircraft_type_id__in=sorted(scope.exclude_types))
    if scope.civil_only:
        qs = qs.filter(aircraft__military=False)
    if scope.callsigns:
        qs = qs.filter(callsign__in=sorted(scope.callsigns))
    for rf in scope.and_regions:  # every one of these places as well (AND): one probe of the (mission, region)
        # unique index per candidate mission, never a second list of every mission near that place
        region = region_by_slug(rf.slug)
        one = MissionRegion.objects.filter(mission_id=OuterRef("pk"), mission_start=OuterRef("start"),
                                           region_id=region.pk if region else -1)  # (the start: one partition)
        one = one.filter(over=True) if rf.relation == "over" else one.filter(distance_nm__lte=region_distance(rf))
        qs = qs.filter(Exists(_since(one, since)))
    if since is not None:
        qs = qs.filter(start__gte=since)
    if scope.regions and walk:
        links = _region_links(scope).filter(mission_id=OuterRef("pk"), mission_start=OuterRef("start"))
        qs = qs.filter(Exists(_since(links, since)))
    elif scope.regions:
        # The places drive: "id IN (mission ids of the matching region rows)" lets the planner start from the
        # region index instead of probing every mission of the period (or of all time, when there is none).
        qs = qs.filter(id__in=_region_links(scope, types).values("mission_id"))
    return qs.order_by("-start", "-id")


def _since(links: QuerySet[MissionRegion], since: dt.datetime | None) -> QuerySet[MissionRegion]:
    return links if since is None else links.filter(mission_start__gte=since)


def count_missions(scope: Scope) -> int:
    """How many missions a scope holds. Over whole months the pre-aggregated tallies answer when they can
    (:mod:`evidence.tally_reads`; the days outside whole months are counted here). When the places, types and period
    decide alone, the count is read from the region rows' covering index (one row per mission and region: distinct
    missions only when several places)."""
    from evidence import tally_reads

    if (tallied := tally_reads.tallied(scope)) is not None:
        rows, column, rest = tallied
        return tally_reads.total(rows, column) + sum(count_missions(part) for part in rest)
    if (parts := _either_of_two_places(scope)) is not None:
        one, other, both = parts
        return count_missions(one) + count_missions(other) - count_missions(both)
    if _links_only(scope):
        links = _region_links(scope, scope_types(scope))
        if len(scope.regions) > 1:
            return links.values("mission_id").distinct().count()
        return links.count()
    if bool(scope.and_regions) and _links_only(scope.with_changes(and_regions=())):
        return _count_all_places(scope)
    if _open_period_only(scope):
        return _count_open_period(scope.period)  # type: ignore[arg-type]
    return missions_in_scope(scope).count()


def _either_of_two_places(scope: Scope) -> tuple[Scope, Scope, Scope] | None:
    """"Near Texas or over Arizona" when the tallies hold both places and the pair: the scope with each place alone
    and with the one AND the other, whose counts give the missions in either (|A ∪ B| = |A| + |B| − |A ∩ B|; a
    mission has one region row per place). Read from the missions instead, the distinct missions of two busy places
    of all time were some 300,000 region rows to de-duplicate (SQLite 4.5 s at 1M missions). None otherwise."""
    from evidence import tally_reads

    if len(scope.regions) != 2 or scope.and_regions:
        return None
    one, other = scope.regions
    both = scope.with_changes(regions=(one,), and_regions=(other,))
    if tally_reads.tallied(both) is None:  # the same place twice, another distance, orbits, no whole month, …
        return None
    return scope.with_changes(regions=(one,)), scope.with_changes(regions=(other,)), both


def _count_all_places(scope: Scope) -> int:
    """"In international airspace off Texas" (places that must all match), when places, types and period decide
    alone: the region rows of each place joined on (mission, start) — a hash join on PostgreSQL, a probe of the
    covering index per row on SQLite — instead of one probe per candidate mission (measured at 1M missions:
    PostgreSQL 597 → ~90 ms, SQLite 213 → ~150 ms; docs/PERFORMANCE.md)."""
    from django.db import connection

    types = scope_types(scope)
    sides = [_region_links(scope.with_changes(and_regions=()), types)]
    sides += [_region_links(scope.with_changes(regions=(rf,), and_regions=()), types) for rf in scope.and_regions]
    parts, params = [], []
    for qs in sides:
        try:
            sql, side_params = qs.order_by().values("mission_id", "mission_start").query.sql_with_params()
        except EmptyResultSet:  # a side that can hold no row (an operator with no airframe): none in all places
            return 0
        parts.append(sql)
        params.extend(side_params)
    # On PostgreSQL the start in the join keeps each side to its partitions. On SQLite it must not be there: SQLite
    # 3.40 then searched the other side by (region, type IN …, start) and lost the mission equality, counting a
    # mission near one place and over another that started the same second as one in both (12 for 9:
    # tests/bot_core/test_tally.py); the mission id alone is one probe of the (mission, region) key.
    on = "mission_id = s0.mission_id" + (" AND s{i}.mission_start = s0.mission_start"
                                         if connection.vendor == "postgresql" else "")
    joined = f"({parts[0]}) s0" + "".join(f" JOIN ({sql}) s{i} ON s{i}.{on.format(i=i)}"
                                          for i, sql in enumerate(parts[1:], 1))
    # one row per mission and place: several "or" places on the first side can name a mission twice
    counted = "COUNT(DISTINCT s0.mission_id)" if len(scope.regions) > 1 else "COUNT(*)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counted} FROM {joined}", params)
        return cursor.fetchone()[0]


def _open_period_only(scope: Scope) -> bool:
    from django.db import connection

    return (connection.vendor == "sqlite" and scope.period is not None and scope.period.open_start
            and scope.with_changes(period=None).is_empty())


def _count_open_period(period: Period) -> int:
    """"How many missions before February 2025?" on SQLite: every mission less those after the period (and any
    before its open start), in one read transaction. SQLite counts a whole table from its pages without reading a
    row, while counting most of a million missions through the start index reads every entry (~5× the time)."""
    from django.db import transaction

    start, end = period_bounds(period)
    with transaction.atomic():  # one snapshot for the three counts
        return (Mission.objects.count() - Mission.objects.filter(start__gte=end).count()
                - Mission.objects.filter(start__lt=start).count())


def any_mission_between(start: dt.date, end: dt.date) -> bool:
    """Whether any mission at all starts in [start, end] (UTC days). Decides which year a bare "February" means."""
    lo, hi = period_bounds(Period(start=start, end=end))
    return Mission.objects.filter(start__gte=lo, start__lt=hi).exists()


def first_mission(scope: Scope) -> DisplayMission | None:
    found = _with_details(missions_in_scope(scope, walk=True).order_by("start", "id")[:1], scope)
    return found[0] if found else None


#: How far back "the last …" looks first, in days before now: a month, then a year, then all of time. Each is a
#: query bounded by its start, which PostgreSQL plans over those months' partitions only; a walk of every partition
#: costs ~45 ms of planning alone at 144 months (docs/PERFORMANCE.md). The latest match in the first window that has
#: one is the latest of all (the windows are open towards the future).
RECENT_WINDOWS_DAYS = (31, 366)


def last_mission(scope: Scope) -> DisplayMission | None:
    now = dt.datetime.now(dt.UTC)
    windows = [now - dt.timedelta(days=days) for days in RECENT_WINDOWS_DAYS] if scope.period is None else []
    for since in [*windows, None]:  # None: all of the scope
        found = _with_details(missions_in_scope(scope, walk=True, since=since)[:1], scope)
        if found:
            return found[0]
    return None


@dataclass(frozen=True)
class Approach:
    """How close a scope's missions came to one place: the closest mission and its distance (0 when over it), how
    many of the scope's missions the records measured within ``measured_nm`` of the place, and that distance (region
    rows exist only within it: a mission farther away has no distance in the records)."""

    mission: DisplayMission | None
    distance_nm: float
    over: bool
    measured: int
    measured_nm: float
    region: Region


def closest_approach(scope: Scope, slug: str) -> Approach | None:
    """The mission of ``scope`` (its places left out) that came closest to region ``slug``, from the region rows:
    the smallest measured distance, the earliest mission on a tie. None when the region is unknown."""
    region = region_by_slug(slug)
    if region is None:
        return None
    rest = scope.with_changes(regions=(), and_regions=())
    rows = MissionRegion.objects.filter(region_id=region.pk)
    if rest.with_changes(type_designators=(), period=None).is_empty():  # the type is on the region rows themselves
        rows = rows.filter(aircraft_type_id__in=rest.type_designators) if rest.type_designators else rows
    else:
        rows = rows.filter(mission_id__in=missions_in_scope(rest).values("id"))
    if scope.period is not None:
        start, end = period_bounds(scope.period)
        rows = rows.filter(mission_start__gte=start, mission_start__lt=end)
    best = rows.order_by("distance_nm", "mission_start", "mission_id").values_list(
        "mission_id", "mission_start", "distance_nm", "over").first()
    measured, cap = rows.values("mission_id").distinct().count(), region_measured_nm(region)
    if best is None:
        return Approach(None, 0.0, False, measured, cap, region)
    found = _with_details(Mission.objects.filter(id=best[0], start=best[1]), measured_around(rest, region))
    return Approach(found[0] if found else None, float(best[2]), bool(best[3]), measured, cap, region)


def measured_around(scope: Scope, region: Region) -> Scope:
    """``scope`` with one place, ``region``, out to the distance the records measured around it: the records and the
    map of a "how close" answer (its closest mission may be farther than "near")."""
    place = RegionFilter(slug=region.slug, relation="near", distance_nm=region_measured_nm(region))
    return scope.with_changes(regions=(place,), and_regions=())


#: From how many matching missions the records to show are found by walking the missions in start order (and
#: stopping after ``limit``) instead of collecting every matching region row and sorting them all.
WALK_FROM = 5_000


def missions_for_display(
    scope: Scope, *, limit: int = 50, oldest_first: bool = True, total: int | None = None
) -> list[DisplayMission]:
    """The records behind an answer, with type, operator and the region links an answer cites, in two queries.

    ``total`` (the count the answer already has) chooses the plan for places: with many matches ("near Sinaloa",
    all time: 150,000 of 1,000,000) one in a few missions matches, so walking them in order finds ``limit`` fast.
    A ``total`` of 0 has no records to look for (walking every mission in start order for none took seconds)."""
    if total == 0:
        return []
    walk = total is not None and total >= WALK_FROM
    # One place: its region rows in start order are one index range (PostgreSQL reads the first ``limit`` of it and
    # stops; at 10M missions, a year near Texas: 4 ms, where walking the missions joined all 124,000 rows: 970 ms).
    if _links_only(scope) and (not walk or len(scope.regions) == 1):
        return _with_details(_first_from_links(scope, limit, oldest_first), scope)
    qs = missions_in_scope(scope, walk=walk)
    if oldest_first:
        qs = qs.order_by("start", "id")
    return _with_details(qs[:limit], scope)


def _first_from_links(scope: Scope, limit: int, oldest_first: bool) -> QuerySet[Mission]:
    """The first ``limit`` missions of a scope that its region rows decide alone, in (start, id) order, picked from
    the region rows (their start is the mission's): a covering-index range and a top-N sort of its few thousand
    rows, then ``limit`` missions by id and start. Joined to the missions instead, PostgreSQL walked every mission of
    the period in start order probing each for the place (a year near a region: 133 ms → a few ms at 1M missions)."""
    order = ("mission_start", "mission_id") if oldest_first else ("-mission_start", "-mission_id")
    links = _region_links(scope, scope_types(scope)).values_list("mission_id", "mission_start")
    if len(scope.regions) > 1:  # one row per mission and place: a mission near two of the places is one record
        links = links.distinct()
    picked = list(links.order_by(*order)[:limit])
    missions = Mission.objects.filter(id__in=[i for i, _ in picked], start__in=sorted({s for _, s in picked}))
    return missions.order_by(*(("start", "id") if oldest_first else ("-start", "-id")))


def _cited_distance(scope: Scope) -> float:
    return max([near_nm(), *(region_distance(rf) for rf in scope.regions)])


#: The mission columns a displayed record reads (not the encoded track, orbits or source files).
_DISPLAY_FIELDS = ("id", "aircraft_id", "aircraft_type_id", "callsign", "start", "end", "has_orbit")


@dataclass(slots=True)
class CitedLink:
    """One region an answer cites for a record: the region (from the reference cache), over it or how far."""

    region_id: int
    over: bool
    distance_nm: float
    region: Region | None = None


@dataclass(slots=True)
class DisplayMission:
    """A mission as an answer shows it, read as plain rows (no model instances): the mission's own columns, the
    aircraft's registration and operator, the type's name and the cited region links. :func:`mission_to_dict` takes
    it as it takes a :class:`~evidence.models.Mission`."""

    pk: int
    aircraft_id: str
    aircraft_type_id: str | None
    callsign: str
    start: dt.datetime
    end: dt.datetime
    has_orbit: bool
    shown_registration: str = ""
    shown_operator: str = ""
    shown_type_name: str = ""
    cited_links: list[CitedLink] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.pk


def _aircraft_details(hexes: Iterable[str]) -> dict[str, tuple[str, str, str]]:
    """hex → (registration, operator as shown, type designator) for the given airframes, in one query: the
    organisation's name when the operator is known, else the operator as the source wrote it."""
    return {
        hex_: (registration or "", operator or operator_name or "", designator or "")
        for hex_, registration, operator, operator_name, designator in Aircraft.objects.filter(
            hex__in=list(hexes)
        ).values_list("hex", "registration", "operator__name", "operator_name", "aircraft_type_id")
    }


def _with_details(qs: QuerySet[Mission], scope: Scope) -> list[DisplayMission]:
    """Evaluate ``qs`` (sliced) as rows and attach what a record shows: the aircraft's registration and operator
    (one query for the page's aircraft), the type's name (reference cache), and ``cited_links``: the mission's region
    rows within the cited distance, nearest first, with their regions from the reference cache (no geometry read).
    Plain rows, not model instances: building ~60 instances per answer was a fifth of its CPU (issue 12).

    The missions are read without joins: joined to the aircraft, a planner that expects a few rows from the places
    (PostgreSQL does, from the period on both tables) nested-loops over the whole aircraft table for every one."""
    missions = [DisplayMission(*row) for row in qs.values_list(*_DISPLAY_FIELDS)]
    if not missions:
        return missions
    aircraft = _aircraft_details({m.aircraft_id for m in missions})
    names = type_names(m.aircraft_type_id for m in missions if m.aircraft_type_id)
    for m in missions:
        m.shown_registration, m.shown_operator, _ = aircraft.get(m.aircraft_id, ("", "", ""))
        m.shown_type_name = names.get(m.aircraft_type_id or "", "")
    by_id = {m.pk: m for m in missions}
    regions = _regions_by_id()
    rows = MissionRegion.objects.filter(mission_id__in=list(by_id), distance_nm__lte=_cited_distance(scope),
                                        mission_start__in=sorted({m.start for m in missions}))  # their partitions
    missing = False
    for mission_id, region_id, over, distance_nm in rows.values_list("mission_id", "region_id", "over", "distance_nm"):
        region = regions.get(region_id)
        missing = missing or region is None
        by_id[mission_id].cited_links.append(CitedLink(region_id, over, distance_nm, region))
    if missing:  # a region newer than the cache: read them again
        _reference.drop("regions", "regions_by_id")
        regions = _regions_by_id()
        for m in missions:
            for link in m.cited_links:
                link.region = link.region or regions.get(link.region_id)
            m.cited_links = [link for link in m.cited_links if link.region is not None]  # deleted meanwhile
    asked = {r.pk for rf in (*scope.regions, *scope.and_regions) if (r := region_by_slug(rf.slug)) is not None}
    for m in missions:  # the places asked about first, then the nearest
        m.cited_links.sort(key=lambda link: (link.region_id not in asked, link.distance_nm,
                                             link.region.name))  # type: ignore[union-attr]
    return missions


def missions_displayed(qs: QuerySet[Mission], scope: Scope) -> list[DisplayMission]:
    """``qs`` (sliced: the records to show) read for display as :func:`missions_for_display` reads its own."""
    return _with_details(qs, scope)


def mission_to_dict(mission: Mission | DisplayMission) -> dict[str, Any]:
    """The documented record shape (bot.answers.Answer.missions): ISO 8601 UTC times and an absolute admin URL."""
    if hasattr(mission, "shown_registration"):  # read for display (_with_details): no related objects to load
        registration = mission.shown_registration
        operator = mission.shown_operator
        type_name = mission.shown_type_name
    else:
        aircraft = mission.aircraft
        registration = aircraft.registration
        operator = aircraft.operator.name if aircraft.operator else aircraft.operator_name
        type_name = mission.aircraft_type.name if mission.aircraft_type else ""
    links = getattr(mission, "cited_links", None)
    if links is None:
        links = list(
            mission.region_links.filter(distance_nm__lte=near_nm(), mission_start=mission.start)
            .select_related("region").order_by("distance_nm")
        )
    return {
        "id": mission.pk,
        "hex": mission.aircraft_id,
        "registration": registration,
        "type": mission.aircraft_type_id or "",
        "type_name": type_name,
        "operator": operator,
        "callsign": mission.callsign,
        "start": _iso(mission.start),
        "end": _iso(mission.end),
        "regions": [
            {
                "slug": link.region.slug,
                "name": link.region.name,
                "over": link.over,
                "distance_nm": round(link.distance_nm, 1),
            }
            for link in links
        ],
        "url": settings.SITE_URL + _mission_admin_url(mission),
    }


_URL_MARK = "918273645546372819"
_mission_url_templates: dict[tuple[str, str], str] = {}


def _mission_admin_url(mission: Mission | DisplayMission) -> str:
    """``admin_url(mission)`` without a ``reverse()`` per record: the pattern is reversed once per URLconf and
    script prefix, with a marker where the id goes."""
    key = (str(get_urlconf() or settings.ROOT_URLCONF), get_script_prefix())
    template = _mission_url_templates.get(key)
    if template is None:
        try:
            template = reverse("admin:evidence_mission_change", args=[_URL_MARK])
        except NoReverseMatch:
            template = f"/admin/evidence/mission/{_URL_MARK}/change/"
        _mission_url_templates[key] = template
    return template.replace(_URL_MARK, str(mission.pk))


def admin_url(obj: Any) -> str:
    """The object's admin page; the conventional path when the admin is not registered (a test or a bare setup)."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        meta = obj._meta
        return f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/change/"


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class BreakdownRow:
    key: str
    label: str
    count: int


_TRUNC = {"day": TruncDay, "week": TruncWeek, "month": TruncMonth}


def breakdown_with_total(scope: Scope, by: BreakdownKey) -> tuple[list[BreakdownRow], int]:
    """:func:`breakdown` and how many missions the scope holds. Every mission has one start, one type and one
    operator, so those rows add up to the count (no second scan); per region they need not, so it is counted."""
    rows = breakdown(scope, by)
    return rows, count_missions(scope) if by == "region" else sum(r.count for r in rows)


def breakdown(scope: Scope, by: BreakdownKey) -> list[BreakdownRow]:
    """Counts per day/week/month/year (of the start, UTC), per aircraft type, or per region.

    Per region, a mission counts once in every region it matches: the scope's own regions with their over/near
    relation when it names any, otherwise the regions it flew over. Rows therefore need not add up to the total.
    """
    counted = _counted_buckets(scope, by)
    if counted is not None:
        return counted
    tallied = _tallied_breakdown(scope, by)
    if tallied is not None:
        return tallied
    if by in ("day", "week") and _links_only(scope) and len(scope.regions) == 1:
        # one place: one region row per mission, whose start is the mission's — counted from the rows' covering
        # index instead of looking every mission up by id ("rank them by day" of all time near a place at 1M
        # missions on PostgreSQL: 8,400 lookups through every partition's key, 245 ms)
        links = _region_links(scope, scope_types(scope)).order_by()
        fast = _text_buckets(links, by, "mission_start")
        if fast is not None:
            return fast
        rows = (links.annotate(bucket=_TRUNC[by]("mission_start", tzinfo=dt.UTC)).values("bucket")
                .annotate(n=Count("*")).order_by("bucket"))
        return [_time_row(by, r["bucket"], r["n"]) for r in rows]
    qs = missions_in_scope(scope).order_by()
    fast = _text_buckets(qs, by)
    if fast is not None:
        return fast
    if by in _TRUNC:  # COUNT(*), not COUNT(id): the (type, start) and start indexes then cover the query (PostgreSQL
        # read every matching mission's heap page to check an id that is never null: busiest day of a year, 111 ms)
        rows = (
            qs.annotate(bucket=_TRUNC[by]("start", tzinfo=dt.UTC))
            .values("bucket")
            .annotate(n=Count("*"))
            .order_by("bucket")
        )
        return [_time_row(by, r["bucket"], r["n"]) for r in rows]
    if by == "year":
        rows = qs.values("start__year").annotate(n=Count("*")).order_by("start__year")
        return [BreakdownRow(str(r["start__year"]), str(r["start__year"]), r["n"]) for r in rows]
    if by == "type":
        if _links_only(scope):  # the region rows carry the type: group them (one row per mission and place)
            links = _region_links(scope, scope_types(scope)).order_by()
            n = Count("mission_id", distinct=True) if len(scope.regions) > 1 else Count("*")
            per_type = links.values("aircraft_type_id").annotate(n=n)
        else:
            per_type = qs.values("aircraft_type_id").annotate(n=Count("id"))
        counts = list(per_type.order_by("-n", "aircraft_type_id").values_list("aircraft_type_id", "n"))
        names = type_names(designator for designator, _ in counts if designator)  # reference cache, no join
        return _ordered([BreakdownRow(designator or "?", names.get(designator or "", "unknown type"), n)
                         for designator, n in counts], by)
    if by == "region":
        return _region_breakdown(scope, qs)
    if by == "operator":
        rows = (
            qs.values("aircraft__operator__slug", "aircraft__operator__name")
            .annotate(n=Count("id"))
            .order_by("-n", "aircraft__operator__slug")
        )
        return _ordered([BreakdownRow(r["aircraft__operator__slug"] or "?",
                                      r["aircraft__operator__name"] or "unknown operator", r["n"]) for r in rows], by)
    raise ValueError(f"unknown breakdown {by!r}")


#: What the tallies group by for each breakdown they can answer (evidence.tally_reads).
_TALLY_GROUPS = {"type": ("designator",), "operator": ("aircraft__operator__slug", "aircraft__operator__name"),
                 "month": ("month",), "year": ("month",), "region": ("region_id",)}


def _tallied_breakdown(scope: Scope, by: BreakdownKey) -> list[BreakdownRow] | None:
    """:func:`breakdown` from the tallies over the scope's whole months, the days outside them from the missions;
    None when the tallies cannot answer (per region: only the regions flown over, for a scope without places)."""
    from evidence import tally_reads

    if by in ("day", "week"):
        return _tallied_days(scope, by)
    if by not in _TALLY_GROUPS or (by == "region" and scope.regions):
        return None
    tallied = tally_reads.tallied(scope, over_regions=by == "region")
    if tallied is None:
        return None
    rows, column, rest = tallied
    if by == "operator":  # per airframe (the tally's own column), then each airframe's operator: grouping the join
        # looked every tally row's airframe up (SQLite, all time at 1M missions: 84,000 rows, 76 ms of CPU)
        per_airframe = tally_reads.grouped(rows, column, "aircraft_id")
        operators = _airframe_operators([hex_ for hex_, _ in per_airframe])
        sums: dict[tuple[str | None, str | None], int] = {}
        for hex_, n in per_airframe:
            key = operators.get(hex_, (None, None))
            sums[key] = sums.get(key, 0) + n
        groups = [(*key, n) for key, n in sums.items()]
    else:
        groups = tally_reads.grouped(rows, column, *_TALLY_GROUPS[by])
    out = [_tally_row(by, group) for group in groups]
    for part in rest:
        out += breakdown(part, by)
    return _merged(out, by)


def _airframe_operators(hexes: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each airframe's operator as (slug, name), (None, None) for none, in batches of 500."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for i in range(0, len(hexes), 500):
        rows = Aircraft.objects.filter(hex__in=hexes[i:i + 500]).values_list("hex", "operator__slug", "operator__name")
        found.update({hex_: (slug, name) for hex_, slug, name in rows})
    return found


def _tallied_days(scope: Scope, by: str) -> list[BreakdownRow] | None:
    """Per day or ISO week (keyed by its Monday, as TruncWeek) from the day tally, when it can answer."""
    from evidence import tally_reads

    rows = tally_reads.days(scope)
    if rows is None:
        return None
    counts: dict[dt.date, int] = {}
    for day, n in tally_reads.grouped(rows, "missions", "day"):
        key = day if by == "day" else day - dt.timedelta(days=day.weekday())
        counts[key] = counts.get(key, 0) + n
    return [_time_row(by, key, n) for key, n in sorted(counts.items())]


def _tally_row(by: str, group: tuple) -> BreakdownRow:
    *values, n = group
    if by == "type":
        return BreakdownRow(values[0] or "?", type_names([values[0]]).get(values[0], "unknown type"), n)
    if by == "operator":
        return BreakdownRow(values[0] or "?", values[1] or "unknown operator", n)
    if by == "region":
        region = _regions_by_id().get(values[0])
        return BreakdownRow(region.slug if region else str(values[0]), region.name if region else "?", n)
    if by == "year":
        return BreakdownRow(str(values[0].year), str(values[0].year), n)
    return _time_row(by, values[0], n)


def _merged(rows: list[BreakdownRow], by: str) -> list[BreakdownRow]:
    """Rows with the same key added up, in the order the missions' breakdown gives: time in order, else most
    first (then by key; per region by name)."""
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for row in rows:
        counts[row.key] = counts.get(row.key, 0) + row.count
        labels.setdefault(row.key, row.label)
    return _ordered([BreakdownRow(key, labels[key], n) for key, n in counts.items()], by)


def _ordered(rows: list[BreakdownRow], by: str) -> list[BreakdownRow]:
    """Time in order; else most first, then by key (per region by name), the unknown ("?") last — in Python, so
    ties come out the same from either database and either way of counting."""
    if by in ("month", "year"):
        return sorted(rows, key=lambda r: r.key)
    return sorted(rows, key=lambda r: (-r.count, r.key == "?", r.label if by == "region" else r.key))


@dataclass(frozen=True)
class Stretch:
    """The busiest run of consecutive days in a window: its missions and its first and last day."""

    count: int
    start: dt.date
    end: dt.date


def busiest_stretch(scope: Scope) -> Stretch:
    """For a period with a stated span ("a 10-day span in late January and early February"): the most missions in
    any ``span_days`` consecutive days within the window (the earliest such run), from the window's per-day counts."""
    period = scope.period
    if period is None or not period.span_days:
        raise ValueError("busiest_stretch needs a period with a stated span")
    window = replace(period, span_days=None)
    per_day = {row.key: row.count for row in breakdown(scope.with_changes(period=window), "day")}
    counts = [per_day.get((period.start + dt.timedelta(days=k)).isoformat(), 0) for k in range(period.days)]
    n = period.span_days
    best, first = sum(counts[:n]), 0
    running = best
    for k in range(1, period.days - n + 1):
        running += counts[k + n - 1] - counts[k - 1]
        if running > best:
            best, first = running, k
    start = period.start + dt.timedelta(days=first)
    return Stretch(count=best, start=start, end=start + dt.timedelta(days=n - 1))


#: Up to how many days/weeks/months/years a period-bound breakdown counts one by one (each count one index range,
#: as :func:`count_missions` reads it) instead of grouping every mission of the period by a computed bucket.
COUNTED_BUCKETS_MAX = 36
#: Which breakdowns are counted that way: a month or a year holds many missions; the days of a short window hold few,
#: and grouping them (one query) costs less than a query per day (measured: 10 days, 1,200 missions, 15 → 26 ms).
COUNTED_BY = ("month", "year")


def _buckets(period: Period, by: str) -> list[tuple[dt.date, dt.date, dt.date]]:
    """(bucket key day, first day, last day) of each calendar day/ISO week/month/year the period touches, clipped to
    the period; the key day is what TruncDay/TruncWeek/TruncMonth would give (the Monday, the 1st)."""
    out, day = [], period.start
    while day <= period.end and len(out) <= COUNTED_BUCKETS_MAX:
        if by == "day":
            key, nxt = day, day + dt.timedelta(days=1)
        elif by == "week":
            key = day - dt.timedelta(days=day.weekday())
            nxt = key + dt.timedelta(days=7)
        elif by == "month":
            key = day.replace(day=1)
            nxt = (key + dt.timedelta(days=32)).replace(day=1)
        else:
            key, nxt = day.replace(month=1, day=1), dt.date(day.year + 1, 1, 1)
        out.append((key, day, min(nxt - dt.timedelta(days=1), period.end)))
        day = nxt
    return out


def _counted_buckets(scope: Scope, by: str) -> list[BreakdownRow] | None:
    """Per day/week/month/year of a period of at most :data:`COUNTED_BUCKETS_MAX` of them: one count per bucket
    (the same scope with the bucket's days as its period), empty buckets left out as the grouping leaves them out.
    None when there is no period or too many buckets."""
    if scope.period is None or by not in COUNTED_BY or scope.period.open_start:
        return None
    buckets = _buckets(scope.period, by)
    if len(buckets) > COUNTED_BUCKETS_MAX:
        return None
    rows = []
    for key, first, last in buckets:
        n = count_missions(scope.with_changes(period=Period(start=first, end=last)))
        if n:
            rows.append(BreakdownRow(key.isoformat()[:4], key.isoformat()[:4], n) if by == "year"
                        else _time_row(by, key, n))
    return rows


#: SQLite stores UTC datetimes as ISO text ("2025-02-03 17:04:50"): a day, month or year is a prefix of it. Slicing
#: the text runs in SQLite itself; Django's TruncDay/TruncMonth/ExtractYear call a Python function per row (~3× the
#: time of the whole query at a million missions). PostgreSQL truncates natively, so it keeps the Trunc functions.
_PREFIX = {"day": 10, "month": 7, "year": 4}


def _text_buckets(qs: QuerySet, by: str, field: str = "start") -> list[BreakdownRow] | None:
    from django.db import connection
    from django.db.models.functions import Substr

    if connection.vendor != "sqlite" or by not in _PREFIX:
        return None
    rows = (qs.annotate(bucket=Substr(field, 1, _PREFIX[by])).values("bucket").annotate(n=Count("id"))
            .order_by("bucket"))
    out = []
    for r in rows:
        key = r["bucket"]
        if by == "year":
            out.append(BreakdownRow(key, key, r["n"]))
        else:
            day = dt.date.fromisoformat(key if by == "day" else key + "-01")
            out.append(_time_row(by, day, r["n"]))
    return out


def _time_row(by: str, bucket: dt.datetime | dt.date, n: int) -> BreakdownRow:
    day = bucket.date() if isinstance(bucket, dt.datetime) else bucket
    if by == "month":
        return BreakdownRow(day.strftime("%Y-%m"), day.strftime("%B %Y"), n)
    if by == "week":
        iso = day.isocalendar()
        return BreakdownRow(f"{iso.year}-W{iso.week:02d}", f"week of {day.isoformat()}", n)
    return BreakdownRow(day.isoformat(), day.isoformat(), n)


def time_units(start: dt.date, end: dt.date, by: str) -> list[BreakdownRow]:
    """Every day, week, month or year from ``start`` to ``end`` as an empty row (key and label as :func:`breakdown`
    gives them): the units a period holds, so that those with no mission can be named."""
    out: dict[str, BreakdownRow] = {}
    day = start
    while day <= end:
        row = BreakdownRow(str(day.year), str(day.year), 0) if by == "year" else _time_row(by, day, 0)
        if row.key not in out:
            first = day - dt.timedelta(days=day.weekday()) if by == "week" else day
            out[row.key] = _time_row(by, first, 0) if by == "week" else row
        day += dt.timedelta(days=1)
    return list(out.values())


def _links_decide_without_places(scope: Scope) -> bool:
    """Whether the region rows alone decide a scope apart from its places: only types, period, orbits and airframes
    constrain it."""
    return _links_only(scope.with_changes(regions=(RegionFilter("-"),)))
def _period_of_links(scope: Scope) -> dict[str, dt.datetime]:
    """The scope's period on region rows' ``mission_start`` (PostgreSQL then reads only those months' partitions)."""
    if scope.period is None:
        return {}
    start, end = period_bounds(scope.period)
    return {"mission_start__gte": start, "mission_start__lt": end}


def _region_breakdown(scope: Scope, qs: QuerySet[Mission]) -> list[BreakdownRow]:
    if scope.regions:  # each place's count is the scope narrowed to that place: its missions are among the scope's
        names = region_names([rf.slug for rf in scope.regions])
        return [BreakdownRow(rf.slug, names.get(rf.slug, rf.slug), count_missions(scope.with_changes(regions=(rf,))))
                for rf in scope.regions]
    if _links_decide_without_places(scope):
        return _region_breakdown_from_links(scope)
    ids = qs.values("id")
    agg = (
        MissionRegion.objects.filter(mission_id__in=ids, over=True, **_period_of_links(scope))
        .values("region__slug", "region__name")
        .annotate(n=Count("mission_id", distinct=True))
        .order_by("-n", "region__name")
    )
    return _ordered([BreakdownRow(r["region__slug"], r["region__name"], r["n"]) for r in agg], "region")


def _region_breakdown_from_links(scope: Scope) -> list[BreakdownRow]:
    """:func:`_region_breakdown` for a scope without places when only types, period, orbits and airframes constrain
    the missions: the region rows flown over are grouped directly, with the type, start, orbit flag and airframe
    denormalised on them (one row per mission and region, so a row is a mission)."""
    links = with_airframes(MissionRegion.objects.filter(over=True), scope)
    if scope.orbits_only:
        links = links.filter(has_orbit=True)
    types = scope_types(scope)
    if types is not None:
        links = links.filter(aircraft_type_id__in=sorted(types))
    if scope.period is not None:
        start, end = period_bounds(scope.period)
        links = links.filter(mission_start__gte=start, mission_start__lt=end)
    agg = links.values("region__slug", "region__name").annotate(n=Count("*")).order_by("-n", "region__name")
    return _ordered([BreakdownRow(r["region__slug"], r["region__name"], r["n"]) for r in agg], "region")


def aircraft_identity(word: str) -> tuple[str, str] | None:
    """What a word names in the records: ("hex", ICAO address) for an address or a registration, ("callsign", X)
    for a callsign some mission flew under; None when nothing matches. Three indexed lookups at most."""
    low = word.strip().lower()
    if len(low) == 6 and all(c in "0123456789abcdef" for c in low) and Aircraft.objects.filter(pk=low).exists():
        return "hex", low
    hex_ = Aircraft.objects.filter(registration__iexact=word.strip()).values_list("pk", flat=True).first()
    if hex_:
        return "hex", hex_
    upper = word.strip().upper()
    if Mission.objects.filter(callsign=upper).exists():
        return "callsign", upper
    return None


def registration_hexes(registrations: Iterable[str]) -> dict[str, str]:
    """The hex address of each registration the registry knows (upper-case registration → hex); one query. A
    registration written with or without its hyphen ("ZZ664", "62-4134") must match the registry as written."""
    wanted = {r.strip().upper() for r in registrations if r.strip()}
    if not wanted:
        return {}
    rows = Aircraft.objects.filter(registration__in=sorted(wanted)).values_list("registration", "pk")
    return {registration.upper(): hex_ for registration, hex_ in rows}


def distinct_aircraft(scope: Scope, *, limit: int = 50) -> list[dict[str, Any]]:
    """Which airframes flew the scope's missions, with how many each: "which aircraft flew near Baja?"."""
    return aircraft_with_total(scope, limit=limit)[0]


def aircraft_with_total(scope: Scope, *, limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """The ``limit`` airframes with the most of the scope's missions (most first), and how many missions the scope
    holds: every mission has one airframe, so the per-airframe counts add up to the scope's count (no second scan).

    Two queries: the missions are grouped by airframe alone (no join), then the names are read for the airframes
    shown. When the places, types and period decide alone, the region rows are grouped instead: they carry the
    airframe (denormalised), and one range of the ``(region, aircraft, …)`` index holds every column the filter and
    the count read.
    """
    counts = sorted(_per_airframe(scope).items(), key=lambda row: (-row[1], row[0]))
    total = sum(n for _, n in counts)
    counts = counts[:limit]
    details = _aircraft_details(hex_ for hex_, _ in counts)
    rows = []
    for hex_, n in counts:
        registration, operator, designator = details.get(hex_, ("", "", ""))
        rows.append({"hex": hex_, "registration": registration, "type": designator, "operator": operator,
                     "missions": n})
    return rows, total


def airframe_count(scope: Scope) -> int:
    """How many distinct airframes flew the scope's missions ("4 missions by 1 aircraft")."""
    return len(_per_airframe(scope))


def _per_airframe(scope: Scope) -> dict[str, int]:
    """The scope's missions per airframe: from the tallies over whole months (the rest from the missions), else
    from the region rows or the missions."""
    from evidence import tally_reads

    if (tallied := tally_reads.tallied(scope)) is not None:
        rows, column, rest = tallied
        counts = dict(tally_reads.grouped(rows, column, "aircraft_id"))
        for part in rest:
            for hex_, n in _per_airframe(part).items():
                counts[hex_] = counts.get(hex_, 0) + n
        return counts
    if _links_only(scope):
        links = _region_links(scope, scope_types(scope)).order_by().values("aircraft_id")
        # one row per mission and region: with one place a row is a mission; with several, count missions once
        per_airframe = links.annotate(n=Count("mission_id", distinct=True) if len(scope.regions) > 1 else Count("*"))
    else:
        per_airframe = missions_in_scope(scope).order_by().values("aircraft_id").annotate(n=Count("id"))
    return dict(per_airframe.values_list("aircraft_id", "n"))


# --- nearby scopes ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NearbyHint:
    """A scope close to the one asked, with its count: "none in February 2026; 1 in February 2025".

    ``label`` reads after the count: "in February 2025", "within 50 nm instead of over"."""

    label: str
    count: int
    scope: Scope


def shift_period_years(period: Period, years: int) -> Period | None:
    """The same calendar span ``years`` later (negative: earlier); 29 February falls back to the 28th, and whole
    months stay whole ("February" of 2026 moved to 2024 ends on the 29th)."""
    try:
        start = _shift_date(period.start, years)
        end = _shift_date(period.end, years)
    except ValueError:
        return None
    if period.start.day == 1 and period.end == _month_end(period.end):
        end = _month_end(end)
    return Period(start=start, end=end, text=period.text, year_inferred=period.year_inferred)


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _shift_date(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def nearby_hints(scope: Scope, *, today: dt.date, years_back: int = 5, limit: int = 2) -> list[NearbyHint]:
    """Scopes next to an empty one that do hold missions: the same span in other years (nearest first, never after
    today), then "near" instead of "over" for the same places. Used only to say so, never to answer instead."""
    hints: list[NearbyHint] = []
    if scope.period is not None and not scope.period.open_start:  # "before February 2025" has no other year
        for years in [*range(-1, -years_back - 1, -1), 1]:
            shifted = shift_period_years(scope.period, years)
            if shifted is None or shifted.start > today:
                continue
            n = count_missions(scope.with_changes(period=shifted))
            if n:
                hints.append(NearbyHint(f"in {describe_period(shifted)}", n, scope.with_changes(period=shifted)))
                if len(hints) >= limit:
                    break
    if any(rf.relation == "over" for rf in scope.regions):
        relaxed = scope.with_changes(
            regions=tuple(RegionFilter(rf.slug, "near", None) if rf.relation == "over" else rf for rf in scope.regions)
        )
        n = count_missions(relaxed)
        if n:
            hints.append(NearbyHint(f"within {near_nm():g} nm instead of over", n, relaxed))
    return hints


def describe_period(period: Period) -> str:
    """A period in words, UTC: "February 2025", "2024", "2025-01-25 to 2025-02-05"."""
    s, e = period.start, period.end
    if period.open_start:
        return f"up to {e.day} {e.strftime('%B %Y')}"
    if s.day == 1 and (e + dt.timedelta(days=1)).day == 1 and s.year == e.year:
        if s.month == 1 and e.month == 12:
            return str(s.year)
        if s.month == e.month:
            return s.strftime("%B %Y")
        return f"{s.strftime('%B')} to {e.strftime('%B %Y')}"
    if s == e:
        return f"{s.day} {s.strftime('%B %Y')}"
    if s.year == e.year:
        return f"{s.day} {s.strftime('%B')} to {e.day} {e.strftime('%B %Y')}"
    return f"{s.day} {s.strftime('%B %Y')} to {e.day} {e.strftime('%B %Y')}"


#: How an answer tells apart regions that share a name ("Georgia (country)", "Georgia (US state)").
KIND_WORDS = {"us_state": "US state", "mx_state": "Mexican state", "country": "country", "subdivision": "region",
              "airbase": "air base", "sea": "sea", "gulf": "gulf", "strait": "strait", "area": "area"}


def region_names(slugs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """Slug → the name an answer gives the region; a name another region shares carries its kind ("Georgian
    airspace" is answered "over Georgia (country)", never a bare "Georgia" the reader could take for the state)."""
    found = {slug: region_by_slug(slug) for slug in slugs}
    shared = _shared_region_names()
    return {slug: f"{region.name} ({KIND_WORDS.get(region.kind, region.kind)})" if region.name.lower() in shared
            else region.name for slug, region in found.items() if region is not None}


def _shared_region_names() -> frozenset[str]:
    """The lower-case names more than one region goes by (cached with the reference data)."""
    def load() -> frozenset[str]:
        counts = Counter(r.name.lower() for r in regions_by_slug().values())
        return frozenset(name for name, n in counts.items() if n > 1)

    return _reference.get("shared_region_names", load)


def latest_mission_start() -> dt.datetime | None:
    return Mission.objects.order_by("-start").values_list("start", flat=True).first()
