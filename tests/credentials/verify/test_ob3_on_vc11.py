"""Open Badges 3.0 in its earlier VC 1.1 form (``issuanceDate``, the VC 1.1 context),
as DCC's wallets and many universities still issue it: verified on its proof and the VC
1.1 data model, with 1EdTech's VC 2.0 JSON Schema reported as not applying."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from microcred.credentials.data_integrity import sign
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.vc_data_model import DataModelError
from microcred.credentials.verify import CheckStatus, verify

from ...conftest import example_award

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
KEY = KeyPair.generate()
VC11 = "https://www.w3.org/2018/credentials/v1"
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def _vc11_badge() -> dict[str, Any]:
    document = to_ob3(example_award(), issuer_id=KEY.did_key)
    document["@context"] = [VC11, OB3]
    document = {k: v for k, v in document.items() if not k.startswith("eu")}
    document["issuanceDate"] = document.pop("validFrom")
    document.pop("validUntil", None)
    document.pop("credentialSchema")  # VC 1.1 has no JsonSchema type (its own was 2018's)
    subject = document["credentialSubject"]
    subject["achievement"] = {
        k: v for k, v in subject["achievement"].items() if not k.startswith("eu")
    }
    document["issuer"] = {k: v for k, v in document["issuer"].items() if not k.startswith("eu")}
    for key in [k for k in subject if k.startswith("eu")]:
        del subject[key]
    return document


def test_an_ob3_badge_on_vc_11_verifies_with_the_schema_reported_as_not_applying() -> None:
    report = verify(sign(_vc11_badge(), KEY), now=NOW)
    assert report.verified, report.to_dict()
    schema = report.check("schema")
    assert schema is not None
    assert (schema.status, schema.code) == (CheckStatus.WARNING, "ob3_on_vc11")
    assert report.check("data-model").status is CheckStatus.PASS  # type: ignore[union-attr]
    assert report.summary()["issued_on"] == "2025-06-20"


def test_a_vc_11_badge_without_issuance_date_is_not_signed() -> None:
    badge = _vc11_badge()
    del badge["issuanceDate"]
    with pytest.raises(DataModelError, match="issuanceDate"):
        sign(badge, KEY)
