"""Evidence API: read-only flight records and reference data, CRUD for sources, staff-only imports."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Prefetch, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from evidence import exports
from evidence.api.common import ApiViewMixin, DeskPagination, IsStaff, PayloadTooLarge
from evidence.api.filters import (
    AircraftFilter,
    AircraftTypeFilter,
    ImportRunFilter,
    MissionFilter,
    RegionFilter,
    SourceFilter,
)
from evidence.api.serializers import (
    AircraftSerializer,
    AircraftTypeSerializer,
    FlightImportSerializer,
    ImportRunSerializer,
    MissionSerializer,
    OrganisationSerializer,
    RegionSerializer,
    RegistryImportResultSerializer,
    RegistryImportSerializer,
    SourceSerializer,
)
from evidence.models import Aircraft, AircraftType, ImportRun, Mission, MissionRegion, Organisation, Region, Source
from evidence.permissions import FLIGHT_IMPORT_PERMISSIONS, REGISTRY_IMPORT_PERMISSIONS
from evidence.services import import_jobs
from evidence.services.registry_import import import_registry

#: Total size of one flight-file upload (the files themselves are streamed to disk by Django).
FLIGHT_IMPORT_MAX_BYTES: int = getattr(settings, "FLIGHT_IMPORT_MAX_BYTES", 2 * 1024**3)
INCLUDES = frozenset({"track"})
#: A registry import reports its first row errors only (a bad 600,000-row file must not make a 100 MB response).
MAX_REPORTED_ERRORS = 200


class _StreamRenderer(BaseRenderer):
    """Lets clients ask for the export's media type; the body itself is streamed by the view, errors are JSON."""

    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if isinstance(data, bytes):
            return data
        return json.dumps(data, default=str).encode("utf-8")


class CSVRenderer(_StreamRenderer):
    media_type = "text/csv"
    format = "csv"


class GeoJSONRenderer(_StreamRenderer):
    media_type = "application/geo+json"
    format = "geojson"


INCLUDE_PARAMETER = OpenApiParameter(
    "include", OpenApiTypes.STR, description="`track`: add the decoded positions of each mission", enum=["track"]
)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "nullable": True}


_NUMBER, _STRING, _INTEGER = {"type": "number"}, {"type": "string"}, {"type": "integer"}
_REGION_SCHEMA = {
    "type": "object",
    "properties": {"slug": _STRING, "name": _STRING, "over": {"type": "boolean"}, "distance_nm": _NUMBER},
}
#: What ``evidence.exports.iter_missions_geojson`` writes (RFC 7946): the schema is checked against real exports.
MISSIONS_GEOJSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "id", "geometry", "properties"],
                "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "id": _INTEGER,
                    "bbox": {"type": "array", "items": _NUMBER, "minItems": 4, "maxItems": 4},
                    "geometry": _nullable({
                        "type": "object",
                        "description": "The track (LineString, or Point for a single position) when it can be "
                        "decoded, else the bounding box (Polygon, or Point); properties.geometry_kind says which",
                        "required": ["type", "coordinates"],
                        "properties": {
                            "type": {"type": "string", "enum": ["LineString", "Point", "Polygon"]},
                            "coordinates": {"type": "array", "items": {}},
                        },
                    }),
                    "properties": {
                        "type": "object",
                        "properties": {
                            "id": _INTEGER, "hex": _STRING, "registration": _STRING, "type": _STRING,
                            "type_name": _STRING, "operator": _STRING, "military": {"type": "boolean"},
                            "callsign": _STRING, "callsigns": {"type": "array", "items": _STRING},
                            "start": {"type": "string", "format": "date-time"},
                            "end": {"type": "string", "format": "date-time"},
                            "duration_minutes": _NUMBER, "point_count": _INTEGER,
                            "max_altitude_ft": _nullable(_INTEGER), "has_orbit": {"type": "boolean"},
                            "orbit_count": _INTEGER, "regions": {"type": "array", "items": _REGION_SCHEMA},
                            "geometry_kind": {"type": "string", "enum": ["track", "bbox"]},
                        },
                    },
                },
            },
        },
    },
}


class TrackPagination(DeskPagination):
    page_size = 10
    max_page_size = 50


def mission_queryset(*, with_track: bool = False) -> QuerySet[Mission]:
    """Missions with everything the API shows, in a constant number of queries (3 per page)."""
    links = MissionRegion.objects.select_related("region").defer("region__geometry_wkb").order_by("distance_nm")
    queryset = Mission.objects.select_related("aircraft__operator", "aircraft_type").prefetch_related(
        Prefetch("region_links", queryset=links)
    )
    return queryset if with_track else queryset.defer("track")


@extend_schema_view(
    list=extend_schema(parameters=[INCLUDE_PARAMETER], summary="List missions (filter by type, region, time…)"),
    retrieve=extend_schema(parameters=[INCLUDE_PARAMETER]),
)
class MissionViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Flight missions from ADS-B data, with the regions they flew over or near and their distances (nm)."""

    queryset = Mission.objects.all()
    serializer_class = MissionSerializer
    filterset_class = MissionFilter
    search_fields = ("callsign", "aircraft__hex", "aircraft__registration", "aircraft_type__name")
    ordering_fields = ("start", "end", "point_count", "max_altitude_ft", "id")
    ordering = ("-start", "-id")

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.includes = self._parse_includes()

    def _parse_includes(self) -> set[str]:
        raw = self.request.query_params.get("include", "")
        values = {v.strip() for v in raw.split(",") if v.strip()}
        unknown = values - INCLUDES
        if unknown:
            message = f"Unknown include {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(INCLUDES))}."
            raise exceptions.ValidationError({"include": [message]})
        return values

    def _with_track(self) -> bool:
        return "track" in getattr(self, "includes", ()) and self.action in ("list", "retrieve")

    def get_queryset(self) -> QuerySet[Mission]:
        return mission_queryset(with_track=self._with_track() or self.action == "export_geojson")

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "include_track": self._with_track()}

    @property
    def paginator(self) -> DeskPagination | None:
        """With ``?include=track`` pages are smaller (a 10-hour mission at 1 Hz is 36,000 positions)."""
        if not hasattr(self, "_paginator"):
            self._paginator = TrackPagination() if self._with_track() else DeskPagination()
        return self._paginator

    @extend_schema(
        summary="Missions as CSV (same filters as the list; streamed, not paginated)",
        operation_id="missions_export_csv",
        responses={(200, "text/csv"): OpenApiTypes.BINARY},
        filters=True,
    )
    def export_csv(self, request: Request) -> Any:
        return exports.missions_csv_response(self.filter_queryset(self.get_queryset()))

    @extend_schema(
        summary="Missions as GeoJSON: tracks as LineStrings (same filters as the list; streamed)",
        operation_id="missions_export_geojson",
        responses={(200, "application/geo+json"): MISSIONS_GEOJSON_SCHEMA},
        filters=True,
    )
    def export_geojson(self, request: Request) -> Any:
        return exports.missions_geojson_response(self.filter_queryset(self.get_queryset()))


#: Routed by project/api.py at /api/missions/export.csv and /api/missions/export.geojson (no trailing slash).
mission_export_csv = MissionViewSet.as_view({"get": "export_csv"}, renderer_classes=[JSONRenderer, CSVRenderer])
mission_export_geojson = MissionViewSet.as_view(
    {"get": "export_geojson"}, renderer_classes=[JSONRenderer, GeoJSONRenderer]
)


class AircraftViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Airframes by ICAO 24-bit address."""

    queryset = Aircraft.objects.all()
    serializer_class = AircraftSerializer
    filterset_class = AircraftFilter
    search_fields = ("hex", "registration", "type_description", "operator_name", "operator__name")
    ordering_fields = ("hex", "registration", "mission_count")
    ordering = ("hex",)

    def get_queryset(self) -> QuerySet[Aircraft]:
        return Aircraft.objects.select_related("aircraft_type", "operator").annotate(mission_count=Count("missions"))


class AircraftTypeViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """ICAO type designators with the names people write for them."""

    queryset = AircraftType.objects.all()
    serializer_class = AircraftTypeSerializer
    filterset_class = AircraftTypeFilter
    search_fields = ("designator", "name", "manufacturer")
    ordering_fields = ("designator", "name")
    ordering = ("designator",)


class RegionViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Named places missions fly over or near (use the slug in mission filters: ?region=texas, ?over=arizona)."""

    queryset = Region.objects.defer("geometry_wkb")
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
    lookup_field = "slug"
    search_fields = ("slug", "name")
    ordering_fields = ("name", "slug")
    ordering = ("name",)


class OrganisationViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Organisations (operators, outlets); use the slug in ?operator=."""

    queryset = Organisation.objects.all()
    serializer_class = OrganisationSerializer
    lookup_field = "slug"
    filterset_fields = ("kind",)
    search_fields = ("slug", "name", "short_name")
    ordering_fields = ("name",)
    ordering = ("name",)


class SourceViewSet(ApiViewMixin, viewsets.ModelViewSet):
    """Non-flight evidence: statements, reports, documents, posts. Fact-checkers write; everyone on the desk reads."""

    queryset = Source.objects.select_related("created_by")
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    search_fields = ("title", "publisher", "url", "notes")
    ordering_fields = ("published_on", "created_at", "title")
    ordering = ("-published_on", "title", "id")

    def perform_create(self, serializer: SourceSerializer) -> None:
        serializer.save(created_by=self.request.user)


class ImportRunViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Runs of the flight importer and what they read, made and failed on."""

    queryset = ImportRun.objects.select_related("started_by")
    serializer_class = ImportRunSerializer
    filterset_class = ImportRunFilter
    ordering_fields = ("started_at",)
    ordering = ("-started_at", "-id")

    def get_permissions(self) -> list[Any]:
        if self.action in ("cancel", "resume"):
            return [IsStaff()]
        return super().get_permissions()

    @extend_schema(request=None, responses={200: ImportRunSerializer, 409: OpenApiResponse(description="Not running")},
                   summary="Cancel a running import (staff only)")  # fmt: skip
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        return self._operate(import_jobs.cancel_run)

    @extend_schema(
        request=None,
        responses={200: ImportRunSerializer, 409: OpenApiResponse(description="Not resumable")},
        summary="Resume an interrupted or cancelled import (staff only)",
    )
    @action(detail=True, methods=["post"])
    def resume(self, request: Request, pk: str | None = None) -> Response:
        return self._operate(import_jobs.resume_run)

    def _operate(self, operation: Any) -> Response:
        if not self.request.user.has_perms(FLIGHT_IMPORT_PERMISSIONS):
            raise exceptions.PermissionDenied("Importing flight data is for administrators.")
        run = self.get_object()
        try:
            run = operation(run)
        except import_jobs.ImportStateError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        run.refresh_from_db()
        return Response(self.get_serializer(run).data)


# --- imports (staff only) --------------------------------------------------------------------------------------------


def _safe_name(name: str) -> str:
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name or "").name).lstrip(".")[-120:]
    return base or "upload"


def _save_uploads(files: list[UploadedFile], directory: Path) -> list[Path]:
    """Each file in its own numbered folder under its original (sanitised) name, so errors name the user's file."""
    paths = []
    for index, upload in enumerate(files):
        folder = directory / f"{index:04d}"
        folder.mkdir()
        path = folder / _safe_name(upload.name)
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        paths.append(path)
    return paths


class FlightImportView(ApiViewMixin, APIView):
    """Upload flight files (multipart, field ``files``, repeatable); they are imported and the run is returned."""

    permission_classes = (IsStaff,)
    required_permissions = FLIGHT_IMPORT_PERMISSIONS
    throttle_scope = "heavy"
    parser_classes = (MultiPartParser,)

    @extend_schema(
        request={"multipart/form-data": FlightImportSerializer},
        responses={
            201: ImportRunSerializer,
            400: OpenApiResponse(description="No or empty files"),
            413: OpenApiResponse(description="Upload too large"),
        },
        summary="Import flight files (staff only)",
    )
    def post(self, request: Request) -> Response:
        serializer = FlightImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        files = serializer.validated_data["files"]
        if sum(f.size or 0 for f in files) > FLIGHT_IMPORT_MAX_BYTES:
            raise PayloadTooLarge(f"Uploads are limited to {FLIGHT_IMPORT_MAX_BYTES} bytes in total.")
        # Kept under FLIGHT_IMPORT_DIR until the run ends: the workers read them from there.
        directory = import_jobs.upload_dir_for_new_run()
        paths = _save_uploads(files, directory)
        options = {"keep_all": serializer.validated_data.get("keep_all", False)}
        run = import_jobs.start_import(
            paths, user=request.user, origin="api", options=options, upload_dir=str(directory)
        )
        run.refresh_from_db()
        return Response(ImportRunSerializer(run, context={"request": request}).data, status=status.HTTP_201_CREATED)


class RegistryImportView(ApiViewMixin, APIView):
    """Upload an aircraft registry (plane-alert-db CSV or tar1090-db aircraft.csv, optionally gzipped); aircraft are
    created or updated, values a person set by hand are kept."""

    permission_classes = (IsStaff,)
    required_permissions = REGISTRY_IMPORT_PERMISSIONS
    throttle_scope = "heavy"
    parser_classes = (MultiPartParser,)

    @extend_schema(
        request={"multipart/form-data": RegistryImportSerializer},
        responses={201: RegistryImportResultSerializer, 400: OpenApiResponse(description="No file, or not a registry")},
        summary="Import an aircraft registry (staff only)",
    )
    def post(self, request: Request) -> Response:
        serializer = RegistryImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with tempfile.TemporaryDirectory(prefix="flightcheck-registry-") as tmp:
            (path,) = _save_uploads([data["file"]], Path(tmp))
            try:
                result = import_registry(
                    path, fmt=data.get("format") or None, create_missing=data.get("create_missing")
                )
            except ValueError as exc:  # not a registry file this importer knows
                raise exceptions.ValidationError({"file": [str(exc).replace(str(path), path.name)]}) from exc
        payload = {
            "format": result.format, "rows": result.rows, "created": result.created, "updated": result.updated,
            "unchanged": result.unchanged, "skipped": result.skipped, "error_count": len(result.errors),
            "errors": [{"line": e.line, "reason": e.reason} for e in result.errors[:MAX_REPORTED_ERRORS]],
        }
        return Response(RegistryImportResultSerializer(payload).data, status=status.HTTP_201_CREATED)
