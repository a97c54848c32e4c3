"""Muscles: list with filters, detail with trigger points and their zones."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.catalog import schemas as s
from app.catalog.service import queries as q
from app.schemas import Page, Paging


async def list_muscles(
    *,
    session: AsyncSession,
    paging: Paging,
    text: str | None,
    group: str | None,
    region: str | None,
) -> Page[s.MuscleSummary]:
    query = (
        select(m.Muscle, m.Region)
        .join(m.Region, m.Muscle.region_id == m.Region.id)
        .order_by(m.Region.position, m.Muscle.name)
    )
    if text:
        query = query.where(q.contains(m.Muscle.search_text, text))
    if group:
        query = query.where(m.Muscle.group == group)
    if region:
        region_id = await q.filter_id(session, m.Region, region, "region")
        inside = q.subtree(region_id).subquery()
        query = query.where(m.Muscle.region_id.in_(select(inside.c.id)))
    total = await q.count(session, query)
    rows = (await session.execute(query.limit(paging.limit).offset(paging.offset))).all()
    items = [_summary(muscle, region_row) for muscle, region_row in rows]
    return Page(items=items, total=total, limit=paging.limit, offset=paging.offset)


def _summary(muscle: m.Muscle, region: m.Region) -> s.MuscleSummary:
    return s.MuscleSummary(
        id=muscle.slug,
        name=muscle.name,
        latin=muscle.latin,
        group=muscle.group,
        region=s.Ref(id=region.slug, name=region.name),
        synonyms=muscle.synonyms,
    )


async def get_muscle(*, session: AsyncSession, muscle_id: str) -> s.MuscleDetail:
    key = await q.id_for(session, m.Muscle, muscle_id, "muscle")
    muscle, region = (
        await session.execute(
            select(m.Muscle, m.Region)
            .join(m.Region, m.Muscle.region_id == m.Region.id)
            .where(m.Muscle.id == key)
        )
    ).one()
    points = (
        await session.scalars(
            select(m.TriggerPoint)
            .where(m.TriggerPoint.muscle_id == key)
            .order_by(m.TriggerPoint.position)
        )
    ).all()
    zones = await q.referral_zones(session, [tp.id for tp in points])
    trigger_points = [
        s.MuscleTriggerPoint(
            **q.trigger_point_ref(tp, muscle).model_dump(), referral_zones=zones[tp.id]
        )
        for tp in points
    ]
    return s.MuscleDetail(
        **_summary(muscle, region).model_dump(),
        innervation=muscle.innervation,
        actions=muscle.actions,
        codes=muscle.codes,
        trigger_points=trigger_points,
        sources=await q.citations(session, m.MuscleSource, "muscle_id", key),
    )
