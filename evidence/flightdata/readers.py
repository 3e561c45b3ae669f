"""Read flight files in the formats people have, detected by content (never by file name).

Formats:
- readsb/tar1090 ``trace_full_<hex>.json`` (plain, or gzip whatever the name): a dict with ``icao``, ``timestamp``,
  ``trace``; rows of 9 (before 2022) or 14 fields; ``"ground"`` altitudes; flag bit 2 = start of a new leg;
  callsigns only in the sparse detail dicts (field 8), carried forward until the next one or the next leg.
- The ``traffic`` library's flat records, a JSON list or a CSV (``timestamp`` in ms — ISO strings accepted in CSV —
  ``icao24``, ``callsign``, ``latitude``, ``longitude``, ``altitude`` ft, ``groundspeed`` kt, ``track``,
  ``vertical_rate``, ``onground``).
- OpenSky historical state-vector CSV (metres and m/s, converted to ft and kt; ``NaN`` = missing) and OpenSky
  ``/tracks/all`` JSON (``path`` rows, altitude in metres).

Policy: a position without lat/lon is skipped (normal in real data); anything malformed — not JSON, truncated gzip,
a missing field, latitude 123, text where a number belongs, a time outside 1990-2100 (a seconds/ms mix-up), a NUL
character in a callsign or another text — raises
``FlightFileError(path, location, reason)``. The importer then rejects the whole file, because a file with one
corrupt row cannot be trusted to be right elsewhere.

Memory: one file at a time. JSON formats are parsed whole (orjson) and turned into numpy columns at once; CSVs are
read in chunks into numpy columns and grouped per aircraft, so memory follows the size of one file, not of the run.
"""

from __future__ import annotations

import csv
import gc
import gzip
import io
import itertools
import math
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import numpy as np
import orjson

from .positions import (
    FT_PER_M,
    KT_PER_MS,
    AircraftInfo,
    AircraftTrack,
    FlightFileError,
    Positions,
    source_code,
)
from .registries import is_military_address, normalise_hex

__all__ = [
    "AircraftTrack",
    "FlightFileError",
    "default_max_bytes",
    "read_flight_bytes",
    "read_flight_file",
    "read_flight_stream",
]

T_MIN = 631152000.0  # 1990-01-01
T_MAX = 4102444800.0  # 2100-01-01
_NUMBER = (float, int)
_NONE = type(None)
CSV_CHUNK_ROWS = 200_000
# Largest flight file accepted, in bytes once decompressed (settings.FLIGHT_FILE_MAX_BYTES overrides it). A day
# archive's trace files are well under 10 MB each; JSON is parsed whole, costing several times its size in memory.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 20


def read_flight_file(path: str | Path, *, max_bytes: int | None = None) -> Iterator[AircraftTrack]:
    """Yield one ``AircraftTrack`` per aircraft in the file (positions sorted by time, no lat/lon-less rows).

    Raises ``FlightFileError`` for anything malformed. The file is validated completely before the first track is
    yielded, so a caller that consumes the iterator never sees part of a bad file.

    ``max_bytes`` (default: the setting ``FLIGHT_FILE_MAX_BYTES``) bounds the file's size once decompressed.
    """
    path = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the tracks are built
    except OSError as exc:
        raise FlightFileError(path, "file", f"cannot read: {exc.strerror or exc}") from None
    with fh:
        tracks = read_flight_stream(fh, path, max_bytes=max_bytes)
    yield from tracks


def read_flight_stream(fh: IO[bytes], path: str, *, max_bytes: int | None = None) -> list[AircraftTrack]:
    """Tracks of one flight file given as a binary stream (an open file, a tar member), plain or gzip (detected by
    the magic bytes). ``path`` names the file in errors.

    The content is read in chunks through a counter: a file whose decompressed size passes ``max_bytes`` (default:
    the setting ``FLIGHT_FILE_MAX_BYTES``) is refused as soon as the count passes it, before more than about
    ``max_bytes`` is held — a gzip bomb costs no more memory than an honest file of that size.
    """
    limit = default_max_bytes() if max_bytes is None else int(max_bytes)
    try:
        raw = io.BufferedReader(_Counted(fh, path, limit, "file"), buffer_size=_CHUNK)
        if raw.peek(2)[:2] == b"\x1f\x8b":
            inner: IO[bytes] = io.BufferedReader(
                _Counted(gzip.GzipFile(fileobj=raw, mode="rb"), path, limit, "decompressed"), buffer_size=_CHUNK
            )
        else:
            inner = raw
        tracks = _read_content(inner, path)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise FlightFileError(path, "gzip stream", f"corrupt or truncated gzip: {exc}") from None
    except OSError as exc:
        raise FlightFileError(path, "file", f"cannot read: {exc.strerror or exc}") from None
    _check_text(tracks, path)
    return tracks


def read_flight_bytes(data: bytes, path: str, *, max_bytes: int | None = None) -> list[AircraftTrack]:
    """``read_flight_stream`` of a file already in memory (a tar member): a gzip document is inflated in one call
    and JSON parsed from it directly, without the stream layers. Whatever that path does not take — CSV, a corrupt,
    truncated or oversized gzip — goes through ``read_flight_stream``, so the tracks and every error are the same."""
    limit = default_max_bytes() if max_bytes is None else int(max_bytes)
    content = _inflated(data, limit) if data[:2] == b"\x1f\x8b" else (data if len(data) <= limit else None)
    if content is None or content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):  # as _read_content
        return read_flight_stream(io.BytesIO(data), path, max_bytes=limit)
    tracks = _parse_document(content, path)
    _check_text(tracks, path)
    return tracks


def _inflated(data: bytes, limit: int) -> bytes | None:
    """The gzip members of ``data`` inflated, or None when they are not all complete and valid or inflate to more
    than ``limit`` bytes (the stream reader then says what is wrong)."""
    out: list[bytes] = []
    size, rest = 0, data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            chunk = inflater.decompress(rest, limit + 1 - size)
        except zlib.error:
            return None
        size += len(chunk)
        if size > limit or not inflater.eof:
            return None
        out.append(chunk)
        rest = inflater.unused_data
    return b"".join(out)


def default_max_bytes() -> int:
    """``settings.FLIGHT_FILE_MAX_BYTES`` when Django is configured, else ``DEFAULT_MAX_BYTES``."""
    try:
        from django.conf import settings

        return int(getattr(settings, "FLIGHT_FILE_MAX_BYTES", DEFAULT_MAX_BYTES))
    except ImportError:  # pragma: no cover - Django is always installed with the project
        return DEFAULT_MAX_BYTES
    except Exception:  # settings not configured (a plain script)
        return DEFAULT_MAX_BYTES


def too_big_reason(limit: int, what: str = "once decompressed") -> str:
    return (
        f"larger than {limit:,} bytes {what} (FLIGHT_FILE_MAX_BYTES): refused as a possible decompression bomb; "
        "split the file or raise the setting"
    )


class _Counted(io.RawIOBase):
    """A raw stream over ``fh`` that raises ``FlightFileError`` once more than ``limit`` bytes came through."""

    def __init__(self, fh: IO[bytes], path: str, limit: int, what: str) -> None:
        super().__init__()
        self._fh, self._path, self._limit, self._what = fh, path, limit, what
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        n = self._fh.readinto(view) if hasattr(self._fh, "readinto") else _read_into(self._fh, view)
        self.count += n or 0
        if self.count > self._limit:
            what = "once decompressed" if self._what == "decompressed" else "on disk"
            raise FlightFileError(self._path, "file", too_big_reason(self._limit, what))
        return n or 0


def _read_into(fh: IO[bytes], view: memoryview) -> int:
    data = fh.read(len(view))
    view[: len(data)] = data
    return len(data)


def _read_content(fh: io.BufferedReader, path: str) -> list[AircraftTrack]:
    head = fh.peek(4096)[:4096]
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if not first:
        raise FlightFileError(path, "top level", "empty file")
    if first not in (b"{", b"["):
        return list(_parse_csv(path, fh, head))
    data = bytearray()
    while chunk := fh.read(_CHUNK):
        data += chunk
    return _parse_document(data, path)


def _parse_document(data: bytes | bytearray, path: str) -> list[AircraftTrack]:
    """Tracks of a whole JSON document."""
    # orjson creates one Python object per value and none of them form cycles: pausing the cyclic garbage
    # collector (which would otherwise scan them repeatedly) makes parsing ~25 % faster.
    with _gc_paused():
        try:
            doc = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            location = f"line {exc.lineno} column {exc.colno}"
            raise FlightFileError(path, location, f"not valid JSON: {exc.msg}") from None
        tracks = list(_parse_json(doc, path))
        del doc
    return tracks


def _check_text(tracks: list[AircraftTrack], path: str) -> None:
    """The text a file gives (callsigns, registration, type, operator) must not hold a NUL character: no real
    value does, and PostgreSQL refuses to store one."""
    for track in tracks:
        info = track.aircraft
        texts = {
            "callsign": track.positions.callsign_table,
            "registration": [info.registration],
            "type": [info.icao_type],
            "description": [info.description],
            "operator": [info.operator],
        }
        for name, values in texts.items():
            for value in values:
                if "\x00" in value:
                    raise FlightFileError(path, f"aircraft {info.hex}", f"{name} {value!r} contains a NUL character")


@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- column helpers ------------------------------------------------------------------------------------------


def _first_bad(col: list[Any] | tuple[Any, ...], allowed: tuple[type, ...]) -> int:
    return next(i for i, v in enumerate(col) if type(v) not in allowed)


def _numbers(
    col: list[Any] | tuple[Any, ...], path: str, where: str, name: str, *, nullable: bool, offset: int = 0
) -> np.ndarray:
    """Column of JSON numbers (None → NaN when nullable) to float64; text, booleans, dicts raise with the row."""
    _check_numbers(col, path, where, name, nullable=nullable, offset=offset)
    return np.array(col, dtype=np.float64)


def _check_numbers(
    col: list[Any] | tuple[Any, ...], path: str, where: str, name: str, *, nullable: bool, offset: int = 0
) -> None:
    """Raise with the row unless every value is a JSON number (or None when nullable)."""
    allowed: tuple[type, ...] = (*_NUMBER, _NONE) if nullable else _NUMBER
    if not set(map(type, col)) <= set(allowed):
        i = _first_bad(col, allowed)
        raise FlightFileError(path, f"{where} {i + offset}", f"{name} is {col[i]!r}, expected a number")


def _label(where: str, i: int, labels: Sequence[int] | None) -> str:
    return f"{where} {labels[i] if labels is not None else i}"


def _check_time(t: np.ndarray, path: str, where: str, labels: Sequence[int] | None = None) -> None:
    bad = ~np.isfinite(t) | (t < T_MIN) | (t > T_MAX)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise FlightFileError(path, _label(where, i, labels), f"time {float(t[i])!r} is not between 1990 and 2100")


def _check_latlon(lat: np.ndarray, lon: np.ndarray, path: str, where: str, labels: Sequence[int] | None = None) -> None:
    for name, arr, limit in (("latitude", lat, 90.0), ("longitude", lon, 180.0)):
        with np.errstate(invalid="ignore"):
            bad = np.abs(arr) > limit
        bad |= np.isinf(arr)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            reason = f"{name} {float(arr[i])!r} is out of range ±{limit:g}"
            raise FlightFileError(path, _label(where, i, labels), reason)


def _info(hex_address: str, source: str, **kwargs: Any) -> AircraftInfo:
    info = AircraftInfo(hex=hex_address, source=source, **kwargs)
    info.military = info.military or is_military_address(hex_address)
    return info


# --- JSON formats --------------------------------------------------------------------------------------------


def _parse_json(doc: Any, path: str) -> Iterator[AircraftTrack]:
    if isinstance(doc, dict):
        if "trace" in doc or ("icao" in doc and "timestamp" in doc):
            yield _parse_readsb(doc, path)
            return
        if "path" in doc and "icao24" in doc:
            yield _parse_opensky_tracks(doc, path)
            return
        missing = [k for k in ("icao", "timestamp", "trace") if k not in doc]
        raise FlightFileError(path, "top level", f"unrecognised JSON object: missing field {missing[0]!r}")
    if isinstance(doc, list):
        yield from _parse_traffic_records(doc, path)
        return
    raise FlightFileError(path, "top level", f"unrecognised JSON ({type(doc).__name__})")


def _parse_readsb(doc: dict[str, Any], path: str) -> AircraftTrack:
    for key in ("icao", "timestamp", "trace"):
        if key not in doc:
            raise FlightFileError(path, "top level", f"missing field {key!r}")
    hex_address = normalise_hex(doc["icao"]) if isinstance(doc["icao"], str) else None
    if hex_address is None:
        raise FlightFileError(path, "top level", f"icao {doc['icao']!r} is not an ICAO hex address")
    base = doc["timestamp"]
    if type(base) not in _NUMBER or not math.isfinite(base):
        raise FlightFileError(path, "top level", f"timestamp {base!r} is not a number")
    trace = doc["trace"]
    if not isinstance(trace, list):
        raise FlightFileError(path, "top level", "trace is not an array")
    where = "trace row"
    if not set(map(type, trace)) <= {list}:
        i = _first_bad(trace, (list,))
        raise FlightFileError(path, f"{where} {i}", f"row is {trace[i]!r}, expected an array")
    if trace:
        lens = np.fromiter(map(len, trace), dtype=np.int64, count=len(trace))
        short = np.flatnonzero(lens < 9)
        if short.size:
            i = int(short[0])
            raise FlightFileError(path, f"{where} {i}", f"row has {lens[i]} fields, expected 9 or 14 (missing fields)")
        # Columns, transposed lazily: only the 10 used ones are built (14-field rows carry 4 more).
        width = 10 if int(lens.min()) >= 10 else 9
        cols = list(itertools.islice(zip(*trace, strict=False), width))
        if width == 9:  # pre-2022 rows (or a mix): the source where a row has one
            cols.append(tuple(r[9] if len(r) > 9 else None for r in trace))
    else:
        cols = [()] * 10

    offset_s = _numbers(cols[0], path, where, "time offset", nullable=False)
    lat = _numbers(cols[1], path, where, "latitude", nullable=True)
    lon = _numbers(cols[2], path, where, "longitude", nullable=True)
    alt_col: Any = cols[3]
    if str in set(map(type, alt_col)):
        alt_obj = np.array(alt_col, dtype=object)
        on_ground = np.asarray(alt_obj == "ground", dtype=bool)  # elementwise, in C
        alt_obj[on_ground] = None
        alt_col = alt_obj.tolist()
    else:
        on_ground = np.zeros(len(alt_col), dtype=bool)
    alt = _numbers(alt_col, path, where, "altitude", nullable=True)
    gs = _numbers(cols[4], path, where, "ground speed", nullable=True)
    track = _numbers(cols[5], path, where, "track", nullable=True)
    flags_col = cols[6]
    if not set(map(type, flags_col)) <= {int, _NONE}:
        i = _first_bad(flags_col, (int, _NONE))
        raise FlightFileError(path, f"{where} {i}", f"flags {flags_col[i]!r} is not an integer")
    flags = np.nan_to_num(np.array(flags_col, dtype=np.float64)).astype(np.int64)
    _check_numbers(cols[7], path, where, "vertical rate", nullable=True)  # validated, not kept
    details = cols[8]
    if not set(map(type, details)) <= {dict, _NONE}:
        i = _first_bad(details, (dict, _NONE))
        raise FlightFileError(path, f"{where} {i}", f"details {details[i]!r} is not an object or null")

    source = _sources(cols[9], path, where)
    t = float(base) + offset_s
    _check_time(t, path, where)
    _check_latlon(lat, lon, path, where)
    new_leg = (flags & 2) != 0

    # Callsign carried forward from the sparse detail dicts; a new leg starts without one until it is heard again.
    n = len(t)
    table: dict[str, int] = {}
    set_at = np.zeros(n, dtype=bool)
    code_at = np.full(n, -1, dtype=np.int32)
    for i in itertools.compress(range(n), details):  # rows with a non-empty detail dict
        d = details[i]
        if "flight" in d:
            flight = d["flight"]
            if not isinstance(flight, str):
                raise FlightFileError(path, f"{where} {i}", f"callsign {flight!r} is not text")
            flight = flight.strip()
            set_at[i] = True
            code_at[i] = table.setdefault(flight, len(table)) if flight else -1
    set_at |= new_leg
    last_set = np.maximum.accumulate(np.where(set_at, np.arange(n), -1)) if n else np.empty(0, np.int64)
    codes = np.where(last_set >= 0, code_at[np.maximum(last_set, 0)], -1).astype(np.int32)

    keep = np.isfinite(lat) & np.isfinite(lon)
    positions = Positions.build(
        t=t[keep],
        lat=lat[keep],
        lon=lon[keep],
        alt_ft=alt[keep],
        gs_kt=gs[keep],
        track_deg=track[keep],
        on_ground=on_ground[keep],
        new_leg=new_leg[keep],
        callsign_codes=codes[keep],
        callsign_table=list(table),
        source=source[keep],
    )
    db_flags = doc.get("dbFlags")
    db_flags = db_flags if type(db_flags) is int else None
    year = doc.get("year")
    try:
        year = int(year) if year not in (None, "") else None
        if year is not None and not 1900 <= year <= 2100:
            year = None
    except (TypeError, ValueError):
        year = None
    info = _info(
        hex_address,
        "readsb",
        registration=_text(doc.get("r")),
        icao_type=_text(doc.get("t")).upper(),
        description=_text(doc.get("desc")),
        operator=_text(doc.get("ownOp")),
        military=bool(db_flags and db_flags & 1),
        year=year,
        db_flags=db_flags,
    )
    return AircraftTrack(info, positions, path)


def _sources(col: list[Any] | tuple[Any, ...], path: str, where: str) -> np.ndarray:
    """readsb's source type per row (field 9: ``adsb_icao``, ``mlat``…) → SOURCE_NAMES codes (0 = not given)."""
    if not set(map(type, col)) <= {str, _NONE}:
        i = _first_bad(col, (str, _NONE))
        raise FlightFileError(path, f"{where} {i}", f"source {col[i]!r} is not text")
    codes = {value: source_code(value) for value in set(col)}
    return np.fromiter(map(codes.__getitem__, col), dtype=np.uint8, count=len(col))


def _callsign(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    return "" if text.lower() == "nan" else text


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _parse_opensky_tracks(doc: dict[str, Any], path: str) -> AircraftTrack:
    hex_address = normalise_hex(doc["icao24"]) if isinstance(doc["icao24"], str) else None
    if hex_address is None:
        raise FlightFileError(path, "top level", f"icao24 {doc['icao24']!r} is not an ICAO hex address")
    rows = doc["path"]
    if not isinstance(rows, list) or not set(map(type, rows)) <= {list}:
        raise FlightFileError(path, "top level", "path is not an array of arrays")
    where = "path row"
    for i, row in enumerate(rows):
        if len(row) < 6:
            raise FlightFileError(path, f"{where} {i}", f"row has {len(row)} fields, expected 6")
    cols = list(zip(*rows, strict=False)) if rows else [()] * 6
    t = _numbers(cols[0], path, where, "time", nullable=False)
    lat = _numbers(cols[1], path, where, "latitude", nullable=True)
    lon = _numbers(cols[2], path, where, "longitude", nullable=True)
    alt = _numbers(cols[3], path, where, "altitude", nullable=True) * FT_PER_M
    track = _numbers(cols[4], path, where, "track", nullable=True)
    if not set(map(type, cols[5])) <= {bool, _NONE}:
        i = _first_bad(cols[5], (bool, _NONE))
        raise FlightFileError(path, f"{where} {i}", f"on_ground {cols[5][i]!r} is not true/false")
    on_ground = np.array([bool(g) for g in cols[5]], dtype=bool)
    _check_time(t, path, where)
    _check_latlon(lat, lon, path, where)
    callsign = _text(doc.get("callsign"))
    keep = np.isfinite(lat) & np.isfinite(lon)
    positions = Positions.build(
        t=t[keep],
        lat=lat[keep],
        lon=lon[keep],
        alt_ft=alt[keep],
        track_deg=track[keep],
        on_ground=on_ground[keep],
        callsign_codes=np.zeros(int(keep.sum()), np.int32) if callsign else None,
        callsign_table=[callsign] if callsign else [],
    )
    return AircraftTrack(_info(hex_address, "opensky"), positions, path)


_TRAFFIC_REQUIRED = ("timestamp", "icao24", "latitude", "longitude")
_TRAFFIC_NUMERIC = ("altitude", "groundspeed", "track", "vertical_rate")


def _parse_traffic_records(records: list[Any], path: str) -> Iterator[AircraftTrack]:
    where = "record"
    if not set(map(type, records)) <= {dict}:
        i = _first_bad(records, (dict,))
        raise FlightFileError(path, f"{where} {i}", f"record is {records[i]!r}, expected an object")
    for key in _TRAFFIC_REQUIRED:
        for i, r in enumerate(records):
            if key not in r:
                raise FlightFileError(path, f"{where} {i}", f"missing field {key!r}")
    ts_col = [r["timestamp"] for r in records]
    if set(map(type, ts_col)) <= set(_NUMBER):
        t = _numbers(ts_col, path, where, "timestamp", nullable=False) / 1000.0
    else:
        t = _iso_times(ts_col, path, where)
    lat = _numbers([r["latitude"] for r in records], path, where, "latitude", nullable=True)
    lon = _numbers([r["longitude"] for r in records], path, where, "longitude", nullable=True)
    cols = {k: _numbers([r.get(k) for r in records], path, where, k, nullable=True) for k in _TRAFFIC_NUMERIC}
    ground_col = [r.get("onground") for r in records]
    if not set(map(type, ground_col)) <= {bool, _NONE}:
        i = _first_bad(ground_col, (bool, _NONE))
        raise FlightFileError(path, f"{where} {i}", f"onground {ground_col[i]!r} is not true/false")
    on_ground = np.array([bool(g) for g in ground_col], dtype=bool)
    icao_col = [r["icao24"] for r in records]
    callsign_col = [r.get("callsign") for r in records]
    for name, col in (("icao24", icao_col), ("callsign", callsign_col)):
        allowed = (str,) if name == "icao24" else (str, _NONE)
        if not set(map(type, col)) <= set(allowed):
            i = _first_bad(col, allowed)
            raise FlightFileError(path, f"{where} {i}", f"{name} {col[i]!r} is not text")
    _check_time(t, path, where)
    _check_latlon(lat, lon, path, where)
    yield from _group_by_aircraft(
        path,
        "traffic",
        where,
        np.array(icao_col, dtype=object),
        np.array(callsign_col, dtype=object),
        t=t,
        lat=lat,
        lon=lon,
        alt_ft=cols["altitude"],
        gs_kt=cols["groundspeed"],
        track_deg=cols["track"],
        on_ground=on_ground,
    )


def _iso_times(
    col: list[Any] | tuple[Any, ...], path: str, where: str, labels: Sequence[int] | None = None
) -> np.ndarray:
    out = np.empty(len(col), dtype=np.float64)
    for i, v in enumerate(col):
        try:
            if isinstance(v, int | float) and not isinstance(v, bool):
                out[i] = float(v) / 1000.0
                continue
            if isinstance(v, str) and _is_number(v):
                out[i] = float(v) / 1000.0
                continue
            dt = datetime.fromisoformat(v.strip().replace("Z", "+00:00"))
            if dt.tzinfo is None:
                raise ValueError("timestamp without a time zone")
            out[i] = dt.timestamp()
        except (AttributeError, TypeError, ValueError):
            reason = f"timestamp {v!r} is neither ms nor ISO 8601"
            raise FlightFileError(path, _label(where, i, labels), reason) from None
    return out


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _group_by_aircraft(
    path: str, source: str, where: str, icao: np.ndarray, callsign: np.ndarray, **arrays: np.ndarray
) -> Iterator[AircraftTrack]:
    """Split columnar rows of several aircraft into one track each (rows without lat/lon dropped)."""
    keep = np.isfinite(arrays["lat"]) & np.isfinite(arrays["lon"])
    if not keep.any():
        return
    icao = icao[keep]
    callsign = callsign[keep]
    arrays = {k: v[keep] for k, v in arrays.items()}
    keys, inverse = np.unique(icao.astype(str), return_inverse=True)
    for k, key in enumerate(keys):
        hex_address = normalise_hex(key)
        if hex_address is None:
            i = int(np.flatnonzero(keep)[np.flatnonzero(inverse == k)[0]])
            raise FlightFileError(path, f"{where} {i}", f"icao24 {key!r} is not an ICAO hex address")
    for k, key in enumerate(keys):
        rows = np.flatnonzero(inverse == k)
        cs = callsign[rows]
        cs = np.array([_callsign(c) for c in cs], dtype=object)
        table, codes = np.unique(cs.astype(str), return_inverse=True)
        table_list = [str(c) for c in table]
        codes = codes.astype(np.int32)
        if "" in table_list:
            blank = table_list.index("")
            remap = np.arange(len(table_list), dtype=np.int32)
            remap[blank] = -1
            remap[blank + 1 :] -= 1
            codes = remap[codes]
            table_list.pop(blank)
        positions = Positions.build(
            **{name: arr[rows] for name, arr in arrays.items()}, callsign_codes=codes, callsign_table=table_list
        )
        yield AircraftTrack(_info(normalise_hex(key) or key, source), positions, path)


# --- CSV formats ---------------------------------------------------------------------------------------------

_OPENSKY_COLUMNS = ("time", "icao24", "lat", "lon", "velocity", "heading", "vertrate", "callsign", "onground")
_BOOL_TEXT = {"true": True, "false": False, "1": True, "0": False, "": False, "nan": False, "none": False}


def _parse_csv(path: str, stream: IO[bytes], head: bytes) -> Iterator[AircraftTrack]:
    text_head = head.decode("utf-8-sig", errors="replace")
    header = next(csv.reader(io.StringIO(text_head.splitlines()[0] if text_head else "")), [])
    names = [h.strip().lower() for h in header]
    if all(c in names for c in _OPENSKY_COLUMNS) and ("baroaltitude" in names or "geoaltitude" in names):
        kind = "opensky"
    elif all(c in names for c in _TRAFFIC_REQUIRED):
        kind = "traffic"
    else:
        raise FlightFileError(path, "line 1", "unrecognised format: not JSON, not an OpenSky or traffic CSV header")

    chunks: list[dict[str, np.ndarray]] = []
    try:
        fh = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")  # type: ignore[arg-type]
        reader = csv.reader(fh)
        next(reader)
        buffer: list[list[str]] = []
        lines: list[int] = []
        for row in reader:
            if len(row) != len(names):
                if not row:
                    continue
                raise FlightFileError(
                    path, f"line {reader.line_num}", f"{len(row)} fields, expected {len(names)} (missing fields)"
                )
            buffer.append(row)
            lines.append(reader.line_num)
            if len(buffer) >= CSV_CHUNK_ROWS:
                chunks.append(_csv_chunk(buffer, lines, names, kind, path))
                buffer, lines = [], []
        if buffer:
            chunks.append(_csv_chunk(buffer, lines, names, kind, path))
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise FlightFileError(path, "gzip stream", f"corrupt or truncated gzip: {exc}") from None
    except UnicodeDecodeError as exc:
        raise FlightFileError(path, "file", f"not UTF-8 text: {exc}") from None
    except csv.Error as exc:
        raise FlightFileError(path, "file", f"malformed CSV: {exc}") from None
    if not chunks:
        return
    cols = {k: np.concatenate([c[k] for c in chunks]) for k in chunks[0]}
    del chunks
    icao = cols.pop("icao")
    callsign = cols.pop("callsign")
    yield from _group_by_aircraft(path, kind, "line", icao, callsign, **cols)


def _csv_chunk(
    rows: list[list[str]], lines: list[int], names: list[str], kind: str, path: str
) -> dict[str, np.ndarray]:
    """Rows of one chunk → numpy columns, validating each value; ``lines[i]`` is the file line of ``rows[i]``."""
    cols = list(zip(*rows, strict=True))
    idx = {n: i for i, n in enumerate(names)}

    def floats(name: str, *, required: bool = False) -> np.ndarray:
        if name not in idx:
            return np.full(len(rows), np.nan)
        col = cols[idx[name]]
        try:
            arr = np.array([v if v.strip() else "nan" for v in col], dtype=np.float64)
        except ValueError:
            arr = None
        if arr is None:
            for i, v in enumerate(col):
                try:
                    float(v or "nan")
                except ValueError:
                    raise FlightFileError(path, f"line {lines[i]}", f"{name} {v!r} is not a number") from None
            raise AssertionError("unreachable")  # pragma: no cover
        if required and np.isnan(arr).any():
            i = int(np.flatnonzero(np.isnan(arr))[0])
            raise FlightFileError(path, f"line {lines[i]}", f"{name} is missing")
        return arr

    def bools(name: str) -> np.ndarray:
        if name not in idx:
            return np.zeros(len(rows), dtype=bool)
        out = np.zeros(len(rows), dtype=bool)
        for i, v in enumerate(cols[idx[name]]):
            b = _BOOL_TEXT.get(v.strip().lower())
            if b is None:
                raise FlightFileError(path, f"line {lines[i]}", f"{name} {v!r} is not True/False")
            out[i] = b
        return out

    if kind == "opensky":
        t = floats("time", required=True)
        lat, lon = floats("lat"), floats("lon")
        alt_m = floats("baroaltitude")
        if "geoaltitude" in idx:
            alt_m = np.where(np.isnan(alt_m), floats("geoaltitude"), alt_m)
        out = {
            "t": t,
            "lat": lat,
            "lon": lon,
            "alt_ft": alt_m * FT_PER_M,
            "gs_kt": floats("velocity") * KT_PER_MS,
            "track_deg": floats("heading"),
            "on_ground": bools("onground"),
        }
        floats("vertrate")  # validated only: vertical rate is not stored
        icao_name = "icao24"
    else:
        ts_col = cols[idx["timestamp"]]
        try:
            t = np.array(ts_col, dtype=np.float64) / 1000.0
        except ValueError:
            t = _iso_times(ts_col, path, "line", lines)
        lat, lon = floats("latitude"), floats("longitude")
        out = {
            "t": t,
            "lat": lat,
            "lon": lon,
            "alt_ft": floats("altitude"),
            "gs_kt": floats("groundspeed"),
            "track_deg": floats("track"),
            "on_ground": bools("onground"),
        }
        floats("vertical_rate")
        icao_name = "icao24"
    _check_time(out["t"], path, "line", lines)
    _check_latlon(out["lat"], out["lon"], path, "line", lines)
    out["icao"] = np.array([v.strip() for v in cols[idx[icao_name]]], dtype=object)
    out["callsign"] = (
        np.array(cols[idx["callsign"]], dtype=object) if "callsign" in idx else np.full(len(rows), "", dtype=object)
    )
    return out
