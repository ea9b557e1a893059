"""The verification report: each check with pass / fail / warning / not-applicable and a
reason in Polish and English, the EU elements found, and the overall result.

JSON form (``VerificationReport.to_dict(lang="en")``), as ``microcred verify --json``
prints it, one object per file::

    {"file": "badge.png", "verified": true, "result": "valid", "format": "png",
     "checks": [{"name": "proof", "status": "pass", "code": "ok", "reason": "..."}],
     "eu_elements": {"title": "present", "workload": "present", ...},
     "verdict": "micro-credential",
     "summary": {"title": "...", "awarding_body": "...", "learner": "...",
                 "issued_on": "2025-06-20", "valid_until": null}}

The summary says what the credential claims (who awarded what to whom, when); it is
only worth trusting when ``verified`` is true.
"""

from __future__ import annotations

__all__ = ["Check", "CheckStatus", "Result", "Signer", "VerificationReport"]

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ...standard.elements import Award
from ...standard.messages import Reason
from . import messages as m


class CheckStatus(StrEnum):
    """The outcome of one check."""

    PASS = "pass"  # noqa: S105 - a check outcome, not a password
    FAIL = "fail"
    WARNING = "warning"
    INDETERMINATE = "indeterminate"  # neither confirmed nor refuted (ETSI EN 319 102-1)
    NOT_APPLICABLE = "not-applicable"


class Result(StrEnum):
    """The overall result: a credential whose status cannot be checked is never valid;
    one whose proof can be neither confirmed nor refuted (a valid e-seal whose certificate
    has since expired, with no proof it was made before) is indeterminate."""

    VALID = "valid"
    INVALID = "invalid"
    INDETERMINATE = "indeterminate"
    STATUS_UNKNOWN = "status-unknown"

    def label(self, lang: str = "en") -> str:
        """The result as a person reads it, in ``pl`` or ``en`` (a page's or a CLI's
        headline): VERIFIED / ZWERYFIKOWANO…"""
        return _RESULT_LABELS[self].text(lang)


_RESULT_LABELS = {
    Result.VALID: m.RESULT_VALID,
    Result.INVALID: m.RESULT_INVALID,
    Result.STATUS_UNKNOWN: m.RESULT_STATUS_UNKNOWN,
    Result.INDETERMINATE: m.RESULT_INDETERMINATE,
}


@dataclass(frozen=True)
class Check:
    """One check: its name, status, machine code and the reason in EN and PL."""

    name: str
    status: CheckStatus
    code: str
    en: str
    pl: str

    @classmethod
    def of(cls, name: str, status: CheckStatus, reason: Reason, code: str | None = None) -> Check:
        """The check ``name`` giving ``reason`` (a message of :mod:`.messages` with its
        parameters filled in); its code is the reason's, unless ``code`` says otherwise
        (``ok`` for a passed check, a lower layer's code for its failure)."""
        return cls(name, status, code or reason.code, reason.en, reason.pl)

    def reason(self, lang: str = "en") -> str:
        """The reason in ``pl`` or ``en``."""
        return self.pl if lang == "pl" else self.en


@dataclass(frozen=True)
class Signer:
    """Who made the signature: ``kind`` is ``did`` (a Data Integrity or JOSE proof:
    ``id`` is the controlling DID, ``key`` the verification method) or ``seal`` (an
    e-seal: ``id`` is ``sha256:`` and the certificate's SHA-256 fingerprint — the
    certificate, not a name anyone could write into one — ``key`` its subject, ``name``
    its organisation). A trust list knows signers by ``id``."""

    kind: str
    id: str
    key: str | None = None
    name: str | None = None

    def short(self, lang: str = "en") -> str:
        """The signer in a few words, in ``pl`` or ``en``: the DID, or the sealing
        organisation."""
        if self.kind == "seal":
            return m.SEAL_SIGNER.text(lang, name=self.name or self.key or self.id)
        return self.id

    def describe(self, lang: str = "en") -> str:
        """One line naming the signer, for a report, in ``pl`` or ``en``."""
        if self.kind == "seal":
            return m.SEAL_SIGNER_DESCRIBED.text(
                lang, signer_en=self.short("en"), signer_pl=self.short("pl"),
                key=self.key, id=self.id)  # fmt: skip
        if self.key and self.key != self.id:
            return m.DID_SIGNER_KEY.text(lang, id=self.id, key=self.key)
        return self.id


@dataclass(frozen=True)
class VerificationReport:
    """Everything :func:`microcred.credentials.verify.verify` found."""

    format: str
    checks: tuple[Check, ...]
    eu_elements: dict[str, str] = field(default_factory=dict)
    verdict: str | None = None
    credential: dict[str, Any] | None = None
    award: Award | None = None
    signer: Signer | None = None
    registered_name: str | None = None  # the issuer's name in the trust list that confirmed it

    @property
    def result(self) -> Result:
        """Invalid if any check failed; indeterminate if a check could not decide;
        status-unknown if only the status could not be checked; valid otherwise."""
        if any(c.status is CheckStatus.FAIL for c in self.checks):
            return Result.INVALID
        if any(c.status is CheckStatus.INDETERMINATE for c in self.checks):
            return Result.INDETERMINATE
        if any(
            c.status is CheckStatus.WARNING and (c.name == "status" or c.code == "status-unknown")
            for c in self.checks
        ):
            return Result.STATUS_UNKNOWN
        return Result.VALID

    @property
    def verified(self) -> bool:
        """True only when the result is ``valid``."""
        return self.result is Result.VALID

    @property
    def issuer_confirmed(self) -> bool:
        """True only when the credential verified and a trust list vouches for its
        signer: only then is the issuer's name a fact rather than a claim."""
        trust = self.check("trust")
        return self.verified and trust is not None and trust.status is CheckStatus.PASS

    def check(self, name: str) -> Check | None:
        """The check called ``name``, if it ran."""
        return next((c for c in self.checks if c.name == name), None)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """A JSON-ready dict with the reasons in ``lang``."""
        return {
            "verified": self.verified,
            "result": str(self.result),
            "format": self.format,
            "checks": [
                {"name": c.name, "status": str(c.status), "code": c.code, "reason": c.reason(lang)}
                for c in self.checks
            ],
            "eu_elements": dict(self.eu_elements),
            "verdict": self.verdict,
            "signer": dataclasses.asdict(self.signer) if self.signer else None,
            "issuer_confirmed": self.issuer_confirmed,
            "summary": self.summary(lang),
        }

    def summary(self, lang: str = "en") -> dict[str, str | None]:
        """What the credential claims, in ``lang`` where it has that language: title,
        awarding body (or bodies), learner, date of issue, expiry. Empty when the
        credential could not be read."""
        if self.award is None:
            return {}
        spec, learner = self.award.spec, self.award.learner
        bodies = "; ".join(body.name.get(lang) for body in spec.awarding_bodies)
        if self.issuer_confirmed and self.registered_name:
            # a confirmed issuer is shown by the name the trust list registered: the
            # credential's other-language names are only its own words
            stated = spec.awarding_bodies[0].name.get(lang) if spec.awarding_bodies else ""
            bodies = self.registered_name + (
                f" ({stated})" if stated and stated.casefold() != self.registered_name.casefold()
                else "")  # fmt: skip
        return {
            "title": spec.title.get(lang) if spec.title else None,
            "awarding_body": bodies or None,
            "learner": learner.full_name if learner else None,
            "issued_on": self.award.issued_on.isoformat() if self.award.issued_on else None,
            "valid_until": self.award.valid_until.isoformat() if self.award.valid_until else None,
        }
