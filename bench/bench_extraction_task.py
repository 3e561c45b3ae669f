"""Benchmark the whole extraction task with its database writes: on SQLite in-process, and through a real Celery worker.

Run: ``.venv/bin/python bench/bench_extraction_task.py [--articles 200] [--batch-size 32] [--worker-articles 200]
[--no-worker]``.

Two parts, each in a child process with its own settings (Django reads ``DATABASE_URL`` at start-up):

1. **SQLite** (``DATABASE_URL=sqlite:////tmp/fc_bench_extraction_<pid>.sqlite3``, no broker): migrate, seed the
   reference vocabulary (``seed_reference_data(regions=True)``: ~2,700 aircraft types, organisations, regions — the
   rules are built from these rows), create the synthetic ~1,000-word articles of ``bench_extraction.py`` twice,
   then run the real ``run_extraction`` over the first copy *one article at a time* and ``run_extraction_many`` (what
   the ``extract_articles`` task runs) over the second copy *in batches*; both write every entity and proposed claim.
   Prints articles/s by wall clock and per CPU-second of this process, queries per article, and the ratio.
   Goal: ≥ 40 articles/s.
2. **Celery worker fed from Redis** (``CELERY_BROKER_URL=redis://127.0.0.1:6379/12``, PostgreSQL scratch database
   ``fc_bench_nlp`` created here and dropped at the end): starts ``celery -A project worker -Q <private queue>
   --concurrency 2`` as a subprocess with the same environment, routes ``claims.tasks.*`` to that queue, warms both
   pool processes up, then enqueues one ``extract_article`` per article and times until the database says all are
   done; then the same texts (fresh copies) as ``extract_articles`` batches. Prints articles/s by wall clock and per
   CPU-second of the worker processes (read from ``/proc``). The worker is stopped, the queue deleted and the
   database dropped whatever happens.

The machine is shared: wall-clock figures depend on what else runs (the load average is printed before and after);
CPU-second figures are each process's own time. ``FC_BENCH_BROKER`` and ``FC_BENCH_PG_DB`` replace the broker URL and
the scratch database's name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
#: Overridable where the machine is shared (another database name, another Redis database number).
PG_DB = os.environ.get("FC_BENCH_PG_DB", "fc_bench_nlp")
BROKER = os.environ.get("FC_BENCH_BROKER", "redis://127.0.0.1:6379/12")
RESULT_PREFIX = "BENCH-RESULT "
PUBLISHED = dt.datetime(2025, 2, 10, 12, tzinfo=dt.UTC)


# ------------------------------------------------------------------------------------------------ child: common

def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from evidence.services.reference import seed_reference_data

    seed_reference_data(regions=True)


def _texts(n: int, words: int, seed: int) -> list[str]:
    import random

    from bench_extraction import synthetic_article

    rng = random.Random(seed)
    return [synthetic_article(rng, words) for _ in range(n)]


def _create_articles(texts: list[str], tag: str) -> list[tuple[int, str]]:
    """Articles with these texts, created without queuing an extraction: (id, digest) pairs in order."""
    from claims.models import Article, text_digest

    rows = [Article(title=f"{tag} {i}", body=t, body_digest=text_digest(t), published_at=PUBLISHED)
            for i, t in enumerate(texts)]
    Article.objects.bulk_create(rows, batch_size=200)
    by_title = dict(Article.objects.filter(title__startswith=f"{tag} ").values_list("title", "pk"))
    return [(by_title[f"{tag} {i}"], r.body_digest) for i, r in enumerate(rows)]


def _rows(pairs: list[tuple[int, str]]) -> tuple[int, int]:
    from claims.models import Entity, ProposedClaim

    ids = [pk for pk, _ in pairs]
    return (Entity.objects.filter(article_id__in=ids).count(),
            ProposedClaim.objects.filter(article_id__in=ids).count())


def _emit(result: dict[str, Any]) -> None:
    print(RESULT_PREFIX + json.dumps(result), flush=True)


# ------------------------------------------------------------------------------------------------ child: SQLite

def part_sqlite(args: argparse.Namespace) -> None:
    _setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.services.extraction import ExtractionOutcome, run_extraction, run_extraction_many

    texts = _texts(args.articles, args.words, args.seed)
    warm = _create_articles(texts[:4], "warm-up")
    singles = _create_articles(texts, "single")
    batched = _create_articles(texts, "batched")
    run_extraction_many(warm[:2], batch_size=args.batch_size)  # builds the pipeline from the DB vocabulary
    for pk, digest in warm[2:]:
        run_extraction(article_id=pk, digest=digest)

    n = len(texts)
    with CaptureQueriesContext(connection) as one_queries:
        outcome = run_extraction(article_id=singles[0][0], digest=singles[0][1])
    assert outcome is ExtractionOutcome.DONE, outcome
    t0, c0 = time.perf_counter(), time.process_time()
    outcomes = [run_extraction(article_id=pk, digest=digest) for pk, digest in singles[1:]]
    single_wall, single_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert all(o is ExtractionOutcome.DONE for o in outcomes), outcomes

    with CaptureQueriesContext(connection) as batch_queries:
        first = run_extraction_many(batched[:args.batch_size], batch_size=args.batch_size)
    t0, c0 = time.perf_counter(), time.process_time()
    outcomes = run_extraction_many(batched[args.batch_size:], batch_size=args.batch_size)
    batch_wall, batch_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert all(o is ExtractionOutcome.DONE for o in [*first, *outcomes]), outcomes
    rows_single, rows_batched = _rows(singles), _rows(batched)
    assert rows_single == rows_batched, (rows_single, rows_batched)
    _emit({
        "part": "sqlite", "articles": n, "words": sum(len(t.split()) for t in texts) / n,
        "entities": rows_single[0] / n, "proposals": rows_single[1] / n,
        "single": {"n": n - 1, "wall": single_wall, "cpu": single_cpu, "queries": len(one_queries)},
        "batched": {"n": n - args.batch_size, "wall": batch_wall, "cpu": batch_cpu,
                    "queries": len(batch_queries) / len(first), "batch_size": args.batch_size},
    })


# ------------------------------------------------------------------------------------------------ child: worker

def _proc_cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / ticks


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(entry.name))
    return out


def _wait_done(pairs: list[tuple[int, str]], timeout: float, worker: subprocess.Popen[bytes]) -> float:
    """Poll the database until every article of ``pairs`` is done or failed; the time that took."""
    from claims.models import Article

    ids = [pk for pk, _ in pairs]
    finished = (Article.ExtractionStatus.DONE, Article.ExtractionStatus.FAILED)
    t0 = time.perf_counter()
    while True:
        done = Article.objects.filter(pk__in=ids, extraction_status__in=finished).count()
        if done == len(ids):
            return time.perf_counter() - t0
        if worker.poll() is not None:
            raise RuntimeError("the Celery worker exited")
        if time.perf_counter() - t0 > timeout:
            raise RuntimeError(f"only {done} of {len(ids)} articles extracted after {timeout:.0f} s")
        time.sleep(0.02)


@contextmanager
def _worker(queue: str, concurrency: int, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    from project.celery import app

    node = f"{queue}@{os.uname().nodename}"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "project", "worker", "-Q", queue, "--concurrency", str(concurrency),
         "--pool", "prefork", "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat",
         "-n", node],
        cwd=ROOT, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT,
    )
    pool: list[int] = []
    try:
        deadline = time.monotonic() + 90
        while not app.control.ping(destination=[node], timeout=1.0):
            if proc.poll() is not None:
                raise RuntimeError(f"the Celery worker exited; its log: {log_path}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Celery worker did not answer within 90 s; its log: {log_path}")
        pool = _children(proc.pid)
        yield proc
    finally:
        proc.terminate()  # warm shutdown
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        for pid in pool:  # the pool processes of this worker, should any outlive it (checked: same command line)
            with suppress(OSError):
                if queue.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                    os.kill(pid, signal.SIGKILL)
        log.close()
        _delete_queue(queue)


def _delete_queue(queue: str) -> None:
    """The private queue, its priority lists and its exchange bindings (kombu's Redis keys for it)."""
    import redis

    from project.celery import app

    with app.connection_for_write() as conn:
        conn.default_channel.queue_delete(queue)
    client = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
    keys = [queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}",
            *(k.decode() for k in client.scan_iter(match=f"{queue}\x06\x16*"))]
    client.delete(*keys)


def part_worker(args: argparse.Namespace) -> None:
    _setup_django()
    from django.db import connections

    from claims.tasks import extract_article, extract_articles
    from project.celery import app

    queue = os.environ["CELERY_TASK_DEFAULT_QUEUE"]
    app.conf.task_always_eager = False
    app.conf.task_routes = {"claims.tasks.*": {"queue": queue}}
    texts = _texts(args.worker_articles, args.words, args.seed)
    warm = _create_articles(_texts(2 * args.concurrency, args.words, args.seed + 1), "warm-up")
    singles = _create_articles(texts, "single")
    batched = _create_articles(texts, "batched")
    connections.close_all()
    log_path = Path(f"/tmp/fc_bench_worker_{os.getpid()}.log")
    n = len(texts)
    with _worker(queue, args.concurrency, log_path) as proc:
        for pk, digest in warm:  # every pool process builds its pipeline on its first task
            extract_article.delay(pk, digest)
        _wait_done(warm, 120, proc)
        pids = [proc.pid, *_children(proc.pid)]

        cpu0 = _proc_cpu_seconds(pids)
        t0 = time.perf_counter()
        for pk, digest in singles:
            extract_article.delay(pk, digest)
        _wait_done(singles, 600, proc)
        single_wall = time.perf_counter() - t0
        single_cpu = _proc_cpu_seconds(pids) - cpu0

        cpu0 = _proc_cpu_seconds(pids)
        t0 = time.perf_counter()
        for i in range(0, n, args.batch_size):
            extract_articles.delay([list(p) for p in batched[i:i + args.batch_size]])
        _wait_done(batched, 600, proc)
        batch_wall = time.perf_counter() - t0
        batch_cpu = _proc_cpu_seconds(pids) - cpu0
    from claims.models import Article

    failed = Article.objects.filter(extraction_status=Article.ExtractionStatus.FAILED).count()
    rows_single, rows_batched = _rows(singles), _rows(batched)
    connections.close_all()
    log_path.unlink(missing_ok=True)
    _emit({
        "part": "worker", "articles": n, "concurrency": args.concurrency, "failed": failed,
        "rows_equal": rows_single == rows_batched, "entities": rows_single[0] / n, "proposals": rows_single[1] / n,
        "single": {"n": n, "wall": single_wall, "cpu": single_cpu},
        "batched": {"n": n, "wall": batch_wall, "cpu": batch_cpu, "batch_size": args.batch_size},
    })


# ------------------------------------------------------------------------------------------------ parent

def _run_child(part: str, args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--part", part, "--articles", str(args.articles), "--batch-size",
           str(args.batch_size), "--words", str(args.words), "--seed", str(args.seed), "--worker-articles",
           str(args.worker_articles), "--concurrency", str(args.concurrency)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX):])
    raise RuntimeError(
        f"the {part} part failed (exit {proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    )


def _psql(sql: str) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
                   check=True, capture_output=True, text=True)


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("nan")


def _line(label: str, m: dict[str, Any], extra: str = "") -> str:
    return (f"{label:<46}{_rate(m['n'], m['cpu']):8.1f}/s  {_rate(m['n'], m['wall']):8.1f}/s   "
            f"({m['cpu'] / m['n'] * 1000:.1f} ms CPU, {m['wall'] / m['n'] * 1000:.1f} ms wall per article){extra}")


def _machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles per mode on SQLite")
    parser.add_argument("--worker-articles", type=int, default=200, help="articles per mode through the worker")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--no-worker", action="store_true", help="skip the Celery/Redis/PostgreSQL part")
    parser.add_argument("--part", choices=("sqlite", "worker"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part == "sqlite":
        return part_sqlite(args)
    if args.part == "worker":
        return part_worker(args)

    load_before = os.getloadavg()
    print(f"date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; machine: {_machine()}")
    print(f"load average before: {load_before[0]:.1f} / {load_before[1]:.1f} / {load_before[2]:.1f} (1/5/15 min)")
    base_env = {k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "DATABASE_URL")}
    base_env["DJANGO_SETTINGS_MODULE"] = "project.settings"
    base_env["DEBUG"] = "false"  # DEBUG keeps every SQL query in memory (and formats it): not what is measured

    sqlite_path = Path(f"/tmp/fc_bench_extraction_{os.getpid()}.sqlite3")
    try:
        res = _run_child("sqlite", args, {**base_env, "DATABASE_URL": f"sqlite:///{sqlite_path}"})
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    print(f"\nSQLite, in-process: {res['articles']} articles of {res['words']:.0f} words, {res['entities']:.0f} "
          f"entities and {res['proposals']:.0f} proposed claims written per article")
    print(f"{'':46}{'per CPU-s':>10}  {'wall':>10}")
    s, b = res["single"], res["batched"]
    print(_line("run_extraction, one article at a time", s, f"; {s['queries']} queries/article"))
    print(_line(f"run_extraction_many, batches of {b['batch_size']}", b, f"; {b['queries']:.1f} queries/article"))
    print(f"{'ratio batched / one at a time':<46}{s['cpu'] / s['n'] / (b['cpu'] / b['n']):8.2f}x  "
          f"{s['wall'] / s['n'] / (b['wall'] / b['n']):8.2f}x")
    best = max(_rate(s["n"], s["cpu"]), _rate(b["n"], b["cpu"]))
    print(f"goal: >= 40 articles/s with database writes on SQLite -> {'met' if best >= 40 else 'NOT met'} "
          f"(one at a time {_rate(s['n'], s['cpu']):.0f}/s, batched {_rate(b['n'], b['cpu']):.0f}/s per CPU-second)")

    if not args.no_worker:
        if shutil.which("psql") is None:
            print("\nworker part skipped: psql is not installed")
        else:
            queue = f"fc-bench-nlp-{uuid.uuid4().hex[:8]}"
            env = {**base_env, "DATABASE_URL": PG_URL.format(name=PG_DB), "CELERY_BROKER_URL": BROKER,
                   "CELERY_TASK_DEFAULT_QUEUE": queue}
            _psql(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
            _psql(f"CREATE DATABASE {PG_DB}")
            try:
                res = _run_child("worker", args, env)
            finally:
                _psql(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
            s, b = res["single"], res["batched"]
            print(f"\nCelery worker (--concurrency {res['concurrency']}, prefork) fed from Redis, PostgreSQL: "
                  f"{res['articles']} articles per mode; failed: {res['failed']}; same rows both ways: "
                  f"{res['rows_equal']}")
            print(f"{'':46}{'per CPU-s':>10}  {'wall':>10}   (CPU = the worker's processes)")
            print(_line("extract_article, one task per article", s))
            print(_line(f"extract_articles, {b['batch_size']} articles per task", b))
            print(f"{'ratio batched / one at a time':<46}{s['cpu'] / s['n'] / (b['cpu'] / b['n']):8.2f}x  "
                  f"{s['wall'] / s['n'] / (b['wall'] / b['n']):8.2f}x")
    load_after = os.getloadavg()
    print(f"\nload average after: {load_after[0]:.1f} / {load_after[1]:.1f} / {load_after[2]:.1f}")


if __name__ == "__main__":
    main()
