"""Request and response bodies of ``POST /v1/matches`` and ``POST /v1/interpret``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from app.matching.age import MAX_AGE
from app.schemas import Output, StrictInput

Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Side = Literal["left", "right", "both"]
Level = Literal["emergency", "urgent", "see_clinician", "self_care"]

EXAMPLE: dict[str, Any] = {
    "text": "throbbing headache behind my left eye, worse when stressed, no numbness",
    "regions": [{"region": "temple", "side": "left"}],
    "factors": ["stress"],
    "age": 34,
    "limit": 5,
}


class RegionIn(StrictInput):
    region: Term = Field(description="Region id, name or synonym.", examples=["temple"])
    side: Side | None = Field(None, description="Which side was tapped; omit when unknown.")


class InterpretRequest(StrictInput):
    """What a person reported. At least one of ``text``, ``regions`` or ``conditions``."""

    text: str | None = Field(None, max_length=2000, description="Free text, any wording.")
    regions: list[RegionIn] = Field(default_factory=list, max_length=30)
    symptoms: list[Term] = Field(default_factory=list, max_length=30, examples=[["tingling"]])
    absent_symptoms: list[Term] = Field(default_factory=list, max_length=30)
    factors: list[Term] = Field(default_factory=list, max_length=30, examples=[["stress"]])
    conditions: list[Term] = Field(default_factory=list, max_length=10, examples=[["sciatica"]])
    age: int | None = Field(None, ge=0, le=MAX_AGE)
    sex: Literal["female", "male", "other"] | None = None

    @model_validator(mode="after")
    def _something_to_match(self) -> InterpretRequest:
        if not ((self.text and self.text.strip()) or self.regions or self.conditions):
            raise ValueError("give at least one of text, regions or conditions")
        return self


class MatchRequest(InterpretRequest):
    limit: int = Field(10, ge=1, le=50, description="Results to return (1-50).")
    group_by: Literal["trigger_point", "muscle"] = Field(
        "trigger_point", description="One row per trigger point, or per muscle."
    )


class Ref(Output):
    id: str
    name: str


class InterpretedRegion(Output):
    region: str = Field(examples=["temple"])
    name: str
    side: Side | None
    phrase: str = Field(description="The words (or input) this region was read from.")


class Meant(Output):
    kind: Literal["region", "symptom", "factor", "condition"]
    id: str = Field(examples=["behind-eye"])


class InterpretedPhrase(Output):
    text: str = Field(
        description="The phrase as submitted (`text[start:end]`), or as read when unplaced.",
        examples=["behind my left eye"],
    )
    start: int | None = Field(
        description="Character offset of its first character in the submitted text; null when "
        "the reader had to rewrite a word of it (a spoken form such as 'pane' for 'pain').",
        examples=[18],
    )
    end: int | None = Field(description="Offset just after its last character.", examples=[36])
    means: list[Meant]
    negated: bool = Field(description='Inside a negation ("no numbness").')


class Interpretation(Output):
    regions: list[InterpretedRegion]
    symptoms: list[str]
    absent_symptoms: list[str]
    factors: list[str]
    conditions: list[str]
    negated: list[str] = Field(description='Phrases read as denied ("no numbness").')
    unrecognized: list[str] = Field(description="Words that were not understood.")
    age: int | None = Field(
        None,
        description='The age given, or else one the text states ("I\'m 65", "a 70 year old"); '
        "age-dependent red flags use it.",
    )
    phrases: list[InterpretedPhrase] = Field(
        description="Every phrase of the text the reader understood, in text order, with its "
        "character offsets, for highlighting."
    )


class MatchedConcept(Output):
    concept: str = Field(description="The triage concept's id (see GET /v1/red-flags/{id}).")
    label: str
    words: str = Field(description="The words (or the input) it came from.")


class RedFlagHit(Output):
    id: str
    level: Level
    title: str
    message: str = Field(description="What to do, in plain language.")
    matched: list[MatchedConcept] = Field(description="The concepts that fired it.")


class ScreeningQuestion(Output):
    id: str = Field(
        description="Send it in `symptoms` to answer yes, in `absent_symptoms` to answer no."
    )
    text: str
    red_flag: str = Field(description="The red flag it screens for.")


class Triage(Output):
    level: Level
    red_flags: list[RedFlagHit]
    screening: list[ScreeningQuestion] = Field(
        description="Red-flag questions worth asking about what was reported, not answered yet."
    )


class RegionMatch(Output):
    region: str
    zone: Literal["essential", "spillover"]
    matched_via: str | None = Field(
        None, description="The zone's region when credit came through the region hierarchy."
    )


class TriggerPointScore(Output):
    id: str
    name: str
    score: float


class MatchResult(Output):
    rank: int
    score: float = Field(ge=0, le=1)
    trigger_point: Ref
    muscle: Ref
    side: Side | None = Field(description="Side to examine.")
    matched_regions: list[RegionMatch]
    unexplained_regions: list[str]
    explanation: str
    trigger_points: list[TriggerPointScore] = Field(
        default_factory=list, description="With group_by=muscle: the muscle's best trigger points."
    )
    rank_reason: Literal["score", "essential_zones", "common", "own_pattern", "tie"] | None = Field(
        description="What puts this row ahead of the next, in the order the ranking weighs it: a "
        "higher `score`; at an equal score, more matches through essential zones "
        "(`essential_zones`); then a trigger point the manual calls common (`common`), or one "
        "with its own pattern where the next borrows another muscle's (`own_pattern`); else "
        "nothing in the evidence (`tie`: the order is by id). Null for the last row when none "
        "follows."
    )


class InterpretResponse(Output):
    interpretation: Interpretation
    triage: Triage
    disclaimer: str
    dataset_version: str


class MatchResponse(InterpretResponse):
    results: list[MatchResult]
    needs_more_detail: bool = Field(description="True when the input is too vague to rank.")
    ask_about: list[str] = Field(description="Region ids worth asking about when vague.")
    results_withheld: bool = Field(
        description="True when emergency triage replaces the ranked list: show the triage only."
    )
