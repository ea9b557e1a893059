"""What a page's form shows of a service's refusal: each message of an
:class:`~.errors.PlatformError`'s ``extra["fields"]`` under the field it names, the others
(``__all__``, or a field the form does not have) above the form."""

from __future__ import annotations

__all__ = ["show_field_errors"]

from django import forms

from .errors import PlatformError


def show_field_errors(form: forms.Form, error: PlatformError) -> None:
    """Put ``error``'s per-field messages on ``form`` (in the user's language already)."""
    for name, texts in error.extra.get("fields", {}).items():
        for text in texts:
            form.add_error(name if name in form.fields else None, text)
