"""What an import keeps as missions (the rest still counts for coverage).

Default (``KeepFilter.from_database()``), an aircraft is kept when any of these says it is military or watched:

1. the file says so (readsb ``dbFlags`` bit 1);
2. the registry says so (``Aircraft.military``, from plane-alert-db / tar1090-db imports or a person);
3. its ICAO address lies in a military address block (``evidence.flightdata.registries.is_military_address``,
   the one lookup every part of the project uses);
4. its type's role is a military one (``MILITARY_ROLES``: maritime patrol, SIGINT, reconnaissance, AEW, ISR,
   command post, tanker, fighter) or the type is marked surveillance;
5. it is on the watch list (``settings.IMPORT_WATCH_LIST``: ICAO hex addresses or registrations).

``--all`` (CLI) / ``keep_all`` (API, admin) keeps every aircraft.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

from evidence.flightdata import AircraftTrack
from evidence.flightdata.registries import is_military_address, valid_designator

MILITARY_ROLES = (
    "maritime_patrol", "sigint", "high_altitude_recon", "drone_recon", "aew", "isr", "command_post", "tanker",
    "fighter",
)  # fmt: skip


@dataclass
class KeepFilter:
    """Picklable (it travels to parsing processes): plain sets, no database handles."""

    military_hexes: frozenset[str] = field(default_factory=frozenset)
    military_types: frozenset[str] = field(default_factory=frozenset)
    watch: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_database(cls) -> KeepFilter:
        from evidence.models import Aircraft, AircraftType

        hexes = frozenset(Aircraft.objects.filter(military=True).values_list("hex", flat=True))
        types = AircraftType.objects.filter(role__in=MILITARY_ROLES) | AircraftType.objects.filter(is_surveillance=True)
        watch = frozenset(str(w).strip().lower() for w in settings.IMPORT_WATCH_LIST if str(w).strip())
        return cls(hexes, frozenset(types.values_list("designator", flat=True)), watch)

    def __call__(self, track: AircraftTrack) -> bool:
        info = track.aircraft
        return bool(
            info.military
            or info.hex in self.military_hexes
            or is_military_address(info.hex)
            or valid_designator(info.icao_type) in self.military_types
            or info.hex in self.watch
            or (info.registration and info.registration.lower() in self.watch)
        )
