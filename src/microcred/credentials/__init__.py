"""Documents that carry micro-credentials: build, secure, render, verify. No Django.

Filled by later work (Open Badges 3.0, Europass EDC, proofs, status lists, baking).
"""
