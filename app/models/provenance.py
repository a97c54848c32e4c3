"""Citations, vocabulary and dataset versions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class _Citation:
    """Columns shared by every citation link: which source, which chapter and figure."""

    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )

    chapter: Mapped[str] = mapped_column(String(200), default="")
    figure: Mapped[str] = mapped_column(String(60), default="")


class MuscleSource(_Citation, Base):
    __tablename__ = "muscle_sources"
    muscle_id: Mapped[int] = mapped_column(
        ForeignKey("muscles.id", ondelete="CASCADE"), primary_key=True
    )


class TriggerPointSource(_Citation, Base):
    __tablename__ = "trigger_point_sources"
    trigger_point_id: Mapped[int] = mapped_column(
        ForeignKey("trigger_points.id", ondelete="CASCADE"), primary_key=True
    )


class ConditionSource(_Citation, Base):
    __tablename__ = "condition_sources"
    condition_id: Mapped[int] = mapped_column(
        ForeignKey("conditions.id", ondelete="CASCADE"), primary_key=True
    )


class VocabularyEntry(Base):
    """A lay or clinical phrase and the region / symptom / condition / factor slugs it means."""

    __tablename__ = "vocabulary"

    id: Mapped[int] = mapped_column(primary_key=True)
    phrase: Mapped[str] = mapped_column(String(120), unique=True)
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)
    symptoms: Mapped[list[str]] = mapped_column(JSON, default=list)
    conditions: Mapped[list[str]] = mapped_column(JSON, default=list)
    factors: Mapped[list[str]] = mapped_column(JSON, default=list)


class DatasetVersion(Base):
    """One row per seed that changed the data: this database's revision number, the release
    the data files name (``data/release.yaml``, what people cite) and the content hash (what
    the data is, in any deployment)."""

    __tablename__ = "dataset_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, unique=True)
    release: Mapped[str] = mapped_column(String(40), default="")
    content_hash: Mapped[str] = mapped_column(String(80))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
