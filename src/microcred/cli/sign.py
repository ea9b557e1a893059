"""``microcred sign --key KEY.json FILE…``: sign unsigned credentials.

The issuer (``issuer`` or ``issuer.id``) is set to the key's did:key, unless ``--issuer``
names another DID whose document (given with ``--did-document``) lists the key. One file
goes to stdout; several are signed in one process into ``--out-dir``.
"""

from __future__ import annotations

__all__ = ["sign_command"]

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..credentials.data_integrity import SUITES, sign
from ..credentials.dids import Resolver
from ..credentials.errors import CredentialError
from ..credentials.keys import KeyPair
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


@click.command("sign")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--key", "key_file", required=True, type=click.Path(path_type=Path), help="Key file.")
@click.option("--suite", type=click.Choice([*sorted(SUITES), "jwt"]), default="eddsa-rdfc-2022",
              show_default=True, help="Data Integrity cryptosuite, or jwt (VC-JOSE).")  # fmt: skip
@click.option("--issuer", help="Issuer DID (default: the key's did:key).")
@click.option("--did-document", "did_documents", multiple=True, type=click.Path(path_type=Path),
              help="Local DID document of --issuer (repeatable).")  # fmt: skip
@click.option("--out-dir", type=click.Path(path_type=Path), help="Where to write signed files.")
def sign_command(
    files: tuple[Path, ...], key_file: Path, suite: str, issuer: str | None,
    did_documents: tuple[Path, ...], out_dir: Path | None,
) -> None:  # fmt: skip
    """Sign unsigned credentials (JSON) with a Data Integrity proof."""
    key = load_key(key_file)
    if len(files) > 1 and out_dir is None:
        raise click.UsageError("several files need --out-dir")
    suite_algorithm = SUITES[suite].key_algorithm
    if key.algorithm != suite_algorithm:
        raise click.UsageError(
            f"{suite} needs an {suite_algorithm} key; {key_file} is {key.algorithm}"
        )
    try:
        issuer_id, method = _issuer_method(key, issuer, did_documents)
    except (CredentialError, OSError, ValueError) as exc:
        click.echo(f"error: {getattr(exc, 'message', None) or exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    status = EXIT_OK
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in files:
        try:
            document = json.loads(read_limited(path, _MAX_BYTES))
            if not isinstance(document, dict):
                raise ValueError("not a JSON object")
            unsigned = _with_issuer(document, issuer_id)
            if suite == "jwt":
                text = sign_jwt(unsigned, key, kid=method) + "\n"
            else:
                signed = sign(unsigned, key, suite=suite, verification_method=method)
                text = json.dumps(signed, indent=2, ensure_ascii=False) + "\n"
        except OSError as exc:
            click.echo(f"error: {path}: {exc.strerror}", err=True)
            status = EXIT_BAD_INPUT
            continue
        except ValueError as exc:
            click.echo(f"error: {path}: not a JSON credential ({exc})", err=True)
            status = EXIT_BAD_INPUT
            continue
        except CredentialError as exc:
            click.echo(f"error: {path}: {exc.message}", err=True)
            status = EXIT_BAD_INPUT
            continue
        if out_dir:
            name = path.with_suffix(".jwt").name if suite == "jwt" else path.name
            (out_dir / name).write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)
    sys.exit(status)
