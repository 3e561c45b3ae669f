"""Serializers for the claims API. Writes are validated here for shape and handed to ``claims.services``."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import Article, Claim, Entity, EvidenceLink, EvidenceSuggestion, ProposedClaim
from evidence.models import Mission, Source

User = get_user_model()
USERNAME = {"slug_field": "username", "read_only": True, "allow_null": True}


# --- articles --------------------------------------------------------------------------------------------------------


class ArticleListSerializer(serializers.ModelSerializer):
    created_by = serializers.SlugRelatedField(**USERNAME)
    claim_count = serializers.IntegerField(read_only=True)
    open_proposal_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = (
            "id", "title", "outlet", "author", "url", "published_at", "language", "created_at", "created_by",
            "extraction_status", "extracted_at", "claim_count", "open_proposal_count",
        )


class ArticleSerializer(ArticleListSerializer):
    class Meta(ArticleListSerializer.Meta):
        fields = (*ArticleListSerializer.Meta.fields, "body", "extraction_error")


class ArticleWriteSerializer(serializers.ModelSerializer):
    """Ingest or edit an article. The text is plain text; extraction runs after the save is committed."""

    body = serializers.CharField(max_length=settings.ARTICLE_MAX_CHARS, trim_whitespace=False)
    url = serializers.URLField(max_length=1000, required=False, allow_null=True, allow_blank=True)

    class Meta:
        model = Article
        fields = ("title", "body", "outlet", "author", "url", "published_at", "language")
        extra_kwargs = {"title": {"required": False, "allow_blank": True}}

    def validate_url(self, value: str | None) -> str | None:
        if not value:
            return None
        duplicates = Article.objects.filter(url=value)
        if self.instance is not None:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise serializers.ValidationError("An article with this URL already exists.")
        return value


# --- claims ----------------------------------------------------------------------------------------------------------


class TextQuoteSelectorSerializer(serializers.Serializer):
    exact = serializers.CharField()
    prefix = serializers.CharField(allow_blank=True)
    suffix = serializers.CharField(allow_blank=True)


class TextPositionSelectorSerializer(serializers.Serializer):
    start = serializers.IntegerField(help_text="Unicode code points, inclusive")
    end = serializers.IntegerField(help_text="Unicode code points, exclusive")


class SelectorsSerializer(serializers.Serializer):
    TextQuoteSelector = TextQuoteSelectorSerializer()
    TextPositionSelector = TextPositionSelectorSerializer()


class MissionBriefSerializer(serializers.ModelSerializer):
    hex = serializers.CharField(source="aircraft_id")
    type = serializers.CharField(source="aircraft_type_id", allow_null=True)

    class Meta:
        model = Mission
        fields = ("id", "hex", "type", "callsign", "start", "end")


class SourceBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ("id", "kind", "title", "publisher", "url")


class EvidenceLinkSerializer(serializers.ModelSerializer):
    mission = MissionBriefSerializer(read_only=True, allow_null=True)
    source = SourceBriefSerializer(read_only=True, allow_null=True)
    added_by = serializers.SlugRelatedField(**USERNAME)

    class Meta:
        model = EvidenceLink
        fields = ("id", "claim", "mission", "source", "relation", "note", "added_by", "added_at")


class EvidenceLinkCreateSerializer(serializers.Serializer):
    claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    mission = serializers.PrimaryKeyRelatedField(
        queryset=Mission.objects.defer("track"), required=False, allow_null=True
    )
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), required=False, allow_null=True)
    relation = serializers.ChoiceField(choices=EvidenceLink.Relation.choices, default=EvidenceLink.Relation.SUPPORTS)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=10000)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if bool(attrs.get("mission")) == bool(attrs.get("source")):
            raise serializers.ValidationError("Link exactly one piece of evidence: a mission or a source.")
        return attrs


class EvidenceLinkUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvidenceLink
        fields = ("relation", "note")


class ClaimSerializer(serializers.ModelSerializer):
    article_title = serializers.CharField(source="article.title", read_only=True)
    article_url = serializers.CharField(source="article.url", read_only=True, allow_null=True)
    selectors = serializers.SerializerMethodField()
    reviewed_by = serializers.SlugRelatedField(**USERNAME)
    created_by = serializers.SlugRelatedField(**USERNAME)
    evidence = EvidenceLinkSerializer(source="evidence_links", many=True, read_only=True)
    assignee = serializers.SlugRelatedField(**USERNAME)
    second_reviewer = serializers.SlugRelatedField(**USERNAME)

    class Meta:
        model = Claim
        fields = (
            "id", "article", "article_title", "article_url", "exact", "selectors", "anchor_status", "anchor_score",
            "previous_exact", "claimant",
            "scope", "stated_count", "verdict", "rationale", "reviewed_by", "reviewed_at", "created_at", "created_by",
            "assignee", "status", "due_date", "second_reviewer", "signed_off_at", "published_at",
            "evidence",
        )

    @extend_schema_field(SelectorsSerializer)
    def get_selectors(self, claim: Claim) -> dict[str, Any]:
        return {
            "TextQuoteSelector": {"exact": claim.exact, "prefix": claim.prefix, "suffix": claim.suffix},
            "TextPositionSelector": {"start": claim.start, "end": claim.end},
        }


class ClaimCreateSerializer(serializers.Serializer):
    """Annotate ``article.body[start:end]`` (code points, end exclusive) as a claim; the quote selectors are
    computed from the text."""

    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all())
    start = serializers.IntegerField(min_value=0, max_value=2**31 - 1)
    end = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    claimant = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["end"] <= attrs["start"]:
            raise serializers.ValidationError({"end": "end must be after start."})
        if attrs["end"] > len(attrs["article"].body):
            raise serializers.ValidationError({"end": "end is past the end of the article's text."})
        return attrs


class ClaimUpdateSerializer(serializers.Serializer):
    """Decide a verdict (with its rationale), correct the claimant, or move the claim through the desk's workflow
    (assignee by username, null to unassign; status to_do / in_progress / needs_review — done only by sign-off; due
    date)."""

    verdict = serializers.ChoiceField(choices=Claim.Verdict.choices, required=False)
    rationale = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    claimant = serializers.CharField(required=False, allow_blank=True, max_length=300)
    assignee = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.filter(is_active=True), required=False, allow_null=True
    )
    status = serializers.ChoiceField(choices=Claim.Status.choices, required=False)
    due_date = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs:
            raise serializers.ValidationError(
                "Nothing to change: send verdict, rationale, claimant, assignee, status or due_date."
            )
        return attrs


# --- extraction output -----------------------------------------------------------------------------------------------


class EntitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ("id", "article", "label", "start", "end", "text", "value")


class ProposedClaimSerializer(serializers.ModelSerializer):
    decided_by = serializers.SlugRelatedField(**USERNAME)

    class Meta:
        model = ProposedClaim
        fields = (
            "id", "article", "start", "end", "text", "score", "reasons", "claimant", "scope", "stated_count",
            "status", "claim", "decided_by", "decided_at",
        )


class SuggestionSerializer(serializers.ModelSerializer):
    mission = MissionBriefSerializer(read_only=True)
    linked = serializers.BooleanField(read_only=True, help_text="Already linked to the claim as evidence")

    class Meta:
        model = EvidenceSuggestion
        fields = ("id", "claim", "mission", "score", "reason", "created_at", "linked")


class SuggestionLinkSerializer(serializers.Serializer):
    relation = serializers.ChoiceField(choices=EvidenceLink.Relation.choices, default=EvidenceLink.Relation.SUPPORTS)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=10000)
