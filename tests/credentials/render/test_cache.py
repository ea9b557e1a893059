"""The certificate cache: a second request is a hit with the same bytes, anything that
shapes the page makes a new key, damaged files are rendered again, and the folder is kept
under its size limit by dropping the least recently used certificates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from microcred.credentials.baking import extract_pdf
from microcred.credentials.render import PdfCache, RenderError, render_pdf
from microcred.credentials.render.cache import cache_key, renderer_fingerprint

from ...conftest import example_award

URL = "https://uczelnia.example/v/7f3a"
CREDENTIALS = {"credential-ob3.json": b'{"id": "urn:uuid:1"}'}


def test_second_render_is_a_hit_with_the_same_bytes(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path)
    award = example_award()
    first = cache.render(award, credentials=CREDENTIALS, verification_url=URL, lang="pl")
    second = cache.render(award, credentials=CREDENTIALS, verification_url=URL, lang="pl")
    assert (cache.hits, cache.misses) == (1, 1)
    assert first == second
    assert first == render_pdf(award, credentials=CREDENTIALS, verification_url=URL, lang="pl")
    assert extract_pdf(second) == CREDENTIALS
    # Another worker (a new cache object on the same folder) gets the same file.
    other = PdfCache(tmp_path)
    assert other.render(award, credentials=CREDENTIALS, verification_url=URL, lang="pl") == first
    assert (other.hits, other.misses) == (1, 0)


def test_everything_that_shapes_the_page_changes_the_key() -> None:
    award = example_award()
    base = {"credentials": CREDENTIALS, "verification_url": URL, "lang": "pl"}
    key = cache_key(award, **base)  # type: ignore[arg-type]
    variants = [
        cache_key(example_award(issued_on="2025-06-21"), **base),  # type: ignore[arg-type]
        cache_key(award, **{**base, "lang": "en"}),  # type: ignore[arg-type]
        cache_key(award, **{**base, "verification_url": URL + "b"}),  # type: ignore[arg-type]
        cache_key(award, **{**base, "credentials": {"credential-ob3.json": b"{}"}}),  # type: ignore[arg-type]
        cache_key(award, **base, logo=b"\x89PNG"),  # type: ignore[arg-type]
        cache_key(award, **base, fingerprint="another renderer"),  # type: ignore[arg-type]
    ]
    assert len({key, *variants}) == len(variants) + 1
    assert cache_key(example_award(), **base) == key  # type: ignore[arg-type]
    assert len(renderer_fingerprint()) == 64


@pytest.mark.parametrize("damage", [b"", b"%PDF-1.7 half a file", b"not a pdf at all"])
def test_damaged_file_is_rendered_again(tmp_path: Path, damage: bytes) -> None:
    cache = PdfCache(tmp_path)
    award = example_award()
    good = cache.render(award, credentials=CREDENTIALS, verification_url=URL)
    key = cache_key(award, credentials=CREDENTIALS, verification_url=URL, lang="pl")
    cache.path(key).write_bytes(damage)
    assert cache.render(award, credentials=CREDENTIALS, verification_url=URL) == good
    assert cache.misses == 2
    assert cache.path(key).read_bytes() == good


def test_least_recently_used_files_are_dropped(tmp_path: Path) -> None:
    award = example_award()
    probe = render_pdf(award, credentials=CREDENTIALS, verification_url=URL)
    cache = PdfCache(tmp_path, max_bytes=int(len(probe) * 3.5))  # room for three
    urls = [f"{URL}/{i}" for i in range(4)]

    def path(url: str) -> Path:
        return cache.path(cache_key(award, credentials=CREDENTIALS, verification_url=url,
                                    lang="pl"))  # fmt: skip

    for when, url in enumerate(urls[:3]):
        cache.render(award, credentials=CREDENTIALS, verification_url=url)
        os.utime(path(url), (1_000_000 + when, 1_000_000 + when))  # a clear order of use
    cache.render(award, credentials=CREDENTIALS, verification_url=urls[0])  # a hit: now recent
    assert cache.hits == 1
    cache.render(award, credentials=CREDENTIALS, verification_url=urls[3])  # over the limit
    kept = {p.name for p in tmp_path.glob("*/*.pdf")}
    assert sum(p.stat().st_size for p in tmp_path.glob("*/*.pdf")) <= cache.max_bytes
    assert kept == {path(urls[0]).name, path(urls[2]).name, path(urls[3]).name}
    assert not list(tmp_path.glob("*/*.tmp"))  # no temporary file left behind


def test_render_errors_are_raised_and_nothing_is_kept(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path)
    with pytest.raises(RenderError):
        cache.render(example_award(), credentials=CREDENTIALS, verification_url="ftp://x")
    assert not list(tmp_path.glob("*/*"))
    with pytest.raises(ValueError, match="positive"):
        PdfCache(tmp_path, max_bytes=0)


def test_a_failed_write_costs_the_cache_not_the_certificate(tmp_path: Path) -> None:
    """Review finding: a full disk or an unwritable folder must not lose the PDF."""
    cache = PdfCache(tmp_path)
    award = example_award()
    key = cache_key(award, credentials=CREDENTIALS, verification_url=URL, lang="pl")
    (tmp_path / key[:2]).write_bytes(b"a file where the cache wants a folder")
    pdf = cache.render(award, credentials=CREDENTIALS, verification_url=URL)
    assert pdf == render_pdf(award, credentials=CREDENTIALS, verification_url=URL)
    assert (cache.misses, cache.write_errors) == (1, 1)


def test_temporary_files_of_killed_workers_are_removed(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path)
    (tmp_path / "ab").mkdir()
    old, fresh = tmp_path / "ab" / "old.tmp", tmp_path / "ab" / "fresh.tmp"
    old.write_bytes(b"%PDF-half")
    fresh.write_bytes(b"%PDF-half")  # a write in progress elsewhere: left alone
    os.utime(old, (1_000_000, 1_000_000))
    cache.render(example_award(), credentials=CREDENTIALS, verification_url=URL)
    assert not old.exists()
    assert fresh.exists()


def test_the_fingerprint_covers_the_labels_of_the_standard_package() -> None:
    """Review finding: element names come from ``microcred.standard``, not only from the
    render package, so a renamed element must change the key."""
    import microcred.credentials.render.cache as cache_module

    with_standard = cache_module.renderer_fingerprint()
    cache_module.renderer_fingerprint.cache_clear()
    try:
        cache_module._SHAPING_PACKAGES = ()  # type: ignore[misc]
        assert cache_module.renderer_fingerprint() != with_standard
    finally:
        cache_module._SHAPING_PACKAGES = ("microcred.standard",)  # type: ignore[misc]
        cache_module.renderer_fingerprint.cache_clear()
    assert cache_module.renderer_fingerprint() == with_standard
