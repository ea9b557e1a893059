"""A small published catalogue, made through the services (import → submit → QA
approval), with designs that must never be listed beside it: a draft, a submitted one, a
rejected one, a suspended provider's, and an approved version superseded by a later one.
Each design names its provider as its first awarding body (submitting requires it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from microcred.platform.accounts.models import User
from microcred.platform.catalog.models import DesignVersion
from microcred.platform.catalog.services import design_import, design_version_submit
from microcred.platform.providers.models import (
    Decision,
    IdentifierScheme,
    Provider,
    ProviderType,
)
from microcred.platform.providers.services import provider_decide, provider_register
from microcred.platform.qa.models import ReviewDecision
from microcred.platform.qa.services import design_review
from microcred.standard import designfile
from microcred.standard.elements import MicroCredentialSpec

from ...conftest import EXAMPLES
from ..conftest import NOW, admin_of, as_provider, person, registration
from ..qa.helpers import NOT_MET, all_met

#: a design derived from python-basics: Polish "kształcenie", an English "programmer"
TEACHERS = {
    "title": {"pl": "Kształcenie nauczycieli programowania",
              "en": "Programmer training for teachers"},
    "levels": [{"framework": "eqf", "value": 7}],
    "workload": {"ects": "7.5"},
    "languages": ["en", "de"],
    "fields_of_education": ["011"],
    "form_of_participation": "blended",
}  # fmt: skip
#: a design of a German provider (its awarding body is the provider: :data:`GERMAN`)
FOREIGN = {
    "title": {"en": "Welding inspection", "pl": "Kontrola spoin"},
    "levels": [{"framework": "eqf", "value": 5}],
}  # fmt: skip
GERMAN = registration(legal_name="Schweißakademie GmbH", identifier_scheme=IdentifierScheme.EU_VAT,
                      identifier="DE812345673", country="DE", postal_code="10115",
                      locality="Berlin", provider_type=ProviderType.TRAINING_COMPANY,
                      website="https://schweissakademie.example.de")  # fmt: skip


def design_text(example: str, **changes: Any) -> str:
    """An example design file, with ``changes`` to its top-level fields."""
    spec = designfile.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    data = spec.model_dump(mode="json", exclude_none=True)
    return designfile.dumps(MicroCredentialSpec.model_validate(data | changes))


@dataclass
class Catalogue:
    published: dict[str, DesignVersion] = field(default_factory=dict)
    hidden: dict[str, DesignVersion] = field(default_factory=dict)


def publish(
    provider: Provider,
    officer: User,
    text: str,
    decision: ReviewDecision = ReviewDecision.APPROVE,
    **kw: Any,
) -> DesignVersion:
    version = design_import(user=admin_of(provider), provider=provider,
                            text=as_provider(text, provider), now=NOW, **kw)  # fmt: skip
    design_version_submit(user=admin_of(provider), version=version, now=NOW)
    reason = "" if decision == ReviewDecision.APPROVE else "no"
    checklist = all_met() if decision == ReviewDecision.APPROVE else all_met(quality=NOT_MET)
    design_review(officer=officer, version=version, decision=decision, reason=reason,
                  checklist=checklist, now=NOW)  # fmt: skip
    version.refresh_from_db()
    return version


def titled(example: str, pl: str, en: str) -> str:
    return design_text(example, title={"pl": pl, "en": en})


@pytest.fixture
def catalogue(qa_officer: User, provider_a: Provider, provider_b: Provider) -> Catalogue:
    german = provider_register(user=person("admin@de.example.org"), registration=GERMAN, now=NOW)
    for provider in (provider_a, provider_b, german):
        provider_decide(
            officer=qa_officer, provider=provider, decision=Decision.APPROVE, reason="", now=NOW
        )
    made, admin = Catalogue(), admin_of(provider_a)
    for name in ("python-basics", "agile-project-management", "energy-audit-basics",
                 "machine-learning-university"):  # fmt: skip
        text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
        made.published[name] = publish(provider_a, qa_officer, text)
    teachers = design_text("python-basics.yaml", **TEACHERS)
    made.published["teachers"] = publish(provider_a, qa_officer, teachers)
    superseded = design_text("python-basics.yaml", **FOREIGN, description={"en": "superseded"})
    old = made.hidden["superseded"] = publish(german, qa_officer, superseded)
    foreign = design_text("python-basics.yaml", **FOREIGN)
    made.published["foreign"] = publish(german, qa_officer, foreign, design=old.design)
    draft = titled("python-basics.yaml", "Szkic energii", "Draft energy")
    made.hidden["draft"] = design_import(user=admin, provider=provider_a, text=draft, now=NOW)
    text = titled("python-basics.yaml", "Zgłoszona energia", "Submitted energy")
    submitted = design_import(user=admin, provider=provider_a, text=as_provider(text, provider_a),
                              now=NOW)  # fmt: skip
    made.hidden["submitted"] = design_version_submit(user=admin, version=submitted, now=NOW)
    text = titled("python-basics.yaml", "Odrzucona energia", "Rejected energy")
    made.hidden["rejected"] = publish(provider_a, qa_officer, text, ReviewDecision.REJECT)
    text = titled("energy-audit-basics.yaml", "Energia zawieszona", "Suspended energy")
    made.hidden["suspended"] = publish(provider_b, qa_officer, text)
    provider_decide(
        officer=qa_officer, provider=provider_b, decision=Decision.SUSPEND, reason="audit", now=NOW
    )
    return made
