"""FastAPI's native OpenTelemetry is off unless ``TRIGGERMAP_TELEMETRY`` turns it on."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import httpx
from opentelemetry import trace

from app.config import Settings
from app.main import create_app


class _Recorder(trace.TracerProvider):
    """A tracer provider that notes the name of every span started through it."""

    def __init__(self) -> None:
        self.spans: list[str] = []

    def get_tracer(self, *args: Any, **kwargs: Any) -> trace.Tracer:
        recorder = self

        class _Tracer(trace.NoOpTracer):
            def start_span(self, name: str, *a: Any, **k: Any) -> trace.Span:
                recorder.spans.append(name)
                return super().start_span(name, *a, **k)

            def start_as_current_span(self, name: str, *a: Any, **k: Any) -> Any:
                recorder.spans.append(name)
                return super().start_as_current_span(name, *a, **k)

        return _Tracer()


def _spans_for_one_request(settings: Mapping[str, object]) -> list[str]:
    recorder = _Recorder()
    app = create_app(Settings(**settings))  # type: ignore[arg-type]
    # the setting FastAPI(telemetry={"tracer_provider": ...}) takes, set on the built app
    app._telemetry["tracer_provider"] = recorder

    async def get() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            assert (await client.get("/healthz")).status_code == 200

    asyncio.run(get())
    return recorder.spans


def test_no_spans_by_default() -> None:
    assert Settings().telemetry is False
    assert _spans_for_one_request({}) == []


def test_spans_when_turned_on() -> None:
    assert _spans_for_one_request({"telemetry": True})
