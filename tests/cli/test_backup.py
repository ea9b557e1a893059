"""``microcred backup`` / ``microcred restore`` end to end, each step its own process
as an operator runs them: demo data (verified providers with keys and e-seal
certificates, published designs with their QA reviews, an evidence document) → backup
→ restore into a fresh data directory → the same rows, the same file, a credential
signed and an EDC sealed before the backup still verify with the restored keys and
are confirmed by the restored platform's trust list. A tampered archive, a wrong
key-encryption key and a database holding data are refused, and nothing is written."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from microcred.platform.backup import messages as m

ROOT = Path(__file__).resolve().parents[2]
MICROCRED = str(Path(sys.executable).parent / "microcred")

#: run in the data directory's platform: seeds the demo, signs and seals, adds evidence
SEED = """
import json, sys
from pathlib import Path
import django; django.setup()
from django.utils import timezone
from microcred.platform.demo import demo_seed, demo_designs
from microcred.platform.providers.models import Provider
from microcred.platform.providers.keys import provider_signing_key
from microcred.platform.providers.seals import provider_seal_credentials
from microcred.platform.providers.evidence import evidence_add
from microcred.platform.catalog.models import DesignVersion
from microcred.platform.catalog.selectors import spec_of
from microcred.credentials.issue import Issuer, issue
from microcred.credentials.dids import did_web_document
from microcred.credentials.keys import KeyPair
from microcred.standard.elements import Award

now = timezone.now()
demo_seed(now=now)
files = [(p.name, p.read_text("utf-8")) for p in sorted(Path("examples/designs").glob("*.yaml"))]
demo_designs(files, now=now)
provider = next(p for p in Provider.objects.order_by("pk") if p.verified)
version = DesignVersion.objects.filter(design__provider=provider, status="approved").first()
spec = spec_of(version).model_dump(mode="json")
spec["awarding_bodies"][0]["name"] = {"pl": provider.legal_name, "en": provider.legal_name}
award = Award.model_validate({"learner": {"given_name": "Anna", "family_name": "Kowalska",
                              "email": "anna@example.org"}, "issued_on": now.date().isoformat(),
                              "spec": spec})
pair, method = provider_signing_key(provider)
keys = {k.fragment: KeyPair.from_multikey(k.public_multibase) for k in provider.keys.all()}
issuer = Issuer.from_did_document(pair, did_web_document(provider.did, keys))
out = Path(sys.argv[1])
out.joinpath("ob3.json").write_text(json.dumps(issue(award, issuer=issuer, now=now)["ob3"]))
sealed = issue(award, issuer=Issuer.from_seal(provider_seal_credentials(provider)),
               formats=("edc",), now=now)["edc"]
out.joinpath("edc.json").write_text(json.dumps(sealed))
admin = provider.organisation.memberships.get(role="provider_admin").user
evidence_add(user=admin, provider=provider, name="akredytacja.pdf",
             data=b"%PDF-1.7 evidence " + bytes(range(256)), now=now)
from microcred.platform.providers.trust_list import operator_did_document, trust_list_jws
trust_list_jws(now)  # the operator's key made and the list signed before the backup
method = operator_did_document(now)["verificationMethod"][-1]["publicKeyMultibase"]
out.joinpath("operator.txt").write_text(method)
"""

#: run in a data directory's platform: every table's rows (the content, not just counts)
ROWS = """
import hashlib, json
import django; django.setup()
from django.apps import apps
from django.core import serializers
rows = {}
for model in apps.get_models():
    if model._meta.label in ("sessions.Session", "contenttypes.ContentType", "auth.Permission"):
        continue
    data = serializers.serialize("json", model.objects.order_by("pk"))
    rows[model._meta.label] = hashlib.sha256(data.encode()).hexdigest()
    rows[model._meta.label + ".count"] = model.objects.count()
print(json.dumps(rows, sort_keys=True))
"""

#: run in the restored platform: the credentials against its DID documents and trust list
CHECK = """
import json, sys
from pathlib import Path
import django; django.setup()
from django.utils import timezone
from microcred.credentials.dids import Resolver
from microcred.credentials.keys import KeyPair
from microcred.credentials.lote import read_lote
from microcred.credentials.verify import verify
from microcred.platform.providers.keys import provider_did_document
from microcred.platform.providers.models import EvidenceDocument, Provider
from microcred.platform.providers.trust_list import operator_did_document, trust_list_jws
now = timezone.now()
signed, _ = trust_list_jws(now)
operator = operator_did_document(now)["verificationMethod"][-1]["publicKeyMultibase"]
trust_list = read_lote(signed, operator_key=KeyPair.from_multikey(operator))
provider = next(p for p in Provider.objects.order_by("pk") if p.verified)
resolver = Resolver({provider.did: provider_did_document(provider.slug)})
folder = Path(sys.argv[1])
result = {}
for name in ("ob3.json", "edc.json"):
    report = verify(json.loads(folder.joinpath(name).read_text()), resolver=resolver,
                    trust_list=trust_list, now=now)
    result[name] = [report.result, report.check("trust").code, report.check("trust").en]
document = EvidenceDocument.objects.get()
result["evidence"] = document.file.read().hex()
result["operator"] = operator
print(json.dumps(result))
"""


#: run in a data directory's platform: the manifest in the file argv[1] signed again
SIGN = """
import json, sys
from pathlib import Path
import django; django.setup()
from microcred.platform.backup.signing import signed
path = Path(sys.argv[1])
path.write_text(json.dumps(signed(json.loads(path.read_text()))))
"""


def _kek() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


def _env(data: Path, kek: str, database_url: str | None = None) -> dict[str, str]:
    ours = ("DJANGO_SETTINGS_MODULE", "MICROCRED_DATA_DIR", "MICROCRED_DATABASE_URL",
            "MICROCRED_MEDIA_ROOT")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ours}
    env |= {"MICROCRED_DATA_DIR": str(data), "MICROCRED_KEY_ENCRYPTION_KEY": kek,
            "DJANGO_SETTINGS_MODULE": "microcred.platform.config.settings"}  # fmt: skip
    if database_url:  # else SQLite in the data directory
        env["MICROCRED_DATABASE_URL"] = database_url
    return env


def _run(command: list[str], data: Path, kek: str,
         database_url: str | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env=_env(data, kek, database_url), check=False)  # fmt: skip


def _python(script: str, data: Path, kek: str, *args: str, database_url: str | None = None) -> str:
    done = _run([sys.executable, "-c", script, *args], data, kek, database_url)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, dict[str, object]]:
    """A platform with demo data, its credentials and its backup: (backup, folder, KEK,
    the rows)."""
    folder = tmp_path_factory.mktemp("backup")
    data, kek = folder / "original", _kek()
    done = _run([MICROCRED, "demo", "--no-serve", "--data", str(data)], data, kek)  # migrates
    assert done.returncode == 0, done.stderr[-3000:]
    _python(SEED, data, kek, str(folder))
    rows = json.loads(_python(ROWS, data, kek))
    archive = folder / "platform.tar.gz"
    done = _run([MICROCRED, "backup", str(archive), "--data", str(data)], data, kek)
    assert done.returncode == 0, done.stderr
    assert "NOT in the backup" in done.stdout
    return archive, folder, kek, rows


def test_the_archive_holds_the_database_the_files_and_a_manifest(
    made: tuple[Path, Path, str, dict[str, object]],
) -> None:
    archive, _folder, kek, _rows = made
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
        everything = b"".join(tar.extractfile(n).read() for n in names)  # type: ignore[union-attr]
    assert names[0] == "manifest.json"
    assert "database.sqlite3" in names
    assert any(n.startswith("media/evidence/") and n.endswith(".pdf") for n in names)
    assert set(manifest["members"]) == set(names) - {"manifest.json"}
    assert manifest["database_vendor"] == "sqlite"
    assert "providers.0005_seals_and_evidence" in manifest["migrations"]
    assert manifest["created"]
    assert manifest["microcred_version"]
    assert manifest["format_version"] == 2
    assert manifest["signature"]["alg"] == "HMAC-SHA256"
    assert manifest["signature"]["kek_id"] == manifest["kek_ids"][0]
    # the key-encryption key is in no member, in no form
    assert kek.encode() not in everything
    assert base64.urlsafe_b64decode(kek + "=" * (-len(kek) % 4)) not in everything


def test_a_round_trip_into_a_fresh_data_directory(
    made: tuple[Path, Path, str, dict[str, object]], tmp_path: Path
) -> None:
    archive, folder, kek, rows = made
    fresh = tmp_path / "restored"
    done = _run([MICROCRED, "restore", str(archive), "--data", str(fresh)], fresh, kek)
    assert done.returncode == 0, done.stderr
    assert "sealed keys open" in done.stdout
    assert json.loads(_python(ROWS, fresh, kek)) == rows
    checked = json.loads(_python(CHECK, fresh, kek, str(folder)))
    for name in ("ob3.json", "edc.json"):
        result, trust, text = checked[name]
        assert result == "valid", checked[name]
        assert trust == "confirmed", text
    assert bytes.fromhex(checked["evidence"]).startswith(b"%PDF-1.7 evidence ")
    # the list is signed by the operator key of before the backup, not a new one
    assert checked["operator"] == (folder / "operator.txt").read_text()
    # a second restore over data it put there needs --force
    again = _run([MICROCRED, "restore", str(archive), "--data", str(fresh)], fresh, kek)
    assert again.returncode == 2
    assert "give --force" in again.stderr
    forced = _run([MICROCRED, "restore", str(archive), "--data", str(fresh), "--force"],
                  fresh, kek)  # fmt: skip
    assert forced.returncode == 0, forced.stderr
    assert json.loads(_python(ROWS, fresh, kek)) == rows


def _nothing_written(data: Path) -> None:
    """A refused restore into a data directory that was not there leaves none: no
    database (not even an empty file), no secret key, no uploaded files."""
    assert not data.exists(), sorted(p.name for p in data.iterdir())


def _contents(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}  # fmt: skip


def test_another_key_encryption_key_is_refused_without_writing(
    made: tuple[Path, Path, str, dict[str, object]], tmp_path: Path
) -> None:
    archive, *_ = made
    fresh = tmp_path / "other-kek"
    done = _run([MICROCRED, "restore", str(archive), "--data", str(fresh)], fresh, _kek())
    assert done.returncode == 2
    # its signature is checked first, and it names the key-encryption key it needs
    assert m.MANIFEST_KEY_UNKNOWN.en.split(" {")[0] in done.stderr, done.stderr
    _nothing_written(fresh)


def test_a_refused_restore_leaves_a_platform_as_it_was(
    made: tuple[Path, Path, str, dict[str, object]], tmp_path: Path
) -> None:
    """Over a platform holding data, with --force but another key-encryption key: every
    file of its data directory as it was, and no new one."""
    archive, folder, *_ = made
    data = Path(shutil.copytree(folder / "original", tmp_path / "platform"))
    before = _contents(data)
    assert "microcred.sqlite3" in before
    done = _run([MICROCRED, "restore", str(archive), "--data", str(data), "--force"], data,
                _kek())  # fmt: skip
    assert done.returncode == 2
    assert _contents(data) == before


def _rewritten(archive: Path, target: Path, change: str) -> None:
    """``archive`` copied to ``target`` with one change: a member's bytes, a member
    added, or a member removed (the manifest left as it was); or a member's bytes and
    its digest in the manifest (``forged``: the signature left as it was)."""
    with tarfile.open(archive) as tar:
        members = [(info, tar.extractfile(info).read()) for info in tar.getmembers()]  # type: ignore[union-attr]
    database = next(data for info, data in members if info.name == "database.sqlite3")
    changed = database[:-1] + bytes([database[-1] ^ 1])
    with tarfile.open(target, "w:gz") as out:
        for info, data in members:
            if change == "remove" and info.name.startswith("media/"):
                continue
            if change in ("bytes", "forged") and info.name == "database.sqlite3":
                data = changed
            if change == "forged" and info.name == "manifest.json":
                manifest = json.loads(data)
                manifest["members"]["database.sqlite3"] = hashlib.sha256(changed).hexdigest()
                data = json.dumps(manifest).encode()
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
        if change in ("add", "escape"):
            name = "media/extra.pdf" if change == "add" else "media/../../escaped.txt"
            extra = tarfile.TarInfo(name)
            extra.size = 4
            out.addfile(extra, io.BytesIO(b"%PDF"))


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("bytes", m.CHECKSUM_MISMATCH),
        ("add", m.MEMBERS_DIFFER),
        ("remove", m.MEMBERS_DIFFER),
        ("escape", m.MEMBER_UNSAFE),
        ("forged", m.MANIFEST_SIGNATURE_INVALID),
    ],
)
def test_a_tampered_archive_is_refused_with_the_reason(
    made: tuple[Path, Path, str, dict[str, object]], tmp_path: Path, change: str,
    code: object,
) -> None:  # fmt: skip
    archive, _folder, kek, _rows = made
    tampered = tmp_path / "tampered.tar.gz"
    _rewritten(archive, tampered, change)
    fresh = tmp_path / "target"
    done = _run([MICROCRED, "restore", str(tampered), "--data", str(fresh)], fresh, kek)
    assert done.returncode == 2
    first_words = code.en.split("{")[0].split("(")[0].strip()  # type: ignore[attr-defined]
    assert first_words in done.stderr, done.stderr
    _nothing_written(fresh)
    assert not (tmp_path / "escaped.txt").exists()


def test_not_an_archive_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar at all")
    fresh = tmp_path / "target"
    done = _run([MICROCRED, "restore", str(junk), "--data", str(fresh)], fresh, _kek())
    assert done.returncode == 2
    assert "is not a microcred backup" in done.stderr
    _nothing_written(fresh)


def test_an_older_backup_is_migrated_and_a_newer_one_refused(tmp_path: Path) -> None:
    old, kek = tmp_path / "old", _kek()
    done = _run([sys.executable, "manage.py", "migrate", "providers", "0004", "--noinput"],
                old, kek)  # fmt: skip
    assert done.returncode == 0, done.stderr
    archive = tmp_path / "old.tar.gz"
    done = _run([MICROCRED, "backup", str(archive), "--data", str(old)], old, kek)
    assert done.returncode == 0, done.stderr
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    assert "providers.0004_operatorkey" in manifest["migrations"]
    assert "providers.0005_seals_and_evidence" not in manifest["migrations"]
    fresh = tmp_path / "fresh"
    done = _run([MICROCRED, "restore", str(archive), "--data", str(fresh)], fresh, kek)
    assert done.returncode == 0, done.stderr
    applied = _python(
        "import django; django.setup()\n"
        "from django.db.migrations.recorder import MigrationRecorder\n"
        "from microcred.platform.providers.models import SealCertificate\n"
        "print(SealCertificate.objects.count(), sorted(MigrationRecorder.Migration.objects"
        ".filter(app='providers').values_list('name', flat=True))[-1])",
        fresh, kek,
    )  # fmt: skip
    assert applied.split() == ["0", "0005_seals_and_evidence"]
    # a backup naming a migration this code does not have comes from a newer microcred
    future = tmp_path / "future.tar.gz"
    manifest["migrations"].append("providers.9999_future")
    resigned = tmp_path / "manifest.json"
    resigned.write_text(json.dumps(manifest))
    _python(SIGN, old, kek, str(resigned))  # as a newer microcred would have signed it
    with tarfile.open(archive) as tar, tarfile.open(future, "w:gz") as out:
        for info in tar.getmembers():
            data = tar.extractfile(info).read()  # type: ignore[union-attr]
            if info.name == "manifest.json":
                data = resigned.read_bytes()
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    other = tmp_path / "other"
    done = _run([MICROCRED, "restore", str(future), "--data", str(other)], other, kek)
    assert done.returncode == 2
    assert "newer microcred" in done.stderr
    assert "providers.9999_future" in done.stderr
    _nothing_written(other)
