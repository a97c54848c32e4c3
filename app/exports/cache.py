"""The export of the current dataset version, read from the database once per version.

A request asks the database only for the newest version's content hash; while it is the one
already read, the tables, the descriptor and the zip come from memory, so an export request
costs about as much as a catalog read and never holds up `/v1/matches` with a rebuild.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.dataset.versions import latest_version
from app.exports.service import ExportData, load_export
from app.exports.writers import descriptor, zip_bytes


@dataclass(frozen=True, slots=True)
class Export:
    data: ExportData
    package: dict[str, Any]
    archive: bytes

    @property
    def etag(self) -> str:
        return self.data.content_hash


class ExportCache:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker
        self._current: Export | None = None
        self._lock = asyncio.Lock()

    async def current(self) -> Export:
        async with self._sessionmaker() as session:
            latest = await latest_version(session)
            content_hash = latest.content_hash if latest else ""
            if self._current is not None and self._current.etag == content_hash:
                return self._current
            async with self._lock:
                if self._current is None or self._current.etag != content_hash:
                    self._current = await build_export(session)
                return self._current


async def build_export(session: AsyncSession) -> Export:
    data = await load_export(session)
    package = descriptor(data)
    return Export(data, package, zip_bytes(data, package))
