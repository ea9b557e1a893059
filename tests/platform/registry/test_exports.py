"""registry.exports: each published design as an OB 3.0 Achievement and an ELM learning
opportunity (JSON-LD that expands with only the pinned contexts, valid against 1EdTech's
schema and the EU's shapes), the listing as CSV (byte-order mark, formula cells
defused, the search's filter); drafts, submitted versions and a suspended provider's
designs never exported."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from django.conf import settings
from django.test import Client
from pyld import jsonld

from microcred.credentials.edc.shacl import validate
from microcred.credentials.jsonld import contexts
from microcred.platform.accounts.models import User
from microcred.platform.catalog.models import DesignStatus, DesignVersion
from microcred.platform.catalog.services import design_import, design_version_submit
from microcred.platform.providers.models import Decision, Provider
from microcred.platform.providers.services import provider_decide
from microcred.platform.qa.models import ReviewDecision
from microcred.platform.qa.services import design_review
from microcred.platform.registry.exports import CSV_COLUMNS

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, as_provider
from ..qa.helpers import all_met

pytestmark = pytest.mark.django_db

OB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#"
ELM = "http://data.europa.eu/snb/model/elm/"


def verified(provider: Provider, officer: User) -> Provider:
    provider_decide(officer=officer, provider=provider, decision=Decision.APPROVE, reason="",
                    now=NOW)  # fmt: skip
    provider.refresh_from_db()
    return provider


def draft(provider: Provider, name: str = "python-basics.yaml", *,
          title: tuple[str, str] | None = None) -> DesignVersion:  # fmt: skip
    """A draft of an example design of ``provider``; ``title`` (pl, en) replaces its
    title."""
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    if title is not None:
        head, rest = text.split("title:\n", 1)
        rest = rest.split("\n", 2)[2]
        text = f"{head}title:\n  pl: {json.dumps(title[0])}\n  en: {json.dumps(title[1])}\n{rest}"
    return design_import(user=admin_of(provider), provider=provider,
                         text=as_provider(text, provider), now=NOW)  # fmt: skip


def publish(provider: Provider, officer: User, name: str = "python-basics.yaml", *,
            title: tuple[str, str] | None = None) -> DesignVersion:  # fmt: skip
    """A design of ``provider`` (verified first if need be) through submission and the
    QA body's approval: published."""
    if not provider.verified:
        verified(provider, officer)
    version = draft(provider, name, title=title)
    design_version_submit(user=admin_of(provider), version=version, now=NOW)
    design_review(officer=officer, version=version, decision=ReviewDecision.APPROVE, reason="",
                  checklist=all_met(), now=NOW)  # fmt: skip
    version.refresh_from_db()
    assert version.status == DesignStatus.APPROVED
    return version


@pytest.fixture(scope="module")
def achievement_schema(shared: Path) -> dict[str, Any]:
    """1EdTech's OB 3.0 JSON Schema, rooted at its Achievement definition."""
    schema = json.loads((shared / "vectors/schemas/ob3/achievementcredential.json").read_text())
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/Achievement"}


def _expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    """pyld's expansion with only the contexts the library pins (any other is refused)."""
    options = {"documentLoader": contexts.pyld_loader}
    expanded: list[dict[str, Any]] = jsonld.expand(document, options)
    return expanded


def test_the_achievement(provider_a: Provider, qa_officer: User,
                         achievement_schema: dict[str, Any]) -> None:  # fmt: skip
    version = publish(provider_a, qa_officer)
    provider_a.refresh_from_db()
    response = Client().get(f"/registry/{version.pk}/achievement.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'inline; filename="microcred-{version.pk}-achievement.jsonld"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    page = f"{settings.PUBLIC_URL}/registry/{version.pk}/"
    assert document["id"] == page
    assert document["@context"][1] == "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    assert document["creator"]["id"] == provider_a.did
    assert document["achievementType"] == "MicroCredential"
    assert document["euTitle"] == {"pl": "Podstawy języka Python", "en": "Python basics"}
    jsonschema.Draft201909Validator(achievement_schema).validate(document)
    [node] = _expand(document)
    assert node["@id"] == page
    assert node["@type"] == [OB + "Achievement"]
    assert node[OB + "creditsAvailable"][0]["@value"] == 2.0
    api = Client().get(f"/api/v1/registry/designs/{version.pk}/achievement")
    assert api.status_code == 200
    assert api["Content-Type"] == response["Content-Type"]
    assert api.content == response.content


def test_the_learning_opportunity(provider_a: Provider, qa_officer: User) -> None:
    version = publish(provider_a, qa_officer)
    provider_a.refresh_from_db()
    response = Client().get(f"/registry/{version.pk}/elm.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'inline; filename="microcred-{version.pk}-learning-opportunity.jsonld"'
    )
    document = json.loads(response.content)
    url = f"{settings.PUBLIC_URL}/registry/{version.pk}/elm.jsonld"
    assert document["id"] == url
    assert document["type"] == "LearningOpportunity"
    [provided] = document["providedBy"]
    assert provided["id"] == provider_a.did
    assert provided["legalName"] == {"pl": "Uniwersytet Testowy", "en": "Uniwersytet Testowy"}
    assert document["homepage"][0]["contentURL"] == f"{settings.PUBLIC_URL}/registry/{version.pk}/"
    qualification = document["learningAchievementSpecification"]
    assert qualification["type"] == "Qualification"
    assert qualification["eqfLevel"]["id"] == "http://data.europa.eu/snb/eqf/4"
    assert validate(document, use_cache=False) == []
    expanded = _expand(document)
    opportunity = next(n for n in expanded if n["@id"] == url)
    assert opportunity["@type"] == [ELM + "LearningOpportunity"]
    assert ELM + "learningAchievementSpecification" in opportunity
    again = Client().get(f"/api/v1/registry/designs/{version.pk}/elm")
    assert again.status_code == 200
    assert again.content == response.content  # the same ids on every request


def test_only_published_designs_are_exported(provider_a: Provider, provider_b: Provider,
                                             qa_officer: User) -> None:  # fmt: skip
    published = publish(provider_a, qa_officer)
    drafted = draft(provider_a, "team-communication.yaml")
    submitted = draft(provider_a, "spreadsheet-data-analysis.yaml")
    design_version_submit(user=admin_of(provider_a), version=submitted, now=NOW)
    unverified = draft(provider_b)  # provider_b is still awaiting verification
    anonymous = Client()
    for version in (drafted, submitted, unverified):
        for url in (f"/registry/{version.pk}/achievement.jsonld",
                    f"/registry/{version.pk}/elm.jsonld",
                    f"/api/v1/registry/designs/{version.pk}/achievement",
                    f"/api/v1/registry/designs/{version.pk}/elm"):  # fmt: skip
            assert anonymous.get(url).status_code == 404, url
    assert anonymous.get("/registry/999999/elm.jsonld").status_code == 404
    assert anonymous.get("/api/v1/registry/designs/999999/achievement").json()["code"]
    assert [row["id"] for row in _csv(anonymous.get("/registry/export.csv"))] == [str(published.pk)]
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.SUSPEND,
                    reason="audit", now=NOW)  # fmt: skip
    assert anonymous.get(f"/registry/{published.pk}/achievement.jsonld").status_code == 404
    assert anonymous.get(f"/api/v1/registry/designs/{published.pk}/elm").status_code == 404
    assert _csv(anonymous.get("/api/v1/registry/designs.csv")) == []


def _csv(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response.streaming
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_the_csv(provider_a: Provider, qa_officer: User) -> None:
    python = publish(provider_a, qa_officer)
    energy = publish(provider_a, qa_officer, "energy-audit-basics.yaml")
    response = Client().get("/registry/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response["Content-Disposition"] == 'attachment; filename="microcred-registry.csv"'
    rows = _csv(response)
    assert list(rows[0]) == list(CSV_COLUMNS)
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == {str(python.pk), str(energy.pk)}
    row = by_id[str(python.pk)]
    assert row | {"approved_on": ""} == {
        "id": str(python.pk),
        "title_pl": "Podstawy języka Python",
        "title_en": "Python basics",
        "provider": "Uniwersytet Testowy",
        "provider_country": "PL",
        "eqf_level": "4",
        "ects": "2",
        "isced_f": "061",
        "participation": "online",
        "languages": "pl",
        "url": f"{settings.PUBLIC_URL}/registry/{python.pk}/",
        "approved_on": "",
    }
    assert row["approved_on"] == NOW.date().isoformat()
    api = Client().get("/api/v1/registry/designs.csv")
    assert api["Content-Type"] == response["Content-Type"]
    assert _csv(api) == rows


def test_the_csv_takes_the_search_filter(provider_a: Provider, qa_officer: User) -> None:
    python = publish(provider_a, qa_officer)
    publish(provider_a, qa_officer, "energy-audit-basics.yaml")
    for url in ("/registry/export.csv?q=python", "/api/v1/registry/designs.csv?q=python"):
        assert [row["id"] for row in _csv(Client().get(url))] == [str(python.pk)]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_no_formula_reaches_a_spreadsheet(start: str, provider_a: Provider,
                                          qa_officer: User) -> None:  # fmt: skip
    formula = f'{start}HYPERLINK("https://evil.example","x")'
    version = publish(provider_a, qa_officer, title=(formula, f"{start}1+1"))
    [row] = _csv(Client().get("/registry/export.csv"))
    assert row["id"] == str(version.pk)
    assert row["title_pl"] == "'" + formula
    assert row["title_en"] == f"'{start}1+1"
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values())


def test_the_page_links_its_exports_in_both_languages(provider_a: Provider,
                                                       qa_officer: User) -> None:  # fmt: skip
    version = publish(provider_a, qa_officer)
    for lang, heading in (("en", "Machine-readable"), ("pl", "Do odczytu maszynowego")):
        page = Client().get(f"/registry/{version.pk}/", HTTP_ACCEPT_LANGUAGE=lang)
        html = page.content.decode()
        assert heading in html
        assert f'href="/registry/{version.pk}/achievement.jsonld"' in html
        assert f'href="/registry/{version.pk}/elm.jsonld"' in html
        assert (
            f'rel="alternate" type="application/ld+json" href="/registry/{version.pk}/elm.jsonld"'
            in html
        )
    search = Client().get("/registry/?q=python", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/registry/export.csv?q=python"' in search


def test_the_openapi_names_the_media_types() -> None:
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    design = "/api/v1/registry/designs/{version_id}"
    for path, media in ((f"{design}/achievement", "application/ld+json"),
                        (f"{design}/elm", "application/ld+json"),
                        ("/api/v1/registry/designs.csv", "text/csv")):  # fmt: skip
        assert media in paths[path]["get"]["responses"]["200"]["content"], path
    assert "/api/v1/registry/providers/{slug}" in paths
