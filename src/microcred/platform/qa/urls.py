"""The QA pages: the queue, a version's checklist, a design's history, statistics, the
provider's dashboard."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "qa"
urlpatterns = [
    path("designs/", views.queue, name="queue"),
    path("designs/<int:version_id>/review/", views.review, name="review"),
    path("history/<int:design_id>/", views.history, name="history"),
    path("stats/", views.stats, name="stats"),
    path("mine/", views.mine, name="mine"),
    path("providers/<int:provider_id>/", views.dashboard, name="dashboard"),
    path("feedback/<uuid:award_id>/", views.feedback, name="feedback"),
]
