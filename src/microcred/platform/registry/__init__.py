"""The public registry: the micro-credentials a QA body approved, searchable without an
account, each with its EU elements and its provider's verified status."""
