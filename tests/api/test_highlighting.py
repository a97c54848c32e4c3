"""`interpretation.phrases`: what the reader understood, placed in the submitted text."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    "text",
    [
        "Throbbing headache behind my LEFT eye and at the temple, worse with stress",
        "no numbness in the groin; my mum's hip hurts",
        "Café owner, 52: tempel pain and pins and needles in my ring and little fingers",
    ],
)
def test_understood_phrases_carry_offsets_into_the_submitted_text(
    client: TestClient, text: str
) -> None:
    response = client.post("/v1/interpret", json={"text": text})
    phrases = response.json()["interpretation"]["phrases"]
    assert phrases
    ends = []
    for phrase in phrases:
        assert text[phrase["start"] : phrase["end"]] == phrase["text"]
        assert phrase["means"]
        ends.append((phrase["start"], phrase["end"]))
    assert ends == sorted(ends)


def test_a_denied_phrase_is_marked_and_a_rewritten_one_is_unplaced(client: TestClient) -> None:
    response = client.post("/v1/interpret", json={"text": "no numbness, just back pane"})
    phrases = {p["text"]: p for p in response.json()["interpretation"]["phrases"]}
    assert phrases["numbness"]["negated"] is True
    assert (phrases["numbness"]["start"], phrases["numbness"]["end"]) == (3, 11)
    back = phrases["back pain"]
    assert (back["start"], back["end"], back["negated"]) == (None, None, False)
