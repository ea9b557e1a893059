"""``microcred render``: a printable PDF certificate carrying the signed credentials.

The QR code points to ``BASE/verify/<credential id>`` (the platform's verification page),
``BASE`` from ``--verification-base`` or ``MICROCRED_VERIFICATION_BASE``; without either,
a placeholder under ``.invalid`` that never resolves, and a warning. ``--verification-url``
gives the whole address instead. The footer's ``microcred verify …`` line names the file
written (``--out``). The renderer (WeasyPrint) is imported only when a page is drawn.
"""

from __future__ import annotations

__all__ = ["render_command"]

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from ..standard.errors import MicrocredError
from ._common import EXIT_BAD_INPUT, read_limited

#: what ``--verification-base`` defaults to, besides the command line
BASE_VARIABLE = "MICROCRED_VERIFICATION_BASE"
_LOGO_BYTES = 2 * 1024 * 1024


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def _document(data: bytes, is_jwt: bool) -> dict[str, Any]:
    """The credential inside a file: JSON, a compact JWT, or a JAdES-sealed EDC."""
    from ..credentials.errors import CredentialError
    from ..credentials.formats import is_jades
    from ..credentials.jades import verify_seal
    from ..credentials.vc_jose import verify_jwt

    if is_jwt:
        _, payload = verify_jwt(data)
        if payload is None:
            raise CredentialError("the JWT cannot be read (its issuer key is not resolvable?)")
        return payload
    document = json.loads(data)
    if is_jades(document):
        sealed = verify_seal(document)
        if sealed.document is None:
            raise CredentialError(sealed.reason)
        return sealed.document
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")
    return document


@click.command("render")
@click.option("--credential", "credential_file", required=True, type=click.Path(path_type=Path),
              help="Signed Open Badges 3.0 credential (JSON or JWT) or EDC.")  # fmt: skip
@click.option("--edc", "edc_file", type=click.Path(path_type=Path),
              help="A sealed EDC of the same award, attached too.")  # fmt: skip
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="PDF to write (its footer names this file).")  # fmt: skip
@click.option("--lang", type=click.Choice(["pl", "en"]), default="pl", show_default=True)
@click.option("--verification-base", "base", metavar="URL", envvar=BASE_VARIABLE,
              show_envvar=True,
              help="Where the verification pages are served: the QR code points to "
                   "URL/verify/<credential id> (default: the placeholder "
                   "https://verification-base.invalid, with a warning).")  # fmt: skip
@click.option("--verification-url", metavar="URL",
              help="The QR code's whole address (overrides --verification-base).")  # fmt: skip
@click.option("--logo", type=click.Path(path_type=Path), help="Provider logo (PNG, JPEG, SVG).")
def render_command(credential_file: Path, edc_file: Path | None, out: Path, lang: str,
                   base: str | None, verification_url: str | None,
                   logo: Path | None) -> None:  # fmt: skip
    """Render a printable PDF certificate (A4) with the credentials attached."""
    from ..credentials.edc import from_edc
    from ..credentials.formats import detect
    from ..credentials.ob3 import from_ob3
    from ..credentials.render.pdf import PLACEHOLDER_VERIFICATION_BASE, render_pdf
    from ..credentials.render.pdf import verification_url as default_url
    from ..credentials.verify import MAX_BYTES

    try:
        data = read_limited(credential_file, MAX_BYTES)
        is_jwt = detect(data) == "jwt"
        document = _document(data, is_jwt)
        is_edc = "EuropeanDigitalCredential" in document.get("type", [])
        award = from_edc(document) if is_edc else from_ob3(document)
        name = "credential-edc.jsonld" if is_edc else (
            "credential-ob3.jwt" if is_jwt else "credential-ob3.json")  # fmt: skip
        attachments = {name: data}
        if edc_file is not None:
            if is_edc:
                _fail(f"{credential_file} is an EDC already: give --edc with an OB 3.0 credential")
            attachments["credential-edc.jsonld"] = read_limited(edc_file, MAX_BYTES)
        logo_bytes = read_limited(logo, _LOGO_BYTES) if logo else None
    except OSError as exc:
        _fail(f"{exc.filename or credential_file}: {exc.strerror}")
    except ValueError as exc:
        _fail(f"{credential_file}: not a credential ({exc})")
    except MicrocredError as exc:
        _fail(f"{credential_file}: {exc.message}")
    try:
        if verification_url is None:
            credential_id = document.get("id")
            if not isinstance(credential_id, str) or not credential_id.strip():
                _fail(f"{credential_file}: the credential has no id: give --verification-url")
            verification_url = default_url(credential_id, base or PLACEHOLDER_VERIFICATION_BASE)
            if not base:
                click.echo(
                    f"warning: the QR code points to {verification_url}, a placeholder that "
                    f"never resolves: give --verification-base (or set {BASE_VARIABLE}) to "
                    "the address that serves /verify/<credential id> before printing",
                    err=True,
                )
        pdf = render_pdf(award, credentials=attachments, verification_url=verification_url,
                         lang=lang, logo=logo_bytes, file_name=out.name)  # fmt: skip
    except MicrocredError as exc:
        _fail(f"cannot render {out}: {exc.message}")
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        _fail(f"{out}: {exc.strerror}")
    click.echo(str(out))
