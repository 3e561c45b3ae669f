"""Reads over claims for questions such as "which claims about the U-2 are unverified?", "claims without evidence",
"what did the CNN article claim?" and "what supports claim 12?".

Fixed, parameterised queries only; the one part done in Python is matching a claim to an aircraft type, a place or an
operator, because a
claim's structured reading lives in a JSON field whose containment operators differ between SQLite and PostgreSQL.
The candidate set is bounded (``limit``) so that step stays cheap.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from claims.models import Article, Claim, EvidenceLink
from evidence.models import AircraftType, Organisation, Region
from evidence.selectors import admin_url, mission_to_dict

#: What people mean by "unverified": nobody has decided yet, or it cannot be decided from the evidence.
UNVERIFIED = ("unreviewed", "unverifiable")


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims a question is about. Empty fields mean no constraint."""

    type_designators: tuple[str, ...] = ()
    verdicts: tuple[str, ...] = ()
    without_evidence: bool = False
    outlet: str = ""
    claim_id: int | None = None
    #: Who the claim is attributed to, as asked ("the border czar", "officials"): a part of the claim's claimant.
    claimant: str = ""
    #: Places and operators the claim is about (region / organisation slugs; alternatives within each).
    region_slugs: tuple[str, ...] = ()
    operators: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "type_designators": list(self.type_designators),
            "verdicts": list(self.verdicts),
            "without_evidence": self.without_evidence,
            "outlet": self.outlet,
            "claim_id": self.claim_id,
            "claimant": self.claimant,
            "region_slugs": list(self.region_slugs),
            "operators": list(self.operators),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimFilter:
        return cls(
            type_designators=tuple(data.get("type_designators", ())),
            verdicts=tuple(data.get("verdicts", ())),
            without_evidence=bool(data.get("without_evidence", False)),
            outlet=str(data.get("outlet", "")),
            claim_id=data.get("claim_id"),
            claimant=str(data.get("claimant", "")),
            region_slugs=tuple(data.get("region_slugs", ())),
            operators=tuple(data.get("operators", ())),
        )


def _has_evidence() -> Exists:
    return Exists(EvidenceLink.objects.filter(claim_id=OuterRef("pk")))


def claims_base(flt: ClaimFilter) -> QuerySet[Claim]:
    qs = Claim.objects.select_related("article").annotate(has_evidence=_has_evidence())
    if flt.claim_id is not None:
        qs = qs.filter(pk=flt.claim_id)
    if flt.verdicts:
        qs = qs.filter(verdict__in=list(flt.verdicts))
    if flt.without_evidence:
        qs = qs.filter(has_evidence=False)
    if flt.outlet:
        qs = qs.filter(Q(article__outlet__iexact=flt.outlet) | Q(article__outlet__icontains=flt.outlet))
    if flt.claimant:
        # "the officials" also finds "a defense official": a plural's last letter is not required
        needle = flt.claimant
        if len(needle) > 4 and needle.lower().endswith("s") and not needle.lower().endswith("ss"):
            needle = needle[:-1]
        qs = qs.filter(claimant__icontains=needle)
    return qs.order_by("article__published_at", "article_id", "start")


def _words_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """A word-boundary regex over names and aliases (to match claims that were never read)."""
    alt = "|".join(re.escape(w) for w in sorted({w for w in words if w}, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE) if alt else None


@dataclass(frozen=True)
class _About:
    """One "about" constraint of a filter: the claim's reading key holding the values, the values, and the words
    that name them in a claim's text."""

    keys: tuple[str, ...]
    values: frozenset[str]
    pattern: re.Pattern[str] | None

    def matches(self, claim: Claim) -> bool:
        scope = claim.scope if isinstance(claim.scope, dict) else {}
        read = {v.get("slug") if isinstance(v, dict) else v for key in self.keys for v in scope.get(key) or ()}
        return bool(read & self.values) or bool(self.pattern and self.pattern.search(claim.exact))


def _about(flt: ClaimFilter) -> list[_About]:
    """What a claim must be about, each by its reading or its words: the aircraft types, places and operators."""
    about = []
    if flt.type_designators:
        types = AircraftType.objects.filter(designator__in=list(flt.type_designators))
        about.append(_About(("type_designators",), frozenset(flt.type_designators),
                            _words_pattern(w for t in types for w in (t.designator, *t.aliases))))
    if flt.region_slugs:  # (short aliases left out: "CA", "Tex." — case-blind, they match other words)
        regions = Region.objects.filter(slug__in=list(flt.region_slugs)).only("name", "aliases")
        about.append(_About(("regions", "and_regions"), frozenset(flt.region_slugs),
                            _words_pattern(w for r in regions for w in (r.name, *r.aliases) if len(w) >= 4)))
    if flt.operators:  # by the full name only: "RAF" is also in "RAF Mildenhall", a base any air force flies from
        orgs = Organisation.objects.filter(slug__in=list(flt.operators))
        about.append(_About(("operators",), frozenset(flt.operators), _words_pattern(o.name for o in orgs)))
    return about


def claims_matching(flt: ClaimFilter, *, limit: int = 200) -> list[Claim]:
    """The claims a filter selects, oldest article first; the aircraft, places and operators asked about matched by
    the claim's reading or its words (every one of them)."""
    qs = claims_base(flt)
    about = _about(flt)
    if not about:
        return list(qs[:limit])
    out = []
    for claim in qs[: limit * 20]:
        if all(a.matches(claim) for a in about):
            out.append(claim)
            if len(out) >= limit:
                break
    return out


def articles_by_outlet(outlet: str) -> list[Article]:
    return list(Article.objects.filter(outlet__icontains=outlet).order_by("-published_at")[:20])


def known_claimants(limit: int = 8) -> list[str]:
    """The claimants most claims are attributed to, for a hint when none matches what was asked."""
    rows = (
        Claim.objects.exclude(claimant="").values("claimant").annotate(n=Count("id")).order_by("-n", "claimant")
    )
    return [r["claimant"] for r in rows[:limit]]


def known_outlets() -> list[str]:
    """Outlet names present in the database, for the question parser ("the CNN article")."""
    return sorted({o for o in Article.objects.exclude(outlet="").values_list("outlet", flat=True).distinct()[:500]})


def claim_evidence(claim_id: int) -> tuple[Claim | None, list[EvidenceLink]]:
    """A claim and its evidence links (missions with their details, or sources)."""
    claim = Claim.objects.select_related("article").filter(pk=claim_id).first()
    if claim is None:
        return None, []
    links = list(
        EvidenceLink.objects.filter(claim=claim)
        .select_related(
            "mission", "mission__aircraft", "mission__aircraft__operator", "mission__aircraft_type", "source"
        )
        .order_by("mission__start", "added_at")
    )
    return claim, links


def evidence_to_dict(link: EvidenceLink) -> dict[str, Any]:
    data: dict[str, Any] = {"relation": link.relation, "note": link.note}
    if link.mission_id:
        data["mission"] = mission_to_dict(link.mission)
    else:
        src = link.source
        data["source"] = {"id": src.pk, "kind": src.kind, "title": src.title, "publisher": src.publisher,
                          "url": src.url}
    return data


def claim_to_dict(claim: Claim, *, evidence: list[EvidenceLink] | None = None) -> dict[str, Any]:
    """The documented claim shape (bot.answers.Answer.claims)."""
    return {
        "id": claim.pk,
        "text": claim.exact,
        "verdict": claim.verdict,
        "claimant": claim.claimant,
        "article": {"id": claim.article_id, "title": claim.article.title, "outlet": claim.article.outlet,
                    "url": claim.article.url},
        "has_evidence": bool(getattr(claim, "has_evidence", bool(evidence))),
        "evidence": [evidence_to_dict(link) for link in evidence or []],
        "url": settings.SITE_URL + admin_url(claim),
    }


# --- the same claim elsewhere (claims.services.matching) ------------------------------------------------------------

#: Claims reachable through matches, at most: a cluster is one story's repetitions, not the whole database.
MAX_CLUSTER = 200


def same_claim_elsewhere(claim_id: int) -> list[dict[str, Any]]:
    """The claims matched to this one (either way), not rejected, best first: score, reasons, status, where."""
    from claims.models import ClaimMatch

    rows = (
        ClaimMatch.objects.filter(Q(claim_id=claim_id) | Q(other_id=claim_id), claim__isnull=False)
        .exclude(status=ClaimMatch.Status.REJECTED)
        .select_related("claim__article", "other__article")
        .order_by("-score")
    )
    out = []
    for match in rows:
        elsewhere = match.other if match.claim_id == claim_id else match.claim
        out.append({
            "match_id": match.pk,
            "claim": claim_to_dict(elsewhere),
            "published_at": elsewhere.article.published_at,
            "score": match.score,
            "text_score": match.text_score,
            "reasons": match.reasons,
            "strong": match.strong,
            "status": match.status,
        })
    return out


def claim_cluster(claim_id: int) -> list[Claim]:
    """The claim with every claim linked to it by confirmed or suggested matches (transitively), oldest article
    first: the first is who said it first, the rest repeated it."""
    from claims.models import ClaimMatch

    seen = {claim_id}
    frontier = {claim_id}
    while frontier and len(seen) < MAX_CLUSTER:
        pairs = (
            ClaimMatch.objects.filter(Q(claim_id__in=frontier) | Q(other_id__in=frontier), claim__isnull=False)
            .exclude(status=ClaimMatch.Status.REJECTED)
            .values_list("claim_id", "other_id")
        )
        found = {pk for pair in pairs for pk in pair} - seen
        seen |= found
        frontier = found
    claims = list(Claim.objects.filter(pk__in=seen).select_related("article"))
    return sorted(claims, key=_first_key)


def _first_key(claim: Claim) -> tuple:
    article = claim.article
    return (article.published_at or article.created_at, claim.pk)


def claims_stating_count(value: float, *, limit: int = MAX_CLUSTER) -> list[Claim]:
    """Claims whose reading states this number of missions (not a rate), oldest article first. The JSON field is
    filtered in Python (containment differs between SQLite and PostgreSQL); the candidate set is bounded."""
    rows = Claim.objects.exclude(stated_count=None).select_related("article").order_by("-created_at")[: limit * 5]
    found = [
        c for c in rows
        if isinstance(c.stated_count, dict) and c.stated_count.get("value") == value and not c.stated_count.get("per")
    ]
    return sorted(found, key=_first_key)[:limit]


def first_reported(value: float) -> tuple[Claim | None, list[Claim]]:
    """Who first reported a number ("the 18 missions"): the earliest claim stating it, and the cluster of the same
    claim around it (those that repeated it), oldest first."""
    stating = claims_stating_count(value)
    if not stating:
        return None, []
    cluster = claim_cluster(stating[0].pk)
    members = {c.pk for c in cluster}
    extra = [c for c in stating if c.pk not in members]  # same number, not (yet) matched: listed, not merged
    return cluster[0], sorted([*cluster, *extra], key=_first_key)
