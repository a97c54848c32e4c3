"""Structured values (body-map regions, symptom/factor/condition lists) -> dataset ids.

A value may be an id, a name or a synonym, in any case and punctuation. An unknown value is a
client error: `UnknownTermError` names the field and suggests the closest ids, so a frontend
can show "did you mean ...".
"""

from __future__ import annotations

from typing import Final

from rapidfuzz import fuzz, process

from app.matching.index import MatchIndex
from app.matching.normalize import display, phrase_key
from app.matching.phrases import TermKind
from app.matching.query import UnknownTermError

MAX_SUGGESTIONS: Final = 3
_SUGGESTION_CUTOFF: Final = 60


def resolve(index: MatchIndex, kind: TermKind, field: str, value: str) -> str:
    """The id `value` names, or UnknownTermError."""
    table = index.terms[kind]
    lowered = value.strip().lower()
    if lowered in table.names:
        return lowered
    found = table.lookup.get(phrase_key(value))
    if found is None:
        raise UnknownTermError(field, value, suggest(index, kind, value))
    return found


def resolve_all(
    index: MatchIndex, kind: TermKind, field: str, values: tuple[str, ...]
) -> tuple[str, ...]:
    """Resolve a list, keeping the first occurrence of each id."""
    if not values:
        return ()
    ids = [resolve(index, kind, f"{field}[{n}]", value) for n, value in enumerate(values)]
    return tuple(dict.fromkeys(ids))


def resolve_symptoms(
    index: MatchIndex, field: str, values: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A symptom list may also answer screening questions (their ids): (answered question ids,
    symptom ids), each in order without repeats."""
    if not values:
        return (), ()
    questions = index.triage.questions
    answers: dict[str, None] = {}
    symptoms: dict[str, None] = {}
    for n, value in enumerate(values):
        lowered = value.strip().lower()
        if lowered in questions:
            answers[lowered] = None
        else:
            symptoms[resolve(index, "symptom", f"{field}[{n}]", value)] = None
    return tuple(answers), tuple(symptoms)


def suggest(index: MatchIndex, kind: TermKind, value: str) -> tuple[str, ...]:
    """Up to three ids whose id, name or synonym is closest to `value`."""
    table = index.terms[kind]
    found = process.extract(
        display(value),
        table.choices,
        scorer=fuzz.WRatio,
        limit=12,
        score_cutoff=_SUGGESTION_CUTOFF,
    )
    ids = dict.fromkeys(table.choice_ids[position] for _, _, position in found)
    return tuple(ids)[:MAX_SUGGESTIONS]
