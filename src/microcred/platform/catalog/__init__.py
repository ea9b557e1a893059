"""Micro-credential designs and their versions: a provider drafts one in the design studio
(a form built from the standard, its compliance report live as they type) or imports the
YAML design file the command line reads, previews what it would issue, exports it again,
and submits it to the QA body; what the registry searches is computed once per version."""
