"""Europass European Digital Credentials (European Learning Model v3): ``to_edc`` /
``from_edc`` and SHACL validation against the EU's shapes (:mod:`.shacl`)."""

from .build import EDC_CONTEXTS, to_edc
from .read import EdcError, from_edc

__all__ = ["EDC_CONTEXTS", "EdcError", "from_edc", "to_edc"]
