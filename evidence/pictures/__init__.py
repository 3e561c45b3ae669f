"""Pictures as evidence: mission maps, activity timelines against a baseline, breakdown charts.

- ``data``: the reads every picture is drawn from (tracks cut at reception gaps, region outlines, timeline buckets
  with the baseline rate and the claimed rate) — no drawing here.
- ``static``: PNG/SVG with matplotlib (Agg, no pyplot state) for places with no JavaScript: chat, exports, embeds.
- ``geojson``: the same data as GeoJSON for the Leaflet maps (outlines by bbox and zoom, tracks simplified for the
  zoom, a bounded number of points sent).
- ``params``: the scope of a picture from URL parameters (the names of the missions API's filters), and signed
  picture tokens for chat platforms that fetch an image URL without a session.
- ``views`` / ``urls``: thin views under ``/pictures/`` and the ``/scope/map`` page.

Nothing is fetched at run time: no tile server; Leaflet is served from django-leaflet's static files.
"""
