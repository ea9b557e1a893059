"""The forms of the providers' pages (field types and required fields only: the rules
are the services')."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..accounts.models import Role
from .models import Decision, IdentifierScheme, ProviderType


class RegistrationForm(forms.Form):
    legal_name = forms.CharField(label=_("Legal name"), max_length=300)
    identifier_scheme = forms.ChoiceField(label=_("Identifier type"),
                                          choices=IdentifierScheme.choices)  # fmt: skip
    identifier = forms.CharField(label=_("Identifier"), max_length=30)
    street_address = forms.CharField(label=_("Street and number"), max_length=200)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20)
    locality = forms.CharField(label=_("Town or city"), max_length=100)
    country = forms.CharField(label=_("Country (ISO code, e.g. PL)"), max_length=2, initial="PL")
    provider_type = forms.ChoiceField(label=_("Provider type"), choices=ProviderType.choices)
    website = forms.URLField(label=_("Website"), assume_scheme="https")
    contact_email = forms.EmailField(label=_("Contact e-mail"))
    national_register = forms.CharField(
        label=_("National register entry"), max_length=200, required=False,
        help_text=_("E.g. ZSK, RSPO, RIS, POL-on: the register and the entry's number."),
    )  # fmt: skip
    accreditation = forms.CharField(
        label=_("Accreditations and quality certificates"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}),
                             required=False)  # fmt: skip


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=[
        (r.value, r.label) for r in (Role.PROVIDER_STAFF, Role.ASSESSOR, Role.PROVIDER_ADMIN)
    ])  # fmt: skip


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Evidence document"),
        help_text=_("PDF, PNG or JPEG, at most 10 MiB: an accreditation, an extract from a "
                    "national register."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )  # fmt: skip


class SealUploadForm(forms.Form):
    file = forms.FileField(
        label=_("E-seal certificate (PKCS#12)"),
        help_text=_("A .p12 or .pfx file with the key and the certificate; O= must be the "
                    "provider's legal name exactly."),
        widget=forms.ClearableFileInput(attrs={"accept": ".p12,.pfx"}),
    )  # fmt: skip
    password = forms.CharField(label=_("Password of the file"), required=False,
                               widget=forms.PasswordInput(render_value=False))  # fmt: skip
