"""Muscles, trigger points, their referral zones, and the link tables around them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.reference import Region


class Muscle(Base):
    __tablename__ = "muscles"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    latin: Mapped[str] = mapped_column(String(160))
    synonyms: Mapped[list[str]] = mapped_column(JSON, default=list)
    group: Mapped[str] = mapped_column(String(60), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    innervation: Mapped[str] = mapped_column(Text)
    actions: Mapped[str] = mapped_column(Text)
    codes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    search_text: Mapped[str] = mapped_column(Text, default="")

    region: Mapped[Region] = relationship(lazy="raise")


class TriggerPoint(Base):
    __tablename__ = "trigger_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    muscle_id: Mapped[int] = mapped_column(ForeignKey("muscles.id"), index=True)
    label: Mapped[str] = mapped_column(String(160))
    location: Mapped[str] = mapped_column(Text)
    landmarks: Mapped[str] = mapped_column(Text)
    referral_side: Mapped[str] = mapped_column(String(20), default="ipsilateral")
    common: Mapped[bool] = mapped_column(Boolean, default=False)
    # The muscle whose referral pattern this trigger point is given (none: its own, observed).
    pattern_from_id: Mapped[int | None] = mapped_column(ForeignKey("muscles.id"), default=None)
    treatment: Mapped[str] = mapped_column(Text)
    # manual, study or secondary, from the kinds of its sources (app.dataset.evidence)
    evidence: Mapped[str] = mapped_column(String(20), default="manual", index=True)
    # Order within its muscle (TrP1, TrP2...), as listed in data/.
    position: Mapped[int] = mapped_column(Integer, default=0)

    muscle: Mapped[Muscle] = relationship(foreign_keys=[muscle_id], lazy="raise")


class ReferralZone(Base):
    """Where a trigger point sends pain: one region, essential or spillover, with a weight."""

    __tablename__ = "referral_zones"
    __table_args__ = (
        CheckConstraint("zone IN ('essential', 'spillover')", name="zone_kind"),
        CheckConstraint("weight > 0 AND weight <= 1", name="weight_range"),
    )

    trigger_point_id: Mapped[int] = mapped_column(
        ForeignKey("trigger_points.id", ondelete="CASCADE"), primary_key=True
    )
    region_id: Mapped[int] = mapped_column(
        ForeignKey("regions.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    zone: Mapped[str] = mapped_column(String(20))
    weight: Mapped[float] = mapped_column(Float)


def _link(left: str, right: str) -> tuple[Mapped[int], Mapped[int]]:
    return (
        mapped_column(ForeignKey(f"{left}.id", ondelete="CASCADE"), primary_key=True),
        mapped_column(ForeignKey(f"{right}.id", ondelete="CASCADE"), primary_key=True, index=True),
    )


class TriggerPointSymptom(Base):
    __tablename__ = "trigger_point_symptoms"
    trigger_point_id, symptom_id = _link("trigger_points", "symptoms")


class TriggerPointFactor(Base):
    __tablename__ = "trigger_point_factors"
    trigger_point_id, factor_id = _link("trigger_points", "factors")


class TriggerPointCondition(Base):
    __tablename__ = "trigger_point_conditions"
    trigger_point_id, condition_id = _link("trigger_points", "conditions")


class TriggerPointAssociatedMuscle(Base):
    """Muscles whose trigger points commonly develop together with this one."""

    __tablename__ = "trigger_point_associated_muscles"
    trigger_point_id, muscle_id = _link("trigger_points", "muscles")
