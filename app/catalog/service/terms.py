"""Symptoms and activating factors: the pickers' lists, each term with its trigger points."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app import models as m
from app.catalog import schemas as s
from app.catalog.service import queries as q
from app.schemas import Page, Paging

TermKind = Literal["symptom", "factor"]
_Term = m.Symptom | m.Factor
_Model = type[m.Symptom] | type[m.Factor]


def _tables(kind: TermKind) -> tuple[_Model, InstrumentedAttribute[int]]:
    """The term's table and the link column that ties trigger points to it."""
    if kind == "symptom":
        return m.Symptom, m.TriggerPointSymptom.symptom_id
    return m.Factor, m.TriggerPointFactor.factor_id


async def list_terms(
    *, session: AsyncSession, kind: TermKind, paging: Paging, text: str | None
) -> Page[s.TermSummary]:
    model, link = _tables(kind)
    query = select(model).order_by(model.name)
    if text:
        query = query.where(q.contains(model.search_text, text))
    total = await q.count(session, query)
    found = await session.scalars(query.limit(paging.limit).offset(paging.offset))
    rows = cast(Sequence[_Term], found.all())
    points = await q.linked_points(session, link, [row.id for row in rows])
    return Page(
        items=[_summary(row, points[row.id]) for row in rows],
        total=total,
        limit=paging.limit,
        offset=paging.offset,
    )


async def get_term(*, session: AsyncSession, kind: TermKind, term_id: str) -> s.TermSummary:
    model, link = _tables(kind)
    key = await q.id_for(session, model, term_id, kind)
    term = cast(_Term, await session.get_one(model, key))
    points = await q.linked_points(session, link, [key])
    return _summary(term, points[key])


def _summary(term: _Term, points: list[s.TriggerPointSummary]) -> s.TermSummary:
    return s.TermSummary(
        id=term.slug, name=term.name, synonyms=term.synonyms, trigger_points=points
    )
