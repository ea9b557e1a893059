"""The design studio's pages: a new design, a new version of an existing one (the form
prefilled from the version edited), and the live compliance check the form posts to as
the provider types (HTMX; a "check" button does the same without JavaScript). Thin: the
form is :mod:`.studio`, the rules the standard's, the writes :mod:`.services`'."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ...standard.elements import MicroCredentialSpec
from ...standard.errors import DesignError
from ..core.errors import PermissionDeniedError, PlatformError
from ..core.language import current_language
from ..providers.models import Provider
from ..providers.selectors import provider_for
from . import messages as m
from .awarding import first_body_problem, provider_body
from .models import DesignVersion
from .selectors import compliance_of_spec, design_version_for, may_draft, report_context, spec_of
from .services import design_save_spec, spec_from_mapping
from .studio import (
    DesignForm,
    body_formset,
    field_errors,
    initial_of,
    mapping_of,
    outcome_formset,
)


class _Read:
    """What a posted studio form says: the forms (with the standard's problems on their
    fields) and the spec when the standard reads it — read once, for the report and the
    save alike."""

    def __init__(self, request: HttpRequest, base: MicroCredentialSpec | None, *,
                 more: str = "") -> None:  # fmt: skip
        self.lang = current_language()
        self.form = DesignForm(request.POST, lang=self.lang)
        self.outcomes = outcome_formset(request.POST, more=int(more == "outcomes"))
        self.bodies = body_formset(request.POST, lang=self.lang, more=int(more == "bodies"))
        self.spec: MicroCredentialSpec | None = None
        self.general: list[str] = []
        if more:  # another row asked for: the form is shown again, not judged
            return
        valid = [f.is_valid() for f in (self.form, self.outcomes, self.bodies)]
        if not all(valid):
            self.general = [str(e) for rows in (self.bodies, self.outcomes)
                            for e in rows.non_form_errors()]  # fmt: skip
            return
        data, where = mapping_of(self.form, self.outcomes, self.bodies, base)
        try:
            self.spec = spec_from_mapping(data)
        except DesignError as exc:
            fields, self.general = field_errors(exc.problems, where, self.lang)
            for name, texts in fields.items():
                self._attach(name, texts)

    def _attach(self, name: str, texts: list[str]) -> None:
        if name.startswith(("outcomes-", "bodies-")):
            prefix, index, field = name.split("-", 2)
            rows = self.outcomes if prefix == "outcomes" else self.bodies
            row = rows.forms[int(index)]
            for text in texts:
                row.add_error(field, text)
        else:
            for text in texts:
                self.form.add_error(name, text)

    def problems(self) -> list[str]:
        """Every problem, labelled with its field, for the live panel."""
        out = list(self.general)
        for name, errors in self.form.errors.items():
            label = self.form.fields[name].label if name in self.form.fields else ""
            out += [f"{label}: {e}" for e in errors]
        for index, row in enumerate(self.bodies.forms):
            which = _("Awarding body %(n)s") % {"n": index + 1}
            for name, errors in row.errors.items():
                out += [f"{which}, {row.fields[name].label}: {e}" for e in errors]
        for index, row in enumerate(self.outcomes.forms):
            for name, errors in row.errors.items():
                out += [f"#{index + 1} {row.fields[name].label}: {e}" for e in errors]
        return out


def _page(request: HttpRequest, *, provider: Provider, base: DesignVersion | None,
          read: _Read | None = None, check: bool = False, error: str | None = None,
          status: int = 200) -> HttpResponse:  # fmt: skip
    lang = current_language()
    if read is None:
        # a new design starts under the provider's name, as the QA body verified it
        start = (
            spec_of(base)
            if base
            else MicroCredentialSpec(awarding_bodies=[provider_body(provider)])
        )
        initial, rows, bodies = initial_of(start)
        form, outcomes = DesignForm(initial=initial, lang=lang), outcome_formset(initial=rows)
        body_rows = body_formset(initial=bodies, lang=lang)
        live = _live_context(spec_of(base), [], lang, provider) if base else {"empty": True}
    else:
        form, outcomes, body_rows = read.form, read.outcomes, read.bodies
        live = (_live_context(read.spec, read.problems(), lang, provider) if check
                else {"empty": True})  # fmt: skip
    check_url = (reverse("catalog:edit_check", args=[base.pk]) if base
                 else reverse("catalog:new_check", args=[provider.pk]))  # fmt: skip
    return render(request, "catalog/studio.html", {
        "provider": provider, "base": base, "form": form, "outcomes": outcomes,
        "bodies": body_rows,
        "sections": form.sections(), "error": error, "check_url": check_url,
        **live,
    }, status=status)  # fmt: skip


def _live_context(spec: MicroCredentialSpec | None, problems: list[str], lang: str,
                  provider: Provider) -> dict[str, Any]:  # fmt: skip
    if spec is None:
        return {"problems": problems, "unreadable": True}
    mismatch = first_body_problem(spec, provider)  # what submitting would refuse, said now
    if mismatch is not None:
        problems = [*problems, mismatch.text(lang)]
    return {"problems": problems, **report_context(compliance_of_spec(spec, timezone.now()), lang)}


def _drafter(request: HttpRequest, provider: Provider) -> Provider:
    """The provider, when the visitor drafts its designs (a QA officer who sees them gets
    403, a stranger has had 404 already)."""
    if not may_draft(request.user, provider):
        raise PermissionDeniedError(m.NOT_PROVIDER_PERSON)
    return provider


def _studio(request: HttpRequest, provider: Provider, base: DesignVersion | None) -> HttpResponse:
    _drafter(request, provider)
    if request.method != "POST":
        return _page(request, provider=provider, base=base)
    action = request.POST.get("action", "save")
    base_spec = spec_of(base) if base else None
    more = {"more": "outcomes", "more_bodies": "bodies"}.get(action, "")
    read = _Read(request, base_spec, more=more)
    if more:
        return _page(request, provider=provider, base=base, read=read)
    if action == "check" or read.spec is None:
        status = 200 if action == "check" else 422
        return _page(request, provider=provider, base=base, read=read, check=True, status=status)
    try:  # the design as the form's one reading made it: not read again to be saved
        version = design_save_spec(user=request.user, provider=provider,  # type: ignore[arg-type]
                                   spec=read.spec, now=timezone.now(),
                                   design=base.design if base else None)  # fmt: skip
    except PlatformError as exc:
        if exc.status in (403, 404):
            raise
        return _page(request, provider=provider, base=base, read=read, check=True,
                     error=exc.text(current_language()), status=exc.status)  # fmt: skip
    return redirect("catalog:version", version_id=version.pk)


def _live(request: HttpRequest, provider: Provider, base: DesignVersion | None) -> HttpResponse:
    read = _Read(request, spec_of(base) if base else None)
    context = _live_context(read.spec, read.problems(), current_language(), provider)
    # the phone's sticky verdict bar, swapped out of band by htmx
    return render(request, "catalog/_live.html", {**context, "oob": True})


@login_required
def new(request: HttpRequest, provider_id: int) -> HttpResponse:
    return _studio(request, provider_for(request.user, provider_id), None)


@login_required
def edit(request: HttpRequest, version_id: int) -> HttpResponse:
    base = design_version_for(request.user, version_id)
    return _studio(request, base.design.provider, base)


@login_required
@require_POST
def new_check(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = _drafter(request, provider_for(request.user, provider_id))
    return _live(request, provider, None)


@login_required
@require_POST
def edit_check(request: HttpRequest, version_id: int) -> HttpResponse:
    base = design_version_for(request.user, version_id)
    _drafter(request, base.design.provider)
    return _live(request, base.design.provider, base)
