"""Time the scope map in a real browser: ``/scope/map`` over every mission of the bench database, in Debian's headless
Chromium (Playwright), served by ``manage.py runserver``.

    DATABASE_URL=sqlite:////tmp/bench-pictures.sqlite3 .venv/bin/python bench/bench_pictures.py --missions 10000
    DATABASE_URL=sqlite:////tmp/bench-pictures.sqlite3 .venv/bin/python bench/bench_pictures_browser.py

Reports, per run, what the page's script measured (``window.fcMaps``): the tracks request (server time + transfer),
the drawing (GeoJSON → Leaflet canvas layers), and the whole load until the map is ready. Run bench_pictures.py first
(it fills the database as an import would, overviews stored with the missions; no cache survives it: the first run
here is a fresh server process with an empty pictures cache). ``BENCH_PORT`` picks the port (default 8765).
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
CHROMIUM = "/usr/bin/chromium"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), to report next to wall times on a shared machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    env = {**os.environ, "DJANGO_ENV": "development", "DEBUG": "true"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "shell", "-c",
                    "from django.contrib.auth.models import User\n"
                    "u, _ = User.objects.get_or_create(username='bench', defaults={'is_staff': True, "
                    "'is_superuser': True})\nu.set_password('bench-pictures'); u.save()"],
                   env=env, check=True, capture_output=True)
    server = subprocess.Popen([*manage, "runserver", f"127.0.0.1:{PORT}", "--noreload"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.3)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(300_000)
            page.goto(f"http://127.0.0.1:{PORT}/admin/login/?next=/scope/map")
            page.fill("#id_username", "bench")
            page.fill("#id_password", "bench-pictures")
            page.click("input[type=submit]")
            for run in range(3):
                before = cpu_seconds(server.pid)
                if run:
                    page.reload()
                page.wait_for_selector("#fc-map[data-ready=true]")
                state = page.evaluate("window.fcMaps['fc-map']")
                print(f"run {run + 1}: {state['tracks']:,} missions drawn ({state['points']:,} positions); tracks "
                      f"request {state['fetchMs']:.0f} ms, drawing {state['drawMs']:.0f} ms, ready after "
                      f"{state['renderMs']:.0f} ms; server CPU {cpu_seconds(server.pid) - before:.2f} s")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
