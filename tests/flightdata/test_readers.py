"""Readers: every format detected by content, units converted, malformed input rejected with a location."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import numpy as np
import pytest

from evidence.flightdata import FlightFileError, read_flight_file

from .conftest import FIXTURES


def one(name: str):
    tracks = list(read_flight_file(FIXTURES / name))
    assert len(tracks) == 1
    return tracks[0]


def test_readsb_14_fields_aircraft_ground_legs_and_callsigns():
    track = one("readsb_14field.json")
    a = track.aircraft
    assert (a.hex, a.registration, a.icao_type, a.description, a.operator, a.year) == (
        "ae5d6f",
        "80-1070",
        "U2",
        "LOCKHEED U-2",
        "United States Air Force",
        1981,
    )
    assert a.military and a.db_flags == 1 and a.source == "readsb"
    p = track.positions
    assert len(p) == 51  # 52 rows, one without lat/lon skipped
    assert np.all(np.diff(p.t) >= 0)
    assert p.t[0] == 1738540800 + 3600
    assert p.on_ground.sum() == 16 and np.isnan(p.alt_ft[p.on_ground]).all()
    assert p.new_leg.sum() == 2
    cs = p.callsigns()
    assert cs[0] == "DRAGN41" and cs[25] == "DRAGN41"  # carried forward through rows without details
    assert cs[31] == "DRAGN42"


def test_readsb_9_fields():
    track = one("readsb_9field.json")
    assert len(track.positions) == 20 and track.aircraft.icao_type == "P8"
    assert set(track.positions.callsigns()) == {"PAT21"}


def test_gzip_detected_by_content_not_name():
    assert (FIXTURES / "readsb_gzip_named.json").read_bytes()[:2] == b"\x1f\x8b"
    plain, zipped = one("readsb_14field.json"), one("readsb_gzip_named.json")
    assert np.array_equal(plain.positions.t, zipped.positions.t)


@pytest.mark.parametrize("name", ["traffic_records.json", "traffic_records.csv"])
def test_traffic_records_grouped_per_aircraft(name):
    tracks = {t.aircraft.hex: t for t in read_flight_file(FIXTURES / name)}
    assert set(tracks) == {"ae0455", "a1b2c3"}
    c2 = tracks["ae0455"]
    assert len(c2.positions) == 12  # the null-position record is skipped
    assert c2.aircraft.military and not tracks["a1b2c3"].aircraft.military  # US military address range
    assert c2.positions.t[0] == 1738540800 + 7200  # ms -> s
    assert c2.positions.alt_ft[1] == 600.0 and c2.positions.gs_kt[0] == 180.0
    assert set(c2.positions.callsigns()) == {"PSWRD35"}


def test_opensky_units_converted():
    track = one("opensky_states.csv")
    p = track.positions
    assert track.aircraft.source == "opensky" and len(p) == 9
    assert p.alt_ft[0] == pytest.approx(10_000.0)  # 3048 m
    assert p.gs_kt[0] == pytest.approx(194.384, abs=0.01)  # 100 m/s
    assert np.isnan(p.alt_ft[-1]) and p.on_ground[-1] and not p.on_ground[0]
    assert set(p.callsigns()) == {"RCH123"}


def test_traffic_csv_iso_timestamps(tmp_path):
    path = tmp_path / "iso.csv"
    path.write_text(
        "timestamp,icao24,callsign,latitude,longitude,altitude,groundspeed,track\n"
        "2025-02-03 01:00:00+00:00,ae0001,ABC,30,-110,1000,200,90\n"
        "2025-02-03T01:00:10Z,ae0001,ABC,30,-109.99,1000,200,90\n"
    )
    p = one_path(path).positions
    assert p.t[0] == datetime(2025, 2, 3, 1, tzinfo=UTC).timestamp() and p.t[1] - p.t[0] == 10


def one_path(path):
    (track,) = list(read_flight_file(path))
    return track


@pytest.mark.parametrize(
    ("name", "location", "reason"),
    [
        ("bad_not_json.json", "line 1", "unrecognised format"),
        ("bad_not_json_brace.json", "line 1 column", "not valid JSON"),
        ("bad_truncated.json.gz", "gzip stream", "truncated gzip"),
        ("bad_missing_fields.json", "trace row 7", "missing fields"),
        ("bad_missing_timestamp.json", "top level", "missing field 'timestamp'"),
        ("bad_latitude_123.json", "trace row 9", "latitude 123.0 is out of range"),
        ("bad_text_in_numbers.json", "trace row 11", "'fast', expected a number"),
        ("bad_text_in_numbers.csv", "line 6", "'north' is not a number"),
        ("bad_traffic_latitude.json", "record 2", "latitude 123.0"),
    ],
)
def test_malformed_files_raise_with_path_and_location(name, location, reason):
    with pytest.raises(FlightFileError) as exc:
        list(read_flight_file(FIXTURES / name))
    err = exc.value
    assert err.path.endswith(name)
    assert err.location.startswith(location)
    assert reason in err.reason
    assert set(err.as_dict()) == {"path", "location", "reason"}


def test_more_malformed_cases(tmp_path):
    cases = {
        "empty.json": b"",
        "bool_time.json": b'{"icao":"ae0001","timestamp":1738540800,"trace":[[true,30,-110,1000,1,1,0,0,null]]}',
        "bad_icao.json": b'{"icao":"xyz","timestamp":1738540800,"trace":[]}',
        "seconds_as_ms.json": b'[{"timestamp":1738540800,"icao24":"ae0001","latitude":1,"longitude":1}]',
        "missing_lat.json": b'[{"timestamp":1738540800000,"icao24":"ae0001","longitude":1}]',
        "row_not_array.json": b'{"icao":"ae0001","timestamp":1738540800,"trace":[5]}',
        "short_csv.csv": b"timestamp,icao24,latitude,longitude\n1738540800000,ae0001,1\n",
        "gzip_garbage.json": gzip.compress(b"{}")[:4] + b"garbage",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(FlightFileError):
            list(read_flight_file(tmp_path / name))


def test_empty_trace_gives_no_positions(tmp_path):
    path = tmp_path / "trace_full_ae0001.json"
    path.write_text('{"icao":"AE0001","timestamp":1738540800,"trace":[]}')
    track = one_path(path)
    assert track.aircraft.hex == "ae0001" and len(track.positions) == 0


def test_flight_file_error_pickles():
    import pickle

    err = pickle.loads(pickle.dumps(FlightFileError("/x.json", "trace row 3", "bad")))
    assert err.as_dict() == {"path": "/x.json", "location": "trace row 3", "reason": "bad"}
