"""``microcred backup FILE`` and ``microcred restore FILE [--force]``: the platform's
database, uploaded files and a manifest in one archive, and back
(:mod:`microcred.platform.backup`). Needs the ``platform`` extra (Django).

The key-encryption key (``MICROCRED_KEY_ENCRYPTION_KEY``, or ``key-encryption-key`` in
the data directory) is never in a backup: the providers' private keys are in the
database sealed under it. Keep it separately; a restore needs it.
"""

from __future__ import annotations

__all__ = ["backup_command", "restore_command"]

import os
from pathlib import Path

import click

from ._common import EXIT_BAD_INPUT, fail, platform_setup

_KEK_NOTE = (
    "The key-encryption key is NOT in the backup: keep MICROCRED_KEY_ENCRYPTION_KEY (or "
    "the data directory's key-encryption-key file) separately; a restore needs it."
)
_DATA = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The platform's data directory (default: $MICROCRED_DATA_DIR, else ./var).",
)


@click.command("backup", epilog=_KEK_NOTE)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_DATA
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def backup_command(file: Path, data_dir: Path | None, force: bool) -> None:
    """Write a backup of the platform (database, uploaded files, manifest) to FILE
    (a .tar.gz, mode 0600), while the platform keeps running."""
    platform_setup("backup", data_dir)
    from django.utils import timezone

    from ..platform.backup.services import backup_create
    from ..platform.core.errors import PlatformError

    if file.exists() and not force:
        click.echo(f"error: {file} exists (give --force to overwrite it)", err=True)
        raise SystemExit(EXIT_BAD_INPUT)
    try:
        manifest = backup_create(archive=file, now=timezone.now())
    except PlatformError as exc:
        fail(exc.text("en"))
    click.echo(f"{file}: backup of {len(manifest['members'])} files "
               f"(database {manifest['database_vendor']}, "
               f"{len(manifest['migrations'])} migrations)")  # fmt: skip
    click.echo(_KEK_NOTE)


def _entries(folder: Path) -> set[str] | None:
    """The names in ``folder``; None when there is no such folder."""
    return {path.name for path in folder.iterdir()} if folder.is_dir() else None


def _as_it_was(folder: Path, before: set[str] | None) -> None:
    """The data directory of a refused restore as :func:`_entries` found it: a file that
    setting the platform up made since (its secret key, made on first use) removed, and
    the folder itself when it was not there. A refused restore writes nothing else."""
    for path in folder.iterdir() if folder.is_dir() else ():
        if path.name not in (before or set()) and path.is_file():
            path.unlink()
    if before is None and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


@click.command("restore", epilog=_KEK_NOTE)
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@_DATA
@click.option("--force", is_flag=True, help="Replace a database that already holds data.")
def restore_command(file: Path, data_dir: Path | None, force: bool) -> None:
    """Restore the platform from the backup FILE: checked (the manifest's signature
    under this platform's key-encryption key, SHA-256 of every file, the sealed keys
    open with that key) before anything is written, then migrated if it is older; a
    refused restore leaves the data directory as it was. Stop the platform while it
    runs."""
    folder = (data_dir or Path(os.environ.get("MICROCRED_DATA_DIR", "var"))).resolve()
    before = _entries(folder)
    platform_setup("backup", data_dir)
    from django.conf import settings

    from ..platform.backup.services import backup_restore
    from ..platform.core.errors import PlatformError

    try:
        restored = backup_restore(archive=file, force=force)
    except PlatformError as exc:
        if folder == settings.DATA_DIR:
            _as_it_was(folder, before)
        fail(exc.text("en"))
    manifest = restored.manifest
    click.echo(f"restored {file} (made {manifest['created']} by microcred "
               f"{manifest['microcred_version']}): {restored.keys_opened} sealed keys open "
               f"with this key-encryption key, {restored.media_files} uploaded files")  # fmt: skip
