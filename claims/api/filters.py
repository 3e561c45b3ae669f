"""django-filter filter sets for the claims API."""
from __future__ import annotations

import django_filters as filters
from django.db.models import Exists, OuterRef, QuerySet

from claims.models import Article, Claim, Entity, EvidenceLink, EvidenceSuggestion, ProposedClaim
from evidence.api.filters import ChoiceInFilter, IdFilter, InstantFilter


class ArticleFilter(filters.FilterSet):
    outlet = filters.CharFilter(field_name="outlet", lookup_expr="iexact")
    extraction_status = filters.ChoiceFilter(choices=Article.ExtractionStatus.choices)
    published_after = InstantFilter(field_name="published_at", lookup_expr="gte")
    published_before = InstantFilter(field_name="published_at", lookup_expr="lte", end_of_day=True)
    url = filters.CharFilter(field_name="url", lookup_expr="exact")

    class Meta:
        model = Article
        fields: list[str] = []


class ClaimFilter(filters.FilterSet):
    verdict = ChoiceInFilter(
        field_name="verdict", lookup_expr="in", choices=Claim.Verdict.choices, label="Verdicts, comma-separated"
    )
    article = IdFilter(field_name="article__id")
    has_evidence = filters.BooleanFilter(method="filter_has_evidence", label="Has at least one evidence link")
    reviewed = filters.BooleanFilter(method="filter_reviewed", label="Has a verdict other than unreviewed")
    anchor_status = filters.ChoiceFilter(choices=Claim.AnchorStatus.choices)
    claimant = filters.CharFilter(lookup_expr="icontains")
    outlet = filters.CharFilter(field_name="article__outlet", lookup_expr="iexact")
    status = ChoiceInFilter(
        field_name="status", lookup_expr="in", choices=Claim.Status.choices, label="Workflow statuses, comma-separated"
    )
    assignee = filters.CharFilter(method="filter_assignee", label='Assignee\'s username; "me" for yourself')
    awaiting_my_review = filters.BooleanFilter(
        method="filter_awaiting_my_review", label="Needs a second review that you may give (you did not decide it)"
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    def filter_assignee(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "me":
            return queryset.filter(assignee_id=getattr(self.request.user, "pk", None))
        return queryset.filter(assignee__username=value)

    def filter_awaiting_my_review(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        mine = queryset.filter(status=Claim.Status.NEEDS_REVIEW).exclude(reviewed_by_id=self.request.user.pk)
        return mine if value else queryset.exclude(pk__in=mine.values("pk"))

    def filter_has_evidence(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        linked = Exists(EvidenceLink.objects.filter(claim=OuterRef("pk")))
        return queryset.filter(linked if value else ~linked)

    def filter_reviewed(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        if value:
            return queryset.exclude(verdict=Claim.Verdict.UNREVIEWED)
        return queryset.filter(verdict=Claim.Verdict.UNREVIEWED)


class EvidenceLinkFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim__id")
    article = IdFilter(field_name="claim__article__id")
    mission = IdFilter(field_name="mission__id")
    source = IdFilter(field_name="source__id")
    relation = filters.ChoiceFilter(choices=EvidenceLink.Relation.choices)

    class Meta:
        model = EvidenceLink
        fields: list[str] = []


class ProposedClaimFilter(filters.FilterSet):
    article = IdFilter(field_name="article__id")
    status = ChoiceInFilter(field_name="status", lookup_expr="in", choices=ProposedClaim.Status.choices)
    min_score = filters.NumberFilter(field_name="score", lookup_expr="gte", min_value=0, max_value=1)

    class Meta:
        model = ProposedClaim
        fields: list[str] = []


class SuggestionFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim__id")
    article = IdFilter(field_name="claim__article__id")
    mission = IdFilter(field_name="mission__id")
    linked = filters.BooleanFilter(field_name="linked", label="Already linked as evidence")

    class Meta:
        model = EvidenceSuggestion
        fields: list[str] = []


class EntityFilter(filters.FilterSet):
    article = IdFilter(field_name="article__id")
    label = ChoiceInFilter(field_name="label", lookup_expr="in", choices=Entity.Label.choices)

    class Meta:
        model = Entity
        fields: list[str] = []


class AnnotationFilter(filters.FilterSet):
    article = IdFilter(field_name="article__id", label="Only the claims of this article")
    verdict = ChoiceInFilter(field_name="verdict", lookup_expr="in", choices=Claim.Verdict.choices)

    class Meta:
        model = Claim
        fields: list[str] = []
