"""Pinned contexts: the packaged bytes, their digests, and a loader that refuses the rest."""

from __future__ import annotations

import hashlib
import json
import socket
from pathlib import Path

import pytest

from microcred.credentials.errors import UnknownContextError
from microcred.credentials.jsonld import contexts

PUBLISHED_SHA256 = {
    # VC Data Model 2.0 §B.1 and VC Data Model 1.1 §B.1
    "https://www.w3.org/ns/credentials/v2": (
        "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"
    ),
    "https://www.w3.org/2018/credentials/v1": (
        "ab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc"
    ),
}
REQUIRED = [
    "https://www.w3.org/ns/credentials/v2",
    "https://www.w3.org/2018/credentials/v1",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    "https://w3id.org/security/data-integrity/v1",
    "https://w3id.org/security/data-integrity/v2",
    "https://w3id.org/security/multikey/v1",
    "https://www.w3.org/ns/credentials/status/v1",
]


OURS = {url for url, pinned in contexts.PINNED.items() if pinned.source.startswith("microcred")}


@pytest.mark.parametrize("url", sorted(set(contexts.PINNED) - OURS))
def test_pinned_file_matches_its_digest_and_the_shared_copy(url: str, shared: Path) -> None:
    pinned = contexts.PINNED[url]
    index = json.loads((shared / "vectors" / "contexts" / "INDEX.json").read_text())
    reference = (shared / "vectors" / "contexts" / index[url]).read_bytes()
    assert hashlib.sha256(reference).hexdigest() == pinned.sha256
    assert "@context" in contexts.load(url)
    assert pinned.source


@pytest.mark.parametrize("url", sorted(OURS))
def test_our_own_contexts_load_and_are_protected(url: str) -> None:
    """microcred's extension context: its digest holds and every term is protected."""
    context = contexts.load(url)["@context"]
    assert context["@protected"] is True
    assert all(term.startswith(("eu", "@", "mc", "xsd")) for term in context)


@pytest.mark.parametrize("url", REQUIRED)
def test_required_contexts_are_pinned(url: str) -> None:
    assert url in contexts.PINNED


@pytest.mark.parametrize(("url", "digest"), sorted(PUBLISHED_SHA256.items()))
def test_w3c_base_contexts_have_the_published_digest(url: str, digest: str) -> None:
    assert contexts.PINNED[url].sha256 == digest


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/evil-context",
        "http://www.w3.org/ns/credentials/v2",  # http, not https: a different URL
        "https://www.w3.org/ns/credentials/v2/",
        "file:///etc/passwd",
    ],
)
def test_unknown_urls_are_refused_without_touching_the_network(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the loader tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    with pytest.raises(UnknownContextError) as caught:
        contexts.load(url)
    assert caught.value.code == "unknown_context"
    with pytest.raises(UnknownContextError):
        contexts.pyld_loader(url, {})


def test_inline_replaces_urls_and_keeps_objects() -> None:
    inline = contexts.inline(["https://www.w3.org/ns/credentials/v2", {"ex": "https://ex.org/"}])
    assert inline[0] == contexts.load("https://www.w3.org/ns/credentials/v2")["@context"]
    assert inline[1] == {"ex": "https://ex.org/"}
