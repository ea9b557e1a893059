"""Specification + award ⇄ Open Badges 3.0 ``OpenBadgeCredential`` (a VC Data Model 2.0
credential). The table of which element goes where, and why, is ``docs/ob3-mapping.md``.

``to_ob3(award, issuer_id=...)`` builds the unsigned credential: every Annex I element on
a native OB 3.0 field where one exists (``achievementType: MicroCredential``,
``creditsAvailable``, ``alignment`` to ESCO and EQF, issuer ``address``, ``criteria``,
``resultDescription``/``result``, learner ``identifier``...) and the rest, with the
multilingual texts, under the ``eu*`` terms of microcred's pinned extension context
``https://w3id.org/microcred/ns/eu/v1``.

``from_ob3(credential)`` reads any OB 3.0 credential back into an
:class:`~microcred.standard.elements.Award`: exactly for credentials with the extension,
and from the native fields alone for anyone else's, so that the compliance check can say
which EU elements a stranger's credential carries. It raises :class:`Ob3Error` on what is
not an OB 3.0 credential at all.
"""

from __future__ import annotations

__all__ = ["CONTEXTS", "EU_CONTEXT", "OB3_CONTEXT", "Ob3Error", "from_ob3", "to_ob3"]

import contextlib
import hashlib
import secrets
import uuid
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from ...standard.elements import Award, AwardingBody, LocalizedText, MicroCredentialSpec
from ...standard.errors import MicrocredError
from ...standard.vocab import (
    AssessmentMethod,
    Country,
    EqfLevel,
    FormOfParticipation,
    Framework,
    IdentityAttribute,
    IntegrationOption,
    IscedField,
    Language,
    LegalIdentifierScheme,
    PrkLevel,
    QfEheaCycle,
    QualityAssuranceType,
    SupervisionLevel,
)
from ..errors import CredentialError

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
EU_CONTEXT = "https://w3id.org/microcred/ns/eu/v1"
CONTEXTS = [VC_CONTEXT, OB3_CONTEXT, EU_CONTEXT]
OB3_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)

_LEVEL_VOCABS = {Framework.EQF: EqfLevel, Framework.PRK: PrkLevel, Framework.QF_EHEA: QfEheaCycle}
# OB 3.0 IdentityObject.identityType for each identity attribute ("ext:" = extension)
_IDENTITY_TYPES = {
    IdentityAttribute.FULL_NAME: "name",
    IdentityAttribute.EMAIL: "emailAddress",
    IdentityAttribute.NATIONAL_ID: "nationalIdentityNumber",
    IdentityAttribute.STUDENT_ID: "sisSourcedId",
    IdentityAttribute.DATE_OF_BIRTH: "ext:dateOfBirth",
    IdentityAttribute.IDENTIFIER: "identifier",
}
# spec field -> extension term, for the language-map texts
_TEXTS = {
    "title": "euTitle",
    "description": "euDescription",
    "prerequisites": "euPrerequisites",
    "grading": "euGrading",
    "target_group": "euTargetGroup",
    "learner_feedback": "euLearnerFeedback",
    "recognition": "euRecognition",
    "validation_of_prior_learning": "euValidationOfPriorLearning",
    "guidance": "euGuidance",
}


class Ob3Error(CredentialError):
    """The document is not an Open Badges 3.0 credential this module can read."""

    code = "not_ob3"
    description = "not an Open Badges 3.0 credential"


# --- to_ob3 --------------------------------------------------------------------------------
def _lang(text: LocalizedText | None) -> dict[str, str] | None:
    return {str(lang): value for lang, value in text.items()} if text else None


def _primary_language(spec: MicroCredentialSpec) -> str:
    if spec.languages:
        return str(spec.languages[0])
    return str(spec.title.languages[0]) if spec.title else "en"


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
            "identityType": _IDENTITY_TYPES[attribute],
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
    for field, term in _TEXTS.items():
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


def to_ob3(
    award: Award,
    *,
    issuer_id: str,
    credential_id: str | None = None,
    achievement_id: str | None = None,
    hash_identifiers: bool = True,
) -> dict[str, Any]:
    """The unsigned ``OpenBadgeCredential`` for ``award``, issued by ``issuer_id``."""
    spec = award.spec
    lang = _primary_language(spec)
    title = spec.title.get(lang) if spec.title else "Micro-credential"
    achievement: dict[str, Any] = {
        "id": achievement_id
        or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, issuer_id + '#' + (spec.id or title))}",
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": title,
        "inLanguage": lang,
        "criteria": {"narrative": _criteria(spec, lang)},
    }
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
    if spec.grading:
        achievement["resultDescription"] = [
            {
                "id": f"{achievement['id']}#grade",
                "type": ["ResultDescription"],
                "name": spec.grading.get(lang),
                "resultType": "ext:Grade",
            }
        ]
    achievement |= _extension(spec)

    subject: dict[str, Any] = {"type": ["AchievementSubject"], "achievement": achievement}
    if award.learner and award.learner.id:
        subject["id"] = award.learner.id
    if identities := _identity_objects(award, hash_identifiers=hash_identifiers):
        subject["identifier"] = identities
    if spec.workload and spec.workload.ects is not None:
        subject["creditsEarned"] = float(spec.workload.ects)
    if award.grade and spec.grading:
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
        "@context": list(CONTEXTS),
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


# --- from_ob3 ------------------------------------------------------------------------------
def _types(node: Any) -> list[str]:
    value = node.get("type", []) if isinstance(node, dict) else []
    if isinstance(value, str):
        return [value]
    return [t for t in value if isinstance(t, str)] if isinstance(value, list) else []


def _text(value: Any, fallback_lang: str) -> dict[str, str] | None:
    if isinstance(value, dict):
        return {
            k: v
            for k, v in value.items()
            if Language.has_key(k) and isinstance(v, str) and v.strip()
        } or None
    if isinstance(value, str) and value.strip():
        return {fallback_lang: value}
    return None


def _concepts(values: Any, vocab: Any) -> list[Any]:
    out = []
    for value in values if isinstance(values, list) else [values]:
        if isinstance(value, str):
            with contextlib.suppress(MicrocredError):
                out.append(vocab.from_uri(value))
    return out


def _level_from_uri(uri: str) -> dict[str, str] | None:
    for framework, vocab in _LEVEL_VOCABS.items():
        found = _concepts(uri, vocab)
        if found:
            return {"framework": str(framework), "value": str(found[0].value)}
    return None


def from_ob3(credential: Any) -> Award:
    """The award (and its specification) an OB 3.0 credential carries."""
    if not isinstance(credential, dict) or (
        "OpenBadgeCredential" not in _types(credential)
        and ("AchievementCredential" not in _types(credential))
    ):
        raise Ob3Error("the document's type is not OpenBadgeCredential")
    subject = credential.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    if not isinstance(subject, dict) or not isinstance(subject.get("achievement"), dict):
        raise Ob3Error("credentialSubject.achievement is missing")
    achievement = subject["achievement"]
    lang = (
        achievement.get("inLanguage") if Language.has_key(achievement.get("inLanguage")) else "en"
    )
    spec: dict[str, Any] = {}

    spec["title"] = _text(achievement.get("euTitle"), lang) or _text(achievement.get("name"), lang)
    ours = "euTitle" in achievement  # microcred's extension: native texts are derived
    spec["description"] = _text(achievement.get("euDescription"), lang) or (
        None if ours else _text(achievement.get("description"), lang)
    )
    for field, term in _TEXTS.items():
        if field not in ("title", "description") and (value := _text(achievement.get(term), lang)):
            spec[field] = value
    if isinstance(achievement.get("euSpecification"), str):
        spec["id"] = achievement["euSpecification"]

    issuer = credential.get("issuer")
    if isinstance(issuer, dict):
        profiles = [
            issuer,
            *[p for p in _list(issuer.get("euAwardingBody")) if isinstance(p, dict)],
        ]
        bodies = [_awarding_body(p, lang) for p in profiles]
        spec["awarding_bodies"] = [b for b in bodies if b]

    spec["learner_identification"] = [str(a) for a in _concepts(
        achievement.get("euLearnerIdentification", []), IdentityAttribute)]  # fmt: skip
    spec["learning_outcomes"] = [
        o
        for o in (_outcome(item, lang) for item in _list(achievement.get("euLearningOutcome")))
        if o
    ]
    spec["workload"] = _workload(achievement, lang)
    spec["levels"] = _levels(achievement)
    methods = [
        str(m) for m in _concepts(achievement.get("euAssessmentMethod", []), AssessmentMethod)
    ]
    if methods:
        spec["assessment"] = {
            "methods": methods,
            "description": _text(achievement.get("euAssessmentDescription"), lang),
            "criteria": _text(achievement.get("euAssessmentCriteria"), lang),
        }
    if form := _concepts(achievement.get("euFormOfParticipation"), FormOfParticipation):
        spec["form_of_participation"] = str(form[0])
    if qa := _concepts(achievement.get("euQualityAssurance", []), QualityAssuranceType):
        qa_url = achievement.get("euQualityAssuranceUrl")
        spec["quality_assurance"] = {
            "types": [str(t) for t in qa],
            "body": _text(achievement.get("euQualityAssuranceBody"), lang),
            "description": _text(achievement.get("euQualityAssuranceDescription"), lang),
            "url": qa_url if isinstance(qa_url, str) else None,
        }
    if supervision := _concepts(achievement.get("euSupervision"), SupervisionLevel):
        spec["supervision"] = str(supervision[0])
    if option := _concepts(achievement.get("euIntegration"), IntegrationOption):
        items = [t for t in _list(achievement.get("euIntegrationTowards")) if isinstance(t, dict)]
        towards = [_text(t.get("euName"), lang) for t in items]
        spec["integration"] = {"option": str(option[0]), "towards": [t for t in towards if t]}
    info_text = _text(achievement.get("euFurtherInformation"), lang)
    info_url = achievement.get("euFurtherInformationUrl")
    if info_text or isinstance(info_url, str):
        spec["further_information"] = {
            "text": info_text,
            "url": info_url if isinstance(info_url, str) else None,
        }
    spec["fields_of_education"] = [
        str(f) for f in _concepts(achievement.get("euFieldOfEducation", []), IscedField)
    ]
    spec["languages"] = [str(x) for x in _concepts(achievement.get("euLanguage", []), Language)]
    if relevance := _text(achievement.get("euRelevance"), lang):
        partners = [p for p in _list(achievement.get("euPartner")) if isinstance(p, str)]
        spec["relevance"] = {"need": relevance, "partners": partners}
    if isinstance(achievement.get("euValidityMonths"), int):
        spec["validity_months"] = achievement["euValidityMonths"]

    award: dict[str, Any] = {"spec": _clean(spec)}
    if isinstance(credential.get("id"), str):
        award["id"] = credential["id"]
    award["learner"] = _learner(subject)
    award["issued_on"] = _date(credential.get("validFrom") or credential.get("issuanceDate")
                               or subject.get("awardedDate"))  # fmt: skip
    award["valid_until"] = _date(credential.get("validUntil") or credential.get("expirationDate"))
    award["grade"] = _text(subject.get("euGrade"), lang) or _grade(subject, lang)
    try:
        return Award.model_validate(_clean(award))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise Ob3Error(f"cannot read the EU elements: {where}: {first['msg']}") from None


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _awarding_body(issuer: dict[str, Any], lang: str) -> dict[str, Any] | None:
    name = _text(issuer.get("euName"), lang) or _text(issuer.get("name"), lang)
    address: dict[str, Any] = issuer["address"] if isinstance(issuer.get("address"), dict) else {}
    code = address.get("addressCountryCode")
    country = None
    if isinstance(code, str) and Country.has_key(code.upper()):
        country = code.upper()
    if not name or not country:
        return None
    body: dict[str, Any] = {"name": name, "country": country}
    if isinstance(address.get("addressRegion"), str):
        body["region"] = address["addressRegion"]
    if isinstance(issuer.get("url"), str) and issuer["url"].startswith(("https://", "http://")):
        body["url"] = issuer["url"]
    for entry in _list(issuer.get("otherIdentifier")):
        if isinstance(entry, dict) and isinstance(entry.get("identifier"), str):
            kind = str(entry.get("identifierType", "")).removeprefix("ext:")
            scheme = kind if LegalIdentifierScheme.has_key(kind) else "other"
            body["legal_identifier"] = {"scheme": scheme, "value": entry["identifier"]}
            break
    registries = []
    for entry in _list(issuer.get("euRegistry")):
        if isinstance(entry, dict) and isinstance(entry.get("euRegistryName"), str):
            registry = {"name": entry["euRegistryName"]}
            for key, field in (("euRegistryId", "id"), ("euRegistryUrl", "url")):
                if isinstance(entry.get(key), str):
                    registry[field] = entry[key]
            registries.append(registry)
    if registries:
        body["registries"] = registries
    return body


def _outcome(item: Any, lang: str) -> dict[str, Any] | None:
    if not isinstance(item, dict):
        return None
    statement = _text(item.get("euStatement"), lang)
    if not statement:
        return None
    outcome: dict[str, Any] = {"statement": statement}
    skills = [s for s in _list(item.get("euEscoSkill")) if isinstance(s, str)]
    if skills:
        outcome["esco_skills"] = skills
    return outcome


def _workload(achievement: dict[str, Any], lang: str) -> dict[str, Any] | None:
    workload: dict[str, Any] = {}
    ects = achievement.get("euWorkloadEcts", achievement.get("creditsAvailable"))
    if isinstance(ects, int | float | str) and not isinstance(ects, bool):
        with contextlib.suppress(ArithmeticError):
            workload["ects"] = Decimal(str(ects)).quantize(Decimal("0.01")).normalize()
    hours = achievement.get("euWorkloadHours")
    if isinstance(hours, int | float | str) and not isinstance(hours, bool):
        with contextlib.suppress(ArithmeticError):
            workload["hours"] = Decimal(str(hours)).normalize()
    if description := _text(achievement.get("euWorkloadDescription"), lang):
        workload["description"] = description
    return workload or None


def _levels(achievement: dict[str, Any]) -> list[dict[str, str]]:
    uris = [u for u in _list(achievement.get("euLevel")) if isinstance(u, str)]
    for alignment in _list(achievement.get("alignment")):
        if isinstance(alignment, dict) and isinstance(alignment.get("targetUrl"), str):
            uris.append(alignment["targetUrl"])
    levels, seen = [], set()
    for uri in uris:
        level = _level_from_uri(uri)
        if level and uri not in seen:
            seen.add(uri)
            levels.append(level)
    levels += [
        {"value": str(v)} for v in _list(achievement.get("euLevelText")) if isinstance(v, str | int)
    ]
    return levels


def _learner(subject: dict[str, Any]) -> dict[str, Any] | None:
    name = None
    for identity in _list(subject.get("identifier")):
        if (
            isinstance(identity, dict)
            and identity.get("identityType") == "name"
            and not identity.get("hashed")
        ):
            name = identity.get("identityHash")
    if not isinstance(name, str) or not name.strip():
        return None
    given, _, family = name.strip().rpartition(" ")
    learner: dict[str, Any] = {"given_name": given or family, "family_name": family}
    if isinstance(subject.get("id"), str):
        learner["id"] = subject["id"]
    kinds = {v: k for k, v in _IDENTITY_TYPES.items()}
    hashed = []
    for identity in _list(subject.get("identifier")):
        if not isinstance(identity, dict):
            continue
        value = identity.get("identityHash")
        kind = identity.get("identityType")
        if not isinstance(kind, str) or not isinstance(value, str):
            continue
        if identity.get("hashed"):
            if kind in kinds and kinds[kind] is not IdentityAttribute.FULL_NAME:
                hashed.append(str(kinds[kind]))
            continue
        if kind == "emailAddress":
            learner["email"] = value
        elif kind == "sisSourcedId":
            learner["student_id"] = value
        elif kind == "ext:dateOfBirth":
            learner["date_of_birth"] = value
    if hashed:
        learner["hashed"] = sorted(set(hashed))
    return learner


def _date(value: Any) -> str | None:
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def _grade(subject: dict[str, Any], lang: str) -> dict[str, str] | None:
    for result in _list(subject.get("result")):
        if isinstance(result, dict) and isinstance(result.get("value"), str):
            return {lang: result["value"]}
    return None
