"""Template context every page gets: the visitor's roles (for the menu)."""

from __future__ import annotations

from django.http import HttpRequest

from .selectors import roles_of


def roles(request: HttpRequest) -> dict[str, frozenset[str]]:
    return {"roles": roles_of(getattr(request, "user", None))}
