"""Decompression bombs (issue 12, defect 1): a flight file that is small on disk and huge once decompressed is
refused with a clear message naming it, in bounded memory — read straight, uploaded through the API, or as a tar
member. Each bomb is generated here: a few hundred KB on disk that expand to far more than the limit."""

from __future__ import annotations

import gzip
import io
import tarfile
import tracemalloc
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from evidence.flightdata import FlightFileError, read_flight_file
from evidence.models import ImportRun, Mission

LIMIT = 4 * 1024 * 1024  # the test's FLIGHT_FILE_MAX_BYTES
EXPANDS_TO = 256 * 1024 * 1024  # 64 × the limit
# Reading stops just past the limit: JSON text held (~1×), read buffers and the upload's own chunks on top.
MEMORY_BOUND = 4 * LIMIT


def write_bomb(path: Path, total: int = EXPANDS_TO) -> Path:
    """A readsb trace whose ``trace`` array is padded with ``total`` bytes of spaces, gzipped (~250 KB on disk)."""
    block = b" " * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b'{"icao":"ae1234","timestamp":1738540800,"trace":[')
        for _ in range(total // len(block)):
            fh.write(block)
        fh.write(b"]}")
    return path


def peak_bytes(fn) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    return write_bomb(tmp_path_factory.mktemp("bomb") / "trace_full_ae1234.json")


def test_bomb_is_small_on_disk(bomb):
    assert bomb.stat().st_size < 2 * 1024 * 1024


def test_reader_refuses_a_gzip_bomb_in_bounded_memory(bomb):
    def read():
        with pytest.raises(FlightFileError) as exc:
            list(read_flight_file(bomb, max_bytes=LIMIT))
        return exc.value

    err, peak = peak_bytes(read)
    assert err.path == str(bomb)
    assert "larger than 4,194,304 bytes once decompressed" in err.reason and "FLIGHT_FILE_MAX_BYTES" in err.reason
    assert peak < MEMORY_BOUND, f"peak {peak:,} bytes"


def test_plain_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b" " * (LIMIT + 10) + b"]")
    with pytest.raises(FlightFileError, match="larger than 4,194,304 bytes on disk"):
        list(read_flight_file(path, max_bytes=LIMIT))


def test_csv_bomb_is_refused_too(tmp_path):
    """CSVs are read in chunks, but their columns accumulate: the same bound applies."""
    path = tmp_path / "states.csv.gz"
    row = b"1738540800000,ae1234,RCH1,28.0,-95.0,10000,300,90,0,False\n"
    with gzip.open(path, "wb") as fh:
        fh.write(b"timestamp,icao24,callsign,latitude,longitude,altitude,groundspeed,track,vertical_rate,onground\n")
        fh.write(row * (2 * LIMIT // len(row)))
    with pytest.raises(FlightFileError, match="once decompressed"):
        list(read_flight_file(path, max_bytes=LIMIT))


def test_a_file_under_the_limit_still_reads(tmp_path):
    path = tmp_path / "ok.json"
    with gzip.open(path, "wb") as fh:
        fh.write(b'{"icao":"ae1234","timestamp":1738540800,"trace":[[0,28.0,-95.0,1000,200,90,0,0,null]]}')
    (track,) = read_flight_file(path, max_bytes=1024)
    assert len(track.positions) == 1


@pytest.mark.django_db
def test_api_upload_of_a_bomb_is_refused_in_bounded_memory(bomb, staff_admin, settings):
    """The reported attack: a small upload to POST /api/flight-imports/ that expands to gigabytes took the web worker
    to 3.9 GB. Now the file is refused, named in the run's errors, and memory stays near the limit."""
    from rest_framework.authtoken.models import Token

    settings.FLIGHT_FILE_MAX_BYTES = LIMIT
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=staff_admin)[0].key}")
    warm_up = SimpleUploadedFile("warm_up.json", b"[]")  # the first request loads the URL conf, the API schema…
    assert client.post("/api/flight-imports/", {"files": [warm_up]}, format="multipart").status_code in (201, 202)
    upload = SimpleUploadedFile("trace_full_ae1234.json", bomb.read_bytes())

    response, peak = peak_bytes(lambda: client.post("/api/flight-imports/", {"files": [upload]}, format="multipart"))
    assert response.status_code in (201, 202), response.content[:300]
    run = ImportRun.objects.get(pk=response.json()["id"])
    assert run.status == ImportRun.Status.FAILED
    (error,) = run.errors
    assert error["path"].endswith("trace_full_ae1234.json") and "once decompressed" in error["reason"]
    assert not Mission.objects.exists()
    assert peak < MEMORY_BOUND + 2 * bomb.stat().st_size, f"peak {peak:,} bytes"


def tar_with(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@pytest.mark.django_db
def test_a_bomb_inside_a_release_tar_is_refused_and_the_other_members_imported(bomb, tmp_path, settings):
    from evidence.services.flight_import import import_flight_files

    settings.FLIGHT_FILE_MAX_BYTES = LIMIT
    good = (Path(__file__).parent / "fixtures" / "readsb_9field.json").read_bytes()
    tar_path = tmp_path / "day.tar"
    tar_path.write_bytes(tar_with({
        "2025/02/03/traces/34/trace_full_ae1234.json": bomb.read_bytes(),
        "2025/02/03/traces/23/trace_full_ae0123.json": good,
    }))  # fmt: skip
    run, peak = peak_bytes(lambda: import_flight_files([tar_path], region_tagger=None))
    assert (run.files_read, run.files_failed) == (1, 1)
    (error,) = run.errors
    assert error["path"] == f"{tar_path}::2025/02/03/traces/34/trace_full_ae1234.json"
    assert "once decompressed" in error["reason"]
    assert peak < MEMORY_BOUND + 4 * bomb.stat().st_size, f"peak {peak:,} bytes"
