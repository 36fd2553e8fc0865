"""Coroutines started from widget callbacks, on the kernel's running event loop.

ipywidgets calls a button's `on_click` handler synchronously from the kernel's message loop. A
handler that waited for a database query or an API call would freeze the kernel; instead it hands
the coroutine to `Tasks.start`, which schedules it on the running loop and returns at once, so
the notebook stays responsive (a Stop button still gets its click delivered). `await wait()` lets
a test — or the next cell — wait for completion. A failure is handed to `on_error`, which shows
it in the component: nothing is lost in a background task nobody awaits.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class Tasks:
    """The background work of one component."""

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self._on_error = on_error
        self._running: dict[str, asyncio.Task[Any]] = {}

    def start(self, name: str, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run `coroutine` on the running loop as the component's `name` task.

        Starting a task while one of the same name still runs cancels the older one: a second
        search replaces the first instead of racing it.
        """
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            coroutine.close()
            raise RuntimeError(
                "no running event loop: use this component in Jupyter, or await its methods "
                "from async code"
            ) from None
        previous = self._running.get(name)
        if previous is not None and not previous.done():
            previous.cancel()
        task = loop.create_task(coroutine, name=name)
        self._running[name] = task
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        if self._running.get(task.get_name()) is task:
            del self._running[task.get_name()]
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.warning("notebook task %s failed", task.get_name(), exc_info=error)
            self._on_error(error)

    def busy(self, name: str | None = None) -> bool:
        """Whether `name` (or any task) is still running."""
        if name is None:
            return bool(self._running)
        return name in self._running

    async def wait(self) -> None:
        """Wait until every task started so far (and any they start) has finished."""
        while self._running:
            await asyncio.gather(*self._running.values(), return_exceptions=True)
