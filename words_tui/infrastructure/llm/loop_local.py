"""Objects that belong to one event loop: HTTP clients, limiters, semaphores.

A Jupyter kernel, the TUI and the test suite each run their own loops (often several in one
process); asyncio primitives and connection pools bound to one loop break in another. `LoopLocal`
keeps one instance per running loop and forgets it when the loop is garbage-collected.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

T = TypeVar("T")


class LoopLocal(Generic[T]):
    """One `factory()` product per running event loop, created on first use in that loop."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._items: WeakKeyDictionary[asyncio.AbstractEventLoop, T] = WeakKeyDictionary()

    def get(self) -> T:
        loop = asyncio.get_running_loop()
        item = self._items.get(loop)
        if item is None:
            item = self._items[loop] = self._factory()
        return item

    def pop(self) -> T | None:
        """Forget (and return) the current loop's instance, e.g. to close it."""
        return self._items.pop(asyncio.get_running_loop(), None)
