"""Every ORM class, importable from one place (Alembic autogenerate reads ``Base.metadata``)."""

from app.models.base import Base
from app.models.catalog import (
    Muscle,
    ReferralZone,
    TriggerPoint,
    TriggerPointAssociatedMuscle,
    TriggerPointCondition,
    TriggerPointFactor,
    TriggerPointSymptom,
)
from app.models.provenance import (
    ConditionSource,
    DatasetVersion,
    MuscleSource,
    TriggerPointSource,
    VocabularyEntry,
)
from app.models.reference import Condition, Factor, Region, Source, Symptom
from app.models.triage import RedFlag, ScreeningQuestion, TriageConcept

__all__ = [
    "Base",
    "Condition",
    "ConditionSource",
    "DatasetVersion",
    "Factor",
    "Muscle",
    "MuscleSource",
    "RedFlag",
    "ReferralZone",
    "Region",
    "ScreeningQuestion",
    "Source",
    "Symptom",
    "TriageConcept",
    "TriggerPoint",
    "TriggerPointAssociatedMuscle",
    "TriggerPointCondition",
    "TriggerPointFactor",
    "TriggerPointSource",
    "TriggerPointSymptom",
    "VocabularyEntry",
]
