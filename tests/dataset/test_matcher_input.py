"""The matcher reads the same records from the database (the service) as from the files (the
benchmarks and tools), so what the bench measures is what the API serves."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from app.database import create_engine, create_sessionmaker
from app.dataset.loader import load_dataset
from app.dataset.matcher_input import records_from_db, records_from_files
from app.matching.records import DatasetRecords
from tests.conftest import DATA_DIR


def _from_db(url: str) -> DatasetRecords:
    async def run() -> DatasetRecords:
        engine = create_engine(url)
        try:
            async with create_sessionmaker(engine)() as session:
                return await records_from_db(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_database_and_files_give_equal_records(seeded_url: str) -> None:
    from_db = _from_db(seeded_url)
    from_files = records_from_files(DATA_DIR)
    assert from_db.version == load_dataset(DATA_DIR).release.version
    assert replace(from_db, version="") == replace(from_files, version="")
