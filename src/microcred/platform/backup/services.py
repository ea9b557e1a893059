"""Making and restoring a backup of the platform (SQLite, or PostgreSQL through its own
tools: :mod:`.postgres`).

Why the SQLite file and not Django's serialisation (``dumpdata``): the online backup API
(``sqlite3.Connection.backup``) copies a consistent snapshot while the platform keeps
serving and writing, byte for byte (sealed keys, constraints, sequences), and a restored
copy is brought up to date by the ordinary migrations — a serialised dump is read through
today's models, so an older dump would not load into a newer schema. PostgreSQL's own
tool does the same for it: ``pg_dump --format=custom`` (a snapshot while it runs), and
back through ``pg_restore`` and ``psql`` in one transaction. A backup restores into the
database vendor it was made from.

A restore writes nothing until everything is checked: the archive (manifest, member
names, SHA-256 of each), the database vendor, the migrations (a backup from a newer
microcred is refused), the target (a database holding data is replaced only with
``force``), and then the backup's copy is migrated beside the live database and every
sealed private key in it opened with the current key-encryption key. Only then is the
copy written over the live database (the same backup API) and the uploaded files put
in place.
"""

from __future__ import annotations

__all__ = ["Restored", "backup_create", "backup_restore"]

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from ..core.errors import ConflictError, InvalidInputError, PlatformError
from ..providers.key_encryption import open_sealed
from ..providers.models import (
    OperatorKey,
    PlatformTestCA,
    Provider,
    ProviderKey,
    SealCertificate,
    seal_associated,
)
from ..providers.seals import CA_ASSOCIATED
from ..providers.trust_list import operator_did
from . import messages as m
from . import postgres
from .archive import (
    DATABASE,
    FORMAT,
    FORMAT_VERSION,
    PG_DATABASE,
    read_archive,
    sha256_of,
    write_archive,
)

_SCRATCH = "microcred_restore"


def _microcred_version() -> str:
    try:
        return version("microcred")
    except PackageNotFoundError:  # a source tree without its metadata
        return "unknown"


def _vendor() -> str:
    vendor = connections[DEFAULT_DB_ALIAS].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise ConflictError(m.VENDOR_UNSUPPORTED, vendor=vendor)
    return vendor


def _rows(path: Path, query: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as copy:
        try:
            return copy.execute(query).fetchall()
        except sqlite3.OperationalError:  # a table not made yet
            return []


def backup_create(*, archive: Path, now: dt.datetime) -> dict[str, Any]:
    """Write a backup of the database and MEDIA_ROOT to ``archive``; its manifest."""
    vendor = _vendor()
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    with tempfile.TemporaryDirectory(dir=archive.parent) as folder:
        if vendor == "sqlite":
            copy = Path(folder) / DATABASE
            target = sqlite3.connect(copy)
            try:
                connection.connection.backup(target)  # a consistent snapshot, writers go on
            finally:
                target.close()
            migrations = sorted(f"{app}.{name}" for app, name in
                                _rows(copy, "SELECT app, name FROM django_migrations"))  # fmt: skip
            keks = {
                row[0]
                for table in postgres.KEY_TABLES[1:]
                for row in _rows(copy, f"SELECT DISTINCT kek_id FROM {table}")  # noqa: S608 - our table names
            }
            files: dict[str, Path] = {DATABASE: copy}
        else:
            copy = Path(folder) / PG_DATABASE
            postgres.dump(DEFAULT_DB_ALIAS, copy)
            rows = postgres.sealed_rows(copy)
            keks = {row["kek_id"] for table in postgres.KEY_TABLES[1:]
                    for row in rows.get(table, [])}  # fmt: skip
            recorder = MigrationRecorder(connection)
            migrations = sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())
            files = {PG_DATABASE: copy}
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file() and not p.is_symlink()):
                files["media/" + path.relative_to(media).as_posix()] = path
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "microcred_version": _microcred_version(),
            "database_vendor": vendor,
            "migrations": migrations,
            "created": now.isoformat(),
            # which key-encryption keys sealed the private keys: their ids, never the keys
            "kek_ids": sorted(keks),
            "note": "The key-encryption key is NOT in this backup; keep it separately.",
            "members": {name: sha256_of(path) for name, path in files.items()},
        }
        return write_archive(archive, manifest, files)


def _known_migrations() -> set[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def _database_missing() -> bool:
    """Whether the live database is an SQLite file not made yet: then it holds nothing,
    and asking it would make it (an empty file a refused restore would leave behind)."""
    connection = connections[DEFAULT_DB_ALIAS]
    name = str(connection.settings_dict["NAME"])
    return (connection.vendor == "sqlite" and name != ":memory:" and "mode=memory" not in name
            and not Path(name).exists())  # fmt: skip


def _holds_data() -> list[str]:
    """What the live database holds that a restore would replace (empty: nothing)."""
    from ..accounts.models import Organisation, User

    held = []
    if not _database_missing():
        tables = set(connections[DEFAULT_DB_ALIAS].introspection.table_names())
        held = [model._meta.label for model in (User, Organisation, Provider)
                if model._meta.db_table in tables and model.objects.exists()]  # fmt: skip
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(p.is_file() for p in media.rglob("*")):
        held.append("MEDIA_ROOT")
    return held


def _sealed_in(alias: str) -> list[tuple[str, str, bytes, str]]:
    """Every sealed private key in the database ``alias``: (what, KEK id, sealed bytes,
    associated data)."""
    sealed: list[tuple[str, str, bytes, str]] = []
    for key in ProviderKey.objects.using(alias).select_related("provider"):
        sealed.append((str(key), key.kek_id, bytes(key.sealed_private), key.method))
    for operator in OperatorKey.objects.using(alias):
        method = f"{operator_did()}#{operator.fragment}"
        sealed.append((method, operator.kek_id, bytes(operator.sealed_private), method))
    for record in SealCertificate.objects.using(alias):
        sealed.append((record.subject, record.kek_id, bytes(record.sealed_private),
                       record.associated))  # fmt: skip
    for ca in PlatformTestCA.objects.using(alias):
        sealed.append(("TEST CA", ca.kek_id, bytes(ca.sealed_private), CA_ASSOCIATED))
    return sealed


def _sealed_in_dump(rows: dict[str, list[dict[str, Any]]]) -> list[tuple[str, str, bytes, str]]:
    """The same from a PostgreSQL dump's rows (:func:`.postgres.sealed_rows`)."""
    dids = {row["id"]: row["did"] for row in rows.get("providers_provider", [])}
    sealed: list[tuple[str, str, bytes, str]] = []
    for row in rows.get("providers_providerkey", []):
        method = f"{dids.get(row['provider_id'], '')}#{row['fragment']}"
        sealed.append((method, row["kek_id"], row["sealed_private"], method))
    for row in rows.get("providers_operatorkey", []):
        method = f"{operator_did()}#{row['fragment']}"
        sealed.append((method, row["kek_id"], row["sealed_private"], method))
    for row in rows.get("providers_sealcertificate", []):
        associated = seal_associated(row["provider_id"], row["fingerprint"])
        sealed.append((row["subject"], row["kek_id"], row["sealed_private"], associated))
    for row in rows.get("providers_platformtestca", []):
        sealed.append(("TEST CA", row["kek_id"], row["sealed_private"], CA_ASSOCIATED))
    return sealed


def _open_all(sealed: list[tuple[str, str, bytes, str]]) -> int:
    """Open every sealed key with the current KEK: how many, or
    :class:`InvalidInputError` naming the first that does not open."""
    for what, kek, blob, associated in sealed:
        try:
            open_sealed(kek, blob, associated=associated)
        except PlatformError as exc:
            raise InvalidInputError(
                m.KEYS_DO_NOT_OPEN, what=what, reason_en=exc.text("en").rstrip("."),
                reason_pl=exc.text("pl").rstrip("."),
            ) from exc  # fmt: skip
    return len(sealed)


def _migrate_copy(copy: Path) -> int:
    """Bring the backup's copy up to this code's migrations (beside the live database),
    and check its keys there; the number of keys opened."""
    # Migrated in a process of its own whose default database is the copy: a data
    # migration that forgets its database (django-tasks-db's 0016 updates through the
    # default one) would otherwise run against the live database instead of the copy
    env = {**os.environ, "MICROCRED_DATABASE_URL": f"sqlite:///{copy}",
           "DJANGO_SETTINGS_MODULE": "microcred.platform.config.settings"}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "django", "migrate", "--noinput", "-v", "0"],
                          env=env, capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["?"])[-1][:300]
        raise ConflictError(m.PROGRAM_FAILED, program="migrate", error=last)
    alias = f"{_SCRATCH}_{uuid.uuid4().hex[:8]}"
    connections.settings[alias] = {**connections.settings[DEFAULT_DB_ALIAS],
                                   "NAME": str(copy)}  # fmt: skip
    try:
        return _open_all(_sealed_in(alias))
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


@dataclass(frozen=True)
class Restored:
    """What a restore put in place."""

    manifest: dict[str, Any]
    keys_opened: int
    media_files: int


def backup_restore(*, archive: Path, force: bool = False) -> Restored:
    """Replace the live database and MEDIA_ROOT with the backup in ``archive``, after
    every check (see the module); raises :class:`PlatformError` and writes nothing when
    one fails."""
    current = _vendor()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        manifest = read_archive(archive, scratch / "archive")
        vendor = manifest.get("database_vendor")
        member = {"sqlite": DATABASE, "postgresql": PG_DATABASE}.get(str(vendor))
        if member is None or vendor != current or member not in manifest["members"]:
            raise ConflictError(m.VENDOR_DIFFERS, backup=vendor, current=current)
        unknown = sorted(set(manifest.get("migrations", [])) - _known_migrations())
        if unknown:
            raise ConflictError(m.NEWER_BACKUP, version=manifest.get("microcred_version"),
                                migrations=", ".join(unknown[:5]))  # fmt: skip
        held = _holds_data()
        if held and not force:
            raise ConflictError(m.NOT_EMPTY, what=", ".join(held))
        copy = scratch / "archive" / member
        if current == "sqlite":
            keys = _migrate_copy(copy)
            _replace_sqlite(copy)  # everything checked: the copy over the live database
        else:
            keys = _open_all(_sealed_in_dump(postgres.sealed_rows(copy)))
            connection = connections[DEFAULT_DB_ALIAS]
            tables = connection.introspection.table_names()
            connection.close()
            postgres.restore(DEFAULT_DB_ALIAS, copy, tables, scratch)
            call_command("migrate", verbosity=0, interactive=False)  # an older backup
        media_files = _put_media(scratch / "archive" / "media")
    cache.clear()  # nothing computed from the data before (the trust list) survives it
    return Restored(manifest, keys, media_files)


def _replace_sqlite(copy: Path) -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    connection.close()
    connection.ensure_connection()
    source = sqlite3.connect(copy)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    connection.close()


def _put_media(restored: Path) -> int:
    """The backup's files as MEDIA_ROOT (the files there before are removed)."""
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    staged = media.with_name(f".{media.name}.restoring")
    shutil.rmtree(staged, ignore_errors=True)
    if restored.is_dir():
        shutil.copytree(restored, staged)
    else:
        staged.mkdir()
    if media.exists():
        old = media.with_name(f".{media.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        media.rename(old)
        staged.rename(media)
        shutil.rmtree(old)
    else:
        staged.rename(media)
    return sum(1 for p in media.rglob("*") if p.is_file())
