"""Regions: list filters, detail with hierarchy, and the pain-guide reverse lookup."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_list_is_paginated(client: TestClient) -> None:
    body = client.get("/v1/regions", params={"limit": 5, "offset": 5}).json()
    assert body["limit"] == 5
    assert body["offset"] == 5
    assert len(body["items"]) == 5
    assert body["total"] >= 150


def test_search_by_lay_synonym(client: TestClient) -> None:
    body = client.get("/v1/regions", params={"q": "base of the skull"}).json()
    assert [item["id"] for item in body["items"]] == ["skull-base"]


def test_filter_by_view_and_parent(client: TestClient) -> None:
    children = client.get("/v1/regions", params={"parent": "head", "limit": 200}).json()
    assert {"temple", "forehead", "occiput"} <= {item["id"] for item in children["items"]}
    assert all(item["parent"] == "head" for item in children["items"])
    plantar = client.get("/v1/regions", params={"view": "plantar"}).json()
    assert {"heel", "sole"} <= {item["id"] for item in plantar["items"]}


def test_detail_has_ancestors_and_children(client: TestClient) -> None:
    body = client.get("/v1/regions/skull-base").json()
    assert [a["id"] for a in body["ancestors"]] == ["head", "occiput"]
    assert body["lateral"] is True
    leg = client.get("/v1/regions/leg").json()
    assert "shin" in [child["id"] for child in leg["children"]]


def test_temple_lookup_lists_guide_muscles_essential_first(client: TestClient) -> None:
    body = client.get("/v1/regions/temple/trigger-points", params={"limit": 200}).json()
    muscles = {item["muscle"]["id"] for item in body["items"]}
    assert {"trapezius", "sternocleidomastoid", "temporalis"} <= muscles
    zones = [item["zone"] for item in body["items"]]
    assert zones == sorted(zones, key=lambda zone: zone != "essential")
    assert zones[0] == "essential"


def test_lookup_includes_regions_inside(client: TestClient) -> None:
    head = client.get("/v1/regions/head/trigger-points", params={"limit": 200}).json()
    temple = client.get("/v1/regions/temple/trigger-points", params={"limit": 200}).json()
    head_ids = {item["trigger_point"]["id"] for item in head["items"]}
    assert {item["trigger_point"]["id"] for item in temple["items"]} <= head_ids
    assert head["total"] == len(head_ids)


def test_lookup_zone_filter(client: TestClient) -> None:
    body = client.get("/v1/regions/temple/trigger-points", params={"zone": "spillover"}).json()
    assert body["items"]
    assert all(item["zone"] == "spillover" for item in body["items"])


def test_unknown_region_is_404_problem(client: TestClient) -> None:
    response = client.get("/v1/regions/elbowz/trigger-points")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "elbowz" in response.json()["detail"]


def test_unknown_parent_filter_is_422(client: TestClient) -> None:
    response = client.get("/v1/regions", params={"parent": "nowhere"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "parent"]


def test_lookup_includes_zones_on_regions_around_it(client: TestClient) -> None:
    body = client.get("/v1/regions/ball-of-foot/trigger-points", params={"limit": 200}).json()
    around = [item for item in body["items"] if item["region"]["id"] == "sole"]
    assert around, "a zone on the whole sole covers the ball of the foot"
    keys = [
        (item["zone"] != "essential", -item["weight"], item["region"]["id"] != "ball-of-foot")
        for item in body["items"]
    ]
    assert keys == sorted(keys), "at equal strength, zones on the region come before zones around"
