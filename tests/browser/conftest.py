"""Browser end-to-end tests: Debian's headless Chromium, driven by Playwright's sync API, against ``live_server``.

No browser is downloaded: Playwright launches ``/usr/bin/chromium`` (installed by apt; ``.ci/run`` installs it).
Playwright's sync API keeps an asyncio loop running in the main thread while it is started, so Django's
async-safety check would refuse the test's own ORM calls; ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set only for as long as
a browser is up, and restored afterwards.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from claims.models import Article
from tests.conftest import service_unavailable

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: How long one action or expectation may wait (ms): generous for a loaded CI machine, short enough to fail fast.
#: ``BROWSER_TIMEOUT_MS`` raises it on a machine shared with heavy work (at load ~20 an admin page took > 10 s).
TIMEOUT_MS = int(os.environ.get("BROWSER_TIMEOUT_MS", "10000"))


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """The demo sets three passwords and every test signs in: PBKDF2's deliberate cost is not what is tested here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test module (a fresh context per test keeps cookies apart)."""
    if not CHROMIUM.exists():
        service_unavailable(f"chromium not installed at {CHROMIUM} (apt-get install chromium)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    expect.set_options(timeout=TIMEOUT_MS)
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
            try:
                yield chromium
            finally:
                chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A fresh browser tab (own cookies) whose relative URLs go to the live server. An uncaught script error or a
    server error (5xx, page or background request) fails the test: the desk's pages and scripts must run cleanly."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    tab.on("response", lambda r: problems.append(f"{r.status} from {r.url}") if r.status >= 500 else None)
    try:
        yield tab
    finally:
        context.close()
    assert not problems, problems


@pytest.fixture
def demo_site(live_server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Article]:
    """The real demo, loaded with ``manage.py load_demo`` and committed, so the live server's thread sees it (the
    transactional database flushes it after the test). The per-process vocabulary cache (and the reference cache
    with it) is dropped before (the bot in the server thread must read the demo's words) and after (later tests
    must not see them)."""
    from django.core.management import call_command

    from claims.nlp.vocabulary import invalidate_vocabulary_cache
    from evidence.selectors import clear_reference_cache

    call_command("load_demo", flights_dir=tmp_path / "demo-flights", stdout=io.StringIO())
    invalidate_vocabulary_cache()
    clear_reference_cache()
    yield Article.objects.get(url__contains="surveillance-flights-border")
    invalidate_vocabulary_cache()
    clear_reference_cache()


def sign_in(page: Page, username: str, password: str, *, path: str = "/admin/") -> None:
    """Open ``path`` as an anonymous visitor, get sent to the admin's login page, and sign in there as a person
    would (the caller asserts where that leads)."""
    page.goto(path)
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
