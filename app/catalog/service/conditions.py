"""Conditions that trigger points mimic, with their codes and linked trigger points."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.catalog import schemas as s
from app.catalog.service import queries as q
from app.schemas import Page, Paging


def _summary(condition: m.Condition, points: list[s.TriggerPointSummary]) -> s.ConditionSummary:
    return s.ConditionSummary(
        id=condition.slug,
        name=condition.name,
        synonyms=condition.synonyms,
        icd10_cm=condition.icd10_cm,
        snomed_ct=condition.snomed_ct,
        trigger_points=points,
    )


async def _linked_points(
    session: AsyncSession, condition_ids: list[int]
) -> dict[int, list[s.TriggerPointSummary]]:
    return await q.linked_points(session, m.TriggerPointCondition.condition_id, condition_ids)


async def list_conditions(
    *, session: AsyncSession, paging: Paging, text: str | None
) -> Page[s.ConditionSummary]:
    query = select(m.Condition).order_by(m.Condition.name)
    if text:
        query = query.where(q.contains(m.Condition.search_text, text))
    total = await q.count(session, query)
    rows = (await session.scalars(query.limit(paging.limit).offset(paging.offset))).all()
    points = await _linked_points(session, [row.id for row in rows])
    return Page(
        items=[_summary(row, points[row.id]) for row in rows],
        total=total,
        limit=paging.limit,
        offset=paging.offset,
    )


async def get_condition(*, session: AsyncSession, condition_id: str) -> s.ConditionDetail:
    key = await q.id_for(session, m.Condition, condition_id, "condition")
    condition = await session.get_one(m.Condition, key)
    points = await _linked_points(session, [key])
    return s.ConditionDetail(
        **_summary(condition, points[key]).model_dump(),
        description=condition.description,
        sources=await q.citations(session, m.ConditionSource, "condition_id", key),
    )
