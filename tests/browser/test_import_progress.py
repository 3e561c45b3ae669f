"""Issue 11 in a real browser: an editor watches a running import's progress update live in the admin (files,
positions, missions, rate, ETA change while a real Celery worker imports a day archive) and stops it with the
Cancel import button; the run ends cancelled. Needs PostgreSQL + Redis (the worker is a separate process), as
.ci/run provides."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from evidence.models import ImportRun
from tests.browser.conftest import sign_in
from tests.faults.conftest import wait_until
from tests.services.conftest import real_worker, worker_env  # noqa: F401 (fixtures)
from tests.services.test_import_worker import day_tar, route_imports_to
from tests.services.unit_holds import UnitHold, hold_units, planned_run, queue_units

pytestmark = [pytest.mark.browser, pytest.mark.services]

FILES = 90
UNIT_FILES = 3  # 30 units, three of them held back
LOADED_MS = 45_000
PROGRESS = re.compile(
    r"([\d,]+) of ([\d,]+) files .*?, ([\d,]+) positions at ([\d,]+)/s(?:, about (\d+) s left)?"
)


def progress_figures(page: Page) -> tuple[int, int, int, int, int | None, int]:
    """(files done, files total, positions, rate, ETA s or None, missions created) as the page shows them."""
    text = page.locator(".field-progress .readonly").inner_text()
    m = PROGRESS.search(text)
    assert m, f"no progress figures in {text!r}"
    missions = int(page.locator(".field-missions_created .readonly").inner_text().replace(",", ""))
    number = [int(g.replace(",", "")) for g in m.groups()[:4]]
    return (*number, int(m.group(5)) if m.group(5) else None, missions)  # type: ignore[return-value]


def figures_once_shown(page: Page, run: ImportRun) -> tuple[int, int, int, int, int | None, int]:
    """The page's figures once it shows the files the run has read (it refreshes itself while the run is active)."""
    deadline = time.monotonic() + LOADED_MS / 1000
    while True:
        figures = progress_figures(page)
        run.refresh_from_db()
        if figures[0] == run.files_read > 0 or time.monotonic() > deadline:
            return figures
        page.wait_for_timeout(500)


def test_admin_shows_a_running_import_live_and_cancels_it(page: Page, real_worker, tmp_path: Path) -> None:  # noqa: F811
    User.objects.create_superuser("imports", "imports@example.org", "imports-pass-1")
    tar_path = day_tar(tmp_path, FILES, spacing_s=60, name="v2025.02.03-planes-readsb-prod-0.tar")
    route_imports_to(real_worker)
    run = planned_run([str(tar_path)], UNIT_FILES, keep_all=True)
    n = run.units_total
    # Three units held back (a third in, two thirds in, the last): the run stops at each until the test has seen
    # the page show it, so the figures are watched moving and the cancel lands mid-run however fast the machine.
    holds = hold_units(run, [n // 3, 2 * n // 3, n - 1])
    try:
        queue_units(run)
        watch_and_cancel(page, run, holds)
    finally:
        for hold in holds:
            hold.release()
    deadline = time.monotonic() + 60
    while ImportRun.objects.get(pk=run.pk).status in ImportRun.ACTIVE and time.monotonic() < deadline:
        time.sleep(0.5)
    page.reload()
    expect(page.locator(".field-status .readonly")).to_have_text("Cancelled", timeout=LOADED_MS)
    expect(page.get_by_role("button", name="Cancel import")).to_have_count(0)
    expect(page.get_by_role("button", name="Resume import")).to_be_visible(timeout=LOADED_MS)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED and 0 < run.files_read < FILES


def watch_and_cancel(page: Page, run: ImportRun, holds: list[UnitHold]) -> None:
    # The worker and the live server share the machine with the browser: pages get more time than the default.
    page.set_default_timeout(LOADED_MS)
    page.set_default_navigation_timeout(LOADED_MS)
    sign_in(page, "imports", "imports-pass-1", path=f"/admin/evidence/importrun/{run.pk}/change/")
    expect(page.locator(".field-progress .readonly")).to_contain_text(f"of {FILES:,} files", timeout=60_000)
    seen = []  # the page's figures at each held unit
    for hold in holds:
        wait_until(hold.waited_on, 150, "the worker reached a held unit")
        seen.append(figures_once_shown(page, run))
        if hold is not holds[-1]:
            hold.release()
    files = [s[0] for s in seen]
    assert 0 < files[0] < files[1] < files[2] < FILES, f"the files count did not move on the page: {seen}"
    assert seen[0][2] < seen[1][2] < seen[2][2], f"positions did not grow: {seen}"
    assert seen[0][5] < seen[1][5] < seen[2][5], f"missions did not grow: {seen}"
    assert all(s[3] > 0 for s in seen), f"no rate while files were being read: {seen}"
    assert any(s[4] is not None for s in seen), f"no ETA shown while running: {seen}"

    # The cancel's request marks the run, then waits for the held last unit; released, the worker claims it, sees the
    # request and stops.
    page.get_by_role("button", name="Cancel import").click(no_wait_after=True)
    wait_until(lambda: ImportRun.objects.get(pk=run.pk).cancel_requested, 60, "the cancel request was recorded")
    holds[-1].release()
    expect(page.locator(".messagelist")).to_contain_text("cancel requested", timeout=LOADED_MS)
