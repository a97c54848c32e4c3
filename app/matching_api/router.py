"""``POST /v1/matches`` and ``POST /v1/interpret``: translate HTTP to the pure matcher.

Request bodies are health data: nothing here logs or stores them. The matcher runs in the app's
match batch (`app.matching_api.batching`): the requests that arrive together are matched together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import orjson
from fastapi import APIRouter, Body, Request, Response

from app.errors import InvalidInputError, ProblemError, problem_responses
from app.matching import MatchOutcome, MatchQuery, RegionInput, UnknownTermError, match
from app.matching_api.batching import Batch
from app.matching_api.schemas import (
    EXAMPLE,
    InterpretRequest,
    InterpretResponse,
    MatchRequest,
    MatchResponse,
)
from app.matching_api.snapshot import current_index
from app.routing import JsonBodyRoute

# The hot path: a lean route class (see app.routing) validates the JSON body straight into
# the request model and hands it to the endpoint with the request.
router = APIRouter(prefix="/v1", tags=["matching"], route_class=JsonBodyRoute)


def _query(body: InterpretRequest) -> MatchQuery:
    """The matcher's query; for /v1/interpret (no limit) no rows are built: limit 0."""
    ranking = body if isinstance(body, MatchRequest) else None
    return MatchQuery(
        text=body.text,
        regions=tuple(RegionInput(r.region, r.side) for r in body.regions),
        symptoms=tuple(body.symptoms),
        absent_symptoms=tuple(body.absent_symptoms),
        factors=tuple(body.factors),
        conditions=tuple(body.conditions),
        age=body.age,
        sex=body.sex,
        limit=ranking.limit if ranking else 0,
        group_by=ranking.group_by if ranking else "trigger_point",
    )


def _match(request: Request, body: InterpretRequest) -> MatchOutcome:
    """Run the matcher; an unknown structured term becomes a 422 naming it."""
    try:
        return match(current_index(request), _query(body))
    except UnknownTermError as exc:
        raise _unknown(exc) from None


async def _batched(request: Request, respond: Callable[[], Response]) -> Response:
    """`respond()`, run in the app's match batch (`app.matching_api.batching`)."""
    batch: Batch[Response] = request.app.state.match_batch
    return await batch.run(respond)


def _json(content: object) -> Response:
    # The matcher's frozen dataclasses already have the response's shape (tests check them
    # against MatchResponse / InterpretResponse); orjson writes them directly, skipping a second
    # pydantic validation on the hot path.
    return Response(orjson.dumps(content), media_type="application/json")


def _unknown(exc: UnknownTermError) -> InvalidInputError:
    hint = f" Did you mean: {', '.join(exc.suggestions)}?" if exc.suggestions else ""
    message = f"unknown {exc.kind} {exc.value!r}.{hint}"
    error = ProblemError(loc=["body", *exc.loc], msg=message)
    return InvalidInputError(f"Invalid input: {message}", [error])


@router.post(
    "/matches",
    summary="Rank the trigger points most likely behind reported symptoms",
    description="Free text and/or body-map regions in; ranked trigger points with reasons, "
    "the interpretation, and red-flag triage out. Request bodies are never logged or stored.",
    response_model=MatchResponse,
    responses=problem_responses(422, 503),
)
async def post_matches(
    request: Request, body: Annotated[MatchRequest, Body(examples=[EXAMPLE])]
) -> Response:
    return await _batched(request, lambda: _json(_match(request, body)))


@router.post(
    "/interpret",
    summary="How a symptom report was understood, without ranking",
    description="The interpretation and triage alone, so an app can echo what it understood.",
    response_model=InterpretResponse,
    responses=problem_responses(422, 503),
)
async def post_interpret(
    request: Request, body: Annotated[InterpretRequest, Body(examples=[EXAMPLE])]
) -> Response:
    return await _batched(request, lambda: _interpretation(_match(request, body)))


def _interpretation(outcome: MatchOutcome) -> Response:
    return _json(
        {
            "interpretation": outcome.interpretation,
            "triage": outcome.triage,
            "disclaimer": outcome.disclaimer,
            "dataset_version": outcome.dataset_version,
        }
    )
