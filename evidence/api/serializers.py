"""Serializers for flight evidence: missions (with regions, distances and the track on request), aircraft, types,
regions, organisations, sources, import runs, and the import uploads."""
from __future__ import annotations

import os
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from evidence.api.common import inline_choice_field
from evidence.api.tracks import track_data
from evidence.models import Aircraft, AircraftType, ImportRun, Mission, MissionRegion, Organisation, Region, Source
from evidence.permissions import may_import_flights


def can_see_server_paths(context: dict[str, Any]) -> bool:
    """Server file paths (import errors, mission sources) are for those who import; others see file names."""
    request = context.get("request")
    return bool(request is not None and may_import_flights(request.user))


class OrganisationSerializer(serializers.ModelSerializer):
    kind = inline_choice_field(Organisation.Kind.choices, read_only=True)

    class Meta:
        model = Organisation
        fields = ("slug", "name", "short_name", "kind", "country", "aliases")


class OrganisationBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ("slug", "name")


class AircraftTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AircraftType
        fields = (
            "designator", "name", "manufacturer", "aliases", "role", "is_surveillance", "engine_type", "engine_count",
            "wake_category",
        )


class AircraftTypeBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = AircraftType
        fields = ("designator", "name", "role", "is_surveillance")


class AircraftSerializer(serializers.ModelSerializer):
    aircraft_type = AircraftTypeBriefSerializer(read_only=True, allow_null=True)
    operator = OrganisationBriefSerializer(read_only=True, allow_null=True)
    mission_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Aircraft
        fields = (
            "hex", "registration", "aircraft_type", "type_description", "operator", "operator_name", "military",
            "year", "provenance", "mission_count",
        )


class AircraftBriefSerializer(serializers.ModelSerializer):
    operator = OrganisationBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Aircraft
        fields = ("hex", "registration", "military", "operator", "operator_name")


class BBoxMixin(serializers.Serializer):
    bbox = serializers.SerializerMethodField(help_text="[min_lon, min_lat, max_lon, max_lat] (GeoJSON order)")

    @extend_schema_field(serializers.ListField(child=serializers.FloatField(), min_length=4, max_length=4))
    def get_bbox(self, obj: Any) -> list[float]:
        return [obj.min_lon, obj.min_lat, obj.max_lon, obj.max_lat]


class RegionSerializer(BBoxMixin, serializers.ModelSerializer):
    kind = inline_choice_field(Region.Kind.choices, read_only=True)

    class Meta:
        model = Region
        fields = ("slug", "name", "kind", "aliases", "bbox", "source")


class MissionRegionSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="region.slug")
    name = serializers.CharField(source="region.name")
    kind = serializers.CharField(source="region.kind")

    class Meta:
        model = MissionRegion
        fields = ("slug", "name", "kind", "over", "distance_nm")


class TrackSerializer(serializers.Serializer):
    """The decoded positions as rows: time (Unix seconds, UTC), lat, lon, altitude_ft, ground_speed_kt, track_deg;
    null where unknown."""

    columns = serializers.ListField(child=serializers.CharField())
    points = serializers.ListField(child=serializers.ListField(child=serializers.FloatField(allow_null=True)))


class MissionSerializer(BBoxMixin, serializers.ModelSerializer):
    aircraft = AircraftBriefSerializer(read_only=True)
    aircraft_type = AircraftTypeBriefSerializer(read_only=True, allow_null=True)
    duration_minutes = serializers.SerializerMethodField()
    regions = MissionRegionSerializer(source="region_links", many=True, read_only=True)
    track = serializers.SerializerMethodField(help_text="The decoded positions: only with ?include=track, else null")
    source_files = serializers.SerializerMethodField(
        help_text="Files the positions came from (full server paths only for users who import)"
    )

    class Meta:
        model = Mission
        fields = (
            "id", "aircraft", "aircraft_type", "callsign", "callsigns", "start", "end", "duration_minutes",
            "point_count", "bbox", "max_altitude_ft", "has_orbit", "orbits", "regions", "import_run", "source_files",
            "source_shares",
            "track",
        )

    def get_duration_minutes(self, obj: Mission) -> float:
        return round((obj.end - obj.start).total_seconds() / 60, 1)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_source_files(self, obj: Mission) -> list[str]:
        files = [str(f) for f in (obj.source_files or [])]
        return files if can_see_server_paths(self.context) else [os.path.basename(f) for f in files]

    @extend_schema_field(TrackSerializer(allow_null=True))
    def get_track(self, obj: Mission) -> dict[str, Any] | None:
        if not self.context.get("include_track"):
            return None
        return track_data(obj)


class SourceSerializer(serializers.ModelSerializer):
    kind = inline_choice_field(Source.Kind.choices)
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = Source
        fields = ("id", "kind", "title", "publisher", "url", "published_on", "notes", "created_at", "created_by")
        read_only_fields = ("created_at", "created_by")


class ImportErrorSerializer(serializers.Serializer):
    path = serializers.CharField()
    location = serializers.CharField(allow_blank=True, required=False)
    reason = serializers.CharField()


class ImportRunSerializer(serializers.ModelSerializer):
    started_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    errors = serializers.SerializerMethodField(
        help_text="Per-file errors; users who cannot import see file names, not server paths"
    )

    class Meta:
        model = ImportRun
        fields = (
            "id", "started_at", "finished_at", "started_by", "origin", "status", "files_read", "files_failed",
            "positions_read", "missions_created", "missions_updated", "errors", "files_total", "aircraft_heard",
            "aircraft_kept", "cancel_requested", "progress",
        )

    progress = serializers.SerializerMethodField(help_text="files_done, files_total, percent, positions_per_second, "
                                                 "eta_seconds, units_done, units_total")  # fmt: skip

    def get_progress(self, obj: ImportRun) -> dict[str, Any]:
        from evidence.services.import_jobs import run_progress

        return run_progress(obj)

    @extend_schema_field(ImportErrorSerializer(many=True))
    def get_errors(self, obj: ImportRun) -> list[dict[str, Any]]:
        errors = [e for e in (obj.errors or []) if isinstance(e, dict)]
        if can_see_server_paths(self.context):
            return errors
        return [{**e, "path": os.path.basename(str(e.get("path", "")))} for e in errors]


class FlightImportSerializer(serializers.Serializer):
    files = serializers.ListField(
        child=serializers.FileField(allow_empty_file=False, max_length=255), min_length=1, max_length=200,
        help_text="Flight files (readsb/tar1090 traces, globe_history JSON, CSV…); repeat the field for several",
    )
    keep_all = serializers.BooleanField(
        default=False, help_text="Keep every aircraft as missions (default: military, by registry/address/type, "
        "and the watch list)",
    )  # fmt: skip


class RegistryImportSerializer(serializers.Serializer):
    file = serializers.FileField(
        allow_empty_file=False, max_length=255, help_text="plane-alert-db CSV or tar1090-db aircraft.csv (.gz ok)"
    )
    format = serializers.ChoiceField(
        choices=[("plane-alert", "plane-alert-db"), ("tar1090", "tar1090-db")], required=False,
        help_text="Detected from the file when omitted",
    )
    create_missing = serializers.BooleanField(
        required=False, allow_null=True, default=None,
        help_text="Create aircraft not in the database yet (default: all for plane-alert-db, military for tar1090-db)",
    )


class RegistryRowErrorSerializer(serializers.Serializer):
    line = serializers.IntegerField()
    reason = serializers.CharField()


class RegistryImportResultSerializer(serializers.Serializer):
    format = serializers.CharField()
    rows = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    skipped = serializers.IntegerField()
    error_count = serializers.IntegerField()
    errors = RegistryRowErrorSerializer(many=True, help_text="The first 200 row errors")
