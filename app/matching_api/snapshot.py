"""The matcher's immutable in-memory index (and the autocomplete vocabulary), built from the
database and swapped when the dataset version changes. The match path reads ``Snapshot.index``
and never queries the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator

from fastapi import Request
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.dataset.matcher_input import records_from_db
from app.dataset.versions import latest_version
from app.errors import UnavailableError
from app.matching import MatchIndex, build_index
from app.matching.vocabulary import Vocabulary, build_vocabulary

logger = logging.getLogger(__name__)


class Snapshot:
    """Holds the current index. Replacing the reference is atomic, so readers need no lock."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker
        self.index: MatchIndex | None = None
        self.vocabulary: Vocabulary | None = None
        self.revision: int | None = None

    async def _latest_revision(self) -> int | None:
        async with self._sessionmaker() as session:
            latest = await latest_version(session)
        return latest.revision if latest else None

    async def refresh(self) -> bool:
        """Rebuild the index if the dataset version changed; True when it was rebuilt."""
        revision = await self._latest_revision()
        if revision is None or revision == self.revision:
            return False
        async with self._sessionmaker() as session:
            records = await records_from_db(session)
        self.index = build_index(records)
        self.vocabulary = build_vocabulary(records, self.index)
        self.revision = revision
        # The index is immutable and long-lived: move it (and everything loaded so far) out of
        # the cyclic garbage collector's reach, so full collections don't walk it on the hot
        # path. An index replaced later is simply left to reference counting.
        gc.collect()
        gc.freeze()
        logger.info("matcher index built for dataset %s (revision %s)", records.version, revision)
        return True

    async def _poll(self, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await self.refresh()
            except (SQLAlchemyError, OSError) as exc:
                logger.warning("matcher refresh failed: %s", type(exc).__name__)

    @contextlib.asynccontextmanager
    async def running(self, refresh_seconds: float) -> AsyncIterator[Snapshot]:
        """Load now (if the database is reachable) and keep polling while the app runs."""
        try:
            await self.refresh()
        except (SQLAlchemyError, OSError) as exc:
            logger.warning("matcher index not loaded at start-up: %s", type(exc).__name__)
        task = asyncio.create_task(self._poll(refresh_seconds)) if refresh_seconds > 0 else None
        try:
            yield self
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task


_NOT_LOADED = "The dataset is not loaded yet; run `triggermap seed`."


def current_index(request: Request) -> MatchIndex:
    """The index being served, or 503 before the first one is built."""
    snapshot: Snapshot = request.app.state.snapshot
    if snapshot.index is None:
        raise UnavailableError(_NOT_LOADED)
    return snapshot.index


def current_vocabulary(request: Request) -> Vocabulary:
    """The vocabulary being served, or 503 before the first one is built."""
    snapshot: Snapshot = request.app.state.snapshot
    if snapshot.vocabulary is None:
        raise UnavailableError(_NOT_LOADED)
    return snapshot.vocabulary
