"""django-filter filter sets for the evidence API. Every bad value is a 400 with the field's error, never a 500."""
from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters as filters
from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from evidence.models import Aircraft, AircraftType, ImportRun, Mission, MissionRegion, Region, Source


class _InstantField(forms.Field):
    """An ISO 8601 date (``2026-02-01``) or date-time (``2026-02-01T12:00:00Z``); naive values are UTC.

    A bare date means the start of that UTC day, or with ``end_of_day`` its last instant (so ``?end=2026-02-28``
    includes the 28th).
    """

    default_error_messages = {"invalid": "Enter an ISO 8601 date (YYYY-MM-DD) or date-time."}

    def __init__(self, *args: Any, end_of_day: bool = False, **kwargs: Any) -> None:
        self.end_of_day = end_of_day
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> dt.datetime | None:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        try:
            if len(text) == 10:
                day = dt.date.fromisoformat(text)
                moment = dt.datetime.combine(day, dt.time.max if self.end_of_day else dt.time.min)
            else:
                moment = dt.datetime.fromisoformat(text)
        except (ValueError, OverflowError) as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=dt.UTC)
        try:
            moment = moment.astimezone(dt.UTC)
        except OverflowError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc
        if not 1900 <= moment.year <= 2200:
            raise forms.ValidationError("Dates must fall between 1900 and 2200.", code="out_of_range")
        return moment


class InstantFilter(filters.Filter):
    field_class = _InstantField


class _IdField(forms.IntegerField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


class IdFilter(filters.Filter):
    """A primary key: an integer in the database's range (a decimal or a 30-digit number is a 400, not a 500)."""

    field_class = _IdField


class CharInFilter(filters.BaseInFilter, filters.CharFilter):
    """A comma-separated list: ``?type=P8,U2``."""


class ChoiceInFilter(filters.BaseInFilter, filters.ChoiceFilter):
    """A comma-separated list of choices: ``?role=sigint,isr``."""


def _regions(request: Any = None) -> QuerySet[Region]:
    return Region.objects.defer("geometry_wkb")


class MissionFilterForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("near_nm") is not None and not data.get("region"):
            self.add_error("near_nm", "near_nm needs region (?region=<slug>&near_nm=<nautical miles>).")
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "end is before start.")
        return data


class MissionFilter(filters.FilterSet):
    type = CharInFilter(method="filter_type", label="Aircraft type designators, comma-separated (P8,U2)")
    role = ChoiceInFilter(
        field_name="aircraft_type__role", lookup_expr="in", choices=AircraftType.Role.choices,
        label="Aircraft roles, comma-separated",
    )
    surveillance = filters.BooleanFilter(field_name="aircraft_type__is_surveillance")
    operator = CharInFilter(field_name="aircraft__operator__slug", lookup_expr="in", label="Operator slugs")
    military = filters.BooleanFilter(field_name="aircraft__military")
    hex = CharInFilter(method="filter_hex", label="ICAO 24-bit addresses, comma-separated")
    callsign = filters.CharFilter(field_name="callsign", lookup_expr="iexact")
    region = filters.ModelChoiceFilter(
        queryset=_regions, to_field_name="slug", method="filter_near",
        label="Region slug: missions over it or within near_nm of it",
    )
    near_nm = filters.NumberFilter(
        method="filter_noop", min_value=0, max_value=settings.REGION_DISTANCE_CAP_NM,
        label=f"Distance for region in nautical miles (default settings.NEAR_NM = {settings.NEAR_NM:g})",
    )
    over = filters.ModelChoiceFilter(
        queryset=_regions, to_field_name="slug", method="filter_over", label="Region slug: missions over it"
    )
    orbit = filters.BooleanFilter(field_name="has_orbit", label="Only missions that flew an orbit (or none)")
    start = InstantFilter(method="filter_start", label="In the air at or after (ISO date or date-time, UTC)")
    end = InstantFilter(
        method="filter_end", label="In the air at or before (ISO date = through that day, or date-time)",
        end_of_day=True,
    )
    import_run = IdFilter(field_name="import_run__id")

    class Meta:
        model = Mission
        fields: list[str] = []
        form = MissionFilterForm

    def filter_noop(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset

    def filter_type(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.filter(aircraft_type_id__in=[v.strip().upper() for v in value])

    def filter_hex(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.filter(aircraft_id__in=[v.strip().lower() for v in value])

    def filter_near(self, queryset: QuerySet, name: str, value: Region) -> QuerySet:
        near = self.form.cleaned_data.get("near_nm")
        distance = float(near) if near is not None else settings.NEAR_NM
        links = MissionRegion.objects.filter(mission=OuterRef("pk"), region=value, distance_nm__lte=distance)
        return queryset.filter(Exists(links))

    def filter_over(self, queryset: QuerySet, name: str, value: Region) -> QuerySet:
        return queryset.filter(Exists(MissionRegion.objects.filter(mission=OuterRef("pk"), region=value, over=True)))

    def filter_start(self, queryset: QuerySet, name: str, value: dt.datetime) -> QuerySet:
        return queryset.filter(end__gte=value)

    def filter_end(self, queryset: QuerySet, name: str, value: dt.datetime) -> QuerySet:
        return queryset.filter(start__lte=value)


class AircraftFilter(filters.FilterSet):
    type = CharInFilter(method="filter_type", label="Aircraft type designators, comma-separated")
    operator = CharInFilter(field_name="operator__slug", lookup_expr="in")
    military = filters.BooleanFilter()

    class Meta:
        model = Aircraft
        fields: list[str] = []

    def filter_type(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.filter(aircraft_type_id__in=[v.strip().upper() for v in value])


class AircraftTypeFilter(filters.FilterSet):
    role = ChoiceInFilter(field_name="role", lookup_expr="in", choices=AircraftType.Role.choices)
    surveillance = filters.BooleanFilter(field_name="is_surveillance")

    class Meta:
        model = AircraftType
        fields: list[str] = []


class RegionFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Region.Kind.choices)

    class Meta:
        model = Region
        fields: list[str] = []


class SourceFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Source.Kind.choices)
    published_after = filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_before = filters.DateFilter(field_name="published_on", lookup_expr="lte")

    class Meta:
        model = Source
        fields: list[str] = []


class ImportRunFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=ImportRun.Status.choices)
    origin = filters.CharFilter()

    class Meta:
        model = ImportRun
        fields: list[str] = []
