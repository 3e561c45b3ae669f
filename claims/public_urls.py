"""Public pages of published fact-checks, mounted at ``/claims/`` by project/urls.py (claims/public.py)."""
from django.urls import re_path

from claims import public

PK = r"(?P<pk>[0-9]{1,18})"

urlpatterns = [
    re_path(rf"^{PK}/$", public.public_claim, name="claim-public"),
    re_path(rf"^{PK}/embed$", public.public_embed, name="claim-public-embed"),
    re_path(rf"^{PK}/(?P<kind>map|timeline)\.(?P<fmt>png|svg)$", public.public_image, name="claim-public-image"),
    re_path(rf"^{PK}/map\.geojson$", public.public_geojson, name="claim-public-geojson"),
    re_path(rf"^{PK}/outlines\.geojson$", public.public_outlines, name="claim-public-outlines"),
]
