"""The invitation page: a person opens the link from the e-mail, makes an account (or
logs in) and accepts. Thin: the rules are :mod:`.invitations`'."""

from __future__ import annotations

from django import forms
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from ..core.errors import PlatformError
from .invitations import invitation_accept, invitation_for
from .models import User
from .services import user_create


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
    lang = translation.get_language() or "pl"
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
