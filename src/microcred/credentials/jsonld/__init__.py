"""JSON-LD 1.1 processing, offline: the pinned contexts (:mod:`.contexts`), JSON-LD → RDF
and RDFC-1.0 canonical N-Quads (:mod:`.rdfc`)."""

__all__ = ["contexts", "rdfc"]
