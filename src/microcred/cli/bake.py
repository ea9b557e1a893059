"""``microcred bake`` and ``microcred extract``: credentials inside PNG/SVG badges, and
the credentials attached to a PDF certificate (extract only: ``render`` attaches them)."""

from __future__ import annotations

__all__ = ["bake_command", "extract_command"]

from pathlib import Path

import click

from ..credentials.baking import bake, extract, extract_pdf
from ..credentials.baking.pdf import main_first
from ..credentials.errors import BakingError
from ..credentials.formats import Format, detect
from ..credentials.verify import MAX_BYTES, PDF_MAX_BYTES
from ._common import fail, read_capped, read_limited


def _read(path: Path) -> bytes:
    """The file's bytes: at most MAX_BYTES."""
    try:
        return read_capped(path, MAX_BYTES)
    except OSError as exc:
        fail(path, exc.strerror)


def _read_any(path: Path) -> tuple[bytes, Format]:
    """The file's bytes and format: at most PDF_MAX_BYTES for a PDF, MAX_BYTES for any
    other (said so, whatever the file's size)."""
    try:
        data = read_limited(path, PDF_MAX_BYTES)
    except OSError as exc:
        fail(path, exc.strerror)
    kind = detect(data)
    limit = PDF_MAX_BYTES if kind == "pdf" else MAX_BYTES
    if len(data) > limit:
        fail(path, f"larger than {limit} bytes")
    return data, kind


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
        fail(image, exc)
    out.write_bytes(baked)
    click.echo(str(out))


@click.command("extract")
@click.argument("image", type=click.Path(path_type=Path))
@click.option("--name", metavar="ATTACHMENT",
              help="For a PDF: the attachment to print (default: the OB 3.0 credential, or "
              "the first one); the others are named on stderr.")  # fmt: skip
def extract_command(image: Path, name: str | None) -> None:
    """Print the credential baked into a PNG or SVG badge, or attached to a PDF."""
    data, kind = _read_any(image)
    try:
        if kind != "pdf":
            click.echo(extract(data))
            return
        attachments = extract_pdf(data)
    except BakingError as exc:
        fail(image, exc)
    names = main_first(attachments)
    chosen = name or names[0]
    if chosen not in attachments:
        fail(image, f"no attachment {chosen!r} (it has {', '.join(names)})")
    if len(names) > 1:
        others = ", ".join(n for n in names if n != chosen)
        click.echo(f"{image}: {chosen} (also attached: {others}; --name to choose)", err=True)
    click.echo(attachments[chosen].decode("utf-8", errors="replace"))
