"""Integration and stackability options (Annex I optional element; Annex II principle 5
"learning pathways"). No EU authority table exists; the concepts live in microcred's
namespace.
"""

from __future__ import annotations

__all__ = ["IntegrationOption"]

from enum import nonmember

from ._concept import Concept
from ._namespace import MICROCRED_VOCAB

_INT = MICROCRED_VOCAB + "integration/"


class IntegrationOption(Concept):
    """How the micro-credential relates to larger credentials."""

    scheme = nonmember(MICROCRED_VOCAB + "integration")

    STAND_ALONE = (
        "stand-alone",
        _INT + "stand-alone",
        "stand-alone, independent micro-credential",
        "mikropoświadczenie samodzielne, niezależne",
    )
    INTEGRATED = (
        "integrated",
        _INT + "integrated",
        "integrated into a larger credential",
        "mikropoświadczenie zintegrowane z innym poświadczeniem",
    )
    STACKABLE = (
        "stackable",
        _INT + "stackable",
        "stackable towards another credential",
        "mikropoświadczenie możliwe do kumulowania z innym poświadczeniem",
    )
