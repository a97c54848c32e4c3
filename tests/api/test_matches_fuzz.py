"""Random bodies never crash the matcher: every answer is 200 or a 422 problem."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = st.sampled_from(
    [
        "left",
        "right",
        "no",
        "not",
        "headache",
        "temple",
        "behind",
        "eye",
        "down",
        "leg",
        "to",
        "the",
        "ankle",
        "numb",
        "tingling",
        "sciatica",
        "tmj",
        "both",
        "sides",
        "pain",
        ",",
        ".",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map(" ".join))
REGION = st.fixed_dictionaries(
    {"region": st.one_of(st.text(max_size=40), st.sampled_from(["temple", "heel", "neck"]))},
    optional={"side": st.sampled_from(["left", "right", "both", "up"])},
)
BODY = st.fixed_dictionaries(
    {},
    optional={
        "text": TEXT,
        "regions": st.lists(REGION, max_size=4),
        "symptoms": st.lists(st.text(max_size=20), max_size=3),
        "conditions": st.lists(st.sampled_from(["sciatica", "tmj", "x"]), max_size=2),
        "age": st.integers(-5, 200),
        "limit": st.integers(-1, 60),
        "group_by": st.sampled_from(["muscle", "trigger_point", "bone"]),
    },
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=BODY)
def test_random_bodies_get_200_or_422(client: TestClient, body: dict[str, Any]) -> None:
    response = client.post("/v1/matches", json=body)
    assert response.status_code in {200, 422}, (body, response.text)
    if response.status_code == 422:
        assert response.headers["content-type"] == "application/problem+json"
    else:
        assert 0 <= min((r["score"] for r in response.json()["results"]), default=0) <= 1
