"""catalog.awarding: a design's first awarding body is the provider that owns it. A new
design in the studio starts with the provider's verified identity; a version naming
someone else first is refused at submission (the page, the API and the service say who
is named and who the provider is) and stays a draft; partners after it are allowed."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from microcred.platform.accounts.models import User
from microcred.platform.catalog import messages as m
from microcred.platform.catalog.awarding import provider_body, with_provider_body
from microcred.platform.catalog.models import DesignStatus, DesignVersion
from microcred.platform.catalog.services import design_import, design_version_submit
from microcred.platform.core.errors import ConflictError
from microcred.platform.providers.models import Decision, Provider
from microcred.platform.providers.services import provider_decide
from microcred.standard import designfile
from microcred.standard.elements import AwardingBody

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, log_in
from .test_studio import form_data

pytestmark = pytest.mark.django_db
GOOD = designfile.loads((EXAMPLES / "python-basics.yaml").read_text(encoding="utf-8"))
#: provider_a as registered (conftest.registration)
NAME, NIP = "Uniwersytet Testowy", "7770001111"
PARTNER = {"name": {"pl": "Politechnika Nadwiślańska"}, "country": "PL",
           "legal_identifier": {"scheme": "polon", "value": "PN-0471"}}  # fmt: skip


def _draft(provider: Provider, *bodies: dict[str, Any]) -> DesignVersion:
    spec = GOOD.model_copy(update={
        "awarding_bodies": [AwardingBody.model_validate(b) for b in bodies]})  # fmt: skip
    return design_import(user=admin_of(provider), provider=provider,
                         text=designfile.dumps(spec), now=NOW)  # fmt: skip


@pytest.fixture
def verified_a(provider_a: Provider, qa_officer: User) -> Provider:
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.APPROVE,
                    reason="", now=NOW)  # fmt: skip
    provider_a.refresh_from_db()
    return provider_a


def test_the_provider_as_an_awarding_body(provider_a: Provider) -> None:
    body = provider_body(provider_a)
    assert body.model_dump(mode="json", exclude_none=True, exclude_defaults=True) == {
        "name": {"pl": NAME}, "country": "PL",
        "legal_identifier": {"scheme": "nip", "value": NIP},
        "url": "https://uniwersytet.example.org",
    }  # fmt: skip
    spec = with_provider_body(designfile.loads(designfile.dumps(GOOD)), provider_a)
    assert spec.awarding_bodies == [body]


@pytest.mark.parametrize("bodies", [
    pytest.param([{"name": {"pl": "Wydział Informatyki"}, "country": "PL",
                   "legal_identifier": {"scheme": "nip", "value": "777-000-11-11"}}],
                 id="same-nip-written-otherwise-another-name"),
    pytest.param([{"name": {"en": "Test University"}, "country": "PL",
                   "legal_identifier": {"scheme": "vat", "value": "PL 7770001111"}}],
                 id="polish-vat-is-the-nip"),
    pytest.param([{"name": {"pl": "  uniwersytet   TESTOWY "}, "country": "PL"}],
                 id="no-identifier-the-legal-name"),
    pytest.param([{"name": {"en": "Test University", "pl": NAME}, "country": "PL"}, PARTNER],
                 id="a-partner-after-the-provider"),
])  # fmt: skip
def test_the_provider_named_first_is_submitted(verified_a: Provider,
                                               bodies: list[dict[str, Any]]) -> None:  # fmt: skip
    version = _draft(verified_a, *bodies)
    done = design_version_submit(user=admin_of(verified_a), version=version, now=NOW)
    assert done.status == DesignStatus.SUBMITTED


@pytest.mark.parametrize(("bodies", "named"), [
    pytest.param([PARTNER], "Politechnika Nadwiślańska (POLON PN-0471)", id="someone-else"),
    pytest.param([{"name": {"pl": NAME}, "country": "PL",
                   "legal_identifier": {"scheme": "polon", "value": "PN-0471"}}],
                 f"{NAME} (POLON PN-0471)", id="the-name-with-another-register"),
    pytest.param([{"name": {"pl": NAME}, "country": "PL",
                   "legal_identifier": {"scheme": "nip", "value": "5260001246"}}],
                 f"{NAME} (NIP 5260001246)", id="the-name-with-another-nip"),
    pytest.param([{"name": {"pl": "Uniwersytet Testowy Filia"}, "country": "PL"}],
                 "Uniwersytet Testowy Filia", id="no-identifier-another-name"),
    pytest.param([PARTNER, {"name": {"pl": NAME}, "country": "PL"}],
                 "Politechnika Nadwiślańska (POLON PN-0471)", id="the-provider-second"),
])  # fmt: skip
def test_someone_else_named_first_is_refused_and_nothing_changes(
    verified_a: Provider, bodies: list[dict[str, Any]], named: str
) -> None:
    version = _draft(verified_a, *bodies)
    with pytest.raises(ConflictError) as raised:
        design_version_submit(user=admin_of(verified_a), version=version, now=NOW)
    assert raised.value.code == m.AWARDING_BODY_NOT_PROVIDER.code
    assert raised.value.extra == {"fields": {"awarding_bodies[0]": [raised.value.code]}}
    for lang in ("pl", "en"):
        assert named in raised.value.text(lang)
        assert f"{NAME} (NIP {NIP})" in raised.value.text(lang)
    version.refresh_from_db()
    assert (version.status, version.submitted_at) == (DesignStatus.DRAFT, None)


def test_the_page_and_the_api_say_why(verified_a: Provider) -> None:
    version = _draft(verified_a, PARTNER)
    client = Client()
    log_in(client, admin_of(verified_a).email)
    page = client.post(f"/designs/versions/{version.pk}/submit/", HTTP_ACCEPT_LANGUAGE="pl")
    assert page.status_code == 409
    html = page.content.decode()
    assert "Pierwszy organ przyznający w projekcie, Politechnika Nadwiślańska" in html
    api = client.post(f"/api/v1/catalog/versions/{version.pk}/submit", HTTP_ACCEPT_LANGUAGE="en")
    assert api.status_code == 409
    assert api.json()["code"] == m.AWARDING_BODY_NOT_PROVIDER.code
    assert f"is not the provider it belongs to, {NAME} (NIP {NIP})" in api.json()["message"]
    version.refresh_from_db()
    assert version.status == DesignStatus.DRAFT


def test_a_new_design_starts_with_the_provider_as_its_awarding_body(provider_a: Provider) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, admin_of(provider_a).email)
    html = client.get(f"/designs/providers/{provider_a.pk}/new/").content.decode()
    assert f'value="{NAME}"' in html
    assert f'value="{NIP}"' in html
    assert 'value="https://uniwersytet.example.org"' in html
    assert '<option value="nip" selected>' in html
    assert '<option value="PL" selected>' in html


def test_the_provider_is_told_before_submitting(provider_a: Provider) -> None:
    """The draft's page and the studio's live check say what submitting would refuse;
    with the provider named first they say nothing of it."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(client, admin_of(provider_a).email)
    warned = "Submitting will be refused: The design&#x27;s first awarding body, Politechnika"
    someone_else = _draft(provider_a, PARTNER)
    assert warned in client.get(f"/designs/versions/{someone_else.pk}/").content.decode()
    mine = _draft(provider_a, {"name": {"pl": NAME}, "country": "PL"})
    assert "Submitting will be refused" not in client.get(
        f"/designs/versions/{mine.pk}/").content.decode()  # fmt: skip
    for version, expected in ((someone_else, True), (mine, False)):
        live = client.post(f"/designs/versions/{version.pk}/edit/check/",
                           form_data(version.source)).content.decode()  # fmt: skip
        assert ("is not the provider it belongs to" in live) is expected
    assert DesignVersion.objects.count() == 2
