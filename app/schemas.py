"""Shared pydantic bases: strict input models and the list envelope."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class StrictInput(BaseModel):
    """Base of every request body: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Page(Output, Generic[T]):
    """A page of a list: ``items`` plus where it sits in the whole."""

    items: list[T]
    total: int = Field(description="Items matching the filters, over all pages.")
    limit: int
    offset: int


class Paging(BaseModel):
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=200, description="Items per page (1-200).")] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000, description="Items to skip.")] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)


SlugQuery = Annotated[str, Query(min_length=1, max_length=120, pattern=r"^[a-z0-9-]+$")]
# No control characters: PostgreSQL rejects NUL bytes in text.
SearchQuery = Annotated[str, Query(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f]+$")]
