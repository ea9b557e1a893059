"""The providers' pages."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "providers"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("register/", views.register, name="register"),
    path("queue/", views.queue, name="queue"),
    path("<int:provider_id>/", views.detail, name="detail"),
    path("<int:provider_id>/decide/", views.decide, name="decide"),
    path("<int:provider_id>/keys/rotate/", views.rotate_key, name="rotate_key"),
    path("<int:provider_id>/invite/", views.invite, name="invite"),
    path("<int:provider_id>/evidence/", views.add_evidence, name="add_evidence"),
    path(
        "<int:provider_id>/evidence/<int:document_id>/", views.evidence_file, name="evidence_file"
    ),
    path("<int:provider_id>/seal/", views.upload_seal, name="upload_seal"),
    path("<int:provider_id>/seal/renew/", views.renew_seal, name="renew_seal"),
    path("<slug:slug>/did.json", views.did_json, name="did_json"),
]
