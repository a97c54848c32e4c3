"""Triage rules: concepts, red flags over them, and screening questions (see data/triage/)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class TriageConcept(Base):
    """A clinical idea red-flag rules are written in, and how to recognise it."""

    __tablename__ = "triage_concepts"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(160))
    phrases: Mapped[list[str]] = mapped_column(JSON, default=list)
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)
    symptoms: Mapped[list[str]] = mapped_column(JSON, default=list)
    factors: Mapped[list[str]] = mapped_column(JSON, default=list)
    conditions: Mapped[list[str]] = mapped_column(JSON, default=list)
    near: Mapped[list[str]] = mapped_column(JSON, default=list)
    min_age: Mapped[int | None] = mapped_column(Integer)
    history: Mapped[bool] = mapped_column(Boolean, default=False)


class RedFlag(Base):
    """Symptoms that need medical care rather than self-treatment: rules over concepts."""

    __tablename__ = "red_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    level: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(400))
    advice: Mapped[str] = mapped_column(Text)
    # [{"all": [[concept, ...], ...], "none": [concept, ...], "level": level | null}, ...]
    rules: Mapped[list[Any]] = mapped_column(JSON)
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)


class ScreeningQuestion(Base):
    """A red-flag question worth asking, when it is asked, and what a "yes" means."""

    __tablename__ = "screening_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(String(400))
    red_flag_id: Mapped[int] = mapped_column(
        ForeignKey("red_flags.id", ondelete="CASCADE"), index=True
    )
    ask_when: Mapped[list[list[str]]] = mapped_column(JSON)
    yes_means: Mapped[list[str]] = mapped_column(JSON)
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
