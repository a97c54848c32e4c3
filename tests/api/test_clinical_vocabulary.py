"""One vocabulary for every input: structured fields take what the text reader understands,
and the reader understands a chart's anatomy (issue: one clinical vocabulary)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _interpret(client: TestClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/v1/interpret", json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()["interpretation"]
    return result


def _regions(interpretation: dict[str, Any]) -> set[tuple[str, str | None]]:
    return {(r["region"], r["side"]) for r in interpretation["regions"]}


@pytest.mark.parametrize(
    ("value", "side", "expected"),
    [
        ("posterior knee", None, {("back-of-knee", None)}),
        ("anterior knee", None, {("kneecap", None)}),
        ("dorsal foot", "right", {("top-of-foot", "right")}),
        ("lumbar", None, {("low-back", None)}),
        ("lumbar pain", None, {("low-back", None)}),
        ("interscapular", None, {("between-shoulder-blades", None)}),
        ("suboccipital", None, {("skull-base", None)}),
        ("SI joint", "left", {("sacroiliac", "left")}),
        ("proximal forearm", None, {("forearm", None)}),
        ("ulnar side of the hand", None, {("hypothenar", None)}),
        # a region's adjective on its own, as a chart writes it
        ("occipital", "right", {("occiput", "right")}),
        ("gluteal", None, {("buttock", None)}),
        ("popliteal", None, {("back-of-knee", None)}),
        ("plantar midfoot", None, {("arch", None)}),
        # the lower leg's faces
        ("anterior lower leg", None, {("shin", None)}),
        ("posterior lower leg", None, {("calf", None)}),
        ("pretibial", None, {("shin", None)}),
        # the wording's side, unless the field gives one
        ("left posterior knee", None, {("back-of-knee", "left")}),
        ("left posterior knee", "right", {("back-of-knee", "right")}),
        (
            "posterior arm",
            "left",
            {("back-of-upper-arm", "left"), ("back-of-elbow", "left"), ("back-of-forearm", "left")},
        ),
    ],
)
def test_body_map_regions_take_clinical_anatomy(
    client: TestClient, value: str, side: str | None, expected: set[tuple[str, str | None]]
) -> None:
    found = _interpret(client, {"regions": [{"region": value, "side": side}]})
    assert _regions(found) == expected
    assert {r["phrase"] for r in found["regions"]} == {value}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pain in posterior knee", {"back-of-knee"}),
        ("pain in my lumbar", {"low-back"}),
        ("dorsal foot pain", {"top-of-foot"}),
        ("pins and needles in my ring and little fingers", {"ring-finger", "little-finger"}),
        ("my bum hurts when I sit", {"buttock"}),
        ("interscapular pain", {"between-shoulder-blades"}),
        # a direction applies to each place a phrase names ("arm pain": upper arm and forearm)
        ("posterior arm pain", {"back-of-upper-arm", "back-of-forearm"}),
        ("posterior leg pain", {"back-of-thigh", "calf"}),
    ],
)
def test_text_reads_clinical_anatomy_and_everyday_words(
    client: TestClient, text: str, expected: set[str]
) -> None:
    found = _interpret(client, {"text": text})
    assert {r["region"] for r in found["regions"]} == expected
    assert found["unrecognized"] == []


def test_structured_terms_take_what_the_reader_understands(client: TestClient) -> None:
    found = _interpret(
        client,
        {
            "symptoms": ["pins and needles"],
            "conditions": ["LBP"],
            "factors": ["sitting at a desk all day"],
        },
    )
    assert found["symptoms"] == ["tingling"]
    assert found["conditions"] == ["low-back-pain"]
    assert "prolonged-sitting" in found["factors"]


@pytest.mark.parametrize(
    ("body", "loc", "value"),
    [
        ({"regions": [{"region": "kneee"}]}, ["body", "regions", 0, "region"], "kneee"),
        ({"regions": [{"region": "no knee"}]}, ["body", "regions", 0, "region"], "no knee"),
        ({"regions": [{"region": "knee banana"}]}, ["body", "regions", 0, "region"], "knee banana"),
        ({"conditions": ["knee"]}, ["body", "conditions", 0], "knee"),
        ({"text": "knee pain", "symptoms": ["lumbar"]}, ["body", "symptoms", 0], "lumbar"),
    ],
)
def test_what_the_reader_cannot_take_whole_is_still_a_422_with_suggestions(
    client: TestClient, body: dict[str, Any], loc: list[str | int], value: str
) -> None:
    response = client.post("/v1/matches", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["errors"][0]["loc"] == loc
    assert repr(value) in problem["detail"]
    assert "Did you mean" in problem["detail"]


def test_a_clinical_region_triages_like_its_plain_name(client: TestClient) -> None:
    def triage(region: str) -> dict[str, Any]:
        response = client.post("/v1/matches", json={"regions": [{"region": region}]})
        result: dict[str, Any] = response.json()["triage"]
        return result

    assert triage("lumbar") == triage("low back")
    assert "screen-saddle-numbness" in {q["id"] for q in triage("lumbar")["screening"]}
