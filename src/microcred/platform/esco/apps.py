"""The ESCO app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class EscoConfig(AppConfig):
    name = "microcred.platform.esco"
    label = "esco"
