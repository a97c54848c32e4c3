"""SQL building blocks shared by the catalog services."""

from __future__ import annotations

import re
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased

from app import models as m
from app.catalog import schemas as s
from app.dataset.evidence import EvidenceLevel, SourceKind
from app.dataset.matcher_input import trigger_point_name
from app.errors import InvalidInputError, NotFoundError, ProblemError

AnySelect = Select[*tuple[Any, ...]]


SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


async def id_for(session: AsyncSession, model: Any, slug: str, kind: str) -> int:
    """The integer key of ``slug``; 404 naming it when there is none.

    A value that cannot be an id (upper case, spaces, control bytes PostgreSQL would reject)
    is unknown without asking the database."""
    found = None
    if SLUG.fullmatch(slug):
        found = await session.scalar(select(model.id).where(model.slug == slug))
    if found is None:
        raise NotFoundError(kind, slug)
    return int(found)


async def filter_id(session: AsyncSession, model: Any, slug: str, param: str) -> int:
    """Like :func:`id_for` for a query filter: an unknown value is a 422 naming the parameter."""
    found = await session.scalar(select(model.id).where(model.slug == slug))
    if found is None:
        message = f"unknown {param} {slug!r}"
        raise InvalidInputError(
            f"Invalid input: {message}.", [ProblemError(loc=["query", param], msg=message)]
        )
    return int(found)


def subtree(region_id: int) -> Select[int, int]:
    """Ids of a region and every region inside it, with their depth below it (recursive CTE)."""
    tree = (
        select(m.Region.id.label("id"), literal(0).label("depth"))
        .where(m.Region.id == region_id)
        .cte("subtree", recursive=True)
    )
    child = select(m.Region.id, tree.c.depth + 1).join(tree, m.Region.parent_id == tree.c.id)
    tree = tree.union_all(child)
    return select(tree.c.id, tree.c.depth)


MuscleRegion = aliased(m.Region, name="muscle_region")


def head_to_toe(query: AnySelect) -> AnySelect:
    """Order rows that include ``Muscle`` (and ``TriggerPoint``) head to toe: by where the
    muscle lies in the region list, then name, then the trigger point's order in its muscle."""
    return query.join(MuscleRegion, m.Muscle.region_id == MuscleRegion.id).order_by(
        MuscleRegion.position, m.Muscle.name
    )


def contains(search_text: InstrumentedAttribute[str], query: str) -> ColumnElement[bool]:
    """`search_text` (a model's lowercased names-and-synonyms column) contains `query`, case
    and LIKE wildcards aside."""
    escaped = query.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return search_text.like(f"%{escaped}%", escape="\\")


async def count(session: AsyncSession, query: AnySelect) -> int:
    total = await session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    return int(total or 0)


def region_summary(region: m.Region, parent: str | None) -> s.RegionSummary:
    return s.RegionSummary(
        id=region.slug, name=region.name, view=region.view, lateral=region.lateral, parent=parent
    )


async def region_slugs(session: AsyncSession) -> dict[int, str]:
    return dict((await session.execute(select(m.Region.id, m.Region.slug))).all())


async def citations(
    session: AsyncSession, model: Any, column: str, owner_id: int
) -> list[s.Citation]:
    query = (
        select(model, m.Source)
        .join(m.Source, model.source_id == m.Source.id)
        .where(getattr(model, column) == owner_id)
        .order_by(m.Source.slug)
    )
    return [
        citation(source, link.chapter, link.figure)
        for link, source in (await session.execute(query)).all()
    ]


def citation(source: m.Source, chapter: str = "", figure: str = "") -> s.Citation:
    return s.Citation(
        source=source.slug,
        kind=cast(SourceKind, source.kind),
        title=source.title,
        authors=source.authors,
        edition=source.edition,
        volume=source.volume,
        year=source.year,
        chapter=chapter,
        figure=figure,
    )


def trigger_point_ref(tp: m.TriggerPoint, muscle: m.Muscle) -> s.TriggerPointSummary:
    return s.TriggerPointSummary(
        id=tp.slug,
        name=trigger_point_name(muscle.name, tp.label),
        label=tp.label,
        muscle=s.Ref(id=muscle.slug, name=muscle.name),
        evidence=cast(EvidenceLevel, tp.evidence),
    )


async def referral_zones(
    session: AsyncSession, tp_ids: list[int]
) -> dict[int, list[s.ReferralZone]]:
    """Referral zones of the given trigger points, essential first, heaviest first."""
    parents = await region_slugs(session)
    query = (
        select(m.ReferralZone, m.Region)
        .join(m.Region, m.ReferralZone.region_id == m.Region.id)
        .where(m.ReferralZone.trigger_point_id.in_(tp_ids))
        .order_by(m.ReferralZone.zone, m.ReferralZone.weight.desc(), m.Region.position)
    )
    zones: dict[int, list[s.ReferralZone]] = {tp_id: [] for tp_id in tp_ids}
    for zone, region in (await session.execute(query)).all():
        summary = region_summary(region, parents.get(region.parent_id or 0))
        zones[zone.trigger_point_id].append(
            s.ReferralZone(region=summary, zone=zone.zone, weight=zone.weight)
        )
    return zones


async def linked_points(
    session: AsyncSession, link: InstrumentedAttribute[int], keys: list[int]
) -> dict[int, list[s.TriggerPointSummary]]:
    """The trigger points linked to each of `keys` through `link` (a link table's column, such
    as ``TriggerPointCondition.condition_id``), head to toe, in one query."""
    table = link.class_
    linked = head_to_toe(
        select(link, m.TriggerPoint, m.Muscle)
        .join(m.TriggerPoint, table.trigger_point_id == m.TriggerPoint.id)
        .join(m.Muscle, m.TriggerPoint.muscle_id == m.Muscle.id)
        .where(link.in_(keys))
    ).order_by(m.TriggerPoint.position)
    found: dict[int, list[s.TriggerPointSummary]] = {key: [] for key in keys}
    for key, tp, muscle in (await session.execute(linked)).all():
        found[key].append(trigger_point_ref(tp, muscle))
    return found
