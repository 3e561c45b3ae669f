"""A mission's track as a small inline SVG for the admin (no map tiles: nothing is fetched from outside)."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString

from evidence.models import Mission

WIDTH, HEIGHT = 520, 320


def track_svg(mission: Mission, *, max_points: int = 2000) -> SafeString | str:
    from evidence.flightdata.trackcodec import decode_track

    if not mission.track:
        return "No positions stored."
    track = decode_track(bytes(mission.track))
    lats, lons = track.lat, track.lon
    if len(lats) == 0:
        return "No positions stored."
    step = max(1, len(lats) // max_points)
    lats, lons = lats[::step], lons[::step]
    min_lat, max_lat = float(lats.min()), float(lats.max())
    min_lon, max_lon = float(lons.min()), float(lons.max())
    span = max(max_lat - min_lat, max_lon - min_lon, 0.01)
    scale = min(WIDTH, HEIGHT) / span * 0.95
    points = " ".join(
        f"{(lon - min_lon) * scale + 5:.1f},{HEIGHT - ((lat - min_lat) * scale + 5):.1f}"
        for lat, lon in zip(lats.tolist(), lons.tolist(), strict=True)
    )
    return format_html(
        '<svg width="{}" height="{}" viewBox="0 0 {} {}" role="img" aria-label="Track of {}" '
        'style="border:1px solid #ccc;background:#f7fbff"><polyline points="{}" fill="none" stroke="#ba2121" '
        'stroke-width="1.5"/></svg><br><small>lat {}–{}, lon {}–{} (north up, equirectangular)</small>',
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        mission,
        points,
        # format_html escapes its arguments into strings first, so numbers are formatted here, not in the template.
        f"{min_lat:.2f}",
        f"{max_lat:.2f}",
        f"{min_lon:.2f}",
        f"{max_lon:.2f}",
    )
