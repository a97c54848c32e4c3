"""What ``GET /v1/dataset`` reports (version, content hash, counts, sources, licence) and
``GET /v1/dataset/revisions`` (what each seed changed)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.catalog.schemas import DatasetInfo, DatasetRevision, TableChange
from app.catalog.service.queries import citation
from app.dataset.versions import latest_version, release_of

COUNTED: dict[str, Any] = {
    "regions": m.Region,
    "muscles": m.Muscle,
    "trigger_points": m.TriggerPoint,
    "referral_zones": m.ReferralZone,
    "conditions": m.Condition,
    "symptoms": m.Symptom,
    "factors": m.Factor,
    "vocabulary": m.VocabularyEntry,
    "red_flags": m.RedFlag,
    "sources": m.Source,
}


async def dataset_info(*, session: AsyncSession) -> DatasetInfo:
    latest = await latest_version(session)
    counts = {}
    for name, model in COUNTED.items():
        counts[name] = int(await session.scalar(select(func.count()).select_from(model)) or 0)
    sources = (await session.scalars(select(m.Source).order_by(m.Source.slug))).all()
    return DatasetInfo(
        version=release_of(latest),
        revision=latest.revision if latest else 0,
        content_hash=latest.content_hash if latest else "",
        updated_at=latest.created_at if latest else None,
        counts=counts,
        sources=[citation(source) for source in sources],
    )


async def dataset_revisions(*, session: AsyncSession) -> list[DatasetRevision]:
    """Every revision this database recorded, newest first."""
    found = await session.scalars(
        select(m.DatasetVersion).order_by(m.DatasetVersion.revision.desc())
    )
    return [
        DatasetRevision(
            revision=row.revision,
            version=release_of(row),
            content_hash=row.content_hash,
            created_at=row.created_at,
            changes={table: TableChange(**found) for table, found in row.changes.items()},
        )
        for row in found.all()
    ]
