"""Migrations run up, down to base and up again, and match the models exactly."""

from __future__ import annotations

import asyncio
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from app.config import PROJECT_ROOT
from app.database import create_engine
from app.models import Base


def _config(url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    return config


def _inspect(url: str, check: Any) -> Any:
    async def run() -> Any:
        engine = create_engine(url)
        try:
            async with engine.connect() as connection:
                return await connection.run_sync(check)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names()) - {"alembic_version"}


def _drift(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def test_upgrade_downgrade_upgrade(empty_url: str) -> None:
    config = _config(empty_url)
    command.upgrade(config, "head")
    assert _inspect(empty_url, _tables) == set(Base.metadata.tables)
    command.downgrade(config, "base")
    assert _inspect(empty_url, _tables) == set()
    command.upgrade(config, "head")
    assert _inspect(empty_url, _tables) == set(Base.metadata.tables)


def test_models_and_migrations_do_not_drift(empty_url: str) -> None:
    command.upgrade(_config(empty_url), "head")
    assert _inspect(empty_url, _drift) == []
