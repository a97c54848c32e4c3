"""The dataset's release: named once in data/release.yaml, described in the changelog, cited
in CITATION.cff."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.dataset.loader import load_dataset
from app.dataset.problems import DataError
from tests.conftest import DATA_DIR
from tests.dataset.conftest import Edit

ROOT = DATA_DIR.parent


def test_the_release_is_described_and_cited() -> None:
    release = load_dataset(DATA_DIR).release
    changelog = (DATA_DIR / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {release.version} ({release.released.isoformat()})" in changelog
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["version"] == release.version
    assert citation["date-released"] == release.released.isoformat()


def test_a_release_that_is_not_year_month_n_is_refused(data_copy: Path, edit: Edit) -> None:
    edit("release.yaml", lambda doc: doc["release"].update(version="v1"))
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert any(p.field == "version" for p in caught.value.problems)


def test_a_dataset_without_a_release_is_refused(data_copy: Path) -> None:
    (data_copy / "release.yaml").unlink()
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert "exactly one release" in str(caught.value.problems[0])
