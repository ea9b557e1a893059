"""``microcred sign --key KEY.json FILE…`` (or ``--seal CERT.p12``): sign unsigned
credentials with a Data Integrity proof, as a JWT, or seal EDCs with JAdES.

The issuer (``issuer`` or ``issuer.id``) is set to the key's did:key, unless ``--issuer``
names another DID whose document (given with ``--did-document``) lists the key. One file
goes to stdout; several are signed in one process into ``--out-dir``. ``--status-list
LIST.json --status-index N`` first gives the one credential a ``credentialStatus`` entry
pointing at entry N of that list (made with ``microcred status-list create``).
"""

from __future__ import annotations

__all__ = ["sign_command"]

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..credentials.data_integrity import SUITES, sign
from ..credentials.dids import Resolver
from ..credentials.errors import CredentialError
from ..credentials.jades import (
    add_signature_timestamp,
    load_seal_credentials,
    rfc3161_timestamper,
    seal,
)
from ..credentials.keys import KeyPair
from ..credentials.status import MAX_LIST_BYTES, status_entry_for
from ..credentials.vc_data_model import DataModelError, ensure_data_model
from ..credentials.vc_jose import sign_jwt
from ._common import EXIT_BAD_INPUT, EXIT_OK, read_limited
from .keys import load_key

_MAX_BYTES = 1024 * 1024


def _issuer_method(
    key: KeyPair, issuer: str | None, did_documents: tuple[Path, ...]
) -> tuple[str, str]:
    """(issuer id, verification method URL) for signing with ``key``."""
    if issuer is None or issuer == key.did_key:
        return key.did_key, key.verification_method
    documents = {}
    for path in did_documents:
        document = json.loads(read_limited(path, _MAX_BYTES))
        documents[document.get("id")] = document
    resolver = Resolver(documents)
    document = resolver.resolve(issuer)
    for method in document.get("verificationMethod", []):
        method_id = method.get("id", "")
        url = method_id if method_id.startswith(issuer) else issuer + method_id
        found = resolver.verification_method(url)
        if found.key.public_multibase == key.public_multibase:
            if "assertionMethod" not in found.relationships:
                raise CredentialError(f"{url} is not listed under assertionMethod of {issuer}")
            return issuer, url
    raise CredentialError(f"the key is not a verification method of {issuer}")


def _with_issuer(document: dict[str, Any], issuer: str) -> dict[str, Any]:
    current = document.get("issuer")
    if isinstance(current, dict):
        return {**document, "issuer": {**current, "id": issuer}}
    return {**document, "issuer": issuer}


def _signer(
    key_file: Path | None, seal_file: Path | None, seal_password: str | None, suite: str,
    issuer: str | None, did_documents: tuple[Path, ...], tsa: str | None = None,
) -> Callable[[dict[str, Any]], str]:  # fmt: skip
    """What to do with each document: a Data Integrity proof, a JWT, or a JAdES e-seal
    (with a signature time-stamp from ``tsa``, the only network use of signing)."""
    if tsa is not None and seal_file is None:
        raise click.UsageError("--tsa time-stamps an e-seal: give --seal too")
    if seal_file is not None:
        try:
            credentials = load_seal_credentials(seal_file, seal_password)
        except (CredentialError, OSError, ValueError) as exc:
            click.echo(f"error: {seal_file}: {getattr(exc, 'message', None) or exc}", err=True)
            sys.exit(EXIT_BAD_INPUT)

        timestamper = rfc3161_timestamper(tsa) if tsa else None

        def seal_one(document: dict[str, Any]) -> str:
            sealed = seal(
                document, key=credentials.key, certificates=list(credentials.certificates)
            )
            if timestamper is not None:
                sealed = add_signature_timestamp(sealed, timestamper)
            return json.dumps(sealed, indent=2, ensure_ascii=False) + "\n"

        return seal_one
    if key_file is None:
        raise click.UsageError("give --key (Data Integrity, JWT) or --seal (JAdES e-seal)")
    key = load_key(key_file)
    suite_algorithm = SUITES[suite].key_algorithm if suite in SUITES else key.algorithm
    if key.algorithm != suite_algorithm:
        raise click.UsageError(
            f"{suite} needs an {suite_algorithm} key; {key_file} is {key.algorithm}"
        )
    try:
        issuer_id, method = _issuer_method(key, issuer, did_documents)
    except (CredentialError, OSError, ValueError) as exc:
        click.echo(f"error: {getattr(exc, 'message', None) or exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)

    def sign_one(document: dict[str, Any]) -> str:
        unsigned = _with_issuer(document, issuer_id)
        if suite == "jwt":
            return sign_jwt(unsigned, key, kid=method) + "\n"
        signed = sign(unsigned, key, suite=suite, verification_method=method)
        return json.dumps(signed, indent=2, ensure_ascii=False) + "\n"

    return sign_one


def _status_entry(list_file: Path, index: int, issuer_id: str) -> dict[str, str]:
    """The ``credentialStatus`` pointing at entry ``index`` of the list in ``list_file``,
    which must be the issuer's (else ``verify`` could never read the status)."""
    try:
        listing = json.loads(read_limited(list_file, MAX_LIST_BYTES))
        entry = status_entry_for(listing, index)
    except (OSError, ValueError, CredentialError) as exc:
        message = getattr(exc, "message", None) or getattr(exc, "strerror", None) or exc
        click.echo(f"error: --status-list {list_file}: {message}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    listed = listing.get("issuer")
    listed = listed.get("id") if isinstance(listed, dict) else listed
    if listed != issuer_id:
        click.echo(f"error: --status-list {list_file} is issued by {listed}, the credential "
                   f"by {issuer_id}: verify would call its status unknown", err=True)  # fmt: skip
        sys.exit(EXIT_BAD_INPUT)
    return entry


_TYPES = {"ob3": "OpenBadgeCredential", "edc": "EuropeanDigitalCredential"}


@click.command("sign")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--key", "key_file", type=click.Path(path_type=Path), help="Key file (did:key).")
@click.option("--suite", type=click.Choice([*sorted(SUITES), "jwt"]), default="eddsa-rdfc-2022",
              show_default=True, help="Data Integrity cryptosuite, or jwt (VC-JOSE).")  # fmt: skip
@click.option("--format", "doc_format", type=click.Choice(["ob3", "edc"]),
              help="Require every file to be this kind of credential.")  # fmt: skip
@click.option("--seal", "seal_file", type=click.Path(path_type=Path),
              help="Seal with JAdES: e-seal certificate and key (PKCS#12 or PEM).")  # fmt: skip
@click.option("--seal-password", envvar="MICROCRED_SEAL_PASSWORD",
              help="Password of the PKCS#12 file (or $MICROCRED_SEAL_PASSWORD).")  # fmt: skip
@click.option("--tsa", metavar="URL",
              help="Add a signature time-stamp to each e-seal from this RFC 3161 "
              "time-stamping authority (https, public addresses only): the seal then "
              "stays verifiable after its certificate expires. The only network use of "
              "sign.")  # fmt: skip
@click.option("--issuer", help="Issuer DID (default: the key's did:key).")
@click.option("--did-document", "did_documents", multiple=True, type=click.Path(path_type=Path),
              help="Local DID document of --issuer (repeatable).")  # fmt: skip
@click.option("--out-dir", type=click.Path(path_type=Path), help="Where to write signed files.")
@click.option("--status-list", "status_list", type=click.Path(path_type=Path),
              help="Give the credential a status entry in this Bitstring Status List "
              "credential (from `status-list create`), with --status-index.")  # fmt: skip
@click.option("--status-index", type=click.IntRange(min=0),
              help="The credential's entry in --status-list.")  # fmt: skip
def sign_command(
    files: tuple[Path, ...], key_file: Path | None, suite: str, doc_format: str | None,
    seal_file: Path | None, seal_password: str | None, tsa: str | None, issuer: str | None,
    did_documents: tuple[Path, ...], out_dir: Path | None, status_list: Path | None,
    status_index: int | None,
) -> None:  # fmt: skip
    """Sign unsigned credentials (JSON): Data Integrity proof, JWT, or JAdES e-seal."""
    if len(files) > 1 and out_dir is None:
        raise click.UsageError("several files need --out-dir")
    if (status_list is None) != (status_index is None):
        raise click.UsageError("--status-list and --status-index go together")
    if status_list is not None and (seal_file is not None or len(files) > 1):
        raise click.UsageError("--status-index is the entry of one credential signed with --key")
    signer = _signer(key_file, seal_file, seal_password, suite, issuer, did_documents, tsa)
    entry = None
    if status_list is not None and status_index is not None and key_file is not None:
        entry = _status_entry(status_list, status_index, issuer or load_key(key_file).did_key)
    status = EXIT_OK
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in files:
        try:
            document = json.loads(read_limited(path, _MAX_BYTES))
            if not isinstance(document, dict):
                raise ValueError("not a JSON object")
            types = document.get("type", [])
            if doc_format and _TYPES[doc_format] not in (
                types if isinstance(types, list) else [types]
            ):
                raise CredentialError(f"not a {_TYPES[doc_format]}")
            if entry is not None:
                if "credentialStatus" in document:
                    raise CredentialError("it already has a credentialStatus")
                document = {**document, "credentialStatus": entry}
            ensure_data_model(document)  # every format: refused before it is signed
            text = signer(document)
        except OSError as exc:
            click.echo(f"error: {path}: {exc.strerror}", err=True)
            status = EXIT_BAD_INPUT
            continue
        except ValueError as exc:
            click.echo(f"error: {path}: not a JSON credential ({exc})", err=True)
            status = EXIT_BAD_INPUT
            continue
        except DataModelError as exc:  # one line per problem, so that all get fixed
            for problem in exc.problems:
                click.echo(f"error: {path}: {problem.path or '(root)'}: {problem.en} "
                           f"[{problem.code}]", err=True)  # fmt: skip
            status = EXIT_BAD_INPUT
            continue
        except CredentialError as exc:
            click.echo(f"error: {path}: {exc.message}", err=True)
            status = EXIT_BAD_INPUT
            continue
        if out_dir:
            name = (
                path.with_suffix(".jwt").name
                if text.count(".") == 2 and "{" not in text
                else path.name
            )
            (out_dir / name).write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)
    sys.exit(status)
