"""The design studio's form: one field for every Annex I element (and the Annex II
evidence a design carries), assembled into the design-file mapping that
:func:`microcred.standard.designfile.loads` reads, and the standard's problems mapped
back onto the fields.

Nothing here decides what a valid or complete design is: the choices are the standard's
vocabularies (:mod:`microcred.standard.vocab`), the legends its Annex I element names,
and every value — an unknown key, a number that is none, a URL that is no web address —
goes to the standard, whose problem (in Polish or English) is shown under the field it
came from. Fields are plain text or select widgets on purpose: a Django ``ChoiceField``
or ``DecimalField`` would judge the value first, a second copy of the standard's rules.

The awarding bodies and the learning outcomes are rows (formsets: a row added by a
button, a row removed by its check box or by emptying it); a new design's first awarding
body is its provider (:mod:`.awarding`). Keys of the edited version this form does not
show (an awarding body's further register entries, a grading scale, an outcome's level,
Annex II partners...) are carried into the new version unchanged, so editing in the
studio never loses what an imported file said.
"""

from __future__ import annotations

__all__ = [
    "BODY_SPOTS",
    "SECTIONS",
    "BodyForm",
    "DesignForm",
    "OutcomeForm",
    "body_formset",
    "field_errors",
    "initial_of",
    "mapping_of",
    "outcome_formset",
]

import copy
import itertools
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from ...standard.annexes import AnnexIElement
from ...standard.elements import MicroCredentialSpec
from ...standard.errors import FieldProblem
from ...standard.vocab import Concept
from ...standard.vocab.countries import Country
from ...standard.vocab.identity import IdentityAttribute, LegalIdentifierScheme
from ...standard.vocab.isced import IscedField
from ...standard.vocab.languages import Language
from ...standard.vocab.learning import AssessmentMethod, FormOfParticipation, SupervisionLevel
from ...standard.vocab.levels import EqfLevel, Framework, PrkLevel, QfEheaCycle
from ...standard.vocab.pathways import IntegrationOption
from ...standard.vocab.quality import QualityAssuranceType
from ..esco.forms import skill_uris_from

Path = tuple[str | int, ...]
LANGS = ("pl", "en")
#: the most learning-outcome rows one form holds
MAX_OUTCOMES = 50
#: the most awarding-body rows one form holds
MAX_BODIES = 20


@dataclass(frozen=True)
class Spot:
    """One field of the form: its name, where its value goes in the design mapping, and
    how it is typed: ``ltext`` (a text per language: fields ``<name>_pl``, ``<name>_en``),
    ``text``, ``long`` (several lines), ``number``, ``url``, ``choice``, ``multi`` (a
    list of vocabulary keys), ``lines`` (a list of texts, one a line, per language)."""

    name: str
    path: Path
    kind: str
    label: Any
    vocab: type[Concept] | None = None
    help: Any = ""


def _s(name: str, path: Path, kind: str, label: Any, vocab: type[Concept] | None = None,
       help: Any = "") -> Spot:  # fmt: skip
    return Spot(name, path, kind, label, vocab, help)


#: the form's sections: a legend (an Annex I element of the standard, or a text of
#: ours for the description and the Annex II evidence), whether Annex I makes it
#: mandatory, and its fields
SECTIONS: list[tuple[AnnexIElement | Any, bool, list[Spot]]] = [
    (
        AnnexIElement.TITLE,
        True,
        [
            _s("title", ("title",), "ltext", _("Title")),
            _s("description", ("description",), "long", _("Description")),
            _s(
                "id",
                ("id",),
                "text",
                _("Short identifier"),
                help=_("Lower-case letters, digits, dots and hyphens, e.g. python-basics."),
            ),
        ],
    ),
    (AnnexIElement.AWARDING_BODY, True, []),  # the awarding bodies' rows (BodyForm)
    (
        AnnexIElement.LEARNER,
        True,
        [
            _s(
                "learner_identification",
                ("learner_identification",),
                "multi",
                _("What each award records about the learner"),
                IdentityAttribute,
            ),
        ],
    ),
    (AnnexIElement.LEARNING_OUTCOMES, True, []),  # the outcome rows (OutcomeForm)
    (
        AnnexIElement.WORKLOAD,
        True,
        [
            _s("workload_ects", ("workload", "ects"), "number", _("ECTS credits")),
            _s("workload_hours", ("workload", "hours"), "number", _("Hours")),
            _s("workload_description", ("workload", "description"), "ltext", _("Notes")),
        ],
    ),
    (
        AnnexIElement.LEVEL,
        True,
        [
            _s("level_eqf", ("levels", Framework.EQF.value), "choice", Framework.EQF, EqfLevel),
            _s(
                "level_qf_ehea",
                ("levels", Framework.QF_EHEA.value),
                "choice",
                Framework.QF_EHEA,
                QfEheaCycle,
            ),
            _s("level_prk", ("levels", Framework.PRK.value), "choice", Framework.PRK, PrkLevel),
        ],
    ),
    (
        AnnexIElement.ASSESSMENT,
        True,
        [
            _s(
                "assessment_methods",
                ("assessment", "methods"),
                "multi",
                _("Methods"),
                AssessmentMethod,
            ),
            _s("assessment_description", ("assessment", "description"), "long", _("How")),
            _s("assessment_criteria", ("assessment", "criteria"), "long", _("Criteria")),
        ],
    ),
    (
        AnnexIElement.PARTICIPATION,
        True,
        [
            _s(
                "form_of_participation",
                ("form_of_participation",),
                "choice",
                AnnexIElement.PARTICIPATION,
                FormOfParticipation,
            ),
        ],
    ),
    (
        AnnexIElement.QUALITY_ASSURANCE,
        True,
        [
            _s(
                "qa_types",
                ("quality_assurance", "types"),
                "multi",
                _("Types"),
                QualityAssuranceType,
            ),
            _s("qa_body", ("quality_assurance", "body"), "ltext", _("Quality assurance body")),
            _s("qa_description", ("quality_assurance", "description"), "long", _("Description")),
            _s("qa_url", ("quality_assurance", "url"), "url", _("Address")),
        ],
    ),
    (
        AnnexIElement.PREREQUISITES,
        False,
        [
            _s("prerequisites", ("prerequisites",), "long", AnnexIElement.PREREQUISITES),
        ],
    ),
    (
        AnnexIElement.SUPERVISION,
        False,
        [
            _s(
                "supervision",
                ("supervision",),
                "choice",
                AnnexIElement.SUPERVISION,
                SupervisionLevel,
            ),
        ],
    ),
    (
        AnnexIElement.GRADE,
        False,
        [
            _s(
                "grading",
                ("grading",),
                "ltext",
                _("Grading scheme"),
                help=_(
                    "A grading scale (the grades themselves) is kept from the version you "
                    "edit; import a design file to change it."
                ),
            ),
        ],
    ),
    (
        AnnexIElement.INTEGRATION,
        False,
        [
            _s(
                "integration_option",
                ("integration", "option"),
                "choice",
                _("Option"),
                IntegrationOption,
            ),
            _s(
                "integration_towards",
                ("integration", "towards"),
                "lines",
                _("Stacks towards (one credential a line)"),
            ),
        ],
    ),
    (
        AnnexIElement.FURTHER_INFORMATION,
        False,
        [
            _s("further_text", ("further_information", "text"), "long", _("Text")),
            _s("further_url", ("further_information", "url"), "url", _("Address")),
        ],
    ),
    (
        _("Description and Annex II evidence"),
        False,
        [
            _s("languages", ("languages",), "multi", _("Languages of instruction"), Language),
            _s(
                "fields_of_education",
                ("fields_of_education",),
                "multi",
                _("Fields of education (ISCED-F)"),
                IscedField,
            ),
            _s("target_group", ("target_group",), "long", _("Target group")),
            _s(
                "relevance_need",
                ("relevance", "need"),
                "long",
                _("Labour-market or learning need it answers"),
            ),
            _s("recognition", ("recognition",), "long", _("Recognition")),
            _s(
                "validation_of_prior_learning",
                ("validation_of_prior_learning",),
                "long",
                _("Validation of prior learning"),
            ),
            _s("learner_feedback", ("learner_feedback",), "long", _("Learner feedback")),
            _s("guidance", ("guidance",), "long", _("Information and guidance")),
            _s(
                "validity_months",
                ("validity_months",),
                "number",
                _("Validity of each award (months)"),
            ),
        ],
    ),
]
SPOTS: list[Spot] = [spot for _legend, _mandatory, spots in SECTIONS for spot in spots]
#: the fields of one awarding body, their paths inside it
BODY_SPOTS: list[Spot] = [
    _s("name", ("name",), "ltext", _("Name")),
    _s("country", ("country",), "choice", AnnexIElement.COUNTRY, Country),
    _s("region", ("region",), "text", _("Region")),
    _s(
        "id_scheme",
        ("legal_identifier", "scheme"),
        "choice",
        _("Legal identifier: register"),
        LegalIdentifierScheme,
    ),
    _s("id_value", ("legal_identifier", "value"), "text", _("Legal identifier: number")),
    _s("url", ("url",), "url", _("Website")),
    _s(
        "registry_name",
        ("registries", 0, "name"),
        "text",
        _("Public register the body is listed in"),
        help=_("e.g. RSPO, POL-on, DEQAR, ZRK."),
    ),
    _s("registry_id", ("registries", 0, "id"), "text", _("Its entry in that register")),
    _s("registry_url", ("registries", 0, "url"), "url", _("Address of the entry")),
]
_TEXTS = ("ltext", "long", "lines")


def _label(label: Any, lang: str) -> Any:
    return label.label(lang) if isinstance(label, Concept) else label


def _choices(vocab: type[Concept], lang: str) -> list[tuple[str, str]]:
    return [(str(c.value), f"{c.label(lang)}") for c in vocab]


class _ListField(forms.Field):
    """A list of submitted keys, passed on as given: the standard judges them."""

    def to_python(self, value: Any) -> list[str]:
        return [str(v) for v in value] if isinstance(value, list | tuple) else []


def _add_fields(form: forms.Form, spots: list[Spot], lang: str) -> None:
    """A field of ``form`` for each of ``spots`` (one per language for texts)."""
    for spot in spots:
        label = _label(spot.label, lang)
        if spot.kind in _TEXTS:
            rows = 1 if spot.kind == "ltext" else 3
            for code in LANGS:
                widget: forms.Widget = (
                    forms.TextInput() if rows == 1 else forms.Textarea(attrs={"rows": rows})
                )
                form.fields[f"{spot.name}_{code}"] = forms.CharField(
                    label=f"{label} ({code.upper()})", required=False, widget=widget,
                    max_length=20_000, help_text=spot.help if code == "pl" else "",
                    strip=True,
                )  # fmt: skip
                widget.attrs["lang"] = code
        elif spot.kind == "choice":
            vocab = spot.vocab or Concept
            form.fields[spot.name] = forms.CharField(
                label=label, required=False, help_text=spot.help,
                widget=forms.Select(choices=[("", "—"), *_choices(vocab, lang)]),
            )  # fmt: skip
        elif spot.kind == "multi":
            vocab = spot.vocab or Concept
            many = len(vocab) > 30
            choices = _choices(vocab, lang)
            form.fields[spot.name] = _ListField(
                label=label, required=False, help_text=spot.help,
                widget=forms.SelectMultiple(choices=choices, attrs={"size": 8})
                if many else forms.CheckboxSelectMultiple(choices=choices),
            )  # fmt: skip
        else:
            attrs = {"inputmode": "decimal"} if spot.kind == "number" else {}
            widget = forms.URLInput() if spot.kind == "url" else forms.TextInput(attrs=attrs)
            form.fields[spot.name] = forms.CharField(
                label=label, required=False, help_text=spot.help, widget=widget,
                max_length=2000,
            )  # fmt: skip


def _names(spots: list[Spot]) -> list[str]:
    """The form fields of ``spots``, in order."""
    return [
        f"{s.name}_{code}" if s.kind in _TEXTS else s.name
        for s in spots
        for code in (LANGS if s.kind in _TEXTS else ("",))
    ]


class DesignForm(forms.Form):
    """Every field of :data:`SECTIONS`, labelled and with choices in ``lang``."""

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang
        _add_fields(self, SPOTS, lang)

    def sections(self) -> list[dict[str, Any]]:
        """The sections as the template shows them: legend, mandatory, bound fields."""
        shown = []
        for legend, mandatory, spots in SECTIONS:
            shown.append({"legend": _label(legend, self.lang), "mandatory": mandatory,
                          "fields": [self[n] for n in _names(spots)],
                          "outcomes": legend is AnnexIElement.LEARNING_OUTCOMES,
                          "bodies": legend is AnnexIElement.AWARDING_BODY})  # fmt: skip
        return shown


class SkillUrisInput(forms.Textarea):
    """An outcome's ESCO skills as the ESCO skill picker posts them (one value per chosen
    skill, or the fallback textarea's lines), read as one URI a line."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str | None:
        if hasattr(data, "getlist") and name in data:
            return "\n".join(skill_uris_from(data, name))
        value: str | None = super().value_from_datadict(data, files, name)
        return value


class OutcomeForm(forms.Form):
    """One learning outcome: its statement per language and its ESCO skills."""

    statement_pl = forms.CharField(
        label=_("Statement (PL)"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2, "lang": "pl"}),
    )  # fmt: skip
    statement_en = forms.CharField(
        label=_("Statement (EN)"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2, "lang": "en"}),
    )  # fmt: skip
    esco_skills = forms.CharField(
        label=_("ESCO skills"), required=False, max_length=20_000, widget=SkillUrisInput(),
    )  # fmt: skip

    def is_blank(self) -> bool:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return not any(str(data.get(k) or "").strip() for k in self.fields)


class BodyForm(forms.Form):
    """One awarding body (:data:`BODY_SPOTS`), and a box to remove it."""

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_fields(self, BODY_SPOTS, lang)
        self.fields["remove"] = forms.BooleanField(label=_("Remove this awarding body"),
                                                   required=False)  # fmt: skip

    def shown(self) -> list[Any]:
        """The body's bound fields as the page shows them (the remove box apart)."""
        return [self[n] for n in _names(BODY_SPOTS)]

    def is_blank(self) -> bool:
        """Removed, or nothing filled in."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        if data.get("remove"):
            return True
        return not any(str(data.get(k) or "").strip() for k in self.fields if k != "remove")


_OutcomeFormSet = formset_factory(OutcomeForm, extra=0, max_num=MAX_OUTCOMES,
                                  validate_max=True, absolute_max=MAX_OUTCOMES)  # fmt: skip
_BodyFormSet = formset_factory(BodyForm, extra=0, max_num=MAX_BODIES, validate_max=True,
                               absolute_max=MAX_BODIES)  # fmt: skip


def _more_rows(data: Any, prefix: str, more: int, most: int) -> Any:
    """The posted ``data`` with ``more`` rows more in formset ``prefix``."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, "0"))
    except ValueError:
        total = 0
    data[key] = str(min(total + more, most))
    return data


def outcome_formset(data: Any = None, *, initial: list[dict[str, str]] | None = None,
                    more: int = 0) -> Any:  # fmt: skip
    """The outcomes' rows: those given plus ``more`` empty ones (at least one empty row
    below the filled ones on a new page)."""
    if data is not None:
        if more:
            data = _more_rows(data, "outcomes", more, MAX_OUTCOMES)
        return _OutcomeFormSet(data, prefix="outcomes")
    rows = list(initial or [])
    rows += [{}] * max(1, 3 - len(rows))
    return _OutcomeFormSet(initial=rows[:MAX_OUTCOMES], prefix="outcomes")


def body_formset(data: Any = None, *, lang: str = "en", initial: list[dict[str, Any]] | None = None,
                 more: int = 0) -> Any:  # fmt: skip
    """The awarding bodies' rows: those given (at least one) plus ``more`` empty ones."""
    if data is not None:
        if more:
            data = _more_rows(data, "bodies", more, MAX_BODIES)
        return _BodyFormSet(data, prefix="bodies", form_kwargs={"lang": lang})
    rows = list(initial or []) or [{}]
    return _BodyFormSet(initial=rows[:MAX_BODIES], prefix="bodies", form_kwargs={"lang": lang})


# --- the form as a design mapping, and back ------------------------------------------


def _get(data: Any, path: Path) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
            data = data[part]
        else:
            if not isinstance(data, dict):
                return None
            data = data.get(part)
    return data


def _put(data: dict[str, Any], path: Path, value: Any) -> None:
    node: Any = data
    for part, after in itertools.pairwise(path):
        fresh: Any = [] if isinstance(after, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append({})
            if not isinstance(node[part], dict | list):
                node[part] = fresh
            node = node[part]
        else:
            if not isinstance(node.get(part), dict | list):
                node[part] = fresh
            node = node[part]
    last = path[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append({})
        node[last] = value
    else:
        node[last] = value


def _drop(data: dict[str, Any], path: Path) -> None:
    parent = _get(data, path[:-1]) if len(path) > 1 else data
    if isinstance(parent, dict):
        parent.pop(str(path[-1]), None)


def _prune(value: Any) -> Any:
    """Drop the empty mappings and lists the form left behind."""
    if isinstance(value, dict):
        kept = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ({}, [], None, "")}
    if isinstance(value, list):
        kept_list = [_prune(v) for v in value]
        return [v for v in kept_list if v not in ({}, [], None, "")]
    return value


def _number(text: str) -> str:
    # A decimal comma is how Polish writes numbers; the standard reads the point.
    return text.replace(",", ".").replace(" ", "") if text else text


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _place(data: dict[str, Any], spot: Spot, cleaned: dict[str, Any], where: dict[str, str], *,
           field: str = "", at: str = "") -> None:  # fmt: skip
    """The value of ``spot`` in a form's ``cleaned`` data put into ``data`` in place of
    what was there; in ``where``, the form field (named ``field`` + the spot's name) of
    each place it fills (``at`` + the spot's path)."""
    _drop(data, spot.path)
    dotted = f"{at}.{_dotted(spot.path)}" if at else _dotted(spot.path)
    name = field + spot.name
    if spot.kind in ("ltext", "long"):
        texts = {c: cleaned.get(f"{spot.name}_{c}") or "" for c in LANGS}
        for c in LANGS:
            where[f"{dotted}.{c}"] = f"{name}_{c}"
        where[dotted] = f"{name}_{LANGS[0]}"
        if any(texts.values()):
            _put(data, spot.path, {c: t for c, t in texts.items() if t})
    elif spot.kind == "lines":
        per_lang = {c: _lines(cleaned.get(f"{spot.name}_{c}") or "") for c in LANGS}
        count = max(len(v) for v in per_lang.values())
        items = [{c: per_lang[c][i] for c in LANGS if i < len(per_lang[c])}
                 for i in range(count)]  # fmt: skip
        where[dotted] = f"{name}_{LANGS[0]}"
        if items:
            _put(data, spot.path, items)
    elif spot.kind == "multi":
        where[dotted] = name
        if cleaned.get(spot.name):
            _put(data, spot.path, list(cleaned[spot.name]))
    else:
        where[dotted] = name
        value = cleaned.get(spot.name) or ""
        if value:
            _put(data, spot.path, _number(value) if spot.kind == "number" else value)


def _bodies(rows: Any, base: list[dict[str, Any]], where: dict[str, str]) -> list[dict[str, Any]]:
    """The awarding bodies the rows say, each over the keys of the edited version's body
    of the same row that the form does not show; removed and empty rows left out."""
    bodies: list[dict[str, Any]] = []
    for index, row in enumerate(rows.forms):
        if row.is_blank():
            continue
        body = copy.deepcopy(base[index]) if index < len(base) else {}
        at, field = f"awarding_bodies[{len(bodies)}]", f"bodies-{index}-"
        for spot in BODY_SPOTS:
            _place(body, spot, row.cleaned_data, where, field=field, at=at)
        where[at] = f"{field}name_{LANGS[0]}"
        bodies.append(body)
    return bodies


def mapping_of(form: DesignForm, outcomes: Any, bodies: Any,
               base: MicroCredentialSpec | None = None) -> tuple[
    dict[str, Any], dict[str, str]]:  # fmt: skip
    """The design mapping the (valid, cleaned) ``form``, ``outcomes`` and awarding
    ``bodies`` say, on top of ``base``'s keys that the form does not show; and, for each
    place in the mapping, the form field it came from (``{"title.pl": "title_pl", ...}``)
    for :func:`field_errors`."""
    data: dict[str, Any] = (
        base.model_dump(mode="json", exclude_none=True, exclude_defaults=True) if base else {}
    )
    data.pop("format", None)
    all_base_levels = data.pop("levels", [])
    base_levels = [lv for lv in all_base_levels if not lv.get("framework")]
    order = [lv.get("framework") for lv in all_base_levels]
    base_outcomes = data.pop("learning_outcomes", [])
    base_bodies = data.pop("awarding_bodies", [])
    where: dict[str, str] = {"awarding_bodies": f"bodies-0-name_{LANGS[0]}"}
    cleaned = form.cleaned_data
    levels: list[dict[str, Any]] = []
    for spot in SPOTS:
        if spot.path[0] == "levels":
            value = cleaned.get(spot.name) or ""
            if value:
                levels.append({"framework": spot.path[1], "value": value, "_field": spot.name})
            continue
        _place(data, spot, cleaned, where)
    found = _bodies(bodies, base_bodies, where)
    if found:
        data["awarding_bodies"] = found
    if levels or base_levels:
        # the frameworks in the order the edited version gave them, then the new ones
        levels.sort(key=lambda lv: order.index(lv["framework"]) if lv["framework"] in order
                    else len(order))  # fmt: skip
        for index, level in enumerate(levels):
            where[f"levels[{index}]"] = level.pop("_field")
        data["levels"] = levels + base_levels
    rows: list[dict[str, Any]] = []
    for index, row in enumerate(outcomes.forms):
        clean = row.cleaned_data
        if row.is_blank():
            continue
        outcome = dict(base_outcomes[index]) if index < len(base_outcomes) else {}
        statement = {c: clean.get(f"statement_{c}", "") for c in LANGS}
        outcome["statement"] = {c: t for c, t in statement.items() if t}
        outcome["esco_skills"] = _lines(clean.get("esco_skills", ""))
        at = f"learning_outcomes[{len(rows)}]"
        for c in LANGS:
            where[f"{at}.statement.{c}"] = f"outcomes-{index}-statement_{c}"
        where[f"{at}.statement"] = f"outcomes-{index}-statement_{LANGS[0]}"
        where[f"{at}.esco_skills"] = f"outcomes-{index}-esco_skills"
        where[at] = f"outcomes-{index}-statement_{LANGS[0]}"
        rows.append(outcome)
    if rows:
        data["learning_outcomes"] = rows
    return _prune(data), where


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def field_errors(problems: list[FieldProblem], where: dict[str, str],
                 lang: str) -> tuple[dict[str, list[str]], list[str]]:  # fmt: skip
    """Each problem of the standard under the form field it came from (the nearest place
    of the mapping that a field fills), in ``lang``; the rest as problems of the form."""
    fields: dict[str, list[str]] = {}
    general: list[str] = []
    for problem in problems:
        place = problem.field
        name = None
        while place:
            if place in where:
                name = where[place]
                break
            cut = max(place.rfind("."), place.rfind("["))
            place = place[:cut] if cut > 0 else ""
        if name is None:
            inside = problem.field + "." if problem.field else None
            below = sorted(k for k in where if inside and k.startswith(inside))
            name = where[below[0]] if below else None
        text = problem.text(lang)
        if name is None:
            general.append(f"{problem.field}: {text}" if problem.field else text)
        else:
            fields.setdefault(name, []).append(text)
    return fields, general


def _initial(data: Any, spots: list[Spot], initial: dict[str, Any]) -> None:
    """The form values of ``spots`` (their levels aside) from the mapping ``data``."""
    for spot in spots:
        value = _get(data, spot.path)
        if value is None:
            continue
        if spot.kind in ("ltext", "long"):
            for c in LANGS:
                if isinstance(value, dict) and value.get(c):
                    initial[f"{spot.name}_{c}"] = value[c]
        elif spot.kind == "lines":
            for c in LANGS:
                initial[f"{spot.name}_{c}"] = "\n".join(
                    item.get(c, "") for item in value if isinstance(item, dict)
                )
        elif spot.kind == "multi":
            initial[spot.name] = [str(v) for v in value]
        else:
            initial[spot.name] = str(value)


def initial_of(spec: MicroCredentialSpec) -> tuple[
    dict[str, Any], list[dict[str, str]], list[dict[str, Any]]]:  # fmt: skip
    """The initial values of the form, of the outcome rows and of the awarding-body rows
    for an existing design."""
    data = spec.model_dump(mode="json", exclude_none=True)
    initial: dict[str, Any] = {}
    for spot in SPOTS:
        if spot.path[0] == "levels":
            level = next((lv for lv in data.get("levels", [])
                          if lv.get("framework") == spot.path[1]), None)  # fmt: skip
            if level:
                initial[spot.name] = str(level["value"])
    _initial(data, [spot for spot in SPOTS if spot.path[0] != "levels"], initial)
    rows = [
        {
            **{f"statement_{c}": o["statement"].get(c, "") for c in LANGS},
            "esco_skills": "\n".join(o.get("esco_skills", [])),
        }
        for o in data.get("learning_outcomes", [])
    ]
    bodies: list[dict[str, Any]] = []
    for body in data.get("awarding_bodies", []):
        row: dict[str, Any] = {}
        _initial(body, BODY_SPOTS, row)
        bodies.append(row)
    return initial, rows, bodies
