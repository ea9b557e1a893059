"""The PostgreSQL half of a backup: PostgreSQL's own tools, run as programs.

- :func:`dump` — ``pg_dump --format=custom`` (one transaction with a snapshot of its
  own: consistent while the platform keeps writing);
- :func:`sealed_rows` — the sealed private keys in a dump, read with ``pg_restore
  --data-only`` (COPY text, parsed here: the format is PostgreSQL's documented COPY text
  format, and reading it avoids restoring into a scratch database, which the platform's
  role may not be allowed to create) so that they are checked before anything is written;
- :func:`restore` — the dump as one SQL script (``pg_restore --file``), run by ``psql
  --single-transaction`` after dropping the platform's tables: the old contents stay
  unless the whole restore succeeds.

The connection comes from Django's settings, the password through ``PGPASSWORD`` (never
on a command line).
"""

from __future__ import annotations

__all__ = ["dump", "restore", "sealed_rows"]

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections

from ..core.errors import ConflictError
from . import messages as m

#: the tables holding sealed keys, and the one their associated data needs (DIDs)
KEY_TABLES = ("providers_provider", "providers_providerkey", "providers_operatorkey",
              "providers_sealcertificate", "providers_platformtestca")  # fmt: skip
_COPY = re.compile(r"COPY (?:public\.)?(\w+) \(([^)]*)\) FROM stdin;")
_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)")


def _program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ConflictError(m.PROGRAM_MISSING, program=name)
    return found


def _env(alias: str) -> tuple[dict[str, str], str]:
    """The environment (PGHOST, PGPORT, PGUSER, PGPASSWORD) and the database's name."""
    settings = connections[alias].settings_dict
    env = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"),
                          ("PGPASSWORD", "PASSWORD")):  # fmt: skip
        if settings.get(key):
            env[variable] = str(settings[key])
    return env, str(settings["NAME"])


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)  # noqa: S603 - our programs, no shell
    if done.returncode:
        raise ConflictError(m.PROGRAM_FAILED, program=Path(command[0]).name,
                            error=done.stderr.strip()[-500:])  # fmt: skip
    return done.stdout


def dump(alias: str, target: Path) -> None:
    """The database ``alias`` as a custom-format dump at ``target``."""
    env, name = _env(alias)
    _run([_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
          f"--file={target}", f"--dbname={name}"], env)  # fmt: skip


def _unescape(field: str) -> str | None:
    if field == "\\N":
        return None

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] == "x" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code[0] in "01234567":
            return chr(int(code, 8))
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(one, field)


def sealed_rows(source: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows of :data:`KEY_TABLES` in the dump ``source`` (table → rows as column →
    text; ``bytea`` values as bytes)."""
    command = [_program("pg_restore"), "--data-only", "--file=-"]
    for table in KEY_TABLES:
        command.append(f"--table={table}")
    text = _run([*command, str(source)], dict(os.environ))
    tables: dict[str, list[dict[str, Any]]] = {}
    current: tuple[str, list[str]] | None = None
    for line in text.splitlines():
        if current is None:
            found = _COPY.match(line)
            if found:
                current = (
                    found.group(1),
                    [c.strip().strip('"') for c in found.group(2).split(",")],
                )
                tables.setdefault(current[0], [])
            continue
        if line == "\\.":
            current = None
            continue
        values = [_unescape(field) for field in line.split("\t")]
        row: dict[str, Any] = dict(zip(current[1], values, strict=True))
        for column, value in row.items():
            if isinstance(value, str) and value.startswith("\\x") and column.startswith("sealed"):
                row[column] = bytes.fromhex(value[2:])
        tables[current[0]].append(row)
    return tables


def restore(alias: str, source: Path, tables: list[str], scratch: Path) -> None:
    """Replace the database ``alias`` by the dump ``source``: its current ``tables``
    dropped and the dump's objects made, in one transaction."""
    env, name = _env(alias)
    script = scratch / "restore.sql"
    _run([_program("pg_restore"), "--no-owner", "--no-privileges", f"--file={script}",
          str(source)], env)  # fmt: skip
    drop = scratch / "drop.sql"
    quoted = ", ".join('"' + t.replace('"', '""') + '"' for t in tables)
    drop.write_text(f"DROP TABLE IF EXISTS {quoted} CASCADE;\n" if tables else "SELECT 1;\n",
                    encoding="utf-8")  # fmt: skip
    _run([_program("psql"), "--no-psqlrc", "--quiet", "--single-transaction",
          "--set=ON_ERROR_STOP=1", f"--dbname={name}", f"--file={drop}", f"--file={script}"],
         env)  # fmt: skip
