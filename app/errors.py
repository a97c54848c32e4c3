"""Errors as RFC 9457 problem details (``application/problem+json``).

Services raise :class:`AppError` subclasses; the handlers registered by
:func:`install_error_handlers` turn them, request-validation errors, unknown routes and any
unexpected exception into problem documents. No error leaves the service as HTML or a bare 500.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://triggermap.org/problems/"
logger = logging.getLogger(__name__)


class ProblemError(BaseModel):
    loc: list[str | int] = Field(description="Where the problem is: body/query/path and the field.")
    msg: str = Field(description="What is wrong with it.")


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = Field(examples=[PROBLEM_BASE + "not-found"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No muscle with id 'upper-trapezoid'."])
    instance: str | None = Field(None, examples=["/v1/muscles/upper-trapezoid"])
    errors: list[ProblemError] | None = None


class AppError(Exception):
    """Base of every error a service may raise on purpose."""

    status = 400
    slug = "bad-request"
    title = "Bad request"

    def __init__(self, detail: str, errors: Sequence[ProblemError] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors) if errors else None


class NotFoundError(AppError):
    status = 404
    slug = "not-found"
    title = "Not found"

    def __init__(self, kind: str, identifier: str, hint: str = "") -> None:
        """`hint` says what would be found instead ("Tables: ...")."""
        super().__init__(f"No {kind} with id {identifier!r}." + (f" {hint}" if hint else ""))


class InvalidInputError(AppError):
    status = 422
    slug = "validation-error"
    title = "Invalid input"


class UnavailableError(AppError):
    status = 503
    slug = "unavailable"
    title = "Service unavailable"


def problem_response(
    request: Request,
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: Sequence[ProblemError] | None = None,
) -> JSONResponse:
    problem = Problem(
        type=PROBLEM_BASE + slug,
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=list(errors) if errors else None,
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM_JSON
    )


def _validation_errors(exc: RequestValidationError) -> list[ProblemError]:
    errors = []
    for error in exc.errors():
        loc = [part if isinstance(part, int) else str(part) for part in error.get("loc", ())]
        errors.append(ProblemError(loc=loc, msg=str(error.get("msg", "invalid value"))))
    return errors


async def _handle_app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return problem_response(request, exc.status, exc.slug, exc.title, exc.detail, exc.errors)


async def _handle_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    where = "; ".join(f"{'.'.join(map(str, e.loc))}: {e.msg}" for e in errors)
    return problem_response(
        request, 422, "validation-error", "Invalid input", f"Invalid input: {where}", errors
    )


async def _handle_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    titles = {404: "Not found", 405: "Method not allowed"}
    title = titles.get(exc.status_code, "HTTP error")
    detail = (
        f"No route {request.method} {request.url.path}."
        if exc.status_code in titles
        else str(exc.detail)
    )
    slug = title.lower().replace(" ", "-")
    response = problem_response(request, exc.status_code, slug, title, detail)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Log the type and where it happened, never the request body (it may be health data).
    logger.error("unhandled %s on %s %s", type(exc).__name__, request.method, request.url.path)
    return problem_response(
        request, 500, "internal-error", "Internal error", "Something went wrong on our side."
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _handle_app_error)
    app.add_exception_handler(RequestValidationError, _handle_validation)
    app.add_exception_handler(StarletteHTTPException, _handle_http)
    app.add_exception_handler(Exception, _handle_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries documenting the problem documents an endpoint may return."""
    descriptions = {
        404: "Unknown id (problem+json naming it).",
        422: "Invalid parameter or body (problem+json listing each problem).",
        503: "Database unreachable (problem+json).",
    }
    return {
        status: {
            "model": Problem,
            "description": descriptions.get(status, "Problem"),
            "content": {PROBLEM_JSON: {}},
        }
        for status in statuses
    }
