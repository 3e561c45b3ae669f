"""The desk's workflow on a claim: assignment, status, due date, a second reviewer's sign-off before a verdict is
published, and the rules that tell people about changes (notifications, posts to the chat threads where the claim was
discussed).

Statuses: to do → in progress → needs second review (set when a verdict is decided) → done (only by a sign-off from
someone other than the person who decided the verdict; that publishes it). A new verdict on a published claim
unpublishes it and asks for a second review again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import Claim, ClaimThread, EvidenceSuggestion, Notification

OPEN_STATUSES = (Claim.Status.TO_DO, Claim.Status.IN_PROGRESS, Claim.Status.NEEDS_REVIEW)
CHANGE_CLAIM = "claims.change_claim"


def _may_work_on_claims(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_active", False) and user.has_perm(CHANGE_CLAIM))


def _require(user: Any) -> None:
    if not _may_work_on_claims(user):
        raise PermissionDenied("You may not change claims: ask an admin to add you to Fact-checkers.")


def _short(claim: Claim) -> str:
    text = claim.exact if len(claim.exact) <= 80 else claim.exact[:77] + "…"
    return f"Claim #{claim.pk} (“{text}”)"


def _name(user: Any) -> str:
    return getattr(user, "username", "") or "the system"


def claim_assign(*, claim: Claim, assignee: Any, user: Any) -> Claim:
    """Give a claim to a fact-checker (None: unassign). The new assignee is notified."""
    _require(user)
    if assignee is not None and not _may_work_on_claims(assignee):
        raise ValidationError({"assignee": f"{_name(assignee)} cannot check claims (not an active fact-checker)."})
    if claim.assignee_id == getattr(assignee, "pk", None):
        return claim
    claim.assignee = assignee
    fields = ["assignee"]
    if assignee is not None and claim.status == Claim.Status.TO_DO:
        claim.status = Claim.Status.IN_PROGRESS
        fields.append("status")
    with transaction.atomic():
        claim.save(update_fields=fields)
        if assignee is not None and assignee.pk != getattr(user, "pk", None):
            due = f", due {claim.due_date:%-d %B %Y}" if claim.due_date else ""
            notify(recipient=assignee, claim=claim, kind=Notification.Kind.ASSIGNED,
                   text=f"{_name(user)} assigned you {_short(claim)}{due}.")
    return claim


def claim_set_due_date(*, claim: Claim, due_date: dt.date | None, user: Any) -> Claim:
    _require(user)
    claim.due_date = due_date
    claim.save(update_fields=["due_date"])
    return claim


def claim_set_status(*, claim: Claim, status: str, user: Any) -> Claim:
    """Move a claim between to do, in progress and needs second review. Done is reached only by a sign-off."""
    _require(user)
    if status not in Claim.Status.values:
        raise ValidationError({"status": f"Unknown status {status!r}; use one of {', '.join(Claim.Status.values)}."})
    if status == claim.status:
        return claim
    if status == Claim.Status.DONE:
        raise ValidationError({"status": "A claim is done when a second reviewer signs off its verdict (sign-off)."})
    if status == Claim.Status.NEEDS_REVIEW and claim.verdict == Claim.Verdict.UNREVIEWED:
        raise ValidationError({"status": "Decide a verdict before asking for a second review."})
    claim.status = status
    _unpublish(claim)
    claim.save(update_fields=["status", "second_reviewer", "signed_off_at", "published_at"])
    return claim


def _unpublish(claim: Claim) -> None:
    claim.second_reviewer = None
    claim.signed_off_at = None
    claim.published_at = None


def claim_verdict_changed(*, claim: Claim, previous: str, user: Any) -> None:
    """Called by claim_set_verdict after it saved a different verdict: the status follows, a published verdict is
    unpublished, the assignee is told and the claim's chat threads get the news (after commit)."""
    was_published = claim.published_at is not None
    if claim.verdict == Claim.Verdict.UNREVIEWED:
        claim.status = Claim.Status.IN_PROGRESS if claim.assignee_id else Claim.Status.TO_DO
    else:
        claim.status = Claim.Status.NEEDS_REVIEW
    _unpublish(claim)
    claim.save(update_fields=["status", "second_reviewer", "signed_off_at", "published_at"])
    text = (
        f"{_short(claim)}: verdict changed from {Claim.Verdict(previous).label.lower()} to "
        f"{claim.get_verdict_display().lower()} by {_name(user)}"
        + ("; it was published and now awaits a second review again." if was_published else
           "; it awaits a second review before it is published." if claim.status == Claim.Status.NEEDS_REVIEW
           else ".")
    )
    if claim.assignee_id and claim.assignee_id != getattr(user, "pk", None):
        notify(recipient=claim.assignee, claim=claim, kind=Notification.Kind.VERDICT, text=text)
    post_to_claim_threads(claim, text)


def claim_sign_off(*, claim: Claim, user: Any) -> Claim:
    """A second reviewer confirms the verdict: the claim is done and its verdict published."""
    _require(user)
    if claim.verdict == Claim.Verdict.UNREVIEWED:
        raise ValidationError("There is no verdict to sign off yet.")
    if claim.status == Claim.Status.DONE:
        raise ValidationError(f"Already signed off by {_name(claim.second_reviewer)} and published.")
    if claim.reviewed_by_id is not None and claim.reviewed_by_id == user.pk:
        raise ValidationError("A second review must be by someone other than the person who decided the verdict.")
    now = timezone.now()
    claim.second_reviewer, claim.signed_off_at, claim.published_at = user, now, now
    claim.status = Claim.Status.DONE
    with transaction.atomic():
        claim.save(update_fields=["second_reviewer", "signed_off_at", "published_at", "status"])
        verdict = claim.get_verdict_display().lower()
        text = f"{_short(claim)}: verdict {verdict} signed off by {_name(user)} and published."
        for person in {claim.assignee, claim.reviewed_by} - {None, user}:
            notify(recipient=person, claim=claim, kind=Notification.Kind.SIGNED_OFF, text=text)
        post_to_claim_threads(claim, text)
    return claim


# --- notifications and chat threads --------------------------------------------------------------------------------


def notify(*, recipient: Any, claim: Claim | None, kind: str, text: str) -> Notification:
    return Notification.objects.create(recipient=recipient, claim=claim, kind=kind, text=text[:2000])


def notification_mark_read(*, notification: Notification, user: Any) -> Notification:
    if notification.recipient_id != getattr(user, "pk", None):
        raise PermissionDenied("This notification is someone else's.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def post_to_claim_threads(claim: Claim, text: str) -> None:
    """Post ``text`` to every chat thread where the claim was discussed, after the transaction commits."""
    if not ClaimThread.objects.filter(claim=claim).exists():
        return
    from claims.tasks import post_claim_message

    claim_id = claim.pk
    transaction.on_commit(lambda: post_claim_message.delay(claim_id, text))


def claims_record_discussion(*, claim_ids: Iterable[int], platform: str, channel: str, thread: str = "") -> int:
    """Remember the chat thread where the bot answered about these claims (the bot calls this). Returns how many
    new thread records were made. Without a channel there is nowhere to post back: nothing is recorded."""
    if not channel:
        return 0
    ids = set(Claim.objects.filter(pk__in=list(claim_ids)).values_list("pk", flat=True))
    rows = [
        ClaimThread(claim_id=pk, platform=str(platform)[:20], channel=channel[:255], thread=(thread or "")[:255])
        for pk in sorted(ids)
    ]
    before = ClaimThread.objects.filter(claim_id__in=ids).count()
    ClaimThread.objects.bulk_create(rows, ignore_conflicts=True)
    return ClaimThread.objects.filter(claim_id__in=ids).count() - before


def claims_notify_new_missions(mission_ids: Iterable[int]) -> int:
    """Rule: a newly imported mission inside an open claim's scope becomes a suggestion for that claim, and the
    claim's assignee is notified (and its chat threads told). Call after the import committed. Returns the number
    of new suggestions."""
    from claims.services.checking import _is_specific, effective_scope
    from evidence.describing import mission_match_reason
    from evidence.models import Mission
    from evidence.scope import Scope
    from evidence.selectors import missions_in_scope

    ids = list(mission_ids)
    if not ids:
        return 0
    span = Mission.objects.filter(pk__in=ids).order_by("start").values_list("start", flat=True)
    first, last = span.first(), span.last()
    if first is None:
        return 0
    made = 0
    claims = Claim.objects.filter(status__in=OPEN_STATUSES).exclude(scope={}).select_related("article", "assignee")
    for claim in claims:
        scope = Scope.from_dict(claim.scope)
        if not _is_specific(scope):
            continue
        used = effective_scope(claim, scope)
        if used.period and (used.period.end < first.date() or used.period.start > last.date()):
            continue
        known = set(EvidenceSuggestion.objects.filter(claim=claim).values_list("mission_id", flat=True))
        new = [m for m in missions_in_scope(used).filter(pk__in=ids).select_related("aircraft_type")
               if m.pk not in known]
        if not new:
            continue
        rows = [
            EvidenceSuggestion(claim=claim, mission=m, score=0.5, reason=f"New: {mission_match_reason(m, used)}"[:500])
            for m in new
        ]
        EvidenceSuggestion.objects.bulk_create(rows, ignore_conflicts=True)
        made += len(new)
        text = (f"{_short(claim)}: {len(new)} newly imported mission{'s' if len(new) != 1 else ''} in its scope "
                f"({'; '.join(mission_match_reason(m, used) for m in new[:3])}{'; …' if len(new) > 3 else ''}).")
        if claim.assignee_id:
            notify(recipient=claim.assignee, claim=claim, kind=Notification.Kind.NEW_MISSIONS, text=text)
        post_to_claim_threads(claim, text)
    return made


def fact_checkers() -> Any:
    """Who may be assigned claims (active users with the permission to change claims)."""
    from django.db.models import Q

    User = get_user_model()
    perm = Q(groups__permissions__codename="change_claim") | Q(user_permissions__codename="change_claim")
    return User.objects.filter(is_active=True).filter(perm | Q(is_superuser=True)).distinct().order_by("username")
