"""Moving words in and out: imports (files, pasted text, uploads) planned then written in one
transaction, the notebook's step-by-step batch import, and exports (CSV, Anki).

Imports `domain`, `infrastructure` and the public surfaces of `vocabulary` and `bulk`.
"""

from words_tui.services.transfer import batch
from words_tui.services.transfer.import_export import (
    ImportReport,
    WordTranslator,
    export_profile,
    import_file,
)

__all__ = ["ImportReport", "WordTranslator", "batch", "export_profile", "import_file"]
