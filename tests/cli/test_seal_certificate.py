"""``microcred seal-certificate``: a test e-seal certificate whose O= is the design's
awarding body exactly, so that an EDC built from the design, sealed with it, passes
``verify``'s issuer check (with the trust-list warning); and every mistake a clear exit 2.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from cryptography import x509
from cryptography.x509.oid import NameOID

from microcred.cli import cli
from microcred.credentials.edc import to_edc
from microcred.credentials.jades import load_seal_credentials, seal

from ..conftest import EXAMPLES, example_award

DESIGN = EXAMPLES / "python-basics.yaml"
POLISH = "Politechnika Nadwiślańska — Centrum Kształcenia Ustawicznego"
ENGLISH = "Vistula University of Technology — Centre for Lifelong Learning"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _subject(p12: Path, password: str | None = None) -> dict[x509.ObjectIdentifier, Any]:
    leaf = load_seal_credentials(p12, password).certificates[0]
    return {attribute.oid: attribute.value for attribute in leaf.subject}


def _design(tmp_path: Path, old: str, new: str) -> Path:
    text = DESIGN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "design.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _seal_and_verify(tmp_path: Path, p12: Path, password: str) -> dict[str, Any]:
    """An EDC of the example design, sealed with ``p12`` by ``sign``, then ``verify --json``."""
    unsigned = tmp_path / "edc.json"
    unsigned.write_text(json.dumps(to_edc(example_award())), encoding="utf-8")
    code, out, err = _run("sign", "--format", "edc", "--seal", str(p12),
                          "--seal-password", password, str(unsigned))  # fmt: skip
    assert code == 0, err
    sealed = tmp_path / "sealed.json"
    sealed.write_text(out, encoding="utf-8")
    code, out, _ = _run("verify", "--json", "--lang", "en", str(sealed))
    report: dict[str, Any] = json.loads(out)
    report["exit_code"] = code
    return report


def test_design_to_sealed_edc_to_verified(tmp_path: Path) -> None:
    """The journey: seal-certificate → sign --format edc --seal → verify: the seal check
    passes (its O= is the issuer's legal name, diacritics included), with the warning
    that no trust list was checked."""
    p12 = tmp_path / "seal.p12"
    code, out, err = _run("seal-certificate", "--design", str(DESIGN), "--out", str(p12),
                          "--password", "hasło")  # fmt: skip
    assert code == 0, err
    assert stat.S_IMODE(p12.stat().st_mode) == 0o600
    assert "a self-signed TEST e-seal certificate (not qualified)" in out
    assert f"O={POLISH}" in out
    assert "encrypted" in out
    assert "no organizationIdentifier" in err  # POL-on has no ETSI identity type
    subject = _subject(p12, "hasło")
    assert subject[NameOID.ORGANIZATION_NAME] == POLISH
    assert subject[NameOID.COUNTRY_NAME] == "PL"
    assert subject[NameOID.COMMON_NAME].endswith("(TEST – not qualified)")
    assert NameOID.ORGANIZATION_IDENTIFIER not in subject
    leaf = load_seal_credentials(p12, "hasło").certificates[0]
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert usage.content_commitment
    qc_statements = x509.ObjectIdentifier("1.3.6.1.5.5.7.1.3")
    assert qc_statements not in [extension.oid for extension in leaf.extensions]
    days = (leaf.not_valid_after_utc - leaf.not_valid_before_utc).days
    assert days == 365

    report = _seal_and_verify(tmp_path, p12, "hasło")
    assert report["exit_code"] == 0
    assert report["verified"] is True
    checks = {check["name"]: check for check in report["checks"]}
    assert checks["issuer"]["status"] == "pass"
    assert POLISH in checks["issuer"]["reason"]
    warnings = {c["code"] for c in report["checks"] if c["status"] == "warning"}
    assert {"trust_list_not_checked", "self_signed"} <= warnings


def test_legal_identifier_language_and_validity(tmp_path: Path) -> None:
    """A NIP becomes organizationIdentifier VATPL-…; --name-lang picks another of the
    body's names (still one of the issuer's legal names); --days sets the validity."""
    design = _design(tmp_path, '{scheme: polon, value: "PN-0471"}',
                     '{scheme: nip, value: "896-000-58-51"}')  # fmt: skip
    p12 = tmp_path / "seal.p12"
    code, out, err = _run("seal-certificate", "--design", str(design), "--out", str(p12),
                          "--name-lang", "en", "--days", "30")  # fmt: skip
    assert code == 0, err
    assert "NOT encrypted" in out
    assert err == ""
    subject = _subject(p12)
    assert subject[NameOID.ORGANIZATION_NAME] == ENGLISH
    assert subject[NameOID.ORGANIZATION_IDENTIFIER] == "VATPL-8960005851"
    leaf = load_seal_credentials(p12).certificates[0]
    assert (leaf.not_valid_after_utc - leaf.not_valid_before_utc).days == 30
    report = _seal_and_verify(tmp_path, p12, "")
    assert report["verified"] is True
    # an explicit identifier wins, and --force replaces the file
    code, _, err = _run("seal-certificate", "--design", str(design), "--out", str(p12),
                        "--organization-identifier", "NTRPL-0000012345", "--force")  # fmt: skip
    assert code == 0, err
    assert _subject(p12)[NameOID.ORGANIZATION_IDENTIFIER] == "NTRPL-0000012345"
    assert _subject(p12)[NameOID.ORGANIZATION_NAME] == POLISH


def test_the_password_comes_from_the_environment_as_sign_reads_it(tmp_path: Path) -> None:
    p12 = tmp_path / "seal.p12"
    result = CliRunner(env={"MICROCRED_SEAL_PASSWORD": "z-env"}).invoke(
        cli, ["seal-certificate", "--design", str(DESIGN), "--out", str(p12)]
    )
    assert result.exit_code == 0, result.stderr
    assert _subject(p12, "z-env")[NameOID.ORGANIZATION_NAME] == POLISH


def test_a_seal_of_another_organisation_is_refused(tmp_path: Path) -> None:
    """Why O= must be the issuer's name: ``sign`` refuses a certificate of another body
    (diacritics count), and a seal made without that check fails verify's issuer check."""
    design = _design(tmp_path, f"pl: {POLISH}", "pl: Politechnika Nadwislanska")  # no diacritics
    p12 = tmp_path / "other.p12"
    code, _, err = _run("seal-certificate", "--design", str(design), "--out", str(p12),
                        "--password", "x")  # fmt: skip
    assert code == 0, err
    unsigned = tmp_path / "edc.json"
    unsigned.write_text(json.dumps(to_edc(example_award())), encoding="utf-8")
    code, out, err = _run("sign", "--format", "edc", "--seal", str(p12), "--seal-password", "x",
                          str(unsigned))  # fmt: skip
    assert (code, out) == (2, "")
    assert "O= 'Politechnika Nadwislanska' is none of the issuer's legal names" in err
    assert f"'{POLISH}'" in err

    other = load_seal_credentials(p12, "x")
    sealed = tmp_path / "sealed.json"
    document = seal(to_edc(example_award()), key=other.key, certificates=other.certificates)
    sealed.write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = _run("verify", "--json", "--lang", "en", str(sealed))
    report = json.loads(out)
    assert (code, report["verified"]) == (1, False)
    issuer = next(check for check in report["checks"] if check["name"] == "issuer")
    assert (issuer["status"], issuer["code"]) == ("fail", "seal_organisation_differs")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--name-lang", "de"], "the awarding body has no name in 'de' (it has pl, en)"),
        (["--organization-identifier", "NIP 8960005851"], "is not in the ETSI EN 319 412-1 form"),
        (["--days", "0"], "Invalid value for '--days'"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    p12 = tmp_path / "seal.p12"
    code, out, err = _run("seal-certificate", "--design", str(DESIGN), "--out", str(p12), *extra)
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err
    assert not p12.exists()


def test_unusable_designs_and_files_exit_2(tmp_path: Path) -> None:
    p12 = tmp_path / "seal.p12"
    code, _, err = _run("seal-certificate", "--design", str(tmp_path / "nope.yaml"),
                        "--out", str(p12))  # fmt: skip
    assert (code, "no such file" in err, p12.exists()) == (2, True, False)
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: {pl: X}\nawarding_bodies: 7\n", encoding="utf-8")
    code, _, err = _run("seal-certificate", "--design", str(broken), "--out", str(p12))
    assert (code, str(broken) in err, p12.exists()) == (2, True, False)
    no_body = tmp_path / "no-body.yaml"
    no_body.write_text("title: {pl: Kurs}\n", encoding="utf-8")
    code, _, err = _run("seal-certificate", "--design", str(no_body), "--out", str(p12))
    assert (code, "names no awarding body" in err, p12.exists()) == (2, True, False)
    long = _design(tmp_path, f"pl: {POLISH}", "pl: " + "Akademia " * 10)
    code, _, err = _run("seal-certificate", "--design", str(long), "--out", str(p12))
    assert code == 2
    assert "at most 64 (RFC 5280 ub-organization-name)" in err
    assert not p12.exists()
    p12.write_bytes(b"keep me")
    code, _, err = _run("seal-certificate", "--design", str(DESIGN), "--out", str(p12))
    assert (code, "exists (use --force to overwrite)" in err) == (2, True)
    assert p12.read_bytes() == b"keep me"
    code, _, err = _run("seal-certificate", "--design", str(DESIGN),
                        "--out", str(tmp_path / "no-such-dir" / "seal.p12"))  # fmt: skip
    assert (code, "cannot write" in err) == (2, True)


def test_help_says_what_a_production_certificate_carries() -> None:
    code, out, _ = _run("seal-certificate", "--help")
    assert code == 0
    text = " ".join(out.split())
    for fact in (
        "qualified certificate for electronic seals",
        "qualified trust service provider (QTSP)",
        "trusted list",
        "advanced or qualified e-seal",
        "QcCompliance (esi4-qcStatement-1, 0.4.0.1862.1.1)",
        "QcType eseal (0.4.0.1862.1.6.2)",
        "QCP-l or QCP-l-qscd",
        "C, O, organizationIdentifier and CN (ETSI EN 319 412-3)",
        "exactly the issuer's legal name",
        "diacritics included",
        "VATPL-8960005851",
        "nonRepudiation",
        "trust list was not checked",
    ):
        assert fact in text, fact
