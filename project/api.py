"""The REST API under ``/api/`` (included by project/urls.py with the namespace ``api``).

Resources are plural nouns handled by ViewSets; operations that are not CRUD are APIViews or ViewSet actions calling
services. The OpenAPI 3 schema is at ``/api/schema/``, Swagger UI at ``/api/docs/``, Redoc at ``/api/docs/redoc/``.
Everything, the schema and docs included, requires an authenticated user (token or session).
"""
from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import Resolver404, include, path, re_path, resolve
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import DefaultRouter

from bot.api import AskView, QuestionViewSet
from claims.api.views import (
    AnnotationViewSet,
    ArticleViewSet,
    ClaimReviewViewSet,
    ClaimViewSet,
    EntityViewSet,
    EvidenceLinkViewSet,
    ProposedClaimViewSet,
    SuggestionViewSet,
)
from evidence.api.views import (
    AircraftTypeViewSet,
    AircraftViewSet,
    FlightImportView,
    ImportRunViewSet,
    MissionViewSet,
    OrganisationViewSet,
    RegionViewSet,
    RegistryImportView,
    SourceViewSet,
    mission_export_csv,
    mission_export_geojson,
)

app_name = "api"


class Router(DefaultRouter):
    include_root_view = True
    include_format_suffixes = False


router = Router()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("evidence-links", EvidenceLinkViewSet, basename="evidencelink")
router.register("proposed-claims", ProposedClaimViewSet, basename="proposedclaim")
router.register("suggestions", SuggestionViewSet, basename="suggestion")
router.register("entities", EntityViewSet, basename="entity")
router.register("claim-reviews", ClaimReviewViewSet, basename="claimreview")
router.register("annotations", AnnotationViewSet, basename="annotation")
router.register("sources", SourceViewSet, basename="source")
router.register("missions", MissionViewSet, basename="mission")
router.register("aircraft", AircraftViewSet, basename="aircraft")
router.register("aircraft-types", AircraftTypeViewSet, basename="aircrafttype")
router.register("regions", RegionViewSet, basename="region")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("import-runs", ImportRunViewSet, basename="importrun")
router.register("questions", QuestionViewSet, basename="question")


@csrf_exempt
def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Unknown API paths answer in the API's error format, not with the site's HTML 404. CSRF-exempt like every DRF
    view (it changes nothing): else a token client's POST/PUT/PATCH/DELETE to a wrong path got the CSRF page, an
    HTML 403, instead of this 404."""
    detail = "Not found."
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            detail = f"Not found. Did you mean {request.path}/ (with the trailing slash)?"
    return JsonResponse({"detail": detail}, status=404)


urlpatterns = [
    path("missions/export.csv", mission_export_csv, name="mission-export-csv"),
    path("missions/export.geojson", mission_export_geojson, name="mission-export-geojson"),
    path("flight-imports/", FlightImportView.as_view(), name="flight-import"),
    path("registry-imports/", RegistryImportView.as_view(), name="registry-import"),
    path("ask/", AskView.as_view(), name="ask"),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[IsAuthenticated]), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerView.as_view(url_name="api:schema", permission_classes=[IsAuthenticated]),
        name="docs",
    ),
    path(
        "docs/redoc/",
        SpectacularRedocView.as_view(url_name="api:schema", permission_classes=[IsAuthenticated]),
        name="redoc",
    ),
    path("", include(router.urls)),
    re_path(r"^(?P<path>[\s\S]*)$", not_found),  # [\s\S]: a newline (%0A) in the path is unknown too, not HTML
]
