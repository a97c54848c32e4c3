"""Laterality: which side a person means for each place they name.

Side markers are "left", "right", "both", "bilateral(ly)", and "each/either side"; "right" is not
a side in "right now", "right after", "all right". A region takes the side of the *nearest*
marker in its own clause (on a tie, the one before it), so "left temple and eye" puts both on
the left and "right shoulder and left knee" keeps them apart. Regions that are not lateral
(the top of the head, the sacrum) never carry a side. With no marker, a paired part named in the
plural ("my temples", "sore feet") is on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.matching.lexicon import (
    BOTH_SIDES_PLURALS,
    RIGHT_NOT_SIDE_AFTER,
    SIDE_BEFORE_SIDE,
    SIDE_WORDS,
    Side,
)
from app.matching.normalize import Token

_MARKER_WORDS = frozenset(SIDE_WORDS) | frozenset(SIDE_BEFORE_SIDE)


class SideMarker:
    """A word that gives a side, and where it stands (a plain class, which mypyc compiles to a
    native one)."""

    def __init__(
        self,
        pos: int,
        clause: int,
        side: Side,
    ) -> None:
        self.pos = pos
        self.clause = clause
        self.side = side


def side_markers(tokens: Sequence[Token]) -> list[SideMarker]:
    """Every side marker in the text, in order."""
    markers: list[SideMarker] = []
    for pos, token in enumerate(tokens):
        if token.raw not in _MARKER_WORDS:
            continue
        side = _side_at(tokens, pos)
        if side is not None:
            markers.append(SideMarker(pos, token.clause, side))
    return markers


def _side_at(tokens: Sequence[Token], pos: int) -> Side | None:
    raw = tokens[pos].raw
    after = tokens[pos + 1].raw if pos + 1 < len(tokens) else ""
    before = tokens[pos - 1].raw if pos > 0 else ""
    if raw == "right" and (after in RIGHT_NOT_SIDE_AFTER or before == "all"):
        return None
    if raw in SIDE_BEFORE_SIDE:
        return SIDE_BEFORE_SIDE[raw] if after in ("side", "sides") else None
    return SIDE_WORDS.get(raw)


def mention_side(
    tokens: Sequence[Token], start: int, end: int, markers: Sequence[SideMarker]
) -> Side | None:
    """The side of the place named by tokens [start, end): its nearest marker's, else "both"
    for a paired part in the plural, else None."""
    side = side_for(start, end, tokens[start].clause, markers)
    if side is None and any(token.raw in BOTH_SIDES_PLURALS for token in tokens[start:end]):
        return "both"
    return side


def side_for(start: int, end: int, clause: int, markers: Sequence[SideMarker]) -> Side | None:
    """The side of the nearest marker in the same clause as the span [start, end)."""
    best: tuple[int, int, Side] | None = None
    for marker in markers:
        if marker.clause != clause:
            continue
        if start <= marker.pos < end:
            return marker.side
        distance = start - marker.pos if marker.pos < start else marker.pos - end + 1
        rank = (distance, 0 if marker.pos < start else 1, marker.side)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best else None
