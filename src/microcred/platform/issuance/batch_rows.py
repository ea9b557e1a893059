"""What the reading of a list and the workers both need of a batch's rows: a row's
reasons as it keeps them, and which learners already hold a design version (refused when
the list is read, and again when the row is issued)."""

from __future__ import annotations

__all__ = ["awarded_emails", "reasons_json"]

from django.db.models.functions import Lower

from ...standard.messages import Reason
from ..catalog.models import DesignVersion
from .models import Award, AwardState


def reasons_json(*reasons: Reason) -> list[dict[str, str]]:
    """``reasons`` as a row keeps them: ``[{"code", "en", "pl"}]``."""
    return [{"code": r.code, "en": r.en, "pl": r.pl} for r in reasons]


def awarded_emails(version: DesignVersion, emails: set[str] | None = None) -> dict[str, str]:
    """The e-mail addresses (folded; of ``emails`` when given) that hold an award of
    ``version`` not revoked, and its credential's id."""
    held = Award.objects.filter(version=version).exclude(state=AwardState.REVOKED)
    folded = held.annotate(folded=Lower("email"))
    if emails is not None:
        folded = folded.filter(folded__in=emails)
    return dict(folded.values_list("folded", "credential_id"))
