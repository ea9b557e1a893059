"""from_edc: the EU's own EDC samples read into the same EU elements as OB 3.0."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.edc import EdcError, from_edc
from microcred.credentials.verify import verify
from microcred.standard.compliance import check
from microcred.standard.vocab import (
    AssessmentMethod,
    EqfLevel,
    FormOfParticipation,
    SupervisionLevel,
)

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _sample(shared: Path, name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((shared / "vectors/edc-examples" / name).read_text())
    return document


def test_micro_credential_sample_carries_the_annex_i_elements(shared: Path) -> None:
    award = from_edc(_sample(shared, "Sample-MC-Annex1-unsigned.jsonld"))
    spec = award.spec
    assert spec.title is not None
    assert spec.title.get("en") == "Digital micro-credential creation"
    assert award.learner is not None
    assert award.learner.full_name == "Ana Andromeda"
    assert str(award.issued_on) == "2022-12-31"
    assert [str(b.country) for b in spec.awarding_bodies] == ["IE"]
    assert len(spec.learning_outcomes) == 2
    assert spec.learning_outcomes[0].esco_skills
    assert spec.workload is not None
    assert (spec.workload.ects, spec.workload.hours) == (2, 60)
    assert [lv.concept for lv in spec.levels] == [EqfLevel.L6]
    assert spec.form_of_participation is FormOfParticipation.BLENDED
    assert spec.supervision is SupervisionLevel.UNSUPERVISED_NO_ID
    assert spec.assessment is not None
    assert spec.assessment.methods == [AssessmentMethod.OTHER]  # a local Europass concept
    assert award.grade is not None
    assert spec.prerequisites is not None


def test_micro_credential_sample_verdict_names_what_the_sample_lacks(shared: Path) -> None:
    """The EU's Annex I sample states no quality assurance: assessed outcomes, one gap."""
    report = check(from_edc(_sample(shared, "Sample-MC-Annex1-unsigned.jsonld")), now=NOW)
    assert report.verdict.value == "incomplete"
    lacking = [r.element.value for r in report.elements
               if r.mandatory and r.status.value in ("missing", "weak")]  # fmt: skip
    assert lacking == ["quality-assurance"]


def test_certificate_of_participation_is_a_participation_badge(shared: Path) -> None:
    award = from_edc(_sample(shared, "Sample-CertOfPart-unsigned.jsonld"))
    report = check(award, now=NOW)
    assert report.verdict.value == "participation-badge"
    assert report.element("learning-outcomes").status.value == "missing"
    assert report.element("assessment").status.value == "missing"
    assert award.spec.workload is not None
    assert award.spec.workload.hours == 2


@pytest.mark.parametrize(
    "name", ["Sample-MC-Annex1-unsigned.jsonld", "Sample-CertOfPart-unsigned.jsonld"]
)
def test_verify_reports_eu_elements_of_an_edc(shared: Path, name: str) -> None:
    report = verify(_sample(shared, name), now=NOW)
    assert report.eu_elements["title"] == "present"
    assert report.verdict in ("incomplete", "participation-badge")
    proof = report.check("proof")
    assert proof is not None
    assert proof.code == "no_proof"  # unsigned samples


@pytest.mark.parametrize(
    "document",
    [{"type": ["VerifiableCredential"]}, {"type": "EuropeanDigitalCredential"},
     {"type": "EuropeanDigitalCredential", "credentialSubject": {"id": "x"}}, [], None],
    ids=["not-edc", "no-subject", "no-claim", "list", "none"],
)  # fmt: skip
def test_not_edc_is_refused(document: Any) -> None:
    with pytest.raises(EdcError):
        from_edc(document)
