"""CITATION.cff is valid Citation File Format 1.2.0, and the licence files are in place.

The schema is the official CFF 1.2.0 JSON schema, vendored next to this file (see README.md).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema.validators import validator_for  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[2]
CITATION = ROOT / "CITATION.cff"
SCHEMA = Path(__file__).with_name("cff-1.2.0.schema.json")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def citation() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(CITATION.read_text(encoding="utf-8"))
    return loaded


def errors(document: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    """Every validation error, as "path: message", using the draft the schema declares."""
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    ]


def test_schema_is_cff_1_2_0(schema: dict[str, Any]) -> None:
    assert schema["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"


def test_citation_is_valid(citation: dict[str, Any], schema: dict[str, Any]) -> None:
    found = errors(citation, schema)
    assert not found, "CITATION.cff is not valid CFF 1.2.0:\n" + "\n".join(found)


def test_citation_describes_the_dataset(citation: dict[str, Any]) -> None:
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "dataset"
    assert citation["license"] == "CC-BY-4.0"
    assert all(reference["type"] == "book" for reference in citation["references"])


@pytest.mark.parametrize(
    "break_it",
    [
        pytest.param(lambda doc: doc.pop("cff-version"), id="no-cff-version"),
        pytest.param(lambda doc: doc.update(authors=[]), id="no-authors"),
        pytest.param(lambda doc: doc["authors"].append("TriggerMap"), id="author-not-an-object"),
        pytest.param(lambda doc: doc.update(license="CC-BY-4"), id="unknown-licence"),
    ],
)
def test_broken_citation_is_rejected(
    citation: dict[str, Any], schema: dict[str, Any], break_it: Callable[[dict[str, Any]], object]
) -> None:
    broken = copy.deepcopy(citation)
    break_it(broken)
    assert errors(broken, schema)


def test_licence_files() -> None:
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in code
    assert "Version 2.0" in code
    data = (ROOT / "data" / "LICENSE").read_text(encoding="utf-8")
    assert "Attribution 4.0" in data
