"""Published pain guides, checked against the pain-guide lookup
``GET /v1/regions/{id}/trigger-points``: every muscle a guide lists for a region must refer pain
there, and the guide's first-listed muscle must do so through an essential zone."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from app.dataset.loader import load_dataset
from tests.conftest import DATA_DIR

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "pain_guides.yaml").read_text(encoding="utf-8")
)["cases"]


@cache
def _groups() -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for muscle in load_dataset(DATA_DIR).muscles:
        groups.setdefault(muscle.group, set()).add(muscle.id)
    return groups


def _members(item: str) -> set[str]:
    return _groups().get(item, {item})


def test_there_are_at_least_40_cases() -> None:
    assert len(CASES) >= 40
    assert all(case["source"] and case["muscles"] for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['region']}-{i}" for i, c in enumerate(CASES)])
def test_guide_muscles_refer_to_the_region(client: TestClient, case: dict[str, Any]) -> None:
    body = client.get(f"/v1/regions/{case['region']}/trigger-points", params={"limit": 200}).json()
    zones: dict[str, str] = {}
    for item in body["items"]:
        zones.setdefault(item["muscle"]["id"], item["zone"])
    missing = [m for m in case["muscles"] if not _members(m) & set(zones)]
    assert missing == [], f"{case['source']}: no referral to {case['region']} from {missing}"
    first = case["muscles"][0]
    assert any(zones.get(member) == "essential" for member in _members(first)), first
