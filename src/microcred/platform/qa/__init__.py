"""The QA body's review of submitted designs against the Annex II principles (a checklist
with evidence from the compliance report): approve (it is published in the registry),
request changes, or reject — with reasons, kept as an audit trail; history and
statistics per provider."""
