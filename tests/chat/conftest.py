"""Shared fixtures for the chat adapters' tests: users, signed Slack requests, a local HTTP server standing in for the
Slack Web API (real HTTP on 127.0.0.1), and the captured payloads under ``bot/<platform>/fixtures/``."""
from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from django.contrib.auth.models import Group, User

BOT_DIR = Path(__file__).resolve().parents[2] / "bot"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
MATTERMOST_TOKEN = "xr3j5x3p4pfk7xbxpnf3rzg9mr"


def fixture_data(platform: str, name: str) -> dict[str, Any]:
    return json.loads((BOT_DIR / platform / "fixtures" / f"{name}.json").read_text())


def slack_headers(body: bytes, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack would send: ``v0=HMAC_SHA256(secret, "v0:{ts}:{body}")``."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"HTTP_X_SLACK_REQUEST_TIMESTAMP": ts, "HTTP_X_SLACK_SIGNATURE": f"v0={digest}"}


@pytest.fixture
def editor(db: None) -> User:
    user = User.objects.create_user("editor", password="pw-editor-123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def outsider(db: None) -> User:
    """Signed in, linked to chat accounts, but without bot.ask_bot."""
    return User.objects.create_user("outsider", password="pw-outsider-123")


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def data(self) -> dict[str, Any]:
        if self.headers.get("content-type", "").startswith("application/json"):
            return json.loads(self.body)
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}


@dataclass
class FakeSlackAPI:
    """A real HTTP server on 127.0.0.1 answering like the Slack Web API; records every request."""

    url: str
    requests: list[Recorded] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)
    api_response: dict[str, Any] = field(default_factory=lambda: {"ok": True, "ts": "1515449600.000100"})

    def wait(self, count: int = 1, timeout: float = 10.0) -> list[Recorded]:
        deadline = time.monotonic() + timeout
        while len(self.requests) < count and time.monotonic() < deadline:
            self.arrived.wait(0.05)
            self.arrived.clear()
        return self.requests


@pytest.fixture
def slack_api() -> Iterator[FakeSlackAPI]:
    holder: dict[str, FakeSlackAPI] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            api = holder["api"]
            api.requests.append(Recorded("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            api.arrived.set()
            if self.path.startswith("/api/"):
                payload, ctype = json.dumps(api.api_response).encode(), "application/json"
            else:  # a response_url
                payload, ctype = b"ok", "text/plain"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["api"] = FakeSlackAPI(url=f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder["api"]
    finally:
        server.shutdown()
        server.server_close()



@pytest.fixture(autouse=True)
def _fresh_rate_limit() -> Iterator[None]:
    """bot.services.ask counts questions per user in the cache; user ids repeat across rolled-back tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@dataclass
class RoutedAPI:
    """A real HTTP server on 127.0.0.1 answering each path with a set reply (captured payloads); records requests.
    A path with no reply set gets 404."""

    url: str
    routes: dict[str, tuple[int, Any]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)

    def reply(self, path: str, payload: Any, status: int = 200) -> None:
        self.routes[path] = (status, payload)

    @property
    def paths(self) -> list[str]:
        return [r.path for r in self.requests]


@pytest.fixture
def routed_api() -> Iterator[RoutedAPI]:
    holder: dict[str, RoutedAPI] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            api = holder["api"]
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            api.requests.append(Recorded("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            status, payload = api.routes.get(self.path.split("?")[0], (404, {"error": "no such route"}))
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if not isinstance(payload, bytes) else "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["api"] = RoutedAPI(url=f"http://127.0.0.1:{server.server_address[1]}")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield holder["api"]
    finally:
        server.shutdown()
        server.server_close()
