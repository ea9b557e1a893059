"""Errors of the credentials layer, grouped by concern under one root.

Builders and signers raise these on misuse; ``verify`` catches them and turns each
into a failed check with its ``code`` and a readable reason.
"""

from __future__ import annotations

__all__ = [
    "BakingError",
    "ContextError",
    "CredentialError",
    "DidError",
    "InvalidKeyError",
    "JsonLdError",
    "ProofError",
    "StatusError",
    "UnknownContextError",
]

from ..standard.errors import MicrocredError


class CredentialError(MicrocredError):
    """Root of the errors about credentials, keys, proofs and documents."""

    code = "credential_error"
    description = "the credential could not be processed"


class ContextError(CredentialError):
    """A JSON-LD context problem."""

    code = "context_error"
    description = "a JSON-LD context could not be used"


class UnknownContextError(ContextError):
    """A context URL that is not pinned in the package; it is never fetched."""

    code = "unknown_context"
    description = "the JSON-LD context is not one of the pinned contexts"


class JsonLdError(CredentialError):
    """JSON-LD processing failed, or would have silently dropped or changed data."""

    code = "jsonld_error"
    description = "the document is not valid JSON-LD"


class InvalidKeyError(CredentialError):
    """A key that is malformed, of an unsupported type, or of the wrong kind."""

    code = "key_error"
    description = "the key could not be used"


class DidError(CredentialError):
    """A DID that could not be parsed or resolved."""

    code = "did_error"
    description = "the DID could not be resolved"


class ProofError(CredentialError):
    """A proof that could not be created or does not verify."""

    code = "invalid_proof"
    description = "the proof is not valid"


class BakingError(CredentialError):
    """A file a credential should be extracted from — a PNG or SVG badge, a PDF
    certificate — that holds none, several, or cannot be read."""

    code = "baking_error"
    description = "no credential could be read from the file"


class StatusError(CredentialError):
    """A status list that could not be fetched, read or trusted."""

    code = "status_error"
    description = "the credential status could not be checked"
