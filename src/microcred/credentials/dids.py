"""Decentralized identifiers: ``did:key`` (derived, no lookup) and ``did:web`` (a DID
document from a local store first; from the web only when the caller allows it).

``Resolver().resolve(did)`` returns the DID document; ``verification_method(url)``
returns the key a proof names and the relationships it is listed under::

    did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVn...
      -> Multikey, controller did:key:z6Mk..., in assertionMethod and authentication

A bare did:key (``did:key:z6Mk…``, no fragment) is its one key; any other DID must name
the key with a ``#fragment``.

An issuer signs with the method of its DID that holds its key and is listed under
``assertionMethod`` (VC Data Integrity 1.0 §2.1, DID Core §5.3.2):
``issuer_verification_method(key, "did:web:uni.example", resolver=…)`` finds it or
raises :class:`NotIssuerKeyError` / :class:`NotAssertionMethodError`.

Network resolution of did:web is off by default; when allowed it goes through
:mod:`.fetch` (https only, public addresses only, size and time caps).
"""

from __future__ import annotations

__all__ = [
    "DidDocument",
    "NotAssertionMethodError",
    "NotIssuerKeyError",
    "Resolver",
    "VerificationMethod",
    "did_key_document",
    "did_web_document",
    "did_web_url",
    "issuer_verification_method",
]

import json
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import DidError, InvalidKeyError, NotAssertionMethodError, NotIssuerKeyError
from .keys import KeyPair
from .messages import KEY_NOT_OF_ISSUER

DidDocument = dict[str, Any]
_RELATIONSHIPS = ("assertionMethod", "authentication", "capabilityInvocation",
                  "capabilityDelegation", "keyAgreement")  # fmt: skip


@dataclass(frozen=True)
class VerificationMethod:
    """A resolved verification method: its id (the full URL), controller, key, the
    relationships listing it, and its ``type`` as the DID document writes it."""

    id: str
    controller: str
    key: KeyPair
    relationships: frozenset[str] = field(default_factory=frozenset)
    type: str = ""


_MULTIKEY_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


def _multikey_method(vm_id: str, controller: str, key: KeyPair) -> dict[str, str]:
    """A ``Multikey`` verification method (Controlled Identifiers 1.0 §2.2.2)."""
    return {"id": vm_id, "type": "Multikey", "controller": controller,
            "publicKeyMultibase": key.public_multibase}  # fmt: skip


def did_key_document(did: str) -> DidDocument:
    """The DID document a ``did:key`` (Ed25519 or P-256 Multikey) expands to."""
    if not did.startswith("did:key:"):
        raise DidError(f"{did!r} is not a did:key")
    multibase = did.removeprefix("did:key:")
    try:
        key = KeyPair.from_multikey(multibase)
    except InvalidKeyError as exc:
        raise DidError(f"{did!r}: {exc.message}") from None
    vm_id = f"{did}#{multibase}"
    return {
        "@context": _MULTIKEY_CONTEXTS,
        "id": did,
        "verificationMethod": [_multikey_method(vm_id, did, key)],
        "assertionMethod": [vm_id],
        "authentication": [vm_id],
        "capabilityInvocation": [vm_id],
        "capabilityDelegation": [vm_id],
    }


def did_web_document(did: str, keys: Mapping[str, KeyPair]) -> DidDocument:
    """The DID document of a ``did:web`` whose keys are ``keys`` (fragment → public key):
    each a ``Multikey`` method listed under ``assertionMethod`` and ``authentication``.

    Every key stays listed after a newer one is added, so that what an older key signed
    still verifies; which key was valid when is for a trust list to say, not for the DID
    document (DID Core §5.3: a method's presence makes no claim about time)::

        did_web_document("did:web:example.org:providers:nip-7770001111",
                         {"key-1": old, "key-2": new})
        → {"id": "did:web:…", "verificationMethod": [{"id": "did:web:…#key-1", …}, …],
           "assertionMethod": ["did:web:…#key-1", "did:web:…#key-2"], …}
    """
    did_web_url(did)  # raises DidError when it is no valid did:web
    if not keys:
        raise DidError(f"{did!r}: a DID document needs at least one key")
    ids = [f"{did}#{fragment}" for fragment in keys]
    return {
        "@context": _MULTIKEY_CONTEXTS,
        "id": did,
        "verificationMethod": [
            _multikey_method(vm_id, did, key) for vm_id, key in zip(ids, keys.values(), strict=True)
        ],
        "assertionMethod": ids,
        "authentication": ids,
    }


def did_web_url(did: str) -> str:
    """The https URL of a did:web's DID document (did:web method spec §3.2)."""
    if not did.startswith("did:web:"):
        raise DidError(f"{did!r} is not a did:web")
    parts = did.removeprefix("did:web:").split(":")
    host = urllib.parse.unquote(parts[0])
    if not host or "/" in host or "@" in host:
        raise DidError(f"{did!r} has no valid host")
    path = "/".join(urllib.parse.unquote(p) for p in parts[1:])
    if any(seg in ("", ".", "..") for seg in path.split("/")) and path:
        raise DidError(f"{did!r} has an invalid path")
    return f"https://{host}/{path}/did.json" if path else f"https://{host}/.well-known/did.json"


class Resolver:
    """Resolves DIDs: did:key locally; did:web from ``documents``, then optionally the web.

    ``fetch`` is called with the did:web URL only when given (network resolution is
    opt-in); it must return the document bytes and apply the SSRF guards
    (:func:`microcred.credentials.fetch.fetch_public_https` does).
    """

    def __init__(
        self,
        documents: Mapping[str, DidDocument] | None = None,
        *,
        fetch: Callable[[str], bytes] | None = None,
    ) -> None:
        self.documents = dict(documents or {})
        self.fetch = fetch

    def resolve(self, did: str) -> DidDocument:
        """The DID document for ``did``; raises :class:`DidError`."""
        did = did.split("#", 1)[0]
        if did in self.documents:
            return self.documents[did]
        if did.startswith("did:key:"):
            return did_key_document(did)
        if did.startswith("did:web:"):
            url = did_web_url(did)
            if self.fetch is None:
                raise DidError(f"{did} is not in the local DID store and network resolution is off")
            try:
                document = json.loads(self.fetch(url))
            except ValueError:
                raise DidError(f"{url} did not return a JSON DID document") from None
            if not isinstance(document, dict) or document.get("id") != did:
                raise DidError(f"the document at {url} is not the DID document of {did}")
            return document
        method = did.split(":")[1] if did.count(":") >= 2 else did
        raise DidError(f"unsupported DID method {method!r}")

    def verification_method(self, url: str) -> VerificationMethod:
        """The key behind a verification-method URL and the relationships listing it.

        A bare ``did:key`` (no ``#fragment``) names the one key its document has (the
        document is derived from the DID and lists exactly one method); the result's
        ``id`` is that method's full URL (``did:key:z…#z…``), so ``id.split("#")[0]``
        is still the DID. Every other DID needs the fragment, even when its document
        lists one key today: a DID without a fragment names the subject, not a key (DID
        Core §3.2), and a did:web document may gain a second key, which would silently
        change what the bare DID meant. Raises :class:`DidError`.
        """
        if "#" not in url:
            return self._sole_method(url)
        did = url.split("#", 1)[0]
        return _listed_method(self.resolve(did), did, url)

    def _sole_method(self, did: str) -> VerificationMethod:
        """The one verification method of a bare did:key."""
        if not did.startswith("did:key:"):
            raise DidError(f"{did!r} is not a verification method URL (no #fragment)")
        document = self.resolve(did)
        methods = _methods(document, did)
        if len(methods) != 1 or not isinstance(methods[0], dict):
            raise DidError(f"{did} does not have exactly one verification method: name one "
                           "with a #fragment")  # fmt: skip
        method_id = methods[0].get("id")
        if not isinstance(method_id, str) or not method_id:
            raise DidError(f"{did}: its verification method has no id")
        url = did + method_id if method_id.startswith("#") else method_id
        if url.split("#", 1)[0] != did or "#" not in url:
            raise DidError(f"{did}: its verification method {method_id} is not under the DID")
        return _verification_method(document, did, url, methods[0])


def _methods(document: DidDocument, did: str) -> list[Any]:
    methods = document.get("verificationMethod", [])
    if not isinstance(methods, list):
        raise DidError(f"{did}: verificationMethod is not a list")
    return methods


def _listed_method(document: DidDocument, did: str, url: str) -> VerificationMethod:
    """The method ``url`` (``did#fragment``) as ``did``'s ``document`` lists it (its full
    URL or ``#fragment``); raises :class:`DidError` when the document does not."""
    relative = "#" + url.split("#", 1)[1]
    for method in _methods(document, did):
        if isinstance(method, dict) and method.get("id", "") in (url, relative):
            return _verification_method(document, did, url, method)
    raise DidError(f"{url} is not a verification method of {did}")


def _verification_method(
    document: DidDocument, did: str, url: str, method: dict[str, Any]
) -> VerificationMethod:
    """The method ``url`` of ``did``'s document, checked: a known key, its own controller."""
    try:
        key = KeyPair.from_file_dict(method)
    except InvalidKeyError as exc:
        raise DidError(f"{url}: {exc.message}") from None
    kind = str(method.get("type", ""))
    multibase = method.get("publicKeyMultibase")
    if kind == "Ed25519VerificationKey2020" and not (
        key.algorithm == "Ed25519" and isinstance(multibase, str) and multibase.startswith("z")
    ):
        # vc-di-eddsa Appendix A: an Ed25519 Multikey value in base58-btc, nothing else
        raise DidError(f"{url}: an Ed25519VerificationKey2020 needs a base58-btc Ed25519 "
                       "publicKeyMultibase")  # fmt: skip
    relative = "#" + url.split("#", 1)[1]
    listed = frozenset(
        name
        for name in _RELATIONSHIPS
        if any(ref in (url, relative) for ref in _refs(document.get(name)))
    )
    controller = str(method.get("controller", did))
    if controller != document.get("id", did) or document.get("id", did) != did:
        # A document may only speak for its own DID: a method claiming another
        # controller (another host's DID, say) is not that controller's key.
        raise DidError(f"{url}: its controller {controller} is not {did}")
    return VerificationMethod(url, controller, key, listed, kind)


def _refs(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item if isinstance(item, str) else str(item.get("id", "")) for item in value
            if isinstance(item, str | dict)]  # fmt: skip


def issuer_verification_method(
    key: KeyPair, issuer: str, *, resolver: Resolver | None = None
) -> VerificationMethod:
    """The verification method of the DID ``issuer`` that holds ``key``'s public key: the
    one whose URL a credential's proof (or a JWT's ``kid``) names.

    The key's own did:key is its one method, found without a lookup; any other DID is
    resolved with ``resolver`` (for a did:web, a :class:`Resolver` holding its DID
    document), and its methods are searched for the key. Raises
    :class:`NotIssuerKeyError` when none holds it, :class:`NotAssertionMethodError` when
    the one that does is not listed under ``assertionMethod`` (it may authenticate, not
    issue), :class:`DidError` when the DID or one of its methods cannot be read.
    """
    if issuer == key.did_key:
        return Resolver().verification_method(key.verification_method)
    resolver = resolver or Resolver()
    document = resolver.resolve(issuer)
    for method in _methods(document, issuer):
        method_id = method.get("id", "") if isinstance(method, dict) else ""
        if not isinstance(method_id, str) or not method_id:
            continue
        url = method_id if method_id.startswith(issuer) else issuer + method_id
        # a method under the issuer is read from the document in hand, not resolved again
        # (with a fetching resolver, a did:web request per method)
        if "#" in url and url.split("#", 1)[0] == issuer:
            found = _listed_method(document, issuer, url)
        else:
            found = resolver.verification_method(url)
        if found.key.public_multibase == key.public_multibase:
            if "assertionMethod" not in found.relationships:
                raise NotAssertionMethodError(
                    f"{url} is not listed under assertionMethod of {issuer}"
                )
            return found
    raise NotIssuerKeyError(KEY_NOT_OF_ISSUER(issuer=issuer))
