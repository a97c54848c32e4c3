"""Vague input asks for more detail instead of guessing."""

from __future__ import annotations

import pytest

from app.matching import MatchIndex, MatchQuery, match


@pytest.mark.parametrize("text", ["pain", "it hurts", "i feel bad", "asdf", "tingling"])
def test_nothing_placed_asks_about_top_level_areas(index: MatchIndex, text: str) -> None:
    outcome = match(index, MatchQuery(text=text))
    assert outcome.needs_more_detail is True
    assert outcome.results == ()
    assert outcome.ask_about == index.body.hierarchy.roots
    assert "head" in outcome.ask_about
    assert "lower-limb" in outcome.ask_about


def test_whole_area_asks_about_its_parts_but_still_ranks(index: MatchIndex) -> None:
    outcome = match(index, MatchQuery(text="my leg hurts"))
    assert outcome.needs_more_detail is True
    assert outcome.ask_about == ("hip", "thigh", "knee", "leg", "ankle", "foot")
    assert outcome.results  # flagged, not hidden


def test_specific_place_needs_no_more_detail(index: MatchIndex) -> None:
    outcome = match(index, MatchQuery(text="pain behind my left knee"))
    assert outcome.needs_more_detail is False
    assert outcome.ask_about == ()


def test_condition_is_specific_enough(index: MatchIndex) -> None:
    outcome = match(index, MatchQuery(conditions=("sciatica",)))
    assert outcome.needs_more_detail is False
    assert outcome.results


def test_outcome_carries_dataset_version(index: MatchIndex) -> None:
    assert match(index, MatchQuery(text="pain")).dataset_version == "test-1"
