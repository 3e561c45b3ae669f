"""Thin views for pictures: PNG/SVG images, GeoJSON for the Leaflet maps, the ``/scope/map`` page, signed images.

Everything but a signed image needs a signed-in user who may view missions (``evidence.view_mission``: Editors,
Fact-checkers, superusers). Bad parameters are a 400 naming each one; nothing here is a 500 for bad input.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.db.models import Max, Min
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from evidence.describing import describe_scope
from evidence.models import Mission
from evidence.scope import Scope
from evidence.selectors import count_missions, missions_in_scope

from . import build, data, geojson, params, static

VIEW_PERMISSION = "evidence.view_mission"
#: Most missions a scope map sends (newest first); the page says when there are more.
MAP_MISSIONS = 10_000


def may_view(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_authenticated and user.has_perm(VIEW_PERMISSION))


def viewer_required(page: bool = False) -> Callable:
    """Signed-in users with ``evidence.view_mission``; anonymous visitors of a page are sent to the sign-in."""

    def wrap(view: Callable) -> Callable:
        @wraps(view)
        def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if page and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            if not may_view(request):
                return JsonResponse({"detail": "You may not view flight records."}, status=403)
            return view(request, *args, **kwargs)

        return require_GET(inner)

    return wrap


def picture_response(picture: static.Picture, *, private: bool = True) -> HttpResponse:
    response = HttpResponse(picture.content, content_type=picture.content_type)
    response["Cache-Control"] = f"{'private' if private else 'public'}, max-age=300"
    return response


def bad_params(exc: params.ParamError) -> JsonResponse:
    return JsonResponse({"detail": "Bad parameters.", "errors": exc.errors}, status=400)


def _fmt(fmt: str) -> str:
    if fmt not in static.FORMATS:
        raise Http404("png or svg")
    return fmt


def _zoom(request: HttpRequest, default: int) -> int:
    raw = request.GET.get("zoom")
    if raw in (None, ""):
        return default
    try:
        return int(max(geojson.MIN_ZOOM, min(geojson.MAX_ZOOM, float(raw))))
    except ValueError:
        raise params.ParamError({"zoom": f"{raw!r} is not a number."}) from None


# --- Images ----------------------------------------------------------------------------------------------------------


@viewer_required()
def mission_image(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    mission = get_object_or_404(Mission, pk=pk)
    return picture_response(build.mission_map(mission, fmt=_fmt(fmt)))


def draw_scope(kind: str, scope: Scope, fmt: str, *, by: str = "type", ids: list[int] | None = None,
               claimed: dict | None = None, other: Scope | None = None,
               labels: list[str] | None = None) -> static.Picture:
    if kind == "compare" and other is not None and labels and len(labels) == 2:
        return build.scope_comparison(scope, other, labels=(labels[0], labels[1]), fmt=fmt)
    if kind == "map":
        return build.scope_map(scope, fmt=fmt, ids=ids)
    if kind == "timeline":
        return build.scope_timeline(scope, fmt=fmt, claimed=claimed)
    if kind == "breakdown":
        return build.scope_breakdown(scope, by=by, fmt=fmt)
    raise Http404("unknown picture")


@viewer_required()
def scope_image(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    try:
        scope = params.scope_from_params(request.GET, extra=("by",))
        by = request.GET.get("by", "type")
        if kind == "breakdown" and by not in build.BREAKDOWNS:
            raise params.ParamError({"by": f"{by!r}: one of {', '.join(build.BREAKDOWNS)}."})
    except params.ParamError as exc:
        return bad_params(exc)
    return picture_response(draw_scope(kind, scope, _fmt(fmt), by=by))


@require_GET
def signed_image(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    """A picture named by a signed token (chat platforms fetch these without a session)."""
    try:
        payload = params.read_picture_token(token)
    except signing.SignatureExpired:
        return JsonResponse({"detail": "This picture link has expired; ask again."}, status=410)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return JsonResponse({"detail": "Not a valid picture link."}, status=404)
    picture = draw_scope(payload["k"], payload["scope"], _fmt(fmt), by=payload.get("by", "type"),
                         ids=payload.get("ids"), other=payload.get("other"), labels=payload.get("labels"))
    return picture_response(picture, private=False)


# --- GeoJSON ---------------------------------------------------------------------------------------------------------


def _bbox(request: HttpRequest) -> tuple[float, float, float, float]:
    raw = request.GET.get("bbox", "-180,-85,180,85")
    try:
        values = [float(v) for v in raw.split(",")]
    except ValueError:
        values = []
    if len(values) != 4 or not (values[0] <= values[2] and values[1] <= values[3]):
        raise params.ParamError({"bbox": f"{raw!r}: expected min_lon,min_lat,max_lon,max_lat."})
    lon0, lat0, lon1, lat1 = values
    return max(lon0, -180.0), max(lat0, -90.0), min(lon1, 180.0), min(lat1, 90.0)


def geojson_response(body: bytes | dict[str, Any], request: HttpRequest | None = None) -> HttpResponse:
    """GeoJSON, gzipped when the client accepts it (a scope's tracks shrink about 6×; nothing secret is in them)."""
    content = body if isinstance(body, bytes) else geojson.to_json(body)
    response = HttpResponse(content, content_type="application/geo+json")
    response["Cache-Control"] = "private, max-age=300"
    if request is not None:
        response = GZipMiddleware(lambda _request: response).process_response(request, response)
    return response


@viewer_required()
def outlines(request: HttpRequest) -> HttpResponse:
    """Region outlines for the map's base layer: ``?bbox=min_lon,min_lat,max_lon,max_lat&zoom=5[&highlight=a,b]``."""
    try:
        bbox, zoom = _bbox(request), _zoom(request, 4)
    except params.ParamError as exc:
        return bad_params(exc)
    highlight = [s for s in request.GET.get("highlight", "").split(",") if s]
    return geojson_response(geojson.outlines_geojson(bbox, zoom, highlight=highlight), request)


@viewer_required()
def mission_geojson(request: HttpRequest, pk: int) -> HttpResponse:
    mission = get_object_or_404(Mission, pk=pk)
    track = data.mission_track(mission)
    try:
        zoom = _zoom(request, geojson.zoom_for(track.bounds() or (-120, 20, -90, 40)) + 2)
    except params.ParamError as exc:
        return bad_params(exc)
    body = geojson.tracks_geojson([track], zoom=zoom, by_altitude=True)
    body["meta"]["over"] = [slug for slug, _ in track.over]
    return geojson_response(body, request)


@viewer_required()
def scope_geojson(request: HttpRequest) -> HttpResponse:
    """The scope's tracks for the zoom: up to zoom 8 from cached overviews (all the scope's missions, newest
    ``MAP_MISSIONS``); closer, full tracks of the missions in ``bbox`` only."""
    try:
        scope = params.scope_from_params(request.GET, extra=("zoom", "bbox"))
        zoom = _zoom(request, 5)
        bbox = _bbox(request) if "bbox" in request.GET else None
    except params.ParamError as exc:
        return bad_params(exc)
    return geojson_response(scope_tracks_geojson(scope, zoom=zoom, bbox=bbox), request)


def scope_tracks_geojson(
    scope: Scope, *, zoom: int, limit: int = MAP_MISSIONS, bbox: tuple[float, float, float, float] | None = None
) -> dict[str, Any]:
    total = count_missions(scope)
    close = zoom > data.OVERVIEW_MAX_ZOOM
    tracks = build.scope_tracks(scope, limit=limit, points=geojson.MAX_POINTS, overview=not close,
                                bbox=bbox if close else None)
    body = geojson.tracks_geojson(tracks, zoom=zoom, total=total)
    body["meta"]["in_view_only"] = bool(close and bbox)
    return body


def scope_bounds(scope: Scope) -> tuple[float, float, float, float] | None:
    agg = missions_in_scope(scope).order_by().aggregate(
        a=Min("min_lon"), b=Min("min_lat"), c=Max("max_lon"), d=Max("max_lat")
    )
    if agg["a"] is None:
        return data.regions_bounds([rf.slug for rf in scope.regions]) if scope.regions else None
    return agg["a"], agg["b"], agg["c"], agg["d"]


# --- Pages -----------------------------------------------------------------------------------------------------------


def map_config(*, tracks_url: str, bounds: tuple[float, float, float, float] | None, alt: str,
               groups: list[dict[str, str]] | None = None, highlight: list[str] | None = None,
               refetch_on_zoom: bool = False, outlines_url: str = "") -> str:
    """The JSON a map element reads (``pictures/map.js``), safe to put inside its ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as JSON ``\\u`` escapes (as Django's ``json_script`` does): the alt text
    carries stored callsigns and names, and a raw ``</script>`` or ``<i>`` in them would otherwise be live markup.
    """
    box = bounds or (-125.0, 14.0, -66.0, 50.0)
    return _script_safe_json({
        "tracks": tracks_url,
        "outlines": outlines_url or reverse("pictures:outlines"),
        "bounds": [[box[1], box[0]], [box[3], box[2]]],
        "alt": alt,
        "groups": groups or [],
        "highlight": highlight or [],
        "refetch": refetch_on_zoom,
    })


_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _script_safe_json(value: Any) -> str:
    return json.dumps(value).translate(_SCRIPT_ESCAPES)


@viewer_required(page=True)
def scope_map_page(request: HttpRequest) -> HttpResponse:
    """``/scope/map?type=P8&region=texas&start=…``: every mission of the scope on the interactive map."""
    try:
        scope = params.scope_from_params(request.GET)
    except params.ParamError as exc:
        return render(request, "pictures/scope_map.html", {"errors": exc.errors}, status=400)
    query = urlencode(params.params_from_scope(scope))
    total = count_missions(scope)
    words = describe_scope(scope) if not scope.is_empty() else "in the records"
    alt = f"Map of {total} missions {words}" + (
        f" (the newest {MAP_MISSIONS:,} are drawn)" if total > MAP_MISSIONS else ""
    ) + "."
    config = map_config(
        tracks_url=reverse("pictures:scope-geojson") + "?" + query, bounds=scope_bounds(scope), alt=alt,
        highlight=[rf.slug for rf in scope.regions], refetch_on_zoom=True,
    )
    context = {
        "title": f"{total} missions {words}", "alt": alt, "config": config, "total": total,
        "png": reverse("pictures:scope-image", args=["map", "png"]) + "?" + query,
        "timeline": reverse("pictures:scope-image", args=["timeline", "png"]) + "?" + query,
        "types": reverse("pictures:scope-image", args=["breakdown", "png"]) + "?" + urlencode(
            {**params.params_from_scope(scope), "by": "type"}),
        "operators": reverse("pictures:scope-image", args=["breakdown", "png"]) + "?" + urlencode(
            {**params.params_from_scope(scope), "by": "operator"}),
    }
    return render(request, "pictures/scope_map.html", context)
