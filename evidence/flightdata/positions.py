"""The in-memory shape of flight data: one aircraft's description plus its positions as parallel numpy arrays.

Struct-of-arrays rather than a list of point objects because everything downstream (sortie splitting, orbit
detection, region tagging, the track codec) is vectorised numpy; a Python object per position would cost ~100x the
memory and make the 200,000 positions/s import target unreachable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

FT_PER_M = 1 / 0.3048
KT_PER_MS = 3600 / 1852
FPM_PER_MS = 60 / 0.3048


# Position sources (readsb's trace field 9): index stored per position and in the track codec (version 2).
SOURCE_NAMES = ("unknown", "adsb", "mlat", "tisb", "adsr", "other")
SOURCE_LABELS = {
    "unknown": "unknown",
    "adsb": "ADS-B",
    "mlat": "MLAT",
    "tisb": "TIS-B",
    "adsr": "ADS-R",
    "other": "other",
}


def source_code(value: object) -> int:
    """readsb's source type (``adsb_icao``, ``mlat``, ``tisb_trackfile``, ``adsr_icao``, ``mode_s``…) → index."""
    if not isinstance(value, str) or not value:
        return 0
    for prefix, code in (("adsb", 1), ("mlat", 2), ("tisb", 3), ("adsr", 4)):
        if value.startswith(prefix):
            return code
    return 5


class FlightFileError(Exception):
    """A flight file that cannot be used at all. The importer rejects the whole file (nothing of it is written).

    ``location`` says where: ``"trace row 17"``, ``"record 3"``, ``"line 12"``, ``"gzip stream"``, ``"top level"``.
    """

    def __init__(self, path: str, location: str, reason: str) -> None:
        super().__init__(f"{path}: {location}: {reason}")
        self.path = str(path)
        self.location = str(location)
        self.reason = reason

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "location": self.location, "reason": self.reason}

    def __reduce__(self) -> tuple[type[FlightFileError], tuple[str, str, str]]:
        # Picklable with its three arguments (worker processes hand errors back to the importer).
        return (FlightFileError, (self.path, self.location, self.reason))


@dataclass
class AircraftInfo:
    """What a flight file says about the airframe. Empty strings / None mean "the file did not say"."""

    hex: str
    registration: str = ""
    icao_type: str = ""
    description: str = ""
    operator: str = ""
    military: bool = False
    year: int | None = None
    db_flags: int | None = None
    source: str = ""


@dataclass
class Positions:
    """Positions of one aircraft, sorted by time. Units: unix seconds, degrees, feet, knots, degrees true.

    Callsigns are stored categorically (``callsign_codes`` index into ``callsign_table``, -1 = unknown) so a
    day of 1 Hz positions does not hold 86,400 Python strings.
    """

    t: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    alt_ft: np.ndarray
    gs_kt: np.ndarray
    track_deg: np.ndarray
    on_ground: np.ndarray
    new_leg: np.ndarray
    callsign_codes: np.ndarray
    callsign_table: list[str] = field(default_factory=list)
    # Where each position came from (SOURCE_NAMES index, 0 = unknown); None → all unknown.
    source: np.ndarray = None  # type: ignore[assignment]

    ARRAYS = ("t", "lat", "lon", "alt_ft", "gs_kt", "track_deg", "on_ground", "new_leg", "source", "callsign_codes")

    def __post_init__(self) -> None:
        if self.source is None:
            self.source = np.zeros(len(self.t), dtype=np.uint8)

    def source_shares(self) -> dict[str, float]:
        """Share of positions per known source, e.g. ``{"adsb": 0.92, "mlat": 0.08}``; ``{}`` when none is known."""
        known = self.source[self.source > 0]
        if not known.size:
            return {}
        counts = np.bincount(known, minlength=len(SOURCE_NAMES))
        return {SOURCE_NAMES[i]: round(float(c) / len(self), 4) for i, c in enumerate(counts) if c and i}

    def __len__(self) -> int:
        return int(self.t.shape[0])

    @classmethod
    def empty(cls) -> Positions:
        f = np.empty(0, dtype=np.float64)
        b = np.empty(0, dtype=bool)
        return cls(f, f, f, f, f, f, b, b, np.empty(0, dtype=np.int32), [])

    @classmethod
    def build(
        cls,
        *,
        t: np.ndarray,
        lat: np.ndarray,
        lon: np.ndarray,
        alt_ft: np.ndarray | None = None,
        gs_kt: np.ndarray | None = None,
        track_deg: np.ndarray | None = None,
        on_ground: np.ndarray | None = None,
        new_leg: np.ndarray | None = None,
        callsign_codes: np.ndarray | None = None,
        callsign_table: Sequence[str] = (),
        sort: bool = True,
        source: np.ndarray | None = None,
    ) -> Positions:
        """Build from arrays (missing ones filled with NaN/False/-1) and sort by time (stable)."""
        n = len(t)
        nan = np.full(n, np.nan)
        pos = cls(
            t=np.asarray(t, dtype=np.float64),
            lat=np.asarray(lat, dtype=np.float64),
            lon=np.asarray(lon, dtype=np.float64),
            alt_ft=nan.copy() if alt_ft is None else np.asarray(alt_ft, dtype=np.float64),
            gs_kt=nan.copy() if gs_kt is None else np.asarray(gs_kt, dtype=np.float64),
            track_deg=nan.copy() if track_deg is None else np.asarray(track_deg, dtype=np.float64),
            on_ground=np.zeros(n, bool) if on_ground is None else np.asarray(on_ground, dtype=bool),
            new_leg=np.zeros(n, bool) if new_leg is None else np.asarray(new_leg, dtype=bool),
            callsign_codes=np.full(n, -1, np.int32) if callsign_codes is None else np.asarray(callsign_codes, np.int32),
            callsign_table=list(callsign_table),
            source=np.zeros(n, np.uint8) if source is None else np.asarray(source, dtype=np.uint8),
        )
        if sort and n > 1 and np.any(np.diff(pos.t) < 0):
            pos = pos.take(np.argsort(pos.t, kind="stable"))
        return pos

    def take(self, index: np.ndarray | slice) -> Positions:
        """A subset (index array, boolean mask or slice) sharing the callsign table."""
        arrays = {name: getattr(self, name)[index] for name in self.ARRAYS}
        return Positions(**arrays, callsign_table=self.callsign_table)

    def callsigns(self) -> np.ndarray:
        """Callsign per point as an object array ('' where unknown). Materialises strings: use on small subsets."""
        table = np.array([*self.callsign_table, ""], dtype=object)
        return table[self.callsign_codes]  # code -1 picks the trailing ''

    @classmethod
    def concat(cls, parts: Sequence[Positions]) -> Positions:
        """Concatenate (re-coding callsigns into one table) and sort by time."""
        parts = [p for p in parts if len(p)]
        if not parts:
            return cls.empty()
        table: dict[str, int] = {}
        codes = []
        for p in parts:
            remap = np.array([table.setdefault(c, len(table)) for c in p.callsign_table] + [-1], dtype=np.int32)
            codes.append(remap[p.callsign_codes])
        arrays = {name: np.concatenate([getattr(p, name) for p in parts]) for name in cls.ARRAYS[:-1]}
        # (ARRAYS ends with callsign_codes, re-coded above)
        return cls.build(**arrays, callsign_codes=np.concatenate(codes), callsign_table=list(table))

    def dedupe(self) -> Positions:
        """Drop repeated samples: one position per 1/100 s (the codec's time precision). Keeps the first seen."""
        if len(self) < 2:
            return self
        keys = np.round(self.t * 100).astype(np.int64)
        _, first = np.unique(keys, return_index=True)
        if len(first) == len(self):
            return self
        return self.take(np.sort(first))


@dataclass
class AircraftTrack:
    """Everything one file says about one aircraft."""

    aircraft: AircraftInfo
    positions: Positions
    path: str = ""
