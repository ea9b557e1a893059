"""``microcred status-list create|set|show`` and ``sign --status-list``: the journey
from an empty list to a revoked credential, with the CLI alone, and every refusal a clear
exit 2 that leaves the list as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from microcred.cli import cli
from microcred.credentials.data_integrity import verify_proof
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.status import MAX_LIST_BYTES, MIN_ENTRIES, read_status_list

from ..conftest import example_award

URL = "https://uczelnia.example.pl/status/1"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _key(tmp_path: Path, name: str = "issuer-key.json", *extra: str) -> Path:
    path = tmp_path / name
    assert _run("keys", "generate", "--out", str(path), *extra)[0] == 0
    return path


def _unsigned(tmp_path: Path) -> Path:
    path = tmp_path / "credential.json"
    document = to_ob3(example_award(), issuer_id="did:example:replaced-by-sign")
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _create(tmp_path: Path, key: Path, *extra: str, name: str = "list.json") -> Path:
    path = tmp_path / name
    code, out, err = _run("status-list", "create", "--key", str(key), "--url", URL,
                          "--out", str(path), *extra)  # fmt: skip
    assert code == 0, err
    assert URL in out
    return path


def _verify(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = _run("verify", "--json", "--lang", "en", *args)
    report: dict[str, Any] = json.loads(out)
    return code, next(check for check in report["checks"] if check["name"] == "status")


def test_the_revocation_journey_with_the_cli_alone(tmp_path: Path) -> None:
    """keys generate → status-list create → sign with an entry → verify (status ok) →
    status-list set INDEX → verify --status-list URL=FILE (revoked, exit 1)."""
    key = _key(tmp_path)
    listing = _create(tmp_path, key)
    code, out, err = _run("sign", "--key", str(key), "--status-list", str(listing),
                          "--status-index", "94567", str(_unsigned(tmp_path)))  # fmt: skip
    assert code == 0, err
    signed = json.loads(out)
    assert signed["credentialStatus"] == {
        "id": f"{URL}#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": URL,
    }
    credential = tmp_path / "signed.json"
    credential.write_text(out, encoding="utf-8")

    code, status = _verify("--status-list", str(listing), str(credential))
    assert (code, status["status"], status["code"]) == (0, "pass", "ok")
    code, status = _verify(str(credential))  # no list given: unknown, never valid
    assert (code, status["code"]) == (1, "status_unknown")

    code, out, err = _run("status-list", "set", str(listing), "94567", "--key", str(key))
    assert code == 0, err
    assert out == "94567: revoked\n"
    code, status = _verify("--status-list", f"{URL}={listing}", str(credential))
    assert (code, status["status"], status["code"]) == (1, "fail", "revoked")
    code, out, _ = _run("verify", "--lang", "en", "--status-list", f"{URL}={listing}",
                        str(credential))  # fmt: skip
    assert code == 1
    assert "NOT VERIFIED" in out
    assert "✗ status: the credential is revoked" in out

    # --clear reinstates it; setting twice changes nothing and rewrites nothing
    assert _run("status-list", "set", str(listing), "94567", "--clear", "--key", str(key))[0] == 0
    assert _verify("--status-list", str(listing), str(credential))[0] == 0
    before = listing.read_bytes()
    code, out, _ = _run("status-list", "set", str(listing), "94567", "--clear", "--key", str(key))
    assert (code, out) == (0, "94567: not revoked (unchanged)\n")
    assert listing.read_bytes() == before


def test_a_suspension_list_suspends(tmp_path: Path) -> None:
    key = _key(tmp_path, "p256.json", "--type", "p256")
    listing = _create(tmp_path, key, "--purpose", "suspension", "--size", str(MIN_ENTRIES * 2))
    document = json.loads(listing.read_text(encoding="utf-8"))
    assert document["proof"]["cryptosuite"] == "ecdsa-rdfc-2019"
    code, out, err = _run("sign", "--key", str(key), "--suite", "ecdsa-rdfc-2019",
                          "--status-list", str(listing), "--status-index", str(MIN_ENTRIES + 1),
                          str(_unsigned(tmp_path)))  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["credentialStatus"]["statusPurpose"] == "suspension"
    credential = tmp_path / "signed.json"
    credential.write_text(out, encoding="utf-8")
    code, out, _ = _run("status-list", "set", str(listing), str(MIN_ENTRIES + 1), "7",
                        "--key", str(key))  # fmt: skip
    assert (code, out) == (0, f"{MIN_ENTRIES + 1}: suspended\n7: suspended\n")
    assert json.loads(listing.read_text())["proof"]["cryptosuite"] == "ecdsa-rdfc-2019"
    code, status = _verify("--status-list", str(listing), str(credential))
    assert (code, status["code"]) == (1, "suspended")


def test_show(tmp_path: Path) -> None:
    key = _key(tmp_path)
    listing = _create(tmp_path, key)
    _run("status-list", "set", str(listing), "0", "42", "131071", "--key", str(key))
    code, out, _ = _run("status-list", "show", "--json", str(listing), "42", "43")
    assert code == 0
    shown = json.loads(out)
    assert {k: shown[k] for k in ("id", "purpose", "size", "set", "entries")} == {
        "id": URL, "purpose": "revocation", "size": MIN_ENTRIES, "set": 3,
        "entries": {"42": True, "43": False},
    }  # fmt: skip
    assert shown["issuer"].startswith("did:key:z6Mk")
    code, out, _ = _run("status-list", "show", str(listing), "42", "43")
    assert code == 0
    assert f"  size:       {MIN_ENTRIES} entries\n" in out
    assert "  set:        3 (revoked)\n" in out
    assert out.endswith("  42: revoked\n  43: not revoked\n")


def test_set_refuses_and_leaves_the_list_as_it_was(tmp_path: Path) -> None:
    key = _key(tmp_path)
    listing = _create(tmp_path, key)
    before = listing.read_bytes()
    other = _key(tmp_path, "other-key.json")

    code, _, err = _run("status-list", "set", str(listing), "5", str(MIN_ENTRIES),
                        "--key", str(key))  # fmt: skip
    assert code == 2
    assert f"index {MIN_ENTRIES} is outside the list (0..{MIN_ENTRIES - 1})" in err
    code, _, err = _run("status-list", "set", str(listing), "5", "--key", str(other))
    assert code == 2
    assert "is signed by did:key:" in err
    assert "not by the key in" in err
    assert listing.read_bytes() == before  # nothing set, nothing re-signed

    tampered = tmp_path / "tampered.json"
    document = json.loads(before)
    document["credentialSubject"]["statusPurpose"] = "suspension"
    tampered.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = _run("status-list", "set", str(tampered), "5", "--key", str(key))
    assert code == 2
    assert "does not verify" in err
    assert json.loads(tampered.read_text()) == document

    unsigned = tmp_path / "unsigned.json"
    unsigned.write_text(json.dumps({k: v for k, v in json.loads(before).items() if k != "proof"}))
    code, _, err = _run("status-list", "set", str(unsigned), "5", "--key", str(key))
    assert (code, "does not verify" in err) == (2, True)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        (b"{not json", "is not a JSON status list credential"),
        (b'{"a": 1, "a": 2}', "is not a JSON status list credential"),
        (b'{"type": ["VerifiableCredential"]}', "not a BitstringStatusListCredential"),
        (
            b"{" + b" " * MAX_LIST_BYTES + b"}",
            f"cannot read {{path}}: larger than {MAX_LIST_BYTES}",
        ),
    ],
)
def test_unreadable_lists_exit_2(tmp_path: Path, content: bytes | None, message: str) -> None:
    key = _key(tmp_path)
    path = tmp_path / "list.json"
    if content is not None:
        path.write_bytes(content)
    for args in (["show", str(path)], ["set", str(path), "1", "--key", str(key)]):
        code, out, err = _run("status-list", *args)
        assert code == 2
        assert message.format(path=path) in err
        assert "Traceback" not in out + err


def test_create_refusals(tmp_path: Path) -> None:
    key = _key(tmp_path)
    out = tmp_path / "list.json"
    refused = ("http://uczelnia.example.pl/1", "ftp://uczelnia.example.pl/1", f"{URL}#frag",
               "uczelnia.example.pl/1", "https://", "https://uczelnia example/1")  # fmt: skip
    for url in refused:
        code, _, err = _run("status-list", "create", "--key", str(key), "--url", url,
                            "--out", str(out))  # fmt: skip
        assert (code, "--url must be an https:// URL" in err) == (2, True)
    code, _, err = _run("status-list", "create", "--key", str(key), "--url", URL,
                        "--size", "1000", "--out", str(out))  # fmt: skip
    assert (code, f"at least {MIN_ENTRIES} entries" in err) == (2, True)
    assert not out.exists()
    _create(tmp_path, key)
    before = out.read_bytes()
    code, _, err = _run("status-list", "create", "--key", str(key), "--url", URL,
                        "--out", str(out))  # fmt: skip
    assert (code, "exists (use --force to overwrite)" in err) == (2, True)
    assert out.read_bytes() == before
    _create(tmp_path, key, "--force", "--purpose", "suspension")
    assert read_status_list(json.loads(out.read_text())).purpose == "suspension"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".list.json.")]  # no temp


def test_a_did_web_issuer_signs_its_list(tmp_path: Path) -> None:
    key = _key(tmp_path)
    public = json.loads(_run("keys", "show", "--json", str(key))[1])
    did = "did:web:uczelnia.example.pl"
    did_document = {
        "id": did,
        "verificationMethod": [{"id": f"{did}#klucz-1", "type": "Multikey", "controller": did,
                                "publicKeyMultibase": public["publicKeyMultibase"]}],
        "assertionMethod": [f"{did}#klucz-1"],
    }  # fmt: skip
    did_file = tmp_path / "did.json"
    did_file.write_text(json.dumps(did_document), encoding="utf-8")
    listing = _create(tmp_path, key, "--issuer", did, "--did-document", str(did_file))
    document = json.loads(listing.read_text())
    assert document["issuer"] == did
    assert document["proof"]["verificationMethod"] == f"{did}#klucz-1"
    code, _, err = _run("status-list", "set", str(listing), "3", "--key", str(key))
    assert (code, "does not verify" in err) == (2, True)  # the DID document is needed
    code, _, err = _run("status-list", "set", str(listing), "3", "--key", str(key),
                        "--did-document", str(did_file))  # fmt: skip
    assert code == 0, err
    from microcred.credentials.dids import Resolver

    updated = json.loads(listing.read_text())
    assert verify_proof(updated, resolver=Resolver({did: did_document})).verified
    assert read_status_list(updated).get(3)
    code, out, err = _run("sign", "--key", str(key), "--issuer", did, "--did-document",
                          str(did_file), "--status-list", str(listing), "--status-index", "3",
                          str(_unsigned(tmp_path)))  # fmt: skip
    assert code == 0, err
    credential = tmp_path / "signed.json"
    credential.write_text(out, encoding="utf-8")
    code, status = _verify("--did-document", str(did_file), "--status-list", str(listing),
                           str(credential))  # fmt: skip
    assert (code, status["code"]) == (1, "revoked")


def test_sign_refuses_a_status_entry_that_could_not_work(tmp_path: Path) -> None:
    key = _key(tmp_path)
    listing = _create(tmp_path, key)
    unsigned = _unsigned(tmp_path)
    other = _key(tmp_path, "other-key.json")
    cases = [
        (["--key", str(other), "--status-list", str(listing), "--status-index", "1"],
         "verify would call its status unknown"),
        (["--key", str(key), "--status-list", str(listing), "--status-index", str(MIN_ENTRIES)],
         "is outside the list"),
        (["--key", str(key), "--status-list", str(listing)], "go together"),
        (["--key", str(key), "--status-index", "1"], "go together"),
        (["--key", str(key), "--status-list", str(tmp_path / "nope.json"), "--status-index", "1"],
         "no such file"),
        (["--key", str(key), "--status-list", str(key), "--status-index", "1"],
         "not a BitstringStatusListCredential"),
        (["--seal", str(key), "--status-list", str(listing), "--status-index", "1"],
         "one credential signed with --key"),
        (["--key", str(key), "--status-list", str(listing), "--status-index", "1",
          "--out-dir", str(tmp_path / "out"), str(unsigned)], "one credential signed with --key"),
    ]  # fmt: skip
    for args, message in cases:
        code, out, err = _run("sign", *args, str(unsigned))
        assert code == 2, args
        assert message in err, (args, err)
        assert out == ""
    with_status = tmp_path / "with-status.json"
    document = json.loads(unsigned.read_text()) | {"credentialStatus": {"type": "X"}}
    with_status.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = _run("sign", "--key", str(key), "--status-list", str(listing),
                          "--status-index", "1", str(with_status))  # fmt: skip
    assert (code, out) == (2, "")
    assert "already has a credentialStatus" in err
