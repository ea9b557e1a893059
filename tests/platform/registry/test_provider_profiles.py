"""registry.profiles: a verified provider's public profile (page and API) — who it is,
since when and by whom it is verified, its DID and keys, the trust list, its published
designs; a suspended one says since when; a provider no QA body has verified has none."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client

from microcred.platform.accounts.models import User
from microcred.platform.providers.models import Decision, Provider
from microcred.platform.providers.services import provider_decide

from ..conftest import NOW
from .test_exports import draft, publish, verified

pytestmark = pytest.mark.django_db

LATER = NOW + timedelta(days=30)


def test_a_verified_providers_page(provider_a: Provider, qa_officer: User) -> None:
    version = publish(provider_a, qa_officer)
    provider_a.refresh_from_db()
    assert provider_a.slug == "nip-7770001111"
    for lang, texts in (
        ("en", ["Verified provider since 2026-12-01, verified by QA Body.",
                "Next verification due by", "University", "Poland", "DID document"]),
        ("pl", ["Zweryfikowany dostawca od 2026-12-01 (weryfikacja: QA Body).",
                "Następna weryfikacja do", "Uczelnia", "Polska", "Dokument DID"]),
    ):  # fmt: skip
        response = Client().get("/registry/providers/nip-7770001111/", HTTP_ACCEPT_LANGUAGE=lang)
        assert response.status_code == 200
        html = response.content.decode()
        for text in [
            *texts,
            "Uniwersytet Testowy",
            provider_a.did,
            "https://uniwersytet.example.org",
        ]:
            assert text in html, (lang, text)
        assert 'href="/providers/nip-7770001111/did.json"' in html
        assert 'href="/trust-list"' in html
        assert f'href="/registry/{version.pk}/"' in html
        assert f"{provider_a.did}#key-1" in html


def test_the_profile_through_the_api(provider_a: Provider, qa_officer: User) -> None:
    version = publish(provider_a, qa_officer)
    provider_a.refresh_from_db()
    profile = Client().get("/api/v1/registry/providers/nip-7770001111").json()
    base = settings.PUBLIC_URL
    assert profile["status"] == "verified"
    assert profile["legal_name"] == "Uniwersytet Testowy"
    assert profile["provider_type"] == "university"
    assert profile["verified_by"] == "QA Body"
    assert profile["verified_since"].startswith("2026-12-01")
    assert profile["suspended_since"] is None
    assert profile["did"] == provider_a.did
    assert profile["did_document"] == f"{base}/providers/nip-7770001111/did.json"
    assert profile["trust_list"] == f"{base}/trust-list"
    assert [k["method"] for k in profile["keys"]] == [f"{provider_a.did}#key-1"]
    assert profile["keys"][0]["valid_until"] is None
    assert profile["designs"] == [{
        "id": version.pk, "title_pl": "Podstawy języka Python", "title_en": "Python basics",
        "url": f"{base}/registry/{version.pk}/",
        "achievement": f"{base}/registry/{version.pk}/achievement.jsonld",
        "learning_opportunity": f"{base}/registry/{version.pk}/elm.jsonld",
    }]  # fmt: skip


@pytest.mark.parametrize("decision", [None, Decision.REQUEST_CHANGES, Decision.REJECT])
def test_no_profile_without_verification(decision: Decision | None, provider_a: Provider,
                                         qa_officer: User) -> None:  # fmt: skip
    if decision is not None:
        provider_decide(officer=qa_officer, provider=provider_a, decision=decision,
                        reason="incomplete", now=NOW)  # fmt: skip
    draft(provider_a)
    anonymous = Client()
    assert anonymous.get("/registry/providers/nip-7770001111/").status_code == 404
    missing = anonymous.get("/api/v1/registry/providers/nip-7770001111")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


def test_unknown_slugs(provider_a: Provider, qa_officer: User) -> None:
    verified(provider_a, qa_officer)
    anonymous = Client()
    for slug in ("nip-7770001112", "regon-7770001111", "nonsense", "nip-", "x" * 300):
        assert anonymous.get(f"/registry/providers/{slug}/").status_code == 404, slug
        assert anonymous.get(f"/api/v1/registry/providers/{slug}").status_code == 404, slug
    assert anonymous.get("/registry/providers/NIP-7770001111/").status_code == 404


def test_a_suspended_provider_says_since_when(provider_a: Provider, qa_officer: User) -> None:
    version = publish(provider_a, qa_officer)
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.SUSPEND,
                    reason="audit", now=LATER)  # fmt: skip
    for lang, text in (("en", "Suspended since 2026-12-31."),
                       ("pl", "Zawieszony od 2026-12-31.")):  # fmt: skip
        page = Client().get("/registry/providers/nip-7770001111/", HTTP_ACCEPT_LANGUAGE=lang)
        assert page.status_code == 200
        html = page.content.decode()
        assert text in html
        assert f'href="/registry/{version.pk}/"' not in html
    profile = Client().get("/api/v1/registry/providers/nip-7770001111").json()
    assert profile["status"] == "suspended"
    assert profile["suspended_since"].startswith("2026-12-31")
    assert profile["verified_since"] is None
    assert profile["designs"] == []


def test_verified_since_is_the_current_period(provider_a: Provider, qa_officer: User) -> None:
    verified(provider_a, qa_officer)
    # a re-verification: still verified since the first approval
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.APPROVE,
                    reason="", now=LATER)  # fmt: skip
    profile = Client().get("/api/v1/registry/providers/nip-7770001111").json()
    assert profile["verified_since"].startswith("2026-12-01")
    assert profile["reverify_by"] > "2027"
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.SUSPEND,
                    reason="audit", now=LATER + timedelta(days=1))  # fmt: skip
    provider_decide(officer=qa_officer, provider=provider_a, decision=Decision.APPROVE,
                    reason="", now=LATER + timedelta(days=2))  # fmt: skip
    profile = Client().get("/api/v1/registry/providers/nip-7770001111").json()
    assert profile["verified_since"].startswith("2027-01-02")
    assert profile["suspended_since"] is None


def test_linked_from_the_design_page_and_the_search(provider_a: Provider,
                                                    qa_officer: User) -> None:  # fmt: skip
    version = publish(provider_a, qa_officer)
    link = 'href="/registry/providers/nip-7770001111/"'
    assert link in Client().get(f"/registry/{version.pk}/").content.decode()
    assert link in Client().get("/registry/?q=python").content.decode()
