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
    RedFlag,
    TriggerPointSource,
    VocabularyEntry,
)
from app.models.reference import Condition, Factor, Region, Source, Symptom

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
    "Source",
    "Symptom",
    "TriggerPoint",
    "TriggerPointAssociatedMuscle",
    "TriggerPointCondition",
    "TriggerPointFactor",
    "TriggerPointSource",
    "TriggerPointSymptom",
    "VocabularyEntry",
]
