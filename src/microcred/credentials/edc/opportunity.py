"""A design as a European Learning Model (v3) ``LearningOpportunity``: what a catalogue
publishes about an offer, in the shape the EU's Qualification Dataset Register takes
(ELM "learning opportunities and qualifications"): ``to_learning_opportunity``.

The opportunity points at the design's ``Qualification`` — the very node an EDC of the
design is ``specifiedBy`` (:func:`.build.to_qualification`, one mapping) — and at the
organisation that provides it::

    {"@context": ["https://www.w3.org/2018/credentials/v1",
                  "http://data.europa.eu/snb/model/context/edc-ap"],
     "id": "https://registry.example/registry/12/elm.jsonld",
     "type": "LearningOpportunity",
     "title": {"pl": "…", "en": "…"},
     "learningAchievementSpecification": {"id": "…elm.jsonld#qualification-1",
                                          "type": "Qualification", …},
     "providedBy": {"id": "did:web:…", "type": "Organisation", …},
     "homepage": {"type": "WebResource", "contentURL": "https://registry.example/registry/12/"},
     "mode": [...], "http://data.europa.eu/snb/model/elm/defaultLanguage": {...}}

Every node id hangs off the opportunity's (:class:`.build.NodeIds`), so the same design
gives the same document on every build. The result conforms to the LearningOpportunity,
Qualification and Organisation shapes of the EDC application profile
(:func:`.shacl.validate`), the ELM shapes microcred ships.
"""

from __future__ import annotations

__all__ = ["to_learning_opportunity"]

from typing import Any

from ...standard.elements import AwardingBody, MicroCredentialSpec
from ...standard.vocab import Language
from .build import (
    _ELM,
    _LEARNING_OPPORTUNITY,
    EDC_CONTEXTS,
    NodeIds,
    _concept,
    _lang,
    _of,
    _organisation,
    _qualification,
    _web_resource,
)


def to_learning_opportunity(
    spec: MicroCredentialSpec,
    *,
    opportunity_id: str,
    provider: AwardingBody | None = None,
    provider_id: str | None = None,
    homepage: str | None = None,
) -> dict[str, Any]:
    """The ELM ``LearningOpportunity`` document (with ``@context``) of a design.

    ``provider`` is the organisation that offers it (the design's first awarding body
    when not given; ELM requires one: ``elm:providedBy`` 1..n), ``provider_id`` its id (a
    DID, for one), ``homepage`` the public page of the offer. Raises ``ValueError`` when
    neither ``provider`` nor an awarding body of the design is there.
    """
    body = provider or (spec.awarding_bodies[0] if spec.awarding_bodies else None)
    if body is None:
        raise ValueError("a learning opportunity needs the organisation that provides it")
    ids = NodeIds(opportunity_id)
    language = spec.languages[0] if spec.languages else Language.EN
    title = _lang(spec.title) or {"en": "Micro-credential"}
    opportunity: dict[str, Any] = {
        "@context": list(EDC_CONTEXTS),
        "id": opportunity_id,
        "type": "LearningOpportunity",
        "title": title,
        "dcType": _concept(_LEARNING_OPPORTUNITY, "Short learning programme"),
        "learningAchievementSpecification": _qualification(spec, ids=ids),
        "providedBy": [_organisation(body, org_id=provider_id, ids=ids)],
        # The pinned EDC context has no term for elm:defaultLanguage: its full IRI.
        _ELM + "defaultLanguage": _of(language),
    }
    if spec.description:
        opportunity["description"] = _lang(spec.description)
    if homepage:
        opportunity["homepage"] = [_web_resource(homepage, ids)]
    if spec.form_of_participation:
        opportunity["mode"] = [_of(spec.form_of_participation)]
    return opportunity
