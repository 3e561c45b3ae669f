"""Claim writes: annotate a quote, decide a verdict, link evidence, accept or dismiss proposals and suggestions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.anchoring import SelectionError, selectors_for_span
from claims.models import Article, Claim, EvidenceLink, EvidenceSuggestion, ProposedClaim


def _user_or_none(user):
    return user if getattr(user, "is_authenticated", False) else None


def claim_create_from_selection(
    *,
    article: Article,
    start: int,
    end: int,
    claimant: str = "",
    user=None,
    scope: dict | None = None,
    stated_count: dict | None = None,
) -> Claim:
    """Annotate ``article.body[start:end]`` as a claim; the selectors are computed, never typed."""
    try:
        sel = selectors_for_span(article.body, start, end)
    except SelectionError as exc:
        raise ValidationError({"start": str(exc)}) from exc
    claim = Claim(
        article=article,
        start=sel.start,
        end=sel.end,
        exact=sel.exact,
        prefix=sel.prefix,
        suffix=sel.suffix,
        claimant=claimant.strip(),
        created_by=_user_or_none(user),
        scope=scope or {},
        stated_count=stated_count,
    )
    claim.full_clean()
    with transaction.atomic():
        claim.save()
        _analyse_after_commit(claim)
    return claim


def _analyse_after_commit(claim: Claim) -> None:
    """Read the claim's scope and suggest evidence once the claim is committed (cheap: one parse, a few queries)."""
    from claims.services.checking import claim_refresh_analysis
    from claims.services.matching import claim_matches_refresh

    claim_id = claim.pk

    def analyse() -> None:
        claim_refresh_analysis(claim_id=claim_id)
        claim_matches_refresh(claim_id=claim_id)

    transaction.on_commit(analyse)


def claim_set_verdict(*, claim: Claim, verdict: str, rationale: str = "", user=None) -> Claim:
    if verdict not in Claim.Verdict.values:
        raise ValidationError(
            {"verdict": f"Unknown verdict {verdict!r}; use one of {', '.join(Claim.Verdict.values)}."}
        )
    # The stored verdict (the admin's form has already put the new one on the instance).
    previous = Claim.objects.filter(pk=claim.pk).values_list("verdict", flat=True).first() or claim.verdict
    claim.verdict = verdict
    fields = ["verdict", "reviewed_by", "reviewed_at"]
    if rationale:
        claim.rationale = rationale
        fields.append("rationale")
    claim.reviewed_by = _user_or_none(user)
    claim.reviewed_at = timezone.now() if verdict != Claim.Verdict.UNREVIEWED else None
    claim.full_clean()
    with transaction.atomic():
        # Only the fields decided here: a whole-row save would write back a stale copy of the attribution another
        # fact-checker saved meanwhile (a lost update; tests/faults/test_concurrent_writers.py).
        claim.save(update_fields=fields)
        if verdict != previous:
            from claims.services.workflow import claim_verdict_changed

            claim_verdict_changed(claim=claim, previous=previous, user=_user_or_none(user))
    return claim


def evidence_link_create(
    *,
    claim: Claim,
    mission=None,
    source=None,
    relation: str = EvidenceLink.Relation.SUPPORTS,
    note: str = "",
    user=None,
) -> EvidenceLink:
    """Link one mission or one source to a claim. One link per claim and piece of evidence."""
    link = EvidenceLink(
        claim=claim, mission=mission, source=source, relation=relation, note=note, added_by=_user_or_none(user)
    )
    link.full_clean(validate_unique=False, validate_constraints=False)
    existing = EvidenceLink.objects.filter(claim=claim, mission=mission, source=source).first()
    if existing:
        raise ValidationError(f"This evidence is already linked to the claim (as {existing.get_relation_display()}).")
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError as exc:  # a concurrent identical link
        raise ValidationError("This evidence is already linked to the claim.") from exc
    return link


def proposed_claim_accept(*, proposal: ProposedClaim, user=None) -> Claim:
    """Turn a proposal into a claim anchored at the proposal's span (the text must still hold it)."""
    if proposal.status != ProposedClaim.Status.OPEN:
        raise ValidationError(f"This proposal was already {proposal.get_status_display().lower()}.")
    article = proposal.article
    if article.body[proposal.start : proposal.end] != proposal.text:
        raise ValidationError("The article's text changed since this proposal was made; wait for the new extraction.")
    with transaction.atomic():
        claim = claim_create_from_selection(
            article=article,
            start=proposal.start,
            end=proposal.end,
            claimant=proposal.claimant,
            user=user,
            scope=proposal.scope,
            stated_count=proposal.stated_count,
        )
        proposal.status = ProposedClaim.Status.ACCEPTED
        proposal.claim = claim
        proposal.decided_by = _user_or_none(user)
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "claim", "decided_by", "decided_at"])
    return claim


def proposed_claim_dismiss(*, proposal: ProposedClaim, user=None) -> ProposedClaim:
    if proposal.status != ProposedClaim.Status.OPEN:
        raise ValidationError(f"This proposal was already {proposal.get_status_display().lower()}.")
    proposal.status = ProposedClaim.Status.DISMISSED
    proposal.decided_by = _user_or_none(user)
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    return proposal


def suggestion_link(
    *, suggestion: EvidenceSuggestion, relation: str = EvidenceLink.Relation.SUPPORTS, user=None, note: str = ""
) -> EvidenceLink:
    """One click: a person accepts a suggested mission as evidence with a relation."""
    return evidence_link_create(
        claim=suggestion.claim,
        mission=suggestion.mission,
        relation=relation,
        note=note or f"Suggested: {suggestion.reason}",
        user=user,
    )


def claim_update(*, claim: Claim, user=None, claimant: str | None = None, rationale: str | None = None) -> Claim:
    """Edit who a claim is attributed to and/or the rationale (an explicit "" clears it); history records who."""
    fields = []
    if claimant is not None:
        claim.claimant = claimant.strip()
        fields.append("claimant")
    if rationale is not None:
        claim.rationale = rationale
        fields.append("rationale")
    if fields:
        claim.full_clean()
        claim.save(update_fields=fields)
    return claim


def claim_delete(*, claim: Claim, user=None) -> None:
    """Delete a claim with its evidence links and suggestions (the history keeps what was deleted)."""
    claim.delete()


def evidence_link_update(*, link: EvidenceLink, user=None, **fields) -> EvidenceLink:
    """Change a link's relation or note (the claim and the evidence it points at are fixed)."""
    allowed = {"relation", "note"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(f"An evidence link's {', '.join(sorted(unknown))} cannot be changed; link anew instead.")
    for key, value in fields.items():
        setattr(link, key, value)
    link.full_clean(validate_unique=False, validate_constraints=False)
    link.save(update_fields=list(fields) or None)
    return link


def evidence_link_delete(*, link: EvidenceLink, user=None) -> None:
    link.delete()
