"""European Digital Credential (European Learning Model v3) → award: ``from_edc``.

Reads an EDC — the EU's own samples included — into an
:class:`~microcred.standard.elements.Award`, so that the compliance check and
``verify`` report the same EU elements for an EDC as for an Open Badges credential::

    credentialSubject (Person: fullName, givenName, familyName, dateOfBirth, nationalID…)
      hasClaim (LearningAchievement | LearningActivity | …)
        awardedBy.awardingBody (Organisation: legalName, location…countryCode, registration)
        specifiedBy (Qualification | LearningAchievementSpecification: learningOutcome[],
                     creditPoint, volumeOfLearning, eqfLevel, nqfLevel, mode, entryRequirement,
                     accreditation, thematicArea, language)
        provenBy (LearningAssessment: specifiedBy.dcType, grade, idVerification)

A claim that is only a ``LearningActivity`` — attendance, as in a certificate of
participation — carries no learning outcomes and no assessment, and reads as such.
Controlled-vocabulary URIs are looked up in :mod:`microcred.standard.vocab`, Europass
concepts that microcred's own concepts ``match`` included.
"""

from __future__ import annotations

__all__ = ["EdcError", "from_edc"]

import contextlib
import re
from decimal import Decimal
from typing import Any

from ...standard.elements import Award
from ...standard.errors import MicrocredError
from ...standard.vocab import (
    AssessmentMethod,
    Country,
    EqfLevel,
    FormOfParticipation,
    IscedField,
    Language,
    PrkLevel,
    QualityAssuranceType,
    SupervisionLevel,
)
from .._awards import validated_award
from .._json import as_list, clean, first, types_of
from ..errors import EdcError

_ECTS = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
_HOURS = re.compile(r"^PT(\d+(?:\.\d+)?)H$")


def _text(value: Any) -> dict[str, str] | None:
    """An ELM language map (``{"en": "..."}``, or a Note's ``noteLiteral``) as text."""
    if isinstance(value, dict) and "noteLiteral" in value:
        value = value["noteLiteral"]
    if isinstance(value, dict):
        found = {k: v.strip() for k, v in value.items()
                 if Language.has_key(k) and isinstance(v, str) and v.strip()}  # fmt: skip
        return found or None
    if isinstance(value, str) and value.strip():
        return {"en": value.strip()}
    return None


def _concept(value: Any, vocab: Any) -> Any:
    uri = value.get("id") if isinstance(value, dict) else value
    if not isinstance(uri, str):
        return None
    try:
        return vocab.from_uri_or_match(uri)
    except MicrocredError:
        return None


def _country(value: Any) -> str | None:
    uri = value.get("id") if isinstance(value, dict) else value
    if isinstance(uri, str) and "/country/" in uri:
        alpha3 = uri.rsplit("/", 1)[1]
        for country in Country:
            if country.uri.endswith("/" + alpha3):
                return str(country)
    return None


def _awarding_body(organisation: Any) -> dict[str, Any] | None:
    if not isinstance(organisation, dict):
        return None
    name = _text(organisation.get("legalName")) or _text(organisation.get("altLabel"))
    location = first(organisation.get("location"))
    address = first(location.get("address")) if isinstance(location, dict) else None
    country = _country(address.get("countryCode")) if isinstance(address, dict) else None
    if not name or not country:
        return None
    body: dict[str, Any] = {"name": name, "country": country}
    for key, scheme in (
        ("registration", "other"),
        ("vatIdentifier", "vat"),
        ("http://data.europa.eu/snb/model/elm/eidasLegalIdentifier", "other"),
    ):
        identifier = first(organisation.get(key))
        if isinstance(identifier, dict) and isinstance(identifier.get("notation"), str):
            body["legal_identifier"] = {"scheme": scheme, "value": identifier["notation"]}
            break
    homepage = first(organisation.get("homepage"))
    if isinstance(homepage, dict) and str(homepage.get("contentURL", "")).startswith("http"):
        body["url"] = homepage["contentURL"]
    return body


def _learner(person: dict[str, Any]) -> dict[str, Any] | None:
    given = _text(person.get("givenName"))
    family = _text(person.get("familyName"))
    full = _text(person.get("fullName"))
    if given and family:
        learner: dict[str, Any] = {"given_name": next(iter(given.values())),
                                   "family_name": next(iter(family.values()))}  # fmt: skip
    elif full:
        given_names, _, last = next(iter(full.values())).rpartition(" ")
        learner = {"given_name": given_names or last, "family_name": last}
    else:
        return None
    birth = person.get("dateOfBirth")
    if isinstance(birth, str) and len(birth) >= 10:
        learner["date_of_birth"] = birth[:10]
    contact = first(person.get("contactPoint"))
    mailbox = first(contact.get("emailAddress")) if isinstance(contact, dict) else None
    if isinstance(mailbox, dict) and str(mailbox.get("id", "")).startswith("mailto:"):
        learner["email"] = mailbox["id"].removeprefix("mailto:")
    national = first(person.get("nationalID"))
    if isinstance(national, dict):
        country = _country(national.get("spatial"))
        if isinstance(national.get("notation"), str) and country:
            learner["national_id"] = {"country": country, "value": national["notation"]}
        else:
            learner["hashed"] = ["national-id"]  # recorded, value not given in clear
    identifier = first(person.get("identifier"))
    if isinstance(identifier, dict) and isinstance(identifier.get("notation"), str):
        learner["student_id"] = identifier["notation"]
    if isinstance(person.get("id"), str) and ":" in person["id"]:
        learner["id"] = person["id"]
    return learner


def _workload(claim: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any] | None:
    workload: dict[str, Any] = {}
    for credit in as_list(spec.get("creditPoint")):
        framework = credit.get("framework") if isinstance(credit, dict) else None
        framework_id = framework.get("id") if isinstance(framework, dict) else framework
        if framework_id == _ECTS:
            with contextlib.suppress(ArithmeticError):
                workload["ects"] = Decimal(str(credit.get("point")))
    for duration in (spec.get("volumeOfLearning"), claim.get("workload")):
        if isinstance(duration, str) and (match := _HOURS.match(duration)):
            workload["hours"] = Decimal(match.group(1))
            break
    return workload or None


def _levels(spec: dict[str, Any]) -> list[dict[str, str]]:
    levels = []
    if eqf := _concept(spec.get("eqfLevel"), EqfLevel):
        levels.append({"framework": "eqf", "value": str(eqf.value)})
    for nqf in as_list(spec.get("nqfLevel")):
        if prk := _concept(nqf, PrkLevel):
            levels.append({"framework": "prk", "value": str(prk.value)})
    return levels


def _assessment(
    claim: dict[str, Any],
) -> tuple[dict[str, Any] | None, str | None, dict[str, str] | None]:
    """(assessment, supervision key, grade) from ``provenBy``."""
    assessment = first(claim.get("provenBy"))
    if not isinstance(assessment, dict):
        return None, None, None
    spec = first(assessment.get("specifiedBy")) or {}
    method = (
        _concept(first(spec.get("dcType")), AssessmentMethod) if isinstance(spec, dict) else None
    )
    result: dict[str, Any] = {"methods": [str(method or AssessmentMethod.OTHER)]}
    if isinstance(spec, dict):
        result["description"] = _text(spec.get("description")) or _text(spec.get("title"))
        scheme = first(spec.get("gradingScheme"))
        if isinstance(scheme, dict):
            result["criteria"] = _text(scheme.get("description"))
    supervision = _concept(assessment.get("idVerification"), SupervisionLevel)
    return result, (str(supervision) if supervision else None), _text(assessment.get("grade"))


def from_edc(credential: Any) -> Award:
    """The award a European Digital Credential carries; :class:`EdcError` otherwise."""
    if not isinstance(credential, dict) or "EuropeanDigitalCredential" not in types_of(credential):
        raise EdcError("the document's type is not EuropeanDigitalCredential")
    person = first(credential.get("credentialSubject"))
    if not isinstance(person, dict):
        raise EdcError("credentialSubject is missing")
    claim = first(person.get("hasClaim"))
    if not isinstance(claim, dict):
        raise EdcError("credentialSubject.hasClaim is missing")
    spec_node = first(claim.get("specifiedBy")) or {}
    spec_node = spec_node if isinstance(spec_node, dict) else {}

    spec: dict[str, Any] = {}
    spec["title"] = _text(claim.get("title")) or _text(spec_node.get("title"))
    spec["description"] = _text(claim.get("description")) or _text(spec_node.get("description"))
    process = first(claim.get("awardedBy"))
    organisation = process.get("awardingBody") if isinstance(process, dict) else None
    bodies = [_awarding_body(o) for o in as_list(organisation) or as_list(credential.get("issuer"))]
    spec["awarding_bodies"] = [b for b in bodies if b]
    outcomes = []
    for outcome in as_list(spec_node.get("learningOutcome")):
        if isinstance(outcome, dict) and (
            statement := _text(outcome.get("description")) or _text(outcome.get("title"))
        ):
            skills = [
                s.get("id") if isinstance(s, dict) else s
                for s in as_list(outcome.get("relatedESCOSkill"))
            ]
            outcomes.append({"statement": statement,
                             "esco_skills": [s for s in skills if isinstance(s, str)]})  # fmt: skip
    spec["learning_outcomes"] = outcomes
    spec["workload"] = _workload(claim, spec_node)
    spec["levels"] = _levels(spec_node)
    assessment, supervision, grade = _assessment(claim)
    spec["assessment"] = assessment
    spec["supervision"] = supervision
    mode = _concept(first(spec_node.get("mode")), FormOfParticipation)
    spec["form_of_participation"] = str(mode) if mode else None
    accreditations = [a for a in as_list(spec_node.get("accreditation")) if isinstance(a, dict)]
    qa = [_concept(first(a.get("dcType")), QualityAssuranceType) for a in accreditations]
    if any(qa):
        agent = accreditations[0].get("accreditingAgent")
        spec["quality_assurance"] = {
            "types": sorted({str(t) for t in qa if t}),
            "body": _text(agent.get("legalName")) if isinstance(agent, dict) else None,
        }
    spec["prerequisites"] = _text(spec_node.get("entryRequirement"))
    fields = []
    for area in as_list(spec_node.get("thematicArea")):
        code = str(area.get("id") if isinstance(area, dict) else area).rsplit("/", 1)[-1]
        for candidate in (code, code[:3], code[:2]):
            if IscedField.has_key(candidate):
                fields.append(candidate)
                break
    spec["fields_of_education"] = sorted(set(fields), key=fields.index)
    languages = [_concept(lang, Language) for lang in as_list(spec_node.get("language"))]
    spec["languages"] = sorted({str(x) for x in languages if x})
    for document in as_list(spec_node.get("supplementaryDocument")) + as_list(
        spec_node.get("homepage")
    ):
        if isinstance(document, dict) and str(document.get("contentURL", "")).startswith(
            "https://"
        ):
            spec["further_information"] = {"url": document["contentURL"],
                                           "text": _text(document.get("title"))}  # fmt: skip
            break

    award: dict[str, Any] = {"spec": clean(spec), "learner": _learner(person), "grade": grade}
    if isinstance(credential.get("id"), str):
        award["id"] = credential["id"]
    issued = (
        credential.get("validFrom") or credential.get("issuanceDate") or credential.get("issued")
    )
    if isinstance(issued, str) and len(issued) >= 10:
        award["issued_on"] = issued[:10]
    until = credential.get("validUntil") or credential.get("expirationDate")
    if isinstance(until, str) and len(until) >= 10:
        award["valid_until"] = until[:10]
    return validated_award(award, EdcError)
