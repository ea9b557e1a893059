"""The invitation page (a person opens the link from the e-mail, makes an account or
logs in, and accepts) and an organisation's API keys page. Thin: the rules are
:mod:`.invitations`' and :mod:`.tokens`'."""

from __future__ import annotations

from django import forms
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from ..core.errors import NotFoundError, PlatformError
from ..core.language import current_language
from .invitations import grantable_roles, invitation_accept, invitation_for
from .models import ROLE_KINDS, Organisation, Role, User
from .services import user_create
from .tokens import api_token_create, api_token_revoke


class SignUpForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    password_again = forms.CharField(label=_("The password again"), widget=forms.PasswordInput)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invited = invitation_for(token, now=timezone.now())
    lang = current_language()
    has_account = User.objects.filter(email__iexact=invited.email).exists()
    form = SignUpForm(request.POST or None) if not has_account else None
    error = None
    if request.method == "POST":
        try:
            if not request.user.is_authenticated and form is not None and form.is_valid():
                user = user_create(
                    email=invited.email,
                    password=form.cleaned_data["password"],
                    full_name=form.cleaned_data["full_name"],
                    language=lang,
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            if request.user.is_authenticated:
                invitation_accept(token=token, user=request.user,
                                  now=timezone.now())  # fmt: skip
                return redirect("core:home")
        except PlatformError as exc:
            if exc.status == 403:
                raise
            error = exc.text(lang)
    return render(request, "accounts/invitation.html", {
        "invitation": invited, "form": form, "has_account": has_account, "error": error,
    }, status=422 if request.method == "POST" else 200)  # fmt: skip


class ApiKeyForm(forms.Form):
    name = forms.CharField(label=_("Name (what the key is for)"), max_length=100)

    def __init__(self, organisation: Organisation, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["role"] = forms.ChoiceField(label=_("Role"), choices=[
            (r.value, r.label) for r in Role if ROLE_KINDS[r] == organisation.kind
        ])  # fmt: skip


def _organisation_for_keys(request: HttpRequest, organisation_id: int) -> Organisation:
    """An organisation whose keys ``request.user`` manages (may give one of its roles),
    or :class:`NotFoundError`."""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None or not any(
        ROLE_KINDS[Role(role)] == organisation.kind
        for role in grantable_roles(request.user, organisation)  # type: ignore[arg-type]
    ):
        raise NotFoundError()
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def api_keys(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = _organisation_for_keys(request, organisation_id)
    form = ApiKeyForm(organisation, request.POST or None)
    secret = error = None
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            _, secret = api_token_create(
                creator=request.user,  # type: ignore[arg-type]
                organisation=organisation,
                name=form.cleaned_data["name"],
                role=form.cleaned_data["role"],
                now=timezone.now(),
            )
            form = ApiKeyForm(organisation)
        except PlatformError as exc:
            error, status = exc.text(current_language()), exc.status
    return render(request, "accounts/api_keys.html", {
        "organisation": organisation, "form": form, "secret": secret, "error": error,
        "tokens": organisation.api_tokens.select_related("created_by"),
    }, status=status)  # fmt: skip


@login_required
@require_POST
def api_key_revoke(request: HttpRequest, organisation_id: int, token_id: int) -> HttpResponse:
    organisation = _organisation_for_keys(request, organisation_id)
    token = organisation.api_tokens.filter(pk=token_id).first()
    if token is None:
        raise NotFoundError()
    api_token_revoke(user=request.user, token=token, now=timezone.now())  # type: ignore[arg-type]
    return redirect("accounts:api_keys", organisation_id=organisation.pk)
