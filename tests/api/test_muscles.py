"""Muscles and trigger points."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_search_muscles_by_abbreviation(client: TestClient) -> None:
    body = client.get("/v1/muscles", params={"q": "SCM"}).json()
    assert [item["id"] for item in body["items"]] == ["sternocleidomastoid"]


def test_group_filter_lists_every_member(client: TestClient) -> None:
    body = client.get("/v1/muscles", params={"group": "scalenes"}).json()
    ids = {item["id"] for item in body["items"]}
    assert {"anterior-scalene", "middle-scalene", "posterior-scalene"} <= ids
    assert all(item["group"] == "scalenes" for item in body["items"])


def test_region_filter_includes_subregions(client: TestClient) -> None:
    body = client.get("/v1/muscles", params={"region": "head", "limit": 200}).json()
    assert {"temporalis", "masseter"} <= {item["id"] for item in body["items"]}


def test_muscle_detail_has_trigger_points_with_zones(client: TestClient) -> None:
    body = client.get("/v1/muscles/trapezius").json()
    assert body["name"] == "Trapezius"
    assert len(body["trigger_points"]) == 6  # TrP1-6; TrP7 (gooseflesh, no pain) is not recorded
    assert all(tp["referral_zones"] for tp in body["trigger_points"])
    assert body["sources"]
    assert body["sources"][0]["source"] == "ts-vol1"


def test_unknown_muscle_is_404_problem(client: TestClient) -> None:
    response = client.get("/v1/muscles/upper-trapezoid")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 404
    assert "upper-trapezoid" in problem["detail"]


def test_trigger_point_detail(client: TestClient) -> None:
    body = client.get("/v1/trigger-points/gluteus-minimus-posterior").json()
    assert body["muscle"]["id"] == "gluteus-minimus"
    zones = body["referral_zones"]
    assert zones[0]["zone"] == "essential"
    assert {"id", "name", "view", "lateral"} <= set(zones[0]["region"])
    assert "sciatica" in {c["id"] for c in body["conditions"]}
    assert body["sources"]
    assert body["treatment"]
    assert body["pattern_from"] is None  # a pattern of its own


def test_a_borrowed_pattern_names_its_muscle(client: TestClient) -> None:
    body = client.get("/v1/trigger-points/inferior-gemellus-belly").json()
    assert body["pattern_from"] == {"id": "piriformis", "name": "Piriformis"}


def test_trigger_point_filters_combine(client: TestClient) -> None:
    body = client.get(
        "/v1/trigger-points", params={"region": "back-of-thigh", "condition": "sciatica"}
    ).json()
    muscles = {item["muscle"]["id"] for item in body["items"]}
    assert "gluteus-minimus" in muscles
    essential = client.get(
        "/v1/trigger-points", params={"region": "temple", "zone": "essential", "limit": 200}
    ).json()
    spill = client.get(
        "/v1/trigger-points", params={"region": "temple", "zone": "spillover", "limit": 200}
    ).json()
    assert essential["total"] > 0
    assert spill["total"] > 0


def test_trigger_point_filter_by_symptom_and_factor(client: TestClient) -> None:
    tingling = client.get("/v1/trigger-points", params={"symptom": "tingling"}).json()
    assert tingling["total"] > 0
    stress = client.get("/v1/trigger-points", params={"factor": "bruxism"}).json()
    assert "masseter" in {item["muscle"]["id"] for item in stress["items"]}


def test_unknown_filter_value_is_422_naming_it(client: TestClient) -> None:
    response = client.get("/v1/trigger-points", params={"symptom": "itchiness"})
    assert response.status_code == 422
    assert "itchiness" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/v1/muscles", "/v1/regions", "/v1/conditions"])
def test_like_wildcards_in_a_search_are_literal(client: TestClient, path: str) -> None:
    for wildcard in ("%", "_", "\\"):
        body = client.get(path, params={"q": wildcard}).json()
        assert body["total"] == 0, wildcard
        assert body["items"] == [], wildcard
