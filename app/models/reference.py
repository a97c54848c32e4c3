"""Reference tables: sources, regions, symptoms, factors, conditions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


class Source(Base):
    """A published work that facts in the dataset are cited to."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    # manual, trigger-point-study, experimental-pain-study, textbook, web-page, clinical-guidance,
    # code-set (app.dataset.evidence)
    kind: Mapped[str] = mapped_column(String(40), default="manual")
    authors: Mapped[str] = mapped_column(String(400))
    title: Mapped[str] = mapped_column(String(400))
    edition: Mapped[str | None] = mapped_column(String(40))
    volume: Mapped[str | None] = mapped_column(String(20))
    publisher: Mapped[str | None] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(100))
    year: Mapped[int | None] = mapped_column(Integer)
    isbn: Mapped[str | None] = mapped_column(String(40))
    url: Mapped[str | None] = mapped_column(String(500))


class Region(Base):
    """A body region; ``parent`` makes the area > region > subregion hierarchy."""

    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    view: Mapped[str | None] = mapped_column(String(20))
    lateral: Mapped[bool] = mapped_column("is_lateral", Boolean, default=False)
    synonyms: Mapped[list[str]] = mapped_column(JSON, default=list)
    codes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    position: Mapped[int] = mapped_column(Integer, default=0)
    search_text: Mapped[str] = mapped_column(Text, default="")

    parent: Mapped[Region | None] = relationship(remote_side=[id], lazy="raise")


class Symptom(Base):
    __tablename__ = "symptoms"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    synonyms: Mapped[list[str]] = mapped_column(JSON, default=list)
    search_text: Mapped[str] = mapped_column(Text, default="")


class Factor(Base):
    """An activating or perpetuating factor (stress, posture, pregnancy...)."""

    __tablename__ = "factors"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    synonyms: Mapped[list[str]] = mapped_column(JSON, default=list)
    search_text: Mapped[str] = mapped_column(Text, default="")


class Condition(Base):
    """A condition that trigger-point pain mimics, with its codes."""

    __tablename__ = "conditions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    synonyms: Mapped[list[str]] = mapped_column(JSON, default=list)
    icd10_cm: Mapped[list[str]] = mapped_column(JSON, default=list)
    snomed_ct: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
