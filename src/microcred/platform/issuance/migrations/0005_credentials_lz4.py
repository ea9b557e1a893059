"""On PostgreSQL, the stored credentials compressed with LZ4 instead of pglz: a bulk
batch stores ~37 KB of signed JSON per award, and pglz compressing it in the server was
the largest part of recording a chunk (bench/issuance.py). Other databases: nothing.
A server built without LZ4 keeps pglz (the statement is refused, nothing else changes)."""

from typing import Any

from django.db import DatabaseError, migrations, transaction


def lz4(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(
                "ALTER TABLE issuance_award ALTER COLUMN ob3 SET COMPRESSION lz4, "
                "ALTER COLUMN edc SET COMPRESSION lz4"
            )
    except DatabaseError:  # PostgreSQL < 14, or built without LZ4: pglz stays
        pass


class Migration(migrations.Migration):
    dependencies = [("issuance", "0004_chunk_timings")]

    operations = [migrations.RunPython(lz4, migrations.RunPython.noop)]
