"""Award → European Digital Credential (European Learning Model v3): ``to_edc``.

The same specification + award as the Open Badges path, as the EDC application profile
shapes it (``credentialSubject`` a Person whose ``hasClaim`` is a LearningAchievement
``specifiedBy`` a Qualification with the learning outcomes, credits, levels, mode and
entry requirements; ``provenBy`` a LearningAssessment with the grade — "passed" when the
award states none, as ELM requires one — and the supervision and identity check;
``awardedBy`` the awarding body). Every concept carries its scheme (``inScheme``) and
labels, as the EDC controlled-vocabulary shapes require; microcred's
own concepts are written as the Europass concept they ``match`` where there is one.
:func:`microcred.credentials.edc.shacl.validate` checks the result against the EU's
shapes.
"""

from __future__ import annotations

__all__ = ["EDC_CONTEXTS", "NodeIds", "to_edc", "to_qualification"]

import base64
import datetime as dt
import io
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

import png

from ...standard.elements import Award, AwardingBody, LocalizedText, MicroCredentialSpec
from ...standard.vocab import Concept, EqfLevel, Framework, Language
from .._awards import refuse_grade_off_scale
from .read import EdcError

EDC_CONTEXTS = [
    "https://www.w3.org/2018/credentials/v1",
    "http://data.europa.eu/snb/model/context/edc-ap",
]
_SNB = "http://data.europa.eu/snb/"
_ELM = _SNB + "model/elm/"
_ECTS = _SNB + "education-credit/6fcec5c5af"
_GENERIC_PROFILE = _SNB + "credential/e34929035b"
_LEARNING_OPPORTUNITY = _SNB + "learning-opportunity/74a4a268e8"  # short learning programme
_NON_FORMAL = _SNB + "learning-setting/e207a81fc7"
_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
_BASE64 = _SNB + "encoding/6146cde7dd"


def _urn(kind: str) -> str:
    return f"urn:epass:{kind}:{uuid.uuid4()}"


class NodeIds:
    """The ids of a published document's nodes: ``BASE#kind-N`` (``…#learningOutcome-2``),
    the same on every build of the same design, so that a register harvesting the
    document again (the EU's Qualification Dataset Register keys entities by id) finds
    the same entities instead of new ones. A credential's nodes get random URNs. A base
    that already has a fragment gets ``-kind-N`` added to it (an IRI has one ``#``)."""

    def __init__(self, base: str) -> None:
        self._base = base + ("-" if "#" in base else "#")
        self._count: Counter[str] = Counter()

    def __call__(self, kind: str) -> str:
        self._count[kind] += 1
        return f"{self._base}{kind}-{self._count[kind]}"


Ids = Callable[[str], str]


def _web_resource(url: str, ids: Ids = _urn) -> dict[str, Any]:
    """An ELM WebResource pointing at ``url``."""
    return {"id": ids("webResource"), "type": "WebResource", "contentURL": url}


def _lang(text: LocalizedText | None) -> dict[str, str] | None:
    return {str(k): v for k, v in text.items()} if text else None


def _scheme_of(uri: str) -> str:
    """The Europass concept scheme a concept URI belongs to (``…/snb/<table>/25831c2``)."""
    if uri.startswith("http://data.europa.eu/esco/skill/"):
        return "http://data.europa.eu/esco/concept-scheme/skills"
    if uri.startswith(_SNB):
        table = uri[len(_SNB) :].split("/", 1)[0]
        return f"{_SNB}{table}/25831c2"
    return uri.rsplit("/", 1)[0]


def _concept(uri: str, en: str, pl: str | None = None) -> dict[str, Any]:
    labels = {"en": en} | ({"pl": pl} if pl else {})
    return {
        "id": uri,
        "type": "Concept",
        "inScheme": {"id": _scheme_of(uri), "type": "ConceptScheme"},
        "prefLabel": labels,
    }


def _of(concept: Concept) -> dict[str, Any]:
    """A vocabulary member as a Europass concept (its own URI, or the one it matches)."""
    uri = (
        concept.uri
        if concept.uri.startswith(("http://data.europa.eu/", "http://publications"))
        else (concept.match or concept.uri)
    )
    return _concept(uri, concept.label("en"), concept.label("pl"))


def _note(text: LocalizedText, ids: Ids = _urn) -> dict[str, Any]:
    return {"id": ids("note"), "type": "Note", "noteLiteral": _lang(text)}


_PASSED = {"pl": "zaliczone", "en": "passed"}


def _passed(languages: dict[str, str]) -> dict[str, Any]:
    """The grade of an award that states none: ELM requires a grade on every assessment
    (``elm:grade`` 1..1 in the shapes), and a credential is awarded on a passed one."""
    literal = {lang: word for lang, word in _PASSED.items() if lang in languages}
    return {"id": _urn("note"), "type": "Note", "noteLiteral": literal or {"en": "passed"}}


def _organisation(
    body: AwardingBody, *, org_id: str | None = None, ids: Ids = _urn
) -> dict[str, Any]:
    identifier = body.legal_identifier
    country = _of(body.country)
    organisation: dict[str, Any] = {
        "id": org_id or ids("org"),
        "type": "Organisation",
        "legalName": _lang(body.name),
        "location": {
            "id": ids("location"),
            "type": "Location",
            "address": {"id": ids("address"), "type": "Address", "countryCode": country},
        },
        # The shapes require elm:eidasLegalIdentifier; the pinned EDC context has no term
        # for it, so the property is written as its full IRI.
        _ELM + "eidasLegalIdentifier": {
            "id": ids("legalIdentifier"),
            "type": "LegalIdentifier",
            "notation": identifier.value if identifier else (body.id or body.name.get("en")),
            "spatial": country,
        },
    }
    if body.url:
        organisation["homepage"] = _web_resource(body.url, ids)
    return organisation


def _accreditation(spec: Any, body: AwardingBody, ids: Ids = _urn) -> dict[str, Any] | None:
    """Annex I "type of quality assurance" as an ELM Accreditation: the external quality
    assurance types that match a Europass accreditation type, by the named QA body.

    The design names the QA body but not its register or seat; it is written with the
    awarding body's country (QA bodies are national) and its name as identifier.
    Internal quality assurance is no accreditation and has no place in ELM.
    """
    qa = spec.quality_assurance
    if qa is None:
        return None
    external = [t for t in qa.types if t.external and t.match]
    if not external:
        return None
    name = qa.body or LocalizedText.model_validate({"en": "External quality assurance body"})
    agent = AwardingBody(name=name, country=body.country)
    accreditation: dict[str, Any] = {
        "id": ids("accreditation"),
        "type": "Accreditation",
        "dcType": _of(external[0]),
        "title": _lang(qa.description) or _lang(name),
        "accreditingAgent": _organisation(agent, ids=ids),
        "organisation": _organisation(body, ids=ids),
    }
    if qa.url:
        accreditation["report"] = _web_resource(qa.url, ids)
    return accreditation


def _display_image() -> dict[str, Any]:
    """A small PNG for the EDC viewer's display page (EDC requires one); the printable
    certificate is the PDF (:mod:`microcred.credentials.render`)."""
    out = io.BytesIO()
    png.Writer(8, 8, greyscale=False).write(out, [[0x1A, 0x5F, 0xB4] * 8] * 8)
    return {
        "id": _urn("mediaObject"),
        "type": "MediaObject",
        "content": base64.b64encode(out.getvalue()).decode("ascii"),
        "contentEncoding": _concept(_BASE64, "base64"),
        "contentType": _concept(_FILE_TYPE + "PNG", "PNG"),
    }


def to_qualification(spec: MicroCredentialSpec, *, qualification_id: str) -> dict[str, Any]:
    """A design as the ELM ``Qualification`` its credentials are ``specifiedBy`` (the
    same node :func:`to_edc` writes, without ``@context``): titles, outcomes with their
    ESCO skills, ECTS credit points, EQF and PRK levels, mode, entry requirements, fields
    of education and the external quality assurance as an ``Accreditation``. Its nodes'
    ids hang off ``qualification_id`` (:class:`NodeIds`), the same on every call."""
    return _qualification(spec, ids=NodeIds(qualification_id), qualification_id=qualification_id)


def _qualification(
    spec: MicroCredentialSpec, *, ids: Ids, qualification_id: str | None = None
) -> dict[str, Any]:
    qualification: dict[str, Any] = {
        "id": qualification_id or ids("qualification"),
        "type": "Qualification",
        "title": _lang(spec.title) or {"en": "Micro-credential"},
        "dcType": _concept(_LEARNING_OPPORTUNITY, "Short learning programme"),
        "learningSetting": _concept(_NON_FORMAL, "non-formal learning"),
        "language": [_of(lang) for lang in spec.languages] or [_of(Language.EN)],
        "learningOutcome": [
            {
                "id": ids("learningOutcome"),
                "type": "LearningOutcome",
                "title": _lang(o.statement),
                **(
                    {"relatedESCOSkill": [_concept(s, "ESCO skill") for s in o.esco_skills]}
                    if o.esco_skills
                    else {}
                ),
            }
            for o in spec.learning_outcomes
        ],
    }
    if spec.description:
        qualification["description"] = _lang(spec.description)
    if spec.workload:
        if spec.workload.ects is not None:
            qualification["creditPoint"] = [
                {
                    "id": ids("creditPoint"),
                    "type": "CreditPoint",
                    "framework": _concept(_ECTS, "European Credit Transfer System"),
                    "point": format(spec.workload.ects.normalize(), "f"),
                }
            ]
        if spec.workload.hours is not None:
            qualification["volumeOfLearning"] = f"PT{format(spec.workload.hours.normalize(), 'f')}H"
    for level in spec.levels:
        concept = level.concept
        if level.framework is Framework.EQF and isinstance(concept, EqfLevel):
            qualification["eqfLevel"] = _concept(
                concept.uri, f"Level {concept.value}", concept.label("pl")
            )
        elif level.framework is Framework.PRK and concept is not None:
            qualification["nqfLevel"] = [
                _concept(concept.uri, concept.label("en"), concept.label("pl"))
            ]
    if spec.form_of_participation:
        qualification["mode"] = [_of(spec.form_of_participation)]
    if spec.prerequisites:
        qualification["entryRequirement"] = _note(spec.prerequisites, ids)
    if spec.fields_of_education:
        qualification["thematicArea"] = [_of(f) for f in spec.fields_of_education]
    if spec.integration:
        qualification["isPartialQualification"] = spec.integration.option.value != "stand-alone"
    if spec.awarding_bodies and (
        accreditation := _accreditation(spec, spec.awarding_bodies[0], ids)
    ):
        qualification["accreditation"] = [accreditation]

    return qualification


def to_edc(
    award: Award, *, issuer_id: str | None = None, credential_id: str | None = None
) -> dict[str, Any]:
    """The unsigned European Digital Credential for ``award``; raises
    :class:`~microcred.standard.errors.GradeError` for a grade the design's grading
    scale does not allow."""
    refuse_grade_off_scale(award)
    spec = award.spec
    if award.learner is None or award.issued_on is None or not spec.awarding_bodies:
        raise EdcError("an EDC needs a learner, a date of issue and an awarding body")
    language = spec.languages[0] if spec.languages else Language.EN
    primary = _of(language)
    issued = dt.datetime.combine(award.issued_on, dt.time(), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = spec.awarding_bodies[0]
    issuer = _organisation(body, org_id=issuer_id)
    awarding = {
        "id": _urn("awardingProcess"),
        "type": "AwardingProcess",
        "awardingBody": [_organisation(b) for b in spec.awarding_bodies],
    }
    qualification = _qualification(spec, ids=_urn)
    title = qualification["title"]  # the design's, as the qualification names it

    achievement: dict[str, Any] = {
        "id": _urn("learningAchievement"),
        "type": "LearningAchievement",
        "title": title,
        "awardedBy": awarding,
        "specifiedBy": qualification,
    }
    if spec.assessment:
        assessed = _lang(spec.assessment.description) or title
        assessment: dict[str, Any] = {
            "id": _urn("learningAssessment"),
            "type": "LearningAssessment",
            "title": assessed,
            "awardedBy": awarding,
            "specifiedBy": {
                "id": _urn("learningAssessmentSpec"),
                "type": "LearningAssessmentSpecification",
                "title": assessed,
                # one type allowed by the shapes: the first method; all are in the title
                "dcType": _of(spec.assessment.methods[0]),
            },
        }
        assessment["grade"] = _note(award.grade) if award.grade else _passed(title)
        if spec.supervision:
            assessment["idVerification"] = _of(spec.supervision)
        achievement["provenBy"] = [assessment]

    learner = award.learner
    person: dict[str, Any] = {
        "id": learner.id or _urn("person"),
        "type": "Person",
        "fullName": {str(language): learner.full_name},
        "givenName": {str(language): learner.given_name},
        "familyName": {str(language): learner.family_name},
        "hasClaim": [achievement],
    }
    if learner.date_of_birth:
        person["dateOfBirth"] = f"{learner.date_of_birth.isoformat()}T00:00:00Z"
    if learner.email:
        person["contactPoint"] = [
            {
                "id": _urn("contactPoint"),
                "type": "ContactPoint",
                "emailAddress": [{"id": f"mailto:{learner.email}", "type": "Mailbox"}],
            }
        ]
    if learner.national_id:
        person["nationalID"] = {
            "id": _urn("legalIdentifier"),
            "type": "LegalIdentifier",
            "notation": learner.national_id.value,
            "spatial": _of(learner.national_id.country),
        }

    credential: dict[str, Any] = {
        "@context": list(EDC_CONTEXTS),
        "id": credential_id or award.id or f"urn:credential:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "credentialProfiles": [_concept(_GENERIC_PROFILE, "Generic")],
        "credentialSchema": [
            {
                "id": "http://data.europa.eu/snb/model/ap/edc-generic-full",
                "type": "ShaclValidator2017",
            }
        ],
        "issuer": issuer,
        "issued": issued,
        "issuanceDate": issued,
        "validFrom": issued,
        "credentialSubject": person,
        "displayParameter": {
            "id": _urn("displayParameter"),
            "type": "DisplayParameter",
            "title": title,
            "language": [primary],
            "primaryLanguage": primary,
            "individualDisplay": [
                {
                    "id": _urn("individualDisplay"),
                    "type": "IndividualDisplay",
                    "language": primary,
                    "displayDetail": [
                        {
                            "id": _urn("displayDetail"),
                            "type": "DisplayDetail",
                            "image": _display_image(),
                            "page": 1,
                        }
                    ],
                }
            ],
        },
    }
    if award.valid_until:
        credential["validUntil"] = f"{award.valid_until.isoformat()}T23:59:59Z"
        credential["expirationDate"] = credential["validUntil"]
    return credential
