"""The catalog app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "microcred.platform.catalog"
    label = "catalog"

    def ready(self) -> None:
        from django.db.models.signals import post_save, pre_save

        from ..providers.models import Provider
        from ..providers.signals import provider_status_changed
        from .facets import on_provider_saved, on_provider_saving
        from .listing import on_provider_status_changed

        provider_status_changed.connect(on_provider_status_changed,
                                        dispatch_uid="catalog-listing")  # fmt: skip
        # a provider's legal name is in its versions' searched text (catalog/facets.py);
        # Django's model signals, as no one service owns a provider's every save
        pre_save.connect(on_provider_saving, sender=Provider, dispatch_uid="catalog-name")
        post_save.connect(on_provider_saved, sender=Provider, dispatch_uid="catalog-name")
