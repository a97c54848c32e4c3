"""POST /v1/matches and /v1/interpret through the real app, on the seeded dataset."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from fastapi.testclient import TestClient


def matches(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/v1/matches", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


def top_muscles(body: dict[str, Any], n: int) -> list[str]:
    return [row["muscle"]["id"] for row in body["results"][:n]]


def test_response_shape(client: TestClient) -> None:
    body = matches(client, text="headache behind my left eye", limit=3)
    assert set(body) >= {"results", "interpretation", "triage", "disclaimer", "dataset_version"}
    row = body["results"][0]
    assert set(row) >= {"rank", "score", "trigger_point", "muscle", "side", "explanation"}
    assert row["side"] == "left"
    assert 0 <= row["score"] <= 1
    assert body["triage"]["level"] == "self_care"
    assert body["interpretation"]["regions"][0]["side"] == "left"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pounding headache over my right eyebrow", {"sternocleidomastoid", "temporalis"}),
        ("TMJ pain when I chew", {"masseter", "lateral-pterygoid"}),
        ("sciatica-like pain in my left buttock and leg", {"gluteus-minimus", "piriformis"}),
        ("carpal-tunnel-like numbness in my hand at night", {"scalenes"}),
    ],
)
def test_free_text_finds_guide_muscles(client: TestClient, text: str, expected: set[str]) -> None:
    body = matches(client, text=text, limit=10, group_by="muscle")
    found = set(top_muscles(body, 6))
    groups = {"scalenes": {"anterior-scalene", "middle-scalene", "posterior-scalene"}}
    for muscle in expected:
        assert groups.get(muscle, {muscle}) & found, (text, muscle, found)


def test_body_map_regions_with_side(client: TestClient) -> None:
    body = matches(client, regions=[{"region": "heel", "side": "right"}], group_by="muscle")
    assert "soleus" in top_muscles(body, 3)
    assert body["results"][0]["side"] == "right"


def test_region_by_lay_synonym(client: TestClient) -> None:
    body = matches(client, regions=[{"region": "back of the head"}])
    assert body["interpretation"]["regions"][0]["region"] == "occiput"


def test_emergency_first_and_no_self_treatment(client: TestClient) -> None:
    body = matches(client, text="crushing chest pain and sweating")
    assert body["triage"]["level"] == "emergency"
    assert body["triage"]["red_flags"][0]["message"]
    assert body["results"] == []
    assert body["results_withheld"] is True


def test_negated_red_flag_is_not_raised(client: TestClient) -> None:
    body = matches(client, text="headache at the temples, no fever, no stiff neck")
    assert body["triage"]["level"] == "self_care"
    assert "fever" in " ".join(body["interpretation"]["negated"])


def test_vague_input_asks_for_detail(client: TestClient) -> None:
    body = matches(client, text="it hurts")
    assert body["needs_more_detail"] is True
    assert body["ask_about"]
    assert body["results"] == []


def test_interpret_echoes_understanding(client: TestClient) -> None:
    response = client.post("/v1/interpret", json={"text": "left temple, worse with stress"})
    body = response.json()
    assert response.status_code == 200
    assert [r["region"] for r in body["interpretation"]["regions"]] == ["temple"]
    assert body["interpretation"]["factors"] == ["stress"]
    assert body["interpretation"]["age"] is None
    assert "results" not in body


def test_interpret_reads_an_age_from_the_text(client: TestClient) -> None:
    body = {"text": "I'm 71 and have a new headache and a tender scalp"}
    found = client.post("/v1/interpret", json=body).json()
    assert found["interpretation"]["age"] == 71
    assert found["triage"]["level"] == "urgent"
    given = client.post("/v1/interpret", json={**body, "age": 40}).json()
    assert given["interpretation"]["age"] == 40
    assert given["triage"]["level"] == "self_care"


def test_unknown_region_is_422_with_suggestions(client: TestClient) -> None:
    response = client.post("/v1/matches", json={"regions": [{"region": "tempel"}]})
    assert response.status_code == 422
    problem = response.json()
    assert problem["errors"][0]["loc"] == ["body", "regions", 0, "region"]
    assert "tempel" in problem["detail"]
    assert "temple" in problem["detail"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"age": 40},
        {"text": "   "},
        {"text": "x" * 2001},
        {"text": "neck", "limit": 0},
        {"text": "neck", "limit": 51},
        {"text": "neck", "group_by": "bone"},
        {"text": "neck", "colour": "red"},
        {"regions": [{"region": "neck", "side": "middle"}]},
        {"regions": [{"region": "neck"}] * 31},
    ],
)
def test_bad_bodies_are_422_problems(client: TestClient, body: dict[str, Any]) -> None:
    response = client.post("/v1/matches", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"]


@pytest.mark.parametrize("path", ["/v1/matches", "/v1/interpret"])
@pytest.mark.parametrize(
    ("content", "content_type", "message"),
    [
        (b"{not json", "application/json", "Invalid JSON"),
        (b"", "application/json", "Invalid JSON"),
        (b"[1, 2]", "application/json", "Input should be an object"),
        (b'{"text": "neck"}', "text/plain", "send the body as application/json"),
    ],
)
def test_body_that_is_not_a_json_object_is_a_422_naming_the_body(
    client: TestClient, path: str, content: bytes, content_type: str, message: str
) -> None:
    response = client.post(path, content=content, headers={"content-type": content_type})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    error = response.json()["errors"][0]
    assert error["loc"] == ["body"]
    assert message in error["msg"]


def test_json_with_charset_or_a_json_suffix_is_accepted(client: TestClient) -> None:
    for content_type in ("application/json; charset=utf-8", "application/merge-patch+json"):
        response = client.post(
            "/v1/matches", content=b'{"text": "neck"}', headers={"content-type": content_type}
        )
        assert response.status_code == 200, content_type


def test_invalid_fields_are_located_under_body(client: TestClient) -> None:
    response = client.post("/v1/matches", json={"text": "neck", "regions": [{"side": "up"}]})
    assert response.status_code == 422
    locations = [error["loc"] for error in response.json()["errors"]]
    assert ["body", "regions", 0, "region"] in locations
    assert ["body", "regions", 0, "side"] in locations


def test_request_body_is_never_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "zebra-unicorn-private-words"
    with caplog.at_level(logging.DEBUG):
        client.post("/v1/matches", json={"text": f"left temple {secret}"})
        client.post("/v1/matches", json={"text": secret, "limit": 0})
    assert secret not in caplog.text


@pytest.mark.parametrize(
    "body",
    [
        {"text": "headache behind my left eye, no numbness", "symptoms": ["tingling"]},
        {"regions": [{"region": "heel", "side": "both"}], "group_by": "muscle"},
        {"text": "crushing chest pain and sweating"},
        {"text": "it hurts"},
    ],
)
def test_responses_keep_the_documented_contract(client: TestClient, body: dict[str, Any]) -> None:
    from app.matching_api.schemas import InterpretResponse, MatchResponse

    MatchResponse.model_validate(client.post("/v1/matches", json=body).json(), strict=True)
    reading = {key: value for key, value in body.items() if key not in {"group_by", "limit"}}
    InterpretResponse.model_validate(client.post("/v1/interpret", json=reading).json(), strict=True)


def test_a_condition_no_trigger_point_is_linked_to_is_understood_but_not_scored(
    client: TestClient,
) -> None:
    alone = client.post("/v1/matches", json={"conditions": ["fibromyalgia"]}).json()
    assert alone["interpretation"]["conditions"] == ["fibromyalgia"]
    assert alone["results"] == []
    assert alone["needs_more_detail"] is True
    assert "neck" in alone["ask_about"]

    def scores(conditions: list[str]) -> list[float]:
        body = {"regions": [{"region": "neck"}], "conditions": conditions}
        return [row["score"] for row in client.post("/v1/matches", json=body).json()["results"]]

    assert scores(["fibromyalgia"]) == scores([]) != []
    named = client.post("/v1/interpret", json={"text": "myofascial pain in my neck"}).json()
    assert named["interpretation"]["conditions"] == ["myofascial-pain-syndrome"]


@pytest.mark.parametrize(
    "body",
    [
        {"regions": [{"region": "heel", "side": "right"}]},
        {"text": "pain at the back of my head"},
        {"text": "sciatica-like pain in my right buttock and back of thigh"},
        {"text": "sciatica-like pain in my right buttock and back of thigh", "group_by": "muscle"},
    ],
)
def test_rank_reason_says_what_puts_each_row_ahead_of_the_next(
    client: TestClient, body: dict[str, Any]
) -> None:
    rows = client.post("/v1/matches", json={**body, "limit": 8}).json()["results"]
    longer = client.post("/v1/matches", json={**body, "limit": 9}).json()["results"]
    assert [r["rank_reason"] for r in rows] == [r["rank_reason"] for r in longer[:8]]
    for n, row in enumerate(rows):
        if n + 1 == len(longer):  # nothing follows the last row
            assert row["rank_reason"] is None
            continue
        after = longer[n + 1]
        if row["rank_reason"] == "score":
            assert row["score"] > after["score"]
        else:
            assert row["score"] == after["score"]
            assert row["rank_reason"] in {"essential_zones", "common", "own_pattern", "tie"}


def test_rank_reason_shows_ties_and_the_borrowed_pattern(client: TestClient) -> None:
    def reasons(body: dict[str, Any]) -> dict[str, str | None]:
        rows = client.post("/v1/matches", json=body).json()["results"]
        return {r["trigger_point"]["id"]: r["rank_reason"] for r in rows}

    heel = reasons({"regions": [{"region": "heel", "side": "right"}]})
    assert heel["soleus-trp1"] == "common"
    sciatica = reasons({"text": "sciatica-like pain in my right buttock and back of thigh"})
    # the piriformis ties the gemelli on score; its own pattern puts it ahead
    assert sciatica["piriformis-medial"] == "own_pattern"
    everything = client.post("/v1/matches", json={"text": "tennis elbow", "limit": 50}).json()
    assert everything["results"][-1]["rank_reason"] in {None, "score", "tie", "common"}
