"""The facets of the versions made before they existed, by the code that makes them for
a new version (catalog/facets.py, pure: it reads no database), and whether each is
listed (the rule of catalog/listing.py, on this migration's models); the FTS5 triggers
(SQLite) index them as they are inserted. Every query goes to the database being
migrated (``schema_editor.connection.alias``): ``microcred restore`` migrates a copy
beside the live one."""

from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def _fill(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    from django.db.models import Exists, OuterRef

    from microcred.platform.catalog.facets import facets_of
    from microcred.standard import designfile

    db = schema_editor.connection.alias

    versions = apps.get_model("catalog", "DesignVersion")
    facets_model = apps.get_model("catalog", "VersionFacets")
    text_model = apps.get_model("catalog", "VersionText")
    skills = apps.get_model("catalog", "DesignSkill")
    for version in versions.objects.using(db).select_related("design__provider").iterator():
        provider = version.design.provider
        facets = facets_of(designfile.loads(version.source), provider_name=provider.legal_name)
        titles = {
            "pl": version.title_pl or version.title_en,
            "en": version.title_en or version.title_pl,
        }
        facets_model.objects.using(db).create(
            version=version,
            provider_id=provider.pk,
            created_at=version.created_at,
            sort_title_pl=titles["pl"][:300],
            sort_title_en=titles["en"][:300],
            **facets.fields(),
        )
        text_model.objects.using(db).create(
            version=version, search_title=facets.search_title, search_body=facets.search_body
        )
        skills.objects.using(db).bulk_create(
            [skills(version=version, uri=uri) for uri in facets.skills], ignore_conflicts=True
        )
    later = versions.objects.using(db).filter(
        design=OuterRef("design"), status="approved", number__gt=OuterRef("number")
    )
    listable = versions.objects.using(db).filter(
        ~Exists(later), status="approved", design__provider__status="approved"
    )
    facets_model.objects.using(db).filter(version_id__in=listable.values("pk")).update(listed=True)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_version_facets")]

    operations = [migrations.RunPython(_fill, migrations.RunPython.noop)]
