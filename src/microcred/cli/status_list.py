"""``microcred status-list create|set|show``: a W3C Bitstring Status List credential
that revokes (or suspends) the credentials pointing at it, and that
``verify --status-list`` reads.

- ``create --key KEY.json --url URL --out list.json``: an empty list of 131,072 entries
  (or ``--size``) for ``revocation`` or ``suspension``, whose ``id`` is the URL where it
  will be published, signed by the key's did:key (or ``--issuer DID``, as ``sign``);
- ``set list.json INDEX… --key KEY.json [--clear]``: set (or clear) entries and sign the
  list again; refused for an index outside the list and for a list that does not verify
  or was not signed by that key;
- ``show list.json [INDEX…] [--json]``: purpose, size, how many entries are set, and the
  given entries' states.

A credential gets its entry with ``sign --status-list list.json --status-index N``. The
issuer must be the same for the list and the credentials, or ``verify`` calls their
status unknown. ``set`` rewrites the file atomically (a reader sees the old list or the
new one); two ``set`` at the same time on one file are not serialised: both read the
same list and the last to write wins, so the other's change is lost — run them one
after another.
"""

from __future__ import annotations

__all__ = ["status_list_group"]

import datetime as dt
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from ..credentials._json import file_text, loads_strict
from ..credentials.data_integrity import sign, verify_proof
from ..credentials.errors import CredentialError
from ..credentials.issue import Issuer
from ..credentials.messages import INDEX_OUTSIDE_LIST
from ..credentials.status import (
    MAX_LIST_BYTES,
    MIN_ENTRIES,
    StatusList,
    read_status_list,
    status_list_credential,
    with_status_list,
)
from ._common import EXIT_OK, fail, read_capped
from .keys import load_key
from .sign import did_resolver, signing_issuer

_SUITE_FOR = {"Ed25519": "eddsa-rdfc-2022", "P-256": "ecdsa-rdfc-2019"}
_STATES = {"revocation": ("revoked", "not revoked"), "suspension": ("suspended", "not suspended")}


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _read_list(path: Path) -> tuple[dict[str, Any], StatusList]:
    """The list credential in ``path`` and the list it publishes; exits 2 otherwise."""
    try:
        document = loads_strict(read_capped(path, MAX_LIST_BYTES))
        return document, read_status_list(document)
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
    except ValueError as exc:
        fail(f"{path} is not a JSON status list credential ({exc})")
    except CredentialError as exc:
        fail(path, exc)


def _check_indexes(indexes: tuple[int, ...], status_list: StatusList) -> None:
    """Exit 2 for the first of ``indexes`` outside ``status_list``."""
    for index in indexes:
        if index >= status_list.size:
            fail(INDEX_OUTSIDE_LIST(index=index, last=status_list.size - 1))


def _write(path: Path, document: dict[str, Any], *, replace: bool) -> None:
    """Write ``document`` to ``path`` atomically (a temporary file renamed over it), so
    that a reader or a publisher never sees half a list; an existing file's mode stays."""
    if path.exists() and not replace:
        fail(f"{path} exists (use --force to overwrite)")
    text = file_text(document)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    temporary: Path | None = None
    try:
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        temporary = Path(name)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        temporary.chmod(mode)
        temporary.replace(path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        fail(f"cannot write {path}: {exc.strerror}")


def _signed(document: dict[str, Any], issuer: Issuer, suite: str) -> dict[str, Any]:
    assert issuer.key is not None  # noqa: S101 - signing_issuer gives one
    try:
        return sign(
            document, issuer.key, suite=suite, verification_method=issuer.verification_method
        )
    except CredentialError as exc:
        fail("the status list cannot be signed", exc)


@click.group("status-list")
def status_list_group() -> None:
    """Create and update Bitstring Status Lists (revocation, suspension)."""


_KEY = click.option("--key", "key_file", type=click.Path(path_type=Path), required=True,
                    help="Key file of the list's issuer.")  # fmt: skip
_DID_DOCUMENTS = click.option(
    "--did-document", "did_documents", multiple=True, type=click.Path(path_type=Path),
    help="Local DID document of a did:web issuer (repeatable).",
)  # fmt: skip


@status_list_group.command("create")
@_KEY
@click.option("--url", required=True,
              help="Where the list will be published (https://…): its id, which "
              "credentials' status entries point at.")  # fmt: skip
@click.option("--purpose", type=click.Choice(["revocation", "suspension"]),
              default="revocation", show_default=True, help="What a set entry means.")  # fmt: skip
@click.option("--size", type=int, default=MIN_ENTRIES, show_default=True,
              help=f"Number of entries: a multiple of 8, at least {MIN_ENTRIES}.")  # fmt: skip
@click.option("--issuer", help="Issuer DID (default: the key's did:key).")
@_DID_DOCUMENTS
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="Status list credential to write.")  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def create_command(
    key_file: Path, url: str, purpose: str, size: int, issuer: str | None,
    did_documents: tuple[Path, ...], out: Path, force: bool,
) -> None:  # fmt: skip
    """Create an empty status list credential, signed, to publish at URL."""
    if not re.fullmatch(r"https://[^\s#]{1,2000}", url):
        fail(f"--url must be an https:// URL without a fragment, not {url!r}")
    try:
        status_list = StatusList(purpose, size)
    except CredentialError as exc:
        fail(f"--purpose {purpose} --size {size}", exc)
    key = load_key(key_file)
    signer = signing_issuer(key, issuer, did_documents)
    assert signer.id is not None  # noqa: S101 - a key's issuer has its DID
    unsigned = status_list_credential(
        status_list, credential_id=url, issuer=signer.id, valid_from=_now()
    )
    _write(out, _signed(unsigned, signer, _SUITE_FOR[key.algorithm]), replace=force)
    click.echo(f"{out}: {purpose} list of {size} entries, none set, for {url}, "
               f"signed by {signer.id}")  # fmt: skip


@status_list_group.command("set")
@click.argument("list_file", type=click.Path(path_type=Path))
@click.argument("indexes", nargs=-1, required=True, type=click.IntRange(min=0))
@_KEY
@click.option("--clear", is_flag=True, help="Clear the entries (reinstate) instead.")
@_DID_DOCUMENTS
def set_command(
    list_file: Path, indexes: tuple[int, ...], key_file: Path, clear: bool,
    did_documents: tuple[Path, ...],
) -> None:  # fmt: skip
    """Set (revoke, suspend) or --clear entries INDEX… of a list, and sign it again.

    Only the key that signed the list may change it: a list that does not verify, or
    that another key signed, is refused, and so is an index outside the list."""
    listing, status_list = _read_list(list_file)
    _check_indexes(indexes, status_list)
    key = load_key(key_file)
    issuer = listing.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if not isinstance(issuer_id, str):
        fail(f"{list_file} names no issuer")
    resolver = did_resolver(did_documents)
    proof = verify_proof(listing, resolver=resolver)
    if not proof.verified or proof.method is None:
        fail(f"{list_file} does not verify ({proof.reason}): it is not re-signed")
    elif proof.method.key.public_multibase != key.public_multibase:
        fail(f"{list_file} is signed by {proof.method.id}, not by the key in {key_file}")
    signer = signing_issuer(key, issuer_id, resolver=resolver)
    done, undone = _STATES[status_list.purpose]
    changed = False
    for index in indexes:
        before = status_list.get(index)
        status_list.set(index, not clear)
        changed = changed or before != (not clear)
        now = done if not clear else undone
        click.echo(f"{index}: {now}" + ("" if before != (not clear) else " (unchanged)"))
    if not changed:
        return
    updated = with_status_list(listing, status_list, valid_from=_now())
    suite = proof.cryptosuite if proof.cryptosuite in _SUITE_FOR.values() else None
    _write(list_file, _signed(updated, signer, suite or _SUITE_FOR[key.algorithm]),
           replace=True)  # fmt: skip


@status_list_group.command("show")
@click.argument("list_file", type=click.Path(path_type=Path))
@click.argument("indexes", nargs=-1, type=click.IntRange(min=0))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def show_command(list_file: Path, indexes: tuple[int, ...], as_json: bool) -> None:
    """Show a status list: purpose, size, how many entries are set, the INDEX… given.

    The proof is not checked here: `microcred verify LIST.json` does that."""
    listing, status_list = _read_list(list_file)
    _check_indexes(indexes, status_list)
    issuer = listing.get("issuer")
    facts: dict[str, Any] = {
        "file": str(list_file),
        "id": listing.get("id"),
        "issuer": issuer.get("id") if isinstance(issuer, dict) else issuer,
        "purpose": status_list.purpose,
        "size": status_list.size,
        "set": status_list.set_count,
        "validFrom": listing.get("validFrom"),
        "entries": {str(index): status_list.get(index) for index in indexes},
    }
    if as_json:
        click.echo(json.dumps(facts, ensure_ascii=False))
        sys.exit(EXIT_OK)
    done, undone = _STATES[status_list.purpose]
    click.echo(f"{list_file}: {facts['id']}")
    click.echo(f"  issuer:     {facts['issuer']}")
    click.echo(f"  purpose:    {status_list.purpose}")
    click.echo(f"  size:       {status_list.size} entries")
    click.echo(f"  set:        {status_list.set_count} ({done})")
    if facts["validFrom"]:
        click.echo(f"  valid from: {facts['validFrom']}")
    for index in indexes:
        click.echo(f"  {index}: {done if status_list.get(index) else undone}")
