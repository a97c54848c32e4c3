"""The FastAPI application: ``create_app()`` wires settings, database, errors and routers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.telemetry import TelemetryConfig

from app.catalog.router import router as catalog_router
from app.config import Settings, get_settings
from app.database import create_engine, create_sessionmaker
from app.errors import install_error_handlers
from app.exports.cache import ExportCache
from app.exports.router import router as export_router
from app.health.router import router as health_router
from app.matching_api.batching import Batch
from app.matching_api.router import router as matches_router
from app.matching_api.snapshot import Snapshot
from app.matching_api.vocabulary import router as vocabulary_router
from app.triage.router import router as triage_router

DESCRIPTION = """
TriggerMap: an open API and dataset of myofascial trigger points — muscles, their trigger
points, where each refers pain (essential and spillover zones), and the conditions that pain
mimics. Every fact carries a citation.

**Not medical advice.** TriggerMap is reference information for clinicians, researchers and
apps; it does not diagnose. Symptoms that may be serious need a doctor.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    logging.basicConfig(level=settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings.database_url)
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        snapshot = Snapshot(app.state.sessionmaker)
        app.state.snapshot = snapshot
        app.state.export_cache = ExportCache(app.state.sessionmaker)
        try:
            async with snapshot.running(settings.snapshot_refresh_seconds):
                yield
        finally:
            await engine.dispose()

    app = FastAPI(
        title="TriggerMap",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        license_info={"name": "Code Apache-2.0; data CC BY 4.0"},
        # Off unless asked for: nothing about requests leaves the process, and each request
        # skips FastAPI's check for configured OpenTelemetry providers.
        telemetry=TelemetryConfig(
            tracing=settings.telemetry, metrics=settings.telemetry, logs=settings.telemetry
        ),
    )
    app.state.settings = settings
    app.state.match_batch = Batch()
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    install_error_handlers(app)
    # The matcher first: routes are tried in order, and it is the hot path. Its routes go onto
    # the front of the app's own list, ahead of the docs routes FastAPI adds, rather than
    # through include_router, whose dispatch layer costs about a tenth of a region match; they
    # already carry the router's prefix, tags and route class.
    app.router.routes[:0] = matches_router.routes
    app.include_router(health_router)
    app.include_router(catalog_router)
    app.include_router(vocabulary_router)
    app.include_router(triage_router)
    app.include_router(export_router)
    return app
