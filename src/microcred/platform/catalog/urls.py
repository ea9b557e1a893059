"""The catalog's pages."""

from __future__ import annotations

from django.urls import path

from . import preview_views, studio_views, views

app_name = "catalog"
urlpatterns = [
    path("providers/<int:provider_id>/", views.designs, name="designs"),
    path("versions/<int:version_id>/", views.version, name="version"),
    path("versions/<int:version_id>/design.yaml", views.design_file, name="design_file"),
    path("versions/<int:version_id>/submit/", views.submit, name="submit"),
    path("providers/<int:provider_id>/new/", studio_views.new, name="new"),
    path("providers/<int:provider_id>/new/check/", studio_views.new_check, name="new_check"),
    path("versions/<int:version_id>/edit/", studio_views.edit, name="edit"),
    path("versions/<int:version_id>/edit/check/", studio_views.edit_check, name="edit_check"),
    path(
        "versions/<int:version_id>/preview/ob3.json",
        preview_views.document,
        {"kind": "ob3"},
        name="preview_ob3",
    ),
    path(
        "versions/<int:version_id>/preview/edc.jsonld",
        preview_views.document,
        {"kind": "edc"},
        name="preview_edc",
    ),
    path(
        "versions/<int:version_id>/preview/certificate.pdf", preview_views.pdf, name="preview_pdf"
    ),
    path("versions/<int:version_id>/badge/", preview_views.badge_upload, name="badge_upload"),
    path("<int:design_id>/badge", preview_views.badge, name="badge"),
]
