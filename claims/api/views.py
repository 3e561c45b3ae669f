"""Claims API: ViewSets for the records, service calls for every write, and the ClaimReview / Web Annotation exports.

Writes go through ``claims.services`` (validation, anchoring, extraction after commit). The few writes with no
service yet (editing a claimant, an evidence link's relation/note, deleting) are the clearly named private
functions at the bottom of this module.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from claims import exports, services
from claims.api.filters import (
    AnnotationFilter,
    ArticleFilter,
    ClaimFilter,
    EntityFilter,
    EvidenceLinkFilter,
    ProposedClaimFilter,
    SuggestionFilter,
)
from claims.api.serializers import (
    ArticleListSerializer,
    ArticleSerializer,
    ArticleWriteSerializer,
    ClaimCreateSerializer,
    ClaimSerializer,
    ClaimUpdateSerializer,
    EntitySerializer,
    EvidenceLinkCreateSerializer,
    EvidenceLinkSerializer,
    EvidenceLinkUpdateSerializer,
    ProposedClaimSerializer,
    SuggestionLinkSerializer,
    SuggestionSerializer,
)
from claims.models import Article, Claim, Entity, EvidenceLink, EvidenceSuggestion, ProposedClaim
from evidence.api.common import ApiViewMixin, DeskPagination, JSONLDRenderer, JSONLDScriptRenderer
from evidence.models import Organisation

JSONLD_RENDERERS = [JSONLDRenderer, JSONRenderer]
CLAIMREVIEW_RENDERERS = [*JSONLD_RENDERERS, JSONLDScriptRenderer]


def organisation() -> str:
    return settings.FACTCHECK_ORGANISATION or "Flightcheck"


def organisation_url() -> str:
    return settings.FACTCHECK_ORGANISATION_URL or settings.SITE_URL


def review_url(request: Request, claim: Claim) -> str:
    """Where the fact-check is published: ``settings.FACTCHECK_REVIEW_URL`` (with ``{id}``), else the claim's API
    resource."""
    template = settings.FACTCHECK_REVIEW_URL
    if template:
        return template.format(id=claim.pk)
    return request.build_absolute_uri(reverse("api:claim-detail", args=[claim.pk]))


def annotation_source(request: Request, claim: Claim) -> str:
    """The annotated document: the article's URL, or (for pasted text with no URL) the article's API resource."""
    if claim.article.url:
        return claim.article.url
    return request.build_absolute_uri(reverse("api:article-detail", args=[claim.article_id]))


def organisation_names() -> list[str]:
    names: list[str] = []
    for name, short, aliases in Organisation.objects.values_list("name", "short_name", "aliases"):
        names += [name, short, *[a for a in (aliases or []) if isinstance(a, str)]]
    return names


# --- articles --------------------------------------------------------------------------------------------------------


class ArticleViewSet(ApiViewMixin, viewsets.ModelViewSet):
    """News articles. POST ingests one (extraction of entities and proposed claims runs after the commit)."""

    queryset = Article.objects.all()
    filterset_class = ArticleFilter
    search_fields = ("title", "outlet", "author", "url")
    ordering_fields = ("published_at", "created_at", "title")
    ordering = ("-published_at", "-created_at", "-id")

    action_permissions = {"reextract": ("claims.change_article",)}

    @property
    def throttle_scope(self) -> str | None:
        """Writing an article queues an extraction: those requests count against the ``heavy`` rate too."""
        return "heavy" if self.action in ("create", "update", "partial_update", "reextract") else None

    def get_queryset(self) -> QuerySet[Article]:
        queryset = Article.objects.select_related("created_by").annotate(
            claim_count=Count("claims", distinct=True),
            open_proposal_count=Count(
                "proposed_claims", filter=Q(proposed_claims__status=ProposedClaim.Status.OPEN), distinct=True
            ),
        )
        if self.action == "list":
            queryset = queryset.defer("body", "extraction_error")
        return queryset

    def get_serializer_class(self) -> type:
        if self.action == "list":
            return ArticleListSerializer
        if self.action in ("create", "update", "partial_update"):
            return ArticleWriteSerializer
        return ArticleSerializer

    def _respond(self, article: Article, status_code: int) -> Response:
        article = self.get_queryset().get(pk=article.pk)
        return Response(ArticleSerializer(article, context=self.get_serializer_context()).data, status=status_code)

    @extend_schema(request=ArticleWriteSerializer, responses={201: ArticleSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ArticleWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article = services.article_create(**serializer.validated_data, user=request.user)
        return self._respond(article, status.HTTP_201_CREATED)

    @extend_schema(request=ArticleWriteSerializer, responses={200: ArticleSerializer})
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        article = self.get_object()
        partial = kwargs.get("partial", False)
        serializer = ArticleWriteSerializer(article, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        if "url" in fields and not fields["url"]:
            fields["url"] = None
        services.article_update(article=Article.objects.get(pk=article.pk), user=request.user, **fields)
        return self._respond(article, status.HTTP_200_OK)

    @extend_schema(request=ArticleWriteSerializer, responses={200: ArticleSerializer})
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    def perform_destroy(self, instance: Article) -> None:
        services.article_delete(article=instance, user=self.request.user)

    @extend_schema(
        request=None,
        responses={202: ArticleSerializer},
        summary="Re-run the extraction",
        description="Queue the article's extraction (entities, proposed claims, evidence suggestions) again, whatever "
        "its state: after a failure, or to pick up new reference data. Answers at once with the article, "
        "``extraction_status`` pending; the result replaces the previous extraction, decided proposals and claims "
        "are kept. Needs the permission to change articles (fact-checkers).",
    )
    @action(detail=True, methods=["post"])
    def reextract(self, request: Request, pk: str | None = None) -> Response:
        article = self.get_object()
        services.articles_reextract(articles=[article])
        return self._respond(article, status.HTTP_202_ACCEPTED)


# --- claims ----------------------------------------------------------------------------------------------------------


def evidence_prefetch() -> Prefetch:
    return Prefetch("evidence_links", queryset=evidence_link_queryset().order_by("added_at", "id"))


def claim_queryset() -> QuerySet[Claim]:
    """Claims with their article, people and evidence: 2 queries for any number of claims (+1 for missions)."""
    return (
        Claim.objects.select_related("article", "reviewed_by", "created_by", "assignee", "second_reviewer")
        .defer("article__body", "article__extraction_error")
        .prefetch_related(evidence_prefetch())
    )


def evidence_link_queryset() -> QuerySet[EvidenceLink]:
    return EvidenceLink.objects.select_related("source", "added_by").prefetch_related(
        Prefetch("mission", queryset=_missions_brief())
    )


def _missions_brief() -> QuerySet:
    from evidence.models import Mission

    return Mission.objects.only("id", "aircraft_id", "aircraft_type_id", "callsign", "start", "end")


@extend_schema_view(
    create=extend_schema(request=ClaimCreateSerializer, responses={201: ClaimSerializer}),
    update=extend_schema(request=ClaimUpdateSerializer, responses={200: ClaimSerializer}),
    partial_update=extend_schema(request=ClaimUpdateSerializer, responses={200: ClaimSerializer}),
)
class ClaimViewSet(ApiViewMixin, viewsets.ModelViewSet):
    """Claims annotated in articles (W3C selectors), with their verdict and evidence. PATCH decides a verdict."""

    queryset = Claim.objects.all()
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    search_fields = ("exact", "claimant", "rationale", "article__title")
    ordering_fields = ("created_at", "reviewed_at", "start", "article", "id")
    ordering = ("article", "start", "id")
    action_permissions = {
        "sign_off": ("claims.change_claim",),
        "check": ("claims.view_claim",),
        "matches": ("claims.view_claimmatch",),
        "decide_match": ("claims.change_claimmatch",),
    }

    def get_queryset(self) -> QuerySet[Claim]:
        return claim_queryset()

    def _respond(self, claim: Claim, status_code: int) -> Response:
        claim = self.get_queryset().get(pk=claim.pk)
        return Response(ClaimSerializer(claim, context=self.get_serializer_context()).data, status=status_code)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ClaimCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        claim = services.claim_create_from_selection(**serializer.validated_data, user=request.user)
        return self._respond(claim, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        claim = Claim.objects.get(pk=self.get_object().pk)
        serializer = ClaimUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with transaction.atomic():
            _update_workflow(claim, data, request.user)
            if "claimant" in data:
                claim = services.claim_update(claim=claim, claimant=data["claimant"], user=request.user)
            if "verdict" in data or "rationale" in data:
                services.claim_set_verdict(
                    claim=claim,
                    verdict=data.get("verdict", claim.verdict),
                    rationale=data.get("rationale", ""),
                    user=request.user,
                )
                if "rationale" in data and not data["rationale"]:
                    claim = services.claim_update(claim=claim, rationale="", user=request.user)
        return self._respond(claim, status.HTTP_200_OK)

    def perform_destroy(self, instance: Claim) -> None:
        services.claim_delete(claim=instance, user=self.request.user)

    @extend_schema(
        summary="The same claim elsewhere: matches (score, reasons, status) and the cluster, oldest first",
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"])
    def matches(self, request: Request, pk: str | None = None) -> Response:
        from claims.selectors import claim_cluster, claim_to_dict, same_claim_elsewhere

        claim = self.get_object()
        cluster = claim_cluster(claim.pk)
        return Response({
            "matches": same_claim_elsewhere(claim.pk),
            "cluster": [
                {**claim_to_dict(c), "published_at": c.article.published_at, "first": i == 0}
                for i, c in enumerate(cluster)
            ],
        })

    @extend_schema(
        summary="Confirm or reject a match, or copy the matched claim's verdict, rationale and evidence links",
        request=None,
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"matches/(?P<match_id>[0-9]+)/(?P<what>confirm|reject|copy)",
        url_name="decide-match",
    )
    def decide_match(self, request: Request, pk: str | None = None, match_id: str = "", what: str = "") -> Response:
        from claims.models import ClaimMatch
        from claims.services.matching import claim_match_copy, claim_match_decide

        claim = self.get_object()
        match = ClaimMatch.objects.filter(Q(claim=claim) | Q(other=claim), pk=int(match_id)).first()
        if match is None:
            raise exceptions.NotFound("No such match for this claim.")
        if what == "copy":
            if match.claim_id != claim.pk:
                match.claim, match.other = match.other, match.claim
            return Response({"copied": claim_match_copy(match=match, user=request.user)})
        match = claim_match_decide(match=match, confirm=what == "confirm", user=request.user)
        return Response({"match_id": match.pk, "status": match.status, "decided_by": request.user.username})

    @extend_schema(
        summary="Second reviewer's sign-off: the verdict is published (not by the person who decided it)",
        request=None,
        responses={200: ClaimSerializer},
    )
    @action(detail=True, methods=["post"], url_path="sign-off")
    def sign_off(self, request: Request, pk: str | None = None) -> Response:
        from claims.services.workflow import claim_sign_off

        claim = claim_sign_off(claim=Claim.objects.get(pk=self.get_object().pk), user=request.user)
        return self._respond(claim, status.HTTP_200_OK)

    @extend_schema(
        summary="ClaimReview JSON-LD (schema.org) for a reviewed claim",
        description="With ``?format=embed`` (or ``Accept: text/plain``): the same JSON-LD as a "
        '``<script type="application/ld+json">`` element, ready to paste into the published fact-check page.',
        responses={
            (200, "application/ld+json"): OpenApiTypes.OBJECT,
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "text/plain"): OpenApiTypes.STR,
            404: OpenApiResponse(description="Unknown or unreviewed claim"),
        },
    )
    @action(detail=True, methods=["get"], renderer_classes=CLAIMREVIEW_RENDERERS)
    def claimreview(self, request: Request, pk: str | None = None) -> Response:
        claim = self.get_object()
        if not exports.is_reviewed(claim):
            raise exceptions.NotFound(
                "This claim has not been reviewed and signed off by a second reviewer: there is no ClaimReview to "
                "publish."
            )
        return Response(_claim_review(request, claim, names=organisation_names()))

    @extend_schema(
        summary="What the flight records show about the claim's count, rate, change or first",
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"])
    def check(self, request: Request, pk: str | None = None) -> Response:
        from claims.services.checking import claim_count_check
        from claims.services.rates import claim_rate_check, rate_check_to_dict

        claim = self.get_object()
        count = claim_count_check(claim)
        rate = None if count is not None else claim_rate_check(claim)
        return Response(
            {
                "count_check": count.__dict__ if count else None,
                "rate_check": rate_check_to_dict(rate) if rate else None,
            }
        )

    @extend_schema(summary="W3C Web Annotation (JSON-LD) of a claim", responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["get"], renderer_classes=JSONLD_RENDERERS)
    def annotation(self, request: Request, pk: str | None = None) -> Response:
        return Response(_annotation(request, self.get_object()))


def _update_workflow(claim: Claim, data: dict[str, Any], user: Any) -> None:
    from claims.services import workflow

    if "due_date" in data:  # first: the assignee's notification gives the due date
        workflow.claim_set_due_date(claim=claim, due_date=data["due_date"], user=user)
    if "assignee" in data:
        workflow.claim_assign(claim=claim, assignee=data["assignee"], user=user)
    if "status" in data:
        workflow.claim_set_status(claim=claim, status=data["status"], user=user)


def _claim_review(request: Request, claim: Claim, *, names: list[str], with_context: bool = True) -> dict[str, Any]:
    return exports.claim_review(
        claim,
        url=review_url(request, claim),
        organisation=organisation(),
        organisation_url=organisation_url(),
        organisation_names=names,
        with_context=with_context,
    )


def _annotation(request: Request, claim: Claim, *, with_context: bool = True) -> dict[str, Any]:
    return exports.web_annotation(
        claim,
        id=request.build_absolute_uri(reverse("api:claim-annotation", args=[claim.pk])),
        source=annotation_source(request, claim),
        creator=organisation(),
        with_context=with_context,
    )


class ClaimReviewViewSet(ApiViewMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """ClaimReview JSON-LD for every reviewed claim (filterable like /api/claims/); each item is self-contained."""

    queryset = Claim.objects.all()
    filterset_class = ClaimFilter
    renderer_classes = JSONLD_RENDERERS
    ordering_fields = ("reviewed_at", "id")
    ordering = ("-reviewed_at", "-id")
    search_fields = ("exact", "claimant", "article__title")

    def get_queryset(self) -> QuerySet[Claim]:
        return (
            Claim.objects.exclude(verdict=Claim.Verdict.UNREVIEWED)
            .filter(published_at__isnull=False)
            .select_related("article")
            .defer("article__body", "article__extraction_error")
        )

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        names = organisation_names()
        return self.get_paginated_response([_claim_review(request, claim, names=names) for claim in page])


class AnnotationPagePagination(DeskPagination):
    """Pages as W3C ``AnnotationPage``s, part of an ``AnnotationCollection`` (the list without ``page``)."""

    def get_paginated_response(self, data: list[dict[str, Any]]) -> Response:
        request = self.request
        collection = request.build_absolute_uri(request.path)
        params = request.query_params.copy()
        params.pop(self.page_query_param, None)
        if params:
            collection += "?" + urlencode(params, doseq=True)
        return Response(
            {
                "@context": exports.ANNOTATION_CONTEXT,
                "id": request.build_absolute_uri(),
                "type": "AnnotationPage",
                "partOf": {"id": collection, "type": "AnnotationCollection", "total": self.page.paginator.count},
                "startIndex": self.page.start_index() - 1 if self.page.paginator.count else 0,
                "next": self.get_next_link(),
                "prev": self.get_previous_link(),
                "items": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["@context", "id", "type", "partOf", "items"],
            "properties": {
                "@context": {"type": "string"},
                "id": {"type": "string", "format": "uri"},
                "type": {"type": "string", "enum": ["AnnotationPage"]},
                "partOf": {"type": "object", "additionalProperties": {}},
                "startIndex": {"type": "integer"},
                "next": {"type": "string", "format": "uri", "nullable": True},
                "prev": {"type": "string", "format": "uri", "nullable": True},
                "items": schema,
            },
        }


class AnnotationViewSet(ApiViewMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """W3C Web Annotations of claims (``?article=<id>`` for one article), as an AnnotationPage."""

    queryset = Claim.objects.all()
    filterset_class = AnnotationFilter
    renderer_classes = JSONLD_RENDERERS
    pagination_class = AnnotationPagePagination
    ordering_fields = ("start", "created_at", "id")
    ordering = ("article", "start", "id")
    search_fields: tuple[str, ...] = ()

    def get_queryset(self) -> QuerySet[Claim]:
        return Claim.objects.select_related("article").defer("article__body", "article__extraction_error")

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response([_annotation(request, claim, with_context=False) for claim in page])


# --- evidence links --------------------------------------------------------------------------------------------------


@extend_schema_view(
    create=extend_schema(request=EvidenceLinkCreateSerializer, responses={201: EvidenceLinkSerializer}),
    update=extend_schema(request=EvidenceLinkUpdateSerializer, responses={200: EvidenceLinkSerializer}),
    partial_update=extend_schema(request=EvidenceLinkUpdateSerializer, responses={200: EvidenceLinkSerializer}),
)
class EvidenceLinkViewSet(ApiViewMixin, viewsets.ModelViewSet):
    """A person's decision that a mission or a source supports, refutes or gives context to a claim."""

    queryset = EvidenceLink.objects.all()
    serializer_class = EvidenceLinkSerializer
    filterset_class = EvidenceLinkFilter
    search_fields = ("note",)
    ordering_fields = ("added_at", "id")
    ordering = ("claim", "added_at", "id")

    def get_queryset(self) -> QuerySet[EvidenceLink]:
        return evidence_link_queryset()

    def _respond(self, link: EvidenceLink, status_code: int) -> Response:
        link = self.get_queryset().get(pk=link.pk)
        return Response(EvidenceLinkSerializer(link, context=self.get_serializer_context()).data, status=status_code)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = EvidenceLinkCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        link = services.evidence_link_create(**serializer.validated_data, user=request.user)
        return self._respond(link, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        link = self.get_object()
        serializer = EvidenceLinkUpdateSerializer(link, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        link = services.evidence_link_update(link=link, user=request.user, **serializer.validated_data)
        return self._respond(link, status.HTTP_200_OK)

    def perform_destroy(self, instance: EvidenceLink) -> None:
        services.evidence_link_delete(link=instance, user=self.request.user)


# --- extraction output: entities, proposals, suggestions -------------------------------------------------------------


class EntityViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """What the extractor found in articles (aircraft, places, dates, quantities, attributions)."""

    queryset = Entity.objects.all()
    serializer_class = EntitySerializer
    filterset_class = EntityFilter
    search_fields = ("text",)
    ordering_fields = ("start", "id")
    ordering = ("article", "start", "id")


class ProposedClaimViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Sentences the extractor thinks are check-worthy; a fact-checker accepts (→ a claim) or dismisses them."""

    queryset = ProposedClaim.objects.select_related("decided_by")
    serializer_class = ProposedClaimSerializer
    filterset_class = ProposedClaimFilter
    search_fields = ("text", "claimant")
    ordering_fields = ("score", "start", "id")
    ordering = ("article", "start", "id")
    action_permissions = {
        "accept": ("claims.change_proposedclaim", "claims.add_claim"),
        "dismiss": ("claims.change_proposedclaim",),
    }

    @extend_schema(request=None, responses={201: ClaimSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str | None = None) -> Response:
        proposal = ProposedClaim.objects.select_related("article").get(pk=self.get_object().pk)
        claim = services.proposed_claim_accept(proposal=proposal, user=request.user)
        claim = claim_queryset().get(pk=claim.pk)
        return Response(ClaimSerializer(claim, context=self.get_serializer_context()).data, status=201)

    @extend_schema(request=None, responses={200: ProposedClaimSerializer})
    @action(detail=True, methods=["post"])
    def dismiss(self, request: Request, pk: str | None = None) -> Response:
        proposal = services.proposed_claim_dismiss(proposal=self.get_object(), user=request.user)
        return Response(ProposedClaimSerializer(proposal, context=self.get_serializer_context()).data)


class SuggestionViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Missions the system thinks bear on a claim, ranked; ``link`` makes one an evidence link."""

    queryset = EvidenceSuggestion.objects.all()
    serializer_class = SuggestionSerializer
    filterset_class = SuggestionFilter
    search_fields = ("reason",)
    ordering_fields = ("score", "created_at", "id")
    ordering = ("claim", "-score", "id")
    action_permissions = {"link": ("claims.add_evidencelink", "claims.change_evidencesuggestion")}

    def get_queryset(self) -> QuerySet[EvidenceSuggestion]:
        linked = EvidenceLink.objects.filter(claim=OuterRef("claim_id"), mission=OuterRef("mission_id"))
        return (
            EvidenceSuggestion.objects.annotate(linked=Exists(linked))
            .prefetch_related(Prefetch("mission", queryset=_missions_brief()))
        )

    @extend_schema(request=SuggestionLinkSerializer, responses={201: EvidenceLinkSerializer})
    @action(detail=True, methods=["post"])
    def link(self, request: Request, pk: str | None = None) -> Response:
        suggestion = EvidenceSuggestion.objects.select_related("claim", "mission").get(pk=self.get_object().pk)
        serializer = SuggestionLinkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        link = services.suggestion_link(suggestion=suggestion, user=request.user, **serializer.validated_data)
        link = evidence_link_queryset().get(pk=link.pk)
        return Response(EvidenceLinkSerializer(link, context=self.get_serializer_context()).data, status=201)

