"""``microcred render`` on what microcred builds: the QR code's address from
``--verification-base`` / ``MICROCRED_VERIFICATION_BASE`` (a warned placeholder without
either), ``--verification-url`` over both, and a footer naming the file written."""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from microcred.cli import cli
from microcred.cli.render import ALREADY_EDC, CANNOT_RENDER, NO_CREDENTIAL_ID, PLACEHOLDER_WARNING
from microcred.credentials.data_integrity import sign
from microcred.credentials.edc import to_edc
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.render.pdf import PLACEHOLDER_VERIFICATION_BASE

from ..conftest import example_award

ID = "urn:uuid:85693c77-e89e-4a0a-bd80-fc2a1af8f8df"  # what `microcred build` writes
VARIABLE = "MICROCRED_VERIFICATION_BASE"


@cache
def _signed(credential_id: str | None = ID) -> str:
    key = KeyPair.generate()
    credential = to_ob3(example_award(), issuer_id=key.did_key)
    if credential_id is None:
        del credential["id"]
    else:
        credential["id"] = credential_id
    return json.dumps(sign(credential, key))


def _render(
    tmp_path: Path, *options: str, out: str = "certyfikat.pdf", env: dict[str, str] | None = None
) -> tuple[int, str, str, str]:
    """Exit status, the PDF's text (whitespace squeezed), standard output and error."""
    credential = tmp_path / "signed.json"
    if not credential.exists():
        credential.write_text(_signed(), encoding="utf-8")
    pdf = tmp_path / out
    arguments = ["render", "--credential", str(credential), "--out", str(pdf), *options]
    result = CliRunner().invoke(cli, arguments, env={VARIABLE: None} | (env or {}),
                                catch_exceptions=False)  # fmt: skip
    text = ""
    if result.exit_code == 0:
        reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
        text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return result.exit_code, text, result.stdout, result.stderr


def test_a_credential_microcred_built_renders_with_a_placeholder_and_a_warning(
    tmp_path: Path,
) -> None:
    code, text, out, err = _render(tmp_path)
    assert code == 0, err
    url = f"{PLACEHOLDER_VERIFICATION_BASE}/verify/{ID}"
    assert out == f"{tmp_path / 'certyfikat.pdf'}\n"
    assert err == PLACEHOLDER_WARNING.text("pl", url=url, variable=VARIABLE) + "\n"  # --lang pl
    assert "--verification-base" in err
    assert VARIABLE in err
    assert url in text.replace(" ", "")
    code, _, _, err = _render(tmp_path, "--lang", "en")
    assert code == 0, err
    assert f"warning: the QR code points to {url}, a placeholder" in err


@pytest.mark.parametrize(
    ("options", "env"),
    [
        (["--verification-base", "https://ckw.example.edu.pl/mc/"], {}),
        ([], {VARIABLE: "https://ckw.example.edu.pl/mc"}),
        (["--verification-base", "https://ckw.example.edu.pl/mc"],
         {VARIABLE: "https://other.example"}),
    ],
    ids=["option", "environment", "option-over-environment"],
)  # fmt: skip
def test_the_base_from_the_option_or_the_environment(
    tmp_path: Path, options: list[str], env: dict[str, str]
) -> None:
    code, text, _, err = _render(tmp_path, *options, env=env)
    assert code == 0, err
    assert err == ""
    assert f"https://ckw.example.edu.pl/mc/verify/{ID}" in text.replace(" ", "")


def test_a_whole_verification_url_wins(tmp_path: Path) -> None:
    code, text, _, err = _render(
        tmp_path, "--verification-url", "https://uni.example/v/7f3a",
        "--verification-base", "https://ckw.example.edu.pl", env={VARIABLE: "https://x.example"},
    )  # fmt: skip
    assert code == 0, err
    assert err == ""
    assert "https://uni.example/v/7f3a" in text
    assert "/verify/" not in text


@pytest.mark.parametrize(
    ("out", "lang", "line"),
    [
        ("moj-certyfikat.pdf", "pl", "lub uruchom microcred verify moj-certyfikat.pdf "),
        ("Anna Kowalska.pdf", "en", "Verify: scan the QR code or run microcred verify 'Anna "),
    ],
)
def test_the_footer_names_the_file_written(tmp_path: Path, out: str, lang: str, line: str) -> None:
    code, text, _, err = _render(tmp_path, "--lang", lang, out=out)
    assert code == 0, err
    assert line in text
    assert "certyfikat.pdf" not in text.replace("moj-certyfikat.pdf", "")


def test_an_edc_alongside_is_attached_and_named(tmp_path: Path) -> None:
    edc = tmp_path / "edc-sealed.json"
    edc.write_text('{"payload": "…", "signatures": []}', encoding="utf-8")
    code, text, _, err = _render(tmp_path, "--edc", str(edc))
    assert code == 0, err
    assert "poświadczenia cyfrowe: credential-edc.jsonld, credential-ob3.json." in text


def test_refusals(tmp_path: Path) -> None:
    """Said in the certificate's language: Polish unless ``--lang en``."""
    code, _, out, err = _render(tmp_path, "--verification-base", "ftp://uni.example",
                                "--lang", "en")  # fmt: skip
    assert (code, out) == (2, "")
    assert "error: cannot render" in err
    assert "the verification base must be an http(s) URL" in err
    assert not (tmp_path / "certyfikat.pdf").exists()
    code, _, out, err = _render(tmp_path, "--verification-base", "ftp://uni.example")
    assert (code, out) == (2, "")
    pdf = tmp_path / "certyfikat.pdf"
    assert err.startswith(f"błąd: {CANNOT_RENDER.text('pl', out=pdf)}: ")

    no_id = tmp_path / "no-id"
    no_id.mkdir()
    signed = no_id / "signed.json"
    signed.write_text(_signed(None), encoding="utf-8")
    code, _, _, err = _render(no_id, "--lang", "en")
    assert code == 2
    assert "the credential has no id: give --verification-url" in err
    code, _, _, err = _render(no_id)
    assert (code, err) == (2, f"błąd: {NO_CREDENTIAL_ID.text('pl', file=signed)}\n")

    edc = tmp_path / "edc"
    edc.mkdir()
    signed = edc / "signed.json"
    signed.write_text(json.dumps(to_edc(example_award())), encoding="utf-8")
    code, _, _, err = _render(edc, "--edc", str(signed), "--lang", "en")
    assert code == 2
    assert "is an EDC already" in err
    code, _, _, err = _render(edc, "--edc", str(signed))
    assert (code, err) == (2, f"błąd: {ALREADY_EDC.text('pl', file=signed)}\n")


def test_the_help_names_the_default_and_the_variable() -> None:
    result = CliRunner().invoke(cli, ["render", "--help"])
    help_text = " ".join(result.stdout.split())
    assert PLACEHOLDER_VERIFICATION_BASE in help_text
    assert f"env var: {VARIABLE}" in help_text
