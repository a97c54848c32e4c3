"""A private copy of data/ per test, to break on purpose."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import DATA_DIR

Edit = Callable[[str, Callable[[Any], None]], None]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture
def edit(data_copy: Path) -> Edit:
    """edit("muscles/head-neck.yaml", change) loads the file, lets ``change`` mutate it, saves."""

    def apply(relative: str, change: Callable[[Any], None]) -> None:
        path = data_copy / relative
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(document)
        path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")

    return apply


def first_trigger_point(document: Any) -> Any:
    return document["muscles"][0]["trigger_points"][0]
