"""PostgreSQL: the searched vector kept in its row, and an index of the listed versions'
ids that a full-text search joins its matches with (catalog/search_index.py,
``layout_sql``, says why); nothing on SQLite."""

from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from microcred.platform.catalog.search_index import layout_sql


def _lay_out(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in layout_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def _undo(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in layout_sql(schema_editor.connection.vendor, undo=True):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0004_merge_0002_design_badge_0003_fill_version_facets")]

    operations = [migrations.RunPython(_lay_out, _undo)]
