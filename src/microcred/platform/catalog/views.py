"""The catalog's pages: a provider's designs (and importing one), a version with its EU
compliance report, its design file, and submitting it. Thin: the rules are the services'
and the standard layer's."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..core.errors import PlatformError
from ..core.language import current_language
from ..providers.selectors import provider_for
from .awarding import first_body_problem
from .forms import BadgeForm, ImportForm
from .models import DesignStatus, DesignVersion
from .selectors import (
    compliance_of,
    design_version_for,
    designs_of_provider,
    may_draft,
    report_context,
    spec_of,
)
from .services import design_import, design_version_submit


@login_required
def designs(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = provider_for(request.user, provider_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    error, problems, status = None, [], 200
    if request.method == "POST" and form.is_valid():
        try:
            version = design_import(user=request.user,  # type: ignore[arg-type]
                                    provider=provider, text=form.design_text(),
                                    now=timezone.now())  # fmt: skip
        except PlatformError as exc:
            error, problems, status = (
                exc.text(current_language()),
                exc.extra.get("problems", []),
                exc.status,
            )
        else:
            return redirect("catalog:version", version_id=version.pk)
    return render(request, "catalog/designs.html", {
        "provider": provider, "versions": designs_of_provider(provider), "form": form,
        "may_draft": may_draft(request.user, provider),
        "error": error, "problems": problems,
    }, status=status)  # fmt: skip


@login_required
def version(request: HttpRequest, version_id: int) -> HttpResponse:
    return _render_version(request, design_version_for(request.user, version_id))


def _render_version(request: HttpRequest, found: DesignVersion, error: str | None = None,
                    status: int = 200) -> HttpResponse:  # fmt: skip
    lang = current_language()
    report = compliance_of(found, timezone.now())
    mismatch = (first_body_problem(spec_of(found), found.design.provider)
                if found.status == DesignStatus.DRAFT else None)  # fmt: skip
    return render(request, "catalog/version.html", {
        "body_problem": mismatch.text(lang) if mismatch else None,
        "version": found, "provider": found.design.provider, "title": found.title(lang),
        **report_context(report, lang), "error": error, "badge_form": BadgeForm(),
        "may_draft": may_draft(request.user, found.design.provider),
    }, status=status)  # fmt: skip


@login_required
def design_file(request: HttpRequest, version_id: int) -> HttpResponse:
    found = design_version_for(request.user, version_id)
    response = HttpResponse(found.source, content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="design-{found.design_id}-v{found.number}.yaml"'
    )
    return response


@login_required
@require_POST
def submit(request: HttpRequest, version_id: int) -> HttpResponse:
    found = design_version_for(request.user, version_id)
    try:
        design_version_submit(user=request.user, version=found,  # type: ignore[arg-type]
                              now=timezone.now())  # fmt: skip
    except PlatformError as exc:
        if exc.status == 403:
            raise
        return _render_version(request, found, exc.text(current_language()), exc.status)
    return redirect("catalog:version", version_id=found.pk)
