"""The one error the e-seal builders raise on misuse."""

from __future__ import annotations

__all__ = ["SealError"]

from ..errors import CredentialError


class SealError(CredentialError):
    """An e-seal that cannot be made, or seal credentials that cannot be used.

    Raised by the builders (:func:`seal`, :func:`load_seal_credentials`,
    :func:`self_signed_seal_certificate`) on misuse; :func:`verify_seal` never raises it
    for anything in the sealed document.
    """

    code = "seal_error"
    description = "the e-seal could not be made"
