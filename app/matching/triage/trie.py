"""A trie of phrases over normalised tokens, tolerant the way people write.

Phrases are matched on the same tokens as everything else (case, punctuation, determiners and
plural endings do not matter), must lie within one clause, may step over a side word ("pain in my
left arm" matches "pain in arm") or an intensifier ("can't really open my mouth" matches "can't
open my mouth"), and "X pain" also matches the common rewordings "pain in X",
"X hurts" and "X ache". One plural counts: a paired part in the plural means both sides
(`lexicon.BOTH_SIDES_PLURALS`), so a phrase written with it ("legs feel numb") needs the plural
in the text, while one written in the singular ("pain down my leg") matches either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from app.matching.lexicon import (
    BOTH_SIDES_PLURALS,
    DETERMINERS,
    INTENSIFIERS,
    SKIPPABLE_IN_PHRASE,
)
from app.matching.normalize import Token, display, stem, tokenize

_PAIN_VARIANT_TAILS: Final = (("hurt",), ("ache",), ("aching",))
# Words a phrase may step over inside it: determiners, side words and intensifiers.
_SKIPPABLE: Final = SKIPPABLE_IN_PHRASE | INTENSIFIERS


@dataclass(slots=True)
class _Node:
    """A word of the trie: the phrases that end on it and the words that may follow it (filled
    in by `PhraseTrie.build`, read-only afterwards)."""

    ids: tuple[int, ...] = ()
    # phrases ending here that name a paired part in the plural ("legs feel numb"), each with the
    # positions of those words: the text must have the plural there too
    plural_ids: tuple[tuple[int, tuple[int, ...]], ...] = ()
    children: dict[str, _Node] = field(default_factory=dict)


class PhraseSpan:
    """One phrase found in a text: its id and the positions of its words. A plain class, which
    mypyc compiles to a native one: several are made per query, and a frozen dataclass costs
    about twelve times as much to create."""

    def __init__(self, phrase: int, positions: tuple[int, ...]) -> None:
        self.phrase = phrase
        self.positions = positions


@dataclass(frozen=True, slots=True)
class PhraseTrie:
    phrases: tuple[str, ...]  # phrase id -> display text
    ids: Mapping[tuple[str, ...], int]  # phrase key -> phrase id
    by_start: Mapping[str, _Node]  # first word -> the trie of every variant starting with it

    @classmethod
    def build(cls, phrases: Iterable[str]) -> PhraseTrie:
        """Give every distinct phrase (by its `phrase_key`) an id, and file its variants by their
        words."""
        ids: dict[tuple[str, ...], int] = {}
        texts: list[str] = []
        by_start: dict[str, _Node] = {}
        for phrase in phrases:
            key = phrase_key(phrase)
            if not key or key in ids:
                continue
            ids[key] = len(texts)
            texts.append(display(phrase))
            for variant in variants(key):
                _add_variant(by_start, variant, ids[key])
        return cls(tuple(texts), ids, by_start)

    def find(self, tokens: Sequence[Token]) -> list[PhraseSpan]:
        """Every phrase in the tokens, in order of its first word."""
        found: list[PhraseSpan] = []
        for start, token in enumerate(tokens):
            first = self.by_start.get(token.key)
            if first is not None:
                _extend(first, tokens, [start], found)
        return found


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase's words: token keys without determiners, but a paired part in the plural as
    written ("legs"), since it says "both sides" (see `_add_variant`)."""
    return tuple(
        token.raw if token.raw in BOTH_SIDES_PLURALS else token.key
        for token in tokenize(phrase)
        if token.raw not in DETERMINERS
    )


def variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Tolerant rewordings of a phrase key ("chest pain" -> "pain in chest", ...)."""
    found = [key]
    if len(key) >= 2 and key[-1] == "pain":
        body = key[:-1]
        found += [("pain", "in", *body), ("pain", "on", *body)]
        found += [body + tail for tail in _PAIN_VARIANT_TAILS]
    return found


def _add_variant(by_start: dict[str, _Node], variant: tuple[str, ...], phrase_id: int) -> None:
    """File a variant under its words' keys; a plural paired part ("legs") is filed under its
    key ("leg") and its position kept on the phrase's last node."""
    keys = [stem(word) if word in BOTH_SIDES_PLURALS else word for word in variant]
    plural = tuple(n for n, word in enumerate(variant) if word in BOTH_SIDES_PLURALS)
    node = by_start.setdefault(keys[0], _Node())
    for key in keys[1:]:
        node = node.children.setdefault(key, _Node())
    if plural:
        if (phrase_id, plural) not in node.plural_ids:
            node.plural_ids = (*node.plural_ids, (phrase_id, plural))
    elif phrase_id not in node.ids:
        node.ids = (*node.ids, phrase_id)


def _extend(node: _Node, tokens: Sequence[Token], span: list[int], found: list[PhraseSpan]) -> None:
    """Record the phrases ending at `node` (matched at `span`) and follow the trie onwards.

    The next word of a phrase is read at the first token after the span, in the same clause,
    that either is that word or cannot be stepped over (side words and determiners can); a
    phrase whose next word is not there does not match.
    """
    positions = tuple(span)
    found.extend(PhraseSpan(pid, positions) for pid in node.ids)
    for pid, at in node.plural_ids:
        if all(tokens[span[n]].raw in BOTH_SIDES_PLURALS for n in at):
            found.append(PhraseSpan(pid, positions))
    if not node.children:
        return
    clause = tokens[span[0]].clause
    after = span[-1] + 1
    for pos in range(after, len(tokens)):
        token = tokens[pos]
        if token.clause != clause:
            return
        child = node.children.get(token.key)
        if child is not None and all(tokens[p].key != token.key for p in range(after, pos)):
            _extend(child, tokens, [*span, pos], found)
        if token.raw not in _SKIPPABLE:
            return
