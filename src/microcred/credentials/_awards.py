"""What the credential readers (``ob3.read``, ``edc.read``) share: the award (or the
specification) they gathered from a document, validated, with a model error turned into
the reader's own error."""

from __future__ import annotations

__all__ = ["refuse_grade_off_scale", "validated_award", "validated_spec"]

from typing import Any

from pydantic import ValidationError

from ..standard.elements import Award, MicroCredentialSpec, grade_problem
from ._json import clean
from .errors import CredentialError


def validated_award(data: dict[str, Any], error: type[CredentialError]) -> Award:
    """``data`` (empty values dropped) as an :class:`Award`; raises ``error`` naming the
    first field that does not fit."""
    try:
        return Award.model_validate(clean(data))
    except ValidationError as exc:
        raise _error(exc, error) from None


def refuse_grade_off_scale(award: Award) -> None:
    """Raise the standard's :class:`~microcred.standard.errors.GradeError` when the
    award's grade is not a passing grade of its design's scale: a builder must not write
    into a credential or a certificate what ``microcred build`` and ``issue()`` refuse
    (an ``Award`` itself may hold one: the compliance check reports it)."""
    if award.grade is not None and (problem := grade_problem(award.spec, award.grade)):
        raise problem


def validated_spec(data: dict[str, Any], error: type[CredentialError]) -> MicroCredentialSpec:
    """``data`` (empty values dropped) as the :class:`MicroCredentialSpec` of an award;
    raises ``error`` naming the first field that does not fit (as ``spec.…``)."""
    try:
        return MicroCredentialSpec.model_validate(clean(data))
    except ValidationError as exc:
        raise _error(exc, error, "spec") from None


def _error(exc: ValidationError, error: type[CredentialError], *within: str) -> CredentialError:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in (*within, *first["loc"]))
    return error(f"cannot read the EU elements: {where}: {first['msg']}")
