"""The registry app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "microcred.platform.registry"
    label = "registry"
