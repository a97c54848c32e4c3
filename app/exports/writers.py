"""Pure writers of the export: CSV and NDJSON lines, the Frictionless descriptor, the zip.

CSV follows RFC 4180 (CRLF line ends, a header row); an empty cell is a missing value and a
boolean is `true`/`false`, as the descriptor declares. NDJSON has one JSON object per line,
with the columns in the table's order and `null` for a missing value.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import orjson

from app.exports.service import ExportData, Row
from app.exports.tables import SOURCES, Column, Table

LICENCE: Final = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PACKAGE_NAME: Final = "triggermap"


def zip_name(data: ExportData) -> str:
    return f"triggermap-data-{data.version}.zip"


def csv_lines(table: Table, rows: Iterable[Row]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.column_names)
    yield _take(buffer)
    width = len(table.columns)
    for row in rows:
        if len(row) != width:
            raise ValueError(f"{table.name}: a row of {len(row)} cells for {width} columns")
        writer.writerow([_cell(value) for value in row])
        yield _take(buffer)


def _take(buffer: io.StringIO) -> bytes:
    line = buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate()
    return line


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def ndjson_lines(table: Table, rows: Iterable[Row]) -> Iterator[bytes]:
    names = table.column_names
    for row in rows:
        yield orjson.dumps(dict(zip(names, row, strict=True)), option=orjson.OPT_APPEND_NEWLINE)


def descriptor(data: ExportData) -> dict[str, Any]:
    """The Frictionless (v1) tabular data package describing every table of `data`, whose
    resources are the CSV files beside it."""
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "TriggerMap: myofascial trigger points and their referral patterns",
        "description": (
            "Muscles, their myofascial trigger points, the body regions each refers pain to "
            "(essential and spillover zones, weighted), the conditions that pain is mistaken "
            "for, associated symptoms and perpetuating factors, red flags, and the sources "
            "every fact rests on. One row is one fact; ids are stable public slugs."
        ),
        "version": data.version,
        "content_hash": data.content_hash,
        "licenses": [LICENCE],
        "sources": [_source(row) for row in data.rows[SOURCES.name]],
        "resources": [_resource(table) for table in data.tables],
    }


def _source(row: Row) -> dict[str, Any]:
    """A cited work as a package source: its title (authors, title, year) and where to read it."""
    values = dict(zip(SOURCES.column_names, row, strict=True))
    year = f" ({values['year']})" if values["year"] else ""
    source = {"title": f"{values['authors']}. {values['title']}{year}."}
    if values["url"]:
        source["path"] = values["url"]
    return source


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(key.columns),
                "reference": {
                    # a reference to the table itself is written as "" (Table Schema v1)
                    "resource": "" if key.table == table.name else key.table,
                    "fields": list(key.table_columns),
                },
            }
            for key in table.foreign_keys
        ]
    return {
        "profile": "tabular-data-resource",
        "name": table.name,
        "path": f"{table.name}.csv",
        "title": table.title,
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _field(column: Column) -> dict[str, Any]:
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.type == "boolean":
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    if constraints:
        field["constraints"] = constraints
    return field


def zip_bytes(data: ExportData, package: Mapping[str, Any]) -> bytes:
    """The data package and every table as CSV, in one zip (timestamps fixed, so the same data
    gives the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _add(archive, "datapackage.json", orjson.dumps(package, option=orjson.OPT_INDENT_2))
        for table in data.tables:
            body = b"".join(csv_lines(table, data.rows[table.name]))
            _add(archive, f"{table.name}.csv", body)
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, body: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, body)
