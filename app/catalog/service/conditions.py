"""Conditions that trigger points mimic, with their codes and linked trigger points."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.catalog import schemas as s
from app.catalog.service import queries as q
from app.schemas import Page, Paging


def _summary(condition: m.Condition) -> s.ConditionSummary:
    return s.ConditionSummary(
        id=condition.slug,
        name=condition.name,
        synonyms=condition.synonyms,
        icd10_cm=condition.icd10_cm,
        snomed_ct=condition.snomed_ct,
    )


async def list_conditions(
    *, session: AsyncSession, paging: Paging, text: str | None
) -> Page[s.ConditionSummary]:
    query = select(m.Condition).order_by(m.Condition.name)
    if text:
        query = query.where(m.Condition.search_text.like(q.like(text), escape="\\"))
    total = await q.count(session, query)
    rows = (await session.scalars(query.limit(paging.limit).offset(paging.offset))).all()
    return Page(
        items=[_summary(row) for row in rows], total=total, limit=paging.limit, offset=paging.offset
    )


async def get_condition(*, session: AsyncSession, condition_id: str) -> s.ConditionDetail:
    key = await q.id_for(session, m.Condition, condition_id, "condition")
    condition = await session.get_one(m.Condition, key)
    linked = q.head_to_toe(
        select(m.TriggerPoint, m.Muscle)
        .join(m.Muscle, m.TriggerPoint.muscle_id == m.Muscle.id)
        .join(
            m.TriggerPointCondition, m.TriggerPointCondition.trigger_point_id == m.TriggerPoint.id
        )
        .where(m.TriggerPointCondition.condition_id == key)
    ).order_by(m.TriggerPoint.position)
    points = [
        q.trigger_point_ref(tp, muscle) for tp, muscle in (await session.execute(linked)).all()
    ]
    return s.ConditionDetail(
        **_summary(condition).model_dump(),
        description=condition.description,
        trigger_points=points,
        sources=await q.citations(session, m.ConditionSource, "condition_id", key),
    )
