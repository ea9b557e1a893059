"""``microcred keys generate`` and ``microcred keys show``: signing key files.

A key file is a JSON Multikey with its secret (``secretKeyMultibase``), written with mode
0600; ``show`` prints only public parts: the did:key and the public Multikey.
"""

from __future__ import annotations

__all__ = ["keys_group"]

import json
from pathlib import Path

import click

from ..credentials.errors import InvalidKeyError
from ..credentials.keys import KeyPair
from ._common import fail, read_limited, write_private


@click.group("keys")
def keys_group() -> None:
    """Create and inspect signing keys (Ed25519, P-256)."""


@keys_group.command("generate")
@click.option("--type", "key_type", type=click.Choice(["ed25519", "p256"]), default="ed25519",
              show_default=True, help="Key algorithm.")  # fmt: skip
@click.option("--out", "out", type=click.Path(path_type=Path), required=True,
              help="Private key file to write (mode 0600).")  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def generate_command(key_type: str, out: Path, force: bool) -> None:
    """Generate a key pair and write it to OUT."""
    key = KeyPair.generate("Ed25519" if key_type == "ed25519" else "P-256")
    write_private(out, (json.dumps(key.to_file_dict(), indent=2) + "\n").encode("utf-8"), force)
    click.echo(key.did_key)


def load_key(path: Path) -> KeyPair:
    """A key from a key file; exits 2 with a readable message on any problem."""
    try:
        data = json.loads(read_limited(path, 64 * 1024))
        return KeyPair.from_file_dict(data)
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
    except ValueError:
        fail(f"{path} is not a JSON key file")
    except InvalidKeyError as exc:
        fail(path, exc)


@keys_group.command("show")
@click.argument("key_file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show_command(key_file: Path, as_json: bool) -> None:
    """Print the public parts of a key: its did:key and public Multikey."""
    key = load_key(key_file)
    public = {
        "type": "Multikey",
        "algorithm": key.algorithm,
        "id": key.verification_method,
        "controller": key.did_key,
        "publicKeyMultibase": key.public_multibase,
        "publicKeyJwk": key.public_jwk(),
    }
    if as_json:
        click.echo(json.dumps(public, indent=2))
    else:
        click.echo(f"algorithm:           {key.algorithm}")
        click.echo(f"did:key:             {key.did_key}")
        click.echo(f"verification method: {key.verification_method}")
        click.echo(f"publicKeyMultibase:  {key.public_multibase}")
