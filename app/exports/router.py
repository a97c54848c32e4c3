"""`/v1/export`: the whole dataset as tidy CSV and NDJSON tables, a Frictionless data package
describing them, and a zip of it all. Every answer carries the dataset's content hash as its
ETag and answers `If-None-Match` with 304."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import StreamingResponse

from app.errors import NotFoundError, problem_responses
from app.exports.cache import Export, ExportCache
from app.exports.writers import csv_lines, ndjson_lines, zip_name

router = APIRouter(prefix="/v1/export", tags=["export"])

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
}
_TABLE = Annotated[str, Path(description="Table name, as listed in datapackage.json.")]
_ARCHIVE = Annotated[
    str, Path(description="triggermap-data-<version>, the version as GET /v1/dataset reports it.")
]


def _cache(request: Request) -> ExportCache:
    cache: ExportCache = request.app.state.export_cache
    return cache


def _not_modified(request: Request, etag: str) -> bool:
    wanted = request.headers.get("if-none-match", "")
    tags = {tag.strip().removeprefix("W/") for tag in wanted.split(",")}
    return etag in tags or "*" in tags


def _cached(request: Request, export: Export, variant: str) -> Response | None:
    etag = export.etag(variant)
    if _not_modified(request, etag):
        return Response(status_code=304, headers={"ETag": etag})
    return None


async def get_datapackage(request: Request) -> Response:
    export = await _cache(request).current()
    return _cached(request, export, "package") or Response(
        _json(export.package),
        media_type="application/json",
        headers={"ETag": export.etag("package")},
    )


async def get_zip(request: Request, name: _ARCHIVE) -> Response:
    export = await _cache(request).current()
    expected = zip_name(export.data)
    if f"{name}.zip" != expected:
        raise NotFoundError("archive", f"{name}.zip", f"The current one is {expected}.")
    return _cached(request, export, "zip") or Response(
        export.archive,
        media_type="application/zip",
        headers={
            "ETag": export.etag("zip"),
            "Content-Disposition": f'attachment; filename="{expected}"',
        },
    )


def _table_route(fmt: Literal["csv", "ndjson"]) -> None:
    writer = csv_lines if fmt == "csv" else ndjson_lines

    async def get_table(request: Request, table: _TABLE) -> Response:
        export = await _cache(request).current()
        spec = next((t for t in export.data.tables if t.name == table), None)
        if spec is None:
            known = ", ".join(t.name for t in export.data.tables)
            raise NotFoundError("table", table, f"Tables: {known}.")
        cached = _cached(request, export, f"{table}.{fmt}")
        if cached is not None:
            return cached
        return StreamingResponse(
            _chunks(writer(spec, export.data.rows[table])),
            media_type=MEDIA_TYPES[fmt],
            headers={"ETag": export.etag(f"{table}.{fmt}")},
        )

    _route(
        f"/{{table}}.{fmt}",
        get_table,
        f"get_table_{fmt}",
        summary=f"One table of the dataset as {fmt.upper()}",
        responses=problem_responses(404, 503),
    )


def _route(path: str, endpoint: Callable[..., Any], name: str, **documented: Any) -> None:
    """GET, documented, and HEAD (the same answer without its body, kept out of the schema so
    that each operation id is used once)."""
    router.add_api_route(path, endpoint, methods=["GET"], name=name, **documented)
    router.add_api_route(
        path, endpoint, methods=["HEAD"], name=f"{name}_head", include_in_schema=False
    )


async def _chunks(lines: Iterator[bytes], size: int = 32_768) -> AsyncIterator[bytes]:
    """The lines in chunks of about `size` bytes, written on the event loop (the rows are in
    memory already, so there is nothing to wait for)."""
    chunk: list[bytes] = []
    length = 0
    for line in lines:
        chunk.append(line)
        length += len(line)
        if length >= size:
            yield b"".join(chunk)
            chunk, length = [], 0
    if chunk:
        yield b"".join(chunk)


def _json(content: object) -> bytes:
    return orjson.dumps(content, option=orjson.OPT_INDENT_2)


_route(
    "/datapackage.json",
    get_datapackage,
    "get_datapackage",
    summary="Frictionless data package describing every table",
    responses=problem_responses(503),
)
_route(
    "/{name}.zip",
    get_zip,
    "get_zip",
    summary="The data package and all its tables as CSV, in one zip",
    description="The file is named for the dataset version: `triggermap-data-<version>.zip`, "
    "as `GET /v1/dataset` reports it.",
    responses=problem_responses(404, 503),
)
_table_route("csv")
_table_route("ndjson")
