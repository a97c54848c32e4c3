"""Autocomplete over the one vocabulary: what a typed prefix would mean if it were sent.

Every wording the matcher takes as a structured value or finds in free text is an entry: the
names and synonyms of regions, symptoms, factors and conditions, the vocabulary's phrases
(`data/vocabulary.yaml`), and a chart's direction word before a part ("posterior knee": the
back of the knee, as `app.matching.paths` reads it), each with what it means (a phrase may mean
several terms: "headache" is five head regions and a condition). Entries are written as the
matcher reads them: lower case, single spaces (`normalize.display`).

`complete` ranks the entries a prefix reaches: the whole wording first, then wordings that start
with it, then wordings with a later word that starts with it; among equals the one of fewer
words, then a name before a synonym before a vocabulary phrase before a direction and a part,
then the shorter, then alphabetical. Both searches are
binary searches over sorted lists, so a keystroke costs the same whatever the dataset's size.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from app.matching.hierarchy import build_hierarchy
from app.matching.lexicon import FACET_PHRASES
from app.matching.normalize import display
from app.matching.paths import build_paths
from app.matching.phrases import TermKind
from app.matching.records import DatasetRecords, RegionRecord, TermRecord

Source = Literal["name", "synonym", "vocabulary", "anatomy"]
_SOURCE_RANK: Final[Mapping[Source, int]] = {"name": 0, "synonym": 1, "vocabulary": 2, "anatomy": 3}
# The chart's direction words the reader takes before a part ("posterior knee"): offered with
# every part that has a region on that face
_DIRECTIONS: Final = ("anterior", "posterior", "medial", "lateral")
_WHOLE, _START, _LATER_WORD = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Meaning:
    kind: TermKind
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str
    source: Source
    means: tuple[Meaning, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    entries: tuple[Entry, ...]  # sorted by phrase
    phrases: tuple[str, ...]  # parallel to entries
    words: tuple[tuple[str, int], ...]  # (a word after a wording's first, entry), sorted


def build_vocabulary(records: DatasetRecords) -> Vocabulary:
    """Every wording once: its first source (names, synonyms, then the vocabulary's phrases)
    names it, and it means every term any source gives it."""
    names = _names(records)
    found: dict[str, tuple[Source, dict[Meaning, None]]] = {}

    def add(wording: str, source: Source, meant: Iterable[tuple[TermKind, str]]) -> None:
        phrase = display(wording)
        if not phrase:
            return
        entry = found.setdefault(phrase, (source, {}))
        for kind, term_id in meant:
            if term_id in names[kind]:
                entry[1][Meaning(kind, term_id, names[kind][term_id])] = None

    for rank in ("name", "synonym"):
        for kind, items in _kinds(records):
            for item in items:
                wordings = [item.name] if rank == "name" else list(item.synonyms)
                for wording in wordings:
                    add(wording, rank, [(kind, item.id)])
    for entry in records.vocabulary:
        meant: list[tuple[TermKind, str]] = [
            *(("region", r) for r in entry.regions),
            *(("symptom", s) for s in entry.symptoms),
            *(("factor", f) for f in entry.factors),
            *(("condition", c) for c in entry.conditions),
        ]
        add(entry.phrase, "vocabulary", meant)
    for wording, region in _faces(records):
        add(wording, "anatomy", [("region", region)])
    entries = tuple(
        Entry(phrase, source, tuple(means))
        for phrase, (source, means) in sorted(found.items())
        if means
    )
    words = sorted(
        (word, n) for n, entry in enumerate(entries) for word in set(entry.phrase.split()[1:])
    )
    return Vocabulary(entries, tuple(e.phrase for e in entries), tuple(words))


def complete(vocabulary: Vocabulary, prefix: str, limit: int) -> list[Entry]:
    """The best `limit` entries for a typed prefix (see the module docstring)."""
    typed = display(prefix)
    if not typed or limit <= 0:
        return []
    how: dict[int, int] = {}
    phrases, words = vocabulary.phrases, vocabulary.words
    n = bisect_left(phrases, typed)
    while n < len(phrases) and phrases[n].startswith(typed):
        how[n] = _WHOLE if phrases[n] == typed else _START
        n += 1
    n = bisect_left(words, (typed, -1))
    while n < len(words) and words[n][0].startswith(typed):
        how.setdefault(words[n][1], _LATER_WORD)
        n += 1
    entries = vocabulary.entries

    def rank(n: int) -> tuple[int, int, int, int, str]:
        entry = entries[n]
        phrase = entry.phrase
        return (how[n], phrase.count(" "), _SOURCE_RANK[entry.source], len(phrase), phrase)

    return [entries[n] for n in sorted(how, key=rank)[:limit]]


def _faces(records: DatasetRecords) -> list[tuple[str, str]]:
    """("posterior knee", "back-of-knee"): each direction word with each part (by its name and
    synonyms) that has a child region on that face."""
    hierarchy = build_hierarchy(records.regions)
    paths = build_paths(records.regions, hierarchy)
    found = []
    for region in records.regions:
        for direction in _DIRECTIONS:
            facet = FACET_PHRASES[(direction,)]
            child = paths.narrow(region.id, facet)
            if child != region.id:
                found += [(f"{direction} {w}", child) for w in (region.name, *region.synonyms)]
    return found


def _kinds(
    records: DatasetRecords,
) -> list[tuple[TermKind, Sequence[RegionRecord] | Sequence[TermRecord]]]:
    return [
        ("region", records.regions),
        ("symptom", records.symptoms),
        ("factor", records.factors),
        ("condition", records.conditions),
    ]


def _names(records: DatasetRecords) -> dict[TermKind, dict[str, str]]:
    return {kind: {item.id: item.name for item in items} for kind, items in _kinds(records)}
