"""Flight files uploaded in the admin go through the same importer; bad files are reported, nothing half-written."""
from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evidence.models import ImportRun, Mission

FIXTURES = Path(__file__).resolve().parents[1] / "flightdata" / "fixtures"


def upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes())


def test_staff_upload_imports_good_files_and_reports_bad_ones(client, staff_admin):
    client.force_login(staff_admin)
    url = reverse("admin:evidence_importrun_upload")
    assert client.get(url).status_code == 200
    resp = client.post(url, {"files": [upload("readsb_14field.json"), upload("bad_latitude_123.json")]}, follow=True)
    assert resp.status_code == 200
    run = ImportRun.objects.latest("started_at")
    assert run.origin == "admin" and run.started_by == staff_admin
    assert (run.files_read, run.files_failed, run.status) == (1, 1, ImportRun.Status.PARTIAL)
    (error,) = run.errors
    assert error["path"].endswith("bad_latitude_123.json") and "123" in error["reason"] and error["location"]
    assert b"bad_latitude_123.json" in resp.content  # the run's page lists the error
    assert Mission.objects.filter(import_run=run).exists()
    assert not Mission.objects.filter(source_files__icontains="bad_latitude").exists()


def test_only_importers_may_upload(client, factchecker, editor):
    for user in (factchecker, editor):
        client.force_login(user)
        resp = client.post(reverse("admin:evidence_importrun_upload"), {"files": [upload("readsb_14field.json")]})
        assert resp.status_code == 403
    assert not ImportRun.objects.exists()
