"""Fixtures: every API test runs against SQLite and PostgreSQL, through real migrations."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.cli import migrate
from app.config import PROJECT_ROOT, Settings
from app.database import create_engine, create_sessionmaker
from app.dataset.loader import load_dataset
from app.dataset.seed import SeedReport, seed
from app.main import create_app
from tests.build import stale_extensions
from tests.databases import BACKENDS, fresh_database

DATA_DIR = PROJECT_ROOT / "data"


def pytest_configure(config: pytest.Config) -> None:
    if stale := stale_extensions(PROJECT_ROOT / "app"):
        pytest.exit(
            f"compiled modules are older than {', '.join(stale)}: "
            "run `make install-dev` to recompile the matcher",
            returncode=4,
        )


def seed_database(database_url: str, data_dir: Path = DATA_DIR) -> SeedReport:
    async def run() -> SeedReport:
        engine = create_engine(database_url)
        try:
            async with create_sessionmaker(engine)() as session, session.begin():
                return await seed(session, load_dataset(data_dir))
        finally:
            await engine.dispose()

    return asyncio.run(run())


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def seeded_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated and seeded database, shared by the read-only API tests of one backend."""
    with fresh_database(backend, tmp_path_factory.mktemp(backend)) as url:
        settings = Settings(database_url=url)
        migrate(settings)
        seed_database(url)
        yield url


@pytest.fixture(scope="session")
def client(seeded_url: str) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=seeded_url, snapshot_refresh_seconds=0))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def empty_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A new, empty database for tests that migrate or seed it themselves."""
    with fresh_database(backend, tmp_path) as url:
        yield url
