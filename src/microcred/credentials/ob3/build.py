"""Specification + award → Open Badges 3.0 ``OpenBadgeCredential`` (VC Data Model 2.0):
``to_ob3``. Every Annex I element goes on a native OB 3.0 field where one exists
(``achievementType`` from the compliance verdict, ``creditsAvailable``, ``alignment`` to
ESCO and EQF, issuer ``address``, ``criteria``, ``result`` and the grading scale's
``allowedValue``, learner ``identifier``...) and the rest,
with the multilingual texts, under microcred's ``eu*`` terms, whose definitions are
embedded in the credential's ``@context`` so that any JSON-LD processor reads them
offline (table and reasons: ``docs/ob3-mapping.md``).
"""

from __future__ import annotations

__all__ = ["ACHIEVEMENT_TYPES", "achievement_type", "to_achievement", "to_ob3"]

import hashlib
import json
import secrets
import uuid
from typing import Any

from ...standard.caching import BoundedCache
from ...standard.compliance import Verdict, check
from ...standard.elements import Award, AwardingBody, LocalizedText, MicroCredentialSpec
from ...standard.vocab import (
    IdentityAttribute,
)
from .._awards import refuse_grade_off_scale
from ._common import CONTEXTS, IDENTITY_TYPES, OB3_SCHEMA, TEXTS

# OB 3.0 §B.1.28 AchievementType for each verdict of the design. "MicroCredential" only
# for what the Recommendation calls one; a participation badge acknowledges taking part,
# which OB 3.0 calls "CertificateOfCompletion" ("acknowledges completion of an assignment,
# training or other activity"); an incomplete design is a generic "Achievement" (its
# outcomes are assessed, but it lacks a mandatory element). Table: docs/ob3-mapping.md.
ACHIEVEMENT_TYPES = {
    Verdict.MICRO_CREDENTIAL: "MicroCredential",
    Verdict.PARTICIPATION_BADGE: "CertificateOfCompletion",
    Verdict.INCOMPLETE: "Achievement",
}


def achievement_type(spec: MicroCredentialSpec) -> str:
    """The OB 3.0 ``achievementType`` of a design: from its compliance verdict (of the
    design, not of one award, since every award of a design shares its Achievement)."""
    return ACHIEVEMENT_TYPES[check(spec).verdict]


def _lang(text: LocalizedText | None) -> dict[str, str] | None:
    return {str(lang): value for lang, value in text.items()} if text else None


def _salted_hash(value: str, salt: str) -> str:
    """OB 3.0 §B.1.5 IdentityObject hash: ``sha256$`` + hex(sha256(value + salt))."""
    return "sha256$" + hashlib.sha256((value + salt).encode("utf-8")).hexdigest()


def _identity_objects(award: Award, *, hash_identifiers: bool) -> list[dict[str, Any]]:
    learner = award.learner
    if learner is None:
        return []
    plain = {
        IdentityAttribute.FULL_NAME: learner.full_name,
        IdentityAttribute.EMAIL: learner.email,
        IdentityAttribute.NATIONAL_ID: learner.national_id.value if learner.national_id else None,
        IdentityAttribute.STUDENT_ID: learner.student_id,
        IdentityAttribute.DATE_OF_BIRTH: (
            learner.date_of_birth.isoformat() if learner.date_of_birth else None
        ),
    }
    objects = []
    for attribute, value in plain.items():
        if not value:
            continue
        entry: dict[str, Any] = {
            "type": "IdentityObject",
            "identityType": IDENTITY_TYPES[attribute],
        }
        # The name is shown on the badge; the other identifiers are salted hashes, so the
        # credential proves "this e-mail/PESEL" to someone who knows it, and leaks nothing.
        if hash_identifiers and attribute is not IdentityAttribute.FULL_NAME:
            salt = secrets.token_hex(8)
            entry |= {"hashed": True, "identityHash": _salted_hash(str(value), salt), "salt": salt}
        else:
            entry |= {"hashed": False, "identityHash": str(value)}
        objects.append(entry)
    return objects


def _issuer(spec: MicroCredentialSpec, issuer_id: str, lang: str) -> dict[str, Any]:
    if not spec.awarding_bodies:
        return {"id": issuer_id, "type": ["Profile"]}
    profile = _profile(spec.awarding_bodies[0], lang) | {"id": issuer_id}
    if len(spec.awarding_bodies) > 1:
        # Co-awarding bodies: OB 3.0 has one issuer, so the others ride in the extension.
        profile["euAwardingBody"] = [_profile(b, lang) for b in spec.awarding_bodies[1:]]
    return profile


def _profile(body: AwardingBody, lang: str) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "type": ["Profile"],
        "name": body.name.get(lang),
        "euName": _lang(body.name),
        "address": {
            "type": ["Address"],
            "addressCountry": body.country.label("en"),
            "addressCountryCode": str(body.country),
        },
    }
    if body.region:
        profile["address"]["addressRegion"] = body.region
    if body.url:
        profile["url"] = body.url
    identifiers = []
    if body.legal_identifier:
        identifiers.append(
            {
                "type": "IdentifierEntry",
                # OB 3.0 allows "ext:" identifier types; the scheme key says which register
                "identifierType": f"ext:{body.legal_identifier.scheme.value}",
                "identifier": body.legal_identifier.value,
            }
        )
    if identifiers:
        profile["otherIdentifier"] = identifiers
    if body.id:
        profile["id"] = body.id
    if body.registries:
        profile["euRegistry"] = [
            {"euRegistryName": r.name}
            | ({"euRegistryId": r.id} if r.id else {})
            | ({"euRegistryUrl": r.url} if r.url else {})
            for r in body.registries
        ]
    return profile


def _alignments(spec: MicroCredentialSpec) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for level in spec.levels:
        concept = level.concept
        if concept is None or level.framework is None:
            continue
        out.append(
            {
                "type": ["Alignment"],
                "targetType": "ext:FrameworkLevel",
                "targetFramework": level.framework.label("en"),
                "targetCode": str(concept.value),
                "targetName": concept.label("en"),
                "targetUrl": concept.uri,
            }
        )
    seen: set[str] = set()
    for outcome in spec.learning_outcomes:
        for skill in outcome.esco_skills:
            if skill not in seen:
                seen.add(skill)
                out.append(
                    {
                        "type": ["Alignment"],
                        "targetType": "ceasn:Competency",
                        "targetFramework": "ESCO",
                        "targetName": "ESCO skill",
                        "targetUrl": skill,
                    }
                )
    return out


def _extension(spec: MicroCredentialSpec) -> dict[str, Any]:
    ext: dict[str, Any] = {}
    if spec.id:
        ext["euSpecification"] = spec.id
        ext["euSpecificationVersion"] = spec.version
    for field, term in TEXTS.items():
        if value := _lang(getattr(spec, field)):
            ext[term] = value
    if spec.learner_identification:
        ext["euLearnerIdentification"] = [a.uri for a in spec.learner_identification]
    if spec.learning_outcomes:
        ext["euLearningOutcome"] = [
            {
                "euStatement": _lang(o.statement),
                **({"euEscoSkill": list(o.esco_skills)} if o.esco_skills else {}),
                **({"euLevel": [o.level.concept.uri]} if o.level and o.level.concept else {}),
            }
            for o in spec.learning_outcomes
        ]
    if spec.workload:
        if spec.workload.ects is not None:
            ext["euWorkloadEcts"] = str(spec.workload.ects)
        if spec.workload.hours is not None:
            ext["euWorkloadHours"] = str(spec.workload.hours)
        if spec.workload.description:
            ext["euWorkloadDescription"] = _lang(spec.workload.description)
    levels = [lv.concept.uri for lv in spec.levels if lv.concept]
    if levels:
        ext["euLevel"] = levels
    if texts := [lv.value for lv in spec.levels if lv.concept is None]:
        ext["euLevelText"] = texts
    if spec.assessment:
        ext["euAssessmentMethod"] = [m.uri for m in spec.assessment.methods]
        if spec.assessment.description:
            ext["euAssessmentDescription"] = _lang(spec.assessment.description)
        if spec.assessment.criteria:
            ext["euAssessmentCriteria"] = _lang(spec.assessment.criteria)
    if spec.form_of_participation:
        ext["euFormOfParticipation"] = spec.form_of_participation.uri
    if qa := spec.quality_assurance:
        ext["euQualityAssurance"] = [t.uri for t in qa.types]
        if qa.body:
            ext["euQualityAssuranceBody"] = _lang(qa.body)
        if qa.description:
            ext["euQualityAssuranceDescription"] = _lang(qa.description)
        if qa.url:
            ext["euQualityAssuranceUrl"] = qa.url
    if spec.supervision:
        ext["euSupervision"] = spec.supervision.uri
    if spec.integration:
        ext["euIntegration"] = spec.integration.option.uri
        if spec.integration.towards:
            ext["euIntegrationTowards"] = [{"euName": _lang(t)} for t in spec.integration.towards]
    if info := spec.further_information:
        if info.text:
            ext["euFurtherInformation"] = _lang(info.text)
        if info.url:
            ext["euFurtherInformationUrl"] = info.url
    if spec.fields_of_education:
        ext["euFieldOfEducation"] = [f.uri for f in spec.fields_of_education]
    if spec.languages:
        ext["euLanguage"] = [lang.uri for lang in spec.languages]
    if spec.relevance:
        ext["euRelevance"] = _lang(spec.relevance.need)
        if spec.relevance.partners:
            ext["euPartner"] = list(spec.relevance.partners)
    if spec.validity_months:
        ext["euValidityMonths"] = spec.validity_months
    return ext


def to_achievement(
    spec: MicroCredentialSpec, *, achievement_id: str, creator_id: str | None = None
) -> dict[str, Any]:
    """A design as the OB 3.0 ``Achievement`` (§B.1.1) every award of it shares: the
    ``credentialSubject.achievement`` of :func:`to_ob3`, without ``@context``. With
    ``creator_id``, its ``creator`` is the awarding body's ``Profile`` under that id (the
    issuer a credential of the design names)."""
    lang = spec.primary_language
    title = spec.title.get(lang) if spec.title else "Micro-credential"
    achievement: dict[str, Any] = {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": achievement_type(spec),
        "name": title,
        "inLanguage": lang,
        "criteria": {"narrative": _criteria(spec, lang)},
    }
    if creator_id:
        achievement["creator"] = _issuer(spec, creator_id, lang)
    # OB 3.0 requires a description; a design without one gets its title.
    achievement["description"] = spec.description.get(lang) if spec.description else title
    if spec.workload and spec.workload.ects is not None:
        achievement["creditsAvailable"] = float(spec.workload.ects)
    if spec.fields_of_education:
        achievement["fieldOfStudy"] = spec.fields_of_education[0].label("en")
    if alignments := _alignments(spec):
        achievement["alignment"] = alignments
    if spec.id:
        achievement["humanCode"] = spec.id
        achievement["version"] = str(spec.version)
    if spec.grading or spec.grading_scale:
        achievement["resultDescription"] = [_result_description(spec, achievement["id"], lang)]
    achievement |= _extension(spec)
    return achievement


#: the contexts every credential starts with, as JSON text: parsed afresh for each
#: credential (a deep copy of the objects costs five times as much)
_CONTEXTS_TEXT = json.dumps(CONTEXTS)
#: a design's Achievement as JSON text, by the specification's identity and the
#: achievement's id (each entry holds its specification, so no other object can take its
#: id; specifications are frozen): every credential of a design shares it, and parsing
#: the text again costs a tenth of building it
_ACHIEVEMENTS: BoundedCache[tuple[int, str], tuple[MicroCredentialSpec, str]] = BoundedCache(256)


def _shared_achievement(spec: MicroCredentialSpec, achievement_id: str) -> dict[str, Any]:
    """:func:`to_achievement` of ``spec``, a fresh copy from the text kept for it."""
    _, text = _ACHIEVEMENTS.get_or_compute(
        (id(spec), achievement_id),
        lambda: (spec, json.dumps(to_achievement(spec, achievement_id=achievement_id))),
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def to_ob3(
    award: Award,
    *,
    issuer_id: str,
    credential_id: str | None = None,
    achievement_id: str | None = None,
    hash_identifiers: bool = True,
) -> dict[str, Any]:
    """The unsigned ``OpenBadgeCredential`` for ``award``, issued by ``issuer_id``;
    raises :class:`~microcred.standard.errors.GradeError` for a grade the design's
    grading scale does not allow."""
    refuse_grade_off_scale(award)
    spec = award.spec
    lang = spec.primary_language
    title = spec.title.get(lang) if spec.title else "Micro-credential"
    achievement = _shared_achievement(
        spec,
        achievement_id
        or (f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, issuer_id + '#' + (spec.id or title))}"),
    )

    subject: dict[str, Any] = {"type": ["AchievementSubject"], "achievement": achievement}
    if award.learner and award.learner.id:
        subject["id"] = award.learner.id
    if identities := _identity_objects(award, hash_identifiers=hash_identifiers):
        subject["identifier"] = identities
    if spec.workload and spec.workload.ects is not None:
        subject["creditsEarned"] = float(spec.workload.ects)
    if award.grade and (spec.grading or spec.grading_scale):
        subject["result"] = [
            {
                "type": ["Result"],
                "resultDescription": f"{achievement['id']}#grade",
                "value": award.grade.get(lang),
            }
        ]
    if award.grade:
        subject["euGrade"] = _lang(award.grade)

    credential: dict[str, Any] = {
        "@context": json.loads(_CONTEXTS_TEXT),
        "id": award.id or f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": title,
        "issuer": _issuer(spec, issuer_id, lang),
        "credentialSubject": subject,
        "credentialSchema": [{"id": OB3_SCHEMA, "type": "JsonSchema"}],
    }
    if award.issued_on:
        credential["validFrom"] = f"{award.issued_on.isoformat()}T00:00:00Z"
        subject["awardedDate"] = credential["validFrom"]
    if award.valid_until:
        credential["validUntil"] = f"{award.valid_until.isoformat()}T23:59:59Z"
    return credential


def _result_description(
    spec: MicroCredentialSpec, achievement_id: str, lang: str
) -> dict[str, Any]:
    """OB 3.0 §B.1.21 ResultDescription: the grading scheme; a ``grading_scale`` as
    ``allowedValue`` (lowest first, in the credential's language) and ``requiredValue``
    (the lowest passing grade)."""
    scale = spec.grading_scale
    name = spec.grading.get(lang) if spec.grading else " / ".join(g.name.get(lang) for g in scale)
    description: dict[str, Any] = {
        "id": f"{achievement_id}#grade",
        "type": ["ResultDescription"],
        "name": name,
        "resultType": "ext:Grade",
    }
    if scale:
        description["allowedValue"] = [g.name.get(lang) for g in scale]
        description["requiredValue"] = next(g.name.get(lang) for g in scale if g.passing)
    return description


def _criteria(spec: MicroCredentialSpec, lang: str) -> str:
    parts = []
    if spec.assessment:
        parts.append(", ".join(m.label(lang) for m in spec.assessment.methods) + ".")
        for text in (spec.assessment.description, spec.assessment.criteria):
            if text:
                parts.append(text.get(lang))
    if spec.learning_outcomes:
        parts.extend(f"- {o.statement.get(lang)}" for o in spec.learning_outcomes)
    return "\n".join(parts) or ("—" if lang == "pl" else "-")
