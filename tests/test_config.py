"""Settings: URL normalisation and one clear line for a bad setting."""

from __future__ import annotations

import pytest

from app.cli import main
from app.config import Settings, to_async_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///var/x.db", "sqlite+aiosqlite:///var/x.db"),
        ("postgresql://u@h:5432/db", "postgresql+asyncpg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+asyncpg://u@h/db"),
        ("postgresql+asyncpg://u@h/db", "postgresql+asyncpg://u@h/db"),
    ],
)
def test_async_driver_is_chosen(url: str, expected: str) -> None:
    assert to_async_url(url) == expected


def test_cors_origins_from_comma_separated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIGGERMAP_CORS_ORIGINS", "https://a.example, https://b.example")
    assert Settings().cors_origins == ["https://a.example", "https://b.example"]


def test_bad_setting_stops_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.config import get_settings

    monkeypatch.setenv("TRIGGERMAP_DATABASE_URL", "mysql://root@localhost/x")
    get_settings.cache_clear()
    try:
        assert main(["check-data"]) == 2
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("triggermap: invalid setting TRIGGERMAP_DATABASE_URL:")
    assert "mysql" in err[0]
