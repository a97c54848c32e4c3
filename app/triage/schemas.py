"""Response models of the red-flag endpoints."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.schemas import Output

Level = Literal["emergency", "urgent", "see_clinician"]


class ConceptOut(Output):
    """A triage concept and every way it can be present."""

    id: str
    kind: str
    label: str
    phrases: list[str] = Field(description="Words in the text that mean it.")
    regions: list[str] = Field(description="Regions (and their parts) that mean it.")
    symptoms: list[str]
    factors: list[str]
    conditions: list[str]
    near: list[str] = Field(description="A finding: these concepts close together in the text.")
    min_age: int | None
    history: bool = Field(description="Counts when said of the patient's past.")


class RuleOut(Output):
    level: Level
    when: str = Field(description="The rule in words: every item holds, none of `unless`.")
    all: list[list[str]] = Field(description="Each group needs one of its concepts present.")
    unless: list[str]


class QuestionOut(Output):
    id: str
    text: str
    asked_when: list[list[str]] = Field(description="Asked when every concept of a group holds.")
    yes_means: list[str]


class SourceOut(Output):
    id: str
    title: str
    authors: str
    year: int | None
    url: str | None


class RedFlagSummary(Output):
    id: str
    level: Level
    title: str
    advice: str


class RedFlagOut(RedFlagSummary):
    rules: list[RuleOut]
    concepts: list[ConceptOut] = Field(description="Every concept the rules and questions use.")
    screening: list[QuestionOut]
    sources: list[SourceOut]
