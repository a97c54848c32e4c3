"""Trigger points: list with filters, detail with zones, links and citations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.catalog import schemas as s
from app.catalog.service import queries as q
from app.schemas import Page, Paging


@dataclass(frozen=True)
class TriggerPointFilters:
    muscle: str | None = None
    region: str | None = None
    zone: str | None = None
    condition: str | None = None
    symptom: str | None = None
    factor: str | None = None
    evidence: str | None = None


async def list_trigger_points(
    *, session: AsyncSession, paging: Paging, filters: TriggerPointFilters
) -> Page[s.TriggerPointSummary]:
    query = await _filtered(session, filters)
    total = await q.count(session, query)
    rows = (await session.execute(query.limit(paging.limit).offset(paging.offset))).all()
    items = [q.trigger_point_ref(tp, muscle) for tp, muscle in rows]
    return Page(items=items, total=total, limit=paging.limit, offset=paging.offset)


async def _filtered(
    session: AsyncSession, filters: TriggerPointFilters
) -> Select[m.TriggerPoint, m.Muscle]:
    query = q.head_to_toe(
        select(m.TriggerPoint, m.Muscle).join(m.Muscle, m.TriggerPoint.muscle_id == m.Muscle.id)
    ).order_by(m.TriggerPoint.position)
    if filters.muscle:
        muscle_id = await q.filter_id(session, m.Muscle, filters.muscle, "muscle")
        query = query.where(m.TriggerPoint.muscle_id == muscle_id)
    if filters.evidence:
        query = query.where(m.TriggerPoint.evidence == filters.evidence)
    if filters.region or filters.zone:
        zones = select(m.ReferralZone.trigger_point_id)
        if filters.region:
            region_id = await q.filter_id(session, m.Region, filters.region, "region")
            inside = q.subtree(region_id).subquery()
            zones = zones.where(m.ReferralZone.region_id.in_(select(inside.c.id)))
        if filters.zone:
            zones = zones.where(m.ReferralZone.zone == filters.zone)
        query = query.where(m.TriggerPoint.id.in_(zones))
    links: list[tuple[str | None, Any, Any, str, str]] = [
        (filters.condition, m.Condition, m.TriggerPointCondition, "condition_id", "condition"),
        (filters.symptom, m.Symptom, m.TriggerPointSymptom, "symptom_id", "symptom"),
        (filters.factor, m.Factor, m.TriggerPointFactor, "factor_id", "factor"),
    ]
    for value, model, link, column, param in links:
        if value:
            target = await q.filter_id(session, model, value, param)
            linked = select(link.trigger_point_id).where(getattr(link, column) == target)
            query = query.where(m.TriggerPoint.id.in_(linked))
    return query


async def _linked(
    session: AsyncSession, link: Any, model: Any, column: str, tp_id: int
) -> list[s.Ref]:
    query = (
        select(model.slug, model.name)
        .join(link, getattr(link, column) == model.id)
        .where(link.trigger_point_id == tp_id)
        .order_by(model.slug)
    )
    return [s.Ref(id=slug, name=name) for slug, name in (await session.execute(query)).all()]


async def _muscle_ref(session: AsyncSession, muscle_id: int | None) -> s.Ref | None:
    if muscle_id is None:
        return None
    muscle = await session.get_one(m.Muscle, muscle_id)
    return s.Ref(id=muscle.slug, name=muscle.name)


async def get_trigger_point(
    *, session: AsyncSession, trigger_point_id: str
) -> s.TriggerPointDetail:
    key = await q.id_for(session, m.TriggerPoint, trigger_point_id, "trigger point")
    tp, muscle = (
        await session.execute(
            select(m.TriggerPoint, m.Muscle)
            .join(m.Muscle, m.TriggerPoint.muscle_id == m.Muscle.id)
            .where(m.TriggerPoint.id == key)
        )
    ).one()
    zones = await q.referral_zones(session, [key])
    return s.TriggerPointDetail(
        **q.trigger_point_ref(tp, muscle).model_dump(),
        location=tp.location,
        landmarks=tp.landmarks,
        referral_side=tp.referral_side,
        common=tp.common,
        pattern_from=await _muscle_ref(session, tp.pattern_from_id),
        referral_zones=zones[key],
        symptoms=await _linked(session, m.TriggerPointSymptom, m.Symptom, "symptom_id", key),
        factors=await _linked(session, m.TriggerPointFactor, m.Factor, "factor_id", key),
        conditions=await _linked(
            session, m.TriggerPointCondition, m.Condition, "condition_id", key
        ),
        associated_muscles=await _linked(
            session, m.TriggerPointAssociatedMuscle, m.Muscle, "muscle_id", key
        ),
        treatment=tp.treatment,
        sources=await q.citations(session, m.TriggerPointSource, "trigger_point_id", key),
    )
