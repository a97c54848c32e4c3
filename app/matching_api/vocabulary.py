"""``GET /v1/vocabulary``: autocomplete for pickers, over every wording the matcher accepts.

A typed prefix is what a person is writing about their body: it is health data, and nothing here
logs or stores it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import Field

from app.errors import problem_responses
from app.matching.phrases import TermKind
from app.matching.vocabulary import Source, complete
from app.matching_api.snapshot import current_vocabulary
from app.schemas import Output

router = APIRouter(prefix="/v1", tags=["matching"])


class Meaning(Output):
    kind: TermKind = Field(description="Which field takes it: region, symptom, factor, condition.")
    id: str = Field(examples=["back-of-knee"])
    name: str = Field(examples=["Back of the knee"])


class Suggestion(Output):
    phrase: str = Field(
        description="The wording, as the matcher reads it (lower case).",
        examples=["posterior knee"],
    )
    source: Source = Field(
        description="A term's name, one of its synonyms, or a phrase of the vocabulary."
    )
    means: list[Meaning] = Field(
        description="What the wording means if sent: in `text`, or as a structured value (the "
        "phrase itself, or a `means[].id`, in the field its kind names)."
    )


class Suggestions(Output):
    query: str
    items: list[Suggestion]


@router.get(
    "/vocabulary",
    summary="Autocomplete: what a typed prefix would mean",
    description="Every name, synonym and vocabulary phrase the matcher accepts, ranked for a "
    "typed prefix: the whole wording first, then wordings that start with it, then wordings with "
    "a later word that starts with it; names before synonyms before vocabulary phrases, shorter "
    "first. The prefix is never logged or stored.",
    responses=problem_responses(422, 503),
)
async def get_vocabulary(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=100, description="What was typed.")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Suggestions:
    found = complete(current_vocabulary(request), q, limit)
    items = [
        Suggestion(
            phrase=entry.phrase,
            source=entry.source,
            means=[Meaning(kind=m.kind, id=m.id, name=m.name) for m in entry.means],
        )
        for entry in found
    ]
    return Suggestions(query=q, items=items)
