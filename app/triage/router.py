"""HTTP routes of the red-flag catalogue: translate requests into service calls, nothing more."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_session
from app.errors import problem_responses
from app.matching import MatchIndex
from app.matching_api.snapshot import current_index
from app.schemas import Page, Paging, paging
from app.triage import schemas as s
from app.triage import service

router = APIRouter(prefix="/v1", tags=["red flags"])
Index = Annotated[MatchIndex, Depends(current_index)]


@router.get(
    "/red-flags",
    summary="List the red flags triage checks",
    description="Most severe first. Each flag's rules, concepts and questions are in its detail.",
    responses=problem_responses(422, 503),
)
async def list_red_flags(
    index: Index, page: Annotated[Paging, Depends(paging)]
) -> Page[s.RedFlagSummary]:
    return service.list_red_flags(index, page)


@router.get(
    "/red-flags/{flag_id}",
    summary="One red flag: when it fires, in words and as data",
    description="Its level and advice; every rule in readable form with the concepts it uses "
    "and how each is recognised; the screening questions that look for it; its sources.",
    responses=problem_responses(404, 422, 503),
)
async def get_red_flag(
    index: Index,
    session: Annotated[AsyncSession, Depends(get_session)],
    flag_id: Annotated[str, Path(min_length=1, max_length=120, examples=["cauda-equina"])],
) -> s.RedFlagOut:
    return await service.red_flag(session=session, index=index, flag_id=flag_id)
