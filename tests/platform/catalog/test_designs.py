"""The catalog: a provider imports a design file (every problem reported with its line,
nothing saved), sees each version's EU compliance report from the standard layer,
downloads the file again, and submits a complete draft — only once verified; and no one
outside the provider sees its designs."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from microcred.platform.accounts.models import User
from microcred.platform.catalog import messages as m
from microcred.platform.catalog.models import Design, DesignStatus, DesignVersion
from microcred.platform.catalog.services import design_import, design_version_submit
from microcred.platform.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from microcred.platform.providers.models import Decision, Provider
from microcred.platform.providers.services import provider_decide
from microcred.standard import designfile

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, as_provider, log_in

pytestmark = pytest.mark.django_db
GOOD = (EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8")


def test_a_design_file_becomes_a_draft_that_round_trips(provider_a: Provider) -> None:
    version = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW)
    assert (version.number, version.status) == (1, DesignStatus.DRAFT)
    assert version.title_pl
    assert designfile.loads(version.source) == designfile.loads(GOOD)
    again = design_import(user=admin_of(provider_a), provider=provider_a, text=GOOD, now=NOW,
                          design=version.design)  # fmt: skip
    assert again.number == 2


def test_a_bad_file_is_refused_with_every_problem_located_and_nothing_saved(
    provider_a: Provider,
) -> None:
    broken = GOOD.replace("title:", "titel:", 1) + "\nects: lots\n"
    with pytest.raises(InvalidInputError) as raised:
        design_import(user=admin_of(provider_a), provider=provider_a, text=broken, now=NOW)
    assert raised.value.code == m.DESIGN_INVALID.code
    problems = raised.value.extra["problems"]
    assert problems
    assert all(p.startswith("design.yaml:") for p in problems)
    assert not Design.objects.exists()
    with pytest.raises(InvalidInputError):
        design_import(user=admin_of(provider_a), provider=provider_a, text="a: [", now=NOW)


def test_only_the_provider_s_people_draft_and_a_verified_provider_submits(
    provider_a: Provider, provider_b: Provider, qa_officer: User
) -> None:
    with pytest.raises(PermissionDeniedError):
        design_import(user=admin_of(provider_b), provider=provider_a, text=GOOD, now=NOW)
    version = design_import(user=admin_of(provider_a), provider=provider_a,
                            text=as_provider(GOOD, provider_a), now=NOW)  # fmt: skip
    with pytest.raises(ConflictError) as raised:
        design_version_submit(user=admin_of(provider_a), version=version, now=NOW)
    assert raised.value.code == m.PROVIDER_NOT_VERIFIED.code
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.APPROVE,
                    reason="", now=NOW)  # fmt: skip
    submitted = design_version_submit(user=admin_of(provider_a), version=version, now=NOW)
    assert submitted.status == DesignStatus.SUBMITTED
    with pytest.raises(ConflictError) as again:
        design_version_submit(user=admin_of(provider_a), version=version, now=NOW)
    assert again.value.code == m.NOT_A_DRAFT.code


def test_an_incomplete_design_is_not_submitted(provider_a: Provider, qa_officer: User) -> None:
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.APPROVE,
                    reason="", now=NOW)  # fmt: skip
    incomplete = next(p for p in sorted(EXAMPLES.glob("*.yaml"))
                      if "incomplete" in p.name or "draft" in p.name)  # fmt: skip
    version = design_import(user=admin_of(provider_a), provider=provider_a,
                            text=incomplete.read_text(encoding="utf-8"), now=NOW)  # fmt: skip
    with pytest.raises(ConflictError) as raised:
        design_version_submit(user=admin_of(provider_a), version=version, now=NOW)
    assert raised.value.code == m.INCOMPLETE.code
    assert DesignVersion.objects.get().status == DesignStatus.DRAFT


def test_the_pages_import_report_download_and_keep_providers_apart(
    provider_a: Provider, provider_b: Provider
) -> None:
    client = Client()
    log_in(client, admin_of(provider_a).email)
    imported = client.post(f"/designs/providers/{provider_a.pk}/", {"text": GOOD})
    assert imported.status_code == 302
    page = client.get(imported["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "EU compliance" in page
    assert "micro-credential" in page
    version = DesignVersion.objects.get()
    download = client.get(f"/designs/versions/{version.pk}/design.yaml")
    assert download["Content-Type"].startswith("application/yaml")
    assert designfile.loads(download.content) == designfile.loads(GOOD)
    broken = client.post(f"/designs/providers/{provider_a.pk}/", {"text": "title: ["},
                         HTTP_ACCEPT_LANGUAGE="en")  # fmt: skip
    assert broken.status_code == 422
    assert "design.yaml:" in broken.content.decode()
    other = Client()
    log_in(other, admin_of(provider_b).email)
    assert other.get(f"/designs/versions/{version.pk}/").status_code == 404
    assert other.get(f"/designs/versions/{version.pk}/design.yaml").status_code == 404
    assert other.get(f"/designs/providers/{provider_a.pk}/").status_code == 404


def test_an_uploaded_file_is_read_too(provider_a: Provider, tmp_path: Path) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = Client()
    log_in(client, admin_of(provider_a).email)
    upload = SimpleUploadedFile("design.yaml", GOOD.encode(), content_type="application/yaml")
    assert client.post(f"/designs/providers/{provider_a.pk}/", {"file": upload}).status_code == 302
    assert DesignVersion.objects.count() == 1
