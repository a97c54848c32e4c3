"""The research export: tidy tables, a Frictionless data package that validates, and a zip.

The package is checked by `frictionless` (an independent validator: schemas, types, primary
and foreign keys across tables), not only by our own specs.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from frictionless import Package, system
from frictionless.resources import TableResource

from app.exports.tables import REFERRAL_MATRIX, TABLE_NAMES


@pytest.fixture(scope="module")
def package_dir(client: TestClient, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip the API serves, unpacked."""
    version = client.get("/v1/dataset").json()["version"]
    response = client.get(f"/v1/export/triggermap-data-{version}.zip")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    target = tmp_path_factory.mktemp("package")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        archive.extractall(target)
    return target


def _validate(descriptor: Path) -> Any:
    with system.use_context(trusted=True):
        return Package(str(descriptor)).validate()


def test_the_package_validates_with_frictionless(package_dir: Path) -> None:
    report = _validate(package_dir / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(TABLE_NAMES)


def test_a_broken_foreign_key_fails_validation(package_dir: Path, tmp_path: Path) -> None:
    """The check can fail: a zone on a region that does not exist is reported."""
    for path in package_dir.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    zones = tmp_path / "referral-zones.csv"
    lines = zones.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[1] = "no-such-region"
    zones.write_text("\r\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\r\n")
    report = _validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


def test_every_column_is_described(package_dir: Path) -> None:
    """A table or column the descriptor does not describe fails here."""
    package = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["name"]: r for r in package["resources"]}
    assert set(described) == set(TABLE_NAMES)
    for name, resource in described.items():
        header = (package_dir / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
        fields = resource["schema"]["fields"]
        assert header.split(",") == [field["name"] for field in fields]
        assert all(field["description"] for field in fields), name
        assert resource["description"]


def test_the_zone_table_has_every_zone_the_dataset_counts(
    client: TestClient, package_dir: Path
) -> None:
    counts = client.get("/v1/dataset").json()["counts"]
    with (package_dir / "referral-zones.csv").open(encoding="utf-8") as handle:
        zones = list(csv.DictReader(handle))
    assert len(zones) == counts["referral_zones"]
    with (package_dir / "trigger-points.csv").open(encoding="utf-8") as handle:
        points = list(csv.DictReader(handle))
    assert len(points) == counts["trigger_points"]
    assert sum(int(p["essential_zones"]) + int(p["spillover_zones"]) for p in points) == len(zones)


def test_a_trigger_point_row_agrees_with_the_api(client: TestClient, package_dir: Path) -> None:
    detail = client.get("/v1/trigger-points/trapezius-trp1").json()
    with (package_dir / "referral-zones.csv").open(encoding="utf-8") as handle:
        zones = [
            row for row in csv.DictReader(handle) if row["trigger_point_id"] == "trapezius-trp1"
        ]
    exported = {(row["region_id"], row["zone"], float(row["weight"])) for row in zones}
    shown = {(z["region"]["id"], z["zone"], z["weight"]) for z in detail["referral_zones"]}
    assert exported == shown
    assert {row["source_id"] for row in zones} == {"ts-vol1"}


def test_the_matrix_is_the_zone_table_made_wide(package_dir: Path) -> None:
    with (package_dir / "referral-zones.csv").open(encoding="utf-8") as handle:
        zones = {
            (r["trigger_point_id"], r["region_id"]): float(r["weight"])
            for r in csv.DictReader(handle)
        }
    with (package_dir / f"{REFERRAL_MATRIX}.csv").open(encoding="utf-8") as handle:
        matrix = list(csv.DictReader(handle))
    cells = {
        (row["trigger_point_id"], region): float(weight)
        for row in matrix
        for region, weight in row.items()
        if region != "trigger_point_id" and float(weight) > 0
    }
    assert cells == zones


def test_round_trip_through_frictionless_equals_the_csv_endpoints(
    client: TestClient, package_dir: Path
) -> None:
    """Each table read back by frictionless from the package holds the rows the API's own CSV
    endpoint serves."""
    package = Package(str(package_dir / "datapackage.json"))
    for name in ("referral-zones", "conditions", "regions"):
        resource = package.get_resource(name)
        assert isinstance(resource, TableResource)
        with system.use_context(trusted=True):
            loaded = [{k: _text(v) for k, v in dict(row).items()} for row in resource.read_rows()]
        served = list(csv.DictReader(io.StringIO(client.get(f"/v1/export/{name}.csv").text)))
        assert loaded == served


def _text(value: object) -> str:
    """A typed value as the CSV writes it."""
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


def test_ndjson_has_the_same_rows_as_csv(client: TestClient) -> None:
    lines = client.get("/v1/export/conditions.ndjson")
    assert lines.headers["content-type"] == "application/x-ndjson"
    rows = [json.loads(line) for line in lines.text.splitlines()]
    served = list(csv.DictReader(io.StringIO(client.get("/v1/export/conditions.csv").text)))
    assert [row["id"] for row in rows] == [row["id"] for row in served]
    assert list(rows[0]) == list(served[0])


def test_etag_and_if_none_match(client: TestClient) -> None:
    first = client.get("/v1/export/muscles.csv")
    etag = first.headers["etag"]
    content_hash = client.get("/v1/dataset").json()["content_hash"]
    assert content_hash in etag
    again = client.get("/v1/export/muscles.csv", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    other = client.get("/v1/export/regions.csv", headers={"If-None-Match": etag})
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("path", "names"),
    [
        ("/v1/export/no-such-table.csv", "no-such-table"),
        ("/v1/export/no-such-table.ndjson", "no-such-table"),
        ("/v1/export/triggermap-data-999.zip", "triggermap-data-999.zip"),
    ],
)
def test_unknown_exports_are_problems_naming_them(
    client: TestClient, path: str, names: str
) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert names in response.json()["detail"]


def test_the_cli_writes_the_package_the_api_serves(
    seeded_url: str, package_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.cli import main
    from app.config import get_settings

    monkeypatch.setenv("TRIGGERMAP_DATABASE_URL", seeded_url)
    get_settings.cache_clear()
    try:
        assert main(["export", "--out", str(tmp_path / "package")]) == 0
    finally:
        get_settings.cache_clear()
    written = sorted(path.name for path in (tmp_path / "package").iterdir())
    assert written == sorted(path.name for path in package_dir.iterdir())
    for name in written:
        assert (tmp_path / "package" / name).read_bytes() == (package_dir / name).read_bytes()


def test_every_etag_names_the_export_format(client: TestClient) -> None:
    """A client's copy of the same data in an older export format is not answered with 304."""
    from app.exports.cache import FORMAT

    etag = client.get("/v1/export/datapackage.json").headers["etag"]
    assert etag.endswith(f'-package-v{FORMAT}"')
    old_format = etag.replace(f"-v{FORMAT}", "-v0")
    again = client.get("/v1/export/datapackage.json", headers={"If-None-Match": old_format})
    assert again.status_code == 200


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    for path in ("/v1/export/conditions.csv", "/v1/export/datapackage.json"):
        head, get = client.head(path), client.get(path)
        assert head.status_code == 200
        assert head.headers["etag"] == get.headers["etag"]
        assert head.content == b""


def test_without_a_dataset_exports_are_unavailable(
    empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migrated but never seeded: a 503 problem, not an empty package; the CLI exits 1."""
    from app.cli import main, migrate
    from app.config import Settings, get_settings
    from app.main import create_app

    migrate(Settings(database_url=empty_url))
    app = create_app(Settings(database_url=empty_url, snapshot_refresh_seconds=0))
    with TestClient(app, raise_server_exceptions=False) as empty:
        for path in ("/v1/export/datapackage.json", "/v1/export/regions.csv"):
            response = empty.get(path)
            assert response.status_code == 503
            assert response.headers["content-type"] == "application/problem+json"
            assert "triggermap seed" in response.json()["detail"]
    monkeypatch.setenv("TRIGGERMAP_DATABASE_URL", empty_url)
    get_settings.cache_clear()
    try:
        assert main(["export", "--out", str(tmp_path / "package")]) == 1
    finally:
        get_settings.cache_clear()
    assert not (tmp_path / "package").exists()
