"""The dataset version: the newest revision recorded by a seed that changed something."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m


async def latest_version(session: AsyncSession) -> m.DatasetVersion | None:
    return await session.scalar(
        select(m.DatasetVersion).order_by(m.DatasetVersion.revision.desc()).limit(1)
    )
