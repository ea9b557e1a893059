"""Size and time limits shared by sealing, verification and credential loading."""

from __future__ import annotations

__all__ = ["MAX_SEAL_BYTES"]

import datetime as dt

#: the largest sealed document (serialized) that is read
MAX_SEAL_BYTES = 8 * 1024 * 1024

_MAX_HEADER_BYTES = 512 * 1024  # the EU samples' protected header is ~8 KiB (adoTst)
_MAX_CERTIFICATES = 10
_MAX_CERTIFICATE_BYTES = 64 * 1024
_MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024
_CLOCK_SKEW = dt.timedelta(minutes=5)
