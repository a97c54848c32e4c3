"""Cross-entry checks: unique ids, references that resolve, a hierarchy without cycles,
names and synonyms that do not collide."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from app.dataset import file_format
from app.dataset.problems import DataProblem
from app.matching import normalize
from app.matching.triage.trie import phrase_key

Located = list[tuple[str, Any]]


def check_references(entries: dict[str, Located]) -> list[DataProblem]:
    """Every problem that needs more than one entry to see."""
    ids = {kind: _ids(items) for kind, items in entries.items() if kind != "vocabulary"}
    problems = [p for kind, items in entries.items() for p in _duplicates(kind, items)]
    problems += _check_regions(entries["regions"], ids["regions"])
    problems += _check_muscles(entries["muscles"], ids)
    problems += _check_citations(entries, ids["sources"])
    problems += _check_vocabulary(entries["vocabulary"], ids)
    problems += _check_concepts(entries["triage_concepts"], ids)
    masks = {e.id for _, e in entries["triage_concepts"] if e.kind == "mask"}
    problems += _check_red_flags(entries["red_flags"], ids["triage_concepts"], masks)
    problems += _check_questions(entries["screening_questions"], ids, masks)
    for kind in ("regions", "muscles", "conditions", "symptoms", "factors"):
        problems += _name_collisions(entries[kind])
    return problems


def _ids(items: Located) -> set[str]:
    return {entry.id for _, entry in items}


def _key(entry: BaseModel) -> str:
    return str(getattr(entry, "id", None) or getattr(entry, "phrase", ""))


def _duplicates(kind: str, items: Located) -> Iterator[DataProblem]:
    seen: dict[str, str] = {}
    for file, entry in items:
        key = _key(entry)
        if key in seen:
            yield DataProblem(file, key, "id", f"duplicate {kind} id (also in {seen[key]})")
        seen.setdefault(key, file)
    if kind == "muscles":
        yield from _duplicates(
            "trigger point", [(f, tp) for f, m in items for tp in m.trigger_points]
        )


def _missing(file: str, entry: str, field: str, value: str, kind: str) -> DataProblem:
    return DataProblem(file, entry, field, f"unknown {kind} {value!r}")


def _check_regions(items: Located, region_ids: set[str]) -> Iterator[DataProblem]:
    parents = {entry.id: entry.parent for _, entry in items}
    for file, entry in items:
        if entry.parent is not None and entry.parent not in region_ids:
            yield _missing(file, entry.id, "parent", entry.parent, "region")
        seen, node = {entry.id}, entry.parent
        while node is not None and node in parents:
            if node in seen:
                yield DataProblem(file, entry.id, "parent", "region hierarchy has a cycle")
                break
            seen.add(node)
            node = parents[node]


def _check_muscles(items: Located, ids: dict[str, set[str]]) -> Iterator[DataProblem]:
    for file, muscle in items:
        if muscle.region not in ids["regions"]:
            yield _missing(file, muscle.id, "region", muscle.region, "region")
        for index, tp in enumerate(muscle.trigger_points):
            yield from _check_trigger_point(file, tp, f"trigger_points.{index}", ids)


def _check_trigger_point(
    file: str, tp: file_format.TriggerPointEntry, where: str, ids: dict[str, set[str]]
) -> Iterator[DataProblem]:
    seen: set[str] = set()
    for region, zone, _ in tp.zones():
        if region not in ids["regions"]:
            yield _missing(file, tp.id, f"{where}.{zone}", region, "region")
        if region in seen:
            yield DataProblem(file, tp.id, f"{where}.{zone}", f"region {region!r} listed twice")
        seen.add(region)
    references = (
        ("symptoms", tp.symptoms, "symptoms", "symptom"),
        ("factors", tp.factors, "factors", "factor"),
        ("mimics", tp.mimics, "conditions", "condition"),
        ("associated_muscles", tp.associated_muscles, "muscles", "muscle"),
    )
    if tp.pattern_from is not None and tp.pattern_from not in ids["muscles"]:
        yield _missing(file, tp.id, f"{where}.pattern_from", tp.pattern_from, "muscle")
    for field, values, kind, noun in references:
        for value in values:
            if value not in ids[kind]:
                yield _missing(file, tp.id, f"{where}.{field}", value, noun)


def _citations(entry: BaseModel) -> Iterator[tuple[str, str, file_format.Citation]]:
    for citation in getattr(entry, "sources", ()):
        yield _key(entry), "sources", citation
    for tp in getattr(entry, "trigger_points", ()):
        for citation in tp.sources:
            yield tp.id, "sources", citation


def _check_citations(entries: dict[str, Located], source_ids: set[str]) -> Iterator[DataProblem]:
    for kind in ("muscles", "conditions", "red_flags", "screening_questions"):
        for file, entry in entries[kind]:
            for owner, field, citation in _citations(entry):
                if citation.source not in source_ids:
                    yield _missing(file, owner, field, citation.source, "source")


def _check_vocabulary(items: Located, ids: dict[str, set[str]]) -> Iterator[DataProblem]:
    for file, entry in items:
        if not (entry.regions or entry.symptoms or entry.conditions or entry.factors):
            yield DataProblem(file, entry.phrase, "-", "points to nothing")
        for field in ("regions", "symptoms", "conditions", "factors"):
            for value in getattr(entry, field):
                if value not in ids[field]:
                    yield _missing(file, entry.phrase, field, value, field.rstrip("s"))


_LEVELS = ("see_clinician", "urgent", "emergency")
_TERM_FIELDS = (
    ("regions", "regions", "region"),
    ("symptoms", "symptoms", "symptom"),
    ("factors", "factors", "factor"),
    ("conditions", "conditions", "condition"),
    ("near", "triage_concepts", "triage concept"),
)


def _check_concepts(items: Located, ids: dict[str, set[str]]) -> Iterator[DataProblem]:
    """References resolve; a concept can be present somehow; findings (`near`) do not loop."""
    near = {entry.id: set(entry.near) for _, entry in items}
    for file, entry in items:
        for field, kind, noun in _TERM_FIELDS:
            for value in getattr(entry, field):
                if value not in ids[kind]:
                    yield _missing(file, entry.id, field, value, noun)
        ways = [entry.phrases, entry.regions, entry.symptoms, entry.factors, entry.conditions]
        ways += [entry.near, entry.min_age is not None]
        if not any(ways):
            yield DataProblem(file, entry.id, "-", "has no phrase, term, near or age")
        if (entry.kind == "finding") != bool(entry.near):
            yield DataProblem(file, entry.id, "near", "a finding, and only a finding, has near")
        if _reaches(near, entry.id, entry.id):
            yield DataProblem(file, entry.id, "near", "findings refer to each other in a loop")
        for phrase in entry.phrases:
            key = phrase_key(phrase)
            if not key:
                message = f"{phrase!r} is only determiners, which are dropped: it matches nothing"
                yield DataProblem(file, entry.id, "phrases", message)
            elif len(phrase.split()) > 1 and len(key) == 1:
                message = f"{phrase!r} reads as the bare word {key[0]!r} (determiners are dropped)"
                yield DataProblem(file, entry.id, "phrases", message)


def _reaches(near: dict[str, set[str]], start: str, target: str) -> bool:
    seen: set[str] = set()
    todo = list(near.get(start, ()))
    while todo:
        node = todo.pop()
        if node == target:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(near.get(node, ()))
    return False


def _check_red_flags(
    items: Located, concept_ids: set[str], masks: set[str]
) -> Iterator[DataProblem]:
    for file, flag in items:
        for n, rule in enumerate(flag.rules):
            for field, values in (("all", rule.all), ("none", rule.none)):
                for value in (
                    c for item in values for c in ([item] if isinstance(item, str) else item)
                ):
                    if value not in concept_ids:
                        yield _missing(file, flag.id, f"rules.{n}.{field}", value, "triage concept")
                    elif value in masks:
                        yield DataProblem(file, flag.id, f"rules.{n}.{field}", _MASK_READ % value)
            if rule.level and _LEVELS.index(rule.level) > _LEVELS.index(flag.level):
                yield DataProblem(file, flag.id, f"rules.{n}.level", "above the flag's level")


_MASK_READ = "%r is a mask: it only hides the words inside it, nothing reads it"


def _check_questions(
    items: Located, ids: dict[str, set[str]], masks: set[str]
) -> Iterator[DataProblem]:
    for file, question in items:
        if question.red_flag not in ids["red_flags"]:
            yield _missing(file, question.id, "red_flag", question.red_flag, "red flag")
        groups = [*question.ask_when, question.yes_means]
        for value in (c for group in groups for c in group):
            if value not in ids["triage_concepts"]:
                yield _missing(file, question.id, "ask_when/yes_means", value, "triage concept")
            elif value in masks:
                yield DataProblem(file, question.id, "ask_when/yes_means", _MASK_READ % value)
        if question.id in ids["symptoms"]:
            yield DataProblem(file, question.id, "id", "is also a symptom id")


def _names(entry: Any) -> Iterable[str]:
    return [entry.name, *entry.synonyms]


def _name_collisions(items: Located) -> Iterator[DataProblem]:
    """Two entries of a kind whose names or synonyms read alike: the matcher looks a value up
    by its phrase key (case, plurals and determiners aside), so "long drives" and "long drive"
    are one wording, and it could name only one of them."""
    owner: dict[tuple[str, ...], tuple[str, str]] = {}
    for file, entry in items:
        for name in _names(entry):
            key = normalize.phrase_key(name)
            first = owner.setdefault(key, (entry.id, name))
            if first[0] != entry.id:
                message = f"name {name!r} reads as {first[1]!r} of {first[0]!r}"
                yield DataProblem(file, entry.id, "synonyms", message)
