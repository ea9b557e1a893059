"""What the credential readers (``ob3.read``, ``edc.read``) share: the award they gathered
from a document, validated, with a model error turned into the reader's own error."""

from __future__ import annotations

__all__ = ["validated_award"]

from typing import Any

from pydantic import ValidationError

from ..standard.elements import Award
from ._json import clean
from .errors import CredentialError


def validated_award(data: dict[str, Any], error: type[CredentialError]) -> Award:
    """``data`` (empty values dropped) as an :class:`Award`; raises ``error`` naming the
    first field that does not fit."""
    try:
        return Award.model_validate(clean(data))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise error(f"cannot read the EU elements: {where}: {first['msg']}") from None
