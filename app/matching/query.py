"""What a caller asks: the query dataclasses and the error for an unknown structured term.

Presence and bounds are validated by the HTTP layer; this module only defines the shape and
the domain error, which carries the offending field, value and the closest known ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RegionSide = Literal["left", "right", "both"]
GroupBy = Literal["trigger_point", "muscle"]


@dataclass(frozen=True, slots=True)
class RegionInput:
    """A region tapped on a body map (id, name or synonym) and, optionally, its side."""

    region: str
    side: RegionSide | None = None


@dataclass(frozen=True, slots=True)
class MatchQuery:
    """Everything a person told us. Structured values accept an id, a name or a synonym."""

    text: str | None = None
    regions: tuple[RegionInput, ...] = ()
    symptoms: tuple[str, ...] = ()
    absent_symptoms: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    age: int | None = None
    sex: str | None = None
    limit: int = 10
    group_by: GroupBy = "trigger_point"


class UnknownTermError(ValueError):
    """A structured value matched no id, name or synonym of its kind."""

    def __init__(self, field: str, value: str, suggestions: tuple[str, ...]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"{field}: unknown value {value!r}{hint}")
        self.field = field
        self.value = value
        self.suggestions = suggestions
