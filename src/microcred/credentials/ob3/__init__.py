"""Open Badges 3.0 (1EdTech, VC Data Model 2.0): build (:mod:`.build`) and read
(:mod:`.read`) ``OpenBadgeCredential``."""

from ._common import CONTEXTS, EU_CONTEXT, OB3_CONTEXT, Ob3Error
from .build import to_ob3
from .read import from_ob3

__all__ = ["CONTEXTS", "EU_CONTEXT", "OB3_CONTEXT", "Ob3Error", "from_ob3", "to_ob3"]
