"""microcred: EU micro-credentials as code, and the documents that carry them."""

__version__ = "0.1.0.dev0"
