"""Structured values (body-map regions, symptom/factor/condition lists) -> dataset ids.

One vocabulary for every input: a value may be an id, a name or a synonym, in any case and
punctuation, or any wording in which the free-text reader understands every word and finds
terms of the value's kind: clinical anatomy ("posterior knee" -> the back of the knee,
"lumbar"), the vocabulary's phrases and abbreviations ("LBP", "pins and needles"); the terms of
other kinds it names are left out ("lumbar pain" as a region is the low back). A value the
reader only partly understands or must correct ("kneee"), or that denies something ("no knee"),
or that names no term of its kind, is refused: an unknown value is a client error, and
`UnknownTermError` says where the value sits and suggests the closest ids, so a frontend can
show "did you mean ...".
"""

from __future__ import annotations

from typing import Final, Literal

from rapidfuzz import fuzz, process

from app.matching.index import MatchIndex
from app.matching.lexicon import Side
from app.matching.normalize import display, phrase_key, split_words
from app.matching.phrases import TermKind
from app.matching.query import Location, UnknownTermError
from app.matching.scan import correct_spelling
from app.matching.sites import Site
from app.matching.text import TextAnalysis, analyse_text

_Kind = Literal["symptom", "factor", "condition"]
MAX_SUGGESTIONS: Final = 3
_SUGGESTION_CUTOFF: Final = 60


def resolve(index: MatchIndex, kind: _Kind, loc: Location, value: str) -> tuple[str, ...]:
    """The symptom, factor or condition ids `value` names (one, unless a wording names several),
    or UnknownTermError (body-map regions: `resolve_sites`)."""
    found = _exact(index, kind, value)
    if found is not None:
        return (found,)
    reading = _reading(index, value)
    ids = _ids_read(reading, kind) if reading else ()
    if not ids:
        raise UnknownTermError(loc, kind, value, suggest(index, kind, value))
    return ids


def resolve_all(
    index: MatchIndex, kind: _Kind, field: str, values: tuple[str, ...]
) -> tuple[str, ...]:
    """Resolve a list, keeping the first occurrence of each id."""
    if not values:
        return ()
    found = [resolve(index, kind, (field, n), value) for n, value in enumerate(values)]
    return tuple(dict.fromkeys(term for ids in found for term in ids))


def resolve_sites(index: MatchIndex, loc: Location, value: str, side: Side | None) -> list[Site]:
    """The places a body-map value names: one region by id, name or synonym, or the places the
    text reader finds in it ("posterior arm": the back of the upper arm, elbow and forearm). The
    side given wins over one the wording states ("left posterior knee")."""
    found = _exact(index, "region", value)
    if found is not None:
        return [Site((found,), side, value)]
    reading = _reading(index, value)
    if reading is None or not reading.sites:
        raise UnknownTermError(loc, "region", value, suggest(index, "region", value))
    return [Site(site.regions, side or site.side, value, site.weight) for site in reading.sites]


def _reading(index: MatchIndex, value: str) -> TextAnalysis | None:
    """The text reader's reading of a value, when it understood every word as written (a
    structured value is deliberate: a misspelling is the client's to fix, with suggestions) and
    denied none."""
    tokens = split_words(value, index.reader.word_tokens).tokens
    if correct_spelling(index, tokens) != tokens:
        return None
    reading = analyse_text(index, value)
    if reading.unrecognized or reading.negated:
        return None
    return reading


def _exact(index: MatchIndex, kind: TermKind, value: str) -> str | None:
    """The id `value` is, or names by its name or a synonym."""
    table = index.reader.terms[kind]
    lowered = value.strip().lower()
    return lowered if lowered in table.names else table.lookup.get(phrase_key(value))


def _ids_read(reading: TextAnalysis, kind: _Kind) -> tuple[str, ...]:
    """The ids of one kind in a reading."""
    found = {
        "symptom": reading.symptoms,
        "factor": reading.factors,
        "condition": reading.conditions,
    }
    return found[kind]


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
            symptoms.update(dict.fromkeys(resolve(index, "symptom", (field, n), value)))
    return tuple(answers), tuple(symptoms)


def suggest(index: MatchIndex, kind: TermKind, value: str) -> tuple[str, ...]:
    """Up to three ids whose id, name or synonym is closest to `value`."""
    table = index.reader.terms[kind]
    found = process.extract(
        display(value),
        table.choices,
        scorer=fuzz.WRatio,
        limit=12,
        score_cutoff=_SUGGESTION_CUTOFF,
    )
    ids = dict.fromkeys(table.choice_ids[position] for _, _, position in found)
    return tuple(ids)[:MAX_SUGGESTIONS]
