"""Aircraft registry import, and the provenance rule every aircraft write follows.

Registries disagree and have gaps, so every value on ``Aircraft`` remembers where it came from
(``provenance[field] = {"source", "at", ...}``) and a write only happens when the new source may override the old:

* ``manual`` (a person in the admin; evidence/services/aircraft.py) is never overwritten by any import;
* registries (plane-alert-db, tar1090-db) override flight-file values and each other (latest wins);
* flight files (readsb ``r``/``t``/``desc``/``ownOp``, OpenSky, traffic) only fill what no registry set;
* empty values never overwrite anything;
* ``military`` is only ever *set* by imports, never cleared: registries are known to miss the military flag on
  military airframes, so "not military" from a file is not evidence; a person can clear it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from evidence.flightdata.registries import (
    RegistryFormat,
    RegistryRecord,
    RegistryRowError,
    check_registry_file,
    read_registry,
)
from evidence.models import Aircraft, AircraftType, Mission, MissionRegion, Organisation

MANUAL = "manual"
REGISTRY_SOURCES = {"plane-alert": "plane-alert-db", "tar1090": "tar1090-db"}
_RANK = {MANUAL: 100, "plane-alert-db": 20, "tar1090-db": 20}
FLIGHT_FILE_RANK = 10
BATCH = 2000
AIRCRAFT_FIELDS = ("registration", "aircraft_type", "type_description", "operator", "operator_name", "military", "year")


def source_rank(source: str) -> int:
    return _RANK.get(source, FLIGHT_FILE_RANK)


class OrganisationIndex:
    """Operator strings → Organisation by name, short name or alias (case-insensitive), built once per import."""

    def __init__(self) -> None:
        self._by_text: dict[str, int] = {}
        for org in Organisation.objects.only("pk", "name", "short_name", "aliases"):
            for text in [org.name, org.short_name, *(org.aliases or [])]:
                if isinstance(text, str) and text.strip():
                    self._by_text.setdefault(text.strip().lower(), org.pk)

    def lookup(self, text: str) -> int | None:
        return self._by_text.get((text or "").strip().lower())


class TypeIndex:
    """Known AircraftType designators; unknown ones are created (name from the file's description)."""

    def __init__(self) -> None:
        self._known = set(AircraftType.objects.values_list("designator", flat=True))

    def ensure(self, designator: str, name: str) -> str | None:
        if not designator:
            return None
        if designator not in self._known:
            AircraftType.objects.get_or_create(designator=designator, defaults={"name": (name or designator)[:120]})
            self._known.add(designator)
        return designator


def apply_aircraft_values(
    aircraft: Aircraft, values: dict[str, Any], *, source: str, detail: dict[str, Any] | None = None
) -> list[str]:
    """Write ``values`` (field → value; ``aircraft_type``/``operator`` as primary keys) where the provenance rule
    allows it. Returns the changed fields; provenance of written values is updated in place."""
    rank = source_rank(source)
    now = timezone.now().isoformat(timespec="seconds")
    provenance = dict(aircraft.provenance or {})
    changed: list[str] = []
    for name, value in values.items():
        if value is None or value == "":
            continue
        if name == "military" and not value:
            continue  # imports never clear the military flag
        previous = provenance.get(name) or {}
        prev_source = previous.get("source", "")
        attr = f"{name}_id" if name in ("aircraft_type", "operator") else name
        current = getattr(aircraft, attr)
        if prev_source == MANUAL:
            continue
        if prev_source and source_rank(prev_source) > rank and current not in (None, ""):
            continue
        if current == value and prev_source and (prev_source == source or source_rank(prev_source) >= rank):
            continue  # already says so, on at least as good authority
        setattr(aircraft, attr, value)
        provenance[name] = {"source": source, "at": now, **(detail or {})}
        changed.append(name)
    if changed:
        aircraft.provenance = provenance
    return changed


@dataclass
class RegistryImportResult:
    format: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[RegistryRowError] = field(default_factory=list)


def import_registry(
    path: str | Path,
    *,
    fmt: RegistryFormat | None = None,
    create_missing: bool | None = None,
    progress: Callable[[int], None] | None = None,
) -> RegistryImportResult:
    """Import a plane-alert-db or tar1090-db file (format auto-detected when ``fmt`` is None).

    ``create_missing``: create Aircraft rows the database does not have yet. Default: yes for plane-alert-db (a
    curated list of interesting aircraft), only military rows for tar1090-db (600,000 mostly civil airframes would
    only bloat the table; they are filled in when their flights are imported). A file that cannot be read (not
    UTF-8 text, a broken gzip) or is no registry raises ValueError before anything is written.
    """
    check_registry_file(path)  # a file that cannot be read is refused before anything is written
    errors: list[RegistryRowError] = []
    records = read_registry(path, fmt=fmt, errors=errors)
    from evidence.flightdata.registries import detect_registry_format

    fmt = fmt or detect_registry_format(path)
    source = REGISTRY_SOURCES[fmt]
    result = RegistryImportResult(format=fmt, errors=errors)
    orgs = OrganisationIndex()
    types = TypeIndex()
    for batch in _batches(records, BATCH):
        with transaction.atomic():
            _import_batch(
                batch, source=source, fmt=fmt, create_missing=create_missing, orgs=orgs, types=types, result=result
            )
        if progress:
            progress(result.rows)
    return result


def _batches(records: Iterable[RegistryRecord], size: int) -> Iterator[list[RegistryRecord]]:
    batch: list[RegistryRecord] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _import_batch(
    batch: list[RegistryRecord],
    *,
    source: str,
    fmt: str,
    create_missing: bool | None,
    orgs: OrganisationIndex,
    types: TypeIndex,
    result: RegistryImportResult,
) -> None:
    existing = Aircraft.objects.in_bulk([r.hex for r in batch])
    to_create: dict[str, Aircraft] = {}
    to_update: dict[str, Aircraft] = {}
    fields_changed: set[str] = set()
    type_changed: dict[str, str | None] = {}
    for rec in batch:
        result.rows += 1
        aircraft = existing.get(rec.hex) or to_create.get(rec.hex)
        is_new = aircraft is None
        if is_new:
            create = create_missing if create_missing is not None else (fmt == "plane-alert" or bool(rec.military))
            if not create:
                result.skipped += 1
                continue
            aircraft = Aircraft(hex=rec.hex, provenance={})
        designator = types.ensure(rec.icao_type, rec.type_name)
        values = {
            "registration": rec.registration[:20],
            "aircraft_type": designator,
            "type_description": rec.type_name[:120],
            "operator": orgs.lookup(rec.operator),
            "operator_name": rec.operator[:200],
            "military": rec.military,
            "year": rec.year,
        }
        old_type = aircraft.aircraft_type_id
        changed = apply_aircraft_values(aircraft, values, source=source, detail={"line": rec.line})
        if is_new:
            to_create[rec.hex] = aircraft
        elif changed:
            to_update[rec.hex] = aircraft
            fields_changed.update("aircraft_type" if f == "aircraft_type" else f for f in changed)
            if aircraft.aircraft_type_id != old_type:
                type_changed[rec.hex] = aircraft.aircraft_type_id
        else:
            result.unchanged += 1
    if to_create:
        bulk_create_with_history(
            list(to_create.values()), Aircraft, batch_size=500, default_change_reason=f"import {source}"
        )
        result.created += len(to_create)
    if to_update:
        model_fields = sorted({"operator" if f == "operator" else f for f in fields_changed} | {"provenance"})
        bulk_update_with_history(
            list(to_update.values()), Aircraft, model_fields, batch_size=500, default_change_reason=f"import {source}"
        )
        result.updated += len(to_update)
    # Missions carry the aircraft type denormalised ("U-2 missions in February" without a join): keep in sync.
    by_type: dict[str | None, list[str]] = {}
    for hex_address, designator in type_changed.items():
        by_type.setdefault(designator, []).append(hex_address)
    for designator, hexes in by_type.items():
        Mission.objects.filter(aircraft_id__in=hexes).update(aircraft_type_id=designator)
        MissionRegion.objects.filter(mission__aircraft_id__in=hexes).update(aircraft_type_id=designator)
