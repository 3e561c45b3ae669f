"""Load test: concurrent askers against ``POST /api/ask/`` through gunicorn in production mode (issue 12).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fc_bench CACHE_URL=rediscache://127.0.0.1:6379/4 \
        .venv/bin/python bench/bench_load_ask.py --requests 3000 --concurrency 50

It migrates the database and loads the demo once (``load_demo --force``: known passwords — never point it at a
database you care about), gives each of ``--concurrency`` editors an API token (and resets their throttle state),
starts gunicorn on 127.0.0.1 with ``DJANGO_ENV=production`` (DEBUG off, the production middleware, the API throttle
at its default; the bot's per-person limit raised so that no request is refused, still counted on every request),
waits for it, sends a bounded number of requests from an asyncio/httpx client with ``--concurrency`` connections
(each asker its own token, questions from a fixed mix), and prints answers/s, latency percentiles, errors and the
gunicorn workers' CPU time per request. Then it stops gunicorn. Only 127.0.0.1 is contacted.

The load generator runs on the same cores as the server (the figures are pessimistic by its share); ``--profile``
also runs ``cProfile`` over ``--profile-requests`` in-process requests through Django's test client (same settings)
and prints where the time goes. ``--inprocess`` skips gunicorn and the HTTP client altogether: it sends
``--inprocess-requests`` requests through the WSGI app in this process (Django's test client, the same production
settings and middleware) and prints the CPU time (``time.process_time``) per request — Django's own cost per answer,
which the load on the machine hardly changes (PostgreSQL's and Redis's work runs in their processes and is not in it).
The bot's answer cache is on, as in production (a repeated question in the same conversation state on the same day
over unchanged data is a hit); ``--no-answer-cache`` answers every question afresh. Each run ends with one
``SUMMARY`` line (date, cores, load average, the figures) to paste:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fc_bench CACHE_URL=rediscache://127.0.0.1:6379/4 \
        .venv/bin/python bench/bench_load_ask.py --inprocess --inprocess-requests 400
"""
from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTIONS = [
    "how many U-2 missions near Texas in February 2025?",
    "how many P-8 missions over California in January 2025?",
    "how many surveillance flights between 25 Jan and 5 Feb 2025?",
    "list RC-135 missions around Baja in February 2025",
    "when was the last U-2 flight near Texas?",
    "surveillance flights per day between 27 Jan and 5 Feb 2025",
    "which claims about the U-2 are unverified?",
    "claims without evidence",
]


def production_env(args: argparse.Namespace) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "bench-" + secrets.token_hex(24),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "False",  # plain HTTP on 127.0.0.1 (behind a TLS proxy in production)
        # The API's per-user throttle stays at its production default (its cost is part of every request); the
        # bot's own limit (30/min per person) would refuse a load test, so it is raised — still counted per request.
        "BOT_RATE_LIMIT": os.environ.get("BENCH_BOT_RATE_LIMIT", "1000000/min"),
        "LOG_LEVEL": "WARNING",
        # the bot's answer cache (bot/answer_cache.py) is on in production with Redis; --no-answer-cache measures
        # every answer read afresh
        "BOT_ANSWER_CACHE_SECONDS": "0" if args.no_answer_cache else os.environ.get("BOT_ANSWER_CACHE_SECONDS", "600"),
    }
    env.pop("CELERY_BROKER_URL", None)  # nothing here queues work
    return env


def setup(env: dict[str, str], askers: int) -> list[str]:
    """Migrate, load the demo once, and return one API token per asker (editors)."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.cache import cache
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from evidence.models import Mission

    call_command("migrate", verbosity=0)
    if not Mission.objects.exists():
        call_command("load_demo", "--force", "--flights-dir", "/tmp/flightcheck-bench-flights", verbosity=0)
    editors = Group.objects.get(name="Editors")
    tokens = []
    for n in range(askers):
        user, created = User.objects.get_or_create(username=f"bench-asker-{n}")
        if created:
            user.set_unusable_password()
            user.save()
            user.groups.add(editors)
        tokens.append(Token.objects.get_or_create(user=user)[0].key)
        # earlier runs' throttle state (DRF's request-time list, or the GCRA's one number)
        cache.delete_many([f"throttle_user_{user.pk}", f"throttle_user_{user.pk}:tat"])
    from django.db import connections

    connections.close_all()
    return tokens


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env: dict[str, str], args: argparse.Namespace, port: int) -> subprocess.Popen:
    cmd = [str(ROOT / ".venv/bin/gunicorn"), "project.wsgi", "--bind", f"127.0.0.1:{port}",
           "--workers", str(args.workers), "--worker-class", args.worker_class, "--threads", str(args.threads),
           "--backlog", "256", "--log-level", "warning",
           # a worker's first answers load the parser's vocabulary: on a loaded machine that can pass gunicorn's
           # default 30 s, and killed workers then restart forever
           "--timeout", str(args.gunicorn_timeout)]
    if args.gunicorn_config:
        cmd += ["--config", args.gunicorn_config]
    return subprocess.Popen(cmd, cwd=args.app_dir or ROOT, env=env, start_new_session=True)


async def wait_up(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"gunicorn exited with {proc.returncode}")
            try:
                await client.get(f"http://127.0.0.1:{port}/api/", timeout=2)
                return
            except httpx.HTTPError:
                await asyncio.sleep(0.3)
    raise SystemExit("gunicorn did not answer within 60 s")


async def load(port: int, tokens: list[str], requests: int, timeout: float) -> tuple[list[float], list[str], float]:
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    todo = iter(range(requests))
    limits = httpx.Limits(max_connections=len(tokens), max_keepalive_connections=len(tokens))

    async def asker(client: httpx.AsyncClient, token: str) -> None:
        headers = {"Authorization": f"Token {token}"}
        for n in todo:
            started = time.perf_counter()
            try:
                r = await client.post("/api/ask/", json={"text": QUESTIONS[n % len(QUESTIONS)]}, headers=headers)
                latencies.append(time.perf_counter() - started)
                if r.status_code != 200:
                    errors.append(f"HTTP {r.status_code}: {r.text[:120]}")
                elif r.json().get("reason") == "error":
                    errors.append(f"answer error: {r.json().get('answer', '')[:120]}")
            except httpx.HTTPError as exc:
                latencies.append(time.perf_counter() - started)
                errors.append(f"{type(exc).__name__}: {exc}")

    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=timeout) as client:
        started = time.perf_counter()
        await asyncio.gather(*(asker(client, t) for t in tokens))
        elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


def server_cpu_seconds(master: int) -> float:
    """CPU time (user + system) of gunicorn's worker processes so far, from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return float("nan")
    total = 0.0
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(latencies: list[float], errors: list[str], elapsed: float, args: argparse.Namespace, cpu: float) -> None:
    ok = len(latencies) - len(errors)
    print(f"gunicorn: {args.workers} workers × {args.threads} threads ({args.worker_class}); "
          f"{args.concurrency} concurrent askers; {len(latencies)} requests in {elapsed:.1f} s")
    print(f"answers/s: {ok / elapsed:.1f}   errors: {len(errors)}")
    ms = [v * 1000 for v in latencies]
    print(f"latency ms: p50 {percentile(ms, 50):.0f}  p95 {percentile(ms, 95):.0f}  p99 {percentile(ms, 99):.0f}  "
          f"max {max(ms):.0f}  mean {statistics.fmean(ms):.0f}")
    print(f"gunicorn workers' CPU: {cpu / len(latencies) * 1000:.1f} ms per request (load-independent-ish; "
          "PostgreSQL, Redis and the client are not in it)")
    for e in sorted(set(errors))[:5]:
        print(f"  error: {e} (×{errors.count(e)})")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    summary(f"{ok / elapsed:.1f} answers/s, {len(errors)} errors, p50 {percentile(ms, 50):.0f} ms, p95 "
            f"{percentile(ms, 95):.0f} ms, p99 {percentile(ms, 99):.0f} ms, gunicorn CPU "
            f"{cpu / len(latencies) * 1000:.1f} ms/request; {args.concurrency} concurrent, {len(latencies)} requests, "
            f"{args.workers}×{args.threads} {args.worker_class}", args)


def summary(figures: str, args: argparse.Namespace) -> None:
    """One line to paste into docs/RELIABILITY.md: when, where, how loaded, what was measured."""
    import datetime as dt

    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    cache = "off" if args.no_answer_cache else "on"
    print(f"SUMMARY {when} | {os.cpu_count()} cores | load {load} | answer cache {cache} | {figures}")


def profile(tokens: list[str], n: int, args_top: int = 45) -> None:
    """cProfile over ``n`` in-process requests (the same production settings), top functions by cumulative time."""
    import cProfile
    import pstats

    from django.test import Client

    client = Client(HTTP_AUTHORIZATION=f"Token {tokens[0]}", HTTP_HOST="127.0.0.1")
    for q in QUESTIONS:  # warm up
        client.post("/api/ask/", {"text": q}, content_type="application/json")
    prof = cProfile.Profile(time.process_time)  # CPU time: waiting for the database is not the question here
    started = time.perf_counter()
    prof.enable()
    for i in range(n):
        client.post("/api/ask/", {"text": QUESTIONS[i % len(QUESTIONS)]}, content_type="application/json")
    prof.disable()
    print(f"in-process: {(time.perf_counter() - started) / n * 1000:.1f} ms per request wall (profiled)")
    pstats.Stats(prof).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative")).print_stats(args_top)


def inprocess(tokens: list[str], n: int, args: argparse.Namespace) -> None:
    """CPU time per request over ``n`` in-process requests (after a warm-up), overall and per question."""
    import gc

    from django.db import connection
    from django.test import Client

    clients = [Client(HTTP_AUTHORIZATION=f"Token {t}", HTTP_HOST="127.0.0.1") for t in tokens[:8]]
    for i, q in enumerate(QUESTIONS * 2):  # warm up: imports, the parser's vocabulary, the reference caches
        clients[i % len(clients)].post("/api/ask/", {"text": q}, content_type="application/json")
    per_question: dict[str, list[float]] = {q: [] for q in QUESTIONS}
    errors = 0
    queries = 0

    def count(execute, sql, params, many, context):  # Django's execute_wrapper signature
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    gc.collect()
    started_cpu, started_wall = time.process_time(), time.perf_counter()
    with connection.execute_wrapper(count):
        for i in range(n):
            q = QUESTIONS[i % len(QUESTIONS)]
            t0 = time.process_time()
            r = clients[i % len(clients)].post("/api/ask/", {"text": q}, content_type="application/json")
            per_question[q].append(time.process_time() - t0)
            if r.status_code != 200 or r.json().get("reason") == "error":
                errors += 1
    cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started_wall
    print(f"in-process: {n} requests, errors: {errors}; CPU {cpu / n * 1000:.2f} ms per request "
          f"(wall {wall / n * 1000:.2f} ms, load-dependent); SQL queries per request: {queries / n:.1f}")
    for q, times in per_question.items():
        print(f"  {statistics.fmean(times) * 1000:6.2f} ms CPU  {q}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    summary(f"in-process {cpu / n * 1000:.2f} ms CPU/request ({errors} errors, {queries / n:.1f} SQL "
            f"statements/request, {n} requests)", args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000, help="total requests (bounded; at most 20,000)")
    parser.add_argument("--concurrency", type=int, default=50, help="concurrent askers (each its own token)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--gunicorn-config", default="", help="a gunicorn config file (e.g. gunicorn.conf.py)")
    parser.add_argument("--app-dir", default="", help="serve another checkout of the project (before/after runs)")
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request timeout, seconds")
    parser.add_argument("--gunicorn-timeout", type=int, default=120, help="gunicorn's worker timeout, seconds")
    parser.add_argument("--profile", action="store_true", help="also profile in-process requests")
    parser.add_argument("--profile-requests", type=int, default=300)
    parser.add_argument("--inprocess", action="store_true",
                        help="no gunicorn: CPU time per request through the WSGI app in this process")
    parser.add_argument("--inprocess-requests", type=int, default=400)
    parser.add_argument("--no-answer-cache", action="store_true",
                        help="answer every question afresh (BOT_ANSWER_CACHE_SECONDS=0): Django's cost without hits")
    args = parser.parse_args()
    if not 0 < args.requests <= 20_000 or not 0 < args.concurrency <= 500:
        raise SystemExit("--requests must be 1..20000 and --concurrency 1..500")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to a PostgreSQL database of its own (it loads the demo into it)")
    env = production_env(args)
    tokens = setup(env, args.concurrency)
    if args.inprocess:
        inprocess(tokens, args.inprocess_requests, args)
        if args.profile:
            profile(tokens, args.profile_requests)
        return
    port = free_port()
    proc = start_gunicorn(env, args, port)
    try:
        asyncio.run(wait_up(port, proc))
        asyncio.run(load(port, tokens[:5], min(100, args.requests), args.timeout))  # warm every worker up
        cpu, client_cpu = server_cpu_seconds(proc.pid), time.process_time()
        latencies, errors, elapsed = asyncio.run(load(port, tokens, args.requests, args.timeout))
        cpu, client_cpu = server_cpu_seconds(proc.pid) - cpu, time.process_time() - client_cpu
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    report(latencies, errors, elapsed, args, cpu)
    print(f"load generator's own CPU: {client_cpu / len(latencies) * 1000:.1f} ms per request "
          f"({client_cpu / elapsed:.0%} of a core while it ran)")
    if args.profile:
        profile(tokens, args.profile_requests)


if __name__ == "__main__":
    main()
