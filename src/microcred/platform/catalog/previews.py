"""Previews of a design version, made by the library's own builders for a sample
learner — nothing is issued, signed or stored: the Open Badges 3.0 credential
(:func:`microcred.credentials.issue.build`, ``kind="ob3"``), the European Digital
Credential (``kind="edc"``) and the PDF certificate (:func:`microcred.credentials.render.
render_pdf`, the OB 3.0 JSON attached). The learner is "Anna Przykładowa (podgląd /
preview)", so no preview passes for a real award; the PDF's QR code points where a real
certificate's would — the platform's public address (``MICROCRED_PUBLIC_URL``) and
``/verify/<id>`` — with the sample id, which no award ever has."""

from __future__ import annotations

__all__ = ["SAMPLE_CREDENTIAL_ID", "preview_document", "preview_pdf", "sample_award"]

import datetime as dt
import json
from typing import Any

from django.conf import settings

from ...credentials.errors import CredentialError
from ...credentials.issue import build
from ...credentials.render import render_pdf
from ...credentials.render.pdf import verification_url
from ...standard.elements import Award, Learner, MicroCredentialSpec, NationalId
from ...standard.errors import MicrocredError
from ...standard.vocab.identity import IdentityAttribute
from ..core.errors import ConflictError
from . import messages as m
from .models import DesignVersion
from .selectors import spec_of

#: the id of every preview credential (an all-zero UUID: never one that is issued)
SAMPLE_CREDENTIAL_ID = "urn:uuid:00000000-0000-4000-8000-000000000000"


def _issuer_id(version: DesignVersion) -> str:
    provider = version.design.provider
    return provider.did or f"did:web:preview.invalid:providers:{provider.pk}"


def sample_award(spec: MicroCredentialSpec, now: dt.datetime) -> Award:
    """The design awarded today to a sample learner who has every identity attribute
    the design promises to record, with its best passing grade when it has a scale."""
    wanted = set(spec.learner_identification)
    learner = Learner(
        given_name="Anna",
        family_name="Przykładowa (podgląd / preview)",
        email="anna.przykladowa@example.org" if IdentityAttribute.EMAIL in wanted else None,
        date_of_birth=dt.date(2000, 1, 1) if IdentityAttribute.DATE_OF_BIRTH in wanted else None,
        national_id=NationalId(country="PL", value="00210100000")
        if IdentityAttribute.NATIONAL_ID in wanted else None,
        student_id="PREVIEW-0001" if IdentityAttribute.STUDENT_ID in wanted else None,
        id="urn:uuid:00000000-0000-4000-8000-000000000001"
        if IdentityAttribute.IDENTIFIER in wanted else None,
    )  # fmt: skip
    passing = [g for g in spec.grading_scale if g.passing]
    grade = passing[-1].name if passing else None
    return Award(id=SAMPLE_CREDENTIAL_ID, spec=spec, learner=learner,
                 issued_on=now.date(), grade=grade)  # fmt: skip


def _impossible(exc: MicrocredError) -> ConflictError:
    return ConflictError(m.PREVIEW_IMPOSSIBLE, reason=exc.text("en"), reason_pl=exc.text("pl"))


def preview_document(version: DesignVersion, kind: str, now: dt.datetime) -> dict[str, Any]:
    """The unsigned credential (``ob3`` or ``edc``) of the version for the sample
    learner; :class:`ConflictError` when the library cannot build it from the design yet
    (an EDC needs an awarding body, for one)."""
    try:
        return build(sample_award(spec_of(version), now), kind=kind,
                     issuer_id=_issuer_id(version), now=now)  # fmt: skip
    except (MicrocredError, ValueError) as exc:
        said = exc if isinstance(exc, MicrocredError) else CredentialError(str(exc))
        raise _impossible(said) from exc


def preview_pdf(version: DesignVersion, lang: str, now: dt.datetime,
                logo: bytes | None = None) -> bytes:  # fmt: skip
    """The PDF certificate of the version for the sample learner, in ``lang``, with the
    preview OB 3.0 credential attached."""
    credential = preview_document(version, "ob3", now)
    try:
        return render_pdf(
            sample_award(spec_of(version), now),
            credentials={"credential-ob3.json": json.dumps(credential, ensure_ascii=False,
                                                           indent=2).encode("utf-8")},
            verification_url=verification_url(SAMPLE_CREDENTIAL_ID, settings.PUBLIC_URL),
            lang=lang if lang in ("pl", "en") else "en", logo=logo,
            file_name="preview.pdf",
        )  # fmt: skip
    except MicrocredError as exc:
        raise _impossible(exc) from exc
