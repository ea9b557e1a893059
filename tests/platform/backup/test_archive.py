"""backup.archive: an archive is read back only when its members are exactly its
manifest's, with their SHA-256, under names a backup has — a link, an absolute path, a
path out of ``media/``, a name twice or an unknown format are refused and nothing lands
outside the folder it is extracted into. (The commands end to end: tests/cli/test_backup.py.)"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import secrets
import tarfile
from pathlib import Path
from typing import Any

import pytest

from microcred.platform.backup import messages as m
from microcred.platform.backup.archive import read_archive, write_archive
from microcred.platform.backup.signing import signed
from microcred.platform.core.errors import InvalidInputError

DB = b"SQLite format 3\x00 pretend"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(members: dict[str, bytes], **changes: object) -> dict[str, object]:
    """A manifest listing ``members``, with ``changes``, signed as a backup signs it."""
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    return signed({"format": "microcred-backup", "format_version": 2, "members": digests}
                  | changes)  # fmt: skip


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
    made = write_archive(tmp_path / "b.tar.gz", {"format": "microcred-backup",
                         "format_version": 2, "members": {"database.sqlite3": sha256(DB),
                         "media/evidence/ab.pdf": sha256(b"%PDF-1.7")}}, files)  # fmt: skip
    assert made["signature"]["alg"] == "HMAC-SHA256"  # type: ignore[index]
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
    future = manifest({"database.sqlite3": DB}, format_version=3)
    archive = raw_archive(tmp_path / "a.tar.gz", [
        ("manifest.json", json.dumps(future).encode()), ("database.sqlite3", DB)])  # fmt: skip
    with pytest.raises(InvalidInputError) as caught:
        read_archive(archive, tmp_path / "out")
    assert caught.value.code == m.FORMAT_UNKNOWN.code
    bare = raw_archive(tmp_path / "b.tar.gz", [("database.sqlite3", DB)])
    with pytest.raises(InvalidInputError) as caught:
        read_archive(bare, tmp_path / "out")
    assert caught.value.code == m.NOT_AN_ARCHIVE.code


def _refused(archive: Path, out: Path) -> str:
    """The code of ``archive``'s refusal; nothing extracted under ``out``."""
    with pytest.raises(InvalidInputError) as caught:
        read_archive(archive, out)
    assert not out.exists()
    return caught.value.code


def test_a_member_changed_with_its_digest_is_refused_by_the_signature(tmp_path: Path) -> None:
    signed_manifest = manifest({"database.sqlite3": DB})
    forged_db = DB + b" and something else"
    forged = json.loads(json.dumps(signed_manifest))
    forged["members"]["database.sqlite3"] = sha256(forged_db)  # the signature left as it was
    archive = raw_archive(tmp_path / "a.tar.gz", [
        ("manifest.json", json.dumps(forged).encode()), ("database.sqlite3", forged_db),
    ])  # fmt: skip
    assert _refused(archive, tmp_path / "out") == m.MANIFEST_SIGNATURE_INVALID.code
    # any other field of the manifest is covered too, and a signature removed is no escape
    for change in ({"migrations": ["providers.9999_future"]}, {"signature": None}):
        archive = raw_archive(tmp_path / "b.tar.gz", [
            ("manifest.json", json.dumps(signed_manifest | change).encode()),
            ("database.sqlite3", DB),
        ])  # fmt: skip
        assert _refused(archive, tmp_path / "out") == m.MANIFEST_SIGNATURE_INVALID.code


def test_an_unsigned_backup_of_the_first_format_is_refused_saying_why(tmp_path: Path) -> None:
    old = {"format": "microcred-backup", "format_version": 1,
           "members": {"database.sqlite3": sha256(DB)}}  # fmt: skip
    archive = raw_archive(tmp_path / "a.tar.gz", [
        ("manifest.json", json.dumps(old).encode()), ("database.sqlite3", DB)])  # fmt: skip
    assert _refused(archive, tmp_path / "out") == m.MANIFEST_UNSIGNED.code
    assert "not signed" in m.MANIFEST_UNSIGNED.en
    assert "nie jest podpisany" in m.MANIFEST_UNSIGNED.pl


def test_a_backup_signed_under_another_kek_is_checked_only_when_that_kek_is_configured(
    tmp_path: Path, settings: Any
) -> None:
    made = manifest({"database.sqlite3": DB})
    archive = raw_archive(tmp_path / "a.tar.gz", [
        ("manifest.json", json.dumps(made).encode()), ("database.sqlite3", DB)])  # fmt: skip
    before = settings.KEY_ENCRYPTION_KEY
    settings.KEY_ENCRYPTION_KEY = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    settings.KEY_ENCRYPTION_KEYS_OLD = []
    assert _refused(archive, tmp_path / "out") == m.MANIFEST_KEY_UNKNOWN.code
    settings.KEY_ENCRYPTION_KEYS_OLD = [before]  # after a rotation: the old KEK still checks
    assert read_archive(archive, tmp_path / "out") == made
