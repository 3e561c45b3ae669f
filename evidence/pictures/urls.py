"""Picture routes, included under ``/pictures/`` (namespace ``pictures``) by project/urls.py; ``/scope/map`` is
mounted there too."""
from django.urls import include, path, re_path

from . import views

app_name = "pictures"

FMT = r"(?P<fmt>png|svg)"

urlpatterns = [
    re_path(rf"^missions/(?P<pk>[0-9]{{1,18}})/map\.{FMT}$", views.mission_image, name="mission-image"),
    re_path(r"^missions/(?P<pk>[0-9]{1,18})/map\.geojson$", views.mission_geojson, name="mission-geojson"),
    re_path(rf"^scope/(?P<kind>map|timeline|breakdown)\.{FMT}$", views.scope_image, name="scope-image"),
    path("scope/missions.geojson", views.scope_geojson, name="scope-geojson"),
    path("outlines.geojson", views.outlines, name="outlines"),
    re_path(rf"^s/(?P<token>[A-Za-z0-9_:.\-]{{10,4000}})\.{FMT}$", views.signed_image, name="signed-image"),
    path("claims/", include("claims.pictures_urls")),
]
