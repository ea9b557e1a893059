"""The uptake pages."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "uptake"
urlpatterns = [
    path("", views.page, name="page"),
    path("export.csv", views.export_csv, name="csv"),
]
