"""The language of the request being served: ``pl`` or ``en`` (Polish by default)."""

from __future__ import annotations

__all__ = ["current_language"]

from django.utils import translation


def current_language() -> str:
    """The active language's code (Django's ``LocaleMiddleware`` sets it), or ``pl``."""
    return translation.get_language() or "pl"
