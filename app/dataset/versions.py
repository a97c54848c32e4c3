"""The dataset version: the newest revision recorded by a seed that changed something, and
the release it carries."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m


async def latest_version(session: AsyncSession) -> m.DatasetVersion | None:
    return await session.scalar(
        select(m.DatasetVersion).order_by(m.DatasetVersion.revision.desc()).limit(1)
    )


def release_of(version: m.DatasetVersion | None) -> str:
    """The version a response carries as `dataset_version`: the release the data files name
    (``data/release.yaml``); for data seeded before releases existed, the local revision."""
    if version is None:
        return "0"
    return version.release or str(version.revision)
