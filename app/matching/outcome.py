"""What the matcher returns. Names and fields map 1:1 to the `POST /v1/matches` JSON, so the
HTTP layer can serialise these directly (orjson writes dataclasses natively).

Plain dataclasses, unlike the matcher's internal records: orjson writes a dataclass that has a
`__dict__` about five times faster than a slotted one, and a frozen dataclass's `__init__` sets
each field through `object.__setattr__`, about twice as slow; a response holds dozens of them.
Nothing changes them once the matcher has returned them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from app.matching.phrases import PhraseTarget
from app.matching.records import TriageLevel, ZoneKind

ResultSide = Literal["left", "right", "both"]
# What puts a row ahead of the next one (see `app.matching.rows.rank_reasons`)
RankReason = Literal["score", "essential_zones", "common", "own_pattern", "tie"]

DISCLAIMER: Final = (
    "TriggerMap suggests muscles that commonly refer pain to the places you describe. It is "
    "not a diagnosis. Seek medical care for severe, sudden, or worsening symptoms, and follow "
    "any red-flag advice given."
)


@dataclass
class InterpretedRegion:
    region: str
    name: str
    side: ResultSide | None
    phrase: str


@dataclass
class InterpretedPhrase:
    """A phrase of the text the reader understood, where it sits in the submitted text
    (`start`, `end`: character offsets, `text[start:end]`; None when the reader had to rewrite a
    word of it), and what it means."""

    text: str
    start: int | None
    end: int | None
    means: tuple[PhraseTarget, ...]  # the phrase table's own (kind, id) targets
    negated: bool


@dataclass
class Interpretation:
    regions: tuple[InterpretedRegion, ...] = ()
    symptoms: tuple[str, ...] = ()
    absent_symptoms: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    negated: tuple[str, ...] = ()
    unrecognized: tuple[str, ...] = ()
    age: int | None = None  # given, or stated in the text ("I'm 65")
    phrases: tuple[InterpretedPhrase, ...] = ()  # in text order, for highlighting


@dataclass
class MatchedConcept:
    """A concept that fired a red flag, and the words (or input) it came from."""

    concept: str
    label: str
    words: str


@dataclass
class RedFlagHit:
    id: str
    level: TriageLevel
    title: str
    message: str
    matched: tuple[MatchedConcept, ...]


@dataclass
class ScreeningQuestion:
    """A red-flag question to ask; answer by sending `id` in `symptoms` (yes) or
    `absent_symptoms` (no)."""

    id: str
    text: str
    red_flag: str


@dataclass
class Triage:
    level: TriageLevel
    red_flags: tuple[RedFlagHit, ...] = ()
    screening: tuple[ScreeningQuestion, ...] = ()


@dataclass
class Ref:
    id: str
    name: str


@dataclass
class RegionMatch:
    """A reported region a trigger point explains; `matched_via` names the zone's region when
    the credit came through the region tree (reported "head", zone on the temple)."""

    region: str
    zone: ZoneKind
    matched_via: str | None = None


@dataclass
class TriggerPointScore:
    id: str
    name: str
    score: float


@dataclass
class MatchResult:
    rank: int
    score: float
    trigger_point: Ref
    muscle: Ref
    side: ResultSide | None
    matched_regions: tuple[RegionMatch, ...]
    unexplained_regions: tuple[str, ...]
    explanation: str
    trigger_points: tuple[TriggerPointScore, ...] = ()  # group_by="muscle": its best TrPs
    rank_reason: RankReason | None = None  # None when no row follows


@dataclass
class MatchOutcome:
    results: tuple[MatchResult, ...]
    interpretation: Interpretation
    triage: Triage
    needs_more_detail: bool
    ask_about: tuple[str, ...]
    dataset_version: str
    results_withheld: bool = False  # True when emergency triage replaces the ranked list
    disclaimer: str = DISCLAIMER
