"""What every subcommand shares: exit codes, the default language, saying an error and
exiting (:func:`fail`), reading input files (and saying why one cannot be read, or a
design file's located problems) and writing private ones."""

from __future__ import annotations

__all__ = [
    "ERROR_PREFIX",
    "EXIT_BAD_INPUT",
    "EXIT_NEGATIVE",
    "EXIT_OK",
    "IS_A_DIRECTORY",
    "LANG_OPTION",
    "NOT_A_REGULAR_FILE",
    "NO_SUCH_FILE",
    "default_lang",
    "fail",
    "platform_setup",
    "read_capped",
    "read_design",
    "read_limited",
    "say_error",
    "unreadable",
    "write_private",
]

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from ..standard.errors import DesignError, MicrocredError
from ..standard.messages import Message, Reason

T = TypeVar("T")

EXIT_OK, EXIT_NEGATIVE, EXIT_BAD_INPUT = 0, 1, 2
#: what starts every error line a command prints
ERROR_PREFIX = Message("error_prefix", "error: ", "błąd: ")
# why a path given on the command line is no file to read (:func:`unreadable`)
NO_SUCH_FILE = Message("no_such_file", "no such file", "nie ma takiego pliku")
IS_A_DIRECTORY = Message("is_a_directory", "is a directory", "to katalog")
NOT_A_REGULAR_FILE = Message("not_a_regular_file", "not a regular file", "to nie jest zwykły plik")


def default_lang() -> str:
    """``pl`` when the locale is Polish, else ``en``."""
    env = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG")
    return "pl" if (env or "").lower().startswith("pl") else "en"


LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["en", "pl"]),
    default=default_lang,
    show_default="en, or pl when LANG is Polish",
    help="Language of the reasons.",
)


def say_error(*parts: object, lang: str = "en") -> None:
    """Say ``error: PART: PART…`` on standard error (``błąd:`` in Polish).

    A :class:`~microcred.standard.messages.Reason` or a
    :class:`~microcred.standard.errors.MicrocredError` is said in ``lang``, any other
    part as it prints: ``say_error(path, exc, lang=lang)``."""
    said = ": ".join(part.text(lang) if isinstance(part, Reason | MicrocredError) else str(part)
                     for part in parts)  # fmt: skip
    click.echo(ERROR_PREFIX.text(lang) + said, err=True)


def fail(*parts: object, lang: str = "en") -> NoReturn:
    """:func:`say_error`, then exit 2 (bad input): the one way a command gives up."""
    say_error(*parts, lang=lang)
    sys.exit(EXIT_BAD_INPUT)


def read_limited(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file (so a caller can say "too large");
    raises OSError with a readable strerror otherwise."""
    if not path.exists():
        raise FileNotFoundError(2, NO_SUCH_FILE.en)
    if not path.is_file():
        raise IsADirectoryError(21, IS_A_DIRECTORY.en if path.is_dir() else NOT_A_REGULAR_FILE.en)
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises OSError with a
    readable strerror otherwise (``larger than N bytes`` for a file over the limit)."""
    data = read_limited(path, limit)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit} bytes")
    return data


def unreadable(path: Path, error: OSError) -> Reason | str:
    """Why ``path`` could not be read (``error``, as :func:`read_limited` raises it):
    microcred's own reasons in either language, the system's (a permission denied) in
    its words."""
    if isinstance(error, FileNotFoundError):
        return NO_SUCH_FILE()
    if isinstance(error, IsADirectoryError):
        return IS_A_DIRECTORY() if path.is_dir() else NOT_A_REGULAR_FILE()
    return error.strerror or str(error)


def read_design(path: Path, lang: str, loader: Callable[..., T]) -> T:
    """A design file (:data:`~microcred.standard.designfile.MAX_BYTES` at most) read by
    ``loader`` (``designfile.loads`` or ``loads_any``); exits 2, saying the system's
    reason or each located problem, when it cannot be read or is not a valid design."""
    from ..standard.designfile import MAX_BYTES  # the design format, for design commands only

    try:
        data = read_limited(path, MAX_BYTES)
    except OSError as exc:
        fail(path, exc.strerror, lang=lang)
    try:
        return loader(data, source=str(path))
    except DesignError as exc:
        for item in exc.problems:
            say_error(item.located(exc.source, lang), lang=lang)
        sys.exit(EXIT_BAD_INPUT)


def write_private(out: Path, data: bytes, force: bool) -> None:
    """``data`` into ``out`` with mode 0600 (a key, an e-seal's PKCS#12); an existing file
    only with ``force``. Exits 2 with a readable message when it cannot."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        descriptor = os.open(out, flags, 0o600)
    except FileExistsError:
        fail(f"{out} exists (use --force to overwrite)")
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}")
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    out.chmod(0o600)


def platform_setup(command: str, data_dir: Path | None, *, default: bool = False) -> None:
    """Django set up for a command of the platform (``microcred demo``, ``esco``,
    ``backup``…): the data folder ``data_dir`` (``default``: only when
    ``MICROCRED_DATA_DIR`` does not name one), the platform's settings; without the
    ``platform`` extra, a clear error and exit code 2."""
    if data_dir is not None and not (default and "MICROCRED_DATA_DIR" in os.environ):
        os.environ["MICROCRED_DATA_DIR"] = str(data_dir.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "microcred.platform.config.settings")
    try:
        import django
    except ImportError:
        click.echo(f"microcred {command} needs the platform: pip install 'microcred[platform]'",
                   err=True)  # fmt: skip
        raise SystemExit(EXIT_BAD_INPUT) from None
    django.setup()
