"""The QA body's pages — the queue, a version's checklist and decision, the statistics
per provider — and the pages a provider's people see: a design's review history and
their QA dashboard. Thin: parse the form, call one service or selector, render."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...standard.annexes import AnnexIIPrinciple
from ..accounts.models import Role
from ..accounts.selectors import has_role
from ..core.errors import NotFoundError, PlatformError
from ..core.forms import show_field_errors
from ..core.language import current_language
from ..issuance.selectors import award_for
from ..providers.models import Provider
from ..providers.selectors import provider_for, providers_of
from . import messages as m
from .feedback import feedback_give, feedback_summary
from .forms import ChecklistForm, FeedbackForm
from .selectors import (
    change_requests_of,
    design_history,
    provider_stats,
    review_queue,
    reviewable_version,
    reviews_of_provider,
    stats_for_qa_body,
    version_checklist,
)
from .services import COMMENT_LIMIT, design_review

#: the words for the standard's evidence statuses (`standard.compliance.Evidence`)
EVIDENCE_LABELS = {
    "evidenced": _("evidenced in the design"),
    "partial": _("partly evidenced"),
    "not-evidenced": _("not evidenced"),
    "by-platform": _("provided by the platform"),
}


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    return render(request, "qa/queue.html", {"versions": review_queue(request.user)})


def _errors(form: ChecklistForm, error: PlatformError | None) -> list[dict[str, Any]]:
    """The error summary: each problem with the id of the field it links to."""
    lang = current_language()
    found: list[dict[str, Any]] = []
    keys = {str(p): p for p in AnnexIIPrinciple}
    fields: dict[str, list[str]] = dict(error.extra.get("fields", {})) if error else {}
    for name, messages in fields.items():
        texts = [m.FIELD_MESSAGES[c].text(lang, limit=COMMENT_LIMIT) if c in m.FIELD_MESSAGES else c
                 for c in messages]  # fmt: skip
        key = name.removeprefix("checklist.")
        if key in keys:
            target, label = f"id_{key}-answer_0", keys[key].label(lang)
        elif name == "reason":
            target, label = "id_reason", str(_("Reason"))
        else:
            target, label = f"id_{AnnexIIPrinciple.QUALITY}-answer_0", str(_("Checklist"))
        found.extend({"field": key, "target": target, "label": label, "text": t} for t in texts)
    for name, problems in form.errors.items():
        target = "id_decision_0" if name == "decision" else f"id_{name}"
        found.extend({"field": name.removesuffix("-answer").removesuffix("-comment"),
                      "target": target, "label": str(form.fields[name].label), "text": t}
                     for t in problems)  # fmt: skip
    return found


@login_required
def review(request: HttpRequest, version_id: int) -> HttpResponse:
    version = reviewable_version(request.user, version_id)
    form = ChecklistForm(request.POST or None)
    error: PlatformError | None = None
    if request.method == "POST" and form.is_valid():
        try:
            design_review(officer=request.user, version=version,  # type: ignore[arg-type]
                          decision=form.cleaned_data["decision"],
                          reason=form.cleaned_data["reason"], checklist=form.checklist(),
                          now=timezone.now())  # fmt: skip
        except PlatformError as exc:
            if exc.status == 403:
                raise
            error = exc
        else:
            return redirect("qa:history", design_id=version.design_id)
    lang = current_language()
    errors = _errors(form, error)
    rows = version_checklist(version, lang, timezone.now())
    principles = [{"row": r, "answer": form.principle_fields(r.principle)[0],
                   "comment": form.principle_fields(r.principle)[1],
                   "evidence_label": EVIDENCE_LABELS.get(r.evidence, r.evidence),
                   "errors": [e["text"] for e in errors if e["field"] == r.key]}
                  for r in rows]  # fmt: skip
    status = 200 if request.method == "GET" else (error.status if error else 422)
    return render(request, "qa/review.html", {
        "version": version, "title": version.title(lang), "form": form, "errors": errors,
        "principles": principles, "message": error.text(lang) if error else None,
        "reason_errors": [e["text"] for e in errors if e["field"] == "reason"],
        "decision_errors": [e["text"] for e in errors if e["field"] == "decision"],
        "checklist_errors": [e["text"] for e in errors if e["field"] == "checklist"],
        "open": version.status == "submitted",
        "may_decide": has_role(request.user, Role.QA_OFFICER),
    }, status=status)  # fmt: skip


@login_required
def history(request: HttpRequest, design_id: int) -> HttpResponse:
    design, versions = design_history(request.user, design_id)
    lang = current_language()
    labels = {str(p): p.label(lang) for p in AnnexIIPrinciple}
    return render(request, "qa/history.html", {
        "design": design, "versions": versions, "labels": labels,
        "title": versions[0].title(lang) if versions else str(design),
        "may_review": has_role(request.user, Role.QA_OFFICER),
    })  # fmt: skip


@login_required
def stats(request: HttpRequest) -> HttpResponse:
    return render(request, "qa/stats.html", {"stats": _labelled(stats_for_qa_body(request.user))})


def _labelled(rows: list[Any]) -> list[dict[str, Any]]:
    lang = current_language()
    return [{"s": s, "unmet": [(p.label(lang), n) for p, n in s.unmet]} for s in rows]


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The dashboards of the providers the person belongs to (straight to it when one)."""
    own = list(providers_of(request.user).order_by("legal_name")) if not has_role(
        request.user, Role.QA_OFFICER, Role.PLATFORM_ADMIN) else []  # fmt: skip
    if len(own) == 1:
        return redirect("qa:dashboard", provider_id=own[0].pk)
    return render(request, "qa/mine.html", {"providers": own})


@login_required
def dashboard(request: HttpRequest, provider_id: int) -> HttpResponse:
    provider = provider_for(request.user, provider_id)
    lang = current_language()
    labels = {str(p): p.label(lang) for p in AnnexIIPrinciple}
    (own,) = _labelled(provider_stats(Provider.objects.filter(pk=provider.pk)))
    return render(request, "qa/dashboard.html", {
        "provider": provider, "own": own, "labels": labels, "lang": lang,
        "requests": change_requests_of(provider),
        "reviews": reviews_of_provider(provider)[:50],
        "feedback": feedback_summary(provider),
    })  # fmt: skip


@login_required
def feedback(request: HttpRequest, award_id: UUID) -> HttpResponse:
    """The learner's feedback form on one award (once; then what they gave)."""
    award = award_for(request.user, award_id)
    if award.email.casefold() != request.user.email.casefold():  # type: ignore[union-attr]
        raise NotFoundError()  # the learner's own page: the provider's people have theirs
    form = FeedbackForm(request.POST or None)
    error: PlatformError | None = None
    if request.method == "POST" and form.is_valid():
        try:
            feedback_give(user=request.user, award=award, rating=form.cleaned_data["rating"],
                          comment=form.cleaned_data["comment"], now=timezone.now())  # fmt: skip
        except PlatformError as exc:
            if exc.status == 403:
                raise
            error = exc
            show_field_errors(form, exc)
        else:
            return redirect("issuance:award", award_id=award.pk)
    lang = current_language()
    return render(request, "qa/feedback.html", {
        "award": award, "title": award.version.title(lang), "form": form,
        "message": error.text(lang) if error else None, "revoked": award.state == "revoked",
    }, status=error.status if error else 200)  # fmt: skip
