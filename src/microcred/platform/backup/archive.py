"""The backup archive: a gzip'd tar of the database, the uploaded files and a manifest
that names every other member with its SHA-256::

    manifest.json           {"format": "microcred-backup", "format_version": 2,
                             "microcred_version": "0.4.0", "database_vendor": "sqlite",
                             "migrations": ["accounts.0001_initial", …],
                             "created": "2026-12-07T16:00:00+00:00",
                             "kek_ids": ["3f1c…"],   # which KEK sealed the keys: ids only
                             "members": {"database.sqlite3": "<sha256>",
                                         "media/evidence/<random>.pdf": "<sha256>"},
                             "signature": {"alg": "HMAC-SHA256", "kek_id": "3f1c…",
                                           "value": "<hex>"}}
    database.sqlite3        the SQLite database (the online backup API's copy), or
    database.pgdump         a PostgreSQL database (pg_dump --format=custom)
    media/…                 MEDIA_ROOT, as it was

The key-encryption key is never in it: the providers' private keys are in the database
sealed under it, and it must be kept apart (docs/DEPLOY.md). :func:`write_archive`
signs the manifest with a key derived from it (:mod:`.signing`); :func:`read_archive`
refuses, before extracting anything, a manifest whose signature does not hold under a
KEK this platform has — and an unsigned one (format version 1, before signatures) —,
then any archive whose members are not exactly the manifest's, with the digests it
gives, and any member name that is not one of these (absolute, ``..``, links).
"""

from __future__ import annotations

__all__ = ["DATABASE", "FORMAT", "FORMAT_VERSION", "MANIFEST", "PG_DATABASE", "read_archive",
           "write_archive"]  # fmt: skip

import hashlib
import io
import json
import os
import tarfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..core.errors import InvalidInputError
from . import messages as m
from .signing import check_signature, signed

FORMAT = "microcred-backup"
FORMAT_VERSION = 2
#: the format before manifests were signed: read no more (refused, saying why)
UNSIGNED_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.sqlite3"
#: a PostgreSQL database: pg_dump's custom format
PG_DATABASE = "database.pgdump"
_CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_archive(target: Path, manifest: Mapping[str, Any],
                  files: Mapping[str, Path]) -> dict[str, Any]:  # fmt: skip
    """``files`` (member name → path) and the manifest, signed, as a tar.gz at
    ``target``, written beside it first and moved in place, readable by its owner only;
    the manifest as written."""
    manifest = signed(manifest)
    partial = target.with_name(f".{target.name}.part")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
        data = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode, info.mtime = len(data), 0o600, int(time.time())
        tar.addfile(info, io.BytesIO(data))
        for name, path in files.items():
            member = tar.gettarinfo(str(path), arcname=name)
            member.mode, member.uid, member.gid, member.uname, member.gname = 0o600, 0, 0, "", ""
            with path.open("rb") as handle:
                tar.addfile(member, handle)
    partial.replace(target)
    return manifest


def _safe(name: str) -> bool:
    """The only names a member may have: the database, or a file under ``media/`` whose
    path has no empty, ``.`` or ``..`` part (nothing lands outside where it goes)."""
    if name in (DATABASE, PG_DATABASE):
        return True
    parts = name.split("/")
    return (len(parts) > 1 and parts[0] == "media" and "\\" not in name and "\x00" not in name
            and all(part not in ("", ".", "..") for part in parts[1:]))  # fmt: skip


def read_archive(source: Path, into: Path) -> dict[str, Any]:
    """The manifest of the archive ``source``, its members extracted under ``into``
    after every check: regular files with names a backup has, a signed manifest
    (:mod:`.signing`), exactly its members, each with its SHA-256. Raises
    :class:`InvalidInputError` with the reason."""
    try:
        tar = tarfile.open(source, mode="r:gz")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError) as exc:
        raise InvalidInputError(m.NOT_AN_ARCHIVE, file=str(source)) from exc
    with tar:
        try:
            members = tar.getmembers()
        except (OSError, tarfile.TarError, EOFError) as exc:
            raise InvalidInputError(m.NOT_AN_ARCHIVE, file=str(source)) from exc
        names = [member.name for member in members]
        if MANIFEST not in names:
            raise InvalidInputError(m.NOT_AN_ARCHIVE, file=str(source))
        for member in members:
            if not member.isfile() or (member.name != MANIFEST and not _safe(member.name)):
                raise InvalidInputError(m.MEMBER_UNSAFE, member=member.name)
        if len(set(names)) != len(names):
            raise InvalidInputError(m.MEMBER_UNSAFE, member="(a name twice)")
        manifest = _manifest(tar, source)
        listed = manifest["members"]
        present = set(names) - {MANIFEST}
        if present != set(listed):
            missing = ", ".join(sorted(set(listed) - present)) or "—"
            unlisted = ", ".join(sorted(present - set(listed))) or "—"
            raise InvalidInputError(m.MEMBERS_DIFFER, missing=missing, unlisted=unlisted)
        for member in members:
            if member.name == MANIFEST:
                continue
            path = into / member.name
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = tar.extractfile(member)
            assert handle is not None  # noqa: S101 - a regular file (checked above)
            digest = hashlib.sha256()
            with handle, path.open("wb") as out:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != listed[member.name]:
                raise InvalidInputError(m.CHECKSUM_MISMATCH, member=member.name)
    return manifest


def _manifest(tar: tarfile.TarFile, source: Path) -> dict[str, Any]:
    handle = tar.extractfile(MANIFEST)
    try:
        manifest = json.loads(handle.read(_CHUNK)) if handle else None
    except (ValueError, UnicodeDecodeError):
        manifest = None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("members"), dict):
        raise InvalidInputError(m.NOT_AN_ARCHIVE, file=str(source))
    form, version = manifest.get("format"), manifest.get("format_version")
    if form != FORMAT or version not in (FORMAT_VERSION, UNSIGNED_VERSION):
        raise InvalidInputError(m.FORMAT_UNKNOWN, format=form, version=version)
    if version == UNSIGNED_VERSION:  # refused, saying why: its digests vouch for nothing
        raise InvalidInputError(m.MANIFEST_UNSIGNED, version=version)
    check_signature(manifest)
    return manifest
