"""Plain, immutable records the matcher is built from.

This is the contract between the database (or the data files) and the pure matcher: the
dataset package turns ORM rows or validated YAML into these records, and `app.matching`
never sees anything else. Every identifier is a public slug.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.matching.phrases import TermKind

ZoneKind = Literal["essential", "spillover"]
ReferralSide = Literal["ipsilateral", "contralateral", "bilateral", "midline"]
TriageLevel = Literal["emergency", "urgent", "see_clinician", "self_care"]


@dataclass(frozen=True, slots=True)
class RegionRecord:
    id: str
    name: str
    parent: str | None
    lateral: bool
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ZoneRecord:
    region: str
    zone: ZoneKind
    weight: float


@dataclass(frozen=True, slots=True)
class TriggerPointRecord:
    id: str
    name: str
    label: str
    muscle_id: str
    muscle_name: str
    referral_side: ReferralSide
    zones: tuple[ZoneRecord, ...]
    symptoms: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    muscle_synonyms: tuple[str, ...] = ()
    common: bool = False  # the manual calls it common or among the most frequent
    pattern_from: str | None = None  # the muscle whose pattern it is given, if not its own


@dataclass(frozen=True, slots=True)
class TermRecord:
    """A symptom, a perpetuating factor or a condition: an id, a name and lay synonyms."""

    id: str
    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VocabularyRecord:
    """A lay or clinical phrase and what it points to."""

    phrase: str
    regions: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()

    def pointed(self) -> list[tuple[TermKind, str]]:
        """(kind, id) of every term the phrase points to."""
        return [
            *(("region", r) for r in self.regions),
            *(("symptom", s) for s in self.symptoms),
            *(("factor", f) for f in self.factors),
            *(("condition", c) for c in self.conditions),
        ]


ConceptKind = Literal[
    "site",
    "symptom",
    "quality",
    "onset",
    "course",
    "function",
    "systemic",
    "context",
    "household",
    "diagnosis",
    "finding",
    "mask",
]


@dataclass(frozen=True, slots=True)
class TriageConceptRecord:
    """A clinical idea triage rules are written in ("numbness", "the saddle area", "cancer
    history"). It is present when the text uses one of its phrases, names one of its regions,
    symptoms, factors or conditions (in text or as a structured input), when every concept of
    `near` is present close together in the text (a *finding*: numbness in the saddle area), or
    when the age is at least `min_age`. `history` keeps it when said of the patient's past ("I
    had cancer")."""

    id: str
    kind: ConceptKind
    label: str
    phrases: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    min_age: int | None = None
    history: bool = False


@dataclass(frozen=True, slots=True)
class RuleRecord:
    """A combination of concepts: every group of `all` needs one of its concepts present, and no
    concept of `none` may be present. `level` lowers the flag's level for partial evidence."""

    all: tuple[tuple[str, ...], ...]
    none: tuple[str, ...] = ()
    level: TriageLevel | None = None


@dataclass(frozen=True, slots=True)
class RedFlagRecord:
    """A red flag fires when any of its rules holds; the hit takes the rule's level."""

    id: str
    level: TriageLevel
    title: str
    advice: str
    rules: tuple[RuleRecord, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScreeningQuestionRecord:
    """A yes/no question worth asking when `ask_when` holds (any group of concepts all present)
    and the answer is not known yet; "yes" asserts the `yes_means` concepts, "no" denies them."""

    id: str
    text: str
    red_flag: str
    ask_when: tuple[tuple[str, ...], ...]
    yes_means: tuple[str, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DatasetRecords:
    version: str
    regions: tuple[RegionRecord, ...]
    trigger_points: tuple[TriggerPointRecord, ...]
    symptoms: tuple[TermRecord, ...]
    factors: tuple[TermRecord, ...]
    conditions: tuple[TermRecord, ...]
    vocabulary: tuple[VocabularyRecord, ...]
    red_flags: tuple[RedFlagRecord, ...]
    triage_concepts: tuple[TriageConceptRecord, ...] = ()
    screening_questions: tuple[ScreeningQuestionRecord, ...] = ()

    def terms_by_kind(self) -> list[tuple[TermKind, Sequence[RegionRecord] | Sequence[TermRecord]]]:
        """The regions, symptoms, factors and conditions, each list with its kind."""
        return [
            ("region", self.regions),
            ("symptom", self.symptoms),
            ("factor", self.factors),
            ("condition", self.conditions),
        ]
