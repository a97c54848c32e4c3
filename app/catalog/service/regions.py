"""Regions: list, detail with ancestors and children, and the pain-guide reverse lookup."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.catalog import schemas as s
from app.catalog.service import queries as q
from app.schemas import Page, Paging


async def list_regions(
    *, session: AsyncSession, paging: Paging, text: str | None, view: str | None, parent: str | None
) -> Page[s.RegionSummary]:
    query = select(m.Region).order_by(m.Region.position)
    if text:
        query = query.where(q.contains(m.Region.search_text, text))
    if view:
        query = query.where(m.Region.view == view)
    if parent:
        parent_id = await q.filter_id(session, m.Region, parent, "parent")
        query = query.where(m.Region.parent_id == parent_id)
    total = await q.count(session, query)
    rows = (await session.scalars(query.limit(paging.limit).offset(paging.offset))).all()
    slugs = await q.region_slugs(session)
    items = [q.region_summary(r, slugs.get(r.parent_id or 0)) for r in rows]
    return Page(items=items, total=total, limit=paging.limit, offset=paging.offset)


async def get_region(*, session: AsyncSession, region_id: str) -> s.RegionDetail:
    key = await q.id_for(session, m.Region, region_id, "region")
    regions = {r.id: r for r in (await session.scalars(select(m.Region))).all()}
    region = regions[key]
    ancestors: list[s.Ref] = []
    node = region.parent_id
    while node is not None:
        ancestors.insert(0, s.Ref(id=regions[node].slug, name=regions[node].name))
        node = regions[node].parent_id
    children = sorted((r for r in regions.values() if r.parent_id == key), key=lambda r: r.position)
    parent = regions[region.parent_id].slug if region.parent_id else None
    return s.RegionDetail(
        **q.region_summary(region, parent).model_dump(),
        synonyms=region.synonyms,
        codes=region.codes,
        ancestors=ancestors,
        children=[q.region_summary(child, region.slug) for child in children],
    )


async def region_trigger_points(
    *, session: AsyncSession, region_id: str, paging: Paging, zone: str | None
) -> Page[s.RegionTriggerPoint]:
    """Trigger points referring to the region, to any region inside it, or to a region around
    it (a zone on the whole sole covers the ball of the foot).

    One row per trigger point, with its strongest zone there; essential before spillover, then
    heavier before lighter, then zones on the region itself, then inside it, then around it,
    then trigger points the manual calls common, then those with a pattern of their own before
    those given another muscle's (`pattern_from`), then by muscle name.
    """
    key = await q.id_for(session, m.Region, region_id, "region")
    distance = await _related_regions(session, key)
    query = (
        select(m.ReferralZone, m.TriggerPoint, m.Muscle, m.Region)
        .join(m.TriggerPoint, m.ReferralZone.trigger_point_id == m.TriggerPoint.id)
        .join(m.Muscle, m.TriggerPoint.muscle_id == m.Muscle.id)
        .join(m.Region, m.ReferralZone.region_id == m.Region.id)
        .where(m.ReferralZone.region_id.in_(distance))
    )
    if zone:
        query = query.where(m.ReferralZone.zone == zone)
    best: dict[int, tuple[tuple[object, ...], s.RegionTriggerPoint]] = {}
    for ref_zone, tp, muscle, region in (await session.execute(query)).all():
        rank = (
            ref_zone.zone != "essential",
            -ref_zone.weight,
            distance[region.id],
            not tp.common,
            tp.pattern_from_id is not None,
            muscle.name,
            tp.position,
        )
        if tp.id not in best or rank < best[tp.id][0]:
            best[tp.id] = (rank, _row(ref_zone, tp, muscle, region))
    ordered = [row for _, row in sorted(best.values(), key=lambda item: item[0])]
    window = ordered[paging.offset : paging.offset + paging.limit]
    return Page(items=window, total=len(ordered), limit=paging.limit, offset=paging.offset)


async def _related_regions(session: AsyncSession, key: int) -> dict[int, int]:
    """Region ids whose zones count for region ``key``, with how far they are from it:
    0 for itself, 1.. for regions inside it, 100.. for the regions around it."""
    distance = dict((await session.execute(q.subtree(key))).all())
    parents = dict((await session.execute(select(m.Region.id, m.Region.parent_id))).all())
    node, steps = parents[key], 100
    while node is not None:
        distance[node] = steps
        node, steps = parents[node], steps + 1
    return distance


def _row(
    zone: m.ReferralZone, tp: m.TriggerPoint, muscle: m.Muscle, region: m.Region
) -> s.RegionTriggerPoint:
    return s.RegionTriggerPoint(
        trigger_point=q.trigger_point_ref(tp, muscle),
        muscle=s.Ref(id=muscle.slug, name=muscle.name),
        zone=zone.zone,
        weight=zone.weight,
        region=s.Ref(id=region.slug, name=region.name),
    )
