"""Red-flag triage over clinical concepts, with screening questions.

Stages, each a module: `trie` finds phrases, `scope` says whose and when each word is,
`concepts` turns phrases and the text reader's terms into concept evidence (present or denied),
`rules` fires red flags from the concepts present, `screening` picks the questions still worth
asking. `assess` runs the last three on the evidence `app.matching.engine` gathers from the text,
the structured inputs, the answers to earlier questions, and the age.

Medical safety beats recall: partial evidence gives a lower level with a question, never
silence, and what a rule needs is data in `data/triage/`, readable by a clinician.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.matching.hierarchy import Hierarchy
from app.matching.outcome import RedFlagHit, ScreeningQuestion, Triage
from app.matching.records import DatasetRecords, ScreeningQuestionRecord
from app.matching.triage.concepts import (
    STRUCTURED,
    THEIRS,
    WRITERS,
    ConceptTable,
    Evidence,
    Found,
    add_findings,
    compile_concepts,
)
from app.matching.triage.rules import SEVERITY, RuleBook, compile_rules, fire
from app.matching.triage.screening import questions_by_concept, questions_to_ask

__all__ = ["SEVERITY", "TriageRules", "assess", "compile_triage"]


@dataclass(frozen=True, slots=True)
class TriageRules:
    concepts: ConceptTable
    rules: RuleBook
    questions: Mapping[str, ScreeningQuestionRecord]  # in the data's order, which is asking order
    questions_by_concept: Mapping[str, tuple[str, ...]]
    shown: Mapping[str, ScreeningQuestion]  # each question as a response shows it (made once)


def compile_triage(records: DatasetRecords, hierarchy: Hierarchy) -> TriageRules:
    questions = records.screening_questions
    return TriageRules(
        concepts=compile_concepts(records.triage_concepts, hierarchy),
        rules=compile_rules(records.red_flags),
        questions={q.id: q for q in questions},
        questions_by_concept=questions_by_concept(questions),
        shown={q.id: ScreeningQuestion(q.id, q.text, q.red_flag) for q in questions},
    )


def assess(
    rules: TriageRules,
    found: Found,
    yes: Collection[str] = (),
    no: Collection[str] = (),
) -> Triage:
    """The triage for the evidence found, with the answers given to screening questions.

    When the writer tells of someone else's story beside their own (`Evidence.whose`: "My
    grandad is breathless and nearly fainted. My neck is stiff"), that story is also weighed on
    its own, with its history and the structured inputs: its flags join the writer's, but what
    is only theirs never combines with the writer's words ("My toddler has a fever. I've got a
    stiff neck" makes no case of meningitis)."""
    answers = tuple(
        Evidence(concept, f"yes: {rules.questions[q].text}")
        for q in yes
        for concept in rules.questions[q].yes_means
    )
    found = found + Found(present=answers)
    theirs = [e for e in found.present if e.whose != WRITERS]
    if any(e.whose == THEIRS for e in theirs):
        found = Found(tuple(e for e in found.present if e.whose != THEIRS), found.denied)
    else:
        theirs = []  # someone else's words all count in the writer's story already
    found = add_findings(rules.concepts, found)
    present = _first_of_each(found.present)
    hits = fire(rules.rules, present, rules.concepts.records)
    if theirs:
        hits = _with_their_story(rules, found, theirs, hits)
    known = present.keys() | {e.concept for e in found.denied}
    screening = questions_to_ask(
        rules.questions,
        rules.shown,
        rules.questions_by_concept,
        rules.rules.flags,
        present,
        known,
        {*yes, *no},
        hits,
    )
    return Triage(hits[0].level if hits else "self_care", tuple(hits), screening)


def _first_of_each(evidence: Iterable[Evidence]) -> dict[str, Evidence]:
    present: dict[str, Evidence] = {}
    for item in evidence:
        present.setdefault(item.concept, item)
    return present


def _with_their_story(
    rules: TriageRules, found: Found, theirs: Sequence[Evidence], hits: list[RedFlagHit]
) -> list[RedFlagHit]:
    """The writer's hits and those of someone else's story, read with the structured inputs
    alone and without the diagnoses it names (someone else's "blood clot" or "shingles" is their
    known illness, not a new alarm); for a flag both fire, the more severe hit."""
    records = rules.concepts.records
    given = tuple(  # what every story shares: structured inputs, answers, a household's illness
        e for e in found.present if e.start == STRUCTURED or records[e.concept].kind == "household"
    )
    told = tuple(e for e in theirs if records[e.concept].kind not in ("diagnosis", "household"))
    story = add_findings(rules.concepts, Found(given + told))
    best = {hit.id: hit for hit in hits}
    for hit in fire(rules.rules, _first_of_each(story.present), records):
        if hit.id not in best or SEVERITY[hit.level] > SEVERITY[best[hit.id].level]:
            best[hit.id] = hit
    return sorted(best.values(), key=lambda hit: (-SEVERITY[hit.level], hit.id))
