"""What importing and running ``verify`` loads: heavy packages only when a document needs
them (structural: each case is a fresh interpreter, and what it imported is looked at,
never how long it took)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from microcred.credentials.data_integrity import sign
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3

from ...conftest import example_award

#: WeasyPrint writes PDFs; pySHACL and rdflib check EDCs; pypdf reads PDFs
HEAVY = ("weasyprint", "pyshacl", "rdflib", "pypdf", "microcred.credentials.render")


def _loaded(code: str, *candidates: str) -> list[str]:
    """Which of ``candidates`` a fresh interpreter has imported after running ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {candidates!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.split()


def test_importing_verify_loads_no_heavy_package() -> None:
    assert _loaded("import microcred.credentials.verify", *HEAVY) == []


def test_verifying_an_open_badge_loads_no_pdf_and_no_shacl(tmp_path: Path) -> None:
    key = KeyPair.generate()
    credential = tmp_path / "one.json"
    credential.write_text(json.dumps(sign(to_ob3(example_award(), issuer_id=key.did_key), key)))
    code = (
        "from microcred.credentials.verify import verify\n"
        f"assert verify(open({str(credential)!r}, 'rb').read()).verified"
    )
    assert _loaded(code, *HEAVY) == []


@pytest.mark.parametrize(
    ("code", "needed"),
    [
        ("from microcred.credentials.verify import verify; verify(b'%PDF-1.7')", "pypdf"),
        ("from microcred.credentials.edc import shacl", "pyshacl"),
        ("import microcred.credentials.render", "weasyprint"),
    ],
    ids=["pdf", "edc-shapes", "render"],
)
def test_what_needs_a_heavy_package_still_gets_it(code: str, needed: str) -> None:
    """The other side: the lazy imports are there, not gone."""
    assert _loaded(code, needed) == [needed]
