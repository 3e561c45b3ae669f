"""The structured scope of a question or a claim about flights.

One type, used by everything that reads text about flights: the chat bot's question parser and the claim checker
produce a :class:`Scope`; :func:`evidence.selectors.missions_in_scope` turns it into one fixed, parameterised ORM
query. Nothing here touches the database, so it can be built, compared and serialised anywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

RegionRelation = Literal["over", "near"]


@dataclass(frozen=True)
class RegionFilter:
    """A region the missions must have flown over, or come within ``distance_nm`` of (over included)."""

    slug: str
    relation: RegionRelation = "near"
    #: For "near": the distance in nautical miles; None means settings.NEAR_NM.
    distance_nm: float | None = None


#: The start of an open period ("before February 2025"): earlier than any flight record.
OPEN_START = dt.date(1990, 1, 1)


@dataclass(frozen=True)
class Period:
    """An inclusive range of UTC calendar days, and how it was understood."""

    start: dt.date
    end: dt.date
    #: How the text said it ("February", "the last two weeks").
    text: str = ""
    #: True when a year had to be chosen because the text gave none (a bare month or day).
    year_inferred: bool = False
    #: A stated length shorter than the window ("a 10-day span in late January and early February": 10): the text
    #: does not say which days, so a count is over the busiest stretch of that length within the window.
    span_days: int | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        if self.span_days is not None and not 0 < self.span_days < self.days:
            raise ValueError(f"a {self.span_days}-day span does not fit inside {self.days} days")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def open_start(self) -> bool:
        """True for "before X" / "until X": the period has no start of its own."""
        return self.start <= OPEN_START

    def describe(self) -> str:
        if self.open_start:
            return f"until {self.end.isoformat()}"
        if self.start == self.end:
            return self.start.isoformat()
        window = f"{self.start.isoformat()} to {self.end.isoformat()}"
        return f"any {self.span_days} consecutive days within {window}" if self.span_days else window


@dataclass(frozen=True)
class Quantity:
    """A number a text states about missions: "at least 18", "about one a month"."""

    value: float
    #: "exact", "at_least", "at_most", "about", "more_than", "fewer_than", "between" (``low`` to ``value``)
    qualifier: str = "exact"
    #: For rates: "day", "week", "month", "year"; None for a plain count.
    per: str | None = None
    #: The lower end of a range ("between 10 and 15", "three or four"); None otherwise.
    low: float | None = None


@dataclass(frozen=True)
class Scope:
    """Which missions a question or claim is about. Empty tuples mean "no constraint".

    Lists are alternatives (OR) within a field and constraints (AND) across fields:
    types P8 or U2, and near Texas or over Arizona, and within the period.
    """

    type_designators: tuple[str, ...] = ()
    #: Role keys (see evidence.models.AircraftType.Role); "surveillance" = any surveillance/reconnaissance role.
    roles: tuple[str, ...] = ()
    surveillance_only: bool = False
    #: Organisation slugs of operators ("us-navy").
    operators: tuple[str, ...] = ()
    regions: tuple[RegionFilter, ...] = ()
    period: Period | None = None
    orbits_only: bool = False
    military_only: bool = False
    hexes: tuple[str, ...] = field(default_factory=tuple)
    #: Places that must *all* match as well (AND), on top of ``regions`` (OR): "in international airspace off
    #: Texas" is over international airspace AND within NEAR_NM of Texas.
    and_regions: tuple[RegionFilter, ...] = ()
    #: Types left out ("other than P-8s", "except the U-2").
    exclude_types: tuple[str, ...] = ()
    #: Only aircraft not known as military ("non-military", "civilian").
    civil_only: bool = False
    #: Callsigns the missions flew under ("PELCN11"), upper-case.
    callsigns: tuple[str, ...] = ()
    #: Operators left out ("excluding the RAF", "non-RAF"): organisation slugs.
    exclude_operators: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return self == Scope()

    def with_changes(self, **changes: Any) -> Scope:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values, field by field (``dataclasses.asdict`` deep-copies every value: it was a tenth
        of an answered request's CPU, issue 12)."""
        data: dict[str, Any] = {name: getattr(self, name) for name in _SCOPE_FIELDS}
        if self.period is not None:
            data["period"] = {
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(),
                "text": self.period.text,
                "year_inferred": self.period.year_inferred,
            }
            if self.period.span_days:
                data["period"]["span_days"] = self.period.span_days
        data["regions"] = [_region_dict(r) for r in self.regions]
        data["and_regions"] = [_region_dict(r) for r in self.and_regions]
        for key in ("type_designators", "roles", "operators", "hexes", "exclude_types", "callsigns",
                    "exclude_operators"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scope:
        period = data.get("period")
        return cls(
            type_designators=tuple(data.get("type_designators", ())),
            roles=tuple(data.get("roles", ())),
            surveillance_only=bool(data.get("surveillance_only", False)),
            operators=tuple(data.get("operators", ())),
            regions=tuple(RegionFilter(**r) for r in data.get("regions", ())),
            period=Period(
                start=dt.date.fromisoformat(period["start"]),
                end=dt.date.fromisoformat(period["end"]),
                text=period.get("text", ""),
                year_inferred=bool(period.get("year_inferred", False)),
                span_days=period.get("span_days"),
            )
            if period
            else None,
            orbits_only=bool(data.get("orbits_only", False)),
            military_only=bool(data.get("military_only", False)),
            hexes=tuple(data.get("hexes", ())),
            and_regions=tuple(RegionFilter(**r) for r in data.get("and_regions", ())),
            exclude_types=tuple(data.get("exclude_types", ())),
            civil_only=bool(data.get("civil_only", False)),
            callsigns=tuple(data.get("callsigns", ())),
            exclude_operators=tuple(data.get("exclude_operators", ())),
        )


_SCOPE_FIELDS = tuple(f.name for f in fields(Scope))


def _region_dict(region: RegionFilter) -> dict[str, Any]:
    return {"slug": region.slug, "relation": region.relation, "distance_nm": region.distance_nm}
