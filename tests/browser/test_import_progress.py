"""Issue 11 in a real browser: an editor watches a running import's progress update live in the admin (files,
positions, missions, rate, ETA change while a real Celery worker imports a day archive) and stops it with the
Cancel import button; the run ends cancelled. Needs PostgreSQL + Redis (the worker is a separate process), as
.ci/run provides."""

from __future__ import annotations

import re
import tarfile
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from evidence.flightdata import synth
from evidence.models import ImportRun
from evidence.services import import_jobs
from tests.browser.conftest import sign_in
from tests.services.conftest import real_worker  # noqa: F401 (a fixture)
from tests.services.test_import_worker import route_imports_to

pytestmark = [pytest.mark.browser, pytest.mark.services]

T0 = 1738540800.0  # 2025-02-03 00:00Z
FILES = 240
LOADED_MS = 45_000
PROGRESS = re.compile(
    r"([\d,]+) of ([\d,]+) files .*?, ([\d,]+) positions at ([\d,]+)/s(?:, about (\d+) s left)?"
)


@pytest.fixture
def worker_env() -> dict[str, str]:
    return {"IMPORT_UNIT_FILES": "3"}  # many small units: the run takes long enough to be watched


def day_tar(root: Path) -> Path:
    tree = root / "tree"
    for k in range(FILES):
        hex_address = f"ae{k:04x}"
        tr = synth.SynthTrack()
        route = [(32.7 - 0.01 * k, -117.2), (25.5, -110.8), (31.0, -116.5), (24.0, -112.0)]
        synth.sortie(tr, T0 + 60 * k, route, callsign=f"T{k}")
        doc = synth.trace_document(hex_address, tr, day_start=T0)
        synth.write_trace(synth.trace_path(tree, hex_address, day="2025-02-03"), doc, gzip=True)
    tar_path = root / "v2025.02.03-planes-readsb-prod-0.tar"
    with tarfile.open(tar_path, "w") as tar:
        tar.add(tree / "2025", arcname="2025")
    return tar_path


def progress_figures(page: Page) -> tuple[int, int, int, int, int | None, int]:
    """(files done, files total, positions, rate, ETA s or None, missions created) as the page shows them."""
    text = page.locator(".field-progress .readonly").inner_text()
    m = PROGRESS.search(text)
    assert m, f"no progress figures in {text!r}"
    missions = int(page.locator(".field-missions_created .readonly").inner_text().replace(",", ""))
    number = [int(g.replace(",", "")) for g in m.groups()[:4]]
    return (*number, int(m.group(5)) if m.group(5) else None, missions)  # type: ignore[return-value]


def test_admin_shows_a_running_import_live_and_cancels_it(page: Page, real_worker, tmp_path: Path) -> None:  # noqa: F811
    User.objects.create_superuser("imports", "imports@example.org", "imports-pass-1")
    tar_path = day_tar(tmp_path)
    route_imports_to(real_worker)
    run = import_jobs.start_import([str(tar_path)], origin="admin", options={"keep_all": True})

    # The worker and the live server share the machine with the browser: pages get more time than the default.
    page.set_default_timeout(LOADED_MS)
    page.set_default_navigation_timeout(LOADED_MS)
    sign_in(page, "imports", "imports-pass-1", path=f"/admin/evidence/importrun/{run.pk}/change/")
    expect(page.locator(".field-progress .readonly")).to_contain_text(f"of {FILES:,} files", timeout=60_000)

    # The page refreshes itself while the run is active: watch the figures move, without touching anything.
    seen = [progress_figures(page)]
    deadline = time.monotonic() + 150
    while time.monotonic() < deadline:
        page.wait_for_timeout(1000)
        now = progress_figures(page)
        if now != seen[-1]:
            seen.append(now)
        moved = [s for s in seen if s[0] > 0]
        if len({s[0] for s in moved}) >= 3 and moved[-1][5] > moved[0][5] and any(s[4] is not None for s in moved):
            break
    files = [s[0] for s in seen]
    assert files == sorted(files) and len(set(files)) >= 3, f"the files count did not move on the page: {seen}"
    moved = [s for s in seen if s[0] > 0]
    assert moved[-1][2] > moved[0][2], f"positions did not grow: {seen}"
    assert moved[-1][5] > moved[0][5], f"missions did not grow: {seen}"
    assert all(s[3] > 0 for s in moved), f"no rate while files were being read: {seen}"
    assert any(s[4] is not None for s in moved), f"no ETA shown while running: {seen}"
    assert moved[-1][0] < FILES, f"the run finished before it could be cancelled: {seen}"

    page.get_by_role("button", name="Cancel import").click()
    expect(page.locator(".messagelist")).to_contain_text("cancel requested", timeout=LOADED_MS)
    deadline = time.monotonic() + 60
    while ImportRun.objects.get(pk=run.pk).status in ImportRun.ACTIVE and time.monotonic() < deadline:
        time.sleep(0.5)
    page.reload()
    expect(page.locator(".field-status .readonly")).to_have_text("Cancelled", timeout=LOADED_MS)
    expect(page.get_by_role("button", name="Cancel import")).to_have_count(0)
    expect(page.get_by_role("button", name="Resume import")).to_be_visible(timeout=LOADED_MS)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED and 0 < run.files_read < FILES
