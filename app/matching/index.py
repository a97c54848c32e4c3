"""`build_index`: everything a query needs, computed once per dataset version.

The index is immutable and safe to share between requests; it keeps nothing of a request.
Building it is linear in the dataset: regions x tree size for the postings, one pass over every
name and synonym for the phrase table.

Everything a query would otherwise recompute from the records is stored ready to use: hit lists
per reported region, each trigger point's term sets and row labels, the trigger points linked to
each condition grouped by muscle, and the compiled triage rules, so the cost of a query follows
what it touches, not the dataset's size.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from app.matching.credit import Posting, RegionHits, build_postings, rarity_weights, region_hits
from app.matching.fuzzy import Speller, common_english
from app.matching.hierarchy import Hierarchy, build_hierarchy
from app.matching.labels import Labels, build_labels
from app.matching.lexicon import FUNCTION_WORDS, MOVEMENT_VERBS
from app.matching.normalize import WordTokens, display, phrase_key, surface_words
from app.matching.paths import Paths, build_paths
from app.matching.phrases import PRIORITY_ID, PRIORITY_NAME, PhraseTable, PhraseTarget, TermKind
from app.matching.records import DatasetRecords, RegionRecord, TriggerPointRecord
from app.matching.triage import TriageRules, compile_triage


@dataclass(frozen=True, slots=True)
class TermTable:
    """One kind of structured term: exact look-up by id/name/synonym, and fuzzy suggestions."""

    names: Mapping[str, str]  # id -> display name
    lookup: Mapping[tuple[str, ...], str]  # phrase key -> id
    choices: tuple[str, ...]  # every id, name and synonym, for suggestions
    choice_ids: tuple[str, ...]  # parallel to choices


@dataclass(frozen=True, slots=True)
class PointTerms:
    """The terms one trigger point lists, as sets."""

    symptoms: frozenset[str]
    factors: frozenset[str]
    conditions: frozenset[str]


@dataclass(frozen=True, slots=True)
class BodyMap:
    """The region tree and what a reported region says: which trigger points explain it, with
    what credit (`app.matching.credit`), and how rare that is."""

    regions: Mapping[str, RegionRecord]
    sided: frozenset[str]  # regions where a side means something (lateral, or contain one)
    hierarchy: Hierarchy
    paths: Paths
    rarity: Mapping[str, float]
    postings: Mapping[str, tuple[Posting, ...]]
    region_hits: RegionHits  # the postings as the scorer reads them


@dataclass(frozen=True, slots=True)
class PointTable:
    """The trigger points, and what the ranking and the rows read of each, in one order: every
    tuple here is parallel to `records`, and a trigger point is its position in them."""

    records: tuple[TriggerPointRecord, ...]
    ids: tuple[str, ...]
    terms: tuple[PointTerms, ...]
    # 0 the manual calls it common, 2 its pattern is borrowed from another muscle
    # (`pattern_from`), 1 otherwise; ties in the ranking go to the lower
    standing: tuple[int, ...]
    by_term: Mapping[TermKind, Mapping[str, frozenset[int]]]  # term id -> trigger points
    # condition -> muscle -> its trigger points linked to the condition
    linked_by_muscle: Mapping[str, Mapping[str, tuple[int, ...]]]
    labels: Labels


@dataclass(frozen=True, slots=True)
class Reader:
    """What free text and structured values are looked up in: each kind of term by id, name and
    synonym, every known phrase, and the speller."""

    terms: Mapping[TermKind, TermTable]
    phrases: PhraseTable
    speller: Speller
    known_words: frozenset[str]  # the keys of every word a phrase uses
    word_tokens: WordTokens  # the dataset's and the lexicon's words, tokenised once


@dataclass(frozen=True, slots=True)
class MatchIndex:
    version: str
    body: BodyMap
    points: PointTable
    reader: Reader
    triage: TriageRules


STANDING_COMMON: Final = 0
STANDING_OBSERVED: Final = 1
STANDING_BORROWED: Final = 2


def build_index(records: DatasetRecords) -> MatchIndex:
    """Precompute the region tree, postings, rarity, phrase table, speller and triage rules."""
    hierarchy = build_hierarchy(records.regions)
    tps = records.trigger_points
    postings = build_postings(tps, hierarchy)
    triage = compile_triage(records, hierarchy)
    return MatchIndex(
        version=records.version,
        body=BodyMap(
            regions={r.id: r for r in records.regions},
            sided=_sided(records.regions, hierarchy),
            hierarchy=hierarchy,
            paths=build_paths(records.regions, hierarchy),
            rarity=rarity_weights(postings, hierarchy.order, len(tps)),
            postings=postings,
            region_hits=region_hits(postings),
        ),
        points=PointTable(
            records=tps,
            ids=tuple(tp.id for tp in tps),
            terms=tuple(map(_point_terms, tps)),
            standing=tuple(map(_standing, tps)),
            by_term=_by_term(tps),
            linked_by_muscle=_linked_by_muscle(tps),
            labels=build_labels(tps, records.regions, records.conditions, records.symptoms),
        ),
        reader=_reader(records, triage.concepts.trie.phrases),
        triage=triage,
    )


def _reader(records: DatasetRecords, flag_phrases: Sequence[str]) -> Reader:
    terms = _term_tables(records)
    phrases = _phrase_table(records, terms)
    flag_words = {w for text in flag_phrases for w in phrase_key(text)}
    return Reader(
        terms=terms,
        phrases=phrases,
        speller=Speller([*_wordings(records), *flag_phrases], common_english()),
        known_words=frozenset({w for key in phrases.all_keys() for w in key} | flag_words),
        word_tokens=_word_tokens(records, flag_phrases),
    )


def _term_tables(records: DatasetRecords) -> dict[TermKind, TermTable]:
    return {
        kind: _term_table([(t.id, t.name, t.synonyms) for t in items])
        for kind, items in records.terms_by_kind()
    }


def _standing(tp: TriggerPointRecord) -> int:
    if tp.common:
        return STANDING_COMMON
    return STANDING_BORROWED if tp.pattern_from else STANDING_OBSERVED


def _point_terms(tp: TriggerPointRecord) -> PointTerms:
    return PointTerms(frozenset(tp.symptoms), frozenset(tp.factors), frozenset(tp.conditions))


def _word_tokens(records: DatasetRecords, flag_phrases: Sequence[str]) -> WordTokens:
    """Every word of the dataset's wordings, its triage-concept phrases and the lexicon."""
    wordings = [*_wordings(records), *flag_phrases, *MOVEMENT_VERBS, *FUNCTION_WORDS]
    return WordTokens({word for wording in wordings for word in surface_words(wording)})


def _wordings(records: DatasetRecords) -> list[str]:
    """Every id, name, synonym and vocabulary phrase: the words the speller may offer."""
    found = [
        w
        for _, items in records.terms_by_kind()
        for item in items
        for w in (item.id, item.name, *item.synonyms)
    ]
    return found + [entry.phrase for entry in records.vocabulary]


def _term_table(entries: Sequence[tuple[str, str, Sequence[str]]]) -> TermTable:
    """Ids win over names, names over synonyms, earlier entries over later ones."""
    lookup: dict[tuple[str, ...], str] = {}
    choices: list[str] = []
    choice_ids: list[str] = []
    for rank in range(3):
        for term_id, name, synonyms in entries:
            wordings = [term_id] if rank == 0 else [name] if rank == 1 else list(synonyms)
            for wording in wordings:
                lookup.setdefault(phrase_key(wording), term_id)
                choices.append(display(wording))
                choice_ids.append(term_id)
    names = {term_id: name for term_id, name, _ in entries}
    return TermTable(names, lookup, tuple(choices), tuple(choice_ids))


def _phrase_table(records: DatasetRecords, terms: Mapping[TermKind, TermTable]) -> PhraseTable:
    """Names, synonyms and vocabulary outrank ids written as words."""
    table = PhraseTable()
    for kind, items in records.terms_by_kind():
        for item in items:
            target = (PhraseTarget(kind, item.id),)
            table.add(phrase_key(item.id), target, PRIORITY_ID)
            for wording in (item.name, *item.synonyms):
                table.add(phrase_key(wording), target, PRIORITY_NAME)
    for entry in records.vocabulary:
        targets = [
            PhraseTarget(kind, term_id)
            for kind, term_id in entry.pointed()
            if term_id in terms[kind].names
        ]
        if targets:
            table.add(phrase_key(entry.phrase), targets, PRIORITY_NAME)
    _add_embedded_regions(table)
    return table


def _add_embedded_regions(table: PhraseTable) -> None:
    """A condition named after a place also reports the place: "neck pain" -> the neck,
    "tennis elbow" -> the elbow (longest region phrase inside the condition's wording)."""
    for key in sorted(table.all_keys()):
        targets = table.lookup(key)
        if len(key) < 2 or any(t.kind == "region" for t in targets):
            continue
        if not any(t.kind == "condition" for t in targets):
            continue
        regions = _regions_inside(table, key)
        if regions:
            table.extend(key, regions)


def _regions_inside(table: PhraseTable, key: tuple[str, ...]) -> list[PhraseTarget]:
    for length in range(len(key) - 1, 0, -1):
        for start in range(len(key) - length + 1):
            found = [t for t in table.lookup(key[start : start + length]) if t.kind == "region"]
            if found:
                return found
    return []


def _by_term(tps: Sequence[TriggerPointRecord]) -> dict[TermKind, Mapping[str, frozenset[int]]]:
    found: dict[TermKind, dict[str, set[int]]] = {"symptom": {}, "factor": {}, "condition": {}}
    for tp_no, tp in enumerate(tps):
        linked: list[tuple[TermKind, tuple[str, ...]]] = [
            ("symptom", tp.symptoms),
            ("factor", tp.factors),
            ("condition", tp.conditions),
        ]
        for kind, ids in linked:
            for term_id in ids:
                found[kind].setdefault(term_id, set()).add(tp_no)
    return {kind: {k: frozenset(v) for k, v in table.items()} for kind, table in found.items()}


def _linked_by_muscle(
    tps: Sequence[TriggerPointRecord],
) -> dict[str, Mapping[str, tuple[int, ...]]]:
    found: dict[str, dict[str, list[int]]] = {}
    for tp_no, tp in enumerate(tps):
        for condition in tp.conditions:
            found.setdefault(condition, {}).setdefault(tp.muscle_id, []).append(tp_no)
    return {c: {m: tuple(tp_nos) for m, tp_nos in muscles.items()} for c, muscles in found.items()}


def _sided(regions: Sequence[RegionRecord], hierarchy: Hierarchy) -> frozenset[str]:
    """Lateral regions and every area that contains one ("left leg" is meaningful)."""
    lateral = {r.id for r in regions if r.lateral}
    return frozenset(lateral | {a for r in lateral for a in hierarchy.ancestors[r]})
