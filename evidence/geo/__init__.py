"""Region geometries (offline, from installed packages) and fast region tagging of flight tracks.

* :mod:`evidence.geo.boundaries` — :func:`load_region_definitions`, ``ATTRIBUTION``.
* :mod:`evidence.geo.tagging` — :class:`RegionTagger`, :class:`RegionHit`.
* :mod:`evidence.geo.projection` — the grid of metric (LAEA) zones used for every distance.
"""
