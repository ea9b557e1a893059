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
]
