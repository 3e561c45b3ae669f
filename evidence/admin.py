"""Evidence in the admin: missions (searchable for the claim page's autocomplete), aircraft, types, sources, imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from evidence.models import (
    Aircraft,
    AircraftType,
    ImportRun,
    Mission,
    MissionRegion,
    Organisation,
    Region,
    Source,
)
from evidence.permissions import may_import_flights
from evidence.rendering import track_svg
from project.history_admin import ReadOnlyHistoryAdmin


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "country")
    list_filter = ("kind", "country")
    search_fields = ("name", "short_name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(AircraftType)
class AircraftTypeAdmin(admin.ModelAdmin):
    list_display = ("designator", "name", "role", "is_surveillance", "aliases")
    list_filter = ("is_surveillance", "role")
    search_fields = ("designator", "name", "aliases")


@admin.register(Aircraft)
class AircraftAdmin(ReadOnlyHistoryAdmin):
    list_display = ("hex", "registration", "aircraft_type", "operator", "military", "mission_count")
    list_filter = (
        "military",
        ("aircraft_type", admin.RelatedOnlyFieldListFilter),
        ("operator", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("hex", "registration", "aircraft_type__designator", "operator__name", "operator_name")
    readonly_fields = ("provenance_table",)
    autocomplete_fields = ("aircraft_type", "operator")

    @admin.display(description="Missions")
    def mission_count(self, obj: Aircraft) -> int:
        return obj.missions.count()

    @admin.display(description="Where each value came from")
    def provenance_table(self, obj: Aircraft) -> str:
        if not obj.provenance:
            return "—"
        return format_html(
            "<table>{}</table>",
            format_html_join(
                "",
                "<tr><th>{}</th><td>{}</td><td>{}</td></tr>",
                ((k, v.get("source", ""), v.get("at", "")) for k, v in sorted(obj.provenance.items())),
            ),
        )

    def save_model(self, request: HttpRequest, obj: Aircraft, form, change: bool) -> None:
        # A person's correction wins over any file: mark the edited values "manual" so imports leave them alone.
        from evidence.services.aircraft import aircraft_sync_type, mark_manual_values

        mark_manual_values(aircraft=obj, fields=form.changed_data, user=request.user)
        super().save_model(request, obj, form, change)
        if "aircraft_type" in form.changed_data:
            aircraft_sync_type(aircraft=obj)


class RegionNearFilter(admin.SimpleListFilter):
    """Missions near a region: within settings.NEAR_NM, over included."""

    title = f"near region (≤ {settings.NEAR_NM:g} nm)"
    parameter_name = "near"

    def lookups(self, request, model_admin):
        return list(Region.objects.values_list("slug", "name"))

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        links = MissionRegion.objects.filter(
            mission=OuterRef("pk"), region__slug=self.value(), distance_nm__lte=settings.NEAR_NM
        )
        return queryset.filter(Exists(links))


class RegionOverFilter(RegionNearFilter):
    title = "over region"
    parameter_name = "over"

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(
            Exists(MissionRegion.objects.filter(mission=OuterRef("pk"), region__slug=self.value(), over=True))
        )


class RoleFilter(admin.SimpleListFilter):
    title = "role"
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [("surveillance", "Any surveillance/reconnaissance"), *AircraftType.Role.choices]

    def queryset(self, request, queryset):
        if self.value() == "surveillance":
            return queryset.filter(aircraft_type__is_surveillance=True)
        if self.value():
            return queryset.filter(aircraft_type__role=self.value())
        return queryset


def _utc_text(value: object) -> str:
    """An ISO 8601 UTC time as the desk reads it: "2025-02-04T15:10:00Z" → "2025-02-04 15:10:00 UTC"."""
    text = str(value or "")
    return text.replace("T", " ").removesuffix("Z") + " UTC" if text.endswith("Z") else text


class MissionRegionInline(admin.TabularInline):
    model = MissionRegion
    fields = ("region", "over", "distance")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("distance_nm", "region__name")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("region")

    @admin.display(description="Distance", ordering="distance_nm")
    def distance(self, obj: MissionRegion) -> str:
        return "0.0 nm (over)" if obj.over else f"{obj.distance_nm:.1f} nm"


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "aircraft_type", "registration", "operator", "callsign", "start", "end", "has_orbit")
    list_filter = (
        ("aircraft_type", admin.RelatedOnlyFieldListFilter),
        RoleFilter,
        ("aircraft__operator", admin.RelatedOnlyFieldListFilter),
        RegionOverFilter,
        RegionNearFilter,
        "has_orbit",
        "aircraft__military",
        ("start", admin.DateFieldListFilter),
    )
    date_hierarchy = "start"
    search_fields = (
        "aircraft__hex",
        "aircraft__registration",
        "callsign",
        "aircraft_type__designator",
        "aircraft_type__name",
    )
    list_select_related = ("aircraft", "aircraft__operator", "aircraft_type")
    inlines = [MissionRegionInline]
    readonly_fields = (
        "aircraft",
        "aircraft_type",
        "callsign",
        "callsigns",
        "start_utc",
        "end_utc",
        "duration",
        "point_count",
        "bounding_box",
        "max_altitude_ft",
        "orbit_summary",
        "position_sources",
        "track_map",
        "provenance",
    )
    exclude = (
        "track", "orbits", "min_lat", "min_lon", "max_lat", "max_lon", "import_run", "source_files", "has_orbit",
        "source_shares",
    )  # fmt: skip

    @admin.display(description="Position sources")
    def position_sources(self, obj: Mission) -> str:
        from evidence.flightdata.positions import SOURCE_LABELS

        shares = obj.source_shares or {}
        if not shares:
            return "Not recorded (the file did not say)."
        parts = [f"{SOURCE_LABELS.get(k, k)} {v:.0%}" for k, v in sorted(shares.items(), key=lambda kv: -kv[1])]
        known = sum(shares.values())
        if known < 0.9995:
            parts.append(f"unknown {1 - known:.0%}")
        return ", ".join(parts)

    def has_add_permission(self, request) -> bool:
        return False  # missions come from flight data (import)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Registration")
    def registration(self, obj: Mission) -> str:
        return obj.aircraft.registration

    @admin.display(description="Operator")
    def operator(self, obj: Mission) -> str:
        return str(obj.aircraft.operator or obj.aircraft.operator_name or "")

    @admin.display(description="Start (UTC)", ordering="start")
    def start_utc(self, obj: Mission) -> str:
        return f"{obj.start.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC"

    @admin.display(description="End (UTC)", ordering="end")
    def end_utc(self, obj: Mission) -> str:
        return f"{obj.end.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S} UTC"

    @admin.display(description="Duration")
    def duration(self, obj: Mission) -> str:
        minutes = int((obj.end - obj.start).total_seconds() // 60)
        return f"{minutes // 60} h {minutes % 60:02d} min"

    @admin.display(description="Bounding box")
    def bounding_box(self, obj: Mission) -> str:
        return f"lat {obj.min_lat:.3f} to {obj.max_lat:.3f}, lon {obj.min_lon:.3f} to {obj.max_lon:.3f}"

    @admin.display(description="Orbits")
    def orbit_summary(self, obj: Mission) -> str:
        if not obj.orbits:
            return "No orbit detected."
        return format_html_join(
            "",
            # numbers are formatted before format_html_join escapes its arguments (a format code such as {:.3f}
            # applied to the escaped string raises ValueError, and the admin shows "-")
            "<p>{} to {}: {} turns, centre {}, {}, radius {} km</p>",
            (
                (_utc_text(o.get("start")), _utc_text(o.get("end")), o.get("turns"), f"{float(o.get('lat', 0)):.3f}",
                 f"{float(o.get('lon', 0)):.3f}", o.get("radius_km"))
                for o in obj.orbits
            ),
        )

    @admin.display(description="Track")
    def track_map(self, obj: Mission) -> str:
        return track_svg(obj)

    @admin.display(description="Provenance")
    def provenance(self, obj: Mission) -> str:
        run = (
            format_html(
                '<a href="{}">{}</a>',
                reverse("admin:evidence_importrun_change", args=[obj.import_run_id]),
                obj.import_run,
            )
            if obj.import_run_id
            else "—"
        )
        files = format_html_join("", "<li><code>{}</code></li>", ((f,) for f in obj.source_files))
        when = ""
        if obj.import_run_id and obj.import_run.started_at:
            run_obj = obj.import_run
            when = f" ({run_obj.origin}, {run_obj.started_at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC)"
        return format_html(
            "Positions imported by {}{}, from {} file{}:<ul>{}</ul>", run, when, len(obj.source_files),
            "" if len(obj.source_files) == 1 else "s", files,
        )

    def get_search_results(self, request, queryset, search_term):
        """Also accept a date ("2025-02-03") in the search box / autocomplete: missions airborne that day."""
        term = search_term.strip()
        try:
            day = dt.date.fromisoformat(term)
        except ValueError:
            return super().get_search_results(request, queryset, search_term)
        start = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
        return queryset.filter(Q(start__lt=start + dt.timedelta(days=1)) & Q(end__gte=start)), False


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "kind", "aliases")
    list_filter = ("kind",)
    search_fields = ("name", "slug", "aliases")
    readonly_fields = ("geometry_summary", "min_lon", "min_lat", "max_lon", "max_lat", "source")
    exclude = ("geometry_wkb",)

    def has_add_permission(self, request) -> bool:
        return False  # regions come with their boundary from the reference data (seed_reference); the form has none

    @admin.display(description="Geometry")
    def geometry_summary(self, obj: Region) -> str:
        import shapely

        if not obj.geometry_wkb:
            return "No boundary."
        geom = shapely.from_wkb(bytes(obj.geometry_wkb))
        return f"{geom.geom_type}, {shapely.get_num_coordinates(geom):,} vertices"


@admin.register(Source)
class SourceAdmin(ReadOnlyHistoryAdmin):
    list_display = ("title", "kind", "publisher", "published_on", "url")
    list_filter = ("kind", ("published_on", admin.DateFieldListFilter))
    search_fields = ("title", "publisher", "url", "notes")

    def save_model(self, request, obj: Source, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class MultiFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiFileField(forms.FileField):
    widget = MultiFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class FlightUploadMultiForm(forms.Form):
    files = MultiFileField(
        help_text="readsb/tar1090 trace_full JSON (plain or gzip), OpenSky state-vector CSV, traffic JSON/CSV, or a "
        "release tar."
    )
    keep_all = forms.BooleanField(
        required=False, help_text="Keep every aircraft as missions (default: military and watch-listed only)"
    )


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "origin",
        "started_by",
        "started_at",
        "files_read",
        "files_failed",
        "missions_created",
        "status",
    )
    list_filter = ("status", "origin")
    readonly_fields = [
        "progress", *(f.name for f in ImportRun._meta.fields if f.name not in ("errors", "options")), "error_table"
    ]
    exclude = ("errors", "options")
    change_form_template = "admin/evidence/importrun/change_form.html"

    @admin.display(description="Progress")
    def progress(self, obj: ImportRun) -> str:
        from evidence.services.import_jobs import run_progress

        p = run_progress(obj)
        eta = f", about {p['eta_seconds']} s left" if p["eta_seconds"] is not None else ""
        percent = f" ({p['percent']} %)" if p["percent"] is not None else ""
        return (
            f"{p['files_done']:,} of {p['files_total']:,} files{percent}, {obj.positions_read:,} positions at "
            f"{p['positions_per_second']:,}/s{eta}; {obj.aircraft_heard:,} aircraft heard, {obj.aircraft_kept:,} "
            f"kept; units {p['units_done']}/{p['units_total']}"
        )
    change_list_template = "admin/evidence/importrun/change_list.html"

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="Errors")
    def error_table(self, obj: ImportRun) -> str:
        if not obj.errors:
            return "None."
        return format_html(
            "<table><tr><th>File</th><th>Where</th><th>Reason</th></tr>{}</table>",
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                ((e.get("path"), e.get("location"), e.get("reason")) for e in obj.errors),
            ),
        )

    def get_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="evidence_importrun_upload"),
            path("<int:pk>/operate/", self.admin_site.admin_view(self.operate_view), name="evidence_importrun_operate"),
            *super().get_urls(),
        ]

    def operate_view(self, request: HttpRequest, pk: int):
        """POST ``action=cancel|resume``: staff only, through the import_jobs services."""
        from evidence.services import import_jobs

        if request.method != "POST":
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["POST"])
        if not may_import_flights(request.user):
            raise PermissionDenied
        run = get_object_or_404(ImportRun, pk=pk)
        operation = {"cancel": import_jobs.cancel_run, "resume": import_jobs.resume_run}.get(request.POST.get("action"))
        if operation is None:
            self.message_user(request, "Unknown operation.", messages.ERROR)
        else:
            try:
                run = operation(run)
                self.message_user(request, f"{run}: {request.POST['action']} requested.", messages.SUCCESS)
            except import_jobs.ImportStateError as exc:
                self.message_user(request, str(exc), messages.ERROR)
        return redirect("admin:evidence_importrun_change", pk)

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None):
        run = ImportRun.objects.filter(pk=object_id).first()
        extra = {
            **(extra_context or {}),
            "may_operate": may_import_flights(request.user),
            "running": bool(run and run.status in ImportRun.ACTIVE),
            "resumable": bool(run and run.status in (ImportRun.Status.INTERRUPTED, ImportRun.Status.CANCELLED)),
        }
        return super().change_view(request, object_id, form_url, extra)

    def upload_view(self, request: HttpRequest):
        """Upload flight files; staff only (importing flight data is a staff operation)."""
        if not may_import_flights(request.user):
            raise PermissionDenied
        form = FlightUploadMultiForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            from evidence.services import import_jobs

            # Kept under FLIGHT_IMPORT_DIR until the run ends: the workers read them from there.
            directory = import_jobs.upload_dir_for_new_run()
            paths = []
            for i, upload in enumerate(form.cleaned_data["files"]):
                target = directory / f"{i:04d}-{Path(upload.name).name}"
                with target.open("wb") as fh:
                    for chunk in upload.chunks():
                        fh.write(chunk)
                paths.append(target)
            options = {"keep_all": bool(form.cleaned_data.get("keep_all"))}
            run = import_jobs.start_import(
                paths, user=request.user, origin="admin", options=options, upload_dir=str(directory)
            )
            level = messages.SUCCESS if run.status == ImportRun.Status.SUCCEEDED else messages.WARNING
            self.message_user(
                request,
                f"{run}: {run.files_read} file(s) read, {run.files_failed} failed, "
                f"{run.missions_created} mission(s) created, {run.missions_updated} updated.",
                level,
            )
            return redirect("admin:evidence_importrun_change", run.pk)
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": "Import flight files",
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/evidence/importrun/upload.html", context)
