"""A version's search and filter fields, computed once from its design (catalog/facets.py)
by the import and by the data migration for versions made before them; the Polish and
English normalisation of the full text (catalog/search_text.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from microcred.platform.catalog.facets import facets_of
from microcred.platform.catalog.models import DesignSkill, DesignVersion, VersionFacets
from microcred.platform.catalog.search_text import fold, index_tokens, query_terms
from microcred.platform.catalog.services import design_import
from microcred.platform.providers.models import Provider
from microcred.standard import designfile

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of

GOOD = (EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8")


def test_fold_and_tokens() -> None:
    assert fold("Łódź, Kraków, ŻÓŁĆ, Straße") == "lodz, krakow, zolc, strasse"
    assert index_tokens("Kształcenia ustawicznego", "pl") == (
        "ksztalcenia ksztalcenie ustawicznego ustawiczny"
    )
    assert index_tokens("Programmers", "en") == "programmers programm"
    assert index_tokens("Straße", "de") == "strasse"  # folded, not stemmed
    # every alternative of a word, each a prefix: the one that the others start with
    assert query_terms("Kształcenia") == [["ksztalcen"]]
    assert query_terms("ksztalcenie programming") == [["ksztalcen"], ["program"]]
    assert query_terms("a b c d e f g h i j") == [[w] for w in "abcdefgh"]
    assert query_terms("?! -") == []


def test_facets_come_from_the_standard_layer() -> None:
    facets = facets_of(designfile.loads(GOOD), provider_name="Uniwersytet Testowy")
    assert (facets.eqf_level, facets.ects, facets.participation) == (4, Decimal(2), "online")
    assert (facets.isced_codes, facets.language_codes, facets.country_codes) == (
        " 06 061 ", " pl ", " PL ")  # fmt: skip
    assert facets.skills == (
        "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
        "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97",
    )
    assert facets.search_title.startswith("podstawy podstawa jezyka")
    assert "uniwersytet" in facets.search_body
    assert "ksztalcenie" in facets.search_body.split()  # the awarding body's name, stemmed


@pytest.mark.django_db
def test_the_import_stores_them(provider_a: Provider) -> None:
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW)
    stored = VersionFacets.objects.get(version=version)
    assert (stored.eqf_level, stored.ects, stored.provider_id) == (4, Decimal(2), provider_a.pk)
    assert (stored.sort_title_pl, stored.sort_title_en) == ("Podstawy języka Python",
                                                            "Python basics")  # fmt: skip
    assert not stored.listed  # a draft
    assert DesignSkill.objects.filter(version=version).count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_fills_the_versions_made_before(provider_a: Provider) -> None:
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW)
    executor = MigrationExecutor(connection)
    executor.migrate([("catalog", "0001_initial")])
    assert DesignVersion.objects.filter(pk=version.pk).exists()
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    stored = VersionFacets.objects.get(version_id=version.pk)
    assert (stored.eqf_level, stored.participation) == (4, "online")
    assert DesignSkill.objects.filter(version_id=version.pk).count() == 2
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid FROM catalog_versiontext_fts "
                           "WHERE catalog_versiontext_fts MATCH 'python'")  # fmt: skip
            assert [row[0] for row in cursor.fetchall()] == [version.pk]
