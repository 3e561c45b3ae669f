"""Pure flight-data code (no database): readers, sortie splitting, orbit detection, the track codec, registries.

Kept free of Django models so it can be tested and benchmarked on its own; evidence/services/flight_import.py is
where this meets the database.
"""

from .orbits import Orbit, detect_orbits
from .positions import AircraftInfo, AircraftTrack, FlightFileError, Positions
from .readers import read_flight_file
from .registries import address_info, is_military_address, military_address_country, read_registry
from .sorties import Sortie, split_sorties
from .trackcodec import decode_track, encode_track

__all__ = [
    "AircraftInfo",
    "AircraftTrack",
    "FlightFileError",
    "Orbit",
    "Positions",
    "Sortie",
    "address_info",
    "decode_track",
    "detect_orbits",
    "encode_track",
    "is_military_address",
    "military_address_country",
    "read_flight_file",
    "read_registry",
    "split_sorties",
]
