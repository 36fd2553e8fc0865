"""Moving words in and out: imports (files, pasted text, uploads) planned then written in one
transaction, the notebook's step-by-step batch import, and exports (CSV, Anki).

Words without a translation get theirs from the one word-source chain (`vocabulary.WordSources`).
Imports `domain`, `infrastructure` and the public surfaces of `vocabulary` and `bulk`.
"""

from words_tui.services.transfer import batch
from words_tui.services.transfer.import_export import (
    ImportReport,
    export_profile,
    import_file,
)

__all__ = ["ImportReport", "batch", "export_profile", "import_file"]
