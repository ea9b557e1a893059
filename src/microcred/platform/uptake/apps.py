"""The uptake app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class UptakeConfig(AppConfig):
    name = "microcred.platform.uptake"
    label = "uptake"
