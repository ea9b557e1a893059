"""Fills the search and filter fields of the versions made before they existed, with the
code that makes them for a new version (catalog/facets.py): the FTS5 triggers (SQLite)
keep the full-text index in step with the update."""

from django.db import migrations


def _fill(apps, schema_editor):
    from microcred.platform.catalog.facets import facets_of
    from microcred.standard import designfile

    versions = apps.get_model("catalog", "DesignVersion")
    skills = apps.get_model("catalog", "DesignSkill")
    for version in versions.objects.select_related("design__provider").iterator():
        facets = facets_of(designfile.loads(version.source),
                           provider_name=version.design.provider.legal_name)
        for name, value in facets.fields().items():
            setattr(version, name, value)
        version.save(update_fields=list(facets.fields()))
        skills.objects.bulk_create(
            [skills(version=version, uri=uri) for uri in facets.skills], ignore_conflicts=True
        )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_search_fields")]

    operations = [migrations.RunPython(_fill, migrations.RunPython.noop)]
