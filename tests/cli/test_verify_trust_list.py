"""``microcred verify --trust-list FILE --trust-list-operator DID.json``: the platform's
trust list used offline by the command line, as a stranger holding the two files would."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from microcred.cli import cli
from microcred.cli.verify import TRUST_LIST_NEEDS_OPERATOR
from microcred.credentials.dids import did_web_document
from microcred.credentials.issue import Issuer, issue
from microcred.credentials.keys import KeyPair
from microcred.credentials.lote import KeyPeriod, Scheme, TrustedIssuer, sign_lote, to_lote

from ..conftest import example_award

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
DID = "did:web:registry.example:providers:regon-123456785"
OPERATOR_DID = "did:web:registry.example"


def _files(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    key, operator = KeyPair.generate(), KeyPair.generate()
    provider_document = did_web_document(DID, {"key-1": key})
    name = "Politechnika Nadwiślańska — Centrum Kształcenia Ustawicznego"
    issuer = TrustedIssuer(
        did=DID, names={"pl": name, "en": name}, registration="NTRPL-123456785",
        country="PL", street_address="ul. Wiślana 1", locality="Toruń", postal_code="87-100",
        email="ckU@example.org", website="https://pn.example.org",
        information_uri="https://registry.example/providers/1/", verified_by="Komisja (demo)",
        keys=[KeyPeriod(f"{DID}#key-1", key, NOW - dt.timedelta(days=30))],
        trusted=[(NOW - dt.timedelta(days=30), True)],
    )  # fmt: skip
    scheme = Scheme(operator_names={"en": "Registry"}, scheme_names={"en": "Verified providers"},
                    territory="PL", street_address="ul. 1", locality="Warszawa",
                    postal_code="00-001", email="r@example.org", website="https://registry.example",
                    information_uri="https://registry.example/",
                    distribution_point="https://registry.example/trust-list")  # fmt: skip
    listed = sign_lote(to_lote(scheme, [issuer], sequence=1, issued=NOW,
                               next_update=NOW + dt.timedelta(days=1)),
                       operator, kid=f"{OPERATOR_DID}#key-1", now=NOW)  # fmt: skip
    credential = issue(example_award(), issuer=Issuer.from_did_document(key, provider_document),
                       formats=("ob3",), now=NOW)["ob3"]  # fmt: skip
    paths = (tmp_path / "badge.json", tmp_path / "provider-did.json", tmp_path / "trust-list.jwt",
             tmp_path / "operator-did.json")  # fmt: skip
    paths[0].write_text(json.dumps(credential))
    paths[1].write_text(json.dumps(provider_document))
    paths[2].write_text(listed)
    paths[3].write_text(json.dumps(did_web_document(OPERATOR_DID, {"key-1": operator})))
    return paths


def test_the_trust_list_confirms_the_provider(tmp_path: Path) -> None:
    badge, provider, listed, operator = _files(tmp_path)
    result = CliRunner().invoke(cli, ["verify", "--json", str(badge), "--did-document",
                                      str(provider), "--trust-list", str(listed),
                                      "--trust-list-operator", str(operator)])  # fmt: skip
    report = json.loads(result.stdout)
    trust = next(c for c in report["checks"] if c["name"] == "trust")
    assert trust["code"] == "confirmed", trust
    assert "verified provider since 2026-05-02" in trust["reason"]


def test_a_list_needs_its_operator_and_the_right_one(tmp_path: Path) -> None:
    badge, _provider, listed, _ = _files(tmp_path)
    alone = CliRunner().invoke(cli, ["verify", str(badge), "--trust-list", str(listed)])
    assert alone.exit_code == 2
    needs = TRUST_LIST_NEEDS_OPERATOR(option="--trust-list", needs="--trust-list-operator")
    assert needs.en.split(":")[0] in alone.stderr
    stranger = tmp_path / "stranger.json"
    stranger.write_text(json.dumps(did_web_document(OPERATOR_DID, {"key-1": KeyPair.generate()})))
    wrong = CliRunner().invoke(cli, ["verify", str(badge), "--trust-list", str(listed),
                                     "--trust-list-operator", str(stranger)])  # fmt: skip
    assert wrong.exit_code == 2
    assert "is not a trust list signed by a key" in wrong.stderr
