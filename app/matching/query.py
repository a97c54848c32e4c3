"""What a caller asks: the query dataclasses and the error for an unknown structured term.

Presence and bounds are validated by the HTTP layer; this module only defines the shape and
the domain error, which carries where the offending value sits, the value and the closest known
ids.
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


Location = tuple[str | int, ...]  # where a value sits in the query: ("regions", 1, "region")


class UnknownTermError(ValueError):
    """A structured value matched no id, name or synonym of its kind. `loc` says where it sits
    in the query, as the HTTP layer reports it; `kind` is what it should have named."""

    def __init__(self, loc: Location, kind: str, value: str, suggestions: tuple[str, ...]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        where = ".".join(str(part) for part in loc)
        super().__init__(f"{where}: unknown {kind} {value!r}{hint}")
        self.loc = loc
        self.kind = kind
        self.value = value
        self.suggestions = suggestions
