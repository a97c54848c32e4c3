"""Make one table hold exactly a desired set of rows: insert new, update changed, delete gone."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Base

Key = tuple[Any, ...]


@dataclass
class TableChanges:
    """How many rows a table gained, changed and lost, and which, by public id, for the tables
    keyed by one (link tables are counted only)."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    ids: dict[str, list[str]] = field(
        default_factory=lambda: {"inserted": [], "updated": [], "deleted": []}
    )

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.deleted

    def summary(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "inserted": self.inserted,
            "updated": self.updated,
            "deleted": self.deleted,
        }
        found.update({f"{kind}_ids": sorted(ids) for kind, ids in self.ids.items() if ids})
        return found


@dataclass
class SyncPlan:
    """Changes per table, and the rows to delete once every table has been upserted."""

    changes: dict[str, TableChanges] = field(default_factory=dict)
    deletions: list[list[Base]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(c.total for c in self.changes.values())

    def summary(self) -> dict[str, dict[str, Any]]:
        return {table: c.summary() for table, c in self.changes.items() if c.total}


async def upsert_rows(
    session: AsyncSession,
    plan: SyncPlan,
    model: type[Base],
    key: tuple[str, ...],
    desired: dict[Key, dict[str, Any]],
) -> None:
    """Insert and update ``model`` rows to match ``desired`` (keyed by the ``key`` columns).

    Rows not in ``desired`` are queued in ``plan`` for :func:`delete_queued`, so that children
    can be deleted before the parents they reference.
    """
    changes = plan.changes.setdefault(model.__tablename__, TableChanges())
    existing = {
        tuple(getattr(row, column) for column in key): row
        for row in (await session.scalars(select(model))).all()
    }
    named = key == ("slug",)
    for row_key, values in desired.items():
        row = existing.pop(row_key, None)
        if row is None:
            session.add(model(**dict(zip(key, row_key, strict=True)), **values))
            changes.inserted += 1
        elif _update(row, values):
            changes.updated += 1
        else:
            continue
        if named:
            changes.ids["inserted" if row is None else "updated"].append(str(row_key[0]))
    changes.deleted += len(existing)
    if named:
        changes.ids["deleted"] += [str(row_key[0]) for row_key in existing]
    plan.deletions.append(list(existing.values()))
    await session.flush()


def _update(row: Base, values: dict[str, Any]) -> bool:
    changed = False
    for column, value in values.items():
        if getattr(row, column) != value:
            setattr(row, column, value)
            changed = True
    return changed


async def delete_queued(session: AsyncSession, plan: SyncPlan) -> None:
    """Delete the queued rows, the last upserted table (the children) first."""
    for rows in reversed(plan.deletions):
        for row in rows:
            await session.delete(row)
        await session.flush()


async def slug_ids(session: AsyncSession, model: Any) -> dict[str, int]:
    """Public id -> integer key for every row of ``model``."""
    rows = (await session.execute(select(model.slug, model.id))).all()
    return {slug: id_ for slug, id_ in rows}


async def id_slugs(session: AsyncSession, model: Any) -> dict[int, str]:
    """Integer key -> public id for every row of ``model`` (the reverse of `slug_ids`)."""
    rows = (await session.execute(select(model.id, model.slug))).all()
    return {id_: slug for id_, slug in rows}


def by_slug(
    entries: Iterable[Any], values: Callable[[Any, int], dict[str, Any]]
) -> dict[Key, dict[str, Any]]:
    """Desired rows keyed by each entry's id, with the entry's position in its file."""
    return {(entry.id,): values(entry, position) for position, entry in enumerate(entries)}


def search_text(*parts: str | Iterable[str]) -> str:
    """Lower-cased names and synonyms in one column, for the ``?q=`` filters."""
    words = [p for part in parts for p in ([part] if isinstance(part, str) else part)]
    return " | ".join(word.casefold() for word in words)
