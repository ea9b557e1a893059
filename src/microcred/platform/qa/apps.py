"""The qa app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "microcred.platform.qa"
    label = "qa"
