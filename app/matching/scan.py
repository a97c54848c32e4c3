"""Find the known phrases in a token stream: spelling correction, then longest match.

Output is a list of non-overlapping items, left to right, each a token span with what it
points to. A region phrase may carry a *facet* read from the words just before it ("back of"
my leg, "outer" thigh) that the phrase table did not already cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.matching.index import MatchIndex
from app.matching.lexicon import FACET_PHRASES, FUNCTION_WORDS, SKIPPABLE_IN_PHRASE, SPREAD_CUES
from app.matching.normalize import Token, stem
from app.matching.phrases import PhraseMatch, PhraseTarget

# A spread verb that is also a term ("running" is a factor) is a spread cue in "running down".
_DIRECTIONS = frozenset({"down", "into", "to", "up", "through", "along", "across"})
_MAX_FACET_WORDS = 3


@dataclass(frozen=True, slots=True)
class Item:
    start: int
    end: int
    targets: tuple[PhraseTarget, ...]
    facet: str | None = None

    def ids(self, kind: str) -> tuple[str, ...]:
        return tuple(t.id for t in self.targets if t.kind == kind)


def correct_spelling(index: MatchIndex, tokens: Sequence[Token]) -> list[Token]:
    """Replace unknown content words by the known words they most likely misspell."""
    fixed: list[Token] = []
    for token in tokens:
        if _is_candidate(index, token):
            words = index.speller.correct(token.raw)
            if words is not None:
                fixed.extend(Token(raw=w, key=stem(w), clause=token.clause) for w in words)
                continue
        fixed.append(token)
    return fixed


def _is_candidate(index: MatchIndex, token: Token) -> bool:
    return (
        token.key not in index.known_words
        and token.raw not in FUNCTION_WORDS
        and not token.raw.isdigit()
    )


def scan_items(index: MatchIndex, tokens: Sequence[Token]) -> list[Item]:
    """Longest-match, left to right, never across a clause boundary."""
    items: list[Item] = []
    for start, end in _clause_spans(tokens):
        keys = [t.key for t in tokens[start:end]]
        raws = [t.raw for t in tokens[start:end]]
        skippable = [raw in SKIPPABLE_IN_PHRASE for raw in raws]
        pos = 0
        while pos < len(keys):
            item = _best_at(index, keys, raws, skippable, pos)
            if item is None:
                pos += 1
                continue
            items.append(Item(item.start + start, item.end + start, item.targets, item.facet))
            pos = item.end
    return items


def _clause_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for pos in range(1, len(tokens) + 1):
        if pos == len(tokens) or tokens[pos].clause != tokens[start].clause:
            spans.append((start, pos))
            start = pos
    return spans


def _best_at(
    index: MatchIndex, keys: list[str], raws: list[str], skippable: list[bool], pos: int
) -> Item | None:
    """The plain phrase at `pos`, or a facet + region phrase when that is longer."""
    plain = index.phrases.match_at(keys, skippable, pos)
    if plain is not None and _is_spread_verb(plain, raws):
        plain = None
    facet = _facet_at(index, keys, raws, skippable, pos)
    if facet is not None and (plain is None or facet.end > plain.end):
        return facet
    return Item(plain.start, plain.end, plain.targets) if plain else None


def _is_spread_verb(match: PhraseMatch, raws: list[str]) -> bool:
    single = match.end - match.start == 1 and raws[match.start] in SPREAD_CUES
    return single and match.end < len(raws) and raws[match.end] in _DIRECTIONS


def _facet_at(
    index: MatchIndex, keys: list[str], raws: list[str], skippable: list[bool], pos: int
) -> Item | None:
    for length in range(_MAX_FACET_WORDS, 0, -1):
        facet = FACET_PHRASES.get(tuple(raws[pos : pos + length]))
        if facet is None:
            continue
        after = pos + length
        while after < len(keys) and skippable[after]:
            after += 1
        region = index.phrases.match_at(keys, skippable, after) if after < len(keys) else None
        if region is not None and any(t.kind == "region" for t in region.targets):
            return Item(pos, region.end, region.targets, facet)
    return None
