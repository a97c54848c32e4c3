"""Conditions (mimics), their codes and linked trigger points."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("query", "condition_id"),
    [
        ("tension", "tension-type-headache"),
        ("TMJ", "tmj-disorder"),
        ("sciatica", "sciatica"),
        ("carpal tunnel", "carpal-tunnel-syndrome"),
    ],
)
def test_search_finds_condition(client: TestClient, query: str, condition_id: str) -> None:
    body = client.get("/v1/conditions", params={"q": query}).json()
    found = {item["id"]: item for item in body["items"]}
    assert condition_id in found
    assert found[condition_id]["icd10_cm"]


def test_sciatica_links_gluteus_minimus_and_piriformis(client: TestClient) -> None:
    body = client.get("/v1/conditions/sciatica").json()
    muscles = {tp["muscle"]["id"] for tp in body["trigger_points"]}
    assert {"gluteus-minimus", "piriformis"} <= muscles
    assert body["description"]
    assert body["sources"]


def test_unknown_condition_is_404(client: TestClient) -> None:
    assert client.get("/v1/conditions/gout-ish").status_code == 404
