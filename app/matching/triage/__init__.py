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

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from app.matching.hierarchy import Hierarchy
from app.matching.records import DatasetRecords, ScreeningQuestionRecord
from app.matching.result import Triage
from app.matching.triage.concepts import (
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


def compile_triage(records: DatasetRecords, hierarchy: Hierarchy) -> TriageRules:
    return TriageRules(
        concepts=compile_concepts(records.triage_concepts, hierarchy),
        rules=compile_rules(records.red_flags),
        questions={q.id: q for q in records.screening_questions},
        questions_by_concept=questions_by_concept(records.screening_questions),
    )


def assess(
    rules: TriageRules,
    found: Found,
    yes: Collection[str] = (),
    no: Collection[str] = (),
) -> Triage:
    """The triage for the evidence found, with the answers given to screening questions."""
    answers = tuple(
        Evidence(concept, f"yes: {rules.questions[q].text}")
        for q in yes
        for concept in rules.questions[q].yes_means
    )
    found = add_findings(rules.concepts, found + Found(present=answers))
    present: dict[str, Evidence] = {}
    for evidence in found.present:
        present.setdefault(evidence.concept, evidence)
    hits = fire(rules.rules, present, rules.concepts.records)
    known = present.keys() | {e.concept for e in found.denied}
    screening = questions_to_ask(
        rules.questions,
        rules.questions_by_concept,
        rules.rules.flags,
        present,
        known,
        {*yes, *no},
        hits,
    )
    return Triage(hits[0].level if hits else "self_care", tuple(hits), screening)
