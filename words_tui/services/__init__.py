"""Use cases: the only layer the front-ends call.

`Core` (in `core`) is the composition root every front-end takes; it hands out one facade per
capability package (`lessons`, `vocabulary`, `bulk`, `transfer`, `stats`), each with a small
public surface (`__all__`). Importing this package loads nothing heavy: the capabilities (and
SQLAlchemy with them) load when a `Core` first hands one out.
"""

from words_tui.services.core import Clock, Core, SchemaStatus, system_clock

__all__ = ["Clock", "Core", "SchemaStatus", "system_clock"]
