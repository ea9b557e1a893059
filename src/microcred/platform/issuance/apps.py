"""The issuance app's configuration."""

from __future__ import annotations

from django.apps import AppConfig


class IssuanceConfig(AppConfig):
    name = "microcred.platform.issuance"
    label = "issuance"
