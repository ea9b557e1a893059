"""Micro-credential designs and their versions: a provider drafts one (today: imports the
YAML design file the command line reads), sees the EU compliance report of every version,
exports it again, and submits it to the QA body."""
