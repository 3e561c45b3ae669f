"""The public face of a published fact-check: a claim page anyone may read and an embeddable ClaimReview page.

Only a claim whose verdict is published (signed off by a second reviewer, ``exports.is_reviewed``) is shown; any
other claim is a 404, never a hint that it exists. What is public is what the verdict rests on: the claim, its
verdict and rationale, the missions linked as evidence (not the desk's unreviewed suggestions), the timeline of the
claim's reading against the year before, and the ClaimReview JSON-LD.

- ``/claims/<id>/``: the interactive map (Leaflet over Flightcheck's outlines, no tiles) with the server-drawn PNG
  in ``<noscript>`` for readers without JavaScript, and the timeline image.
- ``/claims/<id>/embed``: for an ``<iframe>`` on the publisher's page: no script at all (the JSON-LD aside), the map
  and the timeline as server-side images (PNG, SVG linked), framing allowed.
- ``/claims/<id>/map.png|svg``, ``/claims/<id>/timeline.png|svg``, ``/claims/<id>/map.geojson``,
  ``/claims/<id>/outlines.geojson``: the pictures, cached per claim until its verdict or evidence changes.

Thin views; the pictures are claims.pictures' and evidence.pictures'.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from claims import exports
from claims import pictures as claim_pictures
from claims.models import Claim
from evidence.api.common import JSONLDScriptRenderer
from evidence.pictures import geojson, static
from evidence.pictures.data import pictures_cache
from evidence.pictures.params import ParamError
from evidence.pictures.views import _bbox, _fmt, _zoom, bad_params, geojson_response, map_config

#: How long a drawn public picture is reused at most (the timeline counts missions imports may still add).
PUBLIC_PICTURE_TTL = 600


def published_claim(pk: int) -> Claim:
    """The claim if its verdict is published; 404 otherwise (unpublished claims are not revealed)."""
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=pk)
    if not exports.is_reviewed(claim):
        raise Http404("No published fact-check with this id.")
    return claim


def _version(claim: Claim) -> str:
    """What a cached public picture depends on: the publication, the verdict's time and the linked evidence."""
    links = claim.evidence_links.aggregate(n=Count("id"), last=Max("id"))
    stamp = int(claim.published_at.timestamp()) if claim.published_at else 0
    reviewed = int(claim.reviewed_at.timestamp()) if claim.reviewed_at else 0
    return f"{stamp}:{reviewed}:{links['n']}:{links['last']}"


def public_picture(claim: Claim, kind: str, fmt: str) -> static.Picture | None:
    """The claim's public map or timeline, drawn once per version of the claim (then from the pictures cache)."""
    key = f"fc:pictures:public:{claim.pk}:{kind}:{fmt}:{_version(claim)}"
    cached = pictures_cache().get(key)
    if cached is not None:
        return static.Picture(content=cached[0], content_type=static.FORMATS[fmt], alt=cached[1])
    if kind == "map":
        picture = claim_pictures.claim_map_picture(claim, fmt=fmt, public=True)
    else:
        picture = claim_pictures.claim_timeline_picture(claim, fmt=fmt)
    if picture is not None:
        pictures_cache().set(key, (picture.content, picture.alt), PUBLIC_PICTURE_TTL)
    return picture


@require_GET
def public_image(request: HttpRequest, pk: int, kind: str, fmt: str) -> HttpResponse:
    claim = published_claim(pk)
    picture = public_picture(claim, kind, _fmt(fmt))
    if picture is None:
        raise Http404("This claim has no timeline (it was not read as a scope).")
    response = HttpResponse(picture.content, content_type=picture.content_type)
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def public_geojson(request: HttpRequest, pk: int) -> HttpResponse:
    claim = published_claim(pk)
    response = geojson_response(claim_pictures.claim_tracks_geojson(claim, public=True), request)
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def public_outlines(request: HttpRequest, pk: int) -> HttpResponse:
    """The base layer of a published claim's map (Flightcheck's region outlines, the same as the desk's)."""
    published_claim(pk)
    try:
        bbox, zoom = _bbox(request), _zoom(request, 4)
    except ParamError as exc:
        return bad_params(exc)
    highlight = [s for s in request.GET.get("highlight", "").split(",") if s]
    response = geojson_response(geojson.outlines_geojson(bbox, zoom, highlight=highlight), request)
    response["Cache-Control"] = "public, max-age=3600"
    return response


def claim_review_script(request: HttpRequest, claim: Claim) -> str:
    """The ClaimReview as a ``<script type="application/ld+json">`` element (script-breaking characters escaped)."""
    from claims.api.views import organisation, organisation_names, organisation_url, review_url

    review = exports.claim_review(
        claim, url=review_url(request, claim), organisation=organisation(), organisation_url=organisation_url(),
        organisation_names=organisation_names(),
    )
    review["image"] = request.build_absolute_uri(reverse("claim-public-image", args=[claim.pk, "map", "png"]))
    return JSONLDScriptRenderer().render(review).decode("utf-8")


def _context(request: HttpRequest, claim: Claim) -> dict[str, Any]:
    scope = claim_pictures.claim_picture_scope(claim)
    missions = claim_pictures.claim_mission_groups(claim, public=True)
    alt = claim_pictures.claim_alt(claim, scope, missions)

    def image(kind: str, fmt: str) -> str:
        return reverse("claim-public-image", args=[claim.pk, kind, fmt])

    return {
        "claim": claim,
        "article": claim.article,
        "verdict": claim.get_verdict_display(),
        "published": claim.published_at.astimezone(dt.UTC) if claim.published_at else None,
        "organisation": settings.FACTCHECK_ORGANISATION or "Flightcheck",
        "claim_review": claim_review_script(request, claim),
        "linked": len(missions.linked),
        "map_alt": alt,
        "map_png": image("map", "png"),
        "map_svg": image("map", "svg"),
        "timeline_png": image("timeline", "png") if scope else "",
        "timeline_svg": image("timeline", "svg") if scope else "",
        "timeline_alt": "Missions of the claim's reading per day, week or month against the rate of the year "
                        "before" + (", with the claimed number marked" if claim.stated_count else ""),
        "has_count": bool(claim.stated_count),
        "map_config": map_config(
            tracks_url=reverse("claim-public-geojson", args=[claim.pk]),
            outlines_url=reverse("claim-public-outlines", args=[claim.pk]),
            bounds=claim_pictures.claim_bounds(scope, missions), alt=alt,
            groups=[{"name": claim_pictures.LINKED[0], "colour": claim_pictures.LINKED[1]}],
            highlight=[rf.slug for rf in scope.regions] if scope else [],
        ),
    }


@require_GET
def public_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = published_claim(pk)
    return render(request, "claims/public_claim.html", _context(request, claim))


@require_GET
@xframe_options_exempt
def public_embed(request: HttpRequest, pk: int) -> HttpResponse:
    """The fact-check for an ``<iframe>``: verdict, pictures as images, the ClaimReview JSON-LD; no JavaScript."""
    claim = published_claim(pk)
    return render(request, "claims/claim_embed.html", _context(request, claim))
