"""Open Badges 3.0 (1EdTech, VC Data Model 2.0): build and read ``OpenBadgeCredential``."""

from .mapping import CONTEXTS, EU_CONTEXT, OB3_CONTEXT, Ob3Error, from_ob3, to_ob3

__all__ = ["CONTEXTS", "EU_CONTEXT", "OB3_CONTEXT", "Ob3Error", "from_ob3", "to_ob3"]
