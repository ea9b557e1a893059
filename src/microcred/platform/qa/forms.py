"""The checklist form: a decision, a reason, and for each Annex II principle (from the
standard, in Annex order) a finding and a comment, named ``<principle>-answer`` and
``<principle>-comment``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ...standard.annexes import AnnexIIPrinciple
from .models import Answer, ReviewDecision
from .services import COMMENT_LIMIT, ChecklistEntry


class ChecklistForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=ReviewDecision.choices,
                                 widget=forms.RadioSelect)  # fmt: skip
    reason = forms.CharField(label=_("Reason (the provider reads it)"), required=False,
                             max_length=COMMENT_LIMIT,
                             widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for principle in AnnexIIPrinciple:
            self.fields[f"{principle}-answer"] = forms.ChoiceField(
                label=_("Finding"), choices=Answer.choices, required=False,
                widget=forms.RadioSelect)  # fmt: skip
            self.fields[f"{principle}-comment"] = forms.CharField(
                label=_("Comment"), required=False, max_length=COMMENT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def principle_fields(self, principle: AnnexIIPrinciple) -> tuple[Any, Any]:
        """The bound finding and comment fields of ``principle``."""
        return self[f"{principle}-answer"], self[f"{principle}-comment"]

    def checklist(self) -> dict[str, ChecklistEntry]:
        """The entries of the principles the officer answered or commented."""
        data = self.cleaned_data
        entries = {}
        for principle in AnnexIIPrinciple:
            answer, comment = data.get(f"{principle}-answer"), data.get(f"{principle}-comment", "")
            if answer or comment:
                entries[str(principle)] = ChecklistEntry(answer=Answer(answer) if answer else None,
                                                         comment=comment)  # fmt: skip
        return entries


class FeedbackForm(forms.Form):
    """A learner's rating (radio buttons 5 to 1) and comment; the service judges them."""

    rating = forms.ChoiceField(
        label=_("How would you rate this micro-credential?"), required=False,
        choices=[("5", _("5 — excellent")), ("4", _("4 — good")), ("3", _("3 — fair")),
                 ("2", _("2 — poor")), ("1", _("1 — very poor"))],
        widget=forms.RadioSelect)  # fmt: skip
    comment = forms.CharField(
        label=_("Comments (what was good, what should change)"), required=False,
        max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip
