"""Fact-checkers saving at the same time, on the same claims, while a flight import runs (issue 12): no write is
lost. Two fact-checkers work on each claim — one decides verdicts, the other edits the attribution — and every
fact-checker links evidence to one shared claim; a real ``manage.py import_flights`` process writes missions at the
same time. Each writer reads its own last write back before the next one: a save that wrote back a stale copy of the
other's field (a lost update) is caught where it happens."""
from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection

from claims import services
from claims.models import Article, Claim, EvidenceLink
from evidence.models import Mission, Source
from tests.faults.conftest import ROOT
from tests.services.conftest import _database_url

pytestmark = [pytest.mark.faults]

PAIRS = 3  # claims worked on by two fact-checkers at once
ROUNDS = 40
VERDICTS = ["supported", "refuted", "unverifiable", "partly_supported"]
SENTENCE = "Claim number {n}: the Navy flew {n} P-8 missions near Texas in February, officials said. "


def _fact_checker(name: str) -> User:
    user = User.objects.create_user(name, is_staff=True)
    user.groups.add(Group.objects.get(name="Fact-checkers"))
    return user


def test_no_lost_writes_while_an_import_runs(transactional_db, reference_data, tmp_path):
    from evidence.flightdata.demo import write_demo_traces

    body = "".join(SENTENCE.format(n=n) for n in range(PAIRS + 1))
    article = services.article_create(title="Concurrent desk", body=body, queue_extraction=False)
    claims = []
    for n in range(PAIRS + 1):
        start = body.index(f"Claim number {n}:")
        claims.append(services.claim_create_from_selection(article=article, start=start, end=start + 60))
    shared = claims[-1]
    users = [_fact_checker(f"fc{n}") for n in range(2 * PAIRS)]
    sources = {u.pk: [Source.objects.create(kind="document", title=f"{u.username} memo {i}") for i in range(ROUNDS)]
               for u in users}
    traces = write_demo_traces(tmp_path / "flights")
    errors: list[str] = []
    start_gate = threading.Barrier(2 * PAIRS + 1)

    def verdicts(user: User, claim_id: int) -> None:
        start_gate.wait()
        for i in range(ROUNDS):
            claim = Claim.objects.get(pk=claim_id)
            if i and (claim.rationale, claim.verdict) != (f"{user.username} round {i - 1}", VERDICTS[(i - 1) % 4]):
                errors.append(f"{user.username}: verdict write {i - 1} lost: {claim.verdict}, {claim.rationale!r}")
            services.claim_set_verdict(claim=claim, verdict=VERDICTS[i % 4], rationale=f"{user.username} round {i}",
                                       user=user)
            services.evidence_link_create(claim=Claim.objects.get(pk=shared.pk), source=sources[user.pk][i],
                                          relation="context", user=user)

    def attribution(user: User, claim_id: int) -> None:
        start_gate.wait()
        for i in range(ROUNDS):
            claim = Claim.objects.get(pk=claim_id)
            if i and claim.claimant != f"{user.username} round {i - 1}":
                errors.append(f"{user.username}: attribution write {i - 1} lost: {claim.claimant!r}")
            services.claim_update(claim=claim, claimant=f"{user.username} round {i}", user=user)
            services.evidence_link_create(claim=Claim.objects.get(pk=shared.pk), source=sources[user.pk][i],
                                          relation="context", user=user)

    def run(target, *args) -> None:
        try:
            target(*args)
        except Exception as exc:  # reported, not swallowed
            errors.append(f"{target.__name__}{args[1:]}: {type(exc).__name__}: {exc}")
        finally:
            connection.close()

    threads = []
    for n in range(PAIRS):
        threads.append(threading.Thread(target=run, args=(verdicts, users[2 * n], claims[n].pk)))
        threads.append(threading.Thread(target=run, args=(attribution, users[2 * n + 1], claims[n].pk)))
    for t in threads:
        t.start()
    env = {"DATABASE_URL": _database_url(), "DJANGO_ENV": "test", "PATH": "/usr/bin:/bin"}
    started = time.monotonic()
    importer = subprocess.Popen([sys.executable, "manage.py", "import_flights", "-v", "0", *map(str, traces)],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    start_gate.wait()
    for t in threads:
        t.join(timeout=300)
    writes_done = time.monotonic() - started
    overlapped = importer.poll() is None
    out, _ = importer.communicate(timeout=600)
    import_seconds = time.monotonic() - started

    assert importer.returncode == 0, out[-3000:]
    assert errors == [], "\n".join(errors)
    for n in range(PAIRS):
        claim = Claim.objects.get(pk=claims[n].pk)
        assert claim.verdict == VERDICTS[(ROUNDS - 1) % 4] and claim.rationale == f"fc{2 * n} round {ROUNDS - 1}"
        assert claim.claimant == f"fc{2 * n + 1} round {ROUNDS - 1}"
    assert EvidenceLink.objects.filter(claim=shared).count() == 2 * PAIRS * ROUNDS
    assert Mission.objects.exists() and Article.objects.filter(pk=article.pk).exists()
    print(f"FIGURES concurrent-writers: {2 * PAIRS} fact-checkers, {2 * PAIRS * ROUNDS * 2} writes in "
          f"{writes_done:.1f} s while importing {len(traces)} flight files ({Mission.objects.count()} missions, "
          f"{import_seconds:.1f} s; import still running when the writes ended: {overlapped}): 0 lost writes")
