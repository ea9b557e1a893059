"""``microcred seal-certificate --design DESIGN.yaml --out seal.p12``: a TEST e-seal
certificate for the design's awarding body, to try ``sign --format edc --seal``.

The certificate is self-signed and says so (``CN=… (TEST – not qualified)``, no
QCStatements); its ``O`` is the awarding body's name exactly as the design writes it, so
``verify``'s issuer check passes on an EDC built from the same design. The key and
certificate are written as PKCS#12 with mode 0600.
"""

from __future__ import annotations

__all__ = ["seal_certificate_command"]

from pathlib import Path

import click
from cryptography import x509
from cryptography.x509.oid import NameOID

from ..credentials.jades import SealError
from ..credentials.jades.certificates import (
    dump_seal_credentials,
    seal_subject,
    self_signed_seal_certificate,
)
from ..standard import designfile
from ..standard.elements import Award, MicroCredentialSpec
from ._common import fail, read_design, write_private

_PRODUCTION = """\b
A PRODUCTION e-seal is not made here. Europass asks for an advanced or qualified
e-seal; a qualified one rests on a qualified certificate for electronic seals
(eIDAS Art. 38, Annex III) from a qualified trust service provider (QTSP) listed on an
EU Member State's trusted list, and carries:
  - QCStatements (ETSI EN 319 412-5): QcCompliance (esi4-qcStatement-1,
    0.4.0.1862.1.1), QcType eseal (0.4.0.1862.1.6.2) and, when the key is held in a
    qualified seal creation device, QcSSCD (0.4.0.1862.1.4);
  - the policy QCP-l or QCP-l-qscd (ETSI EN 319 411-2);
  - a subject with C, O, organizationIdentifier and CN (ETSI EN 319 412-3), where O is
    exactly the issuer's legal name as the credential states it, diacritics included
    (verify compares the two), and organizationIdentifier is e.g. VATPL-8960005851,
    NTRPL-0000012345 or LEIXG-... (ETSI EN 319 412-1);
  - key usage nonRepudiation (contentCommitment), alone or with digitalSignature;
  - its validity period and where to ask for its revocation status (OCSP, CRL).
Seal while it is valid, with a time-stamp (sign --tsa) so seals stay verifiable after
it expires. microcred verify checks the seal, the certificate's dates and key usage,
and never the trusted lists: it always warns that the trust list was not checked."""


def _spec_of(path: Path) -> MicroCredentialSpec:
    """The design (or an award's design) in ``path``; exits 2 with located problems."""
    subject = read_design(path, "en", designfile.loads_any)
    return subject.spec if isinstance(subject, Award) else subject


def _rfc4514(name: x509.Name) -> str:
    return name.rfc4514_string({NameOID.ORGANIZATION_IDENTIFIER: "organizationIdentifier"})


@click.command("seal-certificate", epilog=_PRODUCTION)
@click.option("--design", "design", type=click.Path(path_type=Path), required=True,
              help="Design (or award) file whose first awarding body seals.")  # fmt: skip
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="PKCS#12 file to write (mode 0600).")  # fmt: skip
@click.option("--password", envvar="MICROCRED_SEAL_PASSWORD",
              help="Encrypt the PKCS#12 file with this password (or "
              "$MICROCRED_SEAL_PASSWORD, which sign --seal also reads). Without one the "
              "file is not encrypted.")  # fmt: skip
@click.option("--days", type=click.IntRange(1, 3650), default=365, show_default=True,
              help="Validity in days.")  # fmt: skip
@click.option("--name-lang", metavar="LANG",
              help="Language of the body's name to use as O= (default: the first the "
              "design gives).")  # fmt: skip
@click.option("--organization-identifier", "org_id", metavar="ID",
              help="organizationIdentifier (ETSI EN 319 412-1), e.g. VATPL-8960005851; "
              "default: from the body's legal identifier (VAT, NIP, KRS, LEI).")  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def seal_certificate_command(
    design: Path, out: Path, password: str | None, days: int, name_lang: str | None,
    org_id: str | None, force: bool,
) -> None:  # fmt: skip
    """Make a self-signed TEST e-seal certificate (PKCS#12) for the design's awarding
    body: O= its name exactly, C= its country, organizationIdentifier from its legal
    identifier; key usage digitalSignature + nonRepudiation; P-256 key (ES256). For
    trying `sign --format edc --seal`; never for credentials people rely on."""
    spec = _spec_of(design)
    if not spec.awarding_bodies:
        fail(f"{design} names no awarding body")
    body = spec.awarding_bodies[0]
    try:
        subject = seal_subject(body, lang=name_lang)
        if org_id is not None:
            subject = subject._replace(organisation_identifier=org_id)
        credentials = self_signed_seal_certificate(
            subject.organisation,
            subject.country,
            valid_days=days,
            organisation_identifier=subject.organisation_identifier,
        )
    except SealError as exc:
        fail(design, exc)
    write_private(out, dump_seal_credentials(credentials, password), force)
    leaf = credentials.certificates[0]
    click.echo(f"{out}: a self-signed TEST e-seal certificate (not qualified)")
    click.echo(f"  subject: {_rfc4514(leaf.subject)}")
    click.echo(f"  valid:   {leaf.not_valid_before_utc:%Y-%m-%d} to "
               f"{leaf.not_valid_after_utc:%Y-%m-%d}")  # fmt: skip
    click.echo("  key:     EC P-256 (ES256), key usage digitalSignature, nonRepudiation")
    click.echo("  file:    PKCS#12, mode 0600, " + ("encrypted" if password else "NOT encrypted"))
    if subject.organisation_identifier is None:
        identifier = body.legal_identifier
        why = (
            f"the body's legal identifier ({identifier.scheme}) has no ETSI EN 319 412-1 type"
            if identifier
            else "the body has no legal identifier"
        )
        click.echo(f"note: no organizationIdentifier: {why}; a qualified certificate "
                   "carries one (give --organization-identifier)", err=True)  # fmt: skip
