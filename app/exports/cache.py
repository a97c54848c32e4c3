"""The export of the current dataset version, read from the database once per version.

A request asks the database only for the newest version's content hash (in a session it closes
at once); while that is the version already read, the tables, the descriptor and the zip come
from memory. A new version is read by one request while the others wait for it without holding
a database session; building the rows and the zip (about a tenth of a second) runs in a worker
thread, so the event loop keeps serving `/v1/matches` meanwhile.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.dataset.versions import latest_version
from app.errors import UnavailableError
from app.exports.service import ExportData, ExportSource, assemble, read_export
from app.exports.writers import descriptor, zip_bytes

# The export's own format: bump it when a table or column changes, so a client's cached copy
# (its ETag) of the same data in the old format is not answered with 304.
FORMAT: Final = "1"
NO_DATASET: Final = "No dataset has been seeded yet (triggermap seed)."


@dataclass(frozen=True, slots=True)
class Export:
    data: ExportData
    package: dict[str, Any]
    archive: bytes

    @property
    def content_hash(self) -> str:
        return self.data.content_hash

    def etag(self, variant: str) -> str:
        """The ETag of one file of the export: the data's content hash, the file, the format."""
        return f'"{self.content_hash}-{variant}-v{FORMAT}"'


class ExportCache:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker
        self._current: Export | None = None
        self._lock = asyncio.Lock()

    async def current(self) -> Export:
        async with self._sessionmaker() as session:
            latest = await latest_version(session)
        if latest is None:
            raise UnavailableError(NO_DATASET)
        if self._current is not None and self._current.content_hash == latest.content_hash:
            return self._current
        async with self._lock:
            if self._current is None or self._current.content_hash != latest.content_hash:
                async with self._sessionmaker() as session:
                    self._current = await build_export(session)
            return self._current


async def build_export(session: AsyncSession) -> Export:
    """The export of the database's current dataset; UnavailableError when there is none."""
    source = await read_export(session)
    if source is None:
        raise UnavailableError(NO_DATASET)
    return await asyncio.to_thread(_export_of, source)


def _export_of(source: ExportSource) -> Export:
    data = assemble(source)
    package = descriptor(data)
    return Export(data, package, zip_bytes(data, package))
