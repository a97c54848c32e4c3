"""HTTP routes of the catalog: translate requests into service calls, nothing more."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy.ext.asyncio import AsyncSession

from app.catalog import schemas as s
from app.catalog.service import conditions, muscles, regions, terms, trigger_points
from app.database import get_session
from app.dataset.evidence import EvidenceLevel
from app.dataset.service import dataset_info, dataset_revisions
from app.errors import problem_responses
from app.schemas import Page, Paging, SearchQuery, SlugQuery, paging

router = APIRouter(prefix="/v1")
Session = Annotated[AsyncSession, Depends(get_session)]
Pages = Annotated[Paging, Depends(paging)]
ZoneQuery = Annotated[
    Literal["essential", "spillover"] | None, Query(description="Only zones of this kind.")
]
View = Literal["anterior", "posterior", "lateral", "medial", "plantar", "inferior"]


def _id(example: str) -> object:
    return Path(min_length=1, max_length=120, examples=[example])


@router.get(
    "/regions",
    tags=["regions"],
    summary="List body regions",
    responses=problem_responses(422),
)
async def list_regions(
    session: Session,
    page: Pages,
    q: Annotated[SearchQuery | None, Query(description="Text in the name or a synonym.")] = None,
    view: Annotated[View | None, Query(description="Body-map view.")] = None,
    parent: Annotated[
        SlugQuery | None, Query(description="Direct children of this region.")
    ] = None,
) -> Page[s.RegionSummary]:
    return await regions.list_regions(
        session=session, paging=page, text=q, view=view, parent=parent
    )


@router.get(
    "/regions/{region_id}",
    tags=["regions"],
    summary="A region with its ancestors and children",
    responses=problem_responses(404, 422),
)
async def get_region(session: Session, region_id: Annotated[str, _id("temple")]) -> s.RegionDetail:
    return await regions.get_region(session=session, region_id=region_id)


@router.get(
    "/regions/{region_id}/trigger-points",
    tags=["regions"],
    summary="Trigger points that refer pain to a region (pain-guide lookup)",
    description="Trigger points referring pain to the region, a region inside it, or a region "
    "around it (a zone on the whole sole covers the ball of the foot); one row per trigger point "
    "with its strongest zone there: essential before spillover, then by weight, then zones on "
    "the region itself before zones inside or around it, then common trigger points first and "
    "patterns borrowed from another muscle (`pattern_from`) last. "
    "`region` in each row is the zone's own.",
    responses=problem_responses(404, 422),
)
async def region_trigger_points(
    session: Session,
    page: Pages,
    region_id: Annotated[str, _id("temple")],
    zone: ZoneQuery = None,
) -> Page[s.RegionTriggerPoint]:
    return await regions.region_trigger_points(
        session=session, region_id=region_id, paging=page, zone=zone
    )


@router.get("/muscles", tags=["muscles"], summary="List muscles", responses=problem_responses(422))
async def list_muscles(
    session: Session,
    page: Pages,
    q: Annotated[SearchQuery | None, Query(description="Text in a name, synonym or group.")] = None,
    group: Annotated[SlugQuery | None, Query(description="Muscle group, e.g. scalenes.")] = None,
    region: Annotated[SlugQuery | None, Query(description="Muscles lying in this region.")] = None,
) -> Page[s.MuscleSummary]:
    return await muscles.list_muscles(
        session=session, paging=page, text=q, group=group, region=region
    )


@router.get(
    "/muscles/{muscle_id}",
    tags=["muscles"],
    summary="A muscle with its trigger points and their referral zones",
    responses=problem_responses(404, 422),
)
async def get_muscle(
    session: Session, muscle_id: Annotated[str, _id("sternocleidomastoid")]
) -> s.MuscleDetail:
    return await muscles.get_muscle(session=session, muscle_id=muscle_id)


@router.get(
    "/trigger-points",
    tags=["trigger points"],
    summary="List trigger points",
    responses=problem_responses(422),
)
async def list_trigger_points(
    session: Session,
    page: Pages,
    muscle: Annotated[SlugQuery | None, Query(description="Muscle id.")] = None,
    region: Annotated[SlugQuery | None, Query(description="Refers pain to this region.")] = None,
    zone: ZoneQuery = None,
    condition: Annotated[SlugQuery | None, Query(description="Mimics this condition.")] = None,
    symptom: Annotated[SlugQuery | None, Query(description="Has this symptom.")] = None,
    factor: Annotated[SlugQuery | None, Query(description="Has this factor.")] = None,
    evidence: Annotated[
        EvidenceLevel | None, Query(description="Only trigger points with this evidence level.")
    ] = None,
) -> Page[s.TriggerPointSummary]:
    filters = trigger_points.TriggerPointFilters(
        muscle, region, zone, condition, symptom, factor, evidence
    )
    return await trigger_points.list_trigger_points(session=session, paging=page, filters=filters)


@router.get(
    "/trigger-points/{trigger_point_id}",
    tags=["trigger points"],
    summary="A trigger point with its referral zones, links and citations",
    responses=problem_responses(404, 422),
)
async def get_trigger_point(
    session: Session, trigger_point_id: Annotated[str, _id("sternocleidomastoid-sternal")]
) -> s.TriggerPointDetail:
    return await trigger_points.get_trigger_point(
        session=session, trigger_point_id=trigger_point_id
    )


@router.get(
    "/conditions",
    tags=["conditions"],
    summary="List conditions that trigger points mimic",
    responses=problem_responses(422),
)
async def list_conditions(
    session: Session,
    page: Pages,
    q: Annotated[SearchQuery | None, Query(description="Text in the name or a synonym.")] = None,
) -> Page[s.ConditionSummary]:
    return await conditions.list_conditions(session=session, paging=page, text=q)


@router.get(
    "/conditions/{condition_id}",
    tags=["conditions"],
    summary="A condition with its codes and the trigger points that mimic it",
    responses=problem_responses(404, 422),
)
async def get_condition(
    session: Session, condition_id: Annotated[str, _id("carpal-tunnel-syndrome")]
) -> s.ConditionDetail:
    return await conditions.get_condition(session=session, condition_id=condition_id)


SearchText = Annotated[SearchQuery | None, Query(description="Text in the name or a synonym.")]
TermId = Annotated[str, _id("tingling")]


def _term_routes(kind: terms.TermKind, path: str, what: str) -> None:
    """The list and detail routes of one kind of term (symptoms, factors): a picker's source."""

    async def list_kind(session: Session, page: Pages, q: SearchText = None) -> Page[s.TermSummary]:
        return await terms.list_terms(session=session, kind=kind, paging=page, text=q)

    async def get_kind(session: Session, term_id: TermId) -> s.TermSummary:
        return await terms.get_term(session=session, kind=kind, term_id=term_id)

    routes: list[tuple[str, Callable[..., Awaitable[object]], str, str, tuple[int, ...]]] = [
        ("", list_kind, f"list_{path}", f"List {what} (a picker for `{path}`)", (422,)),
        (
            "/{term_id}",
            get_kind,
            f"get_{kind}",
            f"One of the {what}, with the trigger points that list it",
            (404, 422),
        ),
    ]
    for suffix, endpoint, name, summary, codes in routes:
        router.add_api_route(
            f"/{path}{suffix}",
            endpoint,
            methods=["GET"],
            name=name,
            tags=["symptoms and factors"],
            summary=summary,
            responses=problem_responses(*codes),
        )


_term_routes("symptom", "symptoms", "symptoms besides pain")
_term_routes("factor", "factors", "activating and perpetuating factors")


@router.get("/dataset", tags=["dataset"], summary="Dataset version, counts, sources and licence")
async def get_dataset(session: Session) -> s.DatasetInfo:
    return await dataset_info(session=session)


@router.get(
    "/dataset/revisions",
    tags=["dataset"],
    summary="What each seed changed: added, changed and removed rows per table, newest first",
)
async def get_dataset_revisions(session: Session) -> list[s.DatasetRevision]:
    return await dataset_revisions(session=session)
