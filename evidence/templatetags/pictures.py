"""``{% mission_map mission %}``: the interactive map of a mission and its PNG/SVG links (the mission page)."""
from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from evidence.models import Mission
from evidence.pictures import build, data
from evidence.pictures.views import map_config

register = template.Library()


@register.inclusion_tag("pictures/_map.html")
def mission_map(mission: Mission) -> dict[str, Any]:
    track = data.mission_track(mission)
    box = data.union_bounds(track.bounds(), *[(n.region_lon, n.region_lat, n.region_lon, n.region_lat)
                                              for n in track.near])
    alt = build.mission_alt(mission, track)
    return {
        "map_id": f"fc-mission-map-{mission.pk}",
        "map_alt": alt,
        "map_config": map_config(
            tracks_url=reverse("pictures:mission-geojson", args=[mission.pk]),
            bounds=box or (mission.min_lon, mission.min_lat, mission.max_lon, mission.max_lat), alt=alt,
            highlight=[slug for slug, _ in track.over],
        ),
        "map_png": reverse("pictures:mission-image", args=[mission.pk, "png"]),
        "map_svg": reverse("pictures:mission-image", args=[mission.pk, "svg"]),
    }
