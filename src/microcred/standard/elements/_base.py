"""The model base shared by every element: unknown fields are errors, never dropped.

A validator refuses a value with ``ValueError(reason)``, the
:class:`~microcred.standard.messages.Reason` of one of the message constants: pydantic
shows its English, and a design file's problem says it in English and Polish.
"""

from __future__ import annotations

__all__ = [
    "CONTROL_CHARACTER",
    "NOT_A_URI",
    "NOT_A_WEB_ADDRESS",
    "URI_WITH_SPACES",
    "Element",
    "Uri",
    "WebUrl",
    "refuse_control_characters",
]

import unicodedata
import urllib.parse
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator

from ..messages import Message

#: a control character or bidi override in a text
CONTROL_CHARACTER = Message(
    "control_character",
    "contains a control character (U+{code})",
    "zawiera znak sterujący (U+{code})",
)
#: a relative reference or a bare word where an absolute URI belongs
NOT_A_URI = Message(
    "not_a_uri",
    "{value!r} is not an absolute URI (e.g. https://..., urn:..., did:...)",
    "{value!r} to nie jest bezwzględny URI (np. https://..., urn:..., did:...)",
)
URI_WITH_SPACES = Message(
    "uri_with_spaces",
    "{value!r} is not a URI: it contains spaces",
    "{value!r} to nie jest URI: zawiera spacje",
)
NOT_A_WEB_ADDRESS = Message(
    "not_a_web_address",
    "{value!r} is not a web address (https://host/...)",
    "{value!r} to nie jest adres internetowy (https://host/...)",
)

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def refuse_control_characters(text: str) -> str:
    """Refuse C0/C1 control characters (but tab and newline) and bidi overrides: they
    can hide text or drive a terminal ("Trojan Source"), and no credential needs them."""
    for char in text:
        if char in "\n\t":
            continue
        if unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            raise ValueError(CONTROL_CHARACTER(code=f"{ord(char):04X}"))
    return text


class Element(BaseModel):
    """Base of every element model: frozen, strict about unknown fields."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        use_enum_values=False,
    )

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        if isinstance(value, str):
            refuse_control_characters(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    refuse_control_characters(item)
        return value


def _uri(value: str) -> str:
    # A URI here is an absolute identifier (http(s), urn, did); a relative
    # reference or a bare word is a typo worth reporting.
    scheme, sep, rest = value.partition(":")
    if not sep or not rest or not scheme.isascii() or not scheme[:1].isalpha():
        raise ValueError(NOT_A_URI(value=value))
    if any(ch.isspace() for ch in value):
        raise ValueError(URI_WITH_SPACES(value=value))
    return value


def _web_url(value: str) -> str:
    _uri(value)
    parts = urllib.parse.urlsplit(value)
    if parts.scheme.lower() not in ("https", "http") or not parts.hostname:
        raise ValueError(NOT_A_WEB_ADDRESS(value=value))
    return value


Uri = Annotated[str, AfterValidator(_uri)]
WebUrl = Annotated[str, AfterValidator(_web_url)]
