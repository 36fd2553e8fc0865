"""The cycle collector switched off while a large import holds millions of plain objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def garbage_collection(*, enabled: bool) -> Iterator[None]:
    """Turn Python's cycle collector off (or back on) for a block, then restore its state.

    Each collection pass rescans every live object, and a 100k-row import holds millions (records,
    plan, rows): with the collector on, its passes made up a third of a large import. Import
    records form no reference cycles, so nothing is left uncollected for long.
    """
    was_enabled = gc.isenabled()
    if enabled:
        gc.enable()
    else:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        else:
            gc.disable()
