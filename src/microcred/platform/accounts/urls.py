"""Logging in and out (Django's views, the platform's templates)."""

from __future__ import annotations

from django.contrib.auth import views as auth
from django.urls import path

app_name = "accounts"
urlpatterns = [
    path("login/", auth.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
]
