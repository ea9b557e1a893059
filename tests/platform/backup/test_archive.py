"""backup.archive: an archive is read back only when its members are exactly its
manifest's, with their SHA-256, under names a backup has — a link, an absolute path, a
path out of ``media/``, a name twice or an unknown format are refused and nothing lands
outside the folder it is extracted into. (The commands end to end: tests/cli/test_backup.py.)"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from microcred.platform.backup import messages as m
from microcred.platform.backup.archive import read_archive, write_archive
from microcred.platform.core.errors import InvalidInputError

DB = b"SQLite format 3\x00 pretend"


def manifest(members: dict[str, bytes], **changes: object) -> dict[str, object]:
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    return {"format": "microcred-backup", "format_version": 1, "members": digests} | changes


def raw_archive(path: Path, entries: list[tarfile.TarInfo | tuple[str, bytes]]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for entry in entries:
            if isinstance(entry, tarfile.TarInfo):
                tar.addfile(entry)
                continue
            name, data = entry
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_what_write_archive_writes_read_archive_reads(tmp_path: Path) -> None:
    (tmp_path / "db").write_bytes(DB)
    (tmp_path / "doc").write_bytes(b"%PDF-1.7")
    files = {"database.sqlite3": tmp_path / "db", "media/evidence/ab.pdf": tmp_path / "doc"}
    made = manifest({"database.sqlite3": DB, "media/evidence/ab.pdf": b"%PDF-1.7"})
    write_archive(tmp_path / "b.tar.gz", made, files)
    assert oct((tmp_path / "b.tar.gz").stat().st_mode & 0o777) == "0o600"
    out = tmp_path / "out"
    assert read_archive(tmp_path / "b.tar.gz", out) == made
    assert (out / "media/evidence/ab.pdf").read_bytes() == b"%PDF-1.7"


@pytest.mark.parametrize(
    ("entries", "code"),
    [
        ([("/etc/passwd", b"x")], m.MEMBER_UNSAFE.code),
        ([("media/../../x", b"x")], m.MEMBER_UNSAFE.code),
        ([("media/./x", b"x")], m.MEMBER_UNSAFE.code),
        ([("notes.txt", b"x")], m.MEMBER_UNSAFE.code),
        (["link"], m.MEMBER_UNSAFE.code),
        ([("database.sqlite3", DB)], m.MEMBER_UNSAFE.code),  # twice
    ],
)
def test_names_a_backup_never_has_are_refused(tmp_path: Path, entries: list[object],
                                              code: str) -> None:  # fmt: skip
    listed = {"database.sqlite3": DB}
    extra: list[tarfile.TarInfo | tuple[str, bytes]] = []
    for entry in entries:
        if entry == "link":
            link = tarfile.TarInfo("media/link")
            link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
            extra.append(link)
        else:
            extra.append(entry)  # type: ignore[arg-type]
    archive = raw_archive(tmp_path / "a.tar.gz", [
        ("manifest.json", json.dumps(manifest(listed)).encode()), ("database.sqlite3", DB),
        *extra,
    ])  # fmt: skip
    with pytest.raises(InvalidInputError) as caught:
        read_archive(archive, tmp_path / "out")
    assert caught.value.code == code
    assert not (tmp_path / "out").exists()


def test_an_unknown_format_and_a_missing_manifest_are_refused(tmp_path: Path) -> None:
    future = manifest({"database.sqlite3": DB}, format_version=2)
    archive = raw_archive(tmp_path / "a.tar.gz", [
        ("manifest.json", json.dumps(future).encode()), ("database.sqlite3", DB)])  # fmt: skip
    with pytest.raises(InvalidInputError) as caught:
        read_archive(archive, tmp_path / "out")
    assert caught.value.code == m.FORMAT_UNKNOWN.code
    bare = raw_archive(tmp_path / "b.tar.gz", [("database.sqlite3", DB)])
    with pytest.raises(InvalidInputError) as caught:
        read_archive(bare, tmp_path / "out")
    assert caught.value.code == m.NOT_AN_ARCHIVE.code
