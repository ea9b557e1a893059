"""The ESCO pages."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "esco"
urlpatterns = [
    path("skills/", views.search, name="search"),
    path("skills/<uuid:skill_id>/", views.skill, name="skill"),
]
