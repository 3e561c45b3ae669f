from django.contrib import admin
from django.urls import include, path

from evidence.pictures import views as pictures
from project import views

admin.site.site_header = "Flightcheck"
admin.site.site_title = "Flightcheck"
admin.site.index_title = "The fact-checker's desk"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("admin/", admin.site.urls),
    path("api/", include("project.api")),
    path("bot/", include("bot.urls")),
    path("pictures/", include("evidence.pictures.urls")),
    path("scope/map", pictures.scope_map_page, name="scope-map"),
    path("claims/", include("claims.public_urls")),
]
