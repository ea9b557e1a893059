"""Render an award as a printable PDF certificate that carries its own credentials.

One A4 page (more only when a design is long) showing every Annex I element the award
has, a QR code to the public verification URL, and the signed credentials embedded as
PDF file attachments (ISO 32000-1 §7.11.4, "embedded file streams"), so that the paper's
PDF verifies offline::

    pdf = render_pdf(
        award,
        credentials={"credential-ob3.json": signed_ob3_bytes,
                     "credential-edc.jsonld": sealed_edc_bytes},
        verification_url=verification_url("urn:uuid:7f3a…", "https://uczelnia.example"),
        lang="pl",
        file_name="certyfikat-anna-kowalska.pdf",
    )

The QR code points to the credential's public verification page,
``{base}/verify/{credential id}`` (:func:`verification_url`): the platform serves it, and
``base`` is where the platform runs. The footer tells how to check the paper's own file,
``microcred verify <file_name>``, and names each attached credential.

The file is PDF/A-3a as WeasyPrint writes it: tagged (a structure tree for screen
readers), fonts embedded, XMP metadata (title, author = the awarding body, language),
and each attachment linked from the catalog's ``/AF`` array with
``/AFRelationship /Data`` — the credential is the data the page presents.

Rendering reads nothing from the network or the disk: the only URLs the page holds are
``data:`` URLs (the QR code, the logo), and the URL fetcher refuses every other scheme.
The output is deterministic for the same inputs (dates come from the award, the file
identifier is a hash of the content).
"""

from __future__ import annotations

__all__ = [
    "ATTACHMENT_DESCRIPTIONS",
    "MAX_ATTACHMENTS",
    "MAX_ATTACHMENT_BYTES",
    "MAX_LOGO_BYTES",
    "PLACEHOLDER_VERIFICATION_BASE",
    "render_pdf",
    "verification_url",
]

import base64
import datetime as dt
import re
import shlex
import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import quote

import jinja2
import pydyf  # type: ignore[import-untyped]
import segno
import weasyprint  # type: ignore[import-untyped]
from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException
from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped]

from ...standard.annexes import AnnexIElement
from ...standard.elements import Award
from .._awards import refuse_grade_off_scale
from ..baking.pdf import EDC_JSONLD, MAX_ATTACHMENTS, OB3_JSON, OB3_JWT  # what extract_pdf reads
from ..errors import RenderError
from ._labels import LANGUAGES, phrase, words
from ._view import CertificateView, certificate_view, two_columns

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024  # all attachments together
MAX_LOGO_BYTES = 2 * 1024 * 1024
_MAX_URL = 1000  # a QR code of error level M holds ~2,300 bytes; keep it easily scannable

ATTACHMENT_DESCRIPTIONS = {
    OB3_JSON: "Open Badges 3.0 credential with a Data Integrity proof",
    OB3_JWT: "Open Badges 3.0 credential as a VC-JOSE JWT",
    EDC_JSONLD: "European Digital Credential (ELM v3), e-sealed",
}
_MEDIA_TYPES = {
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".jwt": "application/jwt",
    ".xml": "application/xml",
}
_ATTACHMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_FILE_NAME = {"pl": "certyfikat.pdf", "en": "certificate.pdf"}
_MAX_FILE_NAME = 120
_BASE = re.compile(r"https?://[^\s/?#@]+(/[^\s?#]*)?")

#: The base of :func:`verification_url` when none is given: under ``.invalid``, a name
#: reserved never to resolve (RFC 6761 §6.4), so a certificate rendered before the
#: platform's address is known points nowhere rather than to a site anyone could register.
PLACEHOLDER_VERIFICATION_BASE = "https://verification-base.invalid"
# Attachment dates when the award has no date of issue (keeps the output deterministic).
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class _Assets:
    template: jinja2.Template
    stylesheet: weasyprint.CSS
    font_config: FontConfiguration
    fetcher: weasyprint.urls.URLFetcher


_local = threading.local()


def _assets() -> _Assets:
    """Template, CSS and fonts, loaded once per thread (WeasyPrint objects are not shared)."""
    assets: _Assets | None = getattr(_local, "assets", None)
    if assets is None:
        files = resources.files(__package__) / "templates"
        environment = jinja2.Environment(
            autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
        )
        template = environment.from_string((files / "certificate.html").read_text("utf-8"))
        font_config = FontConfiguration()
        fetcher = weasyprint.urls.URLFetcher(allowed_protocols=("data",), timeout=1)
        stylesheet = weasyprint.CSS(
            string=(files / "certificate.css").read_text("utf-8"),
            font_config=font_config,
            url_fetcher=fetcher,
        )
        assets = _Assets(template, stylesheet, font_config, fetcher)
        _local.assets = assets
    return assets


def _data_url(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def _logo_url(logo: bytes) -> str:
    if not isinstance(logo, bytes | bytearray):
        raise RenderError("the logo must be bytes (PNG, JPEG or SVG)", code="invalid_input")
    if len(logo) > MAX_LOGO_BYTES:
        raise RenderError(
            f"the logo is larger than {MAX_LOGO_BYTES // 1024} KiB", code="invalid_input"
        )
    if logo.startswith(b"\x89PNG\r\n\x1a\n"):
        return _data_url("image/png", bytes(logo))
    if logo.startswith(b"\xff\xd8\xff"):
        return _data_url("image/jpeg", bytes(logo))
    head = bytes(logo[:2048]).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and (b"<svg" in head or head.startswith(b"<?xml")):
        try:
            root = SafeElementTree.fromstring(bytes(logo), forbid_dtd=True)
        except (DefusedXmlException, SafeElementTree.ParseError) as exc:
            raise RenderError(f"the SVG logo cannot be read: {exc}", code="invalid_input") from None
        if not root.tag.endswith("svg"):
            raise RenderError("the SVG logo has no <svg> root", code="invalid_input")
        return _data_url("image/svg+xml", bytes(logo))
    raise RenderError("the logo is neither PNG, JPEG nor SVG", code="invalid_input")


def _check_credentials(credentials: dict[str, bytes]) -> list[tuple[str, bytes]]:
    if not isinstance(credentials, dict):
        raise RenderError("credentials must be a dict of file name to bytes", code="invalid_input")
    if len(credentials) > MAX_ATTACHMENTS:
        raise RenderError(f"more than {MAX_ATTACHMENTS} attachments", code="invalid_input")
    total = 0
    for name, data in credentials.items():
        if not isinstance(name, str) or not _ATTACHMENT_NAME.fullmatch(name):
            raise RenderError(
                f"{name!r} is not a plain file name (letters, digits, '.', '_', '-')",
                code="invalid_input",
            )
        if not isinstance(data, bytes | bytearray) or not data:
            raise RenderError(
                f"the attachment {name!r} is not non-empty bytes", code="invalid_input"
            )
        total += len(data)
    if total > MAX_ATTACHMENT_BYTES:
        raise RenderError(
            f"the attachments are larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MiB",
            code="invalid_input",
        )
    # A PDF name tree must be sorted by key (ISO 32000-1 §7.9.6).
    return sorted((name, bytes(data)) for name, data in credentials.items())


def verification_url(credential_id: str, base: str = PLACEHOLDER_VERIFICATION_BASE) -> str:
    """The public verification page of a credential, ``{base}/verify/{credential id}``::

        verification_url("urn:uuid:85693c77-e89e-4a0a-bd80-fc2a1af8f8df", "https://uni.example")
        == "https://uni.example/verify/urn:uuid:85693c77-e89e-4a0a-bd80-fc2a1af8f8df"

    The id is percent-encoded as one path segment (RFC 3986 §3.3: letters, digits,
    ``-._~`` and ``:`` stay; ``/``, ``?``, ``#``, ``%``, spaces and non-ASCII are encoded),
    so ``https://uni.example/c/42`` becomes ``https:%2F%2Funi.example%2Fc%2F42``. ``base``
    is an absolute http(s) URL, a path kept and a trailing ``/`` dropped; the default is
    :data:`PLACEHOLDER_VERIFICATION_BASE`. Raises :class:`RenderError` ``invalid_input``
    on an empty id or a base that is not such a URL.
    """
    if not isinstance(credential_id, str) or not credential_id.strip():
        raise RenderError("the credential has no id to verify it by", code="invalid_input")
    if not isinstance(base, str) or not _BASE.fullmatch(base):
        raise RenderError(
            "the verification base must be an http(s) URL without query or fragment"
            f" (https://uni.example or https://uni.example/microcred), not {base!r}",
            code="invalid_input",
        )
    return f"{base.rstrip('/')}/verify/{quote(credential_id, safe=':')}"


def _check_file_name(file_name: str | None, lang: str) -> str:
    """The name in the footer's ``microcred verify …`` line, quoted for a shell."""
    if file_name is None:
        return _FILE_NAME[lang]
    if (
        not isinstance(file_name, str)
        or not file_name.strip()
        or len(file_name) > _MAX_FILE_NAME
        or any(c in file_name for c in "/\\")
        or not file_name.isprintable()
    ):
        raise RenderError(
            f"file_name must be a plain file name of at most {_MAX_FILE_NAME} characters",
            code="invalid_input",
        )
    return shlex.quote(file_name)


def _check_url(url: str) -> str:
    if not isinstance(url, str) or not re.match(r"^https?://[^\s/?#]+[^\s]*$", url):
        raise RenderError("verification_url must be an absolute http(s) URL", code="invalid_input")
    if len(url) > _MAX_URL:
        raise RenderError(
            f"verification_url is longer than {_MAX_URL} characters", code="invalid_input"
        )
    return url


def _attachment(
    name: str, data: bytes, when: dt.datetime, assets: _Assets
) -> weasyprint.Attachment:
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    media_type = _MEDIA_TYPES.get(suffix, "application/octet-stream")
    return weasyprint.Attachment(
        url=_data_url(media_type, data),
        url_fetcher=assets.fetcher,
        name=name,
        description=ATTACHMENT_DESCRIPTIONS.get(name, name),
        created=when,
        modified=when,
        relationship="Data",
    )


def _html(
    view: CertificateView,
    award: Award,
    *,
    qr: str,
    logo: str | None,
    verification_url: str,
    attachment_names: list[str],
    file_name: str,
    assets: _Assets,
) -> str:
    lang = view.lang
    names = ", ".join(attachment_names)
    description = f"{phrase('document', lang)}: {view.title} — {view.learner_name}"
    context: dict[str, Any] = {
        "view": view,
        "t": words(lang),
        "meta": {
            "title": f"{view.title} — {view.learner_name}",
            "description": description,
            "created": award.issued_on.isoformat() if award.issued_on else None,
        },
        "columns": two_columns(view.rows),
        "outcomes_label": AnnexIElement.LEARNING_OUTCOMES.short_label(lang),
        "date_label": AnnexIElement.DATE_OF_ISSUE.short_label(lang),
        "logo": logo,
        "qr": qr,
        "verification_url": verification_url,
        "attachments": attachment_names,
        "offline": phrase(
            "verify_offline" if len(attachment_names) == 1 else "verify_offline_many", lang
        ).format(names=names),
        "file_name": file_name,
    }
    return assets.template.render(context)


def _deduplicate_af(document: object, pdf: pydyf.PDF) -> None:
    """WeasyPrint's PDF/A-3 step lists each attachment twice in the catalog's ``/AF``."""
    files = pdf.catalog.get("AF")
    if files:
        pdf.catalog["AF"] = pydyf.Array(dict.fromkeys(files))


def render_pdf(
    award: Award,
    *,
    credentials: dict[str, bytes],
    verification_url: str,
    lang: str = "pl",
    logo: bytes | None = None,
    file_name: str | None = None,
) -> bytes:
    """The PDF certificate of ``award`` in ``lang`` (``pl`` or ``en``).

    ``credentials`` maps attachment file names (``credential-ob3.json``,
    ``credential-edc.jsonld``) to the exact bytes to embed; ``baking.extract_pdf``
    gives them back byte for byte, and the footer names each. ``verification_url`` is
    what the QR code points to (:func:`verification_url` makes the platform's);
    ``logo`` is the provider's PNG, JPEG or SVG; ``file_name`` is the name the PDF is
    saved under, shown in the footer's ``microcred verify <file_name>`` (default
    ``certyfikat.pdf`` / ``certificate.pdf``). Raises :class:`RenderError` with code
    ``invalid_input`` on a bad argument.
    """
    if not isinstance(award, Award):
        raise RenderError("award must be a microcred Award", code="invalid_input")
    refuse_grade_off_scale(award)  # a certificate never shows a grade build refuses
    if lang not in LANGUAGES:
        raise RenderError(f"lang must be one of {', '.join(LANGUAGES)}", code="invalid_input")
    url = _check_url(verification_url)
    shown_name = _check_file_name(file_name, lang)
    attachments = _check_credentials(credentials)
    logo_url = _logo_url(logo) if logo is not None else None

    assets = _assets()
    view = certificate_view(award, lang)
    qr = segno.make(url, error="m", micro=False).svg_data_uri(
        border=0, dark="#14213d", light=None, omit_charset=True
    )
    html = _html(
        view,
        award,
        qr=qr,
        logo=logo_url,
        verification_url=url,
        attachment_names=[name for name, _ in attachments],
        file_name=shown_name,
        assets=assets,
    )
    when = (
        dt.datetime.combine(award.issued_on, dt.time(), tzinfo=dt.UTC)
        if award.issued_on
        else _EPOCH
    )
    document = weasyprint.HTML(string=html, url_fetcher=assets.fetcher)
    pdf: bytes = document.write_pdf(
        stylesheets=[assets.stylesheet],
        font_config=assets.font_config,
        attachments=[_attachment(n, d, when, assets) for n, d in attachments],
        pdf_variant="pdf/a-3a",
        pdf_identifier=True,
        finisher=_deduplicate_af,
    )
    return pdf
