"""Red flags as the running matcher holds them, with their sources from the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import models as m
from app.errors import NotFoundError
from app.matching import MatchIndex
from app.matching.records import RedFlagRecord, RuleRecord
from app.schemas import Page, Paging
from app.triage import schemas as s


def list_red_flags(index: MatchIndex, page: Paging) -> Page[s.RedFlagSummary]:
    """A page of the flags, most severe first, then by id."""
    order = {"emergency": 0, "urgent": 1, "see_clinician": 2}
    flags = sorted(index.triage.rules.flags.values(), key=lambda f: (order[f.level], f.id))
    items = [
        s.RedFlagSummary(id=f.id, level=f.level, title=f.title, advice=f.advice)
        for f in flags[page.offset : page.offset + page.limit]
    ]
    return Page(items=items, total=len(flags), limit=page.limit, offset=page.offset)


async def red_flag(*, session: AsyncSession, index: MatchIndex, flag_id: str) -> s.RedFlagOut:
    flag = index.triage.rules.flags.get(flag_id)
    if flag is None:
        raise NotFoundError("red flag", flag_id)
    labels = {c: r.label for c, r in index.triage.concepts.records.items()}
    questions = [q for q in index.triage.questions.values() if q.red_flag == flag.id]
    used = _concepts_used(
        flag, [c for q in questions for g in (*q.ask_when, q.yes_means) for c in g]
    )
    return s.RedFlagOut(
        id=flag.id,
        level=flag.level,
        title=flag.title,
        advice=flag.advice,
        rules=[_rule(flag, rule, labels) for rule in flag.rules],
        concepts=[s.ConceptOut(**asdict(index.triage.concepts.records[c])) for c in used],
        screening=[
            s.QuestionOut(
                id=q.id,
                text=q.text,
                asked_when=[list(g) for g in q.ask_when],
                yes_means=list(q.yes_means),
            )
            for q in questions
        ],
        sources=await _sources(session, flag.sources),
    )


def _rule(flag: RedFlagRecord, rule: RuleRecord, labels: dict[str, str]) -> s.RuleOut:
    items = [
        " OR ".join(labels[c] for c in group)
        if len(group) == 1
        else "(" + " OR ".join(labels[c] for c in group) + ")"
        for group in rule.all
    ]
    when = " AND ".join(items)
    if rule.none:
        when += " AND NOT (" + " OR ".join(labels[c] for c in rule.none) + ")"
    return s.RuleOut(
        level=rule.level or flag.level,
        when=when,
        all=[list(group) for group in rule.all],
        unless=list(rule.none),
    )


def _concepts_used(flag: RedFlagRecord, more: Sequence[str]) -> list[str]:
    """The rules' concepts and the questions', in order of first use, without repeats."""
    used = [c for rule in flag.rules for group in rule.all for c in group]
    used += [c for rule in flag.rules for c in rule.none]
    return list(dict.fromkeys([*used, *more]))


async def _sources(session: AsyncSession, slugs: Sequence[str]) -> list[s.SourceOut]:
    rows = (await session.scalars(select(m.Source).where(m.Source.slug.in_(slugs)))).all()
    by_slug = {row.slug: row for row in rows}
    return [
        s.SourceOut(id=r.slug, title=r.title, authors=r.authors, year=r.year, url=r.url)
        for slug in slugs
        if (r := by_slug.get(slug)) is not None
    ]
