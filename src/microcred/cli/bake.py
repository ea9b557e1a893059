"""``microcred bake`` and ``microcred extract``: credentials inside PNG/SVG badges."""

from __future__ import annotations

__all__ = ["bake_command", "extract_command"]

import sys
from pathlib import Path

import click

from ..credentials.baking import bake, extract
from ..credentials.errors import BakingError
from ..credentials.verify import MAX_BYTES
from ._common import EXIT_BAD_INPUT, read_limited


def _read(path: Path) -> bytes:
    try:
        data = read_limited(path, MAX_BYTES)
    except OSError as exc:
        click.echo(f"error: {path}: {exc.strerror}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if len(data) > MAX_BYTES:
        click.echo(f"error: {path}: larger than {MAX_BYTES} bytes", err=True)
        sys.exit(EXIT_BAD_INPUT)
    return data


@click.command("bake")
@click.option("--credential", "credential", required=True, type=click.Path(path_type=Path),
              help="Signed credential (JSON, or a compact JWT).")  # fmt: skip
@click.option("--image", required=True, type=click.Path(path_type=Path), help="PNG or SVG badge.")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Baked image to write.")
def bake_command(credential: Path, image: Path, out: Path) -> None:
    """Bake a credential into a PNG or SVG badge image."""
    text = _read(credential).decode("utf-8", errors="replace").strip()
    try:
        baked = bake(_read(image), text)
    except BakingError as exc:
        click.echo(f"error: {image}: {exc.message}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    out.write_bytes(baked)
    click.echo(str(out))


@click.command("extract")
@click.argument("image", type=click.Path(path_type=Path))
def extract_command(image: Path) -> None:
    """Print the credential baked into a PNG or SVG badge."""
    try:
        click.echo(extract(_read(image)))
    except BakingError as exc:
        click.echo(f"error: {image}: {exc.message}", err=True)
        sys.exit(EXIT_BAD_INPUT)
