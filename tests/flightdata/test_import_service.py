"""The import service and commands against the database: missions, merges, idempotence, bad files, provenance."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from evidence.flightdata import decode_track, synth
from evidence.models import Aircraft, AircraftType, ImportRun, Mission, MissionRegion, Organisation, Region
from evidence.services import flight_import
from evidence.services.flight_import import import_flight_files, robust_max_altitude

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

T0 = 1738540800.0  # 2025-02-03 00:00Z


@pytest.fixture(autouse=True)
def _no_default_tagger(monkeypatch):
    """Region geometry is another module's business: these tests use a fake tagger or none."""
    monkeypatch.setattr(flight_import, "default_region_tagger", lambda: None)


@dataclass(frozen=True)
class Hit:
    key: int
    over: bool
    min_distance_nm: float


class BoxTagger:
    """Over the region when any position is south of 31°N, else 42 nm from it."""

    def __init__(self, region_pk: int) -> None:
        self.pk = region_pk

    def tag(self, lon, lat):
        return [Hit(self.pk, bool((np.asarray(lat) < 31).any()), 0.0 if (np.asarray(lat) < 31).any() else 42.0)]


def write(tmp_path, name, track: synth.SynthTrack, hex_address="ae1234", **kw):
    doc = synth.trace_document(hex_address, track, **kw)
    return synth.write_trace(tmp_path / name, doc)


def one_flight(t0=T0 + 3600, route=((32.7, -117.2), (31.5, -117.8), (30.5, -116.5)), callsign="PAT01", **kw):
    tr = synth.SynthTrack()
    synth.sortie(tr, t0, list(route), callsign=callsign, **kw)
    return tr


def test_readsb_fixture_becomes_two_missions_with_aircraft_values():
    run = import_flight_files([FIXTURES / "readsb_14field.json"])
    assert run.status == ImportRun.Status.SUCCEEDED and run.errors == []
    assert (run.files_read, run.files_failed, run.positions_read, run.missions_created) == (1, 0, 51, 2)
    m1, m2 = Mission.objects.order_by("start")
    assert (m1.callsign, m2.callsign) == ("DRAGN41", "DRAGN42")
    assert m1.aircraft_type_id == "U2" and m1.import_run == run
    assert m1.start.isoformat() == "2025-02-03T01:02:30+00:00"  # last ground report before takeoff
    assert m1.point_count == len(decode_track(m1.track)) == 22
    assert m1.max_altitude_ft == 56_000 and m1.source_files == [str(FIXTURES / "readsb_14field.json")]
    a = Aircraft.objects.get(pk="ae5d6f")
    assert (a.registration, a.type_description, a.operator_name, a.military, a.year) == (
        "80-1070",
        "LOCKHEED U-2",
        "United States Air Force",
        True,
        1981,
    )
    assert a.provenance["registration"]["source"] == "readsb"
    assert AircraftType.objects.get(pk="U2").name == "LOCKHEED U-2"  # unknown type created from desc


def test_other_formats_import(tmp_path):
    run = import_flight_files(
        [FIXTURES / "readsb_9field.json", FIXTURES / "traffic_records.json", FIXTURES / "opensky_states.csv"]
    )
    assert run.status == "succeeded", run.errors
    assert Mission.objects.filter(aircraft_id="ae0123").count() == 2
    assert Mission.objects.filter(aircraft_id__in=["ae0455", "a1b2c3", "ae07e1"]).count() == 3
    assert Aircraft.objects.get(pk="ae0455").military and not Aircraft.objects.get(pk="a1b2c3").military


def test_reimport_is_idempotent():
    path = FIXTURES / "readsb_14field.json"
    import_flight_files([path])
    before = {m.pk: bytes(m.track) for m in Mission.objects.all()}
    run = import_flight_files([path, FIXTURES / "readsb_gzip_named.json"])  # same data twice more
    assert run.missions_created == 0
    after = {m.pk: bytes(m.track) for m in Mission.objects.all()}
    assert after == before
    run = import_flight_files([path])
    assert (run.missions_created, run.missions_updated) == (0, 0)


def test_overlapping_file_merges_into_the_mission(tmp_path):
    tr = one_flight()
    full = write(tmp_path, "full.json", tr)
    doc = synth.trace_document("ae1234", tr)
    n = len(doc["trace"])
    first = dict(doc, trace=doc["trace"][: int(n * 0.6)])
    second = dict(doc, trace=doc["trace"][int(n * 0.4) :])
    a = synth.write_trace(tmp_path / "a.json", first)
    b = synth.write_trace(tmp_path / "b.json", second)
    import_flight_files([a])
    assert Mission.objects.count() == 1
    run = import_flight_files([b])
    assert (run.missions_created, run.missions_updated) == (0, 1)
    (m,) = Mission.objects.all()
    import_flight_files([full])
    (m2,) = Mission.objects.all()
    assert m2.pk == m.pk and bytes(m2.track) == bytes(m.track)  # union of a and b == full
    assert set(m2.source_files) == {str(a), str(b), str(full)}
    # the map overview is stored with the merged track (stamped with its point count and end), not the first part's
    from evidence.pictures import data

    assert data._STAMP.unpack_from(bytes(m2.overview)) == (m2.point_count, int(m2.end.timestamp()))
    assert data.overview_blob(data.track_pieces(m2.track), point_count=m2.point_count, end=m2.end) == bytes(m2.overview)


def test_file_bridging_two_missions_merges_them_and_keeps_links(tmp_path):
    from claims.models import Article, Claim, EvidenceLink

    tr = one_flight(cruise_ft=5_000)  # low level: a reception gap is not bridged as cruise
    doc = synth.trace_document("ae1234", tr)
    rows = doc["trace"]
    n = len(rows)
    # Two partial views with a 20-minute hole in the middle (each becomes its own mission at 10 min)…
    hole = [i for i, r in enumerate(rows) if rows[n // 2][0] - 600 <= r[0] <= rows[n // 2][0] + 600]
    a = synth.write_trace(tmp_path / "a.json", dict(doc, trace=rows[: hole[0]]))
    b = synth.write_trace(tmp_path / "b.json", dict(doc, trace=rows[hole[-1] + 1 :]))
    import_flight_files([a, b], gap_minutes=10)
    m_a, m_b = Mission.objects.order_by("start")
    article = Article.objects.create(title="t", body="A P-8 flew twice.")
    claim = Claim.objects.create(article=article, exact="P-8", start=2, end=5)
    link = EvidenceLink.objects.create(claim=claim, mission=m_b)
    # …then the full file fills the hole: one mission, the link follows it.
    run = import_flight_files([tmp_path / "a.json", b, write(tmp_path, "full.json", tr)], gap_minutes=10)
    assert run.status == "succeeded"
    (m,) = Mission.objects.all()
    assert m.pk == m_a.pk
    link.refresh_from_db()
    assert link.mission_id == m.pk


def test_bad_files_reported_nothing_written_others_imported(tmp_path):
    bad = [
        "bad_not_json.json",
        "bad_truncated.json.gz",
        "bad_missing_fields.json",
        "bad_latitude_123.json",
        "bad_text_in_numbers.json",
        "bad_text_in_numbers.csv",
    ]
    run = import_flight_files([FIXTURES / b for b in bad] + [FIXTURES / "readsb_9field.json"])
    assert run.status == ImportRun.Status.PARTIAL
    assert (run.files_read, run.files_failed) == (1, len(bad))
    by_path = {e["path"].rsplit("/", 1)[-1]: e for e in run.errors}
    assert set(by_path) == set(bad)
    assert by_path["bad_latitude_123.json"]["location"] == "trace row 9"
    assert by_path["bad_text_in_numbers.csv"]["location"] == "line 6"
    assert by_path["bad_truncated.json.gz"]["location"] == "gzip stream"
    assert all(e["reason"] for e in run.errors)
    # The bad readsb files all describe ae5d6f: nothing of them was written.
    assert not Aircraft.objects.filter(pk="ae5d6f").exists()
    assert set(Mission.objects.values_list("aircraft_id", flat=True)) == {"ae0123"}
    run = import_flight_files([FIXTURES / "bad_latitude_123.json", tmp_path / "missing.json"])
    assert run.status == ImportRun.Status.FAILED and run.files_failed == 2


def test_import_flights_command_exit_status_and_output(tmp_path):
    """Errors are printed one per line, whole: a long path (a clone in a deep directory) is neither folded nor cut,
    so the user can copy it (issue 12, defect 9: a test asserting on rich's folded table failed from a long path)."""
    out = StringIO()
    call_command("import_flights", str(FIXTURES / "readsb_14field.json"), "--allow-untagged", stdout=out)
    assert "missions created" in out.getvalue()
    deep = tmp_path.joinpath(*(["a-rather-long-directory-name-for-a-clone"] * 6))
    deep.mkdir(parents=True)
    bad = deep / "bad_latitude_123.json"
    bad.write_bytes((FIXTURES / "bad_latitude_123.json").read_bytes())
    assert len(str(bad)) > 250
    out = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_flights", str(FIXTURES / "readsb_9field.json"), str(bad), "--allow-untagged", stdout=out)
    assert exc.value.returncode == 1
    lines = out.getvalue().splitlines()
    (line,) = [line for line in lines if str(bad) in line]
    path, location, reason = line.split(": ", 2)
    assert (path, location) == (str(bad), "trace row 9") and "out of range" in reason
    assert Mission.objects.filter(aircraft_id="ae0123").exists()


def test_command_gap_minutes_option():
    call_command("import_flights", str(FIXTURES / "readsb_9field.json"), "--gap-minutes", "60", "--allow-untagged",
                 stdout=StringIO())
    assert Mission.objects.count() == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_directory_tree_day_archive(tmp_path, workers):
    for k, hex_address in enumerate(["ae0001", "ae0102", "a00003"]):
        tr = one_flight(t0=T0 + 3600 * (k + 1), callsign=f"T{k}")
        doc = synth.trace_document(hex_address, tr, day_start=T0)
        synth.write_trace(synth.trace_path(tmp_path, hex_address, day="2025-02-03"), doc, gzip=True)
    (tmp_path / "2025" / "02" / "03" / "acas").mkdir()
    (tmp_path / "2025" / "02" / "03" / "acas" / "acas.csv").write_text("not,a,flight\n")
    (tmp_path / "README.txt").write_text("ignored")
    (tmp_path / "2025" / "02" / "03" / "traces" / "zz").mkdir()
    (tmp_path / "2025" / "02" / "03" / "traces" / "zz" / "trace_full_ae00zz.json").write_text("{oops")
    run = import_flight_files([tmp_path], workers=workers)
    assert run.status == "partial" and run.errors[0]["path"].endswith("trace_full_ae00zz.json")
    assert run.files_read == 3 and Mission.objects.count() == 3


def test_region_links_and_orbits(tmp_path):
    region = Region.objects.create(
        slug="box", name="Box", kind="area", geometry_wkb=b"", min_lon=0, min_lat=0, max_lon=1, max_lat=1
    )
    tagger = BoxTagger(region.pk)
    tr = one_flight(orbit={"after": 2, "turns": 3, "radius_km": 10})
    run = import_flight_files([write(tmp_path, "orbit.json", tr)], region_tagger=tagger)
    (m,) = Mission.objects.all()
    assert run.missions_created == 1 and m.has_orbit
    orbit = m.orbits[0]
    assert set(orbit) >= {"start", "end", "lat", "lon", "radius_km", "turns"}
    assert abs(orbit["lat"] - 30.5) < 0.1 and abs(orbit["lon"] + 116.5) < 0.1 and orbit["turns"] >= 2
    (link,) = MissionRegion.objects.all()
    assert (link.mission_id, link.region_id, link.over, link.distance_nm, link.mission_start) == (
        m.pk,
        region.pk,
        True,
        0.0,
        m.start,
    )
    import_flight_files([tmp_path / "orbit.json"], region_tagger=tagger)
    assert list(MissionRegion.objects.values_list("pk", flat=True)) == [link.pk]  # unchanged mission: rows kept


def test_straight_flight_has_no_orbit(tmp_path):
    import_flight_files([write(tmp_path, "line.json", one_flight())])
    (m,) = Mission.objects.all()
    assert not m.has_orbit and m.orbits == []


def test_manual_value_wins_over_flight_file_and_registry(tmp_path):
    from evidence.services.aircraft import mark_manual_values

    usaf = Organisation.objects.create(slug="usaf", name="United States Air Force", aliases=["USAF", "Air Force"])
    aircraft = Aircraft.objects.create(hex="ae01c5", registration="62-4134")
    mark_manual_values(aircraft=aircraft, fields=["registration"])
    aircraft.save()
    tr = one_flight()
    import_flight_files(
        [
            write(
                tmp_path,
                "rj.json",
                tr,
                hex_address="ae01c5",
                registration="WRONG",
                icao_type="R135",
                description="BOEING RC-135V",
                operator="UNITED STATES AIR FORCE",
            )
        ]
    )
    aircraft.refresh_from_db()
    assert aircraft.registration == "62-4134" and aircraft.aircraft_type_id == "R135"
    assert aircraft.operator_id == usaf.pk  # matched by name, case-insensitively
    assert Mission.objects.get().aircraft_type_id == "R135"

    registry = tmp_path / "plane-alert-db.csv"
    registry.write_text(
        "$ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,$#Tag 2,$#Tag 3,Category,$#Link\n"
        "AE01C5,64-14843,USAF,Boeing RC-135V Rivet Joint,R135,Mil,Eye In The Sky,SIGINT,Rivet Joint,USAF,\n"
        "AE0999,99-0001,Shadowy Ops,Some Type,ZZZ9,Mil,,,,,\n"
    )
    out = StringIO()
    call_command("import_registry", str(registry), stdout=out)
    assert "plane-alert" in out.getvalue()
    aircraft.refresh_from_db()
    assert aircraft.registration == "62-4134"  # manual wins
    assert aircraft.type_description == "Boeing RC-135V Rivet Joint"  # registry beats the flight file
    assert aircraft.operator_name == "USAF" and aircraft.operator_id == usaf.pk
    assert aircraft.provenance["type_description"]["source"] == "plane-alert-db"
    assert aircraft.provenance["registration"]["source"] == "manual"
    other = Aircraft.objects.get(pk="ae0999")
    assert other.operator is None and other.operator_name == "Shadowy Ops" and other.aircraft_type_id == "ZZZ9"
    # A later flight file does not overwrite the registry's values.
    import_flight_files(
        [
            write(
                tmp_path,
                "rj2.json",
                one_flight(t0=T0 + 50_000),
                hex_address="ae01c5",
                description="RC-135 from readsb",
                operator="Someone Else",
            )
        ]
    )
    aircraft.refresh_from_db()
    assert aircraft.type_description == "Boeing RC-135V Rivet Joint" and aircraft.operator_name == "USAF"


def test_import_registry_tar1090_and_type_change_syncs_missions(tmp_path):
    import_flight_files([FIXTURES / "readsb_9field.json"])
    assert set(Mission.objects.values_list("aircraft_type_id", flat=True)) == {"P8"}
    path = tmp_path / "aircraft.csv"
    path.write_text("ae0123;169999;P8;10;BOEING P-8A;2015;United States Navy;\nae0777;;C17;0;;;;\nbad;line\n")
    out = StringIO()
    call_command("import_registry", str(path), "--format", "tar1090", stdout=out)
    assert "line 3" in out.getvalue()
    a = Aircraft.objects.get(pk="ae0123")
    assert (a.registration, a.type_description, a.year, a.military) == ("169999", "BOEING P-8A", 2015, True)
    assert not Aircraft.objects.filter(pk="ae0777").exists()  # civil-flagged rows are not created by default
    path.write_text("ae0123;169999;E6;10;BOEING E-6B;2015;United States Navy;\n")
    call_command("import_registry", str(path), stdout=StringIO())
    assert set(Mission.objects.values_list("aircraft_type_id", flat=True)) == {"E6"}


def test_robust_max_altitude_ignores_single_spikes():
    assert robust_max_altitude(np.array([20_000, 20_025, 107_700, 20_000, np.nan, 20_050])) == 20_050
    assert robust_max_altitude(np.array([np.nan])) is None


def test_progress_callback(tmp_path):
    seen = []
    shutil.copy(FIXTURES / "readsb_9field.json", tmp_path / "x.json")
    import_flight_files([tmp_path / "x.json", FIXTURES / "bad_not_json.json"], progress=seen.append)
    assert [(p.done, p.total, p.failed) for p in seen] == [(1, 2, False), (2, 2, True)]


def test_an_unexpected_error_closes_the_run_instead_of_leaving_it_running(
    monkeypatch, django_capture_on_commit_callbacks
):
    """A fault while writing (a database outage, say — injected here on the second file) propagates, the file written
    before it stays, and the run is closed as partial with where and why it stopped, not left "running" for ever."""
    from django.db import OperationalError

    real_write = flight_import._write_file
    calls = []

    def failing_write(prepared, ctx, **options):
        calls.append(prepared.path)
        if len(calls) == 2:
            raise OperationalError("server closed the connection unexpectedly")
        return real_write(prepared, ctx, **options)

    monkeypatch.setattr(flight_import, "_write_file", failing_write)
    files = [FIXTURES / "readsb_9field.json", FIXTURES / "opensky_states.csv"]
    with pytest.raises(OperationalError):
        import_flight_files(files)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.INTERRUPTED and run.finished_at is not None
    assert run.files_read == 1 and Mission.objects.filter(aircraft_id="ae0123").exists()
    (error,) = run.errors
    assert error["reason"] == "import stopped: OperationalError: server closed the connection unexpectedly"
    # Resumed, it continues after the last committed file and ends as an uninterrupted run would.
    monkeypatch.setattr(flight_import, "_write_file", real_write)
    from evidence.services.import_jobs import resume_run

    with django_capture_on_commit_callbacks(execute=True):
        resume_run(run)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCEEDED and (run.files_read, run.files_failed) == (2, 0)
    assert calls == [str(files[0]), str(files[1])]
