"""``microcred extract`` on a PDF certificate: the main credential printed, another one
by ``--name``, the rest named on stderr; a PDF without credentials is bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from microcred.cli import cli
from microcred.credentials.render import render_pdf

from ..conftest import example_award

OB3, EDC = b'{"type": ["VerifiableCredential"]}', b'{"type": ["EuropeanDigitalCredential"]}'
URL = "https://ckw.example.edu.pl/verify/1"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "certyfikat.pdf"
    credentials = {"credential-edc.jsonld": EDC, "credential-ob3.json": OB3}
    path.write_bytes(render_pdf(example_award(), credentials=credentials, verification_url=URL))
    return path


def test_extract_prints_the_main_credential_and_names_the_others(certificate: Path) -> None:
    code, out, err = _run("extract", str(certificate))
    assert (code, out) == (0, OB3.decode() + "\n")
    assert "credential-ob3.json (also attached: credential-edc.jsonld" in err


def test_extract_name_chooses_an_attachment(certificate: Path) -> None:
    code, out, _ = _run("extract", "--name", "credential-edc.jsonld", str(certificate))
    assert (code, out) == (0, EDC.decode() + "\n")
    code, out, err = _run("extract", "--name", "other.json", str(certificate))
    assert (code, out) == (2, "")
    assert "no attachment 'other.json'" in err


def test_a_pdf_without_credentials_is_bad_input(tmp_path: Path) -> None:
    bare = tmp_path / "bare.pdf"
    bare.write_bytes(render_pdf(example_award(), credentials={}, verification_url=URL))
    code, out, err = _run("extract", str(bare))
    assert (code, out) == (2, "")
    assert "no attached credential" in err
