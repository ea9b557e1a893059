"""Pinned JSON-LD contexts and a document loader that never touches the network.

Every context this package may process ships inside it (``files/``), listed in
``manifest.json`` with its URL, the sha256 of the pinned bytes and where it was taken
from. :func:`load` serves only those and refuses every other URL with
:class:`UnknownContextError`; nothing is ever fetched. The digests of the W3C base
contexts equal the ones VC Data Model 2.0 §B.1 and 1.1 publish::

    >>> from microcred.credentials.jsonld import contexts
    >>> contexts.PINNED["https://www.w3.org/ns/credentials/v2"].sha256[:16]
    '59955ced6697d61e'
"""

from __future__ import annotations

__all__ = [
    "PINNED",
    "PinnedContext",
    "inline",
    "load",
    "pyld_loader",
]

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ....standard.caching import cached
from ...errors import ContextError, UnknownContextError

_PACKAGE = resources.files(__name__)


@dataclass(frozen=True)
class PinnedContext:
    """One pinned context: its URL, packaged file, sha256 and provenance."""

    url: str
    file: str
    sha256: str
    source: str


def _manifest() -> dict[str, PinnedContext]:
    raw = json.loads((_PACKAGE / "manifest.json").read_text(encoding="utf-8"))
    return {url: PinnedContext(url=url, **entry) for url, entry in raw.items()}


PINNED: dict[str, PinnedContext] = _manifest()


@cached(maxsize=len(PINNED))  # every pinned context fits; a refused URL is never kept
def load(url: str) -> dict[str, Any]:
    """The parsed context document pinned for ``url`` (one shared object: read it, never
    change it).

    Raises :class:`UnknownContextError` for any URL not pinned, and
    :class:`ContextError` if the packaged file does not match its recorded sha256.
    """
    pinned = PINNED.get(url)
    if pinned is None:
        raise UnknownContextError(f"context {url!r} is not pinned; it will not be fetched")
    data = (_PACKAGE / "files" / pinned.file).read_bytes()
    if hashlib.sha256(data).hexdigest() != pinned.sha256:
        raise ContextError(f"pinned context {url!r} does not match its sha256")
    document: dict[str, Any] = json.loads(data)
    return document


def pyld_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pyld ``documentLoader`` serving only pinned contexts."""
    return {"contextUrl": None, "documentUrl": url, "document": load(url)}


def inline(context: Any) -> Any:
    """``@context`` with every pinned URL replaced by the context it names.

    Dereferencing a context URL means using its ``@context`` value (JSON-LD 1.1 §4.1),
    so the inlined form processes to the same active context; it lets processors with
    no document-loader hook (pyoxigraph) read credentials offline.
    """
    if isinstance(context, str):
        return load(context)["@context"]
    if isinstance(context, list):
        return [inline(item) for item in context]
    return context
