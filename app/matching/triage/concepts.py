"""Triage concepts: the clinical ideas red-flag rules are written in, found in what a person
reported.

A concept is *present* when the text uses one of its phrases, or names (in text or as a
structured input) one of its regions (or a part of one), symptoms, factors or conditions. A
*finding* is a concept made of others found close together in the text: "numbness" near "the
saddle area" is saddle numbness, within one sentence and `NEAR_WINDOW` words. Structured inputs
are near nothing: a body map that sends the buttock and "numbness" does not say where the
numbness is (sciatica often numbs the leg), so the screening question asks, and its "yes"
asserts the finding itself. Age and sex concepts come from the stated or given age and sex.

Every concept found is either present or *denied* (inside a negation: "no numbness in the
groin"); a denied concept answers the screening question about it. Concepts said of someone
else's or of the distant past are set aside by `app.matching.triage.scope`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

from app.matching.hierarchy import Hierarchy
from app.matching.normalize import Token
from app.matching.phrases import TermKind
from app.matching.records import TriageConceptRecord
from app.matching.triage.scope import Scope, keeps
from app.matching.triage.trie import PhraseSpan, PhraseTrie, phrase_key

NEAR_WINDOW: Final = 8  # a finding's parts lie within this many words of each other
STRUCTURED: Final = -1  # the start of evidence that came from a structured input


class Evidence(NamedTuple):
    """One concept found, and the words it came from (`start` is STRUCTURED for an input)."""

    concept: str
    words: str
    start: int = STRUCTURED
    end: int = STRUCTURED
    sentence: int = STRUCTURED


class Found(NamedTuple):
    present: list[Evidence]
    denied: list[Evidence]


@dataclass(frozen=True, slots=True)
class ConceptTable:
    records: Mapping[str, TriageConceptRecord]
    trie: PhraseTrie
    by_phrase: tuple[tuple[str, ...], ...]  # phrase id -> the concepts that use it
    by_term: Mapping[TermKind, Mapping[str, tuple[str, ...]]]  # term id -> concepts
    findings: tuple[TriageConceptRecord, ...]  # concepts with `near`, parts before wholes
    by_age: tuple[tuple[int, str], ...]  # (min_age, concept)
    by_sex: Mapping[str, tuple[str, ...]]


def compile_concepts(records: Sequence[TriageConceptRecord], hierarchy: Hierarchy) -> ConceptTable:
    trie = PhraseTrie.build(phrase for record in records for phrase in record.phrases)
    by_phrase: list[list[str]] = [[] for _ in trie.phrases]
    for record in records:
        for phrase in record.phrases:
            users = by_phrase[trie.ids[phrase_key(phrase)]]
            if record.id not in users:
                users.append(record.id)
    return ConceptTable(
        records={r.id: r for r in records},
        trie=trie,
        by_phrase=tuple(tuple(concepts) for concepts in by_phrase),
        by_term=_by_term(records, hierarchy),
        findings=_parts_first([r for r in records if r.near]),
        by_age=tuple(sorted((r.min_age, r.id) for r in records if r.min_age is not None)),
        by_sex=_group((r.sex, r.id) for r in records if r.sex is not None),
    )


def _group(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for key, concept in pairs:
        if concept not in found.setdefault(key, []):
            found[key].append(concept)
    return {key: tuple(concepts) for key, concepts in found.items()}


def _by_term(
    records: Sequence[TriageConceptRecord], hierarchy: Hierarchy
) -> dict[TermKind, Mapping[str, tuple[str, ...]]]:
    """Term id -> concepts; a region concept also covers every part of its regions."""
    regions = [
        (part, r.id)
        for r in records
        for region in r.regions
        for part in (region, *(d for d, _ in hierarchy.descendants.get(region, ())))
    ]
    return {
        "region": _group(regions),
        "symptom": _group((s, r.id) for r in records for s in r.symptoms),
        "factor": _group((f, r.id) for r in records for f in r.factors),
        "condition": _group((c, r.id) for r in records for c in r.conditions),
    }


def _parts_first(findings: Sequence[TriageConceptRecord]) -> tuple[TriageConceptRecord, ...]:
    """Findings ordered so that a finding made of another comes after it."""
    names = {f.id for f in findings}
    ordered: list[TriageConceptRecord] = []
    pending = list(findings)
    while pending:
        placed = {f.id for f in ordered}
        ready = [f for f in pending if all(p in placed or p not in names for p in f.near)]
        if not ready:  # `app.dataset.checks` refuses such data before it gets here
            raise ValueError(f"triage findings refer to each other: {pending[0].id}")
        ordered += ready
        pending = [f for f in pending if f not in ready]
    return tuple(ordered)


class TextSpans(NamedTuple):
    """What the text reader found, as triage reads it."""

    tokens: Sequence[Token]
    negated: Sequence[bool]
    scopes: Sequence[Scope]
    sentences: Sequence[int]  # per token


def text_evidence(
    table: ConceptTable,
    text: TextSpans,
    spans: Iterable[PhraseSpan],
    terms: Iterable[tuple[int, int, Mapping[str, tuple[str, ...]]]],
) -> Found:
    """The concepts in a text: its concept phrases (`spans`, found by `table.trie`), and the
    terms the reader found there (`terms`: start, end and ids by kind of each item)."""
    found = Found([], [])
    for span in _outside_diagnoses(table, spans):
        start, end = span.positions[0], span.positions[-1] + 1
        words = " ".join([text.tokens[p].raw for p in span.positions])
        for concept in table.by_phrase[span.phrase]:
            _place(table, text, found, concept, words, span.positions, start, end)
    for start, end, ids in terms:
        positions = range(start, end)
        words = " ".join([token.raw for token in text.tokens[start:end]])
        for kind, term_ids in ids.items():
            by_term = table.by_term.get(kind)  # type: ignore[call-overload]
            for term in term_ids if by_term else ():
                for concept in by_term.get(term, ()):
                    _place(table, text, found, concept, words, positions, start, end)
    return found


def _outside_diagnoses(table: ConceptTable, spans: Iterable[PhraseSpan]) -> list[PhraseSpan]:
    """The spans, less those inside a longer span naming a diagnosis: "collapsed lung" is not
    a collapse, "kidney stones" not loin pain."""
    spans = list(spans)
    named = [
        set(span.positions)
        for span in spans
        if any(table.records[c].kind == "diagnosis" for c in table.by_phrase[span.phrase])
    ]
    if not named:
        return spans
    return [
        span for span in spans if not any(set(span.positions) < positions for positions in named)
    ]


def _place(
    table: ConceptTable,
    text: TextSpans,
    found: Found,
    concept: str,
    words: str,
    positions: Iterable[int],
    start: int,
    end: int,
) -> None:
    """File one occurrence as present or denied, unless its scope sets it aside."""
    record = table.records[concept]
    if not keeps(text.scopes[start], record.kind, record.history):
        return
    evidence = Evidence(concept, words, start, end, text.sentences[start])
    denied = any([text.negated[p] for p in positions])
    (found.denied if denied else found.present).append(evidence)


def structured_evidence(
    table: ConceptTable, inputs: Iterable[tuple[TermKind, str, str]]
) -> list[Evidence]:
    """The concepts of structured inputs: (kind, term id, the words to show)."""
    found = []
    for kind, term, words in inputs:
        for concept in table.by_term[kind].get(term, ()):
            found.append(Evidence(concept, words))
    return found


def personal_evidence(table: ConceptTable, age: int | None, sex: str | None) -> list[Evidence]:
    """Age and sex concepts."""
    found = []
    if age is not None:
        found += [Evidence(c, f"age {age}") for min_age, c in table.by_age if age >= min_age]
    if sex is not None:
        found += [Evidence(c, f"sex {sex}") for c in table.by_sex.get(sex, ())]
    return found


def add_findings(table: ConceptTable, found: Found) -> None:
    """Add every finding whose parts are present (or, one part denied, denied) close together."""
    placed: dict[str, list[Evidence]] = {}
    for evidence in (*found.present, *found.denied):
        if evidence.start != STRUCTURED:  # structured inputs are near nothing (see above)
            placed.setdefault(evidence.concept, []).append(evidence)
    for finding in table.findings:
        if not all(part in placed for part in finding.near):
            continue
        parts = [placed[part] for part in finding.near]
        combo = _closest(parts, found.present)
        if combo is None:
            continue
        evidence = Evidence(
            finding.id,
            " + ".join(dict.fromkeys(e.words for e in combo)),
            min(e.start for e in combo),
            max(e.end for e in combo),
            combo[0].sentence,
        )
        positive = all(e in found.present for e in combo)
        (found.present if positive else found.denied).append(evidence)
        placed.setdefault(finding.id, []).append(evidence)


def _closest(
    parts: Sequence[Sequence[Evidence]], present: Sequence[Evidence]
) -> tuple[Evidence, ...] | None:
    """The first combination of parts lying near each other, preferring one whose every part
    is present."""
    denied: tuple[Evidence, ...] | None = None
    for combo in _combinations(parts):
        if _near(combo):
            if all(e in present for e in combo):
                return combo
            denied = denied or combo
    return denied


def _combinations(parts: Sequence[Sequence[Evidence]]) -> list[tuple[Evidence, ...]]:
    """Every way to pick one occurrence of each part (the first few of each, which is all a
    text of a few sentences has)."""
    combos: list[tuple[Evidence, ...]] = [()]
    for options in parts:
        combos = [(*combo, option) for combo in combos for option in options[:4]]
    return combos


def _near(combo: Sequence[Evidence]) -> bool:
    if any(e.start == STRUCTURED for e in combo) or len({e.sentence for e in combo}) > 1:
        return False
    return max(e.end for e in combo) - min(e.start for e in combo) <= NEAR_WINDOW
