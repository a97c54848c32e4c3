"""Triage concepts: the clinical ideas red-flag rules are written in, found in what a person
reported.

A concept is *present* when the text uses one of its phrases, or names (in text or as a
structured input) one of its regions (or a part of one), symptoms, factors or conditions. A
*finding* is a concept made of others found close together in the text: "numbness" near "the
saddle area" is saddle numbness, within one sentence and `NEAR_WINDOW` words. Structured inputs
are near nothing: a body map that sends the buttock and "numbness" does not say where the
numbness is (sciatica often numbs the leg), so the screening question asks, and its "yes"
asserts the finding itself. Age concepts come from the age given or stated.

Every concept found is either present or *denied* (inside a negation: "no numbness in the
groin"); a denied concept answers the screening question about it. Concepts said of someone
else's or of the distant past are set aside by `app.matching.triage.scope`; when the writer
tells of a pain of their own, someone else's sentence that places no pain is their own story
(`_writers_story`, except what a household shares), and so is their history ("my dad has
cancer"): `app.matching.triage.assess` weighs someone else's story on its own too. A site
phrase inside a place the text reader found elsewhere does not count ("back" in "the back of my
knee"), nor does a phrase inside a longer one naming a diagnosis ("collapsed lung" is not a
collapse) or a mask (a gym "chest day" is no chest pressure).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from app.matching.hierarchy import Hierarchy
from app.matching.normalize import Token
from app.matching.phrases import TermKind
from app.matching.records import TriageConceptRecord
from app.matching.triage.scope import OTHER, SELF, Scope, keeps
from app.matching.triage.trie import PhraseSpan, PhraseTrie, phrase_key

WRITERS: Final = 0  # see `Evidence.whose`
SHARED: Final = 1
THEIRS: Final = 2
# Kinds whose phrases hide the shorter phrases inside them; a `mask` does nothing else
_MASKING: Final = frozenset({"diagnosis", "mask"})
NEAR_WINDOW: Final = 10  # a finding's parts lie within this many words of each other
STRUCTURED: Final = -1  # the start of evidence that came from a structured input
Regions = tuple[str, ...]


class Evidence:
    """One concept found, and the words it came from (`start` is STRUCTURED for an input);
    `whose`: WRITERS, or someone else's when the writer also speaks of themself: SHARED (it
    counts in the writer's story too) or THEIRS (only in the other person's story).

    A plain class, as `Found`: most queries make a dozen or more. Each one found is its own
    piece of evidence (compared and hashed by identity), and `order` sorts them."""

    def __init__(
        self,
        concept: str,
        words: str,
        start: int = STRUCTURED,
        end: int = STRUCTURED,
        sentence: int = STRUCTURED,
        whose: int = WRITERS,
    ) -> None:
        self.concept = concept
        self.words = words
        self.start = start
        self.end = end
        self.sentence = sentence
        self.whose = whose

    def order(self) -> tuple[str, str, int, int, int, int]:
        """The sort key: concept, words, then place in the text."""
        return (self.concept, self.words, self.start, self.end, self.sentence, self.whose)

    def as_theirs(self) -> Evidence:
        """The same evidence, told only in someone else's story."""
        return Evidence(self.concept, self.words, self.start, self.end, self.sentence, THEIRS)


class Found:
    """The concepts found present and denied. A plain class, which mypyc compiles to a native
    one (about six times cheaper to create than a named tuple): several are made per query."""

    def __init__(
        self, present: tuple[Evidence, ...] = (), denied: tuple[Evidence, ...] = ()
    ) -> None:
        self.present = present
        self.denied = denied

    def __add__(self, other: Found) -> Found:
        """Both sets of evidence, in order (`Found + Found`)."""
        return Found(self.present + other.present, self.denied + other.denied)


@dataclass(frozen=True, slots=True)
class ConceptTable:
    records: Mapping[str, TriageConceptRecord]
    trie: PhraseTrie
    by_phrase: tuple[tuple[str, ...], ...]  # phrase id -> the concepts that use it
    by_term: Mapping[TermKind, Mapping[str, tuple[str, ...]]]  # term id -> concepts
    findings: tuple[tuple[TriageConceptRecord, frozenset[str]], ...]  # with `near` set; parts first
    by_age: tuple[tuple[int, str], ...]  # (min_age, concept)
    # region -> the site concepts with regions whose region it is, or a part or a whole of one
    sites_near: Mapping[str, frozenset[str]]


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
        findings=tuple(
            (r, frozenset(r.near)) for r in _parts_first([r for r in records if r.near])
        ),
        by_age=tuple(sorted((r.min_age, r.id) for r in records if r.min_age is not None)),
        sites_near=_sites_near(records, hierarchy),
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


def _sites_near(
    records: Sequence[TriageConceptRecord], hierarchy: Hierarchy
) -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {}
    for record in records:
        for region in record.regions:
            wholes = hierarchy.ancestors.get(region, ())
            parts = (d for d, _ in hierarchy.descendants.get(region, ()))
            for related in (region, *wholes, *parts):
                near.setdefault(related, set()).add(record.id)
    return {region: frozenset(concepts) for region, concepts in near.items()}


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


class TextSpans:
    """What the text reader found, as triage reads it (a plain class, which mypyc compiles to a
    native one)."""

    def __init__(
        self,
        tokens: Sequence[Token],
        negated: Sequence[bool],
        scopes: Sequence[Scope],
        sentences: Sequence[int],  # per token
    ) -> None:
        self.tokens = tokens
        self.negated = negated
        self.scopes = scopes
        self.sentences = sentences


def text_evidence(
    table: ConceptTable,
    text: TextSpans,
    spans: Iterable[PhraseSpan],
    terms: Iterable[tuple[int, int, Mapping[str, tuple[str, ...]]]],
) -> Found:
    """The concepts in a text: its concept phrases (`spans`, found by `table.trie`), and the
    terms the reader found there (`terms`: start, end and ids by kind of each item)."""
    present: list[Evidence] = []
    denied: list[Evidence] = []
    for positions, concepts in _occurrences(table, text.tokens, spans, terms):
        start = positions[0]
        scope = text.scopes[start]
        words = " ".join([text.tokens[p].raw for p in positions])
        found = denied if any([text.negated[p] for p in positions]) else present
        end, sentence = positions[-1] + 1, text.sentences[start]
        other = SHARED if scope & OTHER else WRITERS
        for concept in concepts:
            record = table.records[concept]
            if not scope or keeps(scope, record.kind, record.history):
                found.append(Evidence(concept, words, start, end, sentence, other))
            elif record.history and scope & OTHER:
                # someone else's history, however told: theirs ("my dad survived lung cancer. He
                # has constant back pain")
                found.append(Evidence(concept, words, start, end, sentence, THEIRS))
    if any(scope & SELF for scope in set(text.scopes)):
        return _writers_story(table, text, present, denied)
    return Found(tuple(present), tuple(denied))


def _occurrences(
    table: ConceptTable,
    tokens: Sequence[Token],
    spans: Iterable[PhraseSpan],
    terms: Iterable[tuple[int, int, Mapping[str, tuple[str, ...]]]],
) -> list[tuple[Sequence[int], tuple[str, ...]]]:
    """(positions, concepts) of every concept phrase and every term the reader found."""
    terms = list(terms)
    place_at: list[tuple[range, Regions] | None] = [None] * len(tokens)  # the reader's places
    for start, end, ids in terms:
        if regions := ids.get("region"):
            place_at[start:end] = [(range(start, end), regions)] * (end - start)
    found: list[tuple[Sequence[int], tuple[str, ...]]] = []
    for span in _outside_diagnoses(table, spans):
        concepts = table.by_phrase[span.phrase]
        around = [place for p in span.positions if (place := place_at[p])]
        if around:
            part_of = _part_of(tokens, span.positions, around)
            concepts = tuple(c for c in concepts if not _elsewhere(table, c, around, part_of))
        if concepts:
            found.append((span.positions, concepts))
    found += [(range(start, end), _concepts(table, ids)) for start, end, ids in terms]
    return found


def _part_of(
    tokens: Sequence[Token], positions: Sequence[int], around: Sequence[tuple[range, Regions]]
) -> bool:
    """Whether the span names a part of the place around it: "balls" in "balls of my feet"."""
    after = positions[-1] + 1
    where = around[-1][0]
    return after in where and tokens[after].raw == "of"


def _elsewhere(
    table: ConceptTable,
    concept: str,
    places: Sequence[tuple[range, Regions]],
    part_of: bool,
) -> bool:
    """Whether the places the reader found around a site phrase contradict its site: "back" in
    "the back of my knee" is not back pain, but "back of my head" is head pain. A site without
    regions is contradicted when it names a part of the place ("balls" of the feet)."""
    record = table.records[concept]
    if record.kind != "site":
        return False
    if not record.regions:
        return part_of
    return not any(concept in table.sites_near.get(r, ()) for _, regions in places for r in regions)


def _concepts(table: ConceptTable, ids: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The concepts of a reader's item (its ids by kind of term)."""
    return tuple(
        dict.fromkeys(
            concept
            for kind, term_ids in ids.items()
            for term in term_ids
            for concept in table.by_term.get(kind, {}).get(term, ())  # type: ignore[call-overload]
        )
    )


def _writers_story(
    table: ConceptTable, text: TextSpans, present: list[Evidence], denied: list[Evidence]
) -> Found:
    """When the writer tells of a pain of their own, someone else's sentence that names no place
    of pain is that person's story ("My toddler has a fever. I've got a stiff neck"): THEIRS, to
    be weighed on its own, never together with the writer's; what the household shares stays
    ("the kids are ill too" is the patient's context)."""
    sites = [e for e in present if table.records[e.concept].kind == "site"]
    if not any(text.scopes[e.start] & SELF for e in sites):
        return Found(tuple(present), tuple(denied))
    placed = {e.sentence for e in sites if text.scopes[e.start] & OTHER}

    def own(evidence: Evidence) -> bool:
        return (
            not text.scopes[evidence.start] & OTHER
            or evidence.sentence in placed
            or table.records[evidence.concept].kind == "household"
        )

    return Found(
        tuple(e if own(e) else e.as_theirs() for e in present),
        tuple(filter(own, denied)),
    )


def _outside_diagnoses(table: ConceptTable, spans: Iterable[PhraseSpan]) -> list[PhraseSpan]:
    """The spans, less those inside a longer span naming a diagnosis or a mask: "collapsed
    lung" is not a collapse, "kidney stones" not loin pain, a gym "chest day" not chest
    pressure."""
    spans = list(spans)
    named = [
        set(span.positions)
        for span in spans
        if any(table.records[c].kind in _MASKING for c in table.by_phrase[span.phrase])
    ]
    if not named:
        return spans
    return [
        span for span in spans if not any(set(span.positions) < positions for positions in named)
    ]


def structured_evidence(
    table: ConceptTable, inputs: Iterable[tuple[TermKind, str, str]]
) -> tuple[Evidence, ...]:
    """The concepts of structured inputs: (kind, term id, the words to show)."""
    return tuple(
        Evidence(concept, words)
        for kind, term, words in inputs
        for concept in table.by_term[kind].get(term, ())
    )


def age_evidence(table: ConceptTable, age: int | None) -> tuple[Evidence, ...]:
    """The age concepts an age meets ("aged 50 or over")."""
    if age is None:
        return ()
    return tuple(Evidence(c, f"age {age}") for min_age, c in table.by_age if age >= min_age)


def sex_evidence(table: ConceptTable, sex: str | None) -> tuple[Evidence, ...]:
    """The concepts a request's `sex` names: those with that word ("male") among their phrases,
    as if the text had said it."""
    phrase = table.trie.ids.get(phrase_key(sex)) if sex else None
    if phrase is None:
        return ()
    return tuple(Evidence(concept, f"sex {sex}") for concept in table.by_phrase[phrase])


def add_findings(table: ConceptTable, found: Found) -> Found:
    """`found` with every finding whose parts are present (or, one part denied, denied) close
    together in the text."""
    placed: dict[str, list[Evidence]] = {}
    for evidence in (*found.present, *found.denied):
        if evidence.start != STRUCTURED:  # structured inputs are near nothing (see above)
            placed.setdefault(evidence.concept, []).append(evidence)
    if not placed:
        return found
    present = set(found.present)
    added = Found()
    for finding, parts in table.findings:
        if not placed.keys() >= parts:
            continue
        combo = _closest([placed[part] for part in finding.near], present)
        if combo is None:
            continue
        evidence = Evidence(
            finding.id,
            " + ".join(dict.fromkeys(e.words for e in combo)),
            min(e.start for e in combo),
            max(e.end for e in combo),
            combo[0].sentence,
        )
        placed.setdefault(finding.id, []).append(evidence)
        if all(e in present for e in combo):
            present.add(evidence)
            added += Found(present=(evidence,))
        else:
            added += Found(denied=(evidence,))
    return found + added


def _closest(
    parts: Sequence[Sequence[Evidence]], present: Collection[Evidence]
) -> tuple[Evidence, ...] | None:
    """One occurrence of each part, all in one sentence within `NEAR_WINDOW` words: every part
    present if possible, else the first such combination (which denies the finding)."""
    fallback: tuple[Evidence, ...] | None = None
    for anchor in sorted({e for options in parts for e in options}, key=Evidence.order):
        window = [
            [
                e
                for e in options
                if e.sentence == anchor.sentence
                and anchor.start <= e.start
                and e.end - anchor.start <= NEAR_WINDOW
            ]
            for options in parts
        ]
        if not all(window):
            continue
        best = [next((e for e in near if e in present), near[0]) for near in window]
        if all(e in present for e in best):
            return tuple(best)
        fallback = fallback or tuple(best)
    return fallback
