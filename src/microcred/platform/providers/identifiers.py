"""The legal identifiers a provider registers with, checked by python-stdnum (check
digits of NIP, REGON and EU VAT numbers); KRS has no check digit, so only its form (ten
digits) is checked."""

from __future__ import annotations

__all__ = ["EU_EEA", "normalise_identifier"]

import re

from stdnum.eu import vat
from stdnum.exceptions import InvalidChecksum, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import nip, regon

from ...standard.vocab.countries import EEA_NOT_EU, EU_MEMBER_STATES
from ..core.errors import InvalidInputError
from . import messages as m
from .models import IdentifierScheme

#: EU and EEA countries (ISO 3166-1 alpha-2), where an EU micro-credential provider is
EU_EEA = frozenset(str(country) for country in EU_MEMBER_STATES | EEA_NOT_EU)
_KRS = re.compile(r"\d{10}")


def normalise_identifier(scheme: str, value: str, country: str) -> str:
    """The identifier in its compact form, or :class:`~..core.errors.InvalidInputError` naming
    what is wrong with it. Polish schemes need ``country`` PL."""
    country = country.strip().upper()
    if country not in EU_EEA:
        raise InvalidInputError(m.COUNTRY_UNKNOWN, country=country or "—",
                           extra={"fields": {"country": ["unknown"]}})  # fmt: skip
    label = str(IdentifierScheme(scheme).label)
    if scheme != IdentifierScheme.EU_VAT and country != "PL":
        raise InvalidInputError(
            m.IDENTIFIER_COUNTRY,
            scheme=label,
            country=country,
            extra={"fields": {"identifier_scheme": ["not for this country"]}},
        )
    shown = value.strip() or "—"
    field = {"fields": {"identifier": ["invalid"]}}
    try:
        if scheme == IdentifierScheme.NIP:
            return str(nip.validate(value))
        if scheme == IdentifierScheme.REGON:
            return str(regon.validate(value))
        if scheme == IdentifierScheme.EU_VAT:
            compact = str(vat.validate(value)).upper()
            prefix = "EL" if country == "GR" else country  # Greece's VAT prefix is EL
            if not compact.startswith(prefix):
                raise InvalidInputError(m.IDENTIFIER_VAT_COUNTRY, value=shown, country=country,
                                        extra=field)  # fmt: skip
            return compact
        compact = re.sub(r"[\s-]", "", value)
        if not _KRS.fullmatch(compact):
            raise InvalidInputError(
                m.IDENTIFIER_FORMAT,
                scheme=label,
                value=shown,
                form="ten digits",
                form_pl="dziesięć cyfr",
                extra=field,
            )
        return compact
    except InvalidLength as exc:
        raise InvalidInputError(m.IDENTIFIER_LENGTH, scheme=label, value=shown,
                                extra=field) from exc  # fmt: skip
    except InvalidChecksum as exc:
        raise InvalidInputError(m.IDENTIFIER_CHECKSUM, scheme=label, value=shown,
                                extra=field) from exc  # fmt: skip
    except StdnumError as exc:  # a format or a component python-stdnum refuses
        raise InvalidInputError(m.IDENTIFIER_INVALID, scheme=label, value=shown,
                                extra=field) from exc  # fmt: skip
