"""What every subcommand shares: exit codes, the default language, saying an error and
exiting (:func:`fail`), reading input files and writing private ones."""

from __future__ import annotations

__all__ = [
    "ERROR_PREFIX",
    "EXIT_BAD_INPUT",
    "EXIT_NEGATIVE",
    "EXIT_OK",
    "LANG_OPTION",
    "default_lang",
    "fail",
    "read_capped",
    "read_limited",
    "say_error",
    "write_private",
]

import errno
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from ..standard.errors import MicrocredError
from ..standard.messages import Message, Reason

EXIT_OK, EXIT_NEGATIVE, EXIT_BAD_INPUT = 0, 1, 2
#: what starts every error line a command prints
ERROR_PREFIX = Message("error_prefix", "error: ", "błąd: ")


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
        raise FileNotFoundError(2, "no such file")
    if not path.is_file():
        raise IsADirectoryError(21, "is a directory" if path.is_dir() else "not a regular file")
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raises OSError with a
    readable strerror otherwise (``larger than N bytes`` for a file over the limit)."""
    data = read_limited(path, limit)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit} bytes")
    return data


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
