"""``microcred render``: a printable PDF certificate carrying the signed credentials."""

from __future__ import annotations

__all__ = ["render_command"]

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..credentials.edc import from_edc
from ..credentials.errors import CredentialError
from ..credentials.jades import verify_seal
from ..credentials.ob3 import from_ob3
from ..credentials.render import render_pdf
from ..credentials.vc_jose import JWT_SHAPE, verify_jwt
from ..credentials.verify import MAX_BYTES
from ..standard.errors import MicrocredError
from ._common import EXIT_BAD_INPUT, read_limited


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def _document(data: bytes) -> dict[str, Any]:
    """The credential inside a file: JSON, a compact JWT, or a JAdES-sealed EDC."""
    if JWT_SHAPE.match(data.strip()):
        _, payload = verify_jwt(data)
        if payload is None:
            raise CredentialError("the JWT cannot be read (its issuer key is not resolvable?)")
        return payload
    document = json.loads(data)
    if isinstance(document, dict) and "signatures" in document and "payload" in document:
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
@click.option("--out", required=True, type=click.Path(path_type=Path), help="PDF to write.")
@click.option("--lang", type=click.Choice(["pl", "en"]), default="pl", show_default=True)
@click.option("--verification-url", help="Public verification page (default: the credential id).")
@click.option("--logo", type=click.Path(path_type=Path), help="Provider logo (PNG, JPEG, SVG).")
def render_command(credential_file: Path, edc_file: Path | None, out: Path, lang: str,
                   verification_url: str | None, logo: Path | None) -> None:  # fmt: skip
    """Render a printable PDF certificate (A4) with the credentials attached."""
    try:
        data = read_limited(credential_file, MAX_BYTES)
        document = _document(data)
        types = document.get("type", [])
        award = from_edc(document) if "EuropeanDigitalCredential" in types else from_ob3(document)
        is_jwt = bool(JWT_SHAPE.match(data.strip()))
        name = "credential-edc.jsonld" if "EuropeanDigitalCredential" in types else (
            "credential-ob3.jwt" if is_jwt else "credential-ob3.json")  # fmt: skip
        attachments = {name: data}
        if edc_file is not None:
            attachments["credential-edc.jsonld"] = read_limited(edc_file, MAX_BYTES)
        url = verification_url or str(document.get("id", ""))
        if not url.startswith(("https://", "http://")):
            _fail("give --verification-url: the credential id is not a web address")
        logo_bytes = read_limited(logo, 2 * 1024 * 1024) if logo else None
        pdf = render_pdf(award, credentials=attachments, verification_url=url, lang=lang,
                         logo=logo_bytes)  # fmt: skip
    except OSError as exc:
        _fail(f"{exc.filename or credential_file}: {exc.strerror}")
    except ValueError as exc:
        _fail(f"{credential_file}: not a credential ({exc})")
    except MicrocredError as exc:
        _fail(f"{credential_file}: {exc.message}")
    out.write_bytes(pdf)
    click.echo(str(out))
