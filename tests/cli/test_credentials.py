"""`microcred keys`, `sign` and `verify`, through the installed command and CliRunner."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from microcred.cli import cli
from microcred.cli._common import IS_A_DIRECTORY
from microcred.cli.verify import (
    CREDENTIAL_STATES,
    ISSUER_NOT_CONFIRMED,
    NOT_A_TIME,
    STATUS_LIST_NOT_GIVEN,
    STATUS_LIST_UNREADABLE,
)
from microcred.credentials.ob3 import to_ob3

from ..conftest import example_award, proof_of


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _unsigned(name: str = "python-basics.yaml") -> dict[str, Any]:
    learner = {"given_name": "Jan", "family_name": "Nowak", "email": "jan@example.org",
               "date_of_birth": "1995-05-05"}  # fmt: skip
    award = example_award(name, learner=learner)
    return to_ob3(award, issuer_id="did:example:to-be-replaced")


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "issuer-key.json"
    code, out, _ = _run("keys", "generate", "--out", str(path))
    assert code == 0
    assert out.startswith("did:key:z6Mk")
    return path


def test_key_file_is_private(key_file: Path) -> None:
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    data = json.loads(key_file.read_text())
    assert data["type"] == "Multikey"
    assert "secretKeyMultibase" in data


def test_generate_refuses_to_overwrite(key_file: Path) -> None:
    code, _, err = _run("keys", "generate", "--out", str(key_file))
    assert code == 2
    assert "exists" in err


def test_p256_keys(tmp_path: Path) -> None:
    path = tmp_path / "p256.json"
    assert _run("keys", "generate", "--type", "p256", "--out", str(path))[0] == 0
    code, out, _ = _run("keys", "show", "--json", str(path))
    assert code == 0
    shown = json.loads(out)
    assert shown["algorithm"] == "P-256"
    assert shown["publicKeyMultibase"].startswith("zDna")
    assert "secretKeyMultibase" not in out


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_sign_then_verify(tmp_path: Path, key_file: Path, suite: str) -> None:
    unsigned = tmp_path / "unsigned.json"
    unsigned.write_text(json.dumps(_unsigned()), encoding="utf-8")
    code, out, err = _run("sign", "--key", str(key_file), "--suite", suite, str(unsigned))
    assert code == 0, err
    signed = json.loads(out)
    key_did = json.loads(key_file.read_text())["controller"]
    assert signed["issuer"]["id"] == key_did
    assert proof_of(signed)["cryptosuite"] == suite
    path = tmp_path / "signed.json"
    path.write_text(out, encoding="utf-8")
    code, out, _ = _run("verify", "--lang", "en", str(path))
    assert code == 0
    assert "VERIFIED — micro-credential" in out
    # who signed, and plainly that nobody vouches for them: the issuer is a claim
    assert f"Signed by: {key_did} (key {key_did}#" in out
    assert "Issuer: NOT CONFIRMED" in out
    assert "the credential states:\n    Title:" in out
    assert "\n  Awarded by" not in out  # never at the level of a verified fact
    assert "! trust: signed by" in out
    assert "    Learner: Jan Nowak\n" in out
    assert "    Issued on: 2025-06-20\n" in out
    assert "claims (not confirmed)" not in out
    code, out, _ = _run("verify", "--lang", "pl", str(path))
    assert f"Podpisał: {key_did} (klucz {key_did}#" in out
    assert ISSUER_NOT_CONFIRMED.pl in out
    assert CREDENTIAL_STATES.pl in out
    assert "! zaufanie: podpisał" in out  # the check's name in Polish too


def test_batch_sign_into_a_folder(tmp_path: Path, key_file: Path) -> None:
    names = ["python-basics.yaml", "team-communication.yaml", "cybersecurity-webinar.yaml"]
    files = []
    for name in names:
        path = tmp_path / f"{Path(name).stem}.json"
        path.write_text(json.dumps(_unsigned(name)), encoding="utf-8")
        files.append(str(path))
    out_dir = tmp_path / "signed"
    code, _, err = _run("sign", "--key", str(key_file), "--out-dir", str(out_dir), *files)
    assert code == 0, err
    code, out, _ = _run("verify", "--json", *[str(p) for p in sorted(out_dir.iterdir())])
    assert code == 0
    reports = [json.loads(line) for line in out.splitlines()]
    assert [r["verified"] for r in reports] == [True, True, True]
    assert {r["verdict"] for r in reports} == {"micro-credential", "participation-badge"}
    assert set(reports[0]) >= {"file", "verified", "checks", "eu_elements", "verdict"}


def test_verify_tampered_exits_1_with_the_reason(tmp_path: Path, key_file: Path) -> None:
    unsigned = tmp_path / "u.json"
    unsigned.write_text(json.dumps(_unsigned()), encoding="utf-8")
    signed = json.loads(_run("sign", "--key", str(key_file), str(unsigned))[1])
    signed["credentialSubject"]["achievement"]["creditsAvailable"] = 30.0
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(signed), encoding="utf-8")
    code, out, _ = _run("verify", "--lang", "pl", str(path))
    assert code == 1
    assert "NIEZWERYFIKOWANE" in out
    assert "podpis nie zgadza się z treścią" in out
    assert "deklaruje (niepotwierdzone):\n    Tytuł:" in out


def test_verify_now_option(tmp_path: Path, key_file: Path) -> None:
    unsigned = tmp_path / "u.json"
    unsigned.write_text(json.dumps(_unsigned()), encoding="utf-8")
    path = tmp_path / "s.json"
    path.write_text(_run("sign", "--key", str(key_file), str(unsigned))[1], encoding="utf-8")
    code, out, _ = _run("verify", "--json", "--now", "2020-01-01T00:00:00Z", str(path))
    assert code == 1
    dates = next(c for c in json.loads(out)["checks"] if c["name"] == "dates")
    assert dates["code"] == "not_yet_valid"
    assert _run("verify", "--now", "yesterday", str(path))[0] == 2


def test_usage_and_unreadable_files_exit_2(tmp_path: Path, key_file: Path) -> None:
    assert _run("verify", str(tmp_path / "missing.json"))[0] == 2
    assert _run("sign", "--key", str(key_file), "a.json", "b.json")[0] == 2  # no --out-dir
    bad_key = tmp_path / "bad-key.json"
    bad_key.write_text('{"publicKeyMultibase": "zBAD"}', encoding="utf-8")
    code, _, err = _run("sign", "--key", str(bad_key), str(key_file))
    assert code == 2
    assert "bad-key.json" in err
    p256 = tmp_path / "p.json"
    _run("keys", "generate", "--type", "p256", "--out", str(p256))
    code, _, err = _run("sign", "--key", str(p256), str(key_file))
    assert code == 2
    assert "needs an Ed25519 key" in err


def test_sign_names_the_size_limit_of_an_oversized_file(tmp_path: Path, key_file: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b'{"a": "' + b"x" * (1024 * 1024) + b'"}')
    code, out, err = _run("sign", "--key", str(key_file), str(big))
    assert (code, out) == (2, "")
    assert err == f"error: {big}: larger than 1048576 bytes\n"
    did_file = tmp_path / "did.json"
    did_file.write_bytes(big.read_bytes())
    code, _, err = _run("sign", "--key", str(key_file), "--issuer", "did:web:uni.example",
                        "--did-document", str(did_file), str(big))  # fmt: skip
    expected = f"error: {did_file} is not a readable DID document: larger than 1048576 bytes\n"
    assert (code, err) == (2, expected)


def test_sign_refuses_unsafe_json_ld(tmp_path: Path, key_file: Path) -> None:
    document = _unsigned() | {"nickname": "not defined by any context"}
    path = tmp_path / "u.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = _run("sign", "--key", str(key_file), str(path))
    assert code == 2
    assert "'nickname' is not defined" in err


def test_installed_verify_never_prints_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "junk.json"
    path.write_bytes(b'{"@context": null, "type": {"x": [1, 2]}, "proof": 5}')
    script = Path(sys.executable).parent / "microcred"
    result = subprocess.run([str(script), "verify", str(path)], capture_output=True, text=True,
                            timeout=60, check=False)  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr


def test_installed_verify_of_an_ill_typed_edc_is_told_in_words(tmp_path: Path) -> None:
    """rdflib logs a traceback for a literal that does not fit its datatype: the user
    sees the shapes' sentence instead."""
    from microcred.credentials.edc import to_edc

    document = to_edc(example_award()) | {"validFrom": "yesterday"}
    path = tmp_path / "edc.json"
    path.write_text(json.dumps(document))
    script = Path(sys.executable).parent / "microcred"
    result = subprocess.run([str(script), "verify", str(path)], capture_output=True, text=True,
                            timeout=120, check=False)  # fmt: skip
    assert result.returncode == 1
    assert "cred:validFrom: Value is not Literal with datatype xsd:dateTime" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""


def test_bake_extract_verify(tmp_path: Path, key_file: Path) -> None:
    import io

    import png

    unsigned = tmp_path / "u.json"
    unsigned.write_text(json.dumps(_unsigned()), encoding="utf-8")
    signed = tmp_path / "s.json"
    signed.write_text(_run("sign", "--key", str(key_file), str(unsigned))[1], encoding="utf-8")
    image = tmp_path / "badge.png"
    out = io.BytesIO()
    png.Writer(2, 2, greyscale=True).write(out, [[0, 255], [255, 0]])
    image.write_bytes(out.getvalue())
    baked = tmp_path / "baked.png"
    code, _, err = _run(
        "bake", "--credential", str(signed), "--image", str(image), "--out", str(baked)
    )
    assert code == 0, err
    code, out_text, _ = _run("extract", str(baked))
    assert code == 0
    assert json.loads(out_text) == json.loads(signed.read_text())
    code, out_text, _ = _run("verify", "--lang", "en", str(baked))
    assert code == 0
    assert "VERIFIED" in out_text
    code, _, err = _run("extract", str(image))
    assert code == 2
    assert "no openbadgecredential chunk" in err


def test_sign_as_a_did_web_issuer(tmp_path: Path, key_file: Path) -> None:
    public = json.loads(_run("keys", "show", "--json", str(key_file))[1])
    did = "did:web:uczelnia.example.pl"
    document = {
        "id": did,
        "verificationMethod": [{"id": f"{did}#klucz-1", "type": "Multikey", "controller": did,
                                "publicKeyMultibase": public["publicKeyMultibase"]}],
        "assertionMethod": [f"{did}#klucz-1"],
    }  # fmt: skip
    did_file = tmp_path / "did.json"
    did_file.write_text(json.dumps(document), encoding="utf-8")
    unsigned = tmp_path / "u.json"
    unsigned.write_text(json.dumps(_unsigned()), encoding="utf-8")
    code, out, err = _run("sign", "--key", str(key_file), "--issuer", did,
                          "--did-document", str(did_file), str(unsigned))  # fmt: skip
    assert code == 0, err
    signed = json.loads(out)
    assert signed["issuer"]["id"] == did
    assert proof_of(signed)["verificationMethod"] == f"{did}#klucz-1"
    path = tmp_path / "s.json"
    path.write_text(out, encoding="utf-8")
    assert _run("verify", "--did-document", str(did_file), str(path))[0] == 0
    assert _run("verify", str(path))[0] == 1  # offline, with no DID document: not resolvable
    other = tmp_path / "other-key.json"
    _run("keys", "generate", "--out", str(other))
    code, _, err = _run("sign", "--key", str(other), "--issuer", did,
                        "--did-document", str(did_file), str(unsigned))  # fmt: skip
    assert code == 2
    assert "not a verification method" in err


def test_seal_an_edc_with_a_pkcs12_file_and_verify(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from microcred.credentials.edc import to_edc
    from microcred.credentials.jades import self_signed_seal_certificate

    def write_p12(path: Path, organisation: str) -> Path:
        credentials = self_signed_seal_certificate(organisation, "PL")
        encryption = BestAvailableEncryption(b"haslo")
        leaf = credentials.certificates[0]
        path.write_bytes(
            pkcs12.serialize_key_and_certificates(b"seal", credentials.key, leaf, None, encryption)
        )
        return path

    # O= is the issuer's legal name exactly, as the example design writes it
    p12 = write_p12(tmp_path / "seal.p12",
                    "Politechnika Nadwiślańska — Centrum Kształcenia Ustawicznego")  # fmt: skip
    award = example_award(learner={"given_name": "Jan", "family_name": "Nowak"})
    unsigned = tmp_path / "edc.json"
    unsigned.write_text(json.dumps(to_edc(award)), encoding="utf-8")
    code, out, err = _run("sign", "--format", "edc", "--seal", str(p12), "--seal-password", "haslo",
                          str(unsigned))  # fmt: skip
    assert code == 0, err
    sealed = tmp_path / "sealed.json"
    sealed.write_text(out, encoding="utf-8")
    code, out, _ = _run("verify", "--json", str(sealed))
    report = json.loads(out)
    assert report["format"] == "jades"
    assert {c["code"] for c in report["checks"]} >= {"trust_list_not_checked", "self_signed"}
    assert _run("sign", "--format", "ob3", "--seal", str(p12), "--seal-password", "haslo",
                str(unsigned))[0] == 2  # fmt: skip
    assert _run("sign", "--seal", str(p12), "--seal-password", "zle", str(unsigned))[0] == 2
    # a shortened name is another organisation: refused before sealing (verify would fail it)
    short = write_p12(tmp_path / "short.p12", "Politechnika Nadwiślańska")
    code, out, err = _run("sign", "--seal", str(short), "--seal-password", "haslo",
                          str(unsigned))  # fmt: skip
    assert (code, out) == (2, "")
    assert (
        "the e-seal certificate's O= 'Politechnika Nadwiślańska' is none of the issuer's "
        "legal names" in err
    )
    # --tsa: only https, only with --seal; a TSA that cannot be used is a clear error
    code, out, err = _run("sign", "--seal", str(p12), "--seal-password", "haslo",
                          "--tsa", "http://tsa.example.com/tsr", str(unsigned))  # fmt: skip
    assert code == 2
    assert out == ""
    assert "time-stamping authority: only https URLs are fetched" in err
    code, _, err = _run("sign", "--tsa", "https://tsa.example.com/tsr", str(unsigned))
    assert code == 2
    assert "give --seal too" in err


def test_render_a_certificate_and_verify_it(tmp_path: Path, key_file: Path) -> None:
    unsigned = tmp_path / "u.json"
    document = _unsigned() | {"id": "https://ckw.example.edu.pl/credentials/42"}
    unsigned.write_text(json.dumps(document), encoding="utf-8")
    signed = tmp_path / "s.json"
    signed.write_text(_run("sign", "--key", str(key_file), str(unsigned))[1], encoding="utf-8")
    pdf = tmp_path / "certyfikat.pdf"
    code, _, err = _run("render", "--credential", str(signed), "--out", str(pdf), "--lang", "pl")
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF-")
    code, out, _ = _run("verify", "--lang", "pl", str(pdf))
    assert code == 0
    assert "ZWERYFIKOWANO — mikropoświadczenie" in out
    assert "  Osoba ucząca się: Jan Nowak\n" in out
    assert "sama drukowana strona nie jest podpisana" in out
    # the verification URL, the footer and the refusals: tests/cli/test_render.py


def test_verify_an_eu_sealed_sample_from_the_command_line(shared: Path) -> None:
    sample = shared / "vectors/edc-examples/Sample-MC-Annex1-signed.jsonld"
    code, out, _ = _run("verify", "--lang", "en", "--now", "2024-01-01T00:00:00Z", str(sample))
    assert code == 0, out
    assert "VERIFIED — incomplete micro-credential" in out
    assert "  Title: Digital micro-credential creation\n" in out
    assert "trust list" in out
    code, out, _ = _run("verify", "--lang", "en", str(sample))  # today: the seal has expired
    assert code == 1
    assert "INDETERMINATE — incomplete micro-credential" in out
    assert "✓ signature: the e-seal's signature (RS256) by ORGANIZACION TEST is valid" in out
    assert "? proof: the e-seal certificate expired on 2025-05-10T14:31:15Z and nothing" in out
    assert "trust list" in out
    assert "claims (not confirmed):\n    Title: Digital micro-credential creation\n" in out


def test_status_list_url_equals_file_shows_a_revoked_credential_offline(tmp_path: Path) -> None:
    """``--status-list URL=FILE``: the file is what the URL serves, even when the list
    names itself otherwise (it is signed by the credential's issuer)."""
    from microcred.credentials.data_integrity import sign
    from microcred.credentials.keys import KeyPair
    from microcred.credentials.status import StatusList, status_entry, status_list_credential

    key = KeyPair.generate()
    url = "https://uni.example/status/3"
    document = to_ob3(example_award(), issuer_id=key.did_key)
    credential = tmp_path / "credential.json"
    credential.write_text(json.dumps(sign(document | {"credentialStatus": status_entry(url, 42)},
                                          key)))  # fmt: skip
    revoked = StatusList()
    revoked.set(42)
    listing = tmp_path / "list.json"
    published = status_list_credential(
        revoked, credential_id="https://cdn.example/lists/3", issuer=key.did_key
    )
    listing.write_text(json.dumps(sign(published, key)))

    code, out, _ = _run("verify", "--lang", "en", "--now", "2026-01-01", str(credential))
    assert (code, "STATUS UNKNOWN" in out) == (1, True)
    code, out, _ = _run("verify", "--lang", "en", "--now", "2026-01-01",
                        "--status-list", f"{url}={listing}", str(credential))  # fmt: skip
    assert code == 1
    assert "NOT VERIFIED" in out
    assert "status: the credential is revoked" in out
    assert "names itself https://cdn.example/lists/3" in out
    # the file alone stands for its own id, which is not the URL the credential names
    code, out, _ = _run("verify", "--lang", "en", "--now", "2026-01-01",
                        "--status-list", str(listing), str(credential))  # fmt: skip
    assert "STATUS UNKNOWN" in out


def test_a_polish_report_names_the_status_list_it_could_not_use(tmp_path: Path) -> None:
    """A status list that no ``--status-list`` file gives, or that another issuer signed:
    status unknown, and the Polish names the list as the English does."""
    from microcred.credentials.data_integrity import sign
    from microcred.credentials.keys import KeyPair
    from microcred.credentials.status import (
        LIST_OTHER_ISSUER,
        StatusList,
        status_entry,
        status_list_credential,
    )

    key, stranger = KeyPair.generate(), KeyPair.generate()
    url = "https://uni.example/status/3"
    document = to_ob3(example_award(), issuer_id=key.did_key)
    credential = tmp_path / "credential.json"
    credential.write_text(json.dumps(sign(document | {"credentialStatus": status_entry(url, 42)},
                                          key)))  # fmt: skip
    strangers = tmp_path / "list.json"
    strangers.write_text(json.dumps(sign(status_list_credential(
        StatusList(), credential_id=url, issuer=stranger.did_key), stranger)))  # fmt: skip
    elsewhere = f"https://other.example/status/1={strangers}"

    for given, said in [
        (elsewhere, STATUS_LIST_NOT_GIVEN.text("pl", url=url)),
        (f"{url}={strangers}", LIST_OTHER_ISSUER.text("pl", url=url)),
    ]:
        code, out, _ = _run("verify", "--lang", "pl", "--now", "2026-01-01",
                            "--status-list", given, str(credential))  # fmt: skip
        assert code == 1
        status = next(line for line in out.splitlines() if line.startswith("  ! status"))
        assert status.startswith("  ! status poświadczenia: status nieznany: ")
        assert said in status


def test_verify_says_its_usage_errors_in_polish(tmp_path: Path) -> None:
    code, _, err = _run("verify", "--lang", "pl", "--now", "wczoraj", str(tmp_path))
    assert (code, err) == (2, f"błąd: {NOT_A_TIME.text('pl', value='wczoraj')}\n")
    listing = tmp_path / "list.json"
    code, _, err = _run("verify", "--lang", "pl", "--status-list", str(listing), str(tmp_path))
    assert (code, err) == (2, f"błąd: {STATUS_LIST_UNREADABLE.text('pl', path=listing)}\n")
    code, _, err = _run("verify", "--lang", "pl", str(tmp_path))
    assert (code, err) == (2, f"błąd: {tmp_path}: {IS_A_DIRECTORY.pl}\n")


def test_every_check_is_named_in_polish() -> None:
    """The human report names each check in ``--lang`` (the JSON keeps its name): every
    name the verifier gives has a label."""
    from microcred.cli.verify import _CHECK_LABELS, _check_label
    from microcred.credentials import verify as verifier

    source = "".join(p.read_text(encoding="utf-8")
                     for p in Path(verifier.__file__).parent.glob("*.py"))  # fmt: skip
    names = set(re.findall(r'Check(?:\.of)?\(\s*"([a-z-]+)"', source))
    assert {"proof", "status", "trust"} <= names <= set(_CHECK_LABELS)
    assert [_check_label(name, "en") for name in sorted(names)] == sorted(names)
    assert _check_label("attachment credential-ob3.json", "pl") == "załącznik credential-ob3.json"
