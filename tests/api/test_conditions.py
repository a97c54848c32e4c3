"""Conditions (mimics), their codes and linked trigger points."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("query", "condition_id", "named_muscles"),
    [
        ("tension", "tension-type-headache", {"trapezius", "sternocleidomastoid", "temporalis"}),
        ("TMJ", "tmj-disorder", {"masseter", "lateral-pterygoid"}),
        ("sciatica", "sciatica", {"gluteus-minimus", "piriformis"}),
        ("carpal tunnel", "carpal-tunnel-syndrome", {"anterior-scalene", "brachialis"}),
    ],
)
def test_search_finds_condition_with_codes_and_trigger_points(
    client: TestClient, query: str, condition_id: str, named_muscles: set[str]
) -> None:
    body = client.get("/v1/conditions", params={"q": query}).json()
    found = {item["id"]: item for item in body["items"]}
    assert condition_id in found
    assert found[condition_id]["icd10_cm"]
    muscles = {tp["muscle"]["id"] for tp in found[condition_id]["trigger_points"]}
    assert named_muscles <= muscles


def test_list_and_detail_link_the_same_trigger_points(client: TestClient) -> None:
    listed = client.get("/v1/conditions", params={"q": "sciatica"}).json()["items"][0]
    detail = client.get("/v1/conditions/sciatica").json()
    assert listed["trigger_points"] == detail["trigger_points"]


def test_sciatica_links_gluteus_minimus_and_piriformis(client: TestClient) -> None:
    body = client.get("/v1/conditions/sciatica").json()
    muscles = {tp["muscle"]["id"] for tp in body["trigger_points"]}
    assert {"gluteus-minimus", "piriformis"} <= muscles
    assert body["description"]
    assert body["sources"]


def test_unknown_condition_is_404(client: TestClient) -> None:
    assert client.get("/v1/conditions/gout-ish").status_code == 404
