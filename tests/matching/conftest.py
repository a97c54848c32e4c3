"""Matcher fixtures: one index over the small hand-made dataset, built once per session."""

from __future__ import annotations

import pytest

from app.matching import MatchIndex, build_index
from tests.matching.dataset import small_dataset


@pytest.fixture(scope="session")
def index() -> MatchIndex:
    return build_index(small_dataset())
