"""``microcred render``: a printable PDF certificate carrying the signed credentials.

The QR code points to ``BASE/verify/<credential id>`` (the platform's verification page),
``BASE`` from ``--verification-base`` or ``MICROCRED_VERIFICATION_BASE``; without either,
a placeholder under ``.invalid`` that never resolves, and a warning. ``--verification-url``
gives the whole address instead. The footer's ``microcred verify …`` line names the file
written (``--out``). The renderer (WeasyPrint) is imported only when a page is drawn.
Errors and the warning are said in the certificate's language (``--lang``).
"""

from __future__ import annotations

__all__ = ["render_command"]

import json
from pathlib import Path
from typing import Any

import click

from ..standard.errors import MicrocredError
from ..standard.messages import Message, Reason
from ._common import fail, read_limited

#: what ``--verification-base`` defaults to, besides the command line
BASE_VARIABLE = "MICROCRED_VERIFICATION_BASE"
_LOGO_BYTES = 2 * 1024 * 1024

# --- what render says, in the certificate's language ------------------------------------
JWT_UNREADABLE = Message(
    "jwt_unreadable",
    "the JWT cannot be read (its issuer key is not resolvable?)",
    "nie można odczytać JWT (nie da się ustalić klucza wystawcy?)",
)
ALREADY_EDC = Message(
    "already_edc",
    "{file} is an EDC already: give --edc with an OB 3.0 credential",
    "{file} jest już poświadczeniem EDC: z --edc podaj poświadczenie OB 3.0",
)
NOT_A_CREDENTIAL = Message(
    "not_a_credential",
    "{file}: not a credential ({detail})",
    "{file}: to nie jest poświadczenie ({detail})",
)
NO_CREDENTIAL_ID = Message(
    "no_credential_id",
    "{file}: the credential has no id: give --verification-url",
    "{file}: poświadczenie nie ma identyfikatora (id): podaj --verification-url",
)
CANNOT_RENDER = Message("cannot_render", "cannot render {out}", "nie można utworzyć {out}")
PLACEHOLDER_WARNING = Message(
    "placeholder_base",
    "warning: the QR code points to {url}, a placeholder that never resolves: give "
    "--verification-base (or set {variable}) to the address that serves "
    "/verify/<credential id> before printing",
    "ostrzeżenie: kod QR prowadzi do {url}, adresu zastępczego, który nigdy nie działa: "
    "przed drukiem podaj --verification-base (lub ustaw {variable}) — adres, pod którym "
    "działa /verify/<identyfikator poświadczenia>",
)


def _document(data: bytes, is_jwt: bool) -> dict[str, Any]:
    """The credential inside a file: JSON, a compact JWT, or a JAdES-sealed EDC."""
    from ..credentials.errors import CredentialError
    from ..credentials.formats import is_jades
    from ..credentials.jades import verify_seal
    from ..credentials.vc_jose import verify_jwt

    if is_jwt:
        _, payload = verify_jwt(data)
        if payload is None:
            raise CredentialError(JWT_UNREADABLE())
        return payload
    document = json.loads(data)
    if is_jades(document):
        sealed = verify_seal(document)
        if sealed.document is None:
            raise CredentialError(Reason(sealed.code, sealed.reason, sealed.reason_pl))
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
@click.option("--lang", type=click.Choice(["pl", "en"]), default="pl", show_default=True,
              help="Language of the certificate and of the messages.")  # fmt: skip
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
    from ..credentials.baking.pdf import EDC_JSONLD, OB3_JSON, OB3_JWT
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
        name = EDC_JSONLD if is_edc else OB3_JWT if is_jwt else OB3_JSON
        attachments = {name: data}
        if edc_file is not None:
            if is_edc:
                fail(ALREADY_EDC(file=credential_file), lang=lang)
            attachments[EDC_JSONLD] = read_limited(edc_file, MAX_BYTES)
        logo_bytes = read_limited(logo, _LOGO_BYTES) if logo else None
    except OSError as exc:
        fail(exc.filename or credential_file, exc.strerror, lang=lang)
    except ValueError as exc:
        fail(NOT_A_CREDENTIAL(file=credential_file, detail=exc), lang=lang)
    except MicrocredError as exc:
        fail(credential_file, exc, lang=lang)
    try:
        if verification_url is None:
            credential_id = document.get("id")
            if not isinstance(credential_id, str) or not credential_id.strip():
                fail(NO_CREDENTIAL_ID(file=credential_file), lang=lang)
            verification_url = default_url(credential_id, base or PLACEHOLDER_VERIFICATION_BASE)
            if not base:
                warning = PLACEHOLDER_WARNING(url=verification_url, variable=BASE_VARIABLE)
                click.echo(warning.text(lang), err=True)
        pdf = render_pdf(award, credentials=attachments, verification_url=verification_url,
                         lang=lang, logo=logo_bytes, file_name=out.name)  # fmt: skip
    except MicrocredError as exc:
        fail(CANNOT_RENDER(out=out), exc, lang=lang)
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        fail(out, exc.strerror, lang=lang)
    click.echo(str(out))
