"""What the skill picker posts, read back: ``skill_uris_from(request.POST, name)``.

The picker (``esco/_skill_picker.html``) posts each chosen skill as one value of its
field; without JavaScript it is a textarea with one URI a line. Both come back here as
one list, in order, each URI once.
"""

from __future__ import annotations

__all__ = ["skill_uris_from"]

from django.http import QueryDict


def skill_uris_from(data: QueryDict, name: str) -> list[str]:
    """The URIs posted under ``name`` (several values, each possibly several lines)."""
    uris = (uri for value in data.getlist(name) for uri in value.split())
    return list(dict.fromkeys(uris))
