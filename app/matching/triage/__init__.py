"""Red-flag triage over clinical concepts, with screening questions.

Stages, each a module: `trie` finds phrases, `scope` says whose and when each word is,
`concepts` turns phrases and the text reader's terms into concept evidence (present or denied),
`rules` fires red flags from the concepts present, `screening` picks the questions still worth
asking. `assess` runs the last three on the evidence `app.matching.engine` gathers from the text,
the structured inputs, the answers to earlier questions, and the age and sex.

Medical safety beats recall: partial evidence gives a lower level with a question, never
silence, and what a rule needs is data in `data/triage/`, readable by a clinician.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from app.matching.hierarchy import Hierarchy
from app.matching.records import DatasetRecords, RedFlagRecord, ScreeningQuestionRecord
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
    flags: Mapping[str, RedFlagRecord]
    questions: Mapping[str, ScreeningQuestionRecord]  # in the data's order
    question_list: tuple[ScreeningQuestionRecord, ...]
    questions_by_concept: Mapping[str, tuple[int, ...]]


def compile_triage(records: DatasetRecords, hierarchy: Hierarchy) -> TriageRules:
    concepts = compile_concepts(records.triage_concepts, hierarchy)
    labels = {c.id: c.label for c in records.triage_concepts}
    return TriageRules(
        concepts=concepts,
        rules=compile_rules(records.red_flags, labels),
        flags={flag.id: flag for flag in records.red_flags},
        questions={q.id: q for q in records.screening_questions},
        question_list=records.screening_questions,
        questions_by_concept=questions_by_concept(records.screening_questions),
    )


def assess(
    rules: TriageRules,
    found: Found,
    yes: Iterable[str] = (),
    no: Collection[str] = (),
) -> Triage:
    """The triage for the evidence found, with the answers given to screening questions."""
    for question_id in yes:
        question = rules.questions[question_id]
        found.present.extend(Evidence(c, f"yes: {question.text}") for c in question.yes_means)
    add_findings(rules.concepts, found)
    present: dict[str, Evidence] = {}
    for evidence in found.present:
        present.setdefault(evidence.concept, evidence)
    hits = fire(rules.rules, present)
    level = hits[0].level if hits else "self_care"
    known = present.keys() | {e.concept for e in found.denied}
    answered = {*yes, *no}
    screening = questions_to_ask(
        rules.question_list, rules.questions_by_concept, rules.flags, present, known, answered, hits
    )
    return Triage(level=level, red_flags=tuple(hits), screening=screening)
