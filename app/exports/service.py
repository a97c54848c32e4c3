"""Read the whole dataset out of the database as the export's tables (`app.exports.tables`).

The database is the source of truth of a deployment, so the export is read from it, once per
dataset version (`app.exports.cache` keeps it): a few thousand small rows. `read_export` loads
every table in a handful of queries; `assemble` turns that into the export's tables, one
builder per table, in the table's column order and sorted by id, so two exports of the same data
are byte for byte the same.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.dataset.versions import latest_version, release_of
from app.exports.tables import (
    ASSOCIATED_MUSCLES,
    CONDITION_CODES,
    CONDITION_SOURCES,
    CONDITIONS,
    FACTORS,
    MUSCLE_SOURCES,
    MUSCLES,
    RED_FLAG_SOURCES,
    RED_FLAGS,
    REFERRAL_ZONES,
    REGIONS,
    SCREENING_QUESTIONS,
    SOURCES,
    SYMPTOMS,
    SYNONYMS,
    TABLES,
    TRIGGER_POINT_CONDITIONS,
    TRIGGER_POINT_FACTORS,
    TRIGGER_POINT_SOURCES,
    TRIGGER_POINT_SYMPTOMS,
    TRIGGER_POINTS,
    VOCABULARY,
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
    chapter: str | None
    figure: str | None


@dataclass(frozen=True, slots=True)
class _Db:
    """The dataset as read: ORM rows sorted by slug, and the link tables by integer key."""

    sources: Sequence[m.Source]
    regions: Sequence[m.Region]
    muscles: Sequence[m.Muscle]
    points: Sequence[m.TriggerPoint]
    conditions: Sequence[m.Condition]
    symptoms: Sequence[m.Symptom]
    factors: Sequence[m.Factor]
    flags: Sequence[m.RedFlag]
    questions: Sequence[m.ScreeningQuestion]
    vocabulary: Sequence[m.VocabularyEntry]
    zones: Mapping[int, list[tuple[Any, ...]]]  # trigger point -> (region, zone, weight)
    point_citations: Mapping[int, list[_Citation]]
    muscle_citations: Mapping[int, list[_Citation]]
    condition_citations: Mapping[int, list[_Citation]]
    # kind -> trigger point -> [(id,)]: conditions, symptoms, factors, associated muscles
    links: Mapping[str, Mapping[int, list[tuple[Any, ...]]]]

    def slugs(self, rows: Sequence[Any]) -> dict[int, str]:
        return {row.id: row.slug for row in rows}


@dataclass(frozen=True, slots=True)
class ExportSource:
    """The dataset as read from the database, with the version it belongs to."""

    version: str
    content_hash: str
    db: _Db


async def read_export(session: AsyncSession) -> ExportSource | None:
    """Read the current dataset, or None when none has been seeded. The tables are read in
    several queries, so a seed could commit between two of them: the read is repeated until the
    version is the same before and after it."""
    for _ in range(3):
        before = await latest_version(session)
        if before is None:
            return None
        db = await _read(session)
        after = await latest_version(session)
        if after is not None and after.content_hash == before.content_hash:
            return ExportSource(release_of(before), before.content_hash, db)
    raise RuntimeError("the dataset kept changing while it was being read")


def assemble(source: ExportSource) -> ExportData:
    """Every table's rows (pure: no database, so it can run off the event loop)."""
    db = source.db
    matrix = matrix_table([region.slug for region in db.regions])
    rows = {table.name: tuple(build(db)) for table, build in _BUILDERS.items()}
    rows[matrix.name] = tuple(_matrix_rows(db))
    return ExportData(source.version, source.content_hash, (*TABLES, matrix), rows)


async def _read(session: AsyncSession) -> _Db:
    async def every(model: Any) -> Sequence[Any]:
        return (await session.scalars(select(model).order_by(model.slug))).all()

    sources = await every(m.Source)
    kinds = {source.id: source.kind for source in sources}
    return _Db(
        sources=sources,
        regions=await every(m.Region),
        muscles=await every(m.Muscle),
        points=await every(m.TriggerPoint),
        conditions=await every(m.Condition),
        symptoms=await every(m.Symptom),
        factors=await every(m.Factor),
        flags=await every(m.RedFlag),
        questions=await every(m.ScreeningQuestion),
        vocabulary=(
            await session.scalars(select(m.VocabularyEntry).order_by(m.VocabularyEntry.phrase))
        ).all(),
        zones=await _pairs(session, m.ReferralZone, "region_id", "zone", "weight"),
        point_citations=await _citations(session, m.TriggerPointSource, "trigger_point_id", kinds),
        muscle_citations=await _citations(session, m.MuscleSource, "muscle_id", kinds),
        condition_citations=await _citations(session, m.ConditionSource, "condition_id", kinds),
        links={
            "condition": await _pairs(session, m.TriggerPointCondition, "condition_id"),
            "symptom": await _pairs(session, m.TriggerPointSymptom, "symptom_id"),
            "factor": await _pairs(session, m.TriggerPointFactor, "factor_id"),
            "muscle": await _pairs(session, m.TriggerPointAssociatedMuscle, "muscle_id"),
        },
    )


async def _pairs(
    session: AsyncSession, model: Any, column: str, *extra: str
) -> dict[int, list[tuple[Any, ...]]]:
    """trigger point key -> [(other key, *extra columns)] of a link table."""
    columns = (getattr(model, column), *(getattr(model, name) for name in extra))
    found: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for owner, *rest in (await session.execute(select(model.trigger_point_id, *columns))).all():
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
    found: dict[int, list[tuple[bool, str, _Citation]]] = defaultdict(list)
    for owner, source_id, chapter, figure, source in (
        await session.execute(query.join(m.Source, model.source_id == m.Source.id))
    ).all():
        citation = _Citation(source, chapter or None, figure or None)
        found[owner].append((kinds[source_id] != "manual", source, citation))
    return {owner: [c for *_, c in sorted(items)] for owner, items in found.items()}


def _source_rows(db: _Db) -> Iterator[Row]:
    for s in db.sources:
        yield (s.slug, s.kind, s.authors, s.title, s.edition, s.volume, s.publisher, s.place,
               s.year, s.isbn, s.url)  # fmt: skip


def _region_rows(db: _Db) -> Iterator[Row]:
    slug = db.slugs(db.regions)
    parents = {region.id: region.parent_id for region in db.regions}
    for region in db.regions:
        depth, node = 0, region.parent_id
        while node is not None:
            depth, node = depth + 1, parents[node]
        parent = slug[region.parent_id] if region.parent_id else None
        snomed = (region.codes or {}).get("snomed_ct")
        yield (region.slug, region.name, parent, depth, region.view, region.lateral, snomed)


def _muscle_rows(db: _Db) -> Iterator[Row]:
    region = db.slugs(db.regions)
    for muscle in db.muscles:
        first = db.muscle_citations[muscle.id][0]
        yield (muscle.slug, muscle.name, muscle.latin, muscle.group, region[muscle.region_id],
               muscle.innervation, muscle.actions, first.source, first.chapter)  # fmt: skip


class _Point:
    """What every per-trigger-point table repeats of one trigger point."""

    def __init__(self, db: _Db, point: m.TriggerPoint, muscles: Mapping[int, m.Muscle]) -> None:
        self.point = point
        self.muscle = muscles[point.muscle_id]
        self.borrowed = muscles[point.pattern_from_id].slug if point.pattern_from_id else None
        self.citations = db.point_citations[point.id]
        self.zones = db.zones.get(point.id, [])


def _points(db: _Db) -> Iterator[_Point]:
    muscles = {muscle.id: muscle for muscle in db.muscles}
    return (_Point(db, point, muscles) for point in db.points)


def _trigger_point_rows(db: _Db) -> Iterator[Row]:
    for p in _points(db):
        kinds = Counter(zone for _, zone, _ in p.zones)
        first = p.citations[0]
        yield (p.point.slug, p.muscle.slug, p.muscle.group, p.point.label, p.point.location,
               p.point.landmarks, p.point.referral_side, p.point.common, p.borrowed,
               p.point.evidence, kinds["essential"], kinds["spillover"], first.source,
               first.chapter, first.figure)  # fmt: skip


def _zone_rows(db: _Db) -> Iterator[Row]:
    region = db.slugs(db.regions)
    for p in _points(db):
        first = p.citations[0]
        for region_id, zone, weight in sorted(p.zones, key=lambda found: region[found[0]]):
            yield (p.point.slug, region[region_id], zone, weight, p.muscle.slug, p.muscle.group,
                   p.point.referral_side, p.borrowed, p.point.evidence, first.source,
                   first.chapter)  # fmt: skip


def _matrix_rows(db: _Db) -> Iterator[Row]:
    region = db.slugs(db.regions)
    for p in _points(db):
        weights = dict.fromkeys(region.values(), 0.0)
        for region_id, _, weight in p.zones:
            weights[region[region_id]] = weight
        yield (p.point.slug, *weights.values())


def _point_source_rows(db: _Db) -> Iterator[Row]:
    for p in _points(db):
        for c in p.citations:
            yield (p.point.slug, c.source, c.chapter, c.figure)


def _link_rows(kind: str, terms: Callable[[_Db], Sequence[Any]]) -> Callable[[_Db], Iterator[Row]]:
    def build(db: _Db) -> Iterator[Row]:
        slug = db.slugs(terms(db))
        for point in db.points:
            for other in sorted(slug[other] for other, *_ in db.links[kind].get(point.id, [])):
                yield (point.slug, other)

    return build


def _condition_rows(db: _Db) -> Iterator[Row]:
    mimicking = Counter(other for pairs in db.links["condition"].values() for other, *_ in pairs)
    for c in db.conditions:
        first = db.condition_citations[c.id][0]
        yield (c.slug, c.name, c.snomed_ct, c.description, mimicking[c.id], first.source,
               first.chapter)  # fmt: skip


def _code_rows(db: _Db) -> Iterator[Row]:
    for condition in db.conditions:
        for code in condition.icd10_cm:
            yield (condition.slug, "ICD-10-CM", code)


def _citation_rows(
    owners: Callable[[_Db], Sequence[Any]],
    citations: Callable[[_Db], Mapping[int, list[_Citation]]],
) -> Callable[[_Db], Iterator[Row]]:
    def build(db: _Db) -> Iterator[Row]:
        cited = citations(db)
        for owner in owners(db):
            for c in cited.get(owner.id, []):
                yield (owner.slug, c.source, c.chapter, c.figure)

    return build


def _vocabulary_rows(db: _Db) -> Iterator[Row]:
    for entry in db.vocabulary:
        for kind, ids in (
            ("region", entry.regions),
            ("symptom", entry.symptoms),
            ("factor", entry.factors),
            ("condition", entry.conditions),
        ):
            for term in dict.fromkeys(ids):
                yield (entry.phrase, kind, term)


def _red_flag_source_rows(db: _Db) -> Iterator[Row]:
    for flag in db.flags:
        for source in sorted(set(flag.sources)):
            yield (flag.slug, source)


def _question_rows(db: _Db) -> Iterator[Row]:
    flag = db.slugs(db.flags)
    for q in sorted(db.questions, key=lambda question: (question.position, question.slug)):
        yield (q.slug, flag[q.red_flag_id], q.position, q.text)


def _synonym_rows(db: _Db) -> Iterator[Row]:
    for kind, items in (
        ("region", db.regions),
        ("muscle", db.muscles),
        ("symptom", db.symptoms),
        ("factor", db.factors),
        ("condition", db.conditions),
    ):
        for item in items:
            for synonym in dict.fromkeys(item.synonyms):
                yield (kind, item.slug, synonym)


_BUILDERS: dict[Table, Callable[[_Db], Iterator[Row]]] = {
    SOURCES: _source_rows,
    REGIONS: _region_rows,
    MUSCLES: _muscle_rows,
    TRIGGER_POINTS: _trigger_point_rows,
    REFERRAL_ZONES: _zone_rows,
    TRIGGER_POINT_SOURCES: _point_source_rows,
    CONDITIONS: _condition_rows,
    CONDITION_CODES: _code_rows,
    SYMPTOMS: lambda db: ((s.slug, s.name) for s in db.symptoms),
    FACTORS: lambda db: ((f.slug, f.name) for f in db.factors),
    TRIGGER_POINT_CONDITIONS: _link_rows("condition", lambda db: db.conditions),
    TRIGGER_POINT_SYMPTOMS: _link_rows("symptom", lambda db: db.symptoms),
    TRIGGER_POINT_FACTORS: _link_rows("factor", lambda db: db.factors),
    SYNONYMS: _synonym_rows,
    RED_FLAGS: lambda db: ((f.slug, f.level, f.title, f.advice, len(f.rules)) for f in db.flags),
    MUSCLE_SOURCES: _citation_rows(lambda db: db.muscles, lambda db: db.muscle_citations),
    CONDITION_SOURCES: _citation_rows(lambda db: db.conditions, lambda db: db.condition_citations),
    ASSOCIATED_MUSCLES: _link_rows("muscle", lambda db: db.muscles),
    VOCABULARY: _vocabulary_rows,
    RED_FLAG_SOURCES: _red_flag_source_rows,
    SCREENING_QUESTIONS: _question_rows,
}
