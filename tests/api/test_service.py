"""Dataset info, health probes, and the error contract."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.dataset.loader import load_dataset
from tests.conftest import DATA_DIR

RELEASE = load_dataset(DATA_DIR).release.version


def test_dataset_reports_counts_version_and_licence(client: TestClient) -> None:
    body = client.get("/v1/dataset").json()
    assert body["version"] == RELEASE
    assert body["revision"] == 1
    assert body["content_hash"].startswith("sha256:")
    for kind in ("regions", "muscles", "trigger_points", "referral_zones", "conditions"):
        assert body["counts"][kind] > 0
    assert body["licence"] == {"data": "CC-BY-4.0", "code": "Apache-2.0"}
    assert {"ts-vol1", "ts-vol2"} <= {source["source"] for source in body["sources"]}


def test_every_dataset_version_is_the_release(client: TestClient) -> None:
    """Deployments with the same data files call them the same version, whatever their own
    revision counters say."""
    matched = client.post("/v1/matches", json={"text": "headache in my temple"}).json()
    assert matched["dataset_version"] == RELEASE
    revisions = client.get("/v1/dataset/revisions").json()
    assert [r["revision"] for r in revisions] == [1]
    assert revisions[0]["version"] == RELEASE
    inserted = revisions[0]["changes"]["trigger_points"]
    assert inserted["inserted"] == len(inserted["inserted_ids"]) == 220
    assert "trapezius-trp1" in inserted["inserted_ids"]
    # a region's parent, set right after it is inserted, is part of inserting it
    regions = revisions[0]["changes"]["regions"]
    assert (regions["inserted"], regions["updated"], regions["updated_ids"]) == (161, 0, [])


def test_health_probes(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}


@pytest.mark.parametrize(
    "path",
    [
        "/v1/regions?limit=0",
        "/v1/regions?limit=201",
        "/v1/muscles?offset=-1",
        "/v1/trigger-points?zone=sometimes",
        "/v1/regions?view=upside-down",
        "/v1/muscles?group=BAD%20GROUP",
    ],
)
def test_bad_parameters_are_422_problems(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["errors"]
    assert problem["errors"][0]["loc"][0] == "query"


def test_unknown_route_is_problem(client: TestClient) -> None:
    response = client.get("/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_wrong_method_is_problem(client: TestClient) -> None:
    response = client.delete("/v1/muscles")
    assert response.status_code == 405
    assert response.json()["title"] == "Method not allowed"


def test_openapi_documents_problem_responses(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    muscle = spec["paths"]["/v1/muscles/{muscle_id}"]["get"]
    assert {"404", "422"} <= set(muscle["responses"])
    assert muscle["summary"]


def test_openapi_documents_the_matching_bodies(client: TestClient) -> None:
    # the matching endpoints use a lean route class; their docs must not lose the bodies
    spec = client.get("/openapi.json").json()
    for path, model in (("/v1/matches", "MatchRequest"), ("/v1/interpret", "InterpretRequest")):
        operation = spec["paths"][path]["post"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert body["$ref"] == f"#/components/schemas/{model}"
        assert model in spec["components"]["schemas"]
        assert {"200", "422", "503"} <= set(operation["responses"])
        assert operation["tags"] == ["matching"]


def test_dataset_matches_the_files_on_every_backend(client: TestClient) -> None:
    from app.dataset.loader import load_dataset
    from app.dataset.seed import content_hash
    from tests.conftest import DATA_DIR

    dataset = load_dataset(DATA_DIR)
    body = client.get("/v1/dataset").json()
    assert body["content_hash"] == content_hash(dataset)
    points = [tp for muscle in dataset.muscles for tp in muscle.trigger_points]
    assert body["counts"]["muscles"] == len(dataset.muscles)
    assert body["counts"]["trigger_points"] == len(points)
    assert body["counts"]["referral_zones"] == sum(len(tp.zones()) for tp in points)
    assert body["counts"]["regions"] == len(dataset.regions)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/v1/muscles/%00", 404),
        ("/v1/muscles/Trapezius", 404),
        ("/v1/regions/%C3%28", 404),
        ("/v1/trigger-points/" + "a" * 500, 422),
        ("/v1/muscles?q=%00", 422),
        ("/v1/regions?q=%F0%9F%92%A9", 200),
        ("/v1/conditions?q=100%25_", 200),
        ("/v1/trigger-points?region=%00", 422),
    ],
)
def test_hostile_input_never_500s(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    if status != 200:
        assert response.headers["content-type"] == "application/problem+json"


def test_openapi_operation_ids_are_unique() -> None:
    """FastAPI only warns about a repeated operation id; a client generator would break."""
    import warnings

    from app.config import Settings
    from app.main import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spec = create_app(Settings()).openapi()
    ids = [op["operationId"] for path in spec["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
