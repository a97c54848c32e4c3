"""Response models of the catalog API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from app.dataset.evidence import EvidenceLevel, SourceKind
from app.schemas import Output

Zone = Literal["essential", "spillover"]


class Ref(Output):
    """A public id and a display name."""

    id: str = Field(examples=["temple"])
    name: str = Field(examples=["Temple"])


class RegionSummary(Ref):
    view: str | None = Field(None, examples=["lateral"])
    lateral: bool = Field(description="True when the region exists on the left and the right.")
    parent: str | None = Field(None, examples=["head"])


class RegionDetail(RegionSummary):
    synonyms: list[str]
    codes: dict[str, str]
    ancestors: list[Ref] = Field(description="From the root area down to the parent.")
    children: list[RegionSummary]


class Citation(Output):
    source: str = Field(examples=["ts-vol1"])
    kind: SourceKind = Field(
        description="What the work is: the trigger point manual, a trigger-point study, an "
        "experimental-pain study (induced pain in volunteers, not trigger points), a textbook, a "
        "web page, clinical guidance or a code set."
    )
    title: str
    authors: str
    edition: str | None = None
    volume: str | None = None
    year: int | None = None
    chapter: str = Field("", examples=["Sternocleidomastoid muscle"])
    figure: str = ""


class ReferralZone(Output):
    region: RegionSummary
    zone: Zone
    weight: float = Field(gt=0, le=1)


class TriggerPointSummary(Ref):
    label: str = Field(examples=["Sternal division"])
    muscle: Ref
    evidence: EvidenceLevel = Field(
        description="How strong the evidence for its pattern is: `manual` (the Trigger Point "
        "Manual describes it), `study` (a study of trigger points in people does), `secondary` "
        "(a textbook or web page passes it on, or an experimental-pain study suggests it)."
    )


class TriggerPointDetail(TriggerPointSummary):
    location: str
    landmarks: str
    referral_side: str = Field(examples=["ipsilateral"])
    common: bool = Field(description="The manual calls this trigger point common.")
    pattern_from: Ref | None = Field(
        description="The muscle whose referral pattern this trigger point is given, where the "
        "source describes none of its own (the gemelli: the piriformis pattern); null when the "
        "pattern is its own. The matcher ranks a borrowed pattern after an observed one on "
        "equal evidence.",
    )
    referral_zones: list[ReferralZone]
    symptoms: list[Ref]
    factors: list[Ref]
    conditions: list[Ref] = Field(description="Conditions this trigger point's pain mimics.")
    associated_muscles: list[Ref]
    treatment: str
    sources: list[Citation]


class RegionTriggerPoint(Output):
    """A trigger point that refers pain to the region asked for (or a region inside it)."""

    trigger_point: TriggerPointSummary
    muscle: Ref
    zone: Zone
    weight: float
    region: Ref = Field(description="The zone's own region: the one asked for or one inside it.")


class MuscleTriggerPoint(TriggerPointSummary):
    referral_zones: list[ReferralZone]


class MuscleSummary(Ref):
    latin: str
    group: str = Field(examples=["masticatory"])
    region: Ref
    synonyms: list[str]


class MuscleDetail(MuscleSummary):
    innervation: str
    actions: str
    codes: dict[str, str]
    trigger_points: list[MuscleTriggerPoint]
    sources: list[Citation]


class ConditionSummary(Ref):
    synonyms: list[str]
    icd10_cm: list[str] = Field(examples=[["G56.00", "G56.01"]])
    snomed_ct: str | None = None
    trigger_points: list[TriggerPointSummary] = Field(
        description="The trigger points whose pain the literature links to it, head to toe."
    )


class TermSummary(Ref):
    """A symptom (besides pain) or an activating factor: what a picker shows, and what
    `POST /v1/matches` accepts in `symptoms` or `factors` (the id, the name or a synonym)."""

    synonyms: list[str]
    trigger_points: list[TriggerPointSummary] = Field(
        description="The trigger points that list it, head to toe."
    )


class ConditionDetail(ConditionSummary):
    description: str
    sources: list[Citation]


class TableChange(Output):
    inserted: int
    updated: int
    deleted: int
    inserted_ids: list[str] = Field(default_factory=list, examples=[["trapezius-trp8"]])
    updated_ids: list[str] = Field(default_factory=list, examples=[["trapezius-trp1"]])
    deleted_ids: list[str] = Field(default_factory=list)


class DatasetRevision(Output):
    revision: int
    version: str = Field(description="The release the data named at this revision.")
    content_hash: str
    created_at: datetime
    changes: dict[str, TableChange] = Field(
        description="Per table, the rows this revision inserted, updated and deleted: counts, "
        "and the public ids where the table has them (link tables are counted only).",
    )


class Licence(Output):
    data: str = "CC-BY-4.0"
    code: str = "Apache-2.0"


class DatasetInfo(Output):
    version: str = Field(
        description="The release the data names (data/release.yaml), as every response's "
        "`dataset_version` carries it: what to cite.",
        examples=["2026.12.0"],
    )
    revision: int = Field(
        description="This database's own counter, bumped whenever a seed changes the data."
    )
    content_hash: str = Field(
        description="What the data is: the same content has the same hash in every deployment."
    )
    updated_at: datetime | None
    counts: dict[str, int]
    sources: list[Citation]
    licence: Licence = Licence()
