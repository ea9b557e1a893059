"""The core app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "microcred.platform.core"
    label = "core"
