"""Who a micro-credential is about and who stands behind it (Annex I: learner
identification, awarding body(ies), country/region of the issuer).

Wire format of an awarding body::

    name: {pl: Politechnika Wrocławska, en: Wrocław University of Science and Technology}
    country: PL
    region: dolnośląskie
    legal_identifier: {scheme: nip, value: "8960005851"}
    registries: [{name: RSPO/POL-on, id: "..."}]
    url: https://pwr.edu.pl
"""

from __future__ import annotations

__all__ = ["AwardingBody", "Learner", "LegalIdentifier", "NationalId", "RegistryEntry"]

import datetime as dt
from typing import Annotated

from pydantic import EmailStr, Field

from ..vocab.countries import Country
from ..vocab.identity import IdentityAttribute, LegalIdentifierScheme
from ._base import Element, Uri, WebUrl
from .text import LocalizedText


class LegalIdentifier(Element):
    """The legal identity of an organisation (Annex II principle 9, "authentic")."""

    scheme: LegalIdentifierScheme
    value: Annotated[str, Field(min_length=1, max_length=64)]


class RegistryEntry(Element):
    """A listing of the provider in a public register (DEQAR, RSPO, RIS, ZRK...)."""

    name: Annotated[str, Field(min_length=1, max_length=200)]
    id: Annotated[str | None, Field(max_length=200)] = None
    url: WebUrl | None = None


class AwardingBody(Element):
    """An organisation that awards the micro-credential."""

    id: Uri | None = None
    name: LocalizedText
    country: Country
    region: Annotated[str | None, Field(max_length=200)] = None
    legal_identifier: LegalIdentifier | None = None
    registries: list[RegistryEntry] = []
    url: WebUrl | None = None


class NationalId(Element):
    """A national identification number (e.g. Polish PESEL) with its issuing country."""

    country: Country
    value: Annotated[str, Field(min_length=1, max_length=64)]


class Learner(Element):
    """The learner one award is for (Annex I "identification of the learner")."""

    id: Uri | None = None
    given_name: Annotated[str, Field(min_length=1, max_length=200)]
    family_name: Annotated[str, Field(min_length=1, max_length=200)]
    email: EmailStr | None = None
    date_of_birth: dt.date | None = None
    national_id: NationalId | None = None
    student_id: Annotated[str | None, Field(max_length=100)] = None
    # Identifiers a credential records only as salted hashes (OB 3.0 IdentityObject):
    # present, checkable by someone who knows the value, but not readable here.
    hashed: list[IdentityAttribute] = []

    @property
    def full_name(self) -> str:
        """Given name then family name."""
        return f"{self.given_name} {self.family_name}"

    @property
    def attributes(self) -> set[IdentityAttribute]:
        """Which identity attributes this learner record carries."""
        present = {IdentityAttribute.FULL_NAME}
        optional = {
            IdentityAttribute.EMAIL: self.email,
            IdentityAttribute.DATE_OF_BIRTH: self.date_of_birth,
            IdentityAttribute.NATIONAL_ID: self.national_id,
            IdentityAttribute.STUDENT_ID: self.student_id,
            IdentityAttribute.IDENTIFIER: self.id,
        }
        present.update(attr for attr, value in optional.items() if value)
        present.update(self.hashed)
        return present
