"""The EU micro-credential standard (Council Recommendation of 16 June 2022) as code.

No I/O and no Django: the Annex I elements (:mod:`.elements`), the controlled
vocabularies (:mod:`.vocab`), the design file format (:mod:`.designfile`) and the
compliance check against Annex I and Annex II (:mod:`.compliance`).
"""
