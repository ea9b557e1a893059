"""The providers app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    name = "microcred.platform.providers"
    label = "providers"
