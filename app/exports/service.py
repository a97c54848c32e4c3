"""Read the whole dataset out of the database as the export's tables (`app.exports.tables`).

The database is the source of truth of a deployment, so the export is read from it, once per
dataset version (`app.exports.cache` keeps it): a few thousand small rows, in a fixed order
(by id), so two exports of the same data are byte for byte the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.dataset.versions import latest_version, release_of
from app.exports.tables import (
    CONDITION_CODES,
    CONDITIONS,
    FACTORS,
    MUSCLES,
    RED_FLAGS,
    REFERRAL_ZONES,
    REGIONS,
    SOURCES,
    SYMPTOMS,
    SYNONYMS,
    TABLES,
    TRIGGER_POINT_CONDITIONS,
    TRIGGER_POINT_FACTORS,
    TRIGGER_POINT_SOURCES,
    TRIGGER_POINT_SYMPTOMS,
    TRIGGER_POINTS,
    Table,
    matrix_table,
)

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class ExportData:
    """Every table's rows, in its columns' order, and the version they belong to."""

    version: str  # the release (`app.dataset.versions.release_of`)
    content_hash: str
    tables: tuple[Table, ...]
    rows: Mapping[str, tuple[Row, ...]]


@dataclass(frozen=True, slots=True)
class _Citation:
    source: str
    chapter: str
    figure: str


async def load_export(session: AsyncSession) -> ExportData:
    latest = await latest_version(session)
    sources = (await session.scalars(select(m.Source).order_by(m.Source.slug))).all()
    regions = (await session.scalars(select(m.Region).order_by(m.Region.slug))).all()
    muscles = (await session.scalars(select(m.Muscle).order_by(m.Muscle.slug))).all()
    points = (await session.scalars(select(m.TriggerPoint).order_by(m.TriggerPoint.slug))).all()
    conditions = (await session.scalars(select(m.Condition).order_by(m.Condition.slug))).all()
    symptoms = (await session.scalars(select(m.Symptom).order_by(m.Symptom.slug))).all()
    factors = (await session.scalars(select(m.Factor).order_by(m.Factor.slug))).all()
    flags = (await session.scalars(select(m.RedFlag).order_by(m.RedFlag.slug))).all()

    slug = _Slugs(sources, regions, muscles, points, conditions, symptoms, factors)
    kinds = {source.id: source.kind for source in sources}
    zones = await _pairs(session, m.ReferralZone, "region_id", extra=("zone", "weight"))
    tp_citations = await _citations(session, m.TriggerPointSource, "trigger_point_id", kinds)
    muscle_citations = await _citations(session, m.MuscleSource, "muscle_id", kinds)
    linked = {
        "condition": await _pairs(session, m.TriggerPointCondition, "condition_id"),
        "symptom": await _pairs(session, m.TriggerPointSymptom, "symptom_id"),
        "factor": await _pairs(session, m.TriggerPointFactor, "factor_id"),
    }
    muscle_by_id = {muscle.id: muscle for muscle in muscles}
    depth = _depths(regions)
    region_order = [region.slug for region in regions]

    rows: dict[str, list[Row]] = defaultdict(list)
    for source in sources:
        rows[SOURCES.name].append(
            (
                source.slug,
                source.kind,
                source.authors,
                source.title,
                source.edition,
                source.volume,
                source.publisher,
                source.place,
                source.year,
                source.isbn,
                source.url,
            )
        )
    for region in regions:
        rows[REGIONS.name].append(
            (
                region.slug,
                region.name,
                slug.region.get(region.parent_id) if region.parent_id else None,
                depth[region.id],
                region.view,
                region.lateral,
                (region.codes or {}).get("snomed_ct"),
            )
        )
    for muscle in muscles:
        first = muscle_citations[muscle.id][0]
        rows[MUSCLES.name].append(
            (
                muscle.slug,
                muscle.name,
                muscle.latin,
                muscle.group,
                slug.region[muscle.region_id],
                muscle.innervation,
                muscle.actions,
                first.source,
                first.chapter or None,
            )
        )
    matrix = matrix_table(region_order)
    for point in points:
        muscle = muscle_by_id[point.muscle_id]
        citations = tp_citations[point.id]
        first = citations[0]
        borrowed = slug.muscle[point.pattern_from_id] if point.pattern_from_id else None
        own_zones = zones.get(point.id, [])
        kinds_of_zone = [zone for _, zone, _ in own_zones]
        rows[TRIGGER_POINTS.name].append(
            (
                point.slug,
                muscle.slug,
                muscle.group,
                point.label,
                point.location,
                point.landmarks,
                point.referral_side,
                point.common,
                borrowed,
                point.evidence,
                kinds_of_zone.count("essential"),
                kinds_of_zone.count("spillover"),
                first.source,
                first.chapter or None,
                first.figure or None,
            )
        )
        weights = dict.fromkeys(region_order, 0.0)
        for region_id, zone, weight in sorted(own_zones, key=lambda z: slug.region[z[0]]):
            rows[REFERRAL_ZONES.name].append(
                (
                    point.slug,
                    slug.region[region_id],
                    zone,
                    weight,
                    muscle.slug,
                    muscle.group,
                    point.referral_side,
                    borrowed,
                    point.evidence,
                    first.source,
                    first.chapter or None,
                )
            )
            weights[slug.region[region_id]] = weight
        rows[matrix.name].append((point.slug, *weights.values()))
        for citation in citations:
            rows[TRIGGER_POINT_SOURCES.name].append(
                (point.slug, citation.source, citation.chapter or None, citation.figure or None)
            )
        for kind, table in (
            ("condition", TRIGGER_POINT_CONDITIONS),
            ("symptom", TRIGGER_POINT_SYMPTOMS),
            ("factor", TRIGGER_POINT_FACTORS),
        ):
            ids = sorted(slug.of(kind)[other] for other, *_ in linked[kind].get(point.id, []))
            rows[table.name].extend((point.slug, other) for other in ids)
    mimicking: dict[int, int] = defaultdict(int)
    for pairs in linked["condition"].values():
        for condition_id, *_ in pairs:
            mimicking[condition_id] += 1
    for condition in conditions:
        rows[CONDITIONS.name].append(
            (
                condition.slug,
                condition.name,
                condition.snomed_ct,
                condition.description,
                mimicking[condition.id],
            )
        )
        rows[CONDITION_CODES.name].extend(
            (condition.slug, "ICD-10-CM", code) for code in condition.icd10_cm
        )
    rows[SYMPTOMS.name].extend((symptom.slug, symptom.name) for symptom in symptoms)
    rows[FACTORS.name].extend((factor.slug, factor.name) for factor in factors)
    for kind, items in (
        ("region", regions),
        ("muscle", muscles),
        ("symptom", symptoms),
        ("factor", factors),
        ("condition", conditions),
    ):
        for item in items:
            rows[SYNONYMS.name].extend(
                (kind, item.slug, synonym) for synonym in dict.fromkeys(item.synonyms)
            )
    for flag in flags:
        rows[RED_FLAGS.name].append(
            (flag.slug, flag.level, flag.title, flag.advice, len(flag.rules))
        )

    tables = _tables_with(matrix)
    return ExportData(
        version=release_of(latest),
        content_hash=latest.content_hash if latest else "",
        tables=tables,
        rows={table.name: tuple(rows[table.name]) for table in tables},
    )


def _tables_with(matrix: Table) -> tuple[Table, ...]:
    return (*TABLES, matrix)


class _Slugs:
    """Integer keys -> public ids, per table."""

    def __init__(self, *tables: Sequence[Any]) -> None:
        sources, regions, muscles, points, conditions, symptoms, factors = tables
        self.source = {row.id: row.slug for row in sources}
        self.region = {row.id: row.slug for row in regions}
        self.muscle = {row.id: row.slug for row in muscles}
        self.point = {row.id: row.slug for row in points}
        self._terms = {
            "condition": {row.id: row.slug for row in conditions},
            "symptom": {row.id: row.slug for row in symptoms},
            "factor": {row.id: row.slug for row in factors},
        }

    def of(self, kind: str) -> dict[int, str]:
        return self._terms[kind]


async def _pairs(
    session: AsyncSession, model: Any, column: str, extra: tuple[str, ...] = ()
) -> dict[int, list[tuple[Any, ...]]]:
    """trigger point key -> [(other key, *extra columns)] of a link table."""
    query = select(
        model.trigger_point_id, getattr(model, column), *(getattr(model, e) for e in extra)
    )
    found: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for owner, *rest in (await session.execute(query)).all():
        found[owner].append(tuple(rest))
    return found


async def _citations(
    session: AsyncSession, model: Any, column: str, kinds: Mapping[int, str]
) -> dict[int, list[_Citation]]:
    """owner key -> its citations, the one that carries the pattern first: the manual's, then
    the others by source id."""
    query = select(
        getattr(model, column), model.source_id, model.chapter, model.figure, m.Source.slug
    )
    query = query.join(m.Source, model.source_id == m.Source.id)
    found: dict[int, list[tuple[bool, str, _Citation]]] = defaultdict(list)
    for owner, source_id, chapter, figure, source in (await session.execute(query)).all():
        not_manual = kinds[source_id] != "manual"
        found[owner].append((not_manual, source, _Citation(source, chapter, figure)))
    return {owner: [c for *_, c in sorted(items)] for owner, items in found.items()}


def _depths(regions: Sequence[m.Region]) -> dict[int, int]:
    parents = {region.id: region.parent_id for region in regions}
    depth: dict[int, int] = {}
    for region_id in parents:
        node, steps = parents[region_id], 0
        while node is not None:
            node, steps = parents[node], steps + 1
        depth[region_id] = steps
    return depth
