"""Turn the dataset (from the database, or straight from ``data/``) into matcher records."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.dataset import file_format
from app.dataset.loader import load_dataset
from app.dataset.seed import content_hash
from app.dataset.sync import id_slugs
from app.dataset.versions import latest_version, release_of
from app.matching.records import (
    DatasetRecords,
    RedFlagRecord,
    ReferralSide,
    RegionRecord,
    RuleRecord,
    ScreeningQuestionRecord,
    TermRecord,
    TriageConceptRecord,
    TriggerPointRecord,
    VocabularyRecord,
    ZoneKind,
    ZoneRecord,
)


def trigger_point_name(muscle_name: str, label: str) -> str:
    return f"{muscle_name}: {label}"


def records_from_files(data_dir: Path) -> DatasetRecords:
    """Records straight from the files (for benchmarks and tools; the service uses the database)."""
    dataset = load_dataset(data_dir)
    return records_from_dataset(dataset, content_hash(dataset)[7:19])


def records_from_dataset(data: file_format.Dataset, version: str) -> DatasetRecords:
    points = tuple(
        TriggerPointRecord(
            id=tp.id,
            name=trigger_point_name(muscle.name, tp.label),
            label=tp.label,
            muscle_id=muscle.id,
            muscle_name=muscle.name,
            referral_side=tp.referral_side,
            zones=tuple(ZoneRecord(r, z, w) for r, z, w in tp.zones()),  # type: ignore[arg-type]
            symptoms=tp.symptoms,
            factors=tp.factors,
            conditions=tp.mimics,
            muscle_synonyms=muscle.synonyms,
            common=tp.common,
            pattern_from=tp.pattern_from,
        )
        for muscle in data.muscles
        for tp in muscle.trigger_points
    )
    return canonical(
        DatasetRecords(
            version=version,
            regions=tuple(
                RegionRecord(r.id, r.name, r.parent, r.lateral, r.synonyms) for r in data.regions
            ),
            trigger_points=points,
            symptoms=tuple(TermRecord(t.id, t.name, t.synonyms) for t in data.symptoms),
            factors=tuple(TermRecord(t.id, t.name, t.synonyms) for t in data.factors),
            conditions=tuple(TermRecord(t.id, t.name, t.synonyms) for t in data.conditions),
            vocabulary=tuple(
                VocabularyRecord(v.phrase, v.regions, v.symptoms, v.conditions, v.factors)
                for v in data.vocabulary
            ),
            red_flags=tuple(
                RedFlagRecord(
                    f.id,
                    f.level,
                    f.title,
                    f.advice,
                    tuple(RuleRecord(r.groups(), r.none, r.level) for r in f.rules),
                    tuple(c.source for c in f.sources),
                )
                for f in data.red_flags
            ),
            triage_concepts=tuple(
                TriageConceptRecord(**c.model_dump()) for c in data.triage_concepts
            ),
            screening_questions=tuple(
                ScreeningQuestionRecord(
                    q.id,
                    q.text,
                    q.red_flag,
                    q.ask_when,
                    q.yes_means,
                    tuple(c.source for c in q.sources),
                )
                for q in data.screening_questions
            ),
        )
    )


async def records_from_db(session: AsyncSession) -> DatasetRecords:
    """Everything the matcher needs, read in a handful of queries."""
    latest = await latest_version(session)
    region_slugs = await id_slugs(session, m.Region)
    regions = tuple(
        RegionRecord(
            r.slug, r.name, region_slugs.get(r.parent_id or 0), r.lateral, tuple(r.synonyms)
        )
        for r in (await session.scalars(select(m.Region).order_by(m.Region.position))).all()
    )
    records = DatasetRecords(
        version=release_of(latest),
        regions=regions,
        trigger_points=await _trigger_points(session, region_slugs),
        symptoms=await _terms(session, m.Symptom),
        factors=await _terms(session, m.Factor),
        conditions=await _terms(session, m.Condition),
        vocabulary=tuple(
            VocabularyRecord(
                v.phrase, tuple(v.regions), tuple(v.symptoms), tuple(v.conditions), tuple(v.factors)
            )
            for v in (await session.scalars(select(m.VocabularyEntry))).all()
        ),
        **await _triage(session),
    )
    return canonical(records)


def canonical(records: DatasetRecords) -> DatasetRecords:
    """One order for everything but the regions (which keep the order of data/), so records
    read from the files and from the database are equal and rank ties break the same way."""
    points = tuple(
        replace(
            tp,
            zones=tuple(sorted(tp.zones, key=lambda z: (z.zone, -z.weight, z.region))),
            symptoms=tuple(sorted(tp.symptoms)),
            factors=tuple(sorted(tp.factors)),
            conditions=tuple(sorted(tp.conditions)),
        )
        for tp in sorted(records.trigger_points, key=lambda tp: tp.id)
    )
    return replace(
        records,
        trigger_points=points,
        symptoms=tuple(sorted(records.symptoms, key=lambda t: t.id)),
        factors=tuple(sorted(records.factors, key=lambda t: t.id)),
        conditions=tuple(sorted(records.conditions, key=lambda t: t.id)),
        vocabulary=tuple(sorted(records.vocabulary, key=lambda v: v.phrase)),
        red_flags=tuple(sorted(records.red_flags, key=lambda f: f.id)),
        triage_concepts=tuple(sorted(records.triage_concepts, key=lambda c: c.id)),
    )


async def _triage(session: AsyncSession) -> dict[str, Any]:
    """The triage rules: concepts, red flags and screening questions (in their data order)."""
    concepts = (await session.scalars(select(m.TriageConcept))).all()
    flags = (await session.scalars(select(m.RedFlag))).all()
    flag_slugs = {f.id: f.slug for f in flags}
    questions = (
        await session.scalars(select(m.ScreeningQuestion).order_by(m.ScreeningQuestion.position))
    ).all()
    return {
        "red_flags": tuple(
            RedFlagRecord(
                f.slug,
                f.level,  # type: ignore[arg-type]
                f.title,
                f.advice,
                tuple(
                    RuleRecord(
                        tuple(tuple(group) for group in rule["all"]),
                        tuple(rule["none"]),
                        rule["level"],
                    )
                    for rule in f.rules
                ),
                tuple(f.sources),
            )
            for f in flags
        ),
        "triage_concepts": tuple(
            TriageConceptRecord(
                c.slug,
                c.kind,  # type: ignore[arg-type]
                c.label,
                tuple(c.phrases),
                tuple(c.regions),
                tuple(c.symptoms),
                tuple(c.factors),
                tuple(c.conditions),
                tuple(c.near),
                c.min_age,
                c.history,
            )
            for c in concepts
        ),
        "screening_questions": tuple(
            ScreeningQuestionRecord(
                q.slug,
                q.text,
                flag_slugs[q.red_flag_id],
                tuple(tuple(group) for group in q.ask_when),
                tuple(q.yes_means),
                tuple(q.sources),
            )
            for q in questions
        ),
    }


async def _terms(session: AsyncSession, model: Any) -> tuple[TermRecord, ...]:
    rows = (await session.scalars(select(model))).all()
    return tuple(TermRecord(row.slug, row.name, tuple(row.synonyms)) for row in rows)


async def _links(
    session: AsyncSession, model: Any, column: str, target: Any
) -> dict[int, list[str]]:
    query = select(model.trigger_point_id, target.slug).join(
        target, getattr(model, column) == target.id
    )
    out: dict[int, list[str]] = defaultdict(list)
    for tp_id, slug in (await session.execute(query)).all():
        out[tp_id].append(slug)
    return out


async def _trigger_points(
    session: AsyncSession, region_slugs: dict[int, str]
) -> tuple[TriggerPointRecord, ...]:
    zones: dict[int, list[ZoneRecord]] = defaultdict(list)
    for zone in (await session.scalars(select(m.ReferralZone))).all():
        kind: ZoneKind = "essential" if zone.zone == "essential" else "spillover"
        zones[zone.trigger_point_id].append(
            ZoneRecord(region_slugs[zone.region_id], kind, zone.weight)
        )
    symptoms = await _links(session, m.TriggerPointSymptom, "symptom_id", m.Symptom)
    factors = await _links(session, m.TriggerPointFactor, "factor_id", m.Factor)
    conditions = await _links(session, m.TriggerPointCondition, "condition_id", m.Condition)
    muscle_slugs = await id_slugs(session, m.Muscle)
    query = select(m.TriggerPoint, m.Muscle).join(m.Muscle, m.TriggerPoint.muscle_id == m.Muscle.id)
    return tuple(
        TriggerPointRecord(
            id=tp.slug,
            name=trigger_point_name(muscle.name, tp.label),
            label=tp.label,
            muscle_id=muscle.slug,
            muscle_name=muscle.name,
            referral_side=_side(tp.referral_side),
            zones=tuple(zones[tp.id]),
            symptoms=tuple(symptoms[tp.id]),
            factors=tuple(factors[tp.id]),
            conditions=tuple(conditions[tp.id]),
            muscle_synonyms=tuple(muscle.synonyms),
            common=tp.common,
            pattern_from=muscle_slugs[tp.pattern_from_id] if tp.pattern_from_id else None,
        )
        for tp, muscle in (await session.execute(query)).all()
    )


def _side(value: str) -> ReferralSide:
    sides: dict[str, ReferralSide] = {
        "contralateral": "contralateral",
        "bilateral": "bilateral",
        "midline": "midline",
    }
    return sides.get(value, "ipsilateral")
