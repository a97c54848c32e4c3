"""Evidence levels: every trigger point says how strong the evidence for its pattern is."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.dataset.evidence import evidence_level


def _ids(client: TestClient, level: str) -> set[str]:
    items: list[dict[str, str]] = []
    while True:
        params = {"evidence": level, "limit": 100, "offset": len(items)}
        body = client.get("/v1/trigger-points", params=params).json()
        items += body["items"]
        if len(items) >= body["total"]:
            break
    assert {item["evidence"] for item in items} <= {level}
    return {item["id"] for item in items}


def test_every_trigger_point_has_one_level(client: TestClient) -> None:
    everything = client.get("/v1/trigger-points", params={"limit": 1}).json()["total"]
    levels = [_ids(client, level) for level in ("manual", "study", "secondary")]
    assert len(set.union(*levels)) == sum(map(len, levels)) == everything
    assert len(levels[0]) == 213


def test_points_outside_the_manual_say_what_rests_under_them(client: TestClient) -> None:
    assert _ids(client, "study") == {"longus-colli-belly", "omohyoid-inferior-belly"}
    assert _ids(client, "secondary") == {
        "abductor-pollicis-brevis-thenar",
        "abductor-pollicis-longus-belly",
        "pronator-quadratus-distal-forearm",
        "lumbricals-hand-palm",
        "thoracic-multifidi-t4-t5",
    }


def test_a_saline_injection_study_is_cited_as_what_it_is(client: TestClient) -> None:
    body = client.get("/v1/trigger-points/abductor-pollicis-brevis-thenar").json()
    assert body["evidence"] == "secondary"
    assert {c["kind"] for c in body["sources"]} == {"experimental-pain-study"}
    manual = client.get("/v1/trigger-points/gluteus-maximus-trp1").json()
    assert (manual["evidence"], manual["sources"][0]["kind"]) == ("manual", "manual")


def test_an_unknown_level_is_a_422_naming_the_parameter(client: TestClient) -> None:
    response = client.get("/v1/trigger-points", params={"evidence": "anecdote"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "evidence"]


@pytest.mark.parametrize(
    ("kinds", "level"),
    [
        (["manual", "web-page"], "manual"),
        (["trigger-point-study", "web-page"], "study"),
        (["experimental-pain-study"], "secondary"),
        (["textbook", "web-page"], "secondary"),
    ],
)
def test_the_strongest_source_sets_the_level(kinds: list[str], level: str) -> None:
    assert evidence_level(kinds) == level  # type: ignore[arg-type]
