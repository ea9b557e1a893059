"""Europass European Digital Credentials (European Learning Model v3): ``to_edc`` /
``from_edc``; a design as the ELM ``Qualification`` and ``LearningOpportunity`` a
catalogue publishes (``to_qualification``, ``to_learning_opportunity``); SHACL validation
against the EU's shapes (:mod:`.shacl`)."""

from .build import EDC_CONTEXTS, to_edc, to_qualification
from .opportunity import to_learning_opportunity
from .read import EdcError, from_edc

__all__ = ["EDC_CONTEXTS", "EdcError", "from_edc", "to_edc", "to_learning_opportunity",
           "to_qualification"]  # fmt: skip
