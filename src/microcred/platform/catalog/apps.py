"""The catalog app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "microcred.platform.catalog"
    label = "catalog"

    def ready(self) -> None:
        from ..providers.signals import provider_status_changed
        from .listing import on_provider_status_changed

        provider_status_changed.connect(on_provider_status_changed,
                                        dispatch_uid="catalog-listing")  # fmt: skip
