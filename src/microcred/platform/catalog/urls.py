"""The catalog's pages."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "catalog"
urlpatterns = [
    path("providers/<int:provider_id>/", views.designs, name="designs"),
    path("versions/<int:version_id>/", views.version, name="version"),
    path("versions/<int:version_id>/design.yaml", views.design_file, name="design_file"),
    path("versions/<int:version_id>/submit/", views.submit, name="submit"),
]
