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

from app.matching.index import MatchIndex
from app.matching.lexicon import FACET_PHRASES
from app.matching.normalize import display
from app.matching.paths import Paths
from app.matching.phrases import TermKind
from app.matching.records import DatasetRecords, RegionRecord

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


def build_vocabulary(records: DatasetRecords, index: MatchIndex) -> Vocabulary:
    """Every wording once: its first source (names, synonyms, then the vocabulary's phrases)
    names it, and it means every term any source gives it (`index`: the dataset's index, for
    the terms' names and the faces of the body's parts)."""
    names = {kind: table.names for kind, table in index.reader.terms.items()}
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
        for kind, items in records.terms_by_kind():
            for item in items:
                wordings = [item.name] if rank == "name" else list(item.synonyms)
                for wording in wordings:
                    add(wording, rank, [(kind, item.id)])
    for entry in records.vocabulary:
        add(entry.phrase, "vocabulary", entry.pointed())
    for wording, region in _faces(records.regions, index.body.paths):
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


def _faces(regions: Sequence[RegionRecord], paths: Paths) -> list[tuple[str, str]]:
    """("posterior knee", "back-of-knee"): each direction word with each part (by its name and
    synonyms) that has a child region on that face."""
    found = []
    for region in regions:
        for direction in _DIRECTIONS:
            facet = FACET_PHRASES[(direction,)]
            child = paths.narrow(region.id, facet)
            if child != region.id:
                found += [(f"{direction} {w}", child) for w in (region.name, *region.synonyms)]
    return found
