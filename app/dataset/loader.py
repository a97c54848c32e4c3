"""Read ``data/`` into a validated :class:`~app.dataset.file_format.Dataset`, collecting every
problem.

Each YAML file holds one kind of entry under one top-level key (``regions:``, ``muscles:``...),
except ``release.yaml``, whose ``release:`` is one mapping (the version people cite).
Entries are validated one by one so that a problem names its file, entry id and field; the
referential checks in :mod:`app.dataset.checks` run once every entry parses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from app.dataset import file_format
from app.dataset.checks import check_references
from app.dataset.problems import DataError, DataProblem

KINDS: dict[str, type[BaseModel]] = {
    "sources": file_format.SourceEntry,
    "regions": file_format.RegionEntry,
    "symptoms": file_format.TermEntry,
    "factors": file_format.TermEntry,
    "conditions": file_format.ConditionEntry,
    "muscles": file_format.MuscleEntry,
    "vocabulary": file_format.VocabularyEntry,
    "red_flags": file_format.RedFlagEntry,
    "triage_concepts": file_format.TriageConceptEntry,
    "screening_questions": file_format.ScreeningQuestionEntry,
}


RELEASE = "release"


def data_files(data_dir: Path) -> list[Path]:
    """Every YAML file of the dataset, in a stable order."""
    return sorted([*data_dir.glob("*.yaml"), *data_dir.glob("*/*.yaml")])


def load_dataset(data_dir: Path) -> file_format.Dataset:
    """Load and validate ``data_dir``; raise :class:`DataError` listing every problem."""
    if not data_dir.is_dir():
        raise DataError([DataProblem(str(data_dir), "-", "-", "data folder not found")])
    entries: dict[str, list[tuple[str, BaseModel]]] = {kind: [] for kind in (*KINDS, RELEASE)}
    problems: list[DataProblem] = []
    for path in data_files(data_dir):
        name = str(path.relative_to(data_dir.parent))
        for kind, entry in _read_file(path, name, problems):
            entries[kind].append((name, entry))
    releases = entries.pop(RELEASE)
    if len(releases) != 1 and not problems:
        where = ", ".join(name for name, _ in releases) or f"{data_dir.name}/release.yaml"
        problems.append(DataProblem(where, "-", RELEASE, "the dataset needs exactly one release"))
    if not problems:
        problems.extend(check_references(entries))
    if problems:
        raise DataError(problems)
    found = {kind: [entry for _, entry in items] for kind, items in entries.items()}
    return file_format.Dataset.model_validate({**found, RELEASE: releases[0][1]})


def _read_file(path: Path, name: str, problems: list[DataProblem]) -> list[tuple[str, BaseModel]]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(DataProblem(name, "-", "-", f"not valid YAML: {exc}".replace("\n", " ")))
        return []
    if not isinstance(document, dict) or len(document) != 1:
        expected = ", ".join((*KINDS, RELEASE))
        problems.append(DataProblem(name, "-", "-", f"needs one top-level key, one of: {expected}"))
        return []
    kind, items = next(iter(document.items()))
    if kind == RELEASE:
        entry = _parse_entry(file_format.ReleaseEntry, items, name, 0, problems)
        return [(kind, entry)] if entry is not None else []
    if kind not in KINDS:
        problems.append(
            DataProblem(name, "-", str(kind), f"unknown kind; use one of {list(KINDS)}")
        )
        return []
    if not isinstance(items, list):
        problems.append(DataProblem(name, "-", kind, "must be a list of entries"))
        return []
    parsed = []
    for index, raw in enumerate(items):
        entry = _parse_entry(KINDS[kind], raw, name, index, problems)
        if entry is not None:
            parsed.append((kind, entry))
    return parsed


def _parse_entry(
    model: type[BaseModel], raw: Any, name: str, index: int, problems: list[DataProblem]
) -> BaseModel | None:
    label = entry_label(raw, index)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"]) or "-"
            problems.append(DataProblem(name, label, field, error["msg"]))
        return None


def entry_label(raw: Any, index: int) -> str:
    """How a problem names an entry: its id (or phrase), else its position in the file."""
    if isinstance(raw, dict):
        for key in ("id", "phrase"):
            if isinstance(raw.get(key), str):
                return str(raw[key])
    return f"entry #{index + 1}"
