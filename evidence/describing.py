"""Scopes and matches in words: the one wording the bot's answers and the admin's claim checker share."""

from __future__ import annotations

from evidence import selectors as sel
from evidence.models import AircraftType, Mission
from evidence.scope import Period, RegionFilter, Scope


def describe_scope(scope: Scope, *, with_period: bool = True) -> str:
    """The exact scope in words, after "N missions": types, operators, regions with distances, dates in UTC
    (unless ``with_period`` is False: a comparison states its two periods itself). The bot's answers and the
    claim checker's count check both say it this way."""
    parts: list[str] = []
    subject = _subject(scope)
    if subject:
        parts.append(f"by {subject}")
    if scope.operators:
        names = sel.organisation_names(scope.operators)
        parts.append("operated by " + " or ".join(names.get(o, o) for o in scope.operators))
    if scope.regions:
        names = sel.region_names([r.slug for r in scope.regions])
        parts.append(" or ".join(_region_words(names.get(r.slug, r.slug), r) for r in scope.regions))
    if scope.and_regions:
        names = sel.region_names([r.slug for r in scope.and_regions])
        parts.append(" ".join("and " + _region_words(names.get(r.slug, r.slug), r) for r in scope.and_regions))
    if scope.exclude_types:
        names = sel.type_names(scope.exclude_types)
        parts.append("other than " + " or ".join(f"{d} ({names[d]})" if d in names else d
                                                 for d in scope.exclude_types))
    if scope.exclude_operators:
        names = sel.organisation_names(scope.exclude_operators)
        parts.append("not operated by " + " or ".join(names.get(o, o) for o in scope.exclude_operators))
    if scope.hexes:
        parts.append("by aircraft " + ", ".join(scope.hexes))
    if scope.callsigns:
        parts.append("flying as " + ", ".join(scope.callsigns))
    if scope.orbits_only:
        parts.append("that flew orbits")
    if with_period:
        parts.append(period_words(scope.period))
    return " ".join(parts)


def _subject(scope: Scope) -> str:
    bits = []
    if scope.type_designators:
        names = sel.type_names(scope.type_designators)
        bits += [f"{d} ({names[d]})" if d in names else d for d in scope.type_designators]
    roles = [r for r in scope.roles if r != "surveillance"]
    if roles:
        labels = dict(AircraftType.Role.choices)
        bits += [f"{labels.get(r, r).lower()} aircraft" for r in roles]
    if "surveillance" in scope.roles or (scope.surveillance_only and not bits):
        bits.append("surveillance/reconnaissance aircraft")
    out = " or ".join(bits)
    if scope.surveillance_only and (scope.type_designators or roles):
        out += " (surveillance types only)"
    if scope.military_only:
        out = ("military " + out) if out else "military aircraft"
    if scope.civil_only:
        out = ("non-military " + out) if out else "non-military aircraft (not known as military)"
    return out


def _region_words(name: str, rf: RegionFilter) -> str:
    if rf.relation == "over":
        return f"over {name}"
    return f"within {sel.region_distance(rf):g} nm of {name} (over included)"


def period_words(period: Period | None) -> str:
    if period is None:
        return "at any time in the records"
    if period.open_start:
        return f"starting on or before {period.end.isoformat()} (UTC)"
    if period.start == period.end:
        return f"on {period.start.isoformat()} (UTC)"
    words = (f"starting between {period.start.isoformat()} and {period.end.isoformat()} (UTC), "
             f"i.e. {sel.describe_period(period)}")
    if period.span_days:  # "a 10-day span in …": the window, counted by its busiest run of that many days
        return f"{words}, counted over any {period.span_days} consecutive days in that window"
    return words


def mission_match_reason(mission: Mission, scope: Scope) -> str:
    """Why a mission matches a scope: "U2, 3 Feb 2025, within 20 nm of Texas"."""
    bits = [mission.aircraft_type_id or "unknown type", f"{mission.start:%-d %b %Y %H:%M}Z"]
    if mission.callsign:
        bits.append(mission.callsign)
    if scope.regions:
        slugs = [r.slug for r in scope.regions]
        links = (mission.region_links.filter(region__slug__in=slugs, mission_start=mission.start)  # one partition
                 .select_related("region").order_by("distance_nm"))
        for link in links[:3]:
            bits.append(
                f"over {link.region.name}" if link.over else f"within {link.distance_nm:.0f} nm of {link.region.name}"
            )
    if mission.has_orbit:
        bits.append("orbited")
    return ", ".join(bits)


def designator_notes(scopes: list[Scope]) -> list[str]:
    """"The records hold the ICAO type BE20, not the variant: …" for each type of the scopes whose designator holds
    aircraft people name apart (an RC-12 is a BE20 like any C-12) — bot answers and claim checks alike."""
    from evidence.reference_data.aircraft import DESIGNATOR_HOLDS

    designators = dict.fromkeys(d for scope in scopes for d in scope.type_designators)
    return [f"The records hold the ICAO type {d}, not the variant: {d} is {DESIGNATOR_HOLDS[d]}."
            for d in designators if d in DESIGNATOR_HOLDS]
