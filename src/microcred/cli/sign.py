"""``microcred sign --key KEY.json FILE…`` (or ``--seal CERT.p12``): sign unsigned
credentials with a Data Integrity proof, as a JWT, or seal EDCs with JAdES.

The issuer (``issuer`` or ``issuer.id``) is set to the key's did:key, unless ``--issuer``
names another DID whose document (given with ``--did-document``) lists the key. One file
goes to stdout; several are signed in one process into ``--out-dir``. ``--status-list
LIST.json --status-index N`` first gives the one credential a ``credentialStatus`` entry
pointing at entry N of that list (made with ``microcred status-list create``).

Each file goes through :func:`microcred.credentials.issue.issue`, as the platform's
credentials do: the same checks (the VC data model, the issuer's verification method,
an e-seal certificate whose ``O=`` is the issuer's legal name) and the same output.
"""

from __future__ import annotations

__all__ = ["did_resolver", "sign_command", "signing_issuer"]

import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from ..credentials._json import types_of
from ..credentials.data_integrity import SUITES
from ..credentials.dids import Resolver
from ..credentials.errors import CredentialError
from ..credentials.formats import KIND_TYPES
from ..credentials.issue import Issuer, PublishedStatusList, issue
from ..credentials.keys import KeyPair
from ..credentials.status import MAX_LIST_BYTES
from ..credentials.vc_data_model import DataModelError
from ._common import EXIT_BAD_INPUT, EXIT_OK, fail, read_capped
from ._parallel import JOBS_OPTION, in_order
from .keys import load_key

_MAX_BYTES = 1024 * 1024
_TYPES = {kind: types[0] for kind, types in KIND_TYPES.items()}  # kind -> its main type


def did_resolver(did_documents: tuple[Path, ...]) -> Resolver:
    """A resolver holding the local DID documents (``--did-document``); exits 2 for one
    that cannot be read."""
    documents = {}
    for path in did_documents:
        try:
            document = json.loads(read_capped(path, _MAX_BYTES))
            documents[document["id"]] = document
        except OSError as exc:
            fail(f"{path} is not a readable DID document: {exc.strerror}")
        except (ValueError, KeyError, TypeError):
            fail(f"{path} is not a readable DID document")
    return Resolver(documents)


def signing_issuer(
    key: KeyPair, issuer: str | None, did_documents: tuple[Path, ...] = (), *,
    resolver: Resolver | None = None,
) -> Issuer:  # fmt: skip
    """The issuer ``key`` signs for: its did:key, or ``--issuer`` whose DID document
    (in ``resolver``, else read from ``did_documents``) lists the key under
    assertionMethod; exits 2 otherwise."""
    if resolver is None and issuer not in (None, key.did_key):
        resolver = did_resolver(did_documents)
    try:
        return Issuer.from_did(key, issuer or key.did_key, resolver=resolver)
    except CredentialError as exc:
        fail(exc.message)


def _issuer(
    key_file: Path | None, seal_file: Path | None, seal_password: str | None, suite: str,
    issuer: str | None, did_documents: tuple[Path, ...],
) -> Issuer:  # fmt: skip
    """Who signs: the e-seal of ``--seal``, or the key of ``--key`` for its DID."""
    if seal_file is not None:
        from ..credentials.jades import load_seal_credentials  # only for --seal

        try:
            return Issuer.from_seal(load_seal_credentials(seal_file, seal_password))
        except (CredentialError, OSError, ValueError) as exc:
            fail(f"{seal_file}: {getattr(exc, 'message', None) or exc}")
    if key_file is None:
        raise click.UsageError("give --key (Data Integrity, JWT) or --seal (JAdES e-seal)")
    key = load_key(key_file)
    suite_algorithm = SUITES[suite].key_algorithm if suite in SUITES else key.algorithm
    if key.algorithm != suite_algorithm:
        raise click.UsageError(
            f"{suite} needs an {suite_algorithm} key; {key_file} is {key.algorithm}"
        )
    return signing_issuer(key, issuer, did_documents)


def _with_status_list(issuer: Issuer, list_file: Path, index: int) -> Issuer:
    """``issuer`` giving credentials entries in the list in ``list_file``, which must be
    the issuer's (else ``verify`` could never read the status) and hold ``index``."""
    try:
        listing = json.loads(read_capped(list_file, MAX_LIST_BYTES))
        published = PublishedStatusList.of(listing)
        published.entry(index)
        return dataclasses.replace(issuer, status_list=published)
    except (OSError, ValueError, CredentialError) as exc:
        message = getattr(exc, "message", None) or getattr(exc, "strerror", None) or exc
        fail(f"--status-list {list_file}: {message}")


def _format(document: dict[str, object], securing: str) -> str:
    """The format of :func:`~microcred.credentials.issue.issue` that secures ``document``
    the way asked: ``di`` (a Data Integrity proof), ``jwt`` or ``jades`` (an e-seal)."""
    kind = "edc" if _TYPES["edc"] in types_of(document) else "ob3"
    if securing == "jades":
        return "edc"
    if securing == "jwt":
        return f"{kind}-jwt"
    return "ob3" if kind == "ob3" else "edc-di"


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
@JOBS_OPTION
def sign_command(
    files: tuple[Path, ...], key_file: Path | None, suite: str, doc_format: str | None,
    seal_file: Path | None, seal_password: str | None, tsa: str | None, issuer: str | None,
    did_documents: tuple[Path, ...], out_dir: Path | None, status_list: Path | None,
    status_index: int | None, jobs: int,
) -> None:  # fmt: skip
    """Sign unsigned credentials (JSON): Data Integrity proof, JWT, or JAdES e-seal."""
    if len(files) > 1 and out_dir is None:
        raise click.UsageError("several files need --out-dir")
    if (status_list is None) != (status_index is None):
        raise click.UsageError("--status-list and --status-index go together")
    if status_list is not None and (seal_file is not None or len(files) > 1):
        raise click.UsageError("--status-index is the entry of one credential signed with --key")
    if tsa is not None and seal_file is None:
        raise click.UsageError("--tsa time-stamps an e-seal: give --seal too")
    signer = _issuer(key_file, seal_file, seal_password, suite, issuer, did_documents)
    if status_list is not None and status_index is not None:
        signer = _with_status_list(signer, status_list, status_index)
    securing = "jades" if seal_file is not None else "jwt" if suite == "jwt" else "di"
    timestamper: Callable[[bytes], bytes] | None = None
    if tsa:
        from ..credentials.jades import rfc3161_timestamper

        timestamper = rfc3161_timestamper(tsa)
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    global _JOB  # what forked workers inherit (keys cannot be pickled)
    _JOB = _Job(signer, securing, suite, doc_format, timestamper, status_index, out_dir)
    status = EXIT_OK
    for errors, text in in_order(_sign_file, files, jobs if out_dir else 1):
        for line in errors:
            click.echo(line, err=True)
        if errors:
            status = EXIT_BAD_INPUT
        elif text is not None:
            click.echo(text, nl=False)
    sys.exit(status)


@dataclasses.dataclass(frozen=True)
class _Job:
    """What every file of one ``sign`` is signed with, and where it goes."""

    signer: Issuer
    securing: str
    suite: str
    doc_format: str | None
    timestamper: Callable[[bytes], bytes] | None
    status_index: int | None
    out_dir: Path | None


_JOB: _Job | None = None


def _sign_file(path: Path) -> tuple[list[str], str | None]:
    """Sign one file: (error lines, and the signed text when it goes to stdout). Written
    to ``--out-dir`` here, so that a worker sends back only what went wrong."""
    job = _JOB
    assert job is not None  # noqa: S101 - set by sign_command before any file
    try:
        document = json.loads(read_capped(path, _MAX_BYTES))
        if not isinstance(document, dict):
            raise ValueError("not a JSON object")
        if job.doc_format and _TYPES[job.doc_format] not in types_of(document):
            raise CredentialError(f"not a {_TYPES[job.doc_format]}")
        fmt = _format(document, job.securing)
        issued = issue(
            document, issuer=job.signer, formats=(fmt,), timestamper=job.timestamper,
            suite=job.suite if job.securing == "di" else "eddsa-rdfc-2022",
            status_index=job.status_index,
        )  # fmt: skip
    except OSError as exc:
        return [f"error: {path}: {exc.strerror}"], None
    except ValueError as exc:
        return [f"error: {path}: not a JSON credential ({exc})"], None
    except DataModelError as exc:  # one line per problem, so that all get fixed
        return [f"error: {path}: {problem.path or '(root)'}: {problem.en} [{problem.code}]"
                for problem in exc.problems], None  # fmt: skip
    except CredentialError as exc:
        return [f"error: {path}: {exc.message}"], None
    text = issued.text(fmt)
    if job.out_dir is None:
        return [], text
    name = path.with_suffix(".jwt").name if fmt.endswith("-jwt") else path.name
    (job.out_dir / name).write_text(text, encoding="utf-8")
    return [], None
