"""A learner's vocabulary: profiles, adding words (one path, one word or thousands), the word-source
chain (`WordSources`: stored entries → translation cache → starter → dictionaries → LLM) and
looking words up through it, levels from word lists, browsing, editing, word details.

Imports `domain`, `infrastructure` and the public surface of `bulk` (the chain's LLM end).
Front-ends use `Profiles` and `Vocabulary` (through `Core.profiles` and `Core.vocabulary`) and
the records they return; `Profile` is re-exported for their type hints.
"""

from words_tui.infrastructure.db.models import Profile
from words_tui.services.vocabulary.accuracy import DirectionAccuracy, direction_accuracy
from words_tui.services.vocabulary.browse import (
    Cursor,
    Order,
    Page,
    ReviewRecord,
    VocabularyFilter,
    VocabularyItem,
    WordNotFound,
    browse,
    count_words,
    delete_word,
    edit_meanings,
    get_word,
    reset_word,
    review_history,
    set_suspended,
)
from words_tui.services.vocabulary.details import DirectionCard, WordDetails, word_details
from words_tui.services.vocabulary.drafts import AddOutcome, WordDraft, add_word, split_translations
from words_tui.services.vocabulary.facade import SETTING_KNOBS, Profiles, Vocabulary
from words_tui.services.vocabulary.lookup import FoundEntry, LookupResult, lookup_word
from words_tui.services.vocabulary.profiles import (
    ProfileError,
    ProfileKnobs,
    ProfileNotFound,
    StartedOver,
    active_profile,
    change_level,
    create_profile,
    get_profile,
    list_profiles,
    profile_by_id,
    start_over,
    update_profile,
    use_profile,
)
from words_tui.services.vocabulary.sources import (
    NO_LLM,
    DictionaryProvider,
    Translation,
    WordSources,
    stored_entries,
)
from words_tui.services.vocabulary.store import entry_from_row
from words_tui.services.vocabulary.wordlists import (
    BootstrapResult,
    Progress,
    bootstrap_from_starter,
    bootstrap_level,
    frequent_lemmas,
    is_junk,
    known_norms,
)
from words_tui.services.vocabulary.words import (
    CARD_FIELDS,
    AddedWords,
    Identity,
    NewWord,
    add_words,
    card_values,
    dump_examples,
    dump_meanings,
    ensure_words,
    import_source,
    save_entries,
)

__all__ = [
    "CARD_FIELDS",
    "NO_LLM",
    "SETTING_KNOBS",
    "AddOutcome",
    "AddedWords",
    "BootstrapResult",
    "Cursor",
    "DictionaryProvider",
    "DirectionAccuracy",
    "DirectionCard",
    "FoundEntry",
    "Identity",
    "LookupResult",
    "NewWord",
    "Order",
    "Page",
    "Profile",
    "ProfileError",
    "ProfileKnobs",
    "ProfileNotFound",
    "Profiles",
    "Progress",
    "ReviewRecord",
    "StartedOver",
    "Translation",
    "Vocabulary",
    "VocabularyFilter",
    "VocabularyItem",
    "WordDetails",
    "WordDraft",
    "WordNotFound",
    "WordSources",
    "active_profile",
    "add_word",
    "add_words",
    "bootstrap_from_starter",
    "bootstrap_level",
    "browse",
    "card_values",
    "change_level",
    "count_words",
    "create_profile",
    "delete_word",
    "direction_accuracy",
    "dump_examples",
    "dump_meanings",
    "edit_meanings",
    "ensure_words",
    "entry_from_row",
    "frequent_lemmas",
    "get_profile",
    "get_word",
    "import_source",
    "is_junk",
    "known_norms",
    "list_profiles",
    "lookup_word",
    "profile_by_id",
    "reset_word",
    "review_history",
    "save_entries",
    "set_suspended",
    "split_translations",
    "start_over",
    "stored_entries",
    "update_profile",
    "use_profile",
    "word_details",
]
