"""catalog.selectors.report_context: one shape of a compliance report for every page and
the API — the version's page, the studio's live check, the API and the registry."""

from __future__ import annotations

import pytest
from django.test import Client

from microcred.platform.catalog.selectors import compliance_of, report_context
from microcred.platform.catalog.services import design_import
from microcred.platform.providers.models import Provider
from microcred.standard.compliance import ElementStatus

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, log_in

pytestmark = pytest.mark.django_db
#: a webinar: a participation badge, with reasons, and elements that do not apply
WEBINAR = (EXAMPLES / "cybersecurity-webinar.yaml").read_text(encoding="utf-8")


def test_the_report_as_the_pages_show_it(provider_a: Provider) -> None:
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=WEBINAR,
                            now=NOW)  # fmt: skip
    report = compliance_of(version, NOW)
    shown = report_context(report, "pl")
    assert shown["verdict"] == report.verdict.label("pl")
    assert shown["verdict_code"] == "participation-badge"
    assert shown["verdict_reasons"] == [r.text("pl") for r in report.verdict_reasons]
    assert shown["verdict_reasons"]
    labels = [row["label"] for row in shown["elements"]]
    assert labels == [r.element.short_label("pl") for r in report.elements]
    applicable = report_context(report, "pl", applicable_only=True)["elements"]
    assert len(applicable) == sum(r.status is not ElementStatus.NOT_APPLICABLE
                                  for r in report.elements)  # fmt: skip
    assert len(applicable) < len(labels)


def test_the_version_page_and_the_api_show_the_same_report(provider_a: Provider) -> None:
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=WEBINAR,
                            now=NOW)  # fmt: skip
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, admin_of(provider_a).email)
    shown = report_context(compliance_of(version, NOW), "en")
    api = client.get(f"/api/v1/catalog/versions/{version.pk}").json()["compliance"]
    assert (api["verdict"], api["verdict_label"]) == (shown["verdict_code"], shown["verdict"])
    assert api["verdict_reasons"] == shown["verdict_reasons"]
    assert api["elements"] == shown["elements"]
    page = client.get(f"/designs/versions/{version.pk}/").content.decode()
    assert shown["verdict"] in page
    for reason in shown["verdict_reasons"]:
        assert reason.replace("'", "&#x27;") in page
