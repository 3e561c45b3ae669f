"""Re-tag stored missions against the current regions (after ``seed_reference`` added or changed boundaries, or
after the tagger improved). Reads each mission's stored track; one transaction per batch of missions."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import transaction

from evidence.flightdata.trackcodec import decode_track
from evidence.models import Mission
from evidence.services.flight_import import default_region_tagger, replace_region_links, tag_tracks


def retag_missions(
    *, queryset=None, batch_size: int = 200, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Replace the region rows of every mission in ``queryset`` (default: all). Returns counts."""
    tagger = default_region_tagger()
    if tagger is None:
        raise ValueError("There are no regions: run `manage.py seed_reference` first.")
    cap = float(settings.REGION_DISTANCE_CAP_NM)
    ids = list(
        (queryset if queryset is not None else Mission.objects.all()).order_by("pk").values_list("pk", flat=True)
    )
    done = links = 0
    for i in range(0, len(ids), batch_size):
        missions = list(
            Mission.objects.filter(pk__in=ids[i : i + batch_size]).only(
                "pk", "track", "start", "aircraft_type_id", "aircraft_id", "has_orbit"
            )
        )
        tracks = {}
        for mission in missions:
            positions = decode_track(bytes(mission.track)) if mission.track else None
            if positions is not None and len(positions):
                tracks[mission.pk] = (positions.lon, positions.lat)
        with_track = [m for m in missions if m.pk in tracks]
        tags = tag_tracks(tagger, [tracks[m.pk] for m in with_track], cap_nm=cap) if with_track else []
        with transaction.atomic():
            links += replace_region_links(list(zip(with_track, tags, strict=True)))
        done += len(missions)
        if progress:
            progress(len(missions))
    return {"missions": done, "region_links": links}
