"""Members a JSON reader would miss: the same statement under another name.

A Data Integrity proof over RDF (``*-rdfc-*``, ``Ed25519Signature2020``) signs the
statements, not the JSON: ``credentialStatus`` written as its full IRI
``https://www.w3.org/2018/credentials#credentialStatus``, or under an alias an embedded
context defines, is the same signed statement — but the status and date checks read the
JSON by its usual member names, and would not see it. A holder could hide a revocation or
an expiry that way without breaking the signature.

So when a document could do that — a top-level member whose name is an IRI or a compact
IRI, or a context embedded in it other than microcred's own EU terms — it is expanded
with pyld (JSON-LD 1.1 Expansion, offline loader) and every statement about the
credential that verification relies on is counted under its IRI; a count above what the
usual member holds means a hidden member, and the credential fails. Documents written
with the usual names (every credential microcred issues) skip the expansion.
"""

from __future__ import annotations

__all__ = ["hidden_members"]

from typing import Any

from ..jsonld import rdfc
from ..ob3 import EU_TERMS

_CRED = "https://www.w3.org/2018/credentials#"
_WATCHED = {
    f"{_CRED}{term}": term
    for term in (
        "credentialStatus", "validFrom", "validUntil", "issuanceDate", "expirationDate",
        "issuer", "credentialSubject", "credentialSchema", "evidence", "termsOfUse",
        "refreshService",
    )
}  # fmt: skip


def _may_hide(document: dict[str, Any]) -> bool:
    if any(":" in key for key in document):
        return True
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    items = value if isinstance(value, list) else [value]
                    if any(isinstance(item, dict) and item != EU_TERMS for item in items):
                        return True
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _count(value: Any) -> int:
    if value is None:
        return 0
    return len(value) if isinstance(value, list) else 1


def hidden_members(document: dict[str, Any]) -> list[str] | None:
    """The usual names of the members the document also states under another name
    (empty when none), or None when the document cannot be expanded at all."""
    if not _may_hide(document):
        return []
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    try:
        expanded = rdfc.expand(unsecured)  # under rdfc's lock: pyld's caches are not thread-safe
    except Exception:  # pyld raises its own errors, and ours through the loader
        return None
    nodes = [node for node in expanded if isinstance(node, dict)]
    if len(nodes) != 1:
        return None
    hidden = []
    for iri, term in _WATCHED.items():
        if len(nodes[0].get(iri, [])) > _count(document.get(term)):
            hidden.append(term)
    return hidden
