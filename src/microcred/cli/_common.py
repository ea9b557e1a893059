"""What every subcommand shares: exit codes, the default language, reading input files."""

from __future__ import annotations

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_NEGATIVE",
    "EXIT_OK",
    "LANG_OPTION",
    "default_lang",
    "read_capped",
    "read_limited",
]

import errno
import os
from pathlib import Path

import click

EXIT_OK, EXIT_NEGATIVE, EXIT_BAD_INPUT = 0, 1, 2


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
