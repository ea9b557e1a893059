"""The namespace of microcred's own vocabularies, for concepts no EU table defines yet.

Where the EU publishes an authority table (EQF, ISCED-F, countries, languages,
supervision and identity verification, modes of learning), we use its URIs. Where it does
not (types of quality assurance, integration options, identity attributes, assessment
methods beyond Europass's), the concepts live here, under one stable prefix.
"""

from __future__ import annotations

__all__ = ["MICROCRED_VOCAB"]

MICROCRED_VOCAB = "https://w3id.org/microcred/vocab/"
