"""/readyz says 503 (as a problem) when the database cannot be reached; /healthz stays up."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app


def test_readyz_is_503_problem_when_database_is_down() -> None:
    settings = Settings(database_url="postgresql://nobody@127.0.0.1:9/none")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert client.get("/healthz").status_code == 200
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "Database unreachable" in response.json()["detail"]
