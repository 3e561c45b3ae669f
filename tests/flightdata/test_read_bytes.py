"""The in-memory reader (``read_flight_bytes``, what tar members go through) gives exactly what the stream reader
gives: the same tracks, column for column, and the same error — path, location and reason — for every bad file."""

from __future__ import annotations

import gzip
import io
from dataclasses import asdict

import numpy as np
import orjson
import pytest

from evidence.flightdata import FlightFileError, synth
from evidence.flightdata.positions import Positions
from evidence.flightdata.readers import read_flight_bytes, read_flight_stream

from .conftest import FIXTURES

T0 = 1738540800.0  # 2025-02-03 00:00Z


def _outcome(read, data: bytes, path: str, **kw) -> object:
    try:
        tracks = read(data, path, **kw)
    except FlightFileError as exc:
        return ("error", exc.as_dict())
    return [
        (asdict(t.aircraft), t.path, t.positions.callsign_table,
         [getattr(t.positions, name) for name in Positions.ARRAYS])
        for t in tracks
    ]  # fmt: skip


def _same(a: object, b: object) -> bool:
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    return a == b


def assert_same_reading(data: bytes, path: str = "member.json", **kw) -> object:
    fast = _outcome(read_flight_bytes, data, path, **kw)
    slow = _outcome(lambda d, p, **k: read_flight_stream(io.BytesIO(d), p, **k), data, path, **kw)
    assert _same(fast, slow), (fast, slow)
    return fast


def _day_member(hex_address: str, k: int) -> bytes:
    tr = synth.SynthTrack()
    synth.sortie(tr, T0 + 3600 * (k + 1), [(50.0 + k, 10.0), (49.0 + k, 12.0), (48.5 + k, 9.5)], callsign=f"T{k}")
    return orjson.dumps(synth.trace_document(hex_address, tr, day_start=T0))


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_every_fixture_plain_and_gzipped(name):
    data = (FIXTURES / name).read_bytes()
    assert_same_reading(data, name)
    assert_same_reading(gzip.compress(data), name)


def test_synthetic_day_members_column_for_column(monkeypatch):
    """(The stream reader is out of the in-memory reader's reach here: these members take the direct path.)"""

    def no_stream(*args, **kwargs):
        raise AssertionError("fell back to the stream reader")

    monkeypatch.setattr("evidence.flightdata.readers.read_flight_stream", no_stream)
    for k, hex_address in enumerate(["ae0001", "a00003", "3c4b26"]):
        doc = _day_member(hex_address, k)
        tracks = assert_same_reading(gzip.compress(doc, compresslevel=1))
        assert isinstance(tracks, list) and len(tracks[0][3][0]) > 100


def test_gzip_edge_cases_fall_back_to_the_same_errors_and_results():
    doc = _day_member("ae0001", 0)
    zipped = gzip.compress(doc)
    half = len(doc) // 2
    cases = {
        "two members": gzip.compress(doc[:half]) + gzip.compress(doc[half:]),
        "zero padding": zipped + b"\x00" * 16,
        "trailing garbage": zipped + b"garbage",
        "truncated": zipped[: len(zipped) // 2],
        "bad crc": zipped[:-8] + bytes(4) + zipped[-4:],
        "header only": zipped[:10],
        "BOM before JSON": b"\xef\xbb\xbf" + doc,
        "5,000 spaces then JSON": b" " * 5000 + doc,
        "empty": b"",
        "CSV": (FIXTURES / "traffic_records.csv").read_bytes(),
    }
    for label, data in cases.items():
        assert_same_reading(data, label)
        assert_same_reading(gzip.compress(data) if label != "empty" else data, label)


def test_size_limit_the_same_way():
    doc = _day_member("ae0001", 0)
    for limit in (len(doc) - 1, len(doc), len(doc) + 1):
        outcome = assert_same_reading(gzip.compress(doc), max_bytes=limit)
        assert (outcome[0] == "error") == (limit < len(doc))
    assert assert_same_reading(doc, max_bytes=len(doc) - 1)[0] == "error"
