"""ESCO as the platform keeps it: skills (with their membership of the ESCO skill
collections), occupations, which skills an occupation needs (essential or optional), and
a record of each loaded dataset.

Every concept's primary key is the UUID that ends its ESCO URI
(``http://data.europa.eu/esco/skill/<uuid>``), so a reload gives the same rows and a
public page's address is the concept's own. Labels are English (complete) and Polish
(where the export has them: not every skill has one); ``search_key`` holds every label
in both languages, lower-cased and without diacritics, one per line, each line starting
with ``\\n`` — what :func:`.selectors.skill_search` matches against.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Collection(models.TextChoices):
    """The ESCO skill collections (one CSV file each in the export)."""

    DIGITAL = "digital", _("digital skills")
    GREEN = "green", _("green skills")
    TRANSVERSAL = "transversal", _("transversal skills")
    DIGCOMP = "digcomp", _("DigComp")
    LANGUAGE = "language", _("language skills")
    RESEARCH = "research", _("research skills")

    @property
    def field(self) -> str:
        """The :class:`Skill` flag saying a skill belongs to this collection."""
        return f"in_{self.value}"


#: ESCO's skill types and reuse levels (the export's values) as a page names them
SKILL_TYPES = {"skill/competence": _("skill or competence"), "knowledge": _("knowledge")}
REUSE_LEVELS = {
    "transversal": _("transversal"),
    "cross-sector": _("cross-sector"),
    "sector-specific": _("sector-specific"),
    "occupation-specific": _("occupation-specific"),
}


class Label(models.Model):
    """What a skill and an occupation share: their URI, labels and description, in
    English and (where ESCO has it) Polish."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    uri = models.CharField(max_length=200, unique=True)
    label_en = models.CharField(max_length=500)
    label_pl = models.CharField(max_length=500, blank=True)
    alt_labels_en = models.TextField(blank=True, help_text="one a line")
    alt_labels_pl = models.TextField(blank=True, help_text="one a line")
    description_en = models.TextField(blank=True)
    description_pl = models.TextField(blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label_en

    def label(self, lang: str) -> tuple[str, str]:
        """The preferred label in ``lang`` and the language it is in: English when
        there is no Polish one (the page then says so)."""
        if lang == "pl" and self.label_pl:
            return self.label_pl, "pl"
        return self.label_en, "en"

    def description(self, lang: str) -> tuple[str, str]:
        """The description in ``lang`` (or English) and the language it is in."""
        if lang == "pl" and self.description_pl:
            return self.description_pl, "pl"
        return self.description_en, "en"


class Skill(Label):
    """An ESCO skill, competence or knowledge concept."""

    skill_type = models.CharField(max_length=40, blank=True)
    reuse_level = models.CharField(max_length=40, blank=True)
    in_digital = models.BooleanField(default=False)
    in_green = models.BooleanField(default=False)
    in_transversal = models.BooleanField(default=False)
    in_digcomp = models.BooleanField(default=False)
    in_language = models.BooleanField(default=False)
    in_research = models.BooleanField(default=False)
    #: every label, normalised (:func:`.text.fold`), each line after a ``\n``
    search_key = models.TextField(blank=True)
    #: the preferred labels, normalised: prefix matches rank first
    key_en = models.CharField(max_length=500, blank=True)
    key_pl = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["label_en"]

    @property
    def skill_type_label(self) -> str:
        """The skill type in the page's language (the export's value if unknown)."""
        return str(SKILL_TYPES.get(self.skill_type, self.skill_type))

    @property
    def reuse_level_label(self) -> str:
        """The reuse level in the page's language (the export's value if unknown)."""
        return str(REUSE_LEVELS.get(self.reuse_level, self.reuse_level))

    @property
    def collections(self) -> list[Collection]:
        """The collections this skill belongs to."""
        return [c for c in Collection if getattr(self, c.field)]


class Occupation(Label):
    """An ESCO occupation, under its ISCO-08 unit group."""

    code = models.CharField(max_length=40, blank=True)
    isco_group = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["label_en"]


class RelationType(models.TextChoices):
    ESSENTIAL = "essential", _("essential")
    OPTIONAL = "optional", _("optional")


class OccupationSkill(models.Model):
    """An occupation needs a skill, essentially or optionally.

    The export names one occupation in its relations that its occupations file lacks
    (v1.1.1): the relation is kept as published, so the occupation is referred to
    without a database constraint, and pages join it away.
    """

    occupation = models.ForeignKey(
        Occupation, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    skill = models.ForeignKey(Skill, on_delete=models.DO_NOTHING, related_name="+")
    relation_type = models.CharField(max_length=10, choices=RelationType.choices)
    skill_type = models.CharField(max_length=40, blank=True)


class Dataset(models.Model):
    """One load of an ESCO export: where from, what it held, when (the latest is the
    one in the tables)."""

    version = models.CharField(max_length=40)
    source = models.CharField(max_length=1000)
    source_pl = models.CharField(max_length=1000, blank=True)
    #: SHA-256 over the files read (names and contents): the same export, the same value
    fingerprint = models.CharField(max_length=64)
    skills = models.PositiveIntegerField()
    occupations = models.PositiveIntegerField()
    relations = models.PositiveIntegerField()
    skills_pl = models.PositiveIntegerField(default=0)
    occupations_pl = models.PositiveIntegerField(default=0)
    loaded_at = models.DateTimeField()
    seconds = models.FloatField(default=0)

    class Meta:
        ordering = ["-loaded_at", "-pk"]

    def __str__(self) -> str:
        return f"ESCO {self.version} ({self.loaded_at:%Y-%m-%d})"
