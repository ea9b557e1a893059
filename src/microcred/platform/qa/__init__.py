"""The QA body's review of submitted designs: approve (it is published in the registry),
request changes, or reject — with reasons, kept as an audit trail."""
