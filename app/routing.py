"""`JsonBodyRoute`: a lean FastAPI route for hot endpoints that take one JSON body model.

FastAPI's general request handler solves a dependency graph, parses the content type with
`email.message`, decodes JSON with the standard library and then validates the resulting dict.
For the matcher, which answers in a fraction of a millisecond, that machinery costs about as
much as the matching itself. This route class (FastAPI's documented extension point: a custom
``APIRoute`` overriding ``get_route_handler``) keeps the endpoint's signature, so OpenAPI, the
docs and the examples are generated as usual, and handles a request in three steps: check that
the body is JSON, validate the raw bytes with pydantic-core's own JSON parser, call the
endpoint as ``endpoint(request, body)``. Its ASGI app is lean too: it builds the request, awaits
the handler and sends the response, without FastAPI's per-request exit stacks (kept for
dependencies with ``yield``, which these routes refuse) or a second exception wrapper: an
exception goes up to the app's exception middleware and handlers, as from any route.

Errors keep the shape of FastAPI's: a wrong content type, malformed JSON or an invalid field
raise ``RequestValidationError`` with locations under ``body``, which the app's handlers turn
into 422 problem documents.

The endpoint must be ``async def endpoint(request: Request, body: Model) -> Response``; the
route checks this when it is built, so a misuse fails at start-up, not on a request.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, cast

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.types import ASGIApp, Receive, Scope, Send

Endpoint = Callable[[Request, Any], Awaitable[Response]]


class JsonBodyRoute(APIRoute):
    """An ``APIRoute`` whose endpoint receives the request and its validated JSON body."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.app = _lean_app(self.get_route_handler())

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        model = self._body_model()
        endpoint = cast(Endpoint, self.endpoint)

        async def handle(request: Request) -> Response:
            if not _is_json(request.headers.get("content-type")):
                raise RequestValidationError(
                    [{"loc": ("body",), "msg": "send the body as application/json"}]
                )
            try:
                body = model.model_validate_json(await request.body())
            except ValidationError as exc:
                errors = exc.errors(include_url=False, include_input=False)
                raise RequestValidationError(
                    [{**error, "loc": ("body", *error["loc"])} for error in errors]
                ) from None
            return await endpoint(request, body)

        return handle

    def _body_model(self) -> type[BaseModel]:
        dependant = self.dependant
        body = dependant.body_params
        model = body[0].field_info.annotation if len(body) == 1 else None
        plain = not (dependant.dependencies or dependant.query_params or dependant.path_params)
        if not (isinstance(model, type) and issubclass(model, BaseModel) and plain):
            raise TypeError(
                f"{self.path}: a JsonBodyRoute endpoint takes (request, body: <pydantic model>)"
            )
        return model


def _lean_app(handler: Callable[[Request], Coroutine[Any, Any, Response]]) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        response = await handler(Request(scope, receive, send))
        await response(scope, receive, send)

    return app


def _is_json(content_type: str | None) -> bool:
    """application/json or application/<anything>+json, parameters (charset) aside."""
    if not content_type:
        return False
    kind = content_type.partition(";")[0].strip().lower()
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )
