"""The web server as deployed: gunicorn with the project's gunicorn.conf.py, against the real PostgreSQL test database.

The master builds the question reader once before it forks; the workers answer without building it again
(issue 12's load: a worker's first unanswered question used to pay ~2 s of CPU while other requests queued)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from rest_framework.authtoken.models import Token

from tests.conftest import stop_process
from tests.reliability.conftest import closed_port
from tests.services.conftest import _database_url

pytestmark = [pytest.mark.services]

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ["how many missions in 2025?", "how many missions in 2024?", "how many P-8 missions in 2025?",
             "list U-2 missions in January 2025", "how many missions per month in 2025?", "help"]
BUILT = re.compile(r"built the reader's pipeline for vocabulary \S+ in [\d.]+ s of CPU \(process (\d+)\)")


@pytest.fixture
def web_server(reference_data):
    """gunicorn with the project's configuration file, two sync workers; yields (base URL, a function → its log)."""
    port = closed_port()
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"fc-gunicorn-{os.getpid()}-{port}.log"
    env = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_ENV": "test", "LOG_LEVEL": "INFO"}
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "project.wsgi", "--config", str(ROOT / "gunicorn.conf.py"),
             "--workers", "2", "--bind", f"127.0.0.1:{port}", "--timeout", "120"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", proc, log_path)
        yield f"http://127.0.0.1:{port}", log_path.read_text
    finally:
        stop_process(proc)
        print(f"--- gunicorn log ---\n{log_path.read_text()[-6000:]}")
        log_path.unlink(missing_ok=True)


def _wait_for(url: str, proc: subprocess.Popen, log_path: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"gunicorn exited ({proc.returncode}):\n{log_path.read_text()[-4000:]}")
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    pytest.fail(f"gunicorn did not answer within {timeout:.0f} s:\n{log_path.read_text()[-4000:]}")


def test_workers_answer_with_the_reader_the_master_built(web_server, editor) -> None:
    base, log = web_server
    headers = {"Authorization": f"Token {Token.objects.create(user=editor).key}"}

    def ask(text: str) -> dict:
        response = httpx.post(f"{base}/api/ask/", json={"text": text}, headers=headers, timeout=60)
        assert response.status_code == 200, response.text
        return response.json()

    with ThreadPoolExecutor(4) as pool:  # several at once, so that both workers answer
        answers = list(pool.map(ask, QUESTIONS * 3))
    assert all(a["reason"] != "error" for a in answers), [a["answer"] for a in answers if a["reason"] == "error"]
    counts = [a for a in answers if a["query"].get("intent") == "count"]
    assert counts and all(a["count"] == 0 for a in counts), [a["answer"] for a in counts]  # no flights recorded here
    text = log()
    workers = {int(pid) for pid in re.findall(r"Booting worker with pid: (\d+)", text)}
    builders = [int(pid) for pid in BUILT.findall(text)]
    assert len(workers) == 2, text[-3000:]
    assert len(builders) == 1 and builders[0] not in workers, text[-3000:]  # once, in the master, before the fork
