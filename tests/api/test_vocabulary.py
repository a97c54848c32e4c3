"""``GET /v1/vocabulary``: autocomplete over every wording the matcher accepts."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.dataset.matcher_input import records_from_files
from app.matching import MatchQuery, RegionInput, build_index, interpret
from app.matching.vocabulary import build_vocabulary
from tests.conftest import DATA_DIR


def _suggest(client: TestClient, q: str, limit: int = 10) -> list[dict[str, Any]]:
    response = client.get("/v1/vocabulary", params={"q": q, "limit": limit})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def _means(item: dict[str, Any]) -> set[tuple[str, str]]:
    return {(m["kind"], m["id"]) for m in item["means"]}


def test_the_whole_wording_comes_first_then_the_shortest(client: TestClient) -> None:
    items = _suggest(client, "Knee")
    assert items[0]["phrase"] == "knee"
    assert _means(items[0]) == {("region", "knee")}
    lumbar = _suggest(client, "lumb")
    assert lumbar[0]["phrase"] == "lumbar"
    assert _means(lumbar[0]) == {("region", "low-back")}


def test_a_direction_and_a_part_are_offered_as_the_reader_takes_them(client: TestClient) -> None:
    items = _suggest(client, "posterior kn")
    assert items[0]["phrase"] == "posterior knee"
    assert items[0]["source"] == "anatomy"
    assert _means(items[0]) == {("region", "back-of-knee")}


def test_a_later_word_finds_the_wording(client: TestClient) -> None:
    phrases = [item["phrase"] for item in _suggest(client, "needles")]
    assert "pins and needles" in phrases


def test_a_phrase_means_every_term_it_names(client: TestClient) -> None:
    headache = next(i for i in _suggest(client, "headache") if i["phrase"] == "headache")
    assert ("condition", "tension-type-headache") in _means(headache)
    assert ("region", "temple") in _means(headache)


def test_the_limit_is_kept(client: TestClient) -> None:
    assert len(_suggest(client, "a", limit=3)) == 3


@pytest.mark.parametrize(
    "params",
    [{}, {"q": ""}, {"q": "x" * 101}, {"q": "knee", "limit": 0}, {"q": "knee", "limit": 51}],
)
def test_bad_queries_are_422_problems(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/v1/vocabulary", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"][0] == "query"


def test_every_wording_offered_is_accepted_in_its_field() -> None:
    records = records_from_files(DATA_DIR)
    index = build_index(records)
    fields = {"symptom": "symptoms", "factor": "factors", "condition": "conditions"}
    entries = build_vocabulary(records, index).entries
    assert len(entries) > 2000
    for entry in entries:
        for kind in {m.kind for m in entry.means}:
            if kind == "region":
                found = interpret(index, MatchQuery(regions=(RegionInput(entry.phrase),)))
                assert found.regions, entry.phrase
            else:
                value = (entry.phrase,)
                query = MatchQuery(
                    text="neck pain",
                    symptoms=value if kind == "symptom" else (),
                    factors=value if kind == "factor" else (),
                    conditions=value if kind == "condition" else (),
                )
                assert getattr(interpret(index, query), fields[kind]), entry.phrase
