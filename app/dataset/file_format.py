"""Pydantic models of the files in ``data/`` — one per kind of entry (see data/FORMAT.md)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from app.dataset.evidence import SourceKind
from app.matching.records import ConceptKind

Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=120)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]
LongName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
View = Literal["anterior", "posterior", "lateral", "medial", "plantar", "inferior"]
ReferralSide = Literal["ipsilateral", "contralateral", "bilateral", "midline"]
Level = Literal["emergency", "urgent", "see_clinician"]
MuscleGroup = Literal[
    "masticatory",
    "facial",
    "scalp",
    "anterior-neck",
    "posterior-cervical",
    "suboccipitals",
    "scalenes",
    "shoulder-girdle",
    "rotator-cuff",
    "chest-wall",
    "arm",
    "forearm-extensors",
    "forearm-flexors",
    "hand-intrinsics",
    "paraspinals",
    "respiratory",
    "abdominals",
    "lumbar",
    "hip-flexors",
    "pelvic-floor",
    "gluteals",
    "short-lateral-rotators",
    "thigh-lateral",
    "quadriceps",
    "adductors",
    "hamstrings",
    "knee",
    "leg-anterior",
    "fibularis",
    "triceps-surae",
    "leg-deep-posterior",
    "foot-dorsal",
    "foot-plantar",
]

ESSENTIAL_WEIGHT = 1.0
SPILLOVER_WEIGHT = 0.5


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Entry):
    source: Slug
    chapter: str = Field("", max_length=200)
    figure: str = Field("", max_length=60)

    @field_validator("chapter", "figure", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int | float) else value


class SourceEntry(Entry):
    id: Slug
    kind: SourceKind  # what the work is: see app.dataset.evidence
    authors: LongName
    title: LongName
    edition: str | None = Field(None, max_length=40)
    volume: str | None = Field(None, max_length=20)
    publisher: str | None = Field(None, max_length=200)
    place: str | None = Field(None, max_length=100)
    year: int | None = Field(None, ge=1800, le=2100)
    isbn: str | None = Field(None, max_length=40)
    url: str | None = Field(None, max_length=500)


class Codes(Entry):
    fma: str | None = Field(None, pattern=r"^FMA:\d+$")
    uberon: str | None = Field(None, pattern=r"^UBERON:\d{7}$")
    snomed_ct: str | None = Field(None, pattern=r"^\d{6,18}$")


class RegionEntry(Entry):
    id: Slug
    name: Name
    parent: Slug | None = None
    view: View | None = None
    lateral: bool = False
    synonyms: tuple[Name, ...] = ()
    codes: Codes = Codes()


class TermEntry(Entry):
    """A symptom or a factor."""

    id: Slug
    name: Name
    synonyms: tuple[Name, ...] = ()


class ConditionEntry(TermEntry):
    icd10_cm: tuple[
        Annotated[str, StringConstraints(pattern=r"^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$")], ...
    ]
    snomed_ct: str | None = Field(None, pattern=r"^\d{6,18}$")
    description: Text
    sources: tuple[Citation, ...] = Field(min_length=1)
    # False for a condition no single trigger point stands for: myofascial pain syndrome (which
    # they all cause) and differentials such as fibromyalgia. Every other condition is mimicked
    # by some trigger point (`mimics`).
    mimicked: bool = True


class WeightedRegion(Entry):
    region: Slug
    weight: float = Field(gt=0, le=1)


ZoneItem = Slug | WeightedRegion


class TriggerPointEntry(Entry):
    id: Slug
    label: Name
    location: Text
    landmarks: Text
    referral_side: ReferralSide = "ipsilateral"
    # True only where the manual calls this trigger point common or among the most frequent.
    common: bool = False
    # The muscle whose referral pattern this trigger point is given, where the source describes
    # none of its own (the manual gives the gemelli the piriformis pattern). Such a pattern is
    # borrowed, not observed: on equal evidence the matcher ranks it after observed ones.
    pattern_from: Slug | None = None
    essential: tuple[ZoneItem, ...] = Field(min_length=1)
    spillover: tuple[ZoneItem, ...] = ()
    symptoms: tuple[Slug, ...] = ()
    factors: tuple[Slug, ...] = ()
    mimics: tuple[Slug, ...] = ()
    associated_muscles: tuple[Slug, ...] = ()
    treatment: Text
    sources: tuple[Citation, ...] = Field(min_length=1)

    def zones(self) -> list[tuple[str, str, float]]:
        """(region, zone, weight) for every referral zone, defaults applied."""
        out = []
        for kind, items, default in (
            ("essential", self.essential, ESSENTIAL_WEIGHT),
            ("spillover", self.spillover, SPILLOVER_WEIGHT),
        ):
            for item in items:
                if isinstance(item, str):
                    out.append((item, kind, default))
                else:
                    out.append((item.region, kind, item.weight))
        return out


class MuscleEntry(Entry):
    id: Slug
    name: Name
    latin: Name
    synonyms: tuple[Name, ...] = ()
    group: MuscleGroup
    region: Slug
    innervation: Text
    actions: Text
    codes: Codes = Codes()
    sources: tuple[Citation, ...] = Field(min_length=1)
    trigger_points: tuple[TriggerPointEntry, ...] = Field(min_length=1)


class VocabularyEntry(Entry):
    phrase: Annotated[str, StringConstraints(min_length=1, max_length=120, pattern=r"^[^A-Z]+$")]
    regions: tuple[Slug, ...] = ()
    symptoms: tuple[Slug, ...] = ()
    conditions: tuple[Slug, ...] = ()
    factors: tuple[Slug, ...] = ()


Phrase = Annotated[str, StringConstraints(min_length=1, max_length=120, pattern=r"^[^A-Z]+$")]


class TriageConceptEntry(Entry):
    """A clinical idea triage rules are written in (see data/FORMAT.md, triage/concepts.yaml)."""

    id: Slug
    kind: ConceptKind
    label: Name
    phrases: tuple[Phrase, ...] = ()
    regions: tuple[Slug, ...] = ()
    symptoms: tuple[Slug, ...] = ()
    factors: tuple[Slug, ...] = ()
    conditions: tuple[Slug, ...] = ()
    near: tuple[Slug, ...] = ()
    min_age: int | None = Field(None, ge=0, le=130)
    history: bool = False


class RuleEntry(Entry):
    """Every item of `all` (a concept, or a list of concepts of which one will do) is present,
    and no concept of `none`; `level` lowers the flag's level for partial evidence."""

    all: tuple[Slug | tuple[Slug, ...], ...] = Field(min_length=1)
    none: tuple[Slug, ...] = ()
    level: Level | None = None

    def groups(self) -> tuple[tuple[str, ...], ...]:
        return tuple((item,) if isinstance(item, str) else item for item in self.all)


class RedFlagEntry(Entry):
    id: Slug
    level: Level
    title: LongName
    advice: Text
    rules: tuple[RuleEntry, ...] = Field(min_length=1)
    sources: tuple[Citation, ...] = Field(min_length=1)


class ScreeningQuestionEntry(Entry):
    id: Slug
    text: LongName
    red_flag: Slug
    ask_when: tuple[tuple[Slug, ...], ...] = Field(min_length=1)
    yes_means: tuple[Slug, ...] = Field(min_length=1)
    sources: tuple[Citation, ...] = Field(min_length=1)


class ReleaseEntry(Entry):
    """The dataset's release (``data/release.yaml``): the version people cite."""

    version: str = Field(pattern=r"^\d{4}\.\d{1,2}\.\d+$", examples=["2026.12.0"])
    released: date


class Dataset(Entry):
    """The whole validated dataset, as loaded from ``data/``."""

    release: ReleaseEntry
    sources: tuple[SourceEntry, ...]
    regions: tuple[RegionEntry, ...]
    symptoms: tuple[TermEntry, ...]
    factors: tuple[TermEntry, ...]
    conditions: tuple[ConditionEntry, ...]
    muscles: tuple[MuscleEntry, ...]
    vocabulary: tuple[VocabularyEntry, ...]
    red_flags: tuple[RedFlagEntry, ...]
    triage_concepts: tuple[TriageConceptEntry, ...]
    screening_questions: tuple[ScreeningQuestionEntry, ...]
