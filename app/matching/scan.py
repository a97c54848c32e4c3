"""Find the known phrases in a token stream: spelling correction, then longest match.

Output is a list of non-overlapping items, left to right, each a token span with what it
points to. A region phrase may carry a *facet* read from the words just before it ("back of"
my leg, "outer" thigh) that the phrase table did not already cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from app.matching.index import MatchIndex
from app.matching.lexicon import FACET_PHRASES, SKIPPABLE_IN_PHRASE, SPREAD_CUES, is_content_word
from app.matching.normalize import Token, stem
from app.matching.phrases import PhraseMatch, PhraseTarget, TargetIds

# A spread verb that is also a term ("running" is a factor) is a spread cue in "running down".
_DIRECTIONS = frozenset({"down", "into", "to", "up", "through", "along", "across"})
_MAX_FACET_WORDS = 3
_FACET_STARTS = frozenset(phrase[0] for phrase in FACET_PHRASES)


class Item:
    """A phrase the reader found (a plain class, which mypyc compiles to a native one: several
    are made per query)."""

    def __init__(
        self,
        start: int,
        end: int,
        targets: tuple[PhraseTarget, ...],
        target_ids: TargetIds,  # the targets' ids by kind
        facet: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.targets = targets
        self.target_ids = target_ids
        self.facet = facet

    def ids(self, kind: str) -> tuple[str, ...]:
        return self.target_ids.get(kind, ())


def correct_spelling(index: MatchIndex, tokens: Sequence[Token]) -> list[Token]:
    """Replace unknown content words by the known words they most likely misspell."""
    fixed: list[Token] = []
    known = index.reader.known_words
    for token in tokens:
        if token.key not in known and is_content_word(token.raw):
            words = index.reader.speller.correct(token.raw)
            if words is not None:
                fixed.extend(Token(w, stem(w), token.clause) for w in words)
                continue
        fixed.append(token)
    return fixed


def scan_items(index: MatchIndex, tokens: Sequence[Token]) -> list[Item]:
    """Longest-match, left to right, never across a clause boundary."""
    items: list[Item] = []
    first_words = index.reader.phrases.first_words
    for start, end in _clause_spans(tokens):
        keys = [t.key for t in tokens[start:end]]
        raws = [t.raw for t in tokens[start:end]]
        skippable = [raw in SKIPPABLE_IN_PHRASE for raw in raws]
        pos = 0
        while pos < len(keys):
            # Most words start neither a phrase nor a facet: step over them without a look-up.
            if keys[pos] not in first_words and raws[pos] not in _FACET_STARTS:
                pos += 1
                continue
            item = _best_at(index, keys, raws, skippable, pos, start)
            if item is None:
                pos += 1
                continue
            items.append(item)
            pos = item.end - start
    return items


def _clause_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for pos in range(1, len(tokens)):
        if tokens[pos].clause != tokens[pos - 1].clause:
            spans.append((start, pos))
            start = pos
    if tokens:
        spans.append((start, len(tokens)))
    return spans


def _best_at(
    index: MatchIndex,
    keys: list[str],
    raws: list[str],
    skippable: list[bool],
    pos: int,
    offset: int,
) -> Item | None:
    """The plain phrase at `pos` of a clause, or a facet + region phrase when that is longer,
    as an item positioned in the whole text (the clause starts at `offset`)."""
    plain = index.reader.phrases.match_at(keys, skippable, pos)
    if plain is not None and raws[pos] in SPREAD_CUES and _is_spread_verb(plain, raws):
        plain = None
    facet = _facet_at(index, keys, raws, skippable, pos) if raws[pos] in _FACET_STARTS else None
    if facet is not None and (plain is None or facet.end > plain.end):
        return Item(pos + offset, facet.end + offset, facet.targets, facet.ids, facet.facet)
    if plain is None:
        return None
    return Item(pos + offset, plain.end + offset, plain.targets, plain.ids)


def _is_spread_verb(match: PhraseMatch, raws: list[str]) -> bool:
    """Is the match a single spread word followed by a direction ("running down")?"""
    single = match.end - match.start == 1 and raws[match.start] in SPREAD_CUES
    return single and match.end < len(raws) and raws[match.end] in _DIRECTIONS


class _Facet(NamedTuple):
    end: int  # within the clause
    targets: tuple[PhraseTarget, ...]
    ids: TargetIds
    facet: str


def _facet_at(
    index: MatchIndex, keys: list[str], raws: list[str], skippable: list[bool], pos: int
) -> _Facet | None:
    """A facet phrase at `pos` followed by a region phrase (the caller checks that the word
    at `pos` can start a facet)."""
    for length in range(_MAX_FACET_WORDS, 0, -1):
        facet = FACET_PHRASES.get(tuple(raws[pos : pos + length]))
        if facet is None:
            continue
        after = pos + length
        while after < len(keys) and skippable[after]:
            after += 1
        region = (
            index.reader.phrases.match_at(keys, skippable, after) if after < len(keys) else None
        )
        if region is not None and "region" in region.ids:
            return _Facet(region.end, region.targets, region.ids, facet)
    return None
