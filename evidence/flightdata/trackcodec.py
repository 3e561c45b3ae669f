"""Compact, versioned binary encoding of a mission's positions (``Mission.track``).

Why binary and not JSON: a 10-hour mission at 1 Hz is 36,000 points; as JSON that is ~3 MB, encoded here it is
~5-8 bytes per point (measured: see tests/flightdata/test_trackcodec.py and the report), and decoding is a few
numpy calls.

Format version 1 (little-endian)::

    b"FT" · version u8 (=1) · n u32 · t0 i64 (centiseconds since the epoch) · zlib( body )

body, column after column, each byte-shuffled: time deltas i32 (cs) · lat deltas i32 (1e-5°) · lon deltas i32 (1e-5°) ·
altitude i32 (ft, INT32_MIN = unknown) · ground speed u16 (0.1 kt, 0xFFFF = unknown) · track u16 (0.1°,
0xFFFF = unknown) · flags u8 (1 on ground, 2 new leg) · callsign code i16 (-1 = none) ·
callsign table (u16 count, then u8 length + UTF-8 bytes each).

Format version 2 (written since the import jobs of issue 11) appends one more column after the callsign table:
source u8 per position (0 unknown, 1 ADS-B, 2 MLAT, 3 TIS-B, 4 ADS-R, 5 other; see positions.SOURCE_NAMES).
Version 1 tracks still decode (every source unknown); a track whose sources are all unknown is still written as
version 1, so stored tracks do not change bytes on a re-import.

Lossless to the stated precision: time 0.01 s, lat/lon 1e-5° (≈1.1 m), altitude 1 ft, speed 0.1 kt, track 0.1°.
Deltas are exact integer differences of the quantised values, so decoding accumulates no error.
Columns are stored whole (not interleaved) and byte-shuffled (the byte planes of each column one after the other,
as in Blosc/HDF5's shuffle filter), because zlib then sees long runs of zero high bytes: ~20 % smaller.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

from .positions import Positions

VERSION = 2
VERSIONS = (1, 2)
MAGIC = b"FT"
_HEADER = struct.Struct("<2sBIq")
_I32_NA = np.iinfo(np.int32).min
_U16_NA = 0xFFFF


class TrackCodecError(ValueError):
    """Bytes that are not a track this code can decode (wrong magic, unknown version, truncated)."""


def _q(values: np.ndarray, scale: float) -> np.ndarray:
    return np.round(values * scale).astype(np.int64)


def encode_track(positions: Positions, *, level: int = 6) -> bytes:
    """Encode time-sorted positions. Raises ValueError when values do not fit (e.g. a gap of > 248 days)."""
    n = len(positions)
    if n == 0:
        return _HEADER.pack(MAGIC, 1, 0, 0) + zlib.compress(struct.pack("<H", 0), level)
    t_cs = _q(positions.t, 100.0)
    t0 = int(t_cs[0])
    dt = np.diff(t_cs, prepend=t0)
    lat = _q(positions.lat, 1e5)
    lon = _q(positions.lon, 1e5)
    dlat = np.diff(lat, prepend=0)
    dlon = np.diff(lon, prepend=0)
    for name, arr in (("time", dt), ("latitude", dlat), ("longitude", dlon)):
        if arr.size and (arr.max() > np.iinfo(np.int32).max or arr.min() < np.iinfo(np.int32).min + 1):
            raise ValueError(f"{name} delta out of int32 range")
    alt = np.where(np.isnan(positions.alt_ft), _I32_NA, np.round(np.nan_to_num(positions.alt_ft))).astype(np.int32)
    gs = positions.gs_kt
    gs_q = np.where(np.isnan(gs) | (gs < 0) | (gs >= 6553.4), _U16_NA, np.round(np.nan_to_num(gs) * 10)).astype(
        np.uint16
    )
    trk = positions.track_deg
    trk_q = np.where(np.isnan(trk), _U16_NA, np.round(np.nan_to_num(trk) % 360.0 * 10) % 3600).astype(np.uint16)
    flags = positions.on_ground.astype(np.uint8) | (positions.new_leg.astype(np.uint8) << 1)
    table = positions.callsign_table
    if len(table) > 32767:
        raise ValueError("too many callsigns")
    codes = positions.callsign_codes.astype(np.int16)
    parts = [
        _shuffle(dt.astype("<i4")),
        _shuffle(dlat.astype("<i4")),
        _shuffle(dlon.astype("<i4")),
        _shuffle(alt.astype("<i4")),
        _shuffle(gs_q.astype("<u2")),
        _shuffle(trk_q.astype("<u2")),
        flags.tobytes(),
        _shuffle(codes.astype("<i2")),
        struct.pack("<H", len(table)),
    ]
    for name in table:
        raw = name.encode("utf-8")[:255]
        parts.append(struct.pack("<B", len(raw)) + raw)
    version = 1
    if positions.source.any():
        version = 2
        parts.append(positions.source.astype(np.uint8).tobytes())
    return _HEADER.pack(MAGIC, version, n, t0) + zlib.compress(b"".join(parts), level)


def _shuffle(arr: np.ndarray) -> bytes:
    """Byte planes (all low bytes, then all next bytes…): small deltas become long zero runs for zlib."""
    width = arr.dtype.itemsize
    return arr.view(np.uint8).reshape(len(arr), width).T.tobytes()


def decode_track(data: bytes) -> Positions:
    """Inverse of ``encode_track`` (to the stated precision)."""
    data = bytes(data)
    if len(data) < _HEADER.size:
        raise TrackCodecError("track too short")
    magic, version, n, t0 = _HEADER.unpack_from(data)
    if magic != MAGIC:
        raise TrackCodecError("not an encoded track")
    if version not in VERSIONS:
        raise TrackCodecError(f"unknown track format version {version}")
    try:
        body = zlib.decompress(data[_HEADER.size :])
    except zlib.error as exc:
        raise TrackCodecError(f"corrupt track: {exc}") from None
    if n == 0:
        return Positions.empty()
    off = 0

    def take(dtype: str, count: int) -> np.ndarray:
        nonlocal off
        width = np.dtype(dtype).itemsize
        size = width * count
        if off + size > len(body):
            raise TrackCodecError("truncated track")
        planes = np.frombuffer(body, dtype=np.uint8, count=size, offset=off)
        off += size
        return np.ascontiguousarray(planes.reshape(width, count).T).view(dtype).reshape(count)

    t = (t0 + np.cumsum(take("<i4", n).astype(np.int64))) / 100.0
    lat = np.cumsum(take("<i4", n).astype(np.int64)) / 1e5
    lon = np.cumsum(take("<i4", n).astype(np.int64)) / 1e5
    alt_i = take("<i4", n)
    alt = np.where(alt_i == _I32_NA, np.nan, alt_i.astype(np.float64))
    gs_i = take("<u2", n)
    gs = np.where(gs_i == _U16_NA, np.nan, gs_i / 10.0)
    trk_i = take("<u2", n)
    trk = np.where(trk_i == _U16_NA, np.nan, trk_i / 10.0)
    flags = take("<u1", n)
    codes = take("<i2", n).astype(np.int32)
    (count,) = struct.unpack_from("<H", body, off)
    off += 2
    table = []
    for _ in range(count):
        (length,) = struct.unpack_from("<B", body, off)
        table.append(body[off + 1 : off + 1 + length].decode("utf-8"))
        off += 1 + length
    source = None
    if version >= 2:
        if off + n > len(body):
            raise TrackCodecError("truncated track")
        source = np.frombuffer(body, dtype=np.uint8, count=n, offset=off).copy()
    return Positions.build(
        t=t,
        lat=lat,
        lon=lon,
        alt_ft=alt,
        gs_kt=gs,
        track_deg=trk,
        on_ground=(flags & 1) != 0,
        new_leg=(flags & 2) != 0,
        callsign_codes=codes,
        callsign_table=table,
        sort=False,
        source=source,
    )


def bytes_per_point(data: bytes) -> float:
    """Size of an encoded track divided by its point count (the figure to watch in benchmarks)."""
    n = _HEADER.unpack_from(data)[2]
    return len(data) / n if n else float(len(data))
