"""The backup's messages (constants that tests import)."""

from __future__ import annotations

from ...standard.messages import Message

NOT_AN_ARCHIVE = Message(
    "backup_not_an_archive",
    "{file} is not a microcred backup (a .tar.gz with a manifest).",
    "{file} nie jest kopią zapasową microcred (plikiem .tar.gz z manifestem).",
)
FORMAT_UNKNOWN = Message(
    "backup_format_unknown",
    "The backup's format {format} version {version} is not one this microcred reads.",
    "Format kopii {format} w wersji {version} nie jest obsługiwany przez tę wersję microcred.",
)
MEMBER_UNSAFE = Message(
    "backup_member_unsafe",
    "The archive holds {member!r}, which a backup never holds: refused.",
    "Archiwum zawiera {member!r}, czego kopia zapasowa nigdy nie zawiera: odrzucono.",
)
MEMBERS_DIFFER = Message(
    "backup_members_differ",
    "The archive's files are not the ones its manifest lists (missing: {missing}; "
    "not listed: {unlisted}): it was changed.",
    "Pliki archiwum nie są tymi z manifestu (brakuje: {missing}; spoza listy: {unlisted}): "
    "archiwum zostało zmienione.",
)
CHECKSUM_MISMATCH = Message(
    "backup_checksum_mismatch",
    "{member} does not have the SHA-256 its manifest gives: the archive was changed or damaged.",
    "{member} nie ma sumy SHA-256 podanej w manifeście: archiwum zostało zmienione lub uszkodzone.",
)
VENDOR_UNSUPPORTED = Message(
    "backup_vendor_unsupported",
    "microcred backup handles SQLite and PostgreSQL databases, not {vendor}.",
    "microcred backup obsługuje bazy SQLite i PostgreSQL, a nie {vendor}.",
)
VENDOR_DIFFERS = Message(
    "backup_vendor_differs",
    "The backup holds a {backup} database; this platform uses {current}.",
    "Kopia zawiera bazę {backup}; ta platforma używa {current}.",
)
NEWER_BACKUP = Message(
    "backup_newer",
    "The backup was made by a newer microcred ({version}; migrations this one does not "
    "know: {migrations}): upgrade first.",
    "Kopię wykonała nowsza wersja microcred ({version}; nieznane tu migracje: "
    "{migrations}): najpierw zaktualizuj.",
)
NOT_EMPTY = Message(
    "backup_target_not_empty",
    "The platform's database already holds data ({what}); give --force to replace it.",
    "Baza platformy zawiera już dane ({what}); użyj --force, aby je zastąpić.",
)
KEYS_DO_NOT_OPEN = Message(
    "backup_keys_do_not_open",
    "The backup's sealed private keys do not open with this platform's key-encryption "
    "key ({what}: {reason_en}). Set MICROCRED_KEY_ENCRYPTION_KEY to the key the backup's "
    "platform used (it is never in a backup); nothing was restored.",
    "Zaszyfrowane klucze prywatne z kopii nie dają się otworzyć kluczem szyfrującym tej "
    "platformy ({what}: {reason_pl}). Ustaw MICROCRED_KEY_ENCRYPTION_KEY na klucz, którego "
    "używała platforma kopii (nigdy nie ma go w kopii); niczego nie przywrócono.",
)
PROGRAM_MISSING = Message(
    "backup_program_missing",
    "{program} is not installed (PostgreSQL's client programs: apt-get install postgresql-client).",
    "Brak programu {program} (programy klienckie PostgreSQL: apt-get install postgresql-client).",
)
PROGRAM_FAILED = Message(
    "backup_program_failed",
    "{program} failed: {error}",
    "{program} zakończył się błędem: {error}",
)
MANIFEST_UNSIGNED = Message(
    "backup_manifest_unsigned",
    "The backup's manifest is not signed (a backup of format version {version}, made before "
    "microcred signed them): its files and their SHA-256 could have been changed together, "
    "so it is refused. Restore it with the microcred that made it and make a new backup.",
    "Manifest kopii nie jest podpisany (kopia w formacie w wersji {version}, sprzed "
    "podpisywania kopii przez microcred): jej pliki i ich sumy SHA-256 mogły zostać "
    "zmienione razem, więc została odrzucona. Przywróć ją wersją microcred, która ją "
    "wykonała, i wykonaj nową kopię.",
)
MANIFEST_SIGNATURE_INVALID = Message(
    "backup_manifest_signature_invalid",
    "The backup's manifest signature does not hold: the manifest, or files together with "
    "their SHA-256 in it, were changed after the backup was made. Nothing was restored.",
    "Podpis manifestu kopii się nie zgadza: manifest albo pliki razem z ich sumami SHA-256 "
    "zmieniono po wykonaniu kopii. Niczego nie przywrócono.",
)
MANIFEST_KEY_UNKNOWN = Message(
    "backup_manifest_key_unknown",
    "The backup is signed with the key-encryption key {kek}, which this platform does not "
    "have, so its signature cannot be checked. Set MICROCRED_KEY_ENCRYPTION_KEY to the key "
    "the backup's platform used (it is never in a backup); nothing was restored.",
    "Kopia jest podpisana kluczem szyfrującym {kek}, którego ta platforma nie ma, więc nie "
    "można sprawdzić podpisu. Ustaw MICROCRED_KEY_ENCRYPTION_KEY na klucz, którego używała "
    "platforma kopii (nigdy nie ma go w kopii); niczego nie przywrócono.",
)
