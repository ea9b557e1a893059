"""The one application error of the platform, mapped once to HTTP (``{"message", "code",
"extra"}``, :mod:`.api`) and to pages (:mod:`.middleware`).

Services raise a :class:`PlatformError` subclass with a :class:`~microcred.standard.
messages.Message` constant and its parameters; nothing is written when one is raised
(services validate before they save, inside one transaction).
"""

from __future__ import annotations

__all__ = [
    "ConflictError",
    "InvalidInputError",
    "NotFoundError",
    "PermissionDeniedError",
    "PlatformError",
]

from typing import Any, ClassVar

from ...standard.messages import Message, Reason
from . import messages as m


class PlatformError(Exception):
    """An error a person can act on: its message in Polish and English, a machine code,
    the HTTP status it maps to, and ``extra`` details (per-field errors, for one)."""

    status: ClassVar[int] = 400

    def __init__(self, message: Message, *, extra: dict[str, Any] | None = None,
                 **params: Any) -> None:  # fmt: skip
        self.reason: Reason = message(**params)
        self.extra = extra or {}
        super().__init__(self.reason.en)

    @property
    def code(self) -> str:
        """The machine code of the message."""
        return self.reason.code

    def text(self, lang: str) -> str:
        """The message in ``pl`` or ``en``."""
        return self.reason.text(lang)

    def as_json(self, lang: str) -> dict[str, Any]:
        """The error shape of the API."""
        return {"message": self.text(lang), "code": self.code, "extra": self.extra}


class InvalidInputError(PlatformError):
    """The input breaks a rule; ``extra["fields"]`` maps each field to its messages."""

    status = 422


class PermissionDeniedError(PlatformError):
    """The person may not do this (they may see the object)."""

    status = 403

    def __init__(self, message: Message = m.PERMISSION_DENIED, **params: Any) -> None:
        super().__init__(message, **params)


class NotFoundError(PlatformError):
    """No such object — also what someone outside an organisation is told of its data,
    so that its existence is not leaked."""

    status = 404

    def __init__(self, message: Message = m.NOT_FOUND, **params: Any) -> None:
        super().__init__(message, **params)


class ConflictError(PlatformError):
    """The object is not in a state that allows this (a decision on a rejected provider)."""

    status = 409
