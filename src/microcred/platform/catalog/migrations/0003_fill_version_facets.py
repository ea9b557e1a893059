"""The facets of the versions made before they existed, by the code that makes them for
a new version (catalog/facets.py), and whether each is listed (catalog/listing.py); the
FTS5 triggers (SQLite) index them as they are inserted."""

from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def _fill(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
    from microcred.platform.catalog.facets import facets_of
    from microcred.platform.catalog.listing import listings_refresh
    from microcred.standard import designfile

    versions = apps.get_model("catalog", "DesignVersion")
    facets_model = apps.get_model("catalog", "VersionFacets")
    text_model = apps.get_model("catalog", "VersionText")
    skills = apps.get_model("catalog", "DesignSkill")
    for version in versions.objects.select_related("design__provider").iterator():
        provider = version.design.provider
        facets = facets_of(designfile.loads(version.source), provider_name=provider.legal_name)
        titles = {
            "pl": version.title_pl or version.title_en,
            "en": version.title_en or version.title_pl,
        }
        facets_model.objects.create(
            version=version,
            provider_id=provider.pk,
            created_at=version.created_at,
            sort_title_pl=titles["pl"][:300],
            sort_title_en=titles["en"][:300],
            **facets.fields(),
        )
        text_model.objects.create(
            version=version, search_title=facets.search_title, search_body=facets.search_body
        )
        skills.objects.bulk_create(
            [skills(version=version, uri=uri) for uri in facets.skills], ignore_conflicts=True
        )
    listings_refresh()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_version_facets")]

    operations = [migrations.RunPython(_fill, migrations.RunPython.noop)]
