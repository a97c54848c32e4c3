"""The match batch: requests that arrive together are answered as if each came alone."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.config import Settings
from app.main import create_app
from app.matching_api.batching import Batch


def test_calls_of_one_turn_run_together_in_order() -> None:
    log: list[str] = []

    def call(name: str) -> Callable[[], str]:
        def run() -> str:
            log.append(name)
            return name.upper()

        return run

    async def waiter(batch: Batch[str], name: str) -> str:
        result = await batch.run(call(name))
        log.append(f"{name} answered")
        return result

    async def main() -> list[str]:
        batch: Batch[str] = Batch()
        return await asyncio.gather(*(waiter(batch, name) for name in ("a", "b", "c")))

    assert asyncio.run(main()) == ["A", "B", "C"]
    # every call ran before the first caller resumed
    assert log == ["a", "b", "c", "a answered", "b answered", "c answered"]


def test_an_error_goes_to_its_own_caller_only() -> None:
    def fail() -> str:
        raise ValueError("bad one")

    async def main() -> list[Any]:
        batch: Batch[str] = Batch()
        calls = [lambda: "first", fail, lambda: "last"]
        return await asyncio.gather(*(batch.run(c) for c in calls), return_exceptions=True)

    first, error, last = asyncio.run(main())
    assert (first, last) == ("first", "last")
    assert isinstance(error, ValueError)
    assert str(error) == "bad one"


def note(log: list[str], name: str) -> str:
    log.append(name)
    return name


def test_a_cancelled_caller_is_skipped() -> None:
    ran: list[str] = []

    async def main() -> str:
        batch: Batch[str] = Batch()
        doomed = asyncio.ensure_future(batch.run(lambda: note(ran, "doomed")))
        kept = asyncio.ensure_future(batch.run(lambda: note(ran, "kept")))
        await asyncio.sleep(0)  # both are waiting in the batch now
        doomed.cancel()
        return await asyncio.wait_for(kept, timeout=5)

    assert asyncio.run(main()) == "kept"
    assert ran == ["kept"]


def test_one_batch_serves_one_event_loop_after_another() -> None:
    batch: Batch[int] = Batch()
    assert asyncio.run(batch.run(lambda: 1)) == 1
    assert asyncio.run(batch.run(lambda: 2)) == 2


BODIES: list[dict[str, Any]] = [
    {"text": "throbbing headache behind my left eye and at the temple"},
    {"regions": [{"region": "no-such-place"}]},  # 422, among good ones
    {"text": "sudden worst headache of my life, like being hit with a bat"},
    {"regions": [{"region": "temple", "side": "left"}, {"region": "occiput"}]},
    {"text": "low back pain", "absent_symptoms": ["screen-saddle-numbness"]},
]


@pytest.mark.parametrize("path", ["/v1/matches", "/v1/interpret"])
def test_concurrent_requests_get_the_answers_they_get_alone(seeded_url: str, path: str) -> None:
    app = create_app(Settings(database_url=seeded_url, snapshot_refresh_seconds=0))

    async def main() -> tuple[list[httpx.Response], list[httpx.Response]]:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                alone = [await client.post(path, json=body) for body in BODIES]
                together = await asyncio.gather(*(client.post(path, json=b) for b in BODIES))
        return alone, list(together)

    alone, together = asyncio.run(main())
    assert [r.status_code for r in alone] == [200, 422, 200, 200, 200]
    assert [(r.status_code, r.json()) for r in together] == [
        (r.status_code, r.json()) for r in alone
    ]
    assert together[1].headers["content-type"] == "application/problem+json"
    assert "no-such-place" in together[1].json()["detail"]
