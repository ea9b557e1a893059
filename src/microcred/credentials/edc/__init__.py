"""Europass European Digital Credentials (European Learning Model v3)."""

from .mapping import EdcError, from_edc

__all__ = ["EdcError", "from_edc"]
