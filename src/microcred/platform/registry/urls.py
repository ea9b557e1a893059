"""The registry's public pages."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("", views.search, name="search"),
    path("<int:version_id>/", views.page, name="page"),
]
