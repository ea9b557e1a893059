"""The registry's public pages."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:version_id>/", views.page, name="page"),
    # machine-readable exports and providers' public profiles
    path("<int:version_id>/achievement.jsonld", views.achievement_jsonld, name="achievement"),
    path("<int:version_id>/elm.jsonld", views.elm_jsonld, name="elm"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("providers/<slug:slug>/", views.provider, name="provider"),
]
