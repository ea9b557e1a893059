"""The QA body's pages."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "qa"
urlpatterns = [
    path("designs/", views.queue, name="queue"),
    path("designs/<int:version_id>/review/", views.review, name="review"),
]
