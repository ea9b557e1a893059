"""The two base contexts, whose place first in ``@context`` says which version's rules
apply (VC DM 2.0 §4.3, VC DM 1.1 §4.1), and the bounds on the work one document can cause:
at most :data:`MAX_VALUES` values read from a list and :data:`MAX_PROBLEMS` problems
reported."""

from __future__ import annotations

__all__ = ["MAX_PROBLEMS", "MAX_VALUES", "V1_CONTEXT", "V2_CONTEXT"]

V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
V1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
MAX_VALUES = 1000  # values read from one list (contexts, subjects, statuses...)
MAX_PROBLEMS = 100
