"""Template context every page gets: the visitor's roles (codes, for the menu) and their
names in the page's language (for the person to read)."""

from __future__ import annotations

from django.http import HttpRequest

from .models import Role
from .selectors import roles_of


def roles(request: HttpRequest) -> dict[str, object]:
    codes = roles_of(getattr(request, "user", None))
    names = [str(role.label) for role in Role if role.value in codes]
    return {"roles": codes, "role_names": names}
