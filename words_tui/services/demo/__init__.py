"""Demo mode: a throwaway learner with months of simulated history, so the notebooks' charts are
real on a fresh install with no API key.

`learner` simulates a learner with the real scheduling rules (pure: no I/O); `history` writes the
simulation into a database through a `Core`. Imports `domain`, `infrastructure`, `services.core`
and the vocabulary capability's public surface.
"""

from words_tui.services.demo.history import (
    DEMO_PROFILE,
    DEMO_USER,
    Demo,
    build_demo,
    populate_demo,
)
from words_tui.services.demo.learner import LearnerProfile

__all__ = ["DEMO_PROFILE", "DEMO_USER", "Demo", "LearnerProfile", "build_demo", "populate_demo"]
