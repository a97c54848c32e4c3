"""The phrase table: every known multi-word phrase, stored as a trie over token keys.

Longest match wins ("lower back pain" beats "back"), which is how "back of the head" becomes
`occiput` rather than two unrelated words. A phrase may point to several things at once
(vocabulary "headache" -> five head regions and a condition; "TMJ" -> a region and a
condition); all of them are kept.

Sources have a priority: a dataset *name, synonym or vocabulary phrase* beats a bare *id*
written as words, so "leg" (the name of `lower-limb`) is not also read as the id `leg`.

Each phrase also keeps its targets' ids grouped by kind (`TargetIds`), worked out when the
table is built, so reading a text never filters target lists.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

TermKind = Literal["region", "symptom", "factor", "condition"]
TargetIds = Mapping[str, tuple[str, ...]]  # kind -> ids of that kind, in target order
PRIORITY_ID = 1
PRIORITY_NAME = 2


@dataclass(frozen=True, slots=True, order=True)
class PhraseTarget:
    kind: TermKind
    id: str


class PhraseMatch:
    """The longest phrase at a place (a plain class, which mypyc compiles to a native one)."""

    def __init__(
        self,
        start: int,
        end: int,
        targets: tuple[PhraseTarget, ...],
        ids: TargetIds,
    ) -> None:
        self.start = start
        self.end = end
        self.targets = targets
        self.ids = ids


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    targets: tuple[PhraseTarget, ...] = ()
    priority: int = 0
    ids: TargetIds = field(default_factory=dict)

    def set_targets(self, targets: Iterable[PhraseTarget]) -> None:
        self.targets = tuple(sorted(set(targets)))
        self.ids = target_ids(self.targets)


def target_ids(targets: Sequence[PhraseTarget]) -> TargetIds:
    """The targets' ids grouped by kind."""
    found: dict[str, tuple[str, ...]] = {}
    for target in targets:
        found[target.kind] = (*found.get(target.kind, ()), target.id)
    return found


class PhraseTable:
    """A trie from token-key sequences to targets; read-only once built."""

    def __init__(self) -> None:
        self._root = _Node()
        self._keys: set[tuple[str, ...]] = set()

    def add(self, key: tuple[str, ...], targets: Iterable[PhraseTarget], priority: int) -> None:
        """Add a phrase; a higher priority replaces, an equal one merges."""
        if not key:
            return
        node = self._root
        for word in key:
            node = node.children.setdefault(word, _Node())
        if priority > node.priority:
            node.set_targets(targets)
            node.priority = priority
        elif priority == node.priority:
            node.set_targets([*node.targets, *targets])
        self._keys.add(key)

    def extend(self, key: tuple[str, ...], targets: Iterable[PhraseTarget]) -> None:
        """Add targets to an existing phrase, keeping its priority."""
        node: _Node | None = self._root
        for word in key:
            node = node.children.get(word) if node else None
        if node is not None and node.targets:
            node.set_targets([*node.targets, *targets])

    def lookup(self, key: tuple[str, ...]) -> tuple[PhraseTarget, ...]:
        """Exact look-up of a whole phrase (used for structured inputs)."""
        node: _Node | None = self._root
        for word in key:
            node = node.children.get(word) if node else None
        return node.targets if node else ()

    def all_keys(self) -> frozenset[tuple[str, ...]]:
        return frozenset(self._keys)

    @property
    def first_words(self) -> Collection[str]:
        """The words a phrase can start with (a live view: no copy is made)."""
        return self._root.children.keys()

    def match_at(
        self, keys: Sequence[str], skippable: Sequence[bool], start: int
    ) -> PhraseMatch | None:
        """Longest phrase starting at `start`.

        Tokens flagged skippable (side words) may be stepped over *inside* a phrase when the
        trie has no edge for them, so "behind my left eye" still reads as "behind the eye".
        """
        node = self._root.children.get(keys[start])
        best: _Node | None = None
        best_end = pos = start + 1
        stop = len(keys)
        while node is not None:
            if node.targets:
                best, best_end = node, pos
            children = node.children
            while pos < stop and keys[pos] not in children and skippable[pos]:
                pos += 1
            if pos >= stop:
                break
            node, pos = children.get(keys[pos]), pos + 1
        return None if best is None else PhraseMatch(start, best_end, best.targets, best.ids)
