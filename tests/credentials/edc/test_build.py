"""to_edc: every example design becomes an EDC that conforms to the EU's SHACL shapes and
reads back (from_edc) with the same verdict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from microcred.credentials.edc import EdcError, from_edc
from microcred.credentials.edc.build import to_edc
from microcred.credentials.edc.shacl import validate
from microcred.standard.compliance import check
from microcred.standard.elements import Award

from ...conftest import EXAMPLES, example_award

LEARNER = {"given_name": "Anna", "family_name": "Kowalska", "email": "anna@example.org",
           "date_of_birth": "1990-04-02", "student_id": "123456",
           "national_id": {"country": "PL", "value": "90040212345"}}  # fmt: skip


def _award(path: Path, **changes: Any) -> Award:
    """The example award of ``path``, graded on its design's scale (its best grade) or,
    without one, "pass"."""
    scale = example_award(path).spec.grading_scale
    grade = scale[-1].name.model_dump() if scale else {"pl": "zaliczone", "en": "pass"}
    return example_award(path, **({"learner": LEARNER, "grade": grade} | changes))


@pytest.mark.parametrize("graded", [True, False], ids=["graded", "no-grade"])
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_conforms_to_the_eu_shapes(path: Path, graded: bool) -> None:
    award = _award(path) if graded else _award(path, grade=None)
    violations = validate(to_edc(award), use_cache=False)  # pySHACL itself, every time
    assert violations == [], "\n".join(str(v) for v in violations)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_reads_back_with_the_same_verdict(path: Path) -> None:
    award = _award(path)
    back = from_edc(to_edc(award))
    assert check(back).verdict == check(award).verdict
    assert back.spec.title == award.spec.title
    assert back.learner is not None
    assert back.learner.full_name == "Anna Kowalska"
    assert back.issued_on == award.issued_on


def test_a_violation_is_named_in_words() -> None:
    document = to_edc(_award(EXAMPLES / "python-basics.yaml"))
    del document["issued"]
    violations = validate(document)
    assert any(v.path == "cred:issued" for v in violations)
    assert all(str(v) for v in violations)


def test_an_edc_needs_a_learner_and_a_date() -> None:
    with pytest.raises(EdcError, match="needs a learner"):
        to_edc(_award(EXAMPLES / "python-basics.yaml", learner=None))


def test_an_edc_signed_with_data_integrity_verifies_end_to_end() -> None:
    from microcred.credentials.data_integrity import sign
    from microcred.credentials.keys import KeyPair
    from microcred.credentials.verify import verify

    key = KeyPair.generate()
    signed = sign(to_edc(_award(EXAMPLES / "python-basics.yaml"), issuer_id=key.did_key), key)
    assert "https://w3id.org/security/data-integrity/v2" in signed["@context"]
    report = verify(signed)
    assert report.verified, report.to_dict()
    assert report.check("schema").code == "ok"  # type: ignore[union-attr]
    assert report.verdict == "micro-credential"
    tampered = signed | {"validFrom": "2020-01-01T00:00:00Z"}
    assert verify(tampered).check("proof").code == "invalid_signature"  # type: ignore[union-attr]


def test_eu_samples_get_a_shapes_warning_not_a_failure(shared: Path) -> None:
    import json

    from microcred.credentials.verify import verify

    sample = json.loads(
        (shared / "vectors/edc-examples/Sample-MC-Annex1-unsigned.jsonld").read_text()
    )
    schema = verify(sample).check("schema")
    assert schema is not None
    assert (schema.status.value, schema.code) == ("warning", "edc_shapes")
    assert "cred:issued" in schema.en


def test_eu_signed_samples_verify_with_the_trust_list_warning(shared: Path) -> None:
    import datetime as dt
    import json

    from microcred.credentials.verify import verify

    inside_validity = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    for name, verdict, why in (
        ("Sample-MC-Annex1-signed.jsonld", "incomplete", "missing or weak: Quality assurance"),
        ("Sample-CertOfPart-signed.jsonld", "participation-badge", "no learning outcomes"),
    ):
        sealed = json.loads((shared / "vectors/edc-examples" / name).read_text())
        report = verify(sealed, now=inside_validity)
        assert report.verified, report.to_dict()
        assert report.format == "jades"
        assert report.check("proof").code == "ok"  # type: ignore[union-attr]
        warnings = {c.code for c in report.checks if c.status.value == "warning"}
        assert "trust_list_not_checked" in warnings
        assert report.verdict == verdict
        assert why in report.check("eu-elements").en  # type: ignore[union-attr]
        # today the sample certificate (valid to 2025-05-10) has expired: the signature is
        # valid, but without a usable time-stamp the seal is indeterminate
        today = verify(sealed)
        assert today.result == "indeterminate"
        assert today.check("signature").status.value == "pass"  # type: ignore[union-attr]
        assert today.check("proof").code == "certificate_expired"  # type: ignore[union-attr]
        assert today.verdict == verdict


def test_our_sealed_edc_verifies_and_a_swapped_payload_does_not() -> None:
    from microcred.credentials.jades import seal, self_signed_seal_certificate
    from microcred.credentials.verify import verify

    credentials = self_signed_seal_certificate("Politechnika Nadwiślańska", "PL")
    award = _award(EXAMPLES / "python-basics.yaml")
    edc = to_edc(award)
    edc["issuer"]["legalName"] = {"pl": "Politechnika Nadwiślańska"}
    sealed = seal(edc, key=credentials.key, certificates=credentials.certificates)
    report = verify(sealed)
    assert report.verified, report.to_dict()
    assert report.check("issuer").code == "ok"  # type: ignore[union-attr]
    codes = {c.code for c in report.checks}
    assert {"trust_list_not_checked", "self_signed"} <= codes
    other = seal(to_edc(_award(EXAMPLES / "team-communication.yaml")), key=credentials.key,
                 certificates=credentials.certificates)  # fmt: skip
    swapped = {**sealed, "payload": other["payload"]}
    assert verify(swapped).check("proof").code == "invalid_signature"  # type: ignore[union-attr]
