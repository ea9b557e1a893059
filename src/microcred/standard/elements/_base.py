"""The model base shared by every element: unknown fields are errors, never dropped."""

from __future__ import annotations

__all__ = ["Element", "HttpsUrl", "Uri"]

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


class Element(BaseModel):
    """Base of every element model: frozen, strict about unknown fields."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        use_enum_values=False,
    )


def _uri(value: str) -> str:
    # A URI here is an absolute identifier (http(s), urn, did); a relative
    # reference or a bare word is a typo worth reporting.
    scheme, sep, rest = value.partition(":")
    if not sep or not rest or not scheme.isascii() or not scheme[:1].isalpha():
        raise ValueError(f"{value!r} is not an absolute URI (e.g. https://..., urn:..., did:...)")
    if any(ch.isspace() for ch in value):
        raise ValueError(f"{value!r} is not a URI: it contains spaces")
    return value


def _https_url(value: str) -> str:
    _uri(value)
    if not value.lower().startswith(("https://", "http://")):
        raise ValueError(f"{value!r} is not a web address (https://...)")
    return value


Uri = Annotated[str, AfterValidator(_uri)]
HttpsUrl = Annotated[str, AfterValidator(_https_url)]
