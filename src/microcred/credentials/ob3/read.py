"""Any Open Badges 3.0 credential → award: ``from_ob3``. Exact for credentials with
microcred's ``eu*`` extension terms, and from the native OB 3.0 fields alone for anyone
else's, so that the compliance check can say which EU elements a stranger's credential
carries. Raises :class:`Ob3Error` on what is not an OB 3.0 credential at all.
"""

from __future__ import annotations

__all__ = ["from_ob3"]

import contextlib
import json
from decimal import Decimal
from typing import Any

from ...standard.caching import BoundedCache
from ...standard.elements import Award, MicroCredentialSpec
from ...standard.errors import MicrocredError
from ...standard.vocab import (
    AssessmentMethod,
    Country,
    FormOfParticipation,
    IdentityAttribute,
    IntegrationOption,
    IscedField,
    Language,
    LegalIdentifierScheme,
    QualityAssuranceType,
    SupervisionLevel,
)
from .._awards import validated_award, validated_spec
from .._json import as_list, types_of
from ._common import IDENTITY_TYPES, LEVEL_VOCABS, TEXTS, Ob3Error, has_eu_terms


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
    for framework, vocab in LEVEL_VOCABS.items():
        found = _concepts(uri, vocab)
        if found:
            return {"framework": str(framework), "value": str(found[0].value)}
    return None


def _without_eu_members(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_eu_members(item) for item in node]
    if isinstance(node, dict):
        return {
            key: _without_eu_members(value)
            for key, value in node.items()
            if not (key.startswith("eu") and key[2:3].isupper())
        }
    return node


def from_ob3(credential: Any) -> Award:
    """The award (and its specification) an OB 3.0 credential carries."""
    if not isinstance(credential, dict) or (
        "OpenBadgeCredential" not in types_of(credential)
        and ("AchievementCredential" not in types_of(credential))
    ):
        raise Ob3Error("the document's type is not OpenBadgeCredential")
    if not has_eu_terms(credential.get("@context")):
        # eu* members under someone else's definitions mean what that context says,
        # not what microcred's terms mean: only the native OB 3.0 fields are read.
        credential = _without_eu_members(credential)
    subject = credential.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    if not isinstance(subject, dict) or not isinstance(subject.get("achievement"), dict):
        raise Ob3Error("credentialSubject.achievement is missing")
    achievement = subject["achievement"]
    lang = _language(achievement)
    issuer = credential.get("issuer")
    # repr: a caller may hand in values JSON has no form for (a Decimal); they still key
    key = json.dumps([achievement, issuer], sort_keys=True, separators=(",", ":"), default=repr)
    award: dict[str, Any] = {"spec": _SPECS.get_or_compute(key, lambda: _spec(achievement, issuer))}
    if isinstance(credential.get("id"), str):
        award["id"] = credential["id"]
    award["learner"] = _learner(subject)
    award["issued_on"] = _date(credential.get("validFrom") or credential.get("issuanceDate")
                               or subject.get("awardedDate"))  # fmt: skip
    award["valid_until"] = _date(credential.get("validUntil") or credential.get("expirationDate"))
    award["grade"] = _text(subject.get("euGrade"), lang) or _grade(subject, lang)
    return validated_award(award, Ob3Error)


#: the specification read from each achievement (with its issuer) lately seen, by their
#: JSON: every credential of one design carries the same, and reading and validating it
#: is most of ``from_ob3`` (0.3 ms). Specifications are frozen models, shared by awards.
_SPECS: BoundedCache[str, MicroCredentialSpec] = BoundedCache(256)


def _language(achievement: dict[str, Any]) -> str:
    """The language of the achievement's plain texts (``inLanguage``; English if none)."""
    stated = achievement.get("inLanguage")
    return stated if isinstance(stated, str) and Language.has_key(stated) else "en"


def _spec(achievement: dict[str, Any], issuer: Any) -> MicroCredentialSpec:
    """The micro-credential specification an achievement and its issuer describe."""
    lang = _language(achievement)
    spec: dict[str, Any] = {}

    spec["title"] = _text(achievement.get("euTitle"), lang) or _text(achievement.get("name"), lang)
    ours = "euTitle" in achievement  # microcred's extension: native texts are derived
    spec["description"] = _text(achievement.get("euDescription"), lang) or (
        None if ours else _text(achievement.get("description"), lang)
    )
    for field, term in TEXTS.items():
        if field not in ("title", "description") and (value := _text(achievement.get(term), lang)):
            spec[field] = value
    if isinstance(achievement.get("euSpecification"), str):
        spec["id"] = achievement["euSpecification"]

    if isinstance(issuer, dict):
        profiles = [
            issuer,
            *[p for p in as_list(issuer.get("euAwardingBody")) if isinstance(p, dict)],
        ]
        bodies = [_awarding_body(p, lang) for p in profiles]
        spec["awarding_bodies"] = [b for b in bodies if b]

    spec["learner_identification"] = [str(a) for a in _concepts(
        achievement.get("euLearnerIdentification", []), IdentityAttribute)]  # fmt: skip
    spec["learning_outcomes"] = [
        o
        for o in (_outcome(item, lang) for item in as_list(achievement.get("euLearningOutcome")))
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
        items = [t for t in as_list(achievement.get("euIntegrationTowards")) if isinstance(t, dict)]
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
        partners = [p for p in as_list(achievement.get("euPartner")) if isinstance(p, str)]
        spec["relevance"] = {"need": relevance, "partners": partners}
    if isinstance(achievement.get("euValidityMonths"), int):
        spec["validity_months"] = achievement["euValidityMonths"]

    return validated_spec(spec, Ob3Error)


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
    for entry in as_list(issuer.get("otherIdentifier")):
        if isinstance(entry, dict) and isinstance(entry.get("identifier"), str):
            kind = str(entry.get("identifierType", "")).removeprefix("ext:")
            scheme = kind if LegalIdentifierScheme.has_key(kind) else "other"
            body["legal_identifier"] = {"scheme": scheme, "value": entry["identifier"]}
            break
    registries = []
    for entry in as_list(issuer.get("euRegistry")):
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
    skills = [s for s in as_list(item.get("euEscoSkill")) if isinstance(s, str)]
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
    uris = [u for u in as_list(achievement.get("euLevel")) if isinstance(u, str)]
    for alignment in as_list(achievement.get("alignment")):
        if isinstance(alignment, dict) and isinstance(alignment.get("targetUrl"), str):
            uris.append(alignment["targetUrl"])
    levels, seen = [], set()
    for uri in uris:
        level = _level_from_uri(uri)
        if level and uri not in seen:
            seen.add(uri)
            levels.append(level)
    levels += [
        {"value": str(v)}
        for v in as_list(achievement.get("euLevelText"))
        if isinstance(v, str | int)
    ]
    return levels


def _learner(subject: dict[str, Any]) -> dict[str, Any] | None:
    name = None
    for identity in as_list(subject.get("identifier")):
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
    kinds = {v: k for k, v in IDENTITY_TYPES.items()}
    hashed = []
    for identity in as_list(subject.get("identifier")):
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
    for result in as_list(subject.get("result")):
        if isinstance(result, dict) and isinstance(result.get("value"), str):
            return {lang: result["value"]}
    return None
