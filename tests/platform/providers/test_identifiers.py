"""providers.identifiers: NIP, REGON and EU VAT by their check digits (python-stdnum), KRS
by its form."""

from __future__ import annotations

import pytest

from microcred.platform.core.errors import InvalidInputError
from microcred.platform.providers import messages as m
from microcred.platform.providers.identifiers import normalise_identifier


@pytest.mark.parametrize(
    ("scheme", "value", "country", "expected"),
    [
        ("nip", "777-000-11-11", "PL", "7770001111"),
        ("nip", "PL 7770001111", "PL", "7770001111"),
        ("regon", "630012343", "PL", "630012343"),
        ("krs", "0000 123 456", "PL", "0000123456"),
        ("eu_vat", "PL7770001111", "PL", "PL7770001111"),
        ("eu_vat", "DE 136 695 976", "DE", "DE136695976"),
    ],
)
def test_a_valid_identifier_is_kept_compact(scheme: str, value: str, country: str,
                                            expected: str) -> None:  # fmt: skip
    assert normalise_identifier(scheme, value, country) == expected


@pytest.mark.parametrize(
    ("scheme", "value", "country", "code"),
    [
        ("nip", "7770001112", "PL", m.IDENTIFIER_CHECKSUM.code),  # wrong check digit
        ("regon", "630012344", "PL", m.IDENTIFIER_CHECKSUM.code),
        ("nip", "123", "PL", m.IDENTIFIER_LENGTH.code),
        ("nip", "77700O1111", "PL", m.IDENTIFIER_INVALID.code),  # a letter O for a zero
        ("krs", "12345", "PL", m.IDENTIFIER_FORMAT.code),
        ("eu_vat", "DE136695976", "FR", m.IDENTIFIER_VAT_COUNTRY.code),  # not that country's
        ("nip", "7770001111", "DE", m.IDENTIFIER_COUNTRY.code),  # a Polish scheme abroad
        ("nip", "7770001111", "US", m.COUNTRY_UNKNOWN.code),
        ("nip", "", "PL", m.IDENTIFIER_INVALID.code),
    ],
)
def test_a_wrong_identifier_is_refused_with_the_reason(scheme: str, value: str, country: str,
                                                      code: str) -> None:  # fmt: skip
    with pytest.raises(InvalidInputError) as raised:
        normalise_identifier(scheme, value, country)
    assert raised.value.code == code
    assert raised.value.text("pl")
    assert raised.value.text("en")
