"""Settings, read once from the environment (prefix ``TRIGGERMAP_``) or a ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'triggermap.db'}"

_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


def to_async_url(url: str) -> str:
    """Return ``url`` with the async driver TriggerMap uses for its database.

    Plain ``sqlite:///...`` and ``postgresql://...`` URLs are accepted so that the same URL works
    with psql, Alembic and the service; the driver is chosen here.
    """
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in _ASYNC_DRIVERS:
        supported = "sqlite:///<path> or postgresql://user@host:port/db"
        raise ValueError(f"unsupported database URL scheme {scheme!r}; use {supported}")
    return f"{_ASYNC_DRIVERS[scheme]}://{rest}"


class Settings(BaseSettings):
    """Every setting of the service. Each is read from ``TRIGGERMAP_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="TRIGGERMAP_", env_file=".env", extra="ignore")

    database_url: str = Field(
        DEFAULT_DATABASE_URL,
        description="Database URL: sqlite:///path or postgresql://user@host:port/db.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins allowed by CORS, e.g. https://app.example.org.",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    data_dir: Path = Field(PROJECT_ROOT / "data", description="Folder of the curated dataset.")
    snapshot_refresh_seconds: float = Field(
        30.0,
        ge=0,
        description="How often the matcher checks for a new dataset version (0 disables).",
    )
    telemetry: bool = Field(
        False,
        description="FastAPI's native OpenTelemetry (traces, metrics, logs) for the configured "
        "providers. Off by default: the service exports nothing about requests unless asked to.",
    )

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        to_async_url(value)
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


@lru_cache
def get_settings() -> Settings:
    return Settings()
