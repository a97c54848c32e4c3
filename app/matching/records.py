"""Plain, immutable records the matcher is built from.

This is the contract between the database (or the data files) and the pure matcher: the
dataset package turns ORM rows or validated YAML into these records, and `app.matching`
never sees anything else. Every identifier is a public slug.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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


@dataclass(frozen=True, slots=True)
class RedFlagRecord:
    """A red flag fires when any rule matches; a rule matches when every group has a phrase
    present (and not negated) in the text. `min_age` additionally requires the age to be known
    and at least that value."""

    id: str
    level: TriageLevel
    title: str
    advice: str
    rules: tuple[tuple[tuple[str, ...], ...], ...]
    min_age: int | None = None


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
