"""Moving words in and out: imports (files, pasted text, uploads) planned then written in one
transaction, the notebook's step-by-step batch import, and exports (CSV, Anki).

Words without a translation get theirs from the one word-source chain (`vocabulary.WordSources`).
Imports `domain`, `infrastructure` and the public surfaces of `vocabulary` and `bulk`.
Front-ends use `Transfer` (through `Core.transfer`), the pure reading helpers of `batch`
(pasted text, uploads, column shapes, grid rows) and the records they return.
"""

from words_tui.infrastructure.importers import (
    ImportRecord,
    ParsedSource,
    SourceError,
    UnknownColumns,
)
from words_tui.services.transfer import batch
from words_tui.services.transfer.batch import (
    CommitReport,
    Preview,
    ReviewRow,
    TableShape,
)
from words_tui.services.transfer.facade import NoTranslationSource, Transfer
from words_tui.services.transfer.import_export import (
    ExportReport,
    ImportReport,
    export_profile,
    import_file,
)

__all__ = [
    "CommitReport",
    "ExportReport",
    "ImportRecord",
    "ImportReport",
    "NoTranslationSource",
    "ParsedSource",
    "Preview",
    "ReviewRow",
    "SourceError",
    "TableShape",
    "Transfer",
    "UnknownColumns",
    "batch",
    "export_profile",
    "import_file",
]
