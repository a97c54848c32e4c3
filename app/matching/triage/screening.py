"""Screening questions: the red-flag questions worth asking about what was reported.

A question is asked when one of its `ask_when` groups is wholly present, its answer is not known
(it was not answered through `symptoms` / `absent_symptoms`, and the text neither states nor
denies what it asks about), and its flag has not already fired at the flag's own level. An
answered "yes" asserts the question's `yes_means` concepts, so it can raise the triage; a "no"
only marks it answered.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from app.matching.outcome import RedFlagHit, ScreeningQuestion
from app.matching.records import RedFlagRecord, ScreeningQuestionRecord
from app.matching.triage.concepts import Evidence


def questions_by_concept(
    questions: Sequence[ScreeningQuestionRecord],
) -> dict[str, tuple[str, ...]]:
    """Concept -> the questions one of whose `ask_when` groups starts with it."""
    found: dict[str, dict[str, None]] = {}
    for question in questions:
        for group in question.ask_when:
            found.setdefault(group[0], {})[question.id] = None
    return {concept: tuple(ids) for concept, ids in found.items()}


def questions_to_ask(
    questions: Mapping[str, ScreeningQuestionRecord],
    shown: Mapping[str, ScreeningQuestion],
    by_concept: Mapping[str, tuple[str, ...]],
    flags: Mapping[str, RedFlagRecord],
    present: Mapping[str, Evidence],
    known: Collection[str],
    answered: Collection[str],
    hits: Sequence[RedFlagHit],
) -> tuple[ScreeningQuestion, ...]:
    """`questions` in asking order, as `shown`; `known`: concepts present or denied; `answered`:
    question ids answered either way."""
    candidates = {qid for concept in present for qid in by_concept.get(concept, ())}
    if not candidates:
        return ()
    settled = {hit.id for hit in hits if hit.level == flags[hit.id].level}
    asked = []
    for qid, question in questions.items():
        if qid not in candidates or qid in answered or question.red_flag in settled:
            continue
        if any(concept in known for concept in question.yes_means):
            continue
        if any(all(c in present for c in group) for group in question.ask_when):
            asked.append(shown[qid])
    return tuple(asked)
