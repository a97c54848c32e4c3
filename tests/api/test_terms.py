"""Symptoms and factors: the pickers' lists, searchable, each term with its trigger points."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.dataset.loader import load_dataset
from tests.conftest import DATA_DIR

DATA = load_dataset(DATA_DIR)
KINDS = [("symptoms", "symptom", DATA.symptoms), ("factors", "factor", DATA.factors)]


@pytest.mark.parametrize(("path", "kind", "entries"), KINDS)
def test_the_list_holds_every_term_with_its_synonyms(
    client: TestClient, path: str, kind: str, entries: tuple[object, ...]
) -> None:
    body = client.get(f"/v1/{path}", params={"limit": 200}).json()
    assert body["total"] == len(entries)
    names = [item["name"] for item in body["items"]]
    assert names == sorted(names)
    expected = {e.id: list(e.synonyms) for e in DATA.symptoms + DATA.factors}
    for item in body["items"]:
        assert item["synonyms"] == expected[item["id"]]


@pytest.mark.parametrize(("path", "kind", "entries"), KINDS)
def test_each_term_links_the_trigger_points_that_list_it(
    client: TestClient, path: str, kind: str, entries: tuple[object, ...]
) -> None:
    items = client.get(f"/v1/{path}", params={"limit": 200}).json()["items"]
    for item in items[:12]:
        filtered = client.get("/v1/trigger-points", params={kind: item["id"], "limit": 200}).json()[
            "items"
        ]
        assert {tp["id"] for tp in item["trigger_points"]} == {tp["id"] for tp in filtered}
        detail = client.get(f"/v1/{path}/{item['id']}").json()
        assert detail == item


@pytest.mark.parametrize(
    ("path", "q", "expected"),
    [("symptoms", "pins and needles", "tingling"), ("factors", "anxiety", "stress")],
)
def test_search_reads_names_and_synonyms(
    client: TestClient, path: str, q: str, expected: str
) -> None:
    items = client.get(f"/v1/{path}", params={"q": q}).json()["items"]
    assert expected in [item["id"] for item in items]


@pytest.mark.parametrize(("path", "kind", "entries"), KINDS)
def test_what_a_picker_lists_is_what_matching_accepts(
    client: TestClient, path: str, kind: str, entries: tuple[object, ...]
) -> None:
    items = client.get(f"/v1/{path}", params={"limit": 200}).json()["items"]
    field = "symptoms" if kind == "symptom" else "factors"
    for item in items:
        values = [item["id"], item["name"], *item["synonyms"]]
        response = client.post("/v1/interpret", json={"text": "neck pain", field: values})
        assert response.status_code == 200, response.text
        assert response.json()["interpretation"][field] == [item["id"]], values


@pytest.mark.parametrize("path", ["symptoms", "factors"])
def test_an_unknown_term_is_a_404_problem_naming_it(client: TestClient, path: str) -> None:
    response = client.get(f"/v1/{path}/no-such-term")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "no-such-term" in response.json()["detail"]
