"""``verify(anything) -> VerificationReport``: check a credential from anyone.

Accepts a parsed JSON-LD credential, or bytes/text: JSON, a compact JWT, a JAdES-sealed
EDC, a baked PNG or SVG badge, or a PDF certificate with credentials attached (each one
verified). Runs, in order: format, schema, data model, contexts, proof, issuer binding,
validity dates, status, EU elements, trust; each check is pass / fail / warning /
not-applicable with a reason in Polish and English.

Never raises on what a stranger sends, never touches the network (the caller injects a
DID :class:`~microcred.credentials.dids.Resolver`), and caps the input (1 MiB, nesting
depth) so that a hostile document is rejected quickly. ``now`` and the allowed clock
skew are injectable.
"""

from __future__ import annotations

__all__ = [
    "MAX_BYTES",
    "PDF_MAX_BYTES",
    "Check",
    "CheckStatus",
    "Result",
    "Signer",
    "StaticTrustList",
    "TrustEntry",
    "TrustList",
    "VerificationReport",
    "verify",
]

from .pipeline import MAX_BYTES, PDF_MAX_BYTES, verify
from .report import Check, CheckStatus, Result, Signer, VerificationReport
from .trust import StaticTrustList, TrustEntry, TrustList
