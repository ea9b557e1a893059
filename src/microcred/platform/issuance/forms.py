"""The form for one award: plain text fields, so that every value is judged by the
service (and the standard behind it), not by Django."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import AwardRequest


class AwardForm(forms.Form):
    given_name = forms.CharField(
        label=_("Given name"),
        max_length=400,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    family_name = forms.CharField(
        label=_("Family name"),
        max_length=400,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=400,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    date_of_birth = forms.CharField(
        label=_("Date of birth"),
        required=False,
        help_text=_("Only when the design says each award records it."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    student_id = forms.CharField(
        label=_("Student identifier"),
        max_length=400,
        required=False,
        help_text=_("Only when the design says each award records it."),
    )
    issued_on = forms.CharField(
        label=_("Date of issue"),
        required=False,
        help_text=_("YYYY-MM-DD; today when empty."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    grade = forms.CharField(
        label=_("Grade"),
        max_length=400,
        required=False,
        help_text=_("As the design's grading scale names it; may be empty."),
    )

    def request(self) -> AwardRequest:
        data = self.cleaned_data
        return AwardRequest(**{name: data.get(name) or "" for name in self.fields})


class CorrectionForm(AwardForm):
    """The award's data as it should have been, and why (its history keeps the reason)."""

    reason = forms.CharField(label=_("Reason for the correction"), max_length=4000,
                             required=False, widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # its own ids: the award's page also holds the revocation form's reason
        kwargs.setdefault("auto_id", "id_correct_%s")
        super().__init__(*args, **kwargs)

    def request(self) -> AwardRequest:
        data = self.cleaned_data
        return AwardRequest(**{name: data.get(name) or "" for name in self.fields
                               if name != "reason"})  # fmt: skip

    @staticmethod
    def initial_of(award: Any) -> dict[str, str]:
        """What the form starts with: the award as issued."""
        return {"given_name": award.given_name, "family_name": award.family_name,
                "email": award.email, "issued_on": award.issued_on.isoformat(),
                "grade": award.grade_pl or award.grade_en,
                "date_of_birth": award.date_of_birth.isoformat() if award.date_of_birth else "",
                "student_id": award.student_id}  # fmt: skip
