"""Desired rows for muscles, trigger points, their links and citations, vocabulary and the
triage rules (concepts, red flags, screening questions)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.dataset import file_format
from app.dataset.evidence import SourceKind, evidence_level
from app.dataset.sync import Key, SyncPlan, by_slug, search_text, slug_ids, upsert_rows


async def sync_catalog(session: AsyncSession, plan: SyncPlan, data: file_format.Dataset) -> None:
    regions = await slug_ids(session, m.Region)
    await upsert_rows(
        session,
        plan,
        m.Muscle,
        ("slug",),
        by_slug(data.muscles, lambda entry, _: _muscle_row(entry, regions)),
    )
    muscles = await slug_ids(session, m.Muscle)
    kinds = {source.id: source.kind for source in data.sources}
    desired_points = {
        (tp.id,): _trigger_point_row(tp, position, muscles, muscle.id, kinds)
        for muscle in data.muscles
        for position, tp in enumerate(muscle.trigger_points)
    }
    await upsert_rows(session, plan, m.TriggerPoint, ("slug",), desired_points)
    ids = {
        "regions": regions,
        "muscles": muscles,
        "trigger_points": await slug_ids(session, m.TriggerPoint),
        "symptoms": await slug_ids(session, m.Symptom),
        "factors": await slug_ids(session, m.Factor),
        "conditions": await slug_ids(session, m.Condition),
        "sources": await slug_ids(session, m.Source),
    }
    await _sync_links(session, plan, data, ids)


async def _sync_links(
    session: AsyncSession, plan: SyncPlan, data: file_format.Dataset, ids: dict[str, dict[str, int]]
) -> None:
    tps = [tp for muscle in data.muscles for tp in muscle.trigger_points]
    tp_ids = ids["trigger_points"]
    zones = {
        (tp_ids[tp.id], ids["regions"][region]): {"zone": zone, "weight": weight}
        for tp in tps
        for region, zone, weight in tp.zones()
    }
    await upsert_rows(session, plan, m.ReferralZone, ("trigger_point_id", "region_id"), zones)
    links: list[tuple[type[m.Base], str, str, str]] = [
        (m.TriggerPointSymptom, "symptom_id", "symptoms", "symptoms"),
        (m.TriggerPointFactor, "factor_id", "factors", "factors"),
        (m.TriggerPointCondition, "condition_id", "conditions", "mimics"),
        (m.TriggerPointAssociatedMuscle, "muscle_id", "muscles", "associated_muscles"),
    ]
    for model, column, kind, field in links:
        desired: dict[Key, dict[str, Any]] = {
            (tp_ids[tp.id], ids[kind][value]): {} for tp in tps for value in getattr(tp, field)
        }
        await upsert_rows(session, plan, model, ("trigger_point_id", column), desired)
    sources = ids["sources"]
    citations: list[tuple[type[m.Base], str, dict[str, int], list[Any]]] = [
        (m.MuscleSource, "muscle_id", ids["muscles"], list(data.muscles)),
        (m.TriggerPointSource, "trigger_point_id", tp_ids, tps),
        (
            m.ConditionSource,
            "condition_id",
            await slug_ids(session, m.Condition),
            list(data.conditions),
        ),
    ]
    for model, column, owners, entries in citations:
        cited = {
            (owners[entry.id], sources[c.source]): {"chapter": c.chapter, "figure": c.figure}
            for entry in entries
            for c in entry.sources
        }
        await upsert_rows(session, plan, model, (column, "source_id"), cited)


def _muscle_row(entry: file_format.MuscleEntry, regions: dict[str, int]) -> dict[str, Any]:
    return {
        "name": entry.name,
        "latin": entry.latin,
        "synonyms": list(entry.synonyms),
        "group": entry.group,
        "region_id": regions[entry.region],
        "innervation": entry.innervation,
        "actions": entry.actions,
        "codes": entry.codes.model_dump(exclude_none=True),
        "search_text": search_text(entry.name, entry.latin, entry.synonyms, entry.group),
    }


def _trigger_point_row(
    entry: file_format.TriggerPointEntry,
    position: int,
    muscle_ids: dict[str, int],
    muscle: str,
    source_kinds: dict[str, SourceKind],
) -> dict[str, Any]:
    return {
        "muscle_id": muscle_ids[muscle],
        "label": entry.label,
        "location": entry.location,
        "landmarks": entry.landmarks,
        "referral_side": entry.referral_side,
        "common": entry.common,
        "pattern_from_id": muscle_ids[entry.pattern_from] if entry.pattern_from else None,
        "treatment": entry.treatment,
        "evidence": evidence_level(source_kinds[c.source] for c in entry.sources),
        "position": position,
    }


async def sync_rules(session: AsyncSession, plan: SyncPlan, data: file_format.Dataset) -> None:
    vocabulary = {
        (entry.phrase,): {
            "regions": list(entry.regions),
            "symptoms": list(entry.symptoms),
            "conditions": list(entry.conditions),
            "factors": list(entry.factors),
        }
        for entry in data.vocabulary
    }
    await upsert_rows(session, plan, m.VocabularyEntry, ("phrase",), vocabulary)
    await upsert_rows(
        session, plan, m.TriageConcept, ("slug",), by_slug(data.triage_concepts, _concept_row)
    )
    await upsert_rows(session, plan, m.RedFlag, ("slug",), by_slug(data.red_flags, _red_flag_row))
    flags = await slug_ids(session, m.RedFlag)
    await upsert_rows(
        session,
        plan,
        m.ScreeningQuestion,
        ("slug",),
        by_slug(data.screening_questions, lambda entry, n: _question_row(entry, n, flags)),
    )


def _concept_row(entry: file_format.TriageConceptEntry, _: int) -> dict[str, Any]:
    return {
        "kind": entry.kind,
        "label": entry.label,
        "phrases": list(entry.phrases),
        "regions": list(entry.regions),
        "symptoms": list(entry.symptoms),
        "factors": list(entry.factors),
        "conditions": list(entry.conditions),
        "near": list(entry.near),
        "min_age": entry.min_age,
        "history": entry.history,
    }


def _red_flag_row(entry: file_format.RedFlagEntry, _: int) -> dict[str, Any]:
    return {
        "level": entry.level,
        "title": entry.title,
        "advice": entry.advice,
        "rules": [
            {"all": [list(g) for g in rule.groups()], "none": list(rule.none), "level": rule.level}
            for rule in entry.rules
        ],
        "sources": [c.source for c in entry.sources],
    }


def _question_row(
    entry: file_format.ScreeningQuestionEntry, position: int, flags: dict[str, int]
) -> dict[str, Any]:
    return {
        "position": position,
        "text": entry.text,
        "red_flag_id": flags[entry.red_flag],
        "ask_when": [list(group) for group in entry.ask_when],
        "yes_means": list(entry.yes_means),
        "sources": [c.source for c in entry.sources],
    }
