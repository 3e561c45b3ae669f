"""A claim's pictures: the missions linked as evidence and the suggested ones over the regions of the claim's reading,
and the activity timeline of the claim's scope against the baseline with the claimed number marked.

Selectors (``claim_picture_scope``, ``claim_mission_groups``) and thin views; drawing is evidence.pictures'.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from claims import exports
from claims.models import Claim, EvidenceLink, EvidenceSuggestion
from claims.services.checking import effective_scope
from evidence.describing import describe_scope
from evidence.pictures import build, geojson, static
from evidence.pictures.views import _fmt, geojson_response, map_config, picture_response, viewer_required
from evidence.scope import Scope

LINKED = ("linked as evidence", "#D55E00")
SUGGESTED = ("suggested", "#0072B2")
#: Most suggested missions drawn (the best ranked).
MAX_SUGGESTED = 200


@dataclass
class ClaimMissions:
    linked: list[int]
    suggested: list[int]
    public: bool = False

    def groups(self) -> dict[int, tuple[str, str]]:
        return {**{pk: SUGGESTED for pk in self.suggested}, **{pk: LINKED for pk in self.linked}}

    @property
    def ids(self) -> list[int]:
        return [*self.linked, *(pk for pk in self.suggested if pk not in set(self.linked))]


def claim_picture_scope(claim: Claim) -> Scope | None:
    """The scope the claim was read as, with the period the evidence uses; None before it is read."""
    if not claim.scope:
        return None
    return effective_scope(claim, Scope.from_dict(claim.scope))


def claim_mission_groups(claim: Claim, *, public: bool = False) -> ClaimMissions:
    """The missions linked as evidence and (not ``public``) the best suggested ones."""
    linked = list(
        EvidenceLink.objects.filter(claim=claim, mission__isnull=False).values_list("mission_id", flat=True).distinct()
    )
    if public:
        return ClaimMissions(linked=linked, suggested=[], public=True)
    ranked = EvidenceSuggestion.objects.filter(claim=claim).order_by("-score").values_list("mission_id", flat=True)
    suggested = [pk for pk in ranked if pk not in set(linked)][:MAX_SUGGESTED]
    return ClaimMissions(linked=linked, suggested=suggested)


def claim_alt(claim: Claim, scope: Scope | None, missions: ClaimMissions) -> str:
    words = f" over the claim's reading: missions {describe_scope(scope)}" if scope else ""
    n = len(missions.linked)
    suggested = "" if missions.public else f" and {len(missions.suggested)} suggested"
    return f"Map of claim #{claim.pk}: {n} mission{'' if n == 1 else 's'} linked as evidence{suggested}{words}."


def claim_map_picture(claim: Claim, *, fmt: str, public: bool = False) -> static.Picture:
    """The claim's missions over its reading's regions: linked and suggested for the desk, only the missions linked
    as evidence when ``public`` (suggestions are the desk's unreviewed work)."""
    scope = claim_picture_scope(claim)
    missions = claim_mission_groups(claim, public=public)
    return build.scope_map(scope or Scope(), fmt=fmt, ids=missions.ids, groups=missions.groups(),
                           title=f"Claim #{claim.pk}: evidence on the map", alt=claim_alt(claim, scope, missions))


def claim_timeline_picture(claim: Claim, *, fmt: str) -> static.Picture | None:
    """Missions of the claim's reading per day/week/month against the year before, the claimed number marked;
    None before the claim is read."""
    scope = claim_picture_scope(claim)
    if scope is None:
        return None
    return build.scope_timeline(scope, fmt=fmt, claimed=claim.stated_count,
                                title=f"Claim #{claim.pk}: missions against the year before")


@viewer_required()
def claim_map_image(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=pk)
    return picture_response(claim_map_picture(claim, fmt=_fmt(fmt)))


@viewer_required()
def claim_timeline_image(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=pk)
    picture = claim_timeline_picture(claim, fmt=_fmt(fmt))
    if picture is None:
        return JsonResponse({"detail": "The claim has not been read yet."}, status=404)
    return picture_response(picture)


@viewer_required()
def claim_geojson(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    return geojson_response(claim_tracks_geojson(claim), request)


def claim_tracks_geojson(claim: Claim, *, public: bool = False) -> dict:
    """The claim's missions as GeoJSON, coloured by group (linked / suggested; linked only when ``public``)."""
    missions = claim_mission_groups(claim, public=public)
    names = {pk: label for pk, (label, _) in missions.groups().items()}
    tracks = build.scope_tracks(Scope(), limit=len(missions.ids), points=geojson.MAX_POINTS, ids=missions.ids)
    zoom = geojson.zoom_for(build.scope_extent(Scope(), tracks)) if tracks else 4
    body = geojson.tracks_geojson(tracks, zoom=zoom, by_altitude=False, groups=names)
    colours = {label: colour for label, colour in (LINKED, SUGGESTED)}
    for feature in body["features"]:
        group = feature["properties"]["group"]
        if group in colours:
            feature["properties"]["colour"] = colours[group]
    body["meta"]["groups"] = colours
    return body


def claim_bounds(scope: Scope | None, missions: ClaimMissions) -> tuple[float, float, float, float] | None:
    """The claim's reading regions and its missions' bounding boxes together."""
    from django.db.models import Max, Min

    from evidence.models import Mission
    from evidence.pictures import data

    agg = Mission.objects.filter(pk__in=missions.ids).aggregate(
        a=Min("min_lon"), b=Min("min_lat"), c=Max("max_lon"), d=Max("max_lat")
    )
    tracks = None if agg["a"] is None else (agg["a"], agg["b"], agg["c"], agg["d"])
    regions = data.regions_bounds([rf.slug for rf in scope.regions]) if scope and scope.regions else None
    return data.union_bounds(tracks, regions)


def claim_image(request: HttpRequest, pk: int, kind: str, fmt: str) -> HttpResponse:
    view = claim_map_image if kind == "map" else claim_timeline_image
    return view(request, pk=pk, fmt=fmt)


def claim_pictures_context(claim: Claim) -> dict:
    """What the claim page's map/timeline block shows (claims/_claim_pictures.html)."""
    scope = claim_picture_scope(claim)
    missions = claim_mission_groups(claim)
    bounds = claim_bounds(scope, missions)
    config = map_config(
        tracks_url=reverse("pictures:claim-geojson", args=[claim.pk]), bounds=bounds,
        alt=claim_alt(claim, scope, missions), groups=[{"name": n, "colour": c} for n, c in (LINKED, SUGGESTED)],
        highlight=[rf.slug for rf in scope.regions] if scope else [],
    )
    return {
        "claim_map_config": config,
        "claim_map_alt": claim_alt(claim, scope, missions),
        "claim_map_png": reverse("pictures:claim-image", args=[claim.pk, "map", "png"]),
        "claim_map_svg": reverse("pictures:claim-image", args=[claim.pk, "map", "svg"]),
        "claim_timeline_png": reverse("pictures:claim-image", args=[claim.pk, "timeline", "png"]) if scope else "",
        "claim_timeline_svg": reverse("pictures:claim-image", args=[claim.pk, "timeline", "svg"]) if scope else "",
        "claim_has_count": bool(claim.stated_count),
        # published fact-checks have a public page and an embeddable one (claims/public.py)
        "claim_public_url": reverse("claim-public", args=[claim.pk]) if exports.is_reviewed(claim) else "",
        "claim_embed_url": reverse("claim-public-embed", args=[claim.pk]) if exports.is_reviewed(claim) else "",
    }
