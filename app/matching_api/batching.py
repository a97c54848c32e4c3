"""`Batch`: the matches that arrive together are run together, one after another.

A match is short (about a tenth of a millisecond) and touches a few hundred kilobytes of code
and index, which the HTTP work of the requests around it pushes out of the CPU caches; run cold,
it costs about twice as much. Under load the event loop receives several requests at once: each
request's task parses its body, then hands the match to the batch and waits; the batch runs all
of them back to back on the next turn of the loop, while the caches stay warm, and each task
sends its own response. A request on its own waits one turn of the loop (microseconds).

Nothing is kept: a call and its result leave the batch when they are run. An exception raised
by a call goes to its own request only (as if the endpoint had raised it), and a request that
was cancelled while it waited is skipped.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Batch(Generic[T]):
    """Runs the calls handed to it within one turn of the event loop, in order, on the next."""

    def __init__(self) -> None:
        self._pending: list[tuple[Callable[[], T], asyncio.Future[T]]] = []
        self._loop: asyncio.AbstractEventLoop | None = None

    async def run(self, call: Callable[[], T]) -> T:
        """`call()`, run with the other calls of this turn of the loop."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # a new loop (a test's, or after a restart): start afresh
            self._loop, self._pending = loop, []
        future: asyncio.Future[T] = loop.create_future()
        if not self._pending:
            loop.call_soon(self._flush)
        self._pending.append((call, future))
        return await future

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        for call, future in pending:
            if future.cancelled():
                continue
            try:
                future.set_result(call())
            except Exception as exc:  # the request's own error: its handler answers it
                future.set_exception(exc)
