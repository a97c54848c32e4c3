"""JsonBodyRoute refuses, when the app is built, an endpoint it cannot call correctly."""

from __future__ import annotations

import pytest
from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from app.routing import JsonBodyRoute


class Body(BaseModel):
    text: str


def test_an_endpoint_with_a_query_parameter_is_refused() -> None:
    router = APIRouter(route_class=JsonBodyRoute)

    async def endpoint(request: Request, body: Body, page: int) -> Response:
        return Response()

    with pytest.raises(TypeError, match="takes \\(request, body"):
        router.add_api_route("/things", endpoint, methods=["POST"])


def test_an_endpoint_without_a_body_model_is_refused() -> None:
    router = APIRouter(route_class=JsonBodyRoute)

    async def endpoint(request: Request) -> Response:
        return Response()

    with pytest.raises(TypeError, match="/things"):
        router.add_api_route("/things", endpoint, methods=["POST"])
