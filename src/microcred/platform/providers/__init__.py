"""Providers of micro-credentials: their registration, and their verification by a QA
body (approve, request changes, reject, suspend) with its audit trail. Only a verified
provider publishes and issues."""
