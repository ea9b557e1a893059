"""Lists of trusted entities, ETSI TS 119 602 V1.1.1 (LoTE), JSON binding: the signed
register of recognised issuers that the ``trust`` check of :func:`~microcred.credentials.
verify.verify` consults (:class:`LoteTrustList`).

Why this format: it is the EU's current data model for lists of trusted entities (the
successor of the TS 119 612 trusted lists, used for the EUDI wallet's anchor lists), it
has a JSON binding signed as a compact JWS, and it keeps each service's status history
(``ServiceStatus``, ``StatusStartingTime``, ``ServiceHistory``), which is what lets a
credential signed before a key was rotated or a provider suspended still be confirmed,
and one signed after not. A provider is a ``TrustedEntity``; each of its signing keys is
a ``TrustedEntityService`` whose ``ServiceDigitalIdentity`` holds the public key
(``PublicKeyValues``, a JWK) and, in ``OtherIds``, its DID and verification method; each
of its e-seal certificates (for EDCs) is a service whose identity holds the certificate
(``X509Certificates``), its subject and, in ``OtherIds``, the DID and the certificate's
``sha256:`` fingerprint, the id ``verify`` gives a seal's signer.

Where this list departs from the EU profiles (it is a profile of its own, ``LoTEType``
:data:`LOTE_TYPE`): its keys are Ed25519 JWKs (``kty`` OKP, which ETSI's JSON schema for
JWKs does not list), its services carry DIDs in ``OtherIds`` (TS 119 602 gives them no
meaning of its own), the statuses are TS 119 612's ``granted`` / ``withdrawn``, and the
list is signed by the operator's did:web key (``kid``), not by an X.509 certificate.
The QA body that verified a provider is named in ``TEInformationExtensions``.
"""

from __future__ import annotations

__all__ = [
    "GRANTED",
    "LOTE_TYPE",
    "WITHDRAWN",
    "KeyPeriod",
    "LoteTrustList",
    "Scheme",
    "SealPeriod",
    "TrustedIssuer",
    "read_lote",
    "sign_lote",
    "to_lote",
]

from typing import TYPE_CHECKING, Any

from .build import (
    GRANTED,
    LOTE_TYPE,
    WITHDRAWN,
    KeyPeriod,
    Scheme,
    SealPeriod,
    TrustedIssuer,
    sign_lote,
    to_lote,
)

if TYPE_CHECKING:
    from .read import LoteTrustList, read_lote


def __getattr__(name: str) -> Any:
    # the reader needs the verify pipeline (about 0.4 s to import): a builder of lists,
    # such as the platform, does not load it
    if name in ("LoteTrustList", "read_lote"):
        from . import read

        return getattr(read, name)
    raise AttributeError(name)
