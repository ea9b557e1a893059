"""The catalog's forms: a design file, uploaded or pasted; a badge image. (The studio's
form, built from the standard, is :mod:`.studio`.)"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import MAX_DESIGN_BYTES


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Design file (YAML or JSON)"), required=False)
    text = forms.CharField(
        label=_("…or paste it here"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )

    def design_text(self) -> str:
        """The file's text (UTF-8), or the pasted text."""
        upload = self.cleaned_data.get("file")
        if upload is not None:
            return bytes(upload.read(MAX_DESIGN_BYTES + 1)).decode("utf-8", errors="replace")
        return str(self.cleaned_data.get("text") or "")


class BadgeForm(forms.Form):
    image = forms.FileField(
        label=_("Badge image (PNG or SVG, at most 1 MiB and 2048×2048 pixels)"),
        widget=forms.FileInput(attrs={"accept": ".png,.svg,image/png,image/svg+xml"}),
    )
