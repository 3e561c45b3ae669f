"""Claims: articles, the claims annotated in them, and the evidence links a person decided on.

Extraction output (entities, proposed claims, evidence suggestions) is machine-made and replaced wholesale by each
extraction run; claims and evidence links are people's work and keep a full history.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Article(models.Model):
    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=1000, null=True, blank=True, unique=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    body = models.TextField()
    language = models.CharField(max_length=8, default="en", blank=True)
    body_digest = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    extraction_status = models.CharField(
        max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING, db_index=True
    )
    extraction_error = models.TextField(blank=True)
    extraction_status_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="When the extraction status last changed"
    )
    extracted_digest = models.CharField(max_length=64, blank=True, help_text="Digest of the text last extracted")
    extracted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["body_digest", "extracted_digest", "extraction_status_at"])

    class Meta:
        ordering = ["-published_at", "-created_at"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:  # keeps the digest an invariant of the body
        self.body_digest = text_digest(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("admin:claims_article_change", args=[self.pk])


class Claim(models.Model):
    """A check-worthy statement anchored in an article's text by W3C Web Annotation selectors.

    TextPositionSelector: ``start``/``end`` (end exclusive, Unicode code points of ``Article.body``).
    TextQuoteSelector: ``exact`` with up to 32 characters of ``prefix``/``suffix``. When the article's text changes,
    the claim is re-anchored (claims.services.claim_reanchor); a quote that cannot be found is flagged ``orphaned``.
    """

    class Verdict(models.TextChoices):
        UNREVIEWED = "unreviewed", "Unreviewed"
        SUPPORTED = "supported", "Supported"
        PARTLY_SUPPORTED = "partly_supported", "Partly supported"
        REFUTED = "refuted", "Refuted"
        UNVERIFIABLE = "unverifiable", "Unverifiable"

    class Status(models.TextChoices):
        TO_DO = "to_do", "To do"
        IN_PROGRESS = "in_progress", "In progress"
        NEEDS_REVIEW = "needs_review", "Needs second review"
        DONE = "done", "Done (signed off, published)"

    class AnchorStatus(models.TextChoices):
        ANCHORED = "anchored", "Anchored"
        MOVED = "moved", "Re-anchored (the text changed)"
        FUZZY = "fuzzy", "Re-anchored approximately: the quote was edited, check it"
        ORPHANED = "orphaned", "Orphaned: the quote is no longer in the text"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    exact = models.TextField(help_text="TextQuoteSelector.exact: the quoted text")
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    start = models.PositiveIntegerField(help_text="TextPositionSelector.start (code points)")
    end = models.PositiveIntegerField(help_text="TextPositionSelector.end (exclusive)")
    anchor_status = models.CharField(max_length=10, choices=AnchorStatus.choices, default=AnchorStatus.ANCHORED)
    anchor_score = models.FloatField(
        null=True, blank=True, help_text="How well the last re-anchoring matched (1 exact; below 0.7 an orphan)"
    )
    previous_exact = models.TextField(
        blank=True, help_text="The quote before an approximate re-anchoring replaced it with the edited text"
    )
    claimant = models.CharField(max_length=300, blank=True, help_text='Who says it: "three US officials", "CNN"')
    scope = models.JSONField(default=dict, blank=True, help_text="The structured reading (evidence.scope.Scope)")
    stated_count = models.JSONField(null=True, blank=True, help_text="A count the claim states (Quantity)")
    verdict = models.CharField(max_length=20, choices=Verdict.choices, default=Verdict.UNREVIEWED, db_index=True)
    rationale = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviewed_claims"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="created_claims"
    )
    # The desk's workflow (claims.services.workflow): who checks it, where it stands, by when, who signed it off.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_claims"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.TO_DO, db_index=True)
    due_date = models.DateField(null=True, blank=True)
    second_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="second_reviewed_claims",
        help_text="Who signed the verdict off (not the person who decided it)",
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the signed-off verdict was published; a new verdict unpublishes it"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "start"]
        constraints = [models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="claim_nonempty_span")]

    def __str__(self) -> str:
        text = self.exact if len(self.exact) <= 80 else self.exact[:77] + "…"
        return f"#{self.pk}: {text}"

    def get_absolute_url(self) -> str:
        return reverse("admin:claims_claim_change", args=[self.pk])


class EvidenceLink(models.Model):
    """A person's decision that a mission or a source supports, refutes or gives context to a claim."""

    class Relation(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        REFUTES = "refutes", "Refutes"
        CONTEXT = "context", "Context"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence_links")
    # No database key into the partitioned mission table (evidence/partitioning.py): Django's collector deletes
    # the links with their mission.
    mission = models.ForeignKey(
        "evidence.Mission", null=True, blank=True, on_delete=models.CASCADE, related_name="evidence_links",
        db_constraint=False,
    )
    source = models.ForeignKey(
        "evidence.Source", null=True, blank=True, on_delete=models.CASCADE, related_name="evidence_links"
    )
    relation = models.CharField(max_length=10, choices=Relation.choices, default=Relation.SUPPORTS)
    note = models.TextField(blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "added_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(mission__isnull=False) & Q(source__isnull=True))
                | (Q(mission__isnull=True) & Q(source__isnull=False)),
                name="evidence_link_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["claim", "mission"], condition=Q(mission__isnull=False), name="one_link_per_mission"
            ),
            models.UniqueConstraint(
                fields=["claim", "source"], condition=Q(source__isnull=False), name="one_link_per_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_relation_display()}: {self.mission or self.source}"

    def clean(self) -> None:
        if bool(self.mission_id) == bool(self.source_id):
            raise ValidationError("Link exactly one piece of evidence: a mission or a source.")


class Entity(models.Model):
    """A mention the extractor found in an article: label, character offsets, normalised value."""

    class Label(models.TextChoices):
        AIRCRAFT = "AIRCRAFT", "Aircraft type"
        PLACE = "PLACE", "Place / region"
        DATE = "DATE", "Date or period"
        RATE = "RATE", "Rate"
        QUANTITY = "QUANTITY", "Quantity"
        ORG = "ORG", "Organisation / unit"
        PERSON = "PERSON", "Person"
        ATTRIBUTION = "ATTRIBUTION", "Attribution"
        IDENTITY = "IDENTITY", "Aircraft identity (callsign, hex, registration)"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="entities")
    label = models.CharField(max_length=20, choices=Label.choices, db_index=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=500)
    value = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["article", "start"]
        verbose_name_plural = "entities"

    def __str__(self) -> str:
        return f"{self.label}: {self.text}"


class ProposedClaim(models.Model):
    """A sentence the extractor thinks is check-worthy, waiting for a person to accept or dismiss it."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="proposed_claims")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    score = models.FloatField(help_text="Check-worthiness, 0–1")
    reasons = models.JSONField(default=list, blank=True)
    claimant = models.CharField(max_length=300, blank=True)
    scope = models.JSONField(default=dict, blank=True)
    stated_count = models.JSONField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    claim = models.OneToOneField(Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["article", "start"]

    def __str__(self) -> str:
        return self.text[:80]


class EvidenceSuggestion(models.Model):
    """A mission the system thinks bears on a claim, ranked, with the reason. A person decides (EvidenceLink)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="suggestions")
    mission = models.ForeignKey(  # no database key: see EvidenceLink.mission
        "evidence.Mission", on_delete=models.CASCADE, related_name="suggestions", db_constraint=False
    )
    score = models.FloatField()
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "-score"]
        constraints = [models.UniqueConstraint(fields=["claim", "mission"], name="one_suggestion_per_mission")]

    def __str__(self) -> str:
        return f"{self.mission} ({self.reason})"


class Notification(models.Model):
    """A message to one person about a claim: assigned to them, new missions in its scope, a verdict changed."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "Assigned to you"
        NEW_MISSIONS = "new_missions", "New missions in the claim's scope"
        VERDICT = "verdict", "Verdict changed"
        REVIEW = "review", "Second review requested"
        SIGNED_OFF = "signed_off", "Signed off and published"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class ClaimThread(models.Model):
    """A chat thread where a claim was discussed (the bot answered a question about it there): verdict changes and
    new evidence are posted back to it."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="threads")
    platform = models.CharField(max_length=20)
    channel = models.CharField(max_length=255)
    thread = models.CharField(max_length=255, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim", "platform", "channel", "thread"], name="one_record_per_thread")
        ]

    def __str__(self) -> str:
        return f"{self.platform}:{self.channel}/{self.thread or '-'}"


class ClaimMatch(models.Model):
    """A claim (or a proposed claim) that states the same as a claim on record elsewhere (claims.services.matching).

    Suggested by the matcher with a score and reasons; a fact-checker confirms or rejects it. ``claim``/``proposal``
    is the newer one; ``other`` the claim on record it matches.
    """

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Confirmed: the same claim"
        REJECTED = "rejected", "Rejected: a different claim"

    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="matches")
    proposal = models.ForeignKey(
        ProposedClaim, null=True, blank=True, on_delete=models.CASCADE, related_name="matches"
    )
    other = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matched_by")
    score = models.FloatField()
    text_score = models.FloatField()
    reasons = models.JSONField(default=list, blank=True)
    strong = models.BooleanField(default=False, help_text="At or above the confirm threshold (0.95)")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUGGESTED, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-score"]
        verbose_name_plural = "claim matches"
        constraints = [
            models.CheckConstraint(
                condition=(Q(claim__isnull=False) & Q(proposal__isnull=True))
                | (Q(claim__isnull=True) & Q(proposal__isnull=False)),
                name="claim_match_one_side",
            ),
            models.UniqueConstraint(
                fields=["claim", "other"], condition=Q(claim__isnull=False), name="one_match_per_claim_pair"
            ),
            models.UniqueConstraint(
                fields=["proposal", "other"], condition=Q(proposal__isnull=False), name="one_match_per_proposal_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.claim_id or 'p' + str(self.proposal_id)} ≈ #{self.other_id} ({self.score:.2f})"
