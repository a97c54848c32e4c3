"""Load a validated dataset into the database in one transaction, idempotently.

Rows are matched by their public id (slug); new ones are inserted, changed ones updated and
ones no longer in ``data/`` deleted. A new dataset version is recorded only when something
changed, so seeding twice leaves the version as it was.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.dataset import file_format
from app.dataset.seed_catalog import sync_catalog, sync_rules
from app.dataset.sync import (
    SyncPlan,
    by_slug,
    delete_queued,
    search_text,
    slug_ids,
    upsert_rows,
)
from app.dataset.versions import latest_version


@dataclass(frozen=True)
class SeedReport:
    revision: int
    release: str
    content_hash: str
    changed: bool
    changes: dict[str, dict[str, Any]]


def content_hash(dataset: file_format.Dataset) -> str:
    """A stable fingerprint of the dataset's content."""
    canonical = json.dumps(dataset.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


async def seed(session: AsyncSession, dataset: file_format.Dataset) -> SeedReport:
    """Bring the database to ``dataset``. The caller commits."""
    plan = SyncPlan()
    digest = content_hash(dataset)
    await _sync_reference(session, plan, dataset)
    await sync_catalog(session, plan, dataset)
    await sync_rules(session, plan, dataset)
    await delete_queued(session, plan)
    latest = await latest_version(session)
    release = dataset.release.version
    if latest is not None and plan.total == 0 and latest.content_hash == digest:
        return SeedReport(latest.revision, release, digest, False, {})
    revision = (latest.revision if latest else 0) + 1
    session.add(
        m.DatasetVersion(
            revision=revision, release=release, content_hash=digest, changes=plan.summary()
        )
    )
    await session.flush()
    return SeedReport(revision, release, digest, True, plan.summary())


async def _sync_reference(session: AsyncSession, plan: SyncPlan, data: file_format.Dataset) -> None:
    await upsert_rows(session, plan, m.Source, ("slug",), by_slug(data.sources, _source_row))
    await upsert_rows(session, plan, m.Region, ("slug",), by_slug(data.regions, _region_row))
    region_ids = await slug_ids(session, m.Region)
    parents = {region.id: region.parent for region in data.regions}
    changes = plan.changes["regions"]
    # a region just inserted gets its parent here too; that is part of inserting it
    counted = {*changes.ids["inserted"], *changes.ids["updated"]}
    for region in (await session.scalars(select(m.Region))).all():
        parent = parents.get(region.slug)
        parent_id = region_ids[parent] if parent else None
        if region.parent_id != parent_id:
            region.parent_id = parent_id
            if region.slug not in counted:
                changes.updated += 1
                changes.ids["updated"].append(region.slug)
    for model, entries in ((m.Symptom, data.symptoms), (m.Factor, data.factors)):
        await upsert_rows(session, plan, model, ("slug",), by_slug(entries, _term_row))
    await upsert_rows(
        session, plan, m.Condition, ("slug",), by_slug(data.conditions, _condition_row)
    )


def _source_row(entry: file_format.SourceEntry, _: int) -> dict[str, Any]:
    return entry.model_dump(exclude={"id"})


def _region_row(entry: file_format.RegionEntry, position: int) -> dict[str, Any]:
    return {
        "name": entry.name,
        "view": entry.view,
        "lateral": entry.lateral,
        "synonyms": list(entry.synonyms),
        "codes": entry.codes.model_dump(exclude_none=True),
        "position": position,
        "search_text": search_text(entry.name, entry.synonyms),
    }


def _term_row(entry: file_format.TermEntry, _: int) -> dict[str, Any]:
    return {
        "name": entry.name,
        "synonyms": list(entry.synonyms),
        "search_text": search_text(entry.name, entry.synonyms),
    }


def _condition_row(entry: file_format.ConditionEntry, _: int) -> dict[str, Any]:
    return {
        "name": entry.name,
        "synonyms": list(entry.synonyms),
        "icd10_cm": list(entry.icd10_cm),
        "snomed_ct": entry.snomed_ct,
        "description": entry.description,
        "search_text": search_text(entry.name, entry.synonyms),
    }
