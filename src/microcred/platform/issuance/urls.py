"""The issuance pages."""

from __future__ import annotations

from django.urls import path

from . import batch_views, claim_views, dashboard_views, views

app_name = "issuance"
urlpatterns = [
    path("versions/<int:version_id>/new/", views.issue_one, name="issue"),
    path("providers/<int:provider_id>/", views.provider_awards, name="provider_awards"),
    path(
        "providers/<int:provider_id>/dashboard/",
        dashboard_views.provider_dashboard,
        name="provider_dashboard",
    ),
    path(
        "providers/<int:provider_id>/dashboard/awards-per-month.csv",
        dashboard_views.dashboard_csv,
        name="provider_dashboard_csv",
    ),
    path("mine/", views.mine, name="mine"),
    path("<uuid:award_id>/", views.award, name="award"),
    path("<uuid:award_id>/revoke/", views.revoke, name="revoke"),
    path("<uuid:award_id>/correct/", views.correct, name="correct"),
    path("<uuid:award_id>/suspend/", views.suspend, name="suspend"),
    path("<uuid:award_id>/reinstate/", views.suspend, {"lift": True}, name="reinstate"),
    path("<uuid:award_id>/certificate.pdf", views.certificate, name="certificate"),
    path("<uuid:award_id>/badge", views.badge, name="badge"),
    path("<uuid:award_id>/ob3.json", views.download, {"fmt": "ob3"}, name="ob3"),
    path("<uuid:award_id>/edc.json", views.download, {"fmt": "edc"}, name="edc"),
    path("claim/<str:token>/", claim_views.claim, name="claim"),
    path("claim/<str:token>/<str:name>", claim_views.claim_file, name="claim_file"),
    path("versions/<int:version_id>/batch/", batch_views.upload, name="upload"),
    path(
        "providers/<int:provider_id>/batches/",
        batch_views.provider_batches,
        name="provider_batches",
    ),
    path("batches/<uuid:batch_id>/", batch_views.batch, name="batch"),
    path("batches/<uuid:batch_id>/progress", batch_views.progress, name="batch_progress"),
    path("batches/<uuid:batch_id>/start/", batch_views.start, name="batch_start"),
    path("batches/<uuid:batch_id>/discard/", batch_views.discard, name="batch_discard"),
    path(
        "batches/<uuid:batch_id>/results.csv",
        batch_views.report,
        {"kind": "results"},
        name="batch_results",
    ),
    path(
        "batches/<uuid:batch_id>/errors.csv",
        batch_views.report,
        {"kind": "errors"},
        name="batch_errors",
    ),
]

#: the published status lists, under ``/status/`` (namespace ``status``)
status_urlpatterns = [path("<uuid:list_id>", views.status_list, name="list")]
