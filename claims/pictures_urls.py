"""A claim's pictures, included under ``/pictures/claims/`` (namespace ``pictures``)."""
from django.urls import re_path

from claims import pictures

urlpatterns = [
    re_path(r"^(?P<pk>[0-9]{1,18})/(?P<kind>map|timeline)\.(?P<fmt>png|svg)$", pictures.claim_image,
            name="claim-image"),
    re_path(r"^(?P<pk>[0-9]{1,18})/map\.geojson$", pictures.claim_geojson, name="claim-geojson"),
]
