"""The accounts app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "microcred.platform.accounts"
    label = "accounts"
