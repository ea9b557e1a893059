"""The catalog app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "microcred.platform.catalog"
    label = "catalog"
