"""The QA body's pages: the queue of submitted designs, and a decision on one."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ..accounts.models import Role
from ..accounts.selectors import has_role
from ..catalog.models import DesignStatus, DesignVersion
from ..catalog.selectors import design_version_for
from ..core.errors import PermissionDeniedError
from . import messages as m
from .models import ReviewDecision
from .services import design_review


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=ReviewDecision.choices)
    reason = forms.CharField(label=_("Reason"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, Role.QA_OFFICER, Role.PLATFORM_ADMIN):
        raise PermissionDeniedError(m.NOT_QA_OFFICER)
    versions = (DesignVersion.objects.filter(status=DesignStatus.SUBMITTED)
                .select_related("design__provider").order_by("submitted_at", "pk"))  # fmt: skip
    forms_for = [(v, ReviewForm(prefix=f"v{v.pk}")) for v in versions]  # unique field ids
    return render(request, "qa/queue.html", {"reviews": forms_for})


@login_required
@require_POST
def review(request: HttpRequest, version_id: int) -> HttpResponse:
    version = design_version_for(request.user, version_id)
    form = ReviewForm(request.POST, prefix=f"v{version_id}")
    if form.is_valid():
        design_review(officer=request.user, version=version,  # type: ignore[arg-type]
                      decision=form.cleaned_data["decision"], reason=form.cleaned_data["reason"],
                      now=timezone.now())  # fmt: skip
    return redirect("qa:queue")
