"""Import jobs (issue 11): release tars (split parts, truncated), the keep filter, position sources, coverage,
reconciling stale runs (issue 12 defect 7), cancel and resume through the API."""

from __future__ import annotations

import io
import tarfile
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from evidence.flightdata import decode_track, synth
from evidence.models import ImportRun, Mission
from evidence.services.flight_import import import_flight_files

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

T0 = 1738540800.0  # 2025-02-03 00:00Z
HEXES = ["ae0001", "ae0102", "a00003"]  # two US military addresses, one civil N-number


@pytest.fixture(autouse=True)
def _no_default_tagger(monkeypatch):
    monkeypatch.setattr("evidence.services.flight_import.default_region_tagger", lambda: None)


def day_tree(root: Path) -> Path:
    for k, hex_address in enumerate(HEXES):
        tr = synth.SynthTrack()
        synth.sortie(tr, T0 + 3600 * (k + 1), [(32.7, -117.2), (31.5, -117.8), (30.5, -116.5)], callsign=f"T{k}")
        doc = synth.trace_document(hex_address, tr, day_start=T0)
        synth.write_trace(synth.trace_path(root, hex_address, day="2025-02-03"), doc, gzip=True)
    return root


def release_tar(tmp_path: Path) -> Path:
    tree = day_tree(tmp_path / "tree")
    tar_path = tmp_path / "v2025.02.03-planes-readsb-prod-0.tar"
    with tarfile.open(tar_path, "w") as tar:
        tar.add(tree / "2025", arcname="2025")
    return tar_path


def missions_by_aircraft() -> dict[str, int]:
    out: dict[str, int] = {}
    for hex_address in Mission.objects.values_list("aircraft_id", flat=True):
        out[hex_address] = out.get(hex_address, 0) + 1
    return out


def test_release_tar_equals_the_tree_and_reimport_changes_nothing(tmp_path):
    tar_path = release_tar(tmp_path)
    run = import_flight_files([tmp_path / "tree"])
    from_tree = missions_by_aircraft()
    tracks = {m.aircraft_id: bytes(m.track) for m in Mission.objects.all()}
    Mission.objects.all().delete()
    run = import_flight_files([tar_path])
    assert run.status == ImportRun.Status.SUCCEEDED and run.files_read == 3
    assert missions_by_aircraft() == from_tree
    assert {m.aircraft_id: bytes(m.track) for m in Mission.objects.all()} == tracks
    again = import_flight_files([tar_path])
    assert (again.missions_created, again.missions_updated) == (0, 0)


def test_split_tar_parts_read_as_one(tmp_path):
    data = release_tar(tmp_path).read_bytes()
    parts = tmp_path / "parts"
    parts.mkdir()
    third = len(data) // 3
    chunks = (data[:third], data[third : 2 * third], data[2 * third :])
    for suffix, chunk in zip(("aa", "ab", "ac"), chunks, strict=True):
        (parts / f"day.tar.{suffix}").write_bytes(chunk)
    run = import_flight_files([parts / "day.tar.aa"])
    assert run.status == ImportRun.Status.SUCCEEDED and run.files_read == 3


def test_truncated_tar_reports_where_it_stopped_and_keeps_what_came_before(tmp_path):
    data = release_tar(tmp_path).read_bytes()
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        members = [m for m in tar.getmembers() if m.isfile()]
    cut = members[1].offset_data + members[1].size // 2  # inside the second trace
    broken = tmp_path / "broken.tar"
    broken.write_bytes(data[:cut])
    run = import_flight_files([broken])
    assert run.status == ImportRun.Status.PARTIAL and run.files_read == 1
    (error,) = run.errors
    assert error["path"] == str(broken) and "truncated tar" in error["reason"]
    assert members[0].name in error["location"] and "byte" in error["location"]


def test_default_filter_keeps_military_and_all_keeps_everything(tmp_path):
    tree = day_tree(tmp_path)
    call_command("import_flights", str(tree), "--allow-untagged", stdout=StringIO())
    run = ImportRun.objects.get()
    assert set(missions_by_aircraft()) == {"ae0001", "ae0102"}
    assert (run.aircraft_heard, run.aircraft_kept) == (3, 2)
    call_command("import_flights", str(tree), "--all", "--allow-untagged", stdout=StringIO())
    assert set(missions_by_aircraft()) == set(HEXES)


def test_progress_of_files_without_aircraft_to_keep_commits_with_the_next_file_written(tmp_path):
    """A civil file, a military one, a civil one (the default filter): the first file's progress is saved in the
    military file's transaction (one unit update for both, not one more of its own), the last one's at the batch's
    end; the run's figures count every file."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for k, hex_address in enumerate(["a00001", "ae0002", "a00003"]):  # read in this order (traces/01, 02, 03)
        tr = synth.SynthTrack()
        synth.sortie(tr, T0 + 3600 * (k + 1), [(32.7, -117.2), (31.5, -117.8), (30.5, -116.5)], callsign=f"T{k}")
        synth.write_trace(synth.trace_path(tmp_path, hex_address, day="2025-02-03"),
                          synth.trace_document(hex_address, tr, day_start=T0), gzip=True)  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        run = import_flight_files([tmp_path], keep_all=False)
    progress = [q["sql"] for q in queries.captured_queries
                if q["sql"].startswith('UPDATE "evidence_importunit" SET "done_entries"')]  # fmt: skip
    assert len(progress) == 2
    assert (run.files_read, run.aircraft_heard, run.aircraft_kept, run.missions_created) == (3, 3, 1, 1)
    assert set(missions_by_aircraft()) == {"ae0002"}


def test_position_sources_kept_in_the_track_and_shares_per_mission():
    import_flight_files([FIXTURES / "readsb_14field.json"])
    mission = Mission.objects.order_by("start").first()
    shares = mission.source_shares
    assert shares and abs(sum(shares.values()) - 1.0) < 1e-3
    decoded = decode_track(bytes(mission.track))
    assert decoded.source_shares() == shares


def test_stale_running_run_is_closed_at_the_next_import_and_by_the_command(settings):
    """Issue 12 defect 7: the database refused connections mid-import, so nothing could record that the run stopped;
    the next import (or ``import_flights --reconcile``, or the beat task) closes it as interrupted."""
    old = timezone.now() - timedelta(minutes=settings.IMPORT_STALE_MINUTES + 5)
    stuck = ImportRun.objects.create(status=ImportRun.Status.RUNNING)
    ImportRun.objects.filter(pk=stuck.pk).update(heartbeat_at=old)
    call_command("import_flights", str(FIXTURES / "readsb_9field.json"), "--allow-untagged", stdout=StringIO())
    stuck.refresh_from_db()
    assert stuck.status == ImportRun.Status.INTERRUPTED and "--resume" in stuck.errors[-1]["reason"]
    other = ImportRun.objects.create(status=ImportRun.Status.RUNNING)
    ImportRun.objects.filter(pk=other.pk).update(heartbeat_at=old)
    out = StringIO()
    call_command("import_flights", "--reconcile", stdout=out)
    other.refresh_from_db()
    assert other.status == ImportRun.Status.INTERRUPTED and str(other.pk) in out.getvalue()


def test_api_run_shows_progress_and_cancel_of_finished_run_is_409(staff_admin):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=staff_admin)[0].key}")
    upload = SimpleUploadedFile("trace.json", (FIXTURES / "readsb_9field.json").read_bytes())
    body = client.post("/api/flight-imports/", {"files": [upload]}, format="multipart").json()
    assert body["status"] == "succeeded" and body["progress"]["files_done"] == 1 == body["progress"]["files_total"]
    assert client.post(f"/api/import-runs/{body['id']}/cancel/").status_code == 409
    assert client.post(f"/api/import-runs/{body['id']}/resume/").status_code == 409


class Hit:
    def __init__(self, key: int, over: bool, nm: float) -> None:
        self.key, self.over, self.min_distance_nm = key, over, nm


class SouthTagger:
    """Over the region for positions south of 31°N."""

    def __init__(self, pk: int) -> None:
        self.pk = pk

    def tag(self, lon, lat):
        import numpy as np

        south = bool((np.asarray(lat) < 31).any())
        return [Hit(self.pk, south, 0.0 if south else 120.0)]


def test_coverage_counts_every_aircraft_heard_idempotently(tmp_path):
    import datetime as dt

    from evidence.models import CoverageCell, Region
    from evidence.scope import Period, RegionFilter, Scope
    from evidence.services.coverage import coverage_in_scope, coverage_line

    region = Region.objects.create(
        slug="baja", name="Baja", kind="other", geometry_wkb=b"", min_lon=-118, min_lat=30, max_lon=-116, max_lat=31
    )
    tree = day_tree(tmp_path)
    for _ in range(2):  # a re-import changes nothing
        import_flight_files([tree], region_tagger=SouthTagger(region.pk), keep_all=False)
    assert sum(CoverageCell.objects.values_list("aircraft_count", flat=True)) >= 3
    scope = Scope(regions=(RegionFilter("baja"),), period=Period(dt.date(2025, 2, 3), dt.date(2025, 2, 3)))
    figures = coverage_in_scope(scope)
    assert figures["aircraft"] == 3  # the civil aircraft counts for coverage although it is not kept
    assert coverage_line(scope, 0).startswith("0 missions; 3 other aircraft were heard within 50 nm of Baja")
    assert coverage_line(scope, 1, mission_aircraft=["ae0001"]).startswith("1 mission; 2 other aircraft were")
    assert coverage_line(scope, 4) is None  # not few
    empty = Scope(regions=(RegionFilter("baja"),), period=Period(dt.date(2025, 3, 3), dt.date(2025, 3, 3)))
    assert "coverage unknown" in coverage_line(empty, 0)  # the table holds nothing for that day


def test_admin_shows_progress_cancel_and_resume_and_mission_sources(client, staff_admin,
                                                                     django_capture_on_commit_callbacks):  # fmt: skip
    from evidence.services import import_jobs

    client.force_login(staff_admin)
    files = [str(FIXTURES / "readsb_14field.json"), str(FIXTURES / "readsb_9field.json")]
    run = import_jobs.create_run(files, options={"keep_all": True})
    import_jobs.plan_run(run.pk, enqueue=False)  # planned, its unit not started yet: running
    page = client.get(f"/admin/evidence/importrun/{run.pk}/change/").content.decode()
    assert "0 of 2 files" in page and "Cancel import" in page and 'http-equiv="refresh"' in page
    response = client.post(f"/admin/evidence/importrun/{run.pk}/operate/", {"action": "cancel"})
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED and not Mission.objects.exists()
    assert "Resume import" in client.get(f"/admin/evidence/importrun/{run.pk}/change/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/evidence/importrun/{run.pk}/operate/", {"action": "resume"})
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCEEDED and run.files_read == 2
    mission = Mission.objects.filter(aircraft_id="ae5d6f").first()
    page = client.get(f"/admin/evidence/mission/{mission.pk}/change/").content.decode()
    assert "ADS-B" in page


def test_coverage_with_the_real_tagger_and_a_one_position_hour():
    """A one-position hour among longer ones made RegionTagger.tag_many raise (found by the day-archive benchmark)."""
    import numpy as np
    import shapely

    from evidence.geo.tagging import RegionTagger
    from evidence.models import CoverageCell, Region
    from evidence.services.coverage import CoverageCounter, compact, unpack

    region = Region.objects.create(
        slug="box", name="Box", kind="other", geometry_wkb=b"", min_lon=-118, min_lat=30, max_lon=-116, max_lat=31
    )
    tagger = RegionTagger([(region.pk, shapely.box(-118, 30, -116, 31))], cap_nm=250)
    counter = CoverageCounter(tagger)
    hours = np.array([T0, T0, T0 + 3600])
    counter.add([
        ("ae0001", hours, np.array([-117.0, -117.1, -117.2]), np.array([30.5, 30.6, 30.7])),
        ("ae0002", np.array([T0]), np.array([-117.0]), np.array([30.5])),
        ("ae0003", hours, np.array([-100.0, -100.1, -117.0]), np.array([45.0, 45.1, 30.5])),
    ])  # fmt: skip
    counter.flush()
    compact()
    cells = {c.hour.timestamp(): sorted(unpack(c.aircraft).tolist()) for c in CoverageCell.objects.all()}
    assert cells == {T0: [0xAE0001, 0xAE0002], T0 + 3600: [0xAE0001, 0xAE0003]}


def test_coverage_merges_into_stored_cells_by_union():
    """A flush and its compaction unite its addresses with the stored ones (new cells inserted whole, stored cells
    updated only when their set grows), so merging the same batch again, or a batch that adds nothing, changes
    nothing."""
    from datetime import UTC, datetime

    import numpy as np
    import shapely

    from evidence.geo.tagging import RegionTagger
    from evidence.models import CoverageCell, Region
    from evidence.services.coverage import CoverageCounter, compact, pack, unpack

    boxes = [shapely.box(-118, 30, -116, 31), shapely.box(-100, 40, -98, 41)]
    regions = [Region.objects.create(slug=f"box{i}", name=f"Box {i}", kind="other", geometry_wkb=b"",
                                     min_lon=b.bounds[0], min_lat=b.bounds[1], max_lon=b.bounds[2],
                                     max_lat=b.bounds[3]) for i, b in enumerate(boxes)]  # fmt: skip
    tagger = RegionTagger([(r.pk, b) for r, b in zip(regions, boxes, strict=True)], cap_nm=250)
    stored = CoverageCell.objects.create(region=regions[0], hour=datetime.fromtimestamp(T0, UTC),
                                         aircraft=pack(np.array([0xAE0001, 0xF00000])), aircraft_count=2)
    one = ("ae0002", np.array([T0]), np.array([-117.0]), np.array([30.5]))

    def batch(*samples):
        counter = CoverageCounter(tagger)
        counter.add(list(samples))
        counter.flush()
        compact()
        return {(c.region_id, c.hour.timestamp()): (c.aircraft_count, unpack(c.aircraft).tolist())
                for c in CoverageCell.objects.all()}  # fmt: skip

    both = ("ae0003", np.array([T0, T0 + 3600]), np.array([-117.0, -99.0]), np.array([30.5, 40.5]))
    first = batch(one, both, ("ae0001", np.array([T0]), np.array([-117.5]), np.array([30.2])))
    assert first == {
        (regions[0].pk, T0): (4, [0xAE0001, 0xAE0002, 0xAE0003, 0xF00000]),
        (regions[1].pk, T0 + 3600): (1, [0xAE0003]),
    }
    assert batch(one, both) == first and CoverageCell.objects.get(pk=stored.pk).aircraft_count == 4
    assert batch() == first


def test_coverage_answers_are_the_same_from_parts_and_from_cells():
    """Imports append parts (one per batch and hour); coverage answers read cells and parts together, so they are
    the same before the compaction, after it (in chunks of one hour; a region deleted meanwhile dropped), and after
    a second compaction (which finds nothing)."""
    import datetime as dt
    from datetime import UTC, datetime

    import numpy as np
    import shapely

    from evidence.geo.tagging import RegionTagger
    from evidence.models import CoverageCell, CoveragePart, Region
    from evidence.scope import Period, RegionFilter, Scope
    from evidence.services.coverage import CoverageCounter, compact, coverage_in_scope, pack, unpack

    boxes = [shapely.box(-118, 30, -116, 31), shapely.box(-100, 40, -98, 41), shapely.box(10, 10, 11, 11)]
    regions = [Region.objects.create(slug=f"part{i}", name=f"Part {i}", kind="other", geometry_wkb=b"",
                                     min_lon=b.bounds[0], min_lat=b.bounds[1], max_lon=b.bounds[2],
                                     max_lat=b.bounds[3]) for i, b in enumerate(boxes)]  # fmt: skip
    tagger = RegionTagger([(r.pk, b) for r, b in zip(regions, boxes, strict=True)], cap_nm=250)
    CoverageCell.objects.create(region=regions[0], hour=datetime.fromtimestamp(T0, UTC),
                                aircraft=pack(np.array([0xAE0001, 0xF00000])), aircraft_count=2)  # fmt: skip
    batches = [
        [("ae0001", np.array([T0]), np.array([-117.0]), np.array([30.5])),  # already in the stored cell
         ("ae0002", np.array([T0, T0 + 3600]), np.array([-117.0, -99.0]), np.array([30.5, 40.5]))],
        [("ae0002", np.array([T0]), np.array([-117.2]), np.array([30.4])),  # again, from another batch
         ("ae0003", np.array([T0 + 7200]), np.array([-99.5]), np.array([40.2]))],
        [("ae0004", np.array([T0 + 86400]), np.array([-117.0]), np.array([30.5])),  # the next day
         ("ae0005", np.array([T0]), np.array([10.5]), np.array([10.5]))],  # in a region deleted before compaction
    ]  # fmt: skip
    for samples in batches:
        counter = CoverageCounter(tagger)
        counter.add(samples)
        counter.flush()
    regions.pop().delete()
    day = Period(dt.date(2025, 2, 3), dt.date(2025, 2, 3))
    scopes = [Scope(regions=(RegionFilter("part0"),), period=day), Scope(regions=(RegionFilter("part1"),), period=day),
              Scope(regions=(RegionFilter("part0"), RegionFilter("part1"))), Scope(regions=(RegionFilter("part0"),))]

    def answers():
        return [coverage_in_scope(s, exclude=["ae0002"]) for s in scopes]

    before = answers()
    assert CoveragePart.objects.count() == 6 and [(a["aircraft"], a["hours"]) for a in before] == [
        (2, 3), (1, 3), (4, 4), (3, 4)]  # fmt: skip
    assert compact(chunk_bytes=1) == 6 and not CoveragePart.objects.exists()
    assert answers() == before
    cells = {(c.region_id, int(c.hour.timestamp())): (c.aircraft_count, unpack(c.aircraft).tolist())
             for c in CoverageCell.objects.all()}  # fmt: skip
    assert cells == {
        (regions[0].pk, T0): (3, [0xAE0001, 0xAE0002, 0xF00000]),
        (regions[0].pk, T0 + 86400): (1, [0xAE0004]),
        (regions[1].pk, T0 + 3600): (1, [0xAE0002]),
        (regions[1].pk, T0 + 7200): (1, [0xAE0003]),
    }
    assert compact() == 0 and answers() == before

