"""Aircraft edits by people. A value a person set is marked "manual" in the provenance and no import overwrites it."""

from __future__ import annotations

from django.utils import timezone

from evidence.models import Aircraft, Mission, MissionRegion

#: Form/model field → provenance key (the registry importer uses the same keys).
PROVENANCE_KEYS = {
    "registration": "registration",
    "aircraft_type": "aircraft_type",
    "type_description": "type_description",
    "operator": "operator",
    "operator_name": "operator_name",
    "military": "military",
    "year": "year",
}


def mark_manual_values(*, aircraft: Aircraft, fields: list[str], user=None) -> Aircraft:
    """Record that ``fields`` of ``aircraft`` were set by a person (call before saving the person's edit)."""
    now = timezone.now().isoformat(timespec="seconds")
    who = getattr(user, "username", "") or ""
    provenance = dict(aircraft.provenance or {})
    for field in fields:
        key = PROVENANCE_KEYS.get(field)
        if key:
            provenance[key] = {"source": "manual", "at": now, "by": who}
    aircraft.provenance = provenance
    return aircraft


def aircraft_sync_type(*, aircraft: Aircraft) -> int:
    """Missions and their region rows carry the aircraft's type (denormalised for indexed questions): bring them in
    line after the type changed. Returns the number of missions updated."""
    designator = aircraft.aircraft_type_id
    updated = Mission.objects.filter(aircraft=aircraft).exclude(aircraft_type_id=designator).update(
        aircraft_type_id=designator
    )
    MissionRegion.objects.filter(mission__aircraft=aircraft).exclude(aircraft_type_id=designator).update(
        aircraft_type_id=designator
    )
    return updated
