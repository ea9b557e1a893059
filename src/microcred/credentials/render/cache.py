"""Certificates rendered on demand, once: :class:`PdfCache` keeps each rendered PDF on disk
under a key derived from everything that shapes it, so a certificate asked for again
costs a file read instead of a render::

    cache = PdfCache(Path("var/certificates"), max_bytes=512 * 1024 * 1024)
    pdf = cache.render(award, credentials=..., verification_url=..., lang="pl")

The key (:func:`cache_key`) hashes the award, every attached credential's bytes, the
verification URL, the language, the logo, and a fingerprint of the renderer itself (this
package's code and templates, the element and concept labels, the versions of the
libraries that draw the page), so a changed template or a re-issued credential never
gets an old page. Rendering is deterministic, so a hit is the same file a miss would
make. Files are written atomically (a temporary file, then ``Path.replace``), so
concurrent workers never read half a PDF; the oldest-used files are removed once the
folder outgrows ``max_bytes``.
"""

from __future__ import annotations

__all__ = ["PdfCache", "cache_key", "renderer_fingerprint"]

import contextlib
import functools
import hashlib
import json
import logging
import os
import tempfile
import time
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ...standard.elements import Award
from .pdf import render_pdf

_PDF_HEAD, _PDF_TAIL = b"%PDF-", b"%%EOF"
_ABANDONED_AFTER = 3600  # seconds: a temporary file this old is no write in progress
_LOG = logging.getLogger(__name__)


#: what else shapes a page: the EU element and concept labels, and these libraries
_SHAPING_PACKAGES = ("microcred.standard",)
_SHAPING_LIBRARIES = ("weasyprint", "pydyf", "segno", "jinja2", "tinycss2", "fonttools")


@functools.cache
def renderer_fingerprint() -> str:
    """A hash of what renders a certificate: this package's files (code, templates,
    styles), the standard package (element names, concept labels) and the versions of
    the libraries that draw the page. System fonts are not part of it: clear the cache
    folder after changing them."""
    digest = hashlib.sha256()
    for library in _SHAPING_LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=-;".encode())
    for package in (__package__, *_SHAPING_PACKAGES):
        stack: list[tuple[str, Traversable]] = [(package, resources.files(package))]
        files: list[tuple[str, Traversable]] = []
        while stack:
            prefix, folder = stack.pop()
            for entry in folder.iterdir():
                name = f"{prefix}/{entry.name}"
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        stack.append((name, entry))
                elif not entry.name.endswith((".pyc", ".pyo")):
                    files.append((name, entry))
        for name, entry in sorted(files, key=lambda item: item[0]):
            digest.update(name.encode())
            digest.update(hashlib.sha256(entry.read_bytes()).digest())
    return digest.hexdigest()


def cache_key(
    award: Award,
    *,
    credentials: dict[str, bytes],
    verification_url: str,
    lang: str,
    logo: bytes | None = None,
    fingerprint: str | None = None,
) -> str:
    """The SHA-256 key of one certificate: the same inputs and renderer, the same key."""
    parts = {
        "renderer": fingerprint or renderer_fingerprint(),
        "award": award.model_dump(mode="json"),
        "credentials": {name: hashlib.sha256(data).hexdigest()
                        for name, data in sorted(credentials.items())},
        "verification_url": verification_url,
        "lang": lang,
        "logo": hashlib.sha256(logo).hexdigest() if logo is not None else None,
    }  # fmt: skip
    canonical = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class PdfCache:
    """Rendered certificates in ``directory`` (created if missing), at most about
    ``max_bytes`` of them; ``hits``, ``misses`` and ``write_errors`` (a PDF rendered but
    not kept, logged as a warning) count since creation."""

    def __init__(self, directory: Path, *, max_bytes: int = 512 * 1024 * 1024) -> None:
        if max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self.write_errors = 0

    def path(self, key: str) -> Path:
        """Where the PDF of ``key`` is kept."""
        return self.directory / key[:2] / f"{key}.pdf"

    def render(
        self,
        award: Award,
        *,
        credentials: dict[str, bytes],
        verification_url: str,
        lang: str = "pl",
        logo: bytes | None = None,
    ) -> bytes:
        """The certificate, from the cache or rendered (and kept) by
        :func:`~microcred.credentials.render.render_pdf`, whose errors it raises."""
        key = cache_key(award, credentials=credentials, verification_url=verification_url,
                        lang=lang, logo=logo)  # fmt: skip
        path = self.path(key)
        try:
            kept = path.read_bytes()
        except OSError:
            kept = b""
        if kept.startswith(_PDF_HEAD) and kept.rstrip().endswith(_PDF_TAIL):
            self.hits += 1
            # Recently used: evicted last (if another worker removed it meanwhile, the
            # bytes are already read).
            with contextlib.suppress(OSError):
                os.utime(path)
            return kept
        self.misses += 1
        pdf = render_pdf(award, credentials=credentials, verification_url=verification_url,
                         lang=lang, logo=logo)  # fmt: skip
        try:
            self._keep(path, pdf)
            self._evict()
        except OSError as exc:  # a full disk or a read-only folder costs the cache, not the PDF
            self.write_errors += 1
            _LOG.warning("certificate cache %s: %s", self.directory, exc)
        return pdf

    def _keep(self, path: Path, pdf: bytes) -> None:
        """Written to a temporary file, then renamed: a reader sees all of it or none.
        Files are private to the user the workers run as (mode 0600): they hold a
        learner's name."""
        path.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(pdf)
            Path(temporary).replace(path)  # atomic on POSIX and Windows
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _evict(self) -> None:
        """Remove the least recently used PDFs until the folder is under 90% of
        ``max_bytes``. A scan of the folder: fine for the tens of thousands of files
        one server keeps; a larger deployment would put them in object storage."""
        kept = []
        abandoned = time.time() - _ABANDONED_AFTER
        for file in self.directory.glob("*/*"):
            try:
                info = file.stat()
            except OSError:
                continue
            if file.suffix == ".tmp":  # left by a worker killed while writing
                if info.st_mtime < abandoned:
                    file.unlink(missing_ok=True)
                continue
            if file.suffix == ".pdf":
                kept.append((info.st_mtime, info.st_size, file))
        total = sum(size for _, size, _ in kept)
        if total <= self.max_bytes:
            return
        for _, size, file in sorted(kept, key=lambda item: item[0]):
            if total <= self.max_bytes * 0.9:
                break
            file.unlink(missing_ok=True)
            total -= size
