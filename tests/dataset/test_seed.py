"""Seeding: idempotent, versioned, transactional; inserts, updates and deletes what changed."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app import models as m
from app.cli import main, migrate
from app.config import Settings
from app.database import create_engine, create_sessionmaker
from tests.conftest import seed_database
from tests.dataset.conftest import Edit


def _scalar(url: str, query: Any) -> Any:
    async def run() -> Any:
        engine = create_engine(url)
        try:
            async with create_sessionmaker(engine)() as session:
                return await session.scalar(query)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _count(url: str, model: Any) -> int:
    return int(_scalar(url, select(func.count()).select_from(model)))


def test_second_seed_changes_nothing(empty_url: str) -> None:
    migrate(Settings(database_url=empty_url))
    first = seed_database(empty_url)
    assert first.changed
    assert first.revision == 1
    assert first.changes["trigger_points"]["inserted"] > 0
    second = seed_database(empty_url)
    assert not second.changed
    assert second.changes == {}
    assert (second.revision, second.content_hash) == (1, first.content_hash)
    assert _count(empty_url, m.DatasetVersion) == 1


def _add_copy(doc: Any) -> None:
    copy = dict(doc["muscles"][0], id="test-muscle", name="Test muscle", synonyms=[])
    copy["trigger_points"] = [dict(copy["trigger_points"][0], id="test-muscle-trp1")]
    doc["muscles"].append(copy)
    doc["muscles"][0]["actions"] = "Changed for the test."


def test_changes_are_applied_and_counted(empty_url: str, data_copy: Path, edit: Edit) -> None:
    migrate(Settings(database_url=empty_url))
    seed_database(empty_url, data_copy)
    muscles_before = _count(empty_url, m.Muscle)
    edit("muscles/leg-foot.yaml", _add_copy)
    report = seed_database(empty_url, data_copy)
    assert report.revision == 2
    assert report.changes["muscles"] == {
        "inserted": 1,
        "updated": 1,
        "deleted": 0,
        "inserted_ids": ["test-muscle"],
        "updated_ids": ["tibialis-anterior"],
    }
    assert report.changes["trigger_points"]["inserted_ids"] == ["test-muscle-trp1"]
    assert _count(empty_url, m.Muscle) == muscles_before + 1
    actions = _scalar(
        empty_url, select(m.Muscle.actions).where(m.Muscle.slug == "tibialis-anterior")
    )
    assert actions == "Changed for the test."

    edit("muscles/leg-foot.yaml", lambda doc: doc["muscles"].pop())
    report = seed_database(empty_url, data_copy)
    assert report.revision == 3
    assert report.changes["muscles"] == {
        "inserted": 0,
        "updated": 0,
        "deleted": 1,
        "deleted_ids": ["test-muscle"],
    }
    assert report.changes["trigger_points"]["deleted_ids"] == ["test-muscle-trp1"]
    assert _count(empty_url, m.Muscle) == muscles_before


def test_bad_data_is_refused_and_database_left_as_it_was(
    empty_url: str,
    data_copy: Path,
    edit: Edit,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.config import get_settings

    migrate(Settings(database_url=empty_url))
    seed_database(empty_url, data_copy)
    zones_before = _count(empty_url, m.ReferralZone)
    edit(
        "muscles/head-neck.yaml",
        lambda doc: doc["muscles"][0]["trigger_points"][0]["essential"].append("atlantis"),
    )
    monkeypatch.setenv("TRIGGERMAP_DATABASE_URL", empty_url)
    get_settings.cache_clear()
    try:
        assert main(["seed", "--data-dir", str(data_copy)]) == 1
    finally:
        get_settings.cache_clear()
    assert "atlantis" in capsys.readouterr().err
    assert _count(empty_url, m.ReferralZone) == zones_before
    assert _count(empty_url, m.DatasetVersion) == 1
