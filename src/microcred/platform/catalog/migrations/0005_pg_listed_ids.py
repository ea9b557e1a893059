"""PostgreSQL: an index of the listed versions' ids, which a full-text search joins its
matches with (catalog/search_index.py, ``listed_ids_sql``); nothing on SQLite."""

from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from microcred.platform.catalog.search_index import listed_ids_sql


def _create(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in listed_ids_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def _drop(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for statement in listed_ids_sql(schema_editor.connection.vendor, drop=True):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0004_merge_0002_design_badge_0003_fill_version_facets")]

    operations = [migrations.RunPython(_create, _drop)]
