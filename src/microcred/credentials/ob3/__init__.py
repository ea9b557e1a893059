"""Open Badges 3.0 (1EdTech, VC Data Model 2.0): build (:mod:`.build`) and read
(:mod:`.read`) ``OpenBadgeCredential``."""

from ._common import CONTEXTS, EU_CONTEXT, EU_TERMS, OB3_CONTEXT, Ob3Error, has_eu_terms
from .build import to_achievement, to_ob3
from .read import from_ob3

__all__ = [
    "CONTEXTS",
    "EU_CONTEXT",
    "EU_TERMS",
    "OB3_CONTEXT",
    "Ob3Error",
    "from_ob3",
    "has_eu_terms",
    "to_achievement",
    "to_ob3",
]
